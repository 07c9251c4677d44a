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


def _search(page, query: str) -> set[str]:
    box = page.locator("#search input")
    box.fill(query)
    page.wait_for_selector(".pagefind-ui__result-link", timeout=10_000)
    page.wait_for_function("document.querySelector('.pagefind-ui__message')?.textContent.match(/[0-9٠-٩]/)")
    page.wait_for_timeout(300)  # let the last results settle after the debounce
    more = page.locator(".pagefind-ui__button")
    while more.count():  # "load more": Pagefind shows five results at a time
        more.first.click()
        page.wait_for_timeout(300)
    # results load one by one (a placeholder first): wait until each has its link, then
    # read each result's link and excerpt together
    page.wait_for_function("[...document.querySelectorAll('.pagefind-ui__result')]"
                           ".every(r => r.querySelector('.pagefind-ui__result-link'))")
    pairs = page.eval_on_selector_all(
        ".pagefind-ui__result",
        "els => els.map(r => [r.querySelector('.pagefind-ui__result-link').pathname,"
        " r.querySelector('.pagefind-ui__result-excerpt')?.textContent || ''])")
    hrefs = [href for href, _ in pairs]
    for href, text in pairs[:3]:
        # excerpts quote the page as written, never the normalised shadow in the index
        from bs4 import BeautifulSoup

        shown = BeautifulSoup(page.request.get(page.url.split("/search/")[0] + href).text(), "html.parser").get_text()
        words = [w.strip(".,،:؛()\"“”") for w in text.replace("…", " ").split() if w.strip(".,،:؛()\"“”")]
        assert words and all(w in shown for w in words), (href, text)
    return {h.lstrip("/") for h in hrefs}


@pytest.mark.parametrize("width", [1280, 390])
def test_search_finds_arabic_variants(browser, server, built_site, width):
    from interpol_site.arabic import norm

    SHOTS.mkdir(exist_ok=True)
    norway = _expected(built_site, lambda r: any(c["code"] == "NO" for c in r["countries"]))
    interpol = _expected(built_site, lambda r: "انتربول" in norm(" ".join(r["body"])).replace("نتربول", "انتربول"))
    hammouchi = _expected(built_site, lambda r: any("حموشي" in p["name"] for p in r["people"]))
    assert norway and interpol and hammouchi, "the seeds name Norway, INTERPOL and Hammouchi"

    ctx, page, errors, external = _page(browser, width, 900)
    page.goto(server + "search/index.html")
    assert page.locator("html").get_attribute("dir") == "rtl"
    queries = [("النرويج", norway), ("نرويج", norway), ("الانتربول", interpol), ("حموشي", hammouchi),
               ("والإنتربول", interpol), ("بالنرويج", norway), ("الإنتربول", interpol)]
    for query, want in queries:
        found = {h for h in _search(page, query) if h.startswith("articles/")}
        assert want <= found, f"{query!r}: missing {sorted(want - found)}"
    # RTL: the search icon sits at the right of the box, the clear button at the left
    box = page.locator("#search input").bounding_box()
    clear = page.locator(".pagefind-ui__search-clear").bounding_box()
    assert clear["x"] + clear["width"] / 2 < box["x"] + box["width"] / 2, (clear, box)
    icon_left = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.pagefind-ui__form'), '::before').left)")
    assert icon_left > box["width"] / 2, icon_left
    assert _axe(page) == []
    page.screenshot(path=str(SHOTS / f"search-{'phone' if width < 500 else 'desktop'}.png"), full_page=True)
    assert errors == [] and external == []
    ctx.close()


def test_search_is_keyboard_accessible(browser, server):
    ctx, page, errors, _ = _page(browser)
    page.goto(server + "search/index.html")
    page.wait_for_selector("#search input")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#search input')"):
            break
    else:
        pytest.fail("the search box cannot be reached with Tab")
    page.keyboard.type("حموشي")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=10_000)
    assert errors == []
    ctx.close()


def test_search_page_without_javascript_points_to_indexes(browser, server):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server + "search/index.html")
    assert page.locator("noscript").count() == 1
    assert page.locator("main a[href*='countries/']").count() >= 1
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


def test_search_counts_follow_the_digit_setting(browser, tmp_path_factory):
    from interpol_site.pipeline import build
    from interpol_site.settings import Settings

    out = tmp_path_factory.mktemp("arab") / "_site"
    build(ROOT / "seeds", out, Settings(digits="arab"), quiet=True)
    with _serve(out) as url:
        ctx, page, errors, _ = _page(browser)
        page.goto(url + "search/index.html")
        page.locator("#search input").fill("حموشي")
        page.wait_for_function("/[٠-٩]/.test(document.querySelector('.pagefind-ui__message')?.textContent || '')")
        assert not any(c.isascii() and c.isdigit() for c in page.locator(".pagefind-ui__message").text_content())
        assert errors == []
        ctx.close()


def test_search_over_shards_finds_what_one_index_finds(browser, built_site, tmp_path_factory, monkeypatch):
    """A large archive is indexed in shards merged by the UI; shrink the shards so the
    seeds are split, and every query still finds every article it should."""
    from interpol_site import search
    from interpol_site.pipeline import build
    from interpol_site.settings import Settings

    monkeypatch.setattr(search, "SHARD_SIZE", 2)
    out = tmp_path_factory.mktemp("shards") / "_site"
    build(ROOT / "seeds", out, Settings(), quiet=True)
    shards = sorted(p.name for p in (out / "pagefind").glob("part-*"))
    assert len(shards) >= 2 and not (out / "pagefind" / shards[0] / "pagefind.js").exists()
    merged = (out / "search" / "index.html").read_text(encoding="utf-8")
    assert all(f"../pagefind/{name}/" in merged for name in shards)
    norway = _expected(built_site, lambda r: any(c["code"] == "NO" for c in r["countries"]))
    hammouchi = _expected(built_site, lambda r: any("حموشي" in p["name"] for p in r["people"]))
    with _serve(out) as url:
        ctx, page, errors, external = _page(browser)
        page.goto(url + "search/index.html")
        for query, want in [("النرويج", norway), ("حموشي", hammouchi)]:
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
