"""Command line: `provenance-reader [PATH]` opens the window; `analyze` prints the contract.

    provenance-reader                      the window, with the shipped sample article
    provenance-reader article.html         the window, with that article
    provenance-reader FOLDER               the library of the articles in FOLDER
    provenance-reader --compare A B        two articles side by side
    python -m reader analyze [--format json|jsonl|parquet] [-o OUT] [--jobs N]
                           [--english-anyway] PATH...
    python -m reader compare A B           two articles compared, as JSON
    python -m reader collection FOLDER --csv OUT   a row of figures per article, as CSV

`analyze` prints one JSON object per article (docs/design.md §3); over folders and globs it
writes JSON Lines or Parquet tables (reader.corpus.analyze_cli).
"""

from __future__ import annotations

import argparse
import sys

from reader import APP_NAME, __version__

EXIT_OK = 0


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
            from reader.corpus.analyze_cli import analyze_main

            return analyze_main(argv[1:])
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
