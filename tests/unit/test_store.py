import sqlite3
import threading

import pytest

from reader.core.store import SCHEMA_VERSION, Store, StoreError, fts_query, normalize_tags, snippet_parts


def _article(store, text="Hello world. Putin said “we are ready” on Tuesday.", path="a.txt", title="Title"):
    cid = store.corpus_id("/tmp/corpus-x")
    with store.write():
        cur = store.conn.execute(
            "INSERT INTO articles (corpus_id, path, title, text, hash) VALUES (?, ?, ?, ?, 'h')", [cid, path, title, text]
        )
    return cid, cur.lastrowid


def test_schema_is_migrated_and_versioned(store):
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"articles", "annotations", "tags", "annotation_tags", "spans_cache", "articles_fts"} <= set(store.db.table_names())


def test_file_store_uses_wal_and_refuses_newer_schema(tmp_path):
    s = Store.open(tmp_path / "sub" / "r.db")
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    s.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    s.close()
    with pytest.raises(StoreError, match="newer reader"):
        Store.open(tmp_path / "sub" / "r.db")


def test_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="bad.db"):
        Store.open(bad)


def test_annotation_roundtrip_with_uuid_selector_and_tags(store, clock):
    _, aid = _article(store)
    ann = store.add_annotation(aid, 13, 23, note="key claim", tags="Putin, #quote putin")
    assert len(ann.id) == 36 and ann.id.count("-") == 4
    assert ann.quote == "Putin said" and ann.prefix == "Hello world. " and ann.suffix.startswith(" “we are")
    assert ann.tags == ("Putin", "quote")
    assert ann.created == "2026-01-22T12:00:00Z"
    clock.tick()
    ann2 = store.update_annotation(ann.id, note="edited", tags=["x"])
    assert ann2.note == "edited" and ann2.tags == ("x",) and ann2.updated == "2026-01-22T12:01:00Z"
    assert store.tag_counts() == [("x", 1)]  # unused tags are dropped


def test_selection_outside_the_article_is_refused(store):
    _, aid = _article(store)
    with pytest.raises(StoreError, match="outside"):
        store.add_annotation(aid, 10, 10_000)


def test_soft_delete_and_restore(store):
    _, aid = _article(store)
    ann = store.add_annotation(aid, 0, 5, tags="t")
    store.delete_annotation(ann.id)
    assert store.annotations_for_article(aid) == []
    assert store.tag_counts() == []
    assert store.list_articles(store.corpus_id("/tmp/corpus-x"))[0]["annotations"] == 0
    store.restore_annotation(ann.id)
    assert [a.id for a in store.annotations_for_article(aid)] == [ann.id]
    assert store.tag_counts() == [("t", 1)]


def test_failed_write_rolls_back_everything(store):
    _, aid = _article(store)
    with pytest.raises(sqlite3.IntegrityError):
        with store.write():
            store.conn.execute("UPDATE articles SET title = 'changed' WHERE id = ?", [aid])
            store.conn.execute("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES ('nope', 999)")
    assert store.get_article(aid).title == "Title"


def test_list_filter_and_counts(store):
    cid, a1 = _article(store, path="reuters/a.txt", title="Putin meets Abbas")
    _article(store, path="tass/b.txt", title="Weather report")
    store.add_annotation(a1, 0, 5)
    assert store.count_articles(cid) == 2
    assert [r["title"] for r in store.list_articles(cid, "putin")] == ["Putin meets Abbas"]
    assert [r["path"] for r in store.list_articles(cid, "tass")] == ["tass/b.txt"]
    assert store.list_articles(cid, "Putin")[0]["annotations"] == 1
    assert store.count_articles(cid, "100%_") == 0  # LIKE wildcards are literal


def test_search_articles_and_annotations_ranked_with_snippets(store):
    cid, a1 = _article(store, text="The strike killed at least 93 people in Gaza.", title="Strike")
    _article(store, text="Markets rallied on Tuesday.", path="b.txt", title="Markets")
    store.add_annotation(a1, 4, 10, note="casualty figure disputed", tags="casualties")
    kinds = {(h.kind, h.article_title) for h in store.search("casualt", corpus_id=cid)}
    assert kinds == {("annotation", "Strike")}
    hit = store.search("Gaza", corpus_id=cid)[0]
    assert hit.kind == "article" and ("Gaza", True) in snippet_parts(hit.snippet)
    for hostile in ('AND OR "(', "NEAR(a b)", "col:x", "*", "-", "Eighty-five %"):
        store.search(hostile, corpus_id=cid)  # never a syntax error
    assert store.search("Eighty-five", corpus_id=cid) == []


def test_fts_query_quotes_words_and_prefixes_the_last():
    assert fts_query('putin "said') == '"putin" "said"*'
    assert fts_query("Eighty-five") == '"Eighty" "five"*'
    assert fts_query("   ") == ""


def test_normalize_tags():
    assert normalize_tags("a, b  #a  c") == ["a", "b", "c"]
    assert normalize_tags(["Gaza Strip", "gaza   strip"]) == ["Gaza Strip"]


def test_a_second_connection_waits_for_the_writer(tmp_path):
    path = tmp_path / "r.db"
    a = Store.open(path)
    cid = a.corpus_id("/c")
    done = []

    def writer_b():  # a connection belongs to its thread: open it there
        b = Store.open(path, timeout=10)
        b.corpus_id("/other")
        done.append(True)
        b.close()

    with a.write():
        a.conn.execute("INSERT INTO articles (corpus_id, path) VALUES (?, 'x')", [cid])
        t = threading.Thread(target=writer_b)
        t.start()
        t.join(0.3)
        assert not done  # b is waiting for a's transaction
    t.join(10)
    assert done == [True]


def test_spans_cache_roundtrip(store):
    assert store.get_spans("h", "1") is None
    store.put_spans("h", "1", "payload one")
    assert store.get_spans("h", "1") == "payload one"
    store.put_spans("h", "2", "payload two")  # a new cache version replaces the old entry
    assert store.get_spans("h", "1") is None
    assert store.get_spans("h", "2") == "payload two"


def test_make_snippet_marks_words_and_prefixes_around_the_first_hit():
    from reader.core.store import _query_words, make_snippet

    text = "Intro line. " * 20 + "The talks in Geneva resumed; talking continued."
    snip = make_snippet(text, _query_words(fts_query("geneva talk")))
    parts = snippet_parts(snip)
    assert ("talks", True) in parts and ("Geneva", True) in parts and ("talking", True) in parts
    assert snip.startswith("…")
    assert make_snippet("no hit here", _query_words(fts_query("zzz"))) == "no hit here"
    assert ("tal", False) not in snippet_parts(make_snippet("total tally", _query_words('"tal"')))  # whole word unless prefix


def test_a_schema_1_database_is_migrated_and_keeps_its_data(tmp_path):
    import sqlite3

    from reader.core.store import MIGRATIONS

    path = tmp_path / "old.db"
    old = Store.open(path)
    old.close()
    conn = sqlite3.connect(path)  # back to schema 1, as an older reader left it
    conn.execute("ALTER TABLE corpora DROP COLUMN article_count")
    conn.execute("INSERT INTO corpora (path) VALUES ('/some/corpus')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store = Store.open(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) == SCHEMA_VERSION
    assert store.conn.execute("SELECT path, article_count FROM corpora").fetchall() == [("/some/corpus", None)]
