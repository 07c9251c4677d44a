"""The extraction cache: each file's record, keyed by its content, kept in the output folder.

Extraction is most of a build's cost, and a pure function of one file's bytes (plus its
sidecar) and of our code and data. So a build stores every file's record and problems
in ``OUTPUT/.interpol-site-cache.jsonl.zst`` (one zstd frame per file), and the next
build reuses those whose key still matches: the SHA-256 of the article's bytes and its
sidecar's bytes, under a fingerprint of the package's code and data (any change to
them empties the cache).

The cache is written like every other output file: inside the staging folder, swapped
in atomically, never outside the output folder. It is read only from an output folder
this tool built (its marker file is there). It is JSON (no pickle: nothing in it is
executed), compressed with zstd (three times as fast as zlib here, and smaller), with
nothing of the moment in it, so two builds of the same input are still byte-identical.
Deleting it is always safe.
"""

from __future__ import annotations

import functools
import hashlib
import json
import stat
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import zstandard

from .errors import Problem
from .records import Article, decode

#: File name of the cache inside the output folder (hidden: not a page of the site).
NAME = ".interpol-site-cache.jsonl.zst"


@functools.cache
def fingerprint() -> str:
    """A hash of every module and data file of the package: the cache's version."""
    h = hashlib.sha256()
    root = resources.files("interpol_site")
    for path in sorted(Path(str(root)).rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".json") and "__pycache__" not in path.parts:
            h.update(path.relative_to(Path(str(root))).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def key_of(path: Path) -> str | None:
    """The cache key of an article file: its bytes and its sidecar's (None if unreadable)."""
    from .editorial import sidecar_of

    h = hashlib.sha256()
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None  # a FIFO or device would block or never end: the reader reports it
        h.update(path.read_bytes())
        sidecar = sidecar_of(path) if path.suffix.lower() != ".md" else None
        if sidecar is not None and stat.S_ISREG(sidecar.stat().st_mode):
            h.update(b"\0sidecar\0" + sidecar.read_bytes())
    except OSError:
        return None
    return h.hexdigest()


def _signature(path: Path) -> tuple[int, ...] | None:
    from .editorial import sidecar_of

    try:
        st = path.stat()
        sig: tuple[int, ...] = (st.st_mtime_ns, st.st_size, st.st_ino)
        sidecar = sidecar_of(path) if path.suffix.lower() != ".md" else None
        if sidecar is not None:
            side = sidecar.stat()
            sig += (side.st_mtime_ns, side.st_size, side.st_ino)
    except OSError:
        return None
    return sig


Entry = tuple[Article | None, list[Problem]]


def member(rel: str, key: str, payload: bytes) -> bytes:
    """One file's entry as it is stored: a line ``[file, key]<TAB>{record and problems}``
    (``payload``: ``encode(Stored(…))``) compressed as a zstd frame of its own, after its
    length. A cache file is a row of such frames, so an unchanged file's entry is copied into the
    next cache as it is, and new ones are made by whichever process extracted the file."""
    return _frame(json.dumps([rel, key], ensure_ascii=False).encode("utf-8") + b"\t" + payload + b"\n")


@dataclass(frozen=True)
class Stored:
    """What the cache holds for one file (``{"article": …, "problems": […]}`` in JSON)."""

    article: Article | None
    problems: tuple[Problem, ...]


def _frame(data: bytes) -> bytes:
    """``data`` as a zstd frame (no timestamp: deterministic) after its length."""
    frame = _COMPRESS.compress(data)
    return _LENGTH.pack(len(frame)) + frame


_COMPRESS = zstandard.ZstdCompressor(level=1)  # one per process: the build is single-threaded


_LENGTH = struct.Struct("<I")


def _frames(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """Each (content, stored entry) of a cache file; ValueError where it is cut short."""
    view, pos = memoryview(data), 0
    while pos < len(view):
        if pos + _LENGTH.size > len(view):
            raise ValueError("cut short")
        (length,) = _LENGTH.unpack_from(view, pos)
        end = pos + _LENGTH.size + length
        if end > len(view):
            raise ValueError("cut short")
        yield _DECOMPRESS.decompress(view[pos + _LENGTH.size:end]), bytes(view[pos:end])
        pos = end


_DECOMPRESS = zstandard.ZstdDecompressor()


class ExtractCache:
    """Records by relative file name and key: ``get`` before extracting, ``put`` after.

    Stored as zstd frames (``member``) after a version frame; entries stay compressed
    in memory and are parsed only when reused, so the cache costs little memory on a
    large corpus.
    """

    def __init__(self, entries: dict[str, tuple[str, bytes]] | None = None):
        self._old = entries or {}  # file -> (key, compressed entry)
        self._new: dict[str, tuple[str, bytes]] = {}
        self._records: dict[str, Entry] = {}  # file -> its records, parsed (``dump(keep=True)``)
        self._got: dict[str, Entry] = {}  # the records of this build
        self.hits = 0
        self.extracted: list[str] = []  # files extracted anew (not reused) in this build
        # ``serve`` only: each file's key by its stat signature, from the builds of this
        # process; the watcher already goes by modification times and sizes.
        self.by_stat: dict[str, tuple[tuple[int, ...], str | None]] | None = None

    def key(self, rel: str, path: Path) -> str | None:
        """``key_of(path)``; with ``by_stat`` kept, not read again while the file (and
        its sidecar) keep their size, time and inode."""
        if self.by_stat is None:
            return key_of(path)
        sig = _signature(path)
        known = self.by_stat.get(rel)
        if sig is not None and known is not None and known[0] == sig:
            return known[1]
        made = key_of(path)
        if sig is not None:
            self.by_stat[rel] = (sig, made)
        return made

    def __bool__(self) -> bool:
        """Whether it holds anything a build could reuse."""
        return bool(self._old)

    @classmethod
    def load(cls, output: Path) -> ExtractCache:
        """The cache of a previous build in ``output``, or an empty one."""
        from .write import MARKER

        path = output / NAME
        if not (output / MARKER).is_file() or not path.is_file():
            return cls()
        entries: dict[str, tuple[str, bytes]] = {}
        try:
            frames = _frames(path.read_bytes())
            version, _ = next(frames, (b"", b""))
            if version.rstrip(b"\n") != fingerprint().encode():
                return cls()
            for line, stored in frames:
                head, tab, _ = line.partition(b"\t")
                rel, key = json.loads(head)
                if tab and isinstance(rel, str) and isinstance(key, str):
                    entries[rel] = (key, stored)
        except (OSError, ValueError, TypeError, zstandard.ZstdError):
            return cls()  # damaged: rebuild everything, the next build rewrites it
        return cls(entries)

    def get(self, rel: str, key: str | None) -> Entry | None:
        entry = self._old.get(rel)
        if key is None or entry is None or entry[0] != key:
            return None
        if rel in self._records:  # kept in memory by the previous build of this process
            article, problems = self._records[rel]
        else:
            try:
                [(text, _)] = _frames(entry[1])
                stored = decode(Stored, text.partition(b"\t")[2])
            except (ValueError, zstandard.ZstdError):  # msgspec's errors are ValueErrors
                return None
            article, problems = stored.article, list(stored.problems)
        self._new[rel] = entry
        self._got[rel] = (article, problems)
        self.hits += 1
        return article, list(problems)

    def put(self, rel: str, key: str | None, stored: bytes, article: Article | None,
            problems: list[Problem]) -> None:
        """A newly extracted file: its ``member`` and its records."""
        self.extracted.append(rel)
        if key is not None:
            self._new[rel] = (key, stored)
            self._got[rel] = (article, problems)

    def dump(self, keep: bool = False) -> bytes:
        """The cache for the next build (only the files of this build), deterministic.
        Called once, when extraction is done. With ``keep`` (a process that builds again,
        like ``serve``), this build's entries stay in memory, records parsed, and become
        what the next ``get`` calls look up."""
        entries, got = self._new, self._got
        data = _frame(fingerprint().encode() + b"\n") + b"".join(entries[rel][1] for rel in sorted(entries))
        self._old, self._records = (entries, got) if keep else ({}, {})
        self._new, self._got, self.extracted = {}, {}, []
        return data
