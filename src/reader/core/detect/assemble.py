"""Run the detectors on a text and build its :class:`reader.core.spans.Span` objects, sorted by start.

Spans are built without the frozen dataclass ``__init__`` (one ``object.__setattr__`` call per field):
as Python, through the class's slot setters, at about half the cost; compiled (this module is compiled
with the other detector modules when possible, see ``native.py``), allocated with the class's
allocator and set with ``PyObject_GenericSetAttr`` from C, which skips ``object.__new__``'s and the
setters' Python-level calls (an argument tuple each). The class comes in as an argument
(``reader.core.spans`` defines it and imports this module). Figures and quotes come out of their
detectors in order, so they are merged rather than sorted (a key function call per span).
``write_json`` writes the spans' JSON straight from the detectors' results; ``write_json_utf8`` writes
it as UTF-8 bytes, for ``reader spans`` (compiled, from C: the buffer functions of ``assemble.h``).
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
    figures, quotes, order = _detected(text)
    if _COMPILED:
        return _spans_c(text, figures, quotes, order, span_class, fields)
    (set_kind, set_start, set_end, set_text, set_type, set_value, set_unit, set_hedge, set_high,
     set_speaker, set_speaker_start, set_speaker_end, set_cue, set_partial) = [
        span_class.__dict__[name].__set__ for name in fields]
    new = object.__new__
    spans = []
    add = spans.append
    for k in order:
        span = new(span_class)
        if k >= 0:
            c = figures[k]
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
        else:
            q = quotes[-1 - k]
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
    return spans


def write_json(text: str, write) -> None:
    """Write ``json.dumps([s.to_dict() for s in detect_spans(text, Span)], ensure_ascii=False)`` through
    ``write``, from the detectors' results without building the spans or a dict per span, in pieces of
    ``_JSON_BATCH`` spans, so a large text's output is never held whole (nor its encoded copy): on 20
    MB of text that was ~70 MB of fresh memory, whose page faults cost more than writing it. The
    figure and quote writers below hold ``Span.to_dict``'s keys in its order; a test checks the two
    agree."""
    figures, quotes, order = _detected(text)
    out = []
    add = out.append
    sep = "["
    for k in order:
        if k >= 0:
            c = figures[k]
            add(_figure_json(c.s, c.e, text[c.s:c.e], c.type, c.value, c.unit, c.hedge, c.high))
        else:
            q = quotes[-1 - k]
            add(_quote_json("quote", q.s, q.e, text[q.s:q.e], q.speaker, q.sp_s, q.sp_e, q.cue, q.partial))
        if len(out) == _JSON_BATCH:
            write(sep + ", ".join(out))
            sep = ", "
            out.clear()
    if out:
        write(sep + ", ".join(out) + "]")
    else:
        write("[]" if sep == "[" else "]")


_JSON_BATCH = 2048


def write_json_utf8(text: str, write) -> None:
    """``write_json``'s output encoded as UTF-8, through ``write(bytes)`` in pieces (what ``reader spans``
    writes to its binary stdout). Compiled, it is written as bytes from the start (``_json_utf8_c``:
    no str per piece and no encoding pass over the output, about a fifth of the command's time)."""
    if _COMPILED:
        figures, quotes, order = _detected(text)
        _json_utf8_c(text, figures, quotes, order, write)
    else:
        write_json(text, _utf8(write))


def _utf8(write):
    """``write(bytes)`` as a ``write(str)`` that encodes to UTF-8."""
    def write_str(s: str) -> None:
        write(s.encode("utf-8"))
    return write_str


def _json_utf8_c(text: str, figures: list, quotes: list, order: list, write) -> None:
    """``write_json_utf8`` for the compiled module: the spans' JSON is written as UTF-8 into a C buffer
    by the functions of ``assemble.h`` (declared in the ``.pxd``; the names exist only there), the same
    JSON as ``_figure_json`` and ``_quote_json`` write, passed to ``write`` every ``_JSON_BYTES``."""
    buf = _buf_new()
    try:
        _buf_ascii(buf, b"[")
        first = True
        for k in order:
            if not first:
                _buf_ascii(buf, b", ")
            first = False
            if k >= 0:  # the keys in Span.to_dict's order
                c = figures[k]
                _buf_span(buf, text, c.s, c.e, b'{"kind": "figure", "start": ', b', "type": ', c.type,
                          b', "value": ', c.value, b', "unit": ', c.unit, b', "hedge": ', c.hedge, b', "high": ', c.high)
            else:
                q = quotes[-1 - k]
                _buf_span(buf, text, q.s, q.e, b'{"kind": "quote", "start": ', b', "speaker": ', q.speaker,
                          b', "speaker_start": ', q.sp_s, b', "speaker_end": ', q.sp_e, b', "cue": ', q.cue,
                          b', "partial": ', q.partial)
            if _buf_len(buf) >= _JSON_BYTES:
                write(_buf_take(buf))
        _buf_ascii(buf, b"]")
        write(_buf_take(buf))
    finally:
        _buf_free(buf)


_JSON_BYTES = 1 << 16


def _buf_span(buf, text: str, s: int, e: int, head: bytes, k1: bytes, v1, k2: bytes, v2, k3: bytes, v3,
              k4: bytes, v4, k5: bytes, v5) -> None:
    """One span's JSON object into the compiled writer's buffer: ``head`` (the opening up to the
    start's value), the start, end and ``text[s:e]``, then the kind's five keys and values."""
    _buf_ascii(buf, head)
    _buf_int(buf, s)
    _buf_ascii(buf, b', "end": ')
    _buf_int(buf, e)
    _buf_ascii(buf, b', "text": ')
    _buf_string(buf, text, s, e)
    _buf_field(buf, k1, v1)
    _buf_field(buf, k2, v2)
    _buf_field(buf, k3, v3)
    _buf_field(buf, k4, v4)
    _buf_field(buf, k5, v5)
    _buf_ascii(buf, b"}")


def _buf_field(buf, key: bytes, v) -> None:
    """A field's key, then its value as ``_json_value(v)`` writes it, as UTF-8 into the compiled
    writer's buffer."""
    _buf_ascii(buf, key)
    if _buf_value(buf, v) == 1:  # a type the C function leaves to json
        _buf_raw(buf, json.dumps(v, ensure_ascii=False))


def _detected(text: str) -> tuple[list, list, list]:
    """The figures and quotes of ``text`` and the order of their spans (``_span_order``)."""
    figures = find_figures(text)
    quotes = find_quotes(text)
    attribute(text, quotes)
    order = _span_order(figures, quotes)
    if order is None:
        figures = sorted(figures, key=_start_end)
        quotes = sorted(quotes, key=_start_end)
        order = _span_order(figures, quotes)
    return figures, quotes, order


def _span_order(figures: list, quotes: list) -> list | None:
    """The spans' order, by start, end, then "figure" before "quote": ``i`` for ``figures[i]``,
    ``-1 - j`` for ``quotes[j]``. Each list comes in that order already (figures by start without
    overlaps, quotes likewise), so one merge pass does, without a key function call per span; None
    when a list is out of order (the caller sorts it: stably, as a key sort of the spans did)."""
    out = []
    i = j = 0
    nf, nq = len(figures), len(quotes)
    fs = fe = qs = qe = -1  # the last figure's and quote's start and end
    while i < nf or j < nq:
        if j < nq:
            q = quotes[j]
        if i < nf:
            c = figures[i]
        if j == nq or (i < nf and (c.s < q.s or (c.s == q.s and c.e <= q.e))):
            if c.s < fs or (c.s == fs and c.e < fe):
                return None
            fs, fe = c.s, c.e
            out.append(i)
            i += 1
        else:
            if q.s < qs or (q.s == qs and q.e < qe):
                return None
            qs, qe = q.s, q.e
            out.append(-1 - j)
            j += 1
    return out


def _start_end(x) -> tuple:
    return x.s, x.e


def _spans_c(text: str, figures: list, quotes: list, order: list, span_class: type, fields: tuple) -> list:
    """``detect_spans`` for the compiled module: each span is allocated with the class's allocator
    and its slots are set with ``PyObject_GenericSetAttr``, from C (both declared in the ``.pxd``; the
    names exist only there)."""
    (f_kind, f_start, f_end, f_text, f_type, f_value, f_unit, f_hedge, f_high,
     f_speaker, f_speaker_start, f_speaker_end, f_cue, f_partial) = fields
    spans = []
    add = spans.append
    for k in order:
        span = _new_span(span_class)
        if k >= 0:
            c = figures[k]
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
        else:
            q = quotes[-1 - k]
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
    return spans


def _figure_json(start: int, end: int, text: str, typ, value, unit, hedge, high) -> str:
    """A figure's ``Span.to_dict()`` as ``json.dumps(..., ensure_ascii=False)`` writes it."""
    return (f'{{"kind": "figure", "start": {start}, "end": {end}, "text": {_json_text(text)}, '
            f'"type": {_json_value(typ)}, "value": {_json_value(value)}, "unit": {_json_value(unit)}, '
            f'"hedge": {_json_value(hedge)}, "high": {_json_value(high)}}}')


def _quote_json(kind: str, start: int, end: int, text: str, speaker, speaker_start, speaker_end, cue, partial) -> str:
    """The ``Span.to_dict()`` of a span of another kind than "figure" (a quote) as ``json.dumps(...,
    ensure_ascii=False)`` writes it."""
    return (f'{{"kind": {_json_text(kind)}, "start": {start}, "end": {end}, "text": {_json_text(text)}, '
            f'"speaker": {_json_value(speaker)}, "speaker_start": {_json_value(speaker_start)}, '
            f'"speaker_end": {_json_value(speaker_end)}, "cue": {_json_value(cue)}, '
            f'"partial": {_json_value(partial)}}}')


def _json_text(s: str) -> str:
    """``json.dumps(s, ensure_ascii=False)`` for a str: the string in double quotes, escaped only when
    it holds a character JSON escapes (a control character, '"' or a backslash), which most figures'
    and quotes' texts do not (a loop over the characters is cheaper than the encoder's call)."""
    for ch in s:
        if ch < " " or ch == '"' or ch == "\\":
            return _json_str(s)
    return f'"{s}"'


def _json_value(v) -> str:
    """``json.dumps(v, ensure_ascii=False)``, with the common cases first."""
    if v is None:
        return "null"
    cls = type(v)
    if cls is str:
        return _json_text(v)
    if cls is int:
        return str(v)
    if cls is float and v - v == 0.0:  # finite (json writes nan and infinities its own way)
        return repr(v)
    if v is True:
        return "true"
    if v is False:
        return "false"
    return json.dumps(v, ensure_ascii=False)
