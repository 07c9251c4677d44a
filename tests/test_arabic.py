import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_site.arabic import (
    _DROP,
    clean_display,
    clitic_variants,
    display_lines,
    fold,
    month_names,
    norm,
    ordinal_value,
    phrase_pattern,
    shadow,
    weekday_names,
)


def test_shadow_maps_back_to_original_spans():
    text = "كشـ24 في النّرويج ٢٠٢٤"
    sh = shadow(text)
    assert sh.text == "كش24 في النرويج 2024"
    start = sh.text.index("النرويج")
    a, b = sh.span(start, start + len("النرويج"))
    assert text[a:b] == "النّرويج"
    y = sh.text.index("2024")
    assert text[slice(*sh.span(y, y + 4))] == "٢٠٢٤"


def test_norm_folds_letter_variants_and_spaces():
    assert norm("إسبانيا\u00a0\u00a0أو  آسيا") == "اسبانيا او اسيا"
    assert norm("مصطفى المدرسة") == "مصطفي المدرسه"
    assert norm("۱۲۳") == "123"  # Persian digits


def test_months_come_from_every_arabic_locale():
    months = month_names()
    assert months["نونبر"] == 11 and months["نوفمبر"] == 11  # Maghrebi, generic
    assert months["تشرين الثاني"] == 11 and months["كانون الثاني"] == 1  # Levantine
    assert months["جانفي"] == 1 and months["جويليه"] == 7  # Algerian / Tunisian
    assert months["غشت"] == 8 and months["دجنبر"] == 12 and months["ماي"] == 5


def test_weekdays_include_hamza_variants():
    days = weekday_names()
    assert days["الخميس"] == 3
    assert days[norm("الإثنين")] == 0 == days[norm("الاثنين")]


def test_clitics():
    forms = [f for f, _ in clitic_variants("والصين")]
    assert "الصين" in forms
    assert "المغرب" in [f for f, _ in clitic_variants("للمغرب")]
    assert "المغرب" in [f for f, _ in clitic_variants("بالمغرب")]
    assert "تركيا" in [f for f, _ in clitic_variants("لتركيا")]


def test_ordinals_masculine_and_feminine():
    assert ordinal_value(norm("الثانية والتسعين")) == 92
    assert ordinal_value(norm("الحادية والتسعين")) == 91
    assert ordinal_value(norm("الحادي والتسعين")) == 91
    assert ordinal_value(norm("التسعين")) == 90
    assert ordinal_value(norm("التاسعة والثمانين")) == 89
    assert ordinal_value(norm("الثالثة عشرة")) == 13
    assert ordinal_value(norm("الأولى")) == 1
    assert ordinal_value(norm("الخامسة بعد المائة")) == 105
    assert ordinal_value(norm("الثانية")) == 2
    assert ordinal_value(norm("الحادية")) is None  # only in compounds


# --------------------------------------------------------------------------- the fast forms


PHRASES = st.lists(st.sampled_from(["الثاني", "الثانيه", "الثاني عشر", "الثانيه والتسعين", "ماي", "مايو",
                                    "تشرين الثاني", "تشرين", "المائه", "المائه والثاني"]), min_size=1, unique=True)
NOISY = st.lists(st.sampled_from(["الثاني", "ه", "ة", " ", "  ", "\t", "\u00a0", "عشر", "والتسعين", "ماي", "و",
                                  "تشرين", "\u064e", "ـ", "ا\u0653", "\u2003", "\n", "x", "،"]),
                 max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(PHRASES, NOISY)
def test_phrase_pattern_matches_as_the_alternation_longest_first(phrases, text):
    plain = "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)) + ")"
    for tail in ("", r"(?![\w])", r"\s*\d"):
        old, new = re.compile(f"({plain}){tail}"), re.compile(f"({phrase_pattern(phrases)}){tail}")
        assert [m.span(1) for m in new.finditer(text)] == [m.span(1) for m in old.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(NOISY)
def test_shadow_drops_and_folds_as_defined(text):
    dropped = [m.start() for m in _DROP.finditer(text)]
    expected = (fold(_DROP.sub("", text)), tuple(d - k for k, d in enumerate(dropped)))
    assert (shadow(text).text, shadow(text).cuts) == expected
    assert shadow(text, fold(text)) == shadow(text)


@settings(max_examples=300, deadline=None)
@given(NOISY)
def test_display_lines_are_each_line_cleaned_and_folded(text):
    pairs = display_lines(text)
    assert [shown for shown, _ in pairs] == [clean_display(line) for line in text.split("\n")]
    assert [folded for _, folded in pairs] == [fold(clean_display(line)) for line in text.split("\n")]
    assert all(unicodedata.is_normalized("NFC", shown) for shown, _ in pairs)


@settings(max_examples=300, deadline=None)
@given(NOISY)
def test_norm_collapses_whitespace_as_the_regex_did(text):
    expected = re.sub(r"\s+", " ", fold(_DROP.sub("", unicodedata.normalize("NFC", text)))).strip()
    assert norm(text) == expected
