"""Scraped page text → layout: headline candidate, byline lines, body paragraphs.

Boilerplate is recognised by general signals, never by matching a particular site's
wording: a line made of many fragments separated by runs of spaces/NBSPs (a strip of
other headlines), short lines made mostly of UI words (report/share/cookie widgets),
calls to action and "read also" link lists before or after the body. What is removed is
kept, with its line number and the reason, for ``extract --explain``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .arabic import clean_display, has_arabic, norm
from .gazetteer import boilerplate
from .records import Stripped

_STRIP_RUN = re.compile(r"[ \t\u00a0\u2007\u202f]{2,}")
_SENTENCE_END = re.compile(r"[.!؟?…:]['\"”»)\]]*\s*$")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the source file
    text: str  # display text (NFC, space runs collapsed, trimmed)


@dataclass(frozen=True)
class Layout:
    headline: Line | None  # the line in headline position (may still be a bare byline name)
    bylines: tuple[Line, ...]
    body: tuple[Line, ...]
    stripped: tuple[Stripped, ...]


def words(text: str) -> int:
    return len(_WORD.findall(text))


def is_strip(raw: str) -> bool:
    """Many headline fragments joined by whitespace runs, as in a site's news ticker."""
    runs = len(_STRIP_RUN.findall(raw.strip()))
    return runs >= 3 or (runs >= 1 and len(raw) > 600 and not _SENTENCE_END.search(raw))


def _ui_words(text: str) -> tuple[int, int]:
    """(UI words, all words) of a line."""
    tokens = re.findall(r"\w+", norm(text))
    ui = boilerplate().ui_words
    return sum(1 for t in tokens if t in ui or t.lstrip("وب") in ui), len(tokens)


def _ui_share(text: str) -> float:
    hits, total = _ui_words(text)
    return hits / total if total else 0.0


def is_ui(text: str) -> bool:
    """A short line of site furniture (report, share, cookie, image notices): at least two
    UI words making up a quarter of it, or half of a very short line."""
    hits, total = _ui_words(text)
    if not total or total > 16:
        return False
    return (hits >= 2 and hits / total >= 0.25) or (total <= 3 and hits / total >= 0.5)


def starts_cta(text: str) -> bool:
    key = norm(text).strip(" :-–—|•*")
    return any(key.startswith(p) for p in boilerplate().cta_openers)


def byline_kind(text: str) -> str | None:
    """'published', 'author' or 'source' when the line opens like a byline."""
    key = norm(text).lstrip("|-–— ")
    if words(text) > 25:
        return None
    for kind, markers in boilerplate().byline_markers.items():
        for marker in markers:
            if key.startswith(marker + " ") or key.startswith(marker + ":") or key == marker:
                if kind == "source" and words(text) > 8:
                    continue
                return kind
    if key.count("|") >= 2 or is_dateline(text):
        return "published"
    if _AGENCY_LINE.match(text.strip()) and words(text) <= 6:
        return "source"  # "الرباط - و م ع": a dateline crediting an agency
    return None


_AGENCY_LINE = re.compile(r"^[^\s.،,]+(?:\s[^\s.،,]+)?\s*[-–—]\s*\(?[^\s.]+(?:\s[^\s.]+){0,3}\)?$")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_DATE_WORDS = re.compile(r"(?:صباحا|مساء|مساءا|ص|م|GMT|بتوقيت|غرينتش|المغرب|الرباط|[-–—|/,،:()\s])+")


def is_dateline(text: str) -> bool:
    """A short header line that only states a date (and time, weekday): the publication date."""
    from .arabic import weekday_names
    from .extract.dates import find_dates

    if words(text) > 12:
        return False
    key = norm(text)
    found = [m for m in find_dates(key) if m.year1 and not m.is_range]
    if not found:
        return False
    rest = key[: found[0].start] + " " + key[found[0].end :]
    rest = re.sub(r"[،,:()\-–—|/]", " ", _CLOCK.sub(" ", rest))
    rest = " ".join(w for w in rest.split() if w not in weekday_names() and w not in ("يوم", "بتاريخ"))
    return not _DATE_WORDS.sub("", rest).strip()


def is_body(text: str) -> bool:
    n = words(text)
    return n >= 25 or (n >= 8 and bool(_SENTENCE_END.search(text)) and not text.rstrip().endswith(":"))


def is_headline_shaped(text: str) -> bool:
    n = words(text)
    return 1 <= n <= 30 and len(text) <= 300 and has_arabic(text) and not re.search(r"(?<!\.)\.\s*$", text)


def layout(text: str) -> Layout:
    """Split decoded text into headline, bylines and body; strip boilerplate."""
    raw_lines = text.split("\n")
    stripped: list[Stripped] = []
    lines: list[Line] = []
    for i, raw in enumerate(raw_lines, start=1):
        if not raw.strip():
            continue
        shown = clean_display(raw)
        if is_strip(raw):
            stripped.append(Stripped(i, shown, "strip of other headlines (whitespace-separated fragments)"))
        elif not has_arabic(shown) and not re.search(r"\d", shown):
            stripped.append(Stripped(i, shown, "no Arabic text"))
        else:
            lines.append(Line(i, shown))

    # The byline anchors the header: the article starts at the headline just above it.
    head_limit = next((k for k, ln in enumerate(lines) if words(ln.text) >= 25), len(lines))
    byline_idx = [k for k, ln in enumerate(lines[: head_limit + 1]) if byline_kind(ln.text)]
    if byline_idx:
        first_byline = byline_idx[0]
        body_start = next(
            (k for k in range(byline_idx[-1] + 1, len(lines)) if not byline_kind(lines[k].text)),
            len(lines),
        )
        head = lines[:first_byline]
        bylines = [lines[k] for k in range(first_byline, body_start) if byline_kind(lines[k].text)]
        extra = [lines[k] for k in range(first_byline, body_start) if not byline_kind(lines[k].text)]
        head += extra
    else:
        body_start = 0
        while body_start < len(lines):
            ln = lines[body_start]
            if is_body(ln.text) and not is_ui(ln.text):
                break
            body_start += 1
        if body_start == len(lines):  # no paragraph-like line: everything after the headline is body
            body_start = min(1, len(lines))
        head = lines[:body_start]
        bylines = []

    headline = None
    for k in range(len(head) - 1, -1, -1):
        ln = head[k]
        if is_headline_shaped(ln.text) and not is_ui(ln.text) and not starts_cta(ln.text):
            headline = ln
            break
    for ln in head:
        if ln is not headline:
            stripped.append(Stripped(ln.number, ln.text, "page furniture above the headline"))

    body = _strip_body(lines[body_start:], stripped)
    return Layout(headline, tuple(bylines), tuple(body), tuple(sorted(stripped, key=lambda s: s.line)))


def _strip_body(lines: list[Line], stripped: list[Stripped]) -> list[Line]:
    """Drop UI lines, "read also" lists and trailing calls to action from the body."""
    body: list[Line] = []
    in_list = False
    for ln in lines:
        if starts_cta(ln.text) and words(ln.text) <= 20:
            stripped.append(Stripped(ln.number, ln.text, "call to action or link list"))
            in_list = True
            continue
        if in_list and not is_body(ln.text):
            stripped.append(Stripped(ln.number, ln.text, "item of a link list"))
            continue
        in_list = False
        if is_ui(ln.text):
            stripped.append(Stripped(ln.number, ln.text, "site furniture (UI words)"))
            continue
        body.append(ln)
    while body and not is_body(body[-1].text) and (_ui_share(body[-1].text) > 0 or words(body[-1].text) <= 3):
        ln = body.pop()
        stripped.append(Stripped(ln.number, ln.text, "trailing page furniture"))
    return body
