"""Full-text search: our own static index, made at build time as small ``.js`` files.

**What is indexed.** Every word of a page is normalised (``arabic.norm``: marks and
tatweel dropped, أإآٱ→ا, ى→ي, ة→ه, Arabic-Indic digits → ASCII; Latin letters lower-cased)
and stored under each of its clitic-free forms (``arabic.clitic_variants``: و ف ب ك ل;
``arabic.strip_al``: the article). A query word is normalised the same way and loses its
proclitics and article (``query_terms`` here, ``queryTerms`` in ``static/search.js``; a
test runs both on a list of words), so ``بالنرويج``, ``النرويج`` and ``نرويج`` all look up
``نرويج``, and ``والإنتربول`` looks up ``انتربول``. Articles are indexed by their title and
text; entity pages (countries, people, venues, sessions) by their names and what is said
of them (``entity_docs``).

**Ranking** (in search.js, ``compareResults``): every word must match, the last one also
as a prefix. First the entity pages whose names hold every word (those named in most
articles first), then the articles whose titles do, then the other entity pages, then
the other articles; articles newest first. A news archive is read by date, and a word
in a headline says what the article is about; a page about the thing itself beats both.

**Layout.** ``search/index/`` holds one folder per *block*: ``e/`` for the entity pages,
and ``0/``, ``1/`` … for the articles, which past ``SHARD_SIZE`` are split into 2, 4, 8 …
blocks by a hash of the article id, so that an edit re-indexes one block only (``shards``;
``reuse.Manifest`` keeps the others). In a block the documents are numbered in rank
order (articles newest first, entities most-mentioned first), and it holds:

- ``meta.js``: the number of documents, their dates (for ranking across blocks) and the
  first term of each terms file;
- ``t0.js``, ``t1.js`` …: the terms in sorted order, about ``TERMS_BYTES`` per file, each
  with the documents holding it and, apart, those holding it in their title (an
  entity's names). A query word loads one terms file per block (a prefix being typed,
  sometimes a few);
- ``d0.js``, ``d1.js`` …: ``DOCS_PER_FILE`` documents each: path, title, date, and a
  lead of about ``LEAD`` characters, loaded only for the results shown.

A term's documents are a string of their numbers, each written with two (past 4,096
documents, three) base64url digits (``encode_docs``): a table look-up per number at
build time, ``charCodeAt`` in the browser. They come in no particular order and may
repeat (a number can come from several spellings of the word; merging them would cost
more at build time than the few bytes it saves).

Every file is a script holding one call, ``searchIndexPart(name, data)`` with ``data``
as JSON, so the search page loads it with a ``<script>`` element, which works from
``file://`` as over HTTP (``fetch`` does not); the page inserts every string as text.
Files go to the one writer as (path, bytes) like the rest of the site, and the same
corpus always gives the same bytes.
"""

from __future__ import annotations

import collections
import functools
import json
import operator
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from . import urls
from .arabic import clitic_variants, norm, strip_al
from .markdown_text import plain
from .records import Article, Corpus, generated_title

#: Folder of the index in the site.
ROOT = "search/index/"
#: The function every index file calls (defined by static/search.js).
CALLBACK = "searchIndexPart"
#: Most articles in one block (a power-of-two number of blocks holds the archive).
SHARD_SIZE = 2000
#: About this many bytes of postings in one terms file.
TERMS_BYTES = 8_000
#: Documents per documents file (results are shown ten at a time, newest first).
DOCS_PER_FILE = 20
#: Characters of an article's start carried in the index, shown before (or, from
#: ``file://``, instead of) an excerpt cut around the matched word.
LEAD = 160

# --------------------------------------------------------------------------- words

#: A word: letters and digits of any script (``[\p{L}\p{N}]+`` in search.js).
WORD = re.compile(r"[^\W_]+")
#: Proclitics and the article before at least three letters: what a query word loses.
#: ``(?:و|ف)?(?:ب|ك)?ال`` or ``(?:و|ف)?لل``; the same pattern is in search.js.
QUERY_CLITICS = re.compile(r"^(?:[وف]?[بك]?ال|[وف]?لل)(?=\w{3})")
_SENTINEL = "\x01"  # ends each token in a batch; neither dropped, folded nor a space


def query_terms(text: str) -> list[str]:
    """The terms a query looks up, one per word, in order: normalised, without
    proclitics and article (the twin of ``queryTerms`` in static/search.js)."""
    return [QUERY_CLITICS.sub("", w, count=1) for w in WORD.findall(norm(text).lower())]


@functools.lru_cache(maxsize=1 << 16)
def word_terms(word: str) -> tuple[str, ...]:
    """The index terms of one normalised word: each form it may hide behind proclitics,
    without the article (twice: ``الالتزام`` → ``التزام`` → ``تزام``), sorted."""
    out = set()
    for form, _ in clitic_variants(word):
        bare = strip_al(form)
        out.add(bare)
        out.add(strip_al(bare))
    return tuple(sorted(out))


#: The letters a proclitic or the article starts with: a word that starts with none of
#: them is its only term (``word_terms`` would say so, at the cost of a call).
_CLITIC_INITIALS = frozenset("وفبكلا")

#: Terms of each raw token (what lies between two spaces, as written); bounded.
_TOKENS: dict[str, tuple[str, ...]] = {}
_TOKENS_MAX = 1 << 19


def _token_terms(tokens: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """A table holding the index terms of each raw token. Tokens not seen before are
    normalised together, as one string (``norm`` over a paragraph costs what it costs
    over a word), then split into words; the words' terms are cached (``word_terms``).
    This runs once per distinct token of the corpus: a real archive has hundreds of
    thousands, so the common cases (one word, no proclitic) take no call."""
    cache = _TOKENS
    new = [t for t in tokens if t not in cache]
    if len(cache) + len(new) > _TOKENS_MAX:
        cache.clear()
        new = list(tokens)
    if new:
        normed = norm(_SENTINEL.join(new) + _SENTINEL).lower().split(_SENTINEL)
        if len(normed) != len(new) + 1:  # a token held the sentinel: one at a time
            normed = [norm(t).lower() for t in new]
        findall, terms, initials = WORD.findall, word_terms, _CLITIC_INITIALS
        for token, text in zip(new, normed, strict=False):
            if text.isalnum():  # one word (str.isalnum is WORD's [^\W_] in full)
                cache[token] = terms(text) if text[0] in initials else (text,)
            else:
                cache[token] = tuple(sorted({t for w in findall(text) for t in terms(w)}))
    return cache


def _tokens(text: str) -> set[str]:
    """The distinct pieces of ``text`` between spaces (``split(" ")`` is the cheapest
    split; a newline or another space it leaves inside a piece separates words for
    ``WORD`` all the same)."""
    return set(text.split(" "))


def terms_of(text: str) -> set[str]:
    """Every index term of ``text`` (what a page is found by)."""
    tokens = _tokens(text)
    table = _token_terms(tokens)
    return {t for token in tokens for t in table[token]}


def postings(texts: Iterable[str], n: int) -> dict[str, bytearray]:
    """term → the numbers of the texts that hold it (``n`` texts), already written as
    in the index (``width(n)`` ASCII digits each, see ``DIGITS``), in no particular order
    and possibly repeated: the lists of the distinct raw tokens that give the term
    (``بالنرويج`` and ``النرويج،`` both give ``نرويج``) are concatenated, not merged (the
    page sets one flag per number, so the index need not).

    A text costs one split on spaces, a set, and one append of its number's digits per
    distinct token; normalising a token and expanding it into its terms happens once per
    distinct token (``_token_terms``). Numbers go into bytearrays, which the garbage
    collector does not track: with a real archive's hundreds of thousands of distinct
    tokens, lists would make it walk the whole heap again and again."""
    codes = [c.encode("ascii") for c in _numbers(width(n))]
    raw: dict[str, bytearray] = {}
    get = raw.get
    for k, text in enumerate(texts):
        code = codes[k]
        for token in _tokens(text):
            numbers = get(token)
            if numbers is None:  # not try/except: most tokens of a real archive are new
                raw[token] = bytearray(code)
            else:
                numbers += code
    table = _token_terms(raw)
    by_term: dict[str, bytearray] = {}
    add = by_term.get
    for token, numbers in raw.items():
        for t in table[token]:
            have = add(t)
            # a token's numbers may serve several terms: concatenate into a new array
            by_term[t] = numbers if have is None else have + numbers
    return by_term


#: The digits document numbers are written with (base64url's): each number takes
#: ``width(n)`` of them, most significant first; no JSON string escapes any of them.
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def width(n: int) -> int:
    """Digits per document number in a block of ``n`` documents (2 up to 4,096)."""
    w = 1
    while len(DIGITS) ** w < n:
        w += 1
    return max(w, 2)


@functools.cache
def _numbers(w: int) -> tuple[str, ...]:
    """Every number written with ``w`` digits, in order: encoding is a table look-up."""
    out: tuple[str, ...] = ("",)
    for _ in range(w):
        out = tuple(a + b for a in out for b in DIGITS)
    return out


def encode_docs(lists: list[list[int]], n: int) -> str:
    """Document numbers as the index writes them (``postings`` does it as it goes)."""
    table = _numbers(width(n))
    return "".join(table[x] for numbers in lists for x in numbers)


def decode_docs(text: str, n: int) -> list[int]:
    """The sorted, distinct document numbers of ``encode_docs`` (for tests)."""
    w = width(n)
    value = {c: i for i, c in enumerate(DIGITS)}
    out = set()
    for k in range(0, len(text), w):
        x = 0
        for c in text[k:k + w]:
            x = x * len(DIGITS) + value[c]
        out.add(x)
    return sorted(out)


def _utf16(term: str) -> bytes:
    return term.encode("utf-16-be")


def _sorted_terms(terms: Iterable[str]) -> list[str]:
    """In the order JavaScript compares strings (by UTF-16 code units): the order of
    code points, unless a term has a character beyond U+FFFF."""
    terms = list(terms)
    if max("".join(terms), default="") <= "\uffff":
        return sorted(terms)
    return sorted(terms, key=_utf16)


# --------------------------------------------------------------------------- documents


class Doc(NamedTuple):
    """One searchable page: its path in the site, what a result shows, what is indexed.
    (A named tuple: made once per article, where a frozen dataclass costs five times more.)"""

    path: str
    title: str  # shown
    date: str  # ISO date, or "" (entity pages, undated articles)
    lead: str
    text: str  # indexed
    day: int = -1  # days since 1970-01-01, for ranking; -1 when undated
    name: str = ""  # indexed, and ranked as a title: an article's title, an entity's names


def lead(text: str, limit: int = LEAD) -> str:
    """The start of ``text`` on one line, cut at a word boundary to ``limit`` characters."""
    if len(text) <= limit:
        return " ".join(text.split())
    head = " ".join(text[: limit + 1].split())
    return head[:limit].rsplit(" ", 1)[0].rstrip("،,;:.") + "…"


def article_doc(a: Article, _new: Callable = tuple.__new__) -> Doc:
    # made with tuple.__new__: NamedTuple's own __new__ is Python code, called per article
    text = " ".join([plain(p) for p in a.body] if a.markdown else a.body)
    title = a.title or generated_title(a)
    if a.date:
        return _new(Doc, (urls.article_path(a), title, a.date.isoformat(), lead(text), text,
                          a.date.toordinal() - _EPOCH, title))
    return _new(Doc, (urls.article_path(a), title, "", lead(text), text, -1, title))


_EPOCH = 719163  # date(1970, 1, 1).toordinal()


def _first_and_count(records: list, key: Callable) -> tuple[dict, collections.Counter]:
    """The first record of each key and how many there are (C-level passes: this runs
    over every entity an article names)."""
    keys = list(map(key, records))
    return dict(zip(reversed(keys), reversed(records), strict=True)), collections.Counter(keys)


def entity_docs(corpus: Corpus) -> list[Doc]:
    """Every entity page, those named in most articles first (then by path). Each is
    found by its names, ranked like an article's title (a country's Arabic and English
    names, a person's name and aliases, a city's, ``الدورة 93``), and by what is said of
    it (a person's roles; a session's assembly, city and year), which the lead shows."""
    attrgetter = operator.attrgetter
    articles = corpus.articles
    found: list[tuple[int, str, str, tuple[str, ...], tuple[str, ...]]] = []  # articles, path, title, names, about
    countries, n = _first_and_count([c for a in articles for c in a.countries], attrgetter("code"))
    for c in countries.values():
        found.append((n[c.code], urls.country_path(c.code, c.en), c.ar_canonical, (c.ar_canonical, c.ar, c.en), ()))
    people = [p for a in articles for p in a.people]
    names, n = _first_and_count(people, attrgetter("name"))
    roles: dict[str, dict[str, None]] = {}
    aliases: dict[str, dict[str, None]] = {}
    for name, said, known in set(map(attrgetter("name", "roles", "aliases"), people)):
        roles.setdefault(name, {}).update(dict.fromkeys(said))
        aliases.setdefault(name, {}).update(dict.fromkeys(known))
    for p in names.values():
        found.append((n[p.name], urls.person_path(p), p.name, (p.name, *sorted(aliases[p.name])),
                      tuple(sorted(roles[p.name]))))
    venues, n = _first_and_count([a.venue for a in articles if a.venue], attrgetter("slug"))
    for v in venues.values():
        found.append((n[v.slug], urls.venue_path(v), v.ar_canonical, (v.ar_canonical, v.ar, v.en), ()))
    infos = {s.number: s for s in corpus.sessions}
    sessions, n = _first_and_count([a.session.number for a in articles if a.session], int)
    for number in sessions:
        info = infos.get(number)
        where = (info.venue.ar_canonical, info.venue.en) if info and info.venue else ()
        year = (str(info.year),) if info and info.year else ()
        found.append((n[number], urls.session_path(number), f"الدورة {number} للجمعية العامة للإنتربول",
                      (f"الدورة {number}",), ("للجمعية العامة للإنتربول", *where, *year)))
    out = []
    for _, path, title, names_, about in sorted(found, key=lambda d: (-d[0], d[1])):
        names_ = tuple(dict.fromkeys(w for w in names_ if w))
        shown = [w for w in dict.fromkeys((*names_, *about)) if w not in title]
        out.append(Doc(path, title, "", " · ".join(shown), " ".join(about), -1, " ".join(names_)))
    return out


# --------------------------------------------------------------------------- blocks


#: One encoder for every file (``json.dumps`` with options makes a new one per call).
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_quote = json.encoder.encode_basestring  # a str as a JSON string, in C


def _script(name: str, data: object) -> bytes:
    text = _JSON.encode(data)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"{CALLBACK}({json.dumps(name)},{text});\n".encode()


def index_block(name: str, docs: list[Doc]) -> list[tuple[str, bytes]]:
    """The files of one block (``name`` is its folder under ``ROOT``), ``docs`` in rank
    order; sorted by path."""
    n = len(docs)
    every = postings((d.text for d in docs), n)
    titled = postings((d.name for d in docs), n)
    for term, numbers in titled.items():  # a title's words are the document's too
        have = every.get(term)
        every[term] = numbers if have is None else have + numbers
    files: list[tuple[str, bytes]] = []
    firsts: list[str] = []
    rows: list[bytes] = []
    size = 0
    for term in _sorted_terms(every):
        if size >= TERMS_BYTES:
            files.append(_terms_file(name, len(firsts) - 1, rows))
            rows, size = [], 0
        if not rows:
            firsts.append(term)
        # written without the JSON encoder, which would scan every digit for escapes:
        # the numbers are DIGITS only, the term is JSON-quoted
        row = b"".join((b"[", _quote(term).encode(), b',"', every[term], b'"'))
        if term in titled:
            row += b',"' + titled[term] + b'"'
        rows.append(row + b"]")
        size += len(row)
    if rows:
        files.append(_terms_file(name, len(firsts) - 1, rows))
    for k in range(0, n, DOCS_PER_FILE):
        part = f"{name}/d{k // DOCS_PER_FILE}"
        files.append((f"{ROOT}{part}.js", _script(part, [[d.path, d.title, d.date, d.lead]
                                                        for d in docs[k:k + DOCS_PER_FILE]])))
    days = [d.day for d in docs]
    meta = {"n": n, "width": width(n), "terms": firsts, "per": DOCS_PER_FILE,
            "days": ",".join(map(str, days)) if any(x >= 0 for x in days) else ""}
    files.append((f"{ROOT}{name}/meta.js", _script(f"{name}/meta", meta)))
    return sorted(files)


def _terms_file(block: str, k: int, rows: list[bytes]) -> tuple[str, bytes]:
    name = f"{block}/t{k}"
    return f"{ROOT}{name}.js", b"".join((f"{CALLBACK}({json.dumps(name)},[".encode(), b",".join(rows), b"]);\n"))


@dataclass(frozen=True)
class Shard:
    """One block of the index: its folder, a digest of what it holds, and its documents."""

    prefix: str  # "search/index/e/" (entity pages) or "search/index/3/"
    key: str
    documents: Callable[[], list[Doc]]

    @property
    def name(self) -> str:
        return self.prefix.removeprefix(ROOT).rstrip("/")


def shard_count(articles: int) -> int:
    """1, 2, 4, 8 …: a power of two, so a growing archive is re-split rarely."""
    count = 1
    while articles > count * SHARD_SIZE:
        count *= 2
    return count


def _parts(corpus: Corpus) -> list[tuple[int, list[Article]]]:
    """The articles of each non-empty block, by a hash of the article's id: an article
    stays in its block while the number of blocks is unchanged."""
    count = shard_count(len(corpus.articles))
    parts: list[list[Article]] = [[] for _ in range(count)]
    for a in corpus.articles:
        parts[zlib.crc32(a.id.encode()) % count].append(a)  # stable, and cheap (it runs per article)
    return [(i, part) for i, part in enumerate(parts) if part]


def _newest_first(a: Article) -> tuple[bool, int, str]:
    return (a.date is None, -a.date.toordinal() if a.date else 0, a.file)


def blocks(corpus: Corpus) -> list[str]:
    """The folders of the index under ``ROOT``: ``e`` (entity pages), then the article
    blocks; the search page loads each block's ``meta.js``."""
    return ["e", *(str(i) for i, _ in _parts(corpus))]


def shards(corpus: Corpus, of: dict[str, str]) -> list[Shard]:
    """The blocks of the index; ``of`` maps an article's file to its digest
    (``render.Keys.of``), so a block's key changes only when one of its articles does
    (the entity block's, when a name or a count does)."""
    from .cache import fingerprint
    from .render import digest

    code = fingerprint()
    ents = entity_docs(corpus)
    out = [Shard(f"{ROOT}e/", digest(code, "e", ents), functools.partial(list, ents))]
    count = shard_count(len(corpus.articles))
    for i, part in _parts(corpus):
        part = sorted(part, key=_newest_first)
        key = digest(code, i, count, [of[a.file] for a in part])
        out.append(Shard(f"{ROOT}{i}/", key, functools.partial(lambda p: [article_doc(a) for a in p], part)))
    return out


def index_shard(shard: Shard) -> list[tuple[str, bytes]]:
    """The files of one block, under its ``prefix``."""
    return index_block(shard.name, shard.documents())


def search_files(corpus: Corpus, of: dict[str, str] | None = None) -> list[tuple[str, bytes]]:
    """Every file of the index as (path, bytes) under ``search/index/``, sorted."""
    of = of if of is not None else {a.file: a.content_hash for a in corpus.articles}
    return sorted(f for shard in shards(corpus, of) for f in index_shard(shard))
