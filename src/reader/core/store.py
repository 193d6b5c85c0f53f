"""The SQLite store (through sqlite-utils): corpora, articles, cached spans, annotations, tags.

- One :class:`Store` per thread: a ``sqlite3`` connection is bound to the thread that opened it.
- WAL and foreign keys on; every write runs in one ``BEGIN IMMEDIATE`` transaction
  (:meth:`Store.write`), so a second ``reader`` on the same database waits instead of failing.
- The schema changes only through :data:`MIGRATIONS`, tracked by ``PRAGMA user_version``.
- Annotations have UUIDs and a W3C-style selector (exact quote + prefix/suffix + position);
  deleting one is soft (``deleted`` is set) so it can be undone.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING
import re

from reader.core.anchoring import Selector, make_selector

if TYPE_CHECKING:
    import sqlite_utils

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


# --- schema --------------------------------------------------------------------------------


def _m1_initial(db: "sqlite_utils.Database") -> None:
    db.executescript(
        """
        CREATE TABLE corpora (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            indexed_at TEXT
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            corpus_id INTEGER NOT NULL REFERENCES corpora(id),
            path TEXT NOT NULL,
            size INTEGER,
            mtime_ns INTEGER,
            hash TEXT,
            title TEXT NOT NULL DEFAULT '',
            outlet TEXT,
            published TEXT,
            words INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'failed', 'missing')),
            error TEXT,
            indexed_at TEXT,
            -- Last: a long text spills to overflow pages, and the columns before it are read
            -- (by list, filter and search joins) without touching those.
            text TEXT NOT NULL DEFAULT '',
            UNIQUE (corpus_id, path)
        );
        CREATE INDEX articles_hash ON articles(hash);
        CREATE INDEX articles_corpus_status ON articles(corpus_id, status, path);
        -- Covers the article list and its filter-as-you-type (count and page) without reading
        -- the wide rows: at 100,000 articles a scan of this index is ~20 MB, of the table ~500 MB.
        CREATE INDEX articles_list ON articles(corpus_id, path, status, title, outlet, published, words);
        CREATE TABLE spans_cache (
            hash TEXT NOT NULL,
            version TEXT NOT NULL,
            spans TEXT NOT NULL,
            PRIMARY KEY (hash, version)
        );
        CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            tags_text TEXT NOT NULL DEFAULT '',
            anchor TEXT NOT NULL DEFAULT 'anchored' CHECK (anchor IN ('anchored', 'fuzzy', 'orphaned')),
            article_hash TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            deleted TEXT
        );
        CREATE INDEX annotations_article ON annotations(article_id, deleted);
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        );
        CREATE TABLE annotation_tags (
            annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (annotation_id, tag_id)
        );
        CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id);
        """
    )
    # Full-text indexes, written out rather than through sqlite-utils' enable_fts so that the
    # tokenizer and triggers are ours: unicode61 tokenizes ~35% faster than porter (measured:
    # 18 vs 14 MB/s), which keeps 100,000 articles inside the index-time goal; stemming is
    # traded for prefix matching on the last word (fts_query). Full detail: with column detail
    # bm25 ranking ran 25x slower. The article trigger fires only when title or text change.
    _fts(db, "articles", ["title", "text"])
    _fts(db, "annotations", ["quote", "note", "tags_text"])


def _fts(db: "sqlite_utils.Database", table: str, columns: list[str]) -> None:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    db.executescript(
        f"""
        CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
            INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new});
        END;
        CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
            INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});
        END;
        CREATE TRIGGER {table}_au AFTER UPDATE OF {cols} ON {table} BEGIN
            INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});
            INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new});
        END;
        """
    )


def _m2_article_count(db: "sqlite_utils.Database") -> None:
    """Each corpus keeps the count of its listed articles as of its last complete index run,
    so the list shows 100,000 articles without counting them at every start (~15 ms)."""
    db.execute("ALTER TABLE corpora ADD COLUMN article_count INTEGER")


MIGRATIONS: list[Callable[["sqlite_utils.Database"], None]] = [_m1_initial, _m2_article_count]
"""Schema migrations in order; ``PRAGMA user_version`` counts how many have run."""
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """A store problem worth showing to the user as it is."""


# --- records -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    corpus_id: int
    path: str
    title: str
    outlet: str | None
    published: str | None
    words: int
    text: str
    hash: str | None
    status: str
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Annotation:
    id: str
    article_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    note: str
    tags: tuple[str, ...]
    anchor: str
    created: str
    updated: str
    article_title: str = ""
    article_path: str = ""
    article_outlet: str | None = None
    article_published: str | None = None
    deleted: str | None = None

    @property
    def selector(self) -> Selector:
        return Selector(self.quote, self.prefix, self.suffix, self.start, self.end)


@dataclass(slots=True)
class SearchHit:
    kind: str
    """``article`` (title/text matched) or ``annotation`` (quote/note/tags matched)."""
    article_id: int
    article_title: str
    article_path: str
    snippet: str
    """Plain text around the match; the matched terms sit between ``\\x02`` and ``\\x03``."""
    rank: float
    annotation_id: str | None = None


def normalize_tags(tags: Sequence[str] | str) -> list[str]:
    """Split, trim and de-duplicate tags (case-insensitively, first spelling wins).

    A string is split on commas and whitespace; ``#`` prefixes are dropped."""
    if isinstance(tags, str):
        tags = tags.replace(",", " ").split()
    out: list[str] = []
    seen: set[str] = set()
    for t in tags:
        t = " ".join(str(t).split()).lstrip("#").strip()
        if t and t.lower() not in seen:
            seen.add(t.lower())
            out.append(t)
    return out


# --- the store -----------------------------------------------------------------------------


class Store:
    """The database of one thread. Open with :meth:`open` (a file) or :meth:`memory`."""

    def __init__(self, conn: sqlite3.Connection, *, clock: Clock = utc_now, path: Path | None = None) -> None:
        self.conn = conn
        self.clock = clock
        self.path = path
        self._ids_cache: tuple[tuple, frozenset[int]] | None = None
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA recursive_triggers = ON")
        self._migrate()

    @cached_property
    def db(self) -> "sqlite_utils.Database":
        """The sqlite-utils view of this connection (imported on first use: it is slow to
        import, and the app's read paths, which decide how fast it starts, need only sqlite3)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn, execute_plugins=False)

    def _rows(self, sql: str, params: Sequence = ()) -> list[dict]:
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    @classmethod
    def open(cls, path: str | Path, *, clock: Clock = utc_now, timeout: float = 30.0) -> "Store":
        """Open (creating as needed) the database file at ``path``."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=timeout)
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.Error as e:
            raise StoreError(f"{path}: cannot open the database: {e}") from e
        except OSError as e:
            raise StoreError(f"{path}: cannot create the database folder: {e.strerror or e}") from e
        if str(mode).lower() != "wal":  # pragma: no cover - e.g. a network file system
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        try:
            return cls(conn, clock=clock, path=path)
        except sqlite3.DatabaseError as e:
            conn.close()
            raise StoreError(f"{path}: not a reader database or damaged: {e}") from e

    @classmethod
    def memory(cls, *, clock: Clock = utc_now) -> "Store":
        return cls(sqlite3.connect(":memory:"), clock=clock)

    def close(self) -> None:
        self.conn.close()

    def _now(self) -> str:
        return _iso(self.clock())

    # -- transactions and migrations

    @contextmanager
    def write(self) -> Iterator["Store"]:
        """One write transaction, begun IMMEDIATE (nested calls become savepoints)."""
        if self.conn.in_transaction:
            name = f"sp{uuid.uuid4().hex}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the database was written by a newer reader (schema {version}, this one knows {SCHEMA_VERSION})"
            )
        for i in range(version, SCHEMA_VERSION):
            with self.write():
                MIGRATIONS[i](self.db)
                self.conn.execute(f"PRAGMA user_version = {i + 1}")

    # -- corpora

    def corpus_id(self, path: str | Path, *, create: bool = True) -> int | None:
        """The id of the corpus at absolute ``path`` (created when missing and ``create``)."""
        key = str(Path(path).resolve())
        row = self.conn.execute("SELECT id FROM corpora WHERE path = ?", [key]).fetchone()
        if row or not create:
            return row[0] if row else None
        with self.write():
            cur = self.conn.execute("INSERT INTO corpora (path) VALUES (?)", [key])
            return int(cur.lastrowid)

    def forget_article_count(self, corpus_id: int) -> None:
        """An index run is about to change the articles: until it completes, count them."""
        with self.write():
            self.conn.execute("UPDATE corpora SET article_count = NULL WHERE id = ?", [corpus_id])

    def mark_indexed(self, corpus_id: int) -> None:
        """Note a complete index run: its time and the count of articles it left listed."""
        where, params = self._article_filter(corpus_id, "")
        with self.write():
            self.conn.execute(
                f"UPDATE corpora SET indexed_at = ?, article_count = (SELECT count(*) FROM articles a WHERE {where})"
                " WHERE id = ?", [self._now(), *params, corpus_id])

    # -- articles

    _ARTICLE_COLS = "id, corpus_id, path, title, outlet, published, words, text, hash, status, error"

    def article_stats(self, corpus_id: int) -> dict[str, tuple[int, int | None, int | None, str | None, str]]:
        """path → (id, size, mtime_ns, hash, status) for every article row of a corpus."""
        return {
            r[0]: (r[1], r[2], r[3], r[4], r[5])
            for r in self.conn.execute(
                "SELECT path, id, size, mtime_ns, hash, status FROM articles WHERE corpus_id = ?", [corpus_id]
            )
        }

    def get_article(self, article_id: int) -> Article | None:
        row = self.conn.execute(f"SELECT {self._ARTICLE_COLS} FROM articles WHERE id = ?", [article_id]).fetchone()
        return Article(*row) if row else None

    def find_article(self, corpus_id: int | None, ref: str) -> list[Article]:
        """Articles whose id, path, file name or title matches ``ref`` (exact first, then partial)."""
        where, params = ("corpus_id = ? AND ", [corpus_id]) if corpus_id is not None else ("", [])
        if ref.isdigit():
            rows = self.conn.execute(f"SELECT {self._ARTICLE_COLS} FROM articles WHERE {where}id = ?", params + [int(ref)]).fetchall()
            if rows:
                return [Article(*r) for r in rows]
        rows = self.conn.execute(
            f"SELECT {self._ARTICLE_COLS} FROM articles WHERE {where}(path = ? OR path LIKE ? ESCAPE '\\' OR title = ?)",
            params + [ref, "%/" + _like_escape(ref), ref],
        ).fetchall()
        if not rows:
            pat = "%" + _like_escape(ref) + "%"
            rows = self.conn.execute(
                f"SELECT {self._ARTICLE_COLS} FROM articles WHERE {where}(path LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\')",
                params + [pat, pat],
            ).fetchall()
        return [Article(*r) for r in rows]

    def _article_filter(self, corpus_id: int, text: str) -> tuple[str, list]:
        where = "a.corpus_id = ? AND a.status != 'failed'"
        params: list = [corpus_id]
        for word in text.split():
            pat = "%" + _like_escape(word) + "%"
            where += " AND (a.title LIKE ? ESCAPE '\\' OR a.outlet LIKE ? ESCAPE '\\' OR a.path LIKE ? ESCAPE '\\' OR a.published LIKE ? ESCAPE '\\')"
            params += [pat, pat, pat, pat]
        return where, params

    def count_articles(self, corpus_id: int, text: str = "", *, as_last_indexed: bool = False) -> int:
        """How many articles the list shows (filtered by ``text``). ``as_last_indexed``: the count
        the last complete index run left, when there is one and no filter (no scan; right as
        long as no index run is under way)."""
        if as_last_indexed and not text.strip():
            row = self.conn.execute("SELECT article_count FROM corpora WHERE id = ?", [corpus_id]).fetchone()
            if row and row[0] is not None:
                return int(row[0])
        where, params = self._article_filter(corpus_id, text)
        return self.conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0]

    def list_articles(self, corpus_id: int, text: str = "", offset: int = 0, limit: int = 200) -> list[dict]:
        """One page of the article list (title, outlet, date, annotation count), in path order."""
        where, params = self._article_filter(corpus_id, text)
        sql = f"""
            SELECT a.id, a.path, a.title, a.outlet, a.published, a.words, a.status,
                   (SELECT count(*) FROM annotations n WHERE n.article_id = a.id AND n.deleted IS NULL) AS annotations
            FROM articles a WHERE {where} ORDER BY a.path LIMIT ? OFFSET ?"""
        return self._rows(sql, params + [limit, offset])

    def failed_articles(self, corpus_id: int) -> list[dict]:
        return self._rows(
            "SELECT path, error FROM articles WHERE corpus_id = ? AND status = 'failed' ORDER BY path", [corpus_id]
        )

    # -- cached spans

    def get_spans(self, file_hash: str, version: str) -> str | None:
        """The cached spans of a text (an opaque payload, see ``reader.core.article_spans``)."""
        row = self.conn.execute("SELECT spans FROM spans_cache WHERE hash = ? AND version = ?", [file_hash, version]).fetchone()
        return row[0] if row else None

    def put_spans(self, file_hash: str, version: str, payload: str) -> None:
        """Cache the spans of a text for one cache version; entries of other versions for the
        same text are dropped (a new detector makes them dead weight)."""
        with self.write():
            self.conn.execute("DELETE FROM spans_cache WHERE hash = ? AND version != ?", [file_hash, version])
            self.conn.execute(
                "INSERT OR REPLACE INTO spans_cache (hash, version, spans) VALUES (?, ?, ?)",
                [file_hash, version, payload],
            )

    # -- annotations

    def add_annotation(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        note: str = "",
        tags: Sequence[str] | str = (),
        annotation_id: str | None = None,
    ) -> Annotation:
        """Annotate ``[start, end)`` of an article's reading text. The selector (quote, context,
        position) is taken from the stored text, so the annotation can be re-anchored later."""
        art = self.get_article(article_id)
        if art is None:
            raise StoreError(f"no article with id {article_id}")
        if not (0 <= start < end <= len(art.text)):
            raise StoreError(f"selection {start}-{end} is outside the article (0-{len(art.text)})")
        sel = make_selector(art.text, start, end)
        aid = annotation_id or str(uuid.uuid4())
        now = self._now()
        tag_list = normalize_tags(tags)
        with self.write():
            self.conn.execute(
                """INSERT INTO annotations (id, article_id, start, "end", quote, prefix, suffix, note,
                   tags_text, anchor, article_hash, created, updated)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?, ?)""",
                [aid, article_id, sel.start, sel.end, sel.quote, sel.prefix, sel.suffix, note,
                 " ".join(tag_list), art.hash, now, now],
            )
            self._link_tags(aid, tag_list)
        result = self.get_annotation(aid)
        assert result is not None
        return result

    def _link_tags(self, annotation_id: str, tags: list[str]) -> None:
        self.conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])
        for name in tags:
            self.conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", [name])
            tag_id = self.conn.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()[0]
            self.conn.execute("INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)", [annotation_id, tag_id])
        self.conn.execute("UPDATE annotations SET tags_text = ? WHERE id = ?", [" ".join(tags), annotation_id])
        self.conn.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM annotation_tags)")

    def update_annotation(
        self, annotation_id: str, *, note: str | None = None, tags: Sequence[str] | str | None = None
    ) -> Annotation:
        if self.get_annotation(annotation_id) is None:
            raise StoreError(f"no annotation {annotation_id}")
        with self.write():
            if note is not None:
                self.conn.execute("UPDATE annotations SET note = ? WHERE id = ?", [note, annotation_id])
            if tags is not None:
                self._link_tags(annotation_id, normalize_tags(tags))
            self.conn.execute("UPDATE annotations SET updated = ? WHERE id = ?", [self._now(), annotation_id])
        result = self.get_annotation(annotation_id)
        assert result is not None
        return result

    def delete_annotation(self, annotation_id: str) -> None:
        """Soft delete: hidden everywhere, restorable with :meth:`restore_annotation`."""
        with self.write():
            self.conn.execute("UPDATE annotations SET deleted = ? WHERE id = ? AND deleted IS NULL", [self._now(), annotation_id])

    def restore_annotation(self, annotation_id: str) -> None:
        with self.write():
            self.conn.execute("UPDATE annotations SET deleted = NULL WHERE id = ?", [annotation_id])

    def set_anchor(self, annotation_id: str, start: int, end: int, anchor: str, article_hash: str | None) -> None:
        """Record where an annotation now sits (the original quote and context are kept)."""
        with self.write():
            self.conn.execute(
                'UPDATE annotations SET start = ?, "end" = ?, anchor = ?, article_hash = ? WHERE id = ?',
                [start, end, anchor, article_hash, annotation_id],
            )

    _ANN_SELECT = """
        SELECT n.id, n.article_id, n.start, n."end", n.quote, n.prefix, n.suffix, n.note,
               n.tags_text, n.anchor, n.created, n.updated,
               a.title, a.path, a.outlet, a.published, n.deleted
        FROM annotations n JOIN articles a ON a.id = n.article_id"""

    def _annotation(self, r: Sequence) -> Annotation:
        return Annotation(
            id=r[0], article_id=r[1], start=r[2], end=r[3], quote=r[4], prefix=r[5], suffix=r[6],
            note=r[7], tags=tuple(self._tags_of(r[0])), anchor=r[9], created=r[10], updated=r[11],
            article_title=r[12], article_path=r[13], article_outlet=r[14], article_published=r[15], deleted=r[16],
        )

    def _tags_of(self, annotation_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT t.name FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = ? ORDER BY t.name COLLATE NOCASE",
            [annotation_id],
        )]

    def get_annotation(self, annotation_id: str) -> Annotation | None:
        row = self.conn.execute(self._ANN_SELECT + " WHERE n.id = ?", [annotation_id]).fetchone()
        return self._annotation(row) if row else None

    def annotations_for_article(self, article_id: int) -> list[Annotation]:
        rows = self.conn.execute(
            self._ANN_SELECT + ' WHERE n.article_id = ? AND n.deleted IS NULL ORDER BY n.start, n."end"', [article_id]
        ).fetchall()
        return [self._annotation(r) for r in rows]

    def query_annotations(
        self,
        *,
        corpus_id: int | None = None,
        tag: str | None = None,
        article_ids: Sequence[int] | None = None,
        search: str | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[Annotation]:
        """Annotations (not deleted) filtered by corpus, tag, articles and/or a full-text query,
        in article path then position order (or by relevance when ``search`` is given)."""
        where, params = self._annotation_filter(corpus_id, tag, article_ids, search)
        order = "ORDER BY a.path, n.start, n.\"end\""
        sql = self._ANN_SELECT
        if search:
            sql += " JOIN annotations_fts f ON f.rowid = n.rowid"
            order = "ORDER BY f.rank"
        sql += f" WHERE {where} {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [self._annotation(r) for r in self.conn.execute(sql, params).fetchall()]

    def count_annotations(
        self, *, corpus_id: int | None = None, tag: str | None = None,
        article_ids: Sequence[int] | None = None, search: str | None = None,
    ) -> int:
        where, params = self._annotation_filter(corpus_id, tag, article_ids, search)
        sql = "SELECT count(*) FROM annotations n JOIN articles a ON a.id = n.article_id"
        if search:
            sql += " JOIN annotations_fts f ON f.rowid = n.rowid"
        return self.conn.execute(f"{sql} WHERE {where}", params).fetchone()[0]

    def _annotation_filter(self, corpus_id, tag, article_ids, search) -> tuple[str, list]:
        where = ["n.deleted IS NULL"]
        params: list = []
        if corpus_id is not None:
            where.append("a.corpus_id = ?")
            params.append(corpus_id)
        if tag:
            where.append(
                "n.id IN (SELECT x.annotation_id FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE t.name = ?)"
            )
            params.append(tag.lstrip("#"))
        if article_ids is not None:
            where.append(f"n.article_id IN ({','.join('?' * len(article_ids)) or 'NULL'})")
            params += list(article_ids)
        if search:
            where.append("annotations_fts MATCH ?")
            params.append(fts_query(search))
        return " AND ".join(where), params

    def tag_counts(self, corpus_id: int | None = None) -> list[tuple[str, int]]:
        """Every tag in use with its number of (not deleted) annotations, most used first."""
        sql = """SELECT t.name, count(*) FROM tags t
                 JOIN annotation_tags x ON x.tag_id = t.id
                 JOIN annotations n ON n.id = x.annotation_id AND n.deleted IS NULL
                 JOIN articles a ON a.id = n.article_id"""
        params: list = []
        if corpus_id is not None:
            sql += " WHERE a.corpus_id = ?"
            params.append(corpus_id)
        sql += " GROUP BY t.id ORDER BY count(*) DESC, t.name COLLATE NOCASE"
        return [(r[0], r[1]) for r in self.conn.execute(sql, params)]

    # -- search

    RANK_CAP = 2000
    """Ranking scores every candidate, so a query matching most of a large corpus is ranked among
    its RANK_CAP most recently indexed matches (keeps p95 latency flat at 100,000 articles)."""

    def _searchable_ids(self, corpus_id: int | None) -> frozenset[int] | None:
        """Ids of a corpus's searchable articles (None: every corpus). Cached until the database
        changes (``PRAGMA data_version`` for other connections, ``total_changes`` for this one),
        so ranking never joins the wide articles table per candidate."""
        if corpus_id is None:
            return None
        key = (corpus_id, self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes)
        if self._ids_cache is None or self._ids_cache[0] != key:
            ids = frozenset(r[0] for r in self.conn.execute(
                "SELECT id FROM articles WHERE corpus_id = ? AND status != 'failed'", [corpus_id]))
            self._ids_cache = (key, ids)
        return self._ids_cache[1]

    def _candidates(self, q: str, corpus_id: int | None) -> list[tuple[int, float]]:
        """(rowid, bm25) of the newest :attr:`RANK_CAP` matches in the corpus, unsorted."""
        allowed = self._searchable_ids(corpus_id)
        cur = self.conn.execute(
            "SELECT rowid, bm25(articles_fts, 5.0, 1.0) FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC",
            [q],
        )
        out: list[tuple[int, float]] = []
        for rowid, score in cur:
            if allowed is None or rowid in allowed:
                out.append((rowid, score))
                if len(out) >= self.RANK_CAP:
                    break
        cur.close()
        return out

    def ranked_article_matches(self, query: str, corpus_id: int | None) -> list[tuple[int, float]]:
        """(article id, bm25) of the articles matching a full-text query, best first, at most
        :attr:`RANK_CAP`. Compute once per query and page through it with
        :meth:`article_match_rows`."""
        q = fts_query(query)
        return sorted(self._candidates(q, corpus_id), key=lambda r: r[1]) if q else []

    def count_article_matches(self, query: str, corpus_id: int) -> int:
        """Matching articles, counted up to :attr:`RANK_CAP` (the most a search lists)."""
        q = fts_query(query)
        return len(self._candidates(q, corpus_id)) if q else 0

    def _article_snippets(self, q: str, ids: Sequence[int]) -> dict[int, str]:
        """Snippets for a page of hits, made here from the texts (FTS5's snippet() redoes the
        prefix expansion for every row: 3-5 ms each at 100,000 articles, against ~0.1 ms)."""
        if not ids:
            return {}
        rows = self.conn.execute(
            f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(ids))})", list(ids)
        ).fetchall()
        words = _query_words(q)
        return {rowid: make_snippet(text, words) for rowid, text in rows}

    def article_match_rows(self, query: str, ranked: Sequence[tuple[int, float]]) -> list[dict]:
        """List rows (with a snippet and the rank) for a slice of :meth:`ranked_article_matches`.

        Snippets are made only for the rows asked for (making them reads the article text)."""
        ids = [r[0] for r in ranked]
        if not ids:
            return []
        snippets = self._article_snippets(fts_query(query), ids)
        rows = {r["id"]: r for r in self._rows(
            f"""SELECT a.id, a.path, a.title, a.outlet, a.published, a.status,
                       (SELECT count(*) FROM annotations n WHERE n.article_id = a.id AND n.deleted IS NULL) AS annotations
                FROM articles a WHERE a.id IN ({','.join('?' * len(ids))})""",
            ids,
        )}
        out = []
        for rowid, score in ranked:
            row = rows[rowid]
            row["snippet"] = snippets.get(rowid, "")
            row["rank"] = score
            out.append(row)
        return out

    def article_matches(self, query: str, corpus_id: int, offset: int = 0, limit: int = 200) -> list[dict]:
        """One page of articles matching a full-text query, best first, with a snippet each."""
        ranked = self.ranked_article_matches(query, corpus_id)
        return self.article_match_rows(query, ranked[offset:offset + limit])

    def search(self, query: str, *, corpus_id: int | None = None, limit: int = 20) -> list[SearchHit]:
        """Ranked full-text search over article titles and text and annotation notes, quotes and tags."""
        q = fts_query(query)
        if not q:
            return []
        where, params = ("AND a.corpus_id = ?", [corpus_id]) if corpus_id is not None else ("", [])
        hits = [
            SearchHit("article", r["id"], r["title"], r["path"], r["snippet"], r["rank"])
            for r in self.article_matches(query, corpus_id, 0, limit)
        ]
        for r in self.conn.execute(
            f"""SELECT a.id, a.title, a.path,
                       snippet(annotations_fts, -1, char(2), char(3), '…', 12),
                       bm25(annotations_fts, 1.0, 2.0, 3.0) AS rank, n.id
                FROM annotations_fts JOIN annotations n ON n.rowid = annotations_fts.rowid
                JOIN articles a ON a.id = n.article_id
                WHERE annotations_fts MATCH ? AND n.deleted IS NULL {where}
                ORDER BY rank LIMIT ?""",
            [q] + params + [limit],
        ):
            hits.append(SearchHit("annotation", r[0], r[1], r[2], r[3], r[4], annotation_id=r[5]))
        hits.sort(key=lambda h: h.rank)
        return hits[:limit]


def _query_words(q: str) -> list[tuple[str, bool]]:
    """(word, is_prefix) of an fts_query() string."""
    return [(m.group(1), m.group(2) == "*") for m in re.finditer(r'"([^"]*)"(\*?)', q)]


def make_snippet(text: str, words: Sequence[tuple[str, bool]], before: int = 24, after: int = 100) -> str:
    """Plain text around the first place any query word occurs, matches between \x02 and \x03
    (the convention of :func:`snippet_parts`); the text's start when no word is found."""
    if not words:
        return text[:before + after]
    alternatives = "|".join(re.escape(w) + (r"\w*" if prefix else r"(?!\w)") for w, prefix in words)
    pattern = re.compile(r"(?<!\w)(?:" + alternatives + ")", re.I)
    first = pattern.search(text)
    if first is None:
        return text[:before + after].replace("\n", " ")
    lo = max(0, first.start() - before)
    hi = min(len(text), first.end() + after)
    if lo > 0:
        cut = text.find(" ", lo)
        lo = cut + 1 if 0 <= cut < first.start() else lo
    if hi < len(text):
        cut = text.rfind(" ", first.end(), hi)
        hi = cut if cut > first.end() else hi
    window = text[lo:hi].replace("\n", " ")
    marked = pattern.sub(lambda m: "\x02" + m.group(0) + "\x03", window)
    return ("…" if lo > 0 else "") + marked + ("…" if hi < len(text) else "")


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split a search snippet into (plain text, is_match) parts, each made safe for display."""
    from reader.core.sanitize import clean_line

    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(snippet.split("\x02")):
        if i == 0:
            parts.append((clean_line(chunk), False))
            continue
        match, _, rest = chunk.partition("\x03")
        parts.append((clean_line(match), True))
        parts.append((clean_line(rest), False))
    return [p for p in parts if p[0]]


def fts_query(text: str) -> str:
    """Turn what a person types into a safe FTS5 query: each word quoted (no syntax errors),
    all words required, the last one as a prefix so results follow typing."""
    # Tokens as the FTS tokenizer sees them ("Eighty-five" is two): a quoted string of several
    # tokens would be a phrase query, which column-detail indexes do not support.
    words = re.findall(r"\w+", text)
    if not words:
        return ""
    parts = [f'"{w}"' for w in words]
    parts[-1] += "*"
    return " ".join(parts)


def _like_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
