"""`python -m reader compare A B`: the comparison of two articles (reader.export.compare)
as JSON. A file that cannot be read, or a model that cannot be loaded, is one line on
stderr and exit status 1 (2 for the model)."""

from __future__ import annotations

import argparse
import json
import sys

from reader.export.analysed import add_analysis_options

EXIT_OK, EXIT_FAILED, EXIT_MODEL = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m reader compare",
        description="Compare two reports: the sources both quote and those only one does, "
                    "each one's shares of quoted, retold, unattributed and the writer's own "
                    "words, anonymous sources and framing per 1,000 words, as JSON.")
    parser.add_argument("first", metavar="A", help="the first article file")
    parser.add_argument("second", metavar="B", help="the second article file")
    add_analysis_options(parser)
    return parser


def compare_main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    from reader.document import ArticleError, load_article
    from reader.export.analysed import analyse_article, make_analyzer
    from reader.export.compare import compare
    from reader.provenance import ModelError

    articles = []
    for path in (args.first, args.second):
        try:
            articles.append(load_article(path))
        except ArticleError as error:
            print(f"provenance-reader: {error}", file=sys.stderr)
            return EXIT_FAILED
    analyzer = make_analyzer(args.model, args.cache)
    try:
        analyses = [analyse_article(analyzer, a, not args.no_corrections) for a in articles]
    except ModelError as error:
        print(f"provenance-reader: {error}", file=sys.stderr)
        return EXIT_MODEL
    result = compare((articles[0], analyses[0]), (articles[1], analyses[1]),
                     (args.first, args.second))
    print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    return EXIT_OK
