"""Snapshot of how an article looks: quotes, figures and an annotation highlighted, the legend,
the side panel and the status line. Regenerate with `pytest --snapshot-update` after a deliberate
change of look (and check the diff report)."""

from __future__ import annotations

import shutil

from reader.ui.app import ReaderApp
from tests.conftest import SHIPPED, FakeClock


def test_article_screen_look(snap_compare, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED, corpus)
    app = ReaderApp(tmp_path / "snap.db", corpus, clock=FakeClock())

    async def run_before(pilot) -> None:
        await app.workers.wait_for_complete()
        await pilot.pause()
        row = app.store.list_articles(app.corpus_id)[4]  # 004: hedged counts, dates, speakers
        article = app.store.get_article(row["id"])
        i = article.text.index("some 1,200 people")
        app.store.add_annotation(article.id, i, i + len("some 1,200 people"), note="Hamas figure", tags="casualties")
        app.open_article(article.id)
        await pilot.pause()
        await pilot.press("j", "j")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(130, 36), run_before=run_before)
