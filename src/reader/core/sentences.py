"""Sentence and word boundaries for news text.

Plain Python, linear time (regex scans plus a little work per candidate boundary), so a 1 MB
article is split in a few tens of milliseconds.

Offsets are Python string indices into the text exactly as given, end exclusive. Sentences
never cross a newline (each line / paragraph is split on its own) and exclude surrounding
whitespace; empty lines yield no sentence.

News-aware rules for a ``.`` followed by whitespace:

- titles and other abbreviations that never end a sentence (``Mr.``, ``Dr.``, ``Gen.``,
  ``St.``, ``No.``, ``vs.`` ...) do not split;
- month abbreviations (``Oct. 7``) do not split before a digit;
- dotted acronyms (``U.S.``, ``U.N.``, ``a.m.``) and single initials (``John F. Kennedy``) do
  not split;
- a following lowercase letter never starts a sentence (``e.g. the``, ``"Why?" he asked``);
- company suffixes (``Inc.``, ``Corp.``, ``Ltd.``, ``Jr.``) split only before a capital.

Decimals (``3.5``), URLs and numbers never split because a boundary needs whitespace after the
full stop. Closing quotes and brackets after the full stop stay in the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = [
    "sentence_bounds",
    "word_bounds",
    "next_word_end",
    "prev_word_end",
    "index_of_bound",
]

# Terminator run, optional closers, then horizontal whitespace and a visible character.
_CANDIDATE = re.compile(
    r"(?:[.!?\u2026\u203d]+)[\"'\u201d\u2019\u00bb\u203a)\]]*(?=[^\S\n]+([^\s]))"
)
_WORD = re.compile(r"\S+")
_OPENERS = "\"'\u201c\u2018\u00ab\u2039([{"

# Never end a sentence (titles, ranks, references).
_NEVER_SPLIT = frozenset(
    """
    mr mrs ms mx messrs dr prof sen sens rep reps gov lt col gen maj capt cmdr adm sgt cpl pvt
    rev fr hon pres supt det insp atty st ste mt ft no nos vol vols fig figs p pp approx vs v
    cf al ca ave blvd rd
    """.split()
)
# Split only when the next word starts with a capital (they often end sentences).
_CAP_SPLIT = frozenset("inc corp co ltd llc plc jr sr bros etc".split())
# Months: never split before a digit ("Oct. 7"), otherwise like _CAP_SPLIT.
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def _last_token(text: str, lo: int, pos: int) -> str:
    """The whitespace-delimited token that ends at ``pos`` (without leading openers)."""
    window = text[max(lo, pos - 48) : pos]
    parts = window.split()
    if not parts or window[-1:].isspace():
        return ""
    return parts[-1].lstrip(_OPENERS)


def _is_boundary(text: str, lo: int, term_start: int, terms: str, nxt: str) -> bool:
    """Decide whether the terminator ``terms`` at ``term_start`` ends a sentence."""
    if nxt.islower():
        return False
    if terms.rstrip("\"'\u201d\u2019\u00bb\u203a)]") != ".":
        # "!", "?", "...", "?!" ...: a boundary unless lowercase follows (checked above).
        return True
    token = _last_token(text, lo, term_start)
    if not token:
        return True
    low = token.lower()
    if low in _NEVER_SPLIT:
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "John F. Kennedy"
    if _ACRONYM.fullmatch(token):
        return False  # "U.S.", "a.m."
    if low in _MONTHS:
        return not nxt.isdigit() and nxt.isupper()
    if low in _CAP_SPLIT:
        return nxt.isupper()
    return True


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Return the sentences of ``text`` as ``(start, end)`` offsets, sorted and disjoint."""
    bounds: list[tuple[int, int]] = []
    append = bounds.append
    n = len(text)
    line_start = 0
    finditer = _CANDIDATE.finditer
    while line_start <= n:
        nl = text.find("\n", line_start)
        line_end = n if nl == -1 else nl
        # Trim the line.
        s = line_start
        while s < line_end and text[s].isspace():
            s += 1
        e = line_end
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            start = s
            for m in finditer(text, s, e):
                nxt = m.group(1)
                end = m.end()
                if _is_boundary(text, s, m.start(), m.group(), nxt):
                    append((start, end))
                    start = m.start(1)
            if start < e:
                append((start, e))
        if nl == -1:
            break
        line_start = nl + 1
    return bounds


def word_bounds(text: str) -> list[tuple[int, int]]:
    """Return the words (runs of non-whitespace, punctuation included) as ``(start, end)``."""
    return [m.span() for m in _WORD.finditer(text)]


def next_word_end(text: str, pos: int) -> int:
    """The end of the word holding ``pos``, or of the next word; ``len(text)`` if none.

    Always greater than ``pos`` unless ``pos`` is already at the end of the text.
    """
    m = _WORD.search(text, pos)
    if m is None:
        return len(text)
    if m.end() > pos:
        return m.end()
    return len(text)  # pragma: no cover - a non-empty match always ends after pos


def prev_word_end(text: str, pos: int) -> int:
    """The greatest word end strictly before ``pos``; 0 if there is none."""
    window = 256
    while True:
        lo = max(0, pos - window)
        best = -1
        for m in _WORD.finditer(text, lo, pos):
            if m.end() < pos:
                best = m.end()
        if best >= 0 and (lo == 0 or best > lo):
            return best
        if lo == 0:
            return 0
        window *= 4


def index_of_bound(bounds: list[tuple[int, int]], starts: list[int], offset: int) -> int:
    """Index of the bound holding ``offset``, else the nearest one before it (0 if none).

    ``starts`` is ``[b[0] for b in bounds]`` (precomputed by the caller).
    """
    if not bounds:
        return -1
    i = bisect_right(starts, offset) - 1
    if i < 0:
        return 0
    return i

