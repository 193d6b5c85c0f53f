"""Sentence and word boundaries (reader.core.sentences)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.sentences import (
    next_word_end,
    prev_word_end,
    sentence_bounds,
    word_bounds,
)


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_bounds(text)]


def test_simple_split():
    assert sentences("One thing. Another thing! A third? Yes.") == [
        "One thing.",
        "Another thing!",
        "A third?",
        "Yes.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. economy grew.",
        "Mr. Smith met Mrs. Jones and Dr. Who.",
        "It happened on Oct. 7 in the south.",
        "Growth was 3.5 percent.",
        "John F. Kennedy spoke.",
        "He earned $1.2 billion.",
        "Talks at the U.N. Security Council resumed.",
        "Gen. Mark Milley and Sen. Warren spoke.",
        "She lives at No. 10 Downing St. in London.",
        '"Why?" he asked.',
        "They said e.g. the rest.",
        "It ended at 5 p.m. Monday.",
        "Apple Inc. said no.",
    ],
)
def test_no_split(text):
    assert sentences(text) == [text]


def test_split_after_numbers_and_quotes():
    text = 'Prices rose in 2023. "We will win." Then he left.'
    assert sentences(text) == ["Prices rose in 2023.", '"We will win."', "Then he left."]


def test_closing_curly_quote_stays_in_sentence():
    text = "“It is over.” Officials agreed."
    assert sentences(text) == ["“It is over.”", "Officials agreed."]


def test_company_suffix_splits_before_capital():
    assert sentences("He joined Apple Inc. The deal closed.") == [
        "He joined Apple Inc.",
        "The deal closed.",
    ]


def test_newlines_and_paragraphs_split_and_trim():
    text = "  Headline without stop\nFirst para. Second one.\n\n\n   Last line  \n"
    assert sentences(text) == ["Headline without stop", "First para.", "Second one.", "Last line"]


def test_offsets_are_exact_and_sorted():
    text = "A b. C d!\nE f?"
    bounds = sentence_bounds(text)
    assert bounds == [(0, 4), (5, 9), (10, 14)]


def test_empty_and_blank():
    assert sentence_bounds("") == []
    assert sentence_bounds(" \n\n  \t ") == []


def test_ellipsis_then_lowercase_does_not_split():
    assert sentences("Well... maybe not. Fine.") == ["Well... maybe not.", "Fine."]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\"”'UuS0123 ")), max_size=200))
def test_bounds_are_disjoint_trimmed_and_within_lines(text):
    bounds = sentence_bounds(text)
    prev = 0
    for a, b in bounds:
        assert prev <= a < b <= len(text)
        chunk = text[a:b]
        assert "\n" not in chunk
        assert chunk == chunk.strip()
        prev = b
    # Every non-space character belongs to a sentence.
    covered = set()
    for a, b in bounds:
        covered.update(range(a, b))
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert i in covered


def test_words():
    text = "Hello, world  again"
    assert word_bounds(text) == [(0, 6), (7, 12), (14, 19)]
    assert next_word_end(text, 0) == 6
    assert next_word_end(text, 3) == 6  # inside a word: its end
    assert next_word_end(text, 6) == 12  # at a word end: the next word
    assert next_word_end(text, 19) == 19
    assert prev_word_end(text, 19) == 12
    assert prev_word_end(text, 12) == 6
    assert prev_word_end(text, 9) == 6
    assert prev_word_end(text, 6) == 0
    assert prev_word_end("x" * 3000 + " " + "y" * 3000, 6001) == 3000  # beyond the first window


def test_fast_on_a_megabyte():
    para = (
        'Mr. Smith said the U.S. economy grew 3.5 percent on Oct. 7. "It is good," he said. '
        "Officials agreed! Did they? Yes.\n"
    )
    text = para * (1_000_000 // len(para))
    start = time.perf_counter()
    bounds = sentence_bounds(text)
    elapsed = time.perf_counter() - start
    assert len(bounds) == 5 * (1_000_000 // len(para))
    assert elapsed < 1.0  # typically ~0.05 s; generous for slow CI


_PIECE_TEXT = st.text(alphabet=st.sampled_from(list("ab. ?!\n\"'”U.S.Mr.Oct 7\t")), max_size=300)


@settings(max_examples=300, deadline=None)
@given(_PIECE_TEXT, st.data())
def test_pieces_split_at_newlines_give_the_whole_texts_sentences(text, data):
    """A long article is split into sentences a piece at a time (first screen first): pieces
    that start after a newline and stop at one give exactly the whole text's sentences."""
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]
    cuts = sorted(set(data.draw(st.lists(st.sampled_from(newlines), max_size=5)) if newlines else []))
    pieces = []
    start = 0
    for cut in cuts:
        pieces += sentence_bounds(text, start, cut)
        start = cut + 1
    pieces += sentence_bounds(text, start)
    assert pieces == sentence_bounds(text)


def test_a_range_outside_newlines_is_split_on_its_own():
    text = "One. Two.\nThree. Four."
    assert sentence_bounds(text, 10) == [(10, 16), (17, 22)]
    assert sentence_bounds(text, 0, 9) == [(0, 4), (5, 9)]
