#!/usr/bin/env python3
"""First-paint and scroll-step timings of VirtualTable and ArticleView (headless).

Runs, in one process, a bare App with one Static (the baseline), an App with a VirtualTable
over 100,000 synthetic rows and an App with an ArticleView holding a ~1 MB article, and prints
each first paint (app start to the first screen rendered, via ``App.run_test``) in ms and as a
ratio to the baseline, then the time of one scroll step (a key press and the repaint), and the
time of ArticleView's load + wrap alone.

    .venv/bin/python bench/bench_views.py [--rows 100000] [--mb 1.0] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from typing import Any, Mapping, Sequence

from textual.app import App, ComposeResult
from textual.widgets import Static

from reader.ui.widgets.article_view import ArticleView, _layout_text, wrap_offsets
from reader.ui.widgets.virtual_table import Column, VirtualTable

SIZE = (120, 40)


class SyntheticRows:
    def __init__(self, count: int) -> None:
        self.count = count
        self.requests = 0

    def __len__(self) -> int:
        return self.count

    def rows(self, offset: int, limit: int) -> Sequence[Mapping[str, Any]]:
        self.requests += 1
        return [
            {
                "id": i,
                "title": f"Minister says budget will pass, article number {i}",
                "outlet": f"outlet-{i % 13}",
                "quotes": i % 17,
            }
            for i in range(offset, min(self.count, offset + limit))
        ]


def make_article(megabytes: float) -> tuple[str, list]:
    from reader.core.spans import Span

    para = (
        'The finance minister said "the budget will pass by 12 votes" on Tuesday, '
        "after 3 days of talks. Markets rose 2.5 percent. Mr. Novak of the U.S. embassy "
        "declined to comment.\n\n"
    )
    size = int(megabytes * 1_000_000)
    text = (para * (size // len(para) + 1))[:size]
    spans = []
    for i in range(0, len(text) - len(para), len(para)):
        q = text.index("the budget", i)
        spans.append(Span("quote", q, q + 30, text[q : q + 30]))
        f = text.index("12", i)
        spans.append(Span("figure", f, f + 2, "12"))
    return text, spans


class StaticApp(App):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text)


class TableApp(App):
    def __init__(self, rows: int) -> None:
        super().__init__()
        self.source = SyntheticRows(rows)

    def compose(self) -> ComposeResult:
        columns = [
            Column("id", "ID", 8, "right"),
            Column("title", "Title"),
            Column("outlet", "Outlet", 12),
            Column("quotes", "Quotes", 6, "right"),
        ]
        yield VirtualTable(columns, self.source)


class ArticleApp(App):
    def __init__(self, text: str, spans: list) -> None:
        super().__init__()
        self.article = (text, spans)

    def compose(self) -> ComposeResult:
        view = ArticleView()
        view.load(*self.article)
        yield view


async def first_paint(app: App) -> tuple[float, float]:
    """(ms to the first rendered screen, ms for one pagedown + repaint)."""
    start = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        painted = time.perf_counter()
        step_start = time.perf_counter()
        await pilot.press("pagedown")
        await pilot.pause()
        step = time.perf_counter() - step_start
    return (painted - start) * 1000, step * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    text, spans = make_article(args.mb)
    short = "One short paragraph of news text. " * 5

    results: dict[str, list[tuple[float, float]]] = {"static": [], "table": [], "article": []}
    for _ in range(args.repeat):
        results["static"].append(asyncio.run(first_paint(StaticApp(short))))
        results["table"].append(asyncio.run(first_paint(TableApp(args.rows))))
        results["article"].append(asyncio.run(first_paint(ArticleApp(text, spans))))

    base = statistics.median(p for p, _ in results["static"])
    print(f"terminal {SIZE[0]}x{SIZE[1]}, median of {args.repeat} runs")
    print(f"{'':34} {'first paint':>12} {'x static':>9} {'pagedown':>10}")
    labels = {
        "static": "bare App + one short Static",
        "table": f"VirtualTable, {args.rows:,} rows",
        "article": f"ArticleView, {len(text) / 1e6:.1f} MB, {len(spans):,} spans",
    }
    for key, label in labels.items():
        paint = statistics.median(p for p, _ in results[key])
        step = statistics.median(s for _, s in results[key])
        print(f"{label:34} {paint:10.1f}ms {paint / base:9.2f} {step:8.1f}ms")

    # ArticleView internals, no Textual involved.
    t0 = time.perf_counter()
    display = _layout_text(text)
    t1 = time.perf_counter()
    starts, _ = wrap_offsets(display, SIZE[0] - 2)
    t2 = time.perf_counter()
    from reader.core.sentences import sentence_bounds

    sentence_bounds(display)
    t3 = time.perf_counter()
    print(
        f"ArticleView load: sanitise {1000 * (t1 - t0):.1f}ms, wrap {1000 * (t2 - t1):.1f}ms "
        f"({len(starts):,} lines), sentences {1000 * (t3 - t2):.1f}ms"
    )


if __name__ == "__main__":
    main()
