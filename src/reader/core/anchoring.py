"""W3C Web Annotation-style selectors and re-anchoring annotations after an article changes.

A :class:`Selector` keeps the exact quote, up to :data:`CONTEXT` characters before and after it,
and its position. :func:`reanchor` finds it again in a new text, in the order Hypothesis uses:
the old position (if the quote is still there), an exact match (scored on context and
distance), then an approximate match. The result says how sure it is:

- ``anchored``: the exact quote, found with its context (or at its old place);
- ``fuzzy``: placed by approximation or among ambiguous exact matches — "moved, please check";
- ``orphaned``: nowhere good enough; the caller keeps the annotation and lists it apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT = 32
FUZZY_MIN_SCORE = 0.75
"""Least similarity (0-1) of quote and context for an approximate placement."""
SHORT_QUOTE = 12
"""Quotes shorter than this are never placed approximately (too easy to misplace)."""


@dataclass(frozen=True, slots=True)
class Selector:
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    status: str
    """``anchored``, ``fuzzy`` or ``orphaned`` (then start/end are the old ones)."""


def make_selector(text: str, start: int, end: int, context: int = CONTEXT) -> Selector:
    return Selector(text[start:end], text[max(0, start - context):start], text[end:end + context], start, end)


def _context_score(text: str, start: int, end: int, sel: Selector) -> float:
    """0-1: how well the text around [start, end) matches the selector's prefix and suffix."""
    score = 0.0
    parts = 0
    if sel.prefix:
        parts += 1
        before = text[max(0, start - len(sel.prefix)):start]
        score += _common_suffix(before, sel.prefix) / len(sel.prefix)
    if sel.suffix:
        parts += 1
        after = text[end:end + len(sel.suffix)]
        score += _common_prefix(after, sel.suffix) / len(sel.suffix)
    return score / parts if parts else 1.0


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def reanchor(text: str, sel: Selector, *, max_candidates: int = 1000) -> Anchor:
    """Find the selector's passage in ``text`` (see the module docstring for the order)."""
    q = sel.quote
    if not q:
        return Anchor(sel.start, sel.end, "orphaned")
    # 1. The old position, when the quote is still there.
    if text[sel.start:sel.end] == q:
        return Anchor(sel.start, sel.end, "anchored")
    # 2. Exact matches, scored on context and distance from the old position.
    candidates: list[int] = []
    i = text.find(q)
    while i != -1 and len(candidates) < max_candidates:
        candidates.append(i)
        i = text.find(q, i + 1)
    if candidates:
        def score(pos: int) -> float:
            distance = abs(pos - sel.start) / max(len(text), 1)
            return _context_score(text, pos, pos + len(q), sel) - 0.1 * distance

        best = max(candidates, key=score)
        ctx = _context_score(text, best, best + len(q), sel)
        unique = len(candidates) == 1
        sure = ctx >= 0.5 or (unique and len(q) >= SHORT_QUOTE)
        return Anchor(best, best + len(q), "anchored" if sure else "fuzzy")
    # 3. Approximate: the quote edited; look near the old position first, then everywhere.
    if len(q) < SHORT_QUOTE:
        return Anchor(sel.start, sel.end, "orphaned")
    found = _fuzzy_find(text, sel)
    if found is None:
        return Anchor(sel.start, sel.end, "orphaned")
    return Anchor(found[0], found[1], "fuzzy")


def _fuzzy_find(text: str, sel: Selector) -> tuple[int, int] | None:
    q = sel.quote
    window = max(len(q) * 4, 2000)
    regions = [(max(0, sel.start - window), min(len(text), sel.end + window))]
    if regions[0] != (0, len(text)):
        regions.append((0, len(text)))
    for lo, hi in regions:
        best = _best_alignment(text, lo, hi, sel)
        if best is not None:
            return best
    return None


def _best_alignment(text: str, lo: int, hi: int, sel: Selector) -> tuple[int, int] | None:
    """Slide over [lo, hi) in steps, align the quote with difflib, keep the best placement."""
    q = sel.quote
    n = len(q)
    step = max(1, n // 4)
    best: tuple[float, int, int] | None = None
    for s in range(lo, max(lo + 1, hi - n // 2), step):
        chunk = text[s:s + n + n // 2]
        if not chunk:
            break
        sm = SequenceMatcher(None, q, chunk, autojunk=False)
        if sm.real_quick_ratio() < FUZZY_MIN_SCORE or sm.quick_ratio() < FUZZY_MIN_SCORE:
            continue
        blocks = [b for b in sm.get_matching_blocks() if b.size]
        if not blocks:
            continue
        start = s + blocks[0].b
        end = s + blocks[-1].b + blocks[-1].size
        # Extend to cover quote characters not matched at the edges.
        start = max(0, start - blocks[0].a)
        end = min(len(text), end + (n - blocks[-1].a - blocks[-1].size))
        ratio = SequenceMatcher(None, q, text[start:end], autojunk=False).ratio()
        ctx = _context_score(text, start, end, sel)
        total = 0.8 * ratio + 0.2 * ctx
        if ratio >= FUZZY_MIN_SCORE and total >= FUZZY_MIN_SCORE and (best is None or total > best[0]):
            best = (total, start, end)
    return (best[1], best[2]) if best else None
