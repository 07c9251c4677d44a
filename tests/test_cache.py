"""cache: a rebuild reuses unchanged records and produces exactly what a clean build does."""

from __future__ import annotations

import json
from pathlib import Path

from interpol_site import cache as cache_mod
from interpol_site.cache import NAME, ExtractCache
from interpol_site.pipeline import build, extract_corpus
from interpol_site.records import Article, from_data, to_data
from interpol_site.settings import Settings
from tests.test_pipeline import tree

ROOT = Path(__file__).resolve().parents[1]


def test_records_round_trip_through_json():
    corpus, _ = extract_corpus(ROOT / "tests" / "corpus")
    for a in corpus.articles:
        assert from_data(Article, json.loads(json.dumps(to_data(a), ensure_ascii=False))) == a


def test_decoded_records_share_their_repeated_strings():
    from interpol_site.records import decode, encode

    corpus, _ = extract_corpus(ROOT / "seeds")
    again = [decode(Article, encode(a)) for a in corpus.articles]
    assert again == list(corpus.articles)
    moroccos = [c for a in again for c in a.countries if c.code == "MA"]
    assert len(moroccos) > 1 and all(c.en is moroccos[0].en and c.slug is moroccos[0].slug for c in moroccos)
    rules = {}
    for ev in (e for a in again for c in a.countries for e in c.evidence):
        assert rules.setdefault(ev.rule, ev.rule) is ev.rule and ev.status is "stated"  # noqa: F632 (identity)


def test_unchanged_files_are_not_extracted_again(corpus, tmp_path, monkeypatch):
    out = tmp_path / "site"
    build(corpus, out, Settings(), quiet=True)
    n = len(list(corpus.rglob("*.txt")))
    calls: list[str] = []
    from interpol_site import pipeline

    real = pipeline.extract_file
    monkeypatch.setattr(pipeline, "extract_file", lambda p, s: calls.append(p.name) or real(p, s))
    cache = ExtractCache.load(out)
    extract_corpus(corpus, cache=cache, jobs=1)
    assert calls == [] and cache.hits == n

    edited = sorted(corpus.glob("*.txt"))[2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nفقرة أضيفت بعد النشر عن النرويج.\n", encoding="utf-8")
    cache = ExtractCache.load(out)
    extract_corpus(corpus, cache=cache, jobs=1)
    assert calls == [edited.name] and cache.hits == n - 1


def test_rebuild_after_an_edit_equals_a_clean_build(corpus, tmp_path):
    cached, clean = tmp_path / "cached", tmp_path / "clean"
    build(corpus, cached, Settings(), quiet=True)
    edited = sorted(corpus.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace("النرويج", "السويد"), encoding="utf-8")
    (corpus / "more" / "new.txt").write_text("مقال جديد عن الدورة 93 للجمعية العامة للإنتربول في مراكش.\n",
                                             encoding="utf-8")
    build(corpus, cached, Settings(), quiet=True)  # reuses the cache of the first build
    build(corpus, clean, Settings(), quiet=True)  # no cache
    assert tree(cached) == tree(clean)


def test_a_sidecar_edit_invalidates_its_article(corpus, tmp_path):
    out = tmp_path / "site"
    build(corpus, out, Settings(), quiet=True)
    article = sorted(corpus.glob("*.txt"))[0]
    article.with_suffix(".yaml").write_text("session: 91\n", encoding="utf-8")
    cache = ExtractCache.load(out)
    corpus_after, _ = extract_corpus(corpus, cache=cache, jobs=1)
    assert [a.session.number for a in corpus_after.articles if a.file == article.name] == [91]


def test_a_damaged_or_foreign_cache_is_ignored(corpus, tmp_path, monkeypatch):
    out = tmp_path / "site"
    build(corpus, out, Settings(), quiet=True)
    whole = (out / NAME).read_bytes()
    (out / NAME).write_bytes(whole[: len(whole) // 2])  # cut short: not used at all
    assert not ExtractCache.load(out)
    (out / NAME).write_bytes(b"not a cache")
    assert ExtractCache.load(out).get("x.txt", "k") is None
    build(corpus, out, Settings(), quiet=True)  # rewrites it
    assert len(list(cache_mod._frames((out / NAME).read_bytes()))) > 1
    monkeypatch.setattr(cache_mod, "fingerprint", lambda: "another version of the code")
    cache = ExtractCache.load(out)
    extract_corpus(corpus, cache=cache, jobs=1)
    assert cache.hits == 0


def test_the_cache_is_read_only_from_a_folder_we_built(tmp_path):
    folder = tmp_path / "foreign"
    folder.mkdir()
    (folder / NAME).write_bytes(cache_mod._frame(cache_mod.fingerprint().encode() + b"\n")
                                + cache_mod._frame(b'["a.txt", "k"]\t{}\n'))
    cache = ExtractCache.load(folder)
    assert cache.get("a.txt", "k") is None and cache.hits == 0


def test_parallel_extraction_with_a_partial_cache_equals_serial(corpus, tmp_path):
    out = tmp_path / "site"
    build(corpus, out, Settings(), quiet=True)
    for f in sorted(corpus.glob("*.txt"))[:2]:
        f.write_text(f.read_text(encoding="utf-8") + "\nسطر جديد.\n", encoding="utf-8")
    parallel, _ = extract_corpus(corpus, cache=ExtractCache.load(out), jobs=2)
    serial, _ = extract_corpus(corpus, jobs=1)
    assert parallel == serial


def test_a_cache_kept_in_memory_serves_the_next_build_without_parsing(corpus, tmp_path, monkeypatch):
    """serve passes one cache to every rebuild: records stay parsed in memory."""
    out, clean = tmp_path / "site", tmp_path / "clean"
    cache = ExtractCache.load(out)
    build(corpus, out, Settings(), quiet=True, cache=cache)
    parsed: list[object] = []
    real = cache_mod.decode
    monkeypatch.setattr(cache_mod, "decode", lambda kind, data: parsed.append(kind) or real(kind, data))
    edited = sorted(corpus.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nفقرة أضيفت أثناء المعاينة.\n", encoding="utf-8")
    result = build(corpus, out, Settings(), quiet=True, cache=cache)
    assert parsed == [] and cache.hits == len(list(corpus.rglob("*.txt"))) - 1
    assert result.kept > 0
    build(corpus, clean, Settings(), quiet=True)
    assert tree(out) == tree(clean)


def test_a_rebuild_makes_the_edited_articles_pages_first_as_it_then_writes_them(corpus, tmp_path):
    """serve shows these pages before the rest of the site is written: they must be
    the very pages the rebuild writes."""
    from interpol_site.render import article_page

    out = tmp_path / "site"
    cache = ExtractCache.load(out)
    build(corpus, out, Settings(), quiet=True, cache=cache)
    edited = sorted(corpus.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nفقرة أضيفت أثناء المعاينة عن النرويج.\n",
                      encoding="utf-8")
    early: dict[str, bytes] = {}

    def first(site, articles):
        assert [a.file for a in articles] == [edited.relative_to(corpus).as_posix()]
        for a in articles:
            path, context = article_page(site, a)
            early[path] = site.render("article.html", context)

    build(corpus, out, Settings(), quiet=True, cache=cache, on_linked=first)
    [(path, page)] = early.items()
    assert "النرويج" in page.decode() and (out / path).read_bytes() == page


def _built_site(corpus: Path, out: Path):
    """A build of ``corpus`` into ``out``: its site, and the links learnt from it."""
    from interpol_site.link import Links

    built = []
    build(corpus, out, Settings(), quiet=True, on_linked=lambda site, _: built.append(site))
    [site] = built
    return site, Links.of(list(site.corpus.articles))


def test_an_edit_linked_with_the_last_build_gives_the_page_the_rebuild_writes(corpus, tmp_path):
    """serve shows an edited article before the corpus is linked again: extracted alone,
    linked with what the last build learnt of the corpus and put on its site. For an edit
    that names nothing new, that is the very page the rebuild then writes."""
    from interpol_site.pipeline import previews

    out = tmp_path / "site"
    site, links = _built_site(corpus, out)
    edited = sorted(corpus.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nوجدد حموشي التأكيد على التعاون مع إسبانيا.\n",
                      encoding="utf-8")
    [(path, page)] = previews(site, links, corpus, [str(edited)]).items()
    assert "التأكيد على التعاون" in page.decode()
    build(corpus, out, Settings(), quiet=True)
    assert (out / path).read_bytes() == page


def test_only_articles_of_the_site_naming_nothing_new_are_previewed(corpus, tmp_path):
    from interpol_site.pipeline import extract_file, previews

    site, links = _built_site(corpus, tmp_path / "site")
    assert "IS" not in site.ents.countries
    edited = sorted(corpus.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nوحضر وفد من آيسلندا.\n", encoding="utf-8")
    assert "IS" in [c.code for c in extract_file(edited, corpus)[0].countries]  # no page yet
    new = corpus / "new.txt"  # not an article of the built site
    new.write_text("الأنتربول يعقد دورته في مراكش.\n", encoding="utf-8")
    other = tmp_path / "elsewhere.txt"
    other.write_text(sorted(corpus.glob("*.txt"))[0].read_text(encoding="utf-8"), encoding="utf-8")
    assert previews(site, links, corpus, [str(edited), str(new), str(other)]) == {}
    assert previews(site, links, corpus, [str(sorted(corpus.glob("*.txt"))[0])]) != {}


def test_serve_knows_an_unchanged_file_by_its_stat_and_an_edit_by_its_bytes(corpus, tmp_path, monkeypatch):
    out = tmp_path / "site"
    cache = ExtractCache()
    cache.by_stat = {}  # as serve keeps it
    build(corpus, out, Settings(), quiet=True, cache=cache)
    build(corpus, out, Settings(), quiet=True, cache=cache)  # learns every file's signature
    read: list[str] = []
    real = cache_mod.key_of
    monkeypatch.setattr(cache_mod, "key_of", lambda p: read.append(p.name) or real(p))
    edited = sorted(corpus.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nفقرة عن السويد.\n", encoding="utf-8")
    hits = cache.hits
    build(corpus, out, Settings(), quiet=True, cache=cache)
    assert read == [edited.name]
    assert cache.hits - hits == len(list(corpus.rglob("*.txt"))) - 1
