"""Cities, and which one is the venue of the article's main event.

A venue is not the most frequent city: an article about Glasgow may name Marrakech more
often, as the host of the *next* session. Each city mention is scored by what binds it to
the article's own event: the session named in the same sentence, a locative (في، بـ،
مدينة، تحتضن), event words (اليوم، أشغال، المنعقدة). A city in a sentence about the next
session belongs to that session; a city used as a modifier (مرفأ بيروت) or as the seat
of an institution (المركز العالمي للتكوين في إفران، مقر المنظمة بليون) is not a venue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import City, cities, countries
from .dates import YEAR
from .sessions import SessionMention
from .tokens import Words, find_phrases, sentence_bounds

_LOCATIVE = re.compile(
    r"(?:(?:^|\s)(?:في|ب|الي|من|داخل)\s*$|مدينه\s*$|(?:^|\s)(?:في\s+|ب)ال?عاصمه\s+\S+\s*$|(?:احتضنت|تحتضن|تحتضنها|احتضنتها|تستضيف|استضافت|"
    r"تستضيفها|استضافتها|المنعقده|انعقدت|تنعقد|عقدت|المقامه|تلتئم)\s+(?:ب|في|مدينه)?\s*$)"
)
_EVENT = re.compile(
    r"اليوم|انطلق|افتتاح|اشغال|المنعقده|انعقاد|انعقدت|عقدت|تنعقد|تلتئم|احتضن|تحتضن|تستضيف|"
    r"استضاف|ندوه|اجتماع|الجمعيه العامه|الدوره|المؤتمر|القمه|لقاء"
)
#: A National Central Bureau is named after its city ("أنتربول الرباط", "انتربول-واشنطن"),
#: or said to be in it ("المكتب المركزي الوطني للإنتربول في عمان"), and so is a counterpart
#: ("تبادلها مكتب الإنتربول في القاهرة مع نظيره في مدريد", "مكتب الإنتربول الوطني في بغداد")
#: (normalised)
_NCB = re.compile(r"(?:(?:^|[\s\-–])(?:ال)?[اإأ]?نتربول\s*[-–]?"
                  r"|مكتب(?:\s+\S+){0,3}\s+(?:ال|لل)?[اإأ]?نتربول(?:\s+ال(?:وطني|مركزي|اقليمي))?\s+(?:في\s+|ب)?"
                  r"|(?<!\S)(?:نظيره|نظيرها|نظيرته|نظيرتها|نظيريه|نظرائه|نظرائها)\s+(?:في\s+|ب))\s*$")
#: What follows the city a dispatch opens with: "غلاسكو 7 تشرين الثاني (بترا)-", "بكين في 27 سبتمبر /قنا/"
_WIRE_HEAD = re.compile(r"\s*(?:\(|-|–|:|/|في\s+\d|\d)")
_DATELINE_HEAD = re.compile(r"\s*(?:\.\.|…|:|-|–)")
_MODIFIER = re.compile(r"(?:مرفا|ميناء|مطار|جامعه|شارع|ساحه|حي|مستشفي|ملعب|سجن|محكمه|بلديه)\s*$")
# "المركز العالمي للتكوين في إفران", "مقر المنظمة بليون", "الأمانة العامة للمنظمة بمدينة
# ليون": the city of an institution (but "بمقر المديرية بالرباط", "في مقر …", "بمقر
# الأمانة العامة … في الرياض": the event is there)
_INSTITUTION = re.compile(
    r"(?<!في)(?:^|\s)(?:ال)?(?:مركز|معهد|اكاديميه|مدرسه|كليه|جامعه|مقر|مقرها|مقره)(?:\s+\S+){0,3}\s+(?:في|ب)\s*$"
    r"|(?<!مقر\s)(?<!\S)(?:ال)?(?:امانه|امانتها)(?:\s+\S+){0,5}\s+(?:(?:في|ب)\s*|(?:في\s+|ب)مدينه\s+)$"
)

#: Where someone or something comes from: "على متن رحلة قادمة من دبي" (normalised).
_ORIGIN = re.compile(r"(?<!\S)(?:قادم|قادمه|قادما|قادمين|قادمتين|القادم|القادمه)\s+من\s*$")
#: Where someone lives, not where the news is: "الخبير الأمني المقيم في لندن" (normalised).
_RESIDENT = re.compile(r"(?<!\S)(?:ال)?(?:مقيم|مقيمه|مقيمين|مقيمون|مقيمات)\s+(?:في\s+|ب)?$")
#: Cities in the plural (or dual) before a list of them, in the same clause (normalised).
_SEVERAL = re.compile(r"(?<!\w)(?:ال)?(?:مدن|مدينتي)\s+[^،,.؛:()]*$")
#: What follows the city an organisation is based in: "تتخذ من مدينة ليون الفرنسية مقرا
#: لها" (normalised)
_SEAT_AFTER = re.compile(r"(?:\s+\S+){0,2}\s+مقرا(?!\w)")


@dataclass(frozen=True)
class CityMention:
    segment: int  # -1 title, else paragraph index
    start: int
    end: int
    city: City
    clitic: str
    as_capital: bool = False  # "العاصمة النمساوية": the capital named by its country


def find_cities(text: str, toks: Words, segment: int) -> list[CityMention]:
    table = cities()
    out = []
    for m in find_phrases(text, toks, table.names, table.max_len):
        city = m.value
        if city.common_word:
            before = text[max(0, m.start - 12) : m.start]
            if not (m.clitic.endswith("ب") or re.search(r"(?:مدينه|في)\s*$", before)):
                continue
        out.append(CityMention(segment, m.start, m.end, city, m.clitic))
    named = {m.start for m in out}
    for m in _CAPITAL.finditer(text) if "عاصمه" in text else ():
        code = countries().names.get((m["country"],))
        capital = table.capitals.get(code) if code else None
        after = len(text) - len(text[m.end() :].lstrip())  # where the next word starts
        if capital is None or after in named:
            continue  # no known capital, or named right after: "العاصمة النمساوية فيينا"
        out.append(CityMention(segment, m.start("capital"), m.end(), capital, m["clitic"], as_capital=True))
    return sorted(out, key=lambda c: c.start) if len(out) > len(named) else out


#: "بالعاصمة النمساوية", "في العاصمة الفرنسية" (normalised): a capital by its country's adjective
_CAPITAL = re.compile(r"(?<!\S)(?P<clitic>[وف]?[بل]?)(?P<capital>ال?عاصمه) (?P<country>ال[^\s،,.:؛»\")]+)")


def _sentence(text: str, sentences: list[tuple[int, int]], m: CityMention) -> tuple[int, int]:
    """The span of the sentence of ``text`` that holds the mention."""
    return next(((a, b) for a, b in sentences if a <= m.start < b), (0, len(text)))


def _placed(text: str, m: CityMention) -> bool:
    """Whether a locative puts something in the city: في، بـ، مدينة، احتضنت …"""
    return bool(_LOCATIVE.search(text[max(0, m.start - 30) : m.start] + m.clitic)) or m.clitic.endswith("ب")


def _of_another_year(text: str, m: CityMention, year: int) -> bool:
    """Whether the years written next to the city (in its clause, within a few words)
    are all more than a year from ``year``: the city of a past (or far) event."""
    before = re.split(r"[.؛;!?؟]", text[max(0, m.start - 30) : m.start])[-1]
    after = re.split(r"[.؛;!?؟]", text[m.end : m.end + 45])[0]
    years = [int(y) for y in YEAR.findall(before + " " + after)]
    return bool(years) and all(abs(y - year) > 1 for y in years)


def _score(text: str, m: CityMention, bound: SessionMention | None, session: int | None,
           bounds: tuple[int, int]) -> float | None:
    """How strongly a mention names the venue of the article's event (None: another event).
    ``bound``: the session mention that binds the city (``_binding``)."""
    if bound is not None and (bound.relation in ("next", "previous")
                              or (session is not None and bound.number not in (None, session))):
        return None
    if bound is not None and bound.relation == "future":
        # where a session still to come will be held: the venue only if nothing else is
        # ("احتضنت الدار البيضاء اجتماعا تحضيريا للدورة 93، المرتقب عقدها بمراكش")
        return 0.5
    if _NCB.search(text[max(0, m.start - 50) : m.start]):
        return None  # "المكتب المركزي الوطني-أنتربول الرباط": an office's name
    if _SEVERAL.search(text, max(0, m.start - 60), m.start):
        return None  # "في مدن زوارة وصبراتة وسبها": one of several places, no venue
    score = 1.0
    if bound is not None and bound.relation == "this" and (session is None or bound.number == session):
        score += 3
    if _INSTITUTION.search(text[max(0, m.start - 70) : m.start]) \
            or _SEAT_AFTER.match(text, m.end) or _RESIDENT.search(text, max(0, m.start - 25), m.start) \
            or _ORIGIN.search(text, max(0, m.start - 25), m.start):
        score -= 3  # and its في or بـ places the institution, not the event
    elif _placed(text, m):
        score += 3 if m.segment == 0 else 2  # the lead says where the news is
    modifier = _MODIFIER.search(text[max(0, m.start - 12) : m.start])
    if modifier and not _LOCATIVE.search(text[max(0, m.start - 30) : m.start - len(modifier.group())]):
        score -= 3  # "انفجار مرفأ بيروت"; but "بميناء طنجة المتوسط" is where it happened
    elif modifier:
        score += 2
    if m.segment == -1 and m.start == 0 and _DATELINE_HEAD.match(text, m.end):
        score += 2  # "طنجة.. توقيف مواطن فرنسي": the city the headline is filed from
    elif m.segment == 0 and m.start == 0 and _WIRE_HEAD.match(text, m.end):
        score += 2  # "غلاسكو 7 تشرين الثاني (بترا)- انتخبت …": the city the dispatch is filed from
    if _EVENT.search(text[bounds[0] : bounds[1]]):
        score += 2
    if m.segment == -1:
        score += 1
    return score


#: A session binds a city of its sentence when it is named at most this many characters
#: from it (room for "للجمعية العامة للمنظمة الدولية للشرطة الجنائية (أنتربول)") before it,
#: or after it in the same clause: not "اختارت المنظمة مراكش لاحتضان هذه الدورة …، بعد أن
#: صوتت … خلال الدورة 91 بفيينا", nor "المقرر انعقادها بمراكش سنة 2025، وذلك خلال أشغال
#: الدورة الـ92".
BOUND_GAP = 120


def _binding(text: str, m: CityMention, inside: list[SessionMention]) -> SessionMention | None:
    """The session mention nearest the city among those that bind it, if any."""
    binding = [s for s in inside
               if (s.end <= m.start and m.start - s.end <= BOUND_GAP)
               or (s.start >= m.end and s.start - m.end <= BOUND_GAP and not _CLAUSE.search(text, m.end, s.start))]
    return min(binding, key=lambda s: m.start - s.end if s.end <= m.start else s.start - m.end, default=None)


_CLAUSE = re.compile(r"[،,؛;.]")
#: What joins the items of a list of places: a comma, و (a clitic of the next city), space.
_LIST_GAP = re.compile(r"\s*[،,]?\s*")


def _listed(segments: dict[int, str], mentions: list[CityMention]) -> set[int]:
    """The ids of the mentions of two cities or more named in a row ("في دبي ولاغوس",
    "تمنراست وأغاديس وسبها"): each is one of several places."""
    listed: set[int] = set()
    for a, b in zip(mentions, mentions[1:], strict=False):
        gap = segments[a.segment][a.end:b.start - len(b.clitic)] if a.segment == b.segment else "\0"
        if a.city.en != b.city.en and b.clitic[:1] in ("و", "") and _LIST_GAP.fullmatch(gap) \
                and (b.clitic[:1] == "و" or "،" in gap or "," in gap):
            listed.update((id(a), id(b)))
    return listed


def choose_venue(
    segments: dict[int, str],
    mentions: list[CityMention],
    sessions: dict[int, list[SessionMention]],
    session: int | None,
    background: re.Pattern[str] | None = None,
    year: int | None = None,
) -> tuple[City | None, list[CityMention], list[CityMention], list[tuple[int, CityMention]]]:
    """The venue city and its supporting mentions; mentions of the next session's venue;
    and cities bound to another session named by number (``الدورة 93 بمراكش``). A city in
    a sentence that ``background`` finds (an assembly, in an article about something else)
    is no candidate, nor one dated by its clause more than a year from the article's
    ``year`` ("… في إسطنبول، في تشرين الثاني 2021")."""
    best: dict[str, float] = {}
    support: dict[str, list[CityMention]] = {}
    next_venue: list[CityMention] = []
    others: list[tuple[int, CityMention]] = []
    sentences: dict[int, list[tuple[int, int]]] = {}  # segment → its sentences, made once
    listed = _listed(segments, mentions)
    for m in mentions:
        text = segments[m.segment]
        if id(m) in listed:
            continue  # "في دبي ولاغوس", "تمنراست وأغاديس وسبها": one of several places, no venue
        if m.segment not in sentences:
            sentences[m.segment] = sentence_bounds(text)
        bounds = _sentence(text, sentences[m.segment], m)
        if background is not None and background.search(text, *bounds):
            continue
        if year is not None and _of_another_year(text, m, year):
            continue
        inside = [s for s in sessions.get(m.segment, []) if bounds[0] <= s.start < bounds[1]]
        bound = _binding(text, m, inside)
        score = _score(text, m, bound, session, bounds)
        if score is None:
            if bound is not None and bound.relation == "next":
                next_venue.append(m)
            elif bound is not None and bound.relation in ("this", "future") and bound.number is not None \
                    and (_placed(text, m) or m.start < bound.start):
                others.append((bound.number, m))  # not "الدورة 76 …، بعد تفجيرات الدار البيضاء"
            continue
        key = m.city.en
        best[key] = max(best.get(key, 0.0), score) + (0.25 if key in best else 0.0)
        support.setdefault(key, []).append(m)
    if not best:
        return None, [], next_venue, others
    order = {m.city.en: k for k, m in reversed(list(enumerate(mentions)))}
    winner = max(best, key=lambda k: (best[k], -order[k]))
    if best[winner] <= 0:
        return None, [], next_venue, others
    return support[winner][0].city, support[winner], next_venue, others
