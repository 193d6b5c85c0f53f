"""Coalesce fast input: run a callback once typing pauses, not once per key."""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer

TYPING_PAUSE = 0.08
"""Seconds without a new key before a filter or search runs."""


class Debounce:
    """Calling it (re)starts a short timer on ``owner``; ``callback`` runs when it expires."""

    def __init__(self, owner: MessagePump, callback: Callable[[], object], delay: float = TYPING_PAUSE) -> None:
        self.owner, self.callback, self.delay = owner, callback, delay
        self._timer: Timer | None = None

    def __call__(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.owner.set_timer(self.delay, self.callback)
