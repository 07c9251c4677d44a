"""write.py: atomic, contained, deterministic output."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import interpol_site
from interpol_site import write
from interpol_site.errors import BuildError
from interpol_site.write import (
    MARKER,
    check_output_dir,
    check_relative_path,
    recover_and_clean,
    write_site,
)


@pytest.fixture
def project(tmp_path: Path) -> dict[str, Path]:
    """A project root holding a source folder; the site goes to ``root/_site``."""
    root = tmp_path / "project"
    (root / "articles").mkdir(parents=True)
    return {"root": root, "source": root / "articles", "output": root / "_site"}


def build(project, files, **kwargs):
    return write_site(
        files,
        project["output"],
        static_dir=kwargs.pop("static_dir", None),
        source=project["source"],
        project_root=project["root"],
        **kwargs,
    )


def tree(path: Path) -> dict[str, str]:
    """Relative path → sha256 of every file under ``path`` (symlinks as their target)."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames.sort()
        for name in sorted(filenames):
            full = Path(dirpath) / name
            rel = full.relative_to(path).as_posix()
            if full.is_symlink():
                out[rel] = "link:" + os.readlink(full)
            else:
                out[rel] = hashlib.sha256(full.read_bytes()).hexdigest()
    return out


SITE = [
    ("index.html", "<!doctype html><title>أرشيف</title>".encode()),
    ("articles/مقال-أول/index.html", "مقال".encode()),
    ("feed.xml", b"<feed/>"),
]


def test_writes_files_marker_and_counts(project):
    result = build(project, SITE)
    out = project["output"]
    assert (out / "articles/مقال-أول/index.html").read_bytes() == "مقال".encode()
    assert (out / MARKER).is_file()
    assert result.files == 3 and result.bytes == sum(len(b) for _, b in SITE)
    assert result.output == out.resolve()
    assert sorted(p.name for p in project["root"].iterdir()) == ["_site", "articles"]


def test_two_builds_are_byte_identical(project, tmp_path):
    build(project, SITE)
    first = tree(project["output"])
    build(project, list(reversed(SITE)))
    assert tree(project["output"]) == first


def test_replaces_previous_site_and_keeps_it_beside_for_the_next_build(project):
    build(project, SITE)
    first = tree(project["output"])
    build(project, [("only.html", b"x")])
    assert sorted(tree(project["output"])) == [MARKER, "only.html"]
    assert sorted(p.name for p in project["root"].iterdir()) == ["._site.prev", "_site", "articles"]
    assert tree(project["root"] / "._site.prev") == first  # the next build's staging folder


def test_a_recycled_staging_folder_gives_the_same_site_as_a_fresh_one(project, tmp_path):
    """The older site in ``._site.prev`` is rewritten, never trusted: files the new site
    lacks go, a folder where a file now goes (and the reverse) is replaced, a symlink
    planted there is never followed."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.html").write_bytes(b"mine")
    build(project, [("a/index.html", b"1"), ("b", b"2"), ("gone/x.html", b"3"), ("c/d.html", b"4")])
    build(project, [("a/index.html", b"old"), ("b", b"old")])  # prev now holds the first site
    prev = project["root"] / "._site.prev"
    (prev / "a" / "index.html").unlink()
    (prev / "a" / "index.html").symlink_to(outside / "victim.html")
    (prev / "evil").symlink_to(outside, target_is_directory=True)
    new = [("a/index.html", b"new"), ("b/now-a-folder.html", b"5"), ("c", b"now a file"), ("evil/x.html", b"6")]
    build(project, new)
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    write_site(new, fresh / "_site", static_dir=None, source=project["source"], project_root=fresh)
    assert tree(project["output"]) == tree(fresh / "_site")
    assert (outside / "victim.html").read_bytes() == b"mine" and sorted(os.listdir(outside)) == ["victim.html"]


def test_writing_a_recycled_folder_never_changes_the_current_site(project):
    """Files of the current site may be hard links of the staging folder's: a new version
    replaces the staging file, never writes into it; a failed build leaves the site whole."""
    build(project, [(f"p/{i}.html", b"v1") for i in range(50)])
    build(project, [(f"p/{i}.html", write.KEEP) for i in range(50)])  # links of the current site
    before = tree(project["output"])

    def files():
        for i in range(50):
            yield f"p/{i}.html", b"v2"
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        build(project, files())
    assert tree(project["output"]) == before
    build(project, [(f"p/{i}.html", b"v3") for i in range(50)])
    assert set(tree(project["output"]).values()) >= {hashlib.sha256(b"v3").hexdigest()}


def test_without_a_current_site_nothing_is_recycled(project):
    build(project, SITE)
    build(project, SITE)
    shutil.rmtree(project["output"])  # a clean build, as the README promises
    build(project, [("x.html", b"x")])
    assert sorted(p.name for p in project["root"].iterdir()) == ["_site", "articles"]
    assert sorted(tree(project["output"])) == [MARKER, "x.html"]


def test_static_files_are_copied_under_static(project, tmp_path):
    static = tmp_path / "static"
    (static / "fonts").mkdir(parents=True)
    (static / "site.css").write_text("body{}")
    (static / "fonts" / "a.woff2").write_bytes(b"\x00\x01")
    (static / ".DS_Store").write_bytes(b"junk")
    result = build(project, SITE, static_dir=static)
    files = tree(project["output"])
    assert "static/site.css" in files and "static/fonts/a.woff2" in files
    assert "static/.DS_Store" not in files
    assert result.files == 5


def test_page_and_static_file_on_one_path_is_refused(project, tmp_path):
    static = tmp_path / "static"
    static.mkdir()
    (static / "site.css").write_text("body{}")
    with pytest.raises(BuildError, match="two files claim this path"):
        build(project, [("static/site.css", b"x")], static_dir=static)


# ---------------------------------------------------------------- contained paths


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("../x", "'..'"),
        ("a/../../x", "'..'"),
        ("/etc/x", "absolute"),
        ("C:/x", "absolute"),
        ("a\x00b", "NUL"),
        ("a\\..\\x", "backslash"),
        ("a//b", "empty or '.' part"),
        ("./a", "empty or '.' part"),
        ("a/", "empty or '.' part"),
        ("", "empty"),
        (MARKER, "marker"),
    ],
)
def test_bad_paths_are_refused_and_previous_site_kept(project, path, why):
    build(project, SITE)
    before = tree(project["output"])
    with pytest.raises(BuildError, match=why) as info:
        build(project, [("ok.html", b"x"), (path, b"evil")])
    assert info.value.problem is not None
    assert info.value.problem.file == (path.replace("\x00", "\\x00") or "''")
    assert tree(project["output"]) == before
    assert sorted(p.name for p in project["root"].iterdir()) == ["_site", "articles"]
    assert not (project["root"].parent / "x").exists()


def test_check_relative_path_splits():
    assert check_relative_path("a/b/index.html") == ["a", "b", "index.html"]
    assert check_relative_path("مقالات/مقال.html") == ["مقالات", "مقال.html"]


@pytest.mark.parametrize(
    ("files", "reason"),
    [
        ([("a.html", b"1"), ("a.html", b"2")], "two files claim this path"),
        ([("A.html", b"1"), ("a.html", b"2")], "differ only in letter case"),
        ([("Dir/x.html", b"1"), ("dir/y.html", b"2")], "differ only in letter case"),
        ([("e\u0301.html", b"1"), ("\u00e9.html", b"2")], "differ only in letter case"),
        ([("a", b"1"), ("a/b.html", b"2")], "both a file and a folder"),
        ([("a/b.html", b"1"), ("a", b"2")], "both a file and a folder"),
    ],
)
def test_clashing_paths_are_refused(project, files, reason):
    with pytest.raises(BuildError, match=reason):
        build(project, files)
    assert not project["output"].exists()
    assert sorted(p.name for p in project["root"].iterdir()) == ["articles"]


# ---------------------------------------------------------------- output folder


def test_refuses_root(project):
    with pytest.raises(BuildError, match="file-system root"):
        check_output_dir(Path("/"), source=project["source"], project_root=project["root"])


def test_refuses_home(project, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    with pytest.raises(BuildError, match="home folder"):
        check_output_dir(home, source=project["source"], project_root=project["root"])
    with pytest.raises(BuildError, match="may not hold"):
        check_output_dir(tmp_path, source=project["source"], project_root=project["root"])


def test_refuses_project_root(project):
    with pytest.raises(BuildError, match="project root"):
        check_output_dir(project["root"], source=project["source"], project_root=project["root"])


def test_refuses_source(project):
    with pytest.raises(BuildError, match="may not be the source folder"):
        check_output_dir(project["source"], source=project["source"], project_root=project["root"])


def test_refuses_parent_of_source(tmp_path):
    source = tmp_path / "data" / "articles"
    source.mkdir(parents=True)
    with pytest.raises(BuildError, match="may not hold the source folder"):
        check_output_dir(tmp_path / "data", source=source, project_root=tmp_path / "proj")


def test_refuses_inside_source(project):
    with pytest.raises(BuildError, match="inside the source folder"):
        check_output_dir(
            project["source"] / "_site", source=project["source"], project_root=project["root"]
        )


def test_refuses_relative_spelling_of_source(project, monkeypatch):
    monkeypatch.chdir(project["root"])
    with pytest.raises(BuildError, match="source folder"):
        check_output_dir(
            Path("articles/../articles"), source=project["source"], project_root=project["root"]
        )


def test_refuses_symlink_to_source(project):
    os.symlink(project["source"], project["root"] / "out")
    with pytest.raises(BuildError, match="source folder"):
        check_output_dir(
            project["root"] / "out", source=project["source"], project_root=project["root"]
        )


def test_refuses_foreign_non_empty_folder_and_does_not_touch_it(project):
    out = project["output"]
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"years of work")
    with pytest.raises(BuildError, match="not built by this tool") as info:
        build(project, SITE)
    assert "never wiped" in str(info.value)
    assert tree(out) == {"thesis.docx": hashlib.sha256(b"years of work").hexdigest()}


def test_refuses_a_file(project):
    project["output"].write_text("x")
    with pytest.raises(BuildError, match="not a folder"):
        build(project, SITE)


def test_accepts_empty_or_marked_or_missing_folder(project):
    out = project["output"]
    check_output_dir(out, source=project["source"], project_root=project["root"])
    out.mkdir()
    check_output_dir(out, source=project["source"], project_root=project["root"])
    (out / MARKER).write_bytes(b"")
    (out / "old.html").write_bytes(b"")
    check_output_dir(out, source=project["source"], project_root=project["root"])


def test_output_symlink_writes_into_its_target(project, tmp_path):
    real = tmp_path / "www"
    real.mkdir()
    os.symlink(real, project["output"])
    build(project, SITE)
    assert project["output"].is_symlink()
    assert (real / "index.html").is_file()


# ---------------------------------------------------------------- atomicity


def test_failing_build_keeps_previous_site_and_removes_temp(project):
    build(project, SITE)
    before = tree(project["output"])

    def files():
        for i in range(200):
            yield f"p/{i}.html", b"new"
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError, match="renderer crashed"):
        build(project, files())
    assert tree(project["output"]) == before
    assert sorted(p.name for p in project["root"].iterdir()) == ["_site", "articles"]


def test_stale_temp_folders_are_removed(project):
    dead = _dead_pid()
    parent = project["root"]
    (parent / f"._site.tmp-{dead}" / "x").mkdir(parents=True)
    (parent / f"._site.old-{dead}").mkdir()
    (parent / f"._site.tmp-{os.getppid()}").mkdir()  # a live build: kept
    (parent / "._other.tmp-1").mkdir()  # another output's: not ours to touch
    build(project, SITE)
    assert sorted(p.name for p in parent.iterdir()) == [
        "._other.tmp-1",
        f"._site.tmp-{os.getppid()}",
        "_site",
        "articles",
    ]


def test_site_left_aside_by_a_killed_fallback_swap_is_restored(project):
    build(project, SITE)
    before = tree(project["output"])
    dead = _dead_pid()
    aside = project["root"] / f"._site.old-{dead}"
    os.rename(project["output"], aside)
    recover_and_clean(project["output"])
    assert tree(project["output"]) == before and not aside.exists()


def test_fallback_swap_without_renameat2(project, monkeypatch):
    build(project, SITE)
    monkeypatch.setattr(write, "_renameat2", None)
    build(project, [("new.html", b"n")])
    assert sorted(tree(project["output"])) == [MARKER, "new.html"]
    assert sorted(p.name for p in project["root"].iterdir()) == ["._site.prev", "_site", "articles"]


@pytest.mark.skipif(sys.platform != "linux", reason="renameat2 is Linux-only")
def test_linux_swaps_with_renameat2(project, monkeypatch):
    assert write._renameat2 is not None
    results = []
    real = write._exchange
    monkeypatch.setattr(write, "_exchange", lambda a, b: results.append(real(a, b)) or results[-1])
    build(project, SITE)
    build(project, SITE)
    assert results == [True]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from interpol_site.write import write_site

    out, source, root, tag, n = sys.argv[1:6]

    def files():
        for i in range(int(n)):
            if i == 300:
                print("writing", flush=True)
            yield f"p/{i % 40}/{i}.html", (tag * 50 + str(i)).encode()

    write_site(files(), Path(out), static_dir=None, source=Path(source), project_root=Path(root))
    print("done", flush=True)
    """
)


def _pages(tag: str, n: int = 3000):
    return ((f"p/{i % 40}/{i}.html", (tag * 50 + str(i)).encode()) for i in range(n))


@pytest.fixture
def fast_project(tmp_path: Path):
    """Like ``project``, on tmpfs when there is one: creating thousands of files on
    this CI's disk can take seconds, and rename semantics are the same there."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield {
            "root": tmp_path / "p",
            "source": tmp_path / "p" / "articles",
            "output": tmp_path / "p" / "_site",
        }
        return
    base = Path(tempfile.mkdtemp(dir=shm, prefix="interpol-site-test-"))
    try:
        yield {"root": base, "source": base / "articles", "output": base / "_site"}
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_sigkill_at_random_moments_keeps_previous_site(fast_project):
    """kill -9 a build of 3000 files at random moments: the output is old or new, whole."""
    project = fast_project
    project["source"].mkdir(parents=True)
    new_tree = {rel: hashlib.sha256(data).hexdigest() for rel, data in _pages("new")}
    new_tree[MARKER] = hashlib.sha256(write.MARKER_TEXT).hexdigest()
    started = time.monotonic()
    build(project, _pages("old"))
    took = time.monotonic() - started  # how long a build takes on this machine, now
    old_tree = tree(project["output"])

    env = dict(os.environ, PYTHONPATH=str(Path(interpol_site.__file__).parent.parent))
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    outcomes = []
    for attempt in range(8):
        args = [str(project["output"]), str(project["source"]), str(project["root"]), "new", "3000"]
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, *args], stdout=subprocess.PIPE, env=env, text=True
        )
        if attempt == 0:  # anywhere from start-up (stale cleanup, mkdir) on
            time.sleep(rng.uniform(0.0, 0.3))
        elif attempt < 5:  # early while the files are being written
            assert proc.stdout.readline() == "writing\n"
            time.sleep(rng.uniform(0.0, 0.5 * took))
        else:  # anywhere, including the swap and the removal of the old tree
            assert proc.stdout.readline() == "writing\n"
            time.sleep(rng.uniform(0.0, 1.5 * took))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        now = tree(project["output"])
        assert now in (old_tree, new_tree), f"seed {seed}: half-written tree at the output"
        outcomes.append("old" if now == old_tree else "new")
        if now == new_tree:
            build(project, _pages("old"))
    assert "old" in outcomes, f"seed {seed}: no kill landed before the swap ({outcomes})"
    build(project, _pages("old"))  # also removes what the killed builds left
    assert sorted(p.name for p in project["root"].iterdir()) == ["._site.prev", "_site", "articles"]
    assert tree(project["output"]) == old_tree


def test_fallback_swap_failure_puts_the_old_site_back(project, monkeypatch):
    build(project, SITE)
    before = tree(project["output"])
    monkeypatch.setattr(write, "_renameat2", None)
    real_rename = os.rename
    calls = []

    def flaky_rename(src, dst):
        calls.append(src)
        if len(calls) == 2:  # the new site into place
            raise OSError(5, "Input/output error")
        real_rename(src, dst)

    monkeypatch.setattr(write.os, "rename", flaky_rename)
    with pytest.raises(BuildError, match="could not write the site"):
        build(project, [("new.html", b"n")])
    monkeypatch.undo()
    assert tree(project["output"]) == before
    assert sorted(p.name for p in project["root"].iterdir()) == ["_site", "articles"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab./\\\x00:C é")), max_size=12))
def test_checked_paths_never_leave_the_site(rel):
    try:
        parts = check_relative_path(rel)
    except BuildError:
        return
    base = Path("/site")
    joined = Path(os.path.normpath(base.joinpath(*parts)))
    assert joined.is_relative_to(base) and joined != base
