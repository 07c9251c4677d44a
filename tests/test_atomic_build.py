"""A build killed with SIGKILL at a random moment leaves the previous site whole.

A few-thousand-article corpus from the shared benchmark generator is built once; then
a build with other settings (so its bytes differ) is killed at random moments. After
each kill the output folder is byte-identical either to the previous site or to the
new one (if the kill came after the swap): never a mix, never missing.
"""

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"


def tree(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def build(source: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "build.py"), "build", "--quiet", "--source", str(source),
                             "--output", str(out), *extra], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.skipif(not MAKE_CORPUS.is_file(), reason="shared/bench/make_corpus.py is not beside the project")
def test_sigkill_at_random_moments_keeps_the_previous_site(tmp_path):
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(MAKE_CORPUS), "--n", "2000", "--out", str(corpus)], check=True,
                   capture_output=True)
    out = tmp_path / "_site"
    started = time.perf_counter()
    assert build(corpus, out).wait() == 0
    full = time.perf_counter() - started
    old = tree(out)
    new = None
    rng = random.Random(20251124)
    for _ in range(3):
        proc = build(corpus, out, "--digits", "arab")
        time.sleep(rng.uniform(0.1, full * 0.95))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = tree(out)
        if now != old:
            new = new or now
            assert now == new, "the output is neither the previous site nor a complete new one"
            old = now
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["_site", "corpus"]
    # a later build cleans up what the killed ones left beside the output; the site it
    # replaced stays beside it as the next build's staging folder
    assert build(corpus, out).wait() == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == ["._site.prev"]
    assert os.path.isfile(out / ".interpol-site")
