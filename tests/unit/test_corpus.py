from pathlib import Path

from reader.core.corpus import (
    FileProblem, discover, find_date, find_title, parse_article, read_article, strip_boilerplate,
)
from tests.conftest import SHIPPED


def test_discover_finds_txt_and_md_in_subfolders_and_skips_hidden(tmp_path):
    (tmp_path / "reuters").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "reuters" / "b.md").write_text("B")
    (tmp_path / ".git" / "c.txt").write_text("C")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert [e.rel for e in discover(tmp_path)] == ["a.txt", "reuters/b.md"]


def test_shipped_articles_parse_with_titles_outlets_and_dates():
    arts = {e.rel[:3]: read_article(e) for e in discover(SHIPPED)}
    assert len(arts) == 5
    assert arts["000"].title == "Putin Praises ‘Special, Deep-Rooted’ Russia-Palestine Ties"
    assert arts["000"].outlet == "Sputnik"
    assert arts["000"].published == "2026-01-22T10:44"
    assert arts["002"].title == "Putin Calls for ‘Full-Fledged’ State of Palestine in Talks With Abbas"
    assert arts["002"].outlet == "The Moscow Times"
    # A long first paragraph is no headline: the title is a short lead.
    assert arts["001"].title.startswith("RUSSIAN President Vladimir Putin") and len(arts["001"].title) <= 92
    assert all(a.words > 100 for a in arts.values())


def test_boilerplate_is_stripped_from_reading_text_but_the_file_is_untouched():
    path = SHIPPED / "002_cc0a9738043bbe01.txt"
    before = path.read_bytes()
    art = read_article(next(e for e in discover(SHIPPED) if e.rel.startswith("002")))
    for gone in ("Support us", "Enjoying ad-free content?", "Dear readers", "Remind me later.", "Read more", "paiment methods"):
        assert gone not in art.text
    assert "“We believe that in order to ensure lasting" in art.text
    assert "AFP contributed reporting." in art.text
    assert path.read_bytes() == before


def test_strip_boilerplate_keeps_ordinary_paragraphs():
    text = "Headline\n\nFirst paragraph says things.\n\nAdvertisement\n\nSecond paragraph: we support us-led talks.\n\nRead more"
    out = strip_boilerplate(text)
    assert out == "Headline\n\nFirst paragraph says things.\n\nSecond paragraph: we support us-led talks."


def test_bad_files_become_problems_not_crashes(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n ")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    problems = {e.rel: read_article(e) for e in discover(tmp_path)}
    assert all(isinstance(p, FileProblem) for p in problems.values())
    assert "not UTF-8" in problems["latin1.txt"].message
    assert problems["empty.txt"].message == "empty file"
    assert problems["blank.md"].message == "empty file"
    assert "binary" in problems["binary.txt"].message


def test_huge_file_is_reported_without_reading_it(tmp_path, monkeypatch):
    import reader.core.corpus as corpus

    monkeypatch.setattr(corpus, "MAX_FILE_BYTES", 100)
    (tmp_path / "big.txt").write_text("x" * 101)
    [entry] = list(discover(tmp_path))
    problem = read_article(entry)
    assert isinstance(problem, FileProblem) and "too large" in problem.message


def test_front_matter_gives_metadata_and_is_not_reading_text():
    art = parse_article("---\ntitle: A Title\nsource: Example News\ndate: 2024-05-01\n---\nBody text here.", "h")
    assert (art.title, art.outlet, art.published, art.text) == ("A Title", "Example News", "2024-05-01", "Body text here.")


def test_dates_only_from_dateline_like_lines():
    assert find_date("Published: 12 March 2024 09:30\nText") == "2024-03-12T09:30"
    assert find_date("Since July 1, 2024, we have disabled all ads to improve things.") is None
    assert find_date("Nothing here") is None


def test_wire_dateline_names_the_outlet_and_folder_is_the_fallback(tmp_path):
    art = parse_article("Headline\nMOSCOW (Reuters) - Something happened.", "h", folder="wires")
    assert art.outlet == "Reuters"
    assert parse_article("Headline\nSomething happened.", "h", folder="wires").outlet == "wires"


def test_title_lead_is_cut_at_a_word():
    title = find_title("This is a very long first line that goes on and on without any headline shape at all and ends. More.")
    assert title.endswith("…") and len(title) <= 90
