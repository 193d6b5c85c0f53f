"""Properties of detect() on arbitrary text, and linear behaviour on pathological input."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.spans import detect

# Text biased towards the characters the detector cares about.
_ALPHABET = st.sampled_from(list(
    "0123456789 ,.:;-–/$€£%\"'“”‘’«»\n\tabcdeghilmnoprstuyAMNOPST") + [
    " said ", " he said", "Putin", " percent", " million", "Oct. ", "two ", "first ", " the ", "at least ",
    "\u00a0", "é", "😀", "\u2028"])
news_like = st.lists(_ALPHABET, max_size=120).map("".join)
any_text = st.text(max_size=300)


def _check(text):
    spans = detect(text)
    starts = [s.start for s in spans]
    assert starts == sorted(starts)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.text == text[s.start:s.end]
        assert s.kind in ("figure", "quote")
        if s.speaker_start is not None:
            assert 0 <= s.speaker_start <= s.speaker_end <= len(text)
    for kind in ("figure", "quote"):
        ks = [s for s in spans if s.kind == kind]
        for a, b in zip(ks, ks[1:]):
            assert a.end <= b.start, (kind, a, b)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_arbitrary_unicode_never_raises(text):
    _check(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_news_like_fragments(text):
    _check(text)


def test_unclosed_quote_then_a_megabyte_finishes():
    body = "The council met again and 12 members voted. " * 23000  # ~1 MB
    for mark in ('"', "\u201c", "\u2018"):
        text = "Mayor Ana Ruiz said " + mark + body
        spans = detect(text)
        quotes = [s for s in spans if s.kind == "quote"]
        assert all(q.end - q.start <= 4000 for q in quotes)
        assert sum(1 for s in spans if s.kind == "figure") >= 23000


def test_many_marks_stay_linear():
    text = ('" a " ' * 20000) + ("\u201c" * 20000) + (" 'x" * 20000)
    spans = detect(text)
    assert all(s.end - s.start <= 4000 for s in spans)
