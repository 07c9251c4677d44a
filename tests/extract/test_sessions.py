from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_site.arabic import norm
from interpol_site.extract import sessions as sessions_mod
from interpol_site.extract.sessions import find_sessions
from interpol_site.extract.tokens import matches_at


def numbers(text):
    return [(m.number, m.relation) for m in find_sessions(norm(text))]


def test_digit_forms():
    assert numbers("في الدورة 92 للجمعية العامة") == [(92, "this")]
    assert numbers("الترتيبات الكبرى للدورة 93 للجمعية") == [(93, "this")]
    assert numbers("أشغال الدورة ال 93 لمنظمة الأنتربول") == [(93, "this")]
    assert numbers("الدورة الـ٩١ للجمعية العامة") == [(91, "this")]
    assert numbers("خلال الجمعية العامة الـ90 للإنتربول") == [(90, "this")]
    assert numbers("الدورة رقم 89") == [(89, "this")]


def test_ordinal_words():
    assert numbers("في الدورة الثانية والتسعين للجمعية العامة") == [(92, "this")]
    assert numbers("الدورة الحادية والتسعين") == [(91, "this")]
    assert numbers("دورتها التسعين") == [(90, "this")]
    assert numbers("الدورة التاسعة والثمانين") == [(89, "this")]


def test_numbers_not_bound_to_a_session():
    assert numbers("بمشاركة قادة الأمن من 177 دولة و43 اجتماعاً منذ 1923") == []
    assert numbers("الدورة 2025") == []


def test_next_and_previous():
    assert numbers("استضافة مراكش للدورة المقبلة") == [(None, "next")]
    assert numbers("خلال الدورة السابقة") == [(None, "previous")]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["الدوره", "للدوره", "وبالدوره", "دورتها", "الجمعيه العامه", "نسخه", "دور", "x",
                                 " ", "  ", "92", "ال ", "رقم ", "الثانيه والتسعين", "المقبله", "العاديه", "،"]),
                max_size=15).map("".join))
def test_session_patterns_are_tried_wherever_they_match(text):
    starts = sessions_mod._starts(text)
    for pattern in sessions_mod._patterns():
        assert [m.span() for m in matches_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]


def test_a_numbered_session_still_to_come():
    text = ("بشرف تنظيم الدورة الثالثة والتسعين للجمعية العامة للأنتربول، المقرر انعقادها بمدينة مراكش "
            "سنة 2025، وذلك خلال أشغال الدورة الـ92 المنعقدة بمدينة غلاسكو")
    assert numbers(text) == [(93, "future"), (92, "this")]
    assert numbers("الدورة 93 التي ستنعقد بمراكش") == [(93, "future")]
    assert numbers("الدورة 92 المنعقدة بغلاسكو. وفي الدورة 93 المقرر عقدها") == [(92, "this"), (93, "future")]


def test_the_session_of_another_event_is_no_general_assembly():
    from interpol_site.arabic import norm
    from interpol_site.extract.sessions import find_sessions

    for text in ("فعاليات الدورة 16 لمنتدى مراكش الأمني", "الدورة الثالثة من المعرض الدولي للكتاب",
                 "في الدورة 12 للمؤتمر الإقليمي الإفريقي", "الدورة العاشرة للألعاب المتوسطية"):
        assert find_sessions(norm(text)) == [], text
    assert [m.number for m in find_sessions(norm("الدورة 93 للجمعية العامة للأنتربول"))] == [93]


def test_a_session_that_opens_after_the_article_is_not_its_own():
    from interpol_site.extract import extract_article

    text = ("المغرب يظفر بتنظيم الدورة 93 للجمعية العامة للأنتربول بمراكش سنة 2025\n"
            "الجمعة 1 دجنبر 2023 - 19:40\n"
            "صوتت الدول الأعضاء في المنظمة الدولية للشرطة الجنائية، اليوم الجمعة بالعاصمة النمساوية فيينا، "
            "لصالح ملف المملكة المغربية، خلال الجلسة الختامية لأشغال الدورة الحادية والتسعين للجمعية العامة.\n")
    a = extract_article(text, "a.txt")
    assert (a.session.number, a.venue.en) == (91, "Vienna")


def test_a_session_numbered_above_the_year_s_is_still_to_come():
    from interpol_site.extract import extract_article

    text = ("كل ما تريد معرفته قبل انطلاق دورة مراكش\n"
            "السبت، 22 نوفمبر 2025\n"
            "تستضيف مراكش الإثنين المقبل أعمال الدورة الثالثة والتسعين للجمعية العامة للإنتربول.\n"
            "- الدورة 92: غلاسكو، اسكتلندا (2024)\n"
            "من المقرر أن تستضيف الصين الدورة 94 عام 2026، والدوحة الدورة 95 عام 2027.\n")
    assert extract_article(text, "a.txt").session.number == 93


def test_next_year_s_session_named_only_further_down_is_not_the_article_s():
    from interpol_site.extract import extract_article

    lead = ("سيف بن زايد يكرم أحمد ناصر الرئيسي تقديرا لرئاسته الإنتربول\n{date}\n"
            "كرم الوزير أمس الرئيسي تقديرا لجهوده خلال رئاسته التي ترأس فيها أربع دورات للجمعية العامة.\n"
            "وأشاد الوزير بما حققته المنظمة خلال السنوات الأربع الماضية.\n"
            "وأكد الرئيسي أن التعاون الدولي يبقى أساس العمل الشرطي.\n")
    later = "ومن المقرر أن تعقد الدورة {n} للجمعية العامة في {city}.\n"
    text = lead.format(date="10 ديسمبر 2025") + later.format(n=94, city="هونغ كونغ")
    assert extract_article(text, "a.txt").session is None
    # this year's session still to come, named further down, is the article's
    text = lead.format(date="14 شتنبر 2025") + later.format(n=93, city="مراكش")
    assert extract_article(text, "a.txt").session.number == 93


def test_a_session_with_a_year_of_its_own_is_history():
    from interpol_site.extract import extract_article

    text = ("حوار مع المسؤول الأمني حول الاستعدادات\nالاثنين 10 نونبر 2025\n"
            "قال المسؤول إنه سبق لمراكش أن احتضنت الدورة 76 سنة 2007، وإن الدورة 88 بسانتياغو سنة 2019 "
            "ناقشت الجريمة السيبرانية، وإن الاستعدادات للدورة 93 للجمعية العامة بلغت مراحلها الأخيرة، "
            "قبل تسليم العلم للبلد الذي سيحتضن الدورة 94 السنة المقبلة.\n")
    assert extract_article(text, "a.txt").session.number == 93


def test_an_edition_of_another_event_by_its_pronoun():
    from interpol_site.arabic import norm
    from interpol_site.extract.sessions import find_sessions

    assert find_sessions(norm('أشغال "منتدى أبوظبي للتعاون الشرطي الدولي" في نسخته الثالثة، تحت رعاية')) == []
    [m] = find_sessions(norm("أشغال الجمعية العامة للأنتربول في دورتها 93 بمراكش"))
    assert m.number == 93
    [m] = find_sessions(norm("خلال اجتماعات جمعيتها العامة التسعين المنعقدة في نيودلهي"))
    assert m.number == 90


def test_sessions_of_another_body_held_before_or_still_to_come():
    assert numbers("أشغال الدورة العادية السادسة للجمعية العامة لأفريبول بالجزائر") == []
    assert numbers("الدورة 80 للجمعية العامة للأمم المتحدة") == []
    for owner in ("للأنتربول", "للمنظمة الدولية للشرطة الجنائية", "لمنظمة الأنتربول", "لانتربول"):
        assert numbers(f"الدورة 93 للجمعية العامة {owner}") == [(93, "this")], owner
    assert numbers("على هامش الدورة الـ91 للجمعية العامة للأنتربول بفيينا شهر نوفمبر الماضي") == [(91, "previous")]
    assert numbers("قبل أسابيع من احتضان مدينة مراكش للدورة 93 للجمعية العامة") == [(93, "future")]
    assert numbers("للدورة 93 للجمعية العامة للأنتربول، المقررة ما بين 24 و27 نونبر") == [(93, "future")]


def test_a_session_far_from_the_article_s_year_is_not_its_own():
    from interpol_site.extract import _session_of_year, extract_article

    assert [_session_of_year(y) for y in (1974, 2007, 2019, 2021, 2025)] == [43, 76, 88, 89, 93]
    text = ("انطلاق أشغال الجمعية العامة لآلية التعاون الشرطي\n\nنشر في : 10 جوان 2024\n\n"
            "انطلقت اليوم أشغال الجمعية العامة للآلية، علما أن الدورة العادية الخامسة كانت قد انعقدت في فيفري "
            "الماضي بحضور ممثلي الدول الأعضاء.\n")
    assert extract_article(text, "a.txt").session is None
    # the year written beside a session belongs to its own clause, not "منذ عام 2014"
    text = ("شغل المنصب لولايتين منذ عام 2014، وذلك في ختام أعمال الدورة الثانية والتسعين للجمعية العامة "
            "للإنتربول التي عقدت في غلاسكو من 4 إلى 7 نونبر 2024.\n")
    assert extract_article(text, "b.txt").session.number == 92


def test_a_session_of_a_council_or_committee_is_another_body_s():
    for text in ("أعمال الدورة الثانية والأربعين لمجلس وزراء الداخلية العرب", "الدورة الـ42 لمجلس وزراء الداخلية العرب",
                 "الدورة 214 للجنة التنفيذية للإنتربول", "الدورة العادية 38 للاتحاد الإفريقي",
                 "ويعقد مجلس وزراء الداخلية العرب دورته الـ42 في تونس"):
        assert numbers(text) == [], text


def test_an_article_on_another_body_s_session_is_not_about_the_assembly_it_names():
    from interpol_site.extract import extract_article

    text = ("وزير الداخلية يشارك في أعمال الدورة الـ42 لمجلس وزراء الداخلية العرب في تونس\n\n"
            "تونس – بترا\n\n"
            "شارك وزير الداخلية، اليوم الأحد، في أعمال الدورة الثانية والأربعين لمجلس وزراء الداخلية العرب، التي "
            "انعقدت في تونس العاصمة بحضور وزراء الداخلية العرب.\n\n"
            "وناقش المجلس سبل تعزيز التعاون الأمني العربي في مواجهة الجريمة المنظمة والإرهاب.\n\n"
            "كما صادق على خطط أمنية مرحلية جديدة وعلى توصيات المؤتمرات والاجتماعات التي عقدت خلال العام.\n\n"
            "واعتمد المجلس موازنة أمانته العامة للعام المقبل.\n\n"
            "وبحث الوزراء التنسيق مع الإنتربول، التي تستعد لعقد الدورة الـ93 لجمعيتها العامة في مدينة مراكش "
            "بالمملكة المغربية في نوفمبر المقبل.\n")
    a = extract_article(text, "a.txt")
    assert a.session is None and a.venue.en == "Tunis"


def test_a_guests_list_is_no_paragraph_of_the_lead():
    from interpol_site.extract import extract_article

    text = ("بودكاست «خط التماس» - الموسم الثالث\nالحلقة 93: ماذا تغيّر في الإنتربول بعد غلاسكو؟\n"
            "تقديم وإعداد: كريم الفاسي\nنُشرت: الثلاثاء 12 نوفمبر 2024\nالمدة: 24:35\n\nالضيوف:\n"
            "- الدكتورة ليلى الشرقاوي، باحثة مغربية في القانون الجنائي الدولي، تشرح كيف تعمل النشرات الحمراء.\n"
            "- العقيد المتقاعد منير حداد، ضابط اتصال لبناني سابق لدى المنظمة، يروي تجربته في الميدان.\n"
            "- أليستر ماكلاود، صحفي اسكتلندي غطى أعمال المنظمة، يصف أجواء المدينة خلال تلك الأيام.\n\n"
            "عن الحلقة:\n"
            "في هذه الحلقة نعود إلى الدورة الثانية والتسعين للجمعية العامة للإنتربول التي احتضنتها غلاسكو.\n")
    assert extract_article(text, "p.txt").session.number == 92
