"""Text of one article → an evidence-backed ``Article`` record.

Pure: takes the decoded text and the file's name, reads no file, clock or locale, so it
can run in any process, in any order. Each fact keeps the paragraph and the exact span
of the text it came from; the ``link`` step later fills gaps from the rest of the corpus.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..arabic import TATWEEL, Shadow, norm
from ..clean import Line, layout
from ..gazetteer import cities, known_sessions, name_words
from ..gazetteer import countries as country_table
from ..records import (
    Article,
    Country,
    DateRange,
    Evidence,
    PartialDate,
    Person,
    Session,
    Venue,
    WeekdayRef,
)
from . import dates as dates_mod
from .countries import find_countries
from .meta import byline_name, headline, read_meta
from .people import Candidate, find_people, lineage
from .people import lexicon as people_lexicon
from .places import choose_venue, find_cities
from .sessions import find_sessions
from .tokens import Words, starts_of, tokens

_MARKS = re.compile("[\u064b-\u065f\u0640]")


@dataclass(frozen=True)
class Segment:
    index: int  # -1 title, else paragraph index
    text: str  # as displayed
    shadow: Shadow
    tokens: Words  # of the shadow
    name_tokens: Words  # the same, with a final ى kept (على is not علي)

    def evidence(self, start: int, end: int, rule: str) -> Evidence:
        a, b = self.shadow.span(start, end)
        return Evidence(self.index, a, b, self.text[a:b], rule)


@functools.lru_cache(maxsize=65536)
def slug_for(text: str) -> str:
    """The slug of a name (country, city, person): the same few names recur in every article."""
    from ..urls import slug

    return slug(text)


def article_id(file: str) -> str:
    from ..urls import slug

    return slug(PurePosixPath(file).with_suffix("").as_posix().replace("/", "-"))


def extract_article(text: str, file: str) -> Article:
    """Extract the record of one article from its decoded text."""
    lay = layout(text, byline_name)
    segments: list[Segment] = []
    title = headline(lay)
    if title is not None:
        segments.append(_segment(-1, title))
    for k, line in enumerate(lay.body):
        segments.append(_segment(k, line))
    found_dates = {s.index: dates_mod.find_dates(s.shadow.text) for s in segments}  # before the hints
    hints = frozenset().union(*map(dates_mod.pairs, found_dates.values()))
    meta = read_meta(lay, hints)
    by_index = {s.index: s for s in segments}

    # sessions ------------------------------------------------------------------
    session_mentions = _as_of({s.index: find_sessions(s.shadow.text) for s in segments}, meta.published)
    year = meta.published.year if meta.published else _main_year(found_dates)
    session_mentions = _in_history(session_mentions, {s.index: s.shadow.text for s in segments}, year)
    assembly = _lead_speaks_of_an_assembly(session_mentions, segments)
    if not assembly:  # an arrest, an operation: an assembly it names is background
        session_mentions = {i: [dataclasses.replace(m, relation="previous") if m.relation in ("this", "future") else m
                                for m in ms] for i, ms in session_mentions.items()}
    counts: Counter[int] = Counter()
    first_seen: dict[int, int] = {}
    # the sessions the article is about; a session still to come only if it names no other
    named = [m for s in segments for m in session_mentions[s.index] if m.number is not None]
    about = "this" if any(m.relation == "this" for m in named) else "future"
    if about == "this" and meta.published and any(m.relation == "future" for m in named):
        # published in 2025 about the session still to come: the 2024 one it names is history
        year = meta.published.year
        known = known_sessions()
        if all(m.number in known and known[m.number].year < year for m in named if m.relation == "this"):
            about = "future"
    if about == "future" and meta.published and not any(
            m.relation == "future" for s in segments if s.index <= 2 for m in session_mentions[s.index]) \
            and all(_year_of_session(m.number) > meta.published.year for m in named if m.relation == "future"):
        about = None  # only next year's session, and only further down: what comes next
    for m in named:
        if m.relation == about:
            counts[m.number] += 1
            first_seen.setdefault(m.number, len(first_seen))
    session = None
    if counts:
        number = max(counts, key=lambda n: (counts[n], -first_seen[n]))
        ev = tuple(
            by_index[i].evidence(m.start, m.end, "session number bound to الدورة")
            for i, ms in session_mentions.items()
            for m in ms
            if m.number == number and m.relation == about
        )
        session = Session(number, ev)

    # venue -----------------------------------------------------------------------
    city_mentions = [m for s in segments for m in find_cities(s.shadow.text, s.tokens, s.index)]
    city, support, next_mentions, other_mentions = choose_venue(
        {s.index: s.shadow.text for s in segments}, city_mentions, session_mentions,
        session.number if session else None, _ASSEMBLY_WORD if not assembly else None, year,
    )
    spread = session is None and any(_MANY_COUNTRIES.search(s.shadow.text) for s in segments if s.index <= 0)
    venue = _venue(city, support, by_index, "city bound to the event") if city and not spread else None
    if venue is None and session is None and not city_mentions and meta.dateline and not spread:
        # "دبي - وام": where it was filed, when the text names no city (not when it names
        # only cities that are not the venue: an office's, several, the background's)
        start, written, place = meta.dateline
        ev = Evidence(-2, start, start + len(written), written, "city of the dateline")
        venue = _city_venue(place, written, (ev,))
    next_venue = (
        _venue(next_mentions[0].city, next_mentions, by_index, "city of the next session")
        if next_mentions else None
    )
    other_venues = tuple(
        (n, _venue(m.city, [m], by_index, f"city bound to session {n}")) for n, m in other_mentions
    )

    # people --------------------------------------------------------------------
    candidates = [c for s in segments for c in find_people(s.shadow.text, s.name_tokens, s.index)]
    people, person_spans = _people(candidates, segments, by_index)

    # countries -------------------------------------------------------------------
    table = country_table()
    found: dict[str, list[Evidence]] = {}
    written: dict[str, str] = {}
    for s in segments:
        blocked = person_spans.get(s.index, [])
        for m in find_countries(s.shadow.text, s.tokens, s.index, blocked):
            ev = s.evidence(m.start, m.end, "country name or adjective")
            if _MARKED_OTHER.get(m.code, "\0") in ev.text:
                continue  # a mark the text writes tells the words apart: عمّان is Amman
            found.setdefault(m.code, []).append(ev)
            written.setdefault(m.code, ev.text)
    if meta.dateline and meta.byline:  # "ليون (فرنسا) - أ ف ب": the country of the dateline's city
        start, written_city, _ = meta.dateline
        bracket = _DATELINE_COUNTRY.match(meta.byline, start + len(written_city))
        code = table.names.get(tuple(norm(bracket.group(1)).split())) if bracket else None
        if code:
            ev = Evidence(-2, bracket.start(1), bracket.end(1), bracket.group(1), "country of the dateline's city")
            found.setdefault(code, []).insert(0, ev)
            written.setdefault(code, ev.text)
    # "عمان" alone in an article about Jordan or its cities (الزرقاء، إربد) is Amman
    # ("سلطنة عمان"، "العمانية" are Oman)
    jordan = "JO" in found or any(m.city.country == "JO" and m.city.en != "Amman" for m in city_mentions)
    if "OM" in found and jordan and all(norm(e.text).lstrip("وبفل") == "عمان" for e in found["OM"]):
        del found["OM"]
    # "المملكة" alone is the one kingdom the article is about: its venue's country, or
    # the only one it names (the Moroccan press writes it for Morocco, the Saudi for KSA)
    kingdoms = {c for c in (*found, venue.country if venue else None) if c in _KINGDOMS}
    if len(kingdoms) == 1:
        code = kingdoms.pop()
        for s in segments:
            for m in _THE_KINGDOM.finditer(s.shadow.text) if "مملكه" in s.shadow.text else ():
                after = s.shadow.text[m.end() :].split(maxsplit=1)
                if after and (after[0] in ("المتحده", "العربيه") or (after[0],) in table.names):
                    continue  # المملكة المتحدة، المملكة المغربية: a name of its own
                ev = s.evidence(m.start(1), m.end(1), "the kingdom the article is about")
                if all(e.paragraph != ev.paragraph or e.start != ev.start for e in found.get(code, ())):
                    found.setdefault(code, []).append(ev)
                    written.setdefault(code, ev.text)
        if code in found:
            found[code].sort(key=lambda e: (e.paragraph, e.start))
    country_records = tuple(
        Country(
            code=code,
            ar=written[code],
            ar_canonical=table.info[code].ar,
            en=table.info[code].en,
            slug=slug_for(table.info[code].en),
            mentions=len(evs),
            evidence=tuple(evs),
        )
        for code, evs in found.items()
    )

    # dates ---------------------------------------------------------------------
    meta = _by_the_lead_weekday(meta, [s.shadow.text for s in segments if s.index in (-1, 0)])
    event_dates, partial, weekdays = _dates(segments, found_dates, hints, meta.published)
    published_ev = ()
    if meta.published and meta.byline:
        start = meta.byline.find(meta.published_text or "")
        published_ev = (
            Evidence(-2, max(start, 0), max(start, 0) + len(meta.published_text or ""),
                     meta.published_text or "", "date in the byline"),
        )
    filed = None if meta.published else _dateline_day(lay.body[0].text if lay.body else "", event_dates)
    if meta.published or filed:
        lead_text = " ".join(s.shadow.text for s in segments if s.index in (-1, 0))
        day, ev = (meta.published, published_ev) if meta.published else (filed.start, filed.evidence)
        date, date_ev = _day_of_report(day, event_dates, weekdays, ev, lead_text, _yesterday(segments),
                                       _known_span(session))
    else:
        date, date_ev = timeline_date(event_dates, weekdays)
    if date is None and meta.updated:  # no other date than that of the last update
        date, date_ev = meta.updated, ()

    return Article(
        file=file,
        id=article_id(file),
        title=meta.title,
        body=tuple(line.text for line in lay.body),
        body_lines=tuple(line.number for line in lay.body),
        published=meta.published,
        published_evidence=published_ev,
        author=meta.author,
        source=meta.source,
        byline=meta.byline,
        event_dates=event_dates,
        date=date,
        date_evidence=date_ev,
        partial_dates=partial,
        weekdays=weekdays,
        session=session,
        venue=venue,
        next_session_venue=next_venue,
        other_session_venues=other_venues,
        people=people,
        countries=country_records,
        stripped=lay.stripped,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def _segment(index: int, line: Line) -> Segment:
    sh = line.shadow
    toks = tokens(sh.text, _lexicon())
    return Segment(index, line.text, sh, toks, _name_tokens(line.text, sh, toks))


@functools.cache
def _lexicon() -> frozenset[str]:
    """Every surface word the gazetteer finders start from (cities, countries, people):
    the tokens of a paragraph are looked up in it once, and only those found again."""
    return frozenset(starts_of(cities().names)) | frozenset(starts_of(country_table().names)) | people_lexicon()


def _name_tokens(text: str, sh: Shadow, toks: Words) -> Words:
    """Tokens for the name finder: the final ى of على (on) is kept, so it is not علي (Ali).
    Every other final ى stays folded to ي, as the name lists are (منى، ليلى، يحيى). And
    the tokens written إل…/أل… are marked, whose ال is no article (إليانور، أليستير)."""
    if "إل" in text or "أل" in text:
        marked = frozenset(k for k, w in enumerate(toks.words) if w.startswith("ال")
                           and text.startswith(("إل", "أل"), sh.span(toks.starts[k], toks.ends[k])[0]))
        if marked:
            toks = Words(toks.text, toks.words, toks.starts, toks.ends, toks.gaps, toks.candidates, marked)
    at = text.find("ى")
    if at == -1:
        return toks
    dropped = [cut + k for k, cut in enumerate(sh.cuts)]  # where the shadow dropped characters
    words = list(toks.words)
    changed = []
    while at != -1:
        end = at - bisect.bisect_left(dropped, at) + 1  # just after the ى (folded to ي) in the shadow
        k = bisect.bisect_left(toks.ends, end)
        if k < len(words) and toks.ends[k] == end and words[k].lstrip("وف") == "علي":
            words[k] = words[k][:-1] + "ى"
            changed.append(k)
        at = text.find("ى", at + 1)
    return toks.with_words(words, changed)


def _venue(city, mentions, by_index, rule: str) -> Venue:
    evs = tuple(by_index[m.segment].evidence(m.start, m.end, rule) for m in mentions)
    written = [ev.text for ev, m in zip(evs, mentions, strict=True) if not m.as_capital]
    return _city_venue(city, written[0] if written else city.ar, evs)  # not "العاصمة النمساوية"


def _city_venue(city, written: str, evidence: tuple[Evidence, ...]) -> Venue:
    """The venue record of a gazetteer city, as the text writes it."""
    return Venue(ar=written, ar_canonical=city.ar, en=city.en, slug=slug_for(city.en), country=city.country,
                 evidence=evidence)


_KINGDOMS = {"MA", "SA", "JO", "BH"}  # the kingdoms Arabic papers call المملكة alone
_THE_KINGDOM = re.compile(r"(?<!\S)[وف]?(?:ب|ل)?(المملكه|لمملكه)(?=[\s،,.:؛»\")]|$)")


def _role_text(text: str) -> str:
    """A role as written, without a proclitic: بالأمين العام، للأمين العام، والأمين العام → الأمين العام."""
    text = text.strip(" ،,").replace(TATWEEL, "")
    if re.match(r"[وف]?لل", text):
        return "ال" + text[text.index("لل") + 2 :]
    first, space, rest = text.partition(" ")
    clitic = re.match(r"[وف]?[لبك]", first)
    if clitic and norm(first[clitic.end():]) in name_words().role_heads:
        return first[clitic.end():] + space + rest  # لرئيس الحكومة → رئيس الحكومة
    # والمدير العام → المدير العام; but والي الأمن is a role of its own (a governor)
    return re.sub(r"^[وف]?[بك](?=ال)|^[وف](?=ال)(?!الي(?:\s|$))", "", text)


def _people(
    candidates: list[Candidate], segments: list[Segment], by_index: dict[int, Segment]
) -> tuple[tuple[Person, ...], dict[int, list[tuple[int, int]]]]:
    """Merge name candidates into people; surname-only mentions become aliases."""
    def words_of(c: Candidate) -> list[str]:
        return [by_index[c.segment].tokens.words[i] for i in c.tokens]

    # "استلم بوعزة علم الأنتربول" in an article about نوال بوعزة: a surname, not a given name
    surnames = {words_of(c)[-1] for c in candidates if len(c.tokens) >= 2}
    candidates = [c for c in candidates if not (c.rule == "given-name" and words_of(c)[0] in surnames)]
    # "تنتخب خليفة الرئيسي": the successor of a person the article names, not a Khalifa
    candidates = [c for c in candidates if not (len(c.tokens) == 2 and words_of(c)[0] == "خليفه"
                                               and any(words_of(d)[-1] == words_of(c)[1] for d in candidates
                                                       if d is not c and len(d.tokens) >= 2))]
    merged: list[dict] = []
    for c in candidates:
        seg = by_index[c.segment]
        words = [seg.tokens.words[i] for i in c.tokens]
        start, end = seg.tokens.starts[c.tokens[0]], seg.tokens.ends[c.tokens[-1]]
        if c.clitic:  # وبوبكر سابيك → بوبكر سابيك (the و of a list, a preposition)
            words[0], start = words[0][c.clitic:], start + c.clitic
        shown = seg.text[slice(*seg.shadow.span(start, end))].replace(TATWEEL, "")  # الـقباج: القباج
        ev = seg.evidence(start, end, f"person ({c.rule})")
        roles = [_role_text(seg.text[slice(*seg.shadow.span(a, b))]) for a, b in c.roles]
        target = None
        for p in merged:
            if (set(words) <= set(p["words"]) and not lineage(words, p["words"])) \
                    or (set(p["words"]) <= set(words) and not lineage(p["words"], words)) or (
                words[-1] == p["words"][-1] and words[0] == p["words"][0]
            ):
                target = p
                break
        if target is None:
            merged.append({"words": words, "name": shown, "evidence": [ev], "roles": roles, "aliases": []})
        else:
            if len(words) > len(target["words"]):
                target["aliases"].append(target["name"])
                target["words"], target["name"] = words, shown
            elif shown != target["name"]:
                target["aliases"].append(shown)
            target["evidence"].append(ev)
            target["roles"] += [r for r in roles if r not in target["roles"]]

    spans: dict[int, list[tuple[int, int]]] = {}
    for c in candidates:
        toks = by_index[c.segment].tokens
        spans.setdefault(c.segment, []).append((toks.starts[c.tokens[0]], toks.ends[c.tokens[-1]]))

    # surname-only mentions of a person already named in this article
    taken = {(seg, a) for seg, ranges in spans.items() for a, _ in ranges}
    inside = {seg: ranges for seg, ranges in spans.items()}
    by_surname = {p["words"][-1]: p for p in merged if len(p["words"][-1]) >= 3}
    # the tokens that are a surname, or one after و ف ب ل
    surface = {*by_surname, *(c + s for c in "وفبل" for s in by_surname)}
    for seg in segments if by_surname else ():
        toks = seg.tokens
        for k in toks.scan(surface):
            text, start, end = toks.words[k], toks.starts[k], toks.ends[k]
            word = text if text in by_surname else text[1:] if text[:1] in "وفبل" else None
            p = by_surname.get(word) if word else None
            if p is None or (seg.index, start) in taken:
                continue
            if any(a <= start < b for a, b in inside.get(seg.index, ())):
                continue
            ev = seg.evidence(start, end, "surname of a person named in the article")
            p["evidence"].append(ev)
            alias = (ev.text[1:] if text != word else ev.text).replace(TATWEEL, "")
            if alias not in p["aliases"] and alias != p["name"]:
                p["aliases"].append(alias)
    people = tuple(
        Person(
            name=p["name"],
            slug=slug_for(p["name"]),
            roles=tuple(dict.fromkeys(r for r in p["roles"] if r)),
            aliases=tuple(dict.fromkeys(p["aliases"])),
            mentions=len(p["evidence"]),
            evidence=tuple(sorted(p["evidence"], key=lambda e: (e.paragraph, e.start))),
        )
        for p in merged
    )
    return people, spans


def _dates(segments, found, hints, published):
    """Event date ranges (years settled where the article allows), partial dates, weekdays."""
    mentions = []
    next_years: list[int] = []
    for s in segments:
        for m in dates_mod.with_hints(found[s.index], hints):
            mentions.append((s, m))
        next_years += dates_mod.next_event_years(s.shadow.text)
    explicit_years = [m.year1 for _, m in mentions if m.year1]
    year_hint = None
    if published:
        year_hint = published.year
    elif explicit_years:
        year_hint = Counter(explicit_years).most_common(1)[0][0]
    elif next_years:
        year_hint = min(next_years) - 1
    ranges: list[DateRange] = []
    partial: list[PartialDate] = []
    for s, m in mentions:
        year = None
        if m.year1 is None and m.current and published:
            year = published.year
        elif m.year1 is None:
            year = year_hint
        span = m.dates(year)
        if span:
            rule = "date expression" if m.year1 else "date expression; year from the article's other dates"
            ev = s.evidence(m.start, m.end, rule)
            ranges.append(DateRange(span[0], span[1], ev.text, (ev,)))
        elif span is None and m.year1 is None:
            ev = s.evidence(m.start, m.end, "date expression")
            partial.append(PartialDate(m.day1, m.month1, m.day2, m.month2, m.current, (ev,)))
    weekdays = tuple(
        WeekdayRef(w.weekday, w.offset, (s.evidence(w.start, w.end, "weekday reference"),))
        for s in segments
        for w in dates_mod.find_weekdays(s.shadow.text)
    )
    seen = set()
    unique = []
    for r in ranges:
        if (r.start, r.end) not in seen:
            seen.add((r.start, r.end))
            unique.append(r)
    return tuple(unique), tuple(partial), weekdays


def main_range(event_dates: tuple[DateRange, ...]) -> DateRange | None:
    """The article's main event range: the first multi-day range, else the first date."""
    multi = [r for r in event_dates if not r.is_single]
    return multi[0] if multi else (event_dates[0] if event_dates else None)


def _as_of(mentions, published):
    """Session mentions as the day of publication sees them: a known session that opens
    after it is one still to come ("استقبل الوزير اليوم بالرباط …، استعدادا للدورة 93 التي
    تحتضنها مراكش", written four days before it opens), and so is one whose number is
    higher than that of the year's session ("الدورة 94 عام 2026")."""
    if published is None:
        return mentions
    known = known_sessions()

    this_year = _session_of_year(published.year)

    def later(m):
        if m.relation != "this" or m.number is None:
            return False
        if m.number in known and known[m.number].start is not None:
            return published < known[m.number].start
        return m.number > this_year  # one a year: a higher number is a year still to come

    return {i: [dataclasses.replace(m, relation="future") if later(m) else m for m in ms]
            for i, ms in mentions.items()}


def _main_year(found) -> int | None:
    """The year the article's dates state most often (the first of a tie), if any."""
    years = Counter(m.year1 for ms in found.values() for m in ms if m.year1)
    return max(years, key=lambda y: years[y]) if years else None


def _year_of_session(number: int) -> int:
    """The year of the General Assembly ``number`` (the inverse of ``_session_of_year``)."""
    known = known_sessions()
    if number in known and known[number].year:
        return known[number].year
    return number + 1932 if number >= 89 else number + 1931


def _session_of_year(year: int) -> int:
    """The number of the General Assembly held in ``year``: one a year since 1946 (the
    15th), none in 2020 (43rd in 1974, 76th in 2007, 89th in 2021, 93rd in 2025)."""
    return year - 1931 if year < 2020 else year - 1932


#: A year written beside a session: "الدورة 76 سنة 2007", "سنة 1974 خلال الدورة 43".


def _in_history(mentions, texts, year):
    """Session mentions with a year of their own beside them, more than a year from the
    article's, as the history they are ("سبق لمراكش أن احتضنت الدورة 76 سنة 2007")."""
    if year is None:
        return mentions

    def history(m, text):
        if m.relation != "this":
            return False
        if m.number is not None and abs(m.number - _session_of_year(year)) > 2:
            return True  # not the assembly of the article's year: another body's, or history
        before = re.split(r"[.؛;،,]", text[max(0, m.start - 30) : m.start])[-1]  # this clause's
        near = before + " " + text[m.end : m.end + 30]
        return any(abs(int(y) - year) > 1 for y in dates_mod.YEAR.findall(near))

    return {i: [dataclasses.replace(m, relation="previous") if history(m, texts[i]) else m for m in ms]
            for i, ms in mentions.items()}


def _lead_speaks_of_an_assembly(mentions, segments) -> bool:
    """Whether the headline or the first three paragraphs name a session or a General
    Assembly. If not, the article is about something else (an arrest, an operation), and
    an assembly it names further down is background: "وتأتي العملية بعد أشهر من … الجمعية
    العامة الثانية والتسعين"."""
    lead = [s for s in segments if s.index == -1]
    lead += [s for s in segments if s.index >= 0 and not _LIST_ITEM.match(s.text)][:3]  # (not a guests' list)
    return any(mentions[s.index] or _ASSEMBLY_WORD.search(s.shadow.text) for s in lead)


#: The opening of a list's item ("- الدكتورة …", "• …", "1- …"), or of a label ("الضيوف:").
_LIST_ITEM = re.compile(r"\s*(?:[-–•*▶]|\d+\s*[-.)]|\S+(?:\s\S+)?:\s*$)")


_NUMBER_WORD = (r"(?:\d+|ثلاث|ثلاثه|اربع|اربعه|خمس|خمسه|ست|سته|سبع|سبعه|ثماني|ثمانيه|تسع|تسعه|عشر|عشره|احدي|"
                r"اثنتي|اثني|عشرين|ثلاثين|اربعين|خمسين|ستين|سبعين|ثمانين|تسعين|مائه|مئه|عده|عشرات|مختلف)")
#: What an operation carried out in many countries says in its lead: "في 14 دولة", "في ثلاث
#: عشرة دولة", "عبر عدة دول" (normalised). Such an event has no one venue.
_MANY_COUNTRIES = re.compile(rf"(?<!\w)(?:في|عبر)\s+{_NUMBER_WORD}(?:\s+و?{_NUMBER_WORD}){{0,2}}"
                             r"\s+(?:دوله|دول|بلدا|بلدان)(?!\w)"
                             r"(?!\s+(?:عضو|اعضاء|الاعضاء))")  # (not "في 196 دولة عضو": the members)


#: A General Assembly, a session or INTERPOL's assembly by name (normalised).
_ASSEMBLY_WORD = re.compile(
    r"(?<!\w)[وفبل]?(?:ال|لل)?(?:جمعي(?:ه|تها|ته)\s+العامه|الجمع\s+العام)(?!\w)"
    r"|assembl|session", re.IGNORECASE)


#: "yesterday" without its weekday (normalised), and the day before it: أمس، البارحة، أول أمس.
_YESTERDAY = re.compile(r"(?<!\w)(اول\s+)?(?:امس|البارحه)(?!\w)(\s+الاول(?!\w))?")


def _yesterday(segments) -> tuple[int, Evidence] | None:
    """Days back and evidence of the first "yesterday" of the lead (headline and first
    paragraph) written without a weekday ("شارك وفد … أمس في افتتاح أعمال الدورة")."""
    for s in segments:
        for m in _YESTERDAY.finditer(s.shadow.text) if s.index in (-1, 0) else ():
            if _RELATIVE_CLAUSE.search(s.shadow.text, max(0, m.start() - 25), m.start()):
                continue  # "الدورة التي بدأت أمس": when what is under way began, not the news
            days = 2 if m[1] or m[2] else 1
            return days, s.evidence(m.start(), m.end(), "yesterday, by the publication day")
    return None


#: A relative pronoun, a word and a space (normalised): "التي بدأت ", "الذي وصل ".
_RELATIVE_CLAUSE = re.compile(r"(?<!\w)(?:التي|الذي|اللذين|اللتين|الذين|اللاتي)\s+\S+\s+$")


def _known_span(session) -> tuple[dt.date, dt.date] | None:
    """The published first and last days of the article's session, if known."""
    known = known_sessions().get(session.number) if session else None
    return (known.start, known.end) if known and known.start and known.end else None


def _day_of_report(published, event_dates, weekdays, published_ev, lead_text, yesterday, span=None):
    """The day of the event a dated article reports, as its lead (headline and first
    paragraph) tells: "اليوم الخميس" the publication day, "أمس الأربعاء" the day before
    (of several such days in an article written outside the session's ``span``, the one
    inside it: a delegation leaves "غدا الأحد" for the assembly that opens "بعد غد
    الاثنين"; "أعلنت اليوم السبت" the close of one "أمس الجمعة"),
    a weekday alone ("أعلنت الشرطة، الثلاثاء،") the last such day up to it, a date of the
    month before it ("يوم الخميس 20 جانفي الجاري", "انعقدت من 15 إلى 18 تشرين الأول") that
    date; else (or when the lead says "اليوم") the publication day."""
    lead = [w for w in weekdays if w.evidence and w.evidence[0].paragraph in (-1, 0)]
    today = _TODAY.search(lead_text)
    relative = [w for w in lead if w.offset is not None]
    said = next(iter(relative), None)  # أمس، اليوم، غدا (before "الاثنين الماضي")
    if span and len(relative) > 1 and not span[0] <= published <= span[1]:  # (written during it: that day)
        said = next((w for w in relative if w.offset in (1, -1, -2)
                     and span[0] <= published - dt.timedelta(days=w.offset) <= span[1]), said)
    if said and said.offset in (1, -1, -2) and (said.offset > 0 or not today):
        day = published - dt.timedelta(days=said.offset)  # "أمس الأربعاء"; "غدا الاثنين" in a preview
        if day.weekday() == said.weekday:
            return day, (dataclasses.replace(said.evidence[0], rule=_RELATIVE_RULE[said.offset]), *published_ev)
    second = next((w for w in weekdays if w.offset == 1 and w.evidence and w.evidence[0].paragraph == 1), None)
    if second and not said and not today and not _in_lead_dated(event_dates, published):
        day = published - dt.timedelta(days=1)  # "… في أعمال الدورة 92." and then "وقدم الزعبي، أمس الثلاثاء، …"
        if day.weekday() == second.weekday:
            return day, (dataclasses.replace(second.evidence[0], rule=_RELATIVE_RULE[1]), *published_ev)
    if yesterday and not said and not today:  # "أمس" with no weekday: the day before, all the same
        return published - dt.timedelta(days=yesterday[0]), (yesterday[1], *published_ev)
    if said or today:
        return published, ()
    in_lead = tuple(r for r in event_dates if r.evidence and r.evidence[0].paragraph in (-1, 0))
    dated = tuple(r for r in in_lead if published - dt.timedelta(days=31) <= r.start <= published)
    if dated and all(r.end < published for r in dated):  # (a session still on: the day it was written)
        return timeline_date(dated, lead)
    ahead = tuple(r for r in in_lead if published < r.start <= published + dt.timedelta(days=_ahead_days(r, span))
                  and not _until(r, lead_text))  # not "… التي تحتضنها مراكش إلى غاية يوم الخميس 27 نونبر"
    if ahead and not dated:  # a preview: "ابتداء من يوم الاثنين 24 نونبر … إلى غاية يوم الخميس 27 نونبر"
        return timeline_date(ahead, lead)
    # "يوم الخميس 27 نونبر" is that day; "منذ الاثنين الماضي" the start of what goes on
    lead = [w for w in lead if not _with_date(w, in_lead) and not _since(w, lead_text)]
    if lead:
        day = published - dt.timedelta(days=(published.weekday() - lead[0].weekday) % 7)
        return day, (dataclasses.replace(lead[0].evidence[0], rule="the last such weekday by the publication day"),
                     *published_ev)
    return published, ()


def _ahead_days(r, span) -> int:
    """How far ahead a preview's lead may date it: a month, or two for the days of its
    session ("بعد خمسة أسابيع تقريبا، من 24 إلى 27 نوفمبر المقبل")."""
    return 62 if span and span[0] <= r.start <= span[1] else 31


def _in_lead_dated(event_dates, published) -> bool:
    """Whether the lead dates a single day before publication ("يوم الخميس 20 جانفي")."""
    return any(r.is_single and r.start < published and r.evidence and r.evidence[0].paragraph in (-1, 0)
               for r in event_dates)


#: A dispatch's first words: its city, في and the day it was filed ("سانتياغو في 16 أكتوبر /العمانية/").
_FILED_IN = re.compile(r"^\s*(\S+(?: \S+)?) في ")


def _dateline_day(first: str, event_dates):
    """The day a dispatch was filed, when its first paragraph opens with its dateline
    (a city, في, a single date): the day the article reports from, as a byline's."""
    m = _FILED_IN.match(first)
    if m is None or tuple(norm(m.group(1)).split()) not in cities().names:
        return None
    return next((r for r in event_dates if r.is_single and r.evidence and r.evidence[0].paragraph == 0
                 and r.evidence[0].start == m.end()), None)


#: Spellings, with their marks, of what a country's unmarked name also reads as.
_MARKED_OTHER = {"OM": "مّ", "QA": "قُط"}  # عمّان (Amman), not عُمان; القُطرية (national), not القطرية

_RELATIVE_RULE = {1: "yesterday, by the publication day", -1: "tomorrow, by the publication day",
                  -2: "the day after tomorrow, by the publication day"}


_NUMERIC_DATE = re.compile(r"\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*\d{4}\s*")


def _by_the_lead_weekday(meta, lead: list[str]):
    """``meta`` with a byline date such as 09/03/2025 read the other way round (3 September,
    MM/DD) when only that reading falls on the weekday the lead gives the day ("حل اليوم
    الأربعاء", "أمس الثلاثاء")."""
    m = _NUMERIC_DATE.fullmatch(meta.published_text or "") if meta.published else None
    if m is None or int(m[1]) > 12 or int(m[2]) > 12 or m[1] == m[2]:
        return meta
    day = meta.published
    other = dt.date(day.year, day.day, day.month)
    for w in (w for text in lead for w in dates_mod.find_weekdays(text) if w.offset in (0, 1)):
        shift = dt.timedelta(days=w.offset)
        if (day - shift).weekday() != w.weekday and (other - shift).weekday() == w.weekday:
            return dataclasses.replace(meta, published=other)
    return meta


#: What says a date ends something already under way (normalised): "إلى غاية يوم الخميس".
_UNTIL = re.compile(r"(?<!\w)(?:غايه|لغايه|حتي|الي)\s+(?:يوم\s+)?(?:\S+\s+)?$")


def _until(r, lead_text: str) -> bool:
    """Whether the lead writes the date as the end of something under way."""
    at = lead_text.find(norm(r.text))
    return at > 0 and bool(_UNTIL.search(lead_text, max(0, at - 30), at))


def _since(w, lead_text: str) -> bool:
    """Whether the lead writes the weekday as the start of something under way: "المنعقدة
    بمراكش منذ الاثنين الماضي" is not the day the article reports."""
    return bool(re.search(rf"(?<!\w)منذ\s+(?:يوم\s+)?{re.escape(norm(w.evidence[0].text))}(?!\w)", lead_text))


def _with_date(w, ranges) -> bool:
    """Whether the weekday is written right before one of the dates ("الخميس 27 نونبر")."""
    we = w.evidence[0]
    return any(r.evidence[0].paragraph == we.paragraph and 0 <= r.evidence[0].start - we.end <= 2 for r in ranges)


_DATELINE_COUNTRY = re.compile(r"\s*\(\s*([^()]{2,30}?)\s*\)")

#: "today" in a lead (normalised), not اليوم الوطني (a national day) nor اليوم 24 (an outlet).
_TODAY = re.compile(r"(?<!\w)(?:اليوم|الليله|هذا الصباح)(?!\w)(?!\s+(?:ال|\d))")


def timeline_date(event_dates, weekdays):
    """The day an article without a publication date goes on the timeline, and why:
    a date written with its weekday, else a weekday named inside the main range, else
    the main range's first day. The ranges the text states are tried before those
    inferred for it ("27 نونبر الجاري" stated, the session's 24–27 from the corpus)."""
    for r in event_dates:  # "يوم الثلاثاء 14 أكتوبر 2025": the day the text says it happened
        if r.is_single and r.evidence:
            for w in weekdays:
                if _with_date(w, (r,)) and r.start.weekday() == w.weekday:
                    return r.start, (dataclasses.replace(w.evidence[0], rule="weekday written with the date"),
                                     r.evidence[0])
    stated = tuple(r for r in event_dates if any(e.status == "stated" for e in r.evidence))
    ranges = [rng for rng in dict.fromkeys((main_range(stated), main_range(event_dates))) if rng]
    for rng in ranges:
        for w in weekdays:
            day = dates_mod.day_in_range(w.weekday, rng.start, rng.end)
            if day:
                weekday_ev = dataclasses.replace(w.evidence[0], rule="weekday inside the event range")
                return day, (weekday_ev, *rng.evidence)
    return (ranges[0].start, ranges[0].evidence) if ranges else (None, ())
