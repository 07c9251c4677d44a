"""Slugs, page paths and the one relative-link helper.

Every internal link is made by ``relative()`` and points at a concrete file
(``../countries/norway/index.html``), never at a bare folder: opened from ``file://``
a folder link shows a directory listing, not its index. So the site works from disk,
from ``python -m http.server`` and under any sub-path of a static host.

URLs are ASCII, stable and readable: countries by English name, venues by their slug,
sessions by number, people and articles by a transliteration of the Arabic
(``عبد اللطيف حموشي`` → ``abd-al-latif-hamouchi``). Two pages claiming one path are
found by ``find_collisions`` and reported together.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
from typing import TYPE_CHECKING

from slugify import slugify

if TYPE_CHECKING:
    from .records import Article, Person, Venue

# --------------------------------------------------------------------------- transliteration

#: Arabic (and Persian) letters → Latin, in the French-influenced style of the Moroccan
#: press (ش → ch, و → ou). و and ي are handled by ``_word`` (consonant or long vowel).
_LATIN: dict[str, str] = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ى": "a", "ة": "a", "ع": "a",
    "ء": "", "ؤ": "ou", "ئ": "i",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "ch", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "پ": "p", "چ": "tch", "ڤ": "v", "گ": "g", "ک": "k", "ی": "i", "ژ": "j",
}
#: Tashkeel (harakat, shadda, sukun, dagger alef, Quranic marks) and tatweel.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ARABIC_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3]+")


def transliterate(arabic: str) -> str:
    """A readable, deterministic ASCII rendering of Arabic letters.

    Tashkeel and tatweel are removed first, Arabic-Indic digits become ASCII digits and
    anything that is not an Arabic letter is kept as is: ``عبد اللطيف حموشي`` →
    ``abd al-latif hamouchi``, ``الدورة ٩٢`` → ``al-dawra 92``.
    """
    text = _MARKS.sub("", arabic).translate(_DIGITS)
    return _ARABIC_WORD.sub(lambda m: _word(m.group()), text)


def _word(word: str) -> str:
    prefix = ""
    if word.startswith("ال") and len(word) > 3:
        prefix, word = "al-", word[2:]
    out: list[str] = []
    for i, ch in enumerate(word):
        prev = out[-1] if out else ""
        nxt = word[i + 1] if i + 1 < len(word) else ""
        after_vowel = prev[-1:] in ("a", "i", "u")
        if ch in "وي":
            consonant = i == 0 or (nxt != "" and nxt in "اأآى") or (after_vowel and word[i - 1] != "ع")
            out.append(("w" if ch == "و" else "y") if consonant else ("ou" if ch == "و" else "i"))
        else:
            out.append(_LATIN.get(ch, ""))
    # Arabic words never start with two consonants: say the first short vowel.
    if len(out) > 2 and _consonant(out[0]) and _consonant(out[1]):
        out.insert(1, "a")
    latin = "".join(out)
    latin = re.sub(r"(ou){2,}", "ou", latin)
    latin = re.sub(r"([aei])\1+", r"\1", latin)
    return prefix + latin


def _consonant(latin: str) -> bool:
    return latin != "" and latin[0] not in "aeiou"


def slug(text: str, fallback_from: str | None = None) -> str:
    """ASCII slug of ``text`` (transliterated first), at most 60 characters.

    Never empty and never ``.``/``..``: when nothing is left, ``x-`` and a short hash of
    ``fallback_from`` (else of ``text``) stand in, so the slug is still stable.
    """
    s = slugify(transliterate(text), max_length=60, word_boundary=True)
    if not s.strip(".-"):
        digest = hashlib.sha1((fallback_from or text).encode("utf-8")).hexdigest()[:10]
        return f"x-{digest}"
    return s


# --------------------------------------------------------------------------- page paths

HOME = "index.html"
TIMELINE = "timeline/index.html"
NOT_FOUND = "404.html"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
STYLESHEET = "static/site.css"
SEARCH = "search/index.html"
DATA = "data/index.html"

#: The entity sections, each with an index page and one page per entity.
SECTIONS = ("countries", "people", "venues", "sessions")


def article_path(article: Article) -> str:
    """``articles/<id>/index.html``."""
    return f"articles/{article.id}/index.html"


def text_page_path(page_slug: str) -> str:
    """``pages/<slug>/index.html`` for a Markdown page of ``pages/`` (about, methodology)."""
    return f"pages/{page_slug}/index.html"


def country_path(code: str, en: str) -> str:
    """``countries/<slug of the English name>/index.html`` (``countries/norway/…``)."""
    return f"countries/{slug(en) if en.strip() else slug(code)}/index.html"


def person_path(person: Person) -> str:
    """``people/<person.slug>/index.html``."""
    return f"people/{person.slug}/index.html"


def venue_path(venue: Venue) -> str:
    """``venues/<venue.slug>/index.html``."""
    return f"venues/{venue.slug}/index.html"


def session_path(number: int) -> str:
    """``sessions/<number>/index.html``."""
    return f"sessions/{int(number)}/index.html"


def paged(path: str, page: int) -> str:
    """Page ``page`` of a list whose first page is ``path``: ``countries/morocco/index.html``
    → ``countries/morocco/2/index.html`` (page 1 is ``path`` itself)."""
    if page <= 1:
        return path
    folder = posixpath.dirname(path)
    return f"{folder}/{page}/index.html" if folder else f"{page}/index.html"


def index_path(section: str) -> str:
    """The index page of a section (``countries/index.html``); ``""`` is the home page."""
    return f"{section}/index.html" if section else HOME


# --------------------------------------------------------------------------- links

def relative(from_path: str, to_path: str) -> str:
    """Link from one output file to another: relative, and always ending at a file.

    ``relative("articles/x/index.html", "countries/norway/index.html")`` →
    ``"../../countries/norway/index.html"``. A target ending in ``/`` (or empty) means
    that folder's ``index.html``; a ``#fragment`` is kept, and a link to a fragment of
    the page itself is just ``#fragment``.
    """
    target, hash_, fragment = to_path.partition("#")
    target = _normal(target, True)
    here = _normal(from_path, False)
    if hash_ and target == here:
        return f"#{fragment}"
    rel = _link(_folders(here), target)
    return rel + (f"#{fragment}" if hash_ else "")


# A site has a few thousand pages and links each to many others: the normalised paths
# and folder lists are worked out once per path, not once per link.
@functools.lru_cache(maxsize=1 << 16)
def _normal(path: str, is_target: bool) -> str:
    path = path.lstrip("/")
    if is_target and (not path or path.endswith("/")):
        path += "index.html"
    return posixpath.normpath(path)


@functools.lru_cache(maxsize=1 << 14)
def _folders(here: str) -> tuple[str, ...]:
    return tuple(here.split("/")[:-1])


def _link(folders: tuple[str, ...], target: str) -> str:
    parts = target.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    if common == 0:
        return "../" * len(folders) + target
    return "/".join([".."] * (len(folders) - common) + parts[common:])


def absolute(base_url: str, path: str) -> str:
    """Absolute URL of an output file, for feeds, sitemaps and canonical links.

    ``index.html`` is dropped (``https://example.org/a/countries/norway/``): a web server
    serves a folder's index, and that is the URL readers share.
    """
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return base_url.rstrip("/") + "/" + path


def find_collisions(paths: list[tuple[str, str]]) -> list[str]:
    """Every output path claimed more than once, each with all the sources claiming it.

    ``paths`` holds (output path, source description) pairs. Paths are compared without
    case, since a case-insensitive file system (macOS, Windows) would merge them too.
    Returns one line per clash, sorted, e.g. ``"people/x/index.html: a.txt, b.txt"``.
    """
    seen: dict[str, list[tuple[str, str]]] = {}
    for path, source in paths:
        seen.setdefault(path.casefold(), []).append((path, source))
    clashes = []
    for _, claims in sorted(seen.items()):
        if len(claims) > 1:
            shown = sorted({p for p, _ in claims})
            clashes.append(f"{' = '.join(shown)}: {', '.join(sorted(s for _, s in claims))}")
    return clashes
