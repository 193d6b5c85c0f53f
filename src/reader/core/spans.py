"""Detect quoted speech and figures in news text.

Contract (used by the CLI, the store's span cache and the UI):
- ``detect(text) -> list[Span]``: spans sorted by ``start``; offsets are Python string indices
  into ``text`` exactly as given, end exclusive.
- ``Span.to_dict()`` / ``Span.from_dict()`` round-trip through JSON.
- ``DETECTOR_VERSION`` changes whenever output may change (it keys the span cache).

The detector itself is in :mod:`reader.core.detect` (figures, quotes, word lists).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .detect.figures import find_figures
from .detect.quotes import attribute, find_quotes

DETECTOR_VERSION = "2026.11-rules-3"


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


# Building a Span through its slot setters skips the frozen dataclass ``__init__`` (one
# ``object.__setattr__`` call per field); the object is the same, at about half the cost.
(_set_kind, _set_start, _set_end, _set_text, _set_type, _set_value, _set_unit, _set_hedge, _set_high,
 _set_speaker, _set_speaker_start, _set_speaker_end, _set_cue, _set_partial) = (
    Span.__dict__[name].__set__ for name in Span.__dataclass_fields__)


def _new_span(kind, start, end, text, type_, value, unit, hedge, high, speaker, speaker_start, speaker_end,
              cue, partial) -> Span:
    """``Span(kind, start, end, text, type_, ...)`` with every field given, in declaration order."""
    span = object.__new__(Span)
    _set_kind(span, kind)
    _set_start(span, start)
    _set_end(span, end)
    _set_text(span, text)
    _set_type(span, type_)
    _set_value(span, value)
    _set_unit(span, unit)
    _set_hedge(span, hedge)
    _set_high(span, high)
    _set_speaker(span, speaker)
    _set_speaker_start(span, speaker_start)
    _set_speaker_end(span, speaker_end)
    _set_cue(span, cue)
    _set_partial(span, partial)
    return span


def detect(text: str) -> list[Span]:
    """Return the figures and quotes of ``text``, sorted by start."""
    if not text:
        return []
    spans: list[Span] = []
    add = spans.append
    for c in find_figures(text):
        add(_new_span("figure", c.s, c.e, text[c.s:c.e], c.type, c.value, c.unit, c.hedge, c.high,
                      None, None, None, None, False))
    quotes = find_quotes(text)
    attribute(text, quotes)
    for q in quotes:
        add(_new_span("quote", q.s, q.e, text[q.s:q.e], None, None, None, None, None,
                      q.speaker, q.sp_s, q.sp_e, q.cue, q.partial))
    spans.sort(key=_span_order)
    return spans


def _span_order(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.kind
