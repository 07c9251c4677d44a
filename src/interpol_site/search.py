"""Full-text search: a Pagefind index built at build time, served as static files.

Pagefind's Arabic stemmer handles ال, diacritics, ة/ه and Arabic-Indic digits, but not
every clitic: ``أمين`` does not find ``الأمين`` and ``والإنتربول`` is not ``الإنتربول``.
So each page is indexed with a *shadow* beside its text: every word normalised and with
its proclitics (و ف ب ك ل، ال) stripped. The shadow is only in what Pagefind indexes;
published pages stay as they are. The index is made in memory through Pagefind's Python
API and returned as files for the one writer, so it is swapped in with the site.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import re
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .arabic import clitic_variants, norm, strip_al
from .markdown_text import plain
from .records import Article, Corpus, generated_title

#: Separates a page's text from its shadow in the index; search.js cuts excerpts there.
SHADOW_MARK = "⁂"
_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3\w]+")


def shadow_words(text: str) -> str:
    """Normalised, clitic-free forms of the words of ``text``, once each, leaving out
    those the text already holds as written: the search shadow."""
    written = set(_WORD.findall(text))
    seen: dict[str, None] = {}
    for word in _WORD.findall(norm(text)):
        for form, _ in clitic_variants(word):
            seen.setdefault(form, None)
            seen.setdefault(strip_al(form), None)
    return " ".join(w for w in seen if w not in written)


def _document(title: str, body: Iterable[str], extra: str = "") -> str:
    text = " ".join(body)
    return (
        '<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>'
        f"{html.escape(title)}</title></head><body><main data-pagefind-body>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(text)}</p><p>{html.escape(extra)}</p>"
        f'<p>{SHADOW_MARK} {html.escape(shadow_words(title + " " + text + " " + extra))}</p>'
        "</main></body></html>"
    )


def article_document(a: Article) -> tuple[str, str]:
    from . import urls

    title = a.title or generated_title(a)
    body = [plain(p) for p in a.body] if a.markdown else list(a.body)
    return f"/{urls.article_path(a)}", _document(title, body)


def entity_documents(corpus: Corpus) -> list[tuple[str, str]]:
    """(url, html) of every entity page, indexed by its names."""
    from . import urls

    entities: dict[str, tuple[str, list[str]]] = {}
    for a in corpus.articles:
        for c in a.countries:
            entities.setdefault(urls.country_path(c.code, c.en), (c.ar_canonical, [c.en, c.ar]))
        for p in a.people:
            entities.setdefault(urls.person_path(p), (p.name, [*p.roles, *p.aliases]))
        if a.venue:
            entities.setdefault(urls.venue_path(a.venue), (a.venue.ar_canonical, [a.venue.en, a.venue.ar]))
        if a.session:
            number = a.session.number
            entities.setdefault(urls.session_path(number), (f"الدورة {number} للجمعية العامة للإنتربول", []))
    return [(f"/{path}", _document(title, words)) for path, (title, words) in sorted(entities.items())]


def documents(corpus: Corpus) -> list[tuple[str, str]]:
    """(url, html) to index: every article, and every entity page by its names."""
    return [article_document(a) for a in corpus.articles] + entity_documents(corpus)


#: Most articles in one Pagefind index. Pagefind holds an index in memory while it builds
#: it (~0.4 MB per page): larger archives are split into 2, 4, 8 … shards, which
#: Pagefind's UI searches together (``mergeIndex``), so memory stays bounded, and an
#: edit re-indexes one shard only.
SHARD_SIZE = 400
#: What a shard merged into the main index needs (the main one brings the code and wasm).
_SHARD_FILES = re.compile(r"^(pagefind-entry\.json|[^/]+\.pf_meta|(index|fragment|filter)/.*)$")


@dataclass(frozen=True)
class Shard:
    """One Pagefind index: its folder, a digest of what it holds, and its documents."""

    prefix: str  # "pagefind/" (the main index, with the UI) or "pagefind/part-3/"
    key: str
    documents: Callable[[], list[tuple[str, str]]]


def shard_count(articles: int) -> int:
    """1, 2, 4, 8 …: a power of two, so a growing archive is re-split rarely."""
    count = 1
    while articles > count * SHARD_SIZE:
        count *= 2
    return count


def _parts(corpus: Corpus) -> list[tuple[int, list[Article]]]:
    """The articles of each non-empty shard (a merged index may not be empty), by a hash
    of the article's id: an article stays in its shard while the count is unchanged."""
    count = shard_count(len(corpus.articles))
    parts: list[list[Article]] = [[] for _ in range(count)]
    for a in corpus.articles:
        parts[int(hashlib.blake2b(a.id.encode(), digest_size=8).hexdigest(), 16) % count].append(a)
    return [(i, part) for i, part in enumerate(parts) if part]


def merged_bundles(corpus: Corpus) -> list[str]:
    """Folders of the shards the search page merges into the main index (which holds
    the entity pages and the first shard, so it is never empty)."""
    return [f"pagefind/part-{i}/" for i, _ in _parts(corpus)[1:]]


def shards(corpus: Corpus, of: dict[str, str]) -> list[Shard]:
    """The indexes of the site; ``of`` maps an article's file to its digest
    (``render.Keys.of``), so a shard's key changes only when one of its articles does."""
    from .cache import fingerprint
    from .render import digest

    ents = entity_documents(corpus)
    parts = _parts(corpus) or [(0, [])]
    out = []
    for n, (i, part) in enumerate(parts):
        key = digest(fingerprint(), i, len(parts), [of[a.file] for a in part], ents if n == 0 else ())
        docs = functools.partial(lambda part, extra: [article_document(a) for a in part] + extra,
                                 part, ents if n == 0 else [])
        out.append(Shard("pagefind/" if n == 0 else f"pagefind/part-{i}/", key, docs))
    return out


def index_shard(shard: Shard) -> list[tuple[str, bytes]]:
    """The files of one shard (a merged shard without Pagefind's code)."""
    files = _index(shard.documents())
    if shard.prefix == "pagefind/":
        return [(f"pagefind/{path}", data) for path, data in files]
    return [(shard.prefix + path, data) for path, data in files if _SHARD_FILES.match(path)]


class _Pagefind:
    """A minimal client for ``pagefind --service``: base64 JSON messages ending in commas.

    Pagefind's own Python wrapper polls its pipe every 100 ms, one reply per poll, which
    costs 0.1 s per indexed page; this talks to the same binary one request at a time.
    """

    def __init__(self) -> None:
        from pagefind.service import get_executable

        binary = get_executable()
        if binary is None:
            raise RuntimeError("the Pagefind binary is missing; hint: pip install 'pagefind[bin]'")
        self._process = subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._buffer = b""
        self._message_id = 0

    def send(self, **payload: object) -> dict:
        self._write(payload)
        return self._read()

    def send_all(self, payloads: list[dict]) -> list[dict]:
        """Send every request from a thread while reading the replies, so the service
        works on several at once (and neither pipe fills up)."""
        import threading

        writer = threading.Thread(target=lambda: [self._write(p) for p in payloads], daemon=True)
        writer.start()
        replies = [self._read() for _ in payloads]
        writer.join()
        return replies

    def _write(self, payload: dict) -> None:
        assert self._process.stdin
        self._message_id += 1
        message = {"message_id": self._message_id, "payload": payload}
        self._process.stdin.write(base64.b64encode(json.dumps(message).encode()) + b",")
        self._process.stdin.flush()

    def _read(self) -> dict:
        assert self._process.stdout
        while b"," not in self._buffer:
            chunk = self._process.stdout.read1(1 << 20)
            if not chunk:
                raise RuntimeError("the Pagefind service stopped unexpectedly")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b",", 1)
        reply = json.loads(base64.b64decode(raw))["payload"]
        if reply.get("type") == "Error":
            raise RuntimeError(f"Pagefind: {reply.get('message')}")
        return reply

    def close(self) -> None:
        if self._process.stdin:
            self._process.stdin.close()
        self._process.wait(timeout=10)


def _index(docs: list[tuple[str, str]]) -> list[tuple[str, bytes]]:
    # Files come back in memory, never written by Pagefind: every byte goes through our
    # writer, so the search bundle is swapped in atomically with the rest of the site.
    service = _Pagefind()
    try:
        config = {"force_language": "ar", "keep_index_url": True}
        index_id = service.send(type="NewIndex", config=config)["index_id"]
        service.send_all([{"type": "AddFile", "index_id": index_id, "url": url, "file_contents": content,
                           "file_path": None} for url, content in docs])
        files = service.send(type="GetFiles", index_id=index_id)["files"]
    finally:
        service.close()
    return sorted((f["path"], base64.b64decode(f["content"])) for f in files)


def search_files(corpus: Corpus, of: dict[str, str] | None = None) -> list[tuple[str, bytes]]:
    """The Pagefind bundle (index, JS, CSS) as (path, bytes) under ``pagefind/``."""
    of = of if of is not None else {a.file: a.content_hash for a in corpus.articles}
    return sorted(f for shard in shards(corpus, of) for f in index_shard(shard))
