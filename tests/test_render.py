"""Rendering: golden files for a tiny corpus, structure of the seeds site, escaping,
determinism. Regenerate the golden files with ``python -m tests.regen_golden``."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from interpol_site.pipeline import extract_corpus
from interpol_site.render import render_site
from interpol_site.settings import Settings
from tests import regen_golden

ROOT = Path(__file__).resolve().parents[1]


def test_golden_site_is_unchanged():
    got = regen_golden.render()
    want = {p.relative_to(regen_golden.SITE).as_posix(): p.read_bytes()
            for p in regen_golden.SITE.rglob("*") if p.is_file()}
    assert sorted(got) == sorted(want), "pages added or removed: run python -m tests.regen_golden"
    for rel in sorted(got):
        assert got[rel] == want[rel], f"{rel} differs: run python -m tests.regen_golden and review the diff"


def pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_expected_page_exists(built_site):
    expected = ["index.html", "timeline/index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt",
                "countries/index.html", "people/index.html", "venues/index.html", "sessions/index.html",
                "countries/norway/index.html", "countries/morocco/index.html", "venues/glasgow/index.html",
                "venues/marrakech/index.html", "sessions/92/index.html", "sessions/93/index.html",
                "static/site.css", ".interpol-site"]
    for rel in expected:
        assert (built_site / rel).is_file(), rel
    assert len(list((built_site / "articles").glob("*/index.html"))) == 5
    assert len(list((built_site / "people").glob("*/index.html"))) == 5


def test_pages_are_rtl_with_one_h1_and_links_resolve(built_site):
    for path, soup in pages(built_site):
        html = soup.find("html")
        assert html["lang"] == "ar" and html["dir"] == "rtl", path
        assert len(soup.find_all("h1")) == 1, path
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr)
                if not url or url.startswith(("https://", "http://", "#", "mailto:")):
                    continue
                assert not url.startswith("/"), f"{path}: absolute link {url}"
                target = (path.parent / url.split("#")[0]).resolve()
                assert target.is_file(), f"{path}: broken link {url}"
                assert not url.endswith("/"), f"{path}: folder link {url} shows a listing from file://"


def test_article_facts_panel_links_entities_and_evidence(built_site):
    [path] = [p for p in (built_site / "articles").glob("*/index.html") if "000-" in str(p)]
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    aside = soup.find("aside", class_="facts")
    hrefs = [a["href"] for a in aside.find_all("a")]
    assert "../../sessions/92/index.html" in hrefs
    assert "../../venues/glasgow/index.html" in hrefs
    assert "../../countries/norway/index.html" in hrefs
    # every evidence anchor points at a highlighted span in the text
    for href in (h for h in hrefs if h.startswith("#")):
        assert soup.find(id=href[1:]) is not None, href
    assert soup.find("time")["datetime"] == "2024-11-04"


def test_inferred_facts_say_where_they_came_from(built_site):
    [path] = [p for p in (built_site / "articles").glob("*/index.html") if "002-" in str(p)]
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    notes = soup.select("aside .note a")
    assert notes
    for a in notes:
        assert (path.parent / a["href"]).resolve().parent.parent.name == "articles"
    assert "عنوان مولَّد" in soup.find("h1").get_text()


def test_source_text_is_escaped(tmp_path):
    (tmp_path / "x.txt").write_text(
        "<script>alert(1)</script> عنوان {{ 7*7 }} {% raw %}\n"
        "وأكد المسؤول أن التعاون الأمني الدولي ضروري <img src=x onerror=alert(1)> لمواجهة الجريمة المنظمة.\n",
        encoding="utf-8")
    corpus, _ = extract_corpus(tmp_path)
    files = dict(render_site(corpus, Settings()))
    page = next(v for k, v in files.items() if k.startswith("articles/")).decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert "{{ 7*7 }}" in page and " 49 " not in page
    assert "{% raw %}" in page


def test_two_renders_are_byte_identical():
    assert regen_golden.render() == regen_golden.render()


@pytest.mark.parametrize("digits, expect", [("latn", "2023"), ("arab", "٢٠٢٣")])
def test_digit_setting(digits, expect):
    corpus, _ = extract_corpus(regen_golden.CORPUS)
    home = dict(render_site(corpus, Settings(digits=digits)))["index.html"].decode()
    assert expect in home
