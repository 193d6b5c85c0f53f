"""Quotes: spans between matching quotation marks, and who said them.

Pairing: double marks (``"`` ``“`` ``”`` ``„`` ``«`` ``»``) are classified as opening or closing
from the characters around them (a straight mark after a space opens, before a space closes), so
a stray or mis-typed mark does not shift every later pair. A quote never crosses a blank line and
is at most ``MAX_QUOTE`` characters; a paragraph that opens a quote and ends without closing it
(the multi-paragraph convention) gives a quote up to the end of its line when the next line opens
a new one. Single marks (``‘ ’`` and ``'``) quote only when the opening mark follows a space,
bracket or dash and is followed by a letter, and a closing mark is found within ``MAX_SINGLE``
characters on the same line; apostrophes (``Russia’s``, ``'90s``, ``rock 'n' roll``) are left
alone. Quotes nested in a double-quoted span belong to it. All scans are linear: each mark is
looked at once, and each search for a closing mark is bounded.

Speakers: around each quote, in order of preference,
1. an attribution after the quote in the same sentence (``," Putin said``, ``," said Putin``,
   ``," he told reporters``, ``," according to X``, ``”— Name``);
2. a finite speech verb before the quote with its subject (``Putin said: "…"``, ``X told Y, "…"``);
3. for fragments and participles (``calling it "…"``): the subject of the sentence;
4. ``according to X`` in the sentence; 5. the previous quote's speaker in the same or the previous
paragraph (a continued quote).
Pronouns (he/she) resolve to the most recent person who spoke or was the subject of a sentence;
role nouns (``the Russian leader``, ``the president``) resolve through a small entity tracker that
records, for each named person, the role words and modifiers seen with the name (``Russian President
Vladimir Putin`` -> roles {president}, modifiers {russian}); unresolved role phrases and bodies are
returned as named (``authorities``, ``Homeland Security memo``).
``speaker`` is the canonical (longest) name of the entity; ``speaker_start``/``speaker_end`` point
at the naming mention that was used.
"""

from __future__ import annotations

import bisect
import re

from .lexicon import (  # the lexicon's tables, bound once
    BODY_NOUNS, COMMON, CUE_VERBS, PARTICIPLE_CUES, ROLE_NOUNS, TITLES,
)
from .figures import _COMPILED, _hash_bits, _prefix_table, _trie  # both compiled, or neither (native.py)

try:
    import cython  # for the compiler directives below
except ImportError:  # plain Python without Cython installed
    from .figures import cython  # no-op stand-ins
if not cython.compiled:  # compiled, C macros (see figures.pxd)
    from .figures import _char, _chars, _next_space
from .figures import char_positions as _positions

MAX_QUOTE = 4000
MAX_SINGLE = 700
ROLE_LOOKBACK = 30000
"""A role phrase ("the president") resolves to a person introduced at most this many characters before
it: longer than nearly every news article, so within an article nothing changes, while in a long file
of many articles a role does not reach back into earlier articles and each look-up costs the same
however long the file is (it grew with the file, quadratic in all)."""

_DOUBLE_MARKS = "\"“”„«»"
# A straight or right single mark opens a quote after one of these, before a word character.
_SINGLE_OPEN_AFTER = " \n([“\"—–-"
_OPEN_BEFORE = " \t\n\u00a0([{—–-/:;,\u2009\u202f\u2014"
_ELISIONS = ("em", "n", "til", "cause", "tis", "twas", "bout", "round", "cos", "s ")


class Q:
    __slots__ = ("s", "e", "speaker", "sp_s", "sp_e", "cue", "partial")

    def __init__(self, s: int, e: int):
        self.s, self.e = s, e
        self.speaker = None
        self.sp_s = self.sp_e = None
        self.cue = None
        self.partial = False


def _q(s: int, e: int) -> Q:
    """A new ``Q``, set field by field (compiled, cheaper than a call of the class, which parses its
    arguments as Python does)."""
    q = Q.__new__(Q)
    q.s, q.e = s, e
    q.speaker = None
    q.sp_s = q.sp_e = None
    q.cue = None
    q.partial = False
    return q


def _kind(text: str, i: int, n: int) -> int:
    """+1 opening, -1 closing, 0 ambiguous, for a double mark at ``i``."""
    ch = text[i]
    p = text[i - 1] if i > 0 else "\n"
    q = text[i + 1] if i + 1 < n else "\n"
    p_open = p in _OPEN_BEFORE or p in "“‘\"'"
    q_space = q in " \t\n\u00a0" or q in ".,;:!?)]}—–…" or q in "\u2009\u202f"
    if ch in "“„«":
        if not p_open and q_space:
            return -1
        return 1
    if ch in "”»":
        if p_open and not q_space and p != "”":
            return 1 if ch == "”" and p in " \t\n(" else -1
        return -1
    # straight
    if p_open and not q_space:
        return 1
    if not p_open and q_space:
        return -1
    if p.isalnum() and q.isalnum():
        return 0
    return 0


def _single_openers(text: str) -> list[int]:
    """Offsets of single marks that may open a quote: every ‘, and ' or ’ after a space, newline,
    bracket, double mark or dash and before a word character."""
    n = len(text)
    out = []
    for o in _positions(text, "'’‘"):
        if text[o] == "‘" or (o > 0 and o + 1 < n and text[o - 1] in _SINGLE_OPEN_AFTER
                              and (text[o + 1].isalnum() or text[o + 1] == "_")):
            out.append(o)
    return out


def find_quotes(text: str) -> list[Q]:
    n = len(text)
    marks = [(i, _kind(text, i, n)) for i in _positions(text, _DOUBLE_MARKS)]
    out: list[Q] = []
    open_at = -1
    depth = 0
    i = 0
    while i < len(marks):
        pos, k = marks[i]
        if open_at < 0:
            if k >= 0:
                open_at, depth = pos, 0
            i += 1
            continue
        seg_nl = text.find("\n", open_at, pos)
        if pos - open_at > MAX_QUOTE or (seg_nl >= 0 and text.find("\n\n", open_at, pos) >= 0):
            _unclosed(text, open_at, out, pos)
            open_at = -1
            continue  # re-process this mark
        if k == 1 and text[pos] in "“„«\"":
            if seg_nl >= 0:
                # previous quote ran to the end of its paragraph without closing
                _unclosed(text, open_at, out, pos)
                open_at, depth = pos, 0
                i += 1
                continue
            if text[open_at] != text[pos] or text[pos] != '"':
                depth += 1
                i += 1
                continue
        if k <= 0 or (k == 1 and text[pos] == "”"):
            if depth > 0 and k == -1:
                depth -= 1
                i += 1
                continue
            if k == 0 and depth > 0:
                depth -= 1
                i += 1
                continue
            if pos > open_at + 1:
                out.append(_q(open_at + 1, pos))
            open_at = -1
            i += 1
            continue
        i += 1
    if open_at >= 0:
        _unclosed(text, open_at, out, n)
    # single quotes outside double-quoted spans
    singles = _singles(text, out)
    if singles:
        out.extend(singles)
        out.sort(key=_start_of)
    return out


def _unclosed(text: str, open_at: int, out: list, nxt: int) -> None:
    """An opening mark with no closing one: a multi-paragraph quote ends at its line end when the
    next paragraph opens a quote; anything else is dropped."""
    le = text.find("\n", open_at, min(nxt, open_at + MAX_QUOTE))
    if le < 0:
        return
    j = le
    while j < len(text) and text[j] in "\n \t":
        j += 1
    if j < len(text) and text[j] in "“\"«„" and j <= nxt:
        e = le
        while e > open_at + 1 and text[e - 1] in " \t":
            e -= 1
        if e > open_at + 1:
            out.append(_q(open_at + 1, e))


def _start_of(q: Q) -> int:
    return q.s


def _is_elision(low: str) -> bool:
    """Does ``low`` (lower-cased text after a single mark) start with an elided word ('em, 'n', 'til)?"""
    for el in _ELISIONS:
        if low.startswith(el) and (len(low) <= len(el) or not low[len(el)].isalpha()):
            return True
    return False


def _first_found(j1: int, j2: int) -> int:
    """The smaller of two ``str.find`` results that are not -1 (at least one is not)."""
    return j1 if j2 < 0 or 0 <= j1 < j2 else j2


def _singles(text: str, doubles: list[Q]) -> list[Q]:
    n = len(text)
    res: list[Q] = []
    di = 0
    last_end = -1
    nd = len(doubles)
    for o in _single_openers(text):
        if o < last_end:
            continue
        while di < nd:
            dq = doubles[di]  # (compiled: a typed local, whose fields are read in C)
            if dq.e >= o:
                break
            di += 1
        if di < nd:
            dq = doubles[di]
            if dq.s <= o < dq.e:
                continue
        if o + 1 >= n:
            continue
        # apostrophe forms: '90s, 'em, 'n'
        rest = text[o + 1:o + 6]
        if rest[:2].isdigit() and (rest[2:3] in ("s", " ", ",", ".") or not rest[2:3].isalnum()):
            continue
        low = rest.lower()
        if _is_elision(low):
            continue
        # find a closing mark on the same line
        lim = min(n, o + MAX_SINGLE)
        le = text.find("\n", o, lim)
        if le >= 0:
            lim = le
        j = o + 1
        close = -1
        fallback = -1
        while True:
            j1 = text.find("’", j, lim)
            j2 = text.find("'", j, lim)
            if j1 < 0 and j2 < 0:
                break
            c = _first_found(j1, j2)
            j = c + 1
            pch = text[c - 1]
            nch = text[c + 1] if c + 1 < n else "\n"
            if pch in " \t\n(":
                break  # another opening mark: this one is not closed
            if nch.isalnum():
                continue  # apostrophe inside a word
            if c - o < 2:
                continue
            if pch in "sS" and nch == " " and c + 2 < n and text[c + 2].islower():
                if fallback < 0:
                    fallback = c
                continue  # plural possessive ("the workers’ union")
            close = c
            break
        if close < 0:
            close = fallback
        if close < 0:
            continue
        if di < nd:
            dq = doubles[di]
            if dq.s <= close:
                continue  # a double-quoted span opens inside: quote spans must not overlap
        q = _q(o + 1, close)
        res.append(q)
        last_end = close + 1
    return res


# ----------------------------------------------------------------------------------- speakers

_ABBREV = {"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "u.s", "u.n", "u.k", "no", "jr", "sr", "inc",
           "co", "corp", "ltd", "vs", "lt", "col", "capt", "sgt", "prof", "rev", "ft", "mt", "jan", "feb", "mar",
           "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "p.a", "d.c", "a.m", "p.m",
           "approx", "est", "fig", "op", "al", "gov't", "govt"}
_TITLE_ABBREVS = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "Rev")
# A run of capitalised words, after an optional title ("Mr. Ana Ruiz", "Sen. Ted Cruz"). Every match
# starts with a capital, so the pattern is led by [A-Z] (re skips lower-case text fast); a title is
# recognised after its first letter with a look-behind: (?<=M)rs is "Mrs".
_NAME_RX = re.compile(
    r"[A-Z](?:(?:" + "|".join(f"(?<={t[0]}){t[1:]}" for t in _TITLE_ABBREVS) + r")\.?[ \t\u00a0]+[A-Z])?"
    r"[\w'’.&-]*(?:[ \t\u00a0]+(?:(?:de|da|del|der|van|von|bin|al|el|la|le|di|du|ibn|abu|of)[ \t\u00a0]+)?[A-Z][\w'’.&-]*)*")
# \b(he|she|they|He|She|They|we|We|I)\b, with the leading \b moved after the first letter (as a
# look-behind) so that every alternative starts with a literal and re skips to those letters.
_PRON_RX = re.compile("(" + "|".join(w[0] + r"(?<!\w.)" + w[1:]
                                     for w in ("he", "she", "they", "He", "She", "They", "we", "We", "I")) + r")\b")
_ROLE_WORDS = sorted(set(ROLE_NOUNS) | BODY_NOUNS, key=len, reverse=True)
# "the Russian leader", "its spokesman": a determiner, up to four words, a role noun. Led by the
# determiners' first letters; (?<!\w.) is the word boundary before the determiner.
_ROLE_RX = re.compile(
    r"[TtAaIiHhOo](?<!\w.)(?:(?<=[Tt])he|(?<=[Aa])n?|(?<=[Ii])ts|(?<=[Hh])is|(?<=[Hh])er|(?<=[Tt])heir|(?<=[Oo])ur"
    r"|(?<=[Oo])ne)[ \t\u00a0]+((?:[\w.’'&-]+[ \t\u00a0]+){0,4}?)(" + _trie(_ROLE_WORDS) + r")\b")
_CUE_RX = re.compile(r"\b(" + _trie(sorted(CUE_VERBS | {w.capitalize() for w in CUE_VERBS}))
                     + r"|[Aa]ccording[ \t]+to|put[ \t]+it|went[ \t]+on)\b")
_HSPACE = " \t\u00a0"
_CUE_WORDS = frozenset(CUE_VERBS | {w.capitalize() for w in CUE_VERBS})
# The two-word alternatives of _CUE_RX whose first word is not a cue verb by itself ("put it" is
# never matched as such: "put" is a cue verb, the earlier alternative).
_CUE_PAIRS = {"according": "to", "According": "to", "went": "on"}
_CUE_LONGEST = max(len(w) for w in _CUE_WORDS | set(_CUE_PAIRS))
_CUE_HASH_BITS = _hash_bits(_CUE_WORDS | set(_CUE_PAIRS))


def _cues(s: str, endpos: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of the matches of ``_CUE_RX.finditer(s, 0, endpos)``."""
    if _COMPILED:
        return _cue_words(s, endpos)
    return [(m.start(), m.end(), m.group(1)) for m in _CUE_RX.finditer(s, 0, endpos)]


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _cue_words(s: str, endpos: int) -> list[tuple[int, int, str]]:
    """``_cues`` for the compiled module, which reads the words instead of running the regex (as
    Python this is slower than the regex): the cue verbs are letters only, so a match is a whole run
    of ``\\w`` characters that is a cue verb, or "according to" / "went on" (two whole runs, spaces or
    tabs between); as for the regex, the text ends at ``endpos``."""
    cs = _chars(s)  # compiled: the string's kind and data, read once (figures.pxd)
    out: list[tuple[int, int, str]] = []
    n = min(len(s), endpos)
    cue_bits = _CUE_HASH_BITS  # runs whose hash bit is clear are not cue words
    x = 0
    while x < n:
        ch = _char(cs, x)
        if not _is_word(ch):
            x += 1
            continue
        r = x + 1  # a run of \w characters starts at x (the run before it, if any, was skipped whole)
        h = ord(ch)  # figures._word_hash of the run
        while r < n:
            ch = _char(cs, r)
            if not _is_word(ch):
                break
            h = (h * 31 + ord(ch)) & 0xFFFF
            r += 1
        if r - x <= _CUE_LONGEST and cue_bits[h >> 3] & (1 << (h & 7)):
            w = s[x:r]
            if w in _CUE_WORDS:
                out.append((x, r, w))
            elif w in _CUE_PAIRS:
                k = r
                while k < n and (_char(cs, k) == " " or _char(cs, k) == "\t"):
                    k += 1
                second = _CUE_PAIRS[w]
                end = k + len(second)
                if (k > r and s.startswith(second, k) and end <= n
                        and (end == n or not _is_word(_char(cs, end)))):
                    out.append((x, end, s[x:end]))
                    r = end
        x = r
    return out


def _is_word(ch: str) -> bool:
    """``re``'s \\w for one character. An ASCII character is compared (compiled, ``isalnum`` is up to
    four table look-up calls, all of them for a space or a punctuation mark)."""
    if ch < "\x80":
        return "a" <= ch <= "z" or "A" <= ch <= "Z" or "0" <= ch <= "9" or ch == "_"
    return ch.isalnum()


def _is_name_char(ch: str) -> bool:
    """[\\w.’'-] for one character (an ASCII character compared, as in ``_is_word``)."""
    if ch < "\x80":
        return "a" <= ch <= "z" or "A" <= ch <= "Z" or "0" <= ch <= "9" or ch == "_" or ch == "." or ch == "'" \
            or ch == "-"
    return ch == "’" or ch.isalnum()



class Mention:
    __slots__ = ("s", "e", "kind", "text", "role", "mods", "person")

    def __init__(self, s, e, kind, text="", role=None, mods=(), person=False):
        self.s, self.e, self.kind, self.text, self.role, self.mods, self.person = s, e, kind, text, role, mods, person


def _mention(s: int, e: int, kind: str, text: str = "", role=None, mods=(), person=False) -> Mention:
    """A new ``Mention``, set field by field (compiled, cheaper than a call of the class)."""
    x = Mention.__new__(Mention)
    x.s, x.e, x.kind, x.text, x.role, x.mods, x.person = s, e, kind, text, role, mods, person
    return x


_NAME_PARTS: dict[str, tuple | None] = {}  # _name_parts' memo (a plain dict: lru_cache is a Python call)


def _name_parts(raw: str) -> tuple | None:
    """(start, end, name, role, modifiers, is-a-person) of the name in a capitalised run ``raw``
    (offsets into ``raw``); memoised, as the same names recur through a text."""
    parts = _NAME_PARTS.get(raw, False)  # (one look-up: a name may have no parts, None)
    if parts is not False:
        return parts
    if len(_NAME_PARTS) >= 8192:
        _NAME_PARTS.clear()
    parts = _NAME_PARTS[raw] = _read_name_parts(raw)
    return parts


def _read_name_parts(raw: str) -> tuple | None:
    """``_name_parts`` without the memo."""
    words = raw.split()
    if len(words) == 1:
        w = words[0].rstrip(".,’'")
        lw = w.lower()
        if lw in COMMON or lw in CUE_VERBS or len(w) < 2:
            return None
        if w.endswith(("’s", "'s")):
            w = w[:-2]
        return 0, len(w), w, None, (), False
    pos = []
    k = 0
    for t in words:
        k = raw.find(t, k)
        pos.append(k)
        k += len(t)
    i = 0
    while i < len(words) and words[i].lower().strip(".,’'") in COMMON and words[i].lower().strip(".") not in TITLES:
        i += 1
    j = i
    while j < len(words):
        lw = words[j].lower().rstrip(".,")
        if j > i and (lw in CUE_VERBS or (lw in COMMON and lw not in ("of", "al", "de", "la", "le", "van", "von", "bin"))):
            break
        j += 1
    words, pos = words[i:j], pos[i:j]
    while words and words[-1] in ("of", "de", "van", "von", "bin", "al", "la", "le", "el", "da", "di", "du"):
        words, pos = words[:-1], pos[:-1]
    if not words:
        return None
    roles, mods = [], []
    h = 0
    if _all_titles_or_roles(words):
        return None
    lastw = words[-1].lower().rstrip(".,’'s")
    if lastw in BODY_NOUNS or lastw in ("ministry", "office", "council", "agency", "court", "service", "bureau", "department"):
        h = len(words)  # a body: keep its whole name
        name = " ".join(words).rstrip(".,’'")
        return pos[0], pos[0] + len(name), name, None, (), False
    while h < len(words) - 1:
        lw = words[h].lower().rstrip(".")
        if lw in TITLES or lw in ROLE_NOUNS:
            (roles if lw in ROLE_NOUNS else mods).append(lw)
        elif words[h].endswith(("an", "ian", "ese", "ish", "i")) and lw not in ("san", "juan", "ivan", "stefan", "brian", "ali"):
            mods.append(lw)
        else:
            break
        h += 1
    core, cpos = words[h:], pos[h:]
    name = " ".join(core).rstrip(".,’'")
    if name.endswith(("’s", "'s")) and " " not in name:
        name = name[:-2]
    if len(name) < 2:
        return None
    low_last = core[-1].lower().rstrip(".,")
    person = (len(core) >= 2 and low_last not in BODY_NOUNS and low_last not in ("office", "ministry", "council"))\
        or bool(roles) or words[0].rstrip(".").lower() in ("mr", "mrs", "ms", "dr")
    return cpos[0], cpos[0] + len(name), name, roles[-1] if roles else None, tuple(mods), person


def _all_titles_or_roles(words: list[str]) -> bool:
    """Is each of ``words`` a title or a role noun (but for a final "." or ",")? (A function, not
    ``all()`` of a generator: compiled, ``_read_name_parts`` may then hold no closure.)"""
    for w in words:
        lw = w.lower().rstrip(".,")
        if not (lw in TITLES or lw in ROLE_NOUNS):
            return False
    return True


def _names(win: str) -> list[tuple[int, int]]:
    """(start, end) of the matches of ``_NAME_RX.finditer(win)``."""
    if _COMPILED:
        return _name_scan(win)
    return [m.span() for m in _NAME_RX.finditer(win)]


_NAME_PARTICLES = frozenset(("de", "da", "del", "der", "van", "von", "bin", "al", "el", "la", "le", "di", "du", "ibn",
                             "abu", "of"))  # _NAME_RX's particles


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _name_scan(win: str) -> list[tuple[int, int]]:
    """``_names`` for the compiled module, reading characters (``re`` tests its leading class at
    every character of the window). A match starts at any capital A-Z not inside the previous
    match, then takes name characters ([\\w'’.&-]); then, while they follow, blanks ([ \\t\\u00a0]),
    optionally a particle and blanks, and a capital with its name characters. The optional title
    group of the regex ("Mr. ", "Sen. " before a capital) never changes where a match ends: without
    it, the name characters and the next blanks-and-capital take the same text."""
    cs = _chars(win)  # compiled: the string's kind and data, read once (figures.pxd)
    out = []
    n = len(win)
    i = 0
    while i < n:
        ch = _char(cs, i)
        if not ("A" <= ch <= "Z"):
            i += 1
            continue
        start = i
        j = _name_chars_end(win, i + 1)
        while j < n:
            k = j
            while k < n and _is_blank(_char(cs, k)):
                k += 1
            if k == j or k == n:
                break
            if "A" <= _char(cs, k) <= "Z":
                j = _name_chars_end(win, k + 1)
                continue
            r = k
            while r < n and "a" <= _char(cs, r) <= "z":
                r += 1
            if r == k or r == n or not _is_blank(_char(cs, r)) \
                    or win[k:r] not in _NAME_PARTICLES:
                break
            while r < n and _is_blank(_char(cs, r)):
                r += 1
            if r == n or not ("A" <= _char(cs, r) <= "Z"):
                break
            j = _name_chars_end(win, r + 1)
        out.append((start, j))
        i = j
    return out


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _name_chars_end(win: str, i: int) -> int:
    """The end of the run of [\\w'’.&-] characters from ``i``."""
    cs = _chars(win)  # compiled: the string's kind and data, read once (figures.pxd)
    n = len(win)
    while i < n:
        ch = _char(cs, i)
        if ("a" <= ch <= "z" or "A" <= ch <= "Z" or "0" <= ch <= "9" or ch == "_" or ch == "'" or ch == "."
                or ch == "-" or ch == "&" or ch == "’" or (ch >= "\x80" and ch.isalnum())):
            i += 1
        else:
            break
    return i


def _may_hold_pronoun(win: str) -> bool:
    """False when ``_PRON_RX`` cannot match in ``win``: every pronoun it finds (he, she, they, we, I,
    in either case) contains one of these strings."""
    return "he" in win or "He" in win or "we" in win or "We" in win or "I" in win


# The first run of word characters of each role word ("premier" of "premier's", "head" of "head coach").
_ROLE_FIRST_RUNS = frozenset(re.match(r"\w*", w).group() for w in _ROLE_WORDS)


def _may_hold_role(win: str) -> bool:
    """False when ``_ROLE_RX`` cannot match in ``win``. Its role word comes after a space, tab or
    no-break space, so it starts a whitespace-separated token, and is followed by ``\b``: the token's
    first run of word characters is then the role word's first run. (Python only: compiled,
    ``_role_scan`` reads the window once instead.)"""
    for tok in win.split():
        if tok in _ROLE_FIRST_RUNS:
            return True
        k = 0
        n = len(tok)
        while k < n and (tok[k].isalnum() or tok[k] == "_"):
            k += 1
        if k < n and tok[:k] in _ROLE_FIRST_RUNS:
            return True
    return False


def _roles(win: str, limit: int = -1) -> list[tuple[int, int, str, str]]:
    """(start, end, group 1, group 2) of the matches of ``_ROLE_RX.finditer(win)``: a role phrase, its
    modifiers (with their blanks) and its role word; only those that start before ``limit`` when it is
    not negative."""
    if _COMPILED:
        return _role_scan(win, limit)
    if not _may_hold_role(win):
        return []
    return [(m.start(), m.end(), m.group(1), m.group(2)) for m in _ROLE_RX.finditer(win)
            if limit < 0 or m.start() < limit]


_ROLE_SET = frozenset(_ROLE_WORDS)


def _role_words_by_letters(words: list[str]) -> dict[str, list[str]]:
    """The role words with a character other than a-z ("head coach"), by their leading a-z letters,
    longest first."""
    out: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        k = 0
        while k < len(w) and "a" <= w[k] <= "z":
            k += 1
        if k < len(w):
            out.setdefault(w[:k], []).append(w)
    return out


_ROLE_LONGER = _role_words_by_letters(_ROLE_WORDS)
# _role_scan slices a run of a-z letters for the look-ups in _ROLE_LONGER and _ROLE_SET only when its
# hash bit is set here (most modifiers are not role words)
_ROLE_HASH_BITS = _hash_bits(_ROLE_SET | set(_ROLE_LONGER))


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _determiner_end(win: str, p: int) -> int:
    """The end of the determiner of ``_ROLE_RX`` at ``p`` when one is there and a blank follows it
    ("the", "their", "a", "an", "its", "his", "her", "our", "one"; the first letter in either case),
    else -1."""
    cs = _chars(win)  # compiled: the string's kind and data, read once (figures.pxd)
    n = len(win)
    if p + 1 >= n:
        return -1
    c = _char(cs, p)
    a = _char(cs, p + 1)
    b = _char(cs, p + 2) if p + 2 < n else "\x00"
    if c == "t" or c == "T":
        if a == "h" and b == "e":
            if p + 3 < n and _is_blank(_char(cs, p + 3)):
                return p + 3
            if (p + 5 < n and _char(cs, p + 3) == "i" and _char(cs, p + 4) == "r"
                    and _is_blank(_char(cs, p + 5))):
                return p + 5
        return -1
    if c == "a" or c == "A":
        if a == "n" and _is_blank(b):
            return p + 2
        return p + 1 if _is_blank(a) else -1
    if c == "i" or c == "I":
        return p + 3 if a == "t" and b == "s" and p + 3 < n and _is_blank(_char(cs, p + 3)) else -1
    if c == "h" or c == "H":
        ok = (a == "i" and b == "s") or (a == "e" and b == "r")
        return p + 3 if ok and p + 3 < n and _is_blank(_char(cs, p + 3)) else -1
    if c == "o" or c == "O":
        ok = (a == "u" and b == "r") or (a == "n" and b == "e")
        return p + 3 if ok and p + 3 < n and _is_blank(_char(cs, p + 3)) else -1
    return -1


def _is_blank(ch: str) -> bool:
    """[ \\t\\u00a0] for one character."""
    return ch == " " or ch == "\t" or ch == "\u00a0"


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _role_scan(win: str, limit: int = -1) -> list[tuple[int, int, str, str]]:
    """``_roles`` for the compiled module, reading characters (the regex tries its determiners at
    every t, a, i, h and o). A match starts at a determiner that follows no word character and is
    followed by blanks ([ \\t\\u00a0]+); the fewest modifiers (0 to 4 runs of [\\w.’'&-], each followed
    by blanks) come before a role word. The role word is the longest that the text starts with and
    that is followed by a word boundary: a role word of letters a-z must be the whole run of a-z
    letters there (a shorter one is followed by a letter), or one of the longer words ("head
    coach"). With ``limit`` not negative, only the matches that start before it (a match may end after
    it), read without going further."""
    cs = _chars(win)  # compiled: the string's kind and data, read once (figures.pxd)
    role_bits = _ROLE_HASH_BITS  # runs whose hash bit is clear are neither role words nor their lead
    out = []
    n = len(win)
    stop = n if limit < 0 or limit > n else limit  # the first start not tried
    p = 0
    while p < stop:
        ch = _char(cs, p)
        if not (ch == "t" or ch == "a" or ch == "i" or ch == "h" or ch == "o" or ch == "T" or ch == "A" or ch == "I"
                or ch == "H" or ch == "O"):
            p += 1
            continue
        if p > 0 and _is_word(_char(cs, p - 1)):
            p += 1
            continue
        q = _determiner_end(win, p)
        if q < 0:
            p += 1
            continue
        while q < n and _is_blank(_char(cs, q)):
            q += 1
        mods_at = q
        found = None
        for count in range(5):
            # a role word at q? (only when the hash of the run of a-z letters is one of theirs)
            r = q
            h = 0  # figures._word_hash of the run
            while r < n:
                ch = _char(cs, r)
                if not ("a" <= ch <= "z"):
                    break
                h = (h * 31 + ord(ch)) & 0xFFFF
                r += 1
            if r > q and role_bits[h >> 3] & (1 << (h & 7)):
                run = win[q:r]
                for w in _ROLE_LONGER.get(run, ()):
                    e = q + len(w)
                    if win.startswith(w, q) and (e == n or not _is_word(_char(cs, e))):
                        found = (p, e, win[mods_at:q], w)
                        break
                if found is None and run in _ROLE_SET and (r == n or not _is_word(_char(cs, r))):
                    found = (p, r, win[mods_at:q], run)
                if found is not None:
                    break
            if count == 4:
                break
            # else a modifier: a run of [\\w.’'&-] (the characters of a name), then blanks
            r = _name_chars_end(win, q)
            if r == q or r == n or not _is_blank(_char(cs, r)):
                break
            q = r
            while q < n and _is_blank(_char(cs, q)):
                q += 1
        if found is None:
            p += 1
            continue
        out.append(found)
        p = found[1]
    return out


# Words that end a role phrase's modifiers ("the head of the ministry"): such a phrase is not a role.
_NOT_ROLE_MODIFIERS = frozenset(("of", "and", "who", "that", "which", "said", "says"))


_PRONOUNS = frozenset(("he", "she", "they", "He", "She", "They", "we", "We", "I"))


def _pronouns(win: str, limit: int = -1) -> list[tuple[int, int, str]]:
    """(start, end, lower-case text) of the matches of ``_PRON_RX`` in ``win``; only those that start
    before ``limit`` when it is not negative."""
    if _COMPILED:
        return _pronoun_scan(win, limit)  # (one pass: no pre-check)
    if not _may_hold_pronoun(win):
        return []
    return [(m.start(), m.end(), m.group(1).lower()) for m in _PRON_RX.finditer(win) if limit < 0 or m.start() < limit]


def _pronoun_scan(win: str, limit: int = -1) -> list[tuple[int, int, str]]:
    """``_pronouns`` for the compiled module, reading characters (as Python, slower than the regex):
    a match is a whole run of word characters that is one of the pronouns (``\b`` on both sides).
    With ``limit`` not negative, the reading stops at the first other character from ``limit`` on."""
    cs = _chars(win)  # compiled: the string's kind and data, read once (figures.pxd)
    out = []
    if limit < 0:
        limit = len(win)
    run = -1  # start of the current run of word characters, else -1
    i = 0
    for ch in win:
        if "a" <= ch <= "z" or "A" <= ch <= "Z" or "0" <= ch <= "9" or ch == "_" or (ch >= "\x80" and ch.isalnum()):
            if run < 0:
                run = i
        else:
            if run >= 0:
                if i - run <= 4 and run < limit and _is_pronoun(cs, run, i - run):
                    out.append((run, i, win[run:i].lower()))
                run = -1
            if i >= limit:
                return out
        i += 1
    if run >= 0 and i - run <= 4 and run < limit and _is_pronoun(cs, run, i - run):
        out.append((run, i, win[run:i].lower()))
    return out


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _is_pronoun(cs: str, a: int, k: int) -> bool:
    """``cs[a:a + k] in _PRONOUNS`` (he, she, they, we in either case, I), by its characters: no slice
    of every short word ("the", "to", "a") for a set look-up."""
    c = _char(cs, a)
    if k == 1:
        return c == "I"
    if k == 2:
        return (c == "h" or c == "H" or c == "w" or c == "W") and _char(cs, a + 1) == "e"
    if k == 3:
        return (c == "s" or c == "S") and _char(cs, a + 1) == "h" and _char(cs, a + 2) == "e"
    if k == 4:
        return ((c == "t" or c == "T") and _char(cs, a + 1) == "h" and _char(cs, a + 2) == "e"
                and _char(cs, a + 3) == "y")
    return False


def _mention_order(x: Mention) -> tuple[int, int]:
    return x.s, -x.e


def mentions(win: str, base: int) -> list[Mention]:
    """Names, pronouns and role phrases in a small window."""
    out: list[Mention] = []
    for x0, x1 in _names(win):
        parts = _name_parts(win[x0:x1])
        if parts is not None:
            s, e, name, role, mods, person = parts
            a = base + x0
            out.append(_mention(a + s, a + e, "name", name, role, mods, person))
    prons = _pron_mentions(win, base, -1)
    roles = _role_mentions(win, base, -1)
    # names alone come in order and do not overlap (each lies in its own match)
    if prons or roles:
        return _in_order(out, prons, roles)
    return out


def _pron_mentions(win: str, base: int, limit: int) -> list[Mention]:
    """The pronoun mentions of ``mentions(win, base)`` (before it resolves overlaps); only those that
    start before ``limit`` (an offset into ``win``) when it is not negative."""
    out: list[Mention] = []
    for a, e, p in _pronouns(win, limit):
        out.append(_mention(base + a, base + e, "pron", p))
    return out


def _role_mentions(win: str, base: int, limit: int) -> list[Mention]:
    """The role-phrase mentions of ``mentions(win, base)`` (before it resolves overlaps): not those
    whose modifiers hold a word of ``_NOT_ROLE_MODIFIERS``; only those that start before ``limit`` (an
    offset into ``win``) when it is not negative."""
    out: list[Mention] = []
    for x0, x1, mod_words, role in _roles(win, limit):
        if mod_words:
            mods = tuple([w.lower().strip(".,") for w in mod_words.split()])
            if _has_any(mods, _NOT_ROLE_MODIFIERS):
                continue
        else:
            mods = ()
        out.append(_mention(base + x0, base + x1, "role", win[x0:x1], role.lower(), mods))
    return out


def _has_any(words: tuple, among: frozenset) -> bool:
    """``not among.isdisjoint(words)`` (compiled, a loop of set look-ups instead of a method call)."""
    for w in words:
        if w in among:
            return True
    return False


def _in_order(names: list[Mention], prons: list[Mention], roles: list[Mention]) -> list[Mention]:
    """The mentions of the three lists in the order of ``sorted(names + prons + roles,
    key=_mention_order)`` (a stable sort: on a tie, the earlier list first), each dropped when it starts
    inside the mention kept before it, unless it is a role phrase that ends after that one, which it
    then replaces. Each list is in order without overlaps, so this merges them: no sort with a key
    function (a Python call and a tuple per mention)."""
    res: list[Mention] = []
    last = None  # the mention kept last
    i = j = k = 0
    ni, nj, nk = len(names), len(prons), len(roles)
    while i < ni or j < nj or k < nk:
        # the next mention: the least (s, -e); on a tie a name, then a pronoun, then a role phrase
        src = 0
        x = None
        if i < ni:
            x = names[i]
            src = 1
        if j < nj:
            y = prons[j]
            if src == 0 or y.s < x.s or (y.s == x.s and y.e > x.e):
                x = y
                src = 2
        if k < nk:
            y = roles[k]
            if src == 0 or y.s < x.s or (y.s == x.s and y.e > x.e):
                x = y
                src = 3
        if src == 1:
            i += 1
        elif src == 2:
            j += 1
        else:
            k += 1
        if last is not None and x.s < last.e:
            if src == 3 and x.e > last.e:
                res[-1] = last = x
            continue
        res.append(x)
        last = x
    return res


_LAST_UNCOMMON: dict[str, bool] = {}  # _decides' memo, by name: is its last word not a common word?


def _decides(x: Mention) -> bool:
    """Does ``x`` decide who the subject of a sentence head is (``_head_subject``): a name of a person,
    or whose last word is not a common word; "he" or "she"; a role phrase?"""
    if x.kind == "name":
        if x.person:
            return True
        uncommon = _LAST_UNCOMMON.get(x.text)
        if uncommon is None:
            if len(_LAST_UNCOMMON) >= 8192:
                _LAST_UNCOMMON.clear()
            uncommon = _LAST_UNCOMMON[x.text] = x.text.split()[-1].lower() not in COMMON
        return uncommon
    if x.kind == "pron":
        return x.text == "he" or x.text == "she"
    return x.kind == "role"


def _first_deciding(ms: list[Mention]) -> Mention | None:
    """The first of ``ms`` that ``_decides``, else None."""
    for x in ms:
        if _decides(x):
            return x
    return None


def _head_subject(head: str, base: int) -> Mention | None:
    """``_first_deciding(mentions(head, base))``: the mention that says whether a sentence head has
    a person for subject, without reading the whole head when it need not.

    The names are taken in order up to the first that decides (most heads open with one), ending at
    ``limit``; pronouns and role phrases are read only where they start before it. Every mention not
    read starts at or after ``limit``, so in ``mentions()`` it comes after those read: it can only
    replace the last of them that is kept (a role phrase that starts inside it and ends after it), or
    follow. So a deciding mention among those read is the answer unless it is the last one kept and
    ends after ``limit``; then, or when none decides and some were not read, the whole head is read
    (a guard: a name or pronoun read ends by ``limit``, a role phrase is never replaced, and only a
    role phrase, which decides, can hide the deciding name)."""
    names: list[Mention] = []
    n = len(head)
    limit = n
    for x0, x1 in _names(head):
        parts = _name_parts(head[x0:x1])
        if parts is not None:
            s, e, name, role, mods, person = parts
            x = _mention(base + x0 + s, base + x0 + e, "name", name, role, mods, person)
            names.append(x)
            if _decides(x):
                limit = x0 + e  # later names start after the end of its run
                break
    prons = _pron_mentions(head, base, limit)
    roles = _role_mentions(head, base, limit)
    ms = _in_order(names, prons, roles) if prons or roles else names
    last = len(ms) - 1
    for k in range(len(ms)):
        x = ms[k]
        if _decides(x):
            if k < last or x.e - base <= limit:
                return x
            break
    else:
        if limit == n:
            return None  # every mention was read
    return _first_deciding(mentions(head, base))


_INTRO_ROLES = sorted({w.capitalize() for w in ROLE_NOUNS if " " not in w and len(w) > 2} | {"CEO"}, key=len, reverse=True)
# Led by a literal space (fast scan): " President Vladimir Putin", " chief Mahmoud Abbas"
_INTRO_WORDS = _INTRO_ROLES + [w.lower() for w in _INTRO_ROLES]
_INTRO_NAMES = r"[ \t\u00a0]+([A-Z][\w’'-]+(?:[ \t\u00a0]+[A-Z][\w.’'-]*){0,3})"
_INTRO_RX = re.compile(" (" + _trie(_INTRO_WORDS) + ")" + _INTRO_NAMES)
# For _intro_scan: the names after a role word; the role words (letters and "'") and their lengths.
_INTRO_NAMES_RX = re.compile(_INTRO_NAMES)
_INTRO_SET = frozenset(_INTRO_WORDS)
_INTRO_PREFIX_TABLE = _prefix_table(_INTRO_WORDS)
_INTRO_SHORTEST = min(len(w) for w in _INTRO_WORDS)
_INTRO_LONGEST = max(len(w) for w in _INTRO_WORDS)
_INTRO_HASH_BITS = _hash_bits(_INTRO_WORDS)


def _intro_matches(t: str):
    """(start, role word, names, start of the names) of each match of ``_INTRO_RX.finditer(t)``."""
    if _COMPILED:
        yield from _intro_scan(t)
        return
    for m in _INTRO_RX.finditer(t):
        yield m.start(), m.group(1), m.group(2), m.start(2)


def _intro_scan(t: str) -> list[tuple[int, str, str, int]]:
    """The list of ``_intro_matches`` for the compiled module (made when the generator is first
    read): one pass over the characters instead of the regex's trie attempt at every space (as Python,
    slower than the regex). A role word is letters and "'" and must be followed by a space, tab or
    no-break space, so it can only be a whole run of those characters after a space; where it is one
    of the role words, the names are matched after it. The scan resumes after a match, as
    ``finditer`` does. Runs are read from each space (found by ``_next_space``)."""
    out = []
    prefix_table = _INTRO_PREFIX_TABLE  # compiled: C arrays (the bytes' buffers)
    intro_bits = _INTRO_HASH_BITS  # runs whose hash bit is clear are not role words
    cs = _chars(t)  # compiled: the string's kind and data, read once (figures.pxd)
    n = len(t)
    resume = 0  # end of the last match
    i = _next_space(cs, 0, n)
    while i < n:  # t[i] is a space
        if i >= resume and i + 1 < n:
            ch = _char(cs, i + 1)
            if "a" <= ch <= "z" or "A" <= ch <= "Z":
                # the run of [A-Za-z'] that starts here may be a role word
                run = i + 1
                first = ch
                h = ord(ch)  # figures._word_hash of the run
                k = run + 1
                while k < n:
                    ch = _char(cs, k)
                    if "a" <= ch <= "z" or "A" <= ch <= "Z" or ch == "'":
                        if k - run >= _INTRO_LONGEST or (k == run + 1 and not prefix_table[128 * ord(first) + ord(ch)]):
                            break  # longer than any role word, or no role word starts so
                        h = (h * 31 + ord(ch)) & 0xFFFF
                        k += 1
                    else:
                        if (_is_blank(ch) and k - run >= _INTRO_SHORTEST
                                and intro_bits[h >> 3] & (1 << (h & 7)) and t[run:k] in _INTRO_SET):
                            m = _INTRO_NAMES_RX.match(t, k)
                            if m is not None:
                                out.append((run - 1, t[run:k], m.group(1), m.start(1)))
                                resume = m.end()
                        break
        i = _next_space(cs, i + 1, n)
    return out
# Led by a literal comma: "Mahmoud Abbas, the Palestinian leader"
_APPOS_ROLE_RX = re.compile(r",[ \t\u00a0]+(?:the|a|an)[ \t\u00a0]+((?:[\w.’'-]+[ \t\u00a0]+){0,4}?)("
                            + _trie([r for r in ROLE_NOUNS if " " not in r]) + r")\b")
_NAME_BEFORE_RX = re.compile(r"([A-Z][\w.’'-]*(?:[ \t\u00a0]+[A-Z][\w.’'-]*){0,3})\Z")


def _words_at_end(head: str) -> str | None:
    """Group 1 of ``_NAME_BEFORE_RX.search(head)`` (the capitalised words that end ``head``), or None."""
    if _COMPILED:
        return _words_at_end_scan(head)
    m = _NAME_BEFORE_RX.search(head)
    return m.group(1) if m else None


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _words_at_end_scan(head: str) -> str | None:
    """``_words_at_end`` for the compiled module, reading back from the end (``re.search`` tries the
    pattern at every offset of ``head``, each attempt running to the end). The runs of [\\w.’'-]
    separated by blanks ([ \\t\\u00a0]+) are read from the last one back, at most four: the match
    is the longest tail of k runs where the k-1 later runs start with a capital A-Z and the k-th
    holds one, from its first capital (the search takes the leftmost start)."""
    cs = _chars(head)  # compiled: the string's kind and data, read once (figures.pxd)
    n = len(head)
    start = -1  # start of the longest match so far
    end = n  # end of the run being read
    for k in range(4):
        a = end
        first_cap = -1
        while a > 0:
            ch = _char(cs, a - 1)
            if not _is_name_char(ch):
                break
            a -= 1
            if "A" <= ch <= "Z":
                first_cap = a
        if a == end:
            break  # no run here
        if first_cap >= 0:
            start = first_cap  # a match of k + 1 words
        if first_cap != a:
            break  # an earlier run cannot join: this one does not start with a capital
        b = a
        while b > 0 and _is_blank(_char(cs, b - 1)):
            b -= 1
        if b == a:
            break  # no blanks before the run
        end = b
    return head[start:] if start >= 0 else None


def _role_name_intros(t: str):
    """Role introductions before a name, in text order: " President Vladimir Putin" ->
    (pos of the name, "Vladimir Putin", "president", capitalised words before the role)."""
    for start, role_word, names, names_at in _intro_matches(t):
        role = role_word.lower()
        cut = []
        for w in names.split():
            lw = w.lower().rstrip(".,")
            if lw in COMMON or lw in CUE_VERBS:
                break
            cut.append(w)
        if not cut:
            continue
        nm = " ".join(cut).rstrip(".,’'")
        if nm.endswith(("’s", "'s")):
            nm = nm[:-2]
        # modifiers: up to three capitalised words before the role word
        head = t[max(0, start - 50):start]
        before = _words_at_end(head)
        mods = {w.lower().rstrip(".") for w in before.split()} if before is not None else set()
        mods = {w for w in mods if w not in COMMON or w in TITLES}
        yield (names_at, nm, role, mods)


def _appositive_intros(t: str):
    """Appositive role introductions, in text order: "Mahmoud Abbas, the Palestinian leader" ->
    (pos of the name, "Mahmoud Abbas", "leader", {"palestinian"})."""
    for m in _APPOS_ROLE_RX.finditer(t):
        head = t[max(0, m.start() - 60):m.start()]
        before = _words_at_end(head)
        if before is None:
            continue
        words = [w for w in before.split() if w.lower() not in COMMON]
        if not words:
            continue
        nm = " ".join(words)
        mods = {w.lower().strip(".,") for w in m.group(1).split()}
        yield (m.start() - len(before) + before.find(words[0]), nm, m.group(2).lower(), mods)


def _initials_in(initials: list[str], caps: set[str]) -> bool:
    """Is one of ``initials`` ("US", "UN") made of two or more of the letters ``caps``?"""
    for i in initials:
        if len(i) >= 2 and set(i) <= caps:
            return True
    return False


class Tracker:
    """Lazily built knowledge of the document: role introductions and recent subjects."""

    def __init__(self, text: str, quotes: list[Q]):
        self.text = text
        self.quotes = quotes
        self.qstarts = [q.s for q in quotes]
        # Role introductions (pos, name, role, mods), read lazily: only as far as the text before the
        # role phrase being resolved. Each scan yields them in increasing pos; ``_intros_by_class``
        # holds their sorted union up to ``_intros_upto``, per role class.
        self._role_name_intros = _role_name_intros(text)
        self._appositive_intros = _appositive_intros(text)
        self._pending: list[tuple | None] = [None, None]  # the next intro of each scan, not yet taken
        self._intros_upto = -1
        # per role class: (positions, intros), in order of pos
        self._intros_by_class: dict[str, tuple[list[int], list[tuple[int, str, str, set[str]]]]] = {}
        self.last_speaker: tuple | None = None  # (name, s, e, pos)
        self._heads: dict[tuple[int, str], Mention | None] = {}  # _head_name's memo

    def _read_intros(self, before: int) -> None:
        """Make ``_intros_by_class`` hold every role introduction with pos < ``before``. The intros read
        now all lie at or after the previous ``before`` (each scan yields in increasing pos), so they are
        sorted among themselves and appended: the same lists as sorting all, without re-sorting on each
        call."""
        if before <= self._intros_upto:
            return
        new = []
        for k, scan in enumerate((self._role_name_intros, self._appositive_intros)):
            pending = self._pending[k]
            while True:
                if pending is None:
                    pending = next(scan, None)
                    if pending is None:
                        break
                if pending[0] >= before:
                    break
                new.append(pending)
                pending = None
            self._pending[k] = pending
        if new:
            new.sort()
            by_class = self._intros_by_class
            for x in new:
                cls = ROLE_NOUNS.get(x[2])
                entry = by_class.get(cls)
                if entry is None:
                    entry = by_class[cls] = ([], [])
                entry[0].append(x[0])
                entry[1].append(x)
        self._intros_upto = before

    def resolve_role(self, m: Mention, before: int) -> tuple | None:
        """The person a role phrase ("the president", "the Russian leader") refers to: of the role
        introductions of its class in the ``ROLE_LOOKBACK`` characters before ``before``, the best
        match of role noun, modifiers and the last speaker's name, the latest on a tie."""
        role = m.role
        cls = ROLE_NOUNS.get(role)
        if cls is None:
            return None
        self._read_intros(before)
        entry = self._intros_by_class.get(cls)
        if entry is None:
            return None
        positions, intros = entry
        mods = {x for x in m.mods if x not in ("former", "top", "senior", "new", "current", "then")}
        ini = [x.replace(".", "") for x in mods if "." in x or x.isupper()]
        last_words = self.last_speaker[0].split() if self.last_speaker else None
        best, best_score = None, -1e9
        for i in range(bisect.bisect_left(positions, before - ROLE_LOOKBACK), len(intros)):
            pos, name, r, imods = intros[i]
            if pos >= before:
                break
            score = 2 if r == role else 1
            if mods:
                if mods & imods:
                    score += 4
                else:
                    if _initials_in(ini, {w[0] for w in imods if w}):
                        score += 3
                    else:
                        score -= 3
            if last_words is not None and last_words[-1] == name.split()[-1]:
                score += 1.5
            score += pos / 1e9
            if score > best_score:
                best, best_score = (name, pos, pos + len(name)), score
        return best

    def resolve_pronoun(self, before: int, floor: int) -> tuple | None:
        """The most recent sentence subject that is a person (scanning back a few sentences), else the
        last speaker."""
        a = max(floor, before - 700)
        win = self._without_quotes(a, before)
        # Each sentence head is judged on its own; the last head with a person subject wins, so
        # the heads are read from the last one back.
        for seg_a, seg_b in _sentence_heads_backwards(win):
            subject = self._head_person(win[seg_a:seg_b], a + seg_a, before)
            if subject is not None:
                return subject
        if self.last_speaker is not None:
            return self.last_speaker[:3]
        return None

    def _head_person(self, head: str, base: int, before: int) -> tuple | None:
        """(name, start, end) of the subject of a sentence head when it is a person, else None."""
        x = self._head_name(head, base)
        if x is not None and (x.person or self._known_person(x.text, before)):
            return x.text, x.s, x.e
        return None

    def _head_name(self, head: str, base: int) -> Mention | None:
        """``_head_subject(head, base)`` when it is a name, else None; memoised: pronoun look-backs of
        nearby quotes read the same heads."""
        key = (base, head)
        if key in self._heads:
            return self._heads[key]
        x = _head_subject(head, base)
        if x is not None and x.kind != "name":
            x = None
        self._heads[key] = x
        return x

    def _without_quotes(self, a: int, b: int) -> str:
        """``text[a:b]`` with the contents of the quotes in it blanked (offsets kept)."""
        t = self.text
        quotes = self.quotes
        parts: list[str] = []
        k = a  # text before k is in parts
        for i in range(bisect.bisect_left(self.qstarts, a - MAX_QUOTE), len(quotes)):
            q = quotes[i]
            if q.s > b:
                break
            s0, e0 = max(q.s, k), min(q.e, b)
            if e0 > s0:
                parts.append(t[k:s0])
                parts.append(" " * (e0 - s0))
                k = e0
        parts.append(t[k:b])
        return "".join(parts)

    def _known_person(self, name: str, before: int) -> bool:
        """Was ``name`` seen with a first name or title before ``before`` ("Vladimir Putin", "Mr. Putin")?

        Reads the 5,000 characters before ``before`` the way ``re.finditer`` would read the pattern
        ``([A-Z][\\w.’'-]*)[ \\t\\u00a0]+LAST\\b`` there, but by occurrence of LAST (``str.find``):
        the word before each occurrence, from its first capital, is the candidate."""
        last = name.split()[-1]
        if self.last_speaker and self.last_speaker[0].split()[-1] == last:
            return True
        t = self.text
        a = max(0, before - 5000)
        size = len(last)
        last_is_word = _is_word(last[-1])
        consumed = a  # end of the previous match: later matches start after it
        o = t.find(last, a, before)
        while o >= 0:
            e = o + size
            boundary = (e < before and _is_word(t[e])) != last_is_word
            j = o
            while j > consumed and t[j - 1] in _HSPACE:
                j -= 1
            k = j
            while k > consumed and _is_name_char(t[k - 1]):
                k -= 1
            if boundary and j < o and k < j:
                # the match starts at the first capital of the word before the spaces
                p = k
                while p < j and not ("A" <= t[p] <= "Z"):
                    p += 1
                if p < j:
                    w = t[p:j].lower().rstrip(".")
                    if w in TITLES or (w not in COMMON and not w.endswith(("’s", "'s"))):
                        return True
                    consumed = e
            o = t.find(last, o + 1, before)
        return False

    def resolve(self, m: Mention, before: int, floor: int = 0) -> tuple:
        if m.kind == "name":
            return m.text, m.s, m.e
        if m.kind == "pron":
            if m.text in ("we", "i"):
                return None, None, None
            r = self.resolve_pronoun(m.s, floor)
            return r if r else (None, None, None)
        r = self.resolve_role(m, m.s)
        if r:
            return r
        t = m.text.split(None, 1)
        return (t[1] if len(t) > 1 else m.text), m.s, m.e


_SB_RX = re.compile(r"[.!?][\"”’']?[ \t]+(?=[A-Z\"“‘'])")
# A sentence end: [.!?] before a space, newline or the end (after an optional closing mark), or a
# newline. Led by one character class (not an alternation) so that re skips other text fast.
_SE_RX = re.compile(r"[.!?\n](?:(?<=\n)|(?=[\"”’']?(?:[ \t\n]|\Z)))")
_ABBR_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_CLOSING_MARKS = "\"”’'"


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _abbrev_before(text: str, dot: int) -> bool:
    """Is the word before the full stop at ``dot`` an abbreviation ("Mr", "U.S", "Jan", an initial)?
    The word is the run of ASCII letters and dots (``_ABBR_CHARS``) ending at ``dot``, when it has 1-6
    characters. It is read back a character at a time (compiled, a comparison instead of a
    one-character string and a set look-up), and sliced only for the look-up in ``_ABBREV``: a word
    of one character (a letter or a dot) or of up to four with a dot is one without it."""
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    k = dot
    has_dot = False
    while k > 0 and dot - k < 7:
        ch = _char(cs, k - 1)
        if ch == ".":
            has_dot = True
        elif not ("a" <= ch <= "z" or "A" <= ch <= "Z"):
            break
        k -= 1
    if not 1 <= dot - k <= 6:
        return False
    if dot - k == 1 or (has_dot and dot - k <= 4):
        return True
    return text[k:dot].lower() in _ABBREV


def _sentence_start(text: str, i: int, floor: int) -> int:
    """Start of the sentence containing offset ``i`` (at most 300 characters back, not before ``floor``)."""
    lo = max(floor, i - 300)
    nl = text.rfind("\n", lo, i)
    if nl >= 0:
        lo = nl + 1
    if _COMPILED:
        return _sentence_start_scan(text, lo, i)
    # the last boundary that is not the dot of an abbreviation
    for m in reversed(list(_SB_RX.finditer(text, lo, i))):
        if text[m.start()] != "." or not _abbrev_before(text, m.start()):
            return m.end()
    return lo


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _sentence_start_scan(text: str, lo: int, i: int) -> int:
    """The rest of ``_sentence_start`` for the compiled module, reading characters from ``i`` back
    instead of running _SB_RX (as Python, slower than the regex). An _SB_RX match is a terminator, an
    optional closing mark, spaces or tabs, then (not taken, before ``i``) a capital or an opening
    mark; it holds no other terminator, so the matches are the terminators where the pattern fits."""
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    lo, i = max(lo, 0), min(i, len(text))  # (the compiled module reads characters unchecked)
    p = i - 1
    while p >= lo:
        ch = _char(cs, p)
        if ch == "." or ch == "!" or ch == "?":
            q = p + 1
            if q < i and _char(cs, q) in _CLOSING_MARKS:
                q += 1
            r = q
            while r < i and (_char(cs, r) == " " or _char(cs, r) == "\t"):
                r += 1
            if r > q and r < i and ("A" <= _char(cs, r) <= "Z" or _char(cs, r) in "\"“‘'"):
                if ch != "." or not _abbrev_before(text, p):
                    return r
        p -= 1
    return lo


def _sentence_end(text: str, i: int, cap: int) -> int:
    cap = min(len(text), cap)
    if _COMPILED:
        return _sentence_end_scan(text, i, cap)
    pos = i
    while True:
        m = _SE_RX.search(text, pos, cap)
        if not m:
            return cap
        if text[m.start()] == "." and _abbrev_before(text, m.start()):
            pos = m.end()
            continue
        return m.start()


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _sentence_end_scan(text: str, i: int, cap: int) -> int:
    """The rest of ``_sentence_end`` for the compiled module, reading characters instead of running
    _SE_RX (as Python, slower than the regex): the first newline, or [.!?] before an optional closing
    mark and then a space, tab, newline or ``cap``, that is not the dot of an abbreviation."""
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    p, cap = max(i, 0), min(cap, len(text))  # (the compiled module reads characters unchecked)
    while p < cap:
        ch = _char(cs, p)
        if ch == "\n":
            return p
        if ch == "." or ch == "!" or ch == "?":
            q = p + 1
            nxt = _char(cs, q) if q < cap else " "
            if (nxt in " \t\n"
                    or (nxt in _CLOSING_MARKS and (q + 1 >= cap or _char(cs, q + 1) in " \t\n"))):
                if ch != "." or not _abbrev_before(text, p):
                    return p
        p += 1
    return cap


def _sentence_heads_backwards(win: str) -> list[tuple[int, int]]:
    """(start, end) of the sentence heads in ``win``, the last first. A head is a capital at the start
    of ``win`` or after [.!?\n] and spaces or tabs, with up to 80 more characters of its sentence.
    Found from the end with ``str.rfind`` (pronoun resolution usually stops at the last head or the
    one before): a head holds no terminator, so every terminator followed by blanks and a capital
    starts one, which runs to the next terminator or for 81 characters; then comes the head at the
    start. (The same heads as a forward regex scan, reversed; see test_spans_fast_paths.py.)"""
    out = []
    n = len(win)
    # the last ".", "!", "?", "\n" before the current terminator (each found again only once passed)
    dot, bang, ask, nl = win.rfind("."), win.rfind("!"), win.rfind("?"), win.rfind("\n")
    nxt = n  # the terminator after t (none: the end)
    while True:
        t = max(dot, bang, ask, nl)
        if t < 0:
            break
        k = t + 1
        while k < nxt and (win[k] == " " or win[k] == "\t"):
            k += 1
        if k < nxt and "A" <= win[k] <= "Z":
            out.append((k, min(nxt, k + 81)))
        if t == dot:
            dot = win.rfind(".", 0, t)
        elif t == bang:
            bang = win.rfind("!", 0, t)
        elif t == ask:
            ask = win.rfind("?", 0, t)
        else:
            nl = win.rfind("\n", 0, t)
        nxt = t
    if n and "A" <= win[0] <= "Z":
        out.append((0, min(nxt, 81)))
    return out


def attribute(text: str, quotes: list[Q]) -> None:
    if not quotes:
        return
    tr = Tracker(text, quotes)
    n = len(text)
    prev_q: Q | None = None
    prev_speaker: tuple | None = None
    for qi, q in enumerate(quotes):
        o = q.s - 1
        c = q.e
        floor = prev_q.e + 1 if prev_q is not None else 0
        ss = _sentence_start(text, o, max(0, floor - 400))
        pre = _masked(text, ss, o, quotes, qi)
        se = _sentence_end(text, c + 1, c + 260)
        nxt_open = quotes[qi + 1].s - 1 if qi + 1 < len(quotes) else n
        post = text[c + 1:min(se, nxt_open)]
        stripped = pre.rstrip()
        last = stripped[-1:] if stripped else ""
        first = text[q.s:q.s + 1]
        lastword = stripped.rsplit(None, 1)[-1].lower() if stripped else ""
        # Whole (not partial) when the quote opens its sentence: nothing before it, a colon,
        # comma or dash before it, a cue verb before it, or a sentence that ends just before a
        # capitalised quote ('Officials met. “We will not...”', where the sentence start was
        # not found because a quote mark, not a capital, follows the full stop).
        q.partial = not (stripped == "" or last in ":,—–-(" or lastword in CUE_VERBS
                         or (last in ".!?…" and first.isupper())) or (first.islower() and last not in ",:")
        if stripped == "" and first.islower() and prev_q is not None:
            q.partial = True
        if not q.partial and text[c - 1:c] not in ".,!?…;:-—" and post[:1] == " " and post[1:2].isalpha() and not _CUE_RX.match(post, 1):
            q.partial = True  # 'Praises ‘Special’ Ties': the sentence runs on after the quote
        got = _post_attr(tr, text, post, c + 1, q)
        if not got:
            got = _pre_attr(tr, text, pre, ss, q)
        if not got and not stripped:
            # "Cruz continued:\n\n“…”": the previous paragraph introduces the quote
            j = ss - 1
            while j > 0 and text[j - 1] in " \t\n":
                j -= 1
            if j > 0 and text[j - 1] == ":" and (prev_q is None or prev_q.e < j):
                ls = _sentence_start(text, j - 1, max(0, j - 300))
                got = _pre_attr(tr, text, _masked(text, ls, j, quotes, qi), ls, q)
        if not got and prev_speaker is not None and prev_q is not None:
            gap = text[prev_q.e:o]
            if "\n\n" not in gap and len(gap) < 400 and gap.count("\n") <= 1:
                q.speaker, q.sp_s, q.sp_e = prev_speaker
                got = True
        if got and q.speaker:
            prev_speaker = (q.speaker, q.sp_s, q.sp_e)
            tr.last_speaker = (q.speaker, q.sp_s, q.sp_e, q.s)
        else:
            prev_speaker = None
        prev_q = q


def _masked(text: str, a: int, b: int, quotes: list[Q], qi: int) -> str:
    """text[a:b] with earlier quotes' contents (and marks) blanked, offsets kept."""
    j = qi - 1
    spans = []
    while j >= 0 and quotes[j].e >= a:
        if len(spans) >= 6:
            # many quotes in one sentence: keep only the text after the last few
            s0 = max(quotes[j].e + 1, a)
            return " " * (s0 - a) + _masked(text, s0, b, quotes, qi)
        qq = quotes[j]
        s0, e0 = max(qq.s - 1, a), min(qq.e + 1, b)
        if e0 > s0:
            spans.append((s0, e0))
        j -= 1
    if not spans:
        return text[a:b]
    parts = []
    k = a
    for s0, e0 in reversed(spans):
        if s0 < k:
            s0 = k
        parts.append(text[k:s0])
        seg = text[s0:e0]
        parts.append(" " * len(seg) if "\n" not in seg else "".join(["\n" if ch == "\n" else " " for ch in seg]))
        k = max(k, e0)
    parts.append(text[k:b])
    return "".join(parts)


_PREPS = {"of", "at", "for", "from", "in", "with", "to", "by", "on", "about", "against", "over", "under", "into"}


def _eligible(m: Mention, text: str) -> bool:
    """A mention that can be a subject: not a possessive ("Ryan's spokeswoman"), not after a preposition."""
    if m.kind in ("name", "role"):
        if text.startswith(("’s", "'s"), m.e):
            return False
        j = m.s
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        k = j
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        w = text[k:j].lower()
        if w in ("the", "a", "an"):
            j = k
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            k = j
            while k > 0 and text[k - 1].isalpha():
                k -= 1
            w = text[k:j].lower()
        if w in _PREPS:
            return False
    return True


def _subject_before(ms: list[Mention], text: str, cue_at: int) -> Mention | None:
    """The subject of a cue verb at ``cue_at``: the nearest eligible mention before it, skipping an
    appositive or relative clause set off by commas ("Levine, who backs Rubio, said").

    Of ``before``, the eligible mentions that end by ``cue_at``, only the last one or two (and the
    last that ends by an earlier comma) are used: they are found from the end (``_last_eligible``),
    not every mention judged by ``_eligible``."""
    i = _last_eligible(ms, text, len(ms), cue_at)  # before[-1]
    if i < 0:
        return None
    cand = ms[i]
    gap = text[cand.e:cue_at]
    if not _short_gap(gap):
        return None
    # inside a parenthetical?  ", who ... X, said" / ", a spokesman for X, said"
    if cand.kind == "role":
        j = _last_eligible(ms, text, i, cue_at)  # before[-2]
        if j >= 0 and text[ms[j].e:cand.s].strip() == "," and ms[j].kind == "name":
            return ms[j]  # "Brian Fallon, a spokesman for X, said"
    k = text.rfind(",", max(0, cand.s - 120), cand.s)
    if k >= 0 and gap.strip() == ",":
        head = text[k + 1:cand.s].split()
        if head and head[0].lower() in ("who", "which", "whose", "a", "an", "the", "whom", "where", "executive"):
            j = _last_eligible(ms, text, i, min(cue_at, k))  # the last of before that ends by k
            if j >= 0:
                return ms[j]
    return cand


def _last_eligible(ms: list[Mention], text: str, upto: int, end: int) -> int:
    """The index of the last of ``ms[:upto]`` that ends by ``end`` and is ``_eligible``, else -1."""
    k = upto - 1
    while k >= 0:
        m = ms[k]
        if m.e <= end and _eligible(m, text):
            return k
        k -= 1
    return -1


_POST_RX = re.compile(r"\A[\s,.!?…—–-]*")


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _post_lead_end(post: str) -> int:
    """``_POST_RX.match(post).end()``: the end of the whitespace and punctuation that open ``post``."""
    cs = _chars(post)  # compiled: the string's kind and data, read once (figures.pxd)
    n = len(post)
    i = 0
    while i < n:
        ch = _char(cs, i)
        if not (ch.isspace() or ch in ",.!?…—–-"):
            break
        i += 1
    return i
_DASH_LEAD_RX = re.compile(r"[ \t]*[—―–-]")
_DASHES = ("—", "―", "–", "-")  # a _DASH_LEAD_RX match has one after its blanks


def _covered(ms: list[Mention], at: int) -> bool:
    """Does one of the mentions ``ms`` cover offset ``at``?"""
    for m in ms:
        if m.s <= at < m.e:
            return True
    return False


def _post_attr(tr: Tracker, text: str, post: str, base: int, q: Q) -> bool:
    if not post.strip():
        return False
    lead = _post_lead_end(post)
    body = post[lead:]
    # "”— Stephanie Egan" / "― Name"
    if body[:1].isupper() and post.lstrip(" \t")[:1] in _DASHES and _DASH_LEAD_RX.match(post):
        ms = mentions(body[:60], base + lead)
        if ms and ms[0].kind == "name" and ms[0].s == base + lead:
            q.speaker, q.sp_s, q.sp_e = tr.resolve(ms[0], base)
            q.cue = "—"
            return True
    if not body[:1].isalpha() and not body.startswith(("(", "as ")):
        return False
    cues = _cues(body, 140)
    if not cues or cues[0][0] > 110:
        return False  # the cue used below is one of these, and it must start within 110 characters
    ms = mentions(body[:230], base + lead)
    cm = None
    for c in cues:
        at = base + lead + c[0]
        if _covered(ms, at):
            continue  # "the report stated": "report" is part of the subject
        cm = c
        break
    if not cm or cm[0] > 110:
        return False
    head = body[:cm[0]]
    if cm[2][0].isupper() and not cm[2].startswith("According"):
        return False  # title-case headline words are not attributions
    cue = cm[2].lower()
    if cue.startswith("according"):
        cue = "according to"
    cue_s = base + lead + cm[0]  # the cue's offsets in text
    cue_e = base + lead + cm[1]
    kept: list[Mention] = []  # the mentions that start before cue_e + 90
    before: list[Mention] = []  # of those, the ones that end by the cue
    after: list[Mention] = []  # and the ones that start after it
    for m in ms:
        if m.s < cue_e + 90:
            kept.append(m)
            if m.e <= cue_s:
                before.append(m)
            if m.s >= cue_e:
                after.append(m)
    ms = kept
    pick = None
    if before and cue != "according to":
        # the subject between the quote and the cue ("Mr. Morgan of the Sierra Club said",
        # "the club's president, Ana Ruiz, said")
        pick = _subject_before(ms, text, base + lead + cm[0])
        if pick is None:
            el = [m for m in before if _eligible(m, text)]
            pick = el[0] if el else None
        if pick is not None:
            # only the subject phrase may stand between the quote and the cue
            hw = text[base + lead:pick.s].replace(",", " ").split()
            if len(hw) > 4 or _has_non_subject_word(hw):
                pick = None
    if pick is None and after and (not head.strip() or (cue == "according to" and len(head.split()) <= 3)):
        pick = after[0]
        if pick.s - (base + lead + cm[1]) > 40:
            pick = None
        if cue != "according to" and head.strip() and not head.strip().lower() in ("", "as"):
            # "…," the report, which said X -> keep only when head is short
            if len(head.strip()) > 40:
                pick = None
    if pick is None:
        return False
    if cue in ("according to",) and before:
        pass
    q.speaker, q.sp_s, q.sp_e = tr.resolve(pick, base)
    q.cue = cue
    return q.speaker is not None


def _has_non_subject_word(words: list[str]) -> bool:
    """Is one of ``words`` a lower-case word other than a title, role noun or determiner?"""
    for w in words:
        if (w[0].islower() and w.lower().strip(".’'s") not in TITLES and w.lower() not in ROLE_NOUNS
                and w.lower() not in ("the", "a", "an", "as", "one", "its", "his", "her", "their")):
            return True
    return False


def _pre_attr(tr: Tracker, text: str, pre: str, base: int, q: Q) -> bool:
    if not pre.strip():
        return False
    ms = mentions(pre, base)
    cues = [c for c in _cues(pre, len(pre)) if not _covered(ms, base + c[0])]
    subj = _subject(ms, pre, base)
    if cues:
        cm = cues[-1]
        cue = cm[2].lower()
        if cue.startswith("according"):
            after = [m for m in ms if m.s >= base + cm[1]]
            if after and (subj is None or subj.s >= base + cm[1] or _in_leading(pre, subj.s - base)):
                # "According to X, he said ..." -> prefer the subject with its own verb
                main = [m for m in ms if m.s > base + cm[1] and m is not after[0]]
                pick = after[0]
                for m in main:
                    if m.kind in ("pron", "name", "role") and _has_verb_after(pre, m.e - base) and m.s - base > pre.find(",", cm[1]) > 0:
                        pick = m
                        break
                q.speaker, q.sp_s, q.sp_e = tr.resolve(pick, base)
                q.cue = "according to" if pick is after[0] else q.cue
                return q.speaker is not None
        elif cue not in PARTICIPLE_CUES:
            # subject right before the cue (allowing adverbs/auxiliaries/appositives)
            cue_s = base + cm[0]
            before = []
            for m in ms:
                if m.e <= cue_s:
                    before.append(m)
            pick = _subject_before(ms, text, cue_s) if before else None
            if before and pick is None:
                if True:
                    # appositive: "X, the spokesman for Y, said"
                    for cand in reversed(before):
                        g = pre[cand.e - base:cm[0]]
                        if g.startswith(",") and g.count(",") >= 2 and len(g) < 120 and _short_gap(g[g.rfind(",") + 1:]):
                            pick = cand
                            break
            if pick is None:
                after = [m for m in ms if m.s >= base + cm[1] and m.s - (base + cm[1]) < 3]
                if after:
                    pick = after[0]
            if pick is None and subj is not None:
                pick = subj
            if pick is not None:
                q.speaker, q.sp_s, q.sp_e = tr.resolve(pick, base)
                q.cue = cue
                return q.speaker is not None
        else:
            if subj is not None:
                q.speaker, q.sp_s, q.sp_e = tr.resolve(subj, base)
                q.cue = cue
                return q.speaker is not None
    if subj is not None:
        q.speaker, q.sp_s, q.sp_e = tr.resolve(subj, base)
        q.cue = cues[-1][2].lower() if cues else None
        return q.speaker is not None
    return False


_LEADING_RX = re.compile(r"\A[ \t]*(?:[A-Z][a-z]*|[0-9][\w,]*)(?:[ \t][^,]{0,60})?,[ \t]")


def _leading_end(pre: str) -> int:
    """``_LEADING_RX.match(pre).end()``, or -1 when it does not match."""
    if _COMPILED:
        return _leading_scan(pre)
    m = _LEADING_RX.match(pre)
    return m.end() if m else -1


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _leading_scan(pre: str) -> int:
    """``_leading_end`` for the compiled module, reading characters (the regex's ``[^,]{0,60}`` runs
    60 characters on and backtracks to a comma; a call costs several thousand instructions). After
    blanks, a capitalised word ([A-Z][a-z]*) or a number ([0-9][\\w,]*, commas included) ends at p;
    backtracking into either cannot help but for a number's last comma. The match then ends after
    the first comma within 61 characters of p + 1 and a blank, when a blank is at p; else after a
    comma at p and a blank; else, for a number, after its last comma when a blank is at p."""
    cs = _chars(pre)  # compiled: the string's kind and data, read once (figures.pxd)
    n = len(pre)
    i = 0
    while i < n and (_char(cs, i) == " " or _char(cs, i) == "\t"):
        i += 1
    if i == n:
        return -1
    ch = _char(cs, i)
    p = i + 1
    if "A" <= ch <= "Z":
        while p < n and "a" <= _char(cs, p) <= "z":
            p += 1
    elif "0" <= ch <= "9":
        while p < n and (_is_word(_char(cs, p)) or _char(cs, p) == ","):
            p += 1
    else:
        return -1
    if p == n:
        return -1
    ch = _char(cs, p)
    if ch == " " or ch == "\t":
        c = pre.find(",", p + 1, p + 62)  # the first comma, after at most 60 other characters
        if c >= 0 and c + 1 < n and (_char(cs, c + 1) == " " or _char(cs, c + 1) == "\t"):
            return c + 2
        if _char(cs, p - 1) == ",":
            return p + 1  # a number's last comma, then the blank
        return -1
    if ch == "," and p + 1 < n and (_char(cs, p + 1) == " " or _char(cs, p + 1) == "\t"):
        return p + 2
    return -1


def _in_leading(pre: str, off: int) -> bool:
    end = _leading_end(pre)
    return end >= 0 and off < end


def _subject(ms: list[Mention], pre: str, base: int) -> Mention | None:
    """The first mention of the sentence outside a leading adverbial phrase."""
    if not ms:
        return None
    lead_end = _leading_end(pre)
    if lead_end < 0:
        lead_end = 0
    else:
        head = pre[:lead_end].strip().split()[0].lower().strip(",")
        if head not in COMMON and not head[0].isdigit() and head not in ("two", "three", "last", "during", "in"):
            # "Putin, 71, said" / "Abbas, who ..., described" -> the name itself is the subject
            lead_end = 0
    for x in ms:
        if x.s - base >= lead_end:
            if x.kind == "pron" and x.text in ("we", "i"):
                return None
            return x
    for x in ms:
        return x
    return None


# Words that may stand between a subject and its cue verb ("X has repeatedly said", "X told Y in a statement").
_GAP_WORDS = frozenset((
    "also", "has", "had", "have", "was", "is", "later", "then", "again", "once", "repeatedly", "regularly",
    "consistently", "previously", "recently", "earlier", "further", "will", "would", "could", "not", "never",
    "often", "in", "a", "an", "the", "statement", "interview", "letter", "on", "tuesday", "monday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "publicly", "reportedly", "flatly", "simply", "just", "told", "of"))


def _short_gap(gap: str) -> bool:
    g = gap.strip(" \t,")
    if not g:
        return True
    words = g.split()
    if len(words) > 4:
        return False
    for w in words:
        if not (w.lower() in _GAP_WORDS or w[0].isupper()):
            return False
    return True


def _has_verb_after(pre: str, off: int) -> bool:
    rest = pre[off:off + 40].split()
    return bool(rest) and rest[0].islower()
