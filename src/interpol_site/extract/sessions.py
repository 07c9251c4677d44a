"""INTERPOL General Assembly session numbers.

Only a number bound to the session word counts: ``الدورة 92``, ``للدورة 93``,
``الدورة ال 93``, ``الدورة الـ93``, ``الدورة رقم 93``, ``الجمعية العامة الـ93``, or an
ordinal in words (``الدورة الثانية والتسعين``, ``الحادية والتسعين``, ``التسعين``).
Numbers elsewhere (``177 دولة``, ``43 اجتماعاً``, ``1923``) are never sessions.
``الدورة المقبلة`` is the next session and ``الدورة السابقة`` the previous one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from ..arabic import ordinal_pattern, ordinal_value

Relation = Literal["this", "next", "previous"]

_WORD = (
    r"(?<![\w])[وفبل]?(?:ال|لل)?(?:دوره|دورتها|دورته|نسخه|جمعيه\s+العامه|جمعيتها\s+العامه)"
    r"(?:\s+(?:العاديه|السنويه))?"
    r"(?:\s+(?:للجمعيه\s+العامه|لجمعيه\s+العامه))?"
)


@dataclass(frozen=True)
class SessionMention:
    start: int
    end: int
    number: int | None  # None for a bare "next/previous session"
    relation: Relation


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    digits = re.compile(_WORD + r"\s*(?:رقم\s*)?(?:ال\s*)?(\d{1,3})(?![\d\w])")
    words = re.compile(_WORD + r"\s+(" + ordinal_pattern() + r")(?![\w])")
    relative = re.compile(_WORD + r"\s+(المقبله|القادمه|التاليه|السابقه|الماضيه|الفارطه)(?![\w])")
    return digits, words, relative


def find_sessions(text: str) -> list[SessionMention]:
    """Session mentions in a shadow text, in order."""
    if "دور" not in text and "جمعي" not in text and "نسخه" not in text:
        return []
    digits, words, relative = _patterns()
    out: list[SessionMention] = []
    for mt in digits.finditer(text):
        n = int(mt.group(1))
        if 1 <= n <= 199:
            out.append(SessionMention(mt.start(), mt.end(), n, "this"))
    for mt in words.finditer(text):
        n = ordinal_value(mt.group(1))
        if n:
            out.append(SessionMention(mt.start(), mt.end(), n, "this"))
    for mt in relative.finditer(text):
        rel: Relation = "next" if mt.group(1) in ("المقبله", "القادمه", "التاليه") else "previous"
        out.append(SessionMention(mt.start(), mt.end(), None, rel))
    return sorted(out, key=lambda m: m.start)
