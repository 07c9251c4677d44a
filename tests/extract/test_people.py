from interpol_site.extract import extract_article


def people(text):
    return {p.name: p for p in extract_article(text, "t.txt").people}


BODY = (
    "وأكد المسؤول أن التعاون الأمني الدولي ضروري لمواجهة الجريمة المنظمة العابرة للحدود في المنطقة."
)


def test_names_after_titles_are_stripped_of_them():
    found = people(f"رحب الوزير باستضافة اللواء الدكتور أحمد ناصر الرئيسي في الرباط. {BODY}")
    assert list(found) == ["أحمد ناصر الرئيسي"]
    assert "اللواء الدكتور" in found["أحمد ناصر الرئيسي"].roles
    found = people(f"وفق تعليمات الملك محمد السادس، أكد المسؤول الالتزام. {BODY}")
    assert "محمد السادس" in found


def test_apposition_both_ways_and_roles():
    found = people(
        f"قال المدير العام للأمن الوطني، عبد اللطيف حموشي، إن الأمن مسؤولية مشتركة. {BODY}"
    )
    assert list(found) == ["عبد اللطيف حموشي"]
    found = people(f"ورحب يوسف بنعلي، وزير الداخلية، بالوفود المشاركة في الاجتماع. {BODY}")
    assert "يوسف بنعلي" in found
    assert any("وزير الداخلية" in r for r in found["يوسف بنعلي"].roles)


def test_surname_alias_resolves_to_full_name():
    found = people(f"استقبل محمد الدخيسي الوفد في الرباط. وأشار الدخيسي إلى أهمية التعاون. {BODY}")
    assert list(found) == ["محمد الدخيسي"]
    assert "الدخيسي" in found["محمد الدخيسي"].aliases
    assert found["محمد الدخيسي"].mentions == 2


def test_institutions_operations_and_prepositions_are_not_people():
    text = (
        f"التقى الوفد رئيس جامعة نايف العربية للعلوم الأمنية وأشاد بعملية نبتون. "
        f"وحرص على تعزيز التعاون مع مؤسسة محمد السادس للتضامن. {BODY}"
    )
    assert people(text) == {}


def test_accusative_adjective_ends_a_name():
    found = people(f"ونوه بوجود محمد الدخيسي نائبا لرئيس المنظمة عن قارة إفريقيا. {BODY}")
    assert list(found) == ["محمد الدخيسي"]


def test_unknown_foreign_name_closed_by_commas_after_a_role():
    found = people(f"وقال وزير الداخلية النمساوي، غيرهارد كارنر، إن بلاده تعتز بالاستضافة. {BODY}")
    assert "غيرهارد كارنر" in found
    assert any("وزير الداخلية" in r for r in found["غيرهارد كارنر"].roles)
