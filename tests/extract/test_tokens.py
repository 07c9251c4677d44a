"""Tokens as lists, the surface-form tables and the phrase finder built on them."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_site.arabic import clitic_variants, norm
from interpol_site.extract import _lexicon
from interpol_site.extract.countries import find_countries
from interpol_site.extract.people import find_people
from interpol_site.extract.tokens import find_phrases, matches_at, occurrences, surface_forms, tokens

LETTERS = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ffA-Za-z0-9]+")

TEXT = st.lists(
    st.sampled_from(["الصين", "و", "ال", "ب", "لل", "مغرب", " ", "  ", "،", ".", "\n", "x", "7", "ـ", "é",
                     "\U0001f600"]),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_tokens_are_the_runs_of_letters_with_their_offsets_and_gaps(text):
    toks = tokens(text)
    runs = list(LETTERS.finditer(text))
    assert toks.words == [m.group() for m in runs]
    assert toks.starts == [m.start() for m in runs] and toks.ends == [m.end() for m in runs]
    assert toks.gaps == [text[a.end() : b.start()] for a, b in zip(runs, runs[1:], strict=False)]
    for k in range(len(toks) - 1):
        assert toks.joined(k) == (text[runs[k].end() : runs[k + 1].start()].strip() == "")


def test_run_counts_the_space_joined_tokens():
    toks = tokens("أ ب ج، د")
    assert [toks.run(0, 9), toks.run(1, 9), toks.run(0, 2), toks.run(3, 9)] == [3, 2, 2, 1]


def test_index_at_finds_the_token_before_a_position():
    toks = tokens("أب، جد")
    assert [toks.index_at(p) for p in (0, 2, 3, 4, 5)] == [0, 0, 0, 1, 1]


def test_matches_at_is_finditer_from_the_given_starts():
    pattern = re.compile(r"(?<!\w)ab+")
    text = "ab xab abbb ab"
    starts = [m.start() for m in re.finditer("a", text)]  # every "a": a superset of the matches
    assert [m.span() for m in matches_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]


def test_occurrences_include_overlaps():
    assert occurrences("aaa ba", ["aa", "b"]) == [0, 1, 4]


def test_surface_forms_put_the_proclitics_back():
    table = surface_forms({"المغرب", "تركيا"})
    assert table["المغرب"] == (("المغرب", 0),)
    assert ("المغرب", 1) in table["والمغرب"]
    assert ("المغرب", 1) in table["للمغرب"]  # لل → ال
    assert ("المغرب", 1) in table["بالمغرب"]
    assert ("تركيا", 1) in table["لتركيا"]
    assert "مغرب" not in table


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["", "و", "ف", "ب", "ل", "ك", "لل", "وب", "ول", "فك", "ولل"]),
       st.sampled_from(["المغرب", "مالي", "تونس", "اليمن", "لبنان", "عمان", "بنين", "كوبا", "البحرين"]))
def test_surface_forms_are_exactly_the_words_with_a_base_clitic_variant(clitic, word):
    base = {"المغرب", "مالي", "لبنان", "كوبا", "البحرين"}
    table = surface_forms(base)
    surface = clitic + word
    expected = tuple(v for v in clitic_variants(surface) if v[0] in base)
    assert table.get(surface, ()) == expected


def phrases(text, table):
    t = norm(text)
    return [(t[m.start : m.end], m.key, m.clitic) for m in find_phrases(t, tokens(t), table, 3)]


def test_find_phrases_clitics_longest_match_and_word_bounds():
    table = {("المغرب",): "MA", ("المغرب", "العربي"): None, ("الصين",): "CN", ("كوريا", "الجنوبيه"): "KR"}
    # a clean prefix is left out of the span (و+الصين); وللمغرب keeps its proclitics
    assert phrases("والصين وللمغرب", table) == [("الصين", ("الصين",), "و"), ("وللمغرب", ("المغرب",), "ول")]
    assert phrases("المغرب العربي", table) == [("المغرب العربي", ("المغرب", "العربي"), "")]  # a blocker
    assert phrases("المغرب، العربي", table) == [("المغرب", ("المغرب",), "")]  # not joined by a space
    assert phrases("بكوريا الجنوبية", table) == [("كوريا الجنوبيه", ("كوريا", "الجنوبيه"), "ب")]
    assert phrases("المغربية الصينيين كوريا", table) == []  # inside longer words; a key half there


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["المغرب", "والصين", "اللواء", "محمد", "الدخيسي", "، ", " ", "عبد", "اللطيف",
                                 "حموشي", "وزير", "الداخلية", "مالي", "دولة", "الرئيس", ". ", "على", "بن"]),
                max_size=40).map(" ".join))
def test_finders_see_the_same_with_the_lexicon(text):
    t = norm(text)
    plain, known = tokens(t), tokens(t, _lexicon())
    assert known.candidates == plain.scan(_lexicon())
    assert find_countries(t, plain, 0) == find_countries(t, known, 0)
    assert [(c.tokens, c.roles, c.rule) for c in find_people(t, plain, 0)] == [
        (c.tokens, c.roles, c.rule) for c in find_people(t, known, 0)
    ]
