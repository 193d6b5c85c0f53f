"""Detect quoted speech and figures in news text.

Contract (used by the CLI, the store's span cache and the UI):
- ``detect(text) -> list[Span]``: spans sorted by ``start``; offsets are Python string indices
  into ``text`` exactly as given, end exclusive.
- ``Span.to_dict()`` / ``Span.from_dict()`` round-trip through JSON; ``detect_json(text)`` is the JSON
  text of ``detect(text)`` (``json.dumps`` of their ``to_dict()``, written without building the spans);
  ``write_json(text, write)`` writes it in pieces, ``write_json_utf8(text, write)`` as UTF-8 bytes.
- ``DETECTOR_VERSION`` changes whenever output may change (it keys the span cache).

The detector itself is in :mod:`reader.core.detect` (figures, quotes, word lists).
"""

from __future__ import annotations

from dataclasses import dataclass

from .detect.assemble import write_json as _write_json
from .detect.assemble import write_json_utf8 as _write_json_utf8
from .detect.assemble import detect_spans

__all__ = ["DETECTOR_VERSION", "Span", "detect", "detect_json", "write_json", "write_json_utf8"]

DETECTOR_VERSION = "2026.11-rules-5"


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
        """The JSON form: common keys plus the keys of this span's kind. (Read field by field:
        ``dataclasses.asdict`` deep-copies and cost more than detection in ``reader spans``.)"""
        if self.kind == "figure":
            return {"kind": "figure", "start": self.start, "end": self.end, "text": self.text,
                    "type": self.type, "value": self.value, "unit": self.unit, "hedge": self.hedge,
                    "high": self.high}
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
                "speaker": self.speaker, "speaker_start": self.speaker_start,
                "speaker_end": self.speaker_end, "cue": self.cue, "partial": self.partial}

    @classmethod
    def from_dict(cls, d: dict) -> "Span":
        return cls(**{k: d[k] for k in d if k in cls.__dataclass_fields__})


def detect(text: str) -> list[Span]:
    """Return the figures and quotes of ``text``, sorted by start."""
    if not text:
        return []
    return detect_spans(text, Span)


def detect_json(text: str) -> str:
    """``json.dumps([s.to_dict() for s in detect(text)], ensure_ascii=False)``, faster (for ``reader spans``)."""
    out: list[str] = []
    write_json(text, out.append)
    return "".join(out)


def write_json(text: str, write) -> None:
    """Write ``detect_json(text)`` through ``write(str)`` in pieces (a large text's JSON is never
    held whole)."""
    if not text:
        write("[]")
    else:
        _write_json(text, write)


def write_json_utf8(text: str, write) -> None:
    """Write ``detect_json(text)`` encoded as UTF-8 through ``write(bytes)`` in pieces (what ``reader
    spans`` writes; compiled, it never builds the str)."""
    if not text:
        write(b"[]")
    else:
        _write_json_utf8(text, write)
