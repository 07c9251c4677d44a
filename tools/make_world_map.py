#!/usr/bin/env python3
"""Maintainer tool: turn Natural Earth country shapes into src/interpol_site/data/world.json.

Input: ``countries-110m.json`` from the npm package ``world-atlas`` 2.x (TopoJSON of
Natural Earth 1:110m admin-0 countries; Natural Earth is public domain, world-atlas is
ISC-licensed). Output: one SVG path per ISO 3166-1 alpha-2 code, in the Equal Earth
projection, rounded to 0.1 unit. Run once when the shapes should change:

    npm pack world-atlas@2 && tar xzf world-atlas-*.tgz
    python tools/make_world_map.py package/countries-110m.json
"""

import json
import math
import re
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "interpol_site" / "data" / "world.json"
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def unwrap(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Rings that cross the antimeridian (Russia, Fiji) jump from +180 to -180, which
    draws a line across the whole map: keep longitudes continuous, then clamp them to
    the map's edge so the part beyond 180 degrees folds onto the border."""
    out, shift = [], 0.0
    for k, (lon, lat) in enumerate(pts):
        if k and abs(lon + shift - out[-1][0]) > 180:
            shift += 360 if out[-1][0] > lon + shift else -360
        out.append((lon + shift, lat))
    return [(max(-180.0, min(180.0, lon)), lat) for lon, lat in out]


def main(src: str) -> None:
    topo = json.loads(Path(src).read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indexes):
        pts = []
        for i in indexes:
            seg = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(seg if not pts else seg[1:])
        return unwrap(pts)

    scale = 160.0
    paths = {}
    for geo in topo["objects"]["countries"]["geometries"]:
        country = pycountry.countries.get(numeric=str(geo.get("id", "")).zfill(3)) if geo.get("id") else None
        if country is None or country.alpha_2 == "AQ":  # Antarctica: no articles, much space
            continue
        polys = geo["arcs"] if geo["type"] == "MultiPolygon" else [geo["arcs"]]
        d = []
        for poly in polys:
            for r in poly:
                pts = [equal_earth(lon, lat) for lon, lat in ring(r)]
                coords = [(round(x * scale + 440, 1), round(-y * scale + 230, 1)) for x, y in pts]
                out = [coords[0]] + [c for prev, c in zip(coords, coords[1:], strict=False) if c != prev]
                if len(out) < 3:
                    continue
                d.append("M" + "L".join(f"{x:g},{y:g}" for x, y in out) + "Z")
        if d:
            paths[country.alpha_2] = paths.get(country.alpha_2, "") + "".join(d)
    ys = [float(v) for d in paths.values() for v in re.findall(r"[ML][-\d.]+,([-\d.]+)", d)]
    top, bottom = math.floor(min(ys)) - 2, math.ceil(max(ys)) + 2
    data = {"source": "Natural Earth 1:110m via world-atlas 2 (ISC); Equal Earth projection",
            "viewBox": f"0 {top} 880 {bottom - top}", "countries": dict(sorted(paths.items()))}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(paths)} countries to {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main(sys.argv[1])
