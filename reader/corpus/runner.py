"""Analyses a list of files in chunks, in order: the disk cache first, the rest through
nlp.pipe in this process or in a pool of worker processes kept for the whole run (each
loads the model once). One file that cannot be read or analysed gives an Outcome with its
error; it never stops the others."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.document.model import Article
from reader.provenance.model import Analysis

if TYPE_CHECKING:
    import multiprocessing.pool

# Files read, analysed and handed on together; enough to keep nlp.pipe and the workers
# busy, few enough that memory does not grow with the corpus.
MIN_CHUNK = 32


@dataclass
class Outcome:
    """One file: its article and analysis, or the sentence saying why there are none."""

    path: str
    article: Article | None = None
    analysis: Analysis | None = None
    error: str | None = None
    # (article row, claim rows) when a worker made them (reader.corpus.partitions)
    rows: tuple[dict, list[dict]] | None = None

    def record(self) -> dict:
        """The JSON object of docs/design.md §3 (path and error if the file failed).
        "path" is the name as given, as valid UTF-8 (bytes that were not: \xff escapes)."""
        from reader.document.errors import valid_text

        path = valid_text(self.path)
        if self.article is None or self.analysis is None:
            return {"path": path, "error": self.error}
        record = {"path": path, "text": self.article.text, **self.article.metadata(),
                  "blocks": [b.to_dict() for b in self.article.blocks]}
        record.update(self.analysis.to_dict())
        return record


class CorpusRunner:
    """`run(paths)` yields one Outcome per path, in order. Raises ModelError (before the
    first outcome that needs the model) when the model cannot be loaded."""

    def __init__(self, analyzer, max_chars: int, batch_size: int = 8, jobs: int = 1,
                 long_text_progress: bool | None = False, english_anyway: bool = False):
        self.analyzer = analyzer
        # Every article gets the English analysis, whatever its language (analyze
        # --english-anyway).
        self.english_anyway = english_anyway
        # A bar on stderr through each text analysed in chunks (None: when it is a terminal).
        self.long_text_progress = long_text_progress
        self.max_chars = max_chars
        self.batch_size = batch_size
        self.jobs = jobs
        self._pool: multiprocessing.pool.Pool | None = None

    def __enter__(self) -> CorpusRunner:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def run(self, paths: Iterable[str]) -> Iterator[Outcome]:
        paths = list(paths)
        size = max(MIN_CHUNK, 4 * self.batch_size * self.jobs)
        for i in range(0, len(paths), size):
            yield from self._chunk(paths[i:i + size])

    def _chunk(self, paths: list[str]) -> Iterator[Outcome]:
        from reader.document import ArticleError, load_article

        outcomes = []
        for path in paths:
            try:
                outcomes.append(Outcome(path, load_article(path, max_chars=self.max_chars)))
            except ArticleError as error:
                outcomes.append(Outcome(path, error=str(error)))
        loaded = [o for o in outcomes if o.article is not None]
        for outcome in loaded:
            outcome.analysis = self.analyzer.cached(outcome.article, self.english_anyway)
        missing = [o for o in loaded if o.analysis is None]
        if missing:
            todo = [o.article for o in missing]
            if self.jobs > 1 and len(todo) > 1:
                fresh = self._in_processes(todo)
            else:
                self.analyzer.load()
                fresh = self._in_this_process(todo)
            for outcome, analysis in zip(missing, fresh):
                if isinstance(analysis, str):
                    outcome.error = analysis
                else:
                    outcome.analysis = analysis
        yield from outcomes

    def _in_this_process(self, articles: list[Article]) -> list:
        """analyze_batch, except that a text analysed in chunks goes alone, with a bar on
        stderr that advances chunk by chunk (a 10 MB text takes minutes)."""
        if self.long_text_progress is False:
            return analyze_batch(self.analyzer, articles, self.batch_size, self.english_anyway)
        long = {i for i, article in enumerate(articles) if not self.analyzer.whole(article)}
        short = iter(analyze_batch(self.analyzer, [a for i, a in enumerate(articles)
                                                   if i not in long], self.batch_size,
                                   self.english_anyway))
        return [analyze_with_bar(self.analyzer, article, self.long_text_progress,
                                 self.english_anyway)
                if i in long else next(short) for i, article in enumerate(articles)]

    def _in_processes(self, articles: list[Article]) -> list:
        """analyze_batch over `articles` split into batches, in the worker pool; results
        in the order of `articles`."""
        from reader.provenance import ModelError

        if self._pool is None:
            import multiprocessing

            if "==" not in self.analyzer.model_key:
                self.analyzer.load()  # not an installed package: fail here, with its message
            context = multiprocessing.get_context("spawn")  # fork would copy a half-loaded spaCy
            cache = self.analyzer.cache
            self._pool = context.Pool(self.jobs, initializer=_worker_start, initargs=(
                self.analyzer.model_name, cache.folder if cache is not None else None,
                self.batch_size, self.english_anyway))
        batches = [articles[i:i + self.batch_size]
                   for i in range(0, len(articles), self.batch_size)]
        out: list = []
        for result in self._pool.imap(_worker_analyze, batches):
            if isinstance(result, ModelError):
                raise result
            out.extend(result)
        return out


def analyze_batch(analyzer, articles: list[Article], batch_size: int,
                  english_anyway: bool = False) -> list:
    """Analyses (or one-sentence error strings), one per article, in order."""
    try:
        return list(analyzer.analyze_many(articles, batch_size=batch_size,
                                          english_anyway=english_anyway))
    except Exception:  # noqa: BLE001 - one bad article must not cost the others
        return [_analyze_one(analyzer, a, english_anyway) for a in articles]


def analyze_with_bar(analyzer, article: Article, enabled: bool | None,
                     english_anyway: bool = False):
    """The analysis of one long `article` (or its error sentence), with a bar on stderr
    over its characters."""
    from reader.progress import progress_bar

    try:
        with progress_bar(len(article.text), description="Analysing", unit=" chars",
                          enabled=enabled, scale=True, leave=False) as bar:
            for step in analyzer.iter_analyze(article, english_anyway):
                bar.update(step.done - bar.n)
        return step.merged
    except Exception as error:  # noqa: BLE001 - one bad article must not cost the others
        return analysis_failure(error)


def _analyze_one(analyzer, article: Article, english_anyway: bool = False):
    try:
        return analyzer.analyze(article, english_anyway)
    except Exception as error:  # noqa: BLE001
        return analysis_failure(error)


def analysis_failure(error: BaseException) -> str:
    """One sentence for a failed analysis: the error's kind and the first sentence of its
    message, never a library's whole explanation."""
    from reader.document.errors import short_reason

    return f"The analysis failed on this article ({short_reason(error)})."


_worker_analyzer = None
_worker_batch_size = 8
_worker_english_anyway = False


def _worker_start(model_name, cache_folder, batch_size, english_anyway=False) -> None:
    global _worker_analyzer, _worker_batch_size, _worker_english_anyway
    from reader.provenance import Analyzer
    from reader.provenance.cache import AnalysisCache

    cache = AnalysisCache(cache_folder) if cache_folder is not None else None
    _worker_analyzer = Analyzer(model_name, cache=cache)
    _worker_batch_size = batch_size
    _worker_english_anyway = english_anyway


def _worker_analyze(articles: list[Article]):
    from reader.provenance import ModelError

    try:
        _worker_analyzer.load()
    except ModelError as error:
        return error
    return analyze_batch(_worker_analyzer, articles, _worker_batch_size,
                         _worker_english_anyway)
