"""``extract --explain FILE``: every fact of one article with its evidence and rule, and
the boilerplate that was stripped, so an editor can see why the machine decided."""

from __future__ import annotations

from .records import Article, Evidence

_WHERE = {-1: "title", -2: "byline", -3: "(no text)"}


def _ev(e: Evidence) -> str:
    where = _WHERE.get(e.paragraph, f"paragraph {e.paragraph + 1}")
    status = e.status if e.source_file is None else f"{e.status} from {e.source_file}"
    return f"      «{e.text}» — {where} [{e.start}:{e.end}] · {e.rule} · {status}"


def explain(a: Article) -> str:
    out = [f"file: {a.file}", f"id: {a.id}", f"title: {a.title or '(none)'}"]
    out.append(f"author: {a.author or '(none)'}   source: {a.source or '(none)'}")
    if a.byline:
        out.append(f"byline: {a.byline}")
    out.append(f"published: {a.published or '(none)'}")
    out += [_ev(e) for e in a.published_evidence]
    out.append(f"date (timeline): {a.date or '(none)'}")
    out += [_ev(e) for e in a.date_evidence]
    out.append("event dates:")
    for r in a.event_dates:
        out.append(f"  {r.start} … {r.end}")
        out += [_ev(e) for e in r.evidence]
    for p in a.partial_dates:
        out.append(f"  without a year: {p.day1}/{p.month1}–{p.day2}/{p.month2}")
    out.append(f"session: {a.session.number if a.session else '(none)'}")
    if a.session:
        out += [_ev(e) for e in a.session.evidence]
    out.append(f"venue: {f'{a.venue.ar_canonical} ({a.venue.en})' if a.venue else '(none)'}")
    if a.venue:
        out += [_ev(e) for e in a.venue.evidence]
    if a.next_session_venue:
        out.append(f"venue of the next session: {a.next_session_venue.en}")
    out.append("people:")
    for p in a.people:
        extra = f" — {'; '.join(p.roles)}" if p.roles else ""
        out.append(f"  {p.name}{extra}" + (f" (also: {', '.join(p.aliases)})" if p.aliases else ""))
        out += [_ev(e) for e in p.evidence]
    out.append("countries:")
    for c in a.countries:
        out.append(f"  {c.code} {c.ar_canonical} ({c.en}) ×{c.mentions}")
        out += [_ev(e) for e in c.evidence]
    out.append("stripped as boilerplate:")
    for s in a.stripped:
        text = s.text if len(s.text) <= 160 else s.text[:157] + "…"
        out.append(f"  line {s.line}: {s.reason}: {text}")
    return "\n".join(out) + "\n"
