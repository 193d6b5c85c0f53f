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

__all__ = [
    "sentence_bounds",
    "word_bounds",
    "next_word_end",
    "prev_word_end",
]

_CLOSERS = "\"'\u201d\u2019\u00bb\u203a)]"
# One pass over the text finds both kinds of event: a newline (always a boundary) and a
# terminator run with optional closers followed by horizontal whitespace and a visible
# character (group 1: that character, where the next sentence would start).
# (Written with a single character class first: re then skips ahead to candidate characters,
# about 3x faster than "\n|[.!?]+...".)
_EVENTS = re.compile(
    r"[\n.!?\u2026\u203d]"
    r"(?:(?<=\n)|[.!?\u2026\u203d]*[\"'\u201d\u2019\u00bb\u203a)\]]*(?=[^\S\n]+(\S)))"
)
_NON_SPACE = re.compile(r"\S")
_WORD = re.compile(r"\S+")
_OPENERS = "\"'\u201c\u2018\u00ab\u2039([{"
_LONGEST_ABBREVIATION = 8  # tokens longer than this before a "." are ordinary words

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


def _full_stop_ends_sentence(token: str, nxt: str) -> bool:
    """Whether ``token`` followed by a single "." (and whitespace, then ``nxt``) ends a sentence."""
    token = token.lstrip(_OPENERS)
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


def sentence_bounds(text: str, start: int = 0, stop: int | None = None) -> list[tuple[int, int]]:
    """Return the sentences of ``text[start:stop]`` as ``(start, end)`` offsets into ``text``,
    sorted and disjoint.

    Sentences never cross a newline, so when ``start`` is 0 or follows a newline and ``stop``
    is the end of the text or the offset of a newline, the result is exactly the slice of
    ``sentence_bounds(text)`` that lies in the range: a long text can be split in pieces."""
    bounds: list[tuple[int, int]] = []
    append = bounds.append
    n = len(text) if stop is None else stop
    first = _NON_SPACE.search(text, start, n)
    if first is None:
        return bounds
    start = first.start()
    non_space = _NON_SPACE.search
    rfind = text.rfind
    longest = _LONGEST_ABBREVIATION
    closers = _CLOSERS
    for m in _EVENTS.finditer(text, start, n):
        pos = m.start()
        if pos < start:
            continue  # inside whitespace already skipped
        nxt = m.group(1)
        if nxt is None:
            # A newline: close the sentence (trimmed) and skip to the next visible character.
            end = pos
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                append((start, end))
            following = non_space(text, pos + 1, n)
            if following is None:
                return bounds
            start = following.start()
            continue
        if nxt.islower():
            continue  # "e.g. the", '"Why?" he asked'
        terms = m.group()
        if terms[0] == "." and (len(terms) == 1 or terms[1] in closers):
            # A single full stop: abbreviations, initials and acronyms do not end sentences.
            space = rfind(" ", start, pos)
            token = text[space + 1 if space >= 0 else start : pos]
            if len(token) <= longest:
                token = token.split()[-1] if token and not token.isspace() else ""
                if not _full_stop_ends_sentence(token, nxt):
                    continue
        append((start, m.end()))
        start = m.start(1)
    end = n
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        append((start, end))
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
