"""Arbitrary Unicode never breaks extraction, and every span lies inside its text."""

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_site.arabic import norm, shadow
from interpol_site.extract import extract_article
from interpol_site.extract.countries import find_countries
from interpol_site.extract.dates import find_dates, find_weekdays
from interpol_site.extract.people import find_people
from interpol_site.extract.sessions import find_sessions
from interpol_site.extract.tokens import tokens
from interpol_site.records import Evidence

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
PIECES = st.sampled_from(
    [
        "الدورة ",
        "92 ",
        "نونبر ",
        "بين 4 و7 ",
        "2025 ",
        "المغرب",
        "والصين ",
        "، ",
        ". ",
        "\n",
        "اللواء ",
        "محمد ",
        "الدخيسي ",
        "اليوم الخميس ",
        "مراكش ",
        "\u00a0\u00a0\u00a0",
        "ـ",
        "َ",
        "<script>",
        "{{ 7*7 }}",
        "\u202e",
        "١٢/٣٠/٢٠٢٤ ",
    ]
)
TEXT = st.lists(
    st.one_of(PIECES, st.text(alphabet=ARABIC, max_size=8), st.text(max_size=6)), max_size=60
).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_finders_never_raise_and_spans_are_inside(text):
    t = norm(text)
    toks = tokens(t)
    for m in [*find_dates(t), *find_weekdays(t), *find_sessions(t)]:
        assert 0 <= m.start <= m.end <= len(t)
    for m in find_countries(t, toks, 0):
        assert 0 <= m.start < m.end <= len(t)
    for c in find_people(t, toks, 0):
        assert all(0 <= i < len(toks) for i in c.tokens)


def _evidence(obj):
    if isinstance(obj, Evidence):
        yield obj
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from _evidence(getattr(obj, f.name))
    elif isinstance(obj, tuple):
        for x in obj:
            yield from _evidence(x)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_article_evidence_points_into_its_paragraph(text):
    a = extract_article(text, "x.txt")
    for e in _evidence(a):
        if e.paragraph >= 0:
            para = a.body[e.paragraph]
        elif e.paragraph == -1:
            para = a.title or ""
        else:
            continue
        assert 0 <= e.start <= e.end <= len(para)
        assert para[e.start : e.end] == e.text


@given(st.text(max_size=200))
def test_shadow_offsets_are_monotonic_and_inside(text):
    sh = shadow(text)
    assert len(sh.offsets) == len(sh.text)
    assert all(0 <= o < len(text) for o in sh.offsets)
    assert list(sh.offsets) == sorted(sh.offsets)
