"""One article: highlighted text, layer legend and toggles, the article's annotations."""

from __future__ import annotations

import asyncio
import calendar
import contextlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, Static
from textual.worker import Worker

import reader
from reader.core.article_spans import SpanTable, article_spans, cached_spans, provisional_spans
from reader.core.sanitize import clean_line
from reader.core.spans import Span
from reader.core.store import Annotation, Article, Store, StoreError
from reader.ui.app import AnnotationsChanged
from reader.ui.sources import annotation_row
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.key_bar import KeyBar
from reader.ui.widgets.virtual_table import Column, ListSource, VirtualTable

DETECT_INLINE = 100_000
"""Texts up to this many characters get their spans before the first paint (~30 ms). Longer
ones open with the spans of the part in view (:func:`provisional_spans`), and a separate
process finds those of the whole text."""
SPAN_JOB_TIMEOUT = 600.0


async def _detect_in_process(store: Store, db_path: Path, article: Article) -> SpanTable | None:
    """Run ``reader.core.span_job`` for one article; its spans from the cache (read through
    ``store``, the app's connection: this runs on the event loop), or None."""
    if not db_path.is_file():
        return None
    package_root = str(Path(reader.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "reader.core.span_job", str(db_path), str(article.id),
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL, env=env,
    )
    try:
        code = await proc.wait()
    except asyncio.CancelledError:  # the reader left the article, or the app is quitting
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        raise
    return cached_spans(store, article) if code == 0 else None

PANEL_COLUMNS = [Column("quote", "Passage"), Column("tags", "Tags", 12)]
LAYERS = (("quotes", "1", "Quotes", "legend-quote"), ("figures", "2", "Figures", "legend-figure"),
          ("annotations", "3", "Annotations", "legend-annotation"))


def describe_span(span: Span) -> str:
    """What the status line says about a span under the cursor or the mouse."""
    if span.kind == "quote":
        who = span.speaker or "speaker unknown"
        bits = [f"Quote — {who}"]
        if span.cue:
            bits.append(f"({span.cue})")
        if span.partial:
            bits.append("· partial quote")
        return " ".join(bits)
    parts = [f"Figure — {span.type or 'number'}"]
    if isinstance(span.value, str) and span.value.startswith("XXXX-"):
        parts.append(_yearless(span.value))
    elif span.value is not None:
        value = span.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        parts.append(f"{value:,}" if isinstance(value, int) else str(value))
    if span.unit:
        parts.append(str(span.unit))
    if span.hedge:
        parts.append(f"(hedge: {span.hedge})")
    return " ".join(parts)


def _yearless(value: str) -> str:
    """A date the text gives without its year ("XXXX-11-14", as TIMEX writes it) in words."""
    parts = value.split("-")[1:]
    try:
        month = calendar.month_name[int(parts[0])]
        day = f"{int(parts[1])} " if len(parts) > 1 else ""
    except (ValueError, IndexError):
        return value
    return f"{day}{month} (year not stated)"


class ArticleScreen(Screen[None]):
    """Read one article; select passages and annotate them."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("a", "annotate", "Annotate"),
        Binding("t", "tag", "Tag"),
        Binding("e", "edit", "Edit note"),
        Binding("d", "delete", "Delete"),
        Binding("u", "undo", "Undo delete"),
        Binding("1", "toggle('quotes')", "Toggle quotes", show=False),
        Binding("2", "toggle('figures')", "Toggle figures", show=False),
        Binding("3", "toggle('annotations')", "Toggle annotations", show=False),
        Binding("c", "copy", "Copy", show=False),
        Binding("x", "export_article", "Export"),
    ]
    export_scope = "article"

    def __init__(self, article: Article | None = None, *, offset: int | None = None,
                 select: tuple[int, int] | None = None, find: str | None = None) -> None:
        super().__init__()
        self.article = article
        self._opening = (offset, select, find)
        self.annotations: list[Annotation] = []
        self.spans: SpanTable = SpanTable.from_spans([])
        self._detection: Worker[None] | None = None
        self._detecting: int | None = None  # the article id the detection worker is for

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Label("", classes="title", id="title")
            yield Label("", id="meta")
        with Horizontal(id="article-body"):
            yield ArticleView(id="text")
            with Vertical(id="side"):
                with Vertical(id="legend"):
                    yield Label("Layers", classes="side-heading")
                    for key, number, label, css in LAYERS:
                        yield Label(f" {number}  {label}", id=f"legend-{key}", classes=f"legend-chip {css}")
                yield Label("Annotations", classes="side-heading", id="ann-heading")
                yield VirtualTable(PANEL_COLUMNS, empty_text="None yet: select text, press a", id="annotations")
                yield Static("", id="detail")
        yield Static("", id="status")
        yield KeyBar()

    @property
    def view(self) -> ArticleView:
        return self.query_one("#text", ArticleView)

    @property
    def panel(self) -> VirtualTable:
        return self.query_one("#annotations", VirtualTable)

    def on_resize(self) -> None:
        self._fit_margin()

    def on_screen_resume(self) -> None:
        # The terminal may have been resized while another screen showed: the width classes
        # catch up during the first refresh.
        self.call_after_refresh(self._fit_margin)

    def _fit_margin(self) -> None:
        """Two blank cells beside the text, one on a narrow terminal (see ``.textual.css``'s
        ``-narrow`` rules: the side panel is hidden there too)."""
        self.view.text_margin = 1 if self.has_class("-narrow") else 2

    def on_mount(self) -> None:
        self._fit_margin()
        if self.article is not None:
            offset, select, find = self._opening
            self.show(self.article, offset=offset, select=select, find=find)

    def show(self, article: Article, *, offset: int | None = None, select: tuple[int, int] | None = None,
             find: str | None = None) -> None:
        """Show ``article`` (at an offset, with a range selected, or at a search match).

        The app keeps one article screen and calls this for each article it opens: composing
        and styling a new screen costs more than the text of a long article does. The layer
        toggles stay as the reader left them."""
        self.article = article
        self.query_one("#title", Label).update(Content(clean_line(article.title)))
        meta = " · ".join(x for x in (article.outlet, (article.published or "").replace("T", " "), article.path) if x)
        self.query_one("#meta", Label).update(Content(clean_line(meta)))
        self.query_one("#detail", Static).update("")
        self._status("")
        find_hit = _find_words(article.text, find) if find else None
        # Where the view opens, and what it selects there: a range, an offset, a search match.
        target, selected = ((select[0], select) if select else (offset, None) if offset is not None
                            else (find_hit[0], find_hit) if find_hit else (None, None))
        store = self.app.store
        cached = cached_spans(store, article)
        if cached is not None:
            self.spans = cached
        elif len(article.text) <= DETECT_INLINE:
            self.spans = article_spans(store, article)
        else:
            self.spans = provisional_spans(article.text, target or 0)
            running = self._detection
            if running is None or running.is_finished or self._detecting != article.id:
                self._detecting = article.id  # (reopened while detection runs: it goes on)
                self._detection = self._detect_spans(article)
        self.annotations = store.annotations_for_article(article.id)
        view = self.view
        view.load(article.text, self.spans, self._anchor_tuples())
        self._fill_panel(keep_cursor=False)
        if target is not None:
            view.go_to(target)
            if selected:
                view.select_range(*selected)
        if article.status == "missing":
            self._status("The file of this article is gone; this is the text last indexed.")
        elif cached is None and len(article.text) > DETECT_INLINE:
            # The status line belongs to what is under the cursor: say this in a toast.
            self.notify(f"Highlighting the part in view; finding quotes and figures in all "
                        f"{len(article.text):,} characters…", timeout=4)
        view.focus()

    # A description of its own: by default the decorator would repr() the article, whose text
    # may be megabytes (16 ms for a 1.25 MB one, on every first open).
    @work(exclusive=True, group="spans", exit_on_error=False, description="detect the article's spans")
    async def _detect_spans(self, article: Article) -> None:
        """Detect the whole article's spans in a separate process (a thread would hold the
        interpreter lock and slow every key and frame for a second per megabyte), then read
        them from the cache it filled. Falls back to a thread if the process fails."""
        spans = None
        try:
            spans = await asyncio.wait_for(_detect_in_process(self.app.store, self.app.db_path, article), SPAN_JOB_TIMEOUT)
        except (OSError, asyncio.TimeoutError):
            pass
        if spans is None:
            spans = await asyncio.to_thread(self._detect_in_thread, article)
        self._spans_found(article, spans)

    def _detect_in_thread(self, article: Article) -> SpanTable:
        store = Store.open(self.app.db_path, clock=self.app.clock)  # this thread's own connection
        try:
            return article_spans(store, article)
        finally:
            store.close()

    def _spans_found(self, article: Article, spans: SpanTable) -> None:
        # The reader may have left, or moved to another article, before detection finished
        # (the spans are in the cache for next time).
        if not self.is_attached or self.article is None or self.article.id != article.id:
            return
        self.spans = spans
        self.view.set_spans(spans)
        self.notify(f"Highlights complete: {spans.count_kind('quote'):,} quotes and "
                    f"{spans.count_kind('figure'):,} figures.", timeout=4)

    # -- annotations

    def _anchor_tuples(self) -> list[tuple[str, int, int]]:
        return [(a.id, a.start, a.end) for a in self.annotations if a.anchor != "orphaned"]

    def _fill_panel(self, keep_cursor: bool = True) -> None:
        self.panel.set_source(ListSource([annotation_row(a) for a in self.annotations]), keep_cursor=keep_cursor)
        n = len(self.annotations)
        self.query_one("#ann-heading", Label).update(f"Annotations ({n})")

    def _reload_annotations(self) -> None:
        self.annotations = self.app.store.annotations_for_article(self.article.id)
        self.view.set_annotations(self._anchor_tuples())
        self._fill_panel()
        self.query_one("#detail", Static).update("")
        self._status("")
        self.app.post_message(AnnotationsChanged())
        for screen in self.app.screen_stack:
            if screen is not self:
                screen.post_message(AnnotationsChanged())

    def _current_annotation(self) -> Annotation | None:
        """The annotation under the cursor in the text, else the one highlighted in the panel."""
        if self.focused is self.panel:
            row = self.panel.highlighted_row
            return self._by_id(row["id"]) if row else None
        view = self.view
        ids = view.annotations_at(view.cursor_offset)
        sel = view.selection
        if not ids and sel:
            ids = view.annotations_at(sel[0])
        if ids:
            return self._by_id(ids[0])
        row = self.panel.highlighted_row
        return self._by_id(row["id"]) if row else None

    def _by_id(self, annotation_id: str) -> Annotation | None:
        return next((a for a in self.annotations if a.id == annotation_id), None)

    def _status(self, text: str) -> None:
        self.query_one("#status", Static).update(Content(clean_line(text)))

    # -- events from the view and the panel

    @on(ArticleView.Pointed)
    def _pointed(self, event: ArticleView.Pointed) -> None:
        parts = [describe_span(s) for s in event.spans]
        sel = self.view.selection
        if sel:
            parts.insert(0, _selection_hint(sel))
        for aid in event.annotation_ids:
            ann = self._by_id(aid)
            if ann is not None:
                note = ann.note.strip().splitlines()[0] if ann.note.strip() else "(no note)"
                parts.append(f"Note: {note}" + (f"  [{', '.join(ann.tags)}]" if ann.tags else ""))
        self._status("  │  ".join(parts))

    @on(ArticleView.SelectionChanged)
    def _selection_changed(self, event: ArticleView.SelectionChanged) -> None:
        if event.selection:
            self._status(_selection_hint(event.selection))
        else:
            self._status("")

    @on(VirtualTable.RowHighlighted, "#annotations")
    def _panel_highlight(self, event: VirtualTable.RowHighlighted) -> None:
        ann = self._by_id(event.row["id"])
        if ann is None:
            return
        lines = []
        if ann.anchor == "fuzzy":
            lines.append("? Moved when the article changed — please check the passage.")
        elif ann.anchor == "orphaned":
            lines.append("✗ Not found in the current text. Original passage: " + ann.quote)
        lines.append(ann.note.strip() or "(no note)")
        if ann.tags:
            lines.append("Tags: " + ", ".join(ann.tags))
        self.query_one("#detail", Static).update(Content(clean_line_keep_breaks("\n".join(lines))))

    @on(VirtualTable.RowSelected, "#annotations")
    def _panel_select(self, event: VirtualTable.RowSelected) -> None:
        ann = self._by_id(event.row["id"])
        if ann is None:
            return
        if ann.anchor == "orphaned":
            self.notify("This annotation's passage is no longer in the article.", severity="warning")
            return
        self.view.go_to(ann.start)
        self.view.select_range(ann.start, ann.end)
        self.view.focus()

    # -- actions

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_toggle(self, layer: str) -> None:
        attr = f"show_{layer}"
        value = not getattr(self.view, attr)
        setattr(self.view, attr, value)
        self.query_one(f"#legend-{layer}").set_class(not value, "-off")
        self._status(f"{layer.capitalize()} {'shown' if value else 'hidden'}")

    def action_annotate(self) -> None:
        from reader.ui.screens.modals import AnnotateModal

        sel = self.view.selection
        if not sel:
            self.notify("Select a passage first: v selects a sentence, shift+↓ extends, or drag with the mouse.",
                        severity="warning")
            return
        start, end = sel
        quote = self.article.text[start:end]

        def done(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            note, tags = result
            try:
                self.app.store.add_annotation(self.article.id, start, end, note=note, tags=tags)
            except StoreError as e:
                self.notify(str(e), severity="error")
                return
            self.view.clear_selection()
            self._reload_annotations()
            self.notify("Annotation saved.")

        self.app.push_screen(AnnotateModal(quote), done)

    def action_tag(self) -> None:
        from reader.ui.screens.modals import AnnotateModal

        ann = self._current_annotation() if not self.view.selection else None
        sel = self.view.selection
        if ann is None and not sel:
            self.notify("Select a passage or put the cursor on an annotation to tag it.", severity="warning")
            return
        if ann is not None:
            def done_existing(result: tuple[str, str] | None) -> None:
                if result is not None:
                    self.app.store.update_annotation(ann.id, tags=result[1])
                    self._reload_annotations()
            self.app.push_screen(AnnotateModal(ann.quote, tags=", ".join(ann.tags), tags_only=True), done_existing)
            return
        assert sel is not None
        start, end = sel

        def done_new(result: tuple[str, str] | None) -> None:
            if result is not None:
                self.app.store.add_annotation(self.article.id, start, end, tags=result[1])
                self.view.clear_selection()
                self._reload_annotations()
        self.app.push_screen(AnnotateModal(self.article.text[start:end], tags_only=True), done_new)

    def action_edit(self) -> None:
        from reader.ui.screens.modals import AnnotateModal

        ann = self._current_annotation()
        if ann is None:
            self.notify("Put the cursor on an annotation (or pick one in the panel) to edit it.", severity="warning")
            return

        def done(result: tuple[str, str] | None) -> None:
            if result is not None:
                self.app.store.update_annotation(ann.id, note=result[0], tags=result[1])
                self._reload_annotations()
                self.notify("Annotation updated.")

        self.app.push_screen(AnnotateModal(ann.quote, note=ann.note, tags=", ".join(ann.tags), title="Edit annotation"), done)

    def action_delete(self) -> None:
        from reader.ui.screens.modals import ConfirmModal

        ann = self._current_annotation()
        if ann is None:
            self.notify("Put the cursor on an annotation (or pick one in the panel) to delete it.", severity="warning")
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.app.store.delete_annotation(ann.id)
                self._deleted.append(ann.id)
                self._reload_annotations()
                self.notify("Annotation deleted — u brings it back.")

        preview = clean_line(ann.quote)
        preview = preview if len(preview) <= 120 else preview[:117] + "…"
        quoted = preview if preview[:1] in "“\"‘'«" else f"“{preview}”"  # no doubled quote marks
        self.app.push_screen(ConfirmModal(f"Delete this annotation?\n\n{quoted}", yes="Delete"), done)

    @property
    def _deleted(self) -> list[str]:
        """This article's deletions that ``u`` can undo, newest last. Kept by the app, so
        they wait for the reader's return when the reader leaves the article."""
        return self.app.deleted_annotations.setdefault(self.article.id, [])

    def action_undo(self) -> None:
        if not self._deleted:
            self.notify("Nothing to undo.")
            return
        self.app.store.restore_annotation(self._deleted.pop())
        self._reload_annotations()
        self.notify("Annotation restored.")

    def action_copy(self) -> None:
        sel = self.view.selection
        if not sel:
            self.notify("Select a passage first.", severity="warning")
            return
        self.app.copy_to_clipboard(self.article.text[sel[0]:sel[1]])
        self.notify("Copied the selection (through the terminal).")

    def action_export_article(self) -> None:
        self.app.action_export("article")

    def palette_commands(self) -> Iterable[SystemCommand]:
        for key, _number, label, _css in LAYERS:
            yield SystemCommand(f"Toggle {label.lower()}", f"Show or hide the {label.lower()} layer",
                                lambda key=key: self.action_toggle(key))
        yield SystemCommand("Export this article's annotations", "Markdown, JSON or CSV", self.action_export_article)


def clean_line_keep_breaks(text: str) -> str:
    return "\n".join(clean_line(line) for line in text.split("\n"))


def _find_words(text: str, query: str) -> tuple[int, int] | None:
    """Where the first word of a search query first occurs in the text (case-insensitive)."""
    words = [w.strip('"*') for w in query.split() if w.strip('"*')]
    if not words:
        return None
    low = text.lower()
    i = low.find(words[0].lower())
    return (i, i + len(words[0])) if i >= 0 else None


def _selection_hint(selection: tuple[int, int]) -> str:
    """The status line's words for a selection: its size and what can be done with it."""
    s, e = selection
    return f"Selected {e - s} characters — a to annotate, c to copy, escape to clear"
