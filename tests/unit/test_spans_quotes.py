"""Quotes and speakers: one hand-written case per pattern."""

from reader.core.spans import detect


def quotes(text):
    return [s for s in detect(text) if s.kind == "quote"]


def test_straight_and_curly_pairs():
    t = 'Halvorsen said: "The dam will hold." Later she added, \u201cWe are ready.\u201d'
    qs = quotes(t)
    assert [q.text for q in qs] == ["The dam will hold.", "We are ready."]
    assert all(q.text == t[q.start:q.end] for q in qs)


def test_multi_sentence_quote_is_one_span():
    t = "\u201cThe roads are closed. The schools are shut. We wait,\u201d Mayor Ines Duarte said."
    qs = quotes(t)
    assert len(qs) == 1 and qs[0].text.startswith("The roads") and qs[0].text.endswith("We wait,")
    assert "Duarte" in qs[0].speaker and qs[0].cue == "said"


def test_nested_single_quotes_stay_in_outer_span():
    t = "\u201cThey told us \u2018go home\u2019 and we refused,\u201d said Tomasz Wrona."
    qs = quotes(t)
    assert len(qs) == 1 and "\u2018go home\u2019" in qs[0].text
    assert "Wrona" in qs[0].speaker


def test_apostrophes_are_not_quotes():
    t = "The province\u2019s mayor said it\u2019s the city\u2019s best year since the '90s, and rock 'n' roll is back."
    assert quotes(t) == []


def test_single_quote_headline():
    t = "Minister Hails \u2018Historic, Hard-Won\u2019 Fishing Deal\nThe fishing deal was signed on Monday."
    qs = quotes(t)
    assert [q.text for q in qs] == ["Historic, Hard-Won"]
    assert qs[0].partial


def test_name_said():
    qs = quotes('"We will rebuild the school," Okafor said.')
    assert qs[0].speaker == "Okafor" and qs[0].cue == "said" and not qs[0].partial


def test_said_name():
    qs = quotes('"Nobody warned us," said Lena Marsh, a farmer from the valley.')
    assert "Marsh" in qs[0].speaker


def test_name_told_someone():
    qs = quotes("\u201cThe border stays open,\u201d Haddad told reporters in the capital.")
    assert "Haddad" in qs[0].speaker and qs[0].cue == "told"


def test_according_to():
    qs = quotes('"Supplies will last a week," according to the Red Crescent.')
    assert qs[0].speaker and "Red Crescent" in qs[0].speaker and qs[0].cue == "according to"


def test_pronoun_resolves_to_named_person():
    t = ("Prime Minister Sofia Lindqvist spoke in the port city on Friday. "
         "\u201cWe will not retreat,\u201d she said.")
    qs = quotes(t)
    assert "Lindqvist" in qs[0].speaker
    s = qs[0]
    assert s.speaker_start is not None and "Lindqvist" in t[s.speaker_start:s.speaker_end]


def test_role_noun_resolves_to_named_person():
    t = ("Freedonian President Marco Ferri met the Ruritanian envoy on Monday. "
         "\u201cOur doors are open,\u201d the Freedonian leader said.")
    qs = quotes(t)
    assert "Ferri" in qs[0].speaker


def test_role_noun_reaches_back_within_an_article_but_not_into_earlier_ones():
    from reader.core.detect.quotes import ROLE_LOOKBACK

    intro = "Freedonian President Marco Ferri met the envoy on Monday.\n\n"
    filler = "The talks went on through the night and into the next day without a result.\n\n"
    quote = "\u201cOur doors are open,\u201d the president said."
    near = intro + filler * 20 + quote
    far = intro + filler * (ROLE_LOOKBACK // len(filler) + 1) + quote
    assert "Ferri" in quotes(near)[0].speaker
    assert "Ferri" not in (quotes(far)[0].speaker or "")


def test_role_phrase_after_any_determiner_is_the_speaker():
    # "its", "an" and "one" (also after a no-break space) lead role phrases as "the" does
    cases = [
        ("The ministry of Ruritania faced questions. \u201cWe will not comment,\u201d its spokesman said.", "spokesman"),
        ("Mayor Ana Ruiz spoke on Monday. \u201cWe are ready,\u201d an aide told reporters.", "aide"),
        ("Ana Ruiz spoke. \u201cWe are ready,\u201d one\u00a0official said.", "official"),
    ]
    for text, speaker in cases:
        (q,) = quotes(text)
        assert q.speaker == speaker, text
        assert text[q.speaker_start:q.speaker_end].endswith(speaker)


def test_partial_quote_in_paraphrase():
    t = "Ferreira called the deal \u201ca betrayal of the workers\u201d and left the room."
    qs = quotes(t)
    assert qs[0].partial and qs[0].text == "a betrayal of the workers"
    assert qs[0].speaker == "Ferreira"


def test_scare_quote_label_goes_to_body():
    t = 'The Interior Ministry has labelled the charity an "extremist" group.'
    qs = quotes(t)
    assert qs[0].text == "extremist" and "Interior Ministry" in qs[0].speaker


def test_continued_quote_keeps_speaker():
    t = '"The water is rising," Mensah said. "We need boats."'
    qs = quotes(t)
    assert [q.speaker for q in qs] == ["Mensah", "Mensah"]


def test_unclosed_mark_gives_no_runaway_span():
    t = 'He said "this never closes. ' + "More text follows here. " * 50
    for q in quotes(t):
        assert q.end - q.start <= 4000


def test_json_round_trip():
    import json
    from reader.core.spans import Span
    for s in detect('"It works," Okafor said on Oct. 3.'):
        assert Span.from_dict(json.loads(json.dumps(s.to_dict()))) == s


def test_title_before_name_is_not_the_speaker():
    # _NAME_RX reads the title after its first letter ((?<=S)en): the speaker is the name without it
    qs = quotes("\u201cWe will not wait,\u201d said Sen. Maria Lindqvist.")
    assert [q.speaker for q in qs] == ["Maria Lindqvist"]


def test_pronoun_resolves_to_the_introduced_person():
    qs = quotes("Finance Minister Omar Haddad spoke first. He said: \u201cThe budget is late.\u201d")
    assert [q.speaker for q in qs] == ["Omar Haddad"]


def test_single_marks_open_only_before_words_and_skip_apostrophes():
    t = "The mayor called it \u2018a turning point\u2019 and left. It\u2019s the harbour\u2019s \u2018last chance\u2019, she said."
    assert [q.text for q in quotes(t)] == ["a turning point", "last chance"]


def test_single_quote_around_a_double_quoted_span_does_not_overlap_it():
    # quote spans never overlap: a single-quoted span that would enclose a double-quoted one is dropped
    t = "The minister wrote \u2018the \"plan\" works\u2019 on Tuesday."
    qs = quotes(t)
    assert [q.text for q in qs] == ["plan"]
    assert all(a.end <= b.start for a, b in zip(qs, qs[1:]))


def test_a_quote_that_opens_its_sentence_mid_paragraph_is_whole_not_partial():
    text = ('Officials met on Monday. “We will not accept this, and 5 people wait,” Okafor told the council. '
            'She called the plan “a betrayal of the workers” and left. Later: “No.” Then it rained! '
            '“Nothing will change,” he added.')
    qs = [s for s in detect(text) if s.kind == "quote"]
    by_text = {q.text: q for q in qs}
    assert not by_text["We will not accept this, and 5 people wait,"].partial
    assert by_text["We will not accept this, and 5 people wait,"].speaker == "Okafor"
    assert by_text["a betrayal of the workers"].partial  # a fragment inside her own sentence
    assert not by_text["No."].partial
    assert not by_text["Nothing will change,"].partial
    # An abbreviation's full stop before a lower-case fragment is still inside the sentence.
    [q] = [s for s in detect('Officials in the U.S. “would act soon”, a report said.') if s.kind == "quote"]
    assert q.partial
