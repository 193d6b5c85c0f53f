"""Spans of an article's reading text, cached in the store by (content hash, detector version)."""

from __future__ import annotations

from types import SimpleNamespace

from reader.core.corpus import READING_VERSION
from reader.core.spans import DETECTOR_VERSION, Span, detect
from reader.core.store import Article, Store

CACHE_VERSION = f"{DETECTOR_VERSION}/{READING_VERSION}"


def cached_spans(store: Store, article: Article) -> list[Span] | None:
    """The article's spans when the cache has them for this text and detector, else None.

    They come back as light records with the attribute names of :class:`Span` (what the
    view and the status line read): building thousands of frozen dataclasses costs about ten
    times as much, which is most of the time it takes to open a long article."""
    cached = store.get_spans(article.hash, CACHE_VERSION) if article.hash else None
    return None if cached is None else [SimpleNamespace(**d) for d in cached]  # type: ignore[misc]


def article_spans(store: Store, article: Article) -> list[Span]:
    """Detected spans of ``article.text``, from the cache when it has them."""
    cached = cached_spans(store, article)
    if cached is not None:
        return cached
    spans = detect(article.text)
    if article.hash:
        store.put_spans(article.hash, CACHE_VERSION, [s.to_dict() for s in spans])
    return spans
