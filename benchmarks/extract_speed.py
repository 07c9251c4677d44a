#!/usr/bin/env python3
"""Extraction speed, and a byte-for-byte check that a faster extractor says the same.

For each source folder it reads every article with the project's reader, extracts them
one after the other (best of ``--repeat`` runs) and prints milliseconds per article and
the time of the ``link`` step. With ``--record FILE`` it writes a JSON Lines baseline:
one line per file (``to_data`` of its record) and one per linked article (``link`` over
the whole folder, then ``to_data`` of each article and of the session table); with
``--compare FILE`` it checks the same lines against such a baseline and prints the first
file and field that differ. Record baselines with the code you trust, then compare after
every change::

    python benchmarks/extract_speed.py seeds --record /tmp/base/seeds.jsonl
    python benchmarks/extract_speed.py seeds --compare /tmp/base/seeds.jsonl
    python benchmarks/extract_speed.py /tmp/x/c3000 --profile

This is a script, not a test: speed is measured here, never asserted in the test suite.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from pathlib import Path

from interpol_site.extract import extract_article
from interpol_site.link import link
from interpol_site.read import find_sources, read_source
from interpol_site.records import to_data


def load(folder: Path) -> list[tuple[str, str]]:
    """(relative POSIX name, decoded text) of every article the reader accepts."""
    paths, _problems = find_sources(folder)
    out = []
    for path in paths:
        text, _ = read_source(path, folder)
        if text is not None:
            out.append((path.relative_to(folder).as_posix(), text))
    return out


def extract_all(texts: list[tuple[str, str]]) -> list:
    return [extract_article(text, name) for name, text in texts]


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def lines_of(texts: list[tuple[str, str]]) -> list[str]:
    """The baseline lines: every record, then every linked article and the session table."""
    records = extract_all(texts)
    corpus = link(records)
    out = [dumps({"kind": "record", "file": r.file, "data": to_data(r)}) for r in records]
    out += [dumps({"kind": "linked", "file": a.file, "data": to_data(a)}) for a in corpus.articles]
    out.append(dumps({"kind": "sessions", "file": "", "data": to_data(corpus.sessions)}))
    return out


def first_difference(old, new, path: str = "") -> str | None:
    """The path of the first field where two JSON values differ, with both values."""
    if type(old) is not type(new):
        return f"{path or '.'}: {old!r} → {new!r}"
    if isinstance(old, dict):
        for key in sorted(set(old) | set(new)):
            if key not in old or key not in new:
                return f"{path}.{key}: {'missing' if key not in old else old[key]!r} → " \
                       f"{'missing' if key not in new else new[key]!r}"
            found = first_difference(old[key], new[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(old, list):
        for k, (a, b) in enumerate(zip(old, new, strict=False)):
            found = first_difference(a, b, f"{path}[{k}]")
            if found:
                return found
        if len(old) != len(new):
            return f"{path}: {len(old)} items → {len(new)} items"
        return None
    return None if old == new else f"{path or '.'}: {old!r} → {new!r}"


def compare(baseline: Path, lines: list[str]) -> int:
    """Number of differing lines; the first difference is printed."""
    old = baseline.read_text(encoding="utf-8").split("\n")[:-1]  # (not splitlines: JSON keeps U+2028)
    if len(old) != len(lines):
        print(f"  MISMATCH: {len(old)} lines in the baseline, {len(lines)} now")
    bad = 0
    for a, b in zip(old, lines, strict=False):
        if a == b:
            continue
        bad += 1
        if bad == 1:
            x, y = json.loads(a), json.loads(b)
            print(f"  MISMATCH in {x['kind']} {x['file']}: {first_difference(x['data'], y['data'])}")
    return bad + abs(len(old) - len(lines))


def timed(texts: list[tuple[str, str]], repeat: int) -> tuple[float, float, float]:
    """Best seconds of extracting every text serially (wall clock and CPU time of this
    process, which other processes on a shared machine disturb less), and of linking."""
    best_extract = best_cpu = best_link = float("inf")
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        records = extract_all(texts)
        middle, cpu = time.perf_counter(), time.process_time() - cpu
        link(records)
        end = time.perf_counter()
        best_extract, best_cpu = min(best_extract, middle - start), min(best_cpu, cpu)
        best_link = min(best_link, end - middle)
    return best_extract, best_cpu, best_link


def profile(texts: list[tuple[str, str]], top: int) -> None:
    prof = cProfile.Profile()
    prof.enable()
    link(extract_all(texts))
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(top)
    print(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path, help="source folders of articles")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs; the best is shown (0: no timing)")
    ap.add_argument("--record", type=Path, help="write the baseline (a folder when several sources are given)")
    ap.add_argument("--compare", type=Path, help="compare with a baseline (a folder when several sources)")
    ap.add_argument("--profile", action="store_true", help="print the cProfile top lines (cumulative)")
    ap.add_argument("--top", type=int, default=40, help="lines of the profile")
    args = ap.parse_args(argv)

    extract_article("الدورة 93 في مراكش يوم 24 نونبر 2025 مع محمد الدخيسي من المغرب.", "warm.txt")
    failed = 0
    for folder in args.folders:
        texts = load(folder)
        print(f"{folder}: {len(texts)} articles")
        for flag, target in (("record", args.record), ("compare", args.compare)):
            if target is None:
                continue
            if len(args.folders) > 1:
                target = target / f"{folder.resolve().name}.jsonl"
            lines = lines_of(texts)
            if flag == "record":
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
                print(f"  recorded {len(lines)} lines in {target}")
            else:
                bad = compare(target, lines)
                failed += bad
                print(f"  {'identical' if not bad else f'{bad} lines differ'} ({len(lines)} lines, {target})")
        if args.repeat > 0 and texts:
            seconds, cpu, linking = timed(texts, args.repeat)
            print(f"  extract {1000 * seconds / len(texts):.3f} ms/article ({seconds:.2f} s; "
                  f"CPU {1000 * cpu / len(texts):.3f} ms/article), link {linking:.3f} s  (best of {args.repeat})")
        if args.profile:
            profile(texts, args.top)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
