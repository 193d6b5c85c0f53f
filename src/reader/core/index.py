"""Bring the store's index of a corpus folder up to date.

Stat first; read and hash only files whose size or mtime changed; parse only files whose hash
changed. Writes go in batches, each one ``BEGIN IMMEDIATE`` transaction. When an article's text
changes, its annotations are re-anchored (never dropped: one that cannot be placed is marked
``orphaned``). A removed file's row is deleted, unless annotations hang on it: then it is kept
as ``missing`` so the annotations stay reachable.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.anchoring import reanchor
from reader.core.corpus import FileEntry, FileProblem, ParsedArticle, discover, read_article
from reader.core.store import Store

BATCH = 400
PARALLEL_FROM = 1000
"""From this many files to read, parsing runs in worker processes while this thread writes."""
Progress = Callable[["IndexProgress"], None]


@dataclass(slots=True)
class IndexProgress:
    done: int
    total: int
    current: str = ""


@dataclass(slots=True)
class IndexReport:
    corpus_id: int
    new: int = 0
    changed: int = 0
    removed: int = 0
    failed: int = 0
    unchanged: int = 0
    seconds: float = 0.0
    bytes_read: int = 0
    problems: list[FileProblem] = field(default_factory=list)
    reanchored: dict[str, int] = field(default_factory=dict)
    """Counts of re-anchored annotations by status (anchored / fuzzy / orphaned)."""
    cancelled: bool = False

    def summary(self) -> str:
        line = (
            f"{self.new} new, {self.changed} changed, {self.removed} removed, {self.failed} failed, "
            f"{self.unchanged} unchanged in {self.seconds:.1f} s"
        )
        moved = {k: v for k, v in self.reanchored.items() if k != "anchored" and v}
        if moved:
            line += " — annotations to check: " + ", ".join(f"{v} {k}" for k, v in sorted(moved.items()))
        if self.cancelled:
            line += " (cancelled)"
        return line


def index_corpus(
    store: Store,
    root: Path,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    every: float = 0.2,
) -> IndexReport:
    """Sync the corpus at ``root`` into ``store``; report what changed.

    ``progress`` is called at most every ``every`` seconds (and once at the end);
    ``cancel`` stops the work between batches (what was written stays written)."""
    t0 = time.perf_counter()
    root = Path(root).resolve()
    corpus_id = store.corpus_id(root)
    assert corpus_id is not None
    report = IndexReport(corpus_id)
    known = store.article_stats(corpus_id)
    failed_errors = {r["path"]: r["error"] for r in store.failed_articles(corpus_id)}
    unseen = set(known)
    todo: list[FileEntry] = []  # only files that changed are kept: memory stays small when few did
    for e in discover(root) if root.is_dir() else ():
        unseen.discard(e.rel)
        old = known.get(e.rel)
        if old is not None and old[1] == e.size and old[2] == e.mtime_ns and old[4] != "missing":
            if old[4] == "failed":  # still unreadable: say so on every run, not only the first
                report.failed += 1
                report.problems.append(FileProblem(e.rel, failed_errors.get(e.rel) or "could not be read"))
            else:
                report.unchanged += 1
        else:
            todo.append(e)
    removed = [(rel, known[rel]) for rel in sorted(unseen) if known[rel][4] != "missing"]

    total = len(todo)
    last = 0.0

    def tick(done: int, current: str, force: bool = False) -> None:
        nonlocal last
        now = time.perf_counter()
        if progress and (force or now - last >= every):
            last = now
            progress(IndexProgress(done, total, current))

    tick(0, "", force=True)
    if todo or removed:
        store.forget_article_count(corpus_id)  # set again by mark_indexed when the run completes
    pool = _parse_pool() if total >= PARALLEL_FROM else None
    try:
        results = _parsed(todo, pool)
        for b in range(0, total, BATCH):
            if cancel is not None and cancel.is_set():
                report.cancelled = True
                break
            batch = todo[b:b + BATCH]
            parsed = [next(results) for _ in batch]
            with store.write():
                for e, art in zip(batch, parsed):
                    _apply(store, corpus_id, e, art, known.get(e.rel), report)
            tick(b + len(batch), batch[-1].rel)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    if not report.cancelled and removed:
        with store.write():
            for rel, row in removed:
                article_id = row[0]
                has_notes = store.conn.execute(
                    "SELECT 1 FROM annotations WHERE article_id = ? LIMIT 1", [article_id]
                ).fetchone()
                if has_notes:
                    store.conn.execute("UPDATE articles SET status = 'missing' WHERE id = ?", [article_id])
                else:
                    store.conn.execute("DELETE FROM articles WHERE id = ?", [article_id])
                report.removed += 1
    if not report.cancelled:
        store.mark_indexed(corpus_id)
    report.seconds = time.perf_counter() - t0
    tick(total if not report.cancelled else 0, "", force=True)
    return report


def _parse_pool() -> ProcessPoolExecutor | None:
    """Worker processes for parsing (spawned: safe from a threaded program such as the app)."""
    workers = min(2, os.cpu_count() or 1)
    if workers < 2:
        return None
    try:
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    except (OSError, ValueError):  # pragma: no cover - no process support here: parse in-line
        return None


def _parse_chunk(entries: list[FileEntry]) -> list[ParsedArticle | FileProblem]:
    return [read_article(e) for e in entries]


def _parsed(entries: list[FileEntry], pool: ProcessPoolExecutor | None) -> Iterator[ParsedArticle | FileProblem]:
    """Parse results in the order of ``entries``. With a pool, chunks are parsed ahead of the
    writer, but only a few at a time, so memory stays flat however large the corpus."""
    if pool is None:
        yield from (read_article(e) for e in entries)
        return
    chunk = 64
    ahead = 8
    pending: list = []
    next_start = 0
    while next_start < len(entries) or pending:
        while next_start < len(entries) and len(pending) < ahead:
            pending.append(pool.submit(_parse_chunk, entries[next_start:next_start + chunk]))
            next_start += chunk
        yield from pending.pop(0).result()


def _apply(
    store: Store,
    corpus_id: int,
    e: FileEntry,
    art: ParsedArticle | FileProblem,
    old: tuple | None,
    report: IndexReport,
) -> None:
    now = store._now()
    conn = store.conn
    if isinstance(art, FileProblem):
        report.failed += 1
        report.problems.append(art)
        if old is None:
            conn.execute(
                """INSERT INTO articles (corpus_id, path, size, mtime_ns, status, error, indexed_at, title)
                   VALUES (?, ?, ?, ?, 'failed', ?, ?, ?)""",
                [corpus_id, e.rel, e.size, e.mtime_ns, art.message, now, e.rel],
            )
        else:
            # Keep the last good text (and the annotations on it); record the problem.
            conn.execute(
                "UPDATE articles SET size = ?, mtime_ns = ?, error = ?, indexed_at = ?, "
                "status = CASE WHEN hash IS NULL THEN 'failed' ELSE status END WHERE id = ?",
                [e.size, e.mtime_ns, art.message, now, old[0]],
            )
        return
    report.bytes_read += e.size
    values = [e.size, e.mtime_ns, art.hash, art.title, art.outlet, art.published, art.words, art.text, now]
    if old is None:
        conn.execute(
            """INSERT INTO articles (size, mtime_ns, hash, title, outlet, published, words, text, indexed_at,
                                     corpus_id, path, status)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok')""",
            values + [corpus_id, e.rel],
        )
        report.new += 1
        return
    article_id, _, _, old_hash, status = old
    if old_hash == art.hash and status == "ok":
        conn.execute("UPDATE articles SET size = ?, mtime_ns = ? WHERE id = ?", [e.size, e.mtime_ns, article_id])
        report.unchanged += 1
        return
    conn.execute(
        """UPDATE articles SET size = ?, mtime_ns = ?, hash = ?, title = ?, outlet = ?, published = ?,
                  words = ?, text = ?, indexed_at = ?, status = 'ok', error = NULL WHERE id = ?""",
        values + [article_id],
    )
    if old_hash is None and status == "failed":
        report.new += 1
    else:
        report.changed += 1
    _reanchor_article(store, article_id, art.text, art.hash, report)


def _reanchor_article(store: Store, article_id: int, text: str, new_hash: str, report: IndexReport) -> None:
    for ann in store.annotations_for_article(article_id) + _deleted_annotations(store, article_id):
        anchor = reanchor(text, ann.selector)
        report.reanchored[anchor.status] = report.reanchored.get(anchor.status, 0) + 1
        store.set_anchor(ann.id, anchor.start, anchor.end, anchor.status, new_hash)


def _deleted_annotations(store: Store, article_id: int) -> list:
    ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM annotations WHERE article_id = ? AND deleted IS NOT NULL", [article_id]
    )]
    return [a for a in (store.get_annotation(i) for i in ids) if a is not None]
