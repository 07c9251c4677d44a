"""Date expressions in Arabic news text.

Works on the normalised shadow (ASCII digits, folded letters). Month names are CLDR's
for every Arabic locale, and a month word only counts inside a date shape (next to a
day number or a year): ``آب`` is also "father", ``مارس`` a verb. Forms:

- ``24 نونبر 2025``, ``24 من شهر نوفمبر 2025``, ``24 نوفمبر/تشرين الثاني 2025``
- ranges ``بين 4 و7 نونبر الجاري``, ``من 4 إلى 7 نوفمبر 2024``, ``30 نونبر - 2 دجنبر 2025``
- numeric ``24/11/2025``, ``11/21/2025`` (a part > 12 is the day), ``24 - 11 - 2025``,
  ``2025-11-24``
- days in words ``فاتح نونبر``, ``الرابع والعشرين من نوفمبر 2025``,
  ``من الرابع إلى السابع من نونبر الجاري``
- weekdays ``اليوم الخميس``, ``أمس الثلاثاء``, ``صباح يوم الجمعة``
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from ..arabic import month_number, month_pattern, ordinal_words, phrase_pattern, weekday_names
from .tokens import matches_at, occurrences

_D = r"(?<!\d)([0-3]?\d)(?!\d)"
_Y = r"((?:19|20)\d{2})(?!\d)"
#: A year written on its own (group 1): what the session and venue steps look for beside a mention.
YEAR = re.compile(r"(?<!\d)" + _Y)
#: Between the days of a range: و، إلى (غاية)، لغاية، حتى (ولغاية، وحتى), a dash.
_TO = r"و?(?:الي(?:\s+غايه)?|لغايه|حتي)|و|-|–|—"
_SEP = rf"\s*(?:{_TO})\s*"
_CURRENT = r"(?:\s+(الجاري|الحالي))?"


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateMention:
    """A date or day range found at [start, end) of the shadow text; year may be unknown."""

    start: int
    end: int
    day1: int
    month1: int
    day2: int
    month2: int
    year1: int | None
    year2: int | None
    current: bool = False  # "of the current month"
    numeric: bool = False
    ambiguous_order: bool = False  # numeric with both parts <= 12: read as DD/MM

    @property
    def is_range(self) -> bool:
        return (self.day1, self.month1) != (self.day2, self.month2)

    def dates(self, year: int | None = None) -> tuple[dt.date, dt.date] | None:
        y1 = self.year1 or self.year2 or year
        y2 = self.year2 or self.year1 or year
        if y1 is None or y2 is None:
            return None
        if self.year1 is None and self.year2 is not None and self.month1 > self.month2:
            y1 = y2 - 1  # 30 دجنبر - 2 يناير 2026
        try:
            first, last = dt.date(y1, self.month1, self.day1), dt.date(y2, self.month2, self.day2)
        except ValueError:
            return None
        return (first, last) if first <= last else None


@dataclass(frozen=True)
class WeekdayMention:
    start: int
    end: int
    weekday: int  # Monday = 0
    offset: int | None  # publication day minus event day: 0 اليوم, 1 أمس, -1 غدا (غد), -2 بعد غد


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    m = month_pattern()
    month = rf"(?:من\s+)?(?:شهر\s+)?({m})(?:\s*[/(]\s*{m}\s*\)?)?"
    year = rf"(?:\s*[،,]?\s*(?:من\s+)?(?:سنه|عام)?\s*{_Y})?"
    return {
        "cross": re.compile(
            rf"((?:بين|من)\s+)?{_D}\s+{month}(?:\s+{_Y})?\s*({_TO})\s*{_D}\s+{month}{year}"
        ),
        "range": re.compile(rf"{_D}{_SEP}{_D}\s+{month}{year}{_CURRENT}"),
        "single": re.compile(rf"{_D}\s+{month}{year}{_CURRENT}"),
        "month_first": re.compile(rf"(?<!\w)({m})\s+{_D}\s*[,،]\s*{_Y}"),
        "iso": re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)"),
        "numeric": re.compile(r"(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*((?:19|20)\d{2})(?!\d)"),
    }


def _valid(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def find_dates(text: str, day_month_hints: frozenset[tuple[int, int]] = frozenset()) -> list[DateMention]:
    """Every date expression in ``text`` (a shadow), longest forms first, no overlaps.

    ``day_month_hints`` are (day, month) pairs stated elsewhere in words; they settle the
    order of an all-small numeric date such as 05/11/2025.
    """
    return with_hints(_find_dates(text), day_month_hints)


def with_hints(mentions: list[DateMention], day_month_hints: frozenset[tuple[int, int]]) -> list[DateMention]:
    """``mentions`` (found without hints) with each all-small numeric date read MM/DD when
    only that order is a (day, month) pair stated in words, or, when neither is, only
    that order falls in a month named in words (11/1/2024 beside "16 نونبر" is 1
    November). The order changes neither span nor validity (both parts are <= 12), so
    the hints can come after the search."""
    if not day_month_hints:
        return mentions
    months = {month for _, month in day_month_hints}
    out = []
    for m in mentions:
        # found without hints, an ambiguous date is (day, month) as written
        if m.ambiguous_order and _month_first(m.day1, m.month1, day_month_hints, months):
            m = dataclasses.replace(m, day1=m.month1, month1=m.day1, day2=m.month1, month2=m.day1)
        out.append(m)
    return out


def _month_first(first: int, second: int, hints: frozenset[tuple[int, int]], months: set[int]) -> bool:
    """Whether the words of the text say that first/second (both <= 12) is MM/DD."""
    if (first, second) in hints or (second, first) in hints:
        return (second, first) in hints and (first, second) not in hints
    return first in months and second not in months


def day_month_pairs(text: str) -> frozenset[tuple[int, int]]:
    """(day, month) pairs written with month words, to settle numeric day/month order."""
    return pairs(find_dates(text))


def pairs(mentions: list[DateMention]) -> frozenset[tuple[int, int]]:
    """The (day, month) pairs of the mentions written with month words."""
    out = set()
    for m in mentions:
        if not m.numeric:
            out.add((m.day1, m.month1))
            out.add((m.day2, m.month2))
    return frozenset(out)


_DIGIT_RUN = re.compile(r"\d\d*")  # \d+, opening with a \d so the regex engine skips ahead to one


class _Starts(NamedTuple):
    """Where each date pattern can begin, in order."""

    cross: list[int]  # a day followed by a space, or the بين/من before it
    range: list[int]  # a day followed by a range separator (و، الى، حتى، لغاية، -)
    single: list[int]  # a day followed by a space
    month_first: list[int]  # the one or two words before a day followed by a comma ("Nov 24, 2025")
    iso: list[int]  # a four-digit year followed by - / .
    numeric: list[int]  # one or two digits followed by - / .


def _starts(text: str) -> _Starts:
    """Every pattern opens with a digit run not preceded by a digit: a day (one digit, or
    two from 0-3, as ``_D``), a numeric part (one or two digits) or an ISO year (four),
    followed by what the pattern puts next; a cross-month range may open with بين/من and
    spaces before its first day. The patterns are tried only there (``matches_at``)."""
    found = _Starts([], [], [], [], [], [])
    first = _DIGIT.search(text)
    if first is None:
        return found
    for run in _DIGIT_RUN.finditer(text, first.start()):
        start, end = run.span()
        size = end - start
        if size > 4 or size == 3:
            continue
        spaced = end < len(text) and text[end].isspace()
        after = end
        while after < len(text) and text[after].isspace():
            after += 1
        nxt = text[after : after + 1]
        if size == 4:
            if nxt and nxt in "-/.":
                found.iso.append(start)
            continue
        if nxt and nxt in "/.-":
            found.numeric.append(start)
        if size <= 2 and nxt and nxt in ",،":  # the month's word or two words before the day
            word = start
            for _ in range(2):
                while word > 0 and text[word - 1].isspace():
                    word -= 1
                while word > 0 and not text[word - 1].isspace():
                    word -= 1
                found.month_first.append(word)
        if size == 2 and text[start] not in "0123":
            continue  # not a day of _D
        if nxt and nxt in "واحل-–—":  # و، الى، حتى، لغاية, a dash
            found.range.append(start)
        if spaced:
            found.single.append(start)
            gap = start
            while gap > 0 and text[gap - 1].isspace():
                gap -= 1
            if gap < start:  # بين or من, spaces, the day
                if gap >= 3 and text[gap - 3 : gap] == "بين":
                    found.cross.append(gap - 3)
                elif gap >= 2 and text[gap - 2 : gap] == "من":
                    found.cross.append(gap - 2)
            found.cross.append(start)
    return found


def _find_dates(text: str) -> list[DateMention]:
    starts = _starts(text)
    if not any(starts):
        return _word_dates(text, [])
    p = _patterns()
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(mention: DateMention) -> None:
        if mention.dates(mention.year1 or mention.year2 or 2024) is None and not mention.is_range:
            return  # 31 فبراير: no such day
        taken.append((mention.start, mention.end))
        out.append(mention)

    for mt in matches_at(p["cross"], text, starts.cross):
        opener, d1, m1, y1, sep, d2, m2, y2 = mt.groups()
        if sep == "و" and not opener:
            continue  # "3 غشت و5 شتنبر" are two dates unless "بين" opens a range
        mo1, mo2 = month_number(m1), month_number(m2)
        if mo1 and mo2 and _valid(int(d1), mo1) and _valid(int(d2), mo2) and free(*mt.span()):
            add(DateMention(mt.start(), mt.end(), int(d1), mo1, int(d2), mo2,
                            int(y1) if y1 else None, int(y2) if y2 else None))
    for mt in matches_at(p["range"], text, starts.range):
        d1, d2, m, y, cur = mt.groups()
        mo = month_number(m)
        if mo and _valid(int(d1), mo) and _valid(int(d2), mo) and int(d1) < int(d2) and free(*mt.span()):
            yy = int(y) if y else None
            add(DateMention(mt.start(), mt.end(), int(d1), mo, int(d2), mo, yy, yy, current=bool(cur)))
    for mt in matches_at(p["single"], text, starts.single):
        d, m, y, cur = mt.groups()
        mo = month_number(m)
        if mo and _valid(int(d), mo) and free(*mt.span()):
            yy = int(y) if y else None
            add(DateMention(mt.start(), mt.end(), int(d), mo, int(d), mo, yy, yy, current=bool(cur)))
    for mt in matches_at(p["month_first"], text, sorted(set(starts.month_first))):
        m, d, y = mt.groups()
        mo = month_number(m)
        if mo and _valid(int(d), mo) and free(*mt.span()):
            add(DateMention(mt.start(), mt.end(), int(d), mo, int(d), mo, int(y), int(y)))
    for mt in matches_at(p["iso"], text, starts.iso):
        y, mo, d = (int(g) for g in mt.groups())
        if _valid(d, mo) and free(*mt.span()):
            add(DateMention(mt.start(), mt.end(), d, mo, d, mo, y, y, numeric=True))
    for mt in matches_at(p["numeric"], text, starts.numeric):
        a, _, b, y = mt.groups()
        first, second, year = int(a), int(b), int(y)
        if not free(*mt.span()):
            continue
        if first > 12 and _valid(first, second):
            day, month, amb = first, second, False
        elif second > 12 and _valid(second, first):
            day, month, amb = second, first, False  # MM/DD/YYYY
        elif _valid(first, second):
            day, month, amb = first, second, first != second  # DD/MM unless hints say otherwise
        else:
            continue
        add(DateMention(mt.start(), mt.end(), day, month, day, month, year, year,
                        numeric=True, ambiguous_order=amb))
    out.extend(_word_dates(text, taken))
    return sorted(out, key=lambda m: m.start)


#: A day of the month in words: فاتح (the Maghrebi "first"), or a masculine ordinal up to
#: the thirty-first (اليوم is masculine: الرابع والعشرين من نونبر).
@functools.cache
def _day_words() -> dict[str, int]:
    days = {w: n for w, n in ordinal_words().items()
            if n <= 31 and not w.split()[0].endswith("ه") and w.split()[0] != "الاولي"}
    return {**days, "فاتح": 1, "الفاتح": 1}


#: Every day word holds one of these (a quick test before the month words are sought).
_DAY_STEMS = ("فاتح", "الاول", "الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس",
              "السابع", "الثامن", "التاسع", "العاشر", "العشر", "الثلاث")

#: Nouns an ordinal can count that are not days: الأسبوع الأول من نونبر, النصف الثاني من …
_NOT_A_DAY = frozenset(
    "الاسبوع الاسبوعين النصف الثلث الربع العشر الشطر الجزء العدد الفصل المحور الشهر".split()
)


@functools.cache
def _word_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    m = month_pattern()
    day = phrase_pattern(_day_words())
    month = rf"(?<!\w)({m})(?!\w)(?:\s*[/(]\s*(?:{m})\s*\)?)?"
    # the day (or two) before a month word, read back from it: end-anchored on a window
    before = re.compile(
        rf"(?:(?<!\w)(بين|من)\s+)?(?<!\w)[وفب]?({day})(?:\s*({_TO})\s*({day}))?\s+(?:من\s+)?(?:شهر\s+)?$"
    )
    after = re.compile(rf"(?:\s*[،,]?\s*(?:من\s+)?(?:سنه|عام)?\s*{_Y})?{_CURRENT}")
    return re.compile(month), before, after


def _word_dates(text: str, taken: list[tuple[int, int]]) -> list[DateMention]:
    """Dates whose days are words (``فاتح نونبر``, ``من الرابع إلى السابع من نونبر``),
    found from each month word back to the day before it; none overlaps ``taken``."""
    if not any(stem in text for stem in _DAY_STEMS):
        return []
    months, before, after = _word_patterns()
    days = _day_words()
    out: list[DateMention] = []
    for mm in months.finditer(text):
        head = before.search(text, max(0, mm.start() - 80), mm.start())
        if head is None:
            continue
        opener, d1, sep, d2 = head.groups()
        prev = text[: head.start()].split()[-1:]
        if prev and prev[0] in _NOT_A_DAY:
            continue
        mo = month_number(mm.group(1))
        day1 = days[re.sub(r"\s+", " ", d1)]
        day2 = days[re.sub(r"\s+", " ", d2)] if d2 else day1
        if d2 and (day2 <= day1 or (sep.strip() == "و" and not opener)):
            continue
        tail = after.match(text, mm.end())
        y = int(tail.group(1)) if tail.group(1) else None
        start, end = head.start(), tail.end()
        if mo and _valid(day1, mo) and _valid(day2, mo) and all(end <= s or start >= e for s, e in taken):
            out.append(DateMention(start, end, day1, mo, day2, mo, y, y, current=bool(tail.group(2))))
    return out


@functools.cache
def _weekdays_with_al() -> tuple[str, ...]:
    return tuple(sorted((n for n in weekday_names() if n.startswith("ال")), key=len, reverse=True))


_TIMES_OF_DAY = ("صباح", "مساء", "ظهر", "عشيه", "ليله", "فجر")
_RELATIVE_DAYS = ("اليوم", "امس", "البارحه", "بعد غد", "غدا", "غد", "يوم", "يومي")  # (يومي الثلاثاء والأربعاء)


@functools.cache
def _weekday_pattern() -> re.Pattern[str]:
    names = _weekdays_with_al()
    days = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"(?<![\w])(?:(?:{'|'.join(_TIMES_OF_DAY)})\s+(?:({'|'.join(_RELATIVE_DAYS)})\s+)?"
        rf"|({'|'.join(_RELATIVE_DAYS)})\s+)"
        rf"({days})(?![\w])"
    )


def find_weekdays(text: str) -> list[WeekdayMention]:
    """``اليوم الخميس``, ``صباح اليوم الخميس``, ``مساء الخميس``, ``أمس الثلاثاء``, ``يوم الجمعة``."""
    table = weekday_names()
    offsets = {"اليوم": 0, "امس": 1, "البارحه": 1, "بعد غد": -2, "غدا": -1, "غد": -1, "يوم": None, "يومي": None}
    out = []
    if not any(day in text for day in _weekdays_with_al()):
        return out
    # a mention begins with its time of day or its relative day
    for mt in matches_at(_weekday_pattern(), text, occurrences(text, _TIMES_OF_DAY + _RELATIVE_DAYS)):
        rel_after_time, rel, day = mt.groups()
        out.append(WeekdayMention(mt.start(), mt.end(), table[day], offsets[rel_after_time or rel or "يوم"]))
    # the news agencies' weekday alone: "أعلنت الشرطة، الثلاثاء، أن", "قالت الوزارة الخميس إن"
    for mt in _bare_weekday_pattern().finditer(text):
        g = next(k for k in (1, 2, 3) if mt.group(k))
        if not any(w.start <= mt.start(g) < w.end for w in out):
            out.append(WeekdayMention(mt.start(g), mt.end(g), table[mt.group(g)], None))
    return sorted(out, key=lambda w: w.start)


#: Weekdays that are no other word (الاثنين is also "the two", الأحد "the one", الجمعة
#: "the congregation"): these may stand alone before what was said.
_PLAIN_WEEKDAYS = ("الثلاثاء", "الاربعاء", "الخميس", "السبت")


@functools.cache
def _bare_weekday_pattern() -> re.Pattern[str]:
    days = "|".join(re.escape(n) for n in _weekdays_with_al())
    plain = "|".join(_PLAIN_WEEKDAYS)
    return re.compile(rf"[،,]\s*({days})\s*[،,]|(?<!\w)({plain})(?=\s+(?:ان|انه|انها|بان)(?!\w))"
                      rf"|(?<!\w)({days})(?=\s+(?:الماضي|المنصرم|الفارط)(?!\w))")  # "الخميس الماضي"


_YEAR_NEXT = re.compile(
    r"(?:المقبله|القادمه|التاليه|المقبل|القادم)[^.!?؟\n]{0,40}?(?:في|عام|سنه|خلال)\s+((?:19|20)\d{2})(?!\d)"
)


def next_event_years(text: str) -> list[int]:
    """Years given for "the next" event (``الدورة المقبلة في 2025``): this one is a year earlier."""
    if "المقبل" not in text and "القادم" not in text and "التاليه" not in text:
        return []  # none of the words of _YEAR_NEXT
    return [int(y) for y in _YEAR_NEXT.findall(text)]


def day_in_range(weekday: int, first: dt.date, last: dt.date) -> dt.date | None:
    """The single day with this weekday inside [first, last], if exactly one."""
    days = [first + dt.timedelta(n) for n in range((last - first).days + 1)]
    hits = [d for d in days if d.weekday() == weekday]
    return hits[0] if len(hits) == 1 else None
