"""charts: build-time SVG pictures are well-formed, accessible, linked and right to left."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from interpol_site import charts

SVG = "{http://www.w3.org/2000/svg}"
D = dt.date


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # fails on malformed markup
    assert root.tag == f"{SVG}svg"
    return root


def test_world_map_links_and_names_each_mentioned_country():
    svg = charts.world_map({"MA": 5, "NO": 2}, {"MA": "المغرب", "NO": "النرويج"},
                           lambda code: f"../countries/{code.lower()}/index.html", lambda n: f"{n} مقالات")
    root = parse(svg)
    assert root.get("role") == "group" and root.get("aria-labelledby") == "map-title"
    links = root.findall(f"{SVG}a")
    assert sorted(a.get("href") for a in links) == ["../countries/ma/index.html", "../countries/no/index.html"]
    titles = [a.find(f"{SVG}path/{SVG}title").text for a in links]
    assert "المغرب: 5 مقالات" in titles and "النرويج: 2 مقالات" in titles
    shades = {a.get("href"): a.find(f"{SVG}path").get("class") for a in links}
    assert shades["../countries/ma/index.html"] == "c5" and shades["../countries/no/index.html"] < "c5"
    unlinked = [p for p in root.findall(f"{SVG}path")]
    assert len(unlinked) > 150 and all(p.get("class") == "c0" for p in unlinked)


def test_world_map_escapes_names_and_links():
    svg = charts.world_map({"MA": 1}, {"MA": "<script>"}, lambda code: '"><x', lambda n: "&")
    parse(svg)
    assert "<script>" not in svg and '"><x' not in svg


def test_timeline_runs_right_to_left_with_linked_marks_and_session_bands():
    items = [(D(2024, 11, 4), "أ", "a.html"), (D(2025, 11, 24), "ب", "b.html")]
    bands = [(D(2024, 11, 4), D(2024, 11, 7), "الدورة 92", "s92.html")]
    root = parse(charts.timeline(items, bands, lambda d: f"{d.month}/{d.year}"))
    assert root.find(f"{SVG}title").text.startswith("الخط الزمني")
    marks = {a.get("href"): float(a.find(f"{SVG}circle").get("cx")) for a in root.findall(f"{SVG}a")
             if a.find(f"{SVG}circle") is not None}
    assert marks["a.html"] > marks["b.html"], "the older article sits further right"
    band = [a for a in root.findall(f"{SVG}a") if a.get("href") == "s92.html"]
    assert band and band[0].find(f"{SVG}rect/{SVG}title").text == "الدورة 92"
    assert charts.timeline([], [], str) == ""


def test_a_large_timeline_draws_a_linked_bar_per_month_instead_of_a_mark_per_article():
    months = [(D(2024, 11, 1), 40, "نونبر 2024: 40 مقالا", "2024/index.html#m-2024-11"),
              (D(2025, 2, 1), 10, "فبراير 2025: 10 مقالات", "2025/index.html#m-2025-02")]
    bands = [(D(2024, 11, 4), D(2024, 11, 7), "الدورة 92", "s92.html")]
    root = parse(charts.timeline([], bands, lambda d: f"{d.month}/{d.year}", months))
    assert root.find(f".//{SVG}circle") is None
    bars = {a.get("href"): a.find(f"{SVG}rect") for a in root.findall(f"{SVG}a") if a.get("href") != "s92.html"}
    assert set(bars) == {"2024/index.html#m-2024-11", "2025/index.html#m-2025-02"}
    nov, feb = bars["2024/index.html#m-2024-11"], bars["2025/index.html#m-2025-02"]
    assert nov.find(f"{SVG}title").text == "نونبر 2024: 40 مقالا"
    assert float(nov.get("x")) > float(feb.get("x")), "the older month sits further right"
    assert float(nov.get("height")) == 4 * float(feb.get("height")), "heights follow the counts"
    assert float(nov.get("y")) + float(nov.get("height")) == float(feb.get("y")) + float(feb.get("height"))


def test_per_month_chart_counts_and_reads_right_to_left():
    dates = [D(2024, 11, 4), D(2024, 11, 7), D(2025, 1, 2)]
    root = parse(charts.per_month(dates, lambda d: f"{d.month}/{d.year}", lambda n: f"{n} مقال", "المغرب"))
    assert root.get("role") == "img"
    bars = {r.find(f"{SVG}title").text: float(r.get("x")) for r in root.findall(f"{SVG}rect")}
    assert set(bars) == {"11/2024: 2 مقال", "1/2025: 1 مقال"}  # the empty December has no bar
    assert bars["11/2024: 2 مقال"] > bars["1/2025: 1 مقال"]
    heights = {r.find(f"{SVG}title").text: float(r.get("height")) for r in root.findall(f"{SVG}rect")}
    assert heights["11/2024: 2 مقال"] == 2 * heights["1/2025: 1 مقال"]


def test_per_month_chart_needs_two_buckets_and_goes_yearly_over_long_spans():
    assert charts.per_month([D(2024, 11, 4), D(2024, 11, 9)], str, str, "x") == ""
    assert charts.per_month([], str, str, "x") == ""
    root = parse(charts.per_month([D(2015, 1, 1), D(2024, 6, 1)], str, str, "x"))
    assert len(root.findall(f"{SVG}rect")) == 2
    assert "السنة" in root.find(f"{SVG}title").text
