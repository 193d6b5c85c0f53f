"""Small dialogs: annotate (note + tags), confirm."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from reader.core.sanitize import clean_line


def _preview(quote: str, limit: int = 300) -> str:
    """The passage on one line, as it stands in the article (its own quote marks, none added)."""
    q = clean_line(" ".join(quote.split()))
    return "▌ " + (q if len(q) <= limit else q[: limit - 1] + "…")


class AnnotateModal(ModalScreen[tuple[str, str] | None]):
    """Note and tags for a passage. Returns ``(note, tags)``, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, quote: str, *, note: str = "", tags: str = "", title: str = "Annotate",
                 tags_only: bool = False) -> None:
        super().__init__()
        self.quote, self.note, self.tags = quote, note, tags
        self.title_text = "Tag passage" if tags_only and title == "Annotate" else title
        self.tags_only = tags_only

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(Content(_preview(self.quote)), classes="quote-preview")
            if not self.tags_only:
                yield Label("Note")
                yield TextArea(self.note, id="note", soft_wrap=True, show_line_numbers=False)
            yield Label("Tags (comma or space separated)")
            # Existing tags are kept as typed after: never select them all on focus (typing would replace them).
            yield Input(self.tags, placeholder="e.g. casualties, putin", id="tags", select_on_focus=False)
            yield Label("ctrl+s saves · enter in Tags saves · escape cancels", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def on_mount(self) -> None:
        tags = self.query_one("#tags", Input)
        if self.tags and not self.tags.rstrip().endswith(","):
            tags.value = self.tags.rstrip() + ", "
        tags.cursor_position = len(tags.value)
        self.query_one("#tags" if self.tags_only else "#note").focus()

    def _result(self) -> tuple[str, str]:
        note = self.note if self.tags_only else self.query_one("#note", TextArea).text
        return note.strip(), self.query_one("#tags", Input).value

    @on(Input.Submitted, "#tags")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.dismiss(self._result())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmModal(ModalScreen[bool]):
    """Ask before doing something that costs work. y/enter confirms; n/escape does not."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, message: str, *, yes: str = "Yes", no: str = "Cancel") -> None:
        super().__init__()
        self.message, self.yes, self.no = message, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.message))
            yield Label("y confirms · n or escape cancels", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(self.no, id="no")
                yield Button(self.yes, variant="error", id="yes")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
