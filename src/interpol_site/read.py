"""Files → decoded text. A bad file becomes a Problem, never an exception.

Two steps, each usable alone:

- ``find_sources(root)`` walks the source folder and returns the article files
  (``*.txt`` and ``*.md``, any letter case) sorted by their relative POSIX path.
- ``read_source(path, root)`` reads one file and returns its text, or ``None`` with
  the reason. It is a thin wrapper over the pure ``decode(data, name)``.
- ``html_text(text)`` reads the text out of an article saved as an HTML page.

Decisions, so nothing is lost silently:

- **Hidden files and folders** (a name starting with ``.``) are skipped, like most
  static-site generators do: they are editor swap files (``.foo.txt.swp``), macOS
  resource forks (``._foo.txt``, binary) or tool folders (``.git``). A skipped hidden
  *article* file (``.txt``/``.md``) or hidden folder is reported as a warning, except
  for well-known tool folders (``.git``, ``.svn`` …) that never hold articles.
- **Symlinks** are followed only when their target stays inside the source folder;
  a folder is walked once, whatever the number of links to it (no loops), and a file
  reached under two names is read once, under its own name when it has one.
- **Size**: files over ``MAX_BYTES`` (5 MB) are refused after reading only their
  head. A long article is ~20 KB; 5 MB leaves ample room while keeping memory bounded
  when thousands of files are read in parallel. A single very long line is not an
  error here (the cleaner deals with it).
- **Encodings**: UTF-8 (with or without BOM), UTF-16/UTF-32 with a BOM, and
  Windows-1256 (legacy Arabic) when the file is not UTF-8 and reads as mostly Arabic
  letters in Windows-1256 — that one is built but reported as a warning.
- **Invisible hazards**: NUL and other control characters and the bidi embedding and
  isolate controls (U+202A–U+202E, U+2066–U+2069, which can spoof the displayed text)
  are removed, each with a warning naming the line. Text is returned with ``\\n`` line
  ends, without BOM, in Unicode NFC.
- **HTML**: a file saved as a web page (``*.html``, or text that opens with a tag or is
  made of ``<p>``/``<br>`` blocks) is read as HTML: its text, one line per block, entities
  decoded; scripts, styles, the ``<head>``, menus and forms dropped. It is built, with a
  warning, since the reader guessed the structure. Text that only mentions a tag stays text.

Problem levels: ``error`` means the file is not built; ``warning`` means it is built
(or skipped by the policy above) and an editor should look at it.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from .errors import Problem

#: Largest article file read, in bytes (5 MB). Larger files are reported, not read.
MAX_BYTES = 5 * 1024 * 1024

#: How many leading bytes are sniffed for binary content.
SNIFF_BYTES = 8192

#: Article file extensions (compared in lower case).
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")

#: Top-level sub-folder holding static Markdown pages (about, methodology), not articles.
PAGES_DIR = "pages"

#: Hidden folders that tools create; skipped without a warning.
TOOL_DIRS = frozenset({".git", ".hg", ".svn", ".bzr", ".idea", ".vscode", ".venv", ".cache"})

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.odt)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document (.doc)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"{\\rtf", "RTF document"),
)

# Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_RESAVE = "re-save the file as UTF-8"
_READABLE = "check that it exists and is readable"
_BINARY_HINT = "only plain-text articles are built; remove it or re-save it as UTF-8 text"


# --------------------------------------------------------------------------- walking


def find_sources(root: Path) -> tuple[list[Path], list[Problem]]:
    """Article files under ``root``, sorted by relative POSIX path, and what was skipped.

    Skipped: the top-level ``pages/`` folder, ``*.yaml``/``*.yml`` (settings and
    sidecars), non-article files (silently), hidden names and symlinks leaving
    ``root`` (with a Problem). Returned paths are ``root / relative path``.
    """
    root = Path(root)
    problems: list[Problem] = []
    try:
        real_root = root.resolve(strict=True)
    except OSError as exc:
        return [], [_folder_problem(str(root), exc)]
    if not real_root.is_dir():
        return [], [Problem(str(root), "source is not a folder", "pass the articles' folder")]

    walker = _Walker(root, real_root, problems)
    walker.walk()
    files = walker.unique_files()
    problems.sort(key=lambda p: (p.file, p.line or 0, p.reason))
    return files, problems


class _Walker:
    """One walk of the source folder; see ``find_sources``."""

    def __init__(self, root: Path, real_root: Path, problems: list[Problem]):
        self.root = root
        self.real_root = real_root
        self.problems = problems
        self.seen_dirs: set[tuple[int, int]] = set()
        self.deferred: list[tuple[str, Path]] = []  # (relative path, resolved target)
        # (relative path, resolved target, reached through a symlink)
        self.found: list[tuple[str, str, bool]] = []

    def walk(self) -> None:
        self._walk_dir(self.real_root, "")
        # Symlinked folders are walked after the real tree, so that a folder reached
        # both ways keeps its own name, and each folder is walked only once.
        while self.deferred:
            self.deferred.sort()
            rel, target = self.deferred.pop(0)
            self._walk_dir(target, rel, via_link=True)

    def unique_files(self) -> list[Path]:
        by_target: dict[str, list[tuple[str, bool]]] = {}
        for rel, target, via_link in self.found:
            by_target.setdefault(target, []).append((rel, via_link))
        chosen: list[str] = []
        for names in by_target.values():
            names.sort(key=lambda n: (n[1], n[0]))  # own name first, then by path
            keep = names[0][0]
            chosen.append(keep)
            for rel, _ in names[1:]:
                self.problems.append(
                    Problem(
                        rel,
                        f"same file as '{keep}' (reached through a symlink); read once",
                        "remove the symlink if it is not needed",
                    )
                )
        chosen.sort()
        return [self.root / rel for rel in chosen]

    def _walk_dir(self, real_dir: Path, rel_dir: str, via_link: bool = False) -> None:
        try:
            st = real_dir.stat()
        except OSError as exc:
            self.problems.append(_folder_problem(rel_dir or ".", exc))
            return
        key = (st.st_dev, st.st_ino)
        if key in self.seen_dirs:
            return  # already walked (a symlink to a folder read elsewhere, or a loop)
        self.seen_dirs.add(key)
        try:
            with os.scandir(real_dir) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            self.problems.append(_folder_problem(rel_dir or ".", exc))
            return
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            self._visit(entry, rel, at_top=not rel_dir, via_link=via_link)

    def _visit(self, entry: os.DirEntry[str], rel: str, *, at_top: bool, via_link: bool) -> None:
        name = entry.name
        is_link = entry.is_symlink()
        try:
            is_dir = entry.is_dir()  # follows symlinks
        except OSError:
            is_dir = False
        if name.startswith("."):
            self._hidden(rel, name, is_dir)
            return
        if is_dir and at_top and name == PAGES_DIR:
            return
        if not is_dir and not _is_article_name(name):
            return  # settings, sidecars, _meta.jsonl, images …: not articles
        if is_link:
            target = self._link_target(entry, rel)
            if target is None:
                return
        else:
            target = Path(entry.path) if is_dir else None
        if is_dir:
            if is_link:
                self.deferred.append((rel, target))
            else:
                self._walk_dir(target, rel, via_link=via_link)
        else:  # files are told apart by their real path (a string: thousands of them)
            self.found.append((rel, str(target) if target is not None else entry.path, via_link or is_link))

    def _hidden(self, rel: str, name: str, is_dir: bool) -> None:
        if is_dir and name not in TOOL_DIRS:
            self.problems.append(
                Problem(
                    rel + "/",
                    "hidden folder skipped",
                    "rename it without the leading dot if it holds articles",
                )
            )
        elif not is_dir and _is_article_name(name):
            self.problems.append(
                Problem(
                    rel,
                    "hidden file skipped (its name starts with a dot)",
                    "rename it without the leading dot to build it",
                )
            )

    def _link_target(self, entry: os.DirEntry[str], rel: str) -> Path | None:
        try:
            target = Path(entry.path).resolve(strict=True)
        except (OSError, RuntimeError):  # broken link, or a loop of links
            self.problems.append(
                Problem(rel, "broken symlink", "point it at an existing file or remove it")
            )
            return None
        if not target.is_relative_to(self.real_root):
            self.problems.append(
                Problem(
                    rel,
                    "symlink points outside the source folder; skipped",
                    "copy the file into the source folder instead of linking to it",
                )
            )
            return None
        return target


def _is_article_name(name: str) -> bool:
    return name.lower().endswith(ARTICLE_SUFFIXES)


def _folder_problem(rel: str, exc: OSError) -> Problem:
    return Problem(
        rel,
        f"cannot read folder: {exc.strerror or exc}",
        "check that it exists and is readable",
        level="error",
    )


# --------------------------------------------------------------------------- reading


def read_source(path: Path, root: Path) -> tuple[str | None, list[Problem]]:
    """Decoded text of one article file, or ``None`` with the Problem saying why.

    Problems name the file by its path relative to ``root``. Files larger than
    ``MAX_BYTES`` are refused after reading only their head.
    """
    path = Path(path)
    name = _relative_name(path, Path(root))
    try:
        data, size = _read_head(path, MAX_BYTES + 1)
    except _NotRegular:
        return None, [_error(name, "not a regular file", "articles must be plain text files")]
    except OSError as exc:
        return None, [_error(name, f"cannot read file: {exc.strerror or exc}", _READABLE)]
    if size > MAX_BYTES or len(data) > MAX_BYTES:
        return None, [_too_large(data, name, max(size, len(data)))]
    return decode(data, name)


class _NotRegular(Exception):
    pass


def _read_head(path: Path, limit: int) -> tuple[bytes, int]:
    """At most ``limit`` bytes of a regular file (only its head if it is larger), and
    its size. Opened without blocking, so a named pipe cannot hang the build."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _NotRegular
        return fh.read(SNIFF_BYTES if st.st_size > MAX_BYTES else limit), st.st_size


def decode(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """Decode one article's bytes: text (BOM removed, ``\\n`` line ends, NFC) or None.

    Pure and total: never raises, whatever the bytes. ``name`` is the file named in
    the Problems. See the module docstring for what is accepted and removed.
    """
    if len(data) > MAX_BYTES:
        return None, [_too_large(data, name, len(data))]
    if not data:
        return None, [_error(name, "empty file", "remove it, or paste the article into it")]
    binary = _binary_kind(data)
    if binary:
        return None, [_error(name, f"binary file ({binary})", _BINARY_HINT)]

    problems: list[Problem] = []
    text = _decode_text(data, name, problems)
    if text is None:
        return None, problems
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if is_html(text):
        text = html_text(text)
        problems.append(Problem(name, "read as an HTML page: its markup, scripts and menus were removed",
                                "save the article as plain text to choose its lines yourself"))
    text = _remove_invisible(text, name, problems)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        problems.append(_error(name, "file holds only whitespace", "remove it, or fill it"))
        return None, problems
    if not _has_arabic_letter(text):
        problems.append(
            _error(
                name,
                "no Arabic text",
                "the site is built from Arabic articles; check the file's content and encoding",
            )
        )
        return None, problems
    return text, problems


_HTML_START = re.compile(
    r"\s*<(?:!doctype|!--|html|head|body|main|article|section|header|div|p|h[1-6]|span|table|ul|ol)[\s>/]",
    re.IGNORECASE)
_HTML_BLOCK = re.compile(r"</p\s*>|<br\s*/?>|</div\s*>|</h[1-6]\s*>|</li\s*>", re.IGNORECASE)


def is_html(text: str) -> bool:
    """Whether ``text`` is a web page or an HTML fragment: it opens with a tag, or at
    least three block ends (``</p>``, ``<br>`` …) shape it. One ``<script>`` quoted in
    an article does not make it HTML."""
    return bool(_HTML_START.match(text)) or len(_HTML_BLOCK.findall(text, 0, 65536)) >= 3


class _HTMLText(HTMLParser):
    """The visible text of a page, one line per block element."""

    BLOCKS = frozenset("address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 "
                       "h4 h5 h6 header hr li main ol p pre section table td th tr ul".split())
    HIDDEN = frozenset("button form head iframe math nav noscript object script select style svg "
                       "template textarea title".split())

    def __init__(self, keep_lines: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_lines = keep_lines  # text with tags left in it: its line breaks are lines too
        self.lines: list[str] = []
        self.words: list[str] = []
        self.hidden = 0
        self.in_paragraph = False  # in a <p>: a <time> in a sentence stays in it

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS or (tag == "time" and not self.in_paragraph):
            self._end_line()  # a <time> of its own is a dateline: "<span>هسبريس</span> <time>…</time>"
        if tag in self.BLOCKS and tag != "br":
            self.in_paragraph = tag == "p"  # a block closes an unclosed <p>; <p>s do not nest

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in self.BLOCKS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS or (tag == "time" and not self.in_paragraph):
            self._end_line()
        if tag == "p":
            self.in_paragraph = False

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        pieces = data.split("\n") if self.keep_lines else [data]
        for k, piece in enumerate(pieces):
            if k:
                self._end_line()
            self.words.append(piece)

    def _end_line(self) -> None:
        line = " ".join("".join(self.words).split())
        if line:
            self.lines.append(line)
        self.words = []


def html_text(text: str) -> str:
    """The text of an HTML page or fragment: one line per block, whitespace collapsed.
    Scraped text that kept some tags (it does not open with one) keeps its lines too."""
    parser = _HTMLText(keep_lines=not _HTML_START.match(text))
    parser.feed(text)
    parser.close()
    parser._end_line()
    return "\n".join(parser.lines) + "\n"


def _decode_text(data: bytes, name: str, problems: list[Problem]) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data, len(bom), encoding, name, problems)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if not _mostly_valid_utf8(data):
        text = data.decode("cp1256", errors="replace")
        if _mostly_arabic(text[:65536]):
            problems.append(
                Problem(
                    name,
                    "decoded as Windows-1256 (legacy Arabic), not UTF-8",
                    _RESAVE,
                )
            )
            return text
    problems.append(_bad_byte(data, first_bad, name, "not UTF-8 or UTF-16"))
    return None


def _decode_strict(
    data: bytes, skip: int, encoding: str, name: str, problems: list[Problem]
) -> str | None:
    body = data[skip:]
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        prefix = body[: exc.start].decode(encoding, errors="replace")
        line = prefix.count("\n") + prefix.count("\r") - prefix.count("\r\n") + 1
        label = encoding.split("-")[0].upper() + "-" + encoding.split("-")[1]
        problems.append(
            _error(
                name,
                f"not valid {label} (it starts with a {label} byte order mark): "
                f"bad bytes at byte {skip + exc.start}",
                _RESAVE,
                line=line,
            )
        )
        return None


def _bad_byte(data: bytes, offset: int, name: str, reason: str) -> Problem:
    line = data[:offset].count(b"\n") + 1
    return _error(
        name,
        f"{reason}: first bad byte 0x{data[offset]:02X} at byte {offset}",
        _RESAVE,
        line=line,
    )


def _binary_kind(data: bytes) -> str | None:
    """What binary thing ``data`` looks like, or None if it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    head = data[:SNIFF_BYTES]
    if b"\x00" not in head:
        return None
    # A few stray NUL bytes in a text file are removed later; many NULs or other
    # control bytes mean binary (or UTF-16 without its byte order mark).
    controls = sum(head.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13))
    if controls > max(4, len(head) // 100):
        return "NUL and control bytes, or UTF-16 text without a byte order mark"
    return None


def _mostly_valid_utf8(data: bytes) -> bool:
    """True for UTF-8 text with a few damaged bytes (not a legacy 8-bit encoding)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad  # valid non-ASCII
    return good >= 4 * bad


def _mostly_arabic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    arabic = sum(1 for c in letters if _is_arabic_letter(c))
    return arabic >= 1 and arabic * 2 >= len(letters)


_ARABIC_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _has_arabic_letter(text: str) -> bool:
    return any(m.group().isalpha() for m in _ARABIC_RE.finditer(text))


def _is_arabic_letter(c: str) -> bool:
    o = ord(c)
    in_block = (
        0x0600 <= o <= 0x06FF
        or 0x0750 <= o <= 0x077F
        or 0x08A0 <= o <= 0x08FF
        or 0xFB50 <= o <= 0xFDFF
        or 0xFE70 <= o <= 0xFEFF
    )
    return in_block and c.isalpha()


def _remove_invisible(text: str, name: str, problems: list[Problem]) -> str:
    """Remove NUL/control characters and bidi controls, one Problem per kind."""
    if not _INVISIBLE_RE.search(text):
        return text
    removed: dict[str, list[int]] = {"nul": [], "control": [], "bidi": []}
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        found = _INVISIBLE_RE.findall(line)
        if not found:
            continue
        for kind in {_invisible_kind(c) for c in found}:
            removed[kind].append(number)
        lines[number - 1] = _INVISIBLE_RE.sub("", line)
    for kind, numbers in removed.items():
        if numbers:
            reason, hint = _INVISIBLE_WHAT[kind]
            problems.append(Problem(name, f"{reason} ({_lines(numbers)})", hint, line=numbers[0]))
    return "\n".join(lines)


_INVISIBLE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_INVISIBLE_WHAT = {
    "nul": ("NUL bytes removed", "the file was damaged in transfer; check the text there"),
    "control": (
        "control characters removed",
        "they are invisible and invalid in HTML; check the text there",
    ),
    "bidi": (
        "bidi control characters (U+202A–U+202E, U+2066–U+2069) removed",
        "they can make the displayed text differ from the real text; check the text there",
    ),
}


def _invisible_kind(c: str) -> str:
    if c == "\x00":
        return "nul"
    if c in _BIDI_CONTROLS:
        return "bidi"
    return "control"


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:5])
    more = f" and {len(numbers) - 5} more" if len(numbers) > 5 else ""
    return f"line{'s' if len(numbers) > 1 else ''} {shown}{more}"


def _too_large(data: bytes, name: str, size: int) -> Problem:
    binary = _binary_kind(data[:SNIFF_BYTES])
    if binary:
        return _error(name, f"binary file ({binary})", _BINARY_HINT)
    return _error(
        name,
        f"too large: {size / 1_048_576:.1f} MB (limit {MAX_BYTES // 1_048_576} MB)",
        "an article is rarely over 100 KB; check that this is one article",
    )


def _relative_name(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except (ValueError, OSError):
            return path.as_posix()


def _error(name: str, reason: str, hint: str, line: int | None = None) -> Problem:
    return Problem(name, reason, hint, line=line, level="error")
