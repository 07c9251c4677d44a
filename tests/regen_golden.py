"""Regenerate the golden site: ``python -m tests.regen_golden``; review it as a git diff."""

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from interpol_site.pipeline import extract_corpus  # noqa: E402
from interpol_site.render import render_site  # noqa: E402
from interpol_site.settings import Settings  # noqa: E402

CORPUS = HERE / "golden" / "corpus"
SITE = HERE / "golden" / "site"
SETTINGS = Settings(base_url="https://example.org/archive/")


def render() -> dict[str, bytes]:
    corpus, problems = extract_corpus(CORPUS)
    assert not problems, problems
    return dict(render_site(corpus, SETTINGS))


def main() -> None:
    if SITE.exists():
        shutil.rmtree(SITE)
    for rel, data in render().items():
        path = SITE / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print(f"wrote {SITE}")


if __name__ == "__main__":
    main()
