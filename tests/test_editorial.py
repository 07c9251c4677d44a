"""editorial: sidecar and front-matter corrections override the machine, marked as such."""

from __future__ import annotations

import datetime as dt

import pytest

from interpol_site.editorial import apply, find_city, find_country, parse, split_front_matter
from interpol_site.extract import extract_article
from interpol_site.pipeline import build, extract_corpus
from interpol_site.settings import Settings

TEXT = """المغرب يشارك في الدورة 92 للجمعية العامة للإنتربول
شارك عبد اللطيف حموشي، المدير العام للأمن الوطني، في أشغال الدورة 92 للجمعية العامة للإنتربول بغلاسكو.
والتقى وفد المغرب وفد النرويج.
"""


def overridden(sidecar: str):
    a = extract_article(TEXT, "a.txt")
    o, problems = parse(sidecar, "a.yaml")
    assert o is not None
    b, more = apply(a, o)
    return a, b, problems + more


def test_every_field_can_be_set_and_is_marked_editorial():
    a, b, problems = overridden("""
title: عنوان المحرر
date: 2024-11-05
published: 2024-11-06
session: 93
venue: Marrakech
author: كاتب
source: جريدة
id: my-slug
people:
  add: [{name: فالديسي أوركيزا, role: الأمين العام}]
  remove: [عبد اللطيف حموشي]
countries:
  add: [ES, فرنسا]
  remove: [NO]
""")
    assert problems == []
    assert (b.title, b.author, b.source, b.id) == ("عنوان المحرر", "كاتب", "جريدة", "my-slug")
    assert b.date == dt.date(2024, 11, 5) and b.published == dt.date(2024, 11, 6)
    assert b.session.number == 93 and b.venue.en == "Marrakech"
    assert [p.name for p in b.people] == ["فالديسي أوركيزا"] and b.people[0].roles == ("الأمين العام",)
    codes = {c.code for c in b.countries}
    assert "NO" in {c.code for c in a.countries} and "NO" not in codes and {"ES", "FR"} <= codes
    assert set(b.editorial) == {"title", "author", "source", "id", "published", "date", "session", "venue",
                                "people", "countries"}
    for ev in (*b.session.evidence, *b.venue.evidence, *b.date_evidence, *b.people[0].evidence):
        assert ev.status == "editorial" and ev.source_file == "a.yaml" and "a.yaml:" in ev.rule


def test_untouched_fields_keep_the_machines_facts():
    a, b, _ = overridden("title: عنوان آخر\n")
    assert b.session == a.session and b.venue == a.venue and b.people == a.people and b.editorial == ("title",)


@pytest.mark.parametrize("sidecar, line, words", [
    ("colour: red\n", 1, "unknown key 'colour'"),
    ("title: x\nsesion: 93\n", 2, "did you mean 'session'"),
    ("session: tomorrow\n", 1, "'session' must be a session number"),
    ("date: 24/11/2025\n", 1, "'date' must be a date"),
    ("people: [a, b]\n", 1, "'people' takes 'add:'"),
    ("id: ../../etc\n", 1, "'id' must be lower-case"),
    ("title: [\n", 2, "invalid YAML"),
])
def test_mistakes_name_the_file_line_and_key(sidecar, line, words):
    o, problems = parse(sidecar, "a.yaml")
    assert problems and problems[0].file == "a.yaml" and problems[0].line == line
    assert words in str(problems[0])
    assert problems[0].level == "warning"


def test_unknown_names_are_reported_when_applied():
    _, b, problems = overridden("venue: Atlantis\ncountries:\n  add: [Narnia]\n  remove: [JP]\n")
    reasons = " ".join(p.reason for p in problems)
    assert "Atlantis" in reasons and "Narnia" in reasons and "JP" in reasons
    assert "venue" not in b.editorial


def test_yaml_no_is_norway_not_false():
    _, b, problems = overridden("countries:\n  remove: [NO]\n")
    assert problems == [] and "NO" not in {c.code for c in b.countries}


def test_lookups():
    assert find_city("مراكش").en == "Marrakech" and find_city("glasgow").ar_canonical == "غلاسكو"
    assert find_country("النرويج").code == "NO" and find_country("Spain").code == "ES"
    assert find_country("no").code == "NO" and find_country("Narnia") is None


def test_front_matter_split():
    assert split_front_matter("---\ntitle: x\n---\nbody\n") == ("title: x\n", "body\n", 3)
    assert split_front_matter("no front matter\n---\n") == (None, "no front matter\n---\n", 0)


def test_sidecar_markdown_and_pages_end_to_end(tmp_path):
    src = tmp_path / "src"
    (src / "pages").mkdir(parents=True)
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    (src / "a.yaml").write_text("session: 93\nvenue: مراكش\nauthr: x\n", encoding="utf-8")
    (src / "b.md").write_text("---\ntitle: مذكرة\ndate: 2025-11-25\n---\n# عنوان داخلي\n\n"
                              "اختتمت في **مراكش** أشغال الدورة 93 للجمعية العامة للإنتربول.\n\n"
                              "<script>alert(1)</script>\n", encoding="utf-8")
    (src / "pages" / "about.md").write_text("# عن الأرشيف\n\nنص **الصفحة**.\n", encoding="utf-8")
    corpus, problems = extract_corpus(src)
    assert [str(p) for p in problems] == [
        "warning: a.yaml:3: unknown key 'authr' (hint: did you mean 'author'? known keys: title, date, "
        "published, session, venue, author, source, id, people, countries)"]
    a, b = corpus.articles
    assert a.session.number == 93 and a.venue.en == "Marrakech" and a.editorial == ("session", "venue")
    assert b.title == "مذكرة" and b.date == dt.date(2025, 11, 25) and b.markdown
    assert b.session.number == 93 and b.venue.en == "Marrakech"  # extracted from the Markdown text
    assert [p.title for p in corpus.pages] == ["عن الأرشيف"]

    out = tmp_path / "site"
    build(src, out, Settings(), quiet=True)
    article_a = (out / "articles" / a.id / "index.html").read_text(encoding="utf-8")
    assert 'class="fact editorial"' in article_a and "من تصحيح المحرر" in article_a
    article_b = (out / "articles" / b.id / "index.html").read_text(encoding="utf-8")
    assert "<strong>مراكش</strong>" in article_b and "<script>alert" not in article_b
    assert "صحّح المحرر: العنوان" in article_b
    about = (out / "pages" / "about" / "index.html").read_text(encoding="utf-8")
    assert "<strong>الصفحة</strong>" in about and "<h1>عن الأرشيف</h1>" in about
    assert 'href="../../pages/about/index.html">عن الأرشيف</a>' in article_a  # footer link


def test_editing_a_sidecar_changes_the_content_hash(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    first = extract_corpus(tmp_path)[0].articles[0].content_hash
    (tmp_path / "a.yaml").write_text("title: x\n", encoding="utf-8")
    assert extract_corpus(tmp_path)[0].articles[0].content_hash != first
