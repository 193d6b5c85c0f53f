"""Start → article list painted, against a bare Textual app (one Static) started the same way:
each in a fresh interpreter, headless, 140x45; medians of several runs, in the same session.

    python bench/bench_startup.py CORPUS_DIR [CORPUS_DIR ...] [--runs 5]

The corpus is indexed first (as on a second launch); peak memory is read with the background
index pass finished.
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PROBE = Path(__file__).with_name("startup_probe.py")


def probe(*args: str) -> dict:
    # Bytecode as a user's second launch has it: reader's modules are compiled once beforehand
    # (see main), like textual's, which pip compiled at install.
    out = subprocess.run([sys.executable, str(PROBE), *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("corpora", nargs="+", type=Path)
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--db-dir", type=Path, help="Keep databases here, named CORPUS.db (reused when present).")
    a = p.parse_args()
    tmp = a.db_dir or Path(tempfile.mkdtemp())
    import reader

    # A user's second launch finds reader's modules compiled; this machine may run with
    # PYTHONDONTWRITEBYTECODE set, which would make every probe compile them again (~60 ms).
    compileall.compile_dir(Path(reader.__file__).parent, quiet=1)
    for corpus in a.corpora:
        db = tmp / f"{corpus.name}.db"
        subprocess.run([sys.executable, "-m", "reader.cli", "index", "--corpus", str(corpus), "--db", str(db)],
                       check=True, capture_output=True)
        bare, app = [], []
        for _ in range(a.runs):  # interleaved, so load on the machine hits both alike
            bare.append(probe("bare"))
            app.append(probe("reader", str(db), str(corpus)))
        b, r = (statistics.median(x["painted"] for x in runs) for runs in (bare, app))
        bc, rc = (statistics.median(x["cpu"] for x in runs) for runs in (bare, app))
        full = probe("reader", str(db), str(corpus), "--wait-index")
        print(f"{corpus}: {full.get('rows', 0):,} articles — bare app {b * 1000:.0f} ms, reader list painted "
              f"{r * 1000:.0f} ms, ratio {r / b:.2f}x (CPU time {bc * 1000:.0f} vs {rc * 1000:.0f} ms, "
              f"{rc / bc:.2f}x); background re-index done at {full['done']:.1f} s, peak RSS {full['rss_mib']:.0f} MiB")


if __name__ == "__main__":
    main()
