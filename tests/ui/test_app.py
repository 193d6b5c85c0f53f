"""The app driven as a person would: keys and clicks, asserting on the screen and the store."""

from __future__ import annotations

import json

from reader.ui.screens.annotations import AnnotationsScreen
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.export import ExportScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.modals import AnnotateModal, ConfirmModal
from tests.ui.conftest import ready

SIZE = (140, 45)


async def open_first_article(app, pilot) -> ArticleScreen:
    """Launch-to-reading: wait for the index, open the first article in the list."""
    await ready(app, pilot)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ArticleScreen)
    return app.screen


def screen_text(widget, lines: int | None = None) -> list[str]:
    n = lines or widget.size.height
    return [widget.render_line(y).text.rstrip() for y in range(n)]


async def test_list_shows_title_outlet_date_and_counts(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        lines = screen_text(app.screen.query_one("#articles"), 7)
        assert lines[0].split() == ["Title", "Outlet", "Date", "Notes"]
        first = lines[1]
        assert first.startswith("Putin Praises ‘Special, Deep-Rooted’ Russia-Palestine Ties")
        assert "Sputnik" in first and "2026-01-22 10:44" in first and first.endswith("0")
        assert "The Moscow Times" in lines[3]
        assert len([ln for ln in lines[1:] if ln.strip()]) == 5


async def test_filter_as_you_type_and_full_text_search(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("f", *"moscow times")
        await pilot.pause(0.2)
        table = app.screen.query_one("#articles")
        assert table.row_count == 1
        assert "The Moscow Times" in screen_text(table, 2)[1]
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert table.row_count == 5
        await pilot.press("slash", *"Eighty-five")
        await pilot.pause(0.2)
        matches = app.screen.query_one("#matches")
        assert matches.row_count == 1
        assert "Eighty-five percent" in screen_text(matches, 2)[1]
        await pilot.press("enter")  # submit: focus the results
        await pilot.press("enter")  # open the match
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        view = app.screen.view
        s, e = view.selection
        assert app.screen.article.text[s:e].lower() == "eighty-five"


async def test_highlights_on_a_shipped_article(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(app, pilot)
        view = app.screen.view
        text = app.screen.article.text
        quote_style = view.get_component_rich_style("article-view--quote")
        figure_style = view.get_component_rich_style("article-view--figure")

        def style_of(substring: str):
            i = text.index(substring)
            line = view.line_of(i)
            strip = view.render_line(line - view.scroll_offset.y)
            col = i - view.line_range(line)[0] + view.text_margin
            x = 0
            for seg in strip:
                if seg.text and x <= col < x + len(seg.text) and seg.text.strip():
                    if substring[0] in seg.text:
                        return seg.style
                x += len(seg.text)
            raise AssertionError(f"{substring!r} not rendered")

        assert style_of("22.01.2026").bgcolor == figure_style.bgcolor
        assert style_of("Relations between Russia and Palestine have deep roots and are of a special quality").bgcolor == quote_style.bgcolor
        assert quote_style.bgcolor != figure_style.bgcolor
        # The legend uses the same colours as the text (both come from .textual.css).
        legend_fig = app.screen.query_one("#legend-figures")
        assert legend_fig.styles.background == view.get_component_styles("article-view--figure").background
        # Toggle the figures layer off: the date loses its highlight.
        await pilot.press("2")
        await pilot.pause()
        assert style_of("22.01.2026").bgcolor != figure_style.bgcolor
        assert legend_fig.has_class("-off")


async def test_status_line_names_the_speaker_and_the_figure_value(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(app, pilot)
        view = app.screen.view
        text = app.screen.article.text
        view.go_to(text.index('"Relations between Russia and Palestine have deep roots'))
        await pilot.pause()
        status = str(app.screen.query_one("#status").content)
        assert status.startswith("Quote — ")


async def test_annotate_quit_relaunch_find_and_export(make_app, clock):
    # 1. Open the first article, select two sentences by keyboard, annotate with a note and two tags.
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(app, pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("j", "j", "j", "j", "j", "v", "shift+down")
        start, end = screen.view.selection
        chosen = screen.article.text[start:end]
        assert chosen.startswith('"Relations between Russia and Palestine') and chosen.endswith("for Palestine.")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AnnotateModal)
        await pilot.press(*"Putin on the ties")
        await pilot.press("tab")
        await pilot.press(*"putin, relations")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        [saved] = app.store.annotations_for_article(screen.article.id)
        assert (saved.quote, saved.note, saved.tags) == (chosen, "Putin on the ties", ("putin", "relations"))
        panel = screen_text(screen.panel, 3)
        assert panel[1].startswith('"Relations between Russia')
        await pilot.press("ctrl+q")
    # 2. Relaunch on the same database: the count shows, the annotation is there and highlighted.
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        first = screen_text(app.screen.query_one("#articles"), 2)[1]
        assert first.endswith("1")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationsScreen)
        tags = screen_text(app.screen.query_one("#tags"), 4)
        assert tags[1].startswith("All annotations") and tags[1].endswith("1")
        assert {tags[2].split()[0], tags[3].split()[0]} == {"putin", "relations"}
        await pilot.press("down")  # choose the first real tag
        await pilot.pause()
        listing = screen_text(app.screen.query_one("#ann-list"), 2)[1]
        assert "Putin on the ties" in listing
        await pilot.press("enter", "enter")  # tag → list, open the annotation
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.view.selection == (saved.start, saved.end)
        # 3. Export it from the app to the clipboard (no system clipboard here: OSC 52 fallback).
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#fmt-json").value = True
        await pilot.pause()
        await pilot.click("#clipboard")
        await pilot.pause()
        data = json.loads(app.clipboard)
        assert [d["note"] for d in data] == ["Putin on the ties"]
        assert data[0]["tags"] == ["putin", "relations"]
        assert any("terminal" in n.message for n in app._notifications)


async def test_mouse_drag_selects_and_annotates(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(app, pilot)
        view = app.screen.view
        # Drag from the "P" to the "s" of "Putin Praises" on the first line of text.
        left = view.text_margin  # the text starts after the view's own margin
        await pilot.mouse_down(view, offset=(left, 0))
        await pilot.hover(view, offset=(left + 12, 0))
        await pilot.mouse_up(view, offset=(left + 12, 0))
        await pilot.pause()
        assert view.selection is not None
        s, e = view.selection
        assert app.screen.article.text[s:e] == "Putin Praises"
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [a.quote for a in app.store.annotations_for_article(app.screen.article.id)] == ["Putin Praises"]


async def test_edit_delete_with_confirmation_and_undo(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(app, pilot)
        screen = app.screen
        await pilot.press("v", "a")
        await pilot.pause()
        await pilot.press(*"first", "ctrl+s")
        await pilot.pause()
        [ann] = app.store.annotations_for_article(screen.article.id)
        # Edit: the cursor sits on the annotated sentence.
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, AnnotateModal)
        await pilot.press("end", *" and edited", "ctrl+s")
        await pilot.pause()
        assert app.store.get_annotation(ann.id).note == "first and edited"
        # Delete asks first; "n" keeps it.
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert app.store.annotations_for_article(screen.article.id)
        await pilot.press("d", "y")
        await pilot.pause()
        assert app.store.annotations_for_article(screen.article.id) == []
        await pilot.press("u")
        await pilot.pause()
        assert [a.id for a in app.store.annotations_for_article(screen.article.id)] == [ann.id]


async def test_annotate_without_selection_says_what_to_do(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert any("Select a passage first" in n.message for n in app._notifications)


async def test_help_lists_the_real_bindings(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").content)
        for binding in ArticleScreen.BINDINGS:
            assert binding.description in text
        assert "Extend selection" in text  # the article view's own keys
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)


async def test_bad_files_are_reported_and_the_rest_opens(make_app, corpus_dir):
    (corpus_dir / "broken.txt").write_bytes(b"\xff\xfe\xfa not utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        assert app.screen.query_one("#articles").row_count == 5
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert warnings and "broken.txt" in warnings[0].message and "not UTF-8" in warnings[0].message


async def test_hostile_article_text_is_inert(make_app, corpus_dir):
    (corpus_dir / "zzz.txt").write_text(
        "Evil [@click=app.quit]headline[/] \x1b[31mred\u202e\n\nBody [bold]x[/bold] \x1b]52;c;AAAA\x07 end.",
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        table = app.screen.query_one("#articles")
        row = screen_text(table, 7)[6]
        assert "[@click=app.quit]" in row and "\x1b" not in row
        await pilot.press("G", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        text = "\n".join(screen_text(app.screen.view, 4))
        assert "[bold]x[/bold]" in text and "\x1b" not in text and "\u202e" not in text


async def test_key_bar_shows_the_keys_that_work_and_clicks_press_them(make_app):
    from reader.ui.widgets.key_bar import KeyBar

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        bar = app.screen.query_one(KeyBar)
        text = bar.render().plain
        for label in ("Filter", "Search text", "Notes & tags", "Help", "Palette"):
            assert label in text
        start = next(x0 for x0, _x1, key in bar._hits if key == "n")
        await pilot.click(KeyBar, offset=(start + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, AnnotationsScreen)


async def test_a_long_article_shows_at_once_and_is_highlighted_from_the_background(make_app, corpus_dir, monkeypatch):
    import reader.ui.screens.article as article_screen

    monkeypatch.setattr(article_screen, "DETECT_INLINE", 100)  # every shipped article counts as long
    from functools import partial

    from reader.core.article_spans import provisional_spans

    # The first screen's spans come from a part of the text only.
    monkeypatch.setattr(article_screen, "provisional_spans", partial(provisional_spans, after=200))
    thread_runs = []
    monkeypatch.setattr(article_screen.ArticleScreen, "_detect_in_thread", lambda self, article: thread_runs.append(1))
    import asyncio

    go = asyncio.Event()  # the span process may not finish before the first screen is checked
    in_process = article_screen._detect_in_process

    async def held_back(*args):
        await go.wait()
        return await in_process(*args)

    monkeypatch.setattr(article_screen, "_detect_in_process", held_back)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(app, pilot)
        screen = app.screen
        assert "Putin Praises" in screen.view.render_line(0).text
        first = len(screen.spans)
        assert first and max(screen.spans.ends) < 600  # highlighted at once, near the top only
        go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not thread_runs  # the whole text was detected by the span process
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Highlighting the part in view") for m in messages)
        assert any(m.startswith("Highlights complete: ") for m in messages)
        assert len(screen.spans) > first and max(screen.spans.ends) > 1000
        assert any(s.kind == "quote" for s in screen.spans)
        assert str(screen.query_one("#status").content).startswith("Quote — ")  # the cursor is on the headline quote
        # Reopening reads the spans from the cache.
        from reader.core.article_spans import CACHE_VERSION, SpanTable

        cached = SpanTable.decode(app.store.get_spans(screen.article.hash, CACHE_VERSION))
        assert cached.kinds == screen.spans.kinds and len(cached) > 3


async def test_leaving_a_long_article_before_its_highlights_arrive_is_safe(make_app, monkeypatch):
    import reader.ui.screens.article as article_screen

    monkeypatch.setattr(article_screen, "DETECT_INLINE", 100)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("enter", "escape")  # open, and leave at once
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("enter")  # reopening reads the spans the worker cached
        await pilot.pause()
        assert any(s.kind == "figure" for s in app.screen.spans)


async def test_tagging_an_annotated_passage_adds_to_its_tags(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_article(app, pilot)
        await pilot.press("v", "a")
        await pilot.pause()
        await pilot.press("tab", *"putin, ties", "enter")
        await pilot.pause()
        await pilot.press("t")  # saving cleared the selection; the cursor is on the annotated sentence
        await pilot.pause()
        await pilot.press(*"verify", "enter")
        await pilot.pause()
        [ann] = app.store.annotations_for_article(screen.article.id)
        assert set(ann.tags) == {"putin", "ties", "verify"}


async def test_export_to_an_existing_file_asks_first(make_app, tmp_path):
    target = tmp_path / "out.md"
    target.write_text("precious")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#path").value = str(target)
        await pilot.click("#file")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text() == "precious"
        await pilot.click("#file")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text().startswith("# Annotations")


async def test_escape_leaves_search_for_the_whole_list(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"Abbas")
        await pilot.pause(0.2)
        await pilot.press("escape")
        await pilot.pause(0.2)
        table = app.screen.query_one("#articles")
        assert table.display and table.row_count == 5 and app.screen.mode == "filter"


async def test_narrow_terminal_gives_the_text_the_width(make_app):
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await open_first_article(app, pilot)
        assert not screen.query_one("#side").display
        assert screen.view.size.width >= 50
        first = screen.view.render_line(0).text.strip()
        assert first.startswith("Putin Praises")
        assert screen.view.text_margin == 1
        # Wider while the list shows, then the same (reused) article screen again: wide margins.
        await pilot.press("escape")
        await pilot.resize_terminal(140, 45)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#side").display
        assert screen.view.text_margin == 2
        assert screen.view.render_line(0).text.startswith("  Putin Praises")


async def test_opening_an_orphaned_annotation_says_where_its_passage_went(make_app, corpus_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        art = app.store.get_article(app.store.list_articles(app.corpus_id)[1]["id"])
        i = art.text.index("almost 40,000")
        ann = app.store.add_annotation(art.id, i, i + 30, note="check the toll")
    (corpus_dir / art.path).write_text("Rewritten entirely: nothing of the old text is here.\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        assert app.store.get_annotation(ann.id).anchor == "orphaned"
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter", "enter")  # "All annotations" → the list → open
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert any("no longer in the article" in n.message for n in app._notifications)
        panel = screen_text(app.screen.panel, 2)[1]
        assert panel.startswith("✗ ")


async def test_status_keeps_the_selection_size_and_hints_while_extending(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_article(app, pilot)
        await pilot.press("j", "j", "j", "j", "j", "v", "shift+down")
        await pilot.pause()
        s, e = screen.view.selection
        status = str(screen.query_one("#status").content)
        assert status.startswith(f"Selected {e - s} characters — a to annotate, c to copy")


async def test_the_article_screen_is_reused_and_shows_only_the_new_article(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        first = await open_first_article(app, pilot)
        first_title = first.article.title
        await pilot.press("v", "a")
        await pilot.pause()
        await pilot.press(*"in the first", "ctrl+s")
        await pilot.pause()
        await pilot.press("2")  # hide figures
        await pilot.press("d", "y")  # delete the note: undo has something
        await pilot.pause()
        await pilot.press("j", "v")  # a selection to leave behind
        assert first.view.selection
        await pilot.press("escape", "escape")  # clear the selection, back to the list
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        second = app.screen
        assert second is first  # the same screen, not a new one
        assert second.article.title != first_title
        assert str(second.query_one("#title").content) == second.article.title
        assert second.view.text == second.article.text
        assert second.view.selection is None and second.view.cursor_offset == 0
        assert second.annotations == [] and second.panel.row_count == 0
        assert second.view.render_line(0).text.strip()[:20] in second.article.text
        # The layer toggle is the reader's setting: still off, and the legend says so.
        assert not second.view.show_figures
        assert second.query_one("#legend-figures").has_class("-off")
        await pilot.press("u")  # the first article's deletion is not undone from here
        await pilot.pause()
        assert any("Nothing to undo" in n.message for n in app._notifications)
        await pilot.press("escape", "up", "enter")  # ...but back in its own article, it is
        await pilot.pause()
        assert app.screen.article.title == first_title
        await pilot.press("u")
        await pilot.pause()
        [restored] = app.store.annotations_for_article(app.screen.article.id)
        assert restored.note == "in the first"
        assert app.screen.panel.row_count == 1


async def test_the_list_counts_its_articles_once_at_start_and_again_on_return(make_app, monkeypatch):
    from reader.core.store import Store

    async with make_app().run_test(size=SIZE) as pilot:  # index the corpus once
        await ready(pilot.app, pilot)
    counts = []
    original = Store.count_articles
    monkeypatch.setattr(Store, "count_articles", lambda self, *a, **k: counts.append(1) or original(self, *a, **k))
    app = make_app(index_on_start=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(counts) == 1  # at 100,000 articles a count is ~15 ms of the start
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert len(counts) == 2  # back from an article: counts may have changed


def test_a_date_without_its_year_is_said_in_words():
    from types import SimpleNamespace

    from reader.ui.screens.article import describe_span

    def date(value):
        return describe_span(SimpleNamespace(kind="figure", type="date", value=value, unit=None, hedge=None))

    assert date("XXXX-11-14") == "Figure — date 14 November (year not stated)"
    assert date("XXXX-10") == "Figure — date October (year not stated)"
    assert date("2023-10-22") == "Figure — date 2023-10-22"


async def test_dialog_fields_fit_their_dialog_and_the_export_hint_follows_the_format(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(app, pilot)
        await pilot.press("v", "a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, AnnotateModal)
        assert modal.query_one("#tags").size.width > 40  # not the 28 columns of the tag list's pane
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        path = app.screen.query_one("#path")
        assert path.placeholder.endswith(".md")
        app.screen.query_one("#fmt-csv").value = True
        await pilot.pause()
        assert path.placeholder.endswith(".csv")
