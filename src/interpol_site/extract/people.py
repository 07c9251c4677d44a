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

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..arabic import clitic_variants
from ..gazetteer import cities, countries, name_words
from .tokens import Words, surface_forms

_REGNAL = {"الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"}
_ROYAL = {"الملك", "الملكه", "الامير", "الاميره", "السلطان", "البابا", "الشيخ"}
#: Words before a place name (normalised): في سانتياغو is the city.
_LOCATIVES = {"في", "الي", "من", "نحو", "مدينه", "بمدينه", "عاصمه", "بعاصمه", "داخل"}
_CONNECTORS = {"بن", "ابن", "بنت", "ولد", "ابو", "بو", "ام", "اولاد", "ايت", "ال",
               "دي", "دا", "دو", "ديل", "فان", "فون"}  # and the particles of European names (دي لوكا، فون دير لاين)
#: The connectors that name a father after them: the words of a lineage (سيف بن زايد).
_SON_OF = ("بن", "ابن", "بنت")
_COMPOUND_HEADS = {"عبد", "ابو", "بو", "ابي"}
_NOT_LAST = _CONNECTORS | _COMPOUND_HEADS  # never the last word of a name
_HONORIFICS = {"مولاي", "سيدي", "لالا", "لاله"}  # that open a Moroccan name (مولاي حفيظ العلمي)
#: Adjectives of a place or an institution before the name it bears (normalised).
_OF_A_PLACE = {"الدولي", "الدوليه", "الجامعي", "الجامعيه", "الوطني", "الوطنيه", "الجهوي", "الجهويه", "الاقليمي",
               "الاقليميه", "العسكري", "العسكريه", "الكبير", "الكبري", "الملكي", "الملكيه"}
_SKIP_AFTER_TITLE = {"السابق", "السابقه", "الحالي", "الحاليه", "الجديد", "الجديده", "الركن", "شرطه",
                     "المطلوب", "المطلوبه", "المتهم", "المتهمه",  # "ويدعى المطلوب الهادي بن صالح"
                     "الممتاز", "الممتازه", "الاقليمي", "الاقليميه"}  # العميدة الممتازة، عميد الشرطة الإقليمي


@dataclass
class Candidate:
    tokens: list[int]  # token indexes of the name
    segment: int
    roles: list[tuple[int, int]] = field(default_factory=list)  # shadow spans of role text
    rule: str = ""
    clitic: int = 0  # letters of a proclitic on the first token that are not the name's (و، ف، ب، ل)


@functools.lru_cache(maxsize=65536)
def _bare(token: str) -> tuple[str, ...]:
    return tuple(form for form, _ in clitic_variants(token))


@functools.cache
def _place_words() -> frozenset[str]:
    words = {k[0] for k, v in countries().names.items() if len(k) == 1}
    # not a city whose name is also a word (الحاجب، بنسليمان): a surname as often
    words |= {k[0] for k, city in cities().names.items() if len(k) == 1 and not city.common_word}
    return frozenset(words)


def _is_stop(token: str) -> bool:
    nw = name_words()
    return token in nw.stopwords or any(f in nw.stopwords or f in nw.not_names
                                        for f in _bare(token.replace("ى", "ي"))[:2])


def _is_given(token: str, common: bool = False) -> bool:
    """A given name; ``common`` also admits names that are common words (رشيد، حياة)."""
    nw = name_words()
    return token in nw.given or (common and token in nw.given_common)


def _name_word(token: str, position: int) -> bool:
    """Could ``token`` be word ``position`` (0-based) of a person's name?"""
    return _is_name_word(token, position > 0)


@functools.lru_cache(maxsize=65536)
def _is_name_word(token: str, later: bool) -> bool:
    nw = name_words()
    if len(token) < 2 or token.isdigit() or not token[0].isalpha():
        return False
    plain = token.replace("ى", "ي")  # على (a preposition) keeps its ى for the given-name test only
    if token in nw.stopwords or plain in nw.stopwords or plain in nw.not_names:
        return False
    if plain in nw.role_heads and not (later and _is_given(plain, common=True)):
        return False  # مدير، نائب; but محمد أمين الصقلي
    if plain in _phrases_by_first() and any(len(t) == 1 for t in _phrases_by_first()[plain]):
        return False  # a one-word title (اللواء) is never part of a name
    if later:
        if token[0] in "وف" and len(token) > 3 and not _is_given(token) and token not in _CONNECTORS:
            if token[1:] in nw.given or token[1:] in nw.given_common or token[1:] in nw.stopwords \
                    or token[1:] in nw.not_names or token[1:].startswith("ال") \
                    or (token[0] == "و" and token.endswith("ه") and len(token) >= 5):
                return False  # ونور الدين: the next name of a list; ومؤسسة، وفريقه: the next
                # noun (a father's name in ـه after و is as rare as the noun is common)
            if token.startswith("وت") and len(token) <= 7:
                return False  # "تنتخب خليفة الرئيسي وتسدل الستار": و and a verb in the present
        if not _is_given(token) and not token.startswith("ال") and token.endswith("ا") and len(token) > 3 and (
            _is_participle(token[:-1]) or token[:-1] in nw.role_heads or token[:-1] in nw.capacities
            or token[:-1] in nw.given_common
        ):
            return False  # مؤكدا، مشيرا، نائبا، رئيسا: accusatives after a name; not أوركيزا، سيلفا
        if token.endswith(("يه", "ات")) and not token.endswith("ايه") and not _is_given(token):
            return False  # العربية، الوطنية: feminine adjectives; لقاءات: plurals (not الفراية)
        if _PURPOSE.match(token):
            return False  # "سانتياغو لاحتضان الدورة": لـ and a verbal noun, what the city is for
        if len(token) > 3 and token.startswith(("لل", "بال", "وال", "فال", "كال")) and not (
            token.startswith("بال") and _is_given(token[3:], common=True)
        ):
            return False  # للموارد، بالمغرب: a preposition with the article; not بالصادق (Belsadek)
    if token in _place_words() and not _is_given(token, common=True):
        return False  # المغربي، تركيا; but "العقيد تركي بن سعد": a given name after the first
    return True


def _is_participle(base: str) -> bool:
    """The active participle of a derived verb (normalised, without its accusative ـا), by
    its shape: مُفعِل/مُفعِّل (مؤكد، مشير، موضح), مُفاعِل (مطالب), مُفتعِل (معتبر), مُتفعِّل
    (متحدث), مُستفعِل (مستعرض). Names that open with م keep other shapes: مونيوز، منديل، مونيك."""
    if not base.startswith("م") or base.startswith("ما"):
        return False
    n = len(base)
    return n == 4 or (n == 5 and base[2] in "تا") or (n in (5, 6) and base.startswith("مت")) \
        or (n == 6 and base.startswith("مست"))


#: لـ and the verbal noun of a derived verb (normalised): لاحتضان، لانتخاب (افتعال)، لاستقبال
#: (استفعال)، لتنظيم (تفعيل)، لاعلان (إفعال). No foreign surname has these shapes (لاغارد، لامبرت).
_PURPOSE = re.compile(r"ل(?:ا.ت.ا.|است..ا.|ت..ي.|ا..ا.)")
#: بـ or لـ and a verbal noun (بتكثيف، لاستقبال), as one word.
_WITH_VERBAL_NOUN = re.compile(r"[بل](?:ا.ت.ا.|است..ا.|ت..ي.|ا..ا.)")


@functools.cache
def _phrases_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    nw = name_words()
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in nw.titles + nw.roles:
        index.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in index.items()}


# Where the finder looks: general tables of surface words (proclitics included), made once.

@functools.cache
def _title_starts() -> dict[str, tuple[tuple[int, list[str]], ...]]:
    """Surface word → (tokens, the words after the first) of each title and role phrase it
    may start, longest first."""
    index = _phrases_by_first()
    out = {}
    for surface, forms in surface_forms(index).items():
        phrases = sorted({p for form, _ in forms for p in index[form]}, key=len, reverse=True)
        out[surface] = tuple((len(p), list(p[1:])) for p in phrases)
    return out


@functools.cache
def _role_head_words() -> frozenset[str]:
    """The surface words for which ``_role_head`` holds."""
    heads = name_words().role_heads
    return frozenset(s for s, forms in surface_forms(heads).items() if _role_head(s))


@functools.cache
def _head_words() -> frozenset[str]:
    """Surface words that may open a title or role (``_title_at`` or ``_role_head``)."""
    return frozenset(_title_starts()) | _role_head_words()


@functools.cache
def lexicon() -> frozenset[str]:
    """Every surface word a pass of ``find_people`` starts from."""
    return _head_words() | frozenset(_given_starts()) | frozenset(_common_starts()) | frozenset(_nationalities())


@functools.cache
def _common_starts() -> dict[str, str]:
    """Surface word → its clitic form that is a given name which is also a common word."""
    common = name_words().given_common - name_words().given
    return {surface: forms[0][0] for surface, forms in surface_forms(common).items()}


def _next_to_verb(toks: Words, first: int, last: int) -> bool:
    """Whether a verb stands right before token ``first`` or right after token ``last``."""
    words = toks.words
    return (first > 0 and toks.joined(first - 1) and _is_verb(words[first - 1])) or (
        last + 1 < len(words) and toks.joined(last) and _is_verb(words[last + 1]))


def _is_verb(token: str) -> bool:
    verbs = name_words().verbs
    return token in verbs or any(f in verbs for f in _bare(token)[:2])


@functools.cache
def _given_starts() -> dict[str, str]:
    """Surface word → its first clitic form that is a given name or a compound head."""
    nw = name_words()
    names = nw.given | _COMPOUND_HEADS
    return {
        surface: next(form for form, _ in forms)
        for surface, forms in surface_forms(names).items()
        if any(_is_given(form) or form in _COMPOUND_HEADS for form, _ in forms)
    }


def _names_a_place(toks: Words, i: int) -> bool:
    """Whether the royal title at token ``i`` follows a place or institution named after
    someone: "مطار الملك عبد العزيز" is an airport, not the king."""
    words = toks.words
    return i > 0 and toks.joined(i - 1) and any(f in _ROYAL for f in _bare(words[i])) \
        and any(f in name_words().named_after for f in _bare(words[i - 1]))


def _title_at(toks: Words, i: int) -> int:
    """Number of tokens of a title/role phrase starting at token i (0 if none)."""
    words = toks.words
    for n, rest in _title_starts().get(words[i], ()):
        if n == 1 or (i + n <= len(words) and words[i + 1 : i + n] == rest and toks.run(i, n) == n):
            return n  # the longest that matches (its tokens joined by spaces only)
    return 0


def _limit(words: list[str], idx: list[int], n: int) -> list[int]:
    """The first ``n`` name words of ``idx``, with the connectors between them (سيف بن زايد
    آل نهيان is four words), never ending on a connector."""
    out: list[int] = []
    for j in idx:
        if sum(words[k] not in _CONNECTORS for k in out) == n:
            break
        out.append(j)
    while out and words[out[-1]] in _NOT_LAST:
        out.pop()
    return out


def _take_name(toks: Words, i: int, royal: bool = False) -> list[int]:
    """Name words from token i on: up to four (and connectors), no punctuation between them."""
    words = toks.words
    out: list[int] = []
    j = i
    while j < len(words) and len(out) < 8:
        if out and not (toks.joined(j - 1) or toks.gaps[j - 1] == "-"):
            break  # (a hyphen joins the parts of a name: آن-ماري، يات-مينغ)
        t = words[j]
        if out and t in _REGNAL and (royal or _is_given(words[out[0]])):
            out.append(j)
            break  # "الملك محمد السادس"، "بمركب محمد السادس لكرة القدم": the number ends the name
        if t == "وال":
            break  # "أبو زيد وآل حمدان": and the family of the next person of a list
        if t in _CONNECTORS and out and j + 1 < len(words):
            out.append(j)
            nxt = words[j + 1]
            if t == "ال" and toks.joined(j):
                out.append(j + 1)  # آل ثاني، آل نهيان: the family ends the name (not "رئاسة الدورة" after it)
                break
            if toks.joined(j) and nxt.startswith("ال") and len(nxt) > 3:
                out.append(j + 1)  # بن الشيخ: after بن any family name, even a title word
                j += 2
                continue
            j += 1
            continue
        if len(out) >= 2 and words[out[-2]] in _SON_OF and toks.definite(j) and _name_word(t, len(out)):
            out.append(j)  # "سلمى بنت سعيد الحارثي": after the father's name, the family's ends the name
            break
        if _family_nisba_of_a_woman(words, out, t):
            out.append(j)  # "شريفة بنت سالم البلوشية": her family's nisba, feminine, ends her name
            break
        if not _name_word(t, len(out)) or (out and _title_at(toks, j) > 1):
            break  # not a name word, or the role after a name: "محمد الأمين العام للحزب"
        out.append(j)
        if t in _COMPOUND_HEADS and j + 1 < len(words) and toks.joined(j):
            out.append(j + 1)  # عبد اللطيف، أبو بكر: one given name in two words
            j += 2
            continue
        j += 1
    while out and words[out[-1]] in _NOT_LAST:
        out.pop()
    foreign = any(_is_foreign(words[j]) for j in out)
    while len(out) > 1 and not foreign and _accusative(words[out[-1]]) and out[-1] + 1 < len(words) \
            and toks.joined(out[-1]) and not _closes_name(words[out[-1] + 1]):
        out.pop()  # "حل كريم بنعلي ضيفا على", "حموشي عددا كبيرا من": accusatives; a name in ـا
        # ends at punctuation (أوركيزا،) or before what was said (مارلاسكا إن), and a foreign
        # one anywhere ("فالديسي أوركيزا عن امتنانه", "سيباستيان بينيرا أعمال الدورة")
    return _limit(words, out, 4)


def _family_nisba_of_a_woman(words: list[str], out: list[int], token: str) -> bool:
    """Whether ``token`` is the feminine nisba of a family (البلوشيه) after a woman's name
    and her father's (بنت and a name before it): elsewhere a word in ـيه reads as an
    adjective and ends a name. Not a place's (المغربيه: her nationality)."""
    return len(out) >= 2 and words[out[-2]] == "بنت" and token.startswith("ال") and token.endswith("يه") \
        and len(token) >= 6 and token not in _place_words() and token not in name_words().stopwords


def lineage(short: list[str], full: list[str]) -> bool:
    """Whether the name ``short`` is held in ``full`` as its bearer's father or forebear:
    it opens right after a بن (سلمان بن عبدالعزيز in محمد بن سلمان بن عبدالعزيز آل سعود),
    so it names another person, not this one (normalised words)."""
    at = full.index(short[0]) if short and short[0] in full else -1
    return at > 0 and full[at - 1] in _SON_OF and len(short) >= 2


def _accusative(word: str) -> bool:
    """A word in ـا that is no given name: after a name, as a rule an accusative."""
    return word.endswith("ا") and not word.startswith("ال") and len(word) > 3 and not _is_given(word)


def _is_foreign(token: str) -> bool:
    """A given name that is not Arabic (its bearer's surname may end in ـا)."""
    return not name_words().foreign.isdisjoint(_bare(token))


def _starts_given(toks: Words, idx: list[int]) -> bool:
    first = toks.words[idx[0]]
    return _is_given(first, common=True) or first in _COMPOUND_HEADS


def find_people(text: str, toks: Words, segment: int) -> list[Candidate]:
    """Person-name candidates in one paragraph (shadow text)."""
    found: list[Candidate] = []
    used: set[int] = set()
    words, starts, ends = toks.words, toks.starts, toks.ends

    def keep(idx: list[int], rule: str, roles: list[tuple[int, int]], clitic: int = 0) -> None:
        if idx and not used.intersection(idx):
            used.update(idx)
            found.append(Candidate(idx, segment, roles, rule, clitic))
        elif idx and roles:  # "السيد عبد اللطيف حموشي، المدير العام …": the role of a name found
            same = next((c for c in found if c.tokens == idx), None)
            if same is not None:
                same.roles.extend(r for r in roles if r not in same.roles)

    names: dict[tuple[int, bool], list[int]] = {}  # the passes ask for the same names again

    def take(i: int, royal: bool = False) -> list[int]:
        """``_take_name``, once per token (the lists are not changed)."""
        if (i, royal) not in names:
            names[i, royal] = _take_name(toks, i, royal)
        return names[i, royal]

    hits = toks.hits(lexicon())
    if not hits:
        return found
    titles, head_words, given = _title_starts(), _head_words(), _given_starts()

    # after titles: only a token that may start a title can
    i = 0
    for first in hits:
        if first < i or words[first] not in titles:
            continue
        n = _title_at(toks, first)
        if not n or _names_a_place(toks, first):
            continue
        start = first
        titles_end = first + n
        national = False  # "اللواء التايلاندي ثاناكورن سريوونغ": a nationality in the title
        while titles_end < len(words) and toks.joined(titles_end - 1):
            more = _title_at(toks, titles_end)
            if more:
                titles_end += more
                continue
            t = words[titles_end]
            if t in _SKIP_AFTER_TITLE or (t in _place_words() and t.startswith("ال") and not _is_given(t)):
                national = national or t not in _SKIP_AFTER_TITLE
                titles_end += 1
                continue
            if t.startswith("ال") and titles_end + 1 < len(words) and toks.joined(titles_end) \
                    and countries().names.get((t, words[titles_end + 1])):
                titles_end += 2  # "الرئيس الجنوب إفريقي جاكي سيليبي"، "الوزير الكوري الجنوبي"
                continue
            break
        if titles_end < len(words) and toks.joined(titles_end - 1):
            royal = any(f in _ROYAL for tk in words[start:titles_end] for f in _bare(tk))
            idx = take(titles_end, royal)
            # the name starts at a given name, at most two words after the title
            while idx[:1] and not _starts_given(toks, idx) and idx[0] < titles_end + 2:
                idx = idx[1:]
            if idx and idx[0] > titles_end and words[idx[0] - 1] in _CONNECTORS:
                idx = []  # "أمقران آيت منصور": a family name after آيت، بن is no first name
            if not (idx and _starts_given(toks, idx)):
                idx = _bracketed(toks, titles_end, take, foreign=national)
            if idx and _conjoined(words[idx[0]]):
                idx = []  # "والكلاب المدربة ومصالح الإسعاف": the next item of a list, after no title
            if not idx and words[titles_end] == "في":  # "الباحث في الشؤون الأمنية حميد بلقاضي"
                field_end = next((j for j in range(titles_end + 2, min(titles_end + 5, len(words)))
                                  if _is_given(words[j], common=True) and toks.run(titles_end, j - titles_end + 1)
                                  == j - titles_end + 1), None)
                found_name = take(field_end) if field_end is not None else []
                if len(found_name) >= 2 and found_name[0] == field_end:
                    keep(found_name, "title", [(starts[start], ends[field_end - 1])])
                    idx = []
            if idx:
                if idx[0] == titles_end or not _starts_given(toks, idx):
                    keep(idx, "title", [(starts[start], ends[titles_end - 1])])
                else:  # words between: the title is not this person's
                    keep(idx, "given-name", [])
        i = titles_end

    # apposition: "NAME، ROLE" and "ROLE، NAME،", at the gaps that hold a comma
    heads = [k for k in hits if words[k] in head_words]
    marks = _clause_marks(text) if heads else []
    for k in _apposition_gaps(toks, marks, heads):
        if words[k + 1] in head_words:
            role_len = _title_at(toks, k + 1) or (1 if _role_head(words[k + 1]) else 0)
            if role_len:
                idx = _name_before(toks, k, take) or _unknown_name_before(toks, k, take)
                if idx:
                    keep(idx, "apposition", [(starts[k + 1], _clause_end(text, marks, starts[k + 1]))])
        # role before the comma: look back for a role phrase start within the clause
        clause = bisect.bisect_left(starts, _clause_start(marks, ends[k]))
        head = next((j for j in heads[bisect.bisect_left(heads, clause):bisect.bisect_right(heads, k)]
                     if _title_at(toks, j) or _role_head(words[j])), None)
        if head is None or used.intersection(range(head, k + 1)):
            continue  # (a name inside the role: "رئيس الأنتربول، اللواء أحمد ناصر الريسي، بجودة")
        idx = take(k + 1)
        if not (len(idx) >= 2 and _starts_given(toks, idx)):
            idx = _bracketed(toks, k + 1, take)
        if len(idx) >= 2:
            after = text[ends[idx[-1]] : ends[idx[-1]] + 2]
            if "،" in after or "," in after or after.strip() in ("", "."):  # "بنظيره الكيني، دوغلاس كانجا."
                if _conjoined(words[idx[0]]):  # "…، مدير الشرطة، وبوبكر سابيك،": the next in a list,
                    nxt = idx[-1] + 1  # whose role, if any, follows the name
                    role = nxt < len(words) and ("،" in after or "," in after) and words[nxt] in head_words \
                        and bool(_title_at(toks, nxt) or _role_head(words[nxt]))
                    keep(idx, LISTED, [(starts[nxt], _clause_end(text, marks, starts[nxt]))] if role else [],
                         clitic=1)
                else:
                    keep(idx, "apposition", [(starts[head], ends[k])])

    # a foreign name no list knows, after the nationality of its bearer: "سلفه الصيني منغ
    # هونغوي،", "منافستها التشيكية شاركا هافرانكوفا،", "للكوري الجنوبي كيم جونغ يانغ"
    nationals = _nationalities()
    for k in (k for k in hits if words[k] in nationals):
        j = k + 1
        if j < len(words) and toks.joined(k) and (nationals[words[k]], words[j]) in _two_word_nationalities():
            j += 1  # الكوري الجنوبي
        if j >= len(words) or not toks.joined(j - 1) or j in used or words[j].startswith(("و", "لل")) \
                or toks.definite(j):
            continue  # (the cheap tests first: a name after a nationality opens with neither)
        idx = _bracketed(toks, j, take)
        if idx and not words[idx[0]].startswith("و") and not _holds_place(words, idx) and not any(
                toks.definite(i) or words[i].endswith(("ه", "ين", "ون", "ات")) or _is_stop(words[i])
                for i in idx):  # not "السنغالية وكوت ديفوار،" (a list), "المغربية لكأس أمم إفريقيا"
            keep(idx, "nationality", [(starts[k], ends[j - 1])])

    # a known given name followed by name words; a given name that is also a word (وفاء،
    # سعيد) only next to a verb: "حيث عقد وفاء القاسمي لقاءات"، "ليلى الكتاني تلتقي …"
    not_names, common = name_words().not_names, _common_starts()
    pending: list[tuple[list[int], int]] = []  # names of a common given name, not next to a verb
    for k in hits:
        if k in used or (words[k] not in given and words[k] not in common):
            continue
        form = given.get(words[k]) or common[words[k]]
        if words[k] in _CONNECTORS and k > 0 and toks.joined(k - 1) and _is_given(words[k - 1], common=True):
            continue  # "أحمد بن بلة": the rest of a name that opens before it (found, or refused there)
        before = k - 1
        while before >= 0 and words[before] in _HONORIFICS:
            before -= 1  # ملعب مولاي عبد الله
        while before > 0 and words[before] in _OF_A_PLACE:
            before -= 1  # "بمطار وهران الدولي أحمد بن بلة", "المستشفى الجامعي محمد السادس"
        if before >= 0 and words[before] in _place_words() and before > 0:
            before -= 1  # مطار طنجة ابن بطوطة: the place's name after the city
        if before >= 0 and toks.run(before, k - before + 1) == k - before + 1 \
                and any(f in not_names or f.removeprefix("ال") in not_names for f in _bare(words[before])):
            continue  # جامعة نايف، مؤسسة محمد السادس، المستشفى الجامعي محمد السادس
        clitic = words[k][: len(words[k]) - len(form)]
        if form in _place_words() and ("ب" in clitic or "ل" in clitic or k > 0 and (
                words[k - 1] in _LOCATIVES or words[k - 1] in _nationalities())):
            continue  # في سانتياغو، بسانتياغو، العاصمة التشيلية سانتياغو: the city, not a Santiago
        quoted = k > 0 and toks.gaps[k - 1].rstrip()[-1:] in ('"', "«", "“")
        if quoted and any(f.removeprefix("ال") in not_names for j in range(max(0, k - 3), k) for f in _bare(words[j])):
            continue  # المركز الدولي للمؤتمرات "عبد اللطيف رحال": what the place is named after
        if form in _COMPOUND_HEADS:
            idx = take(k)
        else:  # the name goes on only past spaces (not "سانتياغو - فيديو", "بوعزة، انخرطت")
            rest = (take(k + 1) or take(k)[1:]) if k + 1 < len(words) and toks.joined(k) else []
            if rest and words[rest[0]] in _REGNAL:
                rest = rest[:1]  # "وحضر محمد السادس المراسم": the number ends the name
            idx = [k] + _limit(words, rest, 3)  # (take(k): "محمد الأمين", a role's word as a second name)
        if form in _COMPOUND_HEADS and idx and idx[0] != k:
            continue
        if idx and idx[0] == k and k > 0 and toks.gaps[k - 1] == "-" and words[k - 1].isalpha() \
                and k - 1 not in used:
            idx = [k - 1, *idx]  # "آن-ماري نايندا": the name begins before the hyphen
        if len(idx) >= 2 and all(_name_word(words[j], 1) or words[j] in _CONNECTORS
                                 for j in idx[1:] if words[j] not in _REGNAL):
            if form in _COMPOUND_HEADS and len(idx) < 3:
                continue
            if words[k] not in given and not _next_to_verb(toks, idx[0], idx[-1]):
                pending.append((idx, len(clitic)))
                continue
            keep(idx, "given-name", [], clitic=len(clitic) if idx[0] == k else 0)  # وعبد الوافي لفتيت
    # a given name that is also a word, in a list of people: "كل من سعيد أمزازي وعبد الوافي
    # لفتيت وناصر بوريطة" (after كل من, or joined by و to a person found, either side)
    for _ in range(len(pending)):
        listed = [(idx, c) for idx, c in pending if _in_list(toks, idx, c, found)]
        for idx, c in listed:
            keep(idx, "given-name", [], clitic=c)
        pending = [p for p in pending if p not in listed]
        if not listed:
            break
    return found


def _in_list(toks: Words, idx: list[int], clitic: int, found: list[Candidate]) -> bool:
    """Whether the name ``idx`` is an item of a list of people: after "كل من", or joined
    by و (its own, ``clitic``, or the next name's) to a name found beside it."""
    words = toks.words
    first, last = idx[0], idx[-1]
    if first >= 2 and words[first - 2 : first] == ["كل", "من"] and toks.joined(first - 1):
        return True
    ends = {c.tokens[-1] for c in found}
    starts = {c.tokens[0]: c for c in found}
    before = clitic == 1 and words[first][0] == "و" and first - 1 in ends
    after = last + 1 in starts and starts[last + 1].clitic == 1 and words[last + 1][0] == "و"
    return before or after


#: The rule of a name that opens with the و joining it to a list; the و is not the name's.
LISTED = "listed after و"


def _conjoined(token: str) -> bool:
    """و and a name (وبوبكر), not a name that starts with و (وليد، وفاء)."""
    return token.startswith("و") and len(token) >= 4 and not _is_given(token, common=True)


def _apposition_gaps(toks: Words, marks: list[int], heads: list[int]) -> list[int]:
    """The gaps (k: between tokens k and k + 1) holding a comma where an apposition can be
    found, in order: a role word right after the comma, or one in the clause the comma
    closes. The clause of a role word ends at the first mark after it, so for each role
    word only the gap before it and the gap of that mark count."""
    out = set()
    for h in heads:
        if h > 0 and _has_comma(toks.gaps[h - 1]):
            out.add(h - 1)
        m = bisect.bisect_left(marks, toks.starts[h])
        if m < len(marks):
            k = toks.index_at(marks[m])
            if k < len(toks) - 1 and _has_comma(toks.gaps[k]):
                out.add(k)
    return sorted(out)


def _has_comma(gap: str) -> bool:
    return "،" in gap or "," in gap


def _holds_place(words: list[str], idx: list[int]) -> bool:
    """Whether the words hold a country or city behind their clitics (بأديس أبابا)."""
    places = cities().names
    for n, i in enumerate(idx):
        for form in _bare(words[i]):
            if form in _place_words() or (n + 1 < len(idx) and (form, words[idx[n + 1]]) in places):
                return True
    return False


@functools.cache
def _nationalities() -> dict[str, str]:
    """Surface word → the nationality adjective (nisba) it holds, with the article:
    الصيني، التشيكية، البريطانيين; with a proclitic (للكوري، والفرنسي)."""
    adjectives = {k[0] for k in countries().names
                  if k[0].startswith("ال") and k[0].endswith(("ي", "يه", "يين", "يون"))}
    return {surface: forms[0][0] for surface, forms in surface_forms(adjectives).items()}


@functools.cache
def _two_word_nationalities() -> frozenset[tuple[str, str]]:
    """Nationalities in two words: الكوري الجنوبي، الجنوب الإفريقي."""
    return frozenset(k for k in countries().names if len(k) == 2 and k[0] in _nationalities().values())


#: What may follow a name no list knows as punctuation does: where its bearer is from, and
#: whom they told ("أليستير ماكلاود من المملكة المتحدة", "إنغريد هوفباور لـ«بوابة النيل»"). After
#: a title with a nationality (``foreign``), any stopword too: "اللواء التايلاندي ثاناكورن سريوونغ عرضا".
_FROM_WHERE = ("من", "عن", "ل")


def _bracketed(toks: Words, i: int, take: Callable[[int], list[int]], foreign: bool = False) -> list[int]:
    """Two or three name words right after a role and closed by punctuation:
    ``وزير الداخلية النمساوي، غيرهارد كارنر،`` — a foreign name no list knows."""
    words = toks.words
    idx = take(i)[:3]
    first = words[idx[0]] if idx else ""
    if len(idx) < 2 or toks.definite(idx[0]) or first.startswith(("بال", "لل", "وال", "فال", "كال")):
        return []
    end = toks.ends[idx[-1]]
    after = toks.text[end : end + 2].strip()
    nxt = words[idx[-1] + 1] if idx[-1] + 1 < len(words) else ""
    if nxt and after[:1] not in ("،", ",", ".", ":", "؛") \
            and not (toks.joined(idx[-1]) and (_ends_name(nxt) or nxt in _FROM_WHERE
                                               or (foreign and nxt in name_words().stopwords))):
        return []
    if _is_stop(first) or (first.startswith("ب") and _is_participle(first[1:])) or _WITH_VERBAL_NOUN.fullmatch(first):
        return []  # not "بعملية التوقيف", "بمستوى التنسيق", "القاضية بتكثيف ملاحقة الفارين من …"
    return idx


def _ends_name(token: str) -> bool:
    """What closes a name no list knows: ``_closes_name``, or و and a given name, the next
    name of a list ("ماثيو هيدجز وعلي عيسى")."""
    return _closes_name(token) or (token.startswith("و") and not _is_given(token) and (
        _is_given(token[1:]) or _role_head(token[1:])))  # "… وعلي عيسى", "… والأمين العام"


def _closes_name(token: str) -> bool:
    """A word that ends a name no list knows as well as punctuation does: what was said
    (``وقال الوزير لوران نونيز إن``) or the post taken (``القاضي لوسيانو غوميز رئيسا``)."""
    nw = name_words()
    return token in ("ان", "انه", "بان") \
        or (token.endswith("ا") and (token in nw.role_heads or token[:-1] in nw.capacities)) \
        or token in nw.verbs  # "الرئيس الإندونيسي جوكو ويدودو افتتح الأشغال"


def _role_head(token: str) -> bool:
    nw = name_words()
    return any(f in nw.role_heads for f in _bare(token)[:2])


def _unknown_name_before(toks: Words, k: int, take: Callable[[int], list[int]]) -> list[int]:
    """Two or three name words no list knows, ending at token k before "، ROLE", right
    after مع or a verb: "مباحثات مع ميرسيديس غونزاليس، المديرة العامة", "رحبت جو فاريل، رئيسة"."""
    words = toks.words
    for start in (k - 1, k - 2):
        idx = take(start) if start >= 1 else []
        if len(idx) != k - start + 1 or idx[-1] != k or not toks.joined(start - 1):
            continue
        prev = words[start - 1]
        first = words[start]
        if (prev == "مع" or _is_verb(prev)) and not first.startswith(("ال", "و")) \
                and not (first.endswith("ه") and not _is_given(first, common=True)) \
                and not _holds_place(words, idx) and not any(_is_stop(words[i]) for i in idx):
            return idx  # (not "أكدت محامية المتهم، الأستاذة …": a noun in ـة)
    return []


def _name_before(toks: Words, k: int, take: Callable[[int], list[int]]) -> list[int]:
    """The longest name ending at token k that starts with a given name (2–4 words)."""
    best: list[int] = []
    for start in range(max(0, k - 4), k):
        idx = take(start)
        if idx and idx[-1] == k and len(idx) >= 2 and _starts_given(toks, idx) and len(idx) > len(best):
            best = idx
    return best


_CLAUSE_MARKS = "،,.؛;\n"


def _clause_marks(text: str) -> list[int]:
    """Positions of the marks that end a clause (، , . ؛ ; newline), in order."""
    out = []
    for ch in _CLAUSE_MARKS:
        at = text.find(ch)
        while at != -1:
            out.append(at)
            at = text.find(ch, at + 1)
    return sorted(out)


def _clause_end(text: str, marks: list[int], pos: int) -> int:
    """Where the clause around ``pos`` ends: the next mark, at most 120 characters on."""
    k = bisect.bisect_left(marks, pos)
    return min(marks[k] if k < len(marks) else len(text), pos + 120)


def _clause_start(marks: list[int], pos: int) -> int:
    """Where the clause before ``pos`` starts: just after the last mark before it."""
    k = bisect.bisect_left(marks, pos)
    return marks[k - 1] + 1 if k else 0
