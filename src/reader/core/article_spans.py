"""Spans of an article's reading text, cached in the store by (content hash, detector version)."""

from __future__ import annotations

from reader.core.corpus import READING_VERSION
from reader.core.spans import DETECTOR_VERSION, Span, detect
from reader.core.store import Article, Store

CACHE_VERSION = f"{DETECTOR_VERSION}/{READING_VERSION}"


def cached_spans(store: Store, article: Article) -> list[Span] | None:
    """The article's spans when the cache has them for this text and detector, else None."""
    cached = store.get_spans(article.hash, CACHE_VERSION) if article.hash else None
    return None if cached is None else [Span.from_dict(d) for d in cached]


def article_spans(store: Store, article: Article) -> list[Span]:
    """Detected spans of ``article.text``, from the cache when it has them."""
    cached = cached_spans(store, article)
    if cached is not None:
        return cached
    spans = detect(article.text)
    if article.hash:
        store.put_spans(article.hash, CACHE_VERSION, [s.to_dict() for s in spans])
    return spans
