"""Copy text to the system clipboard through pyperclip, or say clearly why it cannot."""

from __future__ import annotations


class ClipboardUnavailable(Exception):
    """No system clipboard (no display, no xclip/xsel/wl-copy, ...): the message says so."""


def copy_text(text: str) -> None:
    """Put ``text`` on the system clipboard; raise :class:`ClipboardUnavailable` if there is none."""
    try:
        import pyperclip
    except ImportError as e:  # pragma: no cover - a required dependency
        raise ClipboardUnavailable("pyperclip is not installed") from e
    try:
        pyperclip.copy(text)
    except pyperclip.PyperclipException as e:
        raise ClipboardUnavailable(
            "no system clipboard is available here (pyperclip: install xclip, xsel or wl-clipboard, "
            "or run under a desktop session)"
        ) from e
