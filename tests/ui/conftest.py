"""Pilot fixtures: an app on a temporary database and a copy of the shipped corpus."""

from __future__ import annotations

import pytest

from reader.ui.app import ReaderApp


@pytest.fixture
def make_app(tmp_path, corpus_dir, clock):
    """Build apps on one database, as relaunching the program would."""
    db = tmp_path / "app.db"

    def make(**kwargs) -> ReaderApp:
        return ReaderApp(db, corpus_dir, clock=clock, **kwargs)

    make.db = db
    return make


@pytest.fixture(autouse=True)
def _no_system_clipboard(monkeypatch):
    """Tests never touch the real clipboard; by default there is none (as on CI)."""
    import pyperclip

    def unavailable(_text):
        raise pyperclip.PyperclipException("no clipboard in tests")

    monkeypatch.setattr(pyperclip, "copy", unavailable)


async def ready(app, pilot) -> None:
    """Wait for the background index and the screen updates it causes."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
