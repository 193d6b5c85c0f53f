"""The reader app: article list, reader view, annotations and tags, export.

State flows down (screens read the app's :class:`Store`); changes flow up as messages. The
index runs in a thread worker with its own database connection and reports progress.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen

if TYPE_CHECKING:
    from reader.core.index import IndexProgress, IndexReport
    from reader.ui.screens.article import ArticleScreen

from reader.core.store import Store, utc_now
from reader.ui.stylesheet import stylesheet_path


class IndexProgressed(Message):
    """The background index moved on (posted from the worker thread)."""

    def __init__(self, progress: "IndexProgress") -> None:
        super().__init__()
        self.progress = progress


class IndexFinished(Message):
    """The background index is done (or failed: then ``error`` says why, ``exception`` is what
    was raised)."""

    def __init__(self, report: "IndexReport | None", error: str | None = None,
                 exception: Exception | None = None) -> None:
        super().__init__()
        self.report = report
        self.error = error
        self.exception = exception


class AnnotationsChanged(Message):
    """Annotations were added, edited or deleted; lists showing counts should refresh."""


def _is_database_problem(error: Exception | None) -> bool:
    """A damaged or unusable database file (as opposed to a bug): the app leaves and says so."""
    import sqlite3

    from reader.core.store import StoreError

    return isinstance(error, (sqlite3.DatabaseError, StoreError))


class ReaderApp(App[None]):
    """Read one news event across many outlets; mark what matters; take the evidence out."""

    CSS_PATH = str(stylesheet_path())
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-medium"), (110, "-wide")]
    """Width classes on every screen; the stylesheet narrows or hides side panels with them."""
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1,question_mark", "help", "Help"),
        Binding("ctrl+e", "export", "Export"),
    ]

    index_progress: reactive["IndexProgress | None"] = reactive(None, always_update=True, init=False)
    """How far the background index is; screens watch it."""
    index_report: reactive["IndexReport | None"] = reactive(None, always_update=True, init=False)
    """The last finished index run; screens watch it."""

    def __init__(
        self,
        db_path: str | Path,
        corpus_dir: str | Path,
        *,
        clock: Callable[[], datetime] = utc_now,
        index_on_start: bool = True,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.corpus_dir = Path(corpus_dir).resolve()
        self.clock = clock
        self.index_on_start = index_on_start
        self.store = Store.open(self.db_path, clock=clock)
        corpus_id = self.store.corpus_id(self.corpus_dir)
        assert corpus_id is not None
        self.corpus_id: int = corpus_id
        self.indexing = False
        self._cancel_index = threading.Event()
        self.database_error: Exception | None = None
        """Set when the database turned out damaged; the app then exits and the CLI says so."""
        self.deleted_annotations: dict[int, list[str]] = {}
        """Per article id, the annotations deleted in this session, for undo (newest last)."""
        self._article_screen: ArticleScreen | None = None
        """The article screen, kept (installed) and reused for the next article."""

    # -- screens

    def get_default_screen(self) -> Screen:
        from reader.ui.screens.library import LibraryScreen

        return LibraryScreen()

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        # What exists now (modules, classes, the first screen) lives as long as the app: keep
        # it out of the collector's full passes, which otherwise walk it every few hundred
        # frames (a ~40 ms hitch while scrolling; ~10 ms after this). Collected first, so no
        # garbage is frozen with it.
        gc.collect()
        gc.freeze()
        # Every frame allocates thousands of short-lived strips: collect the young generation
        # less often, and the oldest much less often (measured: scroll step p95 ~1-2 ms lower).
        gc.set_threshold(2000, 10, 100)
        self._warm_up()
        if self.index_on_start:
            # After the first paint: the list shows what is indexed already, then catches up.
            self.start_index()

    @work(thread=True, group="warm-up", exit_on_error=False)
    def _warm_up(self) -> None:
        """Import the article screen and the span detector (~90 ms, mostly compiling the
        detector's patterns) while the reader looks at the list, not when they open the first
        article. A thread: the event loop keeps answering keys meanwhile."""
        import reader.ui.screens.article  # noqa: F401

    def on_unmount(self) -> None:
        self._cancel_index.set()

    def _handle_exception(self, error: Exception) -> None:
        if _is_database_problem(error) and self.database_error is None:
            self.database_error = error  # a damaged file: leave cleanly, the CLI explains
            self.exit(return_code=1)
            return
        super()._handle_exception(error)

    # -- the background index

    def start_index(self) -> None:
        if self.indexing:
            self.notify("The index is already being brought up to date.")
            return
        self.indexing = True
        self._cancel_index.clear()
        self._run_index()

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _run_index(self) -> None:
        from reader.core.index import index_corpus

        try:
            store = Store.open(self.db_path, clock=self.clock)  # this thread's own connection
        except Exception as e:  # noqa: BLE001 - shown to the user as it is
            self.post_message(IndexFinished(None, str(e), e))
            return
        try:
            report = index_corpus(
                store, self.corpus_dir,
                progress=lambda p: self.post_message(IndexProgressed(p)),
                cancel=self._cancel_index,
            )
        except Exception as e:  # noqa: BLE001
            self.post_message(IndexFinished(None, f"indexing stopped: {e}", e))
            return
        finally:
            store.close()
        self.post_message(IndexFinished(report))

    def on_index_progressed(self, message: IndexProgressed) -> None:
        self.index_progress = message.progress

    def on_index_finished(self, message: IndexFinished) -> None:
        self.indexing = False
        self.index_report = message.report
        if message.error:
            if _is_database_problem(message.exception):
                self._handle_exception(message.exception)
                return
            self.notify(message.error, title="Index", severity="error", timeout=10, markup=False)
            return
        report = message.report
        assert report is not None
        if report.problems:
            shown = "\n".join(str(p) for p in report.problems[:8])
            more = f"\n… and {len(report.problems) - 8} more" if len(report.problems) > 8 else ""
            self.notify(f"{shown}{more}", title=f"{len(report.problems)} file(s) could not be read",
                        severity="warning", timeout=12, markup=False)
        moved = {k: v for k, v in report.reanchored.items() if k != "anchored" and v}
        if moved:
            self.notify(
                "Some annotations moved when their articles changed: "
                + ", ".join(f"{v} {k}" for k, v in moved.items()) + ". They are marked ? (check) or ✗ (not found).",
                title="Annotations to check", severity="warning", timeout=12, markup=False,
            )

    # -- actions

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_export(self, scope: str | None = None) -> None:
        from reader.ui.screens.export import ExportScreen

        screen = self.screen
        article = getattr(screen, "article", None)
        self.push_screen(ExportScreen(
            default_scope=scope or getattr(screen, "export_scope", "all"),
            article_id=article.id if article is not None else None,
            tag=getattr(screen, "current_tag", None),
        ))

    def action_annotations(self) -> None:
        from reader.ui.screens.annotations import AnnotationsScreen

        if not isinstance(self.screen, AnnotationsScreen):
            self.push_screen(AnnotationsScreen())

    def open_article(self, article_id: int, *, offset: int | None = None, select: tuple[int, int] | None = None,
                     find: str | None = None) -> None:
        """Show an article, optionally at an offset, with a range selected, or at a search match."""
        from reader.ui.screens.article import ArticleScreen

        article = self.store.get_article(article_id)
        if article is None:
            self.notify(f"Article {article_id} is no longer in the index.", severity="error")
            return
        screen = self._article_screen
        if screen is None or any(screen in stack for stack in self._screen_stacks.values()):
            # The first article, or one opened from a screen above the article screen (it
            # cannot be in the stack twice): a screen of its own.
            screen = ArticleScreen(article, offset=offset, select=select, find=find)
            if self._article_screen is None:
                self._article_screen = screen
                self.install_screen(screen, "article")
        else:
            screen.show(article, offset=offset, select=select, find=find)
        self.push_screen(screen)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Export annotations", "Markdown, JSON or CSV to the clipboard or a file", self.action_export)
        yield SystemCommand("Annotations and tags", "Browse by tag, search notes across all articles", self.action_annotations)
        yield SystemCommand("Re-index corpus", f"Bring the index of {self.corpus_dir} up to date", self.start_index)
        yield SystemCommand("Help", "Keys and what they do", self.action_help)
        extra = getattr(screen, "palette_commands", None)
        if extra is not None:
            yield from extra()
        yield from super().get_system_commands(screen)
