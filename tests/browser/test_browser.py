"""Real-browser tests: Playwright driving Debian's Chromium over HTTP and file://.

Marked ``browser``. Skipped with a reason when Chromium is missing, except under
CI=true, where a missing browser is a failure (CI installs it). Screenshots of each page
kind at phone and desktop widths are written to ``tests/browser/screenshots/``.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (CI must install Debian's chromium)")
        pytest.skip("chromium is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(built_site):
    with _serve(built_site) as url:
        yield url


def _page(browser, width=1280, height=900):
    ctx = browser.new_context(viewport={"width": width, "height": height})
    external: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "file://", "data:")):
            route.continue_()
        else:
            external.append(url)
            route.abort()

    ctx.route("**/*", guard)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return ctx, page, errors, external


def _axe(page) -> list[str]:
    import axe_playwright_python

    src = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    page.evaluate(src)
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}, resultTypes: ['violations']})"
    )
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in result["violations"]]


def _follow(page, selector: str) -> None:
    link = page.locator(selector).first
    assert link.count() == 1, f"no link matches {selector} on {page.url}"
    link.click()
    page.wait_for_load_state()


def test_navigate_over_http_with_rtl_and_no_axe_violations(browser, server):
    SHOTS.mkdir(exist_ok=True)
    ctx, page, errors, external = _page(browser)
    page.goto(server)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang").startswith("ar")
    assert _axe(page) == []
    page.screenshot(path=str(SHOTS / "home-desktop.png"), full_page=True)

    _follow(page, "a[href*='articles/']")
    assert "/articles/" in page.url
    assert page.locator("h1").count() == 1
    assert _axe(page) == []
    # RTL: the facts panel sits on the inline-end side, i.e. to the left of the text
    main_box = page.locator("article").first.bounding_box()
    facts_box = page.locator("aside").first.bounding_box()
    assert facts_box["x"] + facts_box["width"] <= main_box["x"] + 1, (facts_box, main_box)
    page.screenshot(path=str(SHOTS / "article-desktop.png"), full_page=True)

    _follow(page, "aside a[href*='countries/']")
    assert "/countries/" in page.url and page.locator("h1").count() == 1
    assert _axe(page) == []
    page.screenshot(path=str(SHOTS / "country-desktop.png"), full_page=True)

    page.goto(server)
    _follow(page, "a[href*='sessions/']")
    assert "/sessions/" in page.url
    assert _axe(page) == []
    assert errors == [] and external == []
    ctx.close()


def test_phone_width_has_no_horizontal_scroll(browser, server):
    SHOTS.mkdir(exist_ok=True)
    ctx, page, errors, _ = _page(browser, 390, 844)
    for name, path in [("home", ""), ("timeline", "timeline/index.html"), ("countries", "countries/index.html")]:
        page.goto(server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 391, f"{name} overflows at 390 px: {width}"
        page.screenshot(path=str(SHOTS / f"{name}-phone.png"), full_page=True)
    page.goto(server)
    _follow(page, "a[href*='articles/']")
    assert _axe(page) == []
    page.screenshot(path=str(SHOTS / "article-phone.png"), full_page=True)
    assert errors == []
    ctx.close()


def test_file_url_navigation(browser, built_site):
    ctx, page, errors, external = _page(browser)
    page.goto((built_site / "index.html").as_uri())
    _follow(page, "a[href*='articles/']")
    assert page.url.startswith("file://") and page.url.endswith(".html")
    assert page.locator("h1").count() == 1
    _follow(page, "aside a[href*='countries/']")
    assert page.url.endswith("index.html") and page.locator("h1").count() == 1
    assert external == [] and errors == []
    ctx.close()


def _expected(built_site, keep) -> set[str]:
    """Article URLs whose extracted record satisfies ``keep`` (from the site's own open data)."""
    import json

    records = json.loads((built_site / "data" / "records.json").read_text(encoding="utf-8"))
    return {f"articles/{r['id']}/index.html" for r in records if keep(r)}


def _results(page, query: str) -> list[tuple[str, str, bool]]:
    """Type ``query``, show every result ("more results" until there are no more) and
    return (path from the site's root, excerpt text, excerpt has a <mark>) of each."""
    page.fill("#search-input", query)
    page.wait_for_function(
        "q => { const s = document.getElementById('search-status').textContent;"
        " return s.includes('«' + q + '»') && !s.startsWith('جار')"
        " && document.getElementById('search-results').getAttribute('aria-busy') === 'false'; }",
        arg=query, timeout=10_000)
    more = page.locator(".search-more")
    while more.is_visible():
        more.click()
        page.wait_for_function("document.getElementById('search-results').getAttribute('aria-busy') === 'false'")
    root = page.evaluate("new URL(document.getElementById('search').dataset.root, location.href).href")
    return [(href.removeprefix(root), text, marked) for href, text, marked in page.eval_on_selector_all(
        ".result", "els => els.map(r => [r.querySelector('h2 a').href,"
        " r.querySelector('.excerpt')?.textContent || '', !!r.querySelector('.excerpt mark')])")]


def _search(page, query: str, marked: bool = True) -> set[str]:
    """The paths found for ``query``; each excerpt quotes its page as written (never a
    normalised form), and over HTTP each article's excerpt marks the word it matched."""
    from bs4 import BeautifulSoup

    results = _results(page, query)
    for path, text, _ in results[:3]:
        shown = BeautifulSoup(_read(page, path), "html.parser").get_text()
        words = [w.strip(".,،:؛()\"“”«»") for w in text.replace("…", " ").split()]
        assert all(w in shown for w in words if w), (path, text)
    if marked:
        assert all(mark for path, _, mark in results if path.startswith("articles/")), (query, results)
    return {path for path, _, _ in results}


def _read(page, path: str) -> str:
    url = page.evaluate("p => new URL(document.getElementById('search').dataset.root + p, location.href).href", path)
    if url.startswith("file://"):
        from urllib.parse import unquote, urlparse

        return Path(unquote(urlparse(url).path)).read_text(encoding="utf-8")
    return page.request.get(url).text()


def _queries(built_site) -> list[tuple[str, set[str]]]:
    from interpol_site.arabic import norm

    norway = _expected(built_site, lambda r: any(c["code"] == "NO" for c in r["countries"]))
    interpol = _expected(built_site, lambda r: "انتربول" in norm(" ".join(r["body"])).replace("نتربول", "انتربول"))
    hammouchi = _expected(built_site, lambda r: any("حموشي" in p["name"] for p in r["people"]))
    assert norway and interpol and hammouchi, "the seeds name Norway, INTERPOL and Hammouchi"
    return [("النرويج", norway), ("نرويج", norway), ("الانتربول", interpol), ("حموشي", hammouchi),
            ("والإنتربول", interpol), ("بالنرويج", norway), ("الإنتربول", interpol)]


@pytest.mark.parametrize("width", [1280, 390])
def test_search_finds_arabic_variants(browser, server, built_site, width):
    SHOTS.mkdir(exist_ok=True)
    ctx, page, errors, external = _page(browser, width, 900)
    page.goto(server + "search/index.html")
    assert page.locator("html").get_attribute("dir") == "rtl"
    for query, want in _queries(built_site):
        found = {h for h in _search(page, query) if h.startswith("articles/")}
        assert want <= found, f"{query!r}: missing {sorted(want - found)}"
    # RTL: the search icon sits at the right of the box, the clear button at the left
    box = page.locator("#search-input").bounding_box()
    clear = page.locator(".search-clear").bounding_box()
    icon = page.locator(".search-icon").bounding_box()
    assert clear["x"] + clear["width"] / 2 < box["x"] + box["width"] / 2, (clear, box)
    assert icon["x"] + icon["width"] / 2 > box["x"] + box["width"] / 2, (icon, box)
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    assert _axe(page) == []
    _results(page, "حموشي")
    page.screenshot(path=str(SHOTS / f"search-{'phone' if width < 500 else 'desktop'}.png"), full_page=True)
    assert errors == [] and external == []
    ctx.close()


def test_search_works_from_file_urls(browser, built_site):
    """No server: the index loads through <script> elements, links are relative files."""
    ctx, page, errors, external = _page(browser, 390, 844)
    page.goto((built_site / "search" / "index.html").as_uri())
    assert page.locator("#search-input").is_visible()
    for query, want in _queries(built_site):
        found = {h for h in _search(page, query, marked=False) if h.startswith("articles/")}
        assert want <= found, f"{query!r}: missing {sorted(want - found)}"
    first = page.locator(".result h2 a").first
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and page.url.endswith("/index.html")
    assert page.locator("h1").count() == 1
    page.go_back()  # the query comes back with the page
    page.wait_for_selector(".result h2 a")
    # a query in the address (what the form sends on Enter) is searched on arrival
    page.goto((built_site / "search" / "index.html").as_uri() + "?q=" + "حموشي")
    page.wait_for_selector(".result h2 a")
    assert page.locator("#search-input").input_value() == "حموشي"
    assert errors == [] and external == []
    ctx.close()


def test_search_ranks_entity_pages_then_titles_then_newest(browser, server, built_site):
    import json

    records = json.loads((built_site / "data" / "records.json").read_text(encoding="utf-8"))
    by_path = {f"articles/{r['id']}/index.html": r for r in records}
    ctx, page, errors, _ = _page(browser)
    page.goto(server + "search/index.html")
    paths = [p for p, _, _ in _results(page, "حموشي")]
    titles = dict(zip(paths, page.locator(".result h2 a").all_text_contents(), strict=True))  # as shown
    kinds = ["article" if p.startswith("articles/") else "entity" for p in paths]
    assert kinds == sorted(kinds, key=lambda k: k == "article") and kinds[0] == "entity", paths
    assert paths[0].startswith("people/"), paths  # the person page itself comes first
    articles = [by_path[p] for p in paths if p.startswith("articles/")]
    in_title = ["حموشي" in titles[f"articles/{r['id']}/index.html"] for r in articles]
    assert in_title == sorted(in_title, reverse=True) and any(in_title), in_title
    for group in (True, False):
        dates = [r["date"] or "" for r, t in zip(articles, in_title, strict=True) if t is group]
        assert dates == sorted(dates, reverse=True), dates
    assert errors == []
    ctx.close()


def test_search_is_keyboard_accessible(browser, server):
    ctx, page, errors, _ = _page(browser)
    page.goto(server + "search/index.html")
    page.wait_for_selector("#search-input")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#search-input')"):
            break
    else:
        pytest.fail("the search box cannot be reached with Tab")
    page.keyboard.type("الإنتربول")
    page.keyboard.press("Enter")  # searches at once, without leaving the page
    page.wait_for_selector(".result h2 a", timeout=10_000)
    page.wait_for_function("document.getElementById('search-results').getAttribute('aria-busy') === 'false'")
    assert "search/index.html?q=" in page.url  # searched in place, and the address says what
    assert page.get_attribute("#search-status", "aria-live") == "polite"
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.result h2 a')"):
            break
    else:
        pytest.fail("the results cannot be reached with Tab")
    more = page.locator(".search-more")
    if more.is_visible():  # "more results" moves the focus to the first new result
        shown = page.locator(".result").count()
        more.focus()
        page.keyboard.press("Enter")
        page.wait_for_function(f"document.querySelectorAll('.result').length > {shown}")
        assert page.evaluate(f"document.activeElement === document.querySelectorAll('.result h2 a')[{shown}]")
    page.locator(".search-clear").click()
    assert page.locator(".result").count() == 0 and page.evaluate("document.activeElement.id") == "search-input"
    assert errors == []
    ctx.close()


def test_search_page_without_javascript_points_to_indexes(browser, server):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server + "search/index.html")
    assert page.locator("noscript").count() == 1
    assert not page.locator("#search").is_visible(), "a form that cannot work is not shown"
    assert page.locator("main a[href*='countries/']").count() >= 1
    ctx.close()


def test_hostile_text_in_results_is_shown_as_text(browser, tmp_path_factory):
    from interpol_site.pipeline import build
    from interpol_site.settings import Settings

    out = tmp_path_factory.mktemp("hostile") / "_site"
    build(ROOT / "tests" / "hostile", out, Settings(), quiet=True)
    with _serve(out) as url:
        ctx, page, errors, external = _page(browser)
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url + "search/index.html")
        results = _results(page, "اقتباس")
        assert results, "the article with markup in its title and text is found"
        assert "<script>alert(1)</script>" in page.locator(".result h2 a").first.text_content()
        assert "{{ 7*7 }} و{% raw %}" in page.locator(".result .excerpt").first.text_content()  # as written
        assert page.locator("#search-results script, #search-results textarea").count() == 0
        assert dialogs == [] and errors == [] and external == []
        ctx.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_pictures_map_and_timeline(browser, server, width):
    SHOTS.mkdir(exist_ok=True)
    kind = "phone" if width < 500 else "desktop"
    ctx, page, errors, _ = _page(browser, width, 900)
    page.goto(server + "countries/index.html")
    map_box = page.locator("svg.map").bounding_box()
    assert map_box and map_box["width"] <= width
    linked = page.locator("svg.map a")
    assert linked.count() >= 1
    assert _axe(page) == []
    page.screenshot(path=str(SHOTS / f"map-{kind}.png"), full_page=True)
    linked.first.click()
    page.wait_for_load_state()
    assert "/countries/" in page.url and page.locator("h1").count() == 1

    page.goto(server + "timeline/index.html")
    assert page.locator("svg.timeline-chart a").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    assert _axe(page) == []
    page.screenshot(path=str(SHOTS / f"timeline-chart-{kind}.png"), full_page=True)
    assert errors == []
    ctx.close()


def test_search_counts_and_dates_follow_the_settings(browser, tmp_path_factory):
    """Counts in Arabic-Indic digits, and each result's date written as its page writes
    it (month names of the month style: search.js formats the ISO date)."""
    from bs4 import BeautifulSoup

    from interpol_site.pipeline import build
    from interpol_site.settings import Settings

    out = tmp_path_factory.mktemp("arab") / "_site"
    build(ROOT / "seeds", out, Settings(digits="arab", month_style="levantine"), quiet=True)
    with _serve(out) as url:
        ctx, page, errors, _ = _page(browser)
        page.goto(url + "search/index.html")
        results = _results(page, "حموشي")
        status = page.text_content("#search-status")
        assert any("٠" <= c <= "٩" for c in status), status
        assert not any(c.isascii() and c.isdigit() for c in status), status
        shown = dict(zip([p for p, _, _ in results if p.startswith("articles/")],
                         page.locator(".result time").all_text_contents(), strict=True))
        assert shown
        for path, date in shown.items():
            soup = BeautifulSoup(_read(page, path), "html.parser")
            assert date == soup.select_one("article header .meta time").get_text(), path
        assert errors == []
        ctx.close()


def test_search_over_blocks_finds_what_one_block_finds(browser, built_site, tmp_path_factory, monkeypatch):
    """A large archive is indexed in blocks searched together; shrink the blocks so the
    seeds are split, and every query still finds every article it should."""
    from interpol_site import search
    from interpol_site.pipeline import build
    from interpol_site.settings import Settings

    monkeypatch.setattr(search, "SHARD_SIZE", 2)
    out = tmp_path_factory.mktemp("shards") / "_site"
    build(ROOT / "seeds", out, Settings(), quiet=True)
    blocks = sorted(p.name for p in (out / "search" / "index").iterdir() if p.name != "e")
    assert len(blocks) >= 2
    page_html = (out / "search" / "index.html").read_text(encoding="utf-8")
    assert f'data-blocks="e {" ".join(sorted(blocks, key=int))}"' in page_html
    with _serve(out) as url:
        ctx, page, errors, external = _page(browser)
        page.goto(url + "search/index.html")
        for query, want in _queries(built_site):
            found = {h for h in _search(page, query) if h.startswith("articles/")}
            assert want <= found, f"{query!r}: missing {sorted(want - found)}"
        assert errors == [] and external == []
        ctx.close()


@contextlib.contextmanager
def _serve(folder: Path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
