"""Command line: ``reader`` opens the app; subcommands sit beside it.

Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 a file or data error,
2 a usage error (click's own).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from reader import __version__


def _read_text_arg(name: str) -> tuple[str, str]:
    """Read FILE (or ``-`` for stdin) as UTF-8; raise ClickException naming it when it is not."""
    if name == "-":
        data = sys.stdin.buffer.read()
        label = "<stdin>"
    else:
        path = Path(name)
        label = name
        try:
            data = path.read_bytes()
        except OSError as e:
            raise click.ClickException(f"{label}: cannot read: {e.strerror or e}") from e
    if b"\x00" in data[:8192]:
        raise click.ClickException(f"{label}: looks like a binary file, not UTF-8 text")
    try:
        return label, data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise click.ClickException(
            f"{label}: not UTF-8 text (invalid byte 0x{data[e.start]:02x} at offset {e.start})"
        ) from e


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reader")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Read one news event across many outlets; mark what matters; take the evidence out.

    With no command, opens the app on the corpus.
    """
    if ctx.invoked_subcommand is None:
        click.echo("the app is not built yet", err=True)


@main.command()
@click.argument("files", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
def spans(files: tuple[str, ...], fmt: str) -> None:
    """Print the figures and quotes detected in FILE(s) (stdin when none or '-').

    Offsets are string indices into each file's text exactly as decoded from UTF-8, end
    exclusive. With one input, --format json prints one JSON list of spans sorted by start;
    with several, one JSON object per line: {"file": ..., "spans": [...]}.
    """
    from reader.core.spans import detect

    names = list(files) or ["-"]
    failed = False
    for name in names:
        try:
            label, text = _read_text_arg(name)
        except click.ClickException as e:
            click.echo(f"Error: {e.message}", err=True)
            failed = True
            continue
        found = detect(text)
        if fmt == "json":
            items = [s.to_dict() for s in found]
            if len(names) == 1:
                click.echo(json.dumps(items, ensure_ascii=False))
            else:
                click.echo(json.dumps({"file": label, "spans": items}, ensure_ascii=False))
        else:
            if len(names) > 1:
                click.echo(f"== {label}")
            for s in found:
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
