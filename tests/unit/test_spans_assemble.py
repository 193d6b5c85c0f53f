"""Assembling spans: figures and quotes merged in order, and ``detect_json``, which writes what
``json.dumps([s.to_dict() for s in detect(text)], ensure_ascii=False)`` writes (and
``write_json_utf8``, its UTF-8, which the compiled module writes from C)."""

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.detect import assemble
from reader.core.detect import figures as F
from reader.core.detect import quotes as Q
from reader.core.spans import Span, detect, detect_json, write_json, write_json_utf8

_TEXTS = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)  # quotes, backslashes, controls, emoji
_NUMBERS = st.one_of(st.integers(-10**20, 10**20), st.floats(allow_nan=True, allow_infinity=True))
_VALUES = st.one_of(st.none(), _NUMBERS, _TEXTS)
_FIGURES = st.builds(Span, kind=st.just("figure"), start=st.integers(0, 10**9), end=st.integers(0, 10**9),
                     text=_TEXTS, type=st.one_of(st.none(), _TEXTS), value=_VALUES,
                     unit=st.one_of(st.none(), _TEXTS), hedge=st.one_of(st.none(), _TEXTS), high=_VALUES)
_OPT_INT = st.one_of(st.none(), st.integers(0, 10**9))
_QUOTES = st.builds(Span, kind=st.sampled_from(["quote", "other"]), start=st.integers(0, 10**9),
                    end=st.integers(0, 10**9), text=_TEXTS, speaker=st.one_of(st.none(), _TEXTS),
                    speaker_start=_OPT_INT, speaker_end=_OPT_INT, cue=st.one_of(st.none(), _TEXTS),
                    partial=st.booleans())


def _reference(spans) -> str:
    return json.dumps([s.to_dict() for s in spans], ensure_ascii=False)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_FIGURES, _QUOTES))
def test_json_writers_write_json_dumps_of_to_dict(s):
    if s.kind == "figure":
        got = assemble._figure_json(s.start, s.end, s.text, s.type, s.value, s.unit, s.hedge, s.high)
    else:
        got = assemble._quote_json(s.kind, s.start, s.end, s.text, s.speaker, s.speaker_start, s.speaker_end, s.cue,
                                   s.partial)
    assert got == json.dumps(s.to_dict(), ensure_ascii=False)


_SAMPLE = ("“It is 40% higher,” said Mr. Ana Ruiz, 54, on 3 May 2024. About 1.5 million\tpeople "
           "paid $2.5bn, she said: “a \\\"test\\\" \u0007 é”. The ‘plan’ ran to 2-3 weeks.")


def test_detect_json_is_json_dumps_of_the_detected_spans():
    spans = detect(_SAMPLE)
    assert {s.kind for s in spans} == {"figure", "quote"}
    assert detect_json(_SAMPLE) == _reference(spans)
    assert detect_json("") == "[]" == detect_json("no figures here")


def test_write_json_writes_a_large_text_in_pieces_that_join_to_the_json(monkeypatch):
    monkeypatch.setattr(assemble, "_JSON_BATCH", 3)
    for n in (0, 1, 2, 3, 4, 6, 7):  # spans: none, fewer than, as many as, and more than a batch (or two)
        text = " ".join(["It cost $5."] * n)
        pieces = []
        write_json(text, pieces.append)
        assert len(detect(text)) == n
        assert "".join(pieces) == _reference(detect(text)) == detect_json(text)
        assert len(pieces) == n // 3 + 1  # a write per full batch, then one that closes the list
        assert all(pieces)


def test_write_json_utf8_writes_the_json_as_utf8_in_pieces(monkeypatch):
    text = " ".join([_SAMPLE] * 40)
    for size in (1 << 16, 200):  # one piece; many (compiled, a piece as the buffer passes the size)
        monkeypatch.setattr(assemble, "_JSON_BYTES", size)
        pieces = []
        write_json_utf8(text, pieces.append)
        assert all(type(p) is bytes and p for p in pieces)
        assert b"".join(pieces) == detect_json(text).encode("utf-8")
        if assemble._COMPILED:
            assert (len(pieces) == 1) == (size > len(b"".join(pieces)))
    for t in ("", "no figures here", "“Sure,” he said."):
        pieces = []
        write_json_utf8(t, pieces.append)
        assert b"".join(pieces) == detect_json(t).encode("utf-8")


def test_write_json_utf8_refuses_a_lone_surrogate_as_str_encode_does():
    text = "“It cost \ud800 $5,” she said."
    assert any(s.kind == "quote" for s in detect(text))
    with pytest.raises(UnicodeEncodeError):
        write_json_utf8(text, lambda b: None)


# Figures and quotes with arbitrary fields over an arbitrary text: what the compiled UTF-8 writer writes
# from C (every value type, escapes, 1- to 4-byte characters, slice bounds as Python reads them).
_JSON_CASES = st.tuples(
    _TEXTS,
    st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45), st.one_of(st.none(), _TEXTS), _VALUES,
                       st.one_of(st.none(), _TEXTS), st.one_of(st.none(), _TEXTS), _VALUES), max_size=4),
    st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45), st.one_of(st.none(), _TEXTS), _OPT_INT,
                       _OPT_INT, st.one_of(st.none(), _TEXTS), st.booleans()), max_size=4))


@pytest.mark.skipif(not assemble._COMPILED, reason="the C writer exists only in the compiled module")
@settings(max_examples=300, deadline=None)
@given(_JSON_CASES)
def test_the_compiled_utf8_writer_writes_what_the_python_writer_writes(case):
    text, fig_fields, quote_fields = case
    figs = [F._c(*f) for f in fig_fields]
    qs = []
    for s, e, speaker, sp_s, sp_e, cue, partial in quote_fields:
        q = Q._q(s, e)
        q.speaker, q.sp_s, q.sp_e, q.cue, q.partial = speaker, sp_s, sp_e, cue, partial
        qs.append(q)
    order = list(range(len(figs))) + [-1 - j for j in range(len(qs))]
    pieces = []
    assemble._json_utf8_c(text, figs, qs, order, pieces.append)
    python = [assemble._figure_json(c.s, c.e, text[c.s:c.e], c.type, c.value, c.unit, c.hedge, c.high)
              for c in figs]
    python += [assemble._quote_json("quote", q.s, q.e, text[q.s:q.e], q.speaker, q.sp_s, q.sp_e, q.cue, q.partial)
               for q in qs]
    assert b"".join(pieces) == ("[" + ", ".join(python) + "]").encode("utf-8")


def test_detect_json_as_plain_python():
    # the same functions, run from the .py module (the compiled one is what the other tests ran, when built)
    code = ("import json\nimport reader.core.detect as d\n"
            "from reader.core.spans import detect, detect_json, write_json_utf8\n"
            "assert d.IMPLEMENTATION == 'python'\n"
            f"text = {_SAMPLE!r}\n"
            "assert len(detect(text)) > 3\n"
            "assert detect_json(text) == json.dumps([s.to_dict() for s in detect(text)], ensure_ascii=False)\n"
            "pieces = []\n"
            "write_json_utf8(text, pieces.append)\n"
            "assert b''.join(pieces) == detect_json(text).encode('utf-8')\n")
    env = {**os.environ, "READER_PURE_PYTHON": "1"}
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def _named(figs, qs, order):
    return [("figure", figs[k].s, figs[k].e) if k >= 0 else ("quote", qs[-1 - k].s, qs[-1 - k].e) for k in order]


def test_figures_and_quotes_are_merged_in_span_order_and_a_list_out_of_order_is_refused():
    figs = [F._c(10, 14, "count"), F._c(0, 3, "count"), F._c(20, 25, "count")]
    qs = [Q.Q(10, 14), Q.Q(2, 8), Q.Q(30, 35)]
    assert assemble._span_order(figs, qs) is None  # the caller sorts both lists
    figs.sort(key=assemble._start_end)
    assert assemble._span_order(figs, qs) is None
    qs.sort(key=assemble._start_end)
    order = assemble._span_order(figs, qs)
    assert _named(figs, qs, order) == [("figure", 0, 3), ("quote", 2, 8), ("figure", 10, 14), ("quote", 10, 14),
                                       ("figure", 20, 25), ("quote", 30, 35)]
    if assemble._COMPILED:  # the compiled assembly builds the spans from C
        text = "x" * 40
        for q in qs:
            q.speaker = q.sp_s = q.sp_e = q.cue = None
            q.partial = False
        spans = assemble._spans_c(text, figs, qs, order, Span, tuple(Span.__dataclass_fields__))
        assert [(s.kind, s.start, s.end) for s in spans] == _named(figs, qs, order)
        assert all(isinstance(s, Span) and s.text == text[s.start:s.end] for s in spans)
