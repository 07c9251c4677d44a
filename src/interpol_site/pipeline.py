"""read → clean → extract → link → render → write, as plain functions.

``extract_corpus`` gathers and links the whole corpus before anything renders;
``build`` renders it and hands every byte to the one writer, which swaps the finished
site in atomically. Problems (bad files) are collected, never raised: the build goes on.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildError, Problem
from .extract import extract_article
from .link import link
from .read import find_sources, read_source
from .records import Article, Corpus
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

    def summary(self) -> str:
        warnings = sum(p.level == "warning" for p in self.problems)
        errors = len(self.problems) - warnings
        return (
            f"built {self.articles} articles into {self.pages} pages at {self.output} "
            f"({warnings} warnings, {errors} skipped files) in {self.seconds:.2f} s"
        )


def _extract_one(path: Path, source: Path) -> tuple[Article | None, list[Problem]]:
    text, problems = read_source(path, source)
    if text is None:
        return None, problems
    rel = _relative(path, source)
    try:
        return extract_article(text, rel), problems
    except Exception as exc:  # a bug must not sink the other articles
        return None, [*problems, Problem(rel, f"could not extract facts: {exc!r}",
                                         "the article was skipped; please report this", level="error")]


def _relative(path: Path, source: Path) -> str:
    try:
        return path.relative_to(source).as_posix()
    except ValueError:
        return path.name


#: Corpora at least this large are extracted in parallel processes.
PARALLEL_FROM = 400


def _extract_many(paths: list[Path], source: Path) -> list[tuple[Article | None, list[Problem]]]:
    return [_extract_one(p, source) for p in paths]


def _warm() -> None:
    """Load the gazetteers and compile the patterns once, before worker processes fork."""
    extract_article("الدورة 93 في مراكش يوم 24 نونبر 2025 مع محمد الدخيسي من المغرب.", "warm.txt")


def extract_corpus(
    source: Path, progress: Callable[[int, int], None] | None = None, jobs: int | None = None
) -> tuple[Corpus, list[Problem]]:
    """Read, clean, extract and link every article of ``source``.

    Extraction is a map over files: with ``jobs`` > 1 (default: the CPU count for corpora
    of ``PARALLEL_FROM`` files or more) it runs in worker processes, in chunks, and the
    results are put back in file order, so the output is identical to a serial run.
    """
    paths, problems = find_sources(source)
    if jobs is None:
        jobs = (os.cpu_count() or 1) if len(paths) >= PARALLEL_FROM else 1
    results: list[tuple[Article | None, list[Problem]]] = []
    if jobs > 1 and len(paths) > 1:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        _warm()
        size = max(16, len(paths) // (jobs * 8))
        chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
        method = "fork" if "fork" in mp.get_all_start_methods() else None
        with ProcessPoolExecutor(jobs, mp_context=mp.get_context(method)) as pool:
            for chunk in pool.map(_extract_many, chunks, [source] * len(chunks)):
                results += chunk
                if progress:
                    progress(len(results), len(paths))
    else:
        for k, path in enumerate(paths, 1):
            results.append(_extract_one(path, source))
            if progress:
                progress(k, len(paths))
    articles: list[Article] = []
    for article, probs in results:
        problems += probs
        if article is not None:
            articles.append(article)
    articles, id_problems = unique_ids(articles)
    problems += id_problems
    return link(articles), problems


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


def build(source: Path, output: Path, settings: Settings, *, quiet: bool = False) -> BuildResult:
    from .opendata import open_data
    from .render import render_site
    from .search import search_files
    from .write import write_site

    started = time.perf_counter()
    show = _progress(quiet)
    corpus, problems = extract_corpus(source, show)
    files = render_site(corpus, settings, build_date())
    files += open_data(corpus, settings.title)
    files += search_files(corpus)
    result = write_site(files, output, static_dir=PROJECT_ROOT / "static", source=source,
                        project_root=PROJECT_ROOT)
    pages = sum(1 for rel, _ in files if rel.endswith(".html"))
    return BuildResult(len(corpus.articles), pages, tuple(problems),
                       time.perf_counter() - started, result.output)


def _progress(quiet: bool) -> Callable[[int, int], None] | None:
    if quiet or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total >= 200 and (done % 100 == 0 or done == total):
            print(f"\rextracting {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    return show


__all__ = ["BuildError", "BuildResult", "build", "extract_corpus"]
