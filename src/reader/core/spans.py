"""Detect quoted speech and figures in news text.

Contract (used by the CLI, the store's span cache and the UI):
- ``detect(text) -> list[Span]``: spans sorted by ``start``; offsets are Python string indices
  into ``text`` exactly as given, end exclusive.
- ``Span.to_dict()`` / ``Span.from_dict()`` round-trip through JSON.
- ``DETECTOR_VERSION`` changes whenever output may change (it keys the span cache).

This first version is a placeholder; the real detector replaces it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

DETECTOR_VERSION = "0"


@dataclass(frozen=True, slots=True)
class Span:
    """One detected span: a figure or a quote."""

    kind: str
    """``"figure"`` or ``"quote"``."""
    start: int
    end: int
    text: str
    # Figures
    type: str | None = None
    """money, percent, count, age, date, time, duration, measure, ordinal, fraction, range, score, number."""
    value: float | int | str | None = None
    """Normalised number, or an ISO date where the text fixes one."""
    unit: str | None = None
    hedge: str | None = None
    # Quotes
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    partial: bool = False

    def to_dict(self) -> dict:
        """The JSON form: common keys plus the keys of this span's kind."""
        d = asdict(self)
        keys = ("kind", "start", "end", "text")
        if self.kind == "figure":
            keys += ("type", "value", "unit", "hedge")
        else:
            keys += ("speaker", "speaker_start", "speaker_end", "cue", "partial")
        return {k: d[k] for k in keys}

    @classmethod
    def from_dict(cls, d: dict) -> "Span":
        return cls(**{k: d[k] for k in d if k in cls.__dataclass_fields__})


_QUOTE = re.compile(r'"([^"\n]{1,2000})"|“([^”\n]{1,2000})”')
_NUMBER = re.compile(r"\$?\d[\d,.]*\d%?|\$?\d%?")


def detect(text: str) -> list[Span]:
    """Return the figures and quotes of ``text``, sorted by start."""
    spans: list[Span] = []
    for m in _QUOTE.finditer(text):
        g = 1 if m.group(1) is not None else 2
        spans.append(Span("quote", m.start(g), m.end(g), m.group(g)))
    for m in _NUMBER.finditer(text):
        spans.append(Span("figure", m.start(), m.end(), m.group(), type="number"))
    spans.sort(key=lambda s: (s.start, s.end))
    return spans
