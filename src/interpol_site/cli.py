"""Command line: ``build`` (default), ``extract`` and ``serve``.

Commands call plain functions; errors become messages and exit codes only here.
Exit status: 0 success, 1 warnings under ``--strict``, 2 a build error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from .errors import BuildError, Problem
from .pipeline import PROJECT_ROOT, build, extract_corpus
from .records import to_json


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="interpol-site", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command")

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--source", type=Path, default=PROJECT_ROOT / "seeds",
                        help="folder of articles (default: seeds/)")
        sp.add_argument("--strict", action="store_true", help="exit with status 1 on any warning")

    def site(sp: argparse.ArgumentParser) -> None:
        common(sp)
        sp.add_argument("--output", type=Path, default=PROJECT_ROOT / "_site",
                        help="output folder (default: _site/)")
        sp.add_argument("--base-url", dest="base_url", help="absolute URL of the published site")
        sp.add_argument("--settings", type=Path, help="settings file (default: site.yaml)")
        sp.add_argument("--month-style", dest="month_style",
                        choices=["maghrebi", "generic", "levantine", "algerian"])
        sp.add_argument("--digits", choices=["latn", "arab"])
        sp.add_argument("--no-search", dest="search", action="store_const", const=False,
                        help="no search page and no index (faster, less memory for large archives)")
        sp.add_argument("--quiet", action="store_true", help="print only the summary line")
        sp.add_argument("--fresh", action="store_true",
                        help="extract and render everything, reusing nothing from the previous build")

    site(sub.add_parser("build", help="build the site (default command)"))
    ex = sub.add_parser("extract", help="print the extracted records as JSON")
    common(ex)
    ex.add_argument("--explain", metavar="FILE",
                    help="show one article's facts, their evidence and rules, and the stripped boilerplate")
    sv = sub.add_parser("serve", help="build, serve on 127.0.0.1 and rebuild on change")
    site(sv)
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--host", default="127.0.0.1")
    return p


def _settings(args: argparse.Namespace, source: Path):
    from .settings import find_settings_file, load_settings

    path = args.settings or find_settings_file(source, PROJECT_ROOT)
    return load_settings(path, {"base_url": args.base_url, "month_style": args.month_style,
                                "digits": args.digits, "search": getattr(args, "search", None)})


def _report(problems: list[Problem] | tuple[Problem, ...]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv.insert(0, "build")
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "serve":
            return _serve(args)
        return _build(args)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def run() -> None:
    """``python build.py`` and the ``interpol-site`` script: ``main``, then exit without
    tearing the heap down object by object (half a second after a 5,000-article build;
    every file is written and closed by then)."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _source(args: argparse.Namespace) -> Path:
    """The source folder; a missing one stops the command before any site is replaced."""
    source = args.source.resolve()
    if not source.is_dir():
        raise BuildError(Problem(str(args.source), "source folder not found",
                                 "pass the folder of articles with --source", level="error"))
    return source


def _build(args: argparse.Namespace) -> int:
    source = _source(args)
    result = build(source, args.output, _settings(args, source), quiet=args.quiet, fresh=args.fresh)
    _report(result.problems)
    print(result.summary())
    return 1 if args.strict and result.problems else 0


def _extract(args: argparse.Namespace) -> int:
    source = _source(args)
    corpus, problems = extract_corpus(source)
    _report(problems)
    if args.explain:
        from .explain import explain

        wanted = Path(args.explain).name
        article = next((a for a in corpus.articles if a.file == args.explain or Path(a.file).name == wanted), None)
        if article is None:
            raise BuildError(Problem(args.explain, "no such article in the source folder", level="error"))
        sys.stdout.write(explain(article))
    else:
        records = [to_json(a) for a in corpus.articles]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=1, sort_keys=False) + "\n")
    return 1 if args.strict and problems else 0


def _serve(args: argparse.Namespace) -> int:
    import gc
    import threading

    from .cache import ExtractCache
    from .pipeline import warm
    from .serve import serve

    source = _source(args)
    # records stay in memory between rebuilds: a save re-reads only the files it changed
    cache = ExtractCache() if args.fresh else ExtractCache.load(args.output)
    cache.by_stat = {}  # an unchanged file is not read again to know it is unchanged

    # An edited article's page is served from memory while the site is rebuilt: first as
    # linked with what the last build learnt of the corpus (``previews``, at once), then
    # as the rebuild makes it, once the corpus is linked again, until it is swapped in.
    early: dict[str, bytes] = {}
    last: dict[str, Any] = {}  # the last build's site and its corpus's links

    def show_first(site, articles) -> None:
        from .render import article_page

        last["site"] = site
        for a in articles[:EARLY_PAGES]:
            path, context = article_page(site, a)
            early[path] = site.render("article.html", context)

    def rebuild(changed: list[str]) -> None:
        from .pipeline import previews

        try:
            if "links" in last:
                early.update(previews(last["site"], last["links"], source, changed[:EARLY_PAGES]))
            result = build(source, args.output, _settings(args, source), quiet=True, cache=cache,
                           on_linked=show_first)
        finally:
            early.clear()
            settle()
        _report(result.problems)
        print(result.summary(), flush=True)

    def settle() -> None:
        from .link import Links

        # What the next preview links an edit with, learnt from the linked articles (the
        # session table counts stated facts only, so what linking inferred is not recounted).
        if "site" in last:
            last["links"] = Links.of(list(last["site"].corpus.articles))
        # What is kept for the next build (records, page keys, memos) is walked by the
        # cycle collector once, now, and then frozen out of it: a full walk over it
        # (0.2 s at 5,000 articles) would otherwise fall inside the next rebuild.
        gc.collect()
        gc.freeze()

    result = build(source, args.output, _settings(args, source), quiet=True, cache=cache,
                   on_linked=lambda site, _: last.update(site=site))
    settle()
    _report(result.problems)
    print(result.summary(), flush=True)
    # An edit is extracted in this process: compile the patterns now, not on the first save.
    threading.Thread(target=warm, daemon=True).start()
    serve(args.output, args.port, rebuild, [source, PROJECT_ROOT / "templates", PROJECT_ROOT / "static"],
          host=args.host, early=early)
    return 0


#: Edited articles whose pages ``serve`` shows before the rebuild is swapped in.
EARLY_PAGES = 20


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
