"""A one-line key bar: the bindings that apply now, like Textual's Footer, in a single widget.

Textual's Footer builds a widget per key and rebuilds them on every focus change; at start-up that
cost about a third of reader's time to first paint. This bar renders one line of text from
``screen.active_bindings`` and re-renders when the screen's bindings change. Clicking a key
presses it.
"""

from __future__ import annotations

from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """The keys that work in the focused part of the screen, with what they do."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._hits: list[tuple[int, int, str]] = []
        """(x start, x end, key) of each key on the bar, for clicks."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def entries(self) -> list[tuple[str, str, str]]:
        """(key, key as shown, description) of each shown binding, one per action."""
        seen: set[str] = set()
        out = []
        palette = None
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or not enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            entry = (binding.key.split(",")[0], self.app.get_key_display(binding), binding.description)
            if binding.action == "command_palette":
                palette = entry
            else:
                out.append(entry)
        if palette is None and self.app.ENABLE_COMMAND_PALETTE:
            key = self.app.COMMAND_PALETTE_BINDING
            palette = (key, self.app.get_key_display(Binding(key, "command_palette")), "Palette")
        if palette is not None:
            out.append(palette)
        return out

    def render(self) -> RenderResult:
        key_style = "bold $footer-key-foreground"
        parts: list[str | tuple[str, str]] = []
        self._hits = []
        x = 0
        for key, shown, description in self.entries():
            label = f" {shown} "
            text = f"{description} "
            parts += [(label, key_style), text]
            self._hits.append((x, x + len(label) + len(text), key))
            x += len(label) + len(text)
        return Content.assemble(*parts)

    async def on_click(self, event: events.Click) -> None:
        for start, end, key in self._hits:
            if start <= event.x < end:
                event.stop()
                await self.app.run_action(f"simulate_key({key!r})")
                return
