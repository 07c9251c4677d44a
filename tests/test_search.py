"""search: the Pagefind index is built in memory, deterministic, and indexes a
normalised, clitic-free shadow of every page (the real queries run in tests/browser)."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from interpol_site import search, urls
from tests import fixtures


@pytest.mark.parametrize("text, form", [
    ("والإنتربول", "انتربول"),   # conjunction + article + hamza: Pagefind alone misses it
    ("الأمين العام", "امين"),     # the article: "أمين" should find "الأمين"
    ("للمغرب", "مغرب"),
    ("بالنرويج", "نرويج"),
    ("مُراكِش", "مراكش"),         # diacritics
    ("٢٠٢٤", "2024"),            # Arabic-Indic digits
])
def test_shadow_holds_the_bare_forms(text, form):
    assert form in search.shadow_words(text).split()


def test_shadow_lists_each_form_once():
    words = search.shadow_words("المغرب والمغرب للمغرب").split()
    assert len(words) == len(set(words))


def test_documents_cover_articles_and_entity_pages_escaped():
    corpus = fixtures.hostile_corpus()
    docs = dict(search.documents(corpus))
    for a in corpus.articles:
        assert f"/{urls.article_path(a)}" in docs
    for a in corpus.articles:
        for c in a.countries:
            assert f"/{urls.country_path(c.code, c.en)}" in docs
    for url, page in docs.items():
        soup = BeautifulSoup(page, "html.parser")
        assert soup.find("main", attrs={"data-pagefind-body": True}), url
        assert not soup.find("script"), f"{url}: source text must stay text"


def test_bundle_is_made_in_memory_and_deterministic(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = search.search_files(fixtures.corpus())
    assert first == search.search_files(fixtures.corpus())
    assert list(tmp_path.iterdir()) == [], "Pagefind wrote to the working directory"
    paths = {p for p, _ in first}
    assert {"pagefind/pagefind-ui.js", "pagefind/pagefind-ui.css", "pagefind/pagefind.js",
            "pagefind/pagefind-entry.json"} <= paths
    assert all(p.startswith("pagefind/") and ".." not in p for p in paths)
    entry = json.loads(dict(first)["pagefind/pagefind-entry.json"])
    assert entry["languages"]["ar"]["page_count"] == len(search.documents(fixtures.corpus()))
