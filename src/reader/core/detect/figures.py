"""Figures: quantities, amounts, proportions, ages, ranks, dates, times and durations.

Strategy (speed): three cheap scans find candidates, everything else is a local check.
- digit tokens (``_DIGIT_RX``) are found from the digits' ``str.find`` positions (see ``_digit_tokens``);
- ``_WORD_RX_*`` find number words, ordinals, fractions and month names after a space or newline
  (led by a single literal, which ``re`` scans fast) or after a bracket, quote mark, dash or slash
  (those characters are found with ``str.find``, the pattern is matched at each);
- around each candidate a small window is examined (currency, hedge, unit, month, name context).
Overlapping candidates are resolved by keeping the longest.

Structured fields:
- ``type``: money, percent, count, number, age, date, time, duration, measure, ordinal, fraction,
  range, score.
- ``value``: int/float for quantities (magnitudes applied: "$2.5 million" -> 2500000); dates are
  ISO-like strings: "2023-10-07", "2022-10", "2023"; where the text leaves the year open, TIMEX3
  style "XXXX-10-07" / "XXXX-11"; decades "199X"; times "HH:MM" or "HH:MM:SS" (24 h); ranges put
  the low end in ``value`` and the high end in ``high``.
- ``unit``: ISO currency code for money ("USD", "EUR", "GBP"), "%" (or "pp" for percentage
  points), time units in the plural for durations and ages ("years", "months"), a normalised
  measure unit ("km", "kg", "points"), the time zone for times ("GMT").
- ``hedge``: one of ``approx`` (about, around, roughly, some, nearly, almost, close to, an
  estimated), ``more_than`` (more than, over, above, in excess of), ``at_least`` (at least, no
  fewer than, or more), ``up_to`` (up to, as many as, as much as), ``at_most`` (at most, no more
  than), ``less_than`` (less than, fewer than, under, below); the hedge words are inside the span.
"""

from __future__ import annotations

import re

try:
    import cython  # only to know whether this module runs compiled (see hatch_build.py)

    _COMPILED = cython.compiled
except ImportError:  # plain Python without Cython installed
    from types import SimpleNamespace as _NS

    _COMPILED = False
    # the compiler directives used below, as no-ops
    cython = _NS(compiled=False, boundscheck=lambda flag: (lambda f: f), wraparound=lambda flag: (lambda f: f))

if not cython.compiled:
    # Reading characters by index: ``cs = _chars(text)``, then ``_char(cs, i)`` is ``text[i]``. Compiled,
    # these are C (see the .pxd): the string's kind and data are read once and each character is one
    # load, where ``text[i]`` compiles to a call that reads both again. Indices are not checked.
    def _chars(text: str) -> str:
        return text

    def _char(cs: str, i: int) -> str:
        return cs[i]

    def _lower_end(cs: str, i: int, n: int) -> int:
        """The first index from ``i`` (below ``n``) whose character is not a-z."""
        while i < n and "a" <= cs[i] <= "z":
            i += 1
        return i

    def _next_space(cs: str, i: int, n: int) -> int:
        """The first index from ``i`` (below ``n``) whose character is a space, else ``n``."""
        while i < n and cs[i] != " ":
            i += 1
        return i

from .lexicon import (  # the lexicon's tables, bound once
    COMMON, CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, DOLLAR_PREFIX, FIRST_NOUNS, HEDGES,
    HEDGE_FIRST, MAGNITUDES, MEASURE_UNITS, MONTHS, ONES, ORDINALS, ORDINAL_NOUNS, SCALES, TENS, TIMEZONES,
    TIME_UNITS, VAGUE, WEEKDAYS,
)

# ----------------------------------------------------------------------------------- regexes


def _trie(words: list[str]) -> str:
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return ("(?:" + body + ")?") if len(alts) == 1 else body + "?"
        return body

    return emit(root)


_NUM_WORDS = (list(ONES) + list(TENS) + list(SCALES) + list(VAGUE) + list(ORDINALS)
              + ["dozen", "half", "halves", "quarter", "quarters", "thirds", "fourths", "fifths", "sixths",
                 "eighths", "tenths", "a", "twice"])
_NUM_WORDS = [w for w in _NUM_WORDS if w not in ("a", "twice", "tens", "scores")] + ["tens"]
_MONTH_WORDS = list(MONTHS)
_ALL_WORDS = sorted(set(_NUM_WORDS + _MONTH_WORDS))
_WORDS_BOTH = sorted(set(_ALL_WORDS + [w.capitalize() for w in _ALL_WORDS] + [w.upper() for w in _MONTH_WORDS]))
_TRIE = _trie(_WORDS_BOTH)
# Led by a single literal: re's fast literal scan.
_WORD_RX_SP = re.compile(" (" + _TRIE + r")\b")
_WORD_RX_NL = re.compile("\n(" + _TRIE + r")\b")
# Words right after an opening bracket, quote mark, dash or slash (rare characters, found with
# ``str.find``: a character-class scan of ``re`` is several times slower; see _punct_word_hits).
_WORD_LEADS_PUNCT = "([“\"‘'—–/-"
_WORD_RX_START = re.compile("(" + _TRIE + r")\b")
# For ``_scan``: the words, their first letters and their greatest length.
_WORD_SET = frozenset(_WORDS_BOTH)
_WORD_FIRST = "".join(sorted({w[0] for w in _WORDS_BOTH}))
_WORD_FIRST_TABLE = bytes(int(chr(k) in _WORD_FIRST) for k in range(128))  # [ord(c)]: 1 when a word starts with c
_WORD_MAX = max(len(w) for w in _WORDS_BOTH)


def _word_hash(w: str) -> int:
    """A 16-bit hash of ``w``, as ``_scan`` computes it character by character."""
    h = 0
    for ch in w:
        h = (h * 31 + ord(ch)) & 0xFFFF
    return h


def _hash_bits(words) -> bytes:
    """A bit per 16-bit hash: set for the hashes of ``words``."""
    bits = bytearray(8192)
    for w in words:
        h = _word_hash(w)
        bits[h >> 3] |= 1 << (h & 7)
    return bytes(bits)


# _scan looks a run of letters up in _WORD_SET only when its hash bit is set (about 1 in 160 other runs)
_WORD_HASH_BITS = _hash_bits(_WORDS_BOTH)


def _prefix_table(words: list[str]) -> bytes:
    """table[128 * ord(a) + ord(b)] is 1 when one of ``words`` (ASCII) starts with the characters a, b."""
    table = bytearray(128 * 128)
    for w in words:
        table[128 * ord(w[0]) + ord(w[1])] = 1
    return bytes(table)


_WORD_PREFIX_TABLE = _prefix_table(_WORDS_BOTH)

_DIGIT_TOKEN = r"\d+(?:[,.]\d+)*(?::\d\d(?::\d\d)?)?(?:[/\-–]\d+(?:[,.]\d+)*(?:[/\-]\d+)?)?"
_DIGIT_RX = re.compile(_DIGIT_TOKEN)
# The same token for texts whose only decimal digits are ASCII (``\d`` also takes other scripts' digits).
_ASCII_DIGIT_RX = re.compile(_DIGIT_TOKEN.replace("\\d", "[0-9]"))
_ASCII = bytes(range(128))
_ANY_DIGIT_RX = re.compile(r"\d")


def _has_non_ascii_digit(text: str) -> bool:
    """Does ``text`` hold a decimal digit outside 0-9 (Arabic-Indic, full-width...)? The non-ASCII
    characters are few in news text: drop the ASCII bytes of the UTF-8 form and look at the rest."""
    if text.isascii():
        return False
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass")
    return _ANY_DIGIT_RX.search(rest) is not None


def _digit_tokens(text: str):
    """(start, end, token) of every ``_DIGIT_RX`` match, in text order. With ASCII digits only, the
    digits are found with ``str.find`` (memchr speed) and the token is matched at each one that is
    not inside the previous token; the character-class scan of ``re`` is 4-5x slower."""
    if _has_non_ascii_digit(text):
        for m in _DIGIT_RX.finditer(text):
            yield m.start(), m.end(), m.group()
        return
    for m in _matches_at(text, "0123456789", _ASCII_DIGIT_RX):
        yield m.start(), m.end(), m.group()


def _space_word_hits(text: str) -> list[tuple[int, str]]:
    """(start, word) of the number and month words after a space or a newline, in text order."""
    hits = [(m.start(1), m.group(1)) for m in _WORD_RX_SP.finditer(text)]
    hits.extend([(m.start(1), m.group(1)) for m in _WORD_RX_NL.finditer(text)])
    hits.sort()
    return hits


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _digits_end(text: str, i: int) -> int:
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    n = len(text)
    i = max(i, 0)  # (the compiled module reads characters unchecked)
    while i < n and "0" <= _char(cs, i) <= "9":
        i += 1
    return i


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _digit_token_end(text: str, i: int) -> int:
    """``_ASCII_DIGIT_RX.match(text, i).end()`` at an ASCII digit, for ``_scan``. Every part after the
    first digits is optional and either matches whole or not at all (what follows can always match
    empty), so the greedy reading is the regex's: digits; [,.] digits, repeated; ":" two digits,
    once more optionally; then [/-–] digits, [,.] digits repeated, and optionally [/-] digits."""
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    n = len(text)
    p = _digits_end(text, i)
    while p + 1 < n and (_char(cs, p) == "," or _char(cs, p) == ".") and "0" <= _char(cs, p + 1) <= "9":
        p = _digits_end(text, p + 1)
    if p + 2 < n and _char(cs, p) == ":" and "0" <= _char(cs, p + 1) <= "9" and "0" <= _char(cs, p + 2) <= "9":
        p += 3
        if p + 2 < n and _char(cs, p) == ":" and "0" <= _char(cs, p + 1) <= "9" and "0" <= _char(cs, p + 2) <= "9":
            p += 3
    if p + 1 < n and _char(cs, p) in "/-–" and "0" <= _char(cs, p + 1) <= "9":
        p = _digits_end(text, p + 1)
        while p + 1 < n and (_char(cs, p) == "," or _char(cs, p) == ".") and "0" <= _char(cs, p + 1) <= "9":
            p = _digits_end(text, p + 1)
        if p + 1 < n and (_char(cs, p) == "/" or _char(cs, p) == "-") and "0" <= _char(cs, p + 1) <= "9":
            p = _digits_end(text, p + 1)
    return p


def _scan(text: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, str]]]:
    """``(list(_digit_tokens(text)), sorted(_space_word_hits(text) + _punct_word_hits(text)))`` in one
    pass over the characters, for the compiled module (as Python, a loop per character is far slower
    than the scans it replaces).
    Words: the words are letters only, so ``(WORD)\\b`` can only match a whole run of ``\\w``
    characters (letters, digits, ``_``); a run after a space or newline is a hit when it is one of the
    words. The run is read where it starts and dropped at its first character that rules a word out
    (first two letters no word starts with, longer than any word, or a \\w character that is not an
    ASCII letter); the characters after it are read as any others. Digit tokens are matched at each
    ASCII digit not inside the previous token, as ``_matches_at`` does."""
    tokens: list[tuple[int, int, str]] = []
    hits: list[tuple[int, str]] = []
    digit_end = 0
    other_digit = False
    first_table = _WORD_FIRST_TABLE  # compiled: C arrays (the bytes' buffers)
    prefix_table = _WORD_PREFIX_TABLE
    hash_bits = _WORD_HASH_BITS
    n = len(text)
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    i = 0
    while i < n:
        ch = _char(cs, i)
        if "a" <= ch <= "z":
            i = _lower_end(cs, i + 1, n)  # most characters: lower-case letters inside a word
            continue
        if ch == " " or ch == "\n":
            i += 1
            if i < n:
                ch = _char(cs, i)
            if i < n and ch < "\x80" and first_table[ord(ch)]:
                # a run that may be a word: read it here
                run = i
                first = ch
                h = ord(ch)  # _word_hash of the run so far
                i += 1
                while i < n:
                    ch = _char(cs, i)
                    if "a" <= ch <= "z" or "A" <= ch <= "Z":
                        if i - run >= _WORD_MAX or (i == run + 1 and not prefix_table[128 * ord(first) + ord(ch)]):
                            break  # longer than any word, or no word starts so: not a word
                        h = (h * 31 + ord(ch)) & 0xFFFF
                        i += 1
                    else:
                        if (not ("0" <= ch <= "9" or ch == "_" or (ch >= "\x80" and ch.isalnum()))
                                and i - run >= 3 and hash_bits[h >> 3] & (1 << (h & 7))):
                            w = text[run:i]  # a whole run of letters
                            if w in _WORD_SET:
                                hits.append((run, w))
                        break  # (a digit, "_" or other letter continues the run: not a word)
                else:
                    if i - run >= 3 and hash_bits[h >> 3] & (1 << (h & 7)):
                        w = text[run:i]
                        if w in _WORD_SET:
                            hits.append((run, w))
            continue
        if "0" <= ch <= "9":
            if i >= digit_end:
                digit_end = _digit_token_end(text, i)
                tokens.append((i, digit_end, text[i:digit_end]))
        elif (ch == "(" or ch == "[" or ch == '"' or ch == "'" or ch == "/" or ch == "-" or ch == "“" or ch == "‘"
              or ch == "—" or ch == "–"):
            # a lead of _punct_word_hits (_WORD_LEADS_PUNCT): the run of \w characters after it is a
            # hit when it is one of the words (all ASCII letters: the hash bit says when to look)
            run = i + 1
            k = run
            h = 0
            letters = True
            while k < n and k - run <= _WORD_MAX:
                ch = _char(cs, k)
                if "a" <= ch <= "z" or "A" <= ch <= "Z":
                    h = (h * 31 + ord(ch)) & 0xFFFF
                elif ch.isalnum() or ch == "_":
                    letters = False
                else:
                    break
                k += 1
            if k > run and letters and hash_bits[h >> 3] & (1 << (h & 7)):
                w = text[run:k]
                if w in _WORD_SET:
                    hits.append((run, w))
        elif ch >= "\x80" and ch.isdecimal():
            other_digit = True  # a digit outside 0-9: _digit_tokens takes the ``\\d`` scan
        i += 1
    if other_digit:
        tokens = [(m.start(), m.end(), m.group()) for m in _DIGIT_RX.finditer(text)]
    return tokens, hits

# Tokens after a number: words (with ° and ²), symbols.
_TOK_RX = re.compile(r"[ \t\u00a0]?(-|/)?[ \t\u00a0]?([A-Za-z°µ][A-Za-z°²³]*\.?|%|[$€£¥₹₽₩₪₺₴₦₱฿₫₭₾₿元¢])")
_TOK_SYMBOLS = "%$€£¥₹₽₩₪₺₴₦₱฿₫₭₾₿元¢"


def _tok(text: str, pos: int) -> tuple | None:
    """``_TOK_RX.match(text, pos)`` as (group 1, group 2, start of group 2, end), or None."""
    if _COMPILED:
        return _tok_read(text, pos)
    m = _TOK_RX.match(text, pos)
    return None if m is None else (m.group(1), m.group(2), m.start(2), m.end())


@cython.boundscheck(False)  # compiled: indices unchecked (the code keeps them in range)
@cython.wraparound(False)
def _tok_read(text: str, pos: int) -> tuple | None:
    """``_tok`` for the compiled module, reading characters (as Python, slower than the regex). The
    optional space, "-"/"/" and space are taken when present: another reading would leave a space,
    "-" or "/" where the token starts, which no token does."""
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    n = len(text)
    p = max(pos, 0)  # (the compiled module reads characters unchecked)
    if p < n and _char(cs, p) in _WS:
        p += 1
    sep = None
    if p < n and (_char(cs, p) == "-" or _char(cs, p) == "/"):
        sep = _char(cs, p)
        p += 1
    if p < n and _char(cs, p) in _WS:
        p += 1
    if p >= n:
        return None
    ch = _char(cs, p)
    if "A" <= ch <= "Z" or "a" <= ch <= "z" or ch == "°" or ch == "µ":
        q = p + 1
        while q < n and ("A" <= _char(cs, q) <= "Z" or "a" <= _char(cs, q) <= "z" or _char(cs, q) in "°²³"):
            q += 1
        if q < n and _char(cs, q) == ".":
            q += 1
        return sep, text[p:q], p, q
    if ch in _TOK_SYMBOLS:
        return sep, text[p:p + 1], p, p + 1
    return None
_NUMWORD_SEQ = re.compile(
    r"(?:(?:" + _TRIE + r")\b(?:(?:[ \t\u00a0]+and[ \t\u00a0]+a[ \t\u00a0]+|[ \t\u00a0]+and[ \t\u00a0]+"
    r"|[ \t\u00a0]+a[ \t\u00a0]+|,[ \t\u00a0]+|[ \t\u00a0]+|-)(?=[a-zA-Z]))?)+")
_WS = " \t\u00a0"
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SENT_END = ".!?\n“\"‘:;"


def _num(s: str) -> int | float:
    """Parse '1,200.5' (comma groups) or '1.200' (European groups, 3 digits) to a number."""
    if len(s) <= 15 and s.isdecimal():
        return int(s)  # what the float path below gives for a plain integer of up to 15 digits
    if cython.compiled:
        g = _grouped_int(s)  # "24,900": what the lines below make of it, without split and float
        if g >= 0:
            return g
    if "," in s:
        parts = s.split(",")
        if all([len(p) == 3 for p in parts[1:-1]]) and len(parts[-1].split(".")[0]) == 3:
            s = s.replace(",", "")
        elif len(parts) == 2 and "." not in s:
            s = s.replace(",", ".")  # 1,3 -> 1.3
        else:
            s = s.replace(",", "")
    if s.count(".") > 1:
        s = s.replace(".", "")
    try:
        v = float(s)
    except ValueError:
        return 0
    return int(v) if v.is_integer() and "." not in s else v


def _clean(v: float | int) -> int | float:
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e18:
        return int(v)
    return round(v, 6) if isinstance(v, float) else v


def _prev_word(text: str, s: int, limit: int = 24) -> tuple[str, int]:
    """The word ending right before ``s`` (skipping spaces), and its start."""
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    s = min(s, len(text))  # (compiled, _char does not check indices)
    j = s
    while j > 0 and _char(cs, j - 1) in _WS:
        j -= 1
    stop = s - limit if s > limit else 0  # the word starts at most ``limit`` characters before s
    if cython.compiled:
        # The word is the run of letters, digits and .'’&- before j (what the lines below find
        # too), read back a character at a time, its leading '’- dropped.
        k = j
        while k > stop:
            ch = _char(cs, k - 1)
            if not (ch.isalnum() or ch == "." or ch == "'" or ch == "’" or ch == "&" or ch == "-"):
                break
            k -= 1
        while k < j and (_char(cs, k) == "'" or _char(cs, k) == "’" or _char(cs, k) == "-"):
            k += 1
        return text[k:j], k
    else:
        # As Python, one find is faster: usually the word is a plain one after a space (or running
        # back to ``stop``); else the run is read back as above.
        k = text.rfind(" ", stop, j) + 1 or stop
        w = text[k:j]
        if not w.isalnum():
            k = j
            while k > stop:
                ch = _char(cs, k - 1)
                if not (ch.isalnum() or ch in ".'’&-"):
                    break
                k -= 1
            w = text[k:j]
        if w and w[0] in "'’-":
            while w.startswith(("'", "’", "-")):
                w, k = w[1:], k + 1
        return w, k


def _next_word(text: str, e: int, limit: int = 24) -> tuple[str, int, int]:
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    j = max(e, 0)  # (compiled, _char does not check indices)
    n = len(text)
    while j < n and _char(cs, j) in _WS:
        j += 1
    k = j
    while k < n and k - j < limit and (_char(cs, k).isalpha()
                                       or (_char(cs, k) in "'’-" and k + 1 < n and _char(cs, k + 1).isalpha())):
        k += 1
    return text[j:k], j, k


def _sentence_initial(text: str, k: int) -> bool:
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    j = min(k, len(text))  # (compiled, _char does not check indices)
    while j > 0 and _char(cs, j - 1) in _WS:
        j -= 1
    return j == 0 or _char(cs, j - 1) in _SENT_END or _char(cs, j - 1) in "(—–-•*"


# ----------------------------------------------------------------------------------- suffixes

# Small follow-up patterns, matched at a position with an end bound (``rx.match(text, pos, end)``).
_AGE_POINTS_RX = re.compile(r"[ \t]+age[ \t]+points?\b|age[ \t]+points?\b")
_POINTS_RX = re.compile(r"[ \t]+points?\b")
_SUBUNIT_RX = re.compile(r"(?:[ \t]+and)?[ \t]+(\d{1,2}|[a-z]+(?:-[a-z]+)?)(?:[ \t]+(?:cents|pence))?\b")
_OLD_RX = re.compile(r"[ \t]+(?:old\b|of[ \t]+age\b)")
_DEGREE_SCALE_RX = re.compile(r"[ \t]*(?:Celsius|Fahrenheit|C|F|centigrade)\b")
_DISTANCE_TAIL_RX = re.compile(r"(?:[ \t]*(?:/|per|an|a)[ \t]*(?:hour|h|hr|second|s)\b|\^?[23²³]|[ \t]+(?:squared|cubed))")
_TIMES_PER_RX = re.compile(r"[ \t]+(?:a|per|each|every)[ \t]+(?:day|week|month|year)\b")
_CF_RX = re.compile(r"[ \t]*[CF]\b")


def _suffix(text: str, e: int, value, allow_mag: bool = True, is_digit: bool = True):
    """Consume magnitude / unit words after a number ending at ``e``.

    Returns (end, value, type, unit) where type may be None (plain number)."""
    n = len(text)
    mag_done = False
    for _ in range(4):
        m = _tok(text, e)
        if not m:
            break
        sep, tok = m[0], m[1]
        spaced = m[2] > e and text[e] in _WS
        low = tok.lower().rstrip(".")
        nxt = m[3]
        after = text[nxt] if nxt < n else " "
        if tok == "%":
            return nxt, value, "percent", "%"
        if low not in _SUFFIX_LOWS:
            # no rule below takes this token (most tokens after a number: "people", "of"), so only
            # a currency adjective can follow it ("10 US dollars"), as the rule for it reads
            if sep is None and low.isalpha() and not (after.isalnum() and tok[-1] != "."):
                m4 = _tok(text, nxt)
                if m4 and m4[0] is None and m4[1].lower() in _ADJ_CURRENCIES:
                    return m4[3], value, "money", CURRENCY_WORDS.get(m4[1].lower())
            break
        if after.isalnum() and tok[-1] != ".":
            # the token continues into digits/letters (e.g. "3G4"): not a unit
            if not (after.isdigit() and low in ("km", "m")):
                break
        if low in ("percent", "pct", "pc") or (low == "per" and text.startswith("cent", nxt + 1)):
            if low == "per":
                nxt = nxt + 5
            m2 = _AGE_POINTS_RX.match(text, nxt, nxt + 20) if text.startswith("age", _blanks_end(text, nxt)) else None
            if m2:
                return m2.end(), value, "percent", "pp"
            if low == "pc" and spaced:
                break
            return nxt, value, "percent", "%"
        if low == "percentage" and (mp := _POINTS_RX.match(text, nxt, nxt + 10)):
            return mp.end(), value, "percent", "pp"
        if allow_mag and not mag_done and low in MAGNITUDES and sep is None:
            short = low in ("k", "m", "b", "mm", "bn", "mn", "mln", "bln", "tn", "trn")
            if short and spaced and low not in ("bn", "mn", "mln", "bln"):
                break
            if low in ("b", "m", "k") and tok[-1] == ".":
                break
            if low == "hundred" and isinstance(value, (int, float)) and value >= 100:
                break
            value = value * MAGNITUDES[low] if isinstance(value, (int, float)) else value
            mag_done = True
            e = nxt if tok[-1] != "." else nxt - 1
            continue
        if tok in CURRENCY_SYMBOLS and sep is None:
            return nxt, value, "money", CURRENCY_SYMBOLS[tok]
        if tok in CURRENCY_CODES or (len(tok) == 4 and tok[0] == "M" and tok[1:] in CURRENCY_CODES):
            return nxt, value, "money", tok[-3:]
        if low in CURRENCY_WORDS and sep is None and low != "won" and not (low in ("marks", "pound") and not mag_done):
            if low in ("cent", "cents", "pence", "penny"):
                value = value / 100 if isinstance(value, (int, float)) else value
            e2 = nxt
            m3 = _SUBUNIT_RX.match(text, e2, e2 + 40)
            if m3 and low not in ("cent", "cents", "pence") and (m3.group(1).isdigit() or m3.group(1) in ONES or m3.group(1).split("-")[0] in TENS):
                e2 = m3.end()
            return e2, value, "money", CURRENCY_WORDS[low] or None
        if low in TIME_UNITS:
            u = TIME_UNITS[low]
            end = nxt if tok[-1] != "." else nxt - 1
            if sep == "-" and text.startswith("-old", end):
                return end + 4, value, "age", u
            k = _blanks_end(text, end)
            ma = _OLD_RX.match(text, end, end + 12) if k > end and text.startswith(("old", "of"), k) else None
            if ma:
                return ma.end(), value, "age", u
            if text.startswith("'", end) and not (end + 1 < n and text[end + 1].isalpha()):
                end += 1
            return end, value, "duration", u
        if sep is None and low.isalpha() and low not in MEASURE_UNITS and low not in TIME_UNITS:
            m4 = _tok(text, nxt)
            if m4 and m4[0] is None and m4[1].lower() in _ADJ_CURRENCIES:
                cw = m4[1].lower()
                return m4[3], value, "money", CURRENCY_WORDS.get(cw)
        if low in ("yo", "y.o") and sep is None:
            return nxt, value, "age", "years"
        if low in ("straight", "consecutive", "successive", "full", "whole", "more", "long", "extra", "additional"):
            m4 = _tok(text, nxt)
            if m4 and m4[1].lower() in TIME_UNITS:
                e = nxt
                continue
            break
        if low in ("square", "sq", "cubic"):
            m4 = _tok(text, nxt)
            if m4 and m4[1].lower().rstrip(".") in MEASURE_UNITS:
                return m4[3], value, "measure", low + " " + MEASURE_UNITS[m4[1].lower().rstrip(".")]
            break
        if low in MEASURE_UNITS and low not in ("square", "sq", "cubic"):
            if tok[-1] == "." and low not in ("ft", "in", "sq", "mi", "lb", "oz"):
                nxt -= 1
            if low in ("times",) and sep:
                break
            if low in ("m", "t", "g", "l", "v", "mt") and spaced:
                break
            u = MEASURE_UNITS[low]
            end = nxt
            if low in ("degree", "degrees", "°"):
                m5 = _DEGREE_SCALE_RX.match(text, end, end + 14)
                if m5:
                    end = m5.end()
            elif low in ("km", "kilometres", "kilometers", "miles", "metres", "meters"):
                m5 = _DISTANCE_TAIL_RX.match(text, end, end + 14)
                if m5:
                    end = m5.end()
            elif low == "times":
                m5 = _TIMES_PER_RX.match(text, end, end + 16)
                if m5:
                    end = m5.end()
            return end, value, "measure", u
        if tok == "°":
            end = nxt
            m5 = _CF_RX.match(text, end, end + 4)
            if m5:
                end = m5.end()
            return end, value, "measure", "deg"
        if low in ("in", "c", "f", "b") and sep is None and spaced:
            break
        break
    if mag_done:
        return e, value, None, None
    return None


# What a token after a number can be (lower case, without a final dot) for a rule of _suffix to take
# it: the words each rule names and the tables it looks in, the currency symbols and codes.
_SUFFIX_LOWS = frozenset(
    {"percent", "pct", "pc", "per", "percentage", "yo", "y.o", "straight", "consecutive", "successive", "full",
     "whole", "more", "long", "extra", "additional", "square", "sq", "cubic", "in", "c", "f", "b", "°"}
    | set(MAGNITUDES) | set(CURRENCY_WORDS) | set(TIME_UNITS) | set(MEASURE_UNITS)
    | {t.lower().rstrip(".") for t in CURRENCY_SYMBOLS}
    | {c.lower() for c in CURRENCY_CODES} | {"m" + c.lower() for c in CURRENCY_CODES})


# ----------------------------------------------------------------------------------- context


# The 16-bit hashes (_word_hash) of the words that can end a hedge, for _may_end_hedge.
_HEDGE_LAST_HASH_BITS = _hash_bits(HEDGE_FIRST | {"estimated", "approx."})


def _may_end_hedge(text: str, s: int) -> bool:
    """False when the word before ``s`` (``_prev_word(text, s, 14)``) is surely not one that ends a
    hedge (in lower case, in ``HEDGE_FIRST`` or "estimated", "approx."): a word of ASCII letters and
    dots whose lower-case hash bit is not set. Any other word is left to the full check."""
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    s = min(s, len(text))  # (compiled, _char does not check indices)
    j = s
    while j > 0 and _char(cs, j - 1) in _WS:
        j -= 1
    stop = s - 14 if s > 14 else 0
    k = j
    while k > stop:
        ch = _char(cs, k - 1)
        if "a" <= ch <= "z" or "A" <= ch <= "Z" or ch == ".":
            k -= 1
        elif ch.isalnum() or ch == "'" or ch == "’" or ch == "&" or ch == "-":
            return True  # another character of a word: the full check reads it
        else:
            break
    if k == j:
        return False  # no word: _hedge_before finds none either
    if k == stop and k > 0:
        return True  # the word may run on past the limit: the full check reads it
    h = 0
    for i in range(k, j):
        c = ord(_char(cs, i))
        if 65 <= c <= 90:  # A-Z in lower case
            c += 32
        h = (h * 31 + c) & 0xFFFF
    return bool(_HEDGE_LAST_HASH_BITS[h >> 3] & (1 << (h & 7)))


def _hedge_before(text: str, s: int) -> tuple[int, str | None]:
    """Extend ``s`` back over a hedge ("more than", "about", "some"). Returns (start, hedge)."""
    if cython.compiled and not _may_end_hedge(text, s):
        return s, None
    w1, k1 = _prev_word(text, s, 14)
    if not w1:
        return s, None
    l1 = w1.lower()
    if l1 not in HEDGE_FIRST and l1 not in ("estimated", "approx."):
        if l1 in ("more", "or"):
            return s, None
        return s, None
    w2, k2 = _prev_word(text, k1, 14)
    l2 = (w2.lower() + " " + l1) if w2 else ""
    w3, k3 = _prev_word(text, k2, 14) if w2 else ("", k2)
    l3 = (w3.lower() + " " + l2) if w3 else ""
    if l3 in HEDGES:
        return k3, HEDGES[l3]
    if l2 in HEDGES:
        return k2, HEDGES[l2]
    if l1 in HEDGES and l1 not in ("to", "than", "of", "least", "most", "many", "much", "estimated"):
        if l1 == "over" and w2.lower() in ("all", "just", "well", "fell", "rose"):
            pass
        return k1, HEDGES[l1]
    if l1 == "estimated":
        return k1, "approx"
    return s, None


_CURRENCY_ABBREVS = {"Rs": "INR", "RM": "MYR", "Dh": "AED", "Dhs": "AED", "SR": "SAR", "R": "ZAR", "Sh": "KES",
                     "Ksh": "KES"}
# Last characters of the words _currency_before accepts before a number (codes, abbreviations with
# or without a dot, "dollar", "euro" in any case).
_CURRENCY_WORD_LAST = frozenset([w[-1] for w in CURRENCY_CODES] + [w[-1] for w in _CURRENCY_ABBREVS]
                                + [".", "r", "R", "o", "O"])


def _grouped_int(s: str) -> int:
    """The value of ``s`` when it is ASCII digits in comma groups of three after the first ("24,900",
    "1,234,567") with at most 15 digits (so the float path of ``_num`` is exact), else -1."""
    acc = 0
    digits = 0
    group = -1  # digits since the last comma (-1: no comma yet)
    for ch in s:
        if "0" <= ch <= "9":
            acc = acc * 10 + (ord(ch) - 48)
            digits += 1
            if group >= 0:
                group += 1
        elif ch == "," and digits > 0 and (group == -1 or group == 3):
            group = 0
        else:
            return -1
    if group != 3 or digits > 15:
        return -1
    return acc


def _currency_before(text: str, s: int) -> tuple[int, str | None]:
    """A currency symbol/code right before ``s`` ("$", "US$", "€", "USD ", "Rs. ")."""
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    s = min(s, len(text))  # (compiled, _char does not check indices)
    j = s
    if j > 0 and _char(cs, j - 1) in _WS:
        j -= 1
    if j > 0 and _char(cs, j - 1) in CURRENCY_SYMBOLS and _char(cs, j - 1) != "元":
        code = CURRENCY_SYMBOLS[_char(cs, j - 1)]
        k = j - 1
        if (k >= 2 and _char(cs, k - 1) in _WS and _char(cs, k - 2) in "cCaA"
                and (k < 3 or not _char(cs, k - 3).isalnum())):
            return k - 2, "CAD" if _char(cs, k - 2) in "cC" else "AUD"
        p = k
        while p > 0 and k - p < 4 and (_char(cs, p - 1).isalpha() or _char(cs, p - 1) == "."):
            p -= 1
        pre = text[p:k].lower()
        if pre and pre in DOLLAR_PREFIX and (p == 0 or not _char(cs, p - 1).isalnum()):
            if code == "USD":
                code = DOLLAR_PREFIX[pre]
            return p, code
        if pre in CURRENCY_CODES or pre.upper() in CURRENCY_CODES:
            return p, pre.upper()
        return k, code
    j = s
    while j > 0 and _char(cs, j - 1) in _WS:
        j -= 1
    if j == 0 or _char(cs, j - 1) not in _CURRENCY_WORD_LAST:
        return s, None  # the word before cannot be a currency code or word
    w, k = _prev_word(text, s, 6)
    if w and (w in CURRENCY_CODES or w.rstrip(".") in _CURRENCY_ABBREVS):
        if w.rstrip(".") in ("R", "Sh") and _char(cs, s - 1) in _WS:
            return s, None
        return k, w if w in CURRENCY_CODES else _CURRENCY_ABBREVS[w.rstrip(".")]
    if w and w.lower() in ("dollar", "euro") and (s - k) <= 8:
        return k, "USD" if w.lower() == "dollar" else "EUR"
    return s, None


_MONTH_BEFORE_RX = re.compile(
    r"(?:(?P<wd>(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?[ \t]+)?)"
    r"(?P<m>[A-Za-z]{3,9})(?P<dot>\.?)(?P<sep>,?[ \t\u00a0]+|[/-]|[ \t]+the[ \t]+)\Z")


_DATE_SEPS = frozenset(" \t\u00a0/-")
_MONTH_AFTER_LEAD = _DATE_SEPS  # _MONTH_AFTER_RX needs one of these first (ordinal suffixes are handled before)


def _month_before(text: str, s: int) -> tuple[int, int] | None:
    """A month name ending right before ``s`` ("June 19", "Sept. 5", "March/", "May the 5th"):
    (start of the month word, month number)."""
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    if s <= 0 or s > len(text) or _char(cs, s - 1) not in _DATE_SEPS:  # (compiled, _char does not check indices)
        return None
    # Cheap reject: the word _MONTH_BEFORE_RX would take (the last <= 9 ASCII letters before the
    # separator, inside the 26-character window) must be a month name, or "the" ("May the 5th").
    q = s - 1
    if _char(cs, q) in "/-":
        q -= 1
    else:
        while q >= 0 and _char(cs, q) in _WS:
            q -= 1
        if q >= 0 and _char(cs, q) == ",":
            q -= 1
    if q >= 0 and _char(cs, q) == ".":
        q -= 1
    p = q
    lo = max(q - 8, s - 26, 0)
    while p >= lo and _char(cs, p) in _ASCII_LETTERS:
        p -= 1
    word = text[p + 1:q + 1].lower()
    if word not in MONTHS and word != "the":
        return None
    lo = max(0, s - 26)
    if _has_weekday_start(text, lo, s):  # a weekday may lead the match ("Mon., June 5"): the regex decides
        m = _MONTH_BEFORE_RX.search(text, lo, s)
        if not m:
            return None
        x, w = m.start("m"), m.group("m").lower()
    else:
        x, y = _month_word_span(text, lo, s)
        if x < 0:
            return None
        w = text[x:y].lower()
    if w not in MONTHS:
        return None
    return x, MONTHS[w]


_WEEKDAY_STARTS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # how _MONTH_BEFORE_RX's weekday starts


def _has_weekday_start(text: str, lo: int, s: int) -> bool:
    """Does ``text[lo:s]`` hold one of ``_WEEKDAY_STARTS``? (One pass; a ``str.find`` per name cost
    seven method calls.)"""
    for p in range(max(lo, 0), min(s, len(text)) - 2):
        ch = text[p]
        if (ch == "M" or ch == "T" or ch == "W" or ch == "F" or ch == "S") and text[p:p + 3] in _WEEKDAY_STARTS:
            return True
    return False


def _month_word_span(text: str, lo: int, s: int) -> tuple[int, int]:
    """The span of the group "m" of ``_MONTH_BEFORE_RX.search(text, lo, s)`` when no weekday name
    is in ``text[lo:s]``, else (-1, -1) where it does not match; without the regex's 26 attempts.

    Without the weekday group a match is m (3-9 ASCII letters), an optional ".", then a separator
    that ends at ``s``: a comma and/or a whole run of spaces (alternative 1), "/" or "-" (2), or
    spaces, "the", spaces (3). Whitespace, "," and "." cannot be in m, so each alternative fixes where
    m ends (y); m starts as far left as the letters allow (at most 9, not before ``lo``), and the
    match that starts leftmost is the one ``search`` returns (one start fits only one y)."""
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    ends = []
    last = _char(cs, s - 1)
    if last == "/" or last == "-":
        ends.append(s - 1)
    else:  # last is whitespace (the caller checked it is a date separator)
        w0 = s
        while w0 > lo and _char(cs, w0 - 1) in _WS:
            w0 -= 1
        ends.append(w0 - 1 if w0 > lo and _char(cs, w0 - 1) == "," else w0)
        if last == " " or last == "\t":
            t1 = s
            while t1 > lo and (_char(cs, t1 - 1) == " " or _char(cs, t1 - 1) == "\t"):
                t1 -= 1
            if t1 - 3 >= lo and text.startswith("the", t1 - 3):
                t2 = t1 - 3
                while t2 > lo and (_char(cs, t2 - 1) == " " or _char(cs, t2 - 1) == "\t"):
                    t2 -= 1
                if t2 < t1 - 3:
                    ends.append(t2)
    best_x = best_y = -1
    for y in ends:
        if y > lo and _char(cs, y - 1) == ".":
            y -= 1  # the optional dot
        x = y
        while x > lo and x > y - 9 and _char(cs, x - 1) in _ASCII_LETTERS:
            x -= 1
        if y - x >= 3 and (best_x < 0 or x < best_x):
            best_x, best_y = x, y
    return best_x, best_y


_YEAR_AFTER_RX = re.compile(r"(?:,?[ \t\u00a0]+|,|[ \t]+of[ \t]+|[/-])((?:1[6-9]|20)\d\d|'\d\d)\b(?![,.]\d)")
_MONTH_AFTER_RX = re.compile(r"(?:(?:st|nd|rd|th)\b)?(?:[ \t\u00a0]+(?:of[ \t]+)?|[/-])([A-Za-z]{3,9})\b(\.?)")


def _month_after(text: str, pos: int) -> tuple | None:
    """``_MONTH_AFTER_RX.match(text, pos)`` as (end, group 1, group 2), or None. Compiled, read
    character by character: an ordinal suffix is taken when a lead follows it (the pattern backs off
    to none, and then no lead can start at the suffix's letter); after blanks, "of" and blanks when
    present (backing off leaves "of", two letters: too short); the word is a whole run of 3 to 9 ASCII
    letters (a longer run, or one that a word character continues, fails at every length)."""
    if not cython.compiled:
        m = _MONTH_AFTER_RX.match(text, pos)
        return None if m is None else (m.end(), m.group(1), m.group(2))
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    n = len(text)
    p = max(pos, 0)
    if p + 1 < n and _is_ordinal_suffix(_char(cs, p), _char(cs, p + 1)) and _word_boundary_after(cs, p + 2, n):
        p += 2
    if p >= n:
        return None
    ch = _char(cs, p)
    if ch == "/" or ch == "-":
        q = p + 1
    elif ch == " " or ch == "\t" or ch == "\u00a0":
        q = _after_of(cs, _blanks_after_comma(cs, p, n), n)
    else:
        return None
    k = q
    while k < n and k - q < 10 and ("a" <= _char(cs, k) <= "z" or "A" <= _char(cs, k) <= "Z"):
        k += 1
    if not 3 <= k - q <= 9 or not _word_boundary_after(cs, k, n):
        return None
    if k < n and _char(cs, k) == ".":
        return k + 1, text[q:k], "."
    return k, text[q:k], ""


def _year_after(text: str, pos: int) -> tuple | None:
    """``_YEAR_AFTER_RX.match(text, pos)`` as (end, year), or None. Compiled, read character by
    character: each way the pattern can lead into the year (",?" and blanks, ",", blanks "of" blanks,
    "/" or "-") puts the year at one place, tried in the pattern's order (``_year_end``)."""
    if not cython.compiled:
        m = _YEAR_AFTER_RX.match(text, pos)
        return None if m is None else (m.end(), m.group(1))
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    n = len(text)
    p = max(pos, 0)
    if p >= n:
        return None
    ch = _char(cs, p)
    r = _blanks_after_comma(cs, p, n)  # ,?[ \t\u00a0]+
    if r >= 0:
        z = _year_end(cs, r, n)
        if z >= 0:
            return z, text[r:z]
    if ch == "," or ch == "/" or ch == "-":  # "," or [/-]
        z = _year_end(cs, p + 1, n)
        if z >= 0:
            return z, text[p + 1:z]
    elif ch == " " or ch == "\t":  # [ \t]+of[ \t]+
        r = p
        while r < n and (_char(cs, r) == " " or _char(cs, r) == "\t"):
            r += 1
        y = _after_of(cs, r, n)
        if y > r:
            z = _year_end(cs, y, n)
            if z >= 0:
                return z, text[y:z]
    return None


def _year_end(cs, y: int, n: int, lo: str = "6", more_seps: bool = False) -> int:
    """Where a year starting at ``y`` ends, or -1: ``((?:1[6-9]|20)\d\d|'\d\d)\b(?![,.]\d)`` (the year of
    ``_YEAR_AFTER_RX``), or with ``lo`` "5" and ``more_seps`` ``((?:1[5-9]|20)\d\d|'\d\d)\b(?![.,:/]\d)``
    (of ``_MONTH_FWD_RX``); ``\d`` and ``\b`` as ``re`` reads them in a str."""
    if y + 2 < n and _char(cs, y) == "'" and _char(cs, y + 1).isdecimal() and _char(cs, y + 2).isdecimal():
        z = y + 3
    elif (y + 3 < n and ((_char(cs, y) == "1" and lo <= _char(cs, y + 1) <= "9") or (_char(cs, y) == "2" and _char(cs, y + 1) == "0"))
          and _char(cs, y + 2).isdecimal() and _char(cs, y + 3).isdecimal()):
        z = y + 4
    else:
        return -1
    if not _word_boundary_after(cs, z, n) or _digit_after_sep(cs, z, n, more_seps):
        return -1
    return z


def _word_boundary_after(cs, z: int, n: int) -> bool:
    """``\b`` at ``z`` after a word character: ``z`` is the end, or no word character ("_",
    letters, digits) follows."""
    if z >= n:
        return True
    ch = _char(cs, z)
    return not (ch.isalnum() or ch == "_")


def _digit_after_sep(cs, z: int, n: int, more_seps: bool) -> bool:
    """Does ``[,.]\d`` (with ``more_seps``, ``[.,:/]\d``) match at ``z``?"""
    if z + 1 >= n or not _char(cs, z + 1).isdecimal():
        return False
    ch = _char(cs, z)
    return ch == "," or ch == "." or (more_seps and (ch == ":" or ch == "/"))


_TWO_DIGITS = tuple(f"{k:02d}" for k in range(100))


def _pad(v: int, width: int) -> str:
    """``f"{v:0{width}d}"`` for an int (a format spec is parsed on every call; this is cheaper). Months,
    days, hours and minutes come from a table; a year of four digits is written as it is."""
    if width == 2 and v.__class__ is int and 0 <= v < 100:
        return _TWO_DIGITS[v]
    if width == 4 and v.__class__ is int and 1000 <= v <= 9999:
        return str(v)  # a year: four digits already
    return str(int(v)).zfill(width)


def _iso(y: int | None, mo: int | None, d: int | None) -> str:
    ys = _pad(y, 4) if y else "XXXX"
    if mo is None:
        return ys
    if d is None:
        return f"{ys}-{_pad(mo, 2)}"
    return f"{ys}-{_pad(mo, 2)}-{_pad(d, 2)}"


def _year(tok: str) -> int | None:
    if tok.startswith("'"):
        v = int(tok[1:])
        return 2000 + v if v < 40 else 1900 + v
    return int(tok)


# ----------------------------------------------------------------------------------- number words

_SMALL = {**ONES, **TENS}
# Currency words that take a nationality adjective: "10 US dollars", "100 Chinese yuan".
_ADJ_CURRENCIES = {"dollar", "dollars", "yuan", "lira", "liras", "guilders", "francs", "franc", "pesos", "peso",
                   "rupees", "rupee", "dinars", "dinar", "pounds", "crowns", "kronor", "kroner", "rand", "riyals",
                   "reais", "real", "shillings", "won", "yen"}
_WORDVAL_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3, "thirds": 1 / 3,
                      "fourths": 0.25, "fifth": 0.2, "fifths": 0.2, "halves": 0.5, "sixths": 1 / 6,
                      "eighths": 0.125, "tenths": 0.1}


def _parse_words(words: list[str]) -> tuple[float | int | None, int, str | None]:
    """Value of a number-word sequence; returns (value, words used, kind) with kind in
    None (cardinal), 'fraction', 'ordinal', 'vague'."""
    total = 0
    cur = 0
    used = 0
    seen = False
    kind = None
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("and", "a", "an"):
            if not seen and w in ("a", "an"):
                # leading "a": "a dozen", "a half", "a million"
                if i + 1 < len(words) and words[i + 1] in ("dozen", "hundred", "thousand", "million", "billion",
                                                           "trillion", "half", "quarter", "third", "fifth"):
                    cur = 1
                    i += 1
                    continue
                break
            if seen and i + 1 < len(words) and (words[i + 1] in _SMALL or words[i + 1] in ("a", "half", "quarter")
                                                or words[i + 1] in _WORDVAL_FRACTIONS):
                i += 1
                continue
            break
        if w in _SMALL:
            if seen and cur % 100 != 0 and not (cur % 10 == 0 and cur >= 20 and _SMALL[w] < 10 and w in ONES):
                break
            cur += _SMALL[w]
            seen = True
        elif w == "dozen":
            cur = (cur or 1) * 12
            seen = True
        elif w in SCALES:
            if not seen and cur == 0:
                if i > 0 and words[i - 1] in ("a", "an"):
                    cur = 1
                else:
                    break
            sc = SCALES[w]
            if sc == 100:
                cur = (cur or 1) * 100
            else:
                total += (cur or 1) * sc
                cur = 0
            seen = True
        elif w in VAGUE and not seen:
            v = VAGUE[w]
            used = i + 1
            # "tens of thousands", "hundreds of millions" handled by caller
            return v, used, "vague"
        elif w in _WORDVAL_FRACTIONS and (seen or (i > 0 and words[i - 1] in ("a", "an", "and"))):
            base = cur or (1 if words[i - 1] in ("a", "an") else 0)
            if words[i - 1] in ("a", "an") and seen:
                cur = cur + _WORDVAL_FRACTIONS[w]
            elif w in ("half", "halves") and not seen:
                cur = 0.5
            else:
                cur = (base if base else 1) * _WORDVAL_FRACTIONS[w] if not (words[i - 1] in ("and",)) else cur + _WORDVAL_FRACTIONS[w]
            seen = True
            kind = "fraction"
            used = i + 1
            i += 1
            continue
        elif w in ORDINALS and seen and cur % 10 == 0 and cur >= 20 and ORDINALS[w] < 10:
            cur += ORDINALS[w]
            used = i + 1
            return total + cur, used, "ordinal"
        else:
            break
        i += 1
        used = i
    if not seen:
        return None, 0, None
    return _clean(total + cur), used, kind


_WORD_TOKEN_RX = re.compile(r"[A-Za-z]+")
# Follow-up patterns of number words, matched with an end bound (``rx.match(text, e, e + k)``).
_OF_SCALES_RX = re.compile(r"[ \t]+of[ \t]+(thousands|millions|billions)\b")
_OF_WORD_RX = re.compile(r"[ \t]+of[ \t]+([A-Za-z]+)")
_IN_OUT_OF_RX = re.compile(r"[ \t]+(?:in|out[ \t]+of)[ \t]+(\d+|[a-z]+)\b")
_FRACTION_WORD_RX = re.compile(r"[ \t-]+(half|third|quarter|fourth|fifth|sixth|eighth|tenth)s?\b")
_OF_MONTH_RX = re.compile(r"[ \t]+of[ \t]+([A-Za-z]{3,9})\b")
_PLURAL_S_RX = re.compile(r"s\b")
_A_SCALE_RX = re.compile(r"[ \t]+(?:a|an)[ \t]+(million|billion|trillion|percent|dozen|thousand|hundred|per[ \t]+cent)\b")


# ----------------------------------------------------------------------------------- main


class _C:
    __slots__ = ("s", "e", "type", "value", "unit", "hedge", "high", "prio")

    def __init__(self, s, e, typ, value=None, unit=None, hedge=None, high=None, prio=0):
        self.s, self.e, self.type, self.value, self.unit, self.hedge, self.high, self.prio = (
            s, e, typ, value, unit, hedge, high, prio)


def _c(s: int, e: int, typ, value=None, unit=None, hedge=None, high=None, prio: int = 0) -> _C:
    """A new ``_C``: compiled, set field by field (a call of the class parses its arguments as
    Python does; this costs a fifth of that)."""
    c = _C.__new__(_C)
    c.s, c.e, c.type, c.value, c.unit, c.hedge, c.high, c.prio = s, e, typ, value, unit, hedge, high, prio
    return c


def _is_listmarker(text: str, s: int, e: int) -> bool:
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    j = min(s, len(text))  # (compiled, _char does not check indices)
    if j > 0 and _char(cs, j - 1) == "(":
        j -= 1
    while j > 0 and _char(cs, j - 1) in _WS:
        j -= 1
    if j > 0 and _char(cs, j - 1) != "\n":
        return False
    if e - s > 3 or e >= len(text):
        return False
    c = _char(cs, e)
    return (c in ".)" and e + 1 < len(text) and _char(cs, e + 1) in _WS) or (c == ")" and text[s - 1:s] == "(")


def _name_before(text: str, s: int) -> bool:
    """True when the number follows a capitalised name word directly ("Boeing 787", "Flight 447")."""
    if s < 2 or text[s - 1] not in _WS:
        return False
    w, k = _prev_word(text, s, 20)
    if not w or not (w[0].isupper() or (len(w) > 1 and w[0] == "i" and w[1].isupper())):
        return False
    lw = w.lower().rstrip(".")
    if lw in COMMON or lw in MONTHS or lw in WEEKDAYS or lw in HEDGE_FIRST or lw in ("no", "nos", "number"):
        return False
    if w in CURRENCY_CODES or lw in ("rs", "rm", "dh", "us", "top", "aged", "age", "ages", "over", "under",
                                         "nearly", "roughly", "around", "almost", "some", "about", "just", "only"):
        return False
    if w.endswith(("'s", "’s")):
        return False
    return True


# Letters that may be glued to a number ("5km", "3pm", "1990s", "10x").
_GLUED_OK = frozenset((
    "st", "nd", "rd", "th", "s", "am", "pm", "a", "p", "k", "m", "b", "bn", "mn", "mln", "tn", "km", "kg", "cm",
    "mm", "ml", "mg", "gb", "mb", "tb", "kb", "ghz", "mhz", "mw", "gw", "kw", "kwh", "mwh", "gwh", "twh", "ft", "lb",
    "lbs", "oz", "mph", "kph", "yo", "x", "ish", "usd", "eur", "gbp", "h", "hrs", "hr", "min", "mins", "sec", "m²",
    "g", "t", "l", "mt", "ev", "kev", "mev", "gev", "tev", "mah", "db", "hz", "v", "kv", "w", "musd", "meur", "mgbp",
    "yr", "yrs", "kt", "c", "f", "bln", "trn", "mmbtu", "bbl", "bpd", "e"))
_DASH_PREFIXES = ("mid", "pre", "post", "early", "late", "circa", "over", "under", "ca", "c")
_CLOCK_AMPM_RX = re.compile(r"[ \t\u00a0]?([aApP])\.?[ \t]?[mM]\b\.?|[ \t\u00a0]?([aApP])\.?[ \t]?[mM]\.?")
_CLOCK_ZONE_RX = re.compile(r"[ \t\u00a0]+\(?([A-Z]{1,5})\b\)?")
_CLOCK_LOCAL_RX = re.compile(r"[ \t]+(local time|Moscow time|[A-Z][a-z]+ time)\b")
_MIXED_WHOLE_RX = re.compile(r"(\d+)[ \t\u00a0]+\Z")
_AMPM_RX = re.compile(r"[ \t\u00a0]?([aApP])(?:\.[ \t]?[mM]\.?|[mM]\b\.?)|[ \t\u00a0]?([AP])\.?M\.?\b")
_ZONE_RX = re.compile(r"[ \t\u00a0]+([A-Z]{2,4})\b")
_OR_MORE_RX = re.compile(r"[ \t]+or[ \t]+(more|so)\b")
_AMPM_LEAD = frozenset("aApP")
_AGE_WORDS = ("aged", "age", "ages")


def _digit_candidate(text: str, s: int, e: int, tok: str) -> _C | None:
    """The figure that starts with the digit run ``tok`` at ``s:e``, or None."""
    n = len(text)
    c0 = text[s - 1] if s > 0 else " "
    if c0.isalpha() or c0 in "_@#\\" or (c0 == "." and s > 1 and text[s - 2].isalnum()):
        # inside an identifier (G20, A380, v2.1) unless a currency code is glued on (USD500)
        p = s
        while p > 0 and text[p - 1].isalpha():
            p -= 1
        pre = text[p:s]
        if not (pre.upper() in CURRENCY_CODES or pre in ("Rs", "US", "NT")) or c0 == ".":
            return None
    if c0 in "-–" and s > 1 and text[s - 2].isalpha():
        w, k = _prev_word(text, s - 1, 12)
        if w.lower() not in _DASH_PREFIXES:
            return None
    if e < n:
        nc = text[e]
        if nc.isalpha() or nc == "_":
            # glued letters must be a unit, magnitude, ordinal suffix, am/pm or decade 's'
            k = e
            while k < n and text[k].isalpha():
                k += 1
            gl = text[e:k].lower()
            if not (gl in _GLUED_OK or (k < n and text[k] in "²³")):
                return None
            if gl in ("a", "p") and not (":" in tok or (e - s) <= 2):
                return None
            if gl == "e" and not (k < n and (text[k].isdigit() or text[k] in "+-")):
                return None
            if gl == "x" and not (k < n and text[k].isdigit()):
                return None
            if k < n and text[k].isdigit() and gl not in ("x", "e"):
                return None
        elif nc.isdigit():
            return None
    if e - s <= 3 and _is_listmarker(text, s, e):
        return None
    if tok == "24/7":
        return None

    start = s
    # negative sign
    if c0 in "-−" and (s < 2 or text[s - 2] in _WS + "(") and not (s >= 2 and text[s - 2].isdigit()):
        start = s - 1
    # _DIGIT_RX allows one ":" group, at most two "/" or "-" separators
    if ":" in tok:
        return _clock_candidate(text, start, e, tok)
    if "/" in tok:
        return _slash_candidate(text, start, s, e, tok)
    if "-" in tok or "–" in tok:
        return _dash_candidate(text, start, e, tok)
    return _number_candidate(text, start, s, e, tok)


def _clock_candidate(text: str, start: int, e: int, tok: str) -> _C | None:
    """Times of day ("9:30", "9:30 p.m. GMT"), race times, ratios and scores ("3:1")."""
    n = len(text)
    hh, _, rest = tok.split("-")[0].split("–")[0].partition(":")
    try:
        h = int(hh)
        mm = int(rest[:2])
    except ValueError:
        return None
    tail = rest[2:] if len(rest) > 2 else ""
    end = e
    unit = None
    typ = "time"
    ma = _CLOCK_AMPM_RX.match(text, e, e + 8) if _ampm_letter_at(text, e) else None
    if ma:
        end = ma.end()
        ap = (ma.group(1) or ma.group(2)).lower()
        if ap == "p" and h < 12:
            h += 12
        if ap == "a" and h == 12:
            h = 0
    value = f"{_pad(h, 2)}:{_pad(mm, 2)}{tail}"
    mz = _CLOCK_ZONE_RX.match(text, end, end + 9)
    if mz and mz.group(1) in TIMEZONES:
        unit = mz.group(1)
        z = mz.group(0)
        end = mz.end() - (1 if z.endswith(")") and not z.lstrip(" \t\u00a0").startswith("(") else 0)
    elif (mz2 := _CLOCK_LOCAL_RX.match(text, end, end + 20)):
        unit = mz2.group(1)
        end = mz2.end()
    if h > 24 and ":" in rest:
        typ, value = "duration", tok
    elif h > 24 or mm > 59:
        # "3:1" style ratio / score
        typ, value = "score", tok
    return _c(start, end, typ, value, unit, None, None, 2)


def _slash_candidate(text: str, start: int, s: int, e: int, tok: str) -> _C | None:
    """Numeric dates ("7/10/2023", "10/2023"), fractions ("3/4", "2 1/4")."""
    parts = tok.split("/")
    if len(parts) == 3:
        try:
            a, b, c = [int(x) for x in parts]
        except ValueError:
            return None
        if a > 31 and b <= 12:
            y, mo, d = a, b, c
        elif a > 12 and b <= 12:
            d, mo, y = a, b, c
        else:
            mo, d, y = a, b, c
        if y < 100:
            y += 2000 if y < 50 else 1900
        ok = 1 <= mo <= 12 and 1 <= d <= 31
        return _c(start, e, "date", _iso(y, mo, d) if ok else tok, None, None, None, 2)
    try:
        a, b = [int(x.replace(",", "")) for x in parts]
    except ValueError:
        return _c(start, e, "number", tok, None, None, None, 1)
    if b in (2, 3, 4, 5, 6, 8, 10, 16, 32, 100) and a < b:
        # mixed fraction "2 1/4"
        ms = _MIXED_WHOLE_RX.search(text, max(0, s - 8), s)
        st = start
        val = a / b
        if ms:
            st = s - len(ms.group(0))
            val += int(ms.group(1))
        r = _suffix(text, e, val, allow_mag=False)
        if r:
            return _c(st, r[0], r[2] or "fraction", _clean(r[1]), r[3], None, None, 2)
        return _c(st, e, "fraction", _clean(val), None, None, None, 2)
    if b > 31 and 1 <= a <= 12 and 1900 <= b <= 2100:
        return _c(start, e, "date", _iso(b, a, None), None, None, None, 2)
    if a > 31 and 1 <= b <= 12:
        return _c(start, e, "date", _iso(a, b, None), None, None, None, 2)
    if 1 <= a <= 12 and 1 <= b <= 31:
        return _c(start, e, "date", _iso(None, a, b), None, None, None, 2)
    if 1 <= b <= 12 and 1 <= a <= 31:
        return _c(start, e, "date", _iso(None, b, a), None, None, None, 2)
    return _c(start, e, "fraction", _clean(a / b) if b else tok, None, None, None, 1)


_SCORE_BEFORE = ("a", "the", "won", "beat", "lost", "drew", "defeated", "trailed", "led", "score")
_SCORE_AFTER = ("win", "victory", "defeat", "loss", "lead", "draw", "thrashing", "scoreline", "home", "away", "over",
                "against", "in", "to", "on")
_RESULT_VERBS = ("won", "beat", "lost", "drew", "defeated")


def _dash_candidate(text: str, start: int, e: int, tok: str) -> _C | None:
    """ISO and numeric dates ("2023-10-07"), year ranges, scores ("3-1"), numeric ranges ("10-15")."""
    sep = "-" if "-" in tok else "–"
    parts = tok.split(sep)
    if len(parts) == 3:
        if not all([p.isdigit() for p in parts]):
            return None
        a, b, c = [int(x) for x in parts]
        if len(parts[0]) == 4:
            return _c(start, e, "date", _iso(a, b, c) if 1 <= b <= 12 and 1 <= c <= 31 else tok, None, None, None, 2)
        y = c + (2000 if c < 50 else 1900) if c < 100 else c
        d, mo = (a, b) if b <= 12 and a > 12 else (b, a) if a <= 12 else (a, b)
        return _c(start, e, "date", _iso(y, mo, d) if 1 <= mo <= 12 else tok, None, None, None, 2)
    if len(parts) != 2:
        return None
    lo, hi = _num(parts[0]), _num(parts[1])
    # year ranges, year-month, scores, numeric ranges
    if len(parts[0]) == 4 and len(parts[1]) in (1, 2) and 1600 <= lo <= 2100 and 1 <= hi <= 12 and sep == "-":
        return _c(start, e, "date", _iso(int(lo), int(hi), None), None, None, None, 2)
    if len(parts[1]) == 4 and 1 <= lo <= 12 and 1600 <= hi <= 2100 and len(parts[0]) <= 2:
        return _c(start, e, "date", _iso(int(hi), int(lo), None), None, None, None, 2)
    if len(parts[0]) == 4 and len(parts[1]) == 2 and 1600 <= lo <= 2100:
        hi = (int(lo) // 100) * 100 + hi
    r = _suffix(text, e, hi)
    typ = "range"
    unit = None
    end = e
    if r:
        end, _, t3, unit = r
        if t3 == "age":
            typ = "age"
    elif isinstance(lo, int) and isinstance(hi, int) and lo <= 30 and hi <= 30:
        w = _prev_word(text, start, 12)[0].lower()
        nw = _next_word(text, end, 12)[0].lower()
        if ((w in _SCORE_BEFORE or nw in _SCORE_AFTER)
                and not (lo < hi and nw in ("in", "to", "on") and w not in _RESULT_VERBS)):
            typ = "score"
    return _c(start, end, typ, _clean(lo), unit, None, _clean(hi) if typ == "range" else None, 2)


def _blanks_end(text: str, pos: int) -> int:
    """The end of the spaces and tabs at ``pos`` (``pos`` when there are none): regexes that start
    with ``[ \t]+`` and a word are matched only where that word follows."""
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    n = len(text)
    pos = max(pos, 0)  # (compiled, _char does not check indices)
    while pos < n and (_char(cs, pos) == " " or _char(cs, pos) == "\t"):
        pos += 1
    return pos


def _ampm_letter_at(text: str, e: int) -> bool:
    """Is there an a/A/p/P at ``e``, or after one space, tab or no-break space there (where
    ``_CLOCK_AMPM_RX`` can match)?"""
    n = len(text)
    if e < n and text[e] in _WS:
        e += 1
    return e < n and text[e] in _AMPM_LEAD


def _ampm_after(text: str, e: int, s: int, tok: str) -> tuple[str, int] | None:
    """An am/pm marker right after a number ending at ``e``: ("a" | "p", end of the marker)."""
    n = len(text)
    if not _ampm_letter_at(text, e):
        return None
    ch = text[e]
    k = e + 1 if ch in _AMPM_LEAD else e + 2  # _AMPM_RX has "." or "m" after the letter
    ma = _AMPM_RX.match(text, e, e + 7) if k < n and (text[k] == "." or text[k] == "m" or text[k] == "M") else None
    if ma:
        return (ma.group(1) or ma.group(2)).lower(), ma.end()
    if ch in "ap" and (e + 1 >= n or not text[e + 1].isalpha()) and (e - s) <= 2 and not (e + 1 < n and text[e + 1] == "."):
        return ch, e + 1
    return None


def _number_candidate(text: str, start: int, s: int, e: int, tok: str) -> _C | None:
    """A plain number ("1,200.5") and what its context makes of it: money, percent, time, ordinal,
    decade, year, day of month, age, unit, magnitude, hedge."""
    n = len(text)
    if tok.count(".") == 2 and "," not in tok:
        d = _dotted_date(start, e, tok)
        if d is not None:
            return d if d is not _NOT_A_DATE else None
    value = _num(tok)
    if start < s:
        value = -value
    typ = "number"
    unit = None

    # times "9.45am", "7pm", "7 p.m."
    ap_end = _ampm_after(text, e, s, tok)
    if ap_end and ("." in tok or (isinstance(value, int) and (0 <= value <= 12 or (100 <= value <= 1259 and len(tok) in (3, 4))))):
        ap, end = ap_end
        if "." in tok:
            hh, mm_ = tok.split(".")[:2]
            h, mi = int(hh), int(mm_[:2].ljust(2, "0"))
        elif value >= 100:
            h, mi = value // 100, value % 100
        else:
            h, mi = int(value), 0
        if ap == "p" and h < 12:
            h += 12
        if ap == "a" and h == 12:
            h = 0
        mz = _ZONE_RX.match(text, end, end + 8)
        unit = None
        if mz and mz.group(1) in TIMEZONES:
            unit = mz.group(1)
            end = mz.end()
        return _c(start, end, "time", f"{_pad(h, 2)}:{_pad(mi, 2)}", unit, None, None, 2)
    if text.startswith(" noon", e):
        return _c(start, e + 5, "time", "12:00", None, None, None, 2)
    if text.startswith(" midn", e):
        return _c(start, e, "time", "12:00", None, None, None, 2)
    if text.startswith("ish", e):
        return _c(start, e + 3, "time", _pad(value, 2) + ":00" if isinstance(value, int) and value < 24 else tok, None, "approx", None, 2)

    # currency before
    cs, code = _currency_before(text, start)
    if code:
        start = cs
        typ = "money"
        unit = code

    nc = text[e] if e < n else ""
    # ordinal / decade suffix
    if nc and nc in "snrt" and text[e:e + 2] in ("st", "nd", "rd", "th") and (e + 2 >= n or not text[e + 2].isalpha()):
        return _ordinal_number(text, start, s, e, value)
    if nc in ("s", "'", "’") and (nc == "s" or text[e:e + 2] in ("'s", "’s")):
        after = e + (1 if nc == "s" else 2)
        if (after >= n or not text[after].isalpha()) and isinstance(value, int) and value % 10 == 0 and len(tok) in (2, 4):
            st2 = start
            if s > 0 and text[s - 1] in "'’":
                st2 = s - 1
            w, k = _prev_word(text, st2, 8)
            if w.lower() in ("the", "early", "late", "mid"):
                st2 = k
            dec = value if len(tok) == 4 else 1900 + value
            return _c(st2, after, "date", _pad(dec // 10, 3) + "X", None, None, None, 2)

    if typ == "number":
        # year?
        if len(tok) == 4 and tok.isdigit() and 1000 <= value <= 2100:
            if not _suffix(text, e, value):
                return _year_number(text, start, s, e, value)
        # day + month ("19 June", "7 October 2023", "June 19")
        elif isinstance(value, int) and 1 <= value <= 31 and "." not in tok and "," not in tok:
            d = _day_of_month(text, start, s, e, value)
            if d is not None:
                return d

    # suffix units / magnitudes
    r = _suffix(text, e, value)
    if r:
        end, value, t2, u2 = r
        if typ == "money":
            if t2 == "money":
                unit = unit or u2
            elif t2 == "percent":
                typ, unit = "percent", u2
        elif t2:
            typ, unit = t2, u2
    else:
        end = e
    if end > e and typ == "number":
        typ = "count" if isinstance(value, int) else "number"

    if typ in ("number", "count") and end == e:
        # numbers after names ("Boeing 787", "Flight 447") are not figures
        if start == s and _name_before(text, s):
            return None
        # age: "Abbas, 88," / "aged 45"
        if isinstance(value, int) and 0 < value < 125 and "," not in tok and "." not in tok:
            if (s >= 2 and text[s - 2] == "," and text[s - 1] in _WS and nc in (",", ")")
                    and (wc := _prev_word(text, s - 2, 20)[0]) and wc[0].isupper()):
                typ, unit = "age", "years"
            else:
                w, k = _prev_word(text, start, 10)
                lw = w.lower()
                if lw in _AGE_WORDS:
                    typ, unit = "age", "years"
                    if lw == "aged":
                        start = k

    if typ == "number" and isinstance(value, int):
        typ = "count"

    hedge = None
    hs, hedge = _hedge_before(text, start)
    if hedge is not None or (hs < start and text[hs:start].strip().lower() == "minus"):
        if hedge is None:
            value = -value if isinstance(value, (int, float)) else value
        start = hs
    # "... or more", "or so"
    k = _blanks_end(text, end)
    mo2 = _OR_MORE_RX.match(text, end, end + 12) if k > end and text.startswith("or", k) else None
    if mo2:
        end = mo2.end()
        hedge = hedge or ("at_least" if mo2.group(1) == "more" else "approx")
    elif end < n and text[end] == "+" and (end + 1 >= n or not text[end + 1].isdigit()):
        end += 1
        hedge = hedge or "more_than"
    return _c(start, end, typ, _clean(value) if isinstance(value, (int, float)) else value, unit, hedge, None, 1)


_NOT_A_DATE = _c(0, 0, "")


def _dotted_date(start: int, e: int, tok: str) -> _C | None:
    """"2023.10.07", "07.10.2023", "10.07.23"; ``_NOT_A_DATE`` when the parts are not numbers."""
    a, b, c = tok.split(".")
    try:
        ai, bi, ci = int(a), int(b), int(c)
    except ValueError:
        return _NOT_A_DATE
    if len(a) == 4 and 1 <= bi <= 12 and 1 <= ci <= 31:
        return _c(start, e, "date", _iso(ai, bi, ci), None, None, None, 2)
    if len(c) in (2, 4) and 1 <= bi <= 12 and 1 <= ai <= 31:
        y = ci if len(c) == 4 else ci + (2000 if ci < 50 else 1900)
        return _c(start, e, "date", _iso(y, bi, ai), None, None, None, 2)
    if len(c) in (2, 4) and 1 <= ai <= 12 and 1 <= bi <= 31:
        y = ci if len(c) == 4 else ci + (2000 if ci < 50 else 1900)
        return _c(start, e, "date", _iso(y, ai, bi), None, None, None, 2)
    return None


def _ordinal_number(text: str, start: int, s: int, e: int, value) -> _C:
    """"3rd", "21st century", "July 1st", "1st of July"."""
    n = len(text)
    end = e + 2
    if end < n and text[end] in "- " and text[end + 1:end + 8].lower().startswith("century"):
        end += 8
    # date: "July 1st", "1st of July"
    if isinstance(value, int) and 1 <= value <= 31:
        mb = _month_before(text, s)
        if mb:
            st2, mo = mb
            ym = _year_after(text, end)
            y = _year(ym[1]) if ym else None
            return _c(st2, ym[0] if ym else end, "date", _iso(y, mo, value), None, None, None, 3)
        mam = _month_after(text, end)
        if mam and mam[1].lower() in MONTHS:
            mo = MONTHS[mam[1].lower()]
            ym = _year_after(text, mam[0])
            y = _year(ym[1]) if ym else None
            return _c(start, ym[0] if ym else mam[0], "date", _iso(y, mo, value), None, None, None, 3)
    w, k = _prev_word(text, start, 6)
    if w.lower() == "the":
        start = k
    return _c(start, end, "ordinal", value, None, None, None, 2)


_SEASON_WORDS = ("early", "late", "mid", "mid-", "spring", "summer", "autumn", "fall", "winter")


def _year_number(text: str, start: int, s: int, e: int, value: int) -> _C:
    """A four-digit year, with the month before it ("October 2023") and "early/mid-" words."""
    st2 = start
    mo = None
    mb = _month_before(text, s)
    if mb:
        st2, mo = mb
    w, k = _prev_word(text, st2, 10)
    if w.lower() in _SEASON_WORDS:
        st2 = k
    elif st2 > 0 and text[st2 - 1] == "-" and text[max(0, st2 - 4):st2 - 1].lower() in ("mid", "pre", "ost"):
        st2 = _prev_word(text, st2 - 1, 6)[1]
    return _c(st2, e, "date", _iso(value, mo, None), None, None, None, 2)


_SHORT_MONTHS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _day_of_month(text: str, start: int, s: int, e: int, value: int) -> _C | None:
    """A day number with a month after ("19 June 2023") or before ("June 19, 2023")."""
    mam = _month_after(text, e) if text[e:e + 1] in _MONTH_AFTER_LEAD else None
    if mam:
        mw = mam[1]
        lmw = mw.lower()
        if (lmw in MONTHS and not (lmw in ("may", "mar", "march", "sun", "sat") and mw[0].islower()
                                     and not _year_after(text, mam[0]))
                and (len(mw) > 3 or lmw in _SHORT_MONTHS)):
            e2 = mam[0] if mam[2] == "." and len(mw) <= 4 else mam[0] - len(mam[2])
            ym = _year_after(text, e2)
            y = _year(ym[1]) if ym else None
            return _c(start, ym[0] if ym else e2, "date", _iso(y, MONTHS[lmw], value), None, None, None, 3)
    mb = _month_before(text, s)
    if mb:
        st2, mo = mb
        ym = _year_after(text, e)
        if not ym:
            mws = text[st2:s].split()
            mw = mws[0].rstrip(".,/-").lower() if mws else ""
            if mw == "may" and text[st2] == "M" and _name_before(text, st2):
                return None
            if mw in ("may", "march", "mar") and text[st2].islower():
                return None
        return _c(st2, ym[0] if ym else e, "date", _iso(_year(ym[1]) if ym else None, mo, value), None, None, None, 3)
    return None


def char_positions(text: str, chars: str) -> list[int]:
    """Sorted offsets of the characters ``chars`` in ``text`` (``str.find`` is much faster than a
    character-class scan with ``re``)."""
    out: list[int] = []
    add = out.append
    find = text.find
    for ch in chars:
        i = find(ch)
        while i >= 0:
            add(i)
            i = find(ch, i + 1)
    out.sort()
    return out


def _matches_at(text: str, lead_chars: str, rx: re.Pattern):
    """The matches of ``rx.finditer(text)`` for a pattern whose first character is one of
    ``lead_chars``: ``rx.match`` at each such character after the previous match."""
    end = -1
    match = rx.match
    for i in char_positions(text, lead_chars):
        if i >= end:
            m = match(text, i)
            if m is not None:
                end = m.end()
                yield m


def _punct_word_hits(text: str) -> list[tuple[int, str]]:
    """(start, word) of the number and month words right after an opening bracket, quote mark, dash or
    slash: what the regex ``[LEADS](WORDS)\b`` finds (group 1), without a regex call per lead
    character. The words are letters only and end at ``\b``, so a match is a lead character and then
    a whole run of word characters that is one of the words (and no lead character lies inside an
    earlier match)."""
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    out = []
    n = len(text)
    for i in char_positions(text, _WORD_LEADS_PUNCT):
        j = i + 1
        k = j
        while k < n and k - j <= _WORD_MAX and (_char(cs, k).isalnum() or _char(cs, k) == "_"):
            k += 1
        if k > j and text[j:k] in _WORD_SET:
            out.append((j, text[j:k]))
    return out


def find_figures(text: str) -> list[_C]:
    cands: list[_C] = []
    add = cands.append

    if _COMPILED:
        tokens, word_hits = _scan(text)  # (the word hits after punctuation among them)
    else:
        tokens, word_hits = _digit_tokens(text), _space_word_hits(text) + _punct_word_hits(text)

    # ---- digits
    for s, e, tok in tokens:
        c = _digit_candidate(text, s, e, tok)
        if c is not None:
            add(c)

    # ---- words
    seen_starts = set()
    m0 = _WORD_RX_START.match(text)
    if m0:
        word_hits.append((0, m0.group(1)))
    word_hits.sort()
    last_end = -1
    for s, w in word_hits:
        if s < last_end or s in seen_starts:
            continue
        seen_starts.add(s)
        c = _word_candidate(text, s, w)
        if c is not None:
            add(c)
            last_end = c.e

    return _resolve(text, cands)


def _word_candidate(text: str, s: int, w: str) -> _C | None:
    n = len(text)
    lw = w.lower()
    if lw in SCALES:
        return None  # "million" in "5 million": a sequence led by a scale word has no value (_parse_words)
    e = s + len(w)
    if e < n and text[e] in "'’" and e + 1 < n and text[e + 1].isalpha():
        return None  # "one's"
    if lw in MONTHS:
        return _month_candidate(text, s, w)
    cap = w[0].isupper()
    initial = _sentence_initial(text, s)
    if cap and not initial:
        # capitalised number words mid-sentence belong to names ("Group of Seven", "Big Three"),
        # except in title-case headlines
        pw, _ = _prev_word(text, s, 20)
        if not pw or pw[0].islower() or pw.lower() in ("the",):
            return None
    # number word sequence
    m = _NUMWORD_SEQ.match(text, s)
    seq = m.group() if m else w
    toks = _WORD_TOKEN_RX.findall(seq.lower())
    # drop trailing connectors
    while toks and toks[-1] in ("and", "a", "an"):
        toks.pop()
    if lw in ORDINALS and not (toks and toks[0] in _SMALL and len(toks) > 1):
        return _ordinal_candidate(text, s, w)
    value, used, kind = _parse_words(toks)
    if value is None and lw in ("half", "quarter", "quarters", "thirds", "fourths", "fifths", "halves"):
        return _fraction_candidate(text, s, w)
    if value is None or used == 0:
        return None
    # end offset of the used tokens
    low = text[s:s + len(seq) + 2].lower()
    e = 0
    for t in toks[:used]:
        j = low.find(t, e)
        if j < 0:
            break
        e = j + len(t)
    e += s
    typ = "count"
    unit = None
    hedge = None
    start = s
    words_used = toks[:used]
    if kind == "vague":
        # "tens of thousands", "hundreds of millions of dollars"
        mm = _OF_SCALES_RX.match(text, e, e + 24)
        if mm:  # "tens of thousands" is at least 20 x 1,000
            value = value * {"thousands": 1000, "millions": 1e6, "billions": 1e9}[mm.group(1)]
            e = mm.end()
        mo = _OF_WORD_RX.match(text, e, e + 24)
        if mo:
            u = mo.group(1).lower()
            if u in CURRENCY_WORDS and CURRENCY_WORDS[u]:
                return _c(start, mo.end(), "money", _clean(value), CURRENCY_WORDS[u], "at_least", None, 2)
            if u in MEASURE_UNITS or u in TIME_UNITS:
                t = "duration" if u in TIME_UNITS else "measure"
                return _c(start, mo.end(), t, _clean(value), TIME_UNITS.get(u) or MEASURE_UNITS.get(u), "at_least", None, 2)
        if lw == "tens" and not mm:
            return None
        if lw == "scores" and not mm:
            return None
        pw, pk = _prev_word(text, s, 12)
        if pw.lower() in ("many", "several", "some", "few"):
            start = pk
        # A vague plural states a floor, not an estimate: "thousands" is at least 2,000.
        return _c(start, e, "count", _clean(value), None, "at_least", None, 2)
    if words_used == ["one"] or words_used == ["a"]:
        # "one" counts only with a unit/magnitude or in "one in five"
        r = _suffix(text, e, 1, allow_mag=True, is_digit=False)
        if r and r[2] is not None:
            nw, _, _ = _next_word(text, e)
            if nw.lower() in ("day", "time") and (s == 0 or _sentence_initial(text, s)):
                return None
            end, value, typ, unit = r
            return _finish_word(text, start, end, typ, value, unit)
        mm = _IN_OUT_OF_RX.match(text, e, e + 20)
        if mm and (mm.group(1).isdigit() or mm.group(1) in _SMALL or mm.group(1) in SCALES):
            return _c(s, mm.end(), "fraction", None, None, None, None, 2)
        mh = _FRACTION_WORD_RX.match(text, e, e + 12)
        if mh:
            return _c(s, mh.end(), "fraction", _clean(_WORDVAL_FRACTIONS.get(mh.group(1), 0.5)), None, None, None, 2)
        return None
    if words_used[-1] in ("hundred",) and len(words_used) == 1:
        pw, pk = _prev_word(text, s, 6)
        if pw.lower() not in ("a", "one", "few", "several"):
            return None
    if words_used[0] in ("a", "an"):
        pass
    # "a thousand", "a million": include "a" before a scale word
    if words_used[0] in SCALES or words_used[0] == "dozen":
        pw, pk = _prev_word(text, s, 10)
        if pw.lower() in ("a", "an", "one", "few", "several", "couple"):
            start = pk
            if pw.lower() in ("few", "couple"):
                pw2, pk2 = _prev_word(text, pk, 6)
                if pw2.lower() == "a":
                    start = pk2
        elif words_used[0] in SCALES and pw.lower() not in ("a",):
            pass
    if kind == "fraction":
        typ = "fraction"
    r = _suffix(text, e, value, allow_mag=True, is_digit=False)
    if r:
        end, value, t2, unit = r
        typ = t2 or typ
    else:
        end = e
        # "two-thirds"
    return _finish_word(text, start, end, typ, value, unit)


def _finish_word(text, start, end, typ, value, unit) -> _C:
    hedge = None
    hs, hedge = _hedge_before(text, start)
    if hedge is not None:
        start = hs
    elif hs < start:
        value = -value if isinstance(value, (int, float)) else value
        start = hs
    if typ == "count" and unit is None and text[end:end + 9].startswith("-year-old"):
        end += 9
        typ, unit = "age", "years"
    return _c(start, end, typ, _clean(value) if isinstance(value, (int, float)) else value, unit, hedge, None, 2)


def _ordinal_candidate(text: str, s: int, w: str) -> _C | None:
    lw = w.lower()
    e = s + len(w)
    n = len(text)
    val = ORDINALS[lw]
    if w[0].isupper() and not _sentence_initial(text, s):
        nw, a, b = _next_word(text, e)
        if nw and nw[0].isupper():
            pw, _ = _prev_word(text, s, 20)
            if not pw or pw[0].islower() or pw in ("The",):
                return None  # "Second World War", "First Lady"
    # "second of August", "the first of May"
    k = _blanks_end(text, e)
    mam = _OF_MONTH_RX.match(text, e, e + 16) if k > e and text.startswith("of", k) else None
    if mam and mam.group(1).lower() in MONTHS and val <= 31:
        e2 = mam.end()
        ym = _year_after(text, e2)
        start = s
        pw, pk = _prev_word(text, s, 8)
        if pw.lower() == "the":
            start = pk
        return _c(start, ym[0] if ym else e2, "date", _iso(_year(ym[1]) if ym else None, MONTHS[mam.group(1).lower()], val), None, None, None, 3)
    if lw == "second" and _PLURAL_S_RX.match(text, e, e + 2):
        return None
    # ordinal + noun: a place in a series or period
    if e < n and text[e] == "-":
        nw, a, b = _next_word(text, e + 1)
        lnw = nw.lower()
        if lnw in ORDINAL_NOUNS or lnw.endswith(("est", "most")) or lnw in ("ranked", "placed", "class", "rate", "degree", "hand", "team", "string", "tier", "round", "party", "person"):
            if lw == "first" and not (lnw in FIRST_NOUNS or lnw.endswith(("est", "most")) or lnw in ("ranked", "placed", "degree", "round", "tier")):
                return None
            end = b if lnw in ORDINAL_NOUNS and lnw not in ("largest", "biggest") else e
            end = b
            return _c(_the(text, s), end, "ordinal", val, None, None, None, 2)
        return None
    nw, a, b = _next_word(text, e)
    lnw = nw.lower()
    if not nw:
        return None
    if lw == "first":
        if lnw not in FIRST_NOUNS:
            return None
        if lnw in ("time",):
            return None
    else:
        if lnw not in ORDINAL_NOUNS:
            if lnw in ("consecutive", "straight", "successive"):
                pass
            else:
                return None
    if lw == "second" and lnw in ("time",) and False:
        return None
    end = b
    if lnw in ("consecutive", "straight", "successive"):
        nw2, a2, b2 = _next_word(text, b)
        if nw2.lower() in ORDINAL_NOUNS or nw2.lower() in TIME_UNITS:
            end = b2
    return _c(_the(text, s), end, "ordinal", val, None, None, None, 2)


def _the(text: str, s: int) -> int:
    pw, pk = _prev_word(text, s, 6)
    if pw.lower() in ("a",):
        return pk
    return s


def _fraction_candidate(text: str, s: int, w: str) -> _C | None:
    lw = w.lower()
    e = s + len(w)
    n = len(text)
    pw, pk = _prev_word(text, s, 10)
    lpw = pw.lower()
    nw, a, b = _next_word(text, e)
    lnw = nw.lower()
    if e < n and text[e] == "-" and lw == "half":
        return None  # half-brother, half-hearted
    if lw == "half":
        if lpw in ("first", "second", "in", "by", "other", "the", "latter", "former", "back"):
            return None
        if lpw in ("a", "one", "an"):
            start = pk
        elif lnw in ("million", "billion", "trillion") and lpw not in ("first", "second", "the"):
            start = s
            r = _suffix(text, e, 0.5, allow_mag=True, is_digit=False)
            if r:
                return _finish_word(text, start, r[0], r[2] or "count", r[1], r[3])
        elif lnw in ("of", "a", "an", "the", "million", "billion", "trillion", "percent", "its", "their", "his", "her",
                     "our", "all", "those", "these", "that", "this", "dozen", "hour", "century", "decade", "year"):
            start = s
        elif lpw in HEDGE_FIRST or lpw in ("than", "about", "almost", "nearly", "over", "around", "roughly"):
            start = s
        else:
            return None
        end = e
        value: float = 0.5
        mm = _A_SCALE_RX.match(text, e, e + 20)
        typ = "fraction"
        unit = None
        if mm:
            end = mm.end()
            word = mm.group(1)
            if word.startswith("per"):
                typ, unit = "percent", "%"
            else:
                value = 0.5 * {"million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12, "thousand": 1e3, "hundred": 100}[word]
                typ = "count"
        else:
            r = _suffix(text, e, 0.5, allow_mag=True, is_digit=False)
            if r and r[2] is not None:
                end, value, typ, unit = r
        return _finish_word(text, start, end, typ, value, unit)
    # quarter / thirds / fifths...
    if lw in ("quarter", "quarters"):
        if lnw in ("million", "billion", "trillion") and lpw not in ("first", "second", "third", "fourth", "last", "the", "this", "next"):
            r = _suffix(text, e, 0.25, allow_mag=True, is_digit=False)
            if r:
                return _finish_word(text, pk if lpw in ("a", "one", "three") else s, r[0], r[2] or "count", r[1], r[3])
        if lpw in ("a", "one", "three", "two") and (lnw in ("of", "million", "billion", "century", "mile", "hour", "percent", "a") or lpw != "a" or True):
            if lpw == "a" and lnw not in ("of", "million", "billion", "century", "mile", "hour", "percent", "a", "point", "trillion"):
                return None
            r = _suffix(text, e, 0.25, allow_mag=True, is_digit=False)
            end = r[0] if r else e
            return _finish_word(text, pk, end, "fraction", 0.25 * (3 if lpw == "three" else 2 if lpw == "two" else 1), None)
        return None
    # "two thirds"
    if lpw in _SMALL or lpw in ("a", "one"):
        return _finish_word(text, pk, e, "fraction", None, None)
    return None


_MONTH_FWD_RX = re.compile(
    r"(\.?)(?:(?:,?[ \t\u00a0]+|[/-]|\.[ \t]?)(?:the[ \t]+)?(\d{1,2})(?:st|nd|rd|th)?\b(?![.,:/]\d)"
    r"(?:(?:[ \t]*[-–][ \t]*(\d{1,2})\b(?![.:]\d)))?"
    r"|(?:,?[ \t\u00a0]+(?:of[ \t]+)?|[/-])((?:1[5-9]|20)\d\d|'\d\d)\b(?![.,:/]\d))")
_DAYWORD_RX = re.compile(r"[ \t]+(?:the[ \t]+)?((?:twenty|thirty)[ -])?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)\b")
# The first letters of the words of _DAYWORD_RX (a match has one after the blanks it starts with).
_DAYWORD_FIRST = "".join(sorted({w[0] for w in re.findall(r"[a-z]+", _DAYWORD_RX.pattern)}))


def _month_fwd(text: str, e: int) -> tuple | None:
    """``_MONTH_FWD_RX.match(text, e)`` as (end, group 1, group 2, group 3, group 4), or None. Compiled,
    read character by character (``_month_fwd_at``): with the optional "." of group 1 taken first,
    as the pattern tries it, then without."""
    if not cython.compiled:
        m = _MONTH_FWD_RX.match(text, e)
        return None if m is None else (m.end(), m.group(1), m.group(2), m.group(3), m.group(4))
    cs = _chars(text)  # compiled: the string's kind and data, read once (figures.pxd)
    n = len(text)
    p = max(e, 0)
    if p < n and _char(cs, p) == ".":
        r = _month_fwd_at(text, cs, p + 1, n)
        if r is not None:
            return r[0], ".", r[1], r[2], r[3]
    r = _month_fwd_at(text, cs, p, n)
    if r is not None:
        return r[0], "", r[1], r[2], r[3]
    return None


def _month_fwd_at(text: str, cs, p: int, n: int) -> tuple | None:
    """_MONTH_FWD_RX after its group 1, at ``p``: (end, day, range day, year), or None. Each lead of
    the pattern is told by its first character, and backing off inside it cannot help (what follows
    a lead starts with a digit, "'", "the" or "of"), so each part is read once, longest first."""
    if p >= n:
        return None
    ch = _char(cs, p)
    blank_lead = ch == "," or ch == " " or ch == "\t" or ch == "\u00a0"
    # the day: (?:,?[ \t\u00a0]+|[/-]|\.[ \t]?)(?:the[ \t]+)?(\d{1,2})(?:st|nd|rd|th)?\b(?![.,:/]\d)
    q = -1
    if blank_lead:
        q = _blanks_after_comma(cs, p, n)
    elif ch == "/" or ch == "-":
        q = p + 1
    elif ch == ".":
        q = p + 2 if p + 1 < n and (_char(cs, p + 1) == " " or _char(cs, p + 1) == "\t") else p + 1
    if q >= 0:
        d = q
        if (q + 3 < n and _char(cs, q) == "t" and _char(cs, q + 1) == "h" and _char(cs, q + 2) == "e"
                and (_char(cs, q + 3) == " " or _char(cs, q + 3) == "\t")):
            d = q + 3
            while d < n and (_char(cs, d) == " " or _char(cs, d) == "\t"):
                d += 1
        k = _decimals_end(cs, d, n, 3)
        if 0 < k - d <= 2:
            z = -1
            if k + 1 < n and _is_ordinal_suffix(_char(cs, k), _char(cs, k + 1)):
                if _word_boundary_after(cs, k + 2, n) and not _digit_after_sep(cs, k + 2, n, True):
                    z = k + 2
            if z < 0 and _word_boundary_after(cs, k, n) and not _digit_after_sep(cs, k, n, True):
                z = k
            if z >= 0:
                # (?:[ \t]*[-–][ \t]*(\d{1,2})\b(?![.:]\d))?
                r = z
                while r < n and (_char(cs, r) == " " or _char(cs, r) == "\t"):
                    r += 1
                if r < n and (_char(cs, r) == "-" or _char(cs, r) == "–"):
                    r += 1
                    while r < n and (_char(cs, r) == " " or _char(cs, r) == "\t"):
                        r += 1
                    k2 = _decimals_end(cs, r, n, 3)
                    if (0 < k2 - r <= 2 and _word_boundary_after(cs, k2, n)
                            and not (k2 + 1 < n and (_char(cs, k2) == "." or _char(cs, k2) == ":")
                                     and _char(cs, k2 + 1).isdecimal())):
                        return k2, text[d:k], text[r:k2], None
                return z, text[d:k], None, None
    # the year: (?:,?[ \t\u00a0]+(?:of[ \t]+)?|[/-])((?:1[5-9]|20)\d\d|'\d\d)\b(?![.,:/]\d)
    y = -1
    if blank_lead:
        y = _blanks_after_comma(cs, p, n)
        if y >= 0:
            y = _after_of(cs, y, n)
    elif ch == "/" or ch == "-":
        y = p + 1
    if y >= 0:
        z = _year_end(cs, y, n, "5", True)
        if z >= 0:
            return z, None, None, text[y:z]
    return None


def _blanks_after_comma(cs, p: int, n: int) -> int:
    """The end of ``,?[ \t\u00a0]+`` at ``p``, or -1."""
    q = p + 1 if _char(cs, p) == "," else p
    r = q
    while r < n and (_char(cs, r) == " " or _char(cs, r) == "\t" or _char(cs, r) == "\u00a0"):
        r += 1
    return r if r > q else -1


def _after_of(cs, q: int, n: int) -> int:
    """The end of ``of[ \t]+`` at ``q`` when it is there, else ``q``."""
    if q + 2 < n and _char(cs, q) == "o" and _char(cs, q + 1) == "f" and (_char(cs, q + 2) == " " or _char(cs, q + 2) == "\t"):
        q += 2
        while q < n and (_char(cs, q) == " " or _char(cs, q) == "\t"):
            q += 1
    return q


def _decimals_end(cs, d: int, n: int, limit: int) -> int:
    """The end of the run of decimal digits (``\d``) at ``d``, read up to ``limit`` of them."""
    k = d
    while k < n and k - d < limit and _char(cs, k).isdecimal():
        k += 1
    return k


def _is_ordinal_suffix(a, b) -> bool:
    return (a == "s" and b == "t") or (a == "n" and b == "d") or (a == "r" and b == "d") or (a == "t" and b == "h")


def _month_candidate(text: str, s: int, w: str) -> _C | None:
    lw = w.lower()
    mo = MONTHS[lw]
    e = s + len(w)
    n = len(text)
    # "May" / "March" as verbs or names need care.
    m = _month_fwd(text, e)
    if m:
        day = m[2]
        if day is not None:
            d = int(day)
            if not 1 <= d <= 31:
                return None
            end = m[0]
            if m[3]:
                end = m[0]
            if lw in ("may", "march", "mar") and w[0].islower() and not m[1]:
                pass
            if w.isupper() and len(w) > 3:
                pass
            ym = _year_after(text, end)
            y = _year(ym[1]) if ym else None
            if ym:
                end = ym[0]
            else:
                # "May 7" after a name ("Theresa May 7 ...") is rare; "may 5" lower-case verb too.
                if lw == "may" and w[0] == "M" and _name_before(text, s):
                    return None
            # time right after date is a separate figure; a trailing "th" handled in regex
            return _c(s, end, "date", _iso(y, mo, d), None, None, None, 3)
        yr = m[4]
        if yr:
            start = s
            pw, pk = _prev_word(text, s, 10)
            if pw.lower() in ("early", "late", "mid", "last", "next", "this"):
                start = pk
            return _c(start, m[0], "date", _iso(_year(yr), mo, None), None, None, None, 3)
    # "May twenty-nine", "february twenty second"
    k = _blanks_end(text, e)
    md = _DAYWORD_RX.match(text, e) if k > e and text[k:k + 1] in _DAYWORD_FIRST else None
    if md and (len(w) > 3 or md.group(2).lower() in ORDINALS) and not (lw == "may" and w[0] == "m" and md.group(2).lower() not in ORDINALS):
        val = 0
        if md.group(1):
            val += TENS[md.group(1)[:-1].lower()]
        dw = md.group(2).lower()
        val += ORDINALS.get(dw) or ONES.get(dw) or TENS.get(dw, 0)
        if 1 <= val <= 31 and (md.group(1) or dw in ORDINALS or lw != "may"):
            end = md.end()
            ym = _year_after(text, end)
            if ym:
                end = ym[0]
            return _c(s, end, "date", _iso(_year(ym[1]) if ym else None, mo, val), None, None, None, 3)
    # bare month: only capitalised full names (or "Sept."), with date context for ambiguous ones
    if not w[0].isupper() or w.isupper() and len(w) > 3 and False:
        return None
    if len(w) <= 4 and lw not in ("may", "june", "july"):
        return None
    if e < n and (text[e].isalnum() or text[e] in "'’"):
        return None
    pw, pk = _prev_word(text, s, 12)
    lpw = pw.lower()
    nw, na, nb = _next_word(text, e)
    if nw and nw[0].isupper() and nw.lower() not in COMMON and not _sentence_initial(text, na):
        if not (e < n and text[e] == ","):
            return None  # "June Carter", "April Fools", "March Madness"
    start = s
    if lpw in ("last", "next", "this", "early", "late", "mid", "mid-", "since", "until", "till", "in", "on", "by",
               "from", "through", "during", "of", "before", "after", "since", "between", "and", "to", "or", "every",
               "each", "throughout", "end", "beginning", "start", "late-", "early-", "this", "that", "the", "until"):
        if lpw in ("last", "next", "this", "early", "late", "mid"):
            start = pk
    elif lw in ("may", "march", "august", "june", "april", "january"):
        return None
    elif _sentence_initial(text, s):
        if lw in ("may", "march"):
            return None
    elif pw and pw[0].isupper():
        return None
    return _c(start, e, "date", _iso(None, mo, None), None, None, None, 2)


# ----------------------------------------------------------------------------------- resolve

_RANGE_JOIN_RX = re.compile(r"-?[ \t\u00a0]*(?:to|and|-|–|—|through|until)[ \t\u00a0]*\Z")
_RANGE_JOINERS = ("to", "and", "-", "–", "—", "through", "until")  # a match ends with one (then blanks)


def _resolve(text: str, cands: list[_C]) -> list[_C]:
    if not cands:
        return []
    # Keep the longest candidates (then higher priority, then earlier) that overlap no kept one. A
    # candidate is judged only against those it overlaps, so the candidates are read by start and
    # each run of overlapping ones (a cluster; most candidates overlap none) is resolved on its own,
    # in that order; the kept ones come out by start. (A sort of all candidates longest first, then
    # of the kept ones by start, cost more than the rest of this function.)
    m = len(cands)
    packed = []  # by start, then by place in ``cands``
    for i in range(m):
        c = cands[i]
        packed.append(c.s * m + i)  # (compiled: C arithmetic on the typed candidate)
    packed.sort()
    kept: list[_C] = []
    k = 0
    while k < m:
        p = packed[k]
        i = p % m
        c = cands[i]
        k += 1
        if c.e <= c.s:
            continue
        end = c.e
        cluster = None  # the indices of the candidates that overlap this one, directly or through others
        while k < m:
            p = packed[k]
            j = p % m
            d = cands[j]
            if d.s >= end:
                break
            if d.e > d.s:
                if cluster is None:
                    cluster = [i]
                cluster.append(j)
                if d.e > end:
                    end = d.e
            k += 1
        if cluster is None:
            kept.append(c)
        else:
            kept.extend(_resolve_cluster(cands, cluster, c.s, end))
    # merge ranges: "between X and Y", "from X to Y", "X to Y"
    out: list[_C] = []
    i = 0
    while i < len(kept):
        c = kept[i]
        if i + 1 < len(kept):
            d = kept[i + 1]
            gap = text[c.e:d.s] if d.s - c.e <= 8 else ""  # (longer gaps never join)
            if (gap and len(gap) <= 8 and gap.rstrip(" \t\u00a0").endswith(_RANGE_JOINERS) and _RANGE_JOIN_RX.match(gap)
                    and _compatible(c, d)):
                word = gap.strip(" \t-").lower()
                pw, pk = _prev_word(text, c.s, 10)
                lpw = pw.lower()
                join = False
                if word == "and" and lpw == "between":
                    join = True
                elif word in ("to", "through", "until") and (lpw in ("from", "between") or c.type == d.type or c.type in ("count", "number")):
                    join = True
                elif word in ("-", "–", "—") or gap.strip() in ("-", "–"):
                    join = True
                if join:
                    st = pk if lpw in ("between", "from") else c.s
                    typ = "range" if c.type not in ("date",) or d.type not in ("date",) else "range"
                    unit = d.unit or c.unit
                    out.append(_c(st, d.e, "range", c.value, unit, c.hedge, d.value, 3))
                    i += 2
                    continue
        out.append(c)
        i += 1
    return out


def _resolve_cluster(cands: list[_C], cluster: list[int], lo: int, hi: int) -> list[_C]:
    """The candidates to keep among ``cands[i]`` for ``i`` in ``cluster``, which lie in ``lo:hi``: the
    longest first (then higher priority, earlier, earlier in ``cands``) that overlaps no kept one;
    sorted by start."""
    cluster.sort()
    members = [cands[i] for i in cluster]
    _sort_longest_first(members)
    covered = bytearray(hi - lo)  # the offsets the kept candidates cover, from lo
    marks = covered  # compiled: the bytearray's buffer
    out: list[_C] = []
    for c in members:
        a, b = c.s - lo, c.e - lo
        k = a
        while k < b and not marks[k]:
            k += 1
        if k == b:
            while a < b:
                marks[a] = 1
                a += 1
            out.append(c)
    _sort_by_start(out)
    return out


def _sort_by_start(cands: list[_C]) -> None:
    """``cands.sort(key=lambda c: c.s)``: sorts plain integers, each a start and the candidate's index (for the
    same order among equal starts); a key function and its calls cost more than the sort itself."""
    m = len(cands)
    if m < 2:
        return
    packed = []
    for i in range(m):
        c = cands[i]
        packed.append(c.s * m + i)  # (compiled: C arithmetic on the typed candidate)
    packed.sort()
    cands[:] = [cands[k % m] for k in packed]


def _sort_longest_first(cands: list[_C]) -> None:
    """``cands.sort(key=_longest_first)``, sorting plain integers as ``_sort_by_start`` does: the key
    (-length, -priority, start) packed in one integer (each part shifted to be >= 0 and below its
    radix), then the index. Compiled, the packing is C arithmetic, so it is used only while the packed
    integers stay below 2**62 (news text: far below); otherwise the key function sorts."""
    m = len(cands)
    if m < 2:
        return
    c = cands[0]
    lo_len = hi_len = c.s - c.e  # -length
    lo_prio = hi_prio = -c.prio
    lo_s = hi_s = c.s
    for c in cands:
        lo_len, hi_len = min(lo_len, c.s - c.e), max(hi_len, c.s - c.e)
        lo_prio, hi_prio = min(lo_prio, -c.prio), max(hi_prio, -c.prio)
        lo_s, hi_s = min(lo_s, c.s), max(hi_s, c.s)
    len_radix, prio_radix, s_radix = hi_len - lo_len + 1, hi_prio - lo_prio + 1, hi_s - lo_s + 1
    if float(len_radix) * prio_radix * s_radix * m >= 2.0 ** 62:
        cands.sort(key=_longest_first)
        return
    packed = []
    i = 0
    for c in cands:
        packed.append((((c.s - c.e - lo_len) * prio_radix + (-c.prio - lo_prio)) * s_radix + (c.s - lo_s)) * m + i)
        i += 1
    packed.sort()
    cands[:] = [cands[k % m] for k in packed]


def _longest_first(c: _C) -> tuple[int, int, int]:
    """Sort key of ``_resolve``: longest first, then higher priority, then earlier."""
    return -(c.e - c.s), -c.prio, c.s


def _compatible(c: _C, d: _C) -> bool:
    if c.type in ("time",) or d.type in ("time",):
        return c.type == d.type
    if c.type == "ordinal" or d.type == "ordinal":
        return False
    if c.type == "date" or d.type == "date":
        return c.type == d.type or (c.type in ("count", "number") and d.type == "date" and isinstance(c.value, int) and c.value < 32)
    if c.type in ("count", "number") or c.type == d.type:
        return True
    if c.type == "money" and d.type in ("money", "count", "number"):
        return True
    if c.type == "percent" and d.type in ("percent",):
        return True
    return c.unit == d.unit
