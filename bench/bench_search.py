"""Search and filter latency on an indexed corpus: p50/p95 over a fixed, mixed query set.

    python bench/bench_search.py DB CORPUS_DIR [--rounds 5]

Measures what the app and CLI run: ``Store.search`` (CLI `reader search`, top 20 with snippets),
the list's full-text page (count + first 200 rows with snippets) and the title filter (count +
first page) as typed.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from reader.core.store import Store

QUERIES = [
    "talks", "minister", "ceasefire", "Haddad", "Lindqvist Geneva", "grain exports", "negot", "the world is watching",
    "guarantees", "aid convoy Doha", "percent", "refugee", "Nairobi border", "budget", "spokeswoman Voronova",
    "zzzz-not-there", "election Warsaw", "sanctions", "pledged", "envoy Tanaka",
]
FILTERS = ["H", "Ha", "Had", "Hadd", "Haddad", "reuters", "2025", "Cairo Talks", "Resume (9", "nothing-matches"]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def run(label: str, fn, items: list[str], rounds: int) -> None:
    times = []
    for _ in range(rounds):
        for item in items:
            t0 = time.perf_counter()
            fn(item)
            times.append((time.perf_counter() - t0) * 1000)
    print(f"{label:<34} n={len(times):>4}  p50 {statistics.median(times):6.1f} ms  p95 {pct(times, 0.95):6.1f} ms  "
          f"max {max(times):6.1f} ms")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("db", type=Path)
    p.add_argument("corpus", type=Path)
    p.add_argument("--rounds", type=int, default=5)
    a = p.parse_args()
    store = Store.open(a.db)
    cid = store.corpus_id(a.corpus, create=False)
    assert cid is not None, "index the corpus first"
    n = store.count_articles(cid)
    print(f"{n:,} articles")
    run("reader search (top 20, snippets)", lambda q: store.search(q, corpus_id=cid, limit=20), QUERIES, a.rounds)
    run("list search (count + 200 rows)",
        lambda q: (store.count_article_matches(q, cid), store.article_matches(q, cid, 0, 200)), QUERIES, a.rounds)
    run("title filter (count + 200 rows)",
        lambda q: (store.count_articles(cid, q), store.list_articles(cid, q, 0, 200)), FILTERS, a.rounds)


if __name__ == "__main__":
    main()
