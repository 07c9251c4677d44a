"""INTERPOL General Assembly session numbers.

Only a number bound to the session word counts: ``الدورة 92``, ``للدورة 93``,
``الدورة ال 93``, ``الدورة الـ93``, ``الدورة رقم 93``, ``الجمعية العامة الـ93``, or an
ordinal in words (``الدورة الثانية والتسعين``, ``الحادية والتسعين``, ``التسعين``).
Numbers elsewhere (``177 دولة``, ``43 اجتماعاً``, ``1923``) are never sessions.
``الدورة المقبلة`` is the next session and ``الدورة السابقة`` the previous one; a numbered
session followed by ``المقرر انعقادها``, ``التي ستنعقد`` … is one still to come (``future``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from ..arabic import ordinal_pattern, ordinal_value
from .tokens import matches_at

Relation = Literal["this", "next", "previous", "future"]

_WORD = (
    r"(?<![\w])[وفبل]?(?:ال|لل)?(?:دوره|دورتها|دورته|نسخه|نسختها|نسخته|جمعيه\s+العامه|جمعيتها\s+العامه|جمعيته\s+العامه)"
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


#: Every session word of ``_WORD`` starts with one of these.
_KEYWORDS = ("دور", "نسخه", "نسخت", "جمعي")
#: What ``_WORD`` allows in front of it: a proclitic, then ال or لل.
_PREFIXES = frozenset(c + a for c in ("", "و", "ف", "ب", "ل") for a in ("", "ال", "لل"))


def _starts(text: str) -> list[int]:
    """Where a session mention can begin: at the start of a word (the look-behind), a
    keyword behind at most a proclitic and ال/لل, so at most three letters before it."""
    starts = set()
    for key in _KEYWORDS:
        at = text.find(key)
        while at != -1:
            start = at  # back to the start of the word, three letters at most
            while start > at - 3 and start > 0 and _is_word_char(text[start - 1]):
                start -= 1
            if not (start and _is_word_char(text[start - 1])) and text[start:at] in _PREFIXES:
                starts.add(start)
            at = text.find(key, at + 1)
    return sorted(starts)


def _is_word_char(ch: str) -> bool:
    """``\\w`` of the regex engine, exactly (it is ``Py_UNICODE_ISALNUM`` or ``_``)."""
    return ch.isalnum() or ch == "_"


def find_sessions(text: str) -> list[SessionMention]:
    """Session mentions in a shadow text, in order."""
    starts = _starts(text)
    if not starts:
        return []
    digits, words, relative = _patterns()
    out: list[SessionMention] = []
    for mt in matches_at(digits, text, starts):
        n = int(mt.group(1))
        if 1 <= n <= 199 and not _OTHER_EVENT.match(text, mt.end()):
            out.append(SessionMention(mt.start(), mt.end(), n, "this"))
    for mt in matches_at(words, text, starts):
        n = ordinal_value(mt.group(1))
        if n and not _OTHER_EVENT.match(text, mt.end()):
            out.append(SessionMention(mt.start(), mt.end(), n, "this"))
    for mt in matches_at(relative, text, starts):
        rel: Relation = "next" if mt.group(1) in ("المقبله", "القادمه", "التاليه") else "previous"
        out.append(SessionMention(mt.start(), mt.end(), None, rel))
    out = [m for m in out if not _of_another_event(text, m)]
    out.sort(key=lambda m: m.start)
    # "الدورة 93 …، المقرر انعقادها بمراكش سنة 2025", "سيحتضن الدورة 94 السنة المقبلة":
    # a numbered session still to come
    for k, m in enumerate(out):
        if m.relation == "this" and m.number is not None:
            end = min(m.end + 100, out[k + 1].start if k + 1 < len(out) else len(text))
            cue = _FUTURE.search(text, m.end, end)
            ahead = cue is not None and "." not in text[m.end : cue.start()]
            if ahead or _WILL_HOST.search(text, max(0, m.start - 60), m.start) or _NEXT_YEAR.match(text, m.end):
                out[k] = SessionMention(m.start, m.end, m.number, "future")
            elif _LAST_TIME.match(text, m.end, end):
                out[k] = SessionMention(m.start, m.end, m.number, "previous")
    return out


#: What follows the number of a session of another event or body: "الدورة 16 لمنتدى مراكش
#: الأمني", "الدورة الثالثة من المعرض", "الدورة 214 للجنة التنفيذية" (normalised).
_EVENTS = (r"(?:منتدي|مؤتمر|مهرجان|ملتقي|معرض|بطوله|كاس|ندوه|اجتماع|دوري|جائزه|العاب"
           r"|قمه|مسابقه|لقاء|ايام|اسبوع|موسم|مناظره|صالون|ماراطون|ماراثون|اولمبياد|مباراه"
           r"|مجلس|لجنه|اتحاد|برلمان)")  # another body's: "الدورة 42 لمجلس وزراء الداخلية العرب"
_OTHER_EVENT = re.compile(r"\s+(?:من\s+)?(?:ل|لل|ال)?" + _EVENTS
                          # "الدورة السادسة للجمعية العامة لأفريبول", "… للأمم المتحدة": another body's
                          + r"|\s+(?:لل|ل)جمعيه\s+العامه\s+(?:لل|ل)(?!ل?(?:منظمه|انتربول|interpol))")
#: "منتدى أبوظبي للتعاون الشرطي في نسخته الثالثة": what a session word with a pronoun
#: (نسخته، دورتها) refers back to, another event or INTERPOL's assembly.
_OWNER = re.compile(r"(?<!\w)[وفبل]?(?:ال|لل)?(?:" + _EVENTS[3:-1].replace("|اجتماع", "").replace("|لقاء", "")
                    + r"|(انتربول|جمعيه|منظمه))")  # (اجتماعات الجمعية العامة في دورتها …: the assembly's)


def _of_another_event(text: str, m: SessionMention) -> bool:
    """Whether a session word with a pronoun (نسخته، دورتها) refers back to another
    event: the last event noun before it, in its sentence, is not INTERPOL's."""
    word = text[m.start : m.end].split()[0]
    if not word.endswith(("ته", "تها")) or "جمعي" in word:  # (جمعيتها العامة: an organisation's)
        return False
    start = max(0, m.start - 120, *(text.rfind(c, 0, m.start) + 1 for c in ".؛;"))
    owners = list(_OWNER.finditer(text, start, m.start))
    return bool(owners) and owners[-1].group(1) is None

_FUTURE = re.compile(
    r"(?<!\w)(?:(?:المقرر|المزمع|المرتقب|المنتظر)\s+(?:ان\s+)?(?:انعقادها|عقدها|تنظيمها|تنعقد|تعقد)"
    r"|(?:التي\s+)?(?:ستنعقد|ستعقد|ستقام|ستحتضنها|ستستضيفها|ستنظم)"
    r"|(?:المقرره|المرتقبه|المزمعه|المبرمجه)\s+(?:ما\s+)?(?:بين|من|في|يوم|خلال|ايام|شهر|ب))(?!\w)"
)

#: A host still to come right before the session: "البلد الذي سيحتضن الدورة 94".
_WILL_HOST = re.compile(r"(?<!\w)(?:(?:سيحتضن|ستحتضن|سيستضيف|ستستضيف|سينظم|ستنظم|ستحتضنها|سيحتضنها)\s+(?:\S+\s+)?"
                        r"|(?:قبل|عشيه|استعدادا\s+ل|تحضيرا\s+ل)\s*(?:\S+\s+){0,2}(?:من\s+)?(?:احتضان|استضافه|انعقاد|تنظيم)"
                        r"\s+(?:مدينه\s+)?(?:\S+\s+)?(?:ل|لل)?)$")
#: "الدورة الـ91 للجمعية العامة للأنتربول بفيينا شهر نوفمبر الماضي": a session held before.
_LAST_TIME = re.compile(r"[^.؛;،,]{0,60}?(?<!\w)(?:شهر\s+\S+|الشهر|السنه|العام)\s+"
                        r"(?:الماضي|الماضيه|المنصرم|المنصرمه|الفارط|الفارطه)(?!\w)")
#: "الدورة 94 السنة المقبلة", "… العام المقبل".
_NEXT_YEAR = re.compile(r"\s+(?:في\s+)?(?:السنه|العام)\s+(?:المقبل|المقبله|القادم|القادمه)(?!\w)")
