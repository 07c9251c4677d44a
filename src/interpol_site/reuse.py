"""Incremental builds: which files of the previous site can be kept as they are.

Every page that depends on part of the corpus gets a *key* (``render.Keys``): a digest
of what it shows. A build records, in ``OUTPUT/.interpol-site-pages.gz``, each page's
key, and each search shard's key with the files it made. The next build keeps a file
whose key is unchanged: the writer hard-links it from the previous site into the new
one instead of rendering it again (``write.KEEP``), so the new site is still complete
in its staging folder and swapped in atomically; the previous site is never modified.

Like the extraction cache, the manifest is only read from a folder this tool built
(its marker is there), is plain JSON (nothing in it is executed), and is deterministic.
A kept file must still be a regular file of the previous site; a missing or damaged
manifest simply means everything is rendered.

``data/records.json`` holds one JSON object per article; the manifest also records where
each one lies in it (``span``), so an unchanged article's object is copied from the
previous file instead of being encoded again.
"""

from __future__ import annotations

import gzip
import json
import mmap
import os
import stat
import zlib
from pathlib import Path

#: File name of the manifest inside the output folder.
NAME = ".interpol-site-pages.gz"
_VERSION = "interpol-site pages 2"
_SPAN = "\0span\0"  # names of byte spans start with a NUL, which no page path holds


class Manifest:
    """Keys of the previous build (``load``) and of this one (``add``, then ``dump``)."""

    def __init__(self, output: Path | None = None, entries: dict[str, tuple[str, tuple[str, ...]]] | None = None):
        self.output = output
        self.old = entries or {}  # name (a page path or a shard folder) -> (key, files)
        self.new: dict[str, tuple[str, tuple[str, ...]]] = {}
        self.kept = 0
        self._maps: dict[str, mmap.mmap | None] = {}

    @classmethod
    def load(cls, output: Path) -> Manifest:
        from .write import MARKER

        path = output / NAME
        if not (output / MARKER).is_file() or not path.is_file():
            return cls(output)
        try:
            version, _, rest = gzip.decompress(path.read_bytes()).decode("utf-8").partition("\n")
            if version != _VERSION:
                return cls(output)
            entries = {}
            for line in rest.splitlines():
                name, key, files = json.loads(line)
                if isinstance(name, str) and isinstance(key, str) and all(isinstance(f, str) for f in files):
                    entries[name] = (key, tuple(files))
        except (OSError, ValueError, TypeError, EOFError):
            return cls(output)
        return cls(output, entries)

    def keep(self, name: str, key: str) -> tuple[str, ...] | None:
        """The files recorded under ``name`` if its key is still ``key`` and every one of
        them is still a regular file of the previous site; else None."""
        old = self.old.get(name)
        if not key or old is None or old[0] != key or self.output is None:
            return None
        for rel in old[1]:
            try:
                if not stat.S_ISREG(os.lstat(self.output / rel).st_mode):
                    return None
            except (OSError, ValueError):
                return None
        self.kept += len(old[1])
        return old[1]

    def add(self, name: str, key: str, files: tuple[str, ...]) -> None:
        if key:
            self.new[name] = (key, files)

    def span(self, path: str, item: str, key: str) -> bytes | None:
        """The bytes of ``item`` in the previous site's file ``path`` (a regular file),
        if ``key`` is the one recorded with them."""
        old = self.old.get(f"{_SPAN}{path}\0{item}")
        if not key or old is None or old[0] != key or self.output is None:
            return None
        if path not in self._maps:
            self._maps[path] = _map(self.output / path)
        data = self._maps[path]
        start, length = (int(x) for x in old[1])
        if data is None or start < 0 or start + length > len(data):
            return None
        return data[start:start + length]

    def add_span(self, path: str, item: str, key: str, start: int, length: int) -> None:
        self.add(f"{_SPAN}{path}\0{item}", key, (str(start), str(length)))

    def close(self) -> None:
        """Release the previous files read for spans (before the site is swapped)."""
        for data in self._maps.values():
            if data is not None:
                data.close()
        self._maps.clear()

    def dump(self) -> bytes:
        """This build's keys, for the next build; deterministic (sorted, no timestamp)."""
        gz = zlib.compressobj(1, zlib.DEFLATED, 31)
        chunks = [gz.compress(_VERSION.encode() + b"\n")]
        for name, (key, files) in sorted(self.new.items()):
            chunks.append(gz.compress((json.dumps([name, key, list(files)], ensure_ascii=False) + "\n").encode()))
        chunks.append(gz.flush())
        return b"".join(chunks)


def _map(path: Path) -> mmap.mmap | None:
    """A read-only map of a regular file (not through a symlink), or None."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode) or os.fstat(fd).st_size == 0:
            return None
        return mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    finally:
        os.close(fd)
