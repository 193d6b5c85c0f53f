"""Started by bench_startup.py in a fresh interpreter: run an app headless until its first list
paint (or, with --wait-index, until the background index is done), then print timings as JSON."""

from __future__ import annotations

import json
import resource
import sys
import time

T0 = time.perf_counter()


def report(**extra) -> None:
    extra["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(extra))


def bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    out: dict = {}

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

        def on_mount(self) -> None:
            self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            out["painted"] = time.perf_counter() - T0
            out["cpu"] = time.process_time()
            self.exit()

    Bare().run(headless=True, size=(140, 45))
    report(**out)


def reader(db: str, corpus: str, wait_index: bool) -> None:
    from reader.ui.app import ReaderApp

    out: dict = {}

    class Probe(ReaderApp):
        # "Painted" as for the bare app: the first refresh after mounting, or the first one
        # after that which shows rows (a corpus not indexed yet fills in the background).
        def on_mount(self) -> None:
            self.call_after_refresh(self._painted)  # before the app's own after-first-paint work
            super().on_mount()

        def _painted(self) -> None:
            table = self.screen.query("#articles")
            if not table or table.first().row_count == 0:
                self.set_timer(0.001, lambda: self.call_after_refresh(self._painted))
                return
            out["painted"] = time.perf_counter() - T0
            out["cpu"] = time.process_time()
            out["rows"] = table.first().row_count
            self._probe = self.set_interval(0.01, self._check)

        def _check(self) -> None:
            if not wait_index or not self.indexing:
                out["done"] = time.perf_counter() - T0
                self._probe.stop()
                self.exit()

    Probe(db, corpus, index_on_start=not ("--no-index" in sys.argv)).run(headless=True, size=(140, 45))
    report(**out)


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        reader(sys.argv[2], sys.argv[3], "--wait-index" in sys.argv)
