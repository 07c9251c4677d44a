"""Pictures drawn at build time as inline SVG: no chart library runs in the browser.

- ``world_map``: countries shaded by the number of articles that mention them, each a
  link to its page, with a ``<title>`` (accessible name) per country;
- ``timeline``: articles as marks along a date axis that runs right to left, General
  Assembly sessions as bands, each mark a link;
- ``per_month``: a small bar chart of one entity's articles per month (per year past
  three years), also right to left.
The map and the timeline hold links, so they are ``role="group"`` (an ``img`` may
not contain interactive elements); the bar chart is an ``img``.
Colours come from CSS classes, so dark mode and print restyle them. Output is escaped
and deterministic.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from html import escape
from importlib import resources


@functools.cache
def _world() -> dict:
    text = resources.files("interpol_site").joinpath("data", "world.json").read_text(encoding="utf-8")
    return json.loads(text)


def _level(n: int, peak: int) -> int:
    """0 (none) to 5 (most): a quantised share of the busiest country."""
    if n <= 0:
        return 0
    return min(5, 1 + (4 * (n - 1)) // max(1, peak - 1)) if peak > 1 else 5


def world_map(counts: dict[str, int], names: dict[str, str], href: Callable[[str], str],
              label: Callable[[int], str]) -> str:
    """Inline SVG map; ``counts`` by ISO code, ``names`` Arabic names, ``href`` per code."""
    world = _world()
    peak = max(counts.values(), default=0)
    parts = [
        f'<svg class="map" viewBox="{world["viewBox"]}" role="group" '
        f'aria-labelledby="map-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="map-title">خريطة العالم: الدول حسب عدد المقالات التي تذكرها</title>',
    ]
    for code, d in world["countries"].items():
        n = counts.get(code, 0)
        cls = f"c{_level(n, peak)}"
        if n and code in names:
            parts.append(f'<a href="{escape(href(code))}"><path class="{cls}" d="{d}">'
                         f"<title>{escape(names[code])}: {escape(label(n))}</title></path></a>")
        else:
            parts.append(f'<path class="{cls}" d="{d}"/>')
    parts.append("</svg>")
    return "".join(parts)


def timeline(
    items: list[tuple[dt.date, str, str]],
    bands: list[tuple[dt.date, dt.date, str, str]],
    month_label: Callable[[dt.date], str],
    months: list[tuple[dt.date, int, str, str]] | None = None,
) -> str:
    """Inline SVG timeline. ``items``: (date, title, href), a mark per article;
    ``bands``: (start, end, label, href) for sessions. Time runs right to left, as Arabic
    is read. A large archive passes ``months`` instead: (first day, articles, title, href)
    of each month that has articles, drawn as a bar that high (a mark per article would
    be thousands of links, megabytes of SVG and no legible picture)."""
    months = months or []
    dates = [d for d, _, _ in items] + [d for s, e, _, _ in bands for d in (s, e)]
    dates += [d for m, _, _, _ in months for d in (m, _month_end(m))]
    if not dates:
        return ""
    first, last = min(dates), max(dates)
    first = dt.date(first.year, first.month, 1) - dt.timedelta(days=15)
    last = last + dt.timedelta(days=15)
    span = max(1, (last - first).days)
    width, pad, axis_y = 880, 20, 150

    def x(d: dt.date) -> float:
        return round(width - pad - (d - first).days * (width - 2 * pad) / span, 1)

    out = [
        f'<svg class="timeline-chart" viewBox="0 0 {width} 200" role="group" aria-labelledby="tl-title" '
        'xmlns="http://www.w3.org/2000/svg">',
        '<title id="tl-title">الخط الزمني: المقالات ودورات الجمعية العامة، من اليمين إلى اليسار</title>',
        f'<line class="axis" x1="{pad}" y1="{axis_y}" x2="{width - pad}" y2="{axis_y}"/>',
    ]
    for start, end, label, href in bands:
        x1, x2 = x(end), x(start)
        out.append(f'<a href="{escape(href)}"><rect class="band" x="{x1}" y="20" width="{max(3.0, x2 - x1)}" '
                   f'height="{axis_y - 20}"><title>{escape(label)}</title></rect></a>')
    # ticks: one per month on short spans, else one per year
    ticks = []
    d = dt.date(first.year, first.month, 1)
    monthly = span <= 800
    while d <= last:
        if monthly or d.month == 1:
            ticks.append(d)
        d = _next_month(d)
    step = max(1, -(-len(ticks) // 7))  # at most seven labels
    for t in ticks[::step]:
        # centred labels, kept inside the chart near its edges (text-anchor start/end
        # flip with the page's direction, so they are avoided)
        lx = min(max(x(t), 55.0), width - 55.0)
        out.append(f'<line class="tick" x1="{x(t)}" y1="{axis_y}" x2="{x(t)}" y2="{axis_y + 6}"/>'
                   f'<text class="tick-label" x="{lx}" y="{axis_y + 24}" text-anchor="middle">'
                   f"{escape(month_label(t) if monthly else str(t.year))}</text>")
    peak = max((n for _, n, _, _ in months), default=1)
    for first_day, n, title, href in months:
        x1, x2 = x(_month_end(first_day)), x(first_day)
        h = max(2.0, round((axis_y - 30) * n / peak, 1))
        out.append(f'<a href="{escape(href)}"><rect class="bar" x="{x1}" y="{round(axis_y - h, 1)}" '
                   f'width="{max(2.0, round(x2 - x1, 1))}" height="{h}"><title>{escape(title)}</title></rect></a>')
    lanes: dict[float, int] = {}
    for day, title, href in sorted(items):
        cx = x(day)
        lane = lanes.get(round(cx / 8), 0)
        lanes[round(cx / 8)] = lane + 1
        cy = axis_y - 14 - (lane % 8) * 14
        out.append(f'<a href="{escape(href)}"><circle class="mark" cx="{cx}" cy="{cy}" r="6">'
                   f"<title>{escape(title)}</title></circle></a>")
    out.append("</svg>")
    return "".join(out)


def _next_month(d: dt.date) -> dt.date:
    """The first day of the month after ``d``'s."""
    return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def _month_end(first_day: dt.date) -> dt.date:
    """The last day of the month that starts on ``first_day``."""
    return _next_month(first_day) - dt.timedelta(days=1)


def per_month(dates: list[dt.date], month_label: Callable[[dt.date], str], count: Callable[[int], str],
              name: str) -> str:
    """Bars of articles per month from the first to the last date (per year when that
    is more than 36 months); "" when everything falls in one month or year."""
    if not dates:
        return ""
    first, last = min(dates), max(dates)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    yearly = months > 36
    if yearly:
        buckets = [dt.date(y, 1, 1) for y in range(first.year, last.year + 1)]
        key: Callable[[dt.date], dt.date] = lambda d: dt.date(d.year, 1, 1)  # noqa: E731
    else:
        buckets = [dt.date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
                   for i in range(months)]
        key = lambda d: dt.date(d.year, d.month, 1)  # noqa: E731
    if len(buckets) < 2:
        return ""
    n = {b: 0 for b in buckets}
    for d in dates:
        n[key(d)] += 1
    peak = max(n.values())
    width, height, top, bottom = 320, 120, 8, 28
    step = width / len(buckets)
    bar = max(1.0, step * 0.7)

    def label(b: dt.date) -> str:
        return str(b.year) if yearly else month_label(b)

    out = [f'<svg class="mini-chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="mc-title" '
           'xmlns="http://www.w3.org/2000/svg">',
           f'<title id="mc-title">{escape(name)}: المقالات حسب {"السنة" if yearly else "الشهر"}، '
           f"من {escape(label(buckets[0]))} إلى {escape(label(buckets[-1]))}، من اليمين إلى اليسار</title>",
           f'<line class="axis" x1="0" y1="{height - bottom}" x2="{width}" y2="{height - bottom}"/>']
    for i, b in enumerate(buckets):
        if not n[b]:
            continue
        h = round((height - top - bottom) * n[b] / peak, 1)
        x = round(width - (i + 1) * step + (step - bar) / 2, 1)
        out.append(f'<rect class="bar" x="{x}" y="{round(height - bottom - h, 1)}" width="{round(bar, 1)}" '
                   f'height="{h}"><title>{escape(label(b))}: {escape(count(n[b]))}</title></rect>')
    for b, x in ((buckets[0], width - 50), (buckets[-1], 50)):
        out.append(f'<text class="tick-label" x="{x}" y="{height - 8}" text-anchor="middle">'
                   f"{escape(label(b))}</text>")
    out.append("</svg>")
    return "".join(out)
