"""Detect one article's spans and put them in the store's cache, in a process of its own.

    python -m reader.core.span_job DB ARTICLE_ID

The reading view runs this for a long article seen for the first time, so that detection (pure
Python, about a second per megabyte) never holds the app's interpreter lock: the app stays as
quick to answer keys while it runs, and reads the result from the cache when the process exits.
Exit codes: 0 cached, 2 bad arguments or no such article, 1 anything else (the message on stderr).
"""

from __future__ import annotations

import sys

from reader.core.article_spans import article_spans
from reader.core.store import Store


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[1].isdigit():
        print("usage: python -m reader.core.span_job DB ARTICLE_ID", file=sys.stderr)
        return 2
    store = Store.open(argv[0])
    try:
        article = store.get_article(int(argv[1]))
        if article is None:
            print(f"no article {argv[1]} in {argv[0]}", file=sys.stderr)
            return 2
        article_spans(store, article)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
