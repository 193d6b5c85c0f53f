"""Help: the keys of the screen you came from, read from the bindings themselves (so it is true)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Label, Static

INTRO = "\n\n".join([
    (
        'reader — read one news event across many outlets, mark what matters, take the evidence out.'
    ),
    (
        'Quotes and figures are highlighted in the text; 1, 2 and 3 toggle the quotes, figures and '
        'annotations layers. Select a passage with the keyboard (v selects the sentence at the cursor, '
        'shift+↓/↑ extends or shrinks by a sentence, shift+→/← by a word) or drag with the mouse, then '
        'press a to annotate it with a note and tags. The status line says who said the quote under the '
        'cursor or mouse ("partial" marks a quoted fragment inside the reporter\'s own sentence) and the '
        'value of a figure. The command palette (ctrl+p) lists every action. ctrl+q quits.'
    ),
])
"""Paragraphs without line breaks of their own: the help box wraps them to its width."""


WIDGET_TITLES = {"ArticleView": "In the article text", "VirtualTable": "In lists", "KeyBar": "In the key bar"}


def _key_label(key: str) -> str:
    names = {"question_mark": "?", "slash": "/", "escape": "esc", "enter": "enter", "space": "space"}
    return ", ".join(names.get(k.strip(), k.strip()) for k in key.split(","))


def binding_lines(owner: type, title: str) -> list[str]:
    lines = []
    for b in getattr(owner, "BINDINGS", []):
        if isinstance(b, tuple):
            b = Binding(*b)
        if not isinstance(b, Binding):
            continue
        lines.append(f"  {_key_label(b.key):<18} {b.description or b.action}")
    return [title, *lines, ""] if lines else []


class HelpScreen(ModalScreen[None]):
    """Keys of the screen underneath, of its widgets, and of the app."""

    BINDINGS = [Binding("escape,q,f1,question_mark", "dismiss", "Close")]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        lines = [INTRO, ""]
        lines += binding_lines(type(self.under), f"This screen ({type(self.under).__name__.removesuffix('Screen')})")
        seen: set[type] = set()
        for widget in self.under.query(Widget):
            kind = type(widget)
            if kind in seen or not kind.__module__.startswith("reader."):
                continue
            seen.add(kind)
            lines += binding_lines(kind, WIDGET_TITLES.get(kind.__name__, f"In the {kind.__name__}"))
        lines += binding_lines(type(self.app), "Everywhere")
        lines += ["  ctrl+p             Command palette", "  ctrl+q             Quit"]
        with VerticalScroll(classes="dialog", id="help-body"):
            yield Label("Help — escape closes", classes="dialog-title")
            yield Static(Content("\n".join(lines)), id="help-text")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
