"""Spans of an article's reading text, cached in the store by (content hash, detector version)."""

from __future__ import annotations

from reader.core.corpus import READING_VERSION
from reader.core.spans import DETECTOR_VERSION, Span, detect
from reader.core.store import Article, Store

CACHE_VERSION = f"{DETECTOR_VERSION}/{READING_VERSION}"


def article_spans(store: Store, article: Article) -> list[Span]:
    """Detected spans of ``article.text``, from the cache when it has them."""
    if article.hash:
        cached = store.get_spans(article.hash, CACHE_VERSION)
        if cached is not None:
            return [Span.from_dict(d) for d in cached]
    spans = detect(article.text)
    if article.hash:
        store.put_spans(article.hash, CACHE_VERSION, [s.to_dict() for s in spans])
    return spans
