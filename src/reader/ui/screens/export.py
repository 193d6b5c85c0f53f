"""Export annotations from the app: format, what, where. Uses the same writer as the CLI."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from reader.core.clipboard import ClipboardUnavailable, copy_text
from reader.core.export import EXTENSIONS, render
from reader.core.store import Annotation


class ExportScreen(ModalScreen[None]):
    """Choose a format, the annotations to export, and a destination (clipboard or file)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "export", "Export")]

    def __init__(self, *, default_scope: str = "all", article_id: int | None = None, tag: str | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.tag = tag
        self.default_scope = default_scope if (default_scope != "article" or article_id) else "all"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Export annotations", classes="dialog-title")
            with Horizontal(classes="buttons"):
                with RadioSet(id="format"):
                    yield RadioButton("Markdown", value=True, id="fmt-md")
                    yield RadioButton("JSON", id="fmt-json")
                    yield RadioButton("CSV", id="fmt-csv")
                with RadioSet(id="scope"):
                    yield RadioButton("All in this corpus", value=self.default_scope == "all", id="scope-all")
                    if self.article_id is not None:
                        yield RadioButton("This article", value=self.default_scope == "article", id="scope-article")
                    if self.tag:
                        yield RadioButton(f"Tag: {self.tag}", value=self.default_scope == "tag", id="scope-tag")
            yield Label("File (leave empty to copy to the clipboard)")
            yield Input(placeholder=f"e.g. reader-export-{datetime.now():%Y%m%d}.md", id="path")
            yield Label("", id="export-summary", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Copy to clipboard", id="clipboard")
                yield Button("Save to file", variant="primary", id="file")

    def on_mount(self) -> None:
        self._update_summary()
        self.query_one("#format", RadioSet).focus()

    def _fmt(self) -> str:
        pressed = self.query_one("#format", RadioSet).pressed_button
        return (pressed.id or "fmt-md").removeprefix("fmt-") if pressed else "md"

    def _scope(self) -> str:
        pressed = self.query_one("#scope", RadioSet).pressed_button
        return (pressed.id or "scope-all").removeprefix("scope-") if pressed else "all"

    def selected(self) -> list[Annotation]:
        store, corpus_id = self.app.store, self.app.corpus_id
        scope = self._scope()
        if scope == "article" and self.article_id is not None:
            return store.query_annotations(article_ids=[self.article_id])
        if scope == "tag" and self.tag:
            return store.query_annotations(corpus_id=corpus_id, tag=self.tag)
        return store.query_annotations(corpus_id=corpus_id)

    @on(RadioSet.Changed)
    def _update_summary(self) -> None:
        n = len(self.selected())
        self.query_one("#export-summary", Label).update(f"{n} annotation{'s' if n != 1 else ''} as {self._fmt().upper()}")
        path = self.query_one("#path", Input)
        path.placeholder = f"e.g. reader-export-{datetime.now():%Y%m%d}{EXTENSIONS[self._fmt()]}"
        if path.value:
            stem = Path(path.value)
            if stem.suffix in EXTENSIONS.values():
                path.value = str(stem.with_suffix(EXTENSIONS[self._fmt()]))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#clipboard")
    def _to_clipboard(self) -> None:
        self._export(to_file=False)

    @on(Button.Pressed, "#file")
    @on(Input.Submitted, "#path")
    def action_export(self) -> None:
        self._export(to_file=bool(self.query_one("#path", Input).value.strip()))

    def _export(self, *, to_file: bool, confirmed: bool = False) -> None:
        annotations = self.selected()
        fmt = self._fmt()
        text = render(annotations, fmt, now=self.app.clock())
        what = f"{len(annotations)} annotation{'s' if len(annotations) != 1 else ''}"
        if to_file:
            raw = self.query_one("#path", Input).value.strip()
            path = Path(raw).expanduser()
            if not path.suffix:
                path = path.with_suffix(EXTENSIONS[fmt])
            if path.exists() and not confirmed:
                from reader.ui.screens.modals import ConfirmModal

                def answer(yes: bool | None) -> None:
                    if yes:
                        self._export(to_file=True, confirmed=True)

                self.app.push_screen(ConfirmModal(f"{path} exists. Replace it?", yes="Replace"), answer)
                return
            try:
                path.write_text(text, encoding="utf-8")
            except OSError as e:
                self.query_one("#export-summary", Label).update(f"Cannot write {path}: {e.strerror or e}")
                self.notify(f"Cannot write {path}: {e.strerror or e}", severity="error", markup=False)
                return
            self.notify(f"Wrote {what} to {path.resolve()}", title="Export", markup=False)
        else:
            self.app.copy_to_clipboard(text)  # OSC 52, also what tests read
            try:
                copy_text(text)
                self.notify(f"Copied {what} ({fmt.upper()}) to the clipboard.", title="Export")
            except ClipboardUnavailable as e:
                reason = str(e)
                self.notify(
                    f"{reason[:1].upper()}{reason[1:]}. Sent {what} through the terminal instead (OSC 52); if nothing arrives, "
                    "save to a file.", title="Export", severity="warning", timeout=10, markup=False,
                )
        self.dismiss(None)
