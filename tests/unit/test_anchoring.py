from reader.core.anchoring import make_selector, reanchor

TEXT = ("The minister said the budget would rise by 4 percent next year. Critics disagreed. "
        "The minister said the budget would rise again in 2027, officials added.")


def test_selector_keeps_quote_context_and_position():
    s = make_selector(TEXT, 4, 25)
    assert s.quote == "minister said the bud"
    assert s.prefix == "The " and s.suffix.startswith("get would rise by 4")
    assert (s.start, s.end) == (4, 25)


def test_unchanged_text_anchors_in_place():
    sel = make_selector(TEXT, 20, 50)
    assert reanchor(TEXT, sel).status == "anchored"


def test_inserted_text_before_moves_the_anchor_exactly():
    sel = make_selector(TEXT, 84, 130)
    new = "UPDATE: corrected. " + TEXT
    a = reanchor(new, sel)
    assert a.status == "anchored" and new[a.start:a.end] == sel.quote


def test_repeated_quote_is_disambiguated_by_context():
    # "The minister said the budget would rise" occurs twice; pick the second by its context.
    i = TEXT.index("The minister said", 10)
    sel = make_selector(TEXT, i, i + 39)
    new = "Intro. " + TEXT
    a = reanchor(new, sel)
    assert a.status == "anchored" and a.start == i + len("Intro. ")


def test_edit_inside_the_quote_is_placed_fuzzily_for_checking():
    sel = make_selector(TEXT, 0, 62)
    new = TEXT.replace("4 percent", "four per cent")
    a = reanchor(new, sel)
    assert a.status == "fuzzy"
    assert new[a.start:a.end].startswith("The minister said") and "four per cent" in new[a.start:a.end]


def test_vanished_passage_is_orphaned_not_moved():
    i = TEXT.index("Critics disagreed.")
    sel = make_selector(TEXT, i, i + 18)
    a = reanchor("A completely different article about weather and sport.", sel)
    assert a.status == "orphaned" and (a.start, a.end) == (i, i + 18)


def test_short_quote_is_never_placed_approximately():
    i = TEXT.index("4 percent")
    sel = make_selector(TEXT, i, i + 9)
    a = reanchor(TEXT.replace("4 percent", "5 percent"), sel)
    assert a.status == "orphaned"
