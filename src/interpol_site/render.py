"""Linked corpus → pages: one function and one frozen context per page kind.

Pure: ``render_site`` returns (output path, bytes) pairs and touches no file but the
templates. Jinja2 runs with autoescape and StrictUndefined; templates read fields and
compute nothing. Links are made by ``urls.relative`` through the ``u()`` helper each
context carries, so every link is relative and ends at a file.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_date
from markupsafe import Markup

from . import urls
from .arabic import norm, strip_al
from .errors import BuildError, Problem
from .records import Article, Corpus, DateRange, Evidence, Person, SessionInfo, Venue
from .settings import Settings

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


# --------------------------------------------------------------------------- entities

@dataclass(frozen=True)
class Entity:
    """A country, person, venue or session across the corpus."""

    kind: str  # countries | people | venues | sessions
    key: str
    name: str  # Arabic display name
    en: str  # English or Latin name ("" if none)
    path: str
    articles: tuple[Article, ...]  # in date order
    mentions: int
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    related: dict[str, tuple[tuple[Entity, int], ...]] = field(default_factory=dict, compare=False, hash=False)
    session: SessionInfo | None = None


def _date_key(a: Article) -> tuple:
    return (a.date or dt.date.min, a.file)


def _sort_ar(name: str) -> str:
    return " ".join(strip_al(w) for w in norm(name).split())


@dataclass(frozen=True)
class Entities:
    countries: dict[str, Entity]
    people: dict[str, Entity]
    venues: dict[str, Entity]
    sessions: dict[int, Entity]

    def of(self, a: Article) -> dict[str, list[Entity]]:
        out = {
            "countries": [self.countries[c.code] for c in a.countries],
            "people": [self.people[p.slug] for p in a.people],
            "venues": [self.venues[a.venue.slug]] if a.venue else [],
            "sessions": [self.sessions[a.session.number]] if a.session else [],
        }
        return out


def collect(corpus: Corpus) -> Entities:
    """Aggregate articles into entities with counts and co-occurrences (one pass)."""
    arts: dict[tuple[str, str], list[Article]] = defaultdict(list)
    mentions: Counter = Counter()
    first: dict[tuple[str, str], Any] = {}
    roles: dict[str, list[str]] = defaultdict(list)
    aliases: dict[str, list[str]] = defaultdict(list)
    for a in sorted(corpus.articles, key=_date_key):
        for c in a.countries:
            k = ("countries", c.code)
            arts[k].append(a)
            mentions[k] += c.mentions
            first.setdefault(k, c)
        for p in a.people:
            k = ("people", p.slug)
            arts[k].append(a)
            mentions[k] += p.mentions
            first.setdefault(k, p)
            roles[p.slug] += [r for r in p.roles if r not in roles[p.slug]]
            aliases[p.slug] += [x for x in p.aliases if x not in aliases[p.slug]]
        if a.venue:
            k = ("venues", a.venue.slug)
            arts[k].append(a)
            mentions[k] += 1
            first.setdefault(k, a.venue)
        if a.session:
            k = ("sessions", str(a.session.number))
            arts[k].append(a)
            mentions[k] += 1
    infos = {s.number: s for s in corpus.sessions}
    for n in infos:
        arts.setdefault(("sessions", str(n)), [])
        if infos[n].venue:
            k = ("venues", infos[n].venue.slug)
            arts.setdefault(k, [])
            first.setdefault(k, infos[n].venue)

    def make(kind: str, key: str) -> Entity:
        k = (kind, key)
        items = tuple(arts[k])
        if kind == "countries":
            c = first[k]
            return Entity(kind, key, c.ar_canonical, c.en, urls.country_path(c.slug), items, mentions[k])
        if kind == "people":
            p: Person = first[k]
            return Entity(kind, key, p.name, urls.transliterate(p.name).title(), urls.person_path(p.slug),
                          items, mentions[k], tuple(roles[key]), tuple(aliases[key]))
        if kind == "venues":
            v: Venue = first[k]
            return Entity(kind, key, v.ar_canonical, v.en, urls.venue_path(v.slug), items, mentions[k])
        n = int(key)
        return Entity(kind, key, f"الدورة {n}", f"Session {n}", urls.session_path(n), items, mentions[k],
                      session=infos.get(n))

    tables: dict[str, dict] = {"countries": {}, "people": {}, "venues": {}, "sessions": {}}
    for kind, key in sorted(arts):
        ent = make(kind, key)
        tables[kind][int(key) if kind == "sessions" else key] = ent
    ents = Entities(**tables)
    # co-occurrence: who and what appears with each country and person
    for table in (ents.countries, ents.people, ents.venues, ents.sessions):
        for ent in table.values():
            together: dict[str, Counter] = defaultdict(Counter)
            for a in ent.articles:
                for kind, others in ents.of(a).items():
                    for o in others:
                        if o is not ent:
                            together[kind][(o.kind, o.key)] += 1
            lookup = {"countries": ents.countries, "people": ents.people, "venues": ents.venues,
                      "sessions": ents.sessions}
            ent.related.update({
                kind: tuple((lookup[kind][int(k) if kind == "sessions" else k], n)
                            for (_, k), n in sorted(cnt.items(), key=lambda kv: (-kv[1], str(kv[0][1]))))
                for kind, cnt in together.items()
            })
    return ents


# --------------------------------------------------------------------------- formatting

@dataclass(frozen=True)
class Formats:
    settings: Settings

    def digits(self, text: Any) -> str:
        text = str(text)
        return text.translate(_ARABIC_DIGITS) if self.settings.digits == "arab" else text

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Formats per build
    def date(self, d: dt.date | None) -> str:
        if d is None:
            return ""
        return self.digits(format_date(d, "d MMMM y", locale=self.settings.locale))

    def month(self, year: int, month: int) -> str:
        return self.digits(format_date(dt.date(year, month, 1), "MMMM y", locale=self.settings.locale))

    def range(self, r: DateRange | None) -> str:
        if r is None:
            return ""
        if r.start == r.end:
            return self.date(r.start)
        if (r.start.year, r.start.month) == (r.end.year, r.end.month):
            return self.digits(f"{r.start.day}–") + self.date(r.end)
        if r.start.year == r.end.year:
            first = format_date(r.start, "d MMMM", locale=self.settings.locale)
            return self.digits(first) + " – " + self.date(r.end)
        return self.date(r.start) + " – " + self.date(r.end)


# --------------------------------------------------------------------------- contexts

@dataclass(frozen=True)
class Page:
    """What every page gets: where it is, its title, the link helper and metadata."""

    here: str
    title: str
    description: str
    site: Settings
    u: Callable[[str], str]
    fmt: Formats
    canonical: str
    jsonld: str
    section: str  # nav section this page belongs to
    og_type: str = "website"


@dataclass(frozen=True)
class Paragraph:
    index: int
    pieces: tuple[tuple[str, str | None], ...]  # (text, mark id or None)


@dataclass(frozen=True)
class Fact:
    label: str
    href: str
    evidence: tuple[tuple[str, str], ...]  # (anchor, quoted text)
    note: str = ""  # "inferred from …" / "editorial"
    note_href: str = ""
    extra: str = ""


@dataclass(frozen=True)
class ArticleContext:
    page: Page
    article: Article
    heading: str
    generated_title: bool
    paragraphs: tuple[Paragraph, ...]
    facts: dict[str, tuple[Fact, ...]]
    event_dates: tuple[str, ...]


@dataclass(frozen=True)
class ListContext:
    page: Page
    heading: str
    intro: str
    articles: tuple[Article, ...]
    entities: tuple[Entity, ...] = ()
    ents: Entities | None = None


@dataclass(frozen=True)
class EntityContext:
    page: Page
    entity: Entity
    ents: Entities
    first_seen: dt.date | None
    last_seen: dt.date | None
    sentences: tuple[tuple[Article, str], ...]
    timeline: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class TimelineMonth:
    label: str
    anchor: str
    items: tuple[tuple[str, Any, str], ...]  # ("session", Entity, "") or ("article", Article, relation)


@dataclass(frozen=True)
class TimelineContext:
    page: Page
    years: tuple[tuple[int, tuple[TimelineMonth, ...]], ...]
    undated: tuple[Article, ...]
    sessions: tuple[Entity, ...]


# --------------------------------------------------------------------------- rendering

@functools.cache
def environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def _jsonld(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class Site:
    """Renders every page of one corpus; holds what the page functions share."""

    def __init__(self, corpus: Corpus, settings: Settings, build_date: dt.date | None):
        self.corpus = corpus
        self.settings = settings
        self.fmt = Formats(settings)
        self.ents = collect(corpus)
        self.articles = tuple(sorted(corpus.articles, key=_date_key, reverse=True))
        self.by_file = {a.file: a for a in corpus.articles}
        self.env = environment()
        dates = [a.date for a in corpus.articles if a.date]
        self.updated = build_date or (max(dates) if dates else dt.date(1970, 1, 1))

    def page(self, here: str, title: str, section: str, description: str = "",
             jsonld: dict | None = None, og_type: str = "website") -> Page:
        base = self.settings.base_url
        return Page(
            here=here,
            title=title,
            description=description or self.settings.description,
            site=self.settings,
            u=functools.partial(urls.relative, here),
            fmt=self.fmt,
            canonical=urls.absolute(base, here) if base else "",
            jsonld=_jsonld(jsonld) if jsonld else "",
            section=section,
            og_type=og_type,
        )

    def render(self, template: str, **context: Any) -> bytes:
        return self.env.get_template(template).render(**context).encode("utf-8")

    # ---- pages

    def home(self) -> bytes:
        here = "index.html"
        page = self.page(here, self.settings.title, "home", jsonld={
            "@context": "https://schema.org", "@type": "WebSite", "name": self.settings.title,
            "inLanguage": self.settings.language})
        ctx = ListContext(page, self.settings.title, self.settings.description,
                          self.articles[: self.settings.per_page],
                          tuple(sorted(self.ents.sessions.values(), key=lambda e: -int(e.key))), self.ents)
        return self.render("home.html", c=ctx)

    def article(self, a: Article) -> bytes:
        here = urls.article_path(a.id)
        heading, generated = a.title, False
        if not heading:
            words = (a.body[0] if a.body else a.file).split()
            heading, generated = " ".join(words[:9]) + ("…" if len(words) > 9 else ""), True
        marks: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        facts: dict[str, list[Fact]] = {"sessions": [], "venues": [], "people": [], "countries": [], "dates": []}
        counter = [0]

        def anchors(evs: Iterable[Evidence]) -> tuple[tuple[str, str], ...]:
            out = []
            for e in evs:
                if e.status != "stated" or e.paragraph < 0 or e.paragraph >= len(a.body):
                    continue
                if a.markdown:
                    out.append((f"p-{e.paragraph + 1}", e.text))
                    continue
                counter[0] += 1
                mark = f"e-{counter[0]}"
                marks[e.paragraph].append((e.start, e.end, mark))
                out.append((mark, e.text))
            return tuple(out)

        def note(evs: tuple[Evidence, ...]) -> tuple[str, str]:
            for e in evs:
                if e.status == "editorial":
                    return "تعديل تحريري", ""
                if e.status == "inferred":
                    src = self.by_file.get(e.source_file or "")
                    if src:
                        return "مستنتج من مقال آخر", urls.relative(here, urls.article_path(src.id))
                    return "مستنتج من معطيات الدورات المنشورة", ""
            return "", ""

        if a.session:
            ent = self.ents.sessions[a.session.number]
            n, h = note(a.session.evidence)
            link = urls.relative(here, ent.path)
            facts["sessions"].append(Fact(ent.name, link, anchors(a.session.evidence), n, h))
        if a.venue:
            ent = self.ents.venues[a.venue.slug]
            n, h = note(a.venue.evidence)
            link = urls.relative(here, ent.path)
            facts["venues"].append(Fact(ent.name, link, anchors(a.venue.evidence), n, h, ent.en))
        for p in a.people:
            ent = self.ents.people[p.slug]
            n, h = note(p.evidence)
            facts["people"].append(Fact(p.name, urls.relative(here, ent.path), anchors(p.evidence), n, h,
                                        "، ".join(p.roles[:1])))
        for c in a.countries:
            ent = self.ents.countries[c.code]
            n, h = note(c.evidence)
            link = urls.relative(here, ent.path)
            facts["countries"].append(Fact(ent.name, link, anchors(c.evidence), n, h, c.en))
        for r in a.event_dates:
            n, h = note(r.evidence)
            facts["dates"].append(Fact(self.fmt.range(r), "", anchors(r.evidence), n, h))
        paragraphs = tuple(Paragraph(i, _pieces(text, marks.get(i, []))) for i, text in enumerate(a.body))
        jsonld = {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": heading,
            "inLanguage": self.settings.language,
            "about": [{"@type": "Event", "name": f"الدورة {a.session.number} للجمعية العامة للإنتربول"}]
            if a.session else [],
            "mentions": [{"@type": "Person", "name": p.name} for p in a.people]
            + [{"@type": "Country", "name": c.ar_canonical} for c in a.countries],
        }
        if a.date:
            jsonld["datePublished"] = (a.published or a.date).isoformat()
        if a.author:
            jsonld["author"] = {"@type": "Person", "name": a.author}
        if a.source:
            jsonld["publisher"] = {"@type": "Organization", "name": a.source}
        if a.venue:
            jsonld["contentLocation"] = {"@type": "Place", "name": a.venue.ar_canonical}
        description = " ".join((a.body[0] if a.body else heading).split()[:30])
        page = self.page(here, heading, "articles", description, jsonld, "article")
        ctx = ArticleContext(page, a, heading, generated, paragraphs,
                             {k: tuple(v) for k, v in facts.items()},
                             tuple(self.fmt.range(r) for r in a.event_dates))
        return self.render("article.html", c=ctx)

    def index(self, kind: str, heading: str, intro: str) -> bytes:
        here = urls.index_path(kind)
        table = getattr(self.ents, kind)
        if kind == "sessions":
            items = tuple(sorted(table.values(), key=lambda e: -int(e.key)))
        else:
            items = tuple(sorted(table.values(), key=lambda e: (_sort_ar(e.name), e.key)))
        page = self.page(here, heading, kind, intro)
        return self.render("index.html", c=ListContext(page, heading, intro, (), items, self.ents), kind=kind)

    def entity(self, ent: Entity) -> bytes:
        here = ent.path
        dated = [a.date for a in ent.articles if a.date]
        sentences = []
        for a in ent.articles:
            for text in _sentences(a, ent):
                sentences.append((a, text))
        months = Counter(f"{d.year}-{d.month:02d}" for d in dated)
        types = {"countries": "Country", "people": "Person", "venues": "Place", "sessions": "Event"}
        jsonld: dict[str, Any] = {"@context": "https://schema.org", "@type": types[ent.kind], "name": ent.name}
        if ent.en:
            jsonld["alternateName"] = ent.en
        if ent.kind == "sessions" and ent.session:
            info = ent.session
            jsonld["name"] = f"الدورة {ent.key} للجمعية العامة للإنتربول"
            if info.dates:
                jsonld["startDate"], jsonld["endDate"] = info.dates.start.isoformat(), info.dates.end.isoformat()
            if info.venue:
                jsonld["location"] = {"@type": "Place", "name": info.venue.ar_canonical}
        if ent.kind == "people" and ent.roles:
            jsonld["jobTitle"] = ent.roles[0]
        title = {"countries": ent.name, "people": ent.name, "venues": ent.name,
                 "sessions": f"الدورة {self.fmt.digits(ent.key)} للجمعية العامة"}[ent.kind]
        desc = f"{title}: {self.fmt.digits(len(ent.articles))} مقالات في الأرشيف."
        page = self.page(here, title, ent.kind, desc, jsonld)
        ctx = EntityContext(page, ent, self.ents, min(dated) if dated else None, max(dated) if dated else None,
                            tuple(sentences[:12]), tuple(sorted(months.items())))
        template = {"countries": "country", "people": "person", "venues": "venue", "sessions": "session"}[ent.kind]
        return self.render(f"{template}.html", c=ctx)

    def timeline(self) -> bytes:
        here = urls.index_path("timeline")
        items: dict[tuple[int, int], list[tuple[dt.date, int, str, Any]]] = defaultdict(list)
        for ent in self.ents.sessions.values():
            if ent.session and ent.session.dates:
                d = ent.session.dates.start
                items[(d.year, d.month)].append((d, 0, "session", ent))
        undated = []
        for a in sorted(self.corpus.articles, key=_date_key):
            if a.date:
                items[(a.date.year, a.date.month)].append((a.date, 1, "article", a))
            else:
                undated.append(a)
        years: dict[int, list[TimelineMonth]] = defaultdict(list)
        for (y, m) in sorted(items):
            entries = sorted(items[(y, m)], key=lambda t: (t[0], t[1], t[3].file if t[2] == "article" else t[3].key))
            years[y].append(TimelineMonth(self.fmt.month(y, m), f"m-{y}-{m:02d}",
                                          tuple((kind, obj, self._relation(obj) if kind == "article" else "")
                                                for _, _, kind, obj in entries)))
        page = self.page(here, "الخط الزمني", "timeline",
                         "كل المقالات مرتبة زمنيا، مع تواريخ دورات الجمعية العامة للإنتربول.")
        ctx = TimelineContext(page, tuple((y, tuple(ms)) for y, ms in sorted(years.items())), tuple(undated),
                              tuple(sorted(self.ents.sessions.values(), key=lambda e: int(e.key))))
        return self.render("timeline.html", c=ctx)

    def _relation(self, a: Article) -> str:
        """Where an article stands to the session it covers: before, during or after it."""
        if not a.session:
            return ""
        n = self.fmt.digits(a.session.number)
        ent = self.ents.sessions.get(a.session.number)
        dates = ent.session.dates if ent and ent.session else None
        if not dates or not a.date:
            return f"الدورة {n}"
        when = "قبل" if a.date < dates.start else "بعد" if a.date > dates.end else "خلال"
        return f"{when} الدورة {n}"

    def simple(self, template: str, here: str, title: str, **extra: Any) -> bytes:
        page = self.page(here, title, "")
        return self.render(template, c=ListContext(page, title, "", self.articles[:20], (), self.ents), **extra)


def _pieces(text: str, marks: list[tuple[int, int, str]]) -> tuple[tuple[str, str | None], ...]:
    """Split a paragraph into plain and highlighted pieces (first mark wins on overlap)."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    for start, end, mark in sorted(marks):
        if start < pos or end > len(text) or start >= end:
            continue
        if start > pos:
            out.append((text[pos:start], None))
        out.append((text[start:end], mark))
        pos = end
    if pos < len(text) or not out:
        out.append((text[pos:], None))
    return tuple(out)


def _sentences(a: Article, ent: Entity) -> list[str]:
    """The sentences of an article that mention an entity (from its evidence spans)."""
    evs: tuple[Evidence, ...] = ()
    if ent.kind == "countries":
        evs = next((c.evidence for c in a.countries if c.code == ent.key), ())
    elif ent.kind == "people":
        evs = next((p.evidence for p in a.people if p.slug == ent.key), ())
    out = []
    for e in evs[:2]:
        if e.status != "stated" or not 0 <= e.paragraph < len(a.body) or a.markdown:
            continue
        text = a.body[e.paragraph]
        start = max(text.rfind(".", 0, e.start), text.rfind("،", 0, max(e.start - 120, 0))) + 1
        ends = [i for i in (text.find(".", e.end), len(text)) if i != -1]
        snippet = text[start : min(ends) + 1].strip()
        if len(snippet) > 320:
            snippet = snippet[:320].rsplit(" ", 1)[0] + "…"
        if snippet not in out:
            out.append(snippet)
    return out


INDEXES = {
    "countries": ("الدول", "الدول المذكورة في المقالات، مرتبة أبجديا، مع عدد المقالات التي تذكر كل دولة."),
    "people": ("الأشخاص", "الأشخاص المذكورون في المقالات، بأسمائهم الكاملة وصفاتهم."),
    "venues": ("المدن المضيفة", "المدن التي احتضنت الأحداث التي تغطيها المقالات."),
    "sessions": ("دورات الجمعية العامة", "دورات الجمعية العامة للإنتربول: مكانها وتاريخها والمقالات عنها."),
}


def render_site(corpus: Corpus, settings: Settings, build_date: dt.date | None = None,
                pages: Iterable[Any] = ()) -> list[tuple[str, bytes]]:
    """Every output file of the site, sorted by path. Raises BuildError on URL clashes."""
    site = Site(corpus, settings, build_date)
    files: list[tuple[str, bytes]] = [("index.html", site.home()), ("timeline/index.html", site.timeline())]
    claims = [("index.html", "home"), ("timeline/index.html", "timeline")]
    for a in corpus.articles:
        path = urls.article_path(a.id)
        claims.append((path, a.file))
        files.append((path, site.article(a)))
    for kind, (heading, intro) in INDEXES.items():
        files.append((urls.index_path(kind), site.index(kind, heading, intro)))
        for ent in getattr(site.ents, kind).values():
            claims.append((ent.path, f"{kind} '{ent.key}'"))
            files.append((ent.path, site.entity(ent)))
    for page in pages:
        path = f"pages/{page.slug}/index.html"
        claims.append((path, page.source))
        ctx = site.page(path, page.title, "pages")
        files.append((path, site.render("page.html", c=ctx, body=Markup(page.html))))
    clashes = urls.find_collisions(claims)
    if clashes:
        raise BuildError(Problem("(site)", "two pages claim one URL: " + "; ".join(clashes),
                                 "give one of the sources another slug (sidecar 'slug:')", level="error"))
    files.append(("404.html", site.simple("404.html", "404.html", "الصفحة غير موجودة")))
    files.append(("feed.xml", site.simple("feed.xml", "feed.xml", settings.title, updated=site.updated)))
    listed = sorted(p for p, _ in files if p.endswith(".html") and p != "404.html")
    files.append(("sitemap.xml", site.render("sitemap.xml", paths=listed, base=settings.base_url,
                                             absolute=urls.absolute)))
    files.append(("robots.txt", site.render("robots.txt", base=settings.base_url)))
    return sorted(files)
