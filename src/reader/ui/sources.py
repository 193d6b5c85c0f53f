"""Row sources that feed the virtual tables from the store, one page at a time.

Each source counts its rows once when made; the table asks only for the pages it shows.
They run on the UI thread, on the app's own :class:`~reader.core.store.Store`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reader.core.sanitize import clean_line
from reader.core.store import Annotation, Store, snippet_parts


def _article_row(row: dict[str, Any]) -> dict[str, Any]:
    """An article row as the tables show it: date with a space, no None outlet, missing files marked."""
    row["date"] = (row["published"] or "").replace("T", " ")
    row["outlet"] = row["outlet"] or ""
    if row["status"] == "missing":
        row["title"] = "[file missing] " + row["title"]
    return row


class ArticleSource:
    """Articles of a corpus, filtered by words in title, outlet, path or date."""

    def __init__(self, store: Store, corpus_id: int, text: str = "", *, as_last_indexed: bool = False) -> None:
        self.store, self.corpus_id, self.text = store, corpus_id, text
        self._len = store.count_articles(corpus_id, text, as_last_indexed=as_last_indexed)

    def __len__(self) -> int:
        return self._len

    def rows(self, offset: int, limit: int) -> Sequence[Mapping[str, Any]]:
        return [_article_row(r) for r in self.store.list_articles(self.corpus_id, self.text, offset, limit)]


class ArticleSearchSource:
    """Articles matching a full-text query, best first, with the matching passage."""

    def __init__(self, store: Store, corpus_id: int, query: str) -> None:
        self.store, self.query = store, query
        self._ranked = store.ranked_article_matches(query, corpus_id)  # once; pages slice it

    def __len__(self) -> int:
        return len(self._ranked)

    def rows(self, offset: int, limit: int) -> Sequence[Mapping[str, Any]]:
        page = self._ranked[offset:offset + limit]
        rows = [_article_row(r) for r in self.store.article_match_rows(self.query, page)]
        for r in rows:
            r["match"] = "".join(t for t, _ in snippet_parts(r["snippet"]))
        return rows


def annotation_row(a: Annotation) -> dict[str, Any]:
    marks = {"fuzzy": "? ", "orphaned": "✗ "}.get(a.anchor, "")
    return {
        "id": a.id,
        "article_id": a.article_id,
        "start": a.start,
        "end": a.end,
        "article": a.article_title,
        "quote": marks + clean_line(a.quote),
        "note": clean_line(a.note),
        "tags": ", ".join(a.tags),
        "anchor": a.anchor,
    }


class AnnotationSource:
    """Annotations across a corpus, optionally of one tag and/or matching a query."""

    def __init__(self, store: Store, corpus_id: int | None, *, tag: str | None = None, search: str = "") -> None:
        self.store, self.corpus_id, self.tag, self.search = store, corpus_id, tag, search.strip()
        self._len = store.count_annotations(corpus_id=corpus_id, tag=tag, search=self.search or None)

    def __len__(self) -> int:
        return self._len

    def rows(self, offset: int, limit: int) -> Sequence[Mapping[str, Any]]:
        found = self.store.query_annotations(
            corpus_id=self.corpus_id, tag=self.tag, search=self.search or None, offset=offset, limit=limit
        )
        return [annotation_row(a) for a in found]
