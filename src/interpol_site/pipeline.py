"""read → clean → extract → link → render → write, as plain functions.

``extract_corpus`` gathers and links the whole corpus before anything renders;
``build`` renders it and hands every byte to the one writer, which swaps the finished
site in atomically. Problems (bad files) are collected, never raised: the build goes on.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import gc
import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import workers
from .cache import NAME as CACHE_NAME
from .cache import ExtractCache, Stored, key_of
from .cache import member as cache_member
from .editorial import apply as apply_override
from .editorial import parse as parse_override
from .editorial import sidecar_of, split_front_matter
from .errors import BuildError, Problem
from .extract import extract_article
from .link import link
from .markdown_text import blocks, plain, title_of, to_html
from .opendata import RECORDS, record_offsets, records_json
from .read import PAGES_DIR, find_sources, read_source
from .records import Article, Corpus, TextPage, decode, encode
from .reuse import NAME as PAGES_NAME
from .reuse import Manifest
from .settings import Settings


def _project_root() -> Path:
    """The checkout holding templates/ and static/ (the working folder for a plain install)."""
    here = Path(__file__).resolve().parents[2]
    return here if (here / "templates").is_dir() else Path.cwd()


PROJECT_ROOT = _project_root()


@dataclass(frozen=True)
class BuildResult:
    articles: int
    pages: int
    problems: tuple[Problem, ...]
    seconds: float
    output: Path
    kept: int = 0  # files unchanged since the previous build, kept instead of rendered

    def summary(self) -> str:
        warnings = sum(p.level == "warning" for p in self.problems)
        errors = len(self.problems) - warnings
        kept = f", {self.kept} files unchanged and kept" if self.kept else ""
        return (
            f"built {self.articles} articles into {self.pages} pages at {self.output} "
            f"({warnings} warnings, {errors} skipped files{kept}) in {self.seconds:.2f} s"
        )


def extract_file(path: Path, source: Path) -> tuple[Article | None, list[Problem]]:
    """Read, clean and extract one file of ``source`` (its editor's corrections applied):
    its record (None when it cannot be read) and the problems met on the way."""
    text, problems = read_source(path, source)
    if text is None:
        return None, problems
    rel = _relative(path, source)
    try:
        article, more = _article(path, text, rel, source)
    except Exception as exc:  # a bug must not sink the other articles
        return None, [*problems, Problem(rel, f"could not extract facts: {exc!r}",
                                         "the article was skipped; please report this", level="error")]
    return article, problems + more


#: Largest sidecar read (1 MB): corrections are a few lines.
SIDECAR_MAX_BYTES = 1 << 20


def _article(path: Path, text: str, rel: str, source: Path) -> tuple[Article, list[Problem]]:
    """Extract one article, Markdown or text, then apply the editor's corrections."""
    problems: list[Problem] = []
    override = None
    if path.suffix.lower() == ".md":
        front, body, skipped = split_front_matter(text)
        if front is not None:
            override, problems = parse_override(front, rel, first_line=2)
        title, parts = title_of(blocks(to_html(body)))
        plain_text = "\n\n".join(([title] if title else []) + [plain(b) for b in parts])
        article = extract_article(plain_text, rel).replace(
            title=title, body=tuple(parts), body_lines=(), markdown=True,
            content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest())
    else:
        article = extract_article(text, rel)
        sidecar = sidecar_of(path)
        if sidecar is not None:
            shown = _relative(sidecar, source)
            try:
                if sidecar.is_symlink() or sidecar.stat().st_size > SIDECAR_MAX_BYTES:
                    raise ValueError("a symlink or a file over 1 MB is not read")
                data = sidecar.read_bytes().decode("utf-8-sig")
            except (OSError, ValueError) as exc:
                problems.append(Problem(shown, f"cannot read the editor's corrections: {exc}",
                                        "make it a plain UTF-8 file; the article is built without it"))
            else:
                override, problems = parse_override(data, shown)
                article = article.replace(content_hash=hashlib.sha256(
                    (article.content_hash + data).encode("utf-8")).hexdigest())
    if override is not None:
        article, more = apply_override(article, override)
        problems += more
    return article, problems


def _relative(path: Path, source: Path) -> str:
    try:
        return path.relative_to(source).as_posix()
    except ValueError:
        return path.name


#: Corpora at least this large are extracted in parallel processes.
PARALLEL_FROM = 400
#: Files extracted by one task: small enough that a worker's results (about 15 KB of
#: JSON a file) reach the build while it works, large enough to cost nothing to hand out.
FILES_PER_TASK = 32


@dataclass(frozen=True)
class _Extracted:
    """One file as ``_extract_many`` returns it: its records, and for the cache its key
    and entry. From a worker process it travels as JSON (``__reduce__``), which msgspec
    reads back into records faster than pickle rebuilds them; the JSON is not kept (it
    would double the memory a large corpus needs)."""

    stored: Stored
    key: str | None = None
    member: bytes = b""

    def __reduce__(self):
        return _received, (encode(self.stored), self.key, self.member)


def _received(payload: bytes, key: str | None, member: bytes) -> _Extracted:
    return _Extracted(decode(Stored, payload), key, member)


def _extract_many(paths: list[Path], source: Path, keys: dict[Path, str | None] | None) -> list[_Extracted]:
    """Extract ``paths``; with ``keys`` (a cache is kept), also each file's cache key
    (computed here when not given) and its cache entry, made where the record is."""
    out = []
    for path in paths:
        article, problems = extract_file(path, source)
        stored = Stored(article, tuple(problems))
        if keys is None:
            out.append(_Extracted(stored))
            continue
        key = keys[path] if path in keys else key_of(path)
        out.append(_Extracted(stored, key, cache_member(_relative(path, source), key, encode(stored)) if key else b""))
    return out


def warm() -> None:
    """Load the gazetteers and compile the patterns once, before worker processes fork."""
    extract_article("الدورة 93 في مراكش يوم 24 نونبر 2025 مع محمد الدخيسي من المغرب.", "warm.txt")


def extract_corpus(
    source: Path, progress: Callable[[int, int], None] | None = None, jobs: int | None = None,
    cache: ExtractCache | None = None,
) -> tuple[Corpus, list[Problem]]:
    """Read, clean, extract and link every article of ``source``.

    Extraction is a map over files: with ``jobs`` > 1 (default: the CPU count for corpora
    of ``PARALLEL_FROM`` files or more) it runs in worker processes, in chunks, and the
    results are put back in file order, so the output is identical to a serial run.
    With a ``cache``, files whose bytes (and sidecar) are unchanged reuse their record.
    """
    with _collector_paused():
        return _extract_corpus(source, progress, jobs, cache)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Records are made by the thousand and hold no reference cycles (extracting and
    linking 1,000 articles leaves 3 objects for the cycle collector): while they are
    made, its full walks over all of them find nothing and cost 0.3 s at 5,000
    articles. Reference counting still frees everything as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _extract_corpus(
    source: Path, progress: Callable[[int, int], None] | None, jobs: int | None, cache: ExtractCache | None,
) -> tuple[Corpus, list[Problem]]:
    paths, problems = find_sources(source)
    # Keys are worked out up front only when there is something to compare them with.
    keys = {p: cache.key(_relative(p, source), p) for p in paths} if cache else {}
    done: dict[Path, tuple[Article | None, list[Problem]]] = {}
    for path in paths if cache else ():
        hit = cache.get(_relative(path, source), keys[path])
        if hit is not None:
            done[path] = hit
    todo = [p for p in paths if p not in done]
    if jobs is None:
        jobs = workers.cores() if len(todo) >= PARALLEL_FROM else 1
    made: list[_Extracted] = []
    wanted = keys if cache is not None else None
    if jobs > 1 and len(todo) > 1:
        warm()  # the tables are loaded once, before the workers fork,
        gc.freeze()  # and kept out of the collector's walks (and of copy-on-write)
        size = FILES_PER_TASK
        chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
        tasks = [functools.partial(_extract_many, chunk, source, wanted) for chunk in chunks]
        shown = (lambda taken, total: progress(len(done) + min(taken * size, len(todo)), len(paths))) \
            if progress else None
        made = [m for part in workers.run(tasks, jobs, shown) for m in part]
    else:
        for path in todo:
            made += _extract_many([path], source, wanted)
            if progress:
                progress(len(done) + len(made), len(paths))
    for path, one in zip(todo, made, strict=True):
        article, probs = one.stored.article, list(one.stored.problems)
        done[path] = (article, probs)
        if cache is not None:
            cache.put(_relative(path, source), one.key, one.member, article, probs)
    results = [done[p] for p in paths]
    articles: list[Article] = []
    for article, probs in results:
        problems += probs
        if article is not None:
            articles.append(article)
    articles, id_problems = unique_ids(articles)
    problems += id_problems
    pages, page_problems = read_pages(source)
    problems += page_problems
    corpus = link(articles)
    return (dataclasses.replace(corpus, pages=pages) if pages else corpus), problems


def previews(site, links, source: Path, changed: list[str]) -> dict[str, bytes]:
    """The pages of the articles of ``site`` among the ``changed`` files, each extracted
    alone and linked with the ``links`` of the build that made ``site``: what ``serve``
    shows at once, before the corpus is linked again. New files, other files and edits
    that name what ``site`` has no page for are left to the rebuild."""
    from .render import edited_page

    out: dict[str, bytes] = {}
    for name in changed:
        path = Path(name)
        if not path.is_relative_to(source) or _relative(path, source) not in site.by_file:
            continue
        article, _ = extract_file(path, source)  # its problems: the rebuild reports them
        made = edited_page(site, links.apply(article)) if article is not None else None
        if made is not None:
            out[made[0]] = made[1]
    return out


def read_pages(source: Path) -> tuple[tuple[TextPage, ...], list[Problem]]:
    """The Markdown pages of ``source/pages/`` (not recursive, hidden names skipped),
    sorted by file name; a page's title is its front matter ``title:``, else its
    first ``# heading``, else its file name."""
    from .urls import slug

    folder = source / PAGES_DIR
    if not folder.is_dir() or folder.is_symlink():
        return (), []
    pages: list[TextPage] = []
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.suffix.lower() != ".md" or not path.is_file() or path.is_symlink():
            continue
        text, probs = read_source(path, source)
        problems += probs
        if text is None:
            continue
        rel = _relative(path, source)
        front, body, _ = split_front_matter(text)
        title = None
        if front is not None:
            meta = yaml_mapping(front)
            title = meta.get("title") if isinstance(meta.get("title"), str) else None
        heading, parts = title_of(blocks(to_html(body)))
        name = slug(path.stem) or "page"
        pages.append(TextPage(rel, name, title or heading or path.stem, "\n".join(parts)))
    return tuple(pages), problems


def yaml_mapping(text: str) -> dict:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def unique_ids(articles: list[Article]) -> tuple[list[Article], list[Problem]]:
    """Two files whose names slug alike get distinct ids (-2, -3 …), with a warning."""
    seen: dict[str, str] = {}
    out, problems = [], []
    for a in articles:
        new_id, n = a.id, 1
        while new_id in seen:
            n += 1
            new_id = f"{a.id}-{n}"
        if new_id != a.id:
            problems.append(Problem(a.file, f"its URL name '{a.id}' is taken by {seen[a.id]}",
                                    f"published as '{new_id}'; rename the file to choose another"))
            a = a.replace(id=new_id)
        seen[new_id] = a.file
        out.append(a)
    return out, problems


def build_date() -> dt.date | None:
    """The build date shown in feeds: SOURCE_DATE_EPOCH if set, else none (no wall clock)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return None


def build(source: Path, output: Path, settings: Settings, *, quiet: bool = False, fresh: bool = False,
          cache: ExtractCache | None = None, jobs: int | None = None,
          on_linked: Callable[[Any, list[Article]], None] | None = None) -> BuildResult:
    """Build the site of ``source`` into ``output``; with ``fresh``, nothing of the
    previous build is reused (the extraction cache and the page keys are ignored).
    A process that builds again and again (``serve``) passes its own ``cache``: its
    records then stay in memory from one build to the next.

    Everything after the link step is a list of independent tasks (pages, open data,
    search shards), run on every core for a large corpus (``jobs``, default: the cores
    for ``PARALLEL_FROM`` articles or more); each writes its files into the staging
    folder, which is swapped in when all are done. ``on_linked(site, articles)`` is called
    once the corpus is linked, before any page is written, with the articles extracted
    anew (``serve`` shows their pages at once)."""
    from .render import Site

    started = time.perf_counter()
    show = _progress(quiet)
    keep = cache is not None
    if cache is None:
        cache = ExtractCache() if fresh else ExtractCache.load(output)
    manifest = Manifest() if fresh else Manifest.load(output)
    corpus, problems = extract_corpus(source, show, cache=cache, jobs=jobs)
    extracted = set(cache.extracted)
    cached = [cache.dump(keep=keep)]  # handed on to _write, which lets go of it once written
    if jobs is None:
        jobs = workers.cores() if len(corpus.articles) >= PARALLEL_FROM else 1
    # The records live until the build ends and hold no cycles: the collector need not
    # walk them again and again (nor touch their pages in the forked workers).
    gc.freeze()
    try:
        site = Site(corpus, settings, build_date())
        if on_linked is not None:
            on_linked(site, [a for a in corpus.articles if a.file in extracted])
        pages, kept = _write(site, output, source, manifest, cached, jobs)
    finally:
        gc.unfreeze()
    return BuildResult(len(corpus.articles), pages, tuple(problems), time.perf_counter() - started,
                       Path(os.path.abspath(output)).resolve(), kept)


def _write(site, output: Path, source: Path, manifest: Manifest, cached: list[bytes], jobs: int
           ) -> tuple[int, int]:
    """Render and write the site: (HTML pages, files kept from the previous site). The
    extraction cache (``cached``, tens of MB) is written first and dropped."""
    from .render import site_jobs
    from .write import staging

    pages = site_jobs(site)
    with staging(output, static_dir=PROJECT_ROOT / "static", source=source, project_root=PROJECT_ROOT) as out:
        out.write(CACHE_NAME, cached.pop())
        gc.freeze()  # the site's indexes and jobs too: the workers' collector never walks them
        done = workers.run(_site_tasks(site, pages, manifest, out), jobs)
        # also what the workers wrote (the cache, written here before them, is kept)
        out.written = sorted({CACHE_NAME, *(rel for *_, paths in done for rel in paths)})
        kept, objects = 0, []
        out.count = sum(count for count, *_ in done)
        out.size = sum(size for _, size, *_ in done)
        for *_, made, _ in done:
            kept += made.kept
            for name, key, files in made.entries:
                manifest.add(name, key, files)
            objects += made.objects
        manifest.close()
        for (item, key, length), start in zip(objects, record_offsets(n for *_, n in objects), strict=True):
            manifest.add_span(RECORDS, item, key, start, length)
        out.write(RECORDS, records_json(_records_parts(out.base, sum(bool(m.objects) for *_, m, _ in done))))
        out.write(PAGES_NAME, manifest.dump())
    return sum(j.path.endswith(".html") for j in pages), kept


def _records_part(number: int) -> str:
    return f".records-part-{number}"  # hidden, in the staging folder only


def _records_parts(base: Path, count: int) -> Iterator[bytes]:
    """The parts of records.json, in order, each removed once read."""
    for number in range(count):
        path = os.path.join(base, _records_part(number))
        with open(path, "rb") as fh:
            yield fh.read()
        os.unlink(path)


@dataclass(frozen=True)
class Made:
    """What one task of the build did: the keys of the files it made or kept (name, key,
    files) for the manifest, how many files it kept from the previous site, and the
    objects it put in its part of records.json (file, key, length)."""

    entries: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    kept: int = 0
    objects: tuple[tuple[str, str, int], ...] = ()


#: Article pages rendered by one task (a task is the unit the workers share out).
ARTICLES_PER_TASK = 25


def _site_tasks(site, pages, manifest: Manifest, out) -> list[Callable[[], tuple[int, int, Made, list[str]]]]:
    """The independent tasks that make the site after the link step: each writes its
    files through ``out`` and returns (files written, bytes written, ``Made``). The
    longest tasks come first, so that the last ones to finish are short."""
    from . import opendata
    from .cache import fingerprint
    from .opendata import record_object
    from .render import digest
    from .search import index_shard, shards
    from .write import KEEP

    corpus, settings = site.corpus, site.settings

    def task(work: Callable[[], Made]) -> Callable[[], tuple[int, int, Made, list[str]]]:
        def run() -> tuple[int, int, Made, list[str]]:
            count, size, written = out.count, out.size, len(out.written)
            made = work()
            return out.count - count, out.size - size, made, out.written[written:]
        return run

    def render(group) -> Made:
        kept = 0
        entries = []
        for job in group:
            key = job.key()
            if key and manifest.keep(job.path, key) is not None:
                out.write(job.path, KEEP)
                kept += 1
            else:
                out.write(*job.render(site))
            if key:
                entries.append((job.path, key, (job.path,)))
        return Made(tuple(entries), kept)

    def search(shard) -> Made:
        old = manifest.keep(shard.prefix, shard.key)
        files = [(rel, KEEP) for rel in old] if old is not None else index_shard(shard)
        for rel, data in files:
            out.write(rel, data)
        return Made(((shard.prefix, shard.key, tuple(rel for rel, _ in files)),), len(old or ()))

    record_key = {a.file: digest(fingerprint(), site.keys.of[a.file]) for a in corpus.articles}

    def records(number: int, part: list[Article]) -> Made:
        """Objects of records.json (copied from the previous file if unchanged), joined
        into a part file of the staging folder: the build only strings the parts together,
        never holding the whole file (150 MB at 10,000 articles)."""
        pieces = [manifest.span(RECORDS, a.file, record_key[a.file]) or record_object(a) for a in part]
        with open(os.path.join(out.base, _records_part(number)), "xb") as fh:
            fh.write(b",".join(pieces))
        return Made(objects=tuple((a.file, record_key[a.file], len(piece))
                                  for a, piece in zip(part, pieces, strict=True)))

    def tables() -> Made:
        for rel, data in opendata.tables(corpus, settings.title):
            out.write(rel, data)
        return Made()

    # Jobs of one source (an entity's pages, built together) stay in one task.
    groups: list[list] = []
    articles: list = []
    for job in pages:
        if job.template == "article.html":
            articles.append(job)
            if len(articles) == ARTICLES_PER_TASK:
                groups.append(articles)
                articles = []
        elif groups and groups[-1][0].source == job.source and groups[-1][0].template == job.template:
            groups[-1].append(job)
        else:
            groups.append([job])
    if articles:
        groups.append(articles)
    articles_by_file = opendata.by_file(corpus)
    size = max(1, -(-len(articles_by_file) // 16))
    tasks = [task(functools.partial(records, k, articles_by_file[i:i + size]))
             for k, i in enumerate(range(0, len(articles_by_file), size))] + [task(tables)]
    if settings.search:
        tasks += [task(functools.partial(search, shard)) for shard in shards(corpus, site.keys.of)]
    # longest first: the biggest groups of pages lead, in a fixed order
    ordered = sorted(range(len(groups)), key=lambda i: (-len(groups[i]), i))
    tasks += [task(functools.partial(render, groups[i])) for i in ordered]
    return tasks


def _progress(quiet: bool) -> Callable[[int, int], None] | None:
    if quiet or not sys.stderr.isatty():
        return None

    last = [0]

    def show(done: int, total: int) -> None:
        if total >= 200 and (done - last[0] >= 100 or done == total) and done != last[0]:
            last[0] = done
            print(f"\rextracting {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    return show


__all__ = ["BuildError", "BuildResult", "build", "extract_corpus"]
