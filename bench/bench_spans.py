#!/usr/bin/env python3
"""Throughput benchmark for ``reader.core.spans.detect``.

Generates (seeded, in memory) news-like text with quotes, attributions and figures, runs
``detect`` over it in one process and prints MB/s and spans/MB, next to the throughput of a
bare ``re.finditer`` quote-pair scan measured in the same run (the baseline ratio makes numbers
from different machines comparable).

    .venv/bin/python bench/bench_spans.py [--mb 20] [--seed 7] [--chunk 20000]
    .venv/bin/python bench/bench_spans.py --corpus corpus --repeat 300   # the shipped articles, repeated
    .venv/bin/python bench/bench_spans.py --cli     # also time the command: reader spans FILE --format json
    .venv/bin/python bench/bench_spans.py --runs 5  # each figure the best (and median) of 5 runs

``--cli`` also writes the text to a temporary file and times the ``reader spans`` command on it (the
file as one input, JSON on stdout, read and discarded), minus the same command on an empty file:
that is the command's throughput without interpreter start, detection plus reading, building and
writing the JSON. ``--chunk`` sets the size of the documents detect() is called on (news articles are a few KB;
0 = the whole text in one call). The first line says whether the detector runs compiled (Cython,
built at install time) or as plain Python; ``READER_PURE_PYTHON=1`` forces the latter.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time

FIRST = ["Anna", "Omar", "Li", "Jean", "Maria", "Tomas", "Priya", "Kwame", "Elena", "Hiroshi", "Sara", "David"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Haddad", "Novak", "Tanaka", "Silva", "Brennan", "Kowalski", "Mensah"]
ROLES = ["Finance Minister", "President", "Mayor", "Senator", "spokeswoman", "Prime Minister", "chief executive"]
ADJ = ["Ruritanian", "Freedonian", "Northern", "Coastal", "Federal"]
BODIES = ["the Treasury", "the central bank", "the ministry", "Parliament", "the Harbour Authority", "police"]
PLACES = ["Port Vale", "Eastmarch", "Lowhaven", "the capital", "the northern province", "Rivermouth"]
NOUNS = ["budget", "bridge", "strike", "election", "harvest", "pipeline", "ceasefire", "reform", "tariff", "flood"]
VERBS = ["said", "told reporters", "added", "stressed", "warned", "noted", "wrote"]
MONTHS = ["January", "February", "March", "April", "June", "July", "September", "October", "November"]
PROSE = ("officials have sought to reassure investors and residents that the new measures would be applied "
         "gradually while negotiations with opposition parties over the details of the agreement continue behind "
         "closed doors amid growing frustration among local businesses farmers and unions about delays").split()
FILLER = ("the government has been under pressure over the {n} for months , while critics in {p} argue "
          "that the plan does little to address the underlying problem of {n2} and its costs").split()


def _figure(r: random.Random) -> str:
    k = r.randrange(12)
    if k == 0:
        return f"${r.randrange(1, 999)}.{r.randrange(10)} million"
    if k == 1:
        return f"{r.randrange(1, 99)}.{r.randrange(10)} percent"
    if k == 2:
        return f"more than {r.randrange(1, 999):,}"
    if k == 3:
        return f"{r.choice(MONTHS)} {r.randrange(1, 29)}, {r.randrange(1990, 2026)}"
    if k == 4:
        return r.choice(["two", "five", "eleven", "forty-two", "a dozen", "hundreds of"])
    if k == 5:
        return f"{r.randrange(1, 60)}%"
    if k == 6:
        return f"about {r.randrange(2, 40)} years"
    if k == 7:
        return f"{r.randrange(1, 12)}:{r.randrange(60):02d} GMT"
    if k == 8:
        return f"€{r.randrange(1, 90)}bn"
    if k == 9:
        return f"{r.randrange(1000, 99999):,} people"
    if k == 10:
        return f"the {r.choice(['second', 'third', 'fourth'])} quarter"
    return str(r.randrange(1950, 2030))


def _sentence(r: random.Random, people: list[tuple[str, str, str]]) -> str:
    first, last, role = r.choice(people)
    n, n2, p = r.choice(NOUNS), r.choice(NOUNS), r.choice(PLACES)
    k = r.randrange(22)
    words = " ".join(FILLER[: r.randrange(8, len(FILLER))]).format(n=n, n2=n2, p=p)
    if k >= 9:
        # plain reporting prose, no figure and no quote (most sentences in news)
        w = r.sample(PROSE, r.randrange(14, 30))
        return f"{r.choice(ADJ)} {r.choice(BODIES).replace('the ', '')} {' '.join(w)} in {p}, {last} and {r.choice(PLACES)}."
    if k == 0:
        return f"{r.choice(ADJ)} {role} {first} {last} said on Tuesday that {words}, citing {_figure(r)} {n}s."
    if k == 1:
        return f"\u201c{words.capitalize()}. We expect {_figure(r)} by {r.choice(MONTHS)},\u201d {last} {r.choice(VERBS)}."
    if k == 2:
        return f'"{words.capitalize()}," he said, adding that {_figure(r)} had been spent.'
    if k == 3:
        return f"{r.choice(BODIES).capitalize()} called the {n} \u201c{r.choice(['reckless', 'a turning point', 'long overdue'])}\u201d and cut {_figure(r)} from the {n2} plan."
    if k == 4:
        return f"According to {r.choice(BODIES)}, {_figure(r)} residents of {p} were affected in {_figure(r)}."
    if k == 5:
        return f"The {n} cost {_figure(r)}, up from {_figure(r)} a year earlier, and {words}."
    if k == 6:
        return f"{last}, {r.randrange(30, 90)}, told the {n} committee: \u2018{words.capitalize()}.\u2019"
    if k == 7:
        return f"It\u2019s the {n} that {p}\u2019s voters care about, the {role.split()[-1].lower()} added."
    return f"{words.capitalize()} since {_figure(r)}."


def make_text(mb: float = 20.0, seed: int = 7) -> str:
    """Seeded news-like text of about ``mb`` megabytes (articles separated by blank lines)."""
    r = random.Random(seed)
    out: list[str] = []
    size = 0
    target = int(mb * 1_000_000)
    while size < target:
        people = [(r.choice(FIRST), r.choice(LAST), r.choice(ROLES)) for _ in range(3)]
        paras = []
        for _ in range(r.randrange(6, 14)):
            paras.append(" ".join(_sentence(r, people) for _ in range(r.randrange(1, 4))))
        art = r.choice(MONTHS) + " " + str(r.randrange(1, 29)) + ", 2025\n" + "\n".join(paras) + "\n\n"
        out.append(art)
        size += len(art)
    return "".join(out)


def _chunks(text: str, size: int) -> list[str]:
    if size <= 0:
        return [text]
    parts, i = [], 0
    while i < len(text):
        j = text.find("\n\n", i + size)
        j = len(text) if j < 0 else j + 2
        parts.append(text[i:j])
        i = j
    return parts


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--chunk", type=int, default=20000)
    ap.add_argument("--corpus", help="a directory of .txt articles to use instead of generated text")
    ap.add_argument("--repeat", type=int, default=300, help="with --corpus: how many times to repeat it")
    ap.add_argument("--cli", action="store_true", help="also time 'reader spans FILE --format json'")
    ap.add_argument("--runs", type=int, default=3, help="time each measurement this many times: best and median")
    a = ap.parse_args(argv)
    from reader.core.detect import IMPLEMENTATION
    from reader.core.spans import DETECTOR_VERSION, detect

    if a.corpus:
        from pathlib import Path
        arts = [p.read_text(encoding="utf-8") for p in sorted(Path(a.corpus).glob("*.txt"))]
        text = "".join(t.rstrip("\n") + "\n\n" for t in arts) * a.repeat
    else:
        text = make_text(a.mb, a.seed)
    mb = len(text.encode("utf-8")) / 1e6
    docs = _chunks(text, a.chunk)

    quote_pair = re.compile(r'"[^"\n]{1,2000}"|\u201c[^\u201d\n]{1,2000}\u201d')
    bases, dts = [], []
    for _ in range(a.runs):  # alternating, so that both see the same machine
        t0 = time.perf_counter()
        nq = sum(1 for _ in quote_pair.finditer(text))
        bases.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        nf = nqs = 0
        for d in docs:
            for s in detect(d):
                if s.kind == "figure":
                    nf += 1
                else:
                    nqs += 1
        dts.append(time.perf_counter() - t0)
    base, dt = min(bases), min(dts)

    print(f"detector {DETECTOR_VERSION} ({IMPLEMENTATION}): {mb:.1f} MB in {len(docs)} docs, "
          f"Python {sys.version.split()[0]}; best (median) of {a.runs} runs")
    print(f"detect():       {mb / dt:7.1f} MB/s ({mb / statistics.median(dts):.1f})  ({dt:.2f} s)  "
          f"figures/MB {nf / mb:.0f}  quotes/MB {nqs / mb:.0f}")
    print(f"re quote scan:  {mb / base:7.1f} MB/s ({mb / statistics.median(bases):.1f})  ({nq / mb:.0f} pairs/MB)")
    print(f"ratio detect/baseline: {base / dt:.3f}")
    if a.cli:
        clis, starts = _time_cli(text, a.runs)
        cli, start = min(clis), min(starts)
        med = statistics.median(clis) - statistics.median(starts)
        print(f"reader spans:   {mb / (cli - start):7.1f} MB/s ({mb / med:.1f})  ({cli:.2f} s, of which {start:.2f} s "
              f"start-up with an empty file; the text as one file, --format json)")
        print(f"ratio reader spans/baseline: {base / (cli - start):.3f}")
    return 0


def _time_cli(text: str, runs: int) -> tuple[list[float], list[float]]:
    """Wall times of ``reader spans FILE --format json`` on ``text`` and on an empty file, ``runs`` of
    each, alternating."""
    import subprocess
    import tempfile
    from pathlib import Path

    reader = Path(sys.executable).with_name("reader")
    cmd = [str(reader)] if reader.exists() else [sys.executable, "-m", "reader.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        big, empty = Path(tmp, "news.txt"), Path(tmp, "empty.txt")
        big.write_text(text, encoding="utf-8")
        empty.write_text("", encoding="utf-8")
        times: tuple[list[float], list[float]] = ([], [])
        for _ in range(runs):
            for path, out in ((big, times[0]), (empty, times[1])):
                t0 = time.perf_counter()
                subprocess.run(cmd + ["spans", str(path), "--format", "json"], check=True,
                               stdout=subprocess.DEVNULL)
                out.append(time.perf_counter() - t0)
    return times


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
