"""Find and read the articles of a corpus folder; derive their metadata and reading text.

The original files are never written. Every problem with a file becomes a :class:`FileProblem`
naming the file and what is wrong; nothing here raises for bad input.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_FILE_BYTES = 20 * 1024 * 1024
"""Files above this size are reported and skipped (a news article is rarely over 1 MB)."""
READING_VERSION = "1"
"""Changes whenever the reading text derived from a file may change (keys cached spans)."""


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A candidate article file as found on disk (cheap: one ``stat``)."""

    rel: str
    """Path relative to the corpus root, with ``/`` separators."""
    path: str
    """Absolute path (a str: 100,000 Path objects cost tens of MB)."""
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class FileProblem:
    """A file that could not be read as an article, and why (for a per-file warning)."""

    rel: str
    message: str

    def __str__(self) -> str:
        return f"{self.rel}: {self.message}"


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """What reader derives from one article file."""

    hash: str
    """sha256 of the file's bytes."""
    title: str
    outlet: str | None
    published: str | None
    """ISO date or date-time (``2026-01-22`` / ``2026-01-22T10:44``) when the text states one."""
    words: int
    text: str
    """The reading text: the file's text less site boilerplate and front matter."""


def discover(root: Path) -> Iterator[FileEntry]:
    """Yield every ``.txt``/``.md`` file under ``root`` (subfolders too), in path order.

    Hidden files and folders are skipped; so are unreadable folders."""
    root = Path(root)

    def walk(folder: str | Path, prefix: str) -> Iterator[FileEntry]:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            return
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                if e.is_dir(follow_symlinks=False):
                    yield from walk(e.path, f"{prefix}{e.name}/")
                elif e.is_file() and e.name.lower().endswith(ARTICLE_SUFFIXES):
                    st = e.stat()
                    yield FileEntry(f"{prefix}{e.name}", e.path, st.st_size, st.st_mtime_ns)
            except OSError:
                continue

    yield from walk(root, "")


def hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_utf8(rel: str, data: bytes | mmap.mmap) -> str | FileProblem:
    """The bytes (or a file's memory map) as UTF-8 text exactly (nothing stripped), or why they are
    not text."""
    if b"\x00" in data[:8192]:
        return FileProblem(rel, "binary file (contains NUL bytes), not text")
    try:
        return str(data, "utf-8")
    except UnicodeDecodeError as e:
        return FileProblem(rel, f"not UTF-8 text (invalid byte 0x{data[e.start]:02x} at byte {e.start})")


def decode_article(rel: str, data: bytes) -> str | FileProblem:
    """Decode an article file's bytes (a leading BOM dropped), or say why it is not an article."""
    if not data.strip():
        return FileProblem(rel, "empty file")
    text = decode_utf8(rel, data)
    if isinstance(text, FileProblem):
        return text
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def read_article(entry: FileEntry) -> ParsedArticle | FileProblem:
    """Read, decode and parse one article file; a problem is returned, never raised."""
    if entry.size > MAX_FILE_BYTES:
        return FileProblem(entry.rel, f"too large ({entry.size / 1048576:.1f} MB; the limit is {MAX_FILE_BYTES // 1048576} MB)")
    try:
        with open(entry.path, "rb") as f:
            data = f.read()
    except OSError as e:
        return FileProblem(entry.rel, f"cannot be read: {e.strerror or e}")
    text = decode_article(entry.rel, data)
    if isinstance(text, FileProblem):
        return text
    return parse_article(text, hash_bytes(data), folder_outlet(entry.rel))


def folder_outlet(rel: str) -> str | None:
    """Outlets often come as folders: ``reuters/2024-08-13.txt`` → ``reuters``."""
    parts = rel.split("/")
    return parts[-2] if len(parts) > 1 else None


# --- front matter --------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
_FM_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    fields = {k.lower(): v.strip().strip("\"'") for k, v in _FM_LINE.findall(m.group(1))}
    return fields, text[m.end():]


# --- boilerplate ---------------------------------------------------------------------------

_BOILER_LINE = re.compile(
    r"""^\s*(?:
        [×✕✖x]\s*
      | support\s+us[.!]?
      | read\s+more[.!…]*
      | (?:advertisement|advertising|sponsored(?:\s+content)?|ad)
      | enjoying\s+ad-free\s+content\?
      | remind\s+me\s+later\.?
      | not\s+ready\s+to\s+support\s+today\?
      | (?:once|monthly|annual|yearly|continue|donate(?:\s+now)?|subscribe(?:\s+now)?)
      | pa(?:i|y)ments?\s+methods?
      | share\s+(?:this\s+)?(?:article|story)(?:\s+on\s+\w+)?
      | (?:sign\s+up|subscribe)\s+(?:for|to)\s+(?:our|the)\s+newsletter.*
      | click\s+here.*
      | (?:follow\s+us\s+on|like\s+us\s+on)\s+.*
      | skip\s+(?:to\s+)?(?:main\s+)?content
      | cookies?\s+(?:policy|settings|preferences)
      | (?:related|recommended)\s+(?:articles|stories|reading)?:?
    )\s*$""",
    re.I | re.X,
)
_PLEA_START = re.compile(r"^\s*(?:a\s+message\s+from\s+.{2,60}:|dear\s+readers?,?)\s*$", re.I)
_PLEA_WORDS = re.compile(r"support\s+us|donat|contribution|subscri|become\s+a\s+(?:member|supporter)", re.I)
_BLOCK_MARKERS = re.compile(r"^\s*(?:support\s+us|enjoying\s+ad-free\s+content\?|advertisement|donate(?:\s+now)?)\s*$", re.I | re.M)


_SHORT_LINE = 90
"""Boilerplate lines are short; longer lines skip the line patterns (they are the article)."""


def strip_boilerplate(text: str) -> str:
    """Remove site boilerplate: marker lines (``Support us``, ``Read more``, ad notices), short
    blocks that carry a marker line (a donation box), and a trailing reader appeal
    (``A Message from …:`` / ``Dear readers,`` to the end when it asks for support)."""
    lines = text.split("\n")
    # A trailing appeal: from its opening line to the end, when the rest asks for money.
    for i, line in enumerate(lines):
        if i > 0 and len(line) <= _SHORT_LINE and _PLEA_START.match(line):
            tail = "\n".join(lines[i:])
            if _PLEA_WORDS.search(tail):
                lines = lines[:i]
                break
    # Short blocks (between blank lines) that carry a marker line are a donation or ad box.
    kept: list[str] = []
    block: list[str] = []

    def flush() -> None:
        body = "\n".join(block)
        if block and len(block) <= 8 and len(body) <= 800 and _BLOCK_MARKERS.search(body):
            block.clear()
            return
        kept.extend(block)
        block.clear()

    for line in lines:
        if line.strip():
            block.append(line)
        else:
            flush()
            kept.append(line)
    flush()
    kept = [ln for ln in kept if len(ln) > _SHORT_LINE or not _BOILER_LINE.match(ln)]
    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip("\n")


# --- metadata ------------------------------------------------------------------------------

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
_MONTH_RE = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE_PATTERNS = [
    re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)"),
    re.compile(r"(?P<d>\d\d?)[./](?P<m>\d\d?)[./](?P<y>(?:19|20)\d\d)"),
    re.compile(_MONTH_RE + r"\s+(?P<d>\d\d?)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)", re.I),
    re.compile(r"(?P<d>\d\d?)\s+" + _MONTH_RE + r",?\s+(?P<y>(?:19|20)\d\d)", re.I),
]
_TIME = re.compile(r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b")
_DATELINE_WORDS = re.compile(
    r"\b(?:published|updated|posted|last|modified|date|on|at|by|gmt|utc|bst|cet|cest|msk|[ecmp][sd]?t|am|pm|a\.m|p\.m"
    r"|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?",
    re.I,
)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright)\s*(?:\d{4}\s+)?([^/|\n]{2,60}?)\s*(?:[/|].*)?$", re.I)
_MESSAGE_FROM = re.compile(r"^\s*a\s+message\s+from\s+(.{2,60}?):\s*$", re.I | re.M)
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40}\s*\((?P<o>[A-Z][\w .&-]{1,30})\)\s*[-–—]", re.M)


def find_date(text: str) -> str | None:
    """An ISO date (with ``THH:MM`` when a time stands beside it) from a short dateline-like
    line near the top of the article, or None."""
    for line in text.split("\n", 8)[:8]:
        if len(line) > 90 or not _is_dateline(line):
            continue
        for pat in _DATE_PATTERNS:
            m = pat.search(line)
            if not m:
                continue
            g = m.groupdict()
            month = int(g["m"]) if g.get("m") else _MONTHS.get(g["mon"].lower().rstrip("."), 0)
            day, year = int(g["d"]), int(g["y"])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            iso = f"{year:04d}-{month:02d}-{day:02d}"
            t = _TIME.search(line)
            return f"{iso}T{int(t['h']):02d}:{t['mi']}" if t else iso
    return None


def _is_dateline(line: str) -> bool:
    """A line that is mostly a date: once dates, times and label words are removed, at most two
    words remain (so "Since July 1, 2024, we have disabled all ads" is not a dateline)."""
    rest = line
    for pat in _DATE_PATTERNS:
        rest, n = pat.subn(" ", rest)
    if rest == line:
        return False
    rest = _DATELINE_WORDS.sub(" ", _TIME.sub(" ", rest))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 2


def find_outlet(raw: str, folder: str | None) -> str | None:
    """The outlet when the text names one (a © credit line, a "A Message from X:" box, a wire
    dateline "CITY (Reuters) -"), else the folder the file sits in, else None."""
    for line in raw.split("\n", 12)[:12]:
        m = _COPYRIGHT.match(line)
        if m:
            return m.group(1).strip()
    m = _MESSAGE_FROM.search(raw)
    if m:
        return m.group(1).strip()
    m = _WIRE_DATELINE.search(raw[:2000])
    if m:
        return m.group("o").strip()
    return folder


_HEADLINE_MAX = 160


def find_title(text: str) -> str:
    """The first line when it reads as a headline (short, no closing full stop), else a lead."""
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        if len(s) <= _HEADLINE_MAX and not s.endswith((".", ":", ",")) and not s.startswith(("#!",)):
            return s.lstrip("# ").strip() or s
        break
    lead = " ".join(text.split())
    m = re.match(r"(.{20,}?[.!?])(?:\s|$)", lead[:300])
    lead = m.group(1) if m else lead
    if len(lead) > 90:
        cut = lead.rfind(" ", 0, 88)
        lead = lead[: cut if cut > 40 else 88].rstrip(",;:") + "…"
    return lead or "(untitled)"


def count_words(text: str) -> int:
    """Whitespace-separated words (a lone dash counts too; cheap on a 100,000-article index)."""
    return len(text.split())


def parse_article(text: str, file_hash: str, folder: str | None = None) -> ParsedArticle:
    """Derive metadata and the reading text from an article's decoded text."""
    fields, body = _front_matter(text)
    reading = strip_boilerplate(body)
    title = fields.get("title") or find_title(reading or body)
    outlet = fields.get("source") or fields.get("outlet") or fields.get("publisher") or find_outlet(body, folder)
    published = _iso_from_field(fields.get("date") or fields.get("published")) or find_date(reading)
    return ParsedArticle(
        hash=file_hash,
        title=title,
        outlet=outlet,
        published=published,
        words=count_words(reading),
        text=reading,
    )


def _iso_from_field(value: str | None) -> str | None:
    if not value:
        return None
    return find_date(value) or (value if re.fullmatch(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?)?", value) else None)
