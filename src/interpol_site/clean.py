"""Scraped page text → layout: headline candidate, byline lines, body paragraphs.

Boilerplate is recognised by general signals, never by matching a particular site's
wording: a line made of many fragments separated by runs of spaces/NBSPs (a strip of
other headlines), short lines made mostly of UI words (report/share/cookie widgets),
calls to action and "read also" link lists before or after the body. What is removed is
kept, with its line number and the reason, for ``extract --explain``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from .arabic import Shadow, display_lines, drop_marks, fold, has_arabic, norm, shadow
from .gazetteer import boilerplate, cities, countries
from .records import Stripped

# (two or more: written to open with one character of the set, which the engine skips ahead to)
_STRIP_RUN = re.compile(r"[ \t\u00a0\u2007\u202f][ \t\u00a0\u2007\u202f]+")
_SENTENCE_END = re.compile(r"[.!؟?…:]['\"”»)\]]*\s*$")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the source file
    text: str  # display text (NFC, space runs collapsed, trimmed)
    shadow: Shadow = field(compare=False, repr=False)  # of ``text``, for matching


@dataclass(frozen=True)
class Layout:
    headline: Line | None  # the line in headline position (may still be a bare byline name)
    bylines: tuple[Line, ...]
    body: tuple[Line, ...]
    stripped: tuple[Stripped, ...]


def words(text: str) -> int:
    return len(text.split())  # the runs of \S+ (str.split() and \s agree on whitespace)


def is_strip(raw: str) -> bool:
    """Many headline fragments joined by whitespace runs, as in a site's news ticker."""
    if not _may_run(raw):
        return False
    runs = len(_STRIP_RUN.findall(raw.strip()))
    return runs >= 3 or (runs >= 1 and len(raw) > 600 and not _SENTENCE_END.search(raw))


def _may_run(text: str) -> bool:
    """False when ``text`` holds no run of two of _STRIP_RUN's characters."""
    return "  " in text or "\t" in text or "\u00a0" in text or "\u2007" in text or "\u202f" in text


class _Probe:
    """The questions the layout rules ask about one line; what several rules share (the
    normalised text, the words, the byline kind) is worked out once."""

    __slots__ = ("text", "key", "words", "shadow", "_tokens", "_kind")
    _UNKNOWN = object()

    def __init__(self, text: str, folded: str | None = None):
        """``folded`` is ``fold(text)``, given for a shown line (which is NFC)."""
        self.text = text
        self.shadow = shadow(text, folded)
        nfc = text if folded is not None else unicodedata.normalize("NFC", text)
        folded = self.shadow.text if nfc == text else fold(drop_marks(nfc))
        plain = nfc == text and not self.shadow.cuts  # nothing composed, nothing dropped
        single = folded.isprintable() and "  " not in folded and folded[:1] != " " and folded[-1:] != " "
        if single:
            # the only whitespace is single spaces between words (a shown line, as a rule)
            self.key = folded
            count = folded.count(" ") + 1 if folded else 0
        else:
            pieces = folded.split()
            self.key, count = " ".join(pieces), len(pieces)
        # (self.key is norm(text).) Folding keeps every character's whitespace-ness, and
        # dropping removes no whitespace: the text has the words of its key, unless
        # normalising composed characters or a word was all marks (then two spaces meet,
        # or a space ends the key, or nothing is left of it).
        self.words = count if nfc == text and (plain or (single and folded)) else words(text)
        self._tokens: list[str] | None = None
        self._kind: object = _Probe._UNKNOWN

    def tokens(self) -> list[str]:
        """The runs of \\w of the normalised text."""
        if self._tokens is None:
            self._tokens = re.findall(r"\w+", self.key)
        return self._tokens

    def ui_hits(self) -> int:
        ui = boilerplate().ui_words
        return sum(1 for t in self.tokens() if t in ui or t.lstrip("وب") in ui)

    def ui_share(self) -> float:
        return self.ui_hits() / len(self.tokens()) if self.tokens() else 0.0

    def is_ui(self) -> bool:
        if _SEVENTEEN_WORDS.match(self.key):
            return False  # more than 16 words, found without reading the whole line
        total = len(self.tokens())
        if not total or total > 16:
            return False
        hits = self.ui_hits()
        return (hits >= 2 and hits / total >= 0.25) or (total <= 3 and hits / total >= 0.5)

    def is_caption(self) -> bool:
        return "صو" in self.key and self.words <= 30 and bool(_CAPTION.search(self.key))

    def starts_cta(self) -> bool:
        """A call to action ("اقرأ أيضا", "الأكثر قراءة") or a short heading of a link
        list ("بلاغات ذات صلة")."""
        key = self.key.strip(" :-–—|•*")
        return key.startswith(boilerplate().cta_openers) \
            or (self.words <= 4 and key.endswith(boilerplate().list_heading_endings))

    def byline_kind(self) -> str | None:
        if self._kind is _Probe._UNKNOWN:
            self._kind = self._byline_kind()
        return self._kind  # type: ignore[return-value]

    def _byline_kind(self) -> str | None:
        if self.words > 25:
            return None
        key = self.key.lstrip("|-–— ")
        for kind, openers, whole in _byline_markers():
            if key.startswith(openers) or key in whole:
                if kind == "source" and self.words > 8:
                    continue
                return kind
        rest = _after_outlet(key)
        if rest:  # "الأخبار - إعداد: هشام بنعلي | الأحد 23 نونبر 2025": the outlet, then a byline
            kind = _Probe(rest).byline_kind()
            if kind is not None:
                return kind
            if _short_name(rest):
                return "source"  # "برلمان.كوم - سلمى الفاسي": the outlet and its reporter
        if key.count("|") >= 2 or self.is_dateline() or _AGO.match(key) or self._bylines_between_bars(key):
            return "published"
        if outlet_credit(self.text):
            return "source"  # "هسبريس", "مراكش 24", "مجتمع | هسبريس": the outlet on its line
        if self.words <= 6 and _AGENCY_LINE.match(self.text.strip()):
            return "source"  # "الرباط - و م ع": a dateline crediting an agency
        if self.words <= 6 and place_credit(self.text):
            return "source"  # "إسطنبول: «الشرق الأوسط»"، "أبوظبي - وام:"
        if self.words <= 6 and "/" in self.text:
            head, _, reporter = self.text.partition("/")
            wire = _WIRE_CREDIT.match(head)
            if wire and boilerplate().agency(wire[1]) and len(reporter.split()) <= 3:
                return "source"  # "دمشق-سانا/ لمى الحسن": a dateline, its agency and the reporter
        return None

    @staticmethod
    def _bylines_between_bars(key: str) -> bool:
        """A byline on each side of a bar, one of them a date ("نواكشوط – سيدي محمد ولد
        اباه | الجمعة 28 نوفمبر 2025", "بوابة الدوحة | نشر في: الأربعاء 06/11/2024"), or
        the outlet's name (three words at most) beside them."""
        parts = [p.strip() for p in key.split("|") if p.strip()] if "|" in key else []
        if len(parts) < 2:
            return False
        kinds = [_Probe(p).byline_kind() for p in parts]
        return "published" in kinds and all(k or _short_name(p) for k, p in zip(kinds, parts, strict=True))

    def is_dateline(self) -> bool:
        """Dates (weekday, time, "آخر تحديث: …") and nothing else, but the place filed from
        before them ("الرباط في 3 دجنبر 2025") and an agency or outlet on either side
        ("الوكالة الوطنية للإعلام - السبت 19 تشرين الأول 2019", "… / وام /")."""
        from .arabic import weekday_names
        from .extract.dates import find_dates

        if self.words > 16:
            return False
        if "|" in self.key:  # "الأطلس 24 | كيغالي – الأربعاء 06 فبراير 2019": short credits beside a stamp
            parts = [p.strip() for p in self.key.split("|") if p.strip()]
            if len(parts) > 1 and any(_Probe(p).is_dateline() for p in parts) \
                    and all(len(re.sub(r"[-–—]", " ", p).split()) <= 3 or _Probe(p).is_dateline() for p in parts):
                return True
        key = _CLOCK.sub(" ", self.key)  # (first: "28/11/202310:32" is a date glued to a time)
        found = [m for m in find_dates(key) if m.year1 and not m.is_range]
        if not found:
            return False
        rest, at = [], 0
        for m in found:
            rest.append(key[at : m.start])
            at = m.end
        rest.append(key[at:])
        rest = _HIJRI.sub(" ", " ".join(rest))
        rest = re.sub(r"[،,:()\-–—|/+]", " ", rest)
        left = [w for w in rest.split() if w not in weekday_names() and w not in _STAMP_WORDS]
        for n in (2, 1):  # "الرباط في 3 دجنبر 2025", "كيغالي – الأربعاء": the place filed from
            if len(left) >= n and _is_place(tuple(left[:n])):
                left = left[n + 1:] if len(left) > n and left[n] == "في" else left[n:]
                break
        credit = boilerplate()
        for n in range(min(4, len(left)), 0, -1):  # the agency or outlet first
            head = " ".join(left[:n])
            if credit.agency(head) or head in credit.outlets:
                left = left[n:]
                break
        # all date words, or date words and then an agency: "الرباط في 20 نونبر 2025 / وام /"
        return any(not _DATE_WORDS.sub("", " ".join(left[:k])).strip()
                   and (k == len(left) or credit.agency(" ".join(left[k:])))
                   for k in range(len(left), -1, -1))

    def is_body(self) -> bool:
        n = self.words
        text = self.text
        if n >= 25:
            return True
        end = _SENTENCE_END.search(text)
        # a question or an exclamation under fifteen words is a headline's as often
        return n >= 8 and bool(end) and not text.rstrip().endswith(":") and (n >= 15 or end.group()[0] not in "؟?!")

    def is_headline_shaped(self) -> bool:
        n = self.words
        text = self.text
        # a full stop ends a sentence, not a headline, unless the line is short
        return 1 <= n <= 30 and len(text) <= 300 and (has_arabic(text) or _LATIN_HEADLINE.match(text)) and (
            n <= 7 or not re.search(r"(?<!\.)\.\s*$", text)) and not (n <= 8 and self._only_dates()) \
            and not _INITIALS.fullmatch(text) \
            and not (n <= 3 and text.rstrip().endswith(":"))  # "ق. و": a desk's initials; "عن الحلقة:", a label

    def _only_dates(self) -> bool:
        """A line of dates and nothing else ("24-27 نونبر 2025"): no headline."""
        from .extract.dates import find_dates

        key, rest, at = self.key, [], 0
        for m in find_dates(key):
            rest.append(key[at:m.start])
            at = m.end
        if not at:
            return False
        rest.append(key[at:])
        return not _DATE_WORDS.sub("", " ".join(rest)).strip()


def _short_name(text: str) -> bool:
    """Three words at most, with no digit nor sentence mark: a name on a credit line (an
    outlet's, a reporter's), not a sentence nor a date."""
    return len(text.split()) <= 3 and not re.search(r"[\d.،,:؛!؟?]", text)


#: A headline in French or English ("Interpol : Marrakech ouvre la 93e session …"): five
#: Latin words or more (not a masthead such as "Maghreb Daily").
_LATIN_HEADLINE = re.compile(r"\s*(?:[A-Za-zÀ-ÿ'’]+[\s,:;.!?«»\"()\-–]+){4,}[A-Za-zÀ-ÿ0-9'’]+")

#: Words a deck (the line under a headline) opens with, and a headline seldom does.
_DECK_OPENERS = frozenset({"في", "بعد", "وسط", "رغم", "خلال", "عقب", "اثر", "ضمن", "بين", "بفضل", "حوار"})

#: Seventeen runs of \\w or more (possessive, so no run is split in two).
_SEVENTEEN_WORDS = re.compile(r"(?:\W*+\w++){17}")


@functools.cache
def _byline_markers() -> tuple[tuple[str, tuple[str, ...], frozenset[str]], ...]:
    """(kind, openers, whole lines) per byline kind: a marker and a space or colon opens
    a byline line, a marker alone is one."""
    def openers(m: str) -> tuple[str, ...]:
        return (m, m[:-1] + " :") if m.endswith(":") else (m + " ", m + ":")

    return tuple(
        (kind, tuple(o for m in markers for o in openers(m)), frozenset(m for m in markers if not m.endswith(":")))
        for kind, markers in boilerplate().byline_markers.items()
    )


#: The line a section of readers' comments opens with (normalised): "التعليقات (3)",
#: "تعليقات الزوار", "أضف تعليقك", "اترك تعليقا".
_COMMENTS = re.compile(r"^(?:ال)?(?:تعليقات|تعليقان)(?:\s+(?:الزوار|القراء))?\s*(?:\(\s*\d+\s*\)|:)?\s*$"
                       r"|^(?:اضف|اترك|اكتب)\s+(?:تعليقك|تعليقا|تعليق)")


#: A cookie notice, as written (a sentence about the site's cookies is one).
_COOKIES = re.compile(r"ملفات تعريف الارتباط|(?<!\w)(?:ال)?كوكيز(?!\w)|(?<!\w)cookies(?!\w)", re.IGNORECASE)


def is_menu(text: str) -> bool:
    """A site's menu, five links or more between bars ("الرئيسية | وطني | سياسة | جهات |
    اقتصاد"), or its breadcrumbs: links between arrows ("أخبار > دولي"), between slashes
    (three, or two after الرئيسية) or, after الرئيسية, dashes ("الرئيسية - أخبار مراكش");
    none over three words and none a sentence or a date."""
    home = text.lstrip().startswith("الرئيسية")  # "الرئيسية » حوارات", "الرئيسية - أخبار مراكش"
    bar = "|" if text.count("|") >= 4 else next(
        (a for a, least in (("»", 1), ("›", 1), (">", 1), ("/", 1 if home else 2), ("-", 1 if home else 9))
         if text.count(a) >= least), None)
    if bar is None:
        return False
    parts = [p.strip() for p in text.split(bar)]
    return all(0 < len(p.split()) <= 3 and not re.search(r"[.،,:؛\d]", p) for p in parts)


#: A photo's credit or label (normalised): "(صوره: ارشيف)" or "(صوره ارشيفيه)" opening or
#: closing the line, "الصوره: …" opening it, "- صوره: هسبريس" closing it.
_CAPTION = re.compile(r"^\(\s*(?:ال)?صوره\b[^()]*\)|\(\s*(?:(?:ال)?صوره|تصوير)\b[^()]*\)$"
                      r"|^(?:ال)?صوره\s*(?::|ارشيفيه|تعبيريه|توضيحيه)|[-–—|]\s*(?:(?:ال)?صوره|تصوير)\s*:[^.]*$")


def is_caption(text: str) -> bool:
    """A photo caption: a short line marked as one (not a sentence that says صورة)."""
    return _Probe(text).is_caption()


#: An outlet or agency (up to 30 characters), then a dash or a bar and the rest of the line.
_OUTLET_FIRST = re.compile(r"([^|\-–—\s][^|\-–—]{1,29}?)\s*[|\-–—]\s*(\S.*)$")


def is_ui(text: str) -> bool:
    """A short line of site furniture (report, share, cookie, image notices): at least two
    UI words making up a quarter of it, or half of a very short line."""
    return _Probe(text).is_ui()


def starts_cta(text: str) -> bool:
    return _Probe(text).starts_cta()


def byline_kind(text: str) -> str | None:
    """'published', 'author' or 'source' when the line opens like a byline."""
    return _Probe(text).byline_kind()


def place_credit(text: str, is_name: Callable[[str], bool] = lambda credit: False) -> str | None:
    """The credit of a dateline that names a place, then an agency or a paper
    (``إسطنبول: «الشرق الأوسط»`` → الشرق الأوسط, ``أبوظبي - وام:`` → وام), as written; None
    for any other line. After a colon the credit must look like one: quoted, closed by a
    colon, initials (و م ع), an agency or a name (``is_name``: "مراكش: محمد بلقاسم"), so
    that "مراكش: انطلاق الأشغال" stays a headline."""
    m = _PLACE_CREDIT.match(text.strip())
    if m is None:
        return None
    place = tuple(norm(m["place"]).split())
    if not _is_place(place):
        return None
    credit = m["credit"]
    quoted = credit[:1] in "«\"(" and credit[-1:] in "»\")"
    named = tuple(norm(credit).split())
    if not quoted and _is_place(named):
        return None  # "ليون – فرنسا": the place and its country, no credit (but «الشرق الأوسط»)
    if m["sep"] == ":" and not (quoted or m["end"] or all(len(w) <= 3 for w in credit.split())
                                or norm(credit) in boilerplate().not_authors  # "الرباط: هيئة التحرير"
                                or is_name(credit)):
        return None
    return credit.strip(" «»\"'()")


#: What parts a credit line: a bar, a dash, a slash, or a tatweel between spaces.
_CREDIT_SEPARATOR = re.compile(r"[|\-–—/]|\sـ\s")


def outlet_credit(text: str) -> str | None:
    """The outlet a short line credits, as written: the line is its name, or ends with it
    after a section ("هسبريس", "مراكش 24", "مجتمع | هسبريس"); None for any other line."""
    if len(text.split()) > 4:
        return None
    parts = [p.strip(" :") for p in _CREDIT_SEPARATOR.split(text)]
    if len(parts) == 2 and norm(parts[0]) in boilerplate().outlets and _is_place(tuple(norm(parts[1]).split())):
        return parts[0]  # "هبة بريس ـ أكادير": the outlet, then the place it reports from
    return parts[-1] if parts[-1] and norm(parts[-1]) in boilerplate().outlets else None


def _after_outlet(key: str) -> str | None:
    """What follows an outlet's or an agency's name and a dash or a bar at the start of a
    (normalised) line, or None."""
    m = _OUTLET_FIRST.match(key)
    if m is None:
        return None
    head = m[1].strip()
    return m[2] if head in boilerplate().outlets or boilerplate().agency(head) else None


def credit_from_place(text: str) -> str | None:
    """The outlet of a credit that names it, then the place it reports from (``هسبريس من
    الرباط`` → هسبريس); None for any other line. Read only right under a headline: alone,
    "وفد من الرباط" may be a headline."""
    m = re.match(r"^\s*(?P<credit>[^\s.،,:«»]+(?: [^\s.،,:«»]+)?) من (?P<place>\S+(?: \S+)?)\s*$", text)
    if m is None:
        return None
    place = tuple(norm(m["place"]).split())
    return m["credit"] if _is_place(place) else None


def _credit_then_place(text: str) -> bool:
    """A credit of three words at most, a slash, bar or dash, and the place it reports
    from ("السومرية نيوز/ بغداد", "وكالة الأنباء - طرابلس"). Read only right under a
    headline, like ``credit_from_place``."""
    parts = [p.strip() for p in _CREDIT_SEPARATOR.split(text)]
    return len(parts) == 2 and 0 < len(parts[0].split()) <= 3 and not _LINK_MARKS.search(parts[0]) \
        and _is_place(tuple(norm(parts[1]).split()))


def _is_place(words: tuple[str, ...]) -> bool:
    """Whether the (normalised) words name a city or a country."""
    return words in cities().names or words in countries().names


_PLACE_CREDIT = re.compile(
    r"^(?P<place>[^\s.،,:«»\-–—]+(?: [^\s.،,:«»\-–—]+)?)(?:\s*(?P<sep>:)|\s+[-–—]|[-–—](?=\s))"
    r"\s*(?P<credit>[«\"(]?[^\s.:،]+"
    r"(?: [^\s.:،]+){0,3}[»\")]?)\s*(?P<end>:?)$"
)
#: "الرباط - و م ع": a place, a dash with a space beside it (not "مباحثات مغربية-إسبانية"), a credit.
_AGENCY_LINE = re.compile(r"^[^\s.،,]+(?:\s[^\s.،,]+)?(?:\s+[-–—]\s*|[-–—]\s+)\(?[^\s.]+(?:\s[^\s.]+){0,3}\)?$")
#: "دمشق-سانا", "عمان - بترا": a place and the agency it credits (group 1).
_WIRE_CREDIT = re.compile(r"^\s*[^\s.،,\-–—]+(?:\s[^\s.،,\-–—]+)?\s*[-–—]\s*([^\s.،,]+(?:\s[^\s.،,]+){0,2})\s*$")
#: "منذ ساعتين", "قبل 5 دقائق": when the page was shown, a byline without a date (normalised).
_AGO = re.compile(
    r"^(?:نشر\s+)?(?:منذ|قبل)\s+(?:\d+\s+)?(?:ثانيه|ثوان|ثواني|دقيقه|دقيقتين|دقائق|ساعه|ساعتين|ساعات"
    r"|يوم|يومين|ايام|اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر|سنه|سنتين|سنوات)\s*$")
_CLOCK = re.compile(r"\d{1,2}(?::\d{2}(?::\d{2})?|h\d{2})")  # 10:32, 12h45
#: A Hijri date written beside the Gregorian one (normalised text): "6 جمادي الاخره 1447ه الموافق",
#: "1444/3/25ه الموافق".
_HIJRI = re.compile(
    r"(?<!\w)\d{1,2}\s+(?:محرم|صفر|ربيع\s+(?:الاول|الثاني|الاخر)|جمادي\s+(?:الاولي|الاول|الاخره|الثانيه)"
    r"|رجب|شعبان|رمضان|شوال|ذو\s+القعده|ذو\s+الحجه)\s+\d{4}\s*ه?(?!\w)|(?<!\w)(?:الموافق|موافق)(?:\s+ل)?(?!\w)"
    r"|(?<!\d)(?:1[34]\d\d/\d{1,2}/\d{1,2}|\d{1,2}/\d{1,2}/1[34]\d\d)\s*ه?(?!\w)")  # "1444/3/25 هـ"
#: The words of a time stamp besides dates and weekdays (normalised).
_STAMP_WORDS = frozenset(("يوم", "بتاريخ", "علي", "اخر", "تحديث", "التحديث", "نشر", "النشر", "تاريخ", "الساعه",
                          "بتوقيت", "مكه", "غرينيتش", "غرينتش", "توقيت"))
_DATE_WORDS = re.compile(r"(?:صباحا|مساء|مساءا|ص|م|GMT|بتوقيت|غرينتش|المغرب|الرباط|[-–—|/,،:()\s])+")


def is_dateline(text: str) -> bool:
    """A short header line that only states a date (and time, weekday): the publication date."""
    return _Probe(text).is_dateline()


def is_body(text: str) -> bool:
    return _Probe(text).is_body()


def is_headline_shaped(text: str) -> bool:
    return _Probe(text).is_headline_shaped()


#: Lines a hard-wrapping tool cut are within this many characters of the widest.
WRAP_SLACK = 16
_LIST_ITEM = re.compile(r"\s*(?:[-–•*»]|\d+\s*[-.)])")


def unwrapped(text: str) -> str:
    """``text`` with the paragraphs a tool hard-wrapped at a fixed width (every line but a
    block's last within ``WRAP_SLACK`` characters of the widest, blocks between blank
    lines) joined again, each on its first line; the lines it took become blank, so every
    line keeps its number. Only from the first block of three such lines on (the header
    above it is lines of their own), and only when two blocks or more are so wrapped."""
    lines = text.split("\n")
    blocks, start = [], None  # [first, end) of the runs of non-blank lines
    for i, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = i
        elif not line.strip() and start is not None:
            blocks.append((start, i))
            start = None
    widths = [len(line.strip()) for line in lines]
    width = max((widths[i] for a, b in blocks if b - a >= 3 for i in range(a, b - 1)), default=0)
    if width < 40:
        return text

    def wrapped(a: int, b: int) -> bool:
        return b - a >= 2 and all(width - WRAP_SLACK <= widths[i] <= width and not _LIST_ITEM.match(lines[i])
                                  for i in range(a, b - 1)) and not _LIST_ITEM.match(lines[b - 1])

    runs = [(a, b) for a, b in blocks if b - a >= 3 and wrapped(a, b)]
    if len([r for r in blocks if wrapped(*r)]) < 2 or not runs:
        return text
    for a, b in blocks:
        if a >= runs[0][0] and wrapped(a, b):
            lines[a] = " ".join(line.strip() for line in lines[a:b])
            lines[a + 1 : b] = [""] * (b - a - 1)
    return "\n".join(lines)


def layout(text: str, is_name: Callable[[str], bool] = lambda line: False) -> Layout:
    """Split decoded text into headline, bylines and body; strip boilerplate. ``is_name``
    tells a line that is only a person's name: right below a headline, it is the author's
    byline (``خديجة أمزيان``), not the headline."""
    text = unwrapped(text)
    raw_lines = text.split("\n")
    stripped: list[Stripped] = []
    lines: list[Line] = []
    probes: dict[int, _Probe] = {}  # line number → what the rules ask of the line
    strips = _may_run(text)  # (else no line is a strip of headlines)
    shown_lines = display_lines(text)
    for i, (raw, (shown, folded)) in enumerate(zip(raw_lines, shown_lines, strict=True), start=1):
        if not raw.strip():
            continue
        if strips and is_strip(raw):
            stripped.append(Stripped(i, shown, "strip of other headlines (whitespace-separated fragments)"))
        elif not has_arabic(shown) and not re.search(r"\d", shown):
            stripped.append(Stripped(i, shown, "no Arabic text"))
        elif is_menu(shown):
            stripped.append(Stripped(i, shown, "site menu (links between bars)"))
        elif _COOKIES.search(shown):
            stripped.append(Stripped(i, shown, "cookie notice"))
        else:
            probe = _Probe(shown, folded)
            if probe.is_caption():
                stripped.append(Stripped(i, shown, "photo caption"))
                continue
            if probe.words <= 6 and _COMMENTS.match(probe.key) and any(probes[ln.number].is_body() for ln in lines):
                # the readers' comments, after the article: to the end of the page
                stripped.extend(Stripped(j, rest, "readers' comments")
                                for j, (rest, _) in enumerate(shown_lines[i - 1:], start=i) if rest)
                break
            lines.append(Line(i, shown, probe.shadow))
            probes[i] = probe

    def kind(k: int) -> str | None:
        return probes[lines[k].number].byline_kind()

    # The byline anchors the header: the article starts at the headline just above it.
    head_limit = next((k for k, ln in enumerate(lines) if probes[ln.number].words >= 25), len(lines))
    byline_idx = [k for k in range(min(head_limit + 1, len(lines))) if kind(k)]
    if byline_idx:
        first_byline = byline_idx[0]
        def credit(k: int) -> bool:  # "بغداد: زينب الربيعي" or "ق. و" under the byline: the reporter's
            return bool(kind(k)) or (probes[lines[k].number].words <= 6 and (
                place_credit(lines[k].text, is_name) is not None or bool(_INITIALS.fullmatch(lines[k].text))))

        body_start = next((k for k in range(byline_idx[-1] + 1, len(lines)) if not credit(k)), len(lines))
        head = lines[:first_byline]
        bylines = [lines[k] for k in range(first_byline, body_start) if credit(k)]
        extra = [lines[k] for k in range(first_byline, body_start) if not credit(k)]
        head = _without_masthead(head + extra, bylines, probes, stripped)
        if not head and body_start + 1 < len(lines):
            # the byline on top ("الخميس 27 نونبر 2025 - 10:15"), the headline below it
            p = probes[lines[body_start].number]
            if p.is_headline_shaped() and not p.is_body() and not p.is_ui() and not p.starts_cta():
                head = [lines[body_start]]
                body_start += 1
    else:
        body_start = 0
        while body_start < len(lines):
            p = probes[lines[body_start].number]
            if p.is_body() and not p.is_ui():
                break
            body_start += 1
        if body_start == len(lines):  # no paragraph-like line: everything after the headline is body
            body_start = min(1, len(lines))
        head = _without_masthead(lines[:body_start], [], probes, stripped)
        bylines = []

    headline = None
    # the line right under an author's byline is their post ("بقلم: …" over "أستاذ العلاقات
    # الدولية بجامعة …"), not the headline
    posts = {ln.number for k, ln in enumerate(lines) if k and probes[lines[k - 1].number].byline_kind() == "author"}
    for k in range(len(head) - 1, -1, -1):
        p = probes[head[k].number]
        if p.is_headline_shaped() and not p.is_ui() and not p.starts_cta() and head[k].number not in posts:
            headline = head[k]
            break
    # a name ("خديجة أمزيان"), or a place and a name ("مراكش: محمد بلقاسم"), under a headline
    if headline is not None and k > 0 and (is_name(place_credit(headline.text, is_name) or headline.text)
                                           or credit_from_place(headline.text)  # "هسبريس من الرباط"
                                           or _credit_then_place(headline.text)):  # "السومرية نيوز/ بغداد"
        above = probes[head[k - 1].number]
        if above.is_headline_shaped() and not above.is_ui() and not above.starts_cta():
            bylines = sorted([*bylines, headline], key=lambda ln: ln.number)
            headline = head[k - 1]
    deck = []
    k, first = (head.index(headline), probes[headline.number].tokens()[:1]) if headline is not None else (0, [])
    if k > 0 and first and first[0] in _DECK_OPENERS \
            and not any(head[k - 1].number < s.line < headline.number for s in stripped):  # (right above it)
        above = probes[head[k - 1].number]
        if above.is_headline_shaped() and not above.is_ui() and not above.starts_cta():
            # "المغرب ينتخب نائبا لرئيس الإنتربول" over "في تتويج جديد …": the headline and its deck
            deck, headline = [headline], head[k - 1]
    for ln in head:
        if ln is not headline and ln not in bylines and ln not in deck:
            stripped.append(Stripped(ln.number, ln.text, "page furniture above the headline"))

    # under each rule (----) of the page, the number of the next line that is not blank
    rules = frozenset(_next_filled(raw_lines, i) for i, raw in enumerate(raw_lines, start=1) if _RULE.fullmatch(raw))
    body = _strip_body(deck + lines[body_start:], probes, stripped, rules)
    # a columnist's signature: a name alone on its line after the last paragraph, with
    # at most a line that is no paragraph under it ("كاتبة وباحثة في الشؤون الأمنية")
    signed = [ln for k, ln in enumerate(body) if 0 < k and is_name(ln.text) and probes[body[k - 1].number].is_body()
              and (k + 1 == len(body) or not probes[body[k + 1].number].is_body())]
    # the date published, written only after the last paragraph ("تاريخ النشر: الخميس 27 نوفمبر")
    dated = [ln for k, ln in enumerate(body) if k >= max(1, len(body) - 2) and not probes[ln.number].is_body()
             and probes[ln.number].byline_kind() == "published"] if not bylines else []
    if signed or dated:
        bylines = sorted([*bylines, *signed, *dated], key=lambda ln: ln.number)
        body = [ln for ln in body if ln not in signed and ln not in dated]
    return Layout(headline, tuple(bylines), tuple(body), tuple(sorted(stripped, key=lambda s: s.line)))


def _without_masthead(head: list[Line], bylines: list[Line], probes: dict[int, _Probe],
                      stripped: list[Stripped]) -> list[Line]:
    """``head`` without the site's name and menu a page opens with: a column of links (four
    lines or more in a row, each three words at most, with no digit or punctuation) and the
    short lines above it, and a short line named again further down the header (the
    outlet on top, "السومرية نيوز" over "السومرية نيوز/ بغداد", "الشرق الأوسط" over
    "لندن: «الشرق الأوسط»")."""
    drop: set[int] = set()
    run: list[int] = []
    for k, ln in enumerate([*head, None]):
        p = probes[ln.number] if ln is not None else None
        if p is not None and p.words <= 3 and not _LINK_MARKS.search(p.text) and not p.byline_kind():
            run.append(k)
            continue
        if len(run) >= 4:  # the column, and the site's name above it
            drop.update(run + [j for j in range(run[0]) if probes[head[j].number].words <= 4])
        run = []
    below = [ln.text for ln in [*head, *bylines]]
    for k, ln in enumerate(head):
        if k not in drop and probes[ln.number].words <= 4 and any(ln.text.strip() in t for t in below[k + 1:]):
            drop.add(k)
    for k in sorted(drop):
        stripped.append(Stripped(head[k].number, head[k].text, "the site's name or menu"))
    return [ln for k, ln in enumerate(head) if k not in drop] if drop else head


#: What the words of a menu's link never hold: digits and sentence punctuation.
_LINK_MARKS = re.compile(r"[\d٠-٩.،,:؛!?؟«»\"()]")


#: A desk's or reporter's initials on a line of their own: "ق. و", "ع.م/أ.ب".
_INITIAL = r"[\u0621-\u064a]\s*\.\s*[\u0621-\u064a]\s*\.?"
_INITIALS = re.compile(rf"\s*{_INITIAL}(?:\s*/\s*{_INITIAL})?\s*")

#: A horizontal rule drawn in text: a run of dashes, stars, equals signs or underscores.
_RULE = re.compile(r"\s*[-_=*─━•.]{5,}\s*")


def _next_filled(lines: list[str], number: int) -> int:
    """The number (1-based) of the first line after line ``number`` that is not blank."""
    return next((k + 1 for k in range(number, len(lines)) if lines[k].strip()), len(lines) + 1)


def _strip_body(lines: list[Line], probes: dict[int, _Probe], stripped: list[Stripped],
                rules: frozenset[int] = frozenset()) -> list[Line]:
    """Drop UI lines, "read also" lists and trailing calls to action from the body. A call
    to action right under a rule (a line of ----) ends the article: what follows is
    another one ("اقرأ أيضا" and a whole article under it)."""
    body: list[Line] = []
    in_list = False
    for k, ln in enumerate(lines):
        p = probes[ln.number]
        if p.starts_cta() and p.words <= 20 and ln.number in rules:
            stripped.extend(Stripped(rest.number, rest.text, "another article, after a rule and a call to action")
                            for rest in lines[k:])
            break
        if p.starts_cta() and p.words <= 20:
            stripped.append(Stripped(ln.number, ln.text, "call to action or link list"))
            in_list = True
            continue
        if in_list and not p.is_body():
            stripped.append(Stripped(ln.number, ln.text, "item of a link list"))
            continue
        in_list = False
        if p.is_ui():
            stripped.append(Stripped(ln.number, ln.text, "site furniture (UI words)"))
            continue
        body.append(ln)
    while body:
        p = probes[body[-1].number]
        if p.is_body() or not (p.ui_share() > 0 or p.words <= 3):
            break
        ln = body.pop()
        stripped.append(Stripped(ln.number, ln.text, "trailing page furniture"))
    return body
