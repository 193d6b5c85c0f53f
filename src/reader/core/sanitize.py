"""Make untrusted text (articles, notes, tags, file names) safe to show in a terminal.

Rich and Textual strip only a few control characters; ESC, the other C0/C1 controls and the
bidi overrides would reach the terminal. Display code builds its text from plain strings that
went through :func:`clean_display` (never through markup).
"""

from __future__ import annotations

import re

# C0 controls except TAB and LF, DEL, C1 controls, bidi embeddings/overrides/isolates, and lone
# surrogates (they cannot be encoded for the terminal at all).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean_display(text: str) -> str:
    """Replace unsafe characters with U+FFFD, one for one, so string offsets are unchanged.

    TAB and LF are kept (layout code handles them)."""
    return _UNSAFE.sub("\ufffd", text)


def clean_line(text: str) -> str:
    """For one-line fields (titles, tags, file names): also newlines and tabs become spaces."""
    text = text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return _UNSAFE_LINE.sub("\ufffd", text)
