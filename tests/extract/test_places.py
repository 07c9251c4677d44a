from interpol_site.extract import extract_article

TAIL = " وأكد المشاركون أهمية التعاون الأمني الدولي لمواجهة الجريمة المنظمة العابرة للحدود."


def venue(text):
    a = extract_article(text + TAIL, "v.txt")
    return a.venue.en if a.venue else None


def test_next_session_city_is_not_the_venue():
    text = (
        "شارك الوفد في الدورة 92 للجمعية العامة التي عقدت في غلاسكو. "
        "وتسلم المغرب علم المنظمة إعلانا عن استضافة مراكش للدورة المقبلة. "
        "واستعرض شريط معالم مدينة مراكش وتحدث عن مراكش."
    )
    assert venue(text) == "Glasgow"


def test_city_as_modifier_is_not_the_venue():
    text = "احتضنت مدينة مراكش اليوم ندوة صحفية، وتحدث المسؤول عن انفجار مرفأ بيروت سنة 2020."
    assert venue(text) == "Marrakech"


def test_venue_with_clitic_and_no_session():
    assert venue("افتتحت اليوم الاثنين بمراكش أشغال الجمعية العامة للمنظمة.") == "Marrakech"


def test_no_city_no_venue():
    assert venue("عقد المسؤولون اجتماعا لبحث سبل التعاون.") is None


def test_next_session_venue_is_recorded():
    a = extract_article(
        "في الدورة 92 التي عقدت في غلاسكو، أعلن عن استضافة مراكش للدورة المقبلة." + TAIL, "n.txt"
    )
    assert a.next_session_venue.en == "Marrakech"


def test_city_bound_to_another_numbered_session_is_recorded_for_it():
    a = extract_article("شارك الوفد في الدورة 92 بغلاسكو، وقدم ملف ترشيح المغرب لاحتضان الدورة 93 بمراكش سنة 2025."
                        " وأكد رئيس الوفد في الدورة 92 أهمية التعاون." + TAIL, "o.txt")
    assert a.venue.en == "Glasgow"
    assert [(n, v.en) for n, v in a.other_session_venues] == [(93, "Marrakech")]


def test_the_seat_of_an_institution_is_not_the_venue():
    text = "كما أشاد بافتتاح المركز العالمي للتكوين في إفران المرتقب بعد الجمعية العامة."
    assert venue(text) is None
    text = ("وأكد المسؤول من مقر المنظمة بليون أن الجمعية العامة المنعقدة اليوم في مراكش "
            "تبحث التعاون.")
    assert venue(text) == "Marrakech"


def test_a_session_named_far_off_in_the_sentence_does_not_bind_a_city():
    text = ("لم تكن استضافة المغرب للدورة 93 للجمعية العامة حدثا عاديا. فقد اختارت المنظمة مراكش "
            "لاحتضان هذه الدورة من 24 إلى 27 نونبر 2025، بعد أن صوتت الدول الأعضاء لصالح الملف "
            "المغربي خلال الدورة 91 بفيينا سنة 2023.")
    assert venue(text) == "Marrakech"


def test_a_capital_named_by_its_country_is_that_city():
    a = extract_article("صوتت الجمعية العامة، المنعقدة في دورتها الحادية والتسعين بالعاصمة النمساوية، لفائدة المغرب."
                        + TAIL, "v.txt")
    assert (a.venue.en, a.venue.ar) == ("Vienna", "فيينا")  # the city's name, not the phrase
    assert a.venue.evidence[0].text == "العاصمة النمساوية"
    assert venue("انطلقت في العاصمة النمساوية فيينا أشغال الدورة 91.") == "Vienna"
    assert venue("انعقدت الدورة 92 في غلاسكو، وزار الوفد العاصمة البريطانية بعدها.") == "Glasgow"


def test_the_session_of_the_event_beats_one_still_to_come():
    a = extract_article(
        "فاز المغرب، اليوم الخميس، بشرف تنظيم الدورة الثالثة والتسعين للجمعية العامة للمنظمة الدولية للشرطة "
        "الجنائية \"أنتربول\"، المقرر انعقادها بمدينة مراكش سنة 2025، وذلك خلال أشغال الدورة الـ92 المنعقدة "
        "بمدينة غلاسكو الاسكتلندية ما بين 4 و7 نونبر 2024." + TAIL, "v.txt")
    assert (a.session.number, a.venue.en) == (92, "Glasgow")
    assert [(n, v.en) for n, v in a.other_session_venues] == [(93, "Marrakech")]
    # an article about a session to come, and nothing else, is about that session
    a = extract_article("وشكل اللقاء فرصة لاستعراض الدورة 93 للجمعية العامة المزمع عقدها بمراكش." + TAIL, "w.txt")
    assert (a.session.number, a.venue.en) == (93, "Marrakech")


def test_a_provincial_town_is_a_venue_and_a_town_that_is_a_word_needs_its_locative():
    assert venue("نظمت المديرية العامة للأمن الوطني اليوم بمدينة سيدي قاسم دورة تكوينية.") == "Sidi Kacem"
    assert venue("احتضنت مدينة وزان اليوم ندوة حول الجريمة الإلكترونية.") == "Ouezzane"
    assert venue("قال المسؤول إن وزان المخاطر يميل لصالح التعاون.") is None  # وزان "weigher"


def test_a_session_still_to_come_is_not_where_the_article_happens():
    text = ("احتضنت الدار البيضاء، يوم الجمعة 10 أكتوبر 2025، اجتماعا تحضيريا للجمعية العامة للمنظمة الدولية "
            "للشرطة الجنائية في دورتها 93، المرتقب عقدها بمراكش نهاية نونبر المقبل.")
    assert venue(text) == "Casablanca"
    assert venue("يستعد المغرب لاحتضان الدورة 93 المرتقب عقدها بمراكش.") == "Marrakech"  # nothing else


def test_a_known_session_after_the_publication_day_is_one_still_to_come():
    a = extract_article(
        "وزير الداخلية يستقبل رئيس الإنتربول\nالرباط في 20 نونبر 2025\n"
        "استقبل وزير الداخلية اليوم الخميس بالرباط رئيس المنظمة الدولية للشرطة الجنائية، الذي يقوم بزيارة "
        "للمغرب استعدادا للدورة الـ93 للجمعية العامة التي تحتضنها مراكش.\n", "v.txt")
    assert (a.session.number, a.venue.en) == (93, "Rabat")
    a = extract_article(  # the same words, published once the session has opened: its venue
        "اختتام الجمعية العامة للإنتربول\nالرباط في 27 نونبر 2025\n"
        "اختتمت اليوم الخميس أشغال الدورة الـ93 للجمعية العامة التي تحتضنها مراكش، بمشاركة وزير الداخلية.\n", "v.txt")
    assert (a.session.number, a.venue.en) == (93, "Marrakech")


def test_a_session_named_with_its_edition():
    a = extract_article("الأنتربول يفتتح جمعيته العامة في نسختها الـ93\n"
                        "انطلقت اليوم أشغال الجمعية العامة للأنتربول في نسختها الثالثة والتسعين." + TAIL, "v.txt")
    assert a.session.number == 93


def test_a_city_by_its_by_name():
    a = extract_article("انطلقت اليوم الاثنين بالمدينة الحمراء أشغال ندوة دولية حول الأمن السيبراني." + TAIL, "v.txt")
    assert (a.venue.en, a.venue.ar, a.venue.ar_canonical) == ("Marrakech", "المدينة الحمراء", "مراكش")


def test_with_no_city_in_the_text_the_dateline_is_the_venue():
    body = "تستضيف دولة الإمارات العربية المتحدة في الفترة من 12 إلى 14 ماي 2026 المؤتمر العالمي للشرطة."
    for line, city, written in (("دبي - وام", "Dubai", "دبي"), ("ليون (فرنسا) - أ ف ب", "Lyon", "ليون")):
        a = extract_article(f"عنوان الخبر\n{line}\n{body}\n", "v.txt")
        assert (a.venue.en, a.venue.ar) == (city, written)
        [ev] = a.venue.evidence
        assert (ev.paragraph, ev.text, a.byline[ev.start:ev.end]) == (-2, written, written)
    a = extract_article(f"عنوان الخبر\nدبي - وام\nاحتضنت أبوظبي اليوم {body[6:]}\n", "v.txt")
    assert a.venue.en == "Abu Dhabi"  # a city of the text comes first
    a = extract_article("عنوان الخبر\nدبي - وام\nانطلقت اليوم أشغال الدورة 93 للجمعية العامة للإنتربول.\n", "v.txt")
    assert a.venue is None  # a session's venue is the session's, found by the corpus step


def test_an_arrest_in_a_city_of_the_spanish_coast():
    text = "أوقفت مصالح الشرطة الإسبانية، يوم الخميس 20 جانفي 2022 بمدينة أليكانتي، رعية جزائرية محل نشرة حمراء."
    assert venue(text) == "Alicante"
    assert venue("وجرى التوقيف ليل الأربعاء، بتنسيق مع الإنتربول.") is None  # ليل: "night"
    assert venue("وجرى التوقيف بمدينة ليل الفرنسية، بتنسيق مع الإنتربول.") == "Lille"


def test_a_capital_by_its_country_a_port_where_it_happened_a_datelined_headline():
    text = ("انطلقت، أمس الثلاثاء بالعاصمة الرواندية كيغالي، أشغال المؤتمر الإقليمي الإفريقي للأنتربول. "
            "وينعقد المؤتمر بعد أسابيع من الهجوم الذي استهدف مجمعا فندقيا في نيروبي.")
    assert venue(text) == "Kigali"
    text = ("طنجة.. توقيف مواطن فرنسي مبحوث عنه دوليا بموجب نشرة حمراء\n"
            "تمكنت عناصر شرطة الحدود بميناء طنجة المتوسط من توقيف مواطن فرنسي. وسبق لعناصر الشرطة بمطار "
            "محمد الخامس الدولي بالدار البيضاء، خلال شهر شتنبر الماضي، أن أوقفت مواطنا ألمانيا.")
    assert venue(text) == "Tangier"
    text = ("الإنتربول يجتمع في الدوحة\n\nانطلقت في الدوحة أشغال ندوة لدعم تبادل المعلومات بين الأجهزة الأمنية في "
            "196 دولة عضو.")
    assert venue(text) == "Doha"  # the members, not where an operation ran
    assert venue("وذكر بانفجار مرفأ بيروت سنة 2020 وبالتعاون الدولي في التحقيق.") is None


def test_a_national_central_bureau_names_a_city_that_is_not_the_venue():
    for office in ("المكتب المركزي الوطني-أنتربول الرباط", "المكتب المركزي الوطني أنتربول-الرباط"):
        text = (f"انتخاب مسؤول مغربي نائبا لرئيس الأنتربول\n\nصوتت الجمعية العامة للأنتربول اليوم لفائدة "
                f"مدير الشرطة القضائية ورئيس {office}، الذي قاد الوفد المغربي.\n")
        assert venue(text) is None, office
    assert venue("انطلقت اليوم بالرباط أشغال اجتماع الأنتربول.\n") == "Rabat"


def test_a_bureau_in_a_city_and_the_city_a_dispatch_opens_with():
    text = ("غلاسكو 7 تشرين الثاني (بترا)- انتخبت الجمعية العامة للإنتربول اليوم أمينا عاما جديدا.\n\n"
            "وضم الوفد مدير المكتب المركزي الوطني للإنتربول في عمّان وعددا من الضباط.\n")
    assert venue(text) == "Glasgow"
    assert venue("وضم الوفد مدير المكتب المركزي الوطني للإنتربول في عمّان وعددا من الضباط.\n") is None


def test_the_lead_says_where_the_news_is():
    text = ("قبل أربعة أشهر من موعد مراكش.. حموشي وأوركيزا يوقعان بالرباط اتفاق البلد المضيف للدورة 93\n\n"
            "برلمان.كوم | الخميس 17 يوليوز 2025 - 12:15\n\n"
            "وقع المدير العام والأمين العام للمنظمة، أمس الأربعاء بمقر المديرية بالرباط، على اتفاق البلد المضيف "
            "الخاص بالدورة 93 التي ستحتضنها مدينة مراكش ما بين 24 و27 نونبر المقبل.\n\n"
            "ومن المرتقب أن يحل الأمين العام، اليوم الخميس، بمدينة مراكش لمعاينة الفضاءات.\n")
    assert venue(text) == "Rabat"
    # but a city the lead names for an institution gains nothing by it
    assert venue("وأشاد المسؤول بافتتاح المركز العالمي للتكوين في إفران المرتقب قريبا.\n") is None


def test_a_secretariat_and_a_counterpart_are_not_where_the_news_is():
    text = ("تسلمت الأجهزة الأمنية، مساء أمس السبت، المتهم فور وصوله إلى مطار القاهرة الدولي، بناء على معلومات "
            "تبادلها مكتب الإنتربول في القاهرة مع نظيره في مدريد.\n\nوكانت نشرة حمراء قد عممت عبر الأمانة العامة "
            "للمنظمة الدولية للشرطة الجنائية بمدينة ليون الفرنسية.\n")
    assert venue(text) == "Cairo"
    assert venue("أعلنت المنظمة، الثلاثاء، من مقرها بمدينة ليون، توقيف نحو ألف شخص.\n") == "Lyon"


def test_an_assembly_named_only_after_the_lead_of_another_story_is_background():
    lead = ("ألقت الشرطة أمس القبض في مدينة اللاذقية على مطلوب بنشرة حمراء.\n"
            "وأوضح المسؤول أن المقبوض عليه متهم بتهريب المهاجرين عبر البحر.\n"
            "وأضاف أن التحقيقات كشفت ارتباطه بشبكة تمتد إلى عدة دول.\n")
    later = "وكانت الجمعية العامة الثالثة والتسعين للإنتربول قد ناقشت في مراكش سبل مكافحة التهريب."
    a = extract_article(f"القبض على مطلوب دولي\n{lead}{later}\n", "v.txt")
    assert a.session is None and a.venue.en == "Latakia"
    # nor is an assembly still to come
    coming = "ويرتقب أن يشارك وفد سوري في الدورة 94 للجمعية العامة المقرر انعقادها بهونغ كونغ."
    assert extract_article(f"القبض على مطلوب دولي\n{lead}{coming}\n", "v.txt").session is None
    # the same paragraph in the lead: the article is about the assembly
    a = extract_article(f"القبض على مطلوب دولي\n{later}\n{lead}", "v.txt")
    assert a.session.number == 93 and a.venue.en == "Marrakech"


def test_the_city_an_organisation_is_based_in_is_not_the_venue():
    text = ("أعلنت المنظمة، التي تتخذ من مدينة ليون الفرنسية مقرا لها، نتائج عملية أمنية. "
            "وجرت العملية في مدينة أليكانتي.")
    assert venue(text) == "Alicante"


def test_one_of_several_cities_is_not_the_venue():
    assert venue("وأوقفت الأجهزة الأمنية 37 مشتبها به خلال العملية في مدن زوارة وصبراتة وسبها.") is None
    assert venue("وأوقفت الأجهزة الأمنية 37 مشتبها به خلال العملية في مدينة زوارة.") == "Zuwara"


def test_a_dateline_is_no_venue_when_the_text_names_cities_that_are_not():
    text = "عنوان الخبر\nطرابلس - الوسط\nأوقفت الأجهزة الأمنية مشتبها بهم في مدن زوارة وصبراتة وسبها." + TAIL
    assert extract_article(text, "v.txt").venue is None


def test_a_city_dated_years_before_the_article_is_history():
    text = ("عنوان\nنشر في 28 نونبر 2025\nصعد الرئيسي إلى منصة الجمعية العامة في إسطنبول، في نونبر 2021، "
            "وسلم الراية أمس في ختام الجمعية العامة التي احتضنتها مراكش." + TAIL)
    assert extract_article(text, "v.txt").venue.en == "Marrakech"
    # a year of its own, or none, leaves a city as it was
    assert venue("وعقد الاجتماع في إسطنبول في نونبر 2025.") == "Istanbul"


def test_an_interpol_office_named_with_its_adjective_is_no_venue():
    text = "ونفذت المديرية بالتنسيق مع مكتب الإنتربول الوطني في بغداد عمليات دهم. وجرى التوقيف في مدينة البصرة."
    assert venue(text) == "Basra"


def test_where_someone_lives_is_not_the_venue():
    text = ("عنوان\n3 نوفمبر 2024\nتنطلق غدا الاثنين في مدينة غلاسكو أعمال الدورة 92 للجمعية العامة للإنتربول.\n"
            "ويقول الخبير الأمني المقيم في لندن الدكتور مازن العبيدي إن دورة هذا العام ستكون مهمة.\n")
    assert extract_article(text, "v.txt").venue.en == "Glasgow"


def test_cities_of_a_list_are_no_venue_and_a_city_alone_still_is():
    assert venue("وشملت المداهمات مدنا عديدة، من بينها تمنراست وأغاديس وسبها وباماكو، إضافة إلى موانئ في "
                 "مرسيليا وباليرمو.") is None
    assert venue("وتتبع المحققون تدفقات مالية مرورا بمكاتب وهمية في دبي ولاغوس.") is None
    assert venue("وتتبع المحققون تدفقات مالية مرورا بمكاتب وهمية في دبي.") == "Dubai"
    # the venue of a session named beside the city of another event stays the venue
    assert venue("انطلقت اليوم بمراكش أشغال الدورة 93 للجمعية العامة للإنتربول، بعد ندوة عقدت في الرباط.") \
        == "Marrakech"


def test_an_operation_in_many_countries_has_no_venue():
    text = ("توقيف 212 شخصا في 14 دولة خلال عملية للإنتربول\n\nأعلنت المنظمة حصيلة عملية نفذتها أجهزة الشرطة في "
            "أربع عشرة دولة. وقال المسؤول إن المحققين في باليرمو رصدوا تحويلات مرتبطة بالشبكة.")
    assert venue(text) is None
    text = ("توقيف مطلوب في طنجة\n\nأوقفت الشرطة في طنجة مطلوبا دوليا بموجب نشرة حمراء، بمشاركة خبراء من 14 دولة.")
    assert venue(text) == "Tangier"


def test_where_a_flight_comes_from_is_not_where_the_news_is():
    assert venue("ووصل المتهم على متن رحلة قادمة من دبي إلى مطار القاهرة الدولي حيث جرى تسليمه.") == "Cairo"
