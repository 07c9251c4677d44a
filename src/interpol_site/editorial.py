"""Editors correct the machine: overrides from a sidecar or Markdown front matter.

An article ``NAME.txt`` may have a sidecar ``NAME.yaml`` (or ``NAME.yml``) beside it;
a Markdown article ``NAME.md`` may start with YAML front matter between ``---`` lines.
Both take the same keys, every one optional::

    title: المغرب يستضيف الدورة 93        # replaces the headline
    date: 2025-11-24                      # place on the timeline
    published: 2025-11-24                 # publication date
    session: 93                           # INTERPOL General Assembly session
    venue: مراكش                          # a city of the gazetteer, in Arabic or English
    author: حسين العياشي
    source: هسبريس
    id: marrakech-opening                 # the article's slug (its URL)
    people:
      add: [عبد اللطيف حموشي, {name: فالديسي أوركيزا, role: الأمين العام للإنتربول}]
      remove: [محمد]                       # a name the machine got wrong
    countries:
      add: [NO, إسبانيا]                   # ISO code, or an Arabic or English name
      remove: [ES]

An overridden fact gets evidence with status ``editorial`` (rule names the file), and
its field name goes into ``Article.editorial``, so pages mark it as the editor's. An
unknown key, a wrong type or a name the gazetteers do not know is a warning naming the
file, the line and the key; the rest of the file still applies.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .arabic import norm
from .errors import Problem
from .gazetteer import cities, countries
from .records import Article, Country, Evidence, Person, Session, Venue

#: Keys an override may set, and what each expects (documented in the module docstring).
KEYS = ("title", "date", "published", "session", "venue", "author", "source", "id", "people", "countries")

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


@dataclasses.dataclass(frozen=True)
class Override:
    """What an editor set: ``values`` by key, the file and line of each."""

    file: str
    values: dict[str, Any]
    lines: dict[str, int]


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """``(front matter or None, body, lines taken by the front matter)`` of a Markdown text."""
    m = _FRONT.match(text)
    if not m:
        return None, text, 0
    return m.group(1) or "", text[m.end():], m.group(0).count("\n")


def sidecar_of(path: Path) -> Path | None:
    """The sidecar file of an article (``NAME.yaml`` or ``NAME.yml``), if there is one."""
    for suffix in (".yaml", ".yml"):
        candidate = path.with_suffix(suffix)
        if candidate.is_file():  # is_file follows links; a FIFO or device is not a file
            return candidate
    return None


def parse(text: str, shown: str, first_line: int = 1) -> tuple[Override | None, list[Problem]]:
    """Parse and check an override; problems name ``shown`` and the line."""
    problems: list[Problem] = []

    def warn(line: int | None, reason: str, hint: str = "") -> None:
        problems.append(Problem(shown, reason, hint or "fix the line; the article is built without it", line))

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + first_line if exc.problem_mark else None
        warn(line, f"invalid YAML: {exc.problem}", "the article is built without these corrections")
        return None, problems
    except yaml.YAMLError as exc:
        warn(None, f"invalid YAML: {exc}", "the article is built without these corrections")
        return None, problems
    if root is None:
        return Override(shown, {}, {}), problems
    if not isinstance(root, yaml.MappingNode):
        warn(root.start_mark.line + first_line, "corrections must be 'key: value' lines")
        return None, problems
    constructor = yaml.constructor.SafeConstructor()
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + first_line
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            warn(line, f"unknown key {key!r}",
                 (f"did you mean {close[0]!r}? " if close else "") + "known keys: " + ", ".join(KEYS))
            continue
        try:
            # text keys keep the text as written: YAML would read `NO` (Norway) as false
            value = (constructor.construct_object(value_node, deep=True) if key in ("date", "published", "session")
                     else _as_written(value_node))
        except yaml.YAMLError as exc:
            warn(line, f"{key!r}: {getattr(exc, 'problem', None) or exc}")
            continue
        checked = _check(key, value, lambda reason, ln=line: warn(ln, reason))
        if checked is not None:
            values[key], lines[key] = checked, line
    return Override(shown, values, lines), problems


def _as_written(node: yaml.Node) -> Any:
    """A YAML node as plain data with every scalar kept as its text."""
    if isinstance(node, yaml.MappingNode):
        return {_as_written(k): _as_written(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_as_written(v) for v in node.value]
    return node.value


def _check(key: str, value: Any, fail: Callable[[str], None]) -> Any:
    """``value`` validated for ``key`` (``None`` after reporting a problem)."""
    if key in ("date", "published"):
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        if not isinstance(value, dt.date):
            return fail(f"{key!r} must be a date written YYYY-MM-DD, got {value!r}")
        return value
    if key == "session":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 199:
            return fail(f"'session' must be a session number from 1 to 199, got {value!r}")
        return value
    if key in ("people", "countries"):
        if not isinstance(value, dict) or set(value) - {"add", "remove"}:
            return fail(f"{key!r} takes 'add:' and/or 'remove:' lists")
        out = {}
        for verb, items in value.items():
            items = [items] if isinstance(items, (str, dict)) else items
            if not isinstance(items, list):
                return fail(f"{key}.{verb} must be a list")
            for item in items:
                ok = isinstance(item, str) and item.strip()
                if key == "people" and verb == "add" and isinstance(item, dict):
                    ok = set(item) <= {"name", "role"} and isinstance(item.get("name"), str) and \
                        isinstance(item.get("role", ""), str)
                if not ok:
                    return fail(f"{key}.{verb}: {item!r} is not a name"
                                + (" (or {name: …, role: …})" if key == "people" else ""))
            out[verb] = items
        return out
    if not isinstance(value, str) or not value.strip():
        return fail(f"{key!r} must be text, got {value!r}")
    if key == "id" and not _SLUG.match(value):
        return fail(f"'id' must be lower-case ASCII letters, digits and hyphens, got {value!r}")
    return value.strip()


# --------------------------------------------------------------------------- applying


def find_city(name: str) -> Venue | None:
    """A gazetteer city by its Arabic (any spelling) or English name."""
    table = cities()
    city = table.names.get(tuple(norm(name).split()))
    if city is None:
        wanted = name.strip().casefold()
        city = next((c for c in table.names.values() if c.en.casefold() == wanted), None)
    if city is None:
        return None
    from .urls import slug

    return Venue(name.strip(), city.ar, city.en, slug(city.en), city.country or None)


def find_country(name: str) -> Country | None:
    """A country by ISO code, or by its Arabic or English name."""
    table = countries()
    text = name.strip()
    code = text.upper() if text.upper() in table.info else table.names.get(tuple(norm(text).split()))
    if code is None:
        wanted = text.casefold()
        code = next((c for c, info in table.info.items() if info.en.casefold() == wanted), None)
    if code is None:
        return None
    from .urls import slug

    info = table.info[code]
    return Country(code, text if not text.isascii() else info.ar, info.ar, info.en, slug(info.en), 0)


def apply(a: Article, o: Override) -> tuple[Article, list[Problem]]:
    """The article with the editor's values in place, each marked ``editorial``."""
    from .urls import slug

    problems: list[Problem] = []
    changes: dict[str, Any] = {}
    fields: list[str] = []

    def ev(key: str, text: str = "") -> tuple[Evidence, ...]:
        return (Evidence(-3, 0, 0, text, f"set by the editor in {o.file}:{o.lines[key]}", "editorial", o.file),)

    v = o.values
    for key in ("title", "author", "source"):
        if key in v:
            changes[key] = v[key]
            fields.append(key)
    if "id" in v:
        changes["id"] = v["id"]
        fields.append("id")
    if "published" in v:
        changes["published"], changes["published_evidence"] = v["published"], ev("published", str(v["published"]))
        fields.append("published")
    if "date" in v or "published" in v:
        day = v.get("date", v.get("published"))
        key = "date" if "date" in v else "published"
        changes["date"], changes["date_evidence"] = day, ev(key, str(day))
        fields.append("date")
    if "session" in v:
        changes["session"] = Session(v["session"], ev("session", str(v["session"])))
        fields.append("session")
    if "venue" in v:
        venue = find_city(v["venue"])
        if venue is None:
            problems.append(Problem(o.file, f"'venue': {v['venue']!r} is not a city the gazetteer knows",
                                    "write the city's Arabic or English name (data/cities.yaml lists them)",
                                    o.lines["venue"]))
        else:
            changes["venue"] = dataclasses.replace(venue, evidence=ev("venue", v["venue"]))
            fields.append("venue")
    if "countries" in v:
        kept = {c.code: c for c in a.countries}
        for item in v["countries"].get("remove", []):
            found = find_country(item)
            if found is None or found.code not in kept:
                problems.append(Problem(o.file, f"countries.remove: {item!r} is not among the article's countries",
                                        "the machine found: " + ", ".join(kept) or "none", o.lines["countries"]))
            else:
                del kept[found.code]
        for item in v["countries"].get("add", []):
            found = find_country(item)
            if found is None:
                problems.append(Problem(o.file, f"countries.add: {item!r} is not a country",
                                        "write an ISO 3166-1 code (NO) or the country's name", o.lines["countries"]))
            elif found.code not in kept:
                kept[found.code] = dataclasses.replace(found, evidence=ev("countries", item))
        changes["countries"] = tuple(kept.values())
        fields.append("countries")
    if "people" in v:
        kept_people = {p.name: p for p in a.people}
        for item in v["people"].get("remove", []):
            match = [n for n, p in kept_people.items() if item.strip() in (n, *p.aliases)]
            if not match:
                problems.append(Problem(o.file, f"people.remove: {item!r} is not among the article's people",
                                        "the machine found: " + ("، ".join(kept_people) or "none"),
                                        o.lines["people"]))
            for n in match:
                del kept_people[n]
        for item in v["people"].get("add", []):
            name, role = (item["name"], item.get("role", "")) if isinstance(item, dict) else (item, "")
            name = " ".join(name.split())
            old = kept_people.get(name)
            roles = tuple(dict.fromkeys([*(old.roles if old else ()), *([role.strip()] if role.strip() else [])]))
            kept_people[name] = Person(name, old.slug if old else slug(name), roles, old.aliases if old else (),
                                       old.mentions if old else 0, (old.evidence if old else ()) + ev("people", name))
        changes["people"] = tuple(kept_people.values())
        fields.append("people")
    changes["editorial"] = tuple(dict.fromkeys([*a.editorial, *fields]))
    return a.replace(**changes), problems
