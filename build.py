#!/usr/bin/env python3
"""Build the site: ``python build.py`` builds seeds/ into _site/ (see README)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from interpol_site.cli import run  # noqa: E402

if __name__ == "__main__":
    run()
