#!/usr/bin/env python3
"""Extraction quality on a make_corpus corpus, against the truth in its ``_meta.jsonl``.

    python benchmarks/extract_quality.py bench-work/c1000 [--show 10]

Runs ``build.py extract`` on the corpus (which ignores ``_meta.jsonl``) and prints, per
field, the share of articles right (title, session, venue; the timeline date inside the
event's days or on the publication day) and precision / recall for people and
countries, with the most frequent misses. The generator's conventions are not quite
the gold file's (``../shared/seeds-gold.yaml``): it lists countries by their names only,
where we also count adjectives (الإثيوبية is ET), and it knows the author, outlet and
publication date of articles whose text does not state them, so those three fields are
not scored here. Seeds are scored by ``../shared/tools/score-extract``. A script, not
a test: the corpus is synthetic and the numbers guide work, they prove nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from interpol_site.arabic import norm  # noqa: E402
from interpol_site.gazetteer import countries  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path, help="a folder written by make_corpus.py")
    ap.add_argument("--show", type=int, default=5, help="misses shown per field")
    a = ap.parse_args()
    meta = {}
    for line in (a.corpus / "_meta.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            m = json.loads(line)
            meta[m["file"]] = m
    out = subprocess.run([sys.executable, "build.py", "extract", "--source", str(a.corpus)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    records = json.loads(out)
    names = countries().names
    right: Counter[str] = Counter()
    misses: dict[str, Counter] = {k: Counter() for k in ("title", "date", "session", "venue")}
    found = {"people": Counter(), "countries": Counter()}  # true positives, false, missed
    wrong = {"people": (Counter(), Counter()), "countries": (Counter(), Counter())}
    for r in records:
        m = meta[r["file"]]
        venue = r["venue"]["ar"] if r["venue"] else None
        in_range = r["date"] is not None and (
            r["date"] == m["date"] or (m.get("event_start") or "~") <= r["date"] <= (m.get("event_end") or ""))
        for field, ok, got in (("title", r["title"] == m["title"], r["title"]), ("date", in_range, r["date"]),
                               ("session", r["session"] == m["session"], r["session"]),
                               ("venue", venue == m["venue"], venue)):
            right[field] += ok
            if not ok:
                misses[field][f"{got!r} for {m[field if field != 'date' else 'date']!r}"] += 1
        sets = {"people": ({p["name"] for p in r["people"]}, set(m["people"])),
                "countries": ({c["code"] for c in r["countries"]},
                              {names.get(tuple(norm(n).split()), n) for n in m["countries"]})}
        for field, (got, want) in sets.items():
            found[field]["tp"] += len(got & want)
            wrong[field][0].update(got - want)
            wrong[field][1].update(want - got)
    n = len(records)
    print(f"{a.corpus}: {n} articles of {len(meta)}")
    for field in ("title", "date", "session", "venue"):
        print(f"  {field:9s} {right[field] / n:.3f}  misses: {misses[field].most_common(a.show)}")
    for field in ("people", "countries"):
        tp, fp, fn = found[field]["tp"], sum(wrong[field][0].values()), sum(wrong[field][1].values())
        print(f"  {field:9s} P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f}"
              f"  extra: {wrong[field][0].most_common(a.show)}  missed: {wrong[field][1].most_common(a.show)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
