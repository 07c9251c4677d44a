"""Regenerate the golden site: ``python -m tests.regen_golden``, then review ``git diff tests/golden``.

The golden site is the fixture corpus (``tests/fixtures.py``) rendered with the fixture
settings and build date; ``tests/test_render.py`` compares a fresh render to it byte for
byte.
"""

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from interpol_site.render import render_site  # noqa: E402
from tests import fixtures  # noqa: E402

GOLDEN = HERE / "golden"


def render() -> dict[str, bytes]:
    """The fixture site as {relative path: bytes}."""
    return dict(render_site(fixtures.corpus(), fixtures.SETTINGS, fixtures.BUILD_DATE))


def main() -> None:
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for rel, data in render().items():
        path = GOLDEN / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print(f"wrote {GOLDEN}: review it with git diff tests/golden")


if __name__ == "__main__":
    main()
