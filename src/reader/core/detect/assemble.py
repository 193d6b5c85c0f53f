"""Run the detectors on a text and build its :class:`reader.core.spans.Span` objects, sorted by start.

Spans are built through the class's slot setters, which skips the frozen dataclass ``__init__`` (one
``object.__setattr__`` call per field); the object is the same, at about half the cost. The class comes
in as an argument (``reader.core.spans`` defines it and imports this module). This module is compiled
with the other detector modules when possible (see ``native.py``): per span, the setter calls are then
made from C.
"""

from __future__ import annotations

from .figures import find_figures
from .quotes import attribute, find_quotes


def detect_spans(text: str, span_class: type) -> list:
    """The figures and quotes of ``text`` as ``span_class`` objects (a frozen, slotted dataclass
    with the fields of ``reader.core.spans.Span`` in that order), sorted by start, end and kind."""
    (set_kind, set_start, set_end, set_text, set_type, set_value, set_unit, set_hedge, set_high,
     set_speaker, set_speaker_start, set_speaker_end, set_cue, set_partial) = [
        span_class.__dict__[name].__set__ for name in span_class.__dataclass_fields__]
    new = object.__new__
    spans = []
    add = spans.append
    for c in find_figures(text):
        span = new(span_class)
        set_kind(span, "figure")
        set_start(span, c.s)
        set_end(span, c.e)
        set_text(span, text[c.s:c.e])
        set_type(span, c.type)
        set_value(span, c.value)
        set_unit(span, c.unit)
        set_hedge(span, c.hedge)
        set_high(span, c.high)
        set_speaker(span, None)
        set_speaker_start(span, None)
        set_speaker_end(span, None)
        set_cue(span, None)
        set_partial(span, False)
        add(span)
    quotes = find_quotes(text)
    attribute(text, quotes)
    for q in quotes:
        span = new(span_class)
        set_kind(span, "quote")
        set_start(span, q.s)
        set_end(span, q.e)
        set_text(span, text[q.s:q.e])
        set_type(span, None)
        set_value(span, None)
        set_unit(span, None)
        set_hedge(span, None)
        set_high(span, None)
        set_speaker(span, q.speaker)
        set_speaker_start(span, q.sp_s)
        set_speaker_end(span, q.sp_e)
        set_cue(span, q.cue)
        set_partial(span, q.partial)
        add(span)
    spans.sort(key=_span_order)
    return spans


def _span_order(span) -> tuple:
    return span.start, span.end, span.kind
