"""The quote detector's fast paths (quotes.py) give the same results as the forms they replace.

Run in both forms of the module: compiled (the character readers in C) and, with READER_PURE_PYTHON=1,
as Python. A cdef helper cannot be called from here; it is checked through the readers that use it."""

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.detect import quotes as Q

# Every code point but the surrogates (which a str may hold, but no text read from a file does).
_ALL_CHARS = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]


def test_word_character_checks_match_the_regex_classes():
    # _is_word (\w) compares an ASCII character instead of calling isalnum: "said" followed by a word
    # character is no cue word. _cue_words reads each run with _is_word.
    text = " ".join("said" + c for c in _ALL_CHARS)
    expected = [(m.start(), m.end(), m.group(1)) for m in Q._CUE_RX.finditer(text, 0, len(text))]
    assert len(expected) > 1000
    assert Q._cue_words(text, len(text)) == expected
    # _is_name_char ([\w.’'-]): "B?b" ends with a capitalised word only when ? is a name character.
    rx = Q._NAME_BEFORE_RX
    for c in _ALL_CHARS[:0x10000 - 0x800]:  # the basic plane (an astral character takes isalnum's path)
        head = "B" + c + "b"
        m = rx.search(head)
        assert Q._words_at_end_scan(head) == (m.group(1) if m else None), hex(ord(c))


_OLD_PRON_RX = re.compile(r"\b(he|she|they|He|She|They|we|We|I)\b")
# Pronouns, their near misses (one letter changed, added or missing, the case of another letter) and
# the characters around words.
_PRONOUN_PIECES = st.sampled_from(list(" \t\n,.'’-_1é") + [
    "he", "He", "HE", "hE", "she", "She", "SHE", "sHe", "shE", "they", "They", "THEY", "tHey", "theY", "the",
    "hey", "thy", "we", "We", "WE", "wE", "I", "i", "II", "h", "e", "s", "t", "w", "y", "a", "heh", "sh", "shey"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PRONOUN_PIECES, max_size=30).map("".join))
def test_pronoun_reader_matches_the_pronoun_regex(text):
    # _is_pronoun compares a short run's characters instead of looking its slice up in _PRONOUNS
    expected = [(m.start(), m.end(), m.group(1).lower()) for m in _OLD_PRON_RX.finditer(text)]
    assert Q._pronoun_scan(text) == expected


def test_role_reader_finds_every_role_word_behind_its_hash_bit():
    # _role_scan looks a run of a-z letters up only when its bit in _ROLE_HASH_BITS is set: every role
    # word, and every lead of a longer one ("head" of "head coach"), must be found as the regex finds it
    # (the module's own sets are C globals when compiled: built again from the role words)
    for w in sorted(set(Q._ROLE_WORDS) | set(Q._role_words_by_letters(Q._ROLE_WORDS))):
        for text in (f"the {w} said", f"His new {w}", f"an {w}s", f"one of its {w}"):
            expected = [(m.start(), m.end(), m.group(1), m.group(2)) for m in Q._ROLE_RX.finditer(text)]
            assert Q._role_scan(text) == expected, text
    assert Q._role_scan("the president said") == [(0, 13, "", "president")]
