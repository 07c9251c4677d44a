"""End to end: hostile input never stops a build, builds are deterministic, the CLI
contract holds (exit codes, --strict, summary line, extract JSON)."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from interpol_site.pipeline import build, extract_corpus
from interpol_site.settings import Settings
from tests.hostile_cases import make_hostile

ROOT = Path(__file__).resolve().parents[1]


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_hostile_corpus_builds_the_good_articles_and_names_the_bad_files(tmp_path):
    source, cases = make_hostile(tmp_path)
    result = build(source, tmp_path / "site", Settings(), quiet=True)
    reported = " | ".join(str(p) for p in result.problems)
    for case in cases:
        if case.expect:
            assert case.name.split("/")[-1] in reported, f"{case.name}: not reported"
    readable = [c for c in cases if c.expect is None and c.found]
    assert result.articles >= len(readable) - 1  # a file reached twice is read once
    site = tmp_path / "site"
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in text, page
    # nothing was written outside the output folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "outside", "site"]


def test_two_builds_are_byte_identical(tmp_path):
    a = build(ROOT / "seeds", tmp_path / "a", Settings(), quiet=True)
    b = build(ROOT / "seeds", tmp_path / "b", Settings(), quiet=True)
    assert a.pages == b.pages
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_extract_is_pure_and_ordered():
    one, _ = extract_corpus(ROOT / "seeds")
    two, _ = extract_corpus(ROOT / "seeds")
    assert one == two
    assert [a.file for a in one.articles] == sorted(a.file for a in one.articles)


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_cli_extract_prints_the_contract():
    proc = run("extract")
    assert proc.returncode == 0, proc.stderr
    records = json.loads(proc.stdout)
    assert [r["file"] for r in records] == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    for r in records:
        assert set(r) >= {"file", "title", "date", "published", "session", "venue", "people", "countries"}
    assert "\\u" not in proc.stdout  # not ASCII-escaped


def test_cli_build_summary_and_strict(tmp_path):
    source, _ = make_hostile(tmp_path)
    proc = run("build", "--source", str(source), "--output", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1].startswith("built ")
    assert "warnings" in proc.stdout
    strict = run("build", "--source", str(source), "--output", str(tmp_path / "out"), "--strict")
    assert strict.returncode == 1


def test_cli_build_from_a_missing_source_folder_keeps_the_site(tmp_path):
    out = tmp_path / "site"
    assert run("build", "--output", str(out)).returncode == 0
    before = tree(out)
    proc = run("build", "--source", str(tmp_path / "no-such-folder"), "--output", str(out))
    assert proc.returncode == 2 and "source folder not found" in proc.stderr
    assert tree(out) == before


def test_cli_refuses_a_foreign_output_folder(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("x")
    proc = run("build", "--output", str(tmp_path / "mine"))
    assert proc.returncode == 2
    assert "not built by this tool" in proc.stderr
    assert (tmp_path / "mine" / "notes.txt").read_text() == "x"


def test_cli_explain_shows_rules_and_stripped_boilerplate():
    proc = run("extract", "--explain", "004_a080804b0b4d0dbd.txt")
    assert proc.returncode == 0, proc.stderr
    assert "stripped as boilerplate" in proc.stdout and "line 1: strip of other headlines" in proc.stdout
    assert "session: 93" in proc.stdout


def test_parallel_extraction_gives_the_serial_result(tmp_path):
    for folder in (ROOT / "seeds", ROOT / "tests" / "corpus"):
        for f in folder.glob("*.txt"):
            (tmp_path / f.name).write_bytes(f.read_bytes())
    serial, p1 = extract_corpus(tmp_path, jobs=1)
    parallel, p2 = extract_corpus(tmp_path, jobs=2)
    assert serial == parallel and p1 == p2
    assert len(serial.articles) == len(list(tmp_path.glob("*.txt"))) > 10


def test_extraction_gives_the_cycle_collector_back_as_it_found_it():
    import gc

    assert gc.isenabled()
    extract_corpus(ROOT / "seeds", jobs=1)
    assert gc.isenabled()
    gc.disable()
    try:
        extract_corpus(ROOT / "seeds", jobs=1)
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


def test_no_search_build_has_no_index(tmp_path):
    out = tmp_path / "site"
    build(ROOT / "seeds", out, Settings(search=False), quiet=True)
    assert not (out / "search").exists()
    assert (out / "index.html").is_file()


def test_a_build_on_several_processes_writes_the_serial_site(tmp_path):
    """Pages, open data and search shards made by forked workers: the same bytes."""
    source = tmp_path / "corpus"
    source.mkdir()
    for folder in (ROOT / "seeds", ROOT / "tests" / "corpus"):
        for f in folder.glob("*.txt"):
            (source / f.name).write_bytes(f.read_bytes())
    serial = build(source, tmp_path / "serial", Settings(per_page=2), quiet=True, jobs=1)
    parallel = build(source, tmp_path / "parallel", Settings(per_page=2), quiet=True, jobs=3)
    assert (serial.pages, serial.articles) == (parallel.pages, parallel.articles)
    assert tree(tmp_path / "serial") == tree(tmp_path / "parallel")
    assert len(tree(tmp_path / "serial")) > 100


def test_a_failing_worker_stops_the_build_and_keeps_the_previous_site(tmp_path, monkeypatch):
    from interpol_site import render

    source = ROOT / "seeds"
    out = tmp_path / "site"
    build(source, out, Settings(), quiet=True)
    before = tree(out)

    def broken(site, ent):
        raise RuntimeError("a template bug")

    monkeypatch.setattr(render, "entity_pages", broken)
    try:
        build(source, out, Settings(), quiet=True, fresh=True, jobs=2)
    except Exception as exc:  # the worker's traceback comes home
        assert "a template bug" in str(exc)
    else:
        raise AssertionError("the build should fail")
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging folder left


def test_parallel_rebuilds_into_the_recycled_folder_equal_a_clean_build(tmp_path):
    """Workers write into the folder the build before last left; what none of them
    wrote is removed, what they wrote is kept."""
    source = tmp_path / "corpus"
    source.mkdir()
    for folder in (ROOT / "seeds", ROOT / "tests" / "corpus"):
        for f in folder.glob("*.txt"):
            (source / f.name).write_bytes(f.read_bytes())
    out = tmp_path / "site"
    settings = Settings(per_page=2)
    for round_ in range(3):
        first = sorted(source.glob("*.txt"))[round_]
        first.write_text(first.read_text(encoding="utf-8") + f"\nفقرة {round_} عن النرويج.\n", encoding="utf-8")
        if round_ == 2:
            sorted(source.glob("*.txt"))[-1].unlink()
        build(source, out, settings, quiet=True, jobs=3)
    assert (tmp_path / ".site.prev").is_dir()
    build(source, tmp_path / "clean", settings, quiet=True, jobs=1)
    assert tree(out) == tree(tmp_path / "clean")
