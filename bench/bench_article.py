"""Open a ~1 MB article → painted with highlights; one scroll step; one new highlight.

    python bench/bench_article.py [BIG_FILE]

Runs the real app headless (140x45) on a corpus holding only that article. "Painted" is when the
view has rendered every visible line (its render_line calls are timed). Opening is measured
cold (spans detected) and warm (spans read from the cache), against opening a 3 KB article.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from make_corpus import article  # noqa: E402

from reader.core.article_spans import CACHE_VERSION  # noqa: E402
from reader.ui.app import ReaderApp  # noqa: E402
from reader.ui.screens.article import ArticleScreen  # noqa: E402
from reader.ui.widgets.article_view import ArticleView  # noqa: E402

SIZE = (140, 45)


async def open_and_time(app, pilot, article_id: int) -> float:
    t0 = time.perf_counter()
    app.open_article(article_id)
    while not isinstance(app.screen, ArticleScreen) or not app.screen.query(ArticleView):
        await pilot.pause()
    view = app.screen.query_one(ArticleView)
    while view.line_count == 0 or not view._probe_times:
        await pilot.pause()
    await pilot.pause()
    dt = max(view._probe_times) - t0
    await app.workers.wait_for_complete()  # background detection of a long uncached text
    app.pop_screen()
    await pilot.pause()
    return dt


def instrument() -> None:
    original = ArticleView.render_line

    def timed(self, y):
        strip = original(self, y)
        self.__dict__.setdefault("_probe_times", []).append(time.perf_counter())
        return strip

    ArticleView.render_line = timed
    ArticleView._probe_times = []


async def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    corpus = tmp / "corpus"
    corpus.mkdir()
    if len(sys.argv) > 1:
        shutil.copy(sys.argv[1], corpus / "big.txt")
    else:
        (corpus / "big.txt").write_text(article(random.Random(7), 0, "big", 1300), encoding="utf-8")
    (corpus / "small.txt").write_text(article(random.Random(8), 1, "small", 4), encoding="utf-8")
    size = (corpus / "big.txt").stat().st_size
    instrument()
    app = ReaderApp(tmp / "b.db", corpus)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = {r["path"]: r["id"] for r in app.store.list_articles(app.corpus_id)}
        cold = await open_and_time(app, pilot, rows["big.txt"])
        warm = [await open_and_time(app, pilot, rows["big.txt"]) for _ in range(5)]
        small = [await open_and_time(app, pilot, rows["small.txt"]) for _ in range(5)]
        # Scroll steps and a new highlight on the open big article.
        app.open_article(rows["big.txt"])
        await pilot.pause()
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        steps = []
        for i in range(60):
            view._probe_times.clear()
            t0 = time.perf_counter()
            view.scroll_to(y=200 + i, animate=False, immediate=True)
            await pilot.pause()
            if view._probe_times:
                steps.append(max(view._probe_times) - t0)
        text = app.screen.article.text
        y0 = int(view.scroll_offset.y)
        start = view.line_range(y0 + 3)[0]
        view._probe_times.clear()
        t0 = time.perf_counter()
        app.store.add_annotation(app.screen.article.id, start, start + 40, note="bench")
        app.screen._reload_annotations()
        await pilot.pause()
        highlight = (max(view._probe_times) - t0) if view._probe_times else 0.0
        lines_redrawn = len(view._probe_times)
    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731
    print(f"article: {size / 1e6:.2f} MB, {len(text):,} characters, {view.line_count:,} wrapped lines at 140 columns")
    print(f"open → text painted: first open {ms(cold)} (spans then arrive from the background worker), "
          f"reopen with cached spans median {ms(statistics.median(warm))}; a 3 KB article {ms(statistics.median(small))}")
    print(f"(spans for the big text: {len(app.store.get_spans(app.store.get_article(rows['big.txt']).hash, CACHE_VERSION) or []):,})")
    print(f"open → painted: cold (detect spans) {ms(cold)}, warm (cached spans) median {ms(statistics.median(warm))}; "
          f"a 3 KB article {ms(statistics.median(small))}")
    steps.sort()
    print(f"scroll one line → painted: median {steps[len(steps) // 2] * 1000:.1f} ms, "
          f"p95 {steps[int(len(steps) * 0.95)] * 1000:.1f} ms over {len(steps)} steps")
    print(f"new annotation → repainted: {ms(highlight)}, {lines_redrawn} line renders")


if __name__ == "__main__":
    asyncio.run(main())
