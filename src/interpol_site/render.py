"""Linked corpus → pages: one function and one frozen context per page kind.

``render_site`` is pure: it returns (output path, bytes) pairs sorted by path and reads
nothing but the templates; the same corpus, settings and build date give the same
bytes (no wall clock, sorted walks). The steps:

1. ``collect`` aggregates the articles into entities (a country per ISO code, a person
   per name, a venue per slug, a session per number, the sessions also from
   ``Corpus.sessions``), each with its articles in date order;
2. one ``*_page`` function per page kind builds that page's documented, frozen context
   (``HomeContext``, ``ArticleContext`` …), in which every string is already formatted
   (dates from CLDR, digits per the setting) and every link already made relative by
   ``urls.relative``; templates only print fields, loop and test;
3. one Jinja2 environment (autoescape, StrictUndefined) renders each context with its
   template. Two pages claiming one path stop the build with a ``BuildError`` listing
   every clash.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
import msgspec
from babel import Locale
from babel.dates import format_date
from markupsafe import Markup

from . import charts, urls
from .errors import BuildError, Problem
from .opendata import schema_path
from .records import Article, Corpus, DateRange, Evidence, SessionInfo, Venue, generated_title
from .search import ROOT as SEARCH_INDEX
from .search import blocks as search_blocks
from .settings import Settings

# --------------------------------------------------------------------------- templates


def default_templates() -> Path:
    """``templates/`` of the checkout, else of the working folder (after a plain install)."""
    here = Path(__file__).resolve().parents[2] / "templates"
    return here if here.is_dir() else Path.cwd() / "templates"


def templates_state(templates: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every template: a new state, a new environment."""
    return tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in templates.glob("*") if p.is_file()))


@functools.lru_cache(maxsize=4)
def environment(templates: str, state: tuple = ()) -> jinja2.Environment:
    """The one Jinja2 environment for a templates folder in a given ``state``
    (``templates_state``): autoescape, StrictUndefined, and no check of the template
    files on every use (``serve`` gets a new environment when one changes)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        auto_reload=False,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # A card repeats on every page listing its article (each entity it names, the home
    # page, the timeline): ``article_card`` (``_article_card.html``) prints each distinct
    # card once per process and reuses the HTML.
    env.globals["article_card"] = functools.lru_cache(maxsize=1 << 15)(
        env.get_template("_article_card.html").module.article_card)
    return env


# --------------------------------------------------------------------------- formatting

_TO_ARAB = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_TO_LATN = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")

#: Count phrases by CLDR plural category (zero, one, two, few, many, other).
NOUNS: dict[str, dict[str, str]] = {
    "article": {"zero": "لا مقالات", "one": "مقال واحد", "two": "مقالان",
                "few": "{n} مقالات", "many": "{n} مقالًا", "other": "{n} مقال"},
    "country": {"zero": "لا دول", "one": "دولة واحدة", "two": "دولتان",
                "few": "{n} دول", "many": "{n} دولة", "other": "{n} دولة"},
    "person": {"zero": "لا أشخاص", "one": "شخص واحد", "two": "شخصان",
               "few": "{n} أشخاص", "many": "{n} شخصًا", "other": "{n} شخص"},
    "venue": {"zero": "لا مدن", "one": "مدينة واحدة", "two": "مدينتان",
              "few": "{n} مدن", "many": "{n} مدينة", "other": "{n} مدينة"},
    "session": {"zero": "لا دورات", "one": "دورة واحدة", "two": "دورتان",
                "few": "{n} دورات", "many": "{n} دورة", "other": "{n} دورة"},
}
#: The noun alone, to follow a number printed apart (``<strong>12</strong> دولة``).
BARE: dict[str, dict[str, str]] = {
    "article": {"one": "مقال", "two": "مقالان", "few": "مقالات", "many": "مقالًا"},
    "country": {"one": "دولة", "two": "دولتان", "few": "دول", "many": "دولة"},
    "person": {"one": "شخص", "two": "شخصان", "few": "أشخاص", "many": "شخصًا"},
    "venue": {"one": "مدينة", "two": "مدينتان", "few": "مدن", "many": "مدينة"},
    "session": {"one": "دورة", "two": "دورتان", "few": "دورات", "many": "دورة"},
}
_PLURAL = Locale.parse("ar")


@functools.lru_cache(maxsize=8192)
def _cldr(d: dt.date, pattern: str, locale: str) -> str:
    return format_date(d, pattern, locale=locale)


@dataclass(frozen=True, slots=True)
class When:
    """A date or a date range ready to print: ``text`` for readers, ``iso`` for
    ``<time datetime>``. A range has ``end_text``/``end_iso``; its ``text`` is then
    shortened (``4``–``7 نونبر 2024``)."""

    text: str
    iso: str
    end_text: str = ""
    end_iso: str = ""
    sep: str = "–"  # between start and end: spaced when the start has words


@dataclass(frozen=True, slots=True)
class Formats:
    """Dates from CLDR in the month style's locale, and digits per the setting."""

    locale: str
    digits: str

    def num(self, value: Any) -> str:
        text = str(value)
        return text.translate(_TO_ARAB if self.digits == "arab" else _TO_LATN)

    def date(self, d: dt.date) -> str:
        return self.num(_cldr(d, "d MMMM y", self.locale))

    def month(self, year: int, month: int) -> str:
        return self.num(_cldr(dt.date(year, month, 1), "MMMM y", self.locale))

    def when(self, d: dt.date | None) -> When | None:
        return When(self.date(d), d.isoformat()) if d else None

    def span(self, r: DateRange | None) -> When | None:
        if r is None:
            return None
        if r.start == r.end:
            return When(self.date(r.start), r.start.isoformat())
        if (r.start.year, r.start.month) == (r.end.year, r.end.month):
            return When(self.num(r.start.day), r.start.isoformat(), self.date(r.end), r.end.isoformat())
        if r.start.year == r.end.year:
            first = self.num(_cldr(r.start, "d MMMM", self.locale))
        else:
            first = self.date(r.start)
        return When(first, r.start.isoformat(), self.date(r.end), r.end.isoformat(), " – ")

    def count(self, n: int, noun: str) -> str:
        return NOUNS[noun][_PLURAL.plural_form(n)].format(n=self.num(n))

    def bare(self, n: int, noun: str) -> str:
        return BARE[noun].get(_PLURAL.plural_form(n), BARE[noun]["one"])


# --------------------------------------------------------------------------- Arabic order

_SORT_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_SORT_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                            "ؤ": "و", "ئ": "ي", "ء": None})


def sort_key(name: str) -> tuple[int, str, str]:
    """Arabic alphabetical order, as indexes print it: tashkeel and tatweel ignored, the
    hamza forms of alef folded into alef, ة with ه, ى with ي, and ``ال`` not counted
    (الجزائر files under ج). Unicode order of the folded letters is the alphabet's order
    (ا ب ت ث … ن ه و ي); names in other scripts come after, and the name itself breaks
    ties, so the key is total and deterministic."""
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in _SORT_MARKS.sub("", name).split()]
    folded = " ".join(words).translate(_SORT_FOLD).strip()
    arabic = bool(folded) and "\u0621" <= folded[0] <= "\u06ff"
    return (0 if arabic else 1, folded.casefold(), name)


def initial(name: str) -> str:
    """The letter a name files under in an index (``النرويج`` → ``ن``), ``#`` if none."""
    folded = sort_key(name)[1]
    return folded[0].upper() if folded and folded[0].isalpha() else "#"


def _date_order(a: Article) -> tuple[bool, dt.date, str]:
    return (a.date is None, a.date or dt.date.min, a.file)


# --------------------------------------------------------------------------- entities


@dataclass(frozen=True, eq=False, slots=True)
class Entity:
    """One country, person, venue or session across the corpus (compared by identity)."""

    kind: str  # one of urls.SECTIONS
    key: str  # country code, person name, venue slug or session number
    name: str  # Arabic display name
    en: str  # Latin name ("" if none)
    path: str  # output path of its page
    articles: tuple[Article, ...]  # in date order, undated last
    mentions: int = 0
    roles: tuple[str, ...] = ()  # people
    aliases: tuple[str, ...] = ()  # people
    country: str = ""  # venues: ISO code of the city's country
    info: SessionInfo | None = None  # sessions


@dataclass(frozen=True, slots=True)
class Entities:
    """Every entity of the corpus, by kind and key."""

    countries: dict[str, Entity]
    people: dict[str, Entity]
    venues: dict[str, Entity]
    sessions: dict[str, Entity]

    def table(self, kind: str) -> dict[str, Entity]:
        return getattr(self, kind)

    def of(self, a: Article) -> dict[str, tuple[Entity, ...]]:
        """The entities an article names, by kind (the venue and the next session's)."""
        venues = [v for v in (a.venue, a.next_session_venue, *(v for _, v in a.other_session_venues))
                  if v is not None]
        return {
            "countries": tuple(dict.fromkeys(self.countries[c.code] for c in a.countries)),
            "people": tuple(dict.fromkeys(self.people[p.name] for p in a.people)),
            "venues": tuple(dict.fromkeys(self.venues[v.slug] for v in venues)),
            "sessions": (self.sessions[str(a.session.number)],) if a.session else (),
        }


def collect(corpus: Corpus) -> Entities:
    """Aggregate the articles into entities; the sessions and their venues also come
    from ``corpus.sessions`` (what the link step settled)."""
    articles: dict[tuple[str, str], list[Article]] = defaultdict(list)
    mentions: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], Any] = {}
    roles: dict[str, dict[str, None]] = defaultdict(dict)
    aliases: dict[str, dict[str, None]] = defaultdict(dict)

    seen: set[tuple[str, str, str]] = set()

    def add(kind: str, key: str, a: Article, record: Any, n: int = 1) -> None:
        if (kind, key, a.file) not in seen:
            seen.add((kind, key, a.file))
            articles[(kind, key)].append(a)
        mentions[(kind, key)] += n
        first.setdefault((kind, key), record)

    for a in sorted(corpus.articles, key=_date_order):
        for c in a.countries:
            add("countries", c.code, a, c, c.mentions)
        for p in a.people:
            add("people", p.name, a, p, p.mentions)
            roles[p.name].update(dict.fromkeys(p.roles))
            aliases[p.name].update(dict.fromkeys(x for x in p.aliases if x != p.name))
        for v in (a.venue, a.next_session_venue, *(v for _, v in a.other_session_venues)):
            if v is not None:
                add("venues", v.slug, a, v)
        if a.session:
            add("sessions", str(a.session.number), a, None)
    infos = {str(s.number): s for s in corpus.sessions}
    for key, info in sorted(infos.items()):
        articles.setdefault(("sessions", key), [])
        if info.venue:
            articles.setdefault(("venues", info.venue.slug), [])
            first.setdefault(("venues", info.venue.slug), info.venue)

    tables: dict[str, dict[str, Entity]] = {kind: {} for kind in urls.SECTIONS}
    for (kind, key), items in sorted(articles.items()):
        record, n = first.get((kind, key)), mentions[(kind, key)]
        if kind == "countries":
            ent = Entity(kind, key, record.ar_canonical, record.en, urls.country_path(key, record.en),
                         tuple(items), n)
        elif kind == "people":
            ent = Entity(kind, key, key, "", urls.person_path(record), tuple(items), n,
                         tuple(roles[key]), tuple(aliases[key]))
        elif kind == "venues":
            ent = Entity(kind, key, record.ar_canonical, record.en, urls.venue_path(record), tuple(items),
                         n, country=record.country or "")
        else:
            ent = Entity(kind, key, f"الدورة {key}", "", urls.session_path(int(key)), tuple(items), n,
                         info=infos.get(key))
        tables[kind][key] = ent
    return Entities(**tables)


# --------------------------------------------------------------------------- contexts


@dataclass(frozen=True, slots=True)
class NavItem:
    label: str
    href: str
    current: bool  # this link is the page itself (aria-current="page")
    active: bool  # the page belongs to this section


@dataclass(frozen=True, slots=True)
class Page:
    """What ``base.html`` needs on every page. ``jsonld`` is already escaped for a
    ``<script>`` element; ``canonical`` and Open Graph exist only with a base URL."""

    path: str
    lang: str
    title: str  # the whole <title>
    heading: str  # the page's own title (og:title)
    description: str
    site_title: str
    home: str
    stylesheet: str  # "" when ``inline_css`` carries the styles (404 page)
    feed: str
    nav: tuple[NavItem, ...]
    canonical: str = ""
    og_type: str = "website"
    og_locale: str = "ar_MA"
    jsonld: Markup = Markup("")
    inline_css: Markup = Markup("")
    data: str = ""  # link to the open data page
    pages: tuple[Link, ...] = ()  # the Markdown pages (about, methodology), in the footer


@dataclass(frozen=True, slots=True)
class Link:
    """A link as the templates print it: ``label``, then optional muted ``note``, a Latin
    ``en`` name in an LTR ``<bdi>``, and a ``count`` phrase. An empty ``href`` prints text."""

    label: str
    href: str
    note: str = ""
    en: str = ""
    count: str = ""


@dataclass(frozen=True, eq=False, slots=True)
class Card:
    """An article in a list: its (possibly generated) title, date, source, and the
    session it covers with where it stands to it (``relation``: before/during/after).
    Compared by identity: ``Site.card`` makes one per article and depth, and
    ``article_card`` prints each one once."""

    href: str
    title: str
    generated: bool
    when: When | None
    source: str
    venue: str
    session: Link | None
    relation: str  # "before" | "during" | "after" | ""


@dataclass(frozen=True, slots=True)
class CardGroup:
    label: str
    anchor: str
    cards: tuple[Card, ...]


@dataclass(frozen=True, slots=True)
class SessionRow:
    """A General Assembly session in a list: number, venue, dates, articles, and how
    many were written before, during and after it."""

    link: Link
    venue: Link | None
    dates: When | None
    articles: str
    spread: str


@dataclass(frozen=True, slots=True)
class Pager:
    """Links between the pages of a long list; a link is None on the page it names."""

    label: str  # "الصفحة 2 من 5"
    first: Link | None
    prev: Link | None
    next: Link | None
    last: Link | None


@dataclass(frozen=True, slots=True)
class Stat:
    number: str
    noun: str
    href: str


@dataclass(frozen=True, slots=True)
class HomeContext:
    """``home.html``: what the corpus is, its counts, the sessions, the latest articles."""

    page: Page
    heading: str
    intro: str
    period: When | None  # first to last article date
    stats: tuple[Stat, ...]
    sessions: tuple[SessionRow, ...]
    latest: tuple[Card, ...]
    timeline: str


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """A row of the timeline: an article (``card``), or the start or end of a session."""

    kind: str  # "article" | "start" | "end" | "session" (a one-day session)
    when: When
    card: Card | None = None
    session: SessionRow | None = None


@dataclass(frozen=True, slots=True)
class TimelineMonth:
    label: str
    anchor: str
    items: tuple[TimelineItem, ...]


@dataclass(frozen=True, slots=True)
class TimelineYear:
    label: str
    anchor: str
    months: tuple[TimelineMonth, ...]


@dataclass(frozen=True, slots=True)
class TimelineContext:
    """``timeline.html``: years, then months, then articles and session marks by date."""

    page: Page
    heading: str
    intro: str
    sessions: tuple[SessionRow, ...]
    nav: tuple[Link, ...]  # the years: anchors, or pages when the timeline is split
    years: tuple[TimelineYear, ...]  # empty on the overview of a split timeline
    undated: tuple[Card, ...]
    figure: Markup = Markup("")  # the SVG timeline (overview page)
    caption: str = ""  # how to read it


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of paragraph text; ``marked`` runs are evidence of a fact."""

    text: str
    marked: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A body paragraph with its anchor (``p-3`` is ``Article.body[2]``); ``html`` holds a
    Markdown article's trusted HTML instead of ``pieces``."""

    anchor: str
    pieces: tuple[Piece, ...]
    html: Markup | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """An evidence span: its text and its anchor in this page (``#p-3``; ``""`` when the
    span is in another article)."""

    href: str
    text: str
    where: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A sentence that names an entity, cut around the evidence span: ``before`` +
    ``marked`` + ``after``, linked to its paragraph in the article."""

    before: str
    marked: str
    after: str
    href: str
    article: str
    when: When | None


@dataclass(frozen=True, slots=True)
class Fact:
    """One line of the facts panel. ``status`` is stated, inferred (``source`` links the
    article it came from) or editorial."""

    label: str
    href: str
    en: str
    note: str
    when: When | None
    quotes: tuple[Quote, ...]
    more: str  # "+3" when more spans than shown
    status: str
    source: Link | None


@dataclass(frozen=True, slots=True)
class FactGroup:
    label: str
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """``article.html``: the article, its clean paragraphs and its facts panel."""

    page: Page
    heading: tuple[Piece, ...]
    generated: bool
    edited: tuple[str, ...]  # labels of the fields an editor set (title, author …)
    when: When | None
    published: When | None  # only when it differs from ``when``
    source: str
    author: str
    byline: tuple[Piece, ...]  # the byline as written, () if none
    paragraphs: tuple[Paragraph, ...]
    facts: tuple[FactGroup, ...]
    file: str
    older: Link | None
    newer: Link | None


@dataclass(frozen=True, slots=True)
class IndexGroup:
    """The entries of an index under one initial letter."""

    letter: str
    anchor: str
    rows: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class IndexContext:
    """``countries.html``, ``people.html``, ``venues.html`` (``groups``, by initial letter
    in Arabic alphabetical order) and ``sessions.html`` (``sessions``, by number)."""

    page: Page
    heading: str
    intro: str
    groups: tuple[IndexGroup, ...]
    sessions: tuple[SessionRow, ...] = ()
    figure: Markup = Markup("")  # the world map (countries index)


@dataclass(frozen=True, slots=True)
class EntityContext:
    """``country.html``, ``person.html`` and ``venue.html``: one entity, its articles in
    date order and what is seen with it (each list may be empty)."""

    page: Page
    name: str
    en: str
    summary: str
    first: When | None
    last: When | None
    roles: tuple[str, ...]
    aliases: tuple[str, ...]
    country: Link | None  # a venue's country
    sessions: tuple[SessionRow, ...]  # a venue's sessions
    articles: tuple[Card, ...]
    people: tuple[Link, ...]
    countries: tuple[Link, ...]
    venues: tuple[Link, ...]
    with_sessions: tuple[Link, ...]  # sessions covered by the articles naming a country/person
    pager: Pager | None
    mentions: tuple[Mention, ...] = ()  # the sentences naming a country or person (page 1)
    chart: Markup = Markup("")  # articles per month, when they span more than one
    feed: str = ""  # the entity's own Atom feed (countries and people)


@dataclass(frozen=True, slots=True)
class SessionContext:
    """``session.html``: a session's number, venue, dates, and its articles grouped by
    before, during and after."""

    page: Page
    heading: str
    number: str
    venue: Link | None
    dates: When | None
    summary: str
    groups: tuple[CardGroup, ...]
    countries: tuple[Link, ...]
    people: tuple[Link, ...]
    sources: tuple[Link, ...]
    pager: Pager | None


@dataclass(frozen=True, slots=True)
class NotFoundContext:
    """``404.html``; links are absolute with a base URL, since the page is served at any
    missing path."""

    page: Page
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class FeedEntry:
    title: str
    id: str
    href: str
    published: str
    updated: str
    author: str
    summary: str


@dataclass(frozen=True, slots=True)
class FeedContext:
    """``feed.xml`` (Atom): absolute URLs with a base URL, else ``tag:`` ids and links
    relative to the feed."""

    title: str
    subtitle: str
    lang: str
    id: str
    alternate: str
    self_href: str
    updated: str
    author: str
    entries: tuple[FeedEntry, ...]


@dataclass(frozen=True, slots=True)
class SitemapContext:
    """``sitemap.xml``: absolute URLs, so it lists pages only when a base URL is set."""

    urls: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SearchContext:
    """``search.html``: the search form that static/search.js brings to life, where it
    finds the index, and the indexes for readers without JavaScript."""

    page: Page
    heading: str
    index: str  # relative link to the index folder (search/index/)
    blocks: str  # the index's blocks (search.blocks), space-separated
    root: str  # relative link to the site's root, which result paths start from
    script: str  # relative link to static/search.js
    style: str  # relative link to static/search.css
    digits: str  # the digit system of the site, for counts and dates
    months: str  # the month names of the site's month style, "|"-separated, for dates
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class TextPageContext:
    """``page.html``: a Markdown page of ``pages/`` (already sanitised HTML)."""

    page: Page
    heading: str
    html: Markup


@dataclass(frozen=True, slots=True)
class DataFile:
    link: Link
    about: str
    schema: Link


@dataclass(frozen=True, slots=True)
class DataContext:
    """``data.html``: the open data files beside the site and their fields."""

    page: Page
    heading: str
    files: tuple[DataFile, ...]
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class RobotsContext:
    sitemap: str


# --------------------------------------------------------------------------- helpers

RELATION = {"before": "قبل", "during": "خلال", "after": "بعد"}
#: Fields an editor may set that show outside the facts panel, with their Arabic labels.
EDITED = {"title": "العنوان", "published": "تاريخ النشر", "author": "الكاتب", "source": "المصدر"}
SECTION_TITLES = {
    "countries": ("الدول", "الدول التي تذكرها المقالات، مرتبة أبجديا، مع عدد المقالات عن كل دولة."),
    "people": ("الأشخاص", "الأشخاص الذين تذكرهم المقالات، مرتبين أبجديا، مع صفاتهم وعدد المقالات."),
    "venues": ("المدن", "المدن التي احتضنت دورات الجمعية العامة أو الأحداث التي تغطيها المقالات."),
    "sessions": ("الدورات", "دورات الجمعية العامة للإنتربول: مكان كل دورة وتاريخها والمقالات عنها."),
}
NAV = (("", "الرئيسية", urls.HOME), ("timeline", "الخط الزمني", urls.TIMELINE),
       ("sessions", "الدورات", urls.index_path("sessions")),
       ("countries", "الدول", urls.index_path("countries")),
       ("people", "الأشخاص", urls.index_path("people")),
       ("venues", "المدن", urls.index_path("venues")),
       ("search", "بحث", urls.SEARCH))
TAG_AUTHORITY = "tag:interpol-site.invalid,2024:"
#: At most this many entities in a "seen with" list (the most frequent first).
SEEN_LIMIT = 20
#: At most this many sentences quoted on a country or person page.
MENTION_LIMIT = 8
#: Past this many dated articles the timeline is split into one page per year.
TIMELINE_SPLIT = 200


def jsonld(data: dict[str, Any]) -> Markup:
    """JSON-LD safe inside ``<script>``: ``<``, ``>`` and ``&`` as JSON escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


_SENTENCE_END = re.compile(r"[.!؟?؛]\s")


def sentence_bounds(text: str, start: int, end: int, limit: int = 320) -> tuple[int, int]:
    """The sentence of ``text`` around ``[start, end)``, at most about ``limit`` chars
    (cut at word boundaries), stripped of surrounding spaces."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    found = _SENTENCE_END.search(text, end)
    right = found.start() + 1 if found else len(text)
    if start - left > limit // 2:
        left = text.find(" ", start - limit // 2, start) + 1 or left
    if right - end > limit // 2:
        cut = text.rfind(" ", end, end + limit // 2)
        right = cut if cut > end else right
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def excerpt(text: str, limit: int = 160) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip("،,;:.") + "…"


def pieces(text: str, spans: Iterable[tuple[int, int]]) -> tuple[Piece, ...]:
    """``text`` split into plain and marked runs; overlapping spans are merged."""
    merged: list[list[int]] = []
    for start, end in sorted(s for s in spans if 0 <= s[0] < s[1] <= len(text)):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[Piece] = []
    pos = 0
    for start, end in merged:
        if start > pos:
            out.append(Piece(text[pos:start]))
        out.append(Piece(text[start:end], True))
        pos = end
    if pos < len(text) or not out:
        out.append(Piece(text[pos:]))
    return tuple(out)


def _relation(a: Article, info: SessionInfo | None) -> str:
    if not (a.session and a.date and info and info.dates):
        return ""
    if a.date < info.dates.start:
        return "before"
    return "after" if a.date > info.dates.end else "during"


# --------------------------------------------------------------------------- the site


class Site:
    """What every page function shares: settings, formats, entities and the lookups."""

    def __init__(self, corpus: Corpus, settings: Settings, build_date: dt.date | None,
                 templates: Path | None = None):
        self.corpus = corpus
        self.nav = NAV if settings.search else tuple(n for n in NAV if n[0] != "search")
        self.settings = settings
        self.fmt = Formats(settings.locale, settings.digits)
        self.ents = collect(corpus)
        self.named = {a.file: self.ents.of(a) for a in corpus.articles}
        self.templates = Path(templates or default_templates())
        self.env = environment(str(self.templates), templates_state(self.templates))
        self.chronological = tuple(sorted(corpus.articles, key=_date_order))
        self.position = {a.file: i for i, a in enumerate(self.chronological)}
        self.by_file = {a.file: a for a in corpus.articles}
        self.titles = {a.file: (a.title or generated_title(a), not a.title) for a in corpus.articles}
        self.shared_titles = {t for t, n in Counter(t for t, _ in self.titles.values()).items() if n > 1}
        dates = [a.date for a in corpus.articles if a.date]
        self.updated = build_date or (max(dates) if dates else dt.date(1970, 1, 1))
        self._cards: dict[tuple[str, str, str], Card] = {}

    @functools.cached_property
    def keys(self) -> Keys:
        return Keys(self)

    # ---- shared pieces

    def render(self, template: str, context: Any) -> bytes:
        return self.env.get_template(template).render(c=context).encode("utf-8")

    def page(self, path: str, heading: str, section: str, description: str = "",
             data: dict[str, Any] | None = None, og_type: str = "website") -> Page:
        s = self.settings
        rel = functools.partial(urls.relative, path)
        nav = tuple(NavItem(label, rel(target), target == path, bool(section) and sec == section)
                    for sec, label, target in self.nav)
        return Page(
            path=path, lang=s.language, title=heading if path == urls.HOME else f"{heading} · {s.title}",
            heading=heading, description=description or s.description, site_title=s.title,
            home=rel(urls.HOME), stylesheet=rel(urls.STYLESHEET), feed=rel(urls.FEED), nav=nav,
            canonical=urls.absolute(s.base_url, path) if s.base_url else "", og_type=og_type,
            og_locale=s.locale, jsonld=jsonld(data) if data else Markup(""), data=rel(urls.DATA),
            pages=tuple(Link(p.title, rel(urls.text_page_path(p.slug))) for p in self.corpus.pages),
        )

    def link(self, here: str, ent: Entity, count: bool = False, n: int | None = None) -> Link:
        note = ""
        if ent.kind == "people" and ent.roles:
            note = ent.roles[0]
        if ent.kind == "sessions" and ent.info and ent.info.venue:
            note = ent.info.venue.ar_canonical
        counted = self.fmt.count(len(ent.articles) if n is None else n, "article") if count else ""
        return Link(self.session_label(ent) if ent.kind == "sessions" else ent.name,
                    urls.relative(here, ent.path), note, ent.en, counted)

    def session_label(self, ent: Entity) -> str:
        return f"الدورة {self.fmt.num(ent.key)}"

    def card(self, here: str, a: Article) -> Card:
        # An article is listed on many pages; at the same depth its card is the same, so
        # one Card object serves them all (and ``article_card`` prints it once).
        href = urls.relative(here, urls.article_path(a))
        ent = self.ents.sessions[str(a.session.number)] if a.session else None
        session_href = urls.relative(here, ent.path) if ent else ""
        made = self._cards.get((a.file, href, session_href))
        if made is not None:
            return made
        title, generated = self.titles[a.file]
        session, relation = None, ""
        if ent:
            relation = _relation(a, ent.info)
            label = self.session_label(ent)
            session = Link(f"{RELATION[relation]} {label}" if relation else label, session_href)
        made = self._cards[(a.file, href, session_href)] = Card(
            href, title, generated, self.fmt.when(a.date), a.source or "",
            a.venue.ar_canonical if a.venue else "", session, relation)
        return made

    def cards(self, here: str, articles: Iterable[Article]) -> tuple[Card, ...]:
        return tuple(self.card(here, a) for a in articles)

    def session_row(self, here: str, ent: Entity) -> SessionRow:
        info = ent.info
        venue = None
        if info and info.venue:
            v = self.ents.venues[info.venue.slug]
            venue = Link(v.name, urls.relative(here, v.path), en=v.en)
        spread = Counter(_relation(a, info) for a in ent.articles)
        parts = [f"{word}ها: {self.fmt.num(spread[key])}" for key, word in RELATION.items() if spread[key]]
        return SessionRow(Link(self.session_label(ent), urls.relative(here, ent.path)), venue,
                          self.fmt.span(info.dates if info else None),
                          self.fmt.count(len(ent.articles), "article"), " · ".join(parts))

    def sessions(self) -> tuple[Entity, ...]:
        return tuple(sorted(self.ents.sessions.values(), key=lambda e: int(e.key)))

    def seen_with(self, here: str, ent: Entity, kind: str) -> tuple[Link, ...]:
        """Entities of ``kind`` named in the same articles as ``ent``, most often first
        (at most ``SEEN_LIMIT``, then a line saying how many more)."""
        together: Counter[str] = Counter()
        for a in ent.articles:
            for other in self.named[a.file][kind]:
                if other is not ent:
                    together[other.key] += 1
        table = self.ents.table(kind)
        order = sorted(together, key=lambda k: (-together[k], sort_key(table[k].name)))
        links = [self.link(here, table[k], count=True, n=together[k]) for k in order[:SEEN_LIMIT]]
        if len(order) > SEEN_LIMIT:
            links.append(Link(f"و{self.fmt.num(len(order) - SEEN_LIMIT)} غيرها", ""))
        return tuple(links)

    def mentions(self, here: str, ent: Entity) -> tuple[Mention, ...]:
        """The sentences that name a country or person, from its evidence spans: one per
        paragraph, in date order, at most ``MENTION_LIMIT``."""
        out: list[Mention] = []
        for a in ent.articles:
            records = (a.countries if ent.kind == "countries" else a.people if ent.kind == "people" else ())
            spans = {}
            for r in records:
                if (r.code if ent.kind == "countries" else r.name) != ent.key:
                    continue
                for e in r.evidence:
                    if e.status == "stated" and 0 <= e.paragraph < len(a.body) and not a.markdown:
                        spans.setdefault(e.paragraph, e)
            for i, e in sorted(spans.items()):
                text = a.body[i]
                if text[e.start:e.end] != e.text:
                    continue
                start, end = sentence_bounds(text, e.start, e.end)
                out.append(Mention(text[start:e.start], e.text, text[e.end:end],
                                   urls.relative(here, urls.article_path(a)) + f"#p-{i + 1}",
                                   self.titles[a.file][0], self.fmt.when(a.date) if a.date else None))
                if len(out) >= MENTION_LIMIT:
                    return tuple(out)
        return tuple(out)

    def chart(self, ent: Entity) -> Markup:
        dates = [a.date for a in ent.articles if a.date]
        return Markup(charts.per_month(dates, lambda d: self.fmt.month(d.year, d.month),
                                       lambda n: self.fmt.count(n, "article"), ent.name))

    def summary(self, ent: Entity) -> tuple[str, When | None, When | None]:
        dates = [a.date for a in ent.articles if a.date]
        first = self.fmt.when(min(dates)) if dates else None
        last = self.fmt.when(max(dates)) if dates and max(dates) != min(dates) else None
        return f"{self.fmt.count(len(ent.articles), 'article')} في الأرشيف.", first, last


def digest(*parts: Any) -> str:
    """A short, stable digest of plain data (records, strings, numbers, bytes), over its
    JSON with sorted keys (``repr`` for anything else)."""
    return hashlib.blake2b(_DIGESTED.encode(parts), digest_size=16).hexdigest()


_DIGESTED = msgspec.json.Encoder(order="sorted", enc_hook=repr)


#: The fields of an article that the link step may change (``link.py``); with the file,
#: its content hash (bytes and sidecar) and our code, they fix the linked record.
LINKED_FIELDS = ("id", "session", "venue", "partial_dates", "event_dates", "date", "date_evidence", "people")


class Keys:
    """What each page shows, as a digest: a page whose key is unchanged since the last
    build is the same file, so an incremental build reuses it instead of rendering it.

    - ``base``: our code and data, the templates, the settings, the menu;
    - ``of[file]``: one linked article (its bytes, sidecar, path and linked fields);
    - ``entity_link[ent]``: what a link to an entity shows (name, path, roles, session);
    - ``entities``: every entity's link, for pages listing entities seen together.
    A page's key combines those it reads; the tests check it against clean builds.
    """

    def __init__(self, site: Site):
        from .cache import fingerprint

        self.site = site
        templates = sorted(p for p in site.templates.rglob("*") if p.is_file())
        self.base = digest(fingerprint(), [(p.name, p.read_bytes()) for p in templates],
                           repr(site.settings), site.nav,
                           [(p.slug, p.title) for p in site.corpus.pages])
        self.of = {a.file: digest(a.file, a.content_hash, *(getattr(a, f) for f in LINKED_FIELDS))
                   for a in site.corpus.articles}
        self.entity_link = {id(e): digest(e.kind, e.key, e.name, e.en, e.path, e.roles, e.aliases, e.country, e.info)
                            for kind in urls.SECTIONS for e in site.ents.table(kind).values()}
        self.entities = digest(sorted(self.entity_link.values()))
        self._entity_keys: dict[int, list[str]] = {}

    def _articles(self, articles: Iterable[Article]) -> list[str]:
        return [self.of[a.file] for a in articles]

    def article(self, a: Article) -> str:
        site = self.site
        i = site.position[a.file]
        near = site.chronological[max(0, i - 1): i + 2]
        named = [self.entity_link[id(e)] for group in site.named[a.file].values() for e in group]
        origins = sorted({e.source_file for e in _inferred_evidence(a) if e.source_file in self.of})
        # the neighbours and the articles a fact was taken from show as links: title and path
        linked = [(site.titles[b.file][0], urls.article_path(b)) for b in near if b is not a]
        linked += [(site.titles[f][0], urls.article_path(site.by_file[f])) for f in origins]
        return digest(self.base, "article", self.of[a.file], i > 0, linked, named,
                      site.titles[a.file][0] in site.shared_titles)

    def entity(self, ent: Entity) -> list[tuple[str, str]]:
        """(path, key) of each page of an entity, in order (as ``entity_pages`` and
        ``session_pages`` make them)."""
        site = self.site
        per_page = site.settings.per_page
        link = self.entity_link
        if ent.kind == "sessions":
            relations = {a.file: _relation(a, ent.info) for a in ent.articles}
            ordered = session_order(ent, relations)
            venue = site.ents.venues.get(ent.info.venue.slug) if ent.info and ent.info.venue else None
            shared = [sorted(set(relations.values())), link[id(venue)] if venue else "",
                      [self.of.get(f) for f in (ent.info.sources if ent.info else ())]]
        else:
            ordered, shared = ent.articles, [site.summary(ent)]
        if ent.kind == "venues":  # the sessions held there (with their counts), its country
            held = [e for e in site.sessions() if _held_at(e, ent.key)]
            country = site.ents.countries.get(ent.country)
            shared += [[(link[id(e)], self._articles(e.articles)) for e in held],
                       [link[id(v)] for e in held if e.info and e.info.venue
                        for v in [site.ents.venues[e.info.venue.slug]]],
                       link[id(country)] if country else ""]
        parts = chunks(ordered, per_page)
        head = digest(self.base, "entity", self.entity_link[id(ent)], len(ent.articles), len(parts), shared)
        out = []
        for k, part in enumerate(parts, 1):
            sessions = [self.entity_link[id(site.ents.sessions[str(a.session.number)])] for a in part if a.session]
            first = [self.entities, self._articles(ordered)] if k == 1 else []
            out.append((urls.paged(ent.path, k), digest(head, k, self._articles(part), sessions, first)))
        return out

    def entity_page(self, ent: Entity, k: int) -> str:
        """The key of page ``k`` (from 0) of an entity; its pages' keys are made together."""
        made = self._entity_keys.get(id(ent))
        if made is None:
            made = self._entity_keys[id(ent)] = [key for _, key in self.entity(ent)]
        return made[k]

    def timeline_year(self, year: int) -> str:
        """A year's page of a split timeline: its articles' cards, its sessions' rows,
        and the list of years with their counts."""
        site = self.site
        counts = Counter(a.date.year for a in site.chronological if a.date)
        sessions = [(self.entity_link[id(e)], len(e.articles),
                     sorted(Counter(_relation(a, e.info) for a in e.articles).items()))
                    for e in site.sessions() if e.info and e.info.dates
                    and year in (e.info.dates.start.year, e.info.dates.end.year)]
        dated = [self.of[a.file] for a in site.chronological if a.date and a.date.year == year]
        named = [self.entity_link[id(e)] for a in site.chronological if a.date and a.date.year == year
                 for e in site.named[a.file]["sessions"]]
        return digest(self.base, "timeline", year, sorted(counts.items()), dated, named, sessions)

    def feed(self, ent: Entity) -> str:
        latest = newest(ent.articles, feed_size(self.site.settings))
        return digest(self.base, "feed", self.site.updated, self.entity_link[id(ent)],
                      self._articles(latest))


def _inferred_evidence(a: Article) -> Iterator[Evidence]:
    """The evidence the link step can add to an article (taken from other articles)."""
    holders: list[tuple[Evidence, ...]] = [a.date_evidence]
    if a.session:
        holders.append(a.session.evidence)
    if a.venue:
        holders.append(a.venue.evidence)
    holders += [r.evidence for r in a.event_dates] + [p.evidence for p in a.people]
    for evidence in holders:
        yield from (e for e in evidence if e.status == "inferred")


def newest(articles: Iterable[Article], n: int) -> list[Article]:
    """The ``n`` newest articles (undated last, then by file)."""
    return sorted(articles, key=lambda a: (a.date or dt.date.min, a.file), reverse=True)[:n]


def feed_size(settings: Settings) -> int:
    return max(settings.per_page, 20)


def session_order(ent: Entity, relations: dict[str, str]) -> tuple[Article, ...]:
    """A session's articles: before, during, after it, then the others, each in date order."""
    order = [k for k, _ in SESSION_GROUPS]
    return tuple(sorted(ent.articles, key=lambda a: (order.index(relations[a.file]), _date_order(a))))


# --------------------------------------------------------------------------- page functions


def home_page(site: Site) -> tuple[str, HomeContext]:
    here = urls.HOME
    s, fmt, ents = site.settings, site.fmt, site.ents
    dates = [a.date for a in site.chronological if a.date]
    period = fmt.span(DateRange(dates[0], dates[-1])) if dates else None
    counts = (("article", len(site.corpus.articles), urls.TIMELINE),
              ("session", len(ents.sessions), urls.index_path("sessions")),
              ("country", len(ents.countries), urls.index_path("countries")),
              ("person", len(ents.people), urls.index_path("people")),
              ("venue", len(ents.venues), urls.index_path("venues")))
    stats = tuple(Stat(fmt.num(n), fmt.bare(n, noun), urls.relative(here, path)) for noun, n, path in counts)
    latest = sorted(site.corpus.articles, key=lambda a: (a.date or dt.date.min, a.file), reverse=True)
    data = {"@context": "https://schema.org", "@type": "WebSite", "name": s.title,
            "description": s.description, "inLanguage": s.language}
    if s.base_url:
        data["url"] = s.base_url
    page = site.page(here, s.title, "", data=data)
    return here, HomeContext(page, s.title, s.description, period, stats,
                             tuple(site.session_row(here, e) for e in site.sessions()),
                             site.cards(here, latest[: s.per_page]), urls.relative(here, urls.TIMELINE))


def _timeline_split(site: Site) -> bool:
    return sum(a.date is not None for a in site.chronological) > TIMELINE_SPLIT


def timeline_paths(site: Site) -> list[str]:
    """The paths ``timeline_pages`` makes, without making them: the overview, and past
    ``TIMELINE_SPLIT`` dated articles a page per year of an article or a session."""
    if not _timeline_split(site):
        return [urls.TIMELINE]
    years = {a.date.year for a in site.chronological if a.date}
    years |= {y for e in site.sessions() if e.info and e.info.dates for y in (e.info.dates.start.year,
                                                                               e.info.dates.end.year)}
    return [urls.TIMELINE] + [f"timeline/{y}/index.html" for y in sorted(years)]


def timeline_pages(site: Site) -> list[tuple[str, TimelineContext]]:
    """The timeline: one page, or, past ``TIMELINE_SPLIT`` dated articles, an overview
    (``timeline/index.html``) and one page per year (``timeline/2024/index.html``)."""
    fmt = site.fmt
    rows: dict[tuple[int, int], list[tuple[dt.date, int, str, Any]]] = defaultdict(list)
    for ent in site.sessions():
        if ent.info and ent.info.dates:
            r = ent.info.dates
            if r.is_single:
                rows[(r.start.year, r.start.month)].append((r.start, 0, ent.key, ("session", ent)))
            else:
                rows[(r.start.year, r.start.month)].append((r.start, 0, ent.key, ("start", ent)))
                rows[(r.end.year, r.end.month)].append((r.end, 2, ent.key, ("end", ent)))
    undated = [a for a in site.chronological if a.date is None]
    for a in site.chronological:
        if a.date is not None:
            rows[(a.date.year, a.date.month)].append((a.date, 1, a.file, ("article", a)))
    by_year: dict[int, list[tuple[int, list]]] = defaultdict(list)
    for (y, m), items in sorted(rows.items()):
        by_year[y].append((m, [item for *_, item in sorted(items, key=lambda t: t[:3])]))
    split = _timeline_split(site)

    def year_path(y: int) -> str:
        return f"timeline/{y}/index.html" if split else urls.TIMELINE

    def item(here: str, kind: str, obj: Any) -> TimelineItem:
        if kind == "article":
            card = site.card(here, obj)
            return TimelineItem(kind, card.when, card=card)  # type: ignore[arg-type]
        r = obj.info.dates
        return TimelineItem(kind, fmt.when(r.end) if kind == "end" else fmt.span(r),  # type: ignore[arg-type]
                            session=site.session_row(here, obj))

    def year(here: str, y: int) -> TimelineYear:
        months = tuple(TimelineMonth(fmt.month(y, m), f"m-{y}-{m:02d}", tuple(item(here, *i) for i in items))
                       for m, items in by_year[y])
        return TimelineYear(fmt.num(y), f"y-{y}", months)

    def nav(here: str) -> tuple[Link, ...]:
        counts = Counter(a.date.year for a in site.chronological if a.date)
        return tuple(Link(fmt.num(y), "" if year_path(y) == here and split else
                          urls.relative(here, year_path(y) + ("" if split else f"#y-{y}")),
                          count=fmt.count(counts[y], "article")) for y in sorted(by_year))

    heading = "الخط الزمني"
    intro = "المقالات حسب تاريخها، وكل دورة للجمعية العامة في موضعها من الزمن: ما كتب قبلها وخلالها وبعدها."
    description = "كل المقالات حسب تاريخها، ودورات الجمعية العامة للإنتربول في موضعها من الزمن."
    here = urls.TIMELINE
    bands = [(e.info.dates.start, e.info.dates.end, f"{site.session_label(e)}: {fmt.span(e.info.dates).text}",
              urls.relative(here, e.path)) for e in site.sessions() if e.info and e.info.dates]
    if split:  # a bar per month, linked to that month on its year's page
        per_month = Counter((a.date.year, a.date.month) for a in site.chronological if a.date)
        months = [(dt.date(y, m, 1), n, f"{fmt.month(y, m)}: {fmt.count(n, 'article')}",
                   urls.relative(here, year_path(y)) + f"#m-{y}-{m:02d}") for (y, m), n in sorted(per_month.items())]
        figure = Markup(charts.timeline([], bands, lambda d: fmt.month(d.year, d.month), months))
        caption = "الزمن يجري من اليمين إلى اليسار: طول كل عمود عدد مقالات شهره، والأشرطة دورات الجمعية العامة."
    else:
        figure = Markup(charts.timeline(
            [(a.date, site.titles[a.file][0], urls.relative(here, urls.article_path(a)))
             for a in site.chronological if a.date], bands, lambda d: fmt.month(d.year, d.month)))
        caption = "الزمن يجري من اليمين إلى اليسار: الدوائر مقالات، والأشرطة دورات الجمعية العامة."
    overview = TimelineContext(
        site.page(here, heading, "timeline", description), heading, intro,
        tuple(site.session_row(here, e) for e in site.sessions()), nav(here),
        () if split else tuple(year(here, y) for y in sorted(by_year)), site.cards(here, undated), figure, caption)
    pages = [(here, overview)]
    for y in sorted(by_year) if split else ():
        here = year_path(y)
        title = f"{heading}: {fmt.num(y)}"
        sessions = tuple(site.session_row(here, e) for e in site.sessions()
                         if e.info and e.info.dates and y in (e.info.dates.start.year, e.info.dates.end.year))
        pages.append((here, TimelineContext(
            site.page(here, title, "timeline", f"{description} {fmt.num(y)}."), title, intro, sessions,
            nav(here), (year(here, y),), ())))
    return pages


def edited_page(site: Site, a: Article) -> tuple[str, bytes] | None:
    """The page of ``a``, an article of ``site`` edited since ``site`` was built, made
    against ``site`` as it stands (its entities, neighbours and other titles): ``serve``
    shows it while the corpus is linked and the site rebuilt. None when ``a`` is not an
    article of ``site`` or names a person, place, country or session that has no page
    in it yet; the rebuilt site shows those a moment later."""
    old = site.by_file.get(a.file)
    if old is None:
        return None
    a = a.replace(id=old.id)  # the id given when two names slug alike
    edited = copy.copy(site)
    edited.by_file = {**site.by_file, a.file: a}
    edited.titles = {**site.titles, a.file: (a.title or generated_title(a), not a.title)}
    try:
        path, context = article_page(edited, a)
    except KeyError:  # an entity the site has no page for
        return None
    return path, edited.render("article.html", context)


def article_page(site: Site, a: Article) -> tuple[str, ArticleContext]:
    here = urls.article_path(a)
    fmt, ents = site.fmt, site.ents
    title, generated = site.titles[a.file]
    marks: dict[int, list[tuple[int, int]]] = defaultdict(list)

    def quotes(evidence: Iterable[Evidence]) -> tuple[Quote, ...]:
        out = []
        for e in evidence:
            where, anchor, text = _place(a, e.paragraph)
            if text is not None and (a.markdown or text[e.start:e.end] == e.text):
                if not a.markdown or e.paragraph < 0:
                    marks[e.paragraph].append((e.start, e.end))
                q = Quote(f"#{anchor}", e.text, where)
            else:
                q = Quote("", e.text, where)
            if q not in out:
                out.append(q)
        return tuple(out)

    def fact(field: str, label: str, evidence: tuple[Evidence, ...], href: str = "", en: str = "",
             note: str = "", when: When | None = None) -> Fact:
        status, source = "stated", None
        if field in a.editorial or any(e.status == "editorial" for e in evidence):
            status = "editorial"
        elif evidence and all(e.status == "inferred" for e in evidence):
            status = "inferred"
            origin = site.by_file.get(evidence[0].source_file or "")
            if origin is not None and origin is not a:
                source = Link(site.titles[origin.file][0], urls.relative(here, urls.article_path(origin)))
        shown = quotes(evidence)
        more = f"+{fmt.num(len(shown) - 3)}" if len(shown) > 3 else ""
        return Fact(label, href, en, note, when, shown[:3], more, status, source)

    def entity_fact(field: str, ent: Entity, evidence: tuple[Evidence, ...], note: str = "") -> Fact:
        label = site.session_label(ent) if ent.kind == "sessions" else ent.name
        return fact(field, label, evidence, urls.relative(here, ent.path), ent.en, note)

    groups: list[FactGroup] = []
    if a.session:
        ent = ents.sessions[str(a.session.number)]
        session = entity_fact("session", ent, a.session.evidence)
        groups.append(FactGroup("الدورة", (_replace(session, when=fmt.span(ent.info.dates if ent.info else None)),)))
    if a.venue:
        groups.append(FactGroup("المكان", (entity_fact("venue", ents.venues[a.venue.slug], a.venue.evidence),)))
    if a.next_session_venue:
        v = a.next_session_venue
        groups.append(FactGroup("مكان الدورة المقبلة",
                                (entity_fact("next_session_venue", ents.venues[v.slug], v.evidence),)))
    if a.other_session_venues:
        groups.append(FactGroup("أمكنة دورات أخرى", tuple(
            entity_fact("other_session_venues", ents.venues[v.slug], v.evidence, f"مكان الدورة {fmt.num(n)}")
            for n, v in a.other_session_venues)))
    dates = []
    if a.published:
        dates.append(fact("published", "تاريخ النشر", a.published_evidence, when=fmt.when(a.published)))
    for r in a.event_dates:
        dates.append(fact("event_dates", "تاريخ الحدث", r.evidence, when=fmt.span(r)))
    if a.date and not a.published and all(r.start != a.date for r in a.event_dates):
        dates.append(fact("date", "تاريخ المقال", a.date_evidence, when=fmt.when(a.date)))
    if dates:
        groups.append(FactGroup("التواريخ", tuple(dates)))
    if a.people:
        groups.append(FactGroup("الأشخاص", tuple(
            entity_fact("people", ents.people[p.name], p.evidence, "، ".join(p.roles[:2]))
            for p in a.people)))
    if a.countries:
        groups.append(FactGroup("الدول", tuple(
            entity_fact("countries", ents.countries[c.code], c.evidence) for c in a.countries)))

    paragraphs = tuple(
        Paragraph(f"p-{i + 1}", (), Markup(text)) if a.markdown else Paragraph(f"p-{i + 1}", pieces(text, marks[i]))
        for i, text in enumerate(a.body))
    heading = (Piece(title),) if generated else pieces(title, marks[-1])
    idx = site.position[a.file]
    older = site.chronological[idx - 1] if idx > 0 else None
    newer = site.chronological[idx + 1] if idx + 1 < len(site.chronological) else None

    def neighbour(b: Article | None, label: str) -> Link | None:
        return Link(site.titles[b.file][0], urls.relative(here, urls.article_path(b)), label) if b else None

    description = excerpt(a.body[0] if a.body and not a.markdown else title)
    page = site.page(here, title, "", description, _article_jsonld(site, a, title, here), "article")
    if title in site.shared_titles:  # tell same-titled articles apart in tabs and search results
        where = [fmt.date(a.date)] if a.date else []
        page = _replace(page, title=" · ".join([title, *where, a.source or a.id, site.settings.title]))
    published = fmt.when(a.published) if a.published and a.published != a.date else None
    return here, ArticleContext(
        page, heading, generated, tuple(EDITED[f] for f in a.editorial if f in EDITED),
        fmt.when(a.date), published, a.source or "", a.author or "",
        pieces(a.byline, marks[-2]) if a.byline else (), paragraphs, tuple(groups), a.file,
        neighbour(older, "المقال السابق"), neighbour(newer, "المقال التالي"))


def _place(a: Article, paragraph: int) -> tuple[str, str, str | None]:
    """(label, anchor, text) of an evidence paragraph: the title, the byline or a body
    paragraph; text is None when the article has no such paragraph."""
    if paragraph == -1:
        return "العنوان", "title", a.title
    if paragraph == -2:
        return "سطر التوقيع", "byline", a.byline
    if 0 <= paragraph < len(a.body):
        return f"الفقرة {paragraph + 1}", f"p-{paragraph + 1}", a.body[paragraph]
    return "نص آخر", "", None


def _article_jsonld(site: Site, a: Article, title: str, here: str) -> dict[str, Any]:
    s = site.settings
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": excerpt(title, 110),
        "inLanguage": s.language, "isAccessibleForFree": True,
    }
    if s.base_url:
        data["url"] = data["mainEntityOfPage"] = urls.absolute(s.base_url, here)
    if a.published or a.date:
        data["datePublished"] = (a.published or a.date).isoformat()  # type: ignore[union-attr]
    if a.author:
        data["author"] = {"@type": "Person", "name": a.author}
    if a.source:
        data["publisher"] = {"@type": "Organization", "name": a.source}
    if a.session:
        info = site.ents.sessions[str(a.session.number)].info
        data["about"] = _event_jsonld(site, a.session.number, info)
    if a.venue:
        data["contentLocation"] = {"@type": "Place", "name": a.venue.ar_canonical}
    mentions = [{"@type": "Person", "name": p.name} for p in a.people]
    mentions += [{"@type": "Country", "name": c.ar_canonical} for c in a.countries]
    if mentions:
        data["mentions"] = mentions
    return data


def _event_jsonld(site: Site, number: int, info: SessionInfo | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Event", "name": f"الدورة {number} للجمعية العامة للإنتربول",
        "organizer": {"@type": "Organization", "name": "المنظمة الدولية للشرطة الجنائية (الإنتربول)",
                      "alternateName": "INTERPOL"},
    }
    if info and info.dates:
        data["startDate"], data["endDate"] = info.dates.start.isoformat(), info.dates.end.isoformat()
    if info and info.venue:
        data["location"] = _place_jsonld(info.venue)
    if site.settings.base_url:
        data["url"] = urls.absolute(site.settings.base_url, urls.session_path(number))
    return data


def _place_jsonld(v: Venue) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "City", "name": v.ar_canonical}
    if v.en:
        data["alternateName"] = v.en
    return data


def index_page(site: Site, section: str) -> tuple[str, IndexContext]:
    here = urls.index_path(section)
    heading, intro = SECTION_TITLES[section]
    page = site.page(here, heading, section, intro)
    if section == "sessions":
        return here, IndexContext(page, heading, intro, (),
                                  tuple(site.session_row(here, e) for e in site.sessions()))
    letters: dict[str, list[Link]] = {}
    for ent in sorted(site.ents.table(section).values(), key=lambda e: sort_key(e.name)):
        letters.setdefault(initial(ent.name), []).append(site.link(here, ent, count=True))
    groups = tuple(IndexGroup(letter, f"l-{i + 1}", tuple(rows)) for i, (letter, rows) in enumerate(letters.items()))
    figure = Markup("")
    if section == "countries":
        table = site.ents.table("countries")
        figure = Markup(charts.world_map(
            {k: len(e.articles) for k, e in table.items()}, {k: e.name for k, e in table.items()},
            lambda code: urls.relative(here, table[code].path), lambda n: site.fmt.count(n, "article")))
    return here, IndexContext(page, heading, intro, groups, figure=figure)


def pager(site: Site, here: str, path: str, number: int, count: int) -> Pager | None:
    """Links between the pages of one list (``None`` when it fits on one page)."""
    if count <= 1:
        return None
    fmt = site.fmt

    def to(k: int, label: str) -> Link | None:
        return Link(label, urls.relative(here, urls.paged(path, k))) if 1 <= k <= count and k != number else None

    return Pager(f"الصفحة {fmt.num(number)} من {fmt.num(count)}", to(1, "الأولى"), to(number - 1, "السابقة"),
                 to(number + 1, "التالية"), to(count, "الأخيرة"))


def entity_paths(site: Site, ent: Entity) -> list[str]:
    """The paths of an entity's pages (``entity_pages``, ``session_pages``), without
    making them: one page per ``per_page`` articles, at least one."""
    count = max(1, -(-len(ent.articles) // site.settings.per_page))
    return [urls.paged(ent.path, k) for k in range(1, count + 1)]


def chunks(items: tuple[Article, ...], size: int) -> list[tuple[Article, ...]]:
    """``items`` in pages of ``size`` (one empty page for no items)."""
    return [items[i: i + size] for i in range(0, len(items), size)] or [()]


def entity_pages(site: Site, ent: Entity) -> list[tuple[str, EntityContext]]:
    """A country, person or venue: its articles in date order, ``per_page`` to a page;
    what is seen with it is listed on the first page."""
    summary, first, last = site.summary(ent)
    data: dict[str, Any] = {"@context": "https://schema.org", "name": ent.name}
    if ent.kind == "countries":
        data.update({"@type": "Country", "identifier": ent.key})
        description = f"{ent.name}: {site.fmt.count(len(ent.articles), 'article')} في أرشيف الإنتربول."
    elif ent.kind == "people":
        data["@type"] = "Person"
        if ent.roles:
            data["jobTitle"] = list(ent.roles)
        if ent.aliases:
            data["alternateName"] = list(ent.aliases)
        role = f" ({ent.roles[0]})" if ent.roles else ""
        description = f"{ent.name}{role}: {site.fmt.count(len(ent.articles), 'article')} في أرشيف الإنتربول."
    else:
        data.update(_place_jsonld(Venue(ent.name, ent.name, ent.en, ent.key)))
        description = f"{ent.name}: الدورات والمقالات المرتبطة بها في أرشيف الإنتربول."
    if ent.en and ent.kind != "venues":
        data["alternateName"] = ent.en
    if site.settings.base_url:
        data["url"] = urls.absolute(site.settings.base_url, ent.path)
    country_name = ""
    if ent.kind == "venues" and ent.country:
        known = site.ents.countries.get(ent.country)
        country_name = known.name if known else Locale.parse("ar").territories.get(ent.country, ent.country)
        data["containedInPlace"] = {"@type": "Country", "name": country_name}
    parts = chunks(ent.articles, site.settings.per_page)
    out = []
    for k, part in enumerate(parts, 1):
        here = urls.paged(ent.path, k)
        country = None
        if country_name:
            known = site.ents.countries.get(ent.country)
            country = Link(country_name, urls.relative(here, known.path) if known else "")
        held: tuple[SessionRow, ...] = ()
        if ent.kind == "venues":
            held = tuple(site.session_row(here, e) for e in site.sessions() if _held_at(e, ent.key))

        def seen(kind: str, here: str = here, k: int = k) -> tuple[Link, ...]:
            return site.seen_with(here, ent, kind) if k == 1 and kind != ent.kind else ()

        title = ent.name if k == 1 else f"{ent.name} · الصفحة {site.fmt.num(k)}"
        page = site.page(here, title, ent.kind, description, data if k == 1 else None)
        out.append((here, EntityContext(
            page, ent.name, ent.en, summary, first, last, ent.roles, ent.aliases, country, held,
            site.cards(here, part), seen("people"), seen("countries"), seen("venues"),
            seen("sessions") if ent.kind != "venues" else (),
            pager(site, here, ent.path, k, len(parts)),
            site.mentions(here, ent) if k == 1 else (), site.chart(ent) if k == 1 else Markup(""),
            urls.relative(here, feed_path(ent)) if ent.kind in FEED_KINDS else "")))
    return out


def _held_at(session: Entity, venue_slug: str) -> bool:
    if session.info and session.info.venue:
        return session.info.venue.slug == venue_slug
    return any(a.venue and a.venue.slug == venue_slug for a in session.articles)


#: A session's articles by when they were written: (relation, heading).
SESSION_GROUPS = (("before", "قبل الدورة"), ("during", "خلال الدورة"), ("after", "بعد الدورة"), ("", "المقالات"))


def session_pages(site: Site, ent: Entity) -> list[tuple[str, SessionContext]]:
    """A session: number, venue, dates, and its articles in date order, grouped by
    before, during and after, ``per_page`` to a page."""
    fmt, info = site.fmt, ent.info
    number = fmt.num(ent.key)
    heading = f"الدورة {number} للجمعية العامة للإنتربول"
    dates = fmt.span(info.dates if info else None)
    relations = {a.file: _relation(a, info) for a in ent.articles}
    labels = (*SESSION_GROUPS[:3], ("", "مقالات أخرى عن الدورة" if set(relations.values()) - {""} else "المقالات"))
    summary = f"{fmt.count(len(ent.articles), 'article')} في الأرشيف."
    data = {"@context": "https://schema.org", **_event_jsonld(site, int(ent.key), info)}
    venue_name = info.venue.ar_canonical if info and info.venue else ""
    description = "، ".join([heading] + ([venue_name] if venue_name else []) +
                           ([_when_text(dates)] if dates else [])) + "."
    ordered = session_order(ent, relations)
    parts = chunks(ordered, site.settings.per_page)
    out = []
    for k, part in enumerate(parts, 1):
        here = urls.paged(ent.path, k)
        venue = None
        if info and info.venue:
            v = site.ents.venues[info.venue.slug]
            venue = Link(v.name, urls.relative(here, v.path), en=v.en)
        groups = tuple(CardGroup(label, f"a-{key or 'other'}",
                                 site.cards(here, [a for a in part if relations[a.file] == key]))
                       for key, label in labels if any(relations[a.file] == key for a in part))
        sources = tuple(Link(site.titles[f][0], urls.relative(here, urls.article_path(site.by_file[f])))
                        for f in (info.sources if info else ()) if f in site.by_file)
        title = heading if k == 1 else f"{heading} · الصفحة {fmt.num(k)}"
        page = site.page(here, title, "sessions", description, data if k == 1 else None)
        first = k == 1
        out.append((here, SessionContext(
            page, heading, number, venue, dates, summary, groups,
            site.seen_with(here, ent, "countries") if first else (),
            site.seen_with(here, ent, "people") if first else (), sources,
            pager(site, here, ent.path, k, len(parts)))))
    return out


def _when_text(w: When) -> str:
    return f"{w.text}–{w.end_text}" if w.end_text else w.text


def not_found_page(site: Site, css: str) -> tuple[str, NotFoundContext]:
    here = urls.NOT_FOUND
    base = site.settings.base_url
    page = site.page(here, "الصفحة غير موجودة", "", "لم نجد هذه الصفحة في الأرشيف.")
    if base:  # served at any missing path: only absolute links work there
        nav = tuple(NavItem(n.label, urls.absolute(base, target), False, False)
                    for n, (_, _, target) in zip(page.nav, site.nav, strict=True))
        page = _replace(page, nav=nav, home=base, feed=urls.absolute(base, urls.FEED),
                        data=urls.absolute(base, urls.DATA))
    page = _replace(page, stylesheet="", inline_css=Markup(css))
    links = tuple(Link(n.label, n.href) for n in page.nav)
    return here, NotFoundContext(page, links)


def search_page(site: Site) -> tuple[str, SearchContext]:
    here = urls.SEARCH
    page = site.page(here, "بحث", "search", "ابحث في نصوص المقالات وصفحات الدول والأشخاص والمدن والدورات.")
    links = tuple(Link(label, urls.relative(here, target)) for sec, label, target in NAV if sec not in ("", "search"))
    index = urls.relative(here, f"{SEARCH_INDEX}e/meta.js").removesuffix("e/meta.js")
    root = urls.relative(here, urls.HOME).removesuffix(urls.HOME)
    months = "|".join(_cldr(dt.date(2000, m, 1), "MMMM", site.settings.locale) for m in range(1, 13))
    return here, SearchContext(page, "بحث في الأرشيف", index, " ".join(search_blocks(site.corpus)), root,
                               urls.relative(here, "static/search.js"), urls.relative(here, "static/search.css"),
                               site.settings.digits, months, links)


DATA_FILES = (
    ("data/records.json", "السجلات المستخرجة: مقال لكل كائن، بالحقول نفسها التي يطبعها الأمر extract."),
    ("data/articles.csv", "جدول المقالات: سطر لكل مقال "
     "(المعرف، الملف، العنوان، التاريخ، الدورة، المكان، الأشخاص، الدول)."),
    ("data/entities.json", "الدول والأشخاص والمدن والدورات، مع معرفات المقالات التي تذكر كلا منها."),
    ("data/timeline.json", "الخط الزمني بصيغة TimelineJS 3: المقالات أحداث، والدورات حقب."),
)
DATA_FIELDS = (
    ("file", "اسم الملف في مجلد المصادر"), ("id", "معرف المقال في الروابط"),
    ("title", "العنوان كما كتب، أو null إن لم يكن للملف عنوان"),
    ("published", "تاريخ النشر المذكور في سطر التوقيع (YYYY-MM-DD)"),
    ("date", "موضع المقال في الخط الزمني: تاريخ النشر، وإلا يوم الحدث، وإلا بدايته"),
    ("event_dates", "فترات الأحداث التي يذكرها المقال"), ("session", "رقم دورة الجمعية العامة"),
    ("venue", "مدينة الحدث: ar كما كتبت، ar_canonical، en، slug"),
    ("people", "الأشخاص: name، roles، aliases، evidence"),
    ("countries", "الدول: code (ISO 3166-1)، ar، ar_canonical، en"),
    ("evidence", "لكل واقعة: paragraph (‎-1 العنوان، ‎-2 التوقيع)، start، end، text، rule، "
                 "status (stated أو inferred أو editorial)، source_file"),
)


def data_page(site: Site) -> tuple[str, DataContext]:
    here = urls.DATA
    page = site.page(here, "البيانات المفتوحة", "", "ملفات البيانات المستخرجة من المقالات وشرح حقولها.")
    files = tuple(DataFile(Link(path.split("/")[-1], urls.relative(here, path)), about,
                           Link("JSON Schema", urls.relative(here, schema_path(path))))
                  for path, about in DATA_FILES)
    return here, DataContext(page, "البيانات المفتوحة", files, DATA_FIELDS)


def _replace(obj: Any, **changes: Any) -> Any:
    return dataclasses.replace(obj, **changes)


#: Entities that have their own Atom feed beside their page.
FEED_KINDS = ("countries", "people")


def feed_path(ent: Entity) -> str:
    """``countries/norway/feed.xml`` beside ``countries/norway/index.html``."""
    return str(PurePosixPath(ent.path).parent / "feed.xml")


def feed_page(site: Site, ent: Entity | None = None) -> tuple[str, FeedContext]:
    """The site's Atom feed, or one entity's (its articles only), newest first."""
    s = site.settings
    base = s.base_url
    here = feed_path(ent) if ent else urls.FEED
    articles = ent.articles if ent else site.corpus.articles
    stamp = site.updated.isoformat() + "T00:00:00Z"
    entries = []
    for a in newest(articles, feed_size(s)):
        path = urls.article_path(a)
        day = (a.published or a.date or site.updated).isoformat() + "T00:00:00Z"
        summary = a.body[0] if a.body and not a.markdown else site.titles[a.file][0]
        entries.append(FeedEntry(
            site.titles[a.file][0], urls.absolute(base, path) if base else f"{TAG_AUTHORITY}articles/{a.id}",
            urls.absolute(base, path) if base else urls.relative(here, path), day, day,
            a.author or a.source or s.title, excerpt(summary, 600)))
    page = ent.path if ent else urls.HOME
    title = f"{ent.name} · {s.title}" if ent else s.title
    tag = f"{TAG_AUTHORITY}{PurePosixPath(here).parent}/feed" if ent else f"{TAG_AUTHORITY}feed"
    return here, FeedContext(
        title, s.description, s.language, (urls.absolute(base, here) if ent else base) if base else tag,
        urls.absolute(base, page) if base else urls.relative(here, page),
        urls.absolute(base, here) if base else PurePosixPath(here).name, stamp, s.title,
        tuple(entries))


def render_site(corpus: Corpus, settings: Settings, build_date: dt.date | None = None,
                templates: Path | None = None) -> list[tuple[str, bytes]]:
    """Every output file of the site as (relative path, bytes), sorted by path."""
    return sorted(site_files(corpus, settings, build_date, templates))


def site_files(corpus: Corpus, settings: Settings, build_date: dt.date | None = None,
               templates: Path | None = None) -> Iterator[tuple[str, bytes]]:
    """Every output file of the site as (relative path, bytes), rendered one at a time
    as the iterator is consumed (so a build never holds the whole site in memory).

    Pure: reads only the templates (``templates/`` of the project unless given) and the
    stylesheet it inlines into ``404.html``. ``build_date`` (from SOURCE_DATE_EPOCH,
    chosen by the caller) dates the feed; without it the newest article does. Raises
    ``BuildError`` naming every output path claimed twice and who claims it.
    """
    site = Site(corpus, settings, build_date, templates)
    return (job.render(site) for job in site_jobs(site))


def _always() -> str:
    return ""


@dataclass(frozen=True, slots=True)
class Job:
    """One output file to render: its path, who claims it, its template, a function
    building its context, and one giving its *key*: a digest of everything the page
    shows (see ``Keys``), or "" for pages that depend on the whole corpus and are always
    made. Keys are worked out by the task that renders the page, on any core."""

    path: str
    source: str
    template: str
    make: Callable[[], Any]
    key: Callable[[], str] = _always

    def render(self, site: Site) -> tuple[str, bytes]:
        return self.path, site.render(self.template, self.make())


class _Group:
    """The pages one function makes together (an entity's pages), built when the first of
    them is needed; ``slot`` keeps only the latest group built (jobs run in order)."""

    def __init__(self, build: Callable[[], list[tuple[str, Any]]], slot: list):
        self.build, self.slot = build, slot

    def page(self, k: int) -> Callable[[], Any]:
        def make() -> Any:
            if not self.slot or self.slot[0] is not self:
                self.slot[:] = [self, self.build()]
            return self.slot[1][k][1]
        return make


def site_jobs(site: Site) -> list[Job]:
    """Every output file of ``site`` as a ``Job``, in a fixed order, collisions checked."""
    corpus, settings, keys = site.corpus, site.settings, site.keys
    jobs: list[Job] = []
    slot: list = []

    def add(template: str, source: str, made: tuple[str, Any]) -> None:
        jobs.append(Job(made[0], source, template, functools.partial(lambda c: c, made[1])))

    add("home.html", "home page", home_page(site))
    timeline = _Group(functools.partial(timeline_pages, site), slot)
    for k, path in enumerate(timeline_paths(site)):
        key = functools.partial(keys.timeline_year, int(path.split("/")[1])) if k else _always
        jobs.append(Job(path, "timeline", "timeline.html", timeline.page(k), key))
    for a in sorted(corpus.articles, key=lambda a: a.file):
        jobs.append(Job(urls.article_path(a), a.file, "article.html",
                        functools.partial(lambda a: article_page(site, a)[1], a), functools.partial(keys.article, a)))
    singular = {"countries": "country", "people": "person", "venues": "venue", "sessions": "session"}
    for section in urls.SECTIONS:
        add(f"{section}.html", f"{section} index", index_page(site, section))
        for key, ent in sorted(site.ents.table(section).items()):
            source = f"{singular[section]} {key!r} ({', '.join(a.file for a in ent.articles[:3]) or 'corpus'})"
            build = session_pages if section == "sessions" else entity_pages
            group = _Group(functools.partial(build, site, ent), slot)
            for k, path in enumerate(entity_paths(site, ent)):
                jobs.append(Job(path, source, f"{singular[section]}.html", group.page(k),
                                functools.partial(keys.entity_page, ent, k)))
    css = site.templates.parent / urls.STYLESHEET
    add("404.html", "404 page", not_found_page(site, css.read_text("utf-8") if css.is_file() else ""))
    add("feed.xml", "feed", feed_page(site))
    for kind in FEED_KINDS:
        for key, ent in sorted(site.ents.table(kind).items()):
            jobs.append(Job(feed_path(ent), f"feed of {kind[:-1]} {key!r}", "feed.xml",
                            functools.partial(lambda e: feed_page(site, e)[1], ent), functools.partial(keys.feed, ent)))
    if settings.search:
        add("search.html", "search page", search_page(site))
    add("data.html", "data page", data_page(site))
    for p in corpus.pages:
        here = urls.text_page_path(p.slug)
        add("page.html", p.file, (here, TextPageContext(site.page(here, p.title, ""), p.title, Markup(p.html))))
    clashes = urls.find_collisions([(job.path, job.source) for job in jobs])
    if clashes:
        raise BuildError(Problem(
            "(site)", f"{len(clashes)} output path(s) claimed twice: " + "; ".join(clashes),
            "give one of the sources another slug (e.g. a sidecar 'slug:' or 'id:')", level="error"))
    pages = sorted(job.path for job in jobs if job.path.endswith(".html") and job.path != urls.NOT_FOUND)
    base = settings.base_url
    add("sitemap.xml", "sitemap", (urls.SITEMAP, SitemapContext(
        tuple(urls.absolute(base, p) for p in pages) if base else ())))
    add("robots.txt", "robots", (urls.ROBOTS, RobotsContext(urls.absolute(base, urls.SITEMAP) if base else "")))
    return jobs
