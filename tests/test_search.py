"""search: the static index (its terms, blocks, ranking order, files) and the query
normalisation, in Python and in static/search.js (run with node); the real queries run
in tests/browser."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_site import search, urls
from tests import fixtures

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "static" / "search.js"
FILE = re.compile(r'^searchIndexPart\(("[^"]+"),(.*)\);\n\Z', re.S)


def parse(files: list[tuple[str, bytes]]) -> dict[str, object]:
    """Each index file's data by its name (``0/meta``), checking the file's one call."""
    out = {}
    for path, data in files:
        m = FILE.match(data.decode("utf-8"))
        assert m, f"{path}: not one searchIndexPart(name, data) call"
        name = json.loads(m.group(1))
        assert path == f"search/index/{name}.js"
        out[name] = json.loads(m.group(2))
    return out


def found(index: dict[str, object], text: str, block: str, title: bool = False) -> list[str]:
    """Paths of the documents of ``block`` holding every term of ``text`` exactly (what
    search.js computes without the prefix of the last word); in their titles (an
    entity's names) with ``title``."""
    meta = index[f"{block}/meta"]
    rows = {row[0]: row for k in range(len(meta["terms"])) for row in index[f"{block}/t{k}"]}
    docs = None
    for term in search.query_terms(text):
        row = rows.get(term, [])
        have = set(search.decode_docs(row[2 if title else 1], meta["n"])) if len(row) > (2 if title else 1) else set()
        docs = have if docs is None else docs & have
    per = meta["per"]
    return [index[f"{block}/d{d // per}"][d % per][0] for d in sorted(docs or ())]


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize("query, text", [
    ("النرويج", "وفد من النرويج"),
    ("نرويج", "بالنرويج"),
    ("بالنرويج", "النرويج"),
    ("الانتربول", "والإنتربول"),
    ("الإنتربول", "للإنتربول"),
    ("والإنتربول", "الأنتربول"),
    ("انتربول", "(إنتربول)"),
    ("أمين", "الأمين العام"),
    ("للمغرب", "المغرب"),
    ("المغرب", "فالمغرب"),
    ("مراكش", "مُراكِش"),          # diacritics
    ("مراكش", "مـراكـش"),          # tatweel
    ("2024", "٢٠٢٤"),              # Arabic-Indic digits
    ("١٩٢٣", "1923"),
    ("الالتزام", "بالالتزام"),       # the article before a word that starts with ال
    ("التزام", "الالتزام"),
    ("interpol", "INTERPOL"),
    ("حموشي", "الوطني-حموشي"),
])
def test_a_query_word_finds_its_variants(query, text):
    assert set(search.query_terms(query)) <= search.terms_of(text)


@pytest.mark.parametrize("query, text", [
    ("نرويج", "النرويجي"),   # a whole word, not a prefix (search.js adds the prefix while typing)
    ("مغرب", "غرب"),
    ("امن", "تامين"),
])
def test_a_query_word_does_not_find_other_words(query, text):
    assert not set(search.query_terms(query)) <= search.terms_of(text)


ARABIC = st.text(st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى"), min_size=1, max_size=8)
PROCLITICS = st.sampled_from(["", "و", "ف", "ب", "ك", "ل", "ال", "وال", "بال", "فال", "كال", "لل", "ولل", "وبال"])


@settings(max_examples=300, deadline=None)
@given(PROCLITICS, ARABIC)
def test_every_written_word_finds_itself(clitic, word):
    """Whatever the proclitics, a word typed as written finds the text that holds it."""
    written = clitic + word
    assert set(search.query_terms(written)) <= search.terms_of(f"نص فيه {written} وغيره")


def _node(program: str, data: object) -> object:
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed")
    script = (f"const s = require({json.dumps(str(SCRIPT))});\n"
              f"const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n{program}")
    out = subprocess.run([node, "-e", script], input=json.dumps(data), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


#: Words to normalise on both sides: every folded letter, marks, tatweel, invisibles,
#: digits, Latin, clitics before long and short words, punctuation and hostile text.
PARITY_WORDS = [
    "النرويج", "نرويج", "بالنرويج", "والنرويج", "وبالنرويج", "للنرويج", "ولِلنّرويج", "الانتربول", "الإنتربول",
    "والإنتربول", "للإنتربول", "الأنتربول", "«الإنتربول»،", "(انتربول)", "حموشي", "الحموشي", "عبد اللطيف حموشي",
    "مُراكِش", "مـــراكش", "آسيا", "ٱلأمن", "ٲ ٳ", "مستشفى", "فارسی", "ې", "مدرسة", "کتاب", "ڪ", "گرگ", "ڤيينا",
    "پاريس", "چاي", "ژ", "٢٠٢٤", "۱۹۹۸", "2025", "INTERPOL", "Türkiye", "ÉCOLE", "الـ92", "ال",
    "الفن", "والفن", "للفن", "الآن", "التزام", "الالتزام", "بالالتزام", "ولد", "فوق", "كالمغرب", "لتركيا",
    "\u200fالمغرب\u200e", "م\u200cغرب", "ال\u00adمغرب", "الوطني-انتربول", "<script>alert(1)</script>",
    "{{ 7*7 }}", "a_b", "", "   ", "٫", "؛", "e\u0301cole", "ß", "İstanbul",
]


def test_python_and_javascript_normalise_queries_alike():
    js = _node("console.log(JSON.stringify(data.map(s.queryTerms)));", PARITY_WORDS)
    assert js == [search.query_terms(w) for w in PARITY_WORDS]


@pytest.mark.parametrize("n", [5, 4096, 4097])
def test_javascript_reads_the_document_sets_python_writes(n):
    lists = [[], [[0]], [[1, 2], [2, 3]], [[0, n // 2, n - 1], [n - 1]]]  # a term's lists may overlap
    sets = [sorted(set().union(*x)) for x in lists]
    encoded = [search.encode_docs(x, n) for x in lists]
    assert {len(e) for e in encoded[1:2]} == {2 if n <= 4096 else 3}
    js = _node(f"console.log(JSON.stringify(data.map(e => {{ const f = new Uint8Array({n});"
               f" s.decodeDocs(e, {search.width(n)}, {n}, f, 1); return [...f.keys()].filter(i => f[i]); }})));",
               encoded)
    assert js == sets
    assert [search.decode_docs(e, n) for e in encoded] == sets


def test_the_last_word_is_a_prefix_while_it_is_typed():
    parsed = _node("console.log(JSON.stringify(data.map(s.parseQuery)));", ["النرويج", "النر", "الانتربول ", "ن"])
    assert parsed[0] == [[{"term": "نرويج", "prefix": True}]]
    assert parsed[1] == [[{"term": "النر", "prefix": True}, {"term": "نر", "prefix": True}]]
    assert parsed[2] == [[{"term": "انتربول", "prefix": False}]]  # a space typed after it: a whole word
    assert parsed[3] == [[{"term": "ن", "prefix": False}]]  # one letter is not a prefix yet


# --------------------------------------------------------------------------- ranking


def test_results_are_names_then_titles_then_the_rest_newest_first():
    def r(entity=False, title=False, day=-1, i=1, d=0):
        return {"entity": entity, "title": title, "day": day, "i": i, "d": d}

    results = [r(day=100, d=1), r(title=True, day=5, d=7), r(day=300, d=0), r(day=-1, i=2, d=0),
               r(entity=True, title=True, i=0, d=3), r(title=True, day=50, i=2, d=1),
               r(entity=True, title=True, i=0, d=0), r(entity=True, i=0, d=1)]
    order = _node("data.sort(s.compareResults); console.log(JSON.stringify(data));", results)
    assert order == [results[k] for k in (6, 4, 5, 1, 7, 2, 0, 3)]


def test_blocks_hold_articles_newest_first_and_entities_most_named_first():
    corpus = fixtures.corpus()
    index = parse(search.search_files(corpus))
    by_path = {urls.article_path(a): a for a in corpus.articles}
    docs = [row for k in range(1 + (len(corpus.articles) - 1) // search.DOCS_PER_FILE) for row in index[f"0/d{k}"]]
    dates = [by_path[path].date for path, *_ in docs]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[len(dated):] == [None] * (len(dates) - len(dated))
    days = [int(x) for x in index["0/meta"]["days"].split(",")]
    assert days == [(d - dt.date(1970, 1, 1)).days if d else -1 for d in dates]
    named = {}
    for a in corpus.articles:
        for c in a.countries:
            named[urls.country_path(c.code, c.en)] = named.get(urls.country_path(c.code, c.en), 0) + 1
    entities = [row[0] for row in index["e/d0"]]
    countries = [p for p in entities if p.startswith("countries/")]
    assert countries == sorted(countries, key=lambda p: (-named[p], p))


# --------------------------------------------------------------------------- the files


def test_the_index_finds_articles_and_entity_pages():
    corpus = fixtures.corpus()
    index = parse(search.search_files(corpus))
    norway = {urls.article_path(a) for a in corpus.articles if any(c.code == "NO" for c in a.countries)}
    assert norway and set(found(index, "النرويج", "0")) >= norway
    assert set(found(index, "بالنرويج", "0")) == set(found(index, "نرويج", "0"))
    assert found(index, "النرويج", "e") == ["countries/norway/index.html"]
    assert "people/abd-al-latif-hamouchi/index.html" in found(index, "حموشي", "e")
    assert found(index, "Norway", "e") == ["countries/norway/index.html"]  # the Latin name too
    assert found(index, "غلاسكو", "e") == ["sessions/92/index.html", "venues/glasgow/index.html"]  # held there
    assert found(index, "غلاسكو", "e", title=True) == ["venues/glasgow/index.html"]  # by its name
    assert found(index, "الدورة 92", "e", title=True) == ["sessions/92/index.html"]
    sessions = [p for p in found(index, "الإنتربول", "e") if p.startswith("sessions/")]
    assert sessions and not found(index, "الإنتربول", "e", title=True)  # said of them, not their names
    assert found(index, "حموشي غلاسكو", "0")  # every word (AND)
    assert not found(index, "حموشي كلمةغيرموجودة", "0")


def test_every_article_and_entity_is_a_document_with_a_lead():
    corpus = fixtures.corpus()
    index = parse(search.search_files(corpus))
    docs = [row for name, rows in index.items() if re.fullmatch(r"[^/]+/d\d+", name) for row in rows]
    paths = [row[0] for row in docs]
    assert len(paths) == len(set(paths))
    assert {urls.article_path(a) for a in corpus.articles} <= set(paths)
    assert {p for p in paths if p.startswith("countries/")} == {
        urls.country_path(c.code, c.en) for a in corpus.articles for c in a.countries}
    for path, title, date, lead in docs:
        assert title and len(lead) <= search.LEAD + 1, path
        if path.startswith("articles/"):
            assert lead and re.fullmatch(r"\d{4}-\d\d-\d\d|", date), path


def test_the_lead_is_cut_at_a_word():
    assert search.lead("قصير") == "قصير"
    text = "كلمة " * 100
    out = search.lead(text)
    assert out.endswith("…") and len(out) <= search.LEAD + 1 and "  " not in out
    assert out[:-1].split() == ["كلمة"] * len(out[:-1].split())


def test_files_are_deterministic_small_and_under_the_index_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = search.search_files(fixtures.corpus())
    assert first == search.search_files(fixtures.corpus())
    assert list(tmp_path.iterdir()) == [], "the index is made in memory"
    paths = [p for p, _ in first]
    assert paths == sorted(paths) and len(paths) == len(set(paths))
    assert all(re.fullmatch(r"search/index/(e|\d+)/(meta|t\d+|d\d+)\.js", p) for p in paths), paths
    assert {"search/index/e/meta.js", "search/index/0/meta.js"} <= set(paths)
    assert max(len(b) for _, b in first) < 2 * search.TERMS_BYTES


def test_hostile_text_stays_data():
    corpus = fixtures.hostile_corpus()
    files = search.search_files(corpus)
    index = parse(files)  # each file is one call with JSON: nothing else can run
    titles = {row[1] for name, rows in index.items() if "/d" in name for row in rows}
    assert {a.title for a in corpus.articles if a.title} <= titles  # as written, to be shown as text
    for path, data in files:
        text = data.decode("utf-8")
        assert "\u2028" not in text and "\u2029" not in text, path


# --------------------------------------------------------------------------- blocks


def _many(n: int):
    base = fixtures.corpus().articles
    articles = [dataclasses.replace(base[i % len(base)], id=f"a-{i}", file=f"a-{i}.txt") for i in range(n)]
    return dataclasses.replace(fixtures.corpus(), articles=tuple(articles))


def test_large_archives_are_split_into_blocks_by_article(monkeypatch):
    monkeypatch.setattr(search, "SHARD_SIZE", 4)
    corpus = _many(20)
    assert search.shard_count(20) == 8
    of = {a.file: a.file for a in corpus.articles}
    shards = search.shards(corpus, of)
    assert shards[0].prefix == "search/index/e/"
    assert search.blocks(corpus) == [s.name for s in shards]
    held = [d.path for s in shards[1:] for d in s.documents()]
    assert sorted(held) == sorted(urls.article_path(a) for a in corpus.articles)  # each in one block
    files = search.search_files(corpus, of)
    assert all(any(p.startswith(s.prefix) for s in shards) for p, _ in files)

    edited = corpus.articles[7]
    after = search.shards(corpus, of | {edited.file: "edited"})
    changed = [s.prefix for s, t in zip(shards, after, strict=True) if s.key != t.key]
    home = next(s.prefix for s in shards[1:] if urls.article_path(edited) in {d.path for d in s.documents()})
    assert changed == [home]  # an edit re-indexes the block holding the article only
