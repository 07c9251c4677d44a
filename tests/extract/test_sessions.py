from interpol_site.arabic import norm
from interpol_site.extract.sessions import find_sessions


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
