"""Corpus-wide linking, after every article is extracted and before anything renders.

1. A session table (number → venue, date range, year) from what the articles *state*
   (a city named as the next session's venue counts for session N+1).
2. Gaps filled from it, marked inferred with the article they came from: a session from
   a venue held by exactly one session of the corpus, a venue from a session, an event
   range from a session, a year for ``بين 4 و7 نونبر الجاري``; then the timeline date.
3. One person under several spellings becomes one entity (the fullest name), and a
   surname-only mention resolves to the full name seen elsewhere in the corpus.
Published INTERPOL session years (``data/sessions.yaml``) are the last resort for a year.
Every step is a pass or two over the records: linear in the corpus size.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import accumulate

from .arabic import shadow
from .extract import main_range, timeline_date
from .extract.people import _CONNECTORS, _is_verb, lineage
from .gazetteer import cities, countries, known_sessions, name_words
from .records import Article, Corpus, DateRange, Evidence, Person, Session, SessionInfo, Venue


def _inferred(evs: tuple[Evidence, ...], source: str, rule: str) -> tuple[Evidence, ...]:
    return tuple(dataclasses.replace(e, status="inferred", source_file=source, rule=rule) for e in evs)


def session_table(articles: list[Article]) -> dict[int, SessionInfo]:
    """What the corpus states about each session: the majority venue and date range."""
    venues: dict[int, Counter] = defaultdict(Counter)
    named_with: dict[int, Counter] = defaultdict(Counter)
    venue_obj: dict[tuple[int, str], tuple[Venue, str]] = {}
    ranges: dict[int, Counter] = defaultdict(Counter)
    range_obj: dict[tuple[int, dt.date, dt.date], tuple[DateRange, str]] = {}
    years: dict[int, Counter] = defaultdict(Counter)
    for a in articles:
        if a.session is None or any(e.status != "stated" for e in a.session.evidence):
            continue
        n = a.session.number
        if a.venue and all(e.status == "stated" for e in a.venue.evidence):
            venues[n][a.venue.slug] += 1
            venue_obj.setdefault((n, a.venue.slug), (a.venue, a.file))
        bound = [(n + 1, a.next_session_venue)] if a.next_session_venue else []
        for number, venue in [*bound, *a.other_session_venues]:
            venues[number][venue.slug] += 1
            named_with[number][venue.slug] += 1  # named with the session's number or as the next
            venue_obj.setdefault((number, venue.slug), (venue, a.file))
        rng = main_range(a.event_dates)
        # the range counts for the session when written where the session is named: "بعد
        # أيام من اختتام الدورة 93 …" and, a paragraph on, "يومي 1 و2 دجنبر" is another event
        near = {e.paragraph for e in a.session.evidence}
        if rng and not rng.is_single and all(e.status == "stated" for e in rng.evidence) \
                and any(e.paragraph in near for e in rng.evidence):
            ranges[n][(rng.start, rng.end)] += 1
            range_obj.setdefault((n, rng.start, rng.end), (rng, a.file))
            years[n][rng.start.year] += 1
    table: dict[int, SessionInfo] = {}
    for n in sorted(set(venues) | set(ranges)):
        venue = dates = None
        sources: list[str] = []
        if venues[n]:
            slug = max(venues[n], key=lambda s: (venues[n][s], named_with[n][s], s))  # ties: the city named with it
            venue, src = venue_obj[(n, slug)]
            sources.append(src)
        if ranges[n]:
            start, end = max(ranges[n], key=lambda r: (ranges[n][r], r))
            dates, src = range_obj[(n, start, end)]
            sources.append(src)
        year = dates.start.year if dates else None
        table[n] = SessionInfo(n, venue, dates, year, tuple(dict.fromkeys(sources)))
    return table


def link(articles: list[Article]) -> Corpus:
    """Fill gaps from the corpus and merge people; returns the linked corpus."""
    links = Links.of(articles)
    return Corpus(tuple(links.apply(a) for a in articles), tuple(links.table[n] for n in sorted(links.table)))


class Links:
    """What the corpus step learns from the whole corpus (the session table, who is who),
    and ``apply``, which links one article with it. ``link`` applies it to every article
    it was learnt from; ``serve`` also applies the last build's to an article just edited,
    to show its page before the corpus is linked again."""

    def __init__(self, table: dict[int, SessionInfo], people: _People):
        self.table = table
        self.people = people
        self.by_venue: dict[str, set[int]] = defaultdict(set)
        for info in table.values():
            if info.venue:
                self.by_venue[info.venue.slug].add(info.number)

    @classmethod
    def of(cls, articles: list[Article]) -> Links:
        return cls(session_table(articles), _People(articles))

    def apply(self, a: Article) -> Article:
        return self.people.merge(_fill(a, self.table, self.by_venue))


def _fill(a: Article, table: dict[int, SessionInfo], by_venue: dict[str, set[int]]) -> Article:
    changes: dict = {}
    session = a.session
    assembly = session is None and a.venue is not None and _speaks_of_the_assembly(a)
    year = a.published or a.date or (a.event_dates[0].start if a.event_dates else None)
    if assembly and len(by_venue.get(a.venue.slug, ())) == 1 \
            and _same_time(year, table[next(iter(by_venue[a.venue.slug]))]):
        n = next(iter(by_venue[a.venue.slug]))
        info = table[n]
        ev = _inferred(a.venue.evidence[:1], info.sources[0], "the only session of the corpus held in this city")
        session = Session(n, ev)
        changes["session"] = session
    if session is None and assembly:
        hits = [k for k in known_sessions().values()
                if year and k.year == year.year and k.city == a.venue.en]
        if len(hits) == 1:
            ev = tuple(dataclasses.replace(e, status="inferred", source_file="knowledge",
                                           rule="the General Assembly held in this city that year")
                       for e in a.venue.evidence[:1])
            session = Session(hits[0].number, ev)
            changes["session"] = session
    info = table.get(session.number) if session else None
    if a.venue is None and info and info.venue:
        src = info.sources[0]
        changes["venue"] = dataclasses.replace(
            info.venue, evidence=_inferred(info.venue.evidence[:1], src, "venue of this session in the corpus")
        )
    event_dates = list(a.event_dates)
    # a year for day ranges written without one
    year = None
    if info and info.year:
        year, why, src = info.year, "year of this session in the corpus", info.sources[-1]
    elif session and session.number in known_sessions():
        year, why, src = known_sessions()[session.number].year, "published year of this session", "knowledge"
    if a.partial_dates and year:
        for p in a.partial_dates:
            try:
                rng = DateRange(dt.date(year, p.month1, p.day1), dt.date(year, p.month2, p.day2),
                                p.evidence[0].text if p.evidence else "",
                                tuple(dataclasses.replace(e, rule=why, source_file=src) for e in p.evidence))
            except ValueError:
                continue
            if rng.start <= rng.end:
                event_dates.append(rng)
        changes["partial_dates"] = ()
    if not any(not r.is_single for r in event_dates) and session:
        known = known_sessions().get(session.number)
        if info and info.dates:
            evidence = _inferred(info.dates.evidence[:1], info.sources[-1], "dates of this session in the corpus")
            event_dates.append(dataclasses.replace(info.dates, evidence=evidence))
        elif known and known.start and not event_dates:
            event_dates.append(DateRange(known.start, known.end, "",
                               (Evidence(-3, 0, 0, "", "published dates of this session", "inferred", "knowledge"),)))
    if event_dates != list(a.event_dates):
        changes["event_dates"] = tuple(event_dates)
    if a.published is None and "date" not in a.editorial and (a.date is None or "event_dates" in changes):
        date, ev = timeline_date(tuple(event_dates), a.weekdays)
        if date:
            changes["date"], changes["date_evidence"] = date, ev
    return a.replace(**changes) if changes else a


def _same_time(day: dt.date | None, info: SessionInfo) -> bool:
    """Whether an article of ``day`` may be about the session: within a year of it (a
    preview, a look back), or either date unknown. A press release of 2025 on an arrest in
    Marrakech is not about the 2007 session held there."""
    year = info.year or (known_sessions()[info.number].year if info.number in known_sessions() else None)
    return day is None or year is None or abs(day.year - year) <= 1


_ASSEMBLY = re.compile(r"جمعي(?:ه|تها|ته)\s+العامه|انتربول|الشرطه\s+الجنائيه|interpol", re.IGNORECASE)


def _speaks_of_the_assembly(a: Article) -> bool:
    """Whether the article names INTERPOL or a General Assembly (الإنتربول، الجمعية العامة):
    only then does its city tell which session it is about (not a security forum held in
    Marrakech the year of the Marrakech assembly)."""
    return any(_ASSEMBLY.search(shadow(text).text) for text in (a.title or "", *a.body)
               if any(k in text for k in _ASSEMBLY_LETTERS))  # (shadowed only where it may be)


#: Letters every spelling ``_ASSEMBLY`` finds holds, as written (shadowing costs).
_ASSEMBLY_LETTERS = ("عام", "نتربول", "نتربـ", "جنائي", "nterpol", "NTERPOL")


class _People:
    """One canonical name per person across the corpus; surnames resolve corpus-wide."""

    def __init__(self, articles: list[Article]):
        canon, fullest = fullest_names({p.name for a in articles for p in a.people})
        surnames: dict[str, set[str]] = defaultdict(set)
        spoken: set[str] = set()  # surnames that stand alone only as the subject of a verb
        for f in fullest:
            *first, last = shadow(f).text.split()
            if first and first[-1] in _CONNECTORS:
                continue  # آل ثاني، بن ناصر: the family (or father) is two words, and ثاني a word alone
            if last in name_words().given_common or last in name_words().stopwords:
                continue  # محمد إبراهيم أمين: a given name alone (أمين) is someone else, or a word
            if len(last) >= 4 and (not last.startswith("ال") or _is_family_nisba(last)):
                surnames[last].add(f)
            elif _may_be_surname(last):
                surnames[last].add(f)  # العطار، القباج: also words ("the perfumer"), but
                spoken.add(last)  # "ولفت العطار إلى أن" is the person
        roles: dict[str, list[str]] = defaultdict(list)
        aliases: dict[str, list[str]] = defaultdict(list)
        first_file: dict[str, str] = {}
        for a in articles:
            for p in a.people:
                c = canon[p.name]
                first_file.setdefault(c, a.file)
                roles[c] += [r for r in p.roles if r not in roles[c]]
                aliases[c] += [x for x in (*p.aliases, p.name) if x != c and x not in aliases[c]]
        self.canon, self.surnames, self.spoken = canon, surnames, spoken
        self.roles, self.aliases, self.first_file = roles, aliases, first_file
        self.finder = _SurnameFinder(surnames) if surnames else None

    def merge(self, a: Article) -> Article:
        """``a`` with its people under their corpus names, and the people its text names
        by a surname known from elsewhere. A name the corpus has not seen (an article
        edited since) stands for itself."""
        surnames, roles, aliases = self.surnames, self.roles, self.aliases
        people: dict[str, Person] = {}
        for p in a.people:
            c = self.canon.get(p.name, p.name)
            known_roles = tuple(roles[c]) if c in roles else p.roles
            known_aliases = tuple(aliases[c]) if c in aliases else p.aliases
            if c in people:
                q = people[c]
                people[c] = Person(q.name, q.slug, q.roles, q.aliases, q.mentions + p.mentions, q.evidence + p.evidence)
            elif c == p.name and p.roles == known_roles and p.aliases == known_aliases:
                people[c] = p  # already as the corpus knows it
            else:
                people[c] = Person(c, p.slug if c == p.name else _slug(c), known_roles, known_aliases,
                                   p.mentions, p.evidence)
        texts = (a.title or "", *a.body)  # the headline ("الراشدي: المغرب شريك موثوق") and the body
        for seg, s, e, token, surname in self.finder.mentions(texts) if self.finder is not None else ():
            word = token if token in surnames else surname
            if len(surnames[word]) != 1:
                continue
            full = next(iter(surnames[word]))
            if full in people or (word in self.spoken and not _speaks(texts[seg], s, e)) \
                    or (word.startswith("ال") and _after_noun(texts[seg], s)):
                continue  # named already, or the word is not the person here
            ev = Evidence(seg - 1, s, e, texts[seg][s:e], "surname of a person named elsewhere in the corpus",
                          "inferred", self.first_file.get(full))
            people[full] = Person(full, _slug(full), tuple(roles[full]), tuple(aliases[full]), 1, (ev,))
        new = tuple(people.values())
        return a.replace(people=new) if new != a.people else a


def fullest_names(names: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """Each name → the fullest name it is part of (``حموشي``, ``عبد اللطيف حموشي``), and
    the fullest names. Names go longest first; a name of two words or more is the first
    fuller one that holds all its words, else one of the fullest itself. Which fuller
    names hold a word is kept by word, so a corpus of many people costs no comparison of
    every name with every other."""
    canon: dict[str, str] = {}
    fullest: list[str] = []
    holding: dict[str, set[int]] = defaultdict(set)  # word → indexes in ``fullest`` of the names with it
    for n in sorted(names, key=lambda n: (-len(n.split()), n)):
        order = shadow(n).text.split()
        words = set(order)
        held = set.intersection(*(holding.get(w, set()) for w in words)) if len(words) >= 2 else set()
        held = {i for i in held if not lineage(order, shadow(fullest[i]).text.split())}  # (not the father's)
        if held:
            canon[n] = fullest[min(held)]
            continue
        canon[n] = n
        for w in words:
            holding[w].add(len(fullest))
        fullest.append(n)
    return canon, fullest


def _is_family_nisba(word: str) -> bool:
    """A surname with the article that is a family's nisba (القاسمي، الإدريسي): it may
    stand alone for the person. Not a word of the stopword lists (الوطني) nor a place's
    adjective (المغربي، الفرنسي), which read as adjectives far more often."""
    return len(word) >= 6 and word.endswith("ي") and _not_a_common_word(word)


def _may_be_surname(word: str) -> bool:
    """A surname with the article that is not a nisba (العطار، الدباغ)."""
    return len(word) >= 5 and word.startswith("ال") and _not_a_common_word(word)


def _not_a_common_word(word: str) -> bool:
    """Neither a stopword nor a place or its adjective."""
    return word not in name_words().stopwords and (word,) not in countries().names and (word,) not in cities().names


def _after_noun(paragraph: str, start: int) -> bool:
    """Whether the word before ``start`` is a definite noun that is not a title: the word
    at ``start`` is then its adjective ("المتهم الرئيسي", not "اللواء الرئيسي")."""
    before = _word_before(paragraph, start)
    return before.startswith("ال") and (before,) not in _titles()


@functools.cache
def _titles() -> frozenset[tuple[str, ...]]:
    """The one-word titles and roles, normalised (اللواء، الدكتور، الوزير)."""
    nw = name_words()
    return frozenset(t for t in (*nw.titles, *nw.roles) if len(t) == 1)


def _speaks(paragraph: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is the subject of a verb of saying or doing
    before it (وأكد، يقول، ولفت), or the speaker a line opens with ("الدباغ: …")."""
    if start == 0 and paragraph[end:end + 1] == ":":
        return True
    before = _word_before(paragraph, start)
    return bool(before) and _is_verb(before)


def _word_before(paragraph: str, start: int) -> str:
    """The word before ``start``, normalised ("" at the start of the paragraph)."""
    words = shadow(paragraph[max(0, start - 20):start]).text.split()
    return words[-1] if words else ""


#: The letters of a token (as ``extract.tokens``).
_W = "\u0621-\u064a\u0671-\u06d3\u06fa-\u06ffA-Za-z0-9"
#: The one-letter proclitics a surname may follow (وحموشي، بحموشي، لحموشي): not any
#: letter ("تسليم" holds no سليم).
_PROCLITICS = "وفبلك"


class _SurnameFinder:
    """Every known surname in a text, as a token, optionally after a one-letter proclitic
    (بـ، لـ، و، ف، كـ): one token-bounded pattern over all of them (group 1 is the token, group 2
    the surname).

    Written plainly, the pattern opens with a look-behind, so the regex engine tries it at
    every position. When every surname is made of token letters (as a rule), a match is a
    whole token: the pattern is written instead to begin with the character before it,
    which the engine skips ahead to, and with the surnames as a trie (حمو(?:شي|د)).
    """

    def __init__(self, surnames: Iterable[str]):
        words = sorted(surnames)
        if all(re.fullmatch(f"[{_W}]+", w) for w in words):
            self.pattern = re.compile(rf"[^{_W}]([{_PROCLITICS}]?({_trie(words)}))(?![{_W}])")
        else:
            self.pattern = re.compile(rf"(?<![{_W}])([{_PROCLITICS}]?({'|'.join(map(re.escape, words))}))(?![{_W}])")

    def mentions(self, body: tuple[str, ...]) -> tuple[tuple[int, int, int, str, str], ...]:
        """(paragraph, start, end, token, surname) of each mention in the paragraphs of
        ``body``: start and end in the paragraph as written; the token (proclitic
        included) and the surname normalised."""
        return _mentions(self.pattern, body)


@functools.lru_cache(maxsize=1 << 15)
def _mentions(pattern: re.Pattern, body: tuple[str, ...]) -> tuple[tuple[int, int, int, str, str], ...]:
    """``_SurnameFinder.mentions``, kept for the next link of the same corpus (``serve``
    links again after each edit, and most articles and the surnames stay as they were).
    The paragraphs are normalised as one text (no surname holds a space, so no match
    spans the newline between two)."""
    sh = shadow("\n".join(("", *body)))  # a newline before the first token too
    offsets = list(accumulate((len(p) + 1 for p in body), initial=1))  # of each paragraph
    out = []
    for m in pattern.finditer(sh.text):
        a, b = sh.span(*m.span(1))
        seg = bisect.bisect_right(offsets, a) - 1
        out.append((seg, a - offsets[seg], b - offsets[seg], m.group(1), m.group(2)))
    return tuple(out)


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` as a trie: at most one branch per letter."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return pattern(trie)


@functools.lru_cache(maxsize=65536)
def _slug(name: str) -> str:
    from .urls import slug

    return slug(name)
