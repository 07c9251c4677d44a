"""Hostile source folder: every bad input a newsroom's scraper can produce.

``make_hostile(base)`` writes ``base/corpus`` (the source folder) and ``base/outside``
(a folder the corpus links out to) and returns the cases with what must happen to
each. The small readable articles live in ``tests/hostile/`` (injection text, names
with spaces and Arabic letters, a sub-folder, headlines that slug to nothing, to
``..`` or alike); the binary, huge and symlinked ones are generated here, so no
20 MB file is committed. To look at them or build them by hand::

    python tests/hostile_cases.py /tmp/hostile   # then build /tmp/hostile/corpus

``Case.expect`` is ``None`` when the file must be read as an article (with no
Problem unless ``warning`` is set), else a fragment of the Problem's reason.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FIXED = Path(__file__).parent / "hostile"

ARTICLE = (
    "المغرب يستضيف الدورة 93 للجمعية العامة للأنتربول\n"
    "\n"
    "انعقدت الدورة 93 للجمعية العامة لمنظمة الشرطة الجنائية الدولية في مراكش"
    " بين 24 و27 نونبر 2025، بمشاركة وفود من 196 دولة.\n"
    "وأكد المدير العام للأمن الوطني أهمية التعاون الدولي.\n"
)


@dataclass(frozen=True)
class Case:
    name: str  # path relative to the corpus folder (POSIX)
    expect: str | None = None  # None: read as an article; else part of the reason
    line: int | None = None  # the line the Problem must name
    warning: str | None = None  # read (or skipped by policy) with this warning
    found: bool = True  # listed by find_sources
    contains: str | None = None  # text the decoded article must contain
    data: Callable[[], bytes] | None = field(default=None, compare=False, repr=False)
    link: str | None = None  # written as a symlink to this target
    fifo: bool = False  # written as a named pipe


def _utf8() -> bytes:
    return ARTICLE.encode()


def _broken_utf8() -> bytes:
    lines = ARTICLE.encode().split(b"\n")
    lines[2] = lines[2][:10] + b"\xff" + lines[2][10:]  # after 5 two-byte letters
    return b"\n".join(lines)


def _nul_bytes() -> bytes:
    lines = ARTICLE.split("\n")
    lines[2] = lines[2][:20] + "\x00" + lines[2][20:]
    return "\n".join(lines).encode()


def _huge() -> bytes:
    line = ("الأنتربول " * 110_000).encode()  # ~2.1 MB in one line
    return (line + b"\n") * 10  # ~21 MB


CASES: list[Case] = [
    # Small readable articles committed in tests/hostile/.
    Case("injection.txt", contains="<script>alert(1)</script> و{{ 7*7 }} و{% raw %}"),
    Case("name with spaces.txt"),
    Case("مقال بالعربية.txt"),
    Case("sub/folder/nested article.txt"),
    Case("slug-nothing.txt"),
    Case("slug-dotdot.txt", contains="..\n"),
    Case("same-title-1.txt"),
    Case("same-title-2.txt"),
    # Encodings.
    Case("utf8-bom.txt", contains="المغرب", data=lambda: b"\xef\xbb\xbf" + _utf8()),
    Case(
        "utf16-le-bom.txt",
        contains="مراكش",
        data=lambda: b"\xff\xfe" + ARTICLE.encode("utf-16-le"),
    ),
    Case(
        "utf16-be-bom.txt",
        contains="مراكش",
        data=lambda: b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
    ),
    Case(
        "crlf.txt",
        contains="للأنتربول\n\nانعقدت",
        data=lambda: ARTICLE.replace("\n", "\r\n").encode(),
    ),
    Case(
        "windows-1256.txt",
        warning="decoded as Windows-1256",
        contains="مراكش",
        data=lambda: ARTICLE.encode("cp1256"),
    ),
    Case("broken-utf8.txt", expect="not UTF-8 or UTF-16", line=3, data=_broken_utf8),
    Case(
        "utf16-truncated.txt",
        expect="not valid UTF-16",
        data=lambda: b"\xff\xfe" + ARTICLE.encode("utf-16-le") + b"\x3d",
    ),
    Case("utf16-no-bom.txt", expect="binary file", data=lambda: ARTICLE.encode("utf-16-le")),
    # Not articles at all.
    Case("empty.txt", expect="empty file", data=lambda: b""),
    Case("whitespace.txt", expect="only whitespace", data=lambda: b"  \n\t\r\n \n"),
    Case(
        "image.txt",
        expect="binary file (PNG image)",
        data=lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    ),
    Case(
        "english.txt",
        expect="no Arabic text",
        data=lambda: b"INTERPOL General Assembly opens in Marrakech\n\nThe 93rd session.\n",
    ),
    # Size.
    Case("huge-20mb.txt", expect="too large", data=_huge),
    Case(
        "one-line-1mb.txt",
        contains="العامة الجمعية",
        data=lambda: ("الجمعية العامة " * 40_000).encode(),  # ~1.1 MB, no newline
    ),
    # Invisible characters.
    Case("nul-bytes.txt", warning="NUL bytes removed", line=3, contains="انعقدت", data=_nul_bytes),
    Case(
        "rtl-override.txt",
        warning="bidi control characters",
        line=4,
        contains="وأكد",
        data=lambda: ARTICLE.replace("وأكد", "\u202eوأكد\u202c").encode(),
    ),
    # Names.
    Case("UPPER CASE.TXT", data=_utf8),
    Case("notes.md", contains="مراكش", data=lambda: b"---\ntitle: x\n---\n" + _utf8()),
    Case(".hidden.txt", warning="hidden file skipped", found=False, data=_utf8),
    Case("..double-dot.txt", warning="hidden file skipped", found=False, data=_utf8),
    Case(".drafts/draft.txt", warning="hidden folder skipped", found=False, data=_utf8),
    # Not articles: skipped silently.
    Case("pages/about.md", found=False, data=_utf8),
    Case("site.yaml", found=False, data=lambda: b"title: x\n"),
    Case("injection.yaml", found=False, data=lambda: b"title: x\n"),
    Case("_meta.jsonl", found=False, data=lambda: b"{}\n"),
    Case("photo.jpg", found=False, data=lambda: b"\xff\xd8\xff\xe0"),
    # Symlinks: inside (read once), to a folder already read, a loop, outside, broken.
    Case("alias.txt", warning="same file as 'injection.txt'", found=False, link="injection.txt"),
    Case("linked-folder", found=False, link="sub"),
    Case("loop", found=False, link="."),
    Case(
        "outside.txt",
        warning="symlink points outside the source folder",
        found=False,
        link="../outside/secret.txt",
    ),
    Case(
        "outside-folder",
        warning="symlink points outside the source folder",
        found=False,
        link="../outside",
    ),
    Case("broken.txt", warning="broken symlink", found=False, link="missing.txt"),
    # A named pipe would block a naive reader forever.
    Case("fifo.txt", expect="not a regular file", fifo=True),
]


def make_hostile(base: Path) -> tuple[Path, list[Case]]:
    """Write the hostile corpus under ``base``; return (source folder, cases)."""
    root = base / "corpus"
    outside = base / "outside"
    shutil.copytree(FIXED, root)
    outside.mkdir()
    (outside / "secret.txt").write_text("سر خارج مجلد المصادر\n", encoding="utf-8")
    cases = [c for c in CASES if not c.fifo or hasattr(os, "mkfifo")]
    for case in cases:
        path = root / case.name
        path.parent.mkdir(parents=True, exist_ok=True)
        if case.data is not None:
            path.write_bytes(case.data())
        elif case.link is not None:
            os.symlink(case.link, path)
        elif case.fifo:
            os.mkfifo(path)
        else:
            assert path.is_file(), f"{case.name} should be in {FIXED}"
    return root, cases


if __name__ == "__main__":
    dest = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-out")
    dest.mkdir(parents=True, exist_ok=False)
    corpus, all_cases = make_hostile(dest)
    print(f"wrote {len(all_cases)} cases into {corpus}")
