"""A virtual, columnar list for very long row sources (100,000+ rows).

Built on Textual's Line API: only the visible lines are rendered, rows are fetched from the
source lazily in pages (``PAGE_SIZE`` rows, a small LRU of pages) and rendered strips are
cached (LRU) per row. ``len(source)`` is read once per :meth:`VirtualTable.set_source` /
:meth:`VirtualTable.refresh_rows`.

Line 0 of the widget is a fixed header (column labels) that does not scroll; rows start on
line 1. Cell text goes through :func:`reader.core.sanitize.clean_line` and is built into plain
segments (never markup).

Textual's own mouse text selection is disabled on this widget (``ALLOW_SELECT = False``): a
drag would otherwise fight with clicks that move the cursor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Mapping, Protocol, Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.core.sanitize import clean_line

if TYPE_CHECKING:
    from textual.widget import Widget

__all__ = ["Column", "RowSource", "VirtualTable", "ListSource", "component_layer_style"]

PAGE_SIZE = 200
"""Rows fetched from the source per request."""
PAGE_CACHE = 8
"""Pages kept in the row cache."""
STRIP_CACHE = 512
"""Rendered rows kept in the strip cache."""
ELLIPSIS = "\u2026"
MIN_FLEX_WIDTH = 10


def component_layer_style(widget: Widget, name: str) -> Style:
    """A *partial* Rich style for a component class, to layer over the widget's own style.

    Only the properties the stylesheet sets for the component are included. Translucent
    colours (``background: $accent 30%``) are blended over the widget's effective background,
    so they work when layered (Rich styles have no alpha).
    """
    styles = widget.get_component_styles(name)
    _, background = widget.background_colors
    bgcolor = None
    blended = background
    if styles.has_rule("background") and styles.background.a > 0:
        blended = background + styles.background
        bgcolor = blended.rich_color
    color = None
    if styles.has_rule("auto_color") and styles.auto_color:
        color = blended.get_contrast_text(styles.color.a).rich_color
    elif styles.has_rule("color") and styles.color.a > 0:
        color = (blended + styles.color).rich_color
    style = Style(color=color, bgcolor=bgcolor)
    if styles.has_rule("text_style"):
        style += styles.text_style
    return style


@dataclass(frozen=True)
class Column:
    """One column of a :class:`VirtualTable`."""

    key: str
    """Key of the value in each row mapping."""
    label: str
    """Header text."""
    width: int | None = None
    """Width in cells; ``None`` takes the remaining width (at least 10 cells)."""
    align: Literal["left", "right"] = "left"


class RowSource(Protocol):
    """Where a :class:`VirtualTable` gets its rows."""

    def __len__(self) -> int: ...

    def rows(self, offset: int, limit: int) -> Sequence[Mapping[str, Any]]:
        """Up to ``limit`` rows starting at index ``offset``; each row has an ``"id"`` key."""
        ...


class ListSource:
    """A :class:`RowSource` over an in-memory sequence of row mappings."""

    def __init__(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    def rows(self, offset: int, limit: int) -> Sequence[Mapping[str, Any]]:
        return self._rows[offset : offset + limit]


_EMPTY_SOURCE = ListSource(())


def _fit(text: str, width: int, align: str) -> str:
    """Pad or truncate ``text`` (with an ellipsis) to exactly ``width`` cells."""
    if width <= 0:
        return ""
    if text.isascii():
        length = len(text)
        if length > width:
            return text[: width - 1] + ELLIPSIS
        pad = " " * (width - length)
        return pad + text if align == "right" else text + pad
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + ELLIPSIS
    pad = " " * (width - length)
    return pad + text if align == "right" else text + pad


_SURROGATE = re.compile("[\ud800-\udfff]")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    return _SURROGATE.sub("\ufffd", clean_line(value if isinstance(value, str) else str(value)))


class VirtualTable(ScrollView, can_focus=True):
    """A virtual list of rows in columns, with a keyboard cursor.

    | Key(s) | Action |
    | :- | :- |
    | up, k | Cursor up one row |
    | down, j | Cursor down one row |
    | pageup / pagedown | Cursor up / down one page |
    | home, g / end, G | First / last row |
    | enter | Post :class:`VirtualTable.RowSelected` |

    A click moves the cursor; a click on the already-highlighted row, or a double click, posts
    :class:`VirtualTable.RowSelected`. The mouse wheel scrolls without moving the cursor.
    """

    ALLOW_SELECT = False

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("enter", "select_row", "Open", show=False),
    ]

    COMPONENT_CLASSES = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--row-odd",
        "virtual-table--empty",
    }

    DEFAULT_CSS = """
    VirtualTable {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        height: 1fr;
        &:focus {
            background-tint: $foreground 5%;
            & > .virtual-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .virtual-table--header {
            background: $panel;
            color: $foreground;
            text-style: bold;
        }
        & > .virtual-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .virtual-table--row-odd {
            background: $foreground 3%;
        }
        & > .virtual-table--empty {
            color: $text-muted;
            text-style: italic;
        }
    }
    """

    cursor: reactive[int] = reactive(0, repaint=False, init=False)
    """Index of the highlighted row."""

    class _RowMessage(Message):
        """A message about one row of a table."""

        def __init__(self, table: VirtualTable, row: Mapping[str, Any], index: int) -> None:
            super().__init__()
            self.table = table
            self.row = row
            self.index = index

        @property
        def control(self) -> VirtualTable:
            return self.table

    class RowHighlighted(_RowMessage):
        """The cursor moved onto a row."""

    class RowSelected(_RowMessage):
        """A row was chosen (Enter, a click on the highlighted row, or a double click)."""

    def __init__(
        self,
        columns: Sequence[Column],
        source: RowSource | None = None,
        *,
        empty_text: str = "Nothing here",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._columns: tuple[Column, ...] = tuple(columns)
        self._source: RowSource = source if source is not None else _EMPTY_SOURCE
        self._row_count = len(self._source)
        self.empty_text = empty_text
        self._pages: LRUCache[int, Sequence[Mapping[str, Any]]] = LRUCache(PAGE_CACHE)
        self._strips: LRUCache[tuple[int, bool], Strip] = LRUCache(STRIP_CACHE)
        self._header_strip: Strip | None = None
        self._widths: list[int] = []
        self._layout_width = -1
        self._component_style_cache: dict[str, Style] = {}
        self._last_click: tuple[int, int] | None = None  # (row, chain) that posted RowSelected

    # ------------------------------------------------------------------ public API

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    @property
    def source(self) -> RowSource:
        return self._source

    @property
    def row_count(self) -> int:
        """Number of rows (``len(source)`` as read at the last set_source/refresh_rows)."""
        return self._row_count

    @property
    def highlighted_row(self) -> Mapping[str, Any] | None:
        """The row under the cursor, or ``None`` when the table is empty."""
        return self.get_row(self.cursor)

    def get_row(self, index: int) -> Mapping[str, Any] | None:
        """The row at ``index`` (fetching its page if needed), or ``None``."""
        if not 0 <= index < self._row_count:
            return None
        page_no, in_page = divmod(index, PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            page = self._source.rows(page_no * PAGE_SIZE, PAGE_SIZE)
            self._pages[page_no] = page
        if in_page < len(page):
            return page[in_page]
        return None

    def set_source(self, source: RowSource, *, keep_cursor: bool = False) -> None:
        """Show new data: drop caches, recompute the size, clamp (or reset) the cursor."""
        self._source = source
        self._reload(keep_cursor=keep_cursor, reset_scroll=not keep_cursor)

    def refresh_rows(self) -> None:
        """Same source, changed data (count or values): drop the row cache and repaint."""
        self._reload(keep_cursor=True, reset_scroll=False)

    # ------------------------------------------------------------------ internals

    def _reload(self, *, keep_cursor: bool, reset_scroll: bool) -> None:
        self._row_count = len(self._source)
        self._pages.clear()
        self._strips.clear()
        self._last_click = None
        old = self.cursor
        new = min(old, self._row_count - 1) if keep_cursor else 0
        new = max(new, 0)
        self.set_reactive(VirtualTable.cursor, new)
        self._update_virtual_size()
        if reset_scroll and self.is_mounted:
            self.scroll_to(y=0, animate=False, force=True)
        self._scroll_cursor_into_view()
        self.refresh()
        self._post_highlighted()

    def _update_virtual_size(self) -> None:
        width = max(self.scrollable_content_region.width, 1)
        self.virtual_size = Size(width, self._row_count + 1)

    def _post_highlighted(self) -> None:
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.RowHighlighted(self, row, self.cursor))

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self._row_count - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_cursor_into_view()
        self._post_highlighted()

    def _refresh_row(self, index: int) -> None:
        self._strips.discard((index, True))
        self._strips.discard((index, False))
        y = index + 1 - round(self.scroll_y)
        if 1 <= y < self.size.height:
            self.refresh_lines(index + 1)

    @property
    def _visible_rows(self) -> int:
        """Rows that fit under the header."""
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_cursor_into_view(self) -> None:
        if not self.is_mounted or self._row_count == 0:
            return
        top = round(self.scroll_y)
        visible = self._visible_rows
        cursor = self.cursor
        if cursor < top:
            self.scroll_to(y=cursor, animate=False, force=True)
        elif cursor >= top + visible:
            self.scroll_to(y=cursor - visible + 1, animate=False, force=True)

    def on_mount(self) -> None:
        self._update_virtual_size()
        self._post_highlighted()

    def on_resize(self, event: events.Resize) -> None:
        self._update_virtual_size()
        self._strips.clear()
        self._header_strip = None
        self._scroll_cursor_into_view()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._component_style_cache.clear()
        self._strips.clear()
        self._header_strip = None

    def _component(self, name: str) -> Style:
        style = self._component_style_cache.get(name)
        if style is None:
            style = self._component_style_cache[name] = component_layer_style(self, name)
        return style

    def _column_widths(self, width: int) -> list[int]:
        if width == self._layout_width:
            return self._widths
        columns = self._columns
        gaps = max(0, len(columns) - 1)
        fixed = sum(c.width for c in columns if c.width is not None)
        flex = [c for c in columns if c.width is None]
        widths: list[int] = []
        if flex:
            remaining = max(width - fixed - gaps, MIN_FLEX_WIDTH * len(flex))
            share, extra = divmod(remaining, len(flex))
        for column in columns:
            if column.width is not None:
                widths.append(max(0, column.width))
            else:
                widths.append(share + (1 if extra > 0 else 0))
                extra -= 1
        self._widths = widths
        self._layout_width = width
        return widths

    def _line_width(self) -> int:
        return max(self.scrollable_content_region.width, 1)

    def _render_cells(self, values: Sequence[str], style: Style, width: int) -> Strip:
        widths = self._column_widths(width)
        parts = [
            _fit(value, w, column.align)
            for value, w, column in zip(values, widths, self._columns)
        ]
        text = " ".join(parts)
        strip = Strip([Segment(text, style)])
        return strip.adjust_cell_length(width, style)

    def _render_header(self, width: int) -> Strip:
        if self._header_strip is None or self._header_strip.cell_length != width:
            style = self.rich_style + self._component("virtual-table--header")
            self._header_strip = self._render_cells(
                [clean_line(c.label) for c in self._columns], style, width
            )
        return self._header_strip

    def _render_row(self, index: int, width: int) -> Strip:
        is_cursor = index == self.cursor
        key = (index, is_cursor)
        strip = self._strips.get(key)
        if strip is not None and strip.cell_length == width:
            return strip
        row = self.get_row(index)
        style = self.rich_style
        if index % 2:
            style += self._component("virtual-table--row-odd")
        if is_cursor:
            style += self._component("virtual-table--cursor")
        if row is None:
            strip = Strip.blank(width, style)
        else:
            values = [_cell_text(row.get(c.key)) for c in self._columns]
            strip = self._render_cells(values, style, width)
        self._strips[key] = strip
        return strip

    def render_line(self, y: int) -> Strip:
        width = self._line_width()
        if y == 0:
            return self._render_header(width)
        base = self.rich_style
        if self._row_count == 0:
            if y == 1:
                style = base + self._component("virtual-table--empty")
                text = _fit(clean_line(self.empty_text), width, "left")
                return Strip([Segment(text, style)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        index = round(self.scroll_y) + y - 1
        if index >= self._row_count:
            return Strip.blank(width, base)
        return self._render_row(index, width)

    # ------------------------------------------------------------------ actions

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up(self) -> None:
        page = self._visible_rows
        self.scroll_to(y=max(0, round(self.scroll_y) - page), animate=False, force=True)
        self.cursor -= page

    def action_page_down(self) -> None:
        page = self._visible_rows
        self.scroll_to(y=round(self.scroll_y) + page, animate=False, force=True)
        self.cursor += page

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self._row_count - 1

    def action_select_row(self) -> None:
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.RowSelected(self, row, self.cursor))

    # ------------------------------------------------------------------ mouse

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1 or self._row_count == 0:
            return
        index = round(self.scroll_y) + offset.y - 1
        if index >= self._row_count:
            return
        event.stop()
        already = index == self.cursor
        chain = event.chain
        if chain >= 2 or already:
            # Only one RowSelected per multi-click on the same row.
            previous = self._last_click
            if previous is not None and previous[0] == index and previous[1] == chain - 1:
                self._last_click = (index, chain)
                return
            self.cursor = index
            self._last_click = (index, chain)
            self.action_select_row()
        else:
            self._last_click = None
            self.cursor = index
