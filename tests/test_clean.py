import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_site.arabic import clean_display, norm, shadow
from interpol_site.clean import _Probe, is_strip, layout

NBSP4 = "\u00a0" * 4
PARA = (
    "وأكد المسؤول الأمني في تصريح صحفي أن التعاون بين الأجهزة الأمنية في المنطقة "
    "أصبح ضرورة لمواجهة الجريمة المنظمة العابرة للحدود."
)


def test_headline_strip_is_removed_and_kept_for_explain():
    strip = NBSP4.join(
        ["عنوان أول عن الاقتصاد", "فريق يفوز بالكأس", "أسعار الذهب ترتفع", "طقس الغد"]
    )
    lay = layout(f"{strip}\n\nالشرطة تفكك شبكة دولية للاتجار بالمخدرات\n\n{PARA}\n")
    assert lay.headline.text == "الشرطة تفكك شبكة دولية للاتجار بالمخدرات"
    assert [ln.text for ln in lay.body] == [PARA]
    assert lay.stripped[0].line == 1 and "strip" in lay.stripped[0].reason
    assert is_strip(strip) and not is_strip(PARA)


def test_ui_lines_above_the_headline_and_footer_are_stripped():
    text = (
        "شكرا على الإبلاغ!\nسيتم حجب هذه الصورة تلقائيا عندما يتم الإبلاغ عنها من طرف عدة أشخاص.\n\n"
        f"وزير الداخلية يستقبل نظيره الإسباني\n{PARA}\n\nانقر هنا لقراءة الخبر من مصدره.\n"
    )
    lay = layout(text)
    assert lay.headline.text == "وزير الداخلية يستقبل نظيره الإسباني"
    assert [ln.text for ln in lay.body] == [PARA]
    assert {s.line for s in lay.stripped} == {1, 2, 7}


def test_byline_anchors_the_header():
    text = f"عنوان المقال هنا\n\n\nحرر بتاريخ | 11/21/2025 | من طرف هيئة التحرير\n\n{PARA}\n"
    lay = layout(text)
    assert lay.headline.text == "عنوان المقال هنا"
    assert [b.text for b in lay.bylines] == ["حرر بتاريخ | 11/21/2025 | من طرف هيئة التحرير"]
    assert lay.body[0].number == 6


def test_no_headline_when_the_file_starts_with_a_paragraph():
    lay = layout(f"{PARA}\n{PARA}\n")
    assert lay.headline is None and len(lay.body) == 2


def test_read_also_lists_are_stripped():
    text = f"عنوان\n{PARA}\nاقرأ أيضا:\nعنوان مقال آخر\nعنوان مقال ثالث\n{PARA}\n"
    lay = layout(text)
    assert [ln.number for ln in lay.body] == [2, 6]
    assert {s.line for s in lay.stripped} == {3, 4, 5}


def test_a_short_heading_ending_in_related_opens_a_link_list():
    text = f"عنوان\n{PARA}\nبلاغات ذات صلة\nتوقيف مواطن هولندي بمطار طنجة\nتفكيك شبكة بتنسيق مع الشرطة الإسبانية\n"
    lay = layout(text)
    assert [ln.number for ln in lay.body] == [2]
    assert {s.line for s in lay.stripped} == {3, 4, 5}
    # a sentence that ends so is article text
    long = f"عنوان\n{PARA}\nوناقش المشاركون في الاجتماع عددا من القضايا ذات الصلة\n"
    assert [ln.number for ln in layout(long).body] == [2, 3]


def test_editors_picks_open_a_link_list():
    text = f"عنوان\n{PARA}\nاختيارات المحرر\nقصف يطال مواقع في جنوب لبنان\nالجيش السوداني يعلن تقدما\n"
    assert [ln.number for ln in layout(text).body] == [2]


def test_a_date_line_in_the_header_is_a_byline_not_the_headline():
    text = f"الشرطة تفكك شبكة دولية\nالاثنين 24 نونبر 2025 - 10:30\n{PARA}\n"
    lay = layout(text)
    assert lay.headline.text == "الشرطة تفكك شبكة دولية"
    assert [b.text for b in lay.bylines] == ["الاثنين 24 نونبر 2025 - 10:30"]


LINE = st.lists(st.sampled_from(["المغرب", " ", "  ", "\t", "\u00a0", "ـ", " ـ ", "\u064e", "ا\u0653", "،", "|",
                                 "\u2003", "\u200f", "حرر بتاريخ", "شارك", "2025", "x"]), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(LINE)
def test_a_line_probe_answers_as_the_plain_definitions(text):
    probe = _Probe(text)
    assert probe.key == norm(text)
    assert probe.words == len(re.findall(r"\S+", text))
    assert probe.shadow == shadow(text)
    tokens = re.findall(r"\w+", norm(text))
    assert probe.is_ui() == (0 < len(tokens) <= 16 and probe.ui_hits() >= 2 and probe.ui_hits() / len(tokens) >= 0.25
                             or 0 < len(tokens) <= 3 and probe.ui_hits() / len(tokens) >= 0.5)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, max_size=6).map("\n".join))
def test_layout_lines_are_shown_nfc_with_their_shadow(text):
    lay = layout(text)
    for line in (*lay.body, *lay.bylines, *([lay.headline] if lay.headline else [])):
        assert line.text == clean_display(text.split("\n")[line.number - 1])
        assert unicodedata.is_normalized("NFC", line.text)
        assert line.shadow == shadow(line.text)


def test_a_dateline_with_the_hijri_date_beside_the_gregorian_one():
    from interpol_site.clean import is_dateline

    assert is_dateline("الخميس 6 جمادى الآخرة 1447هـ الموافق 27 نونبر 2025م")
    assert is_dateline("الجمعة 21 نونبر 2025 - 10:15")
    assert not is_dateline("مراكش تحتضن الإنتربول 27 نونبر 2025")
    lay = layout("انتخاب رئيس جديد للإنتربول\nالخميس 6 جمادى الآخرة 1447هـ الموافق 27 نونبر 2025م\n"
                 "اختتمت مساء اليوم بمراكش أشغال الدورة الثالثة والتسعين للجمعية العامة للإنتربول، بانتخاب رئيس.\n")
    assert lay.headline.text == "انتخاب رئيس جديد للإنتربول"
    assert [ln.text for ln in lay.bylines] == ["الخميس 6 جمادى الآخرة 1447هـ الموافق 27 نونبر 2025م"]


def test_a_dispatch_dateline_with_its_place():
    from interpol_site.clean import is_dateline

    assert is_dateline("الرباط في 3 دجنبر 2025") and is_dateline("الدار البيضاء في 3 دجنبر 2025")
    assert not is_dateline("الإنتربول في 3 دجنبر 2025")


def test_a_time_stamp_with_its_update_or_its_agency_is_a_dateline():
    from interpol_site.clean import is_dateline

    assert is_dateline("الخميس 22 نونبر 2018 - 08:10 | آخر تحديث: 22 نونبر 2018 - 09:35")
    assert is_dateline("28/11/2023|آخر تحديث: 28/11/202310:32 م (بتوقيت مكة)")  # a date glued to a time
    assert is_dateline("الوكالة الوطنية للإعلام - السبت 19 تشرين الأول 2019 الساعة 12:40")
    assert not is_dateline("الوكالة الوطنية للإعلام تحتفي بالإنتربول 19 تشرين الأول 2019")
    body = "أعلنت المنظمة الدولية للشرطة الجنائية اليوم في بيان عن عملية واسعة ضد الاحتيال المالي عبر الإنترنت."
    lay = layout(f"الإنتربول يحتفل بمئويته في فيينا\n28/11/2023|آخر تحديث: 28/11/202310:32 م\n{body}\n")
    assert lay.headline.text == "الإنتربول يحتفل بمئويته في فيينا"


def test_a_dateline_with_its_place_and_credits_beside_it():
    from interpol_site.clean import is_dateline

    assert is_dateline("الأطلس 24 | كيغالي – الأربعاء 06 فبراير 2019")  # an outlet no list knows
    assert is_dateline("أبوظبي – الثلاثاء 16 شتنبر 2025 | الخليج والمغرب")
    assert not is_dateline("مراكش تحتضن أشغال الإنتربول | 27 نونبر 2025")  # a headline beside it
    assert is_dateline("مغرب نيوز - طنجة | الخميس 16 أكتوبر 2025 - 13:05")  # outlet - place | stamp


def test_a_headline_over_its_deck_and_markers_that_need_their_colon():
    body = "انتخبت الجمعية العامة للمنظمة الدولية للشرطة الجنائية المغرب نائبا لرئيس المنظمة عن قارة إفريقيا في غلاسكو."
    lay = layout(f"المغرب ينتخب نائبا لرئيس الإنتربول\nفي تتويج جديد للدبلوماسية الأمنية\n{body}\n")
    assert lay.headline.text == "المغرب ينتخب نائبا لرئيس الإنتربول"
    assert [ln.text for ln in lay.body] == ["في تتويج جديد للدبلوماسية الأمنية", body]  # the deck is kept
    lay = layout(f"في حوار مع الصحيفة: رئيس الإنتربول يتحدث\n{body}\n")  # a headline may open with في
    assert lay.headline.text == "في حوار مع الصحيفة: رئيس الإنتربول يتحدث"
    from interpol_site.clean import byline_kind

    assert (byline_kind("التاريخ: 24 نونبر 2025"), byline_kind("الكاتب: سعيد بنسعيد")) == ("published", "author")
    assert byline_kind("التاريخ يشهد على نجاح المغرب") is None and byline_kind("الكاتب المغربي يفوز") is None


def test_a_headline_that_asks_or_ends_with_a_full_stop():
    body = "وأكد المسؤول الأمني في تصريح صحفي أن التعاون بين الأجهزة الأمنية في المنطقة أصبح ضرورة ملحة اليوم."
    for head in ("هل ينجح المغرب في تنظيم الجمعية العامة للإنتربول؟", "حموشي يستقبل الأمين العام للإنتربول.",
                 "ماذا قال حموشي؟"):
        lay = layout(f"{head}\n{body}\n")
        assert (lay.headline.text, [ln.text for ln in lay.body]) == (head, [body]), head
    first = "أكد حموشي أن المغرب شريك موثوق للمنظمة الدولية."  # a sentence of the body, not a headline
    lay = layout(f"{first}\n{body}\n")
    assert lay.headline is None and [ln.text for ln in lay.body] == [first, body]


def test_a_line_of_dates_under_the_headline_is_no_headline():
    body = "شكلت الدورة الـ93 للجمعية العامة للمنظمة الدولية للشرطة الجنائية محطة بارزة في تاريخ التعاون الأمني الدولي."
    lay = layout(f"الدورة الـ93 للأنتربول.. حصيلة إيجابية\n24-27 نونبر 2025\n{body}\n")
    assert lay.headline.text == "الدورة الـ93 للأنتربول.. حصيلة إيجابية"
    lay = layout(f"مراكش 24 نونبر 2025\n{body}\n")  # a place and a date: the dispatch's dateline
    assert lay.headline is None and [ln.text for ln in lay.bylines] == ["مراكش 24 نونبر 2025"]


def test_a_site_menu_is_stripped_and_anchors_nothing():
    from interpol_site.clean import is_menu

    menu = "الرئيسية | سياسة | مجتمع | اقتصاد | رياضة | دولية | جهات | فن وثقافة | تكنولوجيا | كتاب وآراء"
    assert is_menu(menu)
    assert not is_menu("حرر بتاريخ | 11/21/2025 | من طرف كشـ24 - وكالات")
    assert not is_menu("طنجة | توقيف مواطن فرنسي | نشرة حمراء | الأنتربول | 16 أكتوبر 2025")
    text = f"هسبريس\n{menu}\n\nستار الدورة 93 للأنتربول يسدل بمراكش\n\nهسبريس - مريم التازي\n" \
           f"الخميس 27 نونبر 2025 - 19:40\n\n{PARA}\n"
    lay = layout(text)
    assert lay.headline.text == "ستار الدورة 93 للأنتربول يسدل بمراكش"
    assert [s.reason for s in lay.stripped] == ["site menu (links between bars)"]


def test_a_byline_after_the_outlet_and_the_outlet_before_its_place():
    from interpol_site.clean import byline_kind

    assert byline_kind("الأخبار - إعداد: هشام بنعلي | الأحد 23 نونبر 2025 - 09:30") == "author"
    assert byline_kind("Le360 - حاوره بمراكش: أنس الصديقي | الأربعاء 26 نونبر 2025") == "author"
    assert byline_kind("هبة بريس ـ أكادير") == "source"
    assert byline_kind("الأخبار - مراكش تستعد لاحتضان الدورة 93") is None  # the outlet, then a headline
    lay = layout(f"هبة بريس ـ أكادير\n\n{PARA}\n")
    assert lay.headline is None and [b.text for b in lay.bylines] == ["هبة بريس ـ أكادير"]


def test_photo_captions_are_stripped_wherever_they_stand():
    from interpol_site.clean import is_caption

    for caption in ("(صورة: أرشيف)", "(صورة أرشيفية) شعار المنظمة على مبنى أمانتها العامة في ليون",
                    "الصورة: الوفد الأردني خلال مشاركته في الأشغال", "حموشي وأوركيزا عقب التوقيع (صورة: المديرية)",
                    "من حفل الاختتام بمراكش - صورة: هسبريس"):
        assert is_caption(caption), caption
    assert not is_caption("وتشارك شرطة عمان بصورة منتظمة في اجتماعات الجمعية العامة.")
    lay = layout(f"الإنتربول يوافق على انضمام فلسطين\n\n(صورة أرشيفية) شعار المنظمة في ليون\n\n{PARA}\n")
    assert lay.headline.text == "الإنتربول يوافق على انضمام فلسطين"
    assert [s.reason for s in lay.stripped] == ["photo caption"]


def test_readers_comments_are_stripped_to_the_end_of_the_page():
    text = (f"ستار الدورة 93 يسدل بمراكش\n\n{PARA}\n\nالتعليقات (2)\n\n1 - مغربي حر\nمنذ 3 ساعات\n"
            f"{PARA} والحاقدون في الجزائر يموتون بغيظهم.\n\nأضف تعليقك\nالاسم\n")
    lay = layout(text)
    assert [ln.text for ln in lay.body] == [PARA]
    assert {s.reason for s in lay.stripped} == {"readers' comments"}
    assert len(layout(f"عنوان\n\n{PARA}\n\nتعليقات الزوار\n\n{PARA}\n").body) == 1
    assert len(layout(f"عنوان الخبر\nالتعليقات (0)\n\n{PARA}\n").body) == 1  # a counter above the article


def test_breadcrumbs_and_captions_without_brackets():
    from interpol_site.clean import is_caption, is_menu

    assert is_menu("الرئيسية » حوادث » قضايا") and is_menu("الرئيسية / جهات / مراكش - آسفي")
    assert not is_menu("المغرب / إسبانيا: تعاون أمني متواصل")  # one slash, a headline
    assert is_caption("صورة أرشيفية لصالة الوصول بمطار القاهرة الدولي")
    assert not is_caption("صورة المغرب في الخارج تتحسن بفضل التعاون الأمني")


def test_cookie_notices_decks_and_a_numeric_hijri_stamp():
    from interpol_site.clean import is_dateline

    text = (f"نحن نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك.\n\nالرئيسية » حوارات\n\n"
            f"حنان الوزاني: حضور المرأة في قيادة الشرطة ضرورة\nحوار خاص على هامش أشغال الدورة 93\n"
            f"حاورها: يوسف بلحاج | الأربعاء 26/11/2025 - 08:30\n\n{PARA}\n\nتعليقان\nفاطمة: فخورة بك.\n")
    lay = layout(text)
    assert lay.headline.text == "حنان الوزاني: حضور المرأة في قيادة الشرطة ضرورة"  # over its deck
    assert [ln.text for ln in lay.body] == ["حوار خاص على هامش أشغال الدورة 93", PARA]
    assert {s.reason for s in lay.stripped} == {"cookie notice", "site menu (links between bars)",
                                                 "readers' comments"}
    assert is_dateline("الجمعة ١٤٤٤/٣/٢٥ هـ الموافق ٢١ أكتوبر ٢٠٢٢ م")


def test_more_bylines_and_breadcrumbs_as_sites_write_them():
    from interpol_site.clean import byline_kind, is_dateline, is_menu

    for stamp in ("05/11/2024 على الساعة 12h45", "ميديا 24 - الثلاثاء 18 أكتوبر 2022 - 18:05",
                  "الأربعاء, 26 نونبر, 2025 - 16:52"):
        assert is_dateline(stamp), stamp
    assert byline_kind("برلمان.كوم - سلمى الفاسي") == "source"
    assert byline_kind("هسبريس - مراكش تحتضن الدورة 93 للأنتربول") is None
    assert is_menu("أخبار > دولي") and is_menu("الرئيسية - أخبار مراكش")
    assert not is_menu("مباحثات مغربية-إسبانية في الرباط")


def test_the_sites_name_and_a_column_of_menu_links_are_no_headline():
    menu = "وكالة الأنباء الوطنية\nالرئيسية\nسياسة\nاقتصاد\nمنوعات\n"
    headline = "مدير الشرطة يبحث بمراكش تعزيز التعاون الأمني"
    lay = layout(f"{menu}الثلاثاء 25 نوفمبر 2025\n{headline}\n\n{PARA}\n")
    assert lay.headline.text == headline
    assert [s.line for s in lay.stripped if s.reason == "the site's name or menu"] == [1, 2, 3, 4, 5]
    lay = layout(f"{menu}الثلاثاء 25 نوفمبر 2025\n\n{PARA}\n")  # no headline at all
    assert lay.headline is None and [ln.text for ln in lay.body] == [PARA]
    # three short lines in a row are no menu: a short headline stays one
    lay = layout(f"سياسة\nاقتصاد\nالأنتربول في مراكش\nالثلاثاء 25 نوفمبر 2025\n\n{PARA}\n")
    assert lay.headline.text == "الأنتربول في مراكش"


def test_the_outlet_named_again_in_the_header_and_a_credit_before_its_place():
    text = ("السومرية نيوز\nالعراق يشارك في اختتام أعمال الجمعية العامة للإنتربول\n"
            f"السومرية نيوز/ بغداد\n02/12/2023 10:25\n{PARA}\n")
    lay = layout(text)
    assert lay.headline.text == "العراق يشارك في اختتام أعمال الجمعية العامة للإنتربول"
    assert [ln.text for ln in lay.bylines] == ["السومرية نيوز/ بغداد", "02/12/2023 10:25"]
    assert [s.text for s in lay.stripped] == ["السومرية نيوز"]
    lay = layout(f"الأطلس بريس\n\nحوار | المراقب العام: دورة مراكش ناجحة\nمراكش - الأطلس بريس | 26.11.2025\n{PARA}\n")
    assert lay.headline.text == "حوار | المراقب العام: دورة مراكش ناجحة"


def test_a_wire_dateline_with_its_reporter_is_a_byline():
    lay = layout(f"القبض على مطلوب دولي\n14 كانون الثاني 2026\nدمشق-سانا/ لمى الحسن\n{PARA}\n")
    assert [b.text for b in lay.bylines] == ["14 كانون الثاني 2026", "دمشق-سانا/ لمى الحسن"]
    assert [ln.text for ln in lay.body] == [PARA]


def test_a_byline_on_either_side_of_a_bar_is_one_byline_line():
    for line in ("نواكشوط – سيدي محمد ولد اباه | الجمعة 28 نوفمبر 2025 - 11:20",
                 "بوابة الدوحة | نُشر في: الأربعاء 06/11/2024 - 09:15"):
        lay = layout(f"قادة شرطة من أربع قارات يناقشون تفكيك الشبكات\n\n{line}\n\n{PARA}\n")
        assert lay.headline.text == "قادة شرطة من أربع قارات يناقشون تفكيك الشبكات", line
        assert [b.text for b in lay.bylines] == [line]
    # a headline beside a stamp stays a headline
    lay = layout(f"الإنتربول ينتخب رئيسا جديدا | الخميس 27 نونبر 2025\n\n{PARA}\n")
    assert lay.headline.text == "الإنتربول ينتخب رئيسا جديدا | الخميس 27 نونبر 2025"


def test_a_genre_label_is_no_headline_and_a_deck_sits_right_under_its_headline():
    head = "الشرطة السودانية تشارك في ختام أعمال الدورة التسعين للجمعية العامة للإنتربول بالهند"
    lay = layout(f"بيانات صحفية\n\n{head}\n\nبيان صحفي\nالخرطوم في 22/10/2022م\n\n{PARA}\n")
    assert lay.headline.text == head
    lay = layout(f"حوارات\n\nحوار | العميد سيف الكتبي: ما تحقق في غلاسكو امتداد لمسار بدأ في دبي\n\n"
                 f"حاورته: نورة سالم المزروعي\n\n{PARA}\n")
    assert lay.headline.text.startswith("حوار | العميد")
    # a line that opens like a deck, under the site's name and its menu, is the headline
    lay = layout(f"الحمراء بريس | جريدة إلكترونية مغربية مستقلة\nالرئيسية | سياسة | مجتمع | أمن | اقتصاد\n\n"
                 f"في ثاني أيام الدورة 93 للأنتربول بمراكش.. جلسة عامة لمواجهة مراكز الاحتيال\n\n"
                 f"مراكش – ياسين الودغيري | الثلاثاء 25 نونبر 2025 - 20:45\n\n{PARA}\n")
    assert lay.headline.text.startswith("في ثاني أيام الدورة 93")


def test_hard_wrapped_paragraphs_are_joined_again_and_keep_their_line_numbers():
    from interpol_site.clean import unwrapped

    para = ["شارك وفد من مديرية الأمن العام الأردنية، برئاسة العميد معاذ سليمان الزعبي،",
            "مساعد مدير الأمن العام للشؤون الجنائية، في أعمال الدورة الثانية والتسعين",
            "للجمعية العامة للمنظمة الدولية للشرطة الجنائية في غلاسكو."]
    other = ["وقدّم الزعبي، أمس الثلاثاء، مداخلة في الجلسة المخصصة لأمن الحدود ومكافحة",
             "تهريب المخدرات والأسلحة، استعرض فيها تجربة الأردن في ضبط حدوده الشمالية",
             "والشرقية."]
    head = "الأمن العام يعرض تجربته في حماية الحدود أمام جمعية الإنتربول في غلاسكو\nعمّان – ليث الخوالدة"
    text = "\n".join([head, "", *para, "", *other, ""])
    lay = layout(text)
    assert [ln.text for ln in lay.body] == [" ".join(para), " ".join(other)]
    assert [ln.number for ln in lay.body] == [4, 8]
    assert lay.headline.text.startswith("الأمن العام يعرض")
    # one line per paragraph, or a single block of lines: as written
    plain = "\n".join([head, "", " ".join(para), "", " ".join(other), ""])
    assert unwrapped(plain) == plain
    assert unwrapped("\n".join(para)) == "\n".join(para)


def test_a_french_headline_under_a_bilingual_masthead():
    head = "Interpol : Marrakech ouvre la 93e session de l'Assemblée générale sous le signe de la coopération"
    lay = layout(f"أطلس أنفو 24 - Atlas Info 24\n{head}\nمراكش – كريمة الإدريسي | الاثنين 24 نونبر 2025 - 19:10\n\n"
                 f"{PARA}\n")
    assert lay.headline.text == head
    # a masthead in Latin letters right above the byline is no headline
    lay = layout(f"المغرب ينتخب نائبا لرئيس الإنتربول\nMaghreb Daily\nبقلم: سعيد أمزيان | 24 نونبر 2025\n\n{PARA}\n")
    assert lay.headline.text == "المغرب ينتخب نائبا لرئيس الإنتربول"


def test_a_call_to_action_under_a_rule_ends_the_article():
    other = "أوقفت دورية من مكتب الإنتربول في بيروت مطلوبا بنشرة حمراء فرنسية أثناء محاولته مغادرة البلاد عبر المطار."
    lay = layout(f"الحجار يلتقي شتوك في فيينا\n\n{PARA}\n\n{PARA}\n\n----------\nاقرأ أيضا\n\n"
                 f"توقيف مطلوب بنشرة حمراء فرنسية\n\n{other} {other}\n\n{other}\n")
    assert [ln.text for ln in lay.body] == [PARA, PARA]
    # "اقرأ أيضا" inside the article, under no rule: the article goes on after its link
    lay = layout(f"الحجار يلتقي شتوك في فيينا\n\n{PARA}\n\nاقرأ أيضا: توقيف مطلوب بنشرة حمراء\n\n{other} {other}\n")
    assert [ln.text for ln in lay.body] == [PARA, f"{other} {other}"]


def test_the_line_under_an_authors_byline_is_their_post_not_the_headline():
    head = "ما بعد مراكش.. ماذا ربح المغرب من الجمعية العامة الـ93 للأنتربول؟"
    lay = layout(f"Médias24 | ميديا 24\nرأي\n\n{head}\n\nبقلم: نور الدين الحمداوي\n"
                 f"أستاذ العلاقات الدولية بجامعة القاضي عياض - مراكش\nالثلاثاء 2 دجنبر 2025 - 10:05\n\n{PARA}\n")
    assert lay.headline.text == head


def test_a_reporter_under_the_date_and_a_desks_initials_are_bylines():
    from interpol_site.extract.meta import byline_name

    head = "الداخلية: وفدنا في كلاسكو بحث استرداد المطلوبين"
    lay = layout(f"{head}\nالسبت 09 تشرين الثاني 2024\nبغداد: زينب الربيعي\n\n{PARA}\n", byline_name)
    assert lay.headline.text == head and [ln.text for ln in lay.body] == [PARA]
    lay = layout(f"الجزائر تفتك مقعدا في لجنة الرقابة على ملفات الأنتربول\nق. و\nالجمعة 08 نوفمبر 2024\n\n{PARA}\n")
    assert lay.headline.text == "الجزائر تفتك مقعدا في لجنة الرقابة على ملفات الأنتربول"
