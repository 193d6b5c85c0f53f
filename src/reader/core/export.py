"""Export annotations as Markdown, JSON or CSV. One module serves the CLI and the app."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import datetime, timezone

from reader.core.store import Annotation

FORMATS = ("md", "json", "csv")
EXTENSIONS = {"md": ".md", "json": ".json", "csv": ".csv"}


def render(annotations: Sequence[Annotation], fmt: str, *, now: datetime | None = None) -> str:
    """The annotations in ``fmt`` (``md``, ``json`` or ``csv``) as one string."""
    if fmt == "md":
        return to_markdown(annotations, now=now)
    if fmt == "json":
        return to_json(annotations)
    if fmt == "csv":
        return to_csv(annotations)
    raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")


def to_record(a: Annotation) -> dict:
    """One annotation as a plain dict, with W3C Web Annotation-style selectors."""
    return {
        "id": a.id,
        "article": {
            "id": a.article_id,
            "path": a.article_path,
            "title": a.article_title,
            "outlet": a.article_outlet,
            "published": a.article_published,
        },
        "quote": a.quote,
        "note": a.note,
        "tags": list(a.tags),
        "anchor": a.anchor,
        "selector": [
            {"type": "TextQuoteSelector", "exact": a.quote, "prefix": a.prefix, "suffix": a.suffix},
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
        ],
        "created": a.created,
        "updated": a.updated,
    }


def to_json(annotations: Sequence[Annotation]) -> str:
    return json.dumps([to_record(a) for a in annotations], ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ["id", "article_path", "article_title", "outlet", "published", "start", "end", "quote", "note", "tags", "anchor", "created", "updated"]


def _cell(value: object) -> object:
    """Keep spreadsheets from running a cell as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(annotations: Sequence[Annotation]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for a in annotations:
        w.writerow([_cell(v) for v in (
            a.id, a.article_path, a.article_title, a.article_outlet or "", a.article_published or "",
            a.start, a.end, a.quote, a.note, "; ".join(a.tags), a.anchor, a.created, a.updated,
        )])
    return buf.getvalue()


_ANCHOR_NOTE = {"fuzzy": "moved when the article changed: please check", "orphaned": "not found in the current article text"}


def to_markdown(annotations: Sequence[Annotation], *, now: datetime | None = None) -> str:
    """Grouped by article (in the order given): the quote as a blockquote, the note, the tags."""
    now = now or datetime.now(timezone.utc)
    n = len(annotations)
    out = [f"# Annotations ({n} {'annotation' if n == 1 else 'annotations'}, exported {now:%Y-%m-%d})", ""]
    current: int | None = None
    for a in annotations:
        if a.article_id != current:
            current = a.article_id
            out += [f"## {_md_line(a.article_title) or a.article_path}", ""]
            meta = " · ".join(x for x in (a.article_outlet, a.article_published, f"`{a.article_path}`") if x)
            out += [f"*{meta}*" if meta else "", ""]
        out += ["> " + line if line else ">" for line in a.quote.strip().splitlines()]
        out.append("")
        if a.note.strip():
            out += [a.note.strip(), ""]
        extras = []
        if a.tags:
            extras.append("Tags: " + ", ".join(f"`{t}`" for t in a.tags))
        if a.anchor in _ANCHOR_NOTE:
            extras.append(f"⚠ {_ANCHOR_NOTE[a.anchor]}")
        if extras:
            out += [" · ".join(extras), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _md_line(s: str) -> str:
    return " ".join(s.split())
