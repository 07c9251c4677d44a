"""Slugs, page paths and the one relative-link helper.

Every internal link is made by ``relative()`` and points at a concrete file
(``../countries/norway/index.html``), never at a bare folder: from ``file://`` a
folder link shows a directory listing, not its index. So the site works from disk,
from ``python -m http.server`` and under any sub-path of a static host.
URLs are ASCII, stable and readable: countries and venues by English name, sessions by
number, people and articles transliterated from Arabic.
"""

from __future__ import annotations

import hashlib
import posixpath
import re

from slugify import slugify

# Arabic letters → Latin, as press transliteration does (after tashkeel is removed).
_LATIN = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "u", "ئ": "i",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ة": "a", "و": "ou", "ي": "i", "ى": "a", "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g",
}


def transliterate(arabic: str) -> str:
    """A readable ASCII rendering: عبد اللطيف حموشي → abd-allatif-hmouchi."""
    text = re.sub("[\u064b-\u065f\u0670\u0640]", "", arabic)
    text = text.translate({ord(k): v for k, v in _LATIN.items()})
    text = re.sub(r"(ou){2,}", "ou", text)
    text = re.sub(r"([aiu])\1+", r"\1", text)
    return text


def slug(text: str, fallback_from: str | None = None) -> str:
    """ASCII slug; never empty and never '.'/'..' (a short hash stands in)."""
    s = slugify(transliterate(text), max_length=60, word_boundary=True)
    if not s or set(s) <= {".", "-"}:
        digest = hashlib.sha1((fallback_from or text).encode("utf-8")).hexdigest()[:10]
        return f"x-{digest}"
    return s


# --------------------------------------------------------------------------- page paths

def article_path(article_id: str) -> str:
    return f"articles/{article_id}/index.html"


def country_path(slug_: str) -> str:
    return f"countries/{slug_}/index.html"


def person_path(slug_: str) -> str:
    return f"people/{slug_}/index.html"


def venue_path(slug_: str) -> str:
    return f"venues/{slug_}/index.html"


def session_path(number: int) -> str:
    return f"sessions/{number}/index.html"


def index_path(section: str) -> str:
    return f"{section}/index.html" if section else "index.html"


def relative(from_path: str, to_path: str) -> str:
    """Link from one output file to another, relative, always ending at a file.

    ``relative("articles/x/index.html", "countries/norway/index.html")``
    → ``"../../countries/norway/index.html"``; a fragment (``#p-3``) is kept.
    """
    target, _, fragment = to_path.partition("#")
    rel = posixpath.relpath(target, posixpath.dirname(from_path) or ".")
    return rel + (f"#{fragment}" if fragment else "")


def absolute(base_url: str, path: str) -> str:
    """Absolute URL of an output file for feeds and sitemaps (folder URL for index.html)."""
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return base_url.rstrip("/") + "/" + path


def find_collisions(paths: list[tuple[str, str]]) -> list[str]:
    """Every output path claimed twice, with the sources that claim it."""
    seen: dict[str, list[str]] = {}
    for path, source in paths:
        seen.setdefault(path.lower(), []).append(source)
    return [f"{p}: {', '.join(s)}" for p, s in sorted(seen.items()) if len(s) > 1]
