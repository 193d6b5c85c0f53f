"""Annotations across all articles: browse by tag, search notes, quotes and tags."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from reader.ui.app import AnnotationsChanged
from reader.ui.sources import AnnotationSource
from reader.ui.debounce import Debounce
from reader.ui.widgets.key_bar import KeyBar
from reader.ui.widgets.virtual_table import Column, ListSource, VirtualTable

ALL = "\x00all"
TAG_COLUMNS = [Column("name", "Tag"), Column("count", "#", 5, align="right")]
ANN_COLUMNS = [Column("article", "Article", 26), Column("quote", "Passage"), Column("note", "Note", 26), Column("tags", "Tags", 16)]


class AnnotationsScreen(Screen[None]):
    """Every tag with its count; the annotations of the chosen tag (or all), searchable."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("slash", "search", "Search notes"),
        Binding("left", "focus_tags", "Tags", show=False),
        Binding("right", "focus_list", "List", show=False),
        Binding("x", "export", "Export shown"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.current_tag: str | None = None
        self._reload_soon = Debounce(self, self.reload_annotations)

    export_scope = "tag"

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Label("Annotations and tags", classes="title")
            yield Label("", id="ann-count")
        with Horizontal(id="article-body"):
            yield VirtualTable(TAG_COLUMNS, empty_text="No tags yet", id="tags")
            with Vertical(id="ann-pane"):
                with Horizontal(id="query-row"):
                    yield Label("Search", id="query-mode")
                    yield Input(placeholder="search notes, passages and tags (/)", id="ann-search")
                yield VirtualTable(ANN_COLUMNS, empty_text="No annotations", id="ann-list")
        yield Static("enter on a tag lists its annotations · enter on an annotation opens it in its article", id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload_tags()
        self.reload_annotations()
        self.query_one("#tags").focus()

    def on_screen_resume(self) -> None:
        self.reload_tags(keep_cursor=True)
        self.reload_annotations(keep_cursor=True)

    def on_annotations_changed(self, _: AnnotationsChanged) -> None:
        self.reload_tags(keep_cursor=True)
        self.reload_annotations(keep_cursor=True)

    def reload_tags(self, *, keep_cursor: bool = False) -> None:
        app = self.app
        total = app.store.count_annotations(corpus_id=app.corpus_id)
        rows = [{"id": ALL, "name": "All annotations", "count": total}]
        rows += [{"id": name, "name": name, "count": count} for name, count in app.store.tag_counts(app.corpus_id)]
        self.query_one("#tags", VirtualTable).set_source(ListSource(rows), keep_cursor=keep_cursor)

    def reload_annotations(self, *, keep_cursor: bool = False) -> None:
        app = self.app
        text = self.query_one("#ann-search", Input).value
        source = AnnotationSource(app.store, app.corpus_id, tag=self.current_tag, search=text)
        table = self.query_one("#ann-list", VirtualTable)
        table.empty_text = "No annotation matches" if text or self.current_tag else "No annotations yet: open an article, select a passage, press a"
        table.set_source(source, keep_cursor=keep_cursor)
        what = f"tag “{self.current_tag}”" if self.current_tag else "all tags"
        self.query_one("#ann-count", Label).update(f"{len(source):,} shown · {what}")

    @on(VirtualTable.RowHighlighted, "#tags")
    def _tag_highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        tag = None if event.row["id"] == ALL else str(event.row["id"])
        if tag != self.current_tag:
            self.current_tag = tag
            self.reload_annotations()

    @on(VirtualTable.RowSelected, "#tags")
    def _tag_selected(self) -> None:
        self.query_one("#ann-list").focus()

    @on(VirtualTable.RowSelected, "#ann-list")
    def _open(self, event: VirtualTable.RowSelected) -> None:
        row = event.row
        if row["anchor"] == "orphaned":
            self.app.open_article(int(row["article_id"]))
            self.app.notify(
                "This annotation's passage is no longer in the article (✗): the article opens at its "
                "start, and the side panel shows the original passage and note.",
                severity="warning", timeout=8,
            )
            return
        self.app.open_article(int(row["article_id"]), select=(int(row["start"]), int(row["end"])))

    @on(Input.Changed, "#ann-search")
    def _search_changed(self) -> None:
        self._reload_soon()

    @on(Input.Submitted, "#ann-search")
    def _search_submitted(self) -> None:
        self.reload_annotations()
        self.query_one("#ann-list").focus()

    def action_search(self) -> None:
        self.query_one("#ann-search").focus()

    def action_focus_tags(self) -> None:
        self.query_one("#tags").focus()

    def action_focus_list(self) -> None:
        self.query_one("#ann-list").focus()

    def action_back(self) -> None:
        search = self.query_one("#ann-search", Input)
        if search.has_focus and search.value:
            search.value = ""
            return
        self.app.pop_screen()

    def action_export(self) -> None:
        self.app.action_export("tag" if self.current_tag else "all")
