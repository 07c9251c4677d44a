import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_site.arabic import norm, shadow
from interpol_site.extract import dates as dates_mod
from interpol_site.extract import extract_article
from interpol_site.extract.dates import day_in_range, find_dates, find_weekdays, next_event_years
from interpol_site.extract.tokens import matches_at


def spans(text, hints=frozenset()):
    return [m.dates() for m in find_dates(norm(text), hints)]


def test_range_with_year_maghrebi_and_generic():
    assert spans("المزمع عقدها ما بين 24 و27 نونبر 2025") == [
        (dt.date(2025, 11, 24), dt.date(2025, 11, 27))
    ]
    assert spans("المنعقدة من 4 إلى 7 نوفمبر 2024") == [
        (dt.date(2024, 11, 4), dt.date(2024, 11, 7))
    ]
    assert spans("من 4 إلى غاية 7 يونيو 2023") == [(dt.date(2023, 6, 4), dt.date(2023, 6, 7))]
    for to in ("لغاية", "ولغاية", "وحتى", "حتى", "وإلى"):  # the Mashreq's "من 4 ولغاية 7 تشرين الثاني"
        assert spans(f"من 4 {to} 7 تشرين الثاني 2024") == [(dt.date(2024, 11, 4), dt.date(2024, 11, 7))], to
    assert spans("من 30 نونبر ولغاية 3 دجنبر 2024") == [(dt.date(2024, 11, 30), dt.date(2024, 12, 3))]
    assert spans("في 4 لقاءات يوم 7 نونبر 2024") == [(dt.date(2024, 11, 7), dt.date(2024, 11, 7))]


def test_range_without_year_is_kept_partial():
    [m] = find_dates(norm("بين 4 و7 نونبر الجاري"))
    assert (m.day1, m.day2, m.month1, m.year1, m.current) == (4, 7, 11, None, True)
    assert m.dates() is None
    assert m.dates(2024) == (dt.date(2024, 11, 4), dt.date(2024, 11, 7))


def test_levantine_algerian_months_and_indic_digits():
    assert spans("في ٢٤ تشرين الثاني ٢٠٢٥") == [(dt.date(2025, 11, 24),) * 2]
    assert spans("يوم 5 جانفي 2025") == [(dt.date(2025, 1, 5),) * 2]
    assert spans("في 3 غشت 2025 و5 شتنبر 2025") == [
        (dt.date(2025, 8, 3),) * 2,
        (dt.date(2025, 9, 5),) * 2,
    ]
    assert spans("24 نوفمبر/تشرين الثاني 2025") == [(dt.date(2025, 11, 24),) * 2]


def test_cross_month_range():
    assert spans("من 28 نوفمبر إلى 1 ديسمبر 2023") == [
        (dt.date(2023, 11, 28), dt.date(2023, 12, 1))
    ]
    assert spans("30 دجنبر - 2 يناير 2026") == [(dt.date(2025, 12, 30), dt.date(2026, 1, 2))]


def test_numeric_orders():
    assert spans("حرر بتاريخ | 11/21/2025 |") == [(dt.date(2025, 11, 21),) * 2]  # MM/DD: 21 > 12
    assert spans("نشر في الأول يوم 24 - 11 - 2025") == [(dt.date(2025, 11, 24),) * 2]
    assert spans("2025-11-24") == [(dt.date(2025, 11, 24),) * 2]
    assert spans("05/11/2025") == [(dt.date(2025, 11, 5),) * 2]  # both small: DD/MM
    # a day-month stated in words settles the order of an all-small numeric date
    assert spans("05/11/2025", frozenset({(11, 5)})) == [(dt.date(2025, 5, 11),) * 2]


def test_month_words_need_a_date_shape():
    assert find_dates(norm("مارس الضغط على أبيه، وزار آب الماضي")) == []
    assert find_dates(norm("بمشاركة 177 دولة منذ 1923")) == []
    assert find_dates(norm("يوم 31 فبراير 2025")) == []  # no such day


def test_weekdays_and_their_offsets():
    [w] = find_weekdays(norm("صوتت الجمعية العامة، صباح اليوم الخميس، بأغلبية"))
    assert (w.weekday, w.offset) == (3, 0)
    [w] = find_weekdays(norm("أعلن أمس الثلاثاء"))
    assert (w.weekday, w.offset) == (1, 1)
    assert find_weekdays(norm("اتفق الاثنين على التعاون")) == []  # "the two", no day marker
    [w] = find_weekdays(norm("أعلنت المنظمة، الثلاثاء، من مقرها"))  # the agencies' weekday alone
    assert (w.weekday, w.offset) == (1, None)
    [w] = find_weekdays(norm("قالت الوزارة الخميس إن"))
    assert (w.weekday, w.offset) == (3, None)
    assert find_weekdays(norm("قال الاثنين إن")) == []  # "the two said"


def test_weekday_resolves_inside_a_range():
    assert day_in_range(3, dt.date(2024, 11, 4), dt.date(2024, 11, 7)) == dt.date(2024, 11, 7)
    assert day_in_range(3, dt.date(2024, 11, 1), dt.date(2024, 11, 30)) is None  # four Thursdays


def test_next_event_year():
    assert next_event_years(norm("استضافة مراكش للدورة المقبلة في 2025")) == [2025]
    assert next_event_years(norm("انعقدت الدورة في 2024")) == []


# The patterns are tried only where _starts says a date can begin: that must hold every
# position where the pattern matches at all.


DATE_TEXT = st.lists(
    st.sampled_from(["بين ", "من ", "من  ", " ", "  ", "4", "07", "31", "45", "2025", "1999", "12", "/", ".", "-",
                     " - ", "و", "الي غايه ", "نونبر", "تشرين الثاني", "من شهر ", "سنه ", "، ", "الجاري", "١٢",
                     "३", "x"]),
    max_size=25,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(DATE_TEXT)
def test_date_patterns_are_tried_wherever_they_match(text):
    starts = dates_mod._starts(text)
    for name, pattern in dates_mod._patterns().items():
        tried = [m.span() for m in matches_at(pattern, text, getattr(starts, name))]
        assert tried == [m.span() for m in pattern.finditer(text)], name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["اليوم ", "يوم ", "صباح ", "امس ", "غدا ", "غد ", "بعد ", "الخميس", "الاحداث",
                                 "الاحد", " الماضي", " ", "،", "x"]), max_size=12).map("".join))
def test_weekdays_are_found_as_by_the_whole_pattern(text):
    table = {"اليوم": 0, "امس": 1, "البارحه": 1, "بعد غد": -2, "غدا": -1, "غد": -1, "يوم": None}
    matches = dates_mod._weekday_pattern().finditer(text)
    expected = [(m.start(), m.end(), m.group(3), table[m.group(1) or m.group(2) or "يوم"]) for m in matches]
    for m in dates_mod._bare_weekday_pattern().finditer(text):  # "، الخميس،": a weekday alone
        g = next(k for k in (1, 2, 3) if m.group(k))
        if not any(a <= m.start(g) < b for a, b, _, _ in expected):
            expected.append((m.start(g), m.end(g), m.group(g), None))
    expected.sort()
    found = [(w.start, w.end, w.weekday, w.offset) for w in find_weekdays(text)]
    assert found == [(a, b, dates_mod.weekday_names()[d], o) for a, b, d, o in expected]


def report(headline: str, byline: str, lead: str):
    """The record of an article of a headline, a byline and its lead paragraph."""
    return extract_article(f"{headline}\n\n{byline}\n\n{lead}\n", "r.txt")


def test_hints_reorder_only_all_small_numeric_dates():
    [m] = find_dates("05/11/2025")
    [h] = dates_mod.with_hints([m], frozenset({(11, 5)}))
    assert (h.day1, h.month1, h.ambiguous_order) == (11, 5, True)
    assert dates_mod.with_hints([m], frozenset({(11, 5), (5, 11)})) == [m]


def test_an_ambiguous_numeric_date_falls_in_the_month_the_text_names():
    [m] = find_dates("11/1/2024")
    [h] = dates_mod.with_hints([m], frozenset({(16, 11), (20, 11)}))  # "من 16 إلى 20 نونبر"
    assert (h.day1, h.month1) == (1, 11)
    [h] = dates_mod.with_hints([m], frozenset({(16, 1)}))  # January named: as written, 11 January
    assert (h.day1, h.month1) == (11, 1)
    assert dates_mod.with_hints([m], frozenset({(3, 1), (9, 11)})) == [m]  # both months named
    assert dates_mod.with_hints([m], frozenset({(11, 1), (9, 11)})) == [m]  # the very day named


def test_a_date_written_with_its_weekday_is_the_day_of_the_event():
    a = extract_article(
        "حموشي يستقبل الأمين العام للأنتربول\n\nاستقبل عبد اللطيف حموشي يوم الثلاثاء 14 أكتوبر 2025 بالرباط الأمين "
        "العام للأنتربول، في إطار التحضير للدورة 93 المنعقدة بمراكش من 24 إلى 27 نونبر 2025.\n", "d.txt")
    assert a.date == dt.date(2025, 10, 14)  # not the Tuesday of the session, 25 November
    assert a.date_evidence[0].rule == "weekday written with the date"


def test_a_weekday_after_a_time_of_day():
    [w] = find_weekdays(norm("اختتمت، مساء الخميس، أشغال الدورة"))
    assert (w.weekday, w.offset) == (3, None)
    [w] = find_weekdays(norm("صباح اليوم الخميس"))
    assert (w.weekday, w.offset) == (3, 0)


def test_yesterday_in_the_lead_of_a_dated_article_is_the_day_before_it():
    lead = "اختتمت، {} بمراكش، أشغال الدورة 93 للجمعية العامة للمنظمة الدولية للشرطة الجنائية بالمصادقة على قرارات."
    head = "اختتام أشغال الجمعية العامة للأنتربول\nالخميس 27 نونبر 2025\n"
    a = extract_article(head + lead.format("أمس الأربعاء") + "\n", "d.txt")
    assert (a.published, a.date) == (dt.date(2025, 11, 27), dt.date(2025, 11, 26))
    assert a.date_evidence[0].text == "أمس الأربعاء"
    # today, a weekday that is not the day before, or yesterday named only later: the byline's day
    later = "\nوكانت الأشغال قد عرفت أمس الأربعاء نقاشا حول الجريمة الإلكترونية وسبل مواجهتها بين الدول."
    for told in ("اليوم الخميس", "أمس الثلاثاء", "اليوم الخميس" + "،" + later):
        a = extract_article(head + lead.format(told) + "\n", "d.txt")
        assert a.date == dt.date(2025, 11, 27), told


def test_a_dated_article_reports_the_day_its_lead_names():
    head = "توقيف مطلوب للعدالة بموجب نشرة حمراء للأنتربول\nكتب: محمد علي | 23 جانفي 2022\n"
    tail = " رعية جزائرية محل نشرة حمراء صادرة عن المنظمة الدولية للشرطة الجنائية.\n"
    cases = {
        "أوقفت الشرطة الإسبانية، يوم الخميس 20 جانفي الجاري بمدينة أليكانتي،": dt.date(2022, 1, 20),
        "أوقفت الشرطة الإسبانية، الخميس، بمدينة أليكانتي": dt.date(2022, 1, 20),  # the last Thursday
        "شاركت الشرطة في الدورة التي انعقدت من 15 إلى 18 جانفي الجاري، وأوقفت": dt.date(2022, 1, 15),
        "أوقفت الشرطة الإسبانية اليوم بمدينة أليكانتي": dt.date(2022, 1, 23),  # today
        "شاركت الشرطة في الدورة المنعقدة من 20 إلى 25 جانفي الجاري، وأوقفت": dt.date(2022, 1, 23),  # still on
        "أوقفت الشرطة في 3 نونبر 2021 بمدينة أليكانتي": dt.date(2022, 1, 23),  # long before: background
    }
    for lead, day in cases.items():
        a = extract_article(head + lead + tail, "d.txt")
        assert (a.published, a.date) == (dt.date(2022, 1, 23), day), lead


def test_month_first_dates_and_latin_month_names():
    for text in ("نونبر 24, 2025", "تشرين الثاني 24، 2025", "Nov 24, 2025", "November 24, 2025",
                 "le 24 novembre 2025", "24 November 2025"):
        assert spans(text) == [(dt.date(2025, 11, 24), dt.date(2025, 11, 24))], text
    assert spans("في 24, 2025") == [] and spans("ماي 2025") == []


def test_days_written_in_words():
    assert spans("وفي فاتح دجنبر 2025 غادر الوفد") == [(dt.date(2025, 12, 1),) * 2]
    assert spans("من الرابع والعشرين إلى السابع والعشرين من نونبر 2025") == [
        (dt.date(2025, 11, 24), dt.date(2025, 11, 27))
    ]
    assert spans("يوم الحادي عشر من شهر أكتوبر 2023") == [(dt.date(2023, 10, 11),) * 2]
    assert spans("الثالث عشر من يناير/كانون الثاني 2024") == [(dt.date(2024, 1, 13),) * 2]
    [m] = find_dates(norm("بين الرابع والسابع من نونبر الجاري"))
    assert (m.day1, m.day2, m.month1, m.year1, m.current) == (4, 7, 11, None, True)


def test_ordinals_that_count_no_day_are_no_dates():
    assert find_dates(norm("في الأسبوع الأول من مارس 2025")) == []  # a week
    assert find_dates(norm("خلال النصف الثاني من نونبر")) == []
    assert find_dates(norm("الدورة الرابعة من نونبر")) == []  # feminine: not a day
    assert find_dates(norm("الرابع والسابع من نونبر")) == []  # two days, no range without بين


def test_every_day_word_holds_a_stem():
    for word in dates_mod._day_words():
        assert any(stem in word for stem in dates_mod._DAY_STEMS), word


def test_a_dated_preview_goes_on_the_timeline_at_its_event():
    byline = "هيئة التحرير | الأحد 23 نونبر 2025 - 09:30"
    preview = ("تتجه الأنظار ابتداء من يوم الاثنين 24 نونبر 2025 إلى مراكش التي تحتضن الدورة 93 للجمعية العامة "
               "للأنتربول إلى غاية يوم الخميس 27 نونبر، بمشاركة وفود الدول الأعضاء.")
    a = report("مراكش تستعد للأنتربول", byline, preview)
    assert a.published == dt.date(2025, 11, 23) and a.date == dt.date(2025, 11, 24)  # not Thursday the 20th
    tomorrow = "وتنطلق غدا الاثنين بمراكش أشغال الدورة 93 للجمعية العامة للمنظمة الدولية للشرطة الجنائية."
    a = report("مراكش تستعد للأنتربول", byline, tomorrow)
    assert a.date == dt.date(2025, 11, 24) and a.date_evidence[0].rule == "tomorrow, by the publication day"
    [w] = find_weekdays(shadow("ابتداء من غد الاثنين").text)
    assert w.offset == -1


def test_a_dispatch_is_dated_by_the_day_of_its_dateline():
    text = ("شرطة عمان تشارك في أعمال الجمعية العامة للإنتربول\n\nسانتياغو في 16 أكتوبر /العمانية/ تشارك شرطة "
            "عمان السلطانية في أعمال الدورة الـ88 للجمعية العامة التي بدأت أمس وتستمر حتى الثامن عشر من أكتوبر "
            "الجاري. وتعقد الجمعية من 15 إلى 18 أكتوبر 2019 بمشاركة الدول الأعضاء.\n")
    a = extract_article(text, "d.txt")
    assert a.published is None and a.date == dt.date(2019, 10, 16)  # the day filed, not the 18th


def test_last_weekday_and_yesterday_in_one_lead():
    byline = "بقلم: هيئة التحرير | الإثنين 01 دجنبر 2025"
    column = ("أسدل الستار، الخميس الماضي، على أشغال الدورة الثالثة والتسعين للجمعية العامة للأنتربول بمراكش، "
              "بعد أربعة أيام من الجلسات واللقاءات الثنائية.")
    a = report("حين تتكلم مراكش لغة الأمن", byline, column)
    assert a.date == dt.date(2025, 11, 27)
    interview = ("على هامش أشغال الدورة 93 المنعقدة بمراكش منذ الاثنين الماضي، التقى الموقع، أمس الثلاثاء، "
                 "العميد عمر فال، نائب رئيس المكتب المركزي الوطني.")
    a = report("مسؤول أمني سنغالي", "حاوره: أنس الصديقي | الأربعاء 26 نونبر 2025", interview)
    assert a.date == dt.date(2025, 11, 25)  # أمس الثلاثاء, not the Monday the session opened


def test_a_date_that_ends_what_is_under_way_is_no_preview_and_reading_time_is_furniture():
    byline = "مراكش – سعيد أوبلا | الإثنين 24/11/2025 - 09:12"
    lead = ("نواكب معكم لحظة بلحظة أشغال اليوم الأول من الدورة 93 للجمعية العامة، التي تحتضنها مدينة مراكش "
            "إلى غاية يوم الخميس 27 نونبر.")
    a = report("مباشر | اليوم الأول للجمعية العامة", byline, lead)
    assert a.date == dt.date(2025, 11, 24)
    column = "أسدل الستار، يوم الخميس الماضي، على أشغال الدورة 93 التي احتضنتها مراكش من 24 إلى 27 نونبر 2025."
    a = extract_article(f"من غلاسكو إلى مراكش\n\nتحليل: مراد بنعلي | السبت 29 نونبر 2025\nمدة القراءة: 7 دقائق\n\n"
                        f"{column}\n", "c.txt")
    assert a.date == dt.date(2025, 11, 27)


def test_the_lead_s_weekday_reads_an_ambiguous_byline_date():
    a = report("مراكش تستعد لاحتضان الدورة 93 للأنتربول", "حرر بتاريخ | 09/03/2025 | من طرف سكينة أيت علي",
               "حل اليوم الأربعاء بمدينة مراكش وفد رفيع من الأمانة العامة للمنظمة لمعاينة الترتيبات.")
    assert a.published == dt.date(2025, 9, 3) and a.date == dt.date(2025, 9, 3)  # a Wednesday; 9 March is not


def test_yesterday_without_its_weekday_dates_the_report_the_day_before():
    para = "وأكد المسؤول أن التعاون الأمني الدولي ضروري لمواجهة الجريمة المنظمة العابرة للحدود في المنطقة."
    head = "وفد أمني يشارك في أعمال الجمعية العامة للإنتربول\nالأربعاء 29 نوفمبر 2023 - 03:40 م\n\n"
    for lead, day in (("شارك وفد وزارة الداخلية، برئاسة العميد المناعي، أمس في افتتاح أعمال الدورة.", 28),
                      ("شارك وفد وزارة الداخلية أول أمس في افتتاح أعمال الدورة بالعاصمة النمساوية.", 27),
                      ("يشارك وفد وزارة الداخلية اليوم في أعمال الدورة، بعد أن وصل أمس إلى فيينا.", 29),
                      ("يشارك وفد وزارة الداخلية في أعمال الدورة التي انطلقت أمس بالعاصمة النمساوية.", 29)):
        a = extract_article(f"{head}{lead}\n\n{para}\n", "t.txt")
        assert (a.published, a.date) == (dt.date(2023, 11, 29), dt.date(2023, 11, day)), lead


def test_of_two_days_to_come_the_lead_dates_the_one_in_the_session():
    # the delegation leaves tomorrow; the assembly it goes to opens the day after
    byline = "كتب – محمود الشاذلي\nالسبت، 22 نوفمبر 2025 03:15 م"
    lead = ("يتوجه وفد أمني رفيع غدا الأحد إلى مراكش للمشاركة في أعمال الدورة 93 للجمعية العامة "
            "للإنتربول، التي تنطلق بعد غد الاثنين وتستمر حتى الخميس 27 نوفمبر الجاري.")
    a = report("وفد أمني يشارك في اجتماعات الجمعية العامة للإنتربول", byline, lead)
    assert a.published == dt.date(2025, 11, 22)
    assert a.date == dt.date(2025, 11, 24)
    assert a.date_evidence[0].rule == "the day after tomorrow, by the publication day"
    # with one day to come, that day, inside the session or not
    lead = "يتوجه وفد أمني رفيع غدا الأحد إلى مراكش للمشاركة في أعمال الدورة 93 للجمعية العامة للإنتربول."
    a = report("وفد أمني يشارك في اجتماعات الجمعية العامة للإنتربول", byline, lead)
    assert a.date == dt.date(2025, 11, 23)


def test_a_report_written_after_the_session_is_dated_by_its_day_in_the_session():
    lead = ("أعلنت وزارة الداخلية، اليوم السبت، اختتام مشاركة العراق في أعمال الدورة الـ91 للجمعية العامة "
            "للإنتربول، التي اختتمت أمس الجمعة في العاصمة النمساوية فيينا.")
    a = report("العراق يشارك في اختتام أعمال الجمعية العامة للإنتربول", "بغداد\n02/12/2023 10:25", lead)
    assert a.date == dt.date(2023, 12, 1)
    # written during the session: "today" is the day, not the day it ends
    lead = ("تواصلت، اليوم الثلاثاء، بمدينة مراكش أشغال الدورة الـ93 للجمعية العامة للإنتربول، التي تحتضنها "
            "المملكة إلى غاية بعد غد الخميس 27 نونبر الجاري.")
    a = report("في اليوم الثاني لأشغال الدورة الـ93", "الثلاثاء 25 نونبر 2025 - 21:07", lead)
    assert a.date == dt.date(2025, 11, 25)


def test_a_meeting_held_on_two_weekdays_is_dated_by_the_first():
    lead = ("شارك وفد من الشرطة في أعمال الاجتماع الإقليمي، الذي عقد في العاصمة الأردنية عمّان يومي الثلاثاء "
            "والأربعاء، بمشاركة ممثلين عن أكثر من خمس عشرة دولة.")
    a = report("الشرطة تشارك في اجتماع إقليمي للإنتربول", "رام الله – ميساء عودة\nالخميس 18 كانون الأول 2025", lead)
    assert a.date == dt.date(2025, 12, 16)


def test_a_column_five_weeks_ahead_of_its_session_is_dated_by_it():
    lead = ("بعد خمسة أسابيع تقريبا، وتحديدا من 24 إلى 27 نوفمبر المقبل، تتجه أنظار أجهزة الشرطة إلى مدينة مراكش، "
            "التي تستضيف الدورة الثالثة والتسعين للجمعية العامة للإنتربول.")
    a = report("مراكش والإنتربول.. موعد ثان مع التاريخ", "الأحد 19 أكتوبر 2025", lead)
    assert a.date == dt.date(2025, 11, 24)
    # a meeting two months ahead that is no session of the article: the day it was written
    lead = "أعلنت الوزارة تنظيم ندوة وطنية حول الجريمة الإلكترونية من 24 إلى 27 نوفمبر المقبل بالرباط."
    assert report("الوزارة تعلن عن ندوة", "الأحد 19 أكتوبر 2025", lead).date == dt.date(2025, 10, 19)


def test_yesterday_in_the_second_paragraph_dates_a_lead_that_says_no_day():
    lead = ("شارك وفد من مديرية الأمن العام في أعمال الدورة الثانية والتسعين للجمعية العامة للإنتربول، التي "
            "تستضيفها مدينة غلاسكو خلال الفترة من 4 إلى 7 تشرين الثاني الجاري.\n\n"
            "وقدّم الزعبي، أمس الثلاثاء، مداخلة في الجلسة المخصصة لأمن الحدود.")
    a = report("الأمن العام يعرض تجربته أمام جمعية الإنتربول", "عمّان – ليث الخوالدة | الأربعاء 6 تشرين الثاني 2024",
               lead)
    assert a.date == dt.date(2024, 11, 5)
    # a lead that dates its own day keeps it
    lead = ("أوقفت الشرطة يوم الأحد 3 نونبر 2024 مطلوبا دوليا بمطار محمد الخامس.\n\n"
            "وكان المعني قد وصل أمس الثلاثاء إلى المطار.")
    assert report("توقيف مطلوب دوليا", "الأربعاء 6 نونبر 2024", lead).date == dt.date(2024, 11, 3)


def test_a_weekday_after_since_is_not_the_day_reported():
    lead = ("تتابع الصحيفة لحظة بلحظة أشغال اليوم الرابع والأخير من الدورة الثالثة والتسعين للجمعية العامة "
            "للإنتربول، المنعقدة بمراكش منذ الاثنين الماضي.")
    a = report("مباشر | الجمعية العامة للإنتربول في يومها الأخير", "مراكش: هند الصبار | الخميس 27 نونبر 2025", lead)
    assert a.date == dt.date(2025, 11, 27)
