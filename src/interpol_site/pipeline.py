"""read → clean → extract → link → render → write, as plain functions.

``extract_corpus`` gathers and links the whole corpus before anything renders;
``build`` renders it and hands every byte to the one writer, which swaps the finished
site in atomically. Problems (bad files) are collected, never raised: the build goes on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .cache import NAME as CACHE_NAME
from .cache import ExtractCache, key_of
from .editorial import apply as apply_override
from .editorial import parse as parse_override
from .editorial import sidecar_of, split_front_matter
from .errors import BuildError, Problem
from .extract import extract_article
from .link import link
from .markdown_text import blocks, plain, title_of, to_html
from .read import PAGES_DIR, find_sources, read_source
from .records import Article, Corpus, TextPage
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


def _extract_one(path: Path, source: Path) -> tuple[Article | None, list[Problem]]:
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


def _die_with_parent() -> None:
    """Worker initializer: on Linux, a worker is killed when the build process dies
    (e.g. SIGKILL), instead of lingering forever."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        pass


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


def _extract_many(paths: list[Path], source: Path) -> list[tuple[Article | None, list[Problem]]]:
    return [_extract_one(p, source) for p in paths]


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
    paths, problems = find_sources(source)
    keys = {p: key_of(p) for p in paths} if cache is not None else {}
    done: dict[Path, tuple[Article | None, list[Problem]]] = {}
    for path in paths if cache is not None else ():
        hit = cache.get(_relative(path, source), keys[path])
        if hit is not None:
            done[path] = hit
    todo = [p for p in paths if p not in done]
    if jobs is None:
        jobs = (os.cpu_count() or 1) if len(todo) >= PARALLEL_FROM else 1
    if jobs > 1 and len(todo) > 1:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        warm()
        size = max(16, len(todo) // (jobs * 8))
        chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
        method = "fork" if "fork" in mp.get_all_start_methods() else None
        with ProcessPoolExecutor(jobs, mp_context=mp.get_context(method), initializer=_die_with_parent) as pool:
            for chunk, made in zip(chunks, pool.map(_extract_many, chunks, [source] * len(chunks)), strict=True):
                done.update(zip(chunk, made, strict=True))
                if progress:
                    progress(len(done), len(paths))
    else:
        for path in todo:
            done[path] = _extract_one(path, source)
            if progress:
                progress(len(done), len(paths))
    if cache is not None:
        for path in todo:
            cache.put(_relative(path, source), keys[path], *done[path])
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
          cache: ExtractCache | None = None) -> BuildResult:
    """Build the site of ``source`` into ``output``; with ``fresh``, nothing of the
    previous build is reused (the extraction cache and the page keys are ignored).
    A process that builds again and again (``serve``) passes its own ``cache``: its
    records then stay in memory from one build to the next."""
    from .cache import fingerprint
    from .opendata import RECORDS, open_data_files
    from .render import Site, digest, site_jobs
    from .reuse import NAME as PAGES_NAME
    from .reuse import Manifest
    from .search import index_shard, shards
    from .write import KEEP, Keep, write_site

    started = time.perf_counter()
    show = _progress(quiet)
    keep = cache is not None
    if cache is None:
        cache = ExtractCache() if fresh else ExtractCache.load(output)
    manifest = Manifest() if fresh else Manifest.load(output)
    corpus, problems = extract_corpus(source, show, cache=cache)
    cached = cache.dump(keep=keep)
    site = Site(corpus, settings, build_date())
    jobs = site_jobs(site)  # also computes every page's key

    def search() -> list[tuple[str, bytes | Keep]]:
        """The blocks of the search index; unchanged ones kept."""
        out: list[tuple[str, bytes | Keep]] = []
        for shard in shards(corpus, site.keys.of):
            kept = manifest.keep(shard.prefix, shard.key)
            files = [(rel, KEEP) for rel in kept] if kept is not None else index_shard(shard)
            manifest.add(shard.prefix, shard.key, tuple(rel for rel, _ in files))
            out += files
        return out

    def files(index: Future | None) -> Iterator[tuple[str, bytes | Keep | Iterator[bytes]]]:
        """Every output file, rendered one at a time as the writer takes it (or kept)."""
        for job in jobs:
            if job.key and manifest.keep(job.path, job.key) is not None:
                yield job.path, KEEP
            else:
                yield job.render(site)
            manifest.add(job.path, job.key, (job.path,))
        record_key = {a.file: digest(fingerprint(), site.keys.of[a.file]) for a in corpus.articles}
        yield from open_data_files(
            corpus, settings.title,
            kept=lambda a: manifest.span(RECORDS, a.file, record_key[a.file]),
            spans=lambda a, start, length: manifest.add_span(RECORDS, a.file, record_key[a.file], start, length))
        manifest.close()
        if index is not None:
            yield from index.result()
        yield CACHE_NAME, cached
        yield PAGES_NAME, manifest.dump()

    # The search index is made in a thread beside rendering. It is pure Python now, so
    # the two share the GIL: on 1,000 articles this is as fast as making it inline.
    with ThreadPoolExecutor(1) as pool:
        index = pool.submit(search) if settings.search else None
        result = write_site(files(index), output, static_dir=PROJECT_ROOT / "static", source=source,
                            project_root=PROJECT_ROOT)
    return BuildResult(len(corpus.articles), sum(j.path.endswith(".html") for j in jobs), tuple(problems),
                       time.perf_counter() - started, result.output, manifest.kept)


def _progress(quiet: bool) -> Callable[[int, int], None] | None:
    if quiet or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total >= 200 and (done % 100 == 0 or done == total):
            print(f"\rextracting {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    return show


__all__ = ["BuildError", "BuildResult", "build", "extract_corpus"]
