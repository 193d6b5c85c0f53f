"""Command line: ``reader`` opens the app; subcommands sit beside it.

Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 a file or data error,
2 a usage error (click's own).
"""

from __future__ import annotations

import gc
import json
import mmap
import os
import sys
from pathlib import Path

import click

from reader import __version__
from reader.paths import resolve_corpus_dir, resolve_db_path


def _read_text_arg(name: str) -> tuple[str, str]:
    """Read FILE (or ``-`` for stdin) as UTF-8; raise ClickException naming it when it is not."""
    from reader.core.corpus import FileProblem, decode_utf8

    if name == "-":
        text = decode_utf8("<stdin>", sys.stdin.buffer.read())
        label = "<stdin>"
    else:
        label = name
        try:
            with open(name, "rb") as f:
                try:
                    # decoded from the page cache, without a copy of the file first (on 20 MB,
                    # 4,600 fewer page faults and ~10-20 ms less)
                    data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
                except (ValueError, OSError):  # empty, or not a regular file (a pipe, a device)
                    data = f.read()
        except OSError as e:
            raise click.ClickException(f"{label}: cannot read: {e.strerror or e}") from e
        try:
            text = decode_utf8(label, data)  # exactly as decoded: span offsets index this text
        finally:
            if isinstance(data, mmap.mmap):
                data.close()
    if isinstance(text, FileProblem):
        raise click.ClickException(str(text))
    return label, text


def _db_option(f):
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False), default=None,
        help="Database file (default: $READER_DB, else reader.db in the user data directory).",
    )(f)


def _corpus_option(f):
    return click.option(
        "--corpus", "corpus_dir", type=click.Path(file_okay=False), default=None,
        help="Corpus folder (default: $READER_CORPUS, else ./corpus).",
    )(f)


def _scope_option(f):
    return click.option(
        "--corpus", "corpus_dir", type=click.Path(file_okay=False), default=None,
        help="Only the annotations of this corpus folder (default: every corpus in the database).",
    )(f)


def _open_store(ctx: click.Context, db_path: str | None):
    from reader.core.store import Store, StoreError

    path = resolve_db_path(db_path or (ctx.obj or {}).get("db"))
    try:
        return Store.open(path)
    except StoreError as e:
        raise click.ClickException(str(e)) from e


def _corpus_path(ctx: click.Context, corpus_dir: str | None, *, must_exist: bool = True) -> Path:
    path = resolve_corpus_dir(corpus_dir or (ctx.obj or {}).get("corpus"))
    if must_exist and not path.is_dir():
        raise click.ClickException(
            f"{path}: no such corpus folder (give one with --corpus DIR or $READER_CORPUS)"
        )
    return path


def _scope(ctx: click.Context, store, corpus_dir: str | None, consequence: str) -> int | None:
    """The corpus a command is limited to when --corpus was given (None: every corpus)."""
    if not (corpus_dir or (ctx.obj or {}).get("corpus")):
        return None
    corpus_id = store.corpus_id(_corpus_path(ctx, corpus_dir, must_exist=False), create=False)
    if corpus_id is None:
        raise click.ClickException(f"that corpus has not been opened or indexed yet: {consequence}")
    return corpus_id


class _StderrProgress:
    """A progress bar on stderr when it is a terminal; silence otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar = None
        self.shown = 0

    def __call__(self, p) -> None:
        if not sys.stderr.isatty() or p.total == 0:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=p.total, label=self.label, file=sys.stderr, show_pos=True)
            self.bar.__enter__()
        self.bar.update(p.done - self.shown)
        self.shown = p.done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _index(store, corpus: Path, *, quiet: bool = False):
    from reader.core.index import index_corpus

    bar = _StderrProgress("Indexing")
    try:
        report = index_corpus(store, corpus, progress=None if quiet else bar)
    finally:
        bar.close()
    for problem in report.problems:
        click.echo(f"warning: {problem}", err=True)
    return report


class _Group(click.Group):
    """Turns a damaged database, met in any command, into one clear error instead of a traceback;
    a closed output pipe ends the command quietly with status 0."""

    def invoke(self, ctx: click.Context):
        import sqlite3

        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # The reader of our output stopped early (`reader search ... | head`): not an
            # error. Point stdout at /dev/null so the final flush does not fail again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except sqlite3.DatabaseError as e:
            db = resolve_db_path((ctx.obj or {}).get("db") or _subcommand_db(ctx))
            raise click.ClickException(
                f"{db}: the database is damaged ({e}). Your files are untouched; restore a backup of the "
                "database or start a new one with --db NEW.db (then re-index)."
            ) from e


def _subcommand_db(ctx: click.Context) -> str | None:
    args = ctx.protected_args + ctx.args
    for i, a in enumerate(args):
        if a == "--db" and i + 1 < len(args):
            return args[i + 1]
        if a.startswith("--db="):
            return a.split("=", 1)[1]
    return None


@click.group(cls=_Group, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reader")
@_db_option
@_corpus_option
@click.pass_context
def main(ctx: click.Context, db_path: str | None, corpus_dir: str | None) -> None:
    """Read one news event across many outlets; mark what matters; take the evidence out.

    With no command, opens the app on the corpus (--corpus DIR, else $READER_CORPUS, else
    ./corpus). Data goes to stdout, messages to stderr; exit code 1 means a file or data error.
    """
    ctx.obj = {"db": db_path, "corpus": corpus_dir}
    if ctx.invoked_subcommand is None:
        corpus = _corpus_path(ctx, None)
        db = resolve_db_path(db_path)
        from reader.core.store import Store, StoreError

        try:  # fail here, with a clear message, rather than inside the app
            Store.open(db).close()
        except StoreError as e:
            raise click.ClickException(str(e)) from e
        from reader.ui.app import ReaderApp

        app = ReaderApp(db_path=db, corpus_dir=corpus)
        app.run()
        if isinstance(app.database_error, StoreError):
            raise click.ClickException(str(app.database_error))
        if app.database_error is not None:
            raise app.database_error  # _Group turns it into one clear message, exit status 1
        sys.exit(app.return_code or 0)


@main.command()
@_db_option
@_corpus_option
@click.pass_context
def index(ctx: click.Context, db_path: str | None, corpus_dir: str | None) -> None:
    """Bring the index of the corpus up to date and exit.

    Re-reads only new and changed files. Prints one summary line (on stderr); files that cannot
    be read are named as warnings (on every run, until they are fixed) and do not stop the run,
    but the exit status is then 1.
    """
    corpus = _corpus_path(ctx, corpus_dir)
    store = _open_store(ctx, db_path)
    report = _index(store, corpus)
    click.echo(f"{corpus}: {report.summary()}", err=True)
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10000))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--no-refresh", is_flag=True, help="Search the index as it is, without checking the folder for changes.")
@_db_option
@_corpus_option
@click.pass_context
def search(ctx: click.Context, query: str, limit: int, fmt: str, no_refresh: bool, db_path: str | None, corpus_dir: str | None) -> None:
    """Full-text search over article titles and text and annotation notes, quotes and tags.

    Hits are ranked; each shows its article and a snippet around the match.
    """
    corpus = _corpus_path(ctx, corpus_dir)
    store = _open_store(ctx, db_path)
    if not no_refresh:
        _index(store, corpus)
    corpus_id = store.corpus_id(corpus)
    hits = store.search(query, corpus_id=corpus_id, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([
            {"kind": h.kind, "article_id": h.article_id, "title": h.article_title, "path": h.article_path,
             "annotation_id": h.annotation_id, "snippet": h.snippet.replace("\x02", "").replace("\x03", ""),
             "rank": round(h.rank, 4)}
            for h in hits
        ], ensure_ascii=False, indent=2))
    else:
        from reader.core.sanitize import clean_line
        from reader.core.store import snippet_parts

        tty = sys.stdout.isatty()
        for h in hits:
            where = "annotation" if h.kind == "annotation" else "text"
            click.echo(f"{clean_line(h.article_path)}  {clean_line(h.article_title)}  [{where}]")
            snippet = "".join(click.style(t, fg="yellow", bold=True) if m and tty else t for t, m in snippet_parts(h.snippet))
            click.echo(f"    {snippet}")
    if not hits:
        click.echo(f"No matches for {query!r}.", err=True)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["md", "json", "csv"]), default="md", show_default=True)
@click.option("--tag", "tags", multiple=True, help="Only annotations with this tag (repeatable: any of them).")
@click.option("--article", "articles", multiple=True, help="Only this article: id, path, file name or title (repeatable).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write to FILE instead of stdout.")
@click.option("--clipboard", is_flag=True, help="Copy to the system clipboard instead of stdout.")
@_db_option
@_scope_option
@click.pass_context
def export(ctx: click.Context, fmt: str, tags: tuple[str, ...], articles: tuple[str, ...], output: str | None,
           clipboard: bool, db_path: str | None, corpus_dir: str | None) -> None:
    """Export annotations as Markdown, JSON or CSV (to stdout, a file or the clipboard).

    Without --corpus, exports the annotations of every corpus in the database.
    """
    from reader.core.export import render

    if output and clipboard:
        raise click.UsageError("choose one of -o/--output and --clipboard")
    store = _open_store(ctx, db_path)
    corpus_id = _scope(ctx, store, corpus_dir, "nothing to export")
    article_ids = None
    if articles:
        article_ids = []
        for ref in articles:
            found = store.find_article(corpus_id, ref)
            if not found:
                raise click.ClickException(f"no article matches {ref!r}")
            if len(found) > 1:
                names = ", ".join(f"{a.id}:{a.path}" for a in found[:5])
                raise click.ClickException(f"{ref!r} matches {len(found)} articles ({names}); give the id or path")
            article_ids.append(found[0].id)
    selected = []
    seen: set[str] = set()
    for tag in tags or (None,):
        for a in store.query_annotations(corpus_id=corpus_id, tag=tag, article_ids=article_ids):
            if a.id not in seen:
                seen.add(a.id)
                selected.append(a)
    selected.sort(key=lambda a: (a.article_path, a.start, a.end))
    text = render(selected, fmt)
    n = len(selected)
    what = f"{n} annotation{'s' if n != 1 else ''}"
    if clipboard:
        from reader.core.clipboard import ClipboardUnavailable, copy_text

        try:
            copy_text(text)
        except ClipboardUnavailable as e:
            if sys.stderr.isatty():
                import base64

                sys.stderr.write("\x1b]52;c;" + base64.b64encode(text.encode()).decode() + "\x07")
                sys.stderr.flush()
                click.echo(f"{e}; sent {what} to the terminal's clipboard instead (OSC 52; "
                           "works where the terminal allows it).", err=True)
                return
            raise click.ClickException(f"{e}. Nothing was copied; use -o FILE or stdout instead.") from e
        click.echo(f"Copied {what} ({fmt}) to the clipboard.", err=True)
    elif output and output != "-":
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as e:
            raise click.ClickException(f"{output}: cannot write: {e.strerror or e}") from e
        click.echo(f"Wrote {what} to {output}.", err=True)
    else:
        click.echo(text, nl=False)
        if n == 0:
            click.echo("No annotations matched.", err=True)


@main.command()
@_db_option
@_scope_option
@click.pass_context
def tags(ctx: click.Context, db_path: str | None, corpus_dir: str | None) -> None:
    """List the tags in use with their annotation counts (all corpora unless --corpus)."""
    store = _open_store(ctx, db_path)
    corpus_id = _scope(ctx, store, corpus_dir, "it has no tags")
    for name, count in store.tag_counts(corpus_id):
        click.echo(f"{count}\t{name}")


@main.command()
@click.argument("files", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
def spans(files: tuple[str, ...], fmt: str) -> None:
    """Print the figures and quotes detected in FILE(s) (stdin when none or '-').

    Offsets are string indices into each file's text exactly as decoded from UTF-8, end
    exclusive. With one input, --format json prints one JSON list of spans sorted by start;
    with several, one JSON object per line: {"file": ..., "spans": [...]}. JSON is written
    as UTF-8.
    """
    from reader.core.spans import detect, write_json_utf8

    names = list(files) or ["-"]
    failed = False
    # Detection allocates many short-lived objects and makes no reference cycles worth collecting in
    # this one-shot command: the cyclic collector's passes over a large file's objects were ~5 % of
    # the time, so it is off here (only here: the app keeps it).
    gc.disable()
    for name in names:
        try:
            label, text = _read_text_arg(name)
        except click.ClickException as e:
            click.echo(f"Error: {e.message}", err=True)
            failed = True
            continue
        if fmt == "json":
            # UTF-8 JSON, written to the binary stdout in pieces as it is made (the whole JSON of a 20
            # MB text, and its encoded copy, were ~70 MB of fresh memory); JSON escapes every control
            # character, so there is no escape code to strip
            out = click.get_binary_stream("stdout")
            if len(names) > 1:
                out.write(('{"file": ' + json.dumps(label, ensure_ascii=False) + ', "spans": ').encode("utf-8"))
            write_json_utf8(text, out.write)
            out.write(b"}\n" if len(names) > 1 else b"\n")
        else:
            if len(names) > 1:
                click.echo(f"== {label}")
            for s in detect(text):
                click.echo(_span_line(s))
    if failed:
        sys.exit(1)


def _span_line(s) -> str:
    text = s.text.replace("\n", " ")
    if len(text) > 70:
        text = text[:67] + "..."
    if s.kind == "figure":
        extra = ", ".join(
            f"{k}={v}" for k, v in (("type", s.type), ("value", s.value), ("unit", s.unit), ("hedge", s.hedge)) if v is not None
        )
    else:
        extra = f"speaker={s.speaker or '?'}" + (f", cue={s.cue}" if s.cue else "") + (", partial" if s.partial else "")
    return f"{s.kind:<6} {s.start:>7}-{s.end:<7} {text!r}  {extra}"


if __name__ == "__main__":
    main()
