"""The extraction cache: each file's record, keyed by its content, kept in the output folder.

Extraction is most of a build's cost, and a pure function of one file's bytes (plus its
sidecar) and of our code and data. So a build stores every file's record and problems
in ``OUTPUT/.interpol-site-cache.jsonl.gz``, and the next build reuses those whose key
still matches: the SHA-256 of the article's bytes and its sidecar's bytes, under a
fingerprint of the package's code and data (any change to them empties the cache).

The cache is written like every other output file: inside the staging folder, swapped
in atomically, never outside the output folder. It is read only from an output folder
this tool built (its marker file is there). It is JSON (no pickle: nothing in it is
executed), gzip-compressed with a fixed timestamp, so two builds of the same input are
still byte-identical. Deleting it is always safe.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import stat
import zlib
from importlib import resources
from pathlib import Path

from .errors import Problem
from .records import Article, from_data, to_data

#: File name of the cache inside the output folder (hidden: not a page of the site).
NAME = ".interpol-site-cache.jsonl.gz"


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


Entry = tuple[Article | None, list[Problem]]


class ExtractCache:
    """Records by relative file name and key: ``get`` before extracting, ``put`` after.

    Stored as gzip'd lines ``[file, key]<TAB>{record and problems}`` after a version
    line; entries stay JSON text in memory and are parsed only when reused, so the
    cache costs little memory on a large corpus.
    """

    def __init__(self, lines: dict[str, tuple[str, str]] | None = None):
        self._old = lines or {}  # file -> (key, JSON payload)
        self._new: dict[str, tuple[str, str | tuple[Article | None, list[Problem]]]] = {}
        self._records: dict[str, Entry] = {}  # file -> its records, parsed (``dump(keep=True)``)
        self._got: dict[str, Entry] = {}  # the records ``get`` returned in this build
        self.hits = 0

    @classmethod
    def load(cls, output: Path) -> ExtractCache:
        """The cache of a previous build in ``output``, or an empty one."""
        from .write import MARKER

        path = output / NAME
        if not (output / MARKER).is_file() or not path.is_file():
            return cls()
        lines: dict[str, tuple[str, str]] = {}
        try:  # read line by line: the whole text at once would double the memory
            with gzip.open(path, "rt", encoding="utf-8", newline="\n") as fh:
                if fh.readline().rstrip("\n") != fingerprint():
                    return cls()
                for line in fh:
                    head, tab, payload = line.rstrip("\n").partition("\t")
                    rel, key = json.loads(head)
                    if tab and isinstance(rel, str) and isinstance(key, str):
                        lines[rel] = (key, payload)
        except (OSError, ValueError, TypeError, EOFError):
            return cls()  # damaged: rebuild everything, the next build rewrites it
        return cls(lines)

    def get(self, rel: str, key: str | None) -> Entry | None:
        entry = self._old.get(rel)
        if key is None or entry is None or entry[0] != key:
            return None
        if rel in self._records:  # kept in memory by the previous build of this process
            article, problems = self._records[rel]
        else:
            try:
                data = json.loads(entry[1])
                article = from_data(Article, data["article"])
                problems = [from_data(Problem, p) for p in data["problems"]]
            except (KeyError, TypeError, ValueError):
                return None
        self._new[rel] = entry
        self._got[rel] = (article, problems)
        self.hits += 1
        return article, list(problems)

    def put(self, rel: str, key: str | None, article: Article | None, problems: list[Problem]) -> None:
        if key is not None:  # kept as records (in memory anyway) until ``dump`` writes them
            self._new[rel] = (key, (article, problems))

    def dump(self, keep: bool = False) -> bytes:
        """The cache for the next build (only the files of this build), deterministic.
        Called once, when extraction is done. The entries' text is then released (the
        compressed cache is a fraction of it); with ``keep`` (a process that builds
        again, like ``serve``), this build's entries stay in memory, records parsed, and
        become what the next ``get`` calls look up."""
        gz = zlib.compressobj(1, zlib.DEFLATED, 31)  # gzip framing, no timestamp: deterministic
        chunks = [gz.compress(fingerprint().encode() + b"\n")]
        entries, got = self._new, self._got
        self._new, self._old, self._records, self._got = {}, {}, {}, {}
        for rel in sorted(entries):  # line by line: no whole-file copy
            key, payload = entries.pop(rel)
            records = got.get(rel)
            if not isinstance(payload, str):
                records = payload
                payload = json.dumps({"article": to_data(payload[0]), "problems": to_data(payload[1])},
                                     ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            if keep:
                self._old[rel] = (key, payload)
                if records is not None:
                    self._records[rel] = records
            line = json.dumps([rel, key], ensure_ascii=False) + "\t" + payload + "\n"
            chunks.append(gz.compress(line.encode("utf-8")))
        chunks.append(gz.flush())
        return b"".join(chunks)
