"""The one settings schema. Every key is documented here, where it is declared.

Settings come from ``site.yaml`` (in the source folder, else the project root) and are
overridden by CLI flags. An unknown key or a wrong type is an error naming the file,
the line and the key. Every key is optional; an example::

    title: أرشيف الإنتربول
    description: مقالات الصحافة المغربية عن الجمعية العامة للإنتربول
    base_url: https://example.org/interpol/   # a trailing slash is added if missing
    language: ar-MA
    month_style: maghrebi    # maghrebi | generic | levantine | algerian
    digits: latn             # latn | arab
    per_page: 20             # 1 to 1000
    search: true             # false: no search page and no index (large archives)
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from .errors import BuildError, Problem

MonthStyle = Literal["maghrebi", "generic", "levantine", "algerian"]
Digits = Literal["latn", "arab"]

#: Babel locale used to render month names for each month style.
MONTH_LOCALES: dict[str, str] = {
    "maghrebi": "ar_MA",  # يناير … ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر
    "generic": "ar_EG",  # يناير … مايو، يوليو، أغسطس، سبتمبر، نوفمبر، ديسمبر
    "levantine": "ar_LB",  # كانون الثاني، شباط … تشرين الثاني
    "algerian": "ar_DZ",  # جانفي، فيفري … جويلية، أوت
}


@dataclass(frozen=True)
class Settings:
    #: Site name shown in the header, <title> and feeds.
    title: str = "أرشيف الإنتربول"
    #: One-sentence description for the home page, meta description and feed subtitle.
    description: str = (
        "أرشيف مقالات الصحافة المغربية عن الجمعية العامة للمنظمة الدولية للشرطة الجنائية"
        " (الإنتربول)، مع التواريخ والدول والأشخاص والمدن المستخرجة من النصوص."
    )
    #: Absolute URL where the site is published (e.g. https://example.org/archive/);
    #: used only for feeds, sitemap, canonical links and Open Graph. Pages link relatively.
    base_url: str = ""
    #: BCP 47 language tag written in <html lang>.
    language: str = "ar"
    #: Month names used on the pages: maghrebi (default, the corpus is Moroccan),
    #: generic (Egyptian/Gulf), levantine (Syriac names) or algerian.
    month_style: MonthStyle = "maghrebi"
    #: Digits on the pages: latn (0-9, default) or arab (٠-٩).
    digits: Digits = "latn"
    #: Articles per page on the home page's "latest" list and index pages.
    per_page: int = 20
    #: Build the full-text search page and its index (search.py; 0.1 to 1 ms of CPU
    #: per article, with the size of the vocabulary); false builds neither.
    search: bool = True

    @property
    def locale(self) -> str:
        return MONTH_LOCALES[self.month_style]


# --------------------------------------------------------------------------- loading

#: File name looked for in the source folder, then in the project root.
SETTINGS_FILE = "site.yaml"

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def find_settings_file(source: Path, project_root: Path) -> Path | None:
    """``site.yaml`` in the source folder, else in the project root, else None."""
    for folder in (source, project_root):
        candidate = Path(folder) / SETTINGS_FILE
        if candidate.is_file():
            return candidate
    return None


def load_settings(path: Path | None, overrides: dict[str, Any] | None = None) -> Settings:
    """Settings from ``path`` (a ``site.yaml``; None for the defaults), then ``overrides``.

    ``overrides`` maps field names to CLI values; ``None`` values are ignored, the rest
    win over the file. Raises ``BuildError`` naming the file, line and key for
    unreadable YAML, an unknown or repeated key, a wrong type or a value out of range.
    """
    values: dict[str, Any] = {}
    if path is not None:
        values.update(_read_file(Path(path)))
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        flag = "--" + key.replace("_", "-")
        if key not in _FIELDS:
            raise _error("command line", None, f"unknown setting {flag}", _known_keys_hint(key))
        values[key] = _check(
            key, value, lambda reason, k=flag: _error("command line", None, f"{k}: {reason}")
        )
    return Settings(**values)


_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Settings))
_TYPES: dict[str, Any] = typing.get_type_hints(Settings)


def _read_file(path: Path) -> dict[str, Any]:
    shown = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise _error(shown, None, f"cannot read settings: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise _error(shown, None, "settings file is not UTF-8", "re-save it as UTF-8") from exc
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise _error(shown, line, f"invalid YAML: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise _error(shown, None, f"invalid YAML: {exc}") from exc
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise _error(shown, root.start_mark.line + 1, "settings must be 'key: value' lines")
    constructor = yaml.constructor.SafeConstructor()
    values: dict[str, Any] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str) or key not in _FIELDS:
            raise _error(shown, line, f"unknown key {key!r}", _known_keys_hint(str(key)))
        if key in values:
            raise _error(shown, line, f"key {key!r} is set twice", "keep one of them")
        try:
            value = constructor.construct_object(value_node, deep=True)
        except yaml.YAMLError as exc:
            why = getattr(exc, "problem", None) or str(exc)
            raise _error(shown, value_node.start_mark.line + 1, f"{key!r}: {why}") from exc
        values[key] = _check(key, value, lambda reason, ln=line: _error(shown, ln, reason))
    return values


def _check(key: str, value: Any, fail: Callable[[str], BuildError]) -> Any:
    """``value`` validated (and normalised) for field ``key``; ``fail`` builds the error."""
    kind = _TYPES[key]
    if value is None:
        raise fail(f"{key!r} has no value (remove the line to use the default)")
    if typing.get_origin(kind) is Literal:
        allowed = typing.get_args(kind)
        if value not in allowed:
            choices = ", ".join(allowed)
            raise fail(f"{key!r} must be one of {choices}, got {value!r}")
        return value
    if kind is bool:
        if not isinstance(value, bool):
            raise fail(f"{key!r} must be true or false, got {value!r}")
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(f"{key!r} must be an integer, got {value!r}")
        if key == "per_page" and not 1 <= value <= 1000:
            raise fail(f"{key!r} must be between 1 and 1000, got {value}")
        return value
    if not isinstance(value, str):
        raise fail(f"{key!r} must be a string, got {value!r} (put it in quotes)")
    if key == "base_url" and value:
        if not re.match(r"^https?://[^/\s]+", value) or any(c.isspace() for c in value):
            raise fail(f"'base_url' must be an absolute http(s) URL, got {value!r}")
        return value if value.endswith("/") else value + "/"
    if key == "title" and not value.strip():
        raise fail("'title' may not be empty")
    if key == "language" and not _LANGUAGE_TAG.match(value):
        raise fail(f"'language' must be a BCP 47 tag such as 'ar' or 'ar-MA', got {value!r}")
    return value


def _known_keys_hint(key: str) -> str:
    close = difflib.get_close_matches(key, _FIELDS, n=1)
    known = "known keys: " + ", ".join(sorted(_FIELDS))
    return f"did you mean {close[0]!r}? {known}" if close else known


def _error(file: str, line: int | None, reason: str, hint: str = "") -> BuildError:
    return BuildError(Problem(file, reason, hint, line=line, level="error"))
