"""Index rate: a fresh index of a corpus, then a re-run with nothing changed.

    python bench/bench_index.py CORPUS_DIR [--db FILE]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from reader.core.index import index_corpus
from reader.core.store import Store


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("corpus", type=Path)
    p.add_argument("--db", type=Path)
    a = p.parse_args()
    db = a.db or Path(tempfile.mkdtemp()) / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    store = Store.open(db)
    t0 = time.perf_counter()
    r = index_corpus(store, a.corpus)
    dt = time.perf_counter() - t0
    n = r.new + r.failed
    print(f"fresh index: {n:,} articles, {r.bytes_read / 1e6:.1f} MB in {dt:.1f} s "
          f"= {n / dt:,.0f} articles/s, {r.bytes_read / 1e6 / dt:.1f} MB/s")
    t0 = time.perf_counter()
    r2 = index_corpus(store, a.corpus)
    print(f"re-run, nothing changed: {r2.unchanged:,} unchanged in {time.perf_counter() - t0:.2f} s")
    print(f"database: {db.stat().st_size / 1e6:.0f} MB; peak RSS of this process "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
