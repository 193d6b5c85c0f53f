"""Assembling spans: figures and quotes merged in order, and ``spans_json``, which writes what
``json.dumps([s.to_dict() for s in spans], ensure_ascii=False)`` writes."""

import json
import os
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.spans import Span, detect, spans_json

_TEXTS = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)  # quotes, backslashes, controls, emoji
_NUMBERS = st.one_of(st.integers(-10**20, 10**20), st.floats(allow_nan=True, allow_infinity=True))
_VALUES = st.one_of(st.none(), _NUMBERS, _TEXTS)
_FIGURES = st.builds(Span, kind=st.just("figure"), start=st.integers(0, 10**9), end=st.integers(0, 10**9),
                     text=_TEXTS, type=st.one_of(st.none(), _TEXTS), value=_VALUES,
                     unit=st.one_of(st.none(), _TEXTS), hedge=st.one_of(st.none(), _TEXTS), high=_VALUES)
_OPT_INT = st.one_of(st.none(), st.integers(0, 10**9))
_QUOTES = st.builds(Span, kind=st.just("quote"), start=st.integers(0, 10**9), end=st.integers(0, 10**9),
                    text=_TEXTS, speaker=st.one_of(st.none(), _TEXTS), speaker_start=_OPT_INT,
                    speaker_end=_OPT_INT, cue=st.one_of(st.none(), _TEXTS), partial=st.booleans())


def _reference(spans) -> str:
    return json.dumps([s.to_dict() for s in spans], ensure_ascii=False)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_FIGURES, _QUOTES), max_size=6))
def test_spans_json_is_json_dumps_of_to_dict(spans):
    assert spans_json(spans) == _reference(spans)


def test_spans_json_of_detected_spans():
    text = ("“It is 40% higher,” said Mr. Ana Ruiz, 54, on 3 May 2024. About 1.5 million\tpeople "
            "paid $2.5bn, she said: “a \\\"test\\\" \u0007 é”. The ‘plan’ ran to 2-3 weeks.")
    spans = detect(text)
    assert {s.kind for s in spans} == {"figure", "quote"}
    assert spans_json(spans) == _reference(spans)
    assert spans_json([]) == "[]"


def test_spans_json_as_plain_python():
    # the same function, run from the .py module (the compiled one is what the other tests ran, when built)
    code = ("import json\nimport reader.core.detect as d\nfrom reader.core.spans import detect, spans_json\n"
            "assert d.IMPLEMENTATION == 'python'\n"
            "spans = detect('“Yes,” she said of the 4.5% rise, about 300 people, on June 5, 2021.')\n"
            "assert len(spans) > 3\n"
            "assert spans_json(spans) == json.dumps([s.to_dict() for s in spans], ensure_ascii=False)\n")
    env = {**os.environ, "READER_PURE_PYTHON": "1"}
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def _pairs_order(pairs):
    return [("figure", c.s, c.e) if q is None else ("quote", q.s, q.e) for c, q in pairs]


def test_figures_and_quotes_are_merged_in_span_order_even_when_a_list_is_out_of_order():
    from reader.core.detect import assemble, figures, quotes

    figs = [figures._c(10, 14, "count"), figures._c(0, 3, "count"), figures._c(20, 25, "count")]
    qs = [quotes.Q(10, 14), quotes.Q(2, 8), quotes.Q(30, 35)]
    expected = [("figure", 0, 3), ("quote", 2, 8), ("figure", 10, 14), ("quote", 10, 14), ("figure", 20, 25),
                ("quote", 30, 35)]
    assert _pairs_order(assemble._merged(figs, qs)) == expected
    assert _pairs_order(assemble._merged(sorted(figs, key=assemble._start_end), [qs[0], qs[2]])) == [
        e for e in expected if e != ("quote", 2, 8)]
    if assemble._COMPILED:  # the compiled assembly reads the C fields and falls back to sorting
        text = "x" * 40
        for q in qs:
            q.speaker = q.sp_s = q.sp_e = q.cue = None
            q.partial = False
        spans = assemble._spans_c(text, figs, qs, Span, tuple(Span.__dataclass_fields__))
        assert [(s.kind, s.start, s.end) for s in spans] == expected
        assert all(isinstance(s, Span) and s.text == text[s.start:s.end] for s in spans)
