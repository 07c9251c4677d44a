"""Headline, byline: title, author, source outlet and publication date.

``حرر بتاريخ | 11/21/2025 | من طرف كشـ24 - وكالات`` → published 2025-11-21, source كشـ24
(``وكالات``, wire agencies, is no author); ``نشر في الأول يوم 24 - 11 - 2025`` → source
الأول, published 2025-11-24; a bare name on its own line above the body is the author (and
the headline is the line above it, if any).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..arabic import norm, shadow
from ..clean import Layout, Line, byline_kind, credit_from_place, outlet_credit, place_credit
from ..gazetteer import City, boilerplate, cities, name_words
from . import dates as dates_mod
from .people import _HONORIFICS, _is_given, _name_word
from .tokens import tokens

#: Openers of a byline that dates the last update (normalised).
_UPDATED = ("اخر تحديث", "تم التحديث", "تحديث", "محدث", "updated", "Updated", "mis a jour", "Mis à jour")
_PUBLISHED_IN = re.compile(r"^(?:نشر|تم النشر)\s+(?:في|على|ب)\s+(.+?)\s+(?:يوم|بتاريخ|في)\s+")
#: Words that credit a person (an interviewer too: أجرى الحوار، حاوره).
_INTERVIEW = "اجري الحوار|حاوره|حاورته|حاورها|حاورتها"
_PERSON_MARKER = re.compile(rf"(?:^|\s)(?:بقلم|الكاتب|الكاتبه|كتبه|كتبته|كتبها|كتب|كتبت|اعداد|{_INTERVIEW})(?:\s|:|$)")
#: "outlet - reporter" on a line of its own (no digits: not a date).
_OUTLET_DASH_NAME = re.compile(r"^[^\d\s.،,:|]+(?: [^\d\s.،,:|]+){0,2}\s+[-–—]\s+[^\d.،,:|]+$")
#: What says a date is the date published (normalised): "نشر في", "نُشرت:", "تاريخ النشر".
_SAYS_PUBLISHED = re.compile(r"(?<!\w)(?:نشر|نشرت|النشر)(?!\w)")
#: The words of a byline that say who wrote it (normalised).
_BY_WORDS = "من طرف|بقلم|بواسطه|كتبته|كتبها|كتبه|كتبت|كتب|اعداد|تحرير"
#: One of them alone: "كتبت" of "كتبت – رحاب عبد المنعم" credits nobody.
_BY_WORD = re.compile(_BY_WORDS)
_BY = re.compile(rf"(?:{_BY_WORDS}|الكاتبه|الكاتب|المصدر|نقلا عن|{_INTERVIEW})\s*:?\s*(.+)$")


#: A paragraph opening with its dateline: "مراكش (ومع) -", "الرباط - و م ع -", "الرباط/ وام/".
_WIRE_OPENER = re.compile(
    r"^\s*[^\s\d٠-٩.،,:()\-–—/]+(?: [^\s\d٠-٩.،,:()\-–—/]+)?\s*"
    # and the day it was filed: "غلاسكو 7 تشرين الثاني (بترا)-", "مراكش ٢٥-١١-٢٠٢٥ (سونا) -"
    r"(?:(?:في\s+)?[\d٠-٩]{1,2}(?:[-./][\d٠-٩]{1,2}[-./][\d٠-٩]{2,4}|\s+[^\W\d_]+(?:\s+[^\W\d_]+)?"
    r"(?:\s+[\d٠-٩]{4})?)\s*)?"
    r"(?:(?:[-–—/]\s*)?\((?P<bracketed>[^()]{2,24})\)|[-–—/]\s*(?P<bare>[^\s.،,:()\-–—/]+(?: [^\s.،,:()\-–—/]+){0,2}))"
    r"\s*[-–—:/]")


#: An honorific before a byline's name: ذ. (أستاذ), د., أ., الأستاذ, الدكتور, الدكتورة.
_HONORIFIC = re.compile(r"^(?:(?:ذ|د|أ|ا)\s*\.|(?:الأستاذ|الأستاذة|الدكتور|الدكتورة|الاستاذ|الاستاذة)(?=\s))\s*")


def _without_honorific(author: str | None) -> str | None:
    """"ذ. محمد بنعلي" → "محمد بنعلي": the author's name, as people's names are, without a title."""
    if author is None:
        return None
    rest = _HONORIFIC.sub("", author, count=1)
    return rest if len(rest.split()) >= 2 else author


def _agency_in(text: str) -> str | None:
    """A wire agency credited by a part of a byline between slashes, dashes or brackets,
    or by its last words ("دبي 13 ربيع الأول 1440 هـ الموافق 21 نوفمبر 2018 م واس")."""
    for part in re.split(r"[/()\-–—|:]", text):
        if part.strip() and boilerplate().agency(part):
            return part.strip()
    words = text.split()
    ends = (" ".join(words[-n:]) for n in (3, 2, 1) if len(words) > n)
    return next((end for end in ends if boilerplate().agency(end)), None)


@dataclass(frozen=True)
class Meta:
    title: str | None
    title_line: int | None
    author: str | None
    source: str | None
    published: dt.date | None
    published_text: str | None  # the date as written in the byline
    byline: str | None
    dateline: tuple[int, str, City] | None = None  # (offset in ``byline``, as written, city): "دبي - وام"
    updated: dt.date | None = None  # "آخر تحديث: …": the day of the last update, not of publication


def is_bare_name(text: str, common: bool = False) -> bool:
    """A line that is only a person's name (2–4 words, starting with a given name; with
    ``common``, also one that is a common word, هند، سعيد)."""
    text = text.strip().strip("*†").strip()  # "محمد أمين آيت بلقاسم*": a footnote's mark on a signature
    text = _HONORIFIC.sub("", text, count=1)  # "د. عادل يوسف الجودر"
    if re.search(r"[^\w\s\u0640]", text):
        return False
    toks = tokens(shadow(text).text).words
    if len(toks) >= 3 and toks[0] in _HONORIFICS:
        toks = toks[1:]  # "سيدي محمد ولد اباه"، "مولاي حفيظ العلمي": the name it opens
    if not 2 <= len(toks) <= 4:
        return False
    first = toks[0]
    if not (_is_given(first, common) or first in ("عبد", "ابو", "بو")):
        return False
    return all(_name_word(t, k) or t.startswith("ال") for k, t in enumerate(toks[1:], 1))


def _original(text: str, sh, a: int, b: int) -> str:
    s, e = sh.span(a, b)
    return text[s:e].strip()


def _credit(text: str) -> tuple[str | None, str | None]:
    """Split a credit such as ``كشـ24 - وكالات`` into (author, source)."""
    author = source = agency = None
    for part in re.split(r"\s+[-–—|/]\s+|\s*\|\s*|،", text):
        part = part.strip(" :-–—|")
        if boilerplate().agency(part):
            agency = agency or part.strip("()")  # the source, unless an outlet is named too
        if not part or norm(part) in boilerplate().not_authors or _BY_WORD.fullmatch(norm(part)) \
                or not re.search(r"[^\W\d_]", part):
            continue  # (not "كتبت" of "كتبت – رحاب عبد المنعم", nor a time)
        name = _HONORIFIC.sub("", part, count=1)  # "الدكتور سعيد الإدريسي"
        if is_bare_name(name, common=True):
            author = author or name
        elif source is None and len(part.split()) <= 4 and not _is_role(part):
            source = part  # (not "أستاذ القانون", the author's post)
    return author, source or agency


#: Posts a byline gives after its author's name (normalised, without ال).
_POSTS = frozenset({"استاذ", "استاذه", "صحفي", "صحفيه", "باحث", "باحثه", "محلل", "محلله", "خبير", "خبيره",
                    "كاتب", "كاتبه", "مراسل", "مراسله", "اعلامي", "اعلاميه", "محامي", "محاميه"})


def _is_role(part: str) -> bool:
    """A credit that is a post (أستاذ القانون، الباحث في الشؤون الأمنية), not an outlet."""
    first = norm(part).split()[0]
    bare = first[2:] if first.startswith("ال") else first
    return bare in _POSTS or bare in name_words().role_heads or first in name_words().role_heads


def byline_name(text: str) -> bool:
    """A line right below the headline that is only a name: the author's."""
    return is_bare_name(text, common=True)


def headline(lay: Layout) -> Line | None:
    """The title line: the line in headline position, unless it is only a name (the author's)."""
    title = lay.headline
    return None if title is not None and is_bare_name(title.text) else title


def read_meta(lay: Layout, hints: frozenset[tuple[int, int]] = frozenset()) -> Meta:
    title = headline(lay)
    source = None
    author = lay.headline.text if lay.headline is not None and title is None else None
    published = published_text = updated = None
    published_marked = False  # whether ``published`` comes from a line that says it is the date published
    for line in lay.bylines:
        sh = line.shadow
        if author is None and byline_name(line.text):
            author = line.text.strip().strip("*†").strip()  # a name alone on the line below the headline
            continue
        credit = place_credit(line.text, byline_name) or credit_from_place(line.text)
        parts = [p.strip() for p in line.text.split("|")]
        if credit is None and len(parts) == 2:  # "نواكشوط – سيدي محمد ولد اباه | الجمعة 28 نوفمبر 2025"
            credit = next((c for c in map(place_credit, parts) if c and byline_name(c)), None)  # its reporter
        if credit and byline_name(credit):
            author = author or credit  # "الرباط - سعاد الإدريسي", "مراكش: محمد بلقاسم": the reporter
        elif credit and source is None and (norm(credit) not in boilerplate().not_authors
                                            or boilerplate().agency(credit)):
            source = credit  # "الجزائر - واج"، "الرباط - و م ع"، "إسطنبول: «الشرق الأوسط»"
        elif credit is None and _OUTLET_DASH_NAME.match(line.text.strip()):
            a, s = _credit(line.text)  # "هسبريس - عبد الرحيم بلشقار": the outlet and its reporter
            if a is not None:
                author, source = author or a, source or s
        if source is None:
            source = outlet_credit(line.text)  # the outlet on its line ("مجتمع | هسبريس")
        if source is None and len(parts) == 2 and byline_kind(parts[1]) == "published":
            outlet = parts[0]  # "بوابة الدوحة | نشر في: …": a short name before the stamp is the outlet's
            if 1 <= len(outlet.split()) <= 3 and not re.search(r"[.،,:؛!؟?]", outlet) and not byline_name(outlet) \
                    and not byline_kind(outlet) and norm(outlet) not in boilerplate().not_authors:
                source = outlet
        updating = sh.text.lstrip(" |-–—:").startswith(_UPDATED)
        marked = not updating and bool(_SAYS_PUBLISHED.search(sh.text))
        if marked and not published_marked:  # "نشر في: الأربعاء 26 نونبر" beats the site's date of the day
            published, published_marked = None, True
        if published is None or (updating and updated is None):
            for m in dates_mod.find_dates(sh.text, hints):
                span = m.dates()
                if span and updating:  # "آخر تحديث: 12 يناير 2025": not when it was published
                    updated = updated or span[0]
                    break
                if span:
                    published, published_text = span[0], _original(line.text, sh, m.start, m.end)
                    break
        mt = _PUBLISHED_IN.search(sh.text)
        if mt and source is None:
            candidate = _original(line.text, sh, mt.start(1), mt.end(1))
            if norm(candidate) not in boilerplate().not_authors:
                source = candidate
        for part in sh.text.split("|"):
            by = _BY.search(part)
            if by:
                offset = sh.text.index(part) + by.start(1)
                credit = _original(line.text, sh, offset, offset + len(by.group(1).rstrip()))
                a, s = _credit(credit)
                if a is None and s and _PERSON_MARKER.search(part) and 2 <= len(s.split()) <= 4:
                    a, s = s, None  # بقلم/كتب: the credit is a person
                author = author or a
                source = source or s
    if source is None:  # "الرباط في 20 نونبر 2025 / وام /": a dateline's agency
        source = next(filter(None, (_agency_in(line.text) for line in lay.bylines)), None)
    if source is None and lay.body:  # "مراكش (ومع) - انطلقت …": the dispatch's agency
        m = _WIRE_OPENER.match(lay.body[0].text)
        agency = m and (m["bracketed"] or m["bare"])
        if agency and boilerplate().agency(agency):
            source = agency.strip()
    if source is None:  # a footer "المصدر: …" names the outlet
        for st in lay.stripped:
            mt = re.match(r"^\s*(?:المصدر|نقلا عن)\s*[:：-]?\s*(.+?)\s*\.?$", st.text.replace("ـ", ""))
            if mt and norm(st.text).startswith(("المصدر", "نقلا عن")) and len(mt.group(1).split()) <= 6:
                source = mt.group(1)
                break
    byline = " ".join(ln.text for ln in lay.bylines) or None
    dateline, offset = None, 0
    for line in lay.bylines:
        found = dateline_city(line.text)
        if found is not None:
            dateline = (offset + line.text.index(found[0]), *found)
            break
        offset += len(line.text) + 1
    return Meta(
        title=title.text if title else None,
        title_line=title.number if title else None,
        author=_without_honorific(author),
        source=source,
        published=published,
        published_text=published_text,
        byline=byline,
        dateline=dateline,
        updated=updated,
    )


#: The opening words of a dateline, up to what ends its place: "دبي - وام", "ليون (فرنسا) -",
#: "مراكش: محمد بلقاسم", "الرباط في 20 نونبر 2025", "الرباط/ وام/".
_DATELINE = re.compile(r"^\s*([^\s.،,:()\-–—/]+(?: [^\s.،,:()\-–—/]+)?)\s*(?:[-–—:(/]|في\s)")


def dateline_city(text: str) -> tuple[str, City] | None:
    """The city a byline line opens with (as written, and the gazetteer's), when a
    dateline's separator follows it."""
    m = _DATELINE.match(text)
    city = cities().names.get(tuple(norm(m.group(1)).split())) if m else None
    return (m.group(1), city) if city else None
