import threading

from reader.core.index import index_corpus
from reader.core.store import Store


def test_first_index_then_nothing_to_do(store, corpus_dir):
    seen = []
    r = index_corpus(store, corpus_dir, progress=seen.append)
    assert (r.new, r.changed, r.removed, r.failed) == (5, 0, 0, 0)
    assert seen[-1].done == seen[-1].total == 5
    r2 = index_corpus(store, corpus_dir)
    assert (r2.new, r2.changed, r2.unchanged) == (0, 0, 5)


def test_touched_but_identical_file_is_not_reparsed(store, corpus_dir):
    index_corpus(store, corpus_dir)
    p = corpus_dir / "000_8db441bc7c5a8552.txt"
    p.write_bytes(p.read_bytes())  # new mtime, same bytes
    import os
    os.utime(p, ns=(1, 1))
    r = index_corpus(store, corpus_dir)
    assert (r.changed, r.unchanged) == (0, 5)


def test_edit_reanchors_annotations_and_removal_keeps_annotated_rows(store, corpus_dir):
    r = index_corpus(store, corpus_dir)
    cid = r.corpus_id
    row = next(a for a in store.list_articles(cid) if a["path"].startswith("001"))
    art = store.get_article(row["id"])
    i = art.text.index("almost 40,000")
    ann = store.add_annotation(art.id, i, i + len("almost 40,000 Palestinians"))
    p = corpus_dir / row["path"]
    p.write_text("Breaking update: a new first line.\n" + p.read_text(encoding="utf-8"), encoding="utf-8")
    r = index_corpus(store, corpus_dir)
    assert r.changed == 1 and r.reanchored == {"anchored": 1}
    moved = store.get_annotation(ann.id)
    new_text = store.get_article(art.id).text
    assert new_text[moved.start:moved.end] == "almost 40,000 Palestinians" and moved.start > i
    # Remove the text it points at: the annotation is orphaned, not lost.
    p.write_text("Entirely rewritten article about something else.\n", encoding="utf-8")
    r = index_corpus(store, corpus_dir)
    assert store.get_annotation(ann.id).anchor == "orphaned"
    p.unlink()
    r = index_corpus(store, corpus_dir)
    assert r.removed == 1
    assert store.get_article(art.id).status == "missing"
    assert store.get_annotation(ann.id) is not None


def test_removed_unannotated_file_is_dropped_and_bad_files_are_reported(store, corpus_dir):
    index_corpus(store, corpus_dir)
    (corpus_dir / "003_733a1c3f5a029858.txt").unlink()
    (corpus_dir / "bad.txt").write_bytes(b"\xff\xfe\x00\x00 binary")
    r = index_corpus(store, corpus_dir)
    assert r.removed == 1 and r.failed == 1
    assert "bad.txt" in str(r.problems[0])
    assert store.count_articles(r.corpus_id) == 4


def test_one_database_holds_several_corpora(store, corpus_dir, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.md").write_text("Other headline\nSome text.")
    a = index_corpus(store, corpus_dir)
    b = index_corpus(store, other)
    assert a.corpus_id != b.corpus_id
    assert store.count_articles(a.corpus_id) == 5 and store.count_articles(b.corpus_id) == 1


def test_cancel_stops_between_batches(store, corpus_dir):
    import threading

    ev = threading.Event()
    ev.set()
    r = index_corpus(store, corpus_dir, cancel=ev)
    assert r.cancelled and r.new == 0


def test_index_on_a_file_database_from_another_thread(tmp_path, corpus_dir):
    import threading

    out = {}

    def work():
        s = Store.open(tmp_path / "r.db")
        out["r"] = index_corpus(s, corpus_dir)
        s.close()

    t = threading.Thread(target=work)
    t.start()
    t.join()
    s = Store.open(tmp_path / "r.db")
    assert s.count_articles(out["r"].corpus_id) == 5


def test_parallel_parsing_gives_the_same_index(store, corpus_dir, monkeypatch):
    import reader.core.index as index

    (corpus_dir / "bad.txt").write_bytes(b"\xff\xfe bad")
    monkeypatch.setattr(index, "PARALLEL_FROM", 1)
    r = index.index_corpus(store, corpus_dir)
    assert (r.new, r.failed) == (5, 1)
    titles = [row["title"] for row in store.list_articles(r.corpus_id)]
    assert titles[0] == "Putin Praises ‘Special, Deep-Rooted’ Russia-Palestine Ties"


def test_a_complete_run_stores_the_list_count_and_a_run_under_way_forgets_it(store, corpus_dir):
    corpus = store.corpus_id(corpus_dir)
    assert store.count_articles(corpus, as_last_indexed=True) == 0  # nothing stored: counted
    index_corpus(store, corpus_dir)
    n = store.count_articles(corpus)
    assert n == 5
    assert store.conn.execute("SELECT article_count FROM corpora WHERE id = ?", [corpus]).fetchone()[0] == n
    assert store.count_articles(corpus, as_last_indexed=True) == n
    assert store.count_articles(corpus, "moscow", as_last_indexed=True) == store.count_articles(corpus, "moscow") < n
    (corpus_dir / "new.txt").write_text("A new headline\n\nSome text of the new article.", encoding="utf-8")
    cancel = threading.Event()
    cancel.set()
    report = index_corpus(store, corpus_dir, cancel=cancel)  # stops before writing anything
    assert report.cancelled
    assert store.conn.execute("SELECT article_count FROM corpora WHERE id = ?", [corpus]).fetchone()[0] is None
    index_corpus(store, corpus_dir)
    assert store.count_articles(corpus, as_last_indexed=True) == store.count_articles(corpus) == n + 1
