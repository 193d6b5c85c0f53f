"""The article list: title, outlet, date and annotation count; filter as you type, `/` to search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from reader.core.sanitize import clean_line
from reader.ui.app import AnnotationsChanged
from reader.ui.sources import ArticleSearchSource, ArticleSource
from reader.ui.debounce import Debounce
from reader.ui.widgets.key_bar import KeyBar
from reader.ui.widgets.virtual_table import Column, VirtualTable

if TYPE_CHECKING:  # the indexer loads in its worker, after the first paint
    from reader.core.index import IndexProgress, IndexReport

LIST_COLUMNS = [
    Column("title", "Title"),
    Column("outlet", "Outlet", 18),
    Column("date", "Date", 16),
    Column("annotations", "Notes", 5, align="right"),
]
SEARCH_COLUMNS = [
    Column("title", "Title", 40),
    Column("match", "Match"),
    Column("outlet", "Outlet", 14),
    Column("annotations", "Notes", 5, align="right"),
]


def progress_line(done: int, total: int, current: str = "", width: int = 30) -> Content:
    """``Indexing ███████░░░░ 1,234/10,000  outlet/file.txt`` as plain content (file names are untrusted)."""
    filled = int(width * done / total) if total else 0
    bar = "█" * filled + "░" * (width - filled)
    tail = f"  {clean_line(current)}" if current else ""
    return Content(f"Indexing {bar} {done:,}/{total:,} files{tail}")


class LibraryScreen(Screen[None]):
    """Every article of the corpus. Type to filter; `/` searches the full text."""

    AUTO_FOCUS = "#articles"
    BINDINGS = [
        Binding("f", "filter", "Filter"),
        Binding("slash", "search", "Search text"),
        Binding("escape", "clear", "Clear", show=False),
        Binding("n", "annotations", "Notes & tags"),
        Binding("r", "reindex", "Re-index"),
    ]
    export_scope = "all"

    def __init__(self) -> None:
        super().__init__()
        self._suspended = False  # the first resume comes right after mounting: nothing to reload
        self.mode = "filter"
        self._reload_soon = Debounce(self, self.reload)

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Label(Content(f"reader — {clean_line(str(self.app.corpus_dir))}"), classes="title", id="corpus-label")
            yield Label("", id="count-label")
        yield Static("", id="index-progress")
        with Horizontal(id="query-row"):
            yield Label("Filter", id="query-mode")
            yield Input(placeholder="type to filter by title, outlet, date (f) — / searches the full text", id="query")
        yield VirtualTable(LIST_COLUMNS, empty_text="No articles yet", id="articles")
        yield Static("", id="status")
        yield KeyBar()

    @property
    def table(self) -> VirtualTable:
        """The table on show: the article list, or search matches in search mode."""
        return self.query_one("#matches" if self.mode == "search" else "#articles", VirtualTable)

    @property
    def query_input(self) -> Input:
        return self.query_one("#query", Input)

    def on_mount(self) -> None:
        self.reload()
        if self.app.indexing:
            self.query_one("#index-progress").add_class("-running")
        self.watch(self.app, "index_progress", self._index_progressed, init=False)
        self.watch(self.app, "index_report", self._index_finished, init=False)

    def on_screen_resume(self) -> None:
        if self._suspended:  # back from another screen (annotation counts may have changed)
            self.reload(keep_cursor=True)

    def on_screen_suspend(self) -> None:
        self._suspended = True

    # -- data

    def reload(self, *, keep_cursor: bool = False) -> None:
        app = self.app
        text = self.query_input.value.strip()
        source: ArticleSource | ArticleSearchSource
        if self.mode == "search":
            source = ArticleSearchSource(app.store, app.corpus_id, text)
            empty = (f"No article contains “{clean_line(text)}”" + (" (still indexing)" if app.indexing else "")
                     if text else "Type words to search the full text of every article")
        else:
            # Unfiltered and no index run under way: the count the last run stored (at 100,000
            # articles, counting them is ~15 ms of every start).
            source = ArticleSource(app.store, app.corpus_id, text, as_last_indexed=not app.indexing)
            empty = ("No article matches the filter" if text else
                     "Indexing…" if app.indexing else f"No articles in {clean_line(str(app.corpus_dir))}")
        table = self.table
        table.empty_text = empty
        table.set_source(source, keep_cursor=keep_cursor)
        shown = len(source)
        total = (shown if self.mode == "filter" and not text
                 else app.store.count_articles(app.corpus_id, as_last_indexed=not app.indexing))
        label = f"{total:,} articles" if shown == total and self.mode == "filter" else f"{shown:,} of {total:,} articles"
        if self.mode == "search":
            capped = shown >= app.store.RANK_CAP
            label = (f"{shown:,}{'+' if capped else ''} matching of {total:,} articles"
                     + (f" (ranked among the {shown:,} newest matches)" if capped else "")) if text else f"{total:,} articles"
        self.query_one("#count-label", Label).update(label)

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._reload_soon()

    @on(Input.Submitted, "#query")
    def _query_submitted(self) -> None:
        self.reload()
        self.table.focus()

    @on(VirtualTable.RowSelected)
    def _open(self, event: VirtualTable.RowSelected) -> None:
        find = self.query_input.value.strip() if self.mode == "search" else None
        self.app.open_article(int(event.row["id"]), find=find or None)

    def _index_progressed(self, p: IndexProgress | None) -> None:
        if p is None:
            return
        box = self.query_one("#index-progress", Static)
        box.add_class("-running")
        box.update(progress_line(p.done, p.total, p.current))
        self.reload(keep_cursor=True)

    def _index_finished(self, report: IndexReport | None) -> None:
        self.query_one("#index-progress").remove_class("-running")
        self.reload(keep_cursor=True)
        if report is not None:
            self.query_one("#status", Static).update(Content(f"Index: {report.summary()}"))

    def on_annotations_changed(self, message: AnnotationsChanged) -> None:
        self.reload(keep_cursor=True)

    # -- actions

    def _set_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.query_input.value = ""
        self.mode = mode
        if mode == "search" and not self.query("#matches"):
            # Made on first use: most sessions never search, and start-up stays lighter.
            self.mount(VirtualTable(SEARCH_COLUMNS, empty_text="Type to search", id="matches"), after="#articles")
        self.query_one("#articles").display = mode != "search"
        if self.query("#matches"):
            self.query_one("#matches").display = mode == "search"
        self.query_one("#query-mode", Label).update("Search" if mode == "search" else "Filter")
        self.query_input.placeholder = (
            "search the full text of every article (ranked) — f filters titles instead"
            if mode == "search" else
            "type to filter by title, outlet, date (f) — / searches the full text"
        )
        self.query_input.focus()
        self.reload()

    def action_filter(self) -> None:
        self._set_mode("filter")

    def action_search(self) -> None:
        self._set_mode("search")

    def action_clear(self) -> None:
        if self.mode == "search":  # back to the whole list
            self._set_mode("filter")
        elif self.query_input.value:
            self.query_input.value = ""
            self.reload()
        self.table.focus()

    def action_annotations(self) -> None:
        self.app.action_annotations()

    def action_reindex(self) -> None:
        self.query_one("#index-progress").add_class("-running")
        self.app.start_index()
