"""`python -m reader collection FOLDER [--csv OUT]`: a row of figures per article in FOLDER
(recursively), as CSV (reader.export.collection). A file that cannot be read gets its
error in its row and the others are still measured; the exit status is then 1. Without
--csv the table goes to standard output."""

from __future__ import annotations

import argparse
import os
import sys

from reader.document.errors import shown_name
from reader.export.analysed import add_analysis_options

EXIT_OK, EXIT_FAILED = 0, 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m reader collection",
        description="Measure every saved article in a folder (recursively): title, publisher, "
                    "date, words, quotes, paraphrases, sources, anonymous share, unattributed "
                    "claims, framing per 1,000 words; written as CSV.")
    parser.add_argument("folder", metavar="FOLDER", help="the folder of saved articles")
    parser.add_argument("--csv", metavar="OUT", default=None,
                        help="write the table to OUT (default: standard output)")
    add_analysis_options(parser)
    return parser


def collection_main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    from reader.export.analysed import make_analyzer
    from reader.export.collection import article_files, csv_text, iter_collection, write_csv

    if not os.path.isdir(args.folder):
        print(f"provenance-reader: {shown_name(args.folder)} is not a folder.", file=sys.stderr)
        return EXIT_FAILED
    paths = article_files(args.folder)
    analyzer = make_analyzer(args.model, args.cache)
    rows: list = [None] * len(paths)
    progress = sys.stderr.isatty()
    for done, (position, row) in enumerate(
            iter_collection(paths, analyzer, corrections=not args.no_corrections), 1):
        rows[position] = row
        if progress:
            print(f"\r{done}/{len(paths)} {paths[position].name[:50]:50}", end="",
                  file=sys.stderr)
    if progress:
        print(file=sys.stderr)
    seen = set()
    for row in rows:
        if row.error and row.error not in seen:  # a model that failed: one line, not 500
            seen.add(row.error)
            print(f"provenance-reader: {row.error}", file=sys.stderr)
    if args.csv:
        try:
            write_csv(args.csv, rows)
        except OSError as error:
            print(f"provenance-reader: {shown_name(args.csv)}: {error.strerror or error}", file=sys.stderr)
            return EXIT_FAILED
    else:
        sys.stdout.write(csv_text(rows))
    if not paths:
        print(f"provenance-reader: no article files in {args.folder}.", file=sys.stderr)
    return EXIT_FAILED if any(row.error for row in rows) else EXIT_OK
