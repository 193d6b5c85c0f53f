"""One article's reading text, word-wrapped, with quotes, figures and annotations highlighted.

Built on Textual's Line API (``ScrollView`` + ``render_line``) so a 1 MB article paints as fast
as a short one:

- the text is wrapped once per width into a table of visual lines (document ``start``/``end``
  offsets per line) by a greedy wrap over ``str.rfind`` (a few ms per MB for text whose
  characters are all one cell wide; paragraphs with wide or zero-width characters take a
  per-character path);
- ``render_line`` builds each visible line from plain-text segments (never markup; the text
  went through :func:`reader.core.sanitize.clean_display`), layering the styles of the
  component classes, and caches the strip (LRU);
- a change (selection, cursor sentence, annotations) discards and repaints only the lines
  that intersect the changed character ranges.

Selection. Textual's own drag selection is disabled here (``ALLOW_SELECT = False``): the widget
owns its selection, in document character offsets, made with the keyboard (sentences, words)
or the mouse (press, drag, release; the mouse is captured during the drag). So that the
usual copy path still works, a non-empty selection is mirrored into ``Screen.selections``:
``screen.get_selected_text()`` (and the screen's ``ctrl+c`` copy binding) return the selected
article text, and when the screen clears or replaces its selection (a click elsewhere, a drag
in another widget) this widget's selection is cleared too.
"""

from __future__ import annotations

import asyncio
import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Any, Protocol, Sequence

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import SELECT_ALL, Selection
from textual.strip import Strip
from textual.worker import Worker

from reader.core.sanitize import clean_display
from reader.core.sentences import next_word_end, prev_word_end, sentence_bounds

__all__ = ["ArticleView", "SpanLike", "wrap_offsets"]

STRIP_CACHE = 1024
FIRST_PIECE = 16_384
"""Characters laid out (wrapped, split into sentences) before the first paint; the rest of a
long text follows in pieces of :data:`LAYOUT_PIECE` between frames."""
LAYOUT_PIECE = 65_536


class SpanLike(Protocol):
    """Anything with a kind ("quote" or "figure") and document offsets (end exclusive)."""

    @property
    def kind(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def _build_odd_width() -> re.Pattern[str]:
    """A character class of everything that may not be exactly one cell wide (per Rich).

    Only Basic Multilingual Plane ranges are listed (so ``re`` compiles the class to a bitmap,
    ~100x faster than a list of ranges); every astral character (emoji...) counts as odd.
    """
    try:
        from rich._unicode_data import load

        ranges = [(s, min(e, 0xFFFF)) for s, e, w in load("auto").widths if w != 1 and s <= 0xFFFF]
        parts = "".join(
            f"\\u{s:04x}" if s == e else f"\\u{s:04x}-\\u{e:04x}" for s, e in ranges
        )
        return re.compile(f"[{parts}\\u200d\\ufe0f\\U00010000-\\U0010ffff]")
    except Exception:  # pragma: no cover - Rich internals moved: be conservative
        return re.compile(r"[^\x20-\x7e\u00a0-\u02ff]")


_ODD_WIDTH = _build_odd_width()
_NON_SPACE = re.compile(r"[^ ]")


def _spaced_text(text: str) -> str:
    """Tabs and carriage returns become spaces, Unicode line/paragraph separators become
    newlines (one for one: offsets unchanged). Fast (str.replace); the view then cleans each
    piece it lays out with :func:`clean_display`, which is slower (~8 ms per MB)."""
    text = text.replace("\t", " ").replace("\r", " ")
    return text.replace("\u2028", "\n").replace("\u2029", "\n")


def _layout_text(text: str) -> str:
    """The text as the view shows it once laid out: :func:`_spaced_text`, then
    :func:`clean_display` (also replaces lone surrogates)."""
    return clean_display(_spaced_text(text))


def _char_width(ch: str) -> int:
    return get_character_cell_size(ch)


def wrap_offsets(text: str, width: int, start: int = 0, stop: int | None = None) -> tuple[list[int], list[int]]:
    """Greedy word wrap of ``text`` (no tabs; ``\\n`` separates paragraphs) to ``width`` cells.

    Returns ``(starts, ends)``: the document offsets of each visual line. A line's range
    includes the spaces it breaks at (they hang past the right edge); it never includes a
    newline. An empty paragraph is an empty line. Words longer than the width are split.

    ``start``/``stop`` wrap only the paragraphs of ``text[start:stop]``: with ``start`` 0 or
    just after a newline and ``stop`` the end of the text or the offset of a newline, the
    lines are exactly those of the whole text's wrap in that range (a long text is wrapped in
    pieces, the first screen first).
    """
    width = max(1, width)
    starts: list[int] = []
    ends: list[int] = []
    add_start = starts.append
    add_end = ends.append
    find = text.find
    rfind = text.rfind
    non_space = _NON_SPACE.search
    odd = _ODD_WIDTH.search
    n = len(text) if stop is None else stop
    pos = start
    while True:
        nl = find("\n", pos, n)
        b = n if nl == -1 else nl
        simple = b == pos or odd(text, pos, b) is None
        if simple and b - pos <= width:
            add_start(pos)
            add_end(b)
        elif simple:
            p = pos
            while b - p > width:
                k = rfind(" ", p + 1, p + width + 1)
                if k == -1:
                    q = p + width
                else:
                    m = non_space(text, k, b)
                    q = b if m is None else m.start()
                add_start(p)
                add_end(q)
                p = q
            if p < b:
                add_start(p)
                add_end(b)
        else:
            widths = [_char_width(c) for c in text[pos:b]]
            cum = list(accumulate(widths, initial=0))
            p = pos
            while cum[b - pos] - cum[p - pos] > width:
                e = pos + bisect_right(cum, cum[p - pos] + width) - 1
                if e <= p:
                    e = p + 1  # a character wider than the line
                k = rfind(" ", p + 1, e + 1)
                if k == -1:
                    q = e
                    while q < b and widths[q - pos] == 0:
                        q += 1  # keep combining marks with their base
                else:
                    m = non_space(text, k, b)
                    q = b if m is None else m.start()
                add_start(p)
                add_end(q)
                p = q
            if p < b:
                add_start(p)
                add_end(b)
        if nl == -1:
            break
        pos = nl + 1
    return starts, ends


# Style layers, applied in this order (later ones win where they set the same property).
_QUOTE, _FIGURE, _ANNOTATION, _CURSOR, _SELECTION = 1, 2, 4, 8, 16
_LAYER_CLASSES = (
    (_QUOTE, "article-view--quote"),
    (_FIGURE, "article-view--figure"),
    (_ANNOTATION, "article-view--annotation"),
    (_CURSOR, "article-view--cursor"),
    (_SELECTION, "article-view--selection"),
)


class _Intervals:
    """Items with start/end offsets, sorted by start, with overlap queries."""

    __slots__ = ("items", "starts", "ends", "max_len")

    def __init__(self, items: Sequence[Any], starts: list[int], ends: list[int]) -> None:
        pairs = list(zip(starts, ends))
        if all(a <= b for a, b in zip(pairs, pairs[1:])):  # detect() already sorts: skip the work
            # Kept as given (not copied): a lazily decoded table stays lazy.
            self.items, self.starts, self.ends = items, list(starts), list(ends)
        else:
            order = sorted(range(len(items)), key=pairs.__getitem__)
            self.items = [items[i] for i in order]
            self.starts = [starts[i] for i in order]
            self.ends = [ends[i] for i in order]
        self.max_len = max((e - s for s, e in zip(self.starts, self.ends)), default=0)

    def overlapping(self, a: int, b: int) -> list[int]:
        """Indexes of items with ``start < b`` and ``end > a`` (non-empty items only)."""
        lo = bisect_left(self.starts, a - self.max_len)
        hi = bisect_left(self.starts, b)
        ends = self.ends
        starts = self.starts
        return [i for i in range(lo, hi) if ends[i] > a and ends[i] > starts[i]]


def _span_intervals(spans: Sequence[SpanLike]) -> _Intervals:
    """Interval look-ups over spans; a table with ``starts``/``ends`` lists (such as
    ``reader.core.article_spans.SpanTable``) is used without reading its items."""
    starts = getattr(spans, "starts", None)
    ends = getattr(spans, "ends", None)
    if isinstance(starts, list) and isinstance(ends, list):
        return _Intervals(spans, starts, ends)
    spans = list(spans)
    return _Intervals(spans, [s.start for s in spans], [s.end for s in spans])


class ArticleView(ScrollView, can_focus=True):
    """Reading view of one article: wrapped text, highlighted spans, sentence cursor, selection.

    | Key(s) | Action |
    | :- | :- |
    | down, j / up, k | Cursor to the next / previous sentence |
    | shift+down, J | Extend the selection by one sentence (starts at the cursor sentence) |
    | shift+up, K | Shrink the selection by one sentence from the end |
    | shift+right / shift+left | Extend / shrink the selection end by one word |
    | v | Select the cursor sentence |
    | escape | Clear the selection (passes through when there is none) |
    | pagedown, space / pageup | Scroll a page; the cursor moves to the first sentence in view |
    | home, g / end, G | First / last sentence |

    Mouse: press-drag-release selects characters; a click moves the cursor to the clicked
    sentence and clears the selection; a double click selects a word, a triple click a
    sentence. Moving the pointer over text posts :class:`ArticleView.Pointed` when the spans
    under it change.
    """

    ALLOW_SELECT = False

    COMPONENT_CLASSES = {
        "article-view--quote",
        "article-view--figure",
        "article-view--annotation",
        "article-view--selection",
        "article-view--cursor",
    }

    BINDINGS = [
        Binding("down,j", "cursor_down", "Next sentence", show=False),
        Binding("up,k", "cursor_up", "Previous sentence", show=False),
        Binding("shift+down,J", "extend_sentence", "Extend selection", show=False),
        Binding("shift+up,K", "shrink_sentence", "Shrink selection", show=False),
        Binding("shift+right", "extend_word", "Extend selection by a word", show=False),
        Binding("shift+left", "shrink_word", "Shrink selection by a word", show=False),
        Binding("v", "select_sentence", "Select sentence", show=False),
        Binding("escape", "clear_selection", "Clear selection", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home,g", "first", "Top", show=False),
        Binding("end,G", "last", "Bottom", show=False),
    ]

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        padding: 0;  /* margins: text_margin */
        height: 1fr;
        & > .article-view--quote {
            color: $text-success;
            text-style: italic;
        }
        & > .article-view--figure {
            color: $text-warning;
            text-style: bold;
        }
        & > .article-view--annotation {
            background: $secondary 30%;
            text-style: underline;
        }
        & > .article-view--selection {
            background: $primary 55%;
        }
        &:focus > .article-view--cursor {
            background: $foreground 7%;
        }
    }
    """

    text_margin: reactive[int] = reactive(0, init=False)
    """Blank cells left and right of the text, drawn by the widget itself: CSS padding would
    make Textual pad every line again on every frame (~3 ms of a 12 ms scroll step)."""
    show_quotes: reactive[bool] = reactive(True, init=False)
    show_figures: reactive[bool] = reactive(True, init=False)
    show_annotations: reactive[bool] = reactive(True, init=False)

    class SelectionChanged(Message):
        """The selection changed (``selection`` is ``None`` when cleared)."""

        def __init__(self, view: ArticleView, selection: tuple[int, int] | None) -> None:
            super().__init__()
            self.view = view
            self.selection = selection

        @property
        def control(self) -> ArticleView:
            return self.view

    class Pointed(Message):
        """The cursor sentence or the mouse moved onto a different set of spans/annotations."""

        def __init__(
            self,
            view: ArticleView,
            offset: int,
            spans: list[Any],
            annotation_ids: list[Any],
        ) -> None:
            super().__init__()
            self.view = view
            self.offset = offset
            self.spans = spans
            self.annotation_ids = annotation_ids

        @property
        def control(self) -> ArticleView:
            return self.view

    def __init__(
        self,
        text: str = "",
        spans: Sequence[SpanLike] = (),
        annotations: Sequence[tuple[Any, int, int]] = (),
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._raw = ""
        self._text = ""
        self._spans = _Intervals([], [], [])
        self._annotations = _Intervals([], [], [])
        self._sentences: list[tuple[int, int]] = []
        self._sent_starts: list[int] = []
        self._sent_ends: list[int] = []
        self._line_starts: list[int] = [0]
        self._line_ends: list[int] = [0]
        self._wrap_width = 0
        self._laid = 0  # text[:_laid] has its lines and sentences (complete at len(text))
        self._layout_generation = 0
        self._layout_worker: Worker[None] | None = None
        self._layout_worker_generation = -1
        self._cursor = 0
        self._selection: tuple[int, int] | None = None
        self._strips: LRUCache[int, Strip] = LRUCache(STRIP_CACHE)
        self._styles: dict[int, Style] = {}
        self._pointed_key: Any = None
        self._pending_goto: int | None = None
        # Mouse drag state.
        self._press: int | None = None
        self._press_past_end = False
        self._dragging = False
        self._load(text, spans, annotations)

    # ================================================================== public API

    @property
    def text(self) -> str:
        """The article text as given to :meth:`load`."""
        return self._raw

    @property
    def selection(self) -> tuple[int, int] | None:
        """The selection in document offsets (end exclusive), or ``None``."""
        return self._selection

    @property
    def selected_text(self) -> str | None:
        """The selected text as displayed (sanitised), or ``None``."""
        if self._selection is None:
            return None
        start, end = self._selection
        return clean_display(self._text[start:end])  # may reach past the laid-out part

    @property
    def cursor_offset(self) -> int:
        """Start offset of the cursor sentence (0 when there are no sentences)."""
        if not self._sentences:
            return 0
        return self._sentences[self._cursor][0]

    @property
    def cursor_sentence(self) -> tuple[int, int] | None:
        """Offsets of the cursor sentence."""
        if not self._sentences:
            return None
        return self._sentences[self._cursor]

    @property
    def sentences(self) -> Sequence[tuple[int, int]]:
        return self._sentences

    @property
    def line_count(self) -> int:
        """Number of visual (wrapped) lines laid out so far (see :attr:`layout_complete`)."""
        return len(self._line_starts)

    @property
    def layout_complete(self) -> bool:
        """Whether the whole text is wrapped and split into sentences.

        A long text is laid out in pieces: the first screen before the first paint, the rest
        between frames. Anything that needs a later part (``go_to``, the last sentence, moving
        past the laid-out part) lays it out at once."""
        return self._laid >= len(self._text)

    def complete_layout(self) -> None:
        """Lay out the rest of the text now."""
        self._lay_out_to(len(self._text))

    def line_range(self, line: int) -> tuple[int, int]:
        """Document offsets of a visual line."""
        return self._line_starts[line], self._line_ends[line]

    def line_of(self, offset: int) -> int:
        """Index of the visual line holding ``offset``."""
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def load(
        self,
        text: str,
        spans: Sequence[SpanLike],
        annotations: Sequence[tuple[Any, int, int]] = (),
    ) -> None:
        """Show a new article. Resets the cursor, the selection and the scroll position."""
        had_selection = self._selection is not None
        self._load(text, spans, annotations)
        if had_selection:
            self._publish_selection()
            self.post_message(self.SelectionChanged(self, None))
        if self.is_mounted:
            self._rewrap(keep_position=False)
            self.scroll_to(y=0, animate=False, force=True)
            self._point_cursor()

    def set_spans(self, spans: Sequence[SpanLike]) -> None:
        """Replace the quote and figure spans (e.g. when detection finishes after the text is
        shown), keeping the cursor, the selection and the scroll position."""
        self._spans = _span_intervals(spans)
        self._strips.clear()
        self._pointed_key = None
        self.refresh()
        if self.is_mounted:
            self._point_cursor()

    def set_annotations(self, annotations: Sequence[tuple[Any, int, int]]) -> None:
        """Replace the annotations ``(annotation_id, start, end)``.

        Only the lines whose annotation styling changed are repainted."""
        old = set(zip(self._annotations.items, self._annotations.starts, self._annotations.ends))
        self._annotations = self._make_annotations(annotations)
        new = set(zip(self._annotations.items, self._annotations.starts, self._annotations.ends))
        if self.show_annotations:
            for _, start, end in old ^ new:
                self._refresh_range(start, end)
        self._point_cursor()

    def select_range(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (clamped to the text; an empty range clears)."""
        n = len(self._text)
        start, end = sorted((max(0, min(start, n)), max(0, min(end, n))))
        self._set_selection((start, end) if start < end else None)

    def clear_selection(self) -> None:
        self._set_selection(None)

    def go_to(self, offset: int) -> None:
        """Move the cursor to the sentence holding ``offset`` and centre it in view."""
        self._lay_out_to(offset + 1)
        if not self._sentences:
            return
        self._set_cursor(self._sentence_index(offset), scroll=False)
        if self._wrap_width:
            self._center_cursor()
        else:
            self._pending_goto = offset

    def spans_at(self, offset: int) -> list[Any]:
        """The spans covering ``offset`` (whatever layers are shown)."""
        spans = self._spans
        return [spans.items[i] for i in spans.overlapping(offset, offset + 1)]

    def annotations_at(self, offset: int) -> list[Any]:
        """Ids of the annotations covering ``offset``."""
        anns = self._annotations
        return [anns.items[i] for i in anns.overlapping(offset, offset + 1)]

    def offset_at(self, x: int, y: int) -> int:
        """Document offset under content coordinates ``(x, y)`` of the viewport."""
        return self._hit(x, y)[0]

    # ================================================================== loading & layout

    @staticmethod
    def _make_annotations(annotations: Sequence[tuple[Any, int, int]]) -> _Intervals:
        annotations = list(annotations)
        return _Intervals(
            [a[0] for a in annotations], [a[1] for a in annotations], [a[2] for a in annotations]
        )

    def _load(
        self,
        text: str,
        spans: Sequence[SpanLike],
        annotations: Sequence[tuple[Any, int, int]],
    ) -> None:
        self._raw = text
        self._text = _spaced_text(text)  # each piece is cleaned as it is laid out
        self._spans = _span_intervals(spans)
        self._annotations = self._make_annotations(annotations)
        self._sentences = []
        self._sent_starts = []
        self._sent_ends = []
        self._laid = 0
        self._layout_generation += 1
        self._add_sentences(0, self._piece_end(0, FIRST_PIECE))
        self._cursor = 0
        self._selection = None
        self._press = None
        self._dragging = False
        self._pointed_key = None
        self._pending_goto = None
        self._wrap_width = 0
        self._line_starts, self._line_ends = [0], [0]
        self._strips.clear()

    def _content_width(self) -> int:
        """Cells a line of text may use: the content region less the text margins."""
        width = self.scrollable_content_region.width
        return max(1, width - 2 * self.text_margin) if width > 0 else 0  # 0: not laid out yet

    def _viewport_height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def _piece_end(self, start: int, size: int) -> int:
        """Where a piece of layout starting at ``start`` ends: the first newline at or after
        ``start + size``, else the end of the text (pieces split only between paragraphs)."""
        text = self._text
        if start + size >= len(text):
            return len(text)
        nl = text.find("\n", start + size)
        return len(text) if nl == -1 else nl

    def _add_sentences(self, start: int, stop: int) -> None:
        """Clean ``text[start:stop]`` for display, split it into sentences and mark the text
        laid out up to ``stop`` (the lines of the piece are the caller's)."""
        text = self._text
        piece = text[start:stop]
        cleaned = clean_display(piece)
        if cleaned != piece:  # rare: control characters in the text
            self._text = text[:start] + cleaned + text[stop:]
        found = sentence_bounds(self._text, start, stop)
        self._sentences.extend(found)
        self._sent_starts.extend(s for s, _ in found)
        self._sent_ends.extend(e for _, e in found)
        self._laid = stop

    def _lay_out_to(self, offset: int) -> None:
        """Lay out (sentences, and lines when wrapped) at least up to ``offset``."""
        while self._laid < min(offset, len(self._text)):
            self._lay_out_piece(LAYOUT_PIECE)

    def _lay_out_piece(self, size: int) -> None:
        begin = self._laid + 1  # past the newline that ended the last piece
        stop = self._piece_end(begin, size)
        self._add_sentences(begin, stop)
        if self._wrap_width:
            starts, ends = wrap_offsets(self._text, self._wrap_width, begin, stop)
            self._line_starts.extend(starts)
            self._line_ends.extend(ends)
            self.virtual_size = Size(self._wrap_width, len(self._line_starts))

    def _start_rest_layout(self, generation: int) -> None:
        # One worker per loaded text; it ends by itself when another text is loaded (not
        # cancelled: code that waits for the app's workers would see a cancelled one fail).
        if generation == self._layout_generation and not self.layout_complete:
            if self._layout_worker is None or self._layout_worker.is_finished or self._layout_worker_generation != generation:
                self._layout_worker_generation = generation
                self._layout_worker = self.run_worker(self._lay_out_rest(generation), group="layout")

    async def _lay_out_rest(self, generation: int) -> None:
        """Lay out the rest of a long text a piece at a time, letting the app paint and
        answer keys in between."""
        while generation == self._layout_generation and not self.layout_complete:
            self._lay_out_piece(LAYOUT_PIECE)
            await asyncio.sleep(0)

    def _rewrap(self, keep_position: bool = True) -> None:
        width = self._content_width()
        if width <= 0:
            return
        anchor = None
        if keep_position and self._wrap_width:
            anchor = self._line_starts[min(round(self.scroll_y), len(self._line_starts) - 1)]
        self._line_starts, self._line_ends = wrap_offsets(self._text, width, 0, self._laid)
        self._wrap_width = width
        if not self.layout_complete:
            # After the first screen is painted: pieces run before that frame would delay it.
            self.call_after_refresh(self._start_rest_layout, self._layout_generation)
        self._strips.clear()
        self.virtual_size = Size(width, len(self._line_starts))
        if anchor is not None:
            self.scroll_to(y=self.line_of(anchor), animate=False, force=True)
        if self._pending_goto is not None:
            self._pending_goto = None
            self._center_cursor()
        self.refresh()

    def on_mount(self) -> None:
        self._rewrap(keep_position=False)
        self._point_cursor()

    def on_resize(self, event: events.Resize) -> None:
        if self._content_width() != self._wrap_width:
            self._rewrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # ================================================================== rendering

    def _style(self, mask: int) -> Style:
        """The style for a set of layers, blended in layer order.

        Backgrounds are alpha-blended one over the other (a figure inside a quote, both with
        translucent backgrounds, shows a mix of the two), text colours are blended over the
        resulting background, text styles (bold, italic, underline...) accumulate."""
        style = self._styles.get(mask)
        if style is None:
            style = self.rich_style
            if mask:
                _, background = self.background_colors
                blended = background
                color = None
                auto_alpha = None
                text_style = Style()
                for bit, name in _LAYER_CLASSES:
                    if not mask & bit:
                        continue
                    component = self.get_component_styles(name)
                    if component.has_rule("background") and component.background.a > 0:
                        blended = blended + component.background
                    if component.has_rule("auto_color") and component.auto_color:
                        color, auto_alpha = None, component.color.a
                    elif component.has_rule("color") and component.color.a > 0:
                        color, auto_alpha = component.color, None
                    if component.has_rule("text_style"):
                        text_style += component.text_style
                if auto_alpha is not None:
                    color = blended.get_contrast_text(auto_alpha)
                style += Style(
                    color=None if color is None else (blended + color).rich_color,
                    bgcolor=None if blended == background else blended.rich_color,
                )
                style += text_style
            self._styles[mask] = style
        return style

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        if not self._wrap_width or index >= len(self._line_starts):
            return Strip.blank(self.scrollable_content_region.width, self.rich_style)
        width = self._wrap_width
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_doc_line(index, width)
            self._strips[index] = strip
        return strip

    def _line_layers(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """The styled ranges ``(start, end, layer bit)`` that intersect ``[start, end)``."""
        ranges: list[tuple[int, int, int]] = []
        if self.show_quotes or self.show_figures:
            spans = self._spans
            for i in spans.overlapping(start, end):
                kind = getattr(spans.items[i], "kind", None)
                if kind == "quote" and self.show_quotes:
                    ranges.append((spans.starts[i], spans.ends[i], _QUOTE))
                elif kind == "figure" and self.show_figures:
                    ranges.append((spans.starts[i], spans.ends[i], _FIGURE))
        if self.show_annotations:
            anns = self._annotations
            for i in anns.overlapping(start, end):
                ranges.append((anns.starts[i], anns.ends[i], _ANNOTATION))
        if self._sentences:
            s, e = self._sentences[self._cursor]
            if s < end and e > start:
                ranges.append((s, e, _CURSOR))
        if self._selection is not None:
            s, e = self._selection
            if s < end and e > start:
                ranges.append((s, e, _SELECTION))
        return ranges

    def _render_doc_line(self, index: int, width: int) -> Strip:
        start = self._line_starts[index]
        end = self._line_ends[index]
        text = self._text
        base = self.rich_style
        margin = self.text_margin
        if start == end:
            return Strip.blank(width + 2 * margin, base)
        ranges = self._line_layers(start, end)
        if not ranges:
            segments = [Segment(text[start:end], base)]
        else:
            cuts = {start, end}
            for s, e, _ in ranges:
                if start < s < end:
                    cuts.add(s)
                if start < e < end:
                    cuts.add(e)
            ordered = sorted(cuts)
            segments = []
            for a, b in zip(ordered, ordered[1:]):
                mask = 0
                for s, e, bit in ranges:
                    if s <= a and e >= b:
                        mask |= bit
                segments.append(Segment(text[a:b], self._style(mask)))
        if margin:
            segments.insert(0, Segment(" " * margin, base))
        return Strip(segments).adjust_cell_length(width + 2 * margin, base)

    def _refresh_range(self, start: int, end: int) -> None:
        """Discard and repaint the lines intersecting ``[start, end)`` (at least one line)."""
        if not self._wrap_width or start > self._laid:
            return
        first = self.line_of(start)
        last = self.line_of(max(start, end - 1))
        for i in range(first, last + 1):
            self._strips.discard(i)
        top = round(self.scroll_y)
        height = self._viewport_height()
        lo = max(first, top)
        hi = min(last, top + height - 1)
        if lo <= hi:
            self.refresh_lines(lo, hi - lo + 1)

    def watch_text_margin(self) -> None:
        if self._wrap_width:
            self._rewrap()

    def watch_show_quotes(self) -> None:
        self._layers_changed()

    def watch_show_figures(self) -> None:
        self._layers_changed()

    def watch_show_annotations(self) -> None:
        self._layers_changed()

    def _layers_changed(self) -> None:
        self._strips.clear()
        self.refresh()

    # ================================================================== cursor

    def _sentence_index(self, offset: int) -> int:
        """Sentence holding ``offset``, else the next one, else the last one."""
        self._lay_out_to(offset + 1)
        if not self._sentences:
            return 0
        i = bisect_right(self._sent_starts, offset) - 1
        if i < 0:
            return 0
        if self._sent_ends[i] <= offset and i + 1 < len(self._sentences):
            # In the gap after sentence i: belongs to the next sentence.
            return i + 1
        return i

    def _set_cursor(self, index: int, *, scroll: bool = True) -> None:
        while index >= len(self._sentences) and not self.layout_complete:
            self._lay_out_piece(LAYOUT_PIECE)
        if not self._sentences:
            return
        index = max(0, min(index, len(self._sentences) - 1))
        if index != self._cursor:
            old = self._sentences[self._cursor]
            self._cursor = index
            self._refresh_range(*old)
            self._refresh_range(*self._sentences[index])
        if scroll:
            self._ensure_visible(*self._sentences[index])
        self._point_cursor()

    def _ensure_visible(self, start: int, end: int) -> None:
        if not self._wrap_width:
            return
        first = self.line_of(start)
        last = self.line_of(max(start, end - 1))
        top = round(self.scroll_y)
        height = self._viewport_height()
        if first < top:
            self.scroll_to(y=first, animate=False, force=True)
        elif last >= top + height:
            self.scroll_to(y=min(first, last - height + 1), animate=False, force=True)

    def _center_cursor(self) -> None:
        if not self._sentences or not self._wrap_width:
            return
        start, end = self._sentences[self._cursor]
        first = self.line_of(start)
        last = self.line_of(max(start, end - 1))
        height = self._viewport_height()
        block = last - first + 1
        y = first - (height - block) // 2 if block < height else first
        self.scroll_to(y=max(0, y), animate=False, force=True)

    def _point(self, offset: int, spans: list[Any], annotation_ids: list[Any]) -> None:
        key = (
            tuple((getattr(s, "kind", None), s.start, s.end) for s in spans),
            tuple(annotation_ids),
        )
        if key != self._pointed_key:
            self._pointed_key = key
            self.post_message(self.Pointed(self, offset, spans, annotation_ids))

    def _point_cursor(self) -> None:
        if not self._sentences:
            self._point(0, [], [])
            return
        start, end = self._sentences[self._cursor]
        spans = self._spans
        anns = self._annotations
        self._point(
            start,
            [spans.items[i] for i in spans.overlapping(start, end)],
            [anns.items[i] for i in anns.overlapping(start, end)],
        )

    # ================================================================== selection

    def _set_selection(self, selection: tuple[int, int] | None, *, publish: bool = True) -> None:
        old = self._selection
        if selection == old:
            return
        self._selection = selection
        if old is None or selection is None:
            s, e = old or selection  # type: ignore[misc]
            self._refresh_range(s, e)
        else:
            (os, oe), (ns, ne) = old, selection
            if os != ns:
                self._refresh_range(min(os, ns), max(os, ns))
            if oe != ne:
                self._refresh_range(min(oe, ne), max(oe, ne))
        if publish:
            self._publish_selection()
        self.post_message(self.SelectionChanged(self, selection))

    def _publish_selection(self) -> None:
        """Mirror the selection into the screen's, so the screen's copy finds it."""
        if not self.is_attached:
            return
        try:
            screen = self.screen
        except Exception:
            return
        if self._selection is not None:
            if screen.selections.get(self) is not SELECT_ALL or len(screen.selections) != 1:
                screen.selections = {self: SELECT_ALL}
        elif self in screen.selections:
            screen.selections = {w: s for w, s in screen.selections.items() if w is not self}

    def selection_updated(self, selection: Selection | None) -> None:
        """Called by the screen when its selection changes (from the screen's context)."""
        if selection is None and self._selection is not None:
            # Run in this widget's own context: a message created inside the screen's watcher
            # would have the screen as sender and stop bubbling there.
            self.call_later(self._screen_selection_cleared)

    def _screen_selection_cleared(self) -> None:
        if self._selection is None or not self.is_attached:
            return
        try:
            if self in self.screen.selections:
                return  # a stale notification: this widget published again since
        except Exception:
            return
        self._set_selection(None, publish=False)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text, for ``Screen.get_selected_text`` (the screen's copy)."""
        text = self.selected_text
        if text is None:
            return None
        return text, "\n"

    def _select_sentences_to(self, selection: tuple[int, int]) -> None:
        self._set_selection(selection)
        self._set_cursor(self._sentence_index(max(selection[0], selection[1] - 1)))

    def action_select_sentence(self) -> None:
        if self._sentences:
            self._set_selection(self._sentences[self._cursor])

    def action_extend_sentence(self) -> None:
        if not self._sentences:
            return
        if self._selection is None:
            self._select_sentences_to(self._sentences[self._cursor])
            return
        start, end = self._selection
        self._lay_out_to(end + 1)
        j = bisect_right(self._sent_ends, end)
        while j >= len(self._sentences) and not self.layout_complete:
            self._lay_out_piece(LAYOUT_PIECE)
        if j < len(self._sentences):
            self._select_sentences_to((start, self._sent_ends[j]))

    def action_shrink_sentence(self) -> None:
        if self._selection is None:
            return
        start, end = self._selection
        j = bisect_left(self._sent_ends, end) - 1
        if j >= 0 and self._sent_ends[j] > start:
            self._select_sentences_to((start, self._sent_ends[j]))

    def action_extend_word(self) -> None:
        if not self._text:
            return
        if self._selection is None:
            start = self.cursor_offset
            end = next_word_end(self._text, start)
        else:
            start, end = self._selection
            end = next_word_end(self._text, end)
        if end > start:
            self._set_selection((start, end))
            self._ensure_visible(max(start, end - 1), end)

    def action_shrink_word(self) -> None:
        if self._selection is None:
            return
        start, end = self._selection
        end = prev_word_end(self._text, end)
        if end > start:
            self._set_selection((start, end))
            self._ensure_visible(max(start, end - 1), end)

    def action_clear_selection(self) -> None:
        if self._selection is None:
            raise SkipAction()
        self._set_selection(None)

    async def _on_key(self, event: events.Key) -> None:
        # Escape with a selection only clears it: stop the key here, before the screen's own
        # escape handler and the app's bindings (e.g. a "back" binding) see it.
        if event.key == "escape" and self._selection is not None:
            event.stop()
            event.prevent_default()
            self._set_selection(None)
            return
        await super()._on_key(event)

    # ================================================================== movement

    def action_cursor_down(self) -> None:
        self._set_cursor(self._cursor + 1)

    def action_cursor_up(self) -> None:
        self._set_cursor(self._cursor - 1)

    def _cursor_to_top_line(self) -> None:
        if not self._sentences:
            return
        top = min(round(self.scroll_y), len(self._line_starts) - 1)
        offset = self._line_starts[top]
        i = bisect_left(self._sent_starts, offset)
        if i >= len(self._sentences):
            i = len(self._sentences) - 1
        self._set_cursor(i, scroll=False)

    def action_page_down(self) -> None:
        if not self._wrap_width:
            return
        top = round(self.scroll_y)
        height = self._viewport_height()
        while top + 2 * height > len(self._line_starts) and not self.layout_complete:
            self._lay_out_piece(LAYOUT_PIECE)
        if top >= self.max_scroll_y:
            self._set_cursor(len(self._sentences) - 1)
            return
        self.scroll_to(y=top + self._viewport_height(), animate=False, force=True)
        self._cursor_to_top_line()

    def action_page_up(self) -> None:
        if not self._wrap_width:
            return
        top = round(self.scroll_y)
        if top <= 0:
            self._set_cursor(0)
            return
        self.scroll_to(y=max(0, top - self._viewport_height()), animate=False, force=True)
        self._cursor_to_top_line()

    def action_first(self) -> None:
        self.scroll_to(y=0, animate=False, force=True)
        self._set_cursor(0)

    def action_last(self) -> None:
        self.complete_layout()
        self.scroll_to(y=self.max_scroll_y, animate=False, force=True)
        self._set_cursor(len(self._sentences) - 1)

    # ================================================================== mouse

    def _hit(self, x: int, y: int) -> tuple[int, bool]:
        """``(offset, past_end)`` for content coordinates; ``past_end`` when right of the text."""
        if not self._wrap_width:
            return 0, True
        x -= self.text_margin
        index = round(self.scroll_y) + y
        if index < 0:
            return 0, False
        if index >= len(self._line_starts):
            return len(self._text), True
        start = self._line_starts[index]
        end = self._line_ends[index]
        if x <= 0:
            return start, start == end
        line = self._text[start:end]
        if _ODD_WIDTH.search(line) is None:
            if x < end - start:
                return start + x, False
            return end, True
        column = 0
        for j, ch in enumerate(line):
            column += _char_width(ch)
            if column > x:
                return start + j, False
        return end, True

    def _drag_selection(self, offset: int, past_end: bool) -> tuple[int, int] | None:
        assert self._press is not None
        a, a_past = self._press, self._press_past_end
        b, b_past = offset, past_end
        if (b, b_past) < (a, a_past):
            a, a_past, b, b_past = b, b_past, a, a_past
        end = b if b_past else b + 1
        end = min(end, len(self._text))
        return (a, end) if a < end else None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button != 1 or not self._wrap_width:
            return
        offset = event.get_content_offset(self)
        if offset is None:
            return
        self._press, self._press_past_end = self._hit(offset.x, offset.y)
        self._dragging = False
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._press is not None:
            offset = event.get_content_offset_capture(self)
            height = self._viewport_height()
            if offset.y < 0:
                self.scroll_to(y=round(self.scroll_y) - 1, animate=False, force=True)
            elif offset.y >= height:
                self.scroll_to(y=round(self.scroll_y) + 1, animate=False, force=True)
            hit = self._hit(offset.x, max(0, min(offset.y, height - 1)))
            if not self._dragging and hit == (self._press, self._press_past_end):
                return
            self._dragging = True
            self._set_selection(self._drag_selection(*hit))
            return
        content = event.get_content_offset(self)
        if content is None:
            return
        position, past_end = self._hit(content.x, content.y)
        if past_end:
            self._point(position, [], [])
        else:
            self._point(position, self.spans_at(position), self.annotations_at(position))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._press is None:
            return
        press = self._press
        dragging = self._dragging
        self._press = None
        self._dragging = False
        self.release_mouse()
        if not dragging:
            self._set_selection(None)
            self._set_cursor(self._sentence_index(press), scroll=False)

    def on_click(self, event: events.Click) -> None:
        if event.chain < 2 or not self._text:
            return
        offset = event.get_content_offset(self)
        if offset is None:
            return
        position, past_end = self._hit(offset.x, offset.y)
        if event.chain == 2:
            if past_end or self._text[position].isspace():
                return
            start = position
            while start > 0 and not self._text[start - 1].isspace():
                start -= 1
            self._set_selection((start, next_word_end(self._text, position)))
        else:
            if self._sentences:
                self._set_selection(self._sentences[self._sentence_index(position)])
