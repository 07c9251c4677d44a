"""The one writer: every byte of the site goes through ``write_site``.

Atomic: the whole site is written into a temporary folder *beside* the output
(``.{name}.tmp-{pid}``, same parent, so same file system), then swapped in:

- On Linux, ``renameat2(RENAME_EXCHANGE)`` exchanges the new folder and the old one
  in one step; the old tree, now under the temporary name, is then deleted. At every
  moment the output path holds either the complete old site or the complete new one.
- When there is no previous site, a plain ``os.rename``.
- Where ``renameat2`` is unavailable (not Linux, old kernel, a file system without
  exchange), the old site is renamed aside to ``.{name}.old-{pid}``, the new one
  renamed in, and the old one deleted. Between those two renames (microseconds) the
  output path does not exist; if the build is killed exactly then, the next build
  finds ``.{name}.old-{pid}`` with a dead pid and puts it back before anything else.

A build that raises removes its temporary folder and leaves the previous site as it
was; a build that is killed leaves ``.{name}.tmp-{pid}`` behind, which the next
build removes (only when that pid is no longer alive).

Contained: page paths are checked (relative, no ``..``, no NUL, no backslash, no
empty part) and files are created with ``O_EXCL`` inside the temporary folder, so
nothing is written through a symlink or outside it; two files claiming one path
(also when they differ only in letter case or Unicode normalisation, which clash on
macOS and Windows hosts) stop the build. ``check_output_dir`` refuses output folders
that a build must never replace. Nothing is written or deleted outside the output
folder and its temporary siblings (missing parent folders of the output are created).

Deterministic: file contents are written as given, with no timestamps, so two builds
of the same input are byte-identical trees. Write order does not affect the bytes,
so ``files`` is consumed as a stream (the site is never held in memory at once).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildError, Problem

#: Written into every site this tool builds; an existing non-empty output folder
#: without it is refused (it may be someone's work, not a site we built).
MARKER = ".interpol-site"
MARKER_TEXT = b"This folder is built by interpol-site and replaced on every build.\n"

#: Folder of the site that receives the project's static files (CSS, JS, fonts).
STATIC_PREFIX = "static"

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class Keep:
    """Given instead of a file's bytes: the previous site's file at that path is right
    as it is (``reuse.Manifest``); it is hard-linked into the new site (copied where the
    file system cannot link), never modified."""


KEEP = Keep()


@dataclass(frozen=True)
class WriteResult:
    """What one ``write_site`` call wrote (pages and static files; not the marker)."""

    output: Path
    files: int
    bytes: int


# --------------------------------------------------------------------- output checks


def check_output_dir(output: Path, *, source: Path, project_root: Path) -> None:
    """Raise ``BuildError`` if a build must not replace ``output``.

    Refused: ``/``, the home folder, the project root, the source folder, any folder
    holding one of those, a folder inside the source folder, a path that exists and
    is not a folder, and an existing non-empty folder without the ``.interpol-site``
    marker (a folder this tool did not build).
    """
    out = _absolute(output)
    src = _absolute(source)
    project = _absolute(project_root)
    try:
        home = _absolute(Path.home())
    except (RuntimeError, KeyError):  # no HOME and no password entry
        home = project  # nothing more to protect than the project itself
    shown = str(output)

    def refuse(reason: str, hint: str = "choose another output folder (e.g. _site)") -> None:
        raise BuildError(Problem(shown, reason, hint, level="error"))

    if out.parent == out:
        refuse("the output folder may not be the file-system root")
    if out == project:
        refuse("the output folder may not be the project root")
    if out == home:
        refuse("the output folder may not be your home folder")
    if out == src:
        refuse("the output folder may not be the source folder")
    if src.is_relative_to(out):
        refuse("the output folder may not hold the source folder")
    if out.is_relative_to(src):
        refuse("the output folder may not be inside the source folder")
    if project.is_relative_to(out) or home.is_relative_to(out):
        refuse("the output folder may not hold the project or your home folder")
    if os.path.lexists(out) and not out.is_dir():
        refuse("the output path exists and is not a folder", "remove it or choose another path")
    if out.is_dir() and not (out / MARKER).is_file() and any(out.iterdir()):
        refuse(
            f"the output folder is not empty and was not built by this tool (no {MARKER} file)",
            "empty it or choose another output folder; it is never wiped",
        )


def _absolute(path: Path) -> Path:
    """Absolute, symlinks resolved where the path exists (``resolve(strict=False)``)."""
    return Path(os.path.abspath(path)).resolve()


# --------------------------------------------------------------------------- writing


def write_site(
    files: Iterable[tuple[str, bytes | Keep | Iterable[bytes]]],
    output: Path,
    *,
    static_dir: Path | None,
    source: Path,
    project_root: Path,
) -> WriteResult:
    """Write ``files`` (relative POSIX path, content) and the static files, atomically.
    A content of ``KEEP`` takes the file of that path from the site in ``output``; an
    iterable of bytes is written piece by piece (a large file never held whole).

    Static files are copied under ``static/``. Raises ``BuildError`` for a bad output
    folder, a bad or duplicate path, or a write failure; the previous site is then
    left as it was.
    """
    with staging(output, static_dir=static_dir, source=source, project_root=project_root) as writer:
        for rel, data in files:
            writer.write(rel, data)
    return WriteResult(output=_absolute(output), files=writer.count, bytes=writer.size)


@contextlib.contextmanager
def staging(output: Path, *, static_dir: Path | None, source: Path, project_root: Path) -> Iterator[_TreeWriter]:
    """A writer into a new site's staging folder, swapped in for ``output`` when the
    ``with`` block ends without an error (the static files and the marker added), and
    removed otherwise, leaving the previous site as it was. Processes forked inside the
    block may write through the same writer (each file by one process only); they tell
    the build which files they wrote (``finish``)."""
    check_output_dir(output, source=source, project_root=project_root)
    out = _absolute(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    recover_and_clean(out)
    tmp = _sibling(out, "tmp", os.getpid())
    if os.path.lexists(tmp):
        _remove(tmp)
    recycled = _recycle(out, tmp)
    if not recycled:
        tmp.mkdir()
    try:
        writer = _TreeWriter(tmp, previous=out, recycled=recycled)
        yield writer
        if static_dir is not None:
            for rel, data in _static_files(Path(static_dir)):
                writer.write(f"{STATIC_PREFIX}/{rel}", data)
        writer.finish()
        (tmp / MARKER).write_bytes(MARKER_TEXT)
        _swap_in(tmp, out, _sibling(out, "prev"))
    except BaseException as exc:
        _remove(tmp)
        if isinstance(exc, OSError):
            raise BuildError(
                Problem(str(output), f"could not write the site: {exc}", level="error")
            ) from exc
        raise


def _recycle(out: Path, tmp: Path) -> bool:
    """Make the site before the current one (``.{name}.prev``, kept by the last swap)
    this build's staging folder; False if there is none to take. Its files are not
    trusted: each one this build writes is replaced or checked to be the current site's
    own file, and every other one is removed (``_TreeWriter.finish``). Without a current
    site there is nothing to recycle: deleting the output folder gives a clean build."""
    prev = _sibling(out, "prev")
    if not os.path.lexists(prev):
        return False
    if not out.is_dir() or prev.is_symlink() or not prev.is_dir() or not (prev / MARKER).is_file():
        _remove(prev)
        return False
    try:
        os.rename(prev, tmp)  # atomic: of two builds starting at once, one takes it
        os.unlink(tmp / MARKER)  # a half-updated folder is never taken for a site
    except OSError:
        return False
    return True


class _TreeWriter:
    """Writes checked relative paths inside one folder; refuses clashes. A ``recycled``
    folder holds an older site: what is written replaces what is there (never writing
    into an existing file, which may be a hard link of the current site's), and
    ``finish`` removes what was not written."""

    def __init__(self, base: Path, previous: Path | None = None, recycled: bool = False):
        self.base = base
        self.recycled = recycled
        self.written: list[str] = []  # every path written, in order (``finish``)
        self.previous = previous
        self.previous_folders: set[str] = set()  # checked to be real folders of ``previous``
        self.count = 0
        self.size = 0
        # Every path and folder written, keyed by its case- and normalisation-folded
        # form: two names that one file system keeps apart may collide on another.
        self.folded: dict[str, tuple[str, bool]] = {}
        self.folders: set[str] = set()  # created here, inside ``base``

    def write(self, rel: str, data: bytes | Keep | Iterable[bytes]) -> None:
        parts = check_relative_path(rel)
        for end in range(1, len(parts) + 1):
            self._claim("/".join(parts[:end]), rel, is_file=end == len(parts))
        target = os.path.join(self.base, *parts)
        self.written.append(rel)
        try:
            self._folders(parts, rel)
            if isinstance(data, Keep):
                self.size += self._keep(rel, parts, target)
                self.count += 1
                return
            fd, made = self._create(target)
        except (FileExistsError, NotADirectoryError, IsADirectoryError) as exc:
            raise _clash(rel, f"it clashes with another file of the site ({exc.strerror})") from exc
        with os.fdopen(fd, "wb") as fh:
            for piece in (data,) if isinstance(data, bytes) else data:
                fh.write(piece)
                self.size += len(piece)
        if made != target:
            os.replace(made, target)
        self.count += 1

    def _create(self, target: str) -> tuple[int, str]:
        """A new file for ``target``: created there, or in a recycled folder where an
        older file is in the way, beside it (it replaces the old one once written)."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW
        try:
            return os.open(target, flags, 0o644), target
        except FileExistsError:
            if not self.recycled:
                raise
        self._clear(target, keep_file=True)
        aside = f"{target}.{os.getpid()}.new"
        if os.path.lexists(aside):
            os.unlink(aside)
        return os.open(aside, flags, 0o644), aside

    def _clear(self, path: str, keep_file: bool = False) -> None:
        """In a recycled folder, remove an older entry that is in the way of ``path``
        (a folder where a file goes; a file or a link where a folder goes)."""
        info = os.lstat(path)
        if stat.S_ISDIR(info.st_mode):
            shutil.rmtree(path)
        elif not keep_file:
            os.unlink(path)

    def finish(self, written: Iterable[str] = ()) -> None:
        """In a recycled folder, remove every file that neither this process nor the
        ones it forked (``written``: the paths they wrote) wrote, and emptied folders."""
        if not self.recycled:
            return
        keep = set(self.written).union(written)
        base = str(self.base)
        for folder, dirs, files in os.walk(base, topdown=False):
            rel_folder = os.path.relpath(folder, base)
            prefix = "" if rel_folder == "." else rel_folder.replace(os.sep, "/") + "/"
            for name in files:
                if prefix + name not in keep:
                    os.unlink(os.path.join(folder, name))
            for name in dirs:
                path = os.path.join(folder, name)
                if os.path.islink(path):
                    os.unlink(path)
                else:
                    with contextlib.suppress(OSError):
                        os.rmdir(path)  # only when nothing of this build is in it

    def _folders(self, parts: list[str], rel: str) -> None:
        """Create the folders of a checked path, from the top. Every folder is made here
        by ``mkdir`` inside one already checked, or found there as a real folder (not a
        symlink: ``lstat``), so none can lead outside the site; anything else in the way
        is refused (in a recycled folder: removed)."""
        path = str(self.base)
        for part in parts[:-1]:
            path = os.path.join(path, part)
            if path in self.folders:
                continue
            try:
                os.mkdir(path)
            except FileExistsError:
                if not stat.S_ISDIR(os.lstat(path).st_mode):
                    if not self.recycled:
                        raise _bad_path(rel, "goes through something that is not a folder") from None
                    self._clear(path)  # an older file or link of a recycled folder
                    os.mkdir(path)
            self.folders.add(path)

    def _keep(self, rel: str, parts: list[str], target: str) -> int:
        """Hard-link the previous site's regular file ``rel`` to ``target`` (or copy it)."""
        if self.previous is None:
            raise _bad_path(rel, "is kept from a previous site that does not exist")
        folder = str(self.previous)
        for part in parts[:-1]:  # real folders of the previous site, never a symlink
            folder = os.path.join(folder, part)
            if folder not in self.previous_folders:
                if not stat.S_ISDIR(os.lstat(folder).st_mode):
                    raise _bad_path(rel, "resolves outside the previous site")
                self.previous_folders.add(folder)
        source = os.path.join(folder, parts[-1])
        info = os.lstat(source)
        if not stat.S_ISREG(info.st_mode):
            raise _bad_path(rel, "is kept from the previous site but is not a regular file there")
        made = target
        if self.recycled:
            try:
                here = os.lstat(target)
            except FileNotFoundError:
                pass
            else:
                if (here.st_dev, here.st_ino) == (info.st_dev, info.st_ino):
                    return info.st_size  # already the current site's own file
                self._clear(target, keep_file=True)
                made = f"{target}.{os.getpid()}.new"
                if os.path.lexists(made):
                    os.unlink(made)
        try:
            os.link(source, made, follow_symlinks=False)
        except OSError as exc:
            if isinstance(exc, FileExistsError):
                raise
            fd = os.open(source, os.O_RDONLY | _O_NOFOLLOW)
            with os.fdopen(fd, "rb") as src, open(made, "xb") as dst:
                shutil.copyfileobj(src, dst)
        if made != target:
            os.replace(made, target)
        return info.st_size

    def _claim(self, prefix: str, rel: str, *, is_file: bool) -> None:
        key = unicodedata.normalize("NFC", prefix).casefold()
        if key not in self.folded:
            self.folded[key] = (prefix, is_file)
            return
        other, other_is_file = self.folded[key]
        if not is_file and not other_is_file and other == prefix:
            return  # one more file in a folder already written
        if other != prefix:
            raise _clash(rel, f"'{prefix}' and '{other}' differ only in letter case or accents")
        if is_file and other_is_file:
            raise _clash(rel, "two files claim this path")
        raise _clash(rel, f"'{prefix}' is both a file and a folder")


def _clash(rel: str, why: str) -> BuildError:
    return BuildError(Problem(rel, f"cannot write this path: {why}", _CLASH_HINT, level="error"))


_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLASH_HINT = "two pages got the same URL; give one of them another slug"
_DRIVE = re.compile(r"^[A-Za-z]:")


def check_relative_path(rel: str) -> list[str]:
    """The parts of a site-relative POSIX path, or ``BuildError`` naming it.

    Refused: empty, absolute (``/x``, ``C:x``), NUL, backslash, ``..``, ``.`` or
    empty parts (``a//b``), and the marker file's name.
    """
    if not isinstance(rel, str) or not rel:
        raise _bad_path(repr(rel), "empty or not a string")
    shown = rel.replace("\x00", "\\x00")
    if "\x00" in rel:
        raise _bad_path(shown, "contains a NUL character")
    if rel.startswith("/") or _DRIVE.match(rel):
        raise _bad_path(shown, "is absolute")
    if "\\" in rel:
        raise _bad_path(shown, "contains a backslash")
    parts = rel.split("/")
    if ".." in parts:
        raise _bad_path(shown, "contains '..'")
    if any(p in ("", ".") for p in parts):
        raise _bad_path(shown, "has an empty or '.' part")
    if rel == MARKER:
        raise _bad_path(shown, f"is the marker file {MARKER}")
    return parts


def _bad_path(shown: str, why: str) -> BuildError:
    return BuildError(
        Problem(
            shown,
            f"refused to write a path that {why}: it could land outside the site",
            "this is a bug in the page paths (slugs); report it",
            level="error",
        )
    )


def _static_files(static_dir: Path) -> Iterable[tuple[str, bytes]]:
    """Regular files under ``static_dir`` (hidden names skipped), sorted, with contents."""
    if not static_dir.is_dir():
        raise BuildError(
            Problem(str(static_dir), "static folder not found", "check the path", level="error")
        )
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(static_dir):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel_dir = Path(dirpath).relative_to(static_dir).as_posix()
        for name in filenames:
            if not name.startswith("."):
                found.append(name if rel_dir == "." else f"{rel_dir}/{name}")
    for rel in sorted(found):
        path = static_dir / rel
        if path.is_file():
            yield rel, path.read_bytes()


# --------------------------------------------------------------------- swap and clean


def _sibling(out: Path, kind: str, pid: int | None = None) -> Path:
    return out.parent / (f".{out.name}.{kind}" if pid is None else f".{out.name}.{kind}-{pid}")


def recover_and_clean(output: Path) -> list[Path]:
    """Remove what killed builds left beside ``output``; return what was removed.

    ``.{name}.tmp-{pid}`` and ``.{name}.old-{pid}`` whose pid is not alive (or is
    this process) are deleted; but if ``output`` is missing and an ``.old`` folder
    exists (a build killed inside the fallback swap), it is renamed back first.
    """
    out = _absolute(output)
    pattern = re.compile(rf"^\.{re.escape(out.name)}\.(tmp|old)-(\d+)$")
    stale: list[tuple[str, Path]] = []
    try:
        names = sorted(os.listdir(out.parent))
    except FileNotFoundError:
        return []
    for name in names:
        m = pattern.match(name)
        if m and not _alive(int(m.group(2))):
            stale.append((m.group(1), out.parent / name))
    if not os.path.lexists(out):
        for kind, path in stale:
            if kind == "old" and path.is_dir() and (path / MARKER).is_file():
                os.rename(path, out)
                stale.remove((kind, path))
                break
    for _, path in stale:
        _remove(path)
    return [p for _, p in stale]


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours from an earlier build in this process: stale by now
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _remove(path: Path) -> None:
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def _swap_in(new: Path, out: Path, keep: Path) -> None:
    """Put ``new`` at ``out``; the site it replaces is moved to ``keep`` (the next
    build's staging folder, ``_recycle``)."""
    if not os.path.lexists(out):
        os.rename(new, out)
        return
    if os.path.lexists(keep):
        _remove(keep)
    if _exchange(new, out):
        os.rename(new, keep)  # the old site, now under the temporary name
        return
    old = _sibling(out, "old", os.getpid())
    os.rename(out, old)
    try:
        os.rename(new, out)  # window: between these two renames, out does not exist
    except BaseException:
        os.rename(old, out)
        raise
    os.rename(old, keep)


def _load_renameat2():
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        func = libc.renameat2
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    func.restype = ctypes.c_int
    return func


_renameat2 = _load_renameat2()


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths; False if this system cannot."""
    if _renameat2 is None:
        return False
    rc = _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))
