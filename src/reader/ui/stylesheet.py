"""Find the app stylesheet: the copy packaged in the wheel, else the repository's ``.textual.css``."""

from __future__ import annotations

from pathlib import Path

PACKAGED = Path(__file__).with_name("app.tcss")
"""Where the wheel puts a copy of the repository's ``.textual.css`` (see pyproject.toml)."""
REPO = Path(__file__).resolve().parents[3] / ".textual.css"
"""The source of truth, used by editable installs so live CSS editing works."""


def stylesheet_path() -> Path:
    for candidate in (PACKAGED, REPO):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"reader's stylesheet is missing: looked for {PACKAGED} and {REPO}; reinstall reader"
    )
