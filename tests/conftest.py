"""Shared fixtures: a fixed clock, temporary databases and corpora, the shipped corpus."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from reader.core.store import Store

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "corpus"


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 22, 12, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: int = 60) -> None:
        from datetime import timedelta

        self.now += timedelta(seconds=seconds)


@pytest.fixture(autouse=True)
def _isolate_user_env(monkeypatch, tmp_path):
    """Never touch the user's real database or corpus from a test."""
    monkeypatch.setenv("READER_DB", str(tmp_path / "env-default.db"))
    monkeypatch.delenv("READER_CORPUS", raising=False)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(clock) -> Store:
    s = Store.memory(clock=clock)
    yield s
    s.close()


@pytest.fixture
def corpus_dir(tmp_path) -> Path:
    """A copy of the shipped corpus that a test may change."""
    d = tmp_path / "corpus"
    shutil.copytree(SHIPPED, d)
    return d
