"""reuse: an incremental build keeps unchanged pages and search shards, and its output is
byte-identical to a clean build of the same input after every kind of edit."""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import shutil
from pathlib import Path

import pytest

from interpol_site import search
from interpol_site.link import link
from interpol_site.pipeline import build, extract_file
from interpol_site.read import find_sources
from interpol_site.render import LINKED_FIELDS
from interpol_site.reuse import NAME, Manifest
from interpol_site.settings import Settings
from tests.test_pipeline import tree

ROOT = Path(__file__).resolve().parents[1]


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _retitle(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip())
    lines[first] = "عنوان جديد: " + lines[first]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


EDITS = [
    ("a new country in the body", lambda src: _append(sorted(src.glob("*.txt"))[0],
                                                      "\nوأكد المشاركون أهمية التعاون مع السويد.\n")),
    ("a new title", lambda src: _retitle(sorted(src.glob("*.txt"))[1])),
    ("a new person", lambda src: _append(sorted((src / "more").glob("*.txt"))[0],
                                         "\nوقال الوزير عبد الوافي لفتيت إن التعاون مستمر.\n")),
    ("an article deleted", lambda src: sorted(src.glob("*.txt"))[2].unlink()),
    ("an article added", lambda src: shutil.copy(sorted((src / "more").glob("*.txt"))[1], src / "new.txt")),
    ("an editor's sidecar", lambda src: (src / "new.txt").with_suffix(".yaml").write_text(
        "date: 2030-05-04\ncountries:\n  add: [NO]\n", encoding="utf-8")),  # now the newest
    ("nothing", lambda src: None),
]


@pytest.mark.parametrize("shard_size, timeline_split", [(800, 200), (3, 1)])
def test_incremental_builds_equal_clean_builds_after_every_edit(corpus, tmp_path, monkeypatch, shard_size,
                                                                timeline_split):
    """With one search index and one timeline page, and with many shards (size 3) so
    edits hit one shard and a timeline split into years (whose pages have keys)."""
    from interpol_site import render

    monkeypatch.setattr(search, "SHARD_SIZE", shard_size)
    monkeypatch.setattr(render, "TIMELINE_SPLIT", timeline_split)
    settings = Settings(base_url="https://example.org/a/")
    incremental = tmp_path / "incremental"
    build(corpus, incremental, settings, quiet=True)
    for n, (what, edit) in enumerate(EDITS):
        edit(corpus)
        result = build(corpus, incremental, settings, quiet=True)
        clean = tmp_path / f"clean-{n}"
        build(corpus, clean, settings, quiet=True)
        assert tree(incremental) == tree(clean), f"after {what}"
        assert result.kept > 0, f"nothing kept after {what}"
    assert not result.problems
    keyed = Manifest.load(incremental).old
    files = sum(len(files) for name, (_, files) in keyed.items() if not name.startswith("\0"))
    assert result.kept == files  # no edit: every page and shard kept


def test_an_edit_rerenders_its_pages_and_keeps_the_others(corpus, tmp_path):
    out = tmp_path / "site"
    build(corpus, out, Settings(), quiet=True)
    before = {p: os.stat(out / p).st_ino for p in tree(out)}
    edited = sorted(corpus.glob("*.txt"))[0]
    _append(edited, "\nفقرة أضيفت بعد النشر.\n")
    build(corpus, out, Settings(), quiet=True)
    after = {p: os.stat(out / p).st_ino for p in tree(out)}
    remade = {p for p in after if before.get(p) != after[p]}
    article = next(p for p in remade if p.startswith("articles/"))
    assert [p for p in remade if p.startswith("articles/")] == [article]  # only the edited article
    assert "index.html" in remade  # the home page depends on every article
    kept_pages = {p for p in after if p.endswith(".html")} - remade
    assert any(p.startswith("articles/") for p in kept_pages)


def test_a_newest_article_keeps_the_pages_of_the_others(corpus, tmp_path):
    """Adding today's article (the common edit of a news archive) re-renders the feeds
    and its neighbour, not every page."""
    out = tmp_path / "site"
    build(corpus, out, Settings(), quiet=True)
    new = corpus / "today.txt"
    shutil.copy(sorted((corpus / "more").glob("*.txt"))[1], new)
    _retitle(new)  # a title of its own (two articles sharing one are told apart in <title>)
    new.with_suffix(".yaml").write_text("date: 2030-05-04\n", encoding="utf-8")
    before = {p: os.stat(out / p).st_ino for p in tree(out)}
    build(corpus, out, Settings(), quiet=True)
    articles = [p for p in before if p.startswith("articles/")]
    kept = [p for p in articles if os.stat(out / p).st_ino == before[p]]
    assert len(kept) >= len(articles) - 1  # all but the one now followed by the new article


def test_a_settings_change_renders_every_page_again(corpus, tmp_path):
    out = tmp_path / "site"
    build(corpus, out, Settings(), quiet=True)
    result = build(corpus, out, Settings(per_page=2), quiet=True)
    manifest = Manifest.load(out)
    pages = [name for name in manifest.old if not name.endswith("/")]
    search_files = sum(len(files) for name, (_, files) in manifest.old.items() if name.endswith("/"))
    assert pages and result.kept == search_files  # only the search index, which ignores settings


def test_a_kept_file_replaced_by_a_symlink_is_rendered_again(corpus, tmp_path):
    out = tmp_path / "site"
    build(corpus, out, Settings(), quiet=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("not part of the site", encoding="utf-8")
    page = next(p for p in tree(out) if p.startswith("articles/"))
    (out / page).unlink()
    (out / page).symlink_to(secret)
    build(corpus, out, Settings(), quiet=True)
    assert not (out / page).is_symlink()
    assert "not part of the site" not in (out / page).read_text(encoding="utf-8")
    assert secret.read_text(encoding="utf-8") == "not part of the site"


def test_a_damaged_manifest_means_a_full_build(corpus, tmp_path):
    out = tmp_path / "site"
    build(corpus, out, Settings(), quiet=True)
    (out / NAME).write_bytes(b"\x1f\x8bnot gzip")
    result = build(corpus, out, Settings(), quiet=True)
    assert result.kept == 0
    clean = tmp_path / "clean"
    build(corpus, clean, Settings(), quiet=True)
    assert tree(out) == tree(clean)


def test_manifest_lists_every_keyed_page_once(corpus, tmp_path):
    out = tmp_path / "site"
    build(corpus, out, Settings(), quiet=True)
    lines = gzip.decompress((out / NAME).read_bytes()).decode().splitlines()[1:]
    names = [json.loads(line)[0] for line in lines]
    assert names == sorted(set(names))
    assert any(n.startswith("articles/") for n in names) and {"search/index/e/", "search/index/0/"} <= set(names)
    assert all((out / f).is_file() for line in lines for f in json.loads(line)[2] if not line.startswith('["\\u0000'))
    spans = sum(line.startswith('["\\u0000span') for line in lines)
    assert spans == len(find_sources(corpus)[0]) > 10  # records.json: one span per article


def test_link_changes_only_the_fields_page_keys_read(corpus):
    """``render.Keys`` digests an article from its content hash and ``LINKED_FIELDS``:
    the link step must not change any other field."""
    paths, _ = find_sources(corpus)
    extracted = [a for a in (extract_file(p, corpus)[0] for p in paths) if a is not None]
    linked = link(extracted).articles
    changed = 0
    for before, after in zip(extracted, linked, strict=True):
        assert dataclasses.replace(before, **{f: getattr(after, f) for f in LINKED_FIELDS}) == after
        changed += before != after
    assert changed  # the corpus does exercise the link step


def test_records_json_copies_unchanged_articles_and_survives_a_truncated_file(corpus, tmp_path, monkeypatch):
    from interpol_site import opendata

    out, clean = tmp_path / "site", tmp_path / "clean"
    build(corpus, out, Settings(), quiet=True)
    encoded: list[str] = []
    real = opendata.encode_json
    monkeypatch.setattr(opendata, "encode_json", lambda a: encoded.append(a.file) or real(a))
    _append(sorted(corpus.glob("*.txt"))[0], "\nفقرة أضيفت بعد النشر.\n")
    build(corpus, out, Settings(), quiet=True)
    assert encoded == [sorted(corpus.glob("*.txt"))[0].name]  # the others were copied
    records = out / "data" / "records.json"
    data = records.read_bytes()
    records.unlink()  # a new file (the old one is hard-linked nowhere else)
    records.write_bytes(data[: len(data) // 2])
    build(corpus, out, Settings(), quiet=True)
    build(corpus, clean, Settings(), quiet=True)
    assert tree(out) == tree(clean)


def _evidence_in(value) -> list:
    from interpol_site.records import Evidence

    if isinstance(value, Evidence):
        return [value]
    if dataclasses.is_dataclass(value):
        return [e for f in dataclasses.fields(value) for e in _evidence_in(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [e for v in value for e in _evidence_in(v)]
    return []


def test_page_keys_see_every_fact_taken_from_another_article(corpus):
    """An article page links to the articles its inferred facts came from, so its key
    reads them: ``_inferred_evidence`` must find every inferred evidence of a record."""
    from interpol_site.pipeline import extract_corpus
    from interpol_site.render import _inferred_evidence

    linked, _ = extract_corpus(corpus)
    found = 0
    for a in linked.articles:
        inferred = [e for e in _evidence_in(a) if e.status == "inferred"]
        assert set(inferred) <= set(_inferred_evidence(a)), a.file
        found += len(inferred)
    assert found  # the corpus has facts inferred across articles


def test_fresh_builds_reuse_nothing(corpus, tmp_path, monkeypatch):
    from interpol_site import pipeline
    from interpol_site.cli import main

    out = tmp_path / "site"
    assert main(["build", "--source", str(corpus), "--output", str(out), "--quiet"]) == 0
    calls: list[str] = []
    real = pipeline.extract_file
    monkeypatch.setattr(pipeline, "extract_file", lambda p, s: calls.append(p.name) or real(p, s))
    before = tree(out)
    result = build(corpus, out, Settings(), quiet=True, fresh=True)
    assert result.kept == 0 and len(calls) == len(list(corpus.rglob("*.txt")))
    assert tree(out) == before  # and it makes the same site
    calls.clear()
    assert main(["build", "--source", str(corpus), "--output", str(out), "--quiet", "--fresh"]) == 0
    assert len(calls) == len(list(corpus.rglob("*.txt")))
