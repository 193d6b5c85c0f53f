"""The quote detector's fast paths (quotes.py) give the same results as the forms they replace.

Run in both forms of the module: compiled (the character readers in C) and, with READER_PURE_PYTHON=1,
as Python. A cdef helper cannot be called from here; it is checked through the readers that use it."""

import re
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.core.detect import quotes as Q
from reader.core.detect.lexicon import COMMON, ROLE_NOUNS, TITLES

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


def _fields(ms):
    return [(m.s, m.e, m.kind, m.text, m.role, m.mods, m.person) for m in ms]


def _old_mentions(win, base):
    """mentions() as it was: one list, sorted with a key function, then the overlaps resolved."""
    out = []
    for x0, x1 in Q._names(win):
        parts = Q._name_parts(win[x0:x1])
        if parts is not None:
            s, e, name, role, mods, person = parts
            out.append(Q._mention(base + x0 + s, base + x0 + e, "name", name, role, mods, person))
    names = len(out)
    if Q._may_hold_pronoun(win):
        for a, e, p in Q._pronouns(win):
            out.append(Q._mention(base + a, base + e, "pron", p))
    for x0, x1, mod_words, role in Q._roles(win):
        mods = tuple([w.lower().strip(".,") for w in mod_words.split()])
        if not frozenset(("of", "and", "who", "that", "which", "said", "says")).isdisjoint(mods):
            continue
        out.append(Q._mention(base + x0, base + x1, "role", win[x0:x1], role.lower(), mods))
    if len(out) > names > 0 or (names == 0 and len(out) > 1):
        out.sort(key=Q._mention_order)
        res = []
        for x in out:
            if res and x.s < res[-1].e:
                if x.kind == "role" and x.e > res[-1].e:
                    res[-1] = x
                continue
            res.append(x)
        return res
    return out


_MENTION_PIECES = st.sampled_from(list(" \t\n,.'’-") + [
    "Vladimir Putin", "Mr. Ruiz", "President", "the", "The", "his", "its", "their", "a", "an", "he", "she", "They",
    "we", "I", "president", "leader", "Russian", "spokesman", "of", "and", "who", "said", "Ana", "de", "la",
    "Homeland Security", "ministry", "White House", "new", "head coach", "U.S.", "officials", "police"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_MENTION_PIECES, max_size=30).map(" ".join), st.integers(0, 1000))
def test_mentions_merge_matches_the_sorted_form(win, base):
    assert _fields(Q.mentions(win, base)) == _fields(_old_mentions(win, base))


def _runs(draw_list):
    """A list of (start, end) in order without overlaps, from (gap, length) pairs."""
    out, at = [], 0
    for gap, size in draw_list:
        at += gap
        out.append((at, at + size))
        at += size
    return out


_RUNS = st.lists(st.tuples(st.integers(0, 4), st.integers(1, 6)), max_size=8).map(_runs)


@settings(max_examples=500, deadline=None)
@given(_RUNS, _RUNS, _RUNS)
def test_mention_merge_matches_a_stable_sort_and_the_overlap_rule(names, prons, roles):
    # _in_order merges three lists in order: as sorting their concatenation (stable, by start and
    # longest first) and dropping a mention that starts inside the last kept one (a role phrase that
    # ends after it replaces it)
    lists = [[Q._mention(s, e, kind, f"{kind}{i}") for i, (s, e) in enumerate(runs)]
             for kind, runs in (("name", names), ("pron", prons), ("role", roles))]
    res = []
    for x in sorted(lists[0] + lists[1] + lists[2], key=Q._mention_order):
        if res and x.s < res[-1].e:
            if x.kind == "role" and x.e > res[-1].e:
                res[-1] = x
            continue
        res.append(x)
    assert _fields(Q._in_order(*lists)) == _fields(res)


@settings(max_examples=400, deadline=None)
@given(st.lists(_MENTION_PIECES, max_size=30).map(" ".join), st.integers(-1, 200))
def test_limited_readers_keep_the_matches_that_start_before_the_limit(win, limit):
    def before(matches):
        return [m for m in matches if limit < 0 or m[0] < limit]
    assert Q._pronoun_scan(win, limit) == before(Q._pronoun_scan(win))
    assert Q._role_scan(win, limit) == before(Q._role_scan(win))
    assert Q._pronouns(win, limit) == before(Q._pronouns(win))
    assert Q._roles(win, limit) == before(Q._roles(win))


def _old_head_subject(head, base):
    """The mention the old _head_person stopped at, from all the mentions of the head."""
    for x in _old_mentions(head, base):
        if x.kind == "name" and (x.person or x.text.split()[-1].lower() not in COMMON):
            return x
        if x.kind == "pron" and x.text in ("he", "she"):
            return x
        if x.kind == "role":
            return x
    return None


# Heads that open with names, titles, common words, pronouns and role phrases, overlapping each other
_HEAD_PIECES = st.sampled_from([
    "Vladimir Putin", "Putin", "Mr. Ruiz", "President", "Russian President Vladimir Putin", "The", "the", "his",
    "its", "a", "He", "he", "she", "They", "we", "I", "president", "leader", "Russian", "spokesman", "of", "who",
    "said", "But", "On Monday", "Ana de la Cruz", "Homeland Security", "White House", "ministry", "the new",
    "The Russian", "head coach", "police", "The Kremlin", "Officials", "He Jiankui", ",", ".", "’s", "\t",
    "Then Kremlin Police", "Foreign Ministry Officials", "Police’s"])


@settings(max_examples=600, deadline=None)
@given(st.lists(_HEAD_PIECES, min_size=1, max_size=16).map(" ".join), st.integers(0, 1000))
def test_head_subject_is_the_first_deciding_mention(head, base):
    # _head_subject reads names up to the first that decides, and pronouns and role phrases only
    # before its end, unless that cannot be told from them
    assert _fields([x for x in [Q._head_subject(head, base)] if x is not None]) == \
        _fields([x for x in [_old_head_subject(head, base)] if x is not None])


def _old_abbrev_before(text, dot):
    k = dot
    while k > 0 and dot - k < 7 and text[k - 1] in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.":
        k -= 1
    if not 1 <= dot - k <= 6:
        return False
    w = text[k:dot].lower()
    return w in Q._ABBREV or (len(w) == 1 and w.isalpha()) or (len(w) <= 4 and "." in w)


_ABBR_PIECES = st.sampled_from(list(" .aZé1-\n") + [
    "Mr", "mrs", "U.S", "u.n", "Jan", "Sept", "approx", "Approx", "said", "e.g", "x.y.z", "ab", "abcdefg", "Gov't",
    "..", "St", "no", "No", "i.e", "p.m", "Inc", "ft"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ABBR_PIECES, max_size=12).map("".join))
def test_abbreviation_reader_matches_the_set_lookup_form(text):
    # _abbrev_before reads the word back by characters and slices it only for the _ABBREV look-up
    for dot in range(len(text) + 1):
        assert Q._abbrev_before(text, dot) == _old_abbrev_before(text, dot), (text, dot)


# Leading phrases: capitalised words, numbers with commas, blanks, commas, and runs long enough to
# pass the regex's 60 characters
_LEADING_PIECES = st.sampled_from(list(" \t,\naZ9_é.") + [
    "On", "Putin", "In", "McDonald", "71", "2,000", "2,000,", "1,", "10x", "Monday", ", ", ",\t", ",,", "x" * 29,
    "y" * 30, "z" * 31, "who", "the"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_LEADING_PIECES, max_size=14).map("".join))
def test_leading_phrase_reader_matches_the_regex(pre):
    m = Q._LEADING_RX.match(pre)
    assert Q._leading_scan(pre) == (m.end() if m else -1)
    assert Q._leading_end(pre) == (m.end() if m else -1)


def test_leading_phrase_reader_at_the_regex_length_bound():
    for k in range(55, 66):
        for pre in ("On " + "x" * k + ", said", "2,000 " + "y" * k + ",\tX", "\tAt " + "z" * k + ",,  "):
            m = Q._LEADING_RX.match(pre)
            assert Q._leading_scan(pre) == (m.end() if m else -1), pre


_NAME_RUN_PIECES = st.sampled_from([
    "Vladimir", "Putin", "President", "Mr.", "Dr", "Russian", "Prime", "Minister", "The", "Said", "de", "la", "Of",
    "Ministry", "Putin’s", "Ruiz's", "Sen.", "U.S.", "Chief", "Executive", "A", "Brian", "Council", "Ali", "X", "Lawyer",
    "Adviser,", "Aide."])


@settings(max_examples=400, deadline=None)
@given(st.lists(_NAME_RUN_PIECES, min_size=1, max_size=6).map(" ".join))
def test_name_parts_memo_and_title_check(raw):
    # _name_parts' single look-up (a name may have no parts: None is memoised too), twice over
    assert Q._name_parts(raw) == Q._read_name_parts(raw)
    assert Q._name_parts(raw) == Q._read_name_parts(raw)
    words = raw.split()
    expected = all(w.lower().rstrip(".,") in TITLES or w.lower().rstrip(".,") in ROLE_NOUNS for w in words)
    assert Q._all_titles_or_roles(words) == expected


def _old_subject_before(ms, text, cue_at):
    before = [m for m in ms if m.e <= cue_at and Q._eligible(m, text)]
    if not before:
        return None
    cand = before[-1]
    gap = text[cand.e:cue_at]
    if not Q._short_gap(gap):
        return None
    if cand.kind == "role" and len(before) > 1 and text[before[-2].e:cand.s].strip() == "," and before[-2].kind == "name":
        return before[-2]
    k = text.rfind(",", max(0, cand.s - 120), cand.s)
    if k >= 0 and gap.strip() == ",":
        head = text[k + 1:cand.s].split()
        if head and head[0].lower() in ("who", "which", "whose", "a", "an", "the", "whom", "where", "executive"):
            earlier = [m for m in before if m.e <= k]
            if earlier:
                return earlier[-1]
    return cand


# Subjects, appositives and relative clauses before a cue verb
_SUBJECT_PIECES = st.sampled_from([
    "Brian Fallon", "Levine", "Ana Ruiz", ",", ", ", "a spokesman for", "the spokesman", "who backs", "Rubio",
    "which", "the", "of", "for", "Ryan’s", "Ryan's", "spokeswoman", "has", "repeatedly", "told", "said", "he",
    "she", "they", "the White House", "in", "a", "statement", "the president", "whose", "executive", "Tuesday"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_SUBJECT_PIECES, max_size=14).map(" ".join))
@example("a letter for Rubio, the spokesman said")  # an ineligible name right before the role phrase
@example("Levine, who backs Rubio, said")
@example("Brian Fallon, a spokesman for Ryan’s office, said")
def test_subject_before_reads_only_the_last_eligible_mentions(text):
    ms = Q.mentions(text, 0)
    for cue_at in range(len(text) + 1):
        new, old = Q._subject_before(ms, text, cue_at), _old_subject_before(ms, text, cue_at)
        assert new is old, (text, cue_at)


@settings(max_examples=300, deadline=None)
@given(st.lists(_HEAD_PIECES, min_size=1, max_size=10).map(" ".join))
def test_deciding_check_of_names_matches_the_plain_expression(win):
    # _decides memoises, per name, whether its last word is not a common word
    for x in Q.mentions(win, 0) * 2:
        if x.kind == "name":
            assert Q._decides(x) == bool(x.person or x.text.split()[-1].lower() not in COMMON)


def test_first_found_is_the_smaller_find_result():
    # _singles takes the nearer of the two closing marks with _first_found (a list and min() before)
    for a in range(-1, 6):
        for b in range(-1, 6):
            if a >= 0 or b >= 0:
                assert Q._first_found(a, b) == min(x for x in (a, b) if x >= 0)


@pytest.mark.parametrize("text, spans", [
    (" ‘xy “’ b” z", []),  # the closing mark is the first character of a double-quoted span
    (" ‘xy’ “a” ‘b’", [(2, 4), (11, 12)]),
    (" “‘ab’ c” d", []),  # a single mark inside the double-quoted span
    ("the workers’ union said ‘no’ today", [(25, 27)]),  # a plural possessive is no closing mark
    ("It's 'plain' rock 'n' roll", [(6, 11)]),
])
def test_single_quoted_spans(text, spans):
    doubles = [q for q in Q.find_quotes(text) if text[q.s - 1] not in "'’‘"]
    assert [(q.s, q.e) for q in Q._singles(text, doubles)] == spans
