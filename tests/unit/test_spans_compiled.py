"""The compiled detector (Cython, built at install time when possible) and the plain Python one agree.

``reader.core.detect.IMPLEMENTATION`` says which form this process runs; ``READER_PURE_PYTHON=1`` forces
the ``.py`` modules, which is how the comparison below gets the Python output."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reader.core.detect as detect_pkg
from reader.core.detect import figures as F
from reader.core.detect import native
from reader.core.detect import quotes as Q
from reader.core.spans import detect

ROOT = Path(__file__).resolve().parents[2]

_PIECES = st.sampled_from(list("0123456789 \n\t,.:-_/aemnostT\u00e9\u0663\u00b2") + [
    " one", " May", " twenty", " March_", " MAY", " thousands", " second", " Septembers", " the", " thirteenth",
    "hundred", "\n", " a dozen", "1,200.5", " tens", " Jan", "(", "[", "“", '"', "‘", "'", "—", "–", "/", "-",
    "(one", "“May", "—two", "'tens", "-third", "/June", "[ten_", "‘Jan", '"hundreds', "-thousandth", "–June"])
_TEXT = st.lists(_PIECES, max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_one_pass_scan_matches_the_scans_it_replaces(text):
    # _scan is what the compiled module runs instead of _digit_tokens and the word scans after spaces,
    # newlines and punctuation
    assert F._scan(text) == (list(F._digit_tokens(text)), sorted(F._space_word_hits(text) + F._punct_word_hits(text)))


def _sample_texts() -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import bench_spans
    finally:
        sys.path.pop(0)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    texts += bench_spans._chunks(bench_spans.make_text(0.3, 5), 20000)
    texts += [
        "", " ", "٣,٤ and 12 and １２ items", "‘the \"plan\" works’ he said", "\u2028\n\n“Unclosed quote\n“next",
        "Prices rose 3.5% to $2.5 million on Oct. 7, 2023 at 9:30 p.m. GMT, about two-thirds of forty-two.",
        "Mr. Putin, 71, said: “We will see.” “Yes,” he added. She called it ‘reckless’. \U0001F600 5km²",
    ]
    return texts


def _python_output(texts: list[str]) -> list[list[dict]]:
    code = ("import json, sys\nfrom reader.core.spans import detect\nimport reader.core.detect as d\n"
            "assert d.IMPLEMENTATION == 'python', d.IMPLEMENTATION\n"
            "texts = json.load(sys.stdin)\n"
            "json.dump([[s.to_dict() for s in detect(t)] for t in texts], sys.stdout)\n")
    env = {**os.environ, "READER_PURE_PYTHON": "1"}
    out = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), env=env, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.skipif(detect_pkg.IMPLEMENTATION != "compiled",
                    reason="the detector is not compiled here (no C compiler or Cython at install time)")
def test_compiled_detector_gives_the_python_detectors_output():
    texts = _sample_texts()
    compiled = [[s.to_dict() for s in detect(t)] for t in texts]
    assert json.loads(json.dumps(compiled)) == _python_output(texts)


def test_pure_python_switch_loads_the_py_files():
    code = ("import reader.core.detect as d, reader.core.detect.figures as f, reader.core.detect.quotes as q\n"
            "print(d.IMPLEMENTATION, f.__file__, q.__file__)")
    env = {**os.environ, "READER_PURE_PYTHON": "1"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    impl, figures_file, quotes_file = out.stdout.split()
    assert impl == "python" and figures_file.endswith("figures.py") and quotes_file.endswith("quotes.py")
    assert detect_pkg.IMPLEMENTATION in ("compiled", "python")


def test_an_extension_module_is_used_only_for_the_source_it_was_built_from(tmp_path, monkeypatch):
    for m in native.MODULES:
        for suffix in (".py", ".pxd"):
            (tmp_path / (m + suffix)).write_text(f"# {m}{suffix}\n")
        (tmp_path / (m + ".cpython-311-x86_64-linux-gnu.so")).write_bytes(b"")
        (tmp_path / (m + ".so")).write_bytes(b"")
    monkeypatch.setattr(native, "HERE", tmp_path)
    monkeypatch.delenv("READER_PURE_PYTHON", raising=False)
    assert not native._compiled_usable()  # no compiled.json
    manifest = {m: native.source_hash(tmp_path, m) for m in native.MODULES}
    (tmp_path / "compiled.json").write_text(json.dumps(manifest))
    assert native._compiled_usable()
    monkeypatch.setenv("READER_PURE_PYTHON", "1")
    assert not native._compiled_usable()
    monkeypatch.delenv("READER_PURE_PYTHON")
    (tmp_path / "quotes.py").write_text("# edited\n")  # an edited source: its extension module is stale
    assert not native._compiled_usable()


_CUE_PIECES = st.sampled_from(list(" \t\n,._-é2") + [
    "said", "Said", "SAID", "says", "according", "According", "to", "went", "on", "put", "it", "told", "added",
    "unsaid", "say", "sa", "id", "told_", "Mr.", "warned"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_CUE_PIECES, max_size=40).map("".join), st.integers(0, 200))
def test_cue_word_reader_matches_the_cue_regex(text, endpos):
    # _cue_words is what the compiled module runs instead of _CUE_RX.finditer(text, 0, endpos)
    expected = [(m.start(), m.end(), m.group(1)) for m in Q._CUE_RX.finditer(text, 0, endpos)]
    assert Q._cue_words(text, endpos) == expected


_SENTENCE_PIECES = st.sampled_from(list(".!?\"”’'“‘ \t\nAaZz.,é1_") + [
    "Mr.", "U.S.", "Jan.", "e.g.", "said.", " He", "approx.", "Sept.", "x.y.z.", "abcdefgh."])


@settings(max_examples=400, deadline=None)
@given(st.lists(_SENTENCE_PIECES, max_size=25).map("".join), st.data())
def test_sentence_bound_readers_match_the_regexes(text, data):
    # what the compiled module runs instead of the _SB_RX / _SE_RX scans of _sentence_start/_end
    n = len(text)
    lo = data.draw(st.integers(0, n))
    i = data.draw(st.integers(lo, n))
    expected = lo
    for m in reversed(list(Q._SB_RX.finditer(text, lo, i))):
        if text[m.start()] != "." or not Q._abbrev_before(text, m.start()):
            expected = m.end()
            break
    assert Q._sentence_start_scan(text, lo, i) == expected
    cap = data.draw(st.integers(i, n))
    pos, expected = i, cap
    while (m := Q._SE_RX.search(text, pos, cap)) is not None:
        if text[m.start()] == "." and Q._abbrev_before(text, m.start()):
            pos = m.end()
            continue
        expected = m.start()
        break
    assert Q._sentence_end_scan(text, i, cap) == expected


_INTRO_PIECES = st.sampled_from(list(" \t\u00a0\n,.'’-xaéZ") + [
    " President", " president", " Premier's", " CEO", " ceo", " Minister", " Vladimir", " Putin", " of", " the",
    " Presidents", " Prime", " Chief", " chief", "Mr.", " Sen.", " Ana", " Ruiz’s", " Mayor", " Spokesman"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_INTRO_PIECES, max_size=16).map("".join))
def test_role_introduction_scan_matches_the_regex(text):
    # what the compiled module runs instead of _INTRO_RX.finditer
    expected = [(m.start(), m.group(1), m.group(2), m.start(2)) for m in Q._INTRO_RX.finditer(text)]
    assert Q._intro_scan(text) == expected
