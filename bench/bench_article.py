"""Open a ~1 MB article → painted with highlights; one scroll step; one new highlight.

Times are wall clock and, where noted, CPU time of the app's thread (what a busy second core
cannot inflate).

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

from reader.core.article_spans import cached_spans  # noqa: E402
from reader.ui.app import ReaderApp  # noqa: E402
from reader.ui.screens.article import ArticleScreen  # noqa: E402
from reader.ui.widgets.article_view import ArticleView  # noqa: E402

SIZE = (140, 45)


PROBE: dict[str, list] = {"lines": [], "frames": []}


async def open_and_time(app, pilot, article_id: int) -> tuple[float, float]:
    """Seconds from ``open_article`` to the first frame that follows the rendering of every
    visible line of the article view (headless: the frame is composed, not written out): wall
    clock, and the CPU time of the app's thread (what a busy second core cannot inflate)."""
    PROBE["lines"].clear()
    PROBE["frames"].clear()
    t0 = time.perf_counter()
    c0 = time.thread_time()
    app.open_article(article_id)
    painted = None
    while painted is None:
        await pilot.pause()
        screen = app.screen
        if not isinstance(screen, ArticleScreen) or not screen.query(ArticleView):
            continue
        height = screen.query_one(ArticleView).scrollable_content_region.height
        seen: set[int] = set()
        for t, y in PROBE["lines"]:
            seen.add(y)
            if len(seen) >= height:
                painted = next(((f, c) for f, c in PROBE["frames"] if f >= t), None)
                break
    await app.workers.wait_for_complete()  # background layout and span detection
    await pilot.pause()
    app.pop_screen()
    await pilot.pause()
    return painted[0] - t0, painted[1] - c0


def instrument(app) -> None:
    original = ArticleView.render_line

    def timed(self, y):
        strip = original(self, y)
        PROBE["lines"].append((time.perf_counter(), y))
        self.__dict__.setdefault("_probe_times", []).append(time.perf_counter())
        return strip

    ArticleView.render_line = timed
    ArticleView._probe_times = []
    hook = app.post_display_hook

    def frame() -> None:
        PROBE["frames"].append((time.perf_counter(), time.thread_time()))
        hook()

    app.post_display_hook = frame


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
    app = ReaderApp(tmp / "b.db", corpus)
    instrument(app)
    async with app.run_test(size=SIZE) as pilot:
        rows: dict[str, int] = {}
        while len(rows) < 2:  # the first index runs in the background after the first paint
            await app.workers.wait_for_complete()
            await pilot.pause()
            rows = {r["path"]: r["id"] for r in app.store.list_articles(app.corpus_id)}
        # The session's first article builds the article screen (kept and reused after).
        first_of_session = await open_and_time(app, pilot, rows["small.txt"])
        cold = await open_and_time(app, pilot, rows["big.txt"])
        warm = [await open_and_time(app, pilot, rows["big.txt"]) for _ in range(9)]
        small = [await open_and_time(app, pilot, rows["small.txt"]) for _ in range(9)]
        # Scroll steps and a new highlight on the open big article.
        app.open_article(rows["big.txt"])
        await pilot.pause()
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await app.workers.wait_for_complete()
        await pilot.pause()
        # One scroll step = the work the app does for it: the scroll, then the frame it causes
        # (the changed regions composed and turned into the bytes a terminal is sent). Done by
        # hand, as the app's refresh would, because a Pilot pause also waits for the process
        # to look idle (~20 ms of sleeping that a real terminal session does not have).
        steps, step_cpu = [], []
        screen = app.screen
        for i in range(120):
            t0 = time.perf_counter()
            c0 = time.thread_time()
            view.scroll_to(y=200 + i, animate=False, immediate=True)
            dirty = {w for w in (view, view.vertical_scrollbar) if w._repaint_required}
            for w in dirty:
                w._repaint_required = False
            screen._compositor.update_widgets(dirty | screen._dirty_widgets)
            screen._dirty_widgets.clear()
            update = screen._compositor.render_update(screen_stack=app._background_screens)
            if update is not None:
                update.render_segments(app.console)
            steps.append(time.perf_counter() - t0)
            step_cpu.append(time.thread_time() - c0)
            await pilot.pause()
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
    spans = cached_spans(app.store, app.store.get_article(rows["big.txt"]))
    print(f"({len(spans):,} spans in the big text; the first open detects them in a separate process)")
    def summary(runs: list[tuple[float, float]]) -> str:
        wall = sorted(r[0] for r in runs)
        cpu = sorted(r[1] for r in runs)
        return (f"median {ms(statistics.median(wall))} (range {ms(wall[0])}–{ms(wall[-1])}; "
                f"CPU of the app thread median {ms(statistics.median(cpu))})")

    print("open → first screen painted with highlights:")
    print(f"  1.25 MB, first open (spans not cached: the part in view detected, the rest in a process): {ms(cold[0])} "
          f"(CPU {ms(cold[1])})")
    print(f"  1.25 MB, reopen (cached spans): {summary(warm)}")
    print(f"  3 KB article: {summary(small)}; the session's first article, which builds the article screen: "
          f"{ms(first_of_session[0])} (CPU {ms(first_of_session[1])})")
    steps.sort()
    step_cpu.sort()
    print(f"scroll one line → frame composed and encoded for the terminal: median {steps[len(steps) // 2] * 1000:.1f} ms, "
          f"p95 {steps[int(len(steps) * 0.95)] * 1000:.1f} ms over {len(steps)} steps "
          f"(CPU of the app thread: median {step_cpu[len(step_cpu) // 2] * 1000:.1f} ms, "
          f"p95 {step_cpu[int(len(step_cpu) * 0.95)] * 1000:.1f} ms)")
    print(f"new annotation → repainted: {ms(highlight)}, {lines_redrawn} line renders")


if __name__ == "__main__":
    asyncio.run(main())
