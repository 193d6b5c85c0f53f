import json

from click.testing import CliRunner

from reader.cli import main


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_index_search_and_export_on_a_corpus(tmp_path, corpus_dir):
    db = str(tmp_path / "r.db")
    r = run("index", "--corpus", str(corpus_dir), "--db", db)
    assert r.exit_code == 0 and "5 new, 0 changed, 0 removed, 0 failed" in r.stderr
    r = run("index", "--corpus", str(corpus_dir), "--db", db)
    assert "0 new, 0 changed, 0 removed, 0 failed, 5 unchanged" in r.stderr
    r = run("search", "dearest friends", "--corpus", str(corpus_dir), "--db", db, "--format", "json")
    hits = json.loads(r.stdout)
    assert {h["path"][:3] for h in hits} == {"001", "003"}
    assert all("dearest" in h["snippet"] for h in hits)
    r = run("search", "zzzqqq", "--corpus", str(corpus_dir), "--db", db)
    assert r.exit_code == 0 and r.stdout == "" and "No matches" in r.stderr


def test_env_var_picks_corpus_and_db(tmp_path, corpus_dir, monkeypatch):
    monkeypatch.setenv("READER_CORPUS", str(corpus_dir))
    monkeypatch.setenv("READER_DB", str(tmp_path / "env.db"))
    assert run("index").exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_missing_corpus_is_a_clear_error(tmp_path):
    r = run("index", "--corpus", str(tmp_path / "nope"), "--db", str(tmp_path / "r.db"))
    assert r.exit_code == 1 and "no such corpus folder" in r.stderr


def test_export_formats_filters_and_destinations(tmp_path, corpus_dir):
    from reader.core.index import index_corpus
    from reader.core.store import Store

    db = tmp_path / "r.db"
    s = Store.open(db)
    rep = index_corpus(s, corpus_dir)
    rows = s.list_articles(rep.corpus_id)
    a0 = s.get_article(rows[0]["id"])
    s.add_annotation(a0.id, 0, 10, note="headline", tags="putin")
    a4 = s.get_article(rows[4]["id"])
    s.add_annotation(a4.id, 4, 11, note="kremlin", tags="kremlin")
    s.close()
    r = run("export", "--db", str(db), "--format", "json", "--tag", "putin")
    assert [x["note"] for x in json.loads(r.stdout)] == ["headline"]
    r = run("export", "--db", str(db), "--format", "csv", "--article", rows[4]["path"])
    assert r.stdout.splitlines()[1].split(",")[1] == rows[4]["path"]
    out = tmp_path / "out.md"
    r = run("export", "--db", str(db), "-o", str(out))
    assert "Wrote 2 annotations" in r.stderr and out.read_text().count("\n## ") == 2
    r = run("export", "--db", str(db), "--article", "no-such-article")
    assert r.exit_code == 1 and "no article matches" in r.stderr


def test_clipboard_unavailable_is_said_clearly(tmp_path, monkeypatch):
    import pyperclip

    def broken(_text):
        raise pyperclip.PyperclipException("no clipboard")

    monkeypatch.setattr(pyperclip, "copy", broken)
    r = run("export", "--db", str(tmp_path / "r.db"), "--clipboard")
    assert r.exit_code == 1
    assert "no system clipboard" in r.stderr and "Nothing was copied" in r.stderr


def test_clipboard_copy(tmp_path, monkeypatch):
    import pyperclip

    copied = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    r = run("export", "--db", str(tmp_path / "r.db"), "--clipboard", "--format", "csv")
    assert r.exit_code == 0 and copied and copied[0].startswith("id,article_path")


def test_spans_json_text_stdin_and_bad_input(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text('He said "we will pay $5 million" today.', encoding="utf-8")
    spans = json.loads(run("spans", str(f)).stdout)
    assert spans == sorted(spans, key=lambda s: s["start"])
    assert any(s["kind"] == "quote" and s["text"] == "we will pay $5 million" for s in spans)
    assert json.loads(run("spans", "-", input='"Hi," she said.').stdout)[0]["kind"] == "quote"
    assert "quote" in run("spans", "--format", "text", str(f)).stdout
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    r = run("spans", str(bad))
    assert r.exit_code == 1 and "bad.txt" in r.stderr and "not UTF-8" in r.stderr
    r = run("spans", str(f), str(bad))
    lines = r.stdout.splitlines()
    assert r.exit_code == 1 and json.loads(lines[0])["file"] == str(f)


def test_spans_reads_empty_files_directories_and_non_ascii_text_as_a_user_meets_them(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = run("spans", str(empty))
    assert r.exit_code == 0 and r.stdout == "[]\n"  # (a file of no bytes cannot be memory-mapped)
    r = run("spans", str(tmp_path))
    assert r.exit_code == 1 and str(tmp_path) in r.stderr and "cannot read" in r.stderr
    text = "“Wir zahlen 5 Mio. €,” sagte Müller 😀 am 3. Mai. "
    f = tmp_path / "de.txt"
    f.write_bytes(text.encode("utf-8") * 3)
    out = run("spans", str(f)).stdout
    spans = json.loads(out)
    assert spans and all(s["text"] == (text * 3)[s["start"]:s["end"]] for s in spans)
    assert "€" in out and "\\u20ac" not in out  # UTF-8 JSON, not \u escapes
    late = tmp_path / "late.txt"
    late.write_bytes(b"ok " * 5000 + b"caf\xe9")
    r = run("spans", str(late))
    assert r.exit_code == 1 and "late.txt" in r.stderr and "at byte 15003" in r.stderr


def test_spans_json_of_text_with_control_characters_is_escaped_and_exact(tmp_path):
    # the JSON is written unfiltered (click does not strip escape codes from it): it must escape them
    text = 'Alert: "We \x1b[1mpaid\x1b[0m $5 million,\x07" she said.'
    f = tmp_path / "esc.txt"
    f.write_text(text, encoding="utf-8")
    out = run("spans", str(f)).stdout
    assert "\x1b" not in out and "\x07" not in out and "\\u001b" in out
    spans = json.loads(out)
    assert spans and all(s["text"] == text[s["start"]:s["end"]] for s in spans)


def test_corrupt_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database " * 200)
    r = run("export", "--db", str(bad))
    assert r.exit_code == 1 and "bad.db" in r.stderr


def test_unreadable_files_are_named_on_every_run_and_index_exits_1(tmp_path, corpus_dir):
    (corpus_dir / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    db = str(tmp_path / "r.db")
    for _ in range(2):
        r = run("index", "--corpus", str(corpus_dir), "--db", db)
        assert r.exit_code == 1
        assert "warning: latin1.txt: not UTF-8" in r.stderr and "1 failed" in r.stderr


def test_damaged_database_is_one_clear_error(tmp_path, corpus_dir):
    db = tmp_path / "r.db"
    assert run("index", "--corpus", str(corpus_dir), "--db", str(db)).exit_code == 0
    import gc
    import sqlite3

    gc.collect()  # close the CLI's connections
    with sqlite3.connect(db) as c:  # everything into the main file, as on disk after a clean exit
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    data[4096:] = b"\x5a" * (len(data) - 4096)  # every page but the schema's first: garbage
    db.write_bytes(bytes(data))
    for args in (["export"], ["tags"], ["search", "putin", "--corpus", str(corpus_dir)]):
        r = CliRunner().invoke(main, args + ["--db", str(db)])
        assert r.exit_code == 1, r.output
        assert "Traceback" not in r.output + r.stderr
        assert str(db) in r.stderr


def test_a_closed_output_pipe_ends_quietly_with_status_0(tmp_path, corpus_dir):
    import os
    import subprocess
    import sys

    db = tmp_path / "p.db"
    assert CliRunner().invoke(main, ["--db", str(db), "index", "--corpus", str(corpus_dir)]).exit_code == 0
    # `reader search Putin | head -1` where head has already gone: every write meets a closed pipe.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        run = subprocess.run([sys.executable, "-m", "reader.cli", "--db", str(db), "search", "Putin",
                              "--corpus", str(corpus_dir)], stdout=write_end, stderr=subprocess.PIPE, timeout=60)
    finally:
        os.close(write_end)
    assert run.returncode == 0, run.stderr
    assert run.stderr == b""
