"""settings.py: one schema, errors that name the file, the line and the key."""

from __future__ import annotations

import dataclasses
import inspect
import re
import textwrap
from pathlib import Path

import pytest

from interpol_site import settings as settings_module
from interpol_site.errors import BuildError
from interpol_site.settings import Settings, find_settings_file, load_settings

KNOWN = "base_url, description, digits, language, month_style, per_page, search, title"


@pytest.fixture
def site_yaml(tmp_path, monkeypatch):
    """Write ``site.yaml`` in a temporary cwd and return its relative path."""
    monkeypatch.chdir(tmp_path)

    def write(text: str | bytes) -> Path:
        path = Path("site.yaml")
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


def error_of(path: Path, overrides: dict | None = None) -> str:
    with pytest.raises(BuildError) as info:
        load_settings(path, overrides or {})
    return str(info.value)


def test_defaults_without_a_file():
    assert load_settings(None, {}) == Settings()


def test_full_file(site_yaml):
    path = site_yaml(
        """\
        title: أرشيف
        description: وصف قصير
        base_url: https://example.org/archive
        language: ar-MA
        month_style: levantine
        digits: arab
        per_page: 12
        """
    )
    assert load_settings(path, {}) == Settings(
        title="أرشيف",
        description="وصف قصير",
        base_url="https://example.org/archive/",
        language="ar-MA",
        month_style="levantine",
        digits="arab",
        per_page=12,
    )


def test_unknown_key_names_file_line_and_known_keys(site_yaml):
    path = site_yaml("# settings\nper_page: 10\ntitel: أرشيف\n")
    assert error_of(path) == (
        f"error: site.yaml:3: unknown key 'titel' (hint: did you mean 'title'? known keys: {KNOWN})"
    )


def test_wrong_type_names_file_line_and_key(site_yaml):
    path = site_yaml("title: x\n\n\n\nper_page: x\n")
    assert error_of(path) == "error: site.yaml:5: 'per_page' must be an integer, got 'x'"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("per_page: true\n", "site.yaml:1: 'per_page' must be an integer, got True"),
        ("per_page: 0\n", "site.yaml:1: 'per_page' must be between 1 and 1000, got 0"),
        ("per_page: 2.5\n", "'per_page' must be an integer, got 2.5"),
        ("title: 2024\n", "site.yaml:1: 'title' must be a string, got 2024 (put it in quotes)"),
        ("language: no\n", "'language' must be a string, got False"),
        ("title:\n", "site.yaml:1: 'title' has no value"),
        ("title: '  '\n", "site.yaml:1: 'title' may not be empty"),
        ("digits: roman\n", "site.yaml:1: 'digits' must be one of latn, arab, got 'roman'"),
        (
            "x: 1\nmonth_style: egyptian\n",
            "site.yaml:1: unknown key 'x'",
        ),
        (
            "month_style: egyptian\n",
            "'month_style' must be one of maghrebi, generic, levantine, algerian, got 'egyptian'",
        ),
        ("base_url: example.org\n", "'base_url' must be an absolute http(s) URL"),
        ("base_url: javascript:alert(1)\n", "'base_url' must be an absolute http(s) URL"),
        ("language: arabic language\n", "'language' must be a BCP 47 tag"),
        ("search: maybe\n", "site.yaml:1: 'search' must be true or false, got 'maybe'"),
        ("title: a\ntitle: b\n", "site.yaml:2: key 'title' is set twice"),
        ("title: [a, b\n", "site.yaml:2: invalid YAML"),
        ("- title\n", "site.yaml:1: settings must be 'key: value' lines"),
        ("title: !!python/object:os.system x\n", "site.yaml:1: 'title': could not determine"),
        ("[a]: 1\n", "site.yaml:1: unknown key None"),
    ],
)
def test_bad_values(site_yaml, text, message):
    assert message in error_of(site_yaml(text))


def test_empty_and_comment_only_files_give_defaults(site_yaml):
    assert load_settings(site_yaml(""), {}) == Settings()
    assert load_settings(site_yaml("# nothing yet\n"), {}) == Settings()


def test_bom_is_accepted(site_yaml):
    path = site_yaml("\ufeffper_page: 7\n".encode())
    assert load_settings(path, {}).per_page == 7


def test_non_utf8_file(site_yaml):
    path = site_yaml("title: أرشيف\n".encode("cp1256"))
    assert "site.yaml: settings file is not UTF-8" in error_of(path)


def test_missing_file(tmp_path):
    assert "cannot read settings" in error_of(tmp_path / "nope.yaml")


def test_cli_overrides_win_and_none_is_ignored(site_yaml):
    path = site_yaml("title: من الملف\nper_page: 10\n")
    got = load_settings(path, {"title": "من سطر الأوامر", "per_page": None, "digits": "arab"})
    assert (got.title, got.per_page, got.digits) == ("من سطر الأوامر", 10, "arab")


def test_bad_overrides():
    assert error_of(None, {"per_page": "7"}) == (
        "error: command line: --per-page: 'per_page' must be an integer, got '7'"
    )
    assert "unknown setting --colour" in error_of(None, {"colour": "red"})


def test_find_settings_file(tmp_path):
    source, root = tmp_path / "articles", tmp_path
    source.mkdir()
    assert find_settings_file(source, root) is None
    (root / "site.yaml").write_text("title: x\n")
    assert find_settings_file(source, root) == root / "site.yaml"
    (source / "site.yaml").write_text("title: y\n")
    assert find_settings_file(source, root) == source / "site.yaml"


def test_every_setting_is_documented_where_declared():
    lines = inspect.getsource(Settings).splitlines()
    for field in dataclasses.fields(Settings):
        index = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{field.name}:"))
        assert lines[index - 1].strip().startswith("#:"), f"{field.name} has no #: doc comment"


def test_docstring_example_covers_every_key_and_loads(tmp_path):
    doc = settings_module.__doc__
    example = textwrap.dedent(doc.split("an example::", 1)[1].split('"""')[0])
    keys = set(re.findall(r"^(\w+):", example, re.M))
    assert keys == {f.name for f in dataclasses.fields(Settings)}
    path = tmp_path / "site.yaml"
    path.write_text(example, encoding="utf-8")
    assert load_settings(path, {}).language == "ar-MA"


def test_search_can_be_turned_off_in_the_file_or_by_flag(site_yaml):
    assert load_settings(site_yaml("search: false\n"), {}).search is False
    assert load_settings(site_yaml("search: true\n"), {"search": False}).search is False
    assert Settings().search is True
