import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The seeds built once into a temporary folder (end-to-end through the pipeline)."""
    from interpol_site.pipeline import build
    from interpol_site.settings import Settings

    out = tmp_path_factory.mktemp("site") / "_site"
    result = build(ROOT / "seeds", out, Settings(base_url="https://example.org/interpol/"), quiet=True)
    assert result.articles == 5
    return out


@pytest.fixture()
def corpus(tmp_path) -> Path:
    """A writable copy of the seeds and the hand-written test articles (in ``more/``)."""
    src = tmp_path / "src"
    shutil.copytree(ROOT / "seeds", src)
    shutil.copytree(ROOT / "tests" / "corpus", src / "more", ignore=shutil.ignore_patterns("*.yaml"))
    return src
