"""One partition of a corpus, analysed where it runs: the function a distributed engine
calls on each worker (Dask's `client.map`, Spark's `mapPartitions`).

The analyser is kept per process (`worker_analyzer`), so a worker loads the model once,
for its first partition, and reuses it for every later one. The files are read by the
worker, so every worker must see them at the same paths (a shared or copied folder).
Each partition runs through the same CorpusRunner as a one-process `analyze`, and its
rows are made by the same reader.corpus.tables, so the output is the same.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from reader.corpus.runner import CorpusRunner, Outcome
from reader.corpus.tables import rows_of

DEFAULT_MAX_CHARS = 10_000_000

_analyzers: dict[tuple, object] = {}
_lock = threading.Lock()  # a worker with several threads still loads one model
loads = 0  # how many times this process loaded a model (a test reads it)


def worker_analyzer(model_name: str | None = None, cache: bool = True):
    """This process's analyser for `model_name`, loaded on first use."""
    global loads
    key = (model_name, cache)
    with _lock:
        if key not in _analyzers:
            from reader.provenance import Analyzer
            from reader.provenance.cache import AnalysisCache

            analyzer = Analyzer(model_name, cache=AnalysisCache() if cache else None)
            analyzer.load()
            loads += 1
            _analyzers[key] = analyzer
        return _analyzers[key]


def analyze_partition(paths: list[str], *, model_name: str | None = None,
                      max_chars: int = DEFAULT_MAX_CHARS, cache: bool = True,
                      batch_size: int = 8, rows: bool = False,
                      english_anyway: bool = False) -> list[Outcome]:
    """One Outcome per path, in order. With `rows`, each carries its table rows
    (`outcome.rows`), made here on the worker rather than by the caller.
    `english_anyway`: every article gets the English analysis, whatever its language."""
    analyzer = worker_analyzer(model_name, cache)
    with _lock:  # spaCy's pipeline is not for two threads at once
        outcomes = list(CorpusRunner(analyzer, max_chars, batch_size,
                                     english_anyway=english_anyway).run(paths))
    if rows:
        for outcome in outcomes:
            outcome.rows = rows_of(outcome.path, outcome.article, outcome.analysis,
                                   outcome.error)
    return outcomes


def partition_rows(paths: Iterable[str], **options) -> Iterator[tuple[str, dict]]:
    """("articles", row) and ("claims", row) pairs for a partition of paths: the shape
    Spark's `rdd.mapPartitions(partition_rows)` wants (see the README)."""
    for outcome in analyze_partition(list(paths), rows=True, **options):
        article, claims = outcome.rows
        yield "articles", article
        for claim in claims:
            yield "claims", claim
