"""Spans of an article's reading text, cached in the store by (content hash, cache version).

A long article has thousands of spans (a 1.25 MB text: ~8,800), and the reading view needs
only the offsets and kinds of all of them plus the details (speaker, value...) of the few under
the cursor. So the cache keeps them in a form that opens in a few milliseconds
(:class:`SpanTable`): one line with every span's offsets and kind, then one JSON object per
span, decoded only when it is looked at. (Decoding all of them as one JSON list of objects took
35-80 ms for that article; building a record per span another 10-40.)
"""

from __future__ import annotations

import json
from dataclasses import replace
from collections.abc import Iterator, Sequence
from types import SimpleNamespace
from typing import Any, overload

from reader.core.corpus import READING_VERSION
from reader.core.spans import DETECTOR_VERSION, Span, detect
from reader.core.store import Article, Store

TABLE_FORMAT = "t2"
CACHE_VERSION = f"{DETECTOR_VERSION}/{READING_VERSION}/{TABLE_FORMAT}"
_KINDS = ("quote", "figure")
_KIND_CODE = {kind: code for code, kind in enumerate(_KINDS)}


class SpanTable(Sequence[Any]):
    """The spans of one text, sorted as :func:`reader.core.spans.detect` sorts them.

    ``starts``, ``ends`` and ``kinds`` are plain lists, ready for interval look-ups; indexing
    gives a record with the attribute names of :class:`Span` (the span itself when the table
    was made from detected spans, else a light record decoded on first access and kept)."""

    __slots__ = ("starts", "ends", "kinds", "_lines", "_records")

    def __init__(self, starts: list[int], ends: list[int], kinds: list[str], lines: list[str],
                 records: list[Any] | None = None) -> None:
        self.starts = starts
        self.ends = ends
        self.kinds = kinds
        self._lines = lines
        self._records: list[Any] = records if records is not None else [None] * len(starts)

    @classmethod
    def from_spans(cls, spans: Sequence[Span]) -> SpanTable:
        return cls([s.start for s in spans], [s.end for s in spans], [s.kind for s in spans], [],
                   list(spans))

    @classmethod
    def decode(cls, payload: str) -> SpanTable:
        """The table from :meth:`encode`'s text."""
        head, _, body = payload.partition("\n")
        flat = json.loads(head)
        lines = body.split("\n") if body else []
        if len(flat) != 3 * len(lines):
            raise ValueError("span table: the offsets line does not match the span lines")
        kinds = [_KINDS[code] for code in flat[2::3]]
        return cls(flat[0::3], flat[1::3], kinds, lines)

    def encode(self) -> str:
        """Text for the store: the offsets line, then one JSON object per span."""
        flat: list[int] = []
        for start, end, kind in zip(self.starts, self.ends, self.kinds):
            flat += (start, end, _KIND_CODE[kind])
        rows = [self._line(i) for i in range(len(self))]
        return "\n".join([json.dumps(flat, separators=(",", ":"))] + rows)

    def _line(self, i: int) -> str:
        record = self._records[i]
        if record is None:
            return self._lines[i]
        data = record.to_dict() if isinstance(record, Span) else vars(record)
        # json.dumps escapes newlines inside strings: one span, one line.
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Any: ...

    @overload
    def __getitem__(self, i: slice) -> list[Any]: ...

    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        record = self._records[i]
        if record is None:
            record = self._records[i] = SimpleNamespace(**json.loads(self._lines[i]))
        return record

    def __iter__(self) -> Iterator[Any]:
        for i in range(len(self)):
            yield self[i]

    def count_kind(self, kind: str) -> int:
        """How many spans are of ``kind`` ("quote" or "figure")."""
        return self.kinds.count(kind)


def cached_spans(store: Store, article: Article) -> SpanTable | None:
    """The article's spans when the cache has them for this text and detector, else None
    (also when the cached entry cannot be read: it is then detected again)."""
    payload = store.get_spans(article.hash, CACHE_VERSION) if article.hash else None
    if payload is None:
        return None
    try:
        return SpanTable.decode(payload)
    except (ValueError, IndexError, TypeError):
        return None


def article_spans(store: Store, article: Article) -> SpanTable:
    """Detected spans of ``article.text``, from the cache when it has them."""
    cached = cached_spans(store, article)
    if cached is not None:
        return cached
    table = SpanTable.from_spans(detect(article.text))
    if article.hash:
        store.put_spans(article.hash, CACHE_VERSION, table.encode())
    return table


def provisional_spans(text: str, offset: int, *, before: int = 4_096, after: int = 16_384) -> SpanTable:
    """Spans of the paragraphs around ``offset`` (a few KB: milliseconds), to highlight the
    first screen of a long article while the whole text is being detected. Detection of a
    part can differ from the whole's at the part's edges (a speaker named earlier); the
    whole text's spans replace these when they are ready."""
    a = text.rfind("\n", 0, max(0, offset - before)) + 1
    b = text.find("\n", min(len(text), offset + after))
    b = len(text) if b == -1 else b
    spans = [
        replace(s, start=s.start + a, end=s.end + a,
                speaker_start=None if s.speaker_start is None else s.speaker_start + a,
                speaker_end=None if s.speaker_end is None else s.speaker_end + a)
        for s in detect(text[a:b])
    ]
    return SpanTable.from_spans(spans)
