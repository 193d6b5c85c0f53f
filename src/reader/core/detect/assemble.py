"""Run the detectors on a text and build its :class:`reader.core.spans.Span` objects, sorted by start.

Spans are built without the frozen dataclass ``__init__`` (one ``object.__setattr__`` call per field):
as Python, through the class's slot setters, at about half the cost; compiled (this module is compiled
with the other detector modules when possible, see ``native.py``), through
``PyObject_GenericSetAttr`` from C, which skips the setters' Python-level calls (an argument tuple
each). The class comes in as an argument (``reader.core.spans`` defines it and imports this module).
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _json_str  # the C encoder's string function

from .figures import _COMPILED, find_figures
from .quotes import attribute, find_quotes


def detect_spans(text: str, span_class: type) -> list:
    """The figures and quotes of ``text`` as ``span_class`` objects (a frozen, slotted dataclass
    with the fields of ``reader.core.spans.Span`` in that order), sorted by start, end and kind."""
    fields = tuple(span_class.__dataclass_fields__)
    if _COMPILED:
        return _detect_spans_c(text, span_class, fields)
    (set_kind, set_start, set_end, set_text, set_type, set_value, set_unit, set_hedge, set_high,
     set_speaker, set_speaker_start, set_speaker_end, set_cue, set_partial) = [
        span_class.__dict__[name].__set__ for name in fields]
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


def _detect_spans_c(text: str, span_class: type, fields: tuple) -> list:
    """``detect_spans`` for the compiled module: ``PyObject_GenericSetAttr`` (declared in the
    ``.pxd``; the name exists only there) sets each slot through its descriptor, from C."""
    (f_kind, f_start, f_end, f_text, f_type, f_value, f_unit, f_hedge, f_high,
     f_speaker, f_speaker_start, f_speaker_end, f_cue, f_partial) = fields
    new = object.__new__
    spans = []
    add = spans.append
    for c in find_figures(text):
        span = new(span_class)
        PyObject_GenericSetAttr(span, f_kind, "figure")
        PyObject_GenericSetAttr(span, f_start, c.s)
        PyObject_GenericSetAttr(span, f_end, c.e)
        PyObject_GenericSetAttr(span, f_text, text[c.s:c.e])
        PyObject_GenericSetAttr(span, f_type, c.type)
        PyObject_GenericSetAttr(span, f_value, c.value)
        PyObject_GenericSetAttr(span, f_unit, c.unit)
        PyObject_GenericSetAttr(span, f_hedge, c.hedge)
        PyObject_GenericSetAttr(span, f_high, c.high)
        PyObject_GenericSetAttr(span, f_speaker, None)
        PyObject_GenericSetAttr(span, f_speaker_start, None)
        PyObject_GenericSetAttr(span, f_speaker_end, None)
        PyObject_GenericSetAttr(span, f_cue, None)
        PyObject_GenericSetAttr(span, f_partial, False)
        add(span)
    quotes = find_quotes(text)
    attribute(text, quotes)
    for q in quotes:
        span = new(span_class)
        PyObject_GenericSetAttr(span, f_kind, "quote")
        PyObject_GenericSetAttr(span, f_start, q.s)
        PyObject_GenericSetAttr(span, f_end, q.e)
        PyObject_GenericSetAttr(span, f_text, text[q.s:q.e])
        PyObject_GenericSetAttr(span, f_type, None)
        PyObject_GenericSetAttr(span, f_value, None)
        PyObject_GenericSetAttr(span, f_unit, None)
        PyObject_GenericSetAttr(span, f_hedge, None)
        PyObject_GenericSetAttr(span, f_high, None)
        PyObject_GenericSetAttr(span, f_speaker, q.speaker)
        PyObject_GenericSetAttr(span, f_speaker_start, q.sp_s)
        PyObject_GenericSetAttr(span, f_speaker_end, q.sp_e)
        PyObject_GenericSetAttr(span, f_cue, q.cue)
        PyObject_GenericSetAttr(span, f_partial, q.partial)
        add(span)
    spans.sort(key=_span_order)
    return spans


def _span_order(span) -> tuple:
    return span.start, span.end, span.kind


def spans_json(spans: list) -> str:
    """``json.dumps([s.to_dict() for s in spans], ensure_ascii=False)``, written directly: the keys of
    ``Span.to_dict`` in its order, one f-string per span and no dict (``start`` and ``end`` are ints) (a third of the instructions on
    80,000 spans, compiled). A test checks the two agree."""
    out = []
    add = out.append
    for s in spans:
        if s.kind == "figure":
            add(f'{{"kind": "figure", "start": {s.start}, "end": {s.end}, '
                f'"text": {_json_str(s.text)}, "type": {_json_value(s.type)}, "value": {_json_value(s.value)}, '
                f'"unit": {_json_value(s.unit)}, "hedge": {_json_value(s.hedge)}, "high": {_json_value(s.high)}}}')
        else:
            add(f'{{"kind": {_json_str(s.kind)}, "start": {s.start}, "end": {s.end}, '
                f'"text": {_json_str(s.text)}, "speaker": {_json_value(s.speaker)}, '
                f'"speaker_start": {_json_value(s.speaker_start)}, "speaker_end": {_json_value(s.speaker_end)}, '
                f'"cue": {_json_value(s.cue)}, "partial": {_json_value(s.partial)}}}')
    return "[" + ", ".join(out) + "]"


def _json_value(v) -> str:
    """``json.dumps(v, ensure_ascii=False)``, with the common cases first."""
    if v is None:
        return "null"
    cls = v.__class__
    if cls is str:
        return _json_str(v)
    if cls is int:
        return str(v)
    if v is True:
        return "true"
    if v is False:
        return "false"
    return json.dumps(v, ensure_ascii=False)
