"""People: rule-based, since no Arabic NER model can be had offline.

A name is found where news style puts one:
- after titles and ranks (``اللواء الدكتور أحمد ناصر الرئيسي``, ``الملك محمد السادس``,
  ``والي الأمن محمد الدخيسي``), which are stripped from the name and kept as roles;
- in apposition to a role (``عبد اللطيف حموشي، المدير العام …`` and
  ``المدير العام …، عبد اللطيف حموشي،``);
- as a known given name followed by one to three name words (``محمد الدخيسي``).
A name word is not a function word, title, role word, place or accusative adjective
(``نائبا``, ``مؤكدا``); institutions (``جامعة نايف``, ``مؤسسة محمد السادس``) are not people.
Surname-only mentions (``حموشي``) are aliases of a full name seen in the article.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..arabic import clitic_variants
from ..gazetteer import cities, countries, name_words
from .tokens import Token, joined

_REGNAL = {"الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"}
_ROYAL = {"الملك", "الملكه", "الامير", "الاميره", "السلطان", "البابا", "الشيخ"}
_CONNECTORS = {"بن", "ابن", "بنت", "ولد", "ابو", "بو", "ام", "اولاد", "ايت", "ال"}
_COMPOUND_HEADS = {"عبد", "ابو", "بو", "ابي"}
_SKIP_AFTER_TITLE = {"السابق", "السابقه", "الحالي", "الحاليه", "الجديد", "الجديده"}


@dataclass
class Candidate:
    tokens: list[int]  # token indexes of the name
    segment: int
    roles: list[tuple[int, int]] = field(default_factory=list)  # shadow spans of role text
    rule: str = ""


@functools.lru_cache(maxsize=65536)
def _bare(token: str) -> tuple[str, ...]:
    return tuple(form for form, _ in clitic_variants(token))


@functools.cache
def _place_words() -> frozenset[str]:
    words = {k[0] for k, v in countries().names.items() if len(k) == 1}
    words |= {k[0] for k in cities().names if len(k) == 1}
    return frozenset(words)


def _is_stop(token: str) -> bool:
    nw = name_words()
    return any(f in nw.stopwords or f in nw.not_names for f in _bare(token.replace("ى", "ي"))[:2])


def _is_given(token: str, common: bool = False) -> bool:
    """A given name; ``common`` also admits names that are common words (رشيد، حياة)."""
    nw = name_words()
    return token in nw.given or (common and token in nw.given_common)


def _name_word(token: str, position: int) -> bool:
    """Could ``token`` be word ``position`` (0-based) of a person's name?"""
    nw = name_words()
    if len(token) < 2 or token.isdigit() or not token[0].isalpha():
        return False
    plain = token.replace("ى", "ي")  # على (a preposition) keeps its ى for the given-name test only
    if plain in nw.stopwords or plain in nw.not_names or plain in nw.role_heads:
        return False
    if plain in _phrases_by_first() and any(len(t) == 1 for t in _phrases_by_first()[plain]):
        return False  # a one-word title (اللواء) is never part of a name
    if position > 0:
        if token[0] in "وف" and not _is_given(token) and token not in _CONNECTORS:
            if token[1:] in nw.given or token[1:] in nw.stopwords or token[1:].startswith("ال"):
                return False
        if not _is_given(token) and not token.startswith("ال") and token.endswith("ا") and len(token) > 3:
            return False  # نائبا، مؤكدا: accusative adjectives after a name
        if token.endswith(("يه", "ات")) and not _is_given(token):
            return False  # العربية، الوطنية: feminine adjectives; لقاءات: plurals
        if token.startswith(("لل", "بال", "وال", "فال", "كال")):
            return False  # للموارد، بالمغرب: a preposition with the article is no name
    if token in _place_words() and not _is_given(token):
        return False
    return True


@functools.cache
def _phrases_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    nw = name_words()
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in nw.titles + nw.roles:
        index.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in index.items()}


def _title_at(toks: list[Token], text: str, i: int) -> int:
    """Number of tokens of a title/role phrase starting at token i (0 if none)."""
    index = _phrases_by_first()
    best = 0
    for form in _bare(toks[i].text):
        for phrase in index.get(form, ()):
            n = len(phrase)
            if n <= best or i + n > len(toks) or phrase[0] != form:
                continue
            if all(toks[i + k].text == phrase[k] for k in range(1, n)) and all(
                joined(text, toks[i + k], toks[i + k + 1]) for k in range(n - 1)
            ):
                best = n
    return best


def _take_name(toks: list[Token], text: str, i: int, royal: bool = False) -> list[int]:
    """Name words from token i on: up to four, no punctuation between them."""
    out: list[int] = []
    j = i
    while j < len(toks) and len(out) < 5:
        if out and not joined(text, toks[j - 1], toks[j]):
            break
        t = toks[j].text
        if out and royal and t in _REGNAL:
            out.append(j)
            break
        if t in _CONNECTORS and out and j + 1 < len(toks):
            out.append(j)
            nxt = toks[j + 1].text
            if joined(text, toks[j], toks[j + 1]) and nxt.startswith("ال") and len(nxt) > 3:
                out.append(j + 1)  # بن الشيخ: after بن any family name, even a title word
                j += 2
                continue
            j += 1
            continue
        if not _name_word(t, len(out)):
            break
        out.append(j)
        if t in _COMPOUND_HEADS and j + 1 < len(toks) and joined(text, toks[j], toks[j + 1]):
            out.append(j + 1)  # عبد اللطيف، أبو بكر: one given name in two words
            j += 2
            continue
        j += 1
    while out and toks[out[-1]].text in _CONNECTORS | _COMPOUND_HEADS:
        out.pop()
    return out[:4] if len(out) > 4 else out


def _starts_given(toks: list[Token], idx: list[int]) -> bool:
    first = toks[idx[0]].text
    return _is_given(first, common=True) or first in _COMPOUND_HEADS


def find_people(text: str, toks: list[Token], segment: int) -> list[Candidate]:
    """Person-name candidates in one paragraph (shadow text)."""
    found: list[Candidate] = []
    used: set[int] = set()

    def keep(idx: list[int], rule: str, roles: list[tuple[int, int]]) -> None:
        if idx and not used.intersection(idx):
            used.update(idx)
            found.append(Candidate(idx, segment, roles, rule))

    i = 0
    while i < len(toks):
        n = _title_at(toks, text, i)
        if n:
            start = i
            titles_end = i + n
            while titles_end < len(toks) and joined(text, toks[titles_end - 1], toks[titles_end]):
                more = _title_at(toks, text, titles_end)
                if more:
                    titles_end += more
                    continue
                t = toks[titles_end].text
                if t in _SKIP_AFTER_TITLE or (t in _place_words() and t.startswith("ال") and not _is_given(t)):
                    titles_end += 1
                    continue
                break
            if titles_end < len(toks) and joined(text, toks[titles_end - 1], toks[titles_end]):
                royal = any(f in _ROYAL for tk in toks[start:titles_end] for f in _bare(tk.text))
                idx = _take_name(toks, text, titles_end, royal)
                # the name starts at a given name, at most two words after the title
                while idx[:1] and not _starts_given(toks, idx) and idx[0] < titles_end + 2:
                    idx = idx[1:]
                if not (idx and _starts_given(toks, idx)):
                    idx = _bracketed(toks, text, titles_end)
                if idx:
                    if idx[0] == titles_end or not _starts_given(toks, idx):
                        keep(idx, "title", [(toks[start].start, toks[titles_end - 1].end)])
                    else:  # words between: the title is not this person's
                        keep(idx, "given-name", [])
            i = titles_end if titles_end > i else i + 1
            continue
        i += 1

    # apposition: "NAME، ROLE" and "ROLE، NAME،"
    for k in range(len(toks) - 1):
        gap = text[toks[k].end : toks[k + 1].start]
        if "،" not in gap and "," not in gap:
            continue
        role_len = _title_at(toks, text, k + 1) or (1 if _role_head(toks[k + 1].text) else 0)
        if role_len:
            idx = _name_before(toks, text, k)
            if idx:
                keep(idx, "apposition", [(toks[k + 1].start, _clause_end(text, toks[k + 1].start))])
        # role before the comma: look back for a role phrase start within the clause
        idx = _take_name(toks, text, k + 1)
        if not (len(idx) >= 2 and _starts_given(toks, idx)):
            idx = _bracketed(toks, text, k + 1)
        if len(idx) >= 2:
            after = text[toks[idx[-1]].end : toks[idx[-1]].end + 2]
            if "،" in after or "," in after or after.strip() == "":
                clause_start = _clause_start(text, toks[k].end)
                clause = [j for j in range(k + 1) if toks[j].start >= clause_start]
                head = next((j for j in clause if _title_at(toks, text, j) or _role_head(toks[j].text)), None)
                if head is not None:
                    keep(idx, "apposition", [(toks[head].start, toks[k].end)])

    # a known given name followed by name words
    for k, tok in enumerate(toks):
        if k in used:
            continue
        for form, _cut in clitic_variants(tok.text):
            if not (_is_given(form) or form in _COMPOUND_HEADS):
                continue
            if k > 0 and any(f in name_words().not_names for f in _bare(toks[k - 1].text)):
                break  # جامعة نايف، مؤسسة محمد السادس
            idx = [k] + _take_name(toks, text, k + 1)[:3] if form not in _COMPOUND_HEADS else _take_name(toks, text, k)
            if form in _COMPOUND_HEADS and idx and idx[0] != k:
                break
            if len(idx) >= 2 and all(_name_word(toks[j].text, 1) or toks[j].text in _CONNECTORS
                                     for j in idx[1:] if toks[j].text not in _REGNAL):
                if form in _COMPOUND_HEADS and len(idx) < 3:
                    break
                keep(idx, "given-name", [])
            break
    return found


def _bracketed(toks: list[Token], text: str, i: int) -> list[int]:
    """Two or three name words right after a role and closed by punctuation:
    ``وزير الداخلية النمساوي، غيرهارد كارنر،`` — a foreign name no list knows."""
    idx = _take_name(toks, text, i)[:3]
    if len(idx) < 2 or any(toks[j].text.startswith("ال") for j in idx[:1]):
        return []
    after = text[toks[idx[-1]].end : toks[idx[-1]].end + 2].strip()
    if idx[-1] + 1 < len(toks) and after[:1] not in ("،", ",", ".", ":", "؛"):
        return []
    return idx


def _role_head(token: str) -> bool:
    nw = name_words()
    return any(f in nw.role_heads for f in _bare(token)[:2])


def _name_before(toks: list[Token], text: str, k: int) -> list[int]:
    """The longest name ending at token k that starts with a given name (2–4 words)."""
    best: list[int] = []
    for start in range(max(0, k - 4), k):
        idx = _take_name(toks, text, start)
        if idx and idx[-1] == k and len(idx) >= 2 and _starts_given(toks, idx) and len(idx) > len(best):
            if start == 0 or not joined(text, toks[start - 1], toks[start]) or not _title_at(toks, text, start - 1):
                best = idx
    return best


def _clause_end(text: str, pos: int) -> int:
    ends = [text.find(ch, pos) for ch in "،,.؛;\n"]
    ends = [e for e in ends if e != -1]
    return min(min(ends) if ends else len(text), pos + 120)


def _clause_start(text: str, pos: int) -> int:
    starts = [text.rfind(ch, 0, pos) for ch in "،,.؛;\n"]
    return max(starts) + 1 if max(starts) >= 0 else 0
