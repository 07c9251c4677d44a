"""Open data beside the site, under ``data/``; the fields are documented on the data page.

- ``records.json``: the extract contract, one object per article (as ``extract`` prints);
- ``articles.csv``: one row per article (id, file, title, date, published, session,
  venue, people, countries, source, author, url);
- ``entities.json``: countries, people, venues and sessions with their article ids;
- ``timeline.json``: a TimelineJS 3 document (articles as events, sessions as eras).
All are deterministic: sorted keys, sorted rows, no build time. Each has a JSON Schema
(draft 2020-12) published beside it under ``data/schemas/`` (for the CSV, one row).
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources

from .records import Article, Corpus, encode_json, generated_title

RECORDS = "data/records.json"
FILES = (RECORDS, "data/articles.csv", "data/entities.json", "data/timeline.json")


def schema_path(path: str) -> str:
    """``data/articles.csv`` → ``data/schemas/articles.schema.json``."""
    return f"data/schemas/{path.rsplit('/', 1)[-1].split('.')[0]}.schema.json"


def schema(path: str) -> bytes:
    """The JSON Schema of one open data file, as shipped with the package."""
    name = schema_path(path).rsplit("/", 1)[-1]
    return resources.files("interpol_site").joinpath("data", "schemas", name).read_bytes()


def _dump(data: object) -> bytes:
    # compact: with an indent, the json module falls back to its pure-Python encoder (10x slower)
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def _date(d) -> dict | None:
    return {"year": str(d.year), "month": str(d.month), "day": str(d.day)} if d else None


def record_object(a: Article) -> bytes:
    """One article's object in ``records.json`` (the extract contract), as bytes."""
    return encode_json(a)


def records_json(objects: Iterable[bytes]) -> Iterator[bytes]:
    """``records.json`` in pieces from the articles' objects (sorted by file), or from
    runs of them already joined by commas: the whole list of records as JSON objects
    would be several times the size of the file (73 MB for 5,000 articles), so it is
    never held as one."""
    yield b"["
    for i, piece in enumerate(objects):
        if i:
            yield b","
        yield piece
    yield b"]\n"


def record_offsets(lengths: Iterable[int]) -> Iterator[int]:
    """Where each object starts in ``records.json``, from the objects' lengths."""
    offset = 1
    for length in lengths:
        yield offset
        offset += length + 1


def articles_csv(corpus: Corpus) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["id", "file", "title", "date", "published", "session", "venue", "venue_en",
                "people", "countries", "source", "author", "url"])
    for a in sorted(corpus.articles, key=lambda a: a.file):
        w.writerow([
            a.id, a.file, a.title or "", a.date.isoformat() if a.date else "",
            a.published.isoformat() if a.published else "", a.session.number if a.session else "",
            a.venue.ar_canonical if a.venue else "", a.venue.en if a.venue else "",
            "؛ ".join(p.name for p in a.people), " ".join(c.code for c in a.countries),
            a.source or "", a.author or "", f"articles/{a.id}/index.html",
        ])
    return out.getvalue().encode("utf-8")


def entities_json(corpus: Corpus) -> bytes:
    countries: dict[str, dict] = {}
    people: dict[str, dict] = {}
    venues: dict[str, dict] = {}
    sessions: dict[int, dict] = defaultdict(lambda: {"articles": []})
    for a in sorted(corpus.articles, key=lambda a: a.file):
        for c in a.countries:
            e = countries.setdefault(c.code, {"code": c.code, "ar": c.ar_canonical, "en": c.en,
                                              "slug": c.slug, "mentions": 0, "articles": []})
            e["mentions"] += c.mentions
            e["articles"].append(a.id)
        for p in a.people:
            e = people.setdefault(p.slug, {"name": p.name, "slug": p.slug, "roles": [], "aliases": [],
                                           "mentions": 0, "articles": []})
            e["mentions"] += p.mentions
            e["articles"].append(a.id)
            e["roles"] += [r for r in p.roles if r not in e["roles"]]
            e["aliases"] += [x for x in p.aliases if x not in e["aliases"]]
        if a.venue:
            e = venues.setdefault(a.venue.slug, {"ar": a.venue.ar_canonical, "en": a.venue.en,
                                                 "slug": a.venue.slug, "country": a.venue.country,
                                                 "articles": []})
            e["articles"].append(a.id)
        if a.session:
            sessions[a.session.number]["articles"].append(a.id)
    for info in corpus.sessions:
        s = sessions[info.number]
        s["venue"] = info.venue.en if info.venue else None
        s["start"] = info.dates.start.isoformat() if info.dates else None
        s["end"] = info.dates.end.isoformat() if info.dates else None
    return _dump({
        "countries": [countries[k] for k in sorted(countries)],
        "people": [people[k] for k in sorted(people)],
        "venues": [venues[k] for k in sorted(venues)],
        "sessions": [{"number": n, **sessions[n]} for n in sorted(sessions)],
    })


def timeline_json(corpus: Corpus, title: str) -> bytes:
    events = []
    for a in sorted((a for a in corpus.articles if a.date), key=lambda a: (a.date, a.file)):
        events.append({
            "start_date": _date(a.date),
            "text": {"headline": a.title or generated_title(a),
                     "text": " ".join((a.body[0] if a.body else "").split()[:40])},
            "group": f"الدورة {a.session.number}" if a.session else "",
            "unique_id": a.id,
        })
    eras = [
        {"start_date": _date(s.dates.start), "end_date": _date(s.dates.end),
         "text": {"headline": f"الدورة {s.number}" + (f" · {s.venue.ar_canonical}" if s.venue else "")}}
        for s in corpus.sessions if s.dates
    ]
    return _dump({"title": {"text": {"headline": title}}, "events": events, "eras": eras})


def by_file(corpus: Corpus) -> list[Article]:
    """The articles in the order of the open data files."""
    return sorted(corpus.articles, key=lambda a: a.file)


def tables(corpus: Corpus, title: str) -> Iterator[tuple[str, bytes]]:
    """The open data files besides ``records.json``, and every file's schema."""
    yield "data/articles.csv", articles_csv(corpus)
    yield "data/entities.json", entities_json(corpus)
    yield "data/timeline.json", timeline_json(corpus, title)
    for path in FILES:
        yield schema_path(path), schema(path)


def open_data(corpus: Corpus, title: str) -> list[tuple[str, bytes]]:
    """The open data files with their contents."""
    records = b"".join(records_json(record_object(a) for a in by_file(corpus)))
    return [(RECORDS, records), *tables(corpus, title)]
