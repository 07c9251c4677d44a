from interpol_site.arabic import (
    clitic_variants,
    month_names,
    norm,
    ordinal_value,
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
