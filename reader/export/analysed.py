"""An article on disk, analysed as the window would show it: the disk cache first, then
the model, then the corrections the reader saved for it. Shared by `compare` and
`collection`."""

from __future__ import annotations

import argparse


def add_analysis_options(parser: argparse.ArgumentParser) -> None:
    """--model, --cache/--no-cache and --no-corrections, as `compare` and `collection` take them."""
    parser.add_argument("--model", default=None, help="spaCy pipeline to use")
    parser.add_argument("--cache", action=argparse.BooleanOptionalAction, default=True,
                        help="reuse and keep analyses in the user cache folder (default: on)")
    parser.add_argument("--no-corrections", action="store_true",
                        help="ignore the corrections saved for these articles")


def analyse_article(analyzer, article, corrections: bool = True):
    """The analysis of `article` by `analyzer` (which reads and fills its cache), with the
    saved corrections applied unless `corrections` is False."""
    analysis = analyzer.analyze(article)
    return with_corrections(article, analysis) if corrections else analysis


def with_corrections(article, analysis):
    """`analysis` with the corrections saved for `article` applied (itself if there are none)."""
    from reader.corrections import CorrectionStore, apply_corrections

    loaded = CorrectionStore().load(article.text, path=article.path, url=article.url)
    return apply_corrections(analysis, loaded.corrections) if loaded.corrections else analysis


def make_analyzer(model: str | None, cache: bool = True):
    from reader.provenance import Analyzer
    from reader.provenance.cache import AnalysisCache

    return Analyzer(model, cache=AnalysisCache() if cache else None)
