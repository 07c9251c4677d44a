"""URLs: transliteration, slugs, page paths, the relative-link helper, collisions."""

import posixpath
import re

import pytest

from interpol_site import urls
from interpol_site.records import Article, Person, Venue


@pytest.mark.parametrize("arabic, latin", [
    ("عبد اللطيف حموشي", "abd al-latif hamouchi"),
    ("مُحَمَّد", "mahmd"),  # tashkeel removed first: same as محمد
    ("محمد", "mahmd"),
    ("القـــاهرة", "al-qahra"),  # tatweel removed
    ("مراكش", "marakch"),
    ("وزير", "wazir"),
    ("سعيد", "said"),
    ("الدورة ٩٢", "al-doura 92"),  # Arabic-Indic digits become ASCII
    ("الدورة ۹۲", "al-doura 92"),  # and the Persian forms
    ("Jürgen Stock", "Jürgen Stock"),  # other scripts are left to slugify
    ("", ""),
])
def test_transliterate(arabic, latin):
    assert urls.transliterate(arabic) == latin


def test_transliterate_is_deterministic_and_ascii_for_arabic():
    text = "أمين عام المنظمة الدولية للشرطة الجنائية، يورغن ستوك، في غلاسكو ٢٠٢٤"
    out = urls.transliterate(text)
    assert out == urls.transliterate(text)
    assert re.fullmatch(r"[\x20-\x7e]+", out.replace("،", ","))


@pytest.mark.parametrize("text, expected", [
    ("عبد اللطيف حموشي", "abd-al-latif-hamouchi"),
    ("Norway", "norway"),
    ("Jürgen Stock", "jurgen-stock"),
    ("الدورة 92", "al-doura-92"),
])
def test_slug(text, expected):
    assert urls.slug(text) == expected


@pytest.mark.parametrize("text", ["", ".", "..", "!!!", "---", "   ", "\u064e\u0640", "🙂"])
def test_slug_is_never_empty_or_dots(text):
    s = urls.slug(text)
    assert s and s not in (".", "..")
    assert re.fullmatch(r"x-[0-9a-f]{10}", s)
    assert urls.slug(text) == s  # stable


def test_slug_fallback_hashes_the_given_source():
    assert urls.slug("..", fallback_from="a.txt") != urls.slug("..", fallback_from="b.txt")


@pytest.mark.parametrize("text", ["عبد اللطيف حموشي", "x" * 200, "سلام " * 40, "A/B\\C..D", "<script>"])
def test_slug_is_short_ascii(text):
    s = urls.slug(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s), s
    assert len(s) <= 60


def test_page_paths():
    a = Article(file="x.txt", id="2024-glasgow", title=None, body=())
    assert urls.article_path(a) == "articles/2024-glasgow/index.html"
    assert urls.country_path("NO", "Norway") == "countries/norway/index.html"
    assert urls.country_path("CI", "Côte d’Ivoire") == "countries/cote-divoire/index.html"
    assert urls.country_path("XK", "") == "countries/xk/index.html"
    assert urls.person_path(Person("يورغن ستوك", "yourghn-satouk")) == "people/yourghn-satouk/index.html"
    assert urls.venue_path(Venue("مراكش", "مراكش", "Marrakech", "marrakech")) == "venues/marrakech/index.html"
    assert urls.session_path(92) == "sessions/92/index.html"
    assert urls.index_path("countries") == "countries/index.html"
    assert urls.index_path("") == "index.html"


@pytest.mark.parametrize("here, target, link", [
    ("index.html", "countries/norway/index.html", "countries/norway/index.html"),
    ("articles/x/index.html", "countries/norway/index.html", "../../countries/norway/index.html"),
    ("articles/x/index.html", "articles/y/index.html", "../y/index.html"),
    ("countries/index.html", "countries/norway/index.html", "norway/index.html"),
    ("articles/x/index.html", "index.html", "../../index.html"),
    ("articles/x/index.html", "static/site.css", "../../static/site.css"),
    ("404.html", "feed.xml", "feed.xml"),
    # a folder means its index.html: never a bare folder link (a listing from file://)
    ("articles/x/index.html", "countries/norway/", "../../countries/norway/index.html"),
    ("articles/x/index.html", "", "../../index.html"),
    # fragments are kept; a fragment of the page itself is just the fragment
    ("articles/x/index.html", "articles/y/index.html#p-3", "../y/index.html#p-3"),
    ("articles/x/index.html", "articles/x/index.html#p-3", "#p-3"),
])
def test_relative(here, target, link):
    assert urls.relative(here, target) == link


PATHS = ["index.html", "404.html", "timeline/index.html", "articles/a/index.html",
         "countries/norway/index.html", "people/x/index.html", "sessions/92/index.html",
         "static/site.css", "a/b/c/d/index.html"]


@pytest.mark.parametrize("here", PATHS)
@pytest.mark.parametrize("target", PATHS)
def test_relative_links_resolve_back_to_the_target(here, target):
    link = urls.relative(here, target)
    assert not link.startswith("/") and not link.endswith("/")
    assert "://" not in link
    assert posixpath.normpath(posixpath.join(posixpath.dirname(here), link)) == target


def test_absolute():
    base = "https://example.org/archive/"
    assert urls.absolute(base, "index.html") == "https://example.org/archive/"
    assert urls.absolute(base, "countries/norway/index.html") == "https://example.org/archive/countries/norway/"
    assert urls.absolute(base, "feed.xml") == "https://example.org/archive/feed.xml"
    assert urls.absolute("https://example.org", "feed.xml") == "https://example.org/feed.xml"


def test_find_collisions_reports_every_clash_at_once():
    clashes = urls.find_collisions([
        ("articles/a/index.html", "one.txt"),
        ("articles/b/index.html", "two.txt"),
        ("articles/a/index.html", "three.txt"),
        ("people/x/index.html", "person 'س'"),
        ("people/X/index.html", "person 'ص'"),  # one file on a case-insensitive disk
        ("articles/c/index.html", "four.txt"),
    ])
    assert clashes == [
        "articles/a/index.html: one.txt, three.txt",
        "people/X/index.html = people/x/index.html: person 'س', person 'ص'",
    ]


def test_find_collisions_none():
    assert urls.find_collisions([("a/index.html", "a"), ("b/index.html", "b")]) == []
