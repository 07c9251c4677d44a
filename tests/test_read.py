"""read.py: every hostile input is read correctly or named in a Problem."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interpol_site import read as read_module
from interpol_site.errors import Problem
from interpol_site.read import MAX_BYTES, decode, find_sources, read_source
from tests.hostile_cases import ARTICLE, CASES, Case, make_hostile


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory):
    root, cases = make_hostile(tmp_path_factory.mktemp("hostile"))
    files, walk_problems = find_sources(root)
    rels = [f.relative_to(root).as_posix() for f in files]
    return root, cases, files, rels, walk_problems


def test_walk_is_sorted_by_relative_posix_path(hostile):
    root, _, files, rels, _ = hostile
    assert rels == sorted(rels)
    assert len(rels) == len(set(rels))
    assert all(f == root.joinpath(*r.split("/")) for f, r in zip(files, rels, strict=True))


def test_walk_is_deterministic(hostile):
    root, _, files, _, problems = hostile
    assert find_sources(root) == (files, problems)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case: Case, hostile):
    root, _, _, rels, walk_problems = hostile
    _check_case(case, root, rels, walk_problems)


def _check_case(case: Case, root: Path, rels: list[str], walk_problems: list[Problem]) -> None:
    named = [p for p in walk_problems if p.file == case.name or _inside_folder(case.name, p)]
    assert (case.name in rels) == case.found, f"{case.name}: found={case.name in rels}"
    if not case.found:
        if case.warning:
            assert any(case.warning in p.reason for p in named), (case.name, walk_problems)
            assert all(p.hint for p in named), named
        else:
            assert not named, (case.name, named)
        return
    assert not named, (case.name, named)
    text, problems = read_source(root / case.name, root)
    assert all(p.file == case.name for p in problems), (case.name, problems)
    assert all(p.hint for p in problems), problems
    if case.expect is not None:
        assert text is None, case.name
        assert len(problems) == 1, problems
        assert case.expect in problems[0].reason, (case.name, problems)
        assert problems[0].level == "error"
        if case.line is not None:
            assert problems[0].line == case.line, (case.name, problems)
        return
    assert text is not None, (case.name, problems)
    assert "\r" not in text and "\ufeff" not in text and "\x00" not in text, case.name
    assert "\u202e" not in text, case.name
    if case.contains:
        assert case.contains in text, case.name
    if case.warning:
        assert len(problems) == 1, (case.name, problems)
        assert case.warning in problems[0].reason, (case.name, problems)
        assert problems[0].level == "warning"
        if case.line is not None:
            assert problems[0].line == case.line, (case.name, problems)
    else:
        assert problems == [], (case.name, problems)


def _inside_folder(name: str, problem: Problem) -> bool:
    return problem.file.endswith("/") and name.startswith(problem.file)


def test_subfolder_is_read_once_under_its_own_name(hostile):
    _, _, _, rels, _ = hostile
    assert "sub/folder/nested article.txt" in rels
    assert not any(r.startswith(("linked-folder/", "loop/")) for r in rels)


def test_symlink_outside_is_named(hostile):
    _, _, _, _, problems = hostile
    outside = [p for p in problems if p.file == "outside.txt"]
    assert outside and outside[0].reason.startswith("symlink points outside the source folder")


def test_pages_and_sidecars_are_not_articles(hostile):
    _, _, _, rels, _ = hostile
    assert not any(r.startswith("pages/") or r.endswith((".yaml", ".jsonl")) for r in rels)


def test_huge_file_is_refused_after_reading_only_its_head(hostile, monkeypatch):
    root, *_ = hostile
    heads: list[int] = []
    real = read_module._read_head

    def spy(path, limit):
        data, size = real(path, limit)
        heads.append(len(data))
        return data, size

    monkeypatch.setattr(read_module, "_read_head", spy)
    text, problems = read_source(root / "huge-20mb.txt", root)
    assert text is None and "too large" in problems[0].reason
    assert "limit 5 MB" in problems[0].reason
    assert heads == [read_module.SNIFF_BYTES]


def test_huge_binary_is_called_binary(tmp_path):
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4\n" + b"\x00" * (MAX_BYTES + 10))
    text, problems = read_source(tmp_path / "scan.txt", tmp_path)
    assert text is None and problems[0].reason == "binary file (PDF document)"


def test_problem_text_names_file_line_reason_and_hint(hostile):
    root, *_ = hostile
    _, problems = read_source(root / "broken-utf8.txt", root)
    assert str(problems[0]) == (
        "error: broken-utf8.txt:3: not UTF-8 or UTF-16: first bad byte 0xFF at byte "
        f"{_offset_of_bad_byte()} (hint: re-save the file as UTF-8)"
    )


def _offset_of_bad_byte() -> int:
    lines = ARTICLE.encode().split(b"\n")
    return len(lines[0]) + 1 + len(lines[1]) + 1 + 10


def test_source_root_missing():
    files, problems = find_sources(Path("/nonexistent/interpol"))
    assert files == [] and problems[0].level == "error"


def test_symlinked_root_is_walked(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(real, tmp_path / "link")
    files, problems = find_sources(tmp_path / "link")
    assert [f.name for f in files] == ["a.txt"] and problems == []


def test_symlink_to_hidden_folder_is_followed(tmp_path):
    (tmp_path / ".store").mkdir()
    (tmp_path / ".store" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(".store", tmp_path / "visible")
    files, problems = find_sources(tmp_path)
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["visible/a.txt"]
    assert [p.reason for p in problems] == ["hidden folder skipped"]


def test_tool_folders_are_skipped_silently(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    assert find_sources(tmp_path) == ([], [])


# ------------------------------------------------------------------- decode (pure)


def test_utf8_ok():
    assert decode(ARTICLE.encode(), "a.txt") == (ARTICLE, [])


def test_nfc_and_cr():
    text, _ = decode("مرحبا\re\u0301\r\n".encode(), "a.txt")
    assert text == "مرحبا\n\u00e9\n"


def test_cp1256_warning_names_file():
    text, problems = decode(ARTICLE.encode("cp1256"), "old.txt")
    assert text == ARTICLE
    assert [(p.file, p.level) for p in problems] == [("old.txt", "warning")]
    assert problems[0].reason.startswith("decoded as Windows-1256")


def test_latin1_is_not_taken_for_cp1256():
    text, problems = decode("Café à Paris\n".encode("latin-1"), "fr.txt")
    assert text is None and "not UTF-8 or UTF-16" in problems[0].reason
    assert problems[0].line == 1 and "byte 3" in problems[0].reason


def test_utf8_with_one_bad_byte_is_not_taken_for_cp1256():
    data = ARTICLE.encode() + b"\xc0" + ARTICLE.encode()
    text, problems = decode(data, "a.txt")
    assert text is None and problems[0].line == ARTICLE.count("\n") + 1


def test_control_characters_are_removed_with_lines():
    text, problems = decode("سطر\x0bأول\nسطر\x1b ثان\n\x85ثالث\n".encode(), "a.txt")
    assert text == "سطرأول\nسطر ثان\nثالث\n"
    assert problems[0].reason == "control characters removed (lines 1, 2, 3)"
    assert problems[0].line == 1


def test_many_lines_are_summarised():
    text, problems = decode(("سطر\u2066\n" * 8).encode(), "a.txt")
    assert "lines 1, 2, 3, 4, 5 and 3 more" in problems[0].reason


def test_stray_nul_is_text_but_many_nuls_are_binary():
    few = ARTICLE.encode() + b"\x00"
    assert decode(few, "a.txt")[0] is not None
    many = ARTICLE.encode() + b"\x00" * 50
    text, problems = decode(many, "a.txt")
    assert text is None and problems[0].reason.startswith("binary file")


@pytest.mark.parametrize(
    ("magic", "kind"),
    [(b"%PDF-1.7\n", "PDF"), (b"PK\x03\x04", "ZIP"), (b"GIF89a", "GIF"), (b"\xff\xd8\xff", "JPEG")],
)
def test_magic_numbers(magic, kind):
    text, problems = decode(magic + "نص عربي".encode(), "a.txt")
    assert text is None and kind in problems[0].reason


def test_oversized_bytes():
    text, problems = decode(b"a" * (MAX_BYTES + 1), "big.txt")
    assert text is None and "too large" in problems[0].reason


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_never_raises(data):
    text, problems = decode(data, "x.txt")
    assert (text is None) == any(p.level == "error" for p in problems)
    assert all(isinstance(p, Problem) and p.file == "x.txt" for p in problems)
    if text is not None:
        assert "\r" not in text and "\x00" not in text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_any_utf8_text_with_arabic_round_trips(body):
    text, problems = decode(("عربي\n" + body).encode("utf-8", "surrogatepass"), "x.txt")
    if text is None:
        assert problems and problems[0].level == "error"
    else:
        assert text.startswith("عربي\n") and "\r" not in text


def test_an_article_saved_as_html_is_read_as_its_text():
    page = ('<!DOCTYPE html><html><head><title>موقع | خبر</title><script>var x = "<p>";</script></head>'
            '<body><nav><ul><li>الرئيسية</li><li>سياسة</li></ul></nav>'
            '<h1>المغرب يستعد لاحتضان الجمعية العامة</h1>\n<p>بقلم: <b>نادية   الإدريسي</b></p>'
            '<p>تستعد مراكش &amp; الرباط<br>لاحتضان الدورة 93.</p><style>p{}</style></body></html>')
    text, problems = decode(page.encode(), "a.html")
    assert text == ("المغرب يستعد لاحتضان الجمعية العامة\nبقلم: نادية الإدريسي\n"
                    "تستعد مراكش & الرباط\nلاحتضان الدورة 93.\n")
    assert [(p.level, p.reason) for p in problems] == [
        ("warning", "read as an HTML page: its markup, scripts and menus were removed")]


def test_text_that_quotes_a_tag_is_not_html():
    assert not read_module.is_html("مقال يذكر <script>alert(1)</script> في سطر\nوسطر <b>ثان</b>\n")
    assert read_module.is_html("<div>خبر</div>")
    assert read_module.is_html("سطر<br>سطر<br>سطر<br>")  # a fragment shaped by block ends


def test_html_files_are_articles(tmp_path):
    (tmp_path / "a.html").write_text("<p>خبر</p>", encoding="utf-8")
    (tmp_path / "b.HTM").write_text("<p>خبر</p>", encoding="utf-8")
    (tmp_path / "c.css").write_text("p {}", encoding="utf-8")
    files, _ = find_sources(tmp_path)
    assert [p.name for p in files] == ["a.html", "b.HTM"]


def test_a_time_of_its_own_is_a_line_and_a_time_in_a_sentence_is_not():
    page = ('<html><body><h1>حموشي يستقبل الأمين العام</h1><div class="byline"><span>هسبريس - محمد الراجي</span> '
            '<time datetime="2025-03-10">الاثنين 10 مارس 2025</time></div>'
            '<p>انعقد اللقاء يوم <time>10 مارس</time> بالرباط.<p>وتناولت المباحثات <time>الدورة</time> المقبلة.'
            '</body></html>')
    text, _ = decode(page.encode(), "a.html")
    assert text == ("حموشي يستقبل الأمين العام\nهسبريس - محمد الراجي\nالاثنين 10 مارس 2025\n"
                    "انعقد اللقاء يوم 10 مارس بالرباط.\nوتناولت المباحثات الدورة المقبلة.\n")


def test_text_that_kept_some_tags_keeps_its_lines():
    from interpol_site.read import html_text

    text = ("غلاسكو: الجمعية العامة تزكي أوركيزا\n<span>ليلى بنعمر</span>&nbsp;&#8211;&nbsp;06/11/2024\n"
            "<p>صادقت الجمعية العامة أمس.</p>\n<p>وجرى التصويت.</p>\n<p>وقال المسؤول.</p>\n")
    assert html_text(text).splitlines()[:3] == ["غلاسكو: الجمعية العامة تزكي أوركيزا", "ليلى بنعمر – 06/11/2024",
                                                "صادقت الجمعية العامة أمس."]
