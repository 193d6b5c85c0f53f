"""ArticleView: wrapped, highlighted article text driven like a person would."""

from __future__ import annotations

from rich.color import Color
from rich.style import Style
from textual.app import App, ComposeResult

from reader.core.sentences import sentence_bounds
from reader.core.spans import Span
from reader.ui.widgets.article_view import ArticleView, wrap_offsets

QUOTE_TEXT = "we counted 42 boats today"
TEXT = (
    f'Officials said "{QUOTE_TEXT}" at noon. The second sentence has 7 words in it. '
    "Third one is short.\n\nA new paragraph starts here. It ends."
)
Q_START = TEXT.index(QUOTE_TEXT)
Q_END = Q_START + len(QUOTE_TEXT)
F_START = TEXT.index("42")
F2_START = TEXT.index("7 words")
SPANS = [
    Span("quote", Q_START, Q_END, QUOTE_TEXT, speaker="Officials"),
    Span("figure", F_START, F_START + 2, "42", type="count", value=42),
    Span("figure", F2_START, F2_START + 1, "7", type="count", value=7),
]

RED = Color.parse("#ff0000")
BLUE = Color.parse("#0000ff")
GREEN = Color.parse("#00ff00")
GREY = Color.parse("#333333")

CSS = """
Screen { layout: vertical; }
ArticleView { width: 42; padding: 0; background: #000000; color: #ffffff; }
ArticleView > .article-view--quote { color: #ff0000; text-style: italic; }
ArticleView > .article-view--figure { color: #0000ff; text-style: bold; }
ArticleView > .article-view--annotation { text-style: underline; }
ArticleView > .article-view--selection { background: #00ff00; }
ArticleView > .article-view--cursor { background: #333333; }
"""
WIDTH = 40  # 42 minus the 2-cell scrollbar gutter


class ViewApp(App):
    CSS = CSS

    def __init__(self, text: str = TEXT, spans=SPANS, annotations=()) -> None:
        super().__init__()
        self.text = text
        self.spans = spans
        self.annotations = annotations
        self.messages: list = []

    def compose(self) -> ComposeResult:
        view = ArticleView()
        view.load(self.text, self.spans, self.annotations)
        yield view

    def on_article_view_selection_changed(self, message: ArticleView.SelectionChanged) -> None:
        self.messages.append(("selection", message.selection))

    def on_article_view_pointed(self, message: ArticleView.Pointed) -> None:
        self.messages.append(("pointed", message.offset, message.spans, message.annotation_ids))


def chars(view: ArticleView, y: int) -> list[tuple[str, Style]]:
    """The characters of a viewport line with their styles."""
    return [(ch, seg.style) for seg in view.render_line(y) for ch in seg.text]


def style_at(view: ArticleView, offset: int) -> Style:
    line = view.line_of(offset)
    start, _ = view.line_range(line)
    y = line - round(view.scroll_y)
    return chars(view, y)[offset - start][1]


def visible_text(view: ArticleView) -> list[str]:
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


async def test_text_wraps_at_the_content_width_and_rewraps_on_resize():
    app = ViewApp()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        assert view.scrollable_content_region.width == WIDTH
        rendered = [line.rstrip() for line in visible_text(view)[: view.line_count]]
        assert all(len(line) <= WIDTH for line in rendered)
        assert rendered[0] == 'Officials said "we counted 42 boats'
        # Words are never cut, paragraphs and the blank line are kept.
        words = " ".join(line for line in rendered if line).split()
        assert words == TEXT.split()
        assert "" in rendered
        assert rendered[rendered.index("") + 1].startswith("A new paragraph")
        # Each visual line maps back to its document offsets.
        for i in range(view.line_count):
            start, end = view.line_range(i)
            assert TEXT[start:end].rstrip() == rendered[i]

        view.styles.width = 62
        await pilot.pause()
        assert view.scrollable_content_region.width == 60
        wider = [line.rstrip() for line in visible_text(view)[: view.line_count]]
        assert max(len(line) for line in wider) > WIDTH
        assert all(len(line) <= 60 for line in wider)
        assert view.virtual_size.height == view.line_count


async def test_quote_and_figure_styles_land_on_the_right_characters():
    app = ViewApp()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("down")  # cursor off the first sentence: its tint is out of the way
        before = style_at(view, Q_START - 2)  # the space before the opening quote mark
        assert before.color != RED and not before.italic
        quote = style_at(view, Q_START)
        assert quote.color == RED and quote.italic
        assert style_at(view, Q_END - 1).color == RED
        assert style_at(view, Q_END).color != RED  # the closing quote mark
        figure_in_quote = style_at(view, F_START)
        assert figure_in_quote.color == BLUE and figure_in_quote.bold
        assert figure_in_quote.italic  # the quote's style is still there: both show
        assert style_at(view, F_START + 2).color == RED  # back to the quote after the figure
        lone_figure = style_at(view, F2_START)
        assert lone_figure.bold and lone_figure.color == BLUE and not lone_figure.italic

        view.show_figures = False
        await pilot.pause()
        assert not style_at(view, F2_START).bold
        plain_in_quote = style_at(view, F_START)
        assert plain_in_quote.color == RED and not plain_in_quote.bold

        view.show_quotes = False
        await pilot.pause()
        assert style_at(view, Q_START).color != RED
        view.show_quotes = view.show_figures = True
        await pilot.pause()
        assert style_at(view, F2_START).bold


async def test_cursor_sentence_is_tinted_and_moves_with_keys():
    app = ViewApp()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        sentences = sentence_bounds(TEXT)
        assert view.cursor_offset == 0
        assert style_at(view, 0).bgcolor == GREY
        await pilot.press("j")
        assert view.cursor_offset == sentences[1][0]
        assert style_at(view, 0).bgcolor != GREY
        assert style_at(view, sentences[1][0]).bgcolor == GREY
        await pilot.press("down", "down", "down")  # clamps at the last sentence
        assert view.cursor_offset == sentences[-1][0]
        await pilot.press("k")
        assert view.cursor_offset == sentences[-2][0]
        await pilot.press("g")
        assert view.cursor_offset == 0
        await pilot.press("G")
        assert view.cursor_offset == sentences[-1][0]


async def test_keyboard_sentence_and_word_selection():
    app = ViewApp()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        s = sentence_bounds(TEXT)
        await pilot.press("down")
        await pilot.press("v")
        assert view.selection == s[1]
        assert style_at(view, s[1][0]).bgcolor == GREEN
        await pilot.press("escape")
        assert view.selection is None
        assert style_at(view, s[1][0]).bgcolor != GREEN

        await pilot.press("shift+down")  # no selection: starts at the cursor sentence
        assert view.selection == s[1]
        await pilot.press("J")
        assert view.selection == (s[1][0], s[2][1])
        await pilot.press("J")  # across the paragraph break
        assert view.selection == (s[1][0], s[3][1])
        await pilot.press("K")
        assert view.selection == (s[1][0], s[2][1])
        await pilot.press("shift+up", "shift+up", "shift+up")  # never below one sentence
        assert view.selection == s[1]
        assert view.selected_text == "The second sentence has 7 words in it."

        await pilot.press("shift+right")
        assert view.selected_text == "The second sentence has 7 words in it. Third"
        await pilot.press("shift+right")
        assert view.selected_text.endswith("Third one")
        await pilot.press("shift+left", "shift+left")
        assert view.selected_text == "The second sentence has 7 words in it."
        await pilot.press("shift+left")
        assert view.selected_text == "The second sentence has 7 words in"

        selections = [m[1] for m in app.messages if m[0] == "selection"]
        assert selections[0] == s[1] and selections[1] is None
        assert selections[-1] == view.selection
        # The screen's copy path sees the same text.
        assert app.screen.get_selected_text() == view.selected_text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.get_selected_text() is None


async def test_mouse_drag_selects_the_dragged_characters():
    app = ViewApp()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        start = TEXT.index("second")
        end = TEXT.index("words") + len("words")
        line_a = view.line_of(start)
        line_b = view.line_of(end - 1)
        x_a = start - view.line_range(line_a)[0]
        x_b = end - 1 - view.line_range(line_b)[0]
        await pilot.mouse_down(view, offset=(x_a, line_a))
        await pilot.hover(view, offset=(x_a + 3, line_a))
        assert view.selection == (start, start + 4)  # while dragging
        await pilot.hover(view, offset=(x_b, line_b))
        await pilot.mouse_up(view, offset=(x_b, line_b))
        assert view.selection == (start, end)
        assert view.selected_text == "second sentence has 7 words"
        assert style_at(view, start).bgcolor == GREEN
        assert app.screen.get_selected_text() == "second sentence has 7 words"

        # Dragging backwards gives the same range.
        await pilot.mouse_down(view, offset=(x_b, line_b))
        await pilot.hover(view, offset=(x_a, line_a))
        await pilot.mouse_up(view, offset=(x_a, line_a))
        assert view.selection == (start, end)

        # A double click selects a word, a triple click the sentence.
        await pilot.double_click(view, offset=(x_a + 2, line_a))
        await pilot.pause()
        assert view.selected_text == "second"
        await pilot.triple_click(view, offset=(x_a + 2, line_a))
        await pilot.pause()
        assert view.selected_text == "The second sentence has 7 words in it."

        # A plain click clears the selection and moves the cursor to the clicked sentence.
        last = sentence_bounds(TEXT)[-1]
        line_c = view.line_of(last[0])
        await pilot.click(view, offset=(last[0] - view.line_range(line_c)[0] + 1, line_c))
        assert view.selection is None
        assert view.cursor_offset == last[0]


async def test_set_annotations_repaints_only_touched_lines():
    text = "\n".join(f"Line number {i} of the article." for i in range(60))
    app = ViewApp(text=text, spans=[])
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        rendered: list[int] = []
        original = view.render_line

        def spy(y: int):
            rendered.append(y)
            return original(y)

        view.render_line = spy  # type: ignore[method-assign]
        target = text.index("Line number 5 ")
        view.set_annotations([("note-1", target, target + 11)])
        await pilot.pause()
        assert set(rendered) == {5}
        assert style_at(view, target).underline
        assert not style_at(view, target + 11).underline
        assert view.annotations_at(target + 3) == ["note-1"]

        rendered.clear()
        second = text.index("Line number 9 ")
        view.set_annotations([("note-1", target, target + 11), ("note-2", second, second + 4)])
        await pilot.pause()
        assert set(rendered) == {9}

        rendered.clear()
        view.set_annotations([])
        await pilot.pause()
        assert set(rendered) == {5, 9}
        assert not style_at(view, target).underline


async def test_pointed_reports_spans_under_cursor_and_mouse():
    app = ViewApp(annotations=[("a1", F2_START, F2_START + 7)])
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        pointed = [m for m in app.messages if m[0] == "pointed"]
        assert pointed, "the cursor sentence's spans are reported on load"
        _, offset, spans, anns = pointed[-1]
        assert offset == 0
        assert [s.kind for s in spans] == ["quote", "figure"]
        assert spans[0].speaker == "Officials"
        assert anns == []

        app.messages.clear()
        await pilot.press("down")
        _, offset, spans, anns = [m for m in app.messages if m[0] == "pointed"][-1]
        assert [s.text for s in spans] == ["7"]
        assert anns == ["a1"]

        app.messages.clear()
        line = view.line_of(F_START)
        x = F_START - view.line_range(line)[0]
        await pilot.hover(view, offset=(x, line))
        _, offset, spans, anns = [m for m in app.messages if m[0] == "pointed"][-1]
        assert offset == F_START
        assert {s.kind for s in spans} == {"quote", "figure"}
        count = len(app.messages)
        await pilot.hover(view, offset=(x + 1, line))  # same span set: no new message
        assert len(app.messages) == count
        assert view.spans_at(F_START + 1) == spans
        await pilot.hover(view, offset=(0, line + 5))
        assert app.messages[-1][0] == "pointed" and app.messages[-1][2] == []


async def test_hostile_text_is_inert():
    hostile = (
        "Start \x1b[2J\x1b]0;pwned\x07 [bold]markup[/] [link=http://x]l[/link] "
        "\u202eevil\u202c \u2066iso\u2069 tab\there \ud800 end."
    )
    app = ViewApp(text=hostile, spans=[])
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        shown = "".join(visible_text(view))
        for bad in ("\x1b", "\x07", "\u202e", "\u202c", "\u2066", "\u2069", "\t", "\ud800"):
            assert bad not in shown
        assert "[bold]markup[/]" in shown
        assert "[link=http://x]l[/link]" in shown
        assert "\ufffdevil\ufffd" in shown
        for y in range(view.line_count):
            for seg in view.render_line(y):
                assert not (seg.style and (seg.style.bold or seg.style.link))
        # Offsets are preserved: the visual lines still index the original text.
        assert len(view.text) == len(hostile)
        start, end = view.line_range(0)
        assert start == 0


async def test_a_megabyte_article_loads_and_paints_its_first_screen():
    para = (
        'The minister said "inflation will fall to 2.5 percent" on Tuesday. '
        "Markets rose 3 percent after the announcement, traders said. "
    ) * 8 + "\n\n"
    text = (para * (1_000_000 // len(para) + 1))[:1_000_000]
    spans = []
    for i in range(0, len(text) - 100, len(para)):
        q = text.index("inflation", i)
        spans.append(Span("quote", q, q + 37, text[q : q + 37]))
    app = ViewApp(text=text, spans=spans)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        shown = visible_text(view)
        assert shown[0].startswith('The minister said "inflation will fall')
        assert view.line_count > 20_000
        assert style_at(view, text.index("inflation")).color == RED
        await pilot.press("G")
        last = view.sentences[-1]
        assert view.cursor_offset == last[0]
        assert any(text[last[0] : last[0] + 20] in line for line in visible_text(view))
        view.go_to(500_000)
        await pilot.pause()
        s, e = view.cursor_sentence
        assert s <= 500_000 < e or s > 500_000
        cursor_line = view.line_of(s) - round(view.scroll_y)
        assert 5 <= cursor_line <= 20  # centred-ish in a 30-line view


async def test_page_keys_scroll_and_move_the_cursor():
    text = "\n".join(f"Sentence {i} here." for i in range(100))
    app = ViewApp(text=text, spans=[])
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("pagedown")
        assert round(view.scroll_y) == 30
        assert view.cursor_offset == text.index("Sentence 30 ")
        await pilot.press("space")
        assert round(view.scroll_y) == 60
        await pilot.press("pageup")
        assert round(view.scroll_y) == 30
        await pilot.press("end")
        assert view.cursor_offset == text.index("Sentence 99 ")
        assert round(view.scroll_y) == view.max_scroll_y
        await pilot.press("home")
        assert view.cursor_offset == 0 and round(view.scroll_y) == 0
        await pilot.press(*["j"] * 35)
        assert view.line_of(view.cursor_offset) - round(view.scroll_y) == 29  # kept in view


def test_wrap_offsets_unit():
    starts, ends = wrap_offsets("aaa bbb ccc\n\nddddddddddd", 5)
    text = "aaa bbb ccc\n\nddddddddddd"
    assert [text[s:e] for s, e in zip(starts, ends)] == [
        "aaa ",
        "bbb ",
        "ccc",
        "",
        "ddddd",
        "ddddd",
        "d",
    ]
    wide = "中文中文中文 abc"
    starts, ends = wrap_offsets(wide, 5)
    assert [wide[s:e] for s, e in zip(starts, ends)] == ["中文", "中文", "中文 ", "abc"]


class BackApp(ViewApp):
    BINDINGS = [("escape", "back", "Back")]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.backs = 0

    def action_back(self) -> None:
        self.backs += 1


async def test_escape_clears_the_selection_first_then_passes_through():
    app = BackApp()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("v")
        assert view.selection is not None
        await pilot.press("escape")
        assert view.selection is None
        assert app.backs == 0  # the key only cleared the selection
        assert app.messages[-1] == ("selection", None)
        await pilot.press("escape")
        assert app.backs == 1  # nothing to clear: the app's binding runs


async def test_screen_clearing_its_selection_clears_ours():
    app = ViewApp()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        view.select_range(5, 20)
        await pilot.pause()
        assert app.screen.get_selected_text() == TEXT[5:20]
        app.screen.clear_selection()
        await pilot.pause()
        assert view.selection is None
        assert app.messages[-1] == ("selection", None)
        # A new selection made right after a clear is not lost to the late notification.
        app.screen.clear_selection()
        view.select_range(0, 4)
        await pilot.pause()
        assert view.selection == (0, 4)


async def test_go_to_before_mount_centres_after_layout():
    text = "\n".join(f"Sentence {i} here." for i in range(200))

    class GoApp(App):
        CSS = CSS

        def compose(self) -> ComposeResult:
            view = ArticleView(text, [])
            view.go_to(text.index("Sentence 150 ") + 3)
            yield view

    app = GoApp()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        assert view.cursor_offset == text.index("Sentence 150 ")
        assert view.line_of(view.cursor_offset) - round(view.scroll_y) in (14, 15)


async def test_translucent_layers_blend_one_over_the_other():
    class TranslucentApp(ViewApp):
        CSS = """
        ArticleView { width: 42; padding: 0; background: #000000; color: #ffffff; }
        ArticleView > .article-view--quote { background: #ff0000 50%; }
        ArticleView > .article-view--figure { background: #0000ff 50%; }
        ArticleView > .article-view--cursor { background: #000000 0%; }
        """

    app = TranslucentApp()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        plain = style_at(view, 0).bgcolor.triplet
        quote = style_at(view, Q_START).bgcolor.triplet
        figure = style_at(view, F2_START).bgcolor.triplet
        both = style_at(view, F_START).bgcolor.triplet
        assert plain == (0, 0, 0)
        assert quote.red > 100 and quote.blue == 0
        assert figure.blue > 100 and figure.red == 0
        assert both.red > 20 and both.blue > 100  # the quote shows through the figure


def test_wrap_offsets_in_pieces_equal_the_whole_wrap():
    text = ("A line of words that wraps over several rows here.\n\n" * 40) + "Tail with 表 wide chars.\n" * 5
    whole = wrap_offsets(text, 17)
    starts, ends = [], []
    start = 0
    for cut in [i for i, ch in enumerate(text) if ch == "\n"][::7]:
        a, b = wrap_offsets(text, 17, start, cut)
        starts += a
        ends += b
        start = cut + 1
    a, b = wrap_offsets(text, 17, start)
    assert (starts + a, ends + b) == whole


async def test_a_long_text_paints_its_first_screen_before_the_rest_is_laid_out():
    para = "Sentence one is here. Sentence two follows it.\n"
    text = para * 20_000  # ~1 MB
    loaded = ArticleView(text)  # loading lays out only the first piece
    assert not loaded.layout_complete and len(loaded.sentences) < 1_000
    app = ViewApp(text=text, spans=[])
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        assert visible_text(view)[0].startswith("Sentence one is here.")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.layout_complete
        width = view.scrollable_content_region.width
        assert (view._line_starts, view._line_ends) == wrap_offsets(text, width)
        assert list(view.sentences) == sentence_bounds(text)
        assert view.virtual_size.height == view.line_count


async def test_moves_past_the_laid_out_part_lay_out_what_they_need():
    para = "Sentence one is here. Sentence two follows it.\n"
    text = para * 20_000
    app = ViewApp(text=text, spans=[])
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        view.go_to(700_000)  # before the background pieces got there
        s, e = view.cursor_sentence
        assert s <= 700_000 < e or s > 700_000
        assert view.line_of(s) > 10_000
        await pilot.press("end")
        assert view.layout_complete
        assert view.cursor_sentence == sentence_bounds(text)[-1]


async def test_the_text_margin_is_drawn_by_the_view_and_clicks_skip_it():
    app = ViewApp()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        plain = visible_text(view)
        view.text_margin = 2
        await pilot.pause()
        shown = visible_text(view)
        assert shown[0].startswith("  Officials said")
        assert view.line_count > len([ln for ln in plain if ln.strip()])  # rewrapped 4 cells narrower
        assert all(len(line) == len(plain[0]) for line in shown)  # same width, margins included
        start = TEXT.index("noon")
        line = view.line_of(start)
        x = start - view.line_range(line)[0] + 2
        await pilot.double_click(view, offset=(x, line))
        assert view.selected_text == "noon."
        assert view.offset_at(0, line) == view.line_range(line)[0]  # the margin maps to the line start
