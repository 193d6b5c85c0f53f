"""The detector's fast paths give the same matches as the plain formulations they replace."""

import json
import os
import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.detect import figures as F
from reader.core.detect import lexicon as L
from reader.core.detect import quotes as Q

_PIECES = st.sampled_from(list("0123456789 ,.:;-–/\n\t!?\"'“”‘’()[]aeIhHsStTwW_é") + [
    "٣", "٤٥", "１２", "۷", " he ", "She", " they", "We ", "I", "the", " two ", "(three", "-first", "“May",
    "1,200.5", "10:30", "2023-10-07", "3/4", "said. ", "Mr. ", "!\" ", "?” ", "\u00a0"])
_TEXT = st.lists(_PIECES, max_size=80).map("".join)

def _start(c):
    return c.s


_OLD_PRON_RX = re.compile(r"\b(he|she|they|He|She|They|we|We|I)\b")
# The forms the fast paths replaced, as references.
_WORD_RX_PUNCT = re.compile("[(\\[“\"‘'—–/-](" + F._TRIE + r")\b")
_SENT_HEAD0_RX = re.compile(r"[A-Z][^\n.!?]{0,80}")
_SENT_HEAD_RX = re.compile(r"[.!?\n][ \t]*([A-Z][^\n.!?]{0,80})")


def _sentence_heads(win):
    """(start, end) of the sentence heads in ``win``, in order, by regex."""
    m0 = _SENT_HEAD0_RX.match(win)
    heads = [m0.span()] if m0 else []
    return heads + [m.span(1) for m in _SENT_HEAD_RX.finditer(win, m0.end() if m0 else 0)]


_OLD_SE_RX = re.compile(r"[.!?](?=[\"”’']?(?:[ \t\n]|\Z))|\n")


def _spans(rx: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> list:
    endpos = len(text) if endpos is None else endpos
    return [(m.span(), m.groups()) for m in rx.finditer(text, pos, endpos)]


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_digit_tokens_match_the_digit_regex(text):
    assert list(F._digit_tokens(text)) == [(m.start(), m.end(), m.group()) for m in F._DIGIT_RX.finditer(text)]


def test_non_ascii_digit_check():
    assert not F._has_non_ascii_digit("abc 123 “quoted” – é")
    assert F._has_non_ascii_digit("price ٣٤ dinars")
    assert F._has_non_ascii_digit("１２ items")
    assert list(F._digit_tokens("٣,٤ and 12")) == [(0, 3, "٣,٤"), (8, 10, "12")]


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_word_after_punctuation_scan_matches_finditer(text):
    expected = [(m.start(1), m.group(1)) for m in _WORD_RX_PUNCT.finditer(text)]
    assert F._punct_word_hits(text) == expected


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_pronoun_regex_matches_word_boundary_form(text):
    assert _spans(Q._PRON_RX, text) == _spans(_OLD_PRON_RX, text)
    assert Q._pronoun_scan(text) == [(m.start(), m.end(), m.group(1).lower()) for m in _OLD_PRON_RX.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 200), st.integers(0, 200))
def test_sentence_end_regex_matches_alternation_form(text, a, b):
    a, b = min(a, len(text)), min(b, len(text))
    m_new, m_old = Q._SE_RX.search(text, a, b), _OLD_SE_RX.search(text, a, b)
    assert (m_new and m_new.span()) == (m_old and m_old.span())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([" President ", " minister ", "Vladimir ", "Putin", ", the ", "Russian ",
                                 "leader", " said", ". ", "Ana Ruiz", " spokesman ", "\n"]), max_size=40).map("".join),
       st.integers(0, 400), st.integers(0, 400))
def test_lazy_role_introductions_are_a_prefix_of_the_full_index(text, before, before2):
    """Read in two steps (as quotes further on need more), each role class holds its part of the
    sorted full index's prefix, in the same order, and the positions of those intros."""
    full = sorted(list(Q._role_name_intros(text)) + list(Q._appositive_intros(text)))
    tracker = Q.Tracker(text, [])
    for b in (before, before2):
        tracker._read_intros(b)
        prefix = [x for x in full if x[0] < max(before, b)]
        by_class = tracker._intros_by_class
        assert set(by_class) == {L.ROLE_NOUNS.get(x[2]) for x in prefix}
        for cls, (positions, intros) in by_class.items():
            assert intros == [x for x in prefix if L.ROLE_NOUNS.get(x[2]) == cls]
            assert positions == [x[0] for x in intros]


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_pronoun_pre_check_never_skips_a_pronoun(text):
    if Q._PRON_RX.search(text):
        assert Q._may_hold_pronoun(text)


_NAMES = st.lists(st.sampled_from(["Mr. ", "Ana ", "Ruiz", " de ", "Sen. Ted Cruz", "He ", " said", ", ", ". ",
                                   "the ", "spokesman ", "Russian ", "President ", "Putin’s ", "I ", "\n"]),
                  max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, _NAMES))
def test_mentions_are_ordered_and_do_not_overlap(text):
    # mentions() skips the sort when it found names only: they must come in order, without overlap
    ms = Q.mentions(text, 0)
    assert [(m.s, -m.e) for m in ms] == sorted((m.s, -m.e) for m in ms)
    assert all(a.e <= b.s for a, b in zip(ms, ms[1:]))


_NAME_TEXT = st.lists(st.sampled_from([
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Capt", "Prof", "Rev", "Lt", ".", ". ", " ", "  ", "\t", "\u00a0", "\n", "Ana", "A",
    "ruiz", "Ruiz", "O’Neil", "al-", "AT&T", "U.S.", "_", "3", "é", "É", "Ølsen", "de", "del", "van", "of", "ibn", "x",
    "dela", "De", ",", "-", "’s", "'", "\u2009"]), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_NAME_TEXT, _NAMES, _TEXT))
def test_name_reader_matches_the_name_regex(text):
    # _name_scan is what the compiled module runs instead of _NAME_RX.finditer (the title group included)
    assert Q._name_scan(text) == [m.span() for m in Q._NAME_RX.finditer(text)]


def _plain_prev_word(text: str, s: int, limit: int) -> tuple[str, int]:
    j = s
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    stop = max(s - limit, 0)
    k = j
    while k > stop and (text[k - 1].isalnum() or text[k - 1] in ".'’&-"):
        k -= 1
    while text[k:j][:1] in ("'", "’", "-"):
        k += 1
    return text[k:j], k


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 200), st.integers(0, 30))
def test_prev_word_matches_the_character_loop(text, s, limit):
    s = min(s, len(text))
    assert F._prev_word(text, s, limit) == _plain_prev_word(text, s, limit)


_MONTH_PIECES = st.sampled_from(list(" \t\u00a0,./-xaéT") + [
    "June", "june", "JUNE", "Sept", "Sept.", "May", "the", "The", "thee", "Jan", "march", "Xmarch", "Octobers",
    " the ", "  ", ", ", "December", "Aug.", "ofJune", "the\t", "\u00a0the ", "5"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_MONTH_PIECES, min_size=1, max_size=14).map("".join), st.data())
def test_month_word_span_matches_the_month_before_regex(text, data):
    s = data.draw(st.integers(1, len(text)))
    lo = max(0, s - data.draw(st.sampled_from([26, 10, 5])))
    if text[s - 1] not in F._DATE_SEPS or any(text.find(w, lo, s) >= 0 for w in F._WEEKDAY_STARTS):
        return  # _month_word_span is used only after these checks
    m = F._MONTH_BEFORE_RX.search(text, lo, s)
    assert F._month_word_span(text, lo, s) == ((m.start("m"), m.end("m")) if m else (-1, -1))


_OLD_ABBR_RX = re.compile(r"(?:\A|[^A-Za-z.])([A-Za-z.]{1,6})\Z")


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_abbreviation_check_reads_the_word_the_old_regex_found(text):
    for dot in range(len(text) + 1):
        m = _OLD_ABBR_RX.search(text, max(0, dot - 8), dot)
        w = m.group(1).lower() if m else None
        expected = w is not None and (w in Q._ABBREV or (len(w) == 1 and w.isalpha()) or (len(w) <= 4 and "." in w))
        assert Q._abbrev_before(text, dot) == expected


_DIGIT_PIECES = st.sampled_from(list("0123456789,.:/-–x ") + ["12", "1,200", "3.5", "10:30", "2023-10-07", "7/10/2023"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_DIGIT_PIECES, min_size=1, max_size=12).map("".join))
def test_digit_token_reader_matches_the_ascii_digit_regex(text):
    for i, ch in enumerate(text):
        if "0" <= ch <= "9":
            assert F._digit_token_end(text, i) == F._ASCII_DIGIT_RX.match(text, i).end()


_TOK_PIECES = st.sampled_from(list(" \t\u00a0-/.%$€¢°²³µxAbé5") + ["km", "per", "bn", "m.", "US", " - ", "//"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_TOK_PIECES, max_size=10).map("".join))
def test_unit_token_reader_matches_the_token_regex(text):
    for pos in range(len(text) + 1):
        m = F._TOK_RX.match(text, pos)
        assert F._tok_read(text, pos) == (None if m is None else (m.group(1), m.group(2), m.start(2), m.end()))


_ROLE_TEXT = st.lists(st.sampled_from([
    "the", "The", "a", "an", "its", "his", "her", "their", "our", "one", "One", " ", " ", "\t", "\u00a0", "\u2009",
    "\n", "spokesman", "premier's", "head coach", "head", "minister", "ministers", "vice-president", "Russian",
    "U.S.", "former", ",", ".", "-", "'", "said", "x", "é", "_", "&", "tHe", "An", "ITS", "coach", "coaches", "premier",
    "’s", "Minister", "5"]), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_ROLE_TEXT)
def test_role_pre_check_never_skips_a_role_phrase(text):
    if Q._ROLE_RX.search(text):
        assert Q._may_hold_role(text)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_ROLE_TEXT, _NAMES, _TEXT))
def test_role_reader_matches_the_role_regex(text):
    # _role_scan is what the compiled module runs instead of _ROLE_RX.finditer (with no pre-check)
    expected = [(m.start(), m.end(), m.group(1), m.group(2)) for m in Q._ROLE_RX.finditer(text)]
    assert Q._role_scan(text) == expected


_HEAD_TEXT = st.lists(st.sampled_from(["A", "Bo", "x", "y z", " ", "  ", "\t", ".", "!", "?", "\n", "é", "É", "“",
                                       "a" * 30, "Long" + "o" * 50]), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(_HEAD_TEXT)
def test_sentence_heads_backwards_are_the_regex_heads_reversed(win):
    assert Q._sentence_heads_backwards(win) == list(reversed(_sentence_heads(win)))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(-5, 50), st.integers(0, 3)), max_size=30))
def test_integer_sort_keys_sort_as_the_key_functions(triples):
    cands = [F._C(s, s + d, "count", None, None, None, None, p) for s, d, p in triples]
    for fast, key in ((F._sort_longest_first, F._longest_first), (F._sort_by_start, _start)):
        a, b = list(cands), list(cands)
        fast(a)
        b.sort(key=key)
        assert [id(x) for x in a] == [id(x) for x in b]


_PUNCT_TEXT = st.lists(st.sampled_from(["(", "[", "“", "\"", "‘", "'", "—", "–", "/", "-", "one", "One", "five",
                                        "fifth", "May", "MAY", "dozen", "onex", "é", "_", "1", " ", "\n", "twenty",
                                        "ninety", "s"]), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_PUNCT_TEXT)
def test_word_hits_after_punctuation_are_the_regex_matches(text):
    expected = [(m.start(1), m.group(1)) for m in _WORD_RX_PUNCT.finditer(text)]
    assert F._punct_word_hits(text) == expected


_BLANK_TEXT = st.lists(st.sampled_from([" ", "\t", "\u00a0", "or", "more", "so", "old", "of", "age", "points",
                                        "point", "a", "A", "p", "P", ".", "m", "M", "the", "first", "twenty", "-",
                                        "May", "x", "5"]), max_size=12).map("".join)


@settings(max_examples=800, deadline=None)
@given(_BLANK_TEXT)
def test_regex_pre_checks_are_necessary_conditions(tail):
    text = "5" + tail
    k = F._blanks_end(text, 1)
    if F._OR_MORE_RX.match(text, 1):
        assert k > 1 and text.startswith("or", k)
    if F._OLD_RX.match(text, 1):
        assert k > 1 and text.startswith(("old", "of"), k)
    if F._OF_MONTH_RX.match(text, 1):
        assert k > 1 and text.startswith("of", k)
    if F._AGE_POINTS_RX.match(text, 1):
        assert text.startswith("age", k)
    if F._DAYWORD_RX.match(text, 1):
        assert k > 1 and text[k] in F._DAYWORD_FIRST
    if F._CLOCK_AMPM_RX.match(text, 1):
        assert F._ampm_letter_at(text, 1)
    if F._RANGE_JOIN_RX.match(tail):
        assert tail.rstrip(" \t\u00a0").endswith(F._RANGE_JOINERS)
    if F._AMPM_RX.match(text, 1):
        k = 2 if text[1] in F._AMPM_LEAD else 3
        assert text[k] in ".mM"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "M", "on", "T", "ue", "May", " ",
                                 ".", "x"]), max_size=15).map("".join), st.integers(-3, 40), st.integers(0, 40))
def test_weekday_start_check_is_a_find_per_name(text, lo, s):
    assert F._has_weekday_start(text, lo, s) == any(text.find(wd, max(lo, 0), s) >= 0 for wd in F._WEEKDAY_STARTS)



@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(-3, 12), st.integers(0, 3)), max_size=30))
def test_overlap_resolution_keeps_longest_first_without_overlap(triples):
    cands = [F._C(s, s + d, "count", None, None, None, None, p) for s, d, p in triples]
    expected = []  # the plain quadratic reading: longest (then higher priority, earlier) first
    for c in sorted(cands, key=F._longest_first):
        if c.e > c.s and all(c.e <= k.s or k.e <= c.s for k in expected):
            expected.append(c)
    expected.sort(key=_start)
    got = F._resolve("x" * 80, list(cands))  # no gap of x's joins two figures into a range
    assert [id(c) for c in got] == [id(c) for c in expected]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.integers(0, 10**6), st.integers(0, 10100)), st.sampled_from([2, 3, 4]))
def test_padding_table_matches_the_format_spec(v, width):
    assert F._pad(v, width) == f"{v:0{width}d}"
    y, mo, d = v % 3000 or None, v % 13 or None, v % 32 or None
    ys = f"{y:04d}" if y else "XXXX"
    assert F._iso(y, mo, d) == (ys if mo is None else f"{ys}-{mo:02d}" if d is None else f"{ys}-{mo:02d}-{d:02d}")


@settings(max_examples=500, deadline=None)
@given(st.one_of(_NAME_TEXT, _NAMES, _ROLE_TEXT))
def test_words_at_end_reader_matches_the_regex_search(head):
    m = Q._NAME_BEFORE_RX.search(head)
    assert Q._words_at_end_scan(head) == (m.group(1) if m else None)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, st.text(alphabet=" \t\n\u2009\u3000,.!?…—–-aZ“", max_size=12)))
def test_post_quote_lead_reader_matches_the_regex(post):
    assert Q._post_lead_end(post) == Q._POST_RX.match(post).end()


def test_suffix_skips_only_tokens_no_rule_takes():
    # _suffix leaves at once a token outside _SUFFIX_LOWS; with a set that holds every token (so every
    # rule is read), each result must be the same. As plain Python, where the set can be replaced.
    code = r'''
import os
from reader.core.detect import figures as F, lexicon as L
assert not F._COMPILED
class Everything:
    def __contains__(self, x):
        return True
words = set(F._SUFFIX_LOWS) | set(F._ADJ_CURRENCIES) | set(L.CURRENCY_SYMBOLS) | set(L.CURRENCY_CODES)
words |= {"people", "of", "US", "Australian", "km3", "M3", "hours-long", "percentagepoints", "mUSD", "old"}
texts = []
for w in sorted(words):
    for form in {w, w.upper(), w.capitalize()}:
        for pre in (" ", "", "-", " / "):
            for post in ("", ".", " dollars", " US dollars", "3", " old", ", and", " points"):
                texts.append("5" + pre + form + post)
fast = [F._suffix(t, 1, 5) for t in texts] + [F._suffix(t, 1, 5, allow_mag=False) for t in texts]
F._SUFFIX_LOWS = Everything()
slow = [F._suffix(t, 1, 5) for t in texts] + [F._suffix(t, 1, 5, allow_mag=False) for t in texts]
assert fast == slow, [(t, a, b) for t, a, b in zip(texts * 2, fast, slow) if a != b][:5]
assert sum(r is not None for r in fast) > len(texts) // 4  # the inputs reach the rules
'''
    import os
    import subprocess
    import sys
    env = {**os.environ, "READER_PURE_PYTHON": "1"}
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted({*L.ONES, *L.TENS, *L.SCALES, *L.VAGUE, *L.ORDINALS, "and", "a", "an",
                                        "dozen", "half", "quarter"})), max_size=5))
def test_a_word_sequence_led_by_a_scale_word_has_no_value(tail):
    # what lets _word_candidate return None at once for "million" in "5 million"
    for w in L.SCALES:
        assert F._parse_words([w, *tail]) == (None, 0, None)
        assert w not in L.MONTHS and w not in L.ORDINALS and w not in ("half", "quarter", "quarters", "thirds")
        assert F._word_candidate(f"{w} {' '.join(tail)}", 0, w) is None


_YEAR_PIECES = st.sampled_from([",", " ", "  ", "\t", "\u00a0", "of", "o", "f", "/", "-", "1", "6", "9", "5", "20",
                                "2", "0", "'", "٣", "_", "a", "é", ".", "x", "2023", "1999", "'98", " of ", "\n"])


_YEAR_LEADS = st.sampled_from(["", ",", " ", ", ", ",  ", " of ", "\tof\t", " \u00a0of ", "/", "-", "\t", "\u00a0", "x"])
_YEARS = st.sampled_from(["2023", "1999", "1600", "1500", "'98", "'9", "20", "201", "2٣23", "٣٣٣٣", "2100", ""])
_YEAR_TEXT = st.one_of(st.lists(_YEAR_PIECES, max_size=12).map("".join),
                       st.tuples(_YEAR_LEADS, _YEARS, st.sampled_from(["", "_", "a", "٣", ",5", ".5", ",", ".", " ", "5", "é",
                                                                        ":5", ",٣"]),
                                 st.lists(_YEAR_PIECES, max_size=2).map("".join)).map("".join))


@settings(max_examples=2000, deadline=None)
@given(_YEAR_TEXT, st.integers(-1, 5))
def test_year_reader_matches_the_year_after_regex(text, pos):
    m = F._YEAR_AFTER_RX.match(text, max(pos, 0))
    assert F._year_after(text, pos) == (None if m is None else (m.end(), m.group(1)))


def _number_strings() -> list[str]:
    import random
    r = random.Random(5)
    pieces = ["1", "0", "9", "12", "345", "999", ",", ".", "5", "٣", ",345", ",999", "999,999,999,999,999,999"]
    out = {"24,900", "1,234,567", "0,123", "12,34", "1,234,56", "1234,567", "1,2345", "999,999,999,999,999"}
    while len(out) < 3000:
        t = "".join(r.choice(pieces) for _ in range(r.randint(1, 8)))
        if t[0].isdecimal():
            out.add(t)
    return sorted(out)


def test_grouped_numbers_read_as_the_float_path_reads_them():
    # compiled, _num reads "24,900" with _grouped_int; as plain Python (no shortcut), with split and float
    texts = _number_strings()
    code = ("import json, sys\nfrom reader.core.detect import figures as F\nassert not F._COMPILED\n"
            "print(json.dumps([repr(F._num(t)) for t in json.loads(sys.stdin.read())]))")
    env = {**os.environ, "READER_PURE_PYTHON": "1"}
    out = subprocess.run([sys.executable, "-c", code], env=env, input=json.dumps(texts), capture_output=True,
                         text=True, check=True).stdout
    assert [repr(F._num(t)) for t in texts] == json.loads(out)
    assert sum(F._grouped_int(t) >= 0 for t in texts) > 50  # the shortcut is taken


_FWD_PIECES = st.sampled_from([".", ",", " ", "  ", "\t", "\u00a0", "the", "th", "st", "nd", "rd", "of", "/", "-", "–",
                               "1", "2", "5", "12", "31", "123", "2025", "1500", "1499", "'98", "٣", "²", ":", "x",
                               "_", "e", "t", "h", "o", "f", "\n"])
_FWD_TEXT = st.one_of(
    st.lists(_FWD_PIECES, max_size=10).map("".join),
    st.tuples(st.sampled_from(["", ".", ". ", ".\t", ",", " ", ", ", "/", "-", " the ", ". the\t", " of ", ",\u00a0"]),
              st.sampled_from(["5", "12", "123", "2025", "'98", "1500", "٣", "5th", "2nd", "12th", "5thx", "1st", "3rd"]),
              st.sampled_from(["", " ", "-", " – ", "-7", " - 12", "-123", ".5", ",5", ":5", "/5", "x", "_", "²", ".٣"]),
              st.lists(_FWD_PIECES, max_size=2).map("".join)).map("".join))


@settings(max_examples=2000, deadline=None)
@given(_FWD_TEXT, st.integers(-1, 3))
def test_month_forward_reader_matches_the_regex(text, e):
    m = F._MONTH_FWD_RX.match(text, max(e, 0))
    want = None if m is None else (m.end(), m.group(1), m.group(2), m.group(3), m.group(4))
    assert F._month_fwd(text, e) == want


_AFTER_TEXT = st.one_of(
    st.lists(_FWD_PIECES, max_size=10).map("".join),
    st.tuples(st.sampled_from(["", "st", "th", "nd", "rd", "sth", "th-", "th "]),
              st.sampled_from(["", " ", "  ", "\t", "\u00a0", "/", "-", " of ", " of", "\tof\t", " of  ", ".", ","]),
              st.sampled_from(["June", "jun", "Jun.", "Ju", "September", "Septembers", "Sept.", "of", "often", "xyz",
                               "JUNE", "Juneé", "June5", "June_", "May", ""]),
              st.lists(_FWD_PIECES, max_size=2).map("".join)).map("".join))


@settings(max_examples=2000, deadline=None)
@given(_AFTER_TEXT, st.integers(-1, 3))
def test_month_after_reader_matches_the_regex(text, pos):
    m = F._MONTH_AFTER_RX.match(text, max(pos, 0))
    assert F._month_after(text, pos) == (None if m is None else (m.end(), m.group(1), m.group(2)))


_HEDGE_PIECES = st.sampled_from(["about", "About", "ABOUT", "more than", "More Than", "approx.", "c.", "some",
                                 "estimated", "over", "under", "überabout", "x-about", "'about", "about2", "3",
                                 " ", "  ", "\t", "\u00a0", ".", ",", "nearly", "people", "a", "-", "’", "&", "é",
                                 "abouts", "aboutaboutabout", "least", "most"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_HEDGE_PIECES, max_size=6).map("".join), st.data())
def test_hedge_pre_check_never_skips_a_hedge_word(text, data):
    # what lets _hedge_before return at once: the word before s is not one that can end a hedge
    s = data.draw(st.integers(0, len(text)))
    if not F._may_end_hedge(text, s):
        w = F._prev_word(text, s, 14)[0].lower()
        assert w not in L.HEDGE_FIRST and w not in ("estimated", "approx.")
