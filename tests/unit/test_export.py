import csv
import io
import json
from datetime import datetime, timezone

import pytest

from reader.core.export import render
from reader.core.index import index_corpus


@pytest.fixture
def annotated(store, corpus_dir):
    r = index_corpus(store, corpus_dir)
    rows = store.list_articles(r.corpus_id)
    art = store.get_article(rows[3]["id"])  # 003
    i = art.text.index("at least 93")
    store.add_annotation(art.id, i, i + 11, note="Check against ministry", tags="casualties, gaza")
    j = art.text.index("one of the dearest friends")
    store.add_annotation(art.id, j, j + 26, note='=HYPERLINK("x")', tags="")
    return store.query_annotations(corpus_id=r.corpus_id)


def test_markdown_groups_by_article_with_blockquote_note_tags(annotated):
    md = render(annotated, "md", now=datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert md.startswith("# Annotations (2 annotations, exported 2026-01-01)")
    assert md.count("\n## ") == 1
    assert "> at least 93\n\nCheck against ministry\n\nTags: `casualties`, `gaza`" in md


def test_json_has_w3c_selectors(annotated):
    data = json.loads(render(annotated, "json"))
    first = next(d for d in data if d["quote"] == "at least 93")
    assert first["quote"] == "at least 93" and first["tags"] == ["casualties", "gaza"]
    kinds = {s["type"] for s in first["selector"]}
    assert kinds == {"TextQuoteSelector", "TextPositionSelector"}
    assert first["article"]["path"].startswith("003")


def test_csv_rows_and_formula_cells_are_defused(annotated):
    rows = list(csv.DictReader(io.StringIO(render(annotated, "csv"))))
    assert [r["quote"] for r in rows] == ["one of the dearest friends", "at least 93"]  # text order
    assert rows[1]["tags"] == "casualties; gaza"
    assert rows[0]["note"].startswith("'=")


def test_unknown_format_is_an_error(annotated):
    with pytest.raises(ValueError):
        render(annotated, "xml")
