"""The span cache's table form (reader.core.article_spans)."""

from __future__ import annotations

import pytest

from reader.core.article_spans import CACHE_VERSION, SpanTable, article_spans, cached_spans, provisional_spans
from reader.core.index import index_corpus
from reader.core.spans import detect
from reader.core.store import Store

TEXT = (
    'The mayor said "we will rebuild the bridge\nby May" on Tuesday. It will cost about $4.5 million, '
    "or 12% of the budget. \u201cNot a cent more,\u201d she added."
)


def indexed_article(tmp_path):
    """A store holding one indexed article of TEXT."""
    store = Store.open(tmp_path / "s.db")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    index_corpus(store, corpus)
    return store, store.get_article(store.list_articles(store.corpus_id(corpus))[0]["id"])


def test_a_table_round_trips_every_field_through_its_text():
    spans = detect(TEXT)
    assert {s.kind for s in spans} == {"quote", "figure"}
    table = SpanTable.decode(SpanTable.from_spans(spans).encode())
    assert len(table) == len(spans)
    assert table.starts == [s.start for s in spans] and table.ends == [s.end for s in spans]
    assert table.kinds == [s.kind for s in spans]
    assert [vars(r) for r in table] == [s.to_dict() for s in spans]  # newlines in quotes included
    assert table.count_kind("quote") == sum(s.kind == "quote" for s in spans)
    assert table[-1].speaker == spans[-1].speaker
    assert [r.start for r in table[1:3]] == [s.start for s in spans[1:3]]


def test_records_are_decoded_only_when_looked_at():
    table = SpanTable.decode(SpanTable.from_spans(detect(TEXT)).encode())
    assert table._records == [None] * len(table)
    first = table[0]
    assert table[0] is first
    assert table._records[1:] == [None] * (len(table) - 1)


def test_an_empty_table():
    table = SpanTable.decode(SpanTable.from_spans([]).encode())
    assert len(table) == 0 and list(table) == []


@pytest.mark.parametrize("payload", ["[1,2]\n", "not json", "[0,1,0]\n{}\n{}", "[0,1,7]\n{}"])
def test_a_damaged_cache_entry_is_a_miss_not_an_error(tmp_path, payload):
    store, article = indexed_article(tmp_path)
    store.put_spans(article.hash, CACHE_VERSION, payload)
    assert cached_spans(store, article) is None
    spans = article_spans(store, article)  # detected again and the entry repaired
    assert len(spans) == len(detect(article.text))
    assert cached_spans(store, article).kinds == spans.kinds


def test_provisional_spans_are_the_parts_spans_at_the_texts_offsets():
    para = 'Officials said "the 3 bridges will open" on May 4, 2026, the mayor added.\n'
    text = para * 400
    middle = len(text) // 2
    table = provisional_spans(text, middle, before=300, after=600)
    assert 0 < len(table) < len(detect(text)) / 10
    assert min(table.starts) < middle < max(table.ends)
    whole = {(s.start, s.end, s.kind) for s in detect(text)}
    for span in table:
        assert text[span.start:span.end] == span.text
        assert (span.start, span.end, span.kind) in whole  # paragraphs stand alone here
        if span.speaker_start is not None:
            assert text[span.speaker_start:span.speaker_end] == span.speaker


def test_the_span_job_fills_the_cache_from_its_own_process(tmp_path):
    import subprocess
    import sys

    store, article = indexed_article(tmp_path)
    assert cached_spans(store, article) is None
    run = subprocess.run([sys.executable, "-m", "reader.core.span_job", str(tmp_path / "s.db"), str(article.id)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert [vars(r) for r in cached_spans(store, article)] == [s.to_dict() for s in detect(article.text)]
    missing = subprocess.run([sys.executable, "-m", "reader.core.span_job", str(tmp_path / "s.db"), "999"],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "no article 999" in missing.stderr
