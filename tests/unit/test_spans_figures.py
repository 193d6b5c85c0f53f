"""Figures: one hand-written sentence per figure type and per non-figure rule."""

import pytest

from reader.core.spans import DETECTOR_VERSION, Span, detect


def figs(text):
    return [s for s in detect(text) if s.kind == "figure"]


def one(text, surface):
    hits = [s for s in figs(text) if s.text == surface]
    assert hits, f"{surface!r} not in {[s.text for s in figs(text)]}"
    return hits[0]


def test_version_is_bumped():
    assert DETECTOR_VERSION != "0"


@pytest.mark.parametrize("text,surface,value,unit", [
    ("The harbour upgrade will cost $4.5 million over three years.", "$4.5 million", 4500000, "USD"),
    ("Tickets rose to €18.20 this spring.", "€18.20", 18.2, "EUR"),
    ("The club paid US$3.1bn for the stadium.", "US$3.1bn", 3100000000, "USD"),
    ("The fine was £250,000, the regulator said.", "£250,000", 250000, "GBP"),
    ("Donors pledged $2B to the fund.", "$2B", 2000000000, "USD"),
])
def test_money(text, surface, value, unit):
    s = one(text, surface)
    assert (s.type, s.value, s.unit) == ("money", value, unit)


def test_rate_keeps_amount_only():
    s = figs("Membership costs $12 a month for students.")
    assert [x.text for x in s] == ["$12"]


@pytest.mark.parametrize("text,surface,value", [
    ("Turnout reached 61% in the valley towns.", "61%", 61),
    ("Inflation slowed to 3.4 percent in March.", "3.4 percent", 3.4),
    ("Exports fell 2.7 per cent last quarter.", "2.7 per cent", 2.7),
    ("Seventy-two percent of the wells are dry.", "Seventy-two percent", 72),
])
def test_percent(text, surface, value):
    s = one(text, surface)
    assert (s.type, s.value, s.unit) == ("percent", value, "%")


@pytest.mark.parametrize("text,surface,value,hedge", [
    ("The storm cut power to almost 52,000 homes.", "almost 52,000", 52000, "approx"),
    ("Rescuers reached at least 17 villages.", "at least 17", 17, "at_least"),
    ("More than 3,000 runners took part.", "More than 3,000", 3000, "more_than"),
    ("The ferry carries up to 400 passengers.", "up to 400", 400, "up_to"),
    ("Some 900 volunteers signed up.", "Some 900", 900, "approx"),
])
def test_hedged_counts(text, surface, value, hedge):
    s = one(text, surface)
    assert (s.value, s.hedge) == (value, hedge)


def test_word_counts():
    s = one("The three ministers left before dinner.", "three")
    assert (s.type, s.value) == ("count", 3)
    s = one("Officials counted about two hundred and forty tents.", "about two hundred and forty")
    assert s.value == 240 and s.hedge == "approx"
    assert one("Thousands marched through the old town.", "Thousands").type == "count"


def test_vague_plurals_are_floors_not_estimates():
    [f] = figs("Tens of thousands of people marched.")
    assert (f.text, f.value, f.hedge) == ("Tens of thousands", 20_000, "at_least")
    [g] = figs("Thousands fled the city overnight.")
    assert (g.value, g.hedge) == (2_000, "at_least")


def test_thousands_more_keeps_only_thousands():
    assert [s.text for s in figs("There are thousands more displaced in the hills.")] == ["thousands"]


def test_age_between_commas():
    s = one("Okonkwo, 74, founded the cooperative.", "74")
    assert (s.type, s.value) == ("age", 74)
    assert one("A 35-year-old nurse was hurt.", "35-year-old").type == "age"


@pytest.mark.parametrize("text,surface,value", [
    ("The talks resumed on Oct. 12 in Vienna.", "Oct. 12", "XXXX-10-12"),
    ("The treaty was signed on March 3, 2019, in Lima.", "March 3, 2019", "2019-03-03"),
    ("Updated 14.02.2025 by the desk.", "14.02.2025", "2025-02-14"),
    ("The mine closed in September 2021 after the flood.", "September 2021", "2021-09"),
    ("The bridge opened in 1998 to great fanfare.", "1998", "1998"),
])
def test_dates(text, surface, value):
    s = one(text, surface)
    assert (s.type, s.value) == ("date", value)


def test_last_month_name_is_one_figure():
    s = one("She was due to visit Oslo last February but cancelled.", "last February")
    assert s.type == "date"
    assert one("In February, the council voted again.", "February").type == "date"


@pytest.mark.parametrize("text,surface,value,unit", [
    ("The alarm sounded at 06:15 GMT on the quay.", "06:15 GMT", "06:15", "GMT"),
    ("The train left at 9.45am sharp.", "9.45am", "09:45", None),
    ("Polls close at 8:30 p.m. in the east.", "8:30 p.m.", "20:30", None),
])
def test_times(text, surface, value, unit):
    s = one(text, surface)
    assert (s.type, s.value, s.unit) == ("time", value, unit)


def test_time_next_to_date_is_two_figures():
    texts = [s.text for s in figs("07:05 GMT 03.11.2024")]
    assert texts == ["07:05 GMT", "03.11.2024"]


def test_durations():
    s = one("Three weeks ago, the dam began to leak.", "Three weeks")
    assert (s.type, s.value, s.unit) == ("duration", 3, "weeks")
    assert one("The lease runs for ten years.", "ten years").type == "duration"


def test_ordinals_in_series_vs_earliest():
    assert one("Profits rose in the third quarter.", "third quarter").type == "ordinal"
    assert one("It was their fourth meeting this year.", "fourth meeting").value == 4
    assert figs("She was the first to sign the letter.") == []
    assert figs("It was their first encounter since the war.") == []


def test_non_figures():
    for text in [
        "The vote is on Wednesday.",
        "Prices climbed last year and again last month.",
        "The next day, the mayor resigned.",
        "Covid-19 restrictions were lifted.",
        "The G20 summit ended without a statement.",
        "He called the mayor one of the most honest people in the city.",
        "She flew on a Boeing 787 to the capital.",
    ]:
        assert figs(text) == [], (text, [s.text for s in figs(text)])


def test_list_markers_are_not_figures():
    text = "Demands:\n1. Fair wages\n2. Safer mines\n"
    assert figs(text) == []


def test_range():
    s = one("The plant will hire between 200 and 300 workers.", "between 200 and 300")
    assert (s.type, s.value, s.high) == ("range", 200, 300)


def test_fraction():
    assert one("Two-thirds of the crop was lost.", "Two-thirds").type == "fraction"
    assert one("Nearly half of the staff quit.", "Nearly half").type == "fraction"


def test_measure():
    s = one("The convoy travelled 340 km overnight.", "340 km")
    assert (s.type, s.value, s.unit) == ("measure", 340, "km")


def test_round_trip_json():
    import json
    for s in detect("About 40% of the $3.2 billion was spent by March 2, 2020."):
        assert Span.from_dict(json.loads(json.dumps(s.to_dict()))) == s
