"""Detect quoted speech and figures in news text.

Contract (used by the CLI, the store's span cache and the UI):
- ``detect(text) -> list[Span]``: spans sorted by ``start``; offsets are Python string indices
  into ``text`` exactly as given, end exclusive.
- ``Span.to_dict()`` / ``Span.from_dict()`` round-trip through JSON.
- ``DETECTOR_VERSION`` changes whenever output may change (it keys the span cache).

This first version is a placeholder; the real detector replaces it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .detect.figures import find_figures
from .detect.quotes import attribute, find_quotes

DETECTOR_VERSION = "2026.11-rules-1"


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
    high: float | int | str | None = None
    """For ranges: the high end (``value`` holds the low end)."""
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
            keys += ("type", "value", "unit", "hedge", "high")
        else:
            keys += ("speaker", "speaker_start", "speaker_end", "cue", "partial")
        return {k: d[k] for k in keys}

    @classmethod
    def from_dict(cls, d: dict) -> "Span":
        return cls(**{k: d[k] for k in d if k in cls.__dataclass_fields__})


def detect(text: str) -> list[Span]:
    """Return the figures and quotes of ``text``, sorted by start."""
    if not text:
        return []
    spans: list[Span] = []
    for c in find_figures(text):
        spans.append(Span("figure", c.s, c.e, text[c.s:c.e], type=c.type, value=c.value, unit=c.unit,
                          hedge=c.hedge, high=c.high))
    quotes = find_quotes(text)
    attribute(text, quotes)
    for q in quotes:
        spans.append(Span("quote", q.s, q.e, text[q.s:q.e], speaker=q.speaker, speaker_start=q.sp_s,
                          speaker_end=q.sp_e, cue=q.cue, partial=q.partial))
    spans.sort(key=lambda s: (s.start, s.end, s.kind))
    return spans
