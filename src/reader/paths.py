"""Where reader keeps its data and finds its corpus. No side effects at import."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "READER_DB"
CORPUS_ENV = "READER_CORPUS"


def default_db_path() -> Path:
    """The database: ``$READER_DB``, else ``reader.db`` in the user's data directory."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("reader", appauthor=False)) / "reader.db"


def resolve_db_path(option: str | os.PathLike[str] | None) -> Path:
    """``--db`` wins over the environment and the default."""
    return Path(option).expanduser() if option else default_db_path()


def resolve_corpus_dir(option: str | os.PathLike[str] | None) -> Path:
    """``--corpus`` DIR, else ``$READER_CORPUS``, else ``./corpus``; always absolute."""
    raw = option or os.environ.get(CORPUS_ENV) or "corpus"
    return Path(raw).expanduser().resolve()
