"""A small hand-made corpus for the renderer's tests and golden files.

Built directly from records (no extraction), so rendering tests do not move when the
extractor does. Four articles around two General Assembly sessions (91 in Vienna, 92 in
Glasgow) and a third that is only announced (93 in Marrakech): people with roles,
countries, venues, a fact inferred from another article, an editorial fact, an article
without a title and one written before its session. ``hostile_corpus()`` puts markup,
template syntax and a script-closing name into titles, body and names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from interpol_site.records import (
    Article,
    Corpus,
    Country,
    DateRange,
    Evidence,
    Person,
    Session,
    SessionInfo,
    Venue,
)
from interpol_site.settings import Settings

#: The settings the golden files are rendered with.
SETTINGS = Settings(base_url="https://example.org/archive/")
#: The build date the golden files are rendered with (as from SOURCE_DATE_EPOCH).
BUILD_DATE = dt.date(2025, 1, 1)


def ev(text: str, needle: str, paragraph: int, status: str = "stated", source: str | None = None,
       rule: str = "fixture") -> Evidence:
    """Evidence for the first ``needle`` in ``text`` (paragraph ``paragraph``)."""
    start = text.index(needle)
    return Evidence(paragraph, start, start + len(needle), needle, rule, status, source)  # type: ignore[arg-type]


GLASGOW = Venue("غلاسكو", "غلاسكو", "Glasgow", "glasgow", "GB")
VIENNA = Venue("فيينا", "فيينا", "Vienna", "vienna", "AT")
MARRAKECH = Venue("مراكش", "مراكش", "Marrakech", "marrakech", "MA")


def _country(code: str, ar: str, en: str, *evidence: Evidence, mentions: int = 1) -> Country:
    return Country(code, ar, ar, en, en.lower(), mentions, evidence)


def _opening() -> Article:
    title = "انطلاق أشغال الدورة 92 للجمعية العامة للإنتربول في غلاسكو"
    body = (
        "انطلقت اليوم في غلاسكو أشغال الدورة 92 للجمعية العامة للمنظمة الدولية للشرطة الجنائية،"
        " التي تتواصل من 4 إلى 7 نونبر 2024، بمشاركة وفود من المغرب والنرويج.",
        "وترأس عبد اللطيف حموشي، المدير العام للأمن الوطني، وفد المغرب، وأجرى مباحثات"
        " مع نظيره النرويجي حول التعاون الأمني.",
        "ويتوقع أن تعلن الجمعية العامة عن مكان انعقاد دورتها المقبلة في ختام أشغالها.",
    )
    return Article(
        file="2024/glasgow-opening.txt", id="2024-glasgow-opening", title=title, body=body,
        body_lines=(4, 5, 6), published=dt.date(2024, 11, 4),
        published_evidence=(Evidence(-2, 0, 10, "2024-11-04", "byline date"),),
        author="سعيد الإدريسي", source="Hespress", byline="2024-11-04 - سعيد الإدريسي",
        event_dates=(DateRange(dt.date(2024, 11, 4), dt.date(2024, 11, 7), "من 4 إلى 7 نونبر 2024",
                               (ev(body[0], "من 4 إلى 7 نونبر 2024", 0),)),),
        date=dt.date(2024, 11, 4), date_evidence=(Evidence(-2, 0, 10, "2024-11-04", "byline date"),),
        session=Session(92, (ev(title, "الدورة 92", -1), ev(body[0], "الدورة 92", 0))),
        venue=dataclasses.replace(GLASGOW, evidence=(ev(title, "غلاسكو", -1), ev(body[0], "غلاسكو", 0))),
        people=(Person("عبد اللطيف حموشي", "abd-al-latif-hamouchi", ("المدير العام للأمن الوطني",),
                       mentions=1, evidence=(ev(body[1], "عبد اللطيف حموشي", 1),)),),
        countries=(
            _country("MA", "المغرب", "Morocco", ev(body[0], "المغرب", 0), ev(body[1], "المغرب", 1),
                     mentions=2),
            _country("NO", "النرويج", "Norway", ev(body[0], "النرويج", 0)),
        ),
    )


def _before() -> Article:
    title = "وفد أمني مغربي يستعد للمشاركة في اجتماع الإنتربول"
    body = (
        "يستعد وفد من المديرية العامة للأمن الوطني للمشاركة في اجتماع الجمعية العامة"
        " للإنتربول مطلع الشهر المقبل، رفقة ممثلين عن السنغال.",
        "وقال الأمين العام للمنظمة، فالديسي أوركيزا، إن الاجتماع سيناقش الجريمة المنظمة.",
    )
    return Article(
        file="2024/delegation.txt", id="2024-delegation", title=title, body=body, body_lines=(3, 4),
        date=dt.date(2024, 10, 28),
        date_evidence=(Evidence(-2, 0, 10, "2024-10-28", "byline date"),),
        byline="2024-10-28",
        session=Session(92, (Evidence(0, 40, 76, body[0][40:76], "same event as another article",
                                      "inferred", "2024/glasgow-opening.txt"),)),
        people=(Person("فالديسي أوركيزا", "faldisi-aourkiza", ("الأمين العام للإنتربول",),
                       evidence=(ev(body[1], "فالديسي أوركيزا", 1),)),),
        countries=(_country("MA", "المغرب", "Morocco", ev(title, "مغربي", -1)),
                   _country("SN", "السنغال", "Senegal", ev(body[0], "السنغال", 0))),
    )


def _untitled() -> Article:
    body = (
        "اختتمت الجمعية العامة للإنتربول أشغالها بالإعلان عن احتضان مراكش للدورة المقبلة في 2025،"
        " وتسلم حموشي علم المنظمة.",
        "وأشاد المشاركون بالتعاون بين المغرب والنرويج في مجال تبادل المعلومات.",
    )
    return Article(
        file="2024/untitled.txt", id="2024-untitled", title=None, body=body, body_lines=(1, 2),
        date=dt.date(2024, 11, 9), date_evidence=(),
        source="Le360",
        session=Session(92, (ev(body[0], "الجمعية العامة للإنتربول", 0),)),
        next_session_venue=dataclasses.replace(MARRAKECH, evidence=(ev(body[0], "مراكش", 0),)),
        people=(Person("عبد اللطيف حموشي", "abd-al-latif-hamouchi", ("المدير العام للأمن الوطني",),
                       evidence=(ev(body[0], "حموشي", 0, "inferred", "2024/glasgow-opening.txt"),)),),
        countries=(_country("MA", "المغرب", "Morocco", ev(body[1], "المغرب", 1)),
                   _country("NO", "النرويج", "Norway", ev(body[1], "النرويج", 1, "editorial"))),
        editorial=("countries",),
    )


def _vienna() -> Article:
    title = "الإنتربول يجتمع في فيينا: 195 دولة حول طاولة واحدة"
    body = (
        "احتضنت العاصمة النمساوية فيينا الدورة 91 للجمعية العامة للإنتربول من 28 نونبر إلى 1 دجنبر 2023،"
        " بمشاركة وفود من إسبانيا والمغرب.",
        "وقال يورغن ستوك (Jürgen Stock)، الأمين العام للمنظمة، إن INTERPOL تواجه تحديات جديدة.",
    )
    return Article(
        file="2023/vienna.txt", id="2023-vienna", title=title, body=body, body_lines=(1, 2),
        author="Ahmed Benali",
        event_dates=(DateRange(dt.date(2023, 11, 28), dt.date(2023, 12, 1), "من 28 نونبر إلى 1 دجنبر 2023",
                               (ev(body[0], "من 28 نونبر إلى 1 دجنبر 2023", 0),)),),
        date=dt.date(2023, 11, 28), date_evidence=(ev(body[0], "من 28 نونبر إلى 1 دجنبر 2023", 0),),
        session=Session(91, (ev(body[0], "الدورة 91", 0),)),
        venue=dataclasses.replace(VIENNA, evidence=(ev(title, "فيينا", -1), ev(body[0], "فيينا", 0))),
        people=(Person("يورغن ستوك", "yourghn-satouk", ("الأمين العام للإنتربول",), ("ستوك",),
                       evidence=(ev(body[1], "يورغن ستوك", 1),)),),
        countries=(_country("AT", "النمسا", "Austria", ev(body[0], "النمساوية", 0)),
                   _country("ES", "إسبانيا", "Spain", ev(body[0], "إسبانيا", 0)),
                   _country("MA", "المغرب", "Morocco", ev(body[0], "المغرب", 0))),
    )


SESSIONS = (
    SessionInfo(91, VIENNA, DateRange(dt.date(2023, 11, 28), dt.date(2023, 12, 1)), 2023, ("2023/vienna.txt",)),
    SessionInfo(92, GLASGOW, DateRange(dt.date(2024, 11, 4), dt.date(2024, 11, 7)), 2024,
                ("2024/glasgow-opening.txt",)),
    SessionInfo(93, MARRAKECH, None, 2025, ("2024/untitled.txt",)),
)


def corpus() -> Corpus:
    """The fixture corpus (articles in file order, as the pipeline gives them)."""
    articles = sorted((_opening(), _before(), _untitled(), _vienna()), key=lambda a: a.file)
    return Corpus(tuple(articles), SESSIONS)


HOSTILE_TITLE = "<script>alert(1)</script> عنوان {{ 7*7 }} {% raw %}"
HOSTILE_BODY = "نص <img src=x onerror=alert(1)> و{{ 7*7 }} و</p><p>فقرة مزورة & «اقتباس»"
HOSTILE_NAME = "</script><script>alert(2)</script>"


def hostile_corpus() -> Corpus:
    """The fixture corpus with hostile text in a title, a paragraph, an author and a name."""
    base = corpus()
    [a] = [x for x in base.articles if x.id == "2024-glasgow-opening"]
    body = (HOSTILE_BODY,) + a.body[1:]
    person = dataclasses.replace(a.people[0], name=HOSTILE_NAME, slug="hostile-name")
    evil = a.replace(title=HOSTILE_TITLE, body=body, author=HOSTILE_NAME, people=(person,), source="<b>x</b>",
                     session=Session(a.session.number, ()) if a.session else None, venue=None,
                     countries=(), event_dates=())
    return dataclasses.replace(base, articles=tuple(evil if x is a else x for x in base.articles))
