"""Where the time goes when a long article opens (cached spans): each step timed alone, then the
whole open timed from `open_article` to the first and last line the view renders.

    python bench/bench_open_parts.py BIG_FILE
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
import time
from pathlib import Path

from reader.core.article_spans import article_spans, cached_spans
from reader.core.sentences import sentence_bounds
from reader.ui.app import ReaderApp
from reader.ui.widgets.article_view import FIRST_PIECE, ArticleView, _layout_text, wrap_offsets


def ms(t0: float) -> str:
    return f"{(time.perf_counter() - t0) * 1000:.1f} ms"


async def main(big: Path) -> None:
    tmp = Path(tempfile.mkdtemp())
    corpus = tmp / "corpus"
    corpus.mkdir()
    shutil.copy(big, corpus / "big.txt")
    app = ReaderApp(tmp / "b.db", corpus)
    async with app.run_test(size=(140, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        article_id = app.store.list_articles(app.corpus_id)[0]["id"]
        t0 = time.perf_counter()
        art = app.store.get_article(article_id)
        print(f"read article from the store   {ms(t0)}")
        article_spans(app.store, art)  # fill the cache
        t0 = time.perf_counter()
        spans = cached_spans(app.store, art)
        print(f"cached spans ({len(spans):,})        {ms(t0)}")
        t0 = time.perf_counter()
        _layout_text(art.text)
        sentence_bounds(art.text)
        wrap_offsets(art.text, 92)
        print(f"(whole text: clean + sentences + wrap, no longer on the open path: {ms(t0)})")
        t0 = time.perf_counter()
        ArticleView()._load(art.text, spans, [])
        print(f"view load: first {FIRST_PIECE // 1024} KB cleaned + split, span offsets {ms(t0)}")
        app.open_article(article_id)  # the first open composes the (then reused) article screen
        for _ in range(10):
            await pilot.pause()
        app.pop_screen()
        await pilot.pause()
        original = ArticleView.render_line
        rendered: list[float] = []

        def timed(self, y):
            strip = original(self, y)
            rendered.append(time.perf_counter())
            return strip

        ArticleView.render_line = timed
        t0 = time.perf_counter()
        app.open_article(article_id)
        for _ in range(4):
            await pilot.pause()
        print(f"reopen → first line rendered  {(min(rendered) - t0) * 1000:.1f} ms")


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
