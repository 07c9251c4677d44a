"""Rendering: golden files, structure, links, facts panel, escaping, determinism.

Golden files: ``tests/golden/`` holds the site rendered from the hand-made corpus in
``tests/fixtures.py``. After an intended change to templates, CSS-facing markup or the
renderer, regenerate them with one command and review the diff:

    python -m tests.regen_golden && git diff tests/golden

Structural checks (BeautifulSoup) pin what a golden file should not carry alone; the
last tests build the seed articles end to end (``built_site`` in conftest.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from interpol_site.errors import BuildError
from interpol_site.opendata import FILES, schema_path
from interpol_site.render import render_site, sort_key
from interpol_site.settings import Settings
from tests import fixtures, regen_golden

ROOT = Path(__file__).resolve().parents[1]
STATIC = {f"static/{p.relative_to(ROOT / 'static').as_posix()}" for p in (ROOT / "static").rglob("*")
          if p.is_file()}
ATOM = "{http://www.w3.org/2005/Atom}"


def render(corpus=None, settings: Settings = fixtures.SETTINGS, **kw) -> dict[str, bytes]:
    return dict(render_site(corpus or fixtures.corpus(), settings, fixtures.BUILD_DATE, **kw))


@pytest.fixture(scope="module")
def site() -> dict[str, bytes]:
    return render()


@pytest.fixture(scope="module")
def soups(site) -> dict[str, BeautifulSoup]:
    return {p: BeautifulSoup(b.decode("utf-8"), "html.parser") for p, b in site.items() if p.endswith(".html")}


def jsonld(soup: BeautifulSoup) -> dict:
    [script] = soup.find_all("script", type="application/ld+json")
    return json.loads(script.string)


# --------------------------------------------------------------------------- golden files


def test_golden_site_is_unchanged(site):
    want = {p.relative_to(regen_golden.GOLDEN).as_posix(): p.read_bytes()
            for p in regen_golden.GOLDEN.rglob("*") if p.is_file()}
    assert sorted(site) == sorted(want), "pages added or removed: run python -m tests.regen_golden"
    for rel in sorted(site):
        assert site[rel] == want[rel], f"{rel} differs: run python -m tests.regen_golden and review the diff"


def test_two_renders_are_byte_identical(site):
    assert render() == site


def test_render_does_not_depend_on_article_order(site):
    corpus = fixtures.corpus()
    shuffled = dataclasses.replace(corpus, articles=tuple(reversed(corpus.articles)),
                                   sessions=tuple(reversed(corpus.sessions)))
    assert render(shuffled) == site


def test_output_is_sorted_by_path():
    files = render_site(fixtures.corpus(), fixtures.SETTINGS, fixtures.BUILD_DATE)
    assert [p for p, _ in files] == sorted(p for p, _ in files)


# --------------------------------------------------------------------------- every page


def test_expected_pages(site):
    for rel in ["index.html", "timeline/index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt",
                "countries/index.html", "people/index.html", "venues/index.html", "sessions/index.html",
                "countries/norway/index.html", "countries/morocco/index.html",
                "people/abd-al-latif-hamouchi/index.html", "venues/glasgow/index.html",
                "venues/marrakech/index.html", "sessions/91/index.html", "sessions/92/index.html",
                "sessions/93/index.html", "articles/2024-untitled/index.html"]:
        assert rel in site, rel


def test_every_page_is_rtl_arabic_with_one_h1(soups):
    for path, soup in soups.items():
        html = soup.find("html")
        assert html["lang"] == "ar" and html["dir"] == "rtl", path
        assert soup.find("meta", charset=True)["charset"] == "utf-8", path
        assert soup.find("meta", attrs={"name": "viewport"}), path
        assert soup.title and soup.title.get_text().strip(), path
        assert len(soup.find_all("h1")) == 1, path
        assert soup.find("main", id="main") and soup.find("a", href="#main"), path


def test_javascript_only_on_the_search_page(soups):
    for path, soup in soups.items():
        scripts = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
        if path == "search/index.html":
            assert {s["src"] for s in scripts} == {"../static/search.js"}
            assert all(s.has_attr("defer") for s in scripts)
            assert soup.find("noscript").get_text(strip=True), "the page says search needs JavaScript"
            assert soup.find("form", id="search").has_attr("hidden"), "the form shows only with JavaScript"
        else:
            assert scripts == [], path
        for link in soup.find_all("link", rel="stylesheet"):
            assert "search.css" not in link["href"] or path == "search/index.html", path


def _targets(path: str, url: str) -> tuple[str, str]:
    target, _, fragment = url.partition("#")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) if target else path
    return resolved, fragment


def test_every_internal_link_is_relative_and_resolves(site, soups):
    from interpol_site.opendata import open_data
    from interpol_site.search import search_files

    corpus = fixtures.corpus()
    beside = dict(open_data(corpus, fixtures.SETTINGS.title)) | dict(search_files(corpus))  # other stages
    assert BESIDE <= set(beside)
    check_links(site | beside, soups)
    form = soups["search/index.html"].find("form", id="search")  # where search.js finds the index
    for block in form["data-blocks"].split():
        assert _targets("search/index.html", f"{form['data-index']}{block}/meta.js")[0] in beside, block
    assert _targets("search/index.html", form["data-root"] + "index.html")[0] == "index.html"


#: What the other stages (open data, search) put beside the rendered pages.
BESIDE = {*FILES, *(schema_path(f) for f in FILES), "search/index/e/meta.js", "search/index/0/meta.js"}


def check_links(site: dict[str, bytes], soups: dict[str, BeautifulSoup]) -> None:
    files = set(site) | STATIC | BESIDE
    for path, soup in soups.items():
        if path == "404.html":
            continue  # served at any path: absolute links with a base URL (below)
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr)
                if url is None or "canonical" in el.get("rel", []) or url.startswith("data:"):
                    continue  # the canonical URL is absolute by definition; data: makes no request
                assert not re.match(r"^[a-z]+:|^/", url), f"{path}: not relative: {url}"
                assert not url.split("#")[0].endswith("/"), f"{path}: folder link {url}"
                target, fragment = _targets(path, url)
                assert target in files, f"{path}: broken link {url}"
                if fragment:
                    assert soups[target].find(id=fragment), f"{path}: no #{fragment} in {target}"


def parse(site: dict[str, bytes]) -> dict[str, BeautifulSoup]:
    return {p: BeautifulSoup(b.decode("utf-8"), "html.parser") for p, b in site.items() if p.endswith(".html")}


def test_long_lists_are_paginated():
    site = render(settings=Settings(per_page=1, base_url="https://example.org/archive/"))
    soups = parse(site)
    check_links(site, soups)
    morocco = [p for p in site if p.startswith("countries/morocco/") and p.endswith(".html")]
    assert morocco == ["countries/morocco/2/index.html", "countries/morocco/3/index.html",
                       "countries/morocco/4/index.html", "countries/morocco/index.html"]
    second = soups["countries/morocco/2/index.html"]
    assert second.find("nav", class_="pager-pages").find(attrs={"aria-current": "page"}).get_text() == "الصفحة 2 من 4"
    links = {a.get_text(): a["href"] for a in second.select(".pager-pages a")}
    assert links == {"الأولى": "../index.html", "السابقة": "../index.html", "التالية": "../3/index.html",
                     "الأخيرة": "../4/index.html"}
    assert len(second.select(".cards .card")) == 1 and second.find("aside") is None
    assert second.find("link", rel="canonical")["href"] == "https://example.org/archive/countries/morocco/2/"
    # a session page keeps its before/during/after headings on every page
    sections = soups["sessions/92/2/index.html"].select(".entity-main section")
    assert [s.h2.get_text() for s in sections] == ["خلال الدورة"]


def test_a_long_timeline_is_split_by_year(monkeypatch):
    from interpol_site import render as render_module

    monkeypatch.setattr(render_module, "TIMELINE_SPLIT", 2)
    site = render()
    soups = parse(site)
    check_links(site, soups)
    assert {"timeline/2023/index.html", "timeline/2024/index.html"} <= set(site)
    overview = soups["timeline/index.html"]
    assert overview.find("section", class_="year") is None
    assert [a["href"] for a in overview.select("nav.years a")] == ["2023/index.html", "2024/index.html"]
    # its picture: a bar per month, each linked to that month on its year's page
    chart = overview.select_one("svg.timeline-chart")
    assert chart.find("circle") is None and "عمود" in overview.find("figcaption").get_text()
    bars = [a for a in chart.find_all("a") if a.find("rect", class_="bar")]
    with_articles = {f"{page.removeprefix('timeline/')}#{h3['id']}": len(h3.find_next("ol").select(".card"))
                     for page, soup in soups.items() if page.startswith("timeline/2")
                     for h3 in soup.select("section.year h3") if h3.find_next("ol").select(".card")}
    assert {a["href"] for a in bars} == set(with_articles) and len(bars) == len(with_articles)
    tallest = max(with_articles.values())
    for a in bars:
        rect = a.find("rect")
        assert float(rect["height"]) == max(2.0, round(120 * with_articles[a["href"]] / tallest, 1)), a["href"]
    year = soups["timeline/2024/index.html"]
    assert year.find("h1").get_text() == "الخط الزمني: 2024"
    assert [s.h2.get_text() for s in year.select("section.year")] == ["2024"]
    assert year.select_one("nav.years [aria-current]").get_text(" ", strip=True).startswith("2024")


def test_seen_with_lists_are_capped(monkeypatch):
    from interpol_site import render as render_module

    monkeypatch.setattr(render_module, "SEEN_LIMIT", 1)
    soup = parse(render())["people/abd-al-latif-hamouchi/index.html"]
    items = [li.get_text(" ", strip=True) for li in soup.select("#with-countries ~ ul li")]
    assert items == ["المغرب Morocco مقالان", "و1 غيرها"]


def test_links_are_relative_without_base_url():
    for path, data in render(settings=Settings()).items():
        if path.endswith(".html"):
            assert "https://example.org" not in data.decode(), path


def test_no_duplicate_ids(soups):
    for path, soup in soups.items():
        ids = [el["id"] for el in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), path


# --------------------------------------------------------------------------- article page


def article(soups, name: str) -> BeautifulSoup:
    return soups[f"articles/{name}/index.html"]


def test_article_layout_and_metadata(soups):
    soup = article(soups, "2024-glasgow-opening")
    assert soup.find("h1").get_text() == "انطلاق أشغال الدورة 92 للجمعية العامة للإنتربول في غلاسكو"
    assert soup.find("time")["datetime"] == "2024-11-04"
    assert soup.find("time").get_text() == "4 نونبر 2024"  # Maghrebi month names by default
    meta = soup.find("p", class_="meta").get_text()
    assert "Hespress" in meta and "سعيد الإدريسي" in meta
    assert [p["id"] for p in soup.select(".body p")] == ["p-1", "p-2", "p-3"]
    assert soup.find("link", rel="canonical")["href"] == "https://example.org/archive/articles/2024-glasgow-opening/"
    assert soup.find("meta", property="og:type")["content"] == "article"
    data = jsonld(soup)
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2024-11-04"
    assert data["about"]["@type"] == "Event" and data["about"]["startDate"] == "2024-11-04"


def test_facts_panel_links_every_entity_and_its_evidence(soups):
    soup = article(soups, "2024-glasgow-opening")
    aside = soup.find("aside", class_="facts")
    hrefs = [a["href"] for a in aside.find_all("a")]
    for entity in ("../../sessions/92/index.html", "../../venues/glasgow/index.html",
                   "../../countries/norway/index.html", "../../countries/morocco/index.html",
                   "../../people/abd-al-latif-hamouchi/index.html"):
        assert entity in hrefs, entity
    anchors = [h for h in hrefs if h.startswith("#")]
    assert {"#title", "#byline", "#p-1", "#p-2"} <= set(anchors)
    for href in anchors:
        assert soup.find(id=href[1:]) is not None, href
    # each quoted span is highlighted in the paragraph it points at
    for a in aside.select(".quotes a"):
        quoted = a.get_text().split("»")[0].lstrip("«")
        target = soup.find(id=a["href"][1:])
        assert quoted in [m.get_text() for m in target.find_all("mark")], (quoted, a["href"])


def test_inferred_fact_says_where_it_came_from(soups):
    soup = article(soups, "2024-untitled")
    [person] = [li for li in soup.select("aside .fact") if "حموشي" in li.get_text()]
    assert "inferred" in person["class"]
    provenance = person.find(class_="provenance")
    assert provenance.get_text().startswith("مستنتج من")
    assert provenance.a["href"] == "../2024-glasgow-opening/index.html"
    # the inferred session of another article, with no span here, still names its source
    other = article(soups, "2024-delegation")
    [session] = [li for li in other.select("aside .fact") if "الدورة 92" in li.get_text()]
    assert "مستنتج من" in session.get_text() and session.find(class_="provenance").a


def test_editorial_facts_are_marked(soups):
    soup = article(soups, "2024-untitled")
    editorial = [li for li in soup.select("aside .fact") if "editorial" in li["class"]]
    assert {li.find(class_="fact-name").a.get_text() for li in editorial} == {"المغرب", "النرويج"}
    assert all("من تصحيح المحرر" in li.get_text() for li in editorial)


def test_generated_title_is_marked(soups):
    h1 = article(soups, "2024-untitled").find("h1")
    assert h1.get_text().startswith("اختتمت الجمعية العامة للإنتربول")
    assert h1.find(class_="badge").get_text() == "عنوان مولَّد"
    assert "…" in h1.get_text()


def test_latin_names_are_isolated(soups):
    soup = article(soups, "2024-glasgow-opening")
    assert soup.find("bdi", string="Hespress")
    assert soup.find("bdi", lang="en", string="Norway")["dir"] == "ltr"


# --------------------------------------------------------------------------- entity pages


def test_country_index_is_in_arabic_alphabetical_order_with_counts(soups):
    soup = soups["countries/index.html"]
    names = [a.get_text() for a in soup.select("ul.index li > a")]
    assert names == ["إسبانيا", "السنغال", "المغرب", "النرويج", "النمسا"]
    [morocco] = [li for li in soup.select("ul.index li") if "المغرب" in li.get_text()]
    assert morocco.find(class_="count").get_text() == "4 مقالات"
    assert [h.get_text() for h in soup.select("section.letter h2")] == ["ا", "س", "م", "ن"]


def test_sort_key():
    names = ["النمسا", "ألمانيا", "المغرب", "إسبانيا", "Austria", "اليابان", "تركيا"]
    assert sorted(names, key=sort_key) == ["إسبانيا", "ألمانيا", "تركيا", "المغرب", "النمسا", "اليابان", "Austria"]


def test_country_page(soups):
    soup = soups["countries/norway/index.html"]
    assert soup.find("h1").get_text() == "النرويج Norway"
    cards = [a["href"] for a in soup.select(".cards .card-title")]
    assert cards == ["../../articles/2024-glasgow-opening/index.html", "../../articles/2024-untitled/index.html"]
    related = soup.find("aside", class_="related").get_text()
    assert "عبد اللطيف حموشي" in related and "الدورة 92" in related
    data = jsonld(soup)
    assert data["@type"] == "Country" and data["identifier"] == "NO"


def test_person_page(soups):
    soup = soups["people/yourghn-satouk/index.html"]
    assert soup.find(class_="roles").get_text() == "الأمين العام للإنتربول"
    assert "ستوك" in soup.get_text()
    assert jsonld(soup)["@type"] == "Person"


def test_venue_page_lists_its_sessions(soups):
    soup = soups["venues/marrakech/index.html"]
    assert [a.get_text() for a in soup.select(".sessions .session-name")] == ["الدورة 93"]
    assert soup.find(class_="roles").a["href"] == "../../countries/morocco/index.html"
    assert jsonld(soup)["@type"] == "City"


def test_session_page(soups):
    soup = soups["sessions/92/index.html"]
    facts = soup.find("dl", class_="session-facts").get_text()
    assert "غلاسكو" in facts and "4–7 نونبر 2024" in facts
    groups = [s.h2.get_text() for s in soup.select(".entity-main section")]
    assert groups == ["قبل الدورة", "خلال الدورة", "بعد الدورة"]
    data = jsonld(soup)
    assert data["@type"] == "Event" and data["startDate"] == "2024-11-04" and data["endDate"] == "2024-11-07"
    assert data["location"]["name"] == "غلاسكو"


def test_session_without_articles_or_dates(soups):
    soup = soups["sessions/93/index.html"]
    assert "غير مذكور" in soup.find("dl").get_text()
    assert "لا مقالات" in soup.get_text()


# --------------------------------------------------------------------------- timeline and home


def test_timeline_groups_by_year_and_month_and_marks_sessions(soups):
    soup = soups["timeline/index.html"]
    years = soup.select("section.year")
    assert [y.h2.get_text() for y in years] == ["2023", "2024"]
    assert [h.get_text() for h in years[1].find_all("h3")] == ["أكتوبر 2024", "نونبر 2024"]
    november = years[1].find_all("ol")[1]
    rows = [(li["class"][-1], li.get_text(" ", strip=True)[:30]) for li in november.find_all("li", recursive=False)]
    assert [k for k, _ in rows] == ["start", "during", "end", "after"]
    assert "4–7 نونبر 2024" in november.find("li", class_="start").get_text()
    assert "before" in years[1].find_all("ol")[0].li["class"]


def test_a_split_timeline_makes_the_pages_it_announces(monkeypatch):
    """site_jobs lists the timeline's paths before the pages are made (in a worker)."""
    from interpol_site import render as render_mod

    monkeypatch.setattr(render_mod, "TIMELINE_SPLIT", 1)
    site = render_mod.Site(fixtures.corpus(), fixtures.SETTINGS, fixtures.BUILD_DATE)
    made = [path for path, _ in render_mod.timeline_pages(site)]
    assert render_mod.timeline_paths(site) == made
    assert made[0] == "timeline/index.html" and made[1:] == ["timeline/2023/index.html", "timeline/2024/index.html"]
    pages = render()
    assert {"timeline/2023/index.html", "timeline/2024/index.html"} <= set(pages)


def test_home_page(soups):
    soup = soups["index.html"]
    stats = [li.get_text(" ", strip=True) for li in soup.select(".stats li")]
    assert stats == ["4 مقالات", "3 دورات", "5 دول", "3 أشخاص", "3 مدن"]
    latest = [a["href"] for a in soup.select("#latest-title ~ .cards .card-title")]
    assert latest[0] == "articles/2024-untitled/index.html"
    assert jsonld(soup)["@type"] == "WebSite"


# --------------------------------------------------------------------------- settings


def test_digits_setting(site):
    home = render(settings=Settings(digits="arab"))["index.html"].decode()
    assert "٢٠٢٤" in home and "نونبر ٢٠٢٤" in home
    soup = BeautifulSoup(home, "html.parser")
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", t["datetime"]) for t in soup.find_all("time"))
    assert not any(re.search(r"[0-9]", t.get_text()) for t in soup.find_all("time"))


@pytest.mark.parametrize("style, month", [("maghrebi", "نونبر"), ("generic", "نوفمبر"), ("levantine", "تشرين الثاني")])
def test_month_style(style, month):
    page = render(settings=Settings(month_style=style))["articles/2024-glasgow-opening/index.html"].decode()
    assert f"4 {month} 2024" in page


def test_templates_folder_can_be_overridden(tmp_path):
    for p in (ROOT / "templates").iterdir():
        (tmp_path / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")
    assert render(templates=tmp_path)["robots.txt"] == b"User-agent: *\nDisallow: /\n"


# --------------------------------------------------------------------------- hostile text


def test_hostile_text_is_escaped():
    files = render(fixtures.hostile_corpus())
    page = files["articles/2024-glasgow-opening/index.html"].decode()
    soup = BeautifulSoup(page, "html.parser")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "<b>x</b>" not in page
    assert "{{ 7*7 }}" in page and "49" not in page and "{% raw %}" in page
    assert soup.find("h1").get_text().startswith(fixtures.HOSTILE_TITLE)
    assert soup.find(id="p-1").get_text() == fixtures.HOSTILE_BODY  # no injected paragraph
    # JSON-LD cannot close its <script>: < > & are JSON escapes, and it still parses
    [script] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert "<" not in script and ">" not in script and "&" not in script
    assert json.loads(script)["author"]["name"] == fixtures.HOSTILE_NAME
    assert len(soup.find_all("script")) == 1
    for path, data in files.items():
        text = data.decode()
        assert "<script>alert" not in text and "</script><script>" not in text, path
    ET.fromstring(files["feed.xml"])  # still well-formed XML


# --------------------------------------------------------------------------- collisions


def test_two_pages_on_one_path_stop_the_build_and_name_every_source():
    corpus = fixtures.corpus()
    a, b, c, d = corpus.articles
    clash = dataclasses.replace(corpus, articles=(a, b.replace(id=a.id), c, d.replace(id=c.id)))
    with pytest.raises(BuildError) as err:
        render(clash)
    message = str(err.value)
    assert "2 output path(s) claimed twice" in message
    assert a.file in message and b.file in message and c.file in message and d.file in message


def test_two_people_with_one_slug_collide():
    corpus = fixtures.corpus()
    [a] = [x for x in corpus.articles if x.id == "2024-glasgow-opening"]
    twin = dataclasses.replace(a.people[0], name="عبد اللطيف حموش")  # another name, same slug
    articles = tuple(x.replace(people=x.people + (twin,)) if x is a else x for x in corpus.articles)
    with pytest.raises(BuildError, match="people/abd-al-latif-hamouchi/index.html: person 'عبد اللطيف حموش'"):
        render(dataclasses.replace(corpus, articles=articles))


# --------------------------------------------------------------------------- feed, sitemap, robots, 404


def test_atom_feed_with_base_url(site):
    feed = ET.fromstring(site["feed.xml"])
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}id").text == "https://example.org/archive/"
    assert feed.find(f"{ATOM}updated").text == "2025-01-01T00:00:00Z"  # the build date
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 4
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == "https://example.org/archive/articles/2024-untitled/"
    for e in entries:
        for child in ("id", "title", "updated", "summary"):
            assert (e.find(f"{ATOM}{child}").text or "").strip(), child


def test_atom_feed_without_base_url_uses_tag_uris():
    feed = ET.fromstring(render(settings=Settings())["feed.xml"])
    assert feed.find(f"{ATOM}id").text.startswith("tag:")
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}id").text == "tag:interpol-site.invalid,2024:articles/2024-untitled"
    assert entry.find(f"{ATOM}link").get("href") == "articles/2024-untitled/index.html"


def test_each_country_and_person_has_its_own_feed(site, soups):
    corpus = fixtures.corpus()
    for path in [p for p in site if p.startswith(("countries/", "people/")) and p.endswith("/index.html")
                 and p.count("/") == 2]:
        feed_path = path.replace("index.html", "feed.xml")
        feed = ET.fromstring(site[feed_path])
        page = soups[path]
        assert page.find("link", rel="alternate", href="feed.xml"), path
        name = page.h1.find(string=True, recursive=False).strip()
        assert feed.find(f"{ATOM}title").text.startswith(name)
        linked = {e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")}
        naming = {f"https://example.org/archive/articles/{a.id}/" for a in corpus.articles
                  if name in {c.ar_canonical for c in a.countries} | {p.name for p in a.people}}
        assert linked == naming, feed_path
    bare = render(settings=Settings())
    norway = ET.fromstring(bare["countries/norway/feed.xml"])
    href = norway.find(f"{ATOM}entry").find(f"{ATOM}link").get("href")
    assert href.startswith("../../articles/") and href.endswith("/index.html")  # relative to the feed


def test_person_and_country_pages_quote_the_sentences_naming_them(site, soups):
    corpus = fixtures.corpus()
    page = soups["people/abd-al-latif-hamouchi/index.html"]
    quotes = page.select(".mentions li")
    assert quotes, "the sentences naming the person are quoted"
    for li in quotes:
        assert li.find("mark").get_text() in {"عبد اللطيف حموشي", "حموشي"}
        target, fragment = _targets("people/abd-al-latif-hamouchi/index.html", li.find("a")["href"])
        paragraph = soups[target].find(id=fragment).get_text(" ", strip=True)
        assert li.q.get_text().split("،")[0][:20] in paragraph  # the quote comes from that paragraph
    norway = soups["countries/norway/index.html"].select(".mentions mark")
    assert {m.get_text() for m in norway} <= {"النرويج", "النرويجي", "النرويجية", "والنرويج"}
    assert len(norway) >= 1 and len(norway) <= sum(1 for a in corpus.articles for c in a.countries
                                                   for e in c.evidence if c.code == "NO")


def test_mentions_over_time_chart_only_when_it_helps(soups):
    charts = {p for p, soup in soups.items() if soup.find("svg", class_="mini-chart")}
    assert "countries/morocco/index.html" in charts  # articles in 2023 and 2024
    for path in charts:
        svg = soups[path].find("svg", class_="mini-chart")
        assert svg["role"] == "img" and svg.find("title").get_text(strip=True)
    assert "people/yourghn-satouk/index.html" not in charts  # a single article


def test_without_search_there_is_no_search_page_or_link():
    site = render(settings=Settings(search=False))
    assert "search/index.html" not in site
    assert not any(b"search/index.html" in body for path, body in site.items() if path.endswith(".html"))
    soups = parse(site)
    check_links(site, soups)


def test_feed_date_without_build_date_is_the_newest_article():
    files = dict(render_site(fixtures.corpus(), fixtures.SETTINGS))
    assert ET.fromstring(files["feed.xml"]).find(f"{ATOM}updated").text == "2024-11-09T00:00:00Z"


def test_sitemap_and_robots(site):
    sitemap = ET.fromstring(site["sitemap.xml"])
    locs = [u.text for u in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.org/archive/" in locs
    assert "https://example.org/archive/countries/norway/" in locs
    assert len(locs) == sum(1 for p in site if p.endswith(".html")) - 1  # all but 404.html
    assert b"Sitemap: https://example.org/archive/sitemap.xml" in site["robots.txt"]
    bare = render(settings=Settings())
    assert b"<loc>" not in bare["sitemap.xml"] and b"Sitemap:" not in bare["robots.txt"]
    ET.fromstring(bare["sitemap.xml"])


def test_not_found_page_works_at_any_path(soups):
    soup = soups["404.html"]
    assert soup.find("link", rel="stylesheet") is None and soup.find("style").string.strip()
    hrefs = [a["href"] for a in soup.select("main a")]
    assert hrefs and all(h.startswith("https://example.org/archive/") for h in hrefs)


# --------------------------------------------------------------------------- the seeds, end to end


def built_pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_seeds_site_has_every_expected_page(built_site):
    for rel in ["index.html", "timeline/index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt",
                "countries/index.html", "people/index.html", "venues/index.html", "sessions/index.html",
                "countries/norway/index.html", "countries/morocco/index.html", "venues/glasgow/index.html",
                "venues/marrakech/index.html", "sessions/92/index.html", "sessions/93/index.html",
                "static/site.css"]:
        assert (built_site / rel).is_file(), rel
    assert len(list((built_site / "articles").glob("*/index.html"))) == 5


def test_seeds_pages_are_rtl_with_one_h1_and_links_resolve(built_site):
    for path, soup in built_pages(built_site):
        html = soup.find("html")
        assert html["lang"] == "ar" and html["dir"] == "rtl", path
        assert len(soup.find_all("h1")) == 1, path
        if path.name == "404.html":
            continue
        for tag, attr in (("a", "href"), ("link", "href"), ("img", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr)
                if not url or url.startswith(("#", "data:")) or "canonical" in el.get("rel", []):
                    continue
                assert not re.match(r"^[a-z]+:|^/", url), f"{path}: not relative: {url}"
                target = (path.parent / url.split("#")[0]).resolve()
                assert target.is_file(), f"{path}: broken link {url}"


def test_seeds_facts_panel_links(built_site):
    [path] = [p for p in (built_site / "articles").glob("*/index.html") if "000-" in str(p)]
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in soup.find("aside", class_="facts").find_all("a")]
    assert "../../sessions/92/index.html" in hrefs
    assert "../../venues/glasgow/index.html" in hrefs
    assert "../../countries/norway/index.html" in hrefs
    for href in (h for h in hrefs if h.startswith("#")):
        assert soup.find(id=href[1:]) is not None, href
    assert soup.find("time")["datetime"] == dt.date(2024, 11, 4).isoformat()
