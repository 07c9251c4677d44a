import datetime as dt

from interpol_site.extract import extract_article

PARA = (
    "وأكد المسؤول الأمني في تصريح صحفي أن التعاون بين الأجهزة الأمنية في المنطقة "
    "أصبح ضرورة لمواجهة الجريمة المنظمة العابرة للحدود."
)


def test_byline_with_outlet_and_agencies():
    a = extract_article(
        f"عنوان\n\nحرر بتاريخ | 11/21/2025 | من طرف كشـ24 - وكالات\n\n{PARA}\n", "a.txt"
    )
    assert (a.title, a.published, a.author, a.source) == (
        "عنوان",
        dt.date(2025, 11, 21),
        None,
        "كشـ24",
    )
    assert a.published_evidence[0].text == "11/21/2025"


def test_published_in_outlet_on_date():
    a = extract_article(f"عنوان الخبر\nنشر في المساء يوم 05 - 03 - 2024\n\n{PARA}\n", "a.txt")
    assert (a.published, a.source, a.date) == (dt.date(2024, 3, 5), "المساء", dt.date(2024, 3, 5))


def test_bare_name_line_is_the_author_not_a_title():
    a = extract_article(f"\nحسين العياشي\n{PARA}\n", "a.txt")
    assert (a.title, a.author) == (None, "حسين العياشي")


def test_author_after_by():
    a = extract_article(f"عنوان الخبر\nبقلم: سعيد الإدريسي\n{PARA}\n", "a.txt")
    assert a.author == "سعيد الإدريسي"


def test_source_from_a_footer_and_date_line_in_header():
    a = extract_article(f"عنوان الخبر\nالأحد، 23 نوفمبر 2025 08:15\n{PARA}\nالمصدر: هسبريس\n", "a.txt")
    assert (a.title, a.published, a.source) == ("عنوان الخبر", dt.date(2025, 11, 23), "هسبريس")


def test_agency_dateline_is_not_the_headline():
    a = extract_article(f"غلاسكو تحتضن الدورة 92 للجمعية العامة\nالرباط - و م ع\n{PARA}\n", "a.txt")
    assert a.title == "غلاسكو تحتضن الدورة 92 للجمعية العامة"


def test_a_name_below_the_headline_is_the_author_and_the_line_above_stays_the_title():
    for name in ("خديجة أمزيان", "هند بلقاضي"):  # a given name, and one that is also a word
        a = extract_article(f"الإنتربول يشيد من الرباط بالمغرب نموذجا للتعاون الأمني\n{name}\n{PARA}\n", "a.txt")
        assert (a.title, a.author) == ("الإنتربول يشيد من الرباط بالمغرب نموذجا للتعاون الأمني", name)
        assert not a.stripped and a.people == ()  # nothing stripped, and the byline names nobody in the text
    # alone at the top, a name whose given name is also a word (هند، حياة) stays a title
    a = extract_article(f"هند بلقاضي\n{PARA}\n", "a.txt")
    assert (a.title, a.author) == ("هند بلقاضي", None)


def test_a_dateline_crediting_an_agency_or_a_paper_is_the_source_not_the_headline():
    for line, source in (("إسطنبول: «الشرق الأوسط»", "الشرق الأوسط"), ("الجزائر - واج", "واج"),
                         ("أبوظبي - وام:", "وام")):
        a = extract_article(f"اختتام أعمال الجمعية العامة للإنتربول في إسطنبول\n{line}\n{PARA}\n", "a.txt")
        assert (a.title, a.source) == ("اختتام أعمال الجمعية العامة للإنتربول في إسطنبول", source)
    a = extract_article(f"مراكش: انطلاق أشغال الجمعية العامة\n{PARA}\n", "a.txt")  # a headline, not a credit
    assert (a.title, a.source) == ("مراكش: انطلاق أشغال الجمعية العامة", None)


def test_a_headline_below_a_dateline_on_the_first_line():
    a = extract_article(f"الخميس 27 نونبر 2025 - 10:15\nالإنتربول يختتم أشغال دورته الـ93 بمراكش\n{PARA}\n", "a.txt")
    assert (a.title, a.published) == ("الإنتربول يختتم أشغال دورته الـ93 بمراكش", dt.date(2025, 11, 27))
    a = extract_article(f"الخميس 27 نونبر 2025 - 10:15\n{PARA}\n", "a.txt")  # and no headline at all
    assert (a.title, a.body) == (None, (PARA,))


def test_an_outlet_and_its_reporter_on_one_line():
    a = extract_article(
        f"هسبريس - عبد الرحيم بلشقار\nالأربعاء 26 نونبر 2025 - 18:45\nعنوان الخبر هنا\n{PARA}\n", "a.txt")
    assert (a.title, a.author, a.source, a.published) == (
        "عنوان الخبر هنا", "عبد الرحيم بلشقار", "هسبريس", dt.date(2025, 11, 26))


def test_a_dateline_crediting_the_desk_or_a_reporter():
    a = extract_article(f"الرباط: هيئة التحرير\n24-11-2025\nبوريطة: احتضان الإنتربول تتويج\n{PARA}\n", "a.txt")
    assert (a.title, a.author, a.source) == ("بوريطة: احتضان الإنتربول تتويج", None, None)
    a = extract_article(f"عنوان الخبر هنا\nالرباط - سعاد الإدريسي\n{PARA}\n", "a.txt")
    assert (a.title, a.author, a.source) == ("عنوان الخبر هنا", "سعاد الإدريسي", None)


def test_a_wire_agency_is_the_source_of_its_dispatch():
    a = extract_article(f"وزير الداخلية يستقبل رئيس الإنتربول\nالرباط في 20 نونبر 2025 / وام /\n{PARA}\n", "a.txt")
    assert (a.title, a.published, a.source, a.author) == (
        "وزير الداخلية يستقبل رئيس الإنتربول", dt.date(2025, 11, 20), "وام", None)
    for opener, agency in (("مراكش (ومع) - ", "ومع"), ("الرباط - و م ع - ", "و م ع"), ("الدار البيضاء/ وام/ ", "وام")):
        a = extract_article(f"انطلاق أشغال الجمعية العامة للإنتربول\n{opener}{PARA}\n", "a.txt")
        assert (a.source, a.author) == (agency, None), opener
    a = extract_article(f"عنوان الخبر\nالرباط - و م ع\n{PARA}\n", "a.txt")
    assert (a.title, a.source) == ("عنوان الخبر", "و م ع")
    # an outlet named beside the agency is the source; a bracket that is no agency is nothing
    a = extract_article(f"عنوان الخبر\nحرر بتاريخ | 11/21/2025 | من طرف كشـ24 - ومع\n{PARA}\n", "a.txt")
    assert a.source == "كشـ24"
    a = extract_article("عنوان الخبر\nقال حموشي (المدير) - إن التعاون ضروري لمواجهة الجريمة المنظمة العابرة للحدود.\n",
                        "a.txt")
    assert a.source is None


def test_a_reporter_credited_after_the_place_and_a_colon():
    a = extract_article(
        f"أشغال الدورة 93 للأنتربول: المغرب يقدم تجربته\nمراكش: محمد بلقاسم\nالأربعاء 26 نونبر 2025 - 18:30\n{PARA}\n",
        "a.txt")
    assert (a.title, a.author, a.published) == (
        "أشغال الدورة 93 للأنتربول: المغرب يقدم تجربته", "محمد بلقاسم", dt.date(2025, 11, 26))
    assert a.people == ()
    a = extract_article(f"مراكش: انطلاق أشغال الجمعية العامة\n{PARA}\n", "a.txt")  # still a headline
    assert (a.title, a.author) == ("مراكش: انطلاق أشغال الجمعية العامة", None)


def test_an_outlet_reporting_from_a_place_under_the_headline():
    head = "مراكش تستعد لاحتضان الدورة 93\nهسبريس من الرباط\nالأحد 16 نونبر 2025 - 22:00"
    a = extract_article(f"{head}\n{PARA}\n", "a.txt")
    assert (a.title, a.source, a.published) == ("مراكش تستعد لاحتضان الدورة 93", "هسبريس", dt.date(2025, 11, 16))
    a = extract_article(f"رسالة من الرباط\n{PARA}\n", "a.txt")  # alone, a headline
    assert (a.title, a.source) == ("رسالة من الرباط", None)


def test_a_byline_without_a_date_and_an_honorific_before_the_author():
    for ago in ("منذ ساعتين", "قبل 5 دقائق", "منذ 3 أيام"):
        a = extract_article(f"أخبار | وطنية\nحموشي: التعاون الأمني ضرورة\n{ago}\n{PARA}\n", "a.txt")
        assert (a.title, a.published) == ("حموشي: التعاون الأمني ضرورة", None), ago
    a = extract_article(f"حموشي: التعاون الأمني ضرورة\nبقلم: ذ. محمد بنعلي - أستاذ القانون\n{PARA}\n", "a.txt")
    assert a.author == "محمد بنعلي"
    a = extract_article(f"عنوان الخبر\nبقلم: الدكتور سعيد الإدريسي\n{PARA}\n", "a.txt")
    assert a.author == "سعيد الإدريسي"


def test_written_by_with_its_pronoun():
    for marker in ("كتبه:", "كتبته:", "كتبها"):
        a = extract_article(f"المغرب والإنتربول.. شراكة استراتيجية\n{marker} سمير الحيفوفي | 25 نونبر 2025\n{PARA}\n",
                            "a.txt")
        assert (a.title, a.author, a.published) == (
            "المغرب والإنتربول.. شراكة استراتيجية", "سمير الحيفوفي", dt.date(2025, 11, 25)), marker
        assert a.people == ()


def test_an_outlet_alone_on_its_line_is_the_source():
    a = extract_article(f"منتدى مراكش الأمني\nمراكش 24\nالسبت 15 فبراير 2025\n{PARA}\n", "a.txt")
    assert (a.title, a.source, a.published) == ("منتدى مراكش الأمني", "مراكش 24", dt.date(2025, 2, 15))
    a = extract_article(f"عنوان الخبر هنا\nهسبريس\n{PARA}\n", "a.txt")
    assert (a.title, a.source) == ("عنوان الخبر هنا", "هسبريس")


def test_the_last_update_is_not_the_publication_and_a_place_and_its_country_credit_nobody():
    a = extract_article(f"عنوان الخبر هنا\nآخر تحديث: 24 نونبر 2025\n{PARA}\n", "a.txt")
    assert (a.title, a.published, a.date) == ("عنوان الخبر هنا", None, dt.date(2025, 11, 24))
    a = extract_article(f"عنوان الخبر هنا\nنشر في 20 نونبر 2025 | آخر تحديث 24 نونبر 2025\n{PARA}\n", "a.txt")
    assert (a.published, a.date) == (dt.date(2025, 11, 20), dt.date(2025, 11, 20))
    a = extract_article("عنوان الخبر هنا\nآخر تحديث: 12 يناير 2025\nتمكنت المصالح الأمنية يوم الجمعة 10 يناير 2025 "
                        "من تفكيك شبكة إجرامية تنشط في تزوير الوثائق بتنسيق مع الإنتربول.\n", "a.txt")
    assert (a.published, a.date) == (None, dt.date(2025, 1, 10))  # the event's day comes first
    a = extract_article(f"عنوان الخبر هنا\nليون – فرنسا\n{PARA}\n", "a.txt")
    assert (a.title, a.source, a.venue.en) == ("عنوان الخبر هنا", None, "Lyon")


def test_a_label_or_a_section_and_outlet_under_the_headline_is_no_headline():
    for line, source in (("فيديو", None), ("مجتمع | هسبريس", "هسبريس"), ("بالصور", None)):
        a = extract_article(f"عنوان الخبر هنا\n{line}\n{PARA}\n", "a.txt")
        assert (a.title, a.source) == ("عنوان الخبر هنا", source), line
    a = extract_article(f"فيديو: حموشي يستقبل الأمين العام للإنتربول\n{PARA}\n", "a.txt")
    assert a.title == "فيديو: حموشي يستقبل الأمين العام للإنتربول"


def test_the_authors_post_the_desk_and_the_site_admin_are_no_source():
    for byline, author in (("بقلم: محمد بنعلي، أستاذ القانون", "محمد بنعلي"),
                           ("بقلم: سعاد العلوي - الباحثة في الشؤون الأمنية", "سعاد العلوي"),
                           ("بقلم: الأستاذ محمد بنعلي", "محمد بنعلي"),
                           ("إعداد: فريق التحرير", None), ("بواسطة admin", None)):
        a = extract_article(f"عنوان الخبر هنا\n{byline}\n{PARA}\n", "a.txt")
        assert (a.author, a.source) == (author, None), byline


def test_a_hyphenated_headline_is_no_dateline_and_a_special_correspondent_no_source():
    a = extract_article(f"مباحثات مغربية-إسبانية حول التعاون الأمني\nمدريد - مراسلة خاصة\n{PARA}\n", "a.txt")
    assert (a.title, a.source, a.author) == ("مباحثات مغربية-إسبانية حول التعاون الأمني", None, None)
    a = extract_article(f"طنجة-تفكيك شبكة دولية\n{PARA}\n", "a.txt")
    assert (a.title, a.source) == ("طنجة-تفكيك شبكة دولية", None)


def test_a_columnists_signature_after_the_last_paragraph_is_the_author():
    para = "وأكد المسؤول أن التعاون الأمني الدولي ضروري لمواجهة الجريمة المنظمة العابرة للحدود في المنطقة."
    a = extract_article(f"الإنتربول بعد الرئيسي\n\n{para}\n\n{para}\n\nعائشة سالم المنصوري\n"
                        "كاتبة وباحثة في الشؤون الأمنية\n", "t.txt")
    assert (a.author, [p.name for p in a.people]) == ("عائشة سالم المنصوري", [])
    # a name that heads a paragraph (an interview's next answer) is no signature
    a = extract_article(f"الإنتربول بعد الرئيسي\n\n{para}\n\nعائشة سالم المنصوري\n\n{para}\n", "t.txt")
    assert a.author is None


def test_the_credits_on_either_side_of_a_bar():
    head = "قادة شرطة من أربع قارات يناقشون تفكيك الشبكات"
    a = extract_article(f"{head}\n\nنواكشوط – سيدي محمد ولد اباه | الجمعة 28 نوفمبر 2025 - 11:20\n\n{PARA}\n", "a.txt")
    assert (a.title, a.author, a.source, a.published) == (head, "سيدي محمد ولد اباه", None, dt.date(2025, 11, 28))
    a = extract_article(f"{head}\n\nبوابة الدوحة | نُشر في: الأربعاء 06/11/2024 - 09:15\n\n{PARA}\n", "b.txt")
    assert (a.title, a.author, a.source, a.published) == (head, None, "بوابة الدوحة", dt.date(2024, 11, 6))
    a = extract_article(f"{head}\n\nالأطلس 24 | كيغالي – الأربعاء 06 فبراير 2019\n\n{PARA}\n", "c.txt")
    assert (a.source, a.published) == ("الأطلس 24", dt.date(2019, 2, 6))


def test_a_signature_with_its_footnote_mark_is_the_author():
    text = (f"حين تتكلم مراكش لغة الأمن\n\n{PARA} {PARA}\n\nمحمد أمين آيت بلقاسم*\n\n"
            "* باحث في العلاقات الدولية والدراسات الأمنية\n")
    a = extract_article(text, "c.txt")
    assert a.author == "محمد أمين آيت بلقاسم" and a.people == ()


def test_a_signature_with_its_honorific_and_the_authors_other_columns():
    text = (f"مراكش والإنتربول.. موعد ثان مع التاريخ\n\nالأحد 19 أكتوبر 2025\n\n{PARA} {PARA}\n\n"
            "د. عادل يوسف الجودر\nكاتب وباحث في الشؤون الأمنية\n\nمقالات أخرى للكاتب\n"
            "- الهند والخليج: شراكة أمنية تتسع\n")
    a = extract_article(text, "c.txt")
    assert a.author == "عادل يوسف الجودر" and a.people == () and a.countries == ()


def test_the_date_published_written_after_the_last_paragraph():
    text = (f"وفد المملكة يشارك في الجمعية العامة للإنتربول بمراكش\n\n{PARA} {PARA}\n\n{PARA} {PARA}\n\n"
            "تاريخ النشر: الخميس 6 جمادى الآخرة 1447هـ - 27 نوفمبر 2025م\n\nالوسوم: #الإنتربول #مراكش\n")
    a = extract_article(text, "d.txt")
    assert a.published == dt.date(2025, 11, 27) and len(a.body) == 2


def test_an_outlet_and_a_reporter_with_a_common_given_name_and_a_writer_word_is_no_outlet():
    head = "في اليوم الثاني لأشغال الدورة الـ93.. الأنتربول يناقش بمراكش الجريمة السيبرانية"
    a = extract_article(f"{head}\n\nهسبريس - مريم بنعدي\nالثلاثاء 25 نونبر 2025 - 21:07\n\n{PARA}\n", "a.txt")
    assert (a.author, a.source) == ("مريم بنعدي", "هسبريس")
    a = extract_article(f"{head}\n\nكتبت – رحاب عبد المنعم\nالأربعاء، 17 ديسمبر 2025 12:40 م\n\n{PARA}\n", "b.txt")
    assert (a.author, a.source) == ("رحاب عبد المنعم", None)


def test_an_agency_after_the_date_of_a_dispatch_or_at_the_end_of_a_dated_byline():
    head = "انتخاب الكوري الجنوبي كيم جونغ يانغ رئيسا للإنتربول"
    for opener, agency in (("غلاسكو 7 تشرين الثاني (بترا)- ", "بترا"), ("مراكش ٢٥-١١-٢٠٢٥ (سونا) - ", "سونا"),
                           ("إسطنبول في ٢٥ نوفمبر / وام / ", "وام")):
        a = extract_article(f"{head}\n\n{opener}{PARA}\n", "a.txt")
        assert a.source == agency, opener
    a = extract_article(f"{head}\n\nدبي 13 ربيع الأول 1440 هـ الموافق 21 نوفمبر 2018 م واس\n\n{PARA}\n", "b.txt")
    assert a.source == "واس"


def test_the_date_said_published_beats_the_sites_date_of_the_day_and_a_podcasts_credits():
    head = "المرابط لـ«ملفات أمنية»: دورة مراكش فرصة لتقريب الإنتربول من إفريقيا"
    a = extract_article(f"آفاق نيوز\nالخميس 27 نونبر 2025\n{head}\n"
                        f"إعداد: نادية بلقاضي | نشر في: الأربعاء 26 نونبر 2025 - 11:20\n\n{PARA} {PARA}\n", "a.txt")
    assert (a.title, a.published) == (head, dt.date(2025, 11, 26))
    head = "الحلقة 93: ماذا تغيّر في الإنتربول بعد غلاسكو؟"
    a = extract_article(f"بودكاست «خط التماس» - الموسم الثالث\n{head}\nتقديم وإعداد: كريم الفاسي\n"
                        f"نُشرت: الثلاثاء 12 نوفمبر 2024\nالمدة: 24:35\n\nعن الحلقة:\n{PARA} {PARA}\n", "b.txt")
    assert (a.title, a.author, a.published) == (head, "كريم الفاسي", dt.date(2024, 11, 12))
