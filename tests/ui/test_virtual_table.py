"""VirtualTable: a virtual, paged, columnar list driven like a person would."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from textual.app import App, ComposeResult

from reader.ui.widgets.virtual_table import PAGE_SIZE, Column, ListSource, VirtualTable

COLUMNS = [
    Column("id", "ID", width=8, align="right"),
    Column("title", "Title"),
    Column("outlet", "Outlet", width=12),
]


class FakeSource:
    """100,000 synthetic rows; records every rows() request and len() call."""

    def __init__(self, count: int = 100_000, prefix: str = "Article") -> None:
        self.count = count
        self.prefix = prefix
        self.calls: list[tuple[int, int]] = []
        self.len_calls = 0

    def __len__(self) -> int:
        self.len_calls += 1
        return self.count

    def rows(self, offset: int, limit: int) -> Sequence[Mapping[str, Any]]:
        self.calls.append((offset, limit))
        end = min(self.count, offset + limit)
        return [
            {"id": i, "title": f"{self.prefix} {i}", "outlet": f"outlet-{i % 7}"}
            for i in range(offset, end)
        ]


class TableApp(App):
    def __init__(self, source=None, **kwargs) -> None:
        super().__init__()
        self.source = source
        self.kwargs = kwargs
        self.highlighted: list[tuple[int, Any]] = []
        self.selected: list[tuple[int, Any]] = []

    def compose(self) -> ComposeResult:
        yield VirtualTable(COLUMNS, self.source, **self.kwargs)

    def on_virtual_table_row_highlighted(self, message: VirtualTable.RowHighlighted) -> None:
        self.highlighted.append((message.index, message.row["id"]))

    def on_virtual_table_row_selected(self, message: VirtualTable.RowSelected) -> None:
        self.selected.append((message.index, message.row["id"]))


def lines(table: VirtualTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.scrollable_content_region.height)]


async def test_first_screen_reads_only_the_visible_page():
    source = FakeSource()
    app = TableApp(source)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.pause()
        shown = lines(table)
        assert "Title" in shown[0] and "Outlet" in shown[0]
        assert "Article 0" in shown[1]
        assert "Article 28" in shown[29]
        assert source.calls == [(0, PAGE_SIZE)]
        assert source.len_calls == 1
        assert table.virtual_size.height == 100_001  # header + rows

        await pilot.press("end")
        assert table.cursor == 99_999
        shown = lines(table)
        assert "Article 99999" in shown[-1]
        assert "Title" in shown[0]  # the header does not scroll
        # Only the pages holding what was shown were read: never the whole source.
        assert len(source.calls) <= 3
        assert all(limit == PAGE_SIZE for _, limit in source.calls)
        assert source.len_calls == 1


async def test_keys_move_the_cursor_and_enter_selects():
    app = TableApp(FakeSource())
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.press("down", "j", "j", "k")
        assert table.cursor == 2
        assert table.highlighted_row["id"] == 2
        await pilot.press("enter")
        assert app.selected == [(2, 2)]
        assert app.highlighted[-1] == (2, 2)

        await pilot.press("pagedown")
        assert table.cursor == 2 + 29
        shown = lines(table)
        assert any(f"Article {table.cursor}" in line for line in shown[1:])
        await pilot.press("G")
        assert table.cursor == 99_999
        await pilot.press("g")
        assert table.cursor == 0
        assert round(table.scroll_y) == 0
        await pilot.press("up")  # clamped
        assert table.cursor == 0


async def test_cursor_keeps_in_view_when_moving_down():
    app = TableApp(FakeSource())
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.press(*["down"] * 40)
        assert table.cursor == 40
        shown = lines(table)
        assert "Article 40" in shown[-1]
        assert "Title" in shown[0]


async def test_click_moves_cursor_and_click_on_highlighted_row_selects():
    app = TableApp(FakeSource())
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.click(VirtualTable, offset=(20, 5))  # line 5 = row 4
        assert table.cursor == 4
        assert app.selected == []
        await pilot.click(VirtualTable, offset=(20, 5))
        assert app.selected == [(4, 4)]
        await pilot.click(VirtualTable, offset=(20, 0))  # the header: nothing
        assert table.cursor == 4
        await pilot.double_click(VirtualTable, offset=(20, 8))
        assert table.cursor == 7
        assert app.selected == [(4, 4), (7, 7)]


async def test_set_source_resets_and_keep_cursor_clamps():
    app = TableApp(FakeSource())
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.press("end")
        assert table.cursor == 99_999
        small = FakeSource(count=50, prefix="Story")
        table.set_source(small)
        await pilot.pause()
        assert table.cursor == 0
        assert round(table.scroll_y) == 0
        shown = lines(table)
        assert "Story 0" in shown[1]
        assert not any("Article" in line for line in shown)
        assert app.highlighted[-1] == (0, 0)

        await pilot.press("end")
        assert table.cursor == 49
        table.set_source(FakeSource(count=10, prefix="Tiny"), keep_cursor=True)
        await pilot.pause()
        assert table.cursor == 9
        assert table.highlighted_row["title"] == "Tiny 9"


async def test_refresh_rows_rereads_count_and_data():
    source = FakeSource(count=5)
    app = TableApp(source)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.press("down", "down")
        source.count = 3
        source.prefix = "Updated"
        table.refresh_rows()
        await pilot.pause()
        assert source.len_calls == 2
        assert table.row_count == 3
        assert table.cursor == 2
        shown = lines(table)
        assert "Updated 0" in shown[1]
        assert shown[4].strip() == ""


async def test_empty_source_shows_empty_text_dimmed():
    app = TableApp(ListSource([]), empty_text="No articles yet")
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.pause()
        assert "Title" in table.render_line(0).text
        strip = table.render_line(1)
        assert "No articles yet" in strip.text
        style = next(seg.style for seg in strip if "No articles" in seg.text)
        assert style.italic or style.dim or style.color != table.rich_style.color
        assert table.highlighted_row is None
        await pilot.press("enter", "down")
        assert app.selected == []


async def test_cells_truncate_align_and_stay_inert():
    rows = [
        {"id": 1234567890123, "title": "x" * 300, "outlet": "\x1b[31mred\x1b[0m [bold]b[/]"},
        {"id": 7, "title": "\u202eevil\u202c", "outlet": "ok"},
        {"id": 8, "title": "[bold]not bold[/] [link=x]y[/link]", "outlet": "ok"},
    ]
    app = TableApp(ListSource(rows))
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.pause()
        first = table.render_line(1).text
        assert first.startswith("1234567…")  # truncated to 8 cells
        assert "x…" in first
        assert "\x1b" not in first and "\ufffd[31mred" in first
        second = table.render_line(2).text
        assert second.startswith("       7")  # right-aligned
        assert "\u202e" not in second and "\ufffdevil\ufffd" in second
        third = table.render_line(3)
        assert "[bold]not bold[/] [link=x]y[/link]" in third.text  # markup shown literally
        assert not any(seg.style and seg.style.bold for seg in third)
        assert table.render_line(1).cell_length == table.scrollable_content_region.width
