"""The one entry point the app, the CLI and the evaluator use: Article → Analysis."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from reader.document.model import Article
from reader.provenance import language
from reader.provenance.language import LanguageDecision
from reader.provenance.model import Analysis

from reader.provenance.pipelines import DEFAULT_MODEL  # noqa: F401  (re-exported)
from reader.provenance.pipelines import (RULES_ONLY_NAME, installed_model, rules_only_pipeline,
                                         tagger_weights_key)
from reader.provenance.pipelines import KNOWN_ENGLISH_PIPELINES as FALLBACK_MODELS  # tried in order

log = logging.getLogger(__name__)


class ModelError(Exception):
    """The named spaCy pipeline cannot be loaded."""


def build_pipeline(model_name: str | None = None, learned: bool = True):
    """A spaCy pipeline with the provenance components added; with `learned`, the learned
    attribution tagger too (reader.provenance.tagger), when its weights load."""
    import spacy

    import reader.provenance.components  # noqa: F401  (registers the factories)
    import reader.provenance.tagger  # noqa: F401

    names = [model_name] if model_name else list(FALLBACK_MODELS)
    nlp, errors = None, []
    for name in names:
        try:
            nlp = spacy.load(name)
            break
        except (OSError, ImportError, ValueError) as error:
            errors.append(f"{name}: {error}")
    if nlp is None:
        if model_name:
            raise ModelError(f"The language model {model_name} could not be loaded.")
        # No trained pipeline at all: quotation marks and lead-ins still work on a blank
        # English pipeline; the window and the CLI say that attribution is reduced.
        log.warning("No trained pipeline could be loaded: %s", "; ".join(errors))
        nlp = rules_only_pipeline()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("provenance_paragraphs", before="parser")
    nlp.add_pipe("provenance_quotes")
    if learned and "parser" in nlp.pipe_names:
        add_learned_tagger(nlp)
    nlp.add_pipe("provenance_attribution")
    return nlp


def add_learned_tagger(nlp) -> bool:
    """Add the learned attribution tagger with its bundled weights; when they are missing
    or do not load, leave the rules alone (the caller says so) and return False."""
    from reader.provenance.tagger import WeightsError

    try:
        nlp.add_pipe("provenance_tagger")
    except WeightsError as error:
        log.warning("The learned attribution tagger is not used: %s", error)
        if "provenance_tagger" in nlp.pipe_names:
            nlp.remove_pipe("provenance_tagger")
        return False
    return True


class Analyzer:
    """Loads the pipeline once (on first use, or with `load()`) and analyses articles.

    With a `cache` (reader.provenance.cache.AnalysisCache), an article analysed before is
    read back from disk without loading spaCy. Articles longer than `chunk_above`
    characters are analysed in paragraph-aligned chunks of about `chunk_chars`
    (reader.provenance.chunking)."""

    def __init__(self, model_name: str | None = None, cache=None,
                 chunk_chars: int | None = None, chunk_above: int | None = None,
                 learned: bool = True):
        from reader.provenance.chunking import CHUNK_ABOVE, DEFAULT_CHUNK_CHARS

        self.model_name = model_name
        self.cache = cache
        self.chunk_chars = chunk_chars or DEFAULT_CHUNK_CHARS
        self.chunk_above = chunk_above or (chunk_chars if chunk_chars else CHUNK_ABOVE)
        self._nlp = None
        self._model_key: str | None = None
        self.learned = learned

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = build_pipeline(self.model_name, self.learned)
        return self._nlp

    @property
    def loaded(self) -> bool:
        return self._nlp is not None

    def load(self) -> None:
        language.preload()
        _ = self.nlp

    @property
    def reduced(self) -> bool:
        """Whether no trained pipeline could be loaded (rules only, no parse)."""
        return self.nlp.meta.get("name") == RULES_ONLY_NAME

    @property
    def learned_missing(self) -> bool:
        """Whether the learned tagger was asked for but its weights did not load (so the
        rules run alone), on a pipeline that could have used it."""
        nlp = self.nlp
        return (self.learned and "parser" in nlp.pipe_names
                and "provenance_tagger" not in nlp.pipe_names)

    @property
    def model_label(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', 'en')}_{meta.get('name', '?')} {meta.get('version', '')}".strip()

    @property
    def model_key(self) -> str:
        """The model as the cache knows it: the package that is (or would be) loaded."""
        if self._model_key is None:
            if self.model_name:
                self._model_key = installed_model(self.model_name)
            else:
                found = (installed_model(name) for name in FALLBACK_MODELS)
                self._model_key = next((key for key in found if "==" in key), RULES_ONLY_NAME)
            if self.learned and self._model_key != RULES_ONLY_NAME:
                self._model_key += f"+{tagger_weights_key()}"
        return self._model_key

    def whole(self, article: Article) -> bool:
        """Whether `article` is analysed in one piece: short enough for chunk_above and for
        the pipeline's max_length (loads the model, so call it only on a cache miss)."""
        return len(article.text) <= min(self.chunk_above, self.nlp.max_length)

    def _make_doc(self, article: Article, decision: LanguageDecision | None = None):
        doc = self.nlp.make_doc(article.text)
        doc._.provenance_blocks = [b.to_dict() for b in article.blocks]
        if decision is not None:
            doc._.provenance_language = decision.to_dict()
        return doc

    def _cache_key(self, article: Article, english_anyway: bool) -> str:
        # An analysis run anyway on a text that is not English is kept apart.
        return self.cache.key(article, self.model_key + ("+english-anyway" if english_anyway
                                                         else ""))

    def cached(self, article: Article, english_anyway: bool = False) -> Analysis | None:
        """The cached analysis of `article`, or None; never loads the model."""
        if self.cache is None:
            return None
        return self.cache.get(self._cache_key(article, english_anyway), article.text)

    def _store(self, article: Article, analysis: Analysis, english_anyway: bool = False) -> None:
        if self.cache is not None:
            self.cache.put(self._cache_key(article, english_anyway), analysis, article.text)

    def analyze(self, article: Article, english_anyway: bool = False) -> Analysis:
        """The analysis of `article`. One that is not English (reader.provenance.language)
        gets none of the English analysis, and says so in `analysis.language`, unless
        `english_anyway` (a reader who knows better)."""
        hit = self.cached(article, english_anyway)
        if hit is not None:
            return hit
        if not self.whole(article):
            from reader.provenance.chunking import analyze_chunked

            analysis = analyze_chunked(self, article, self.chunk_chars, english_anyway)
        else:
            decision = language.decide(article.text, force=english_anyway)
            doc = self.nlp(self._make_doc(article, decision))
            analysis = doc._.provenance
            analysis.model = self.model_label
        self._store(article, analysis, english_anyway)
        return analysis

    def iter_analyze(self, article: Article, english_anyway: bool = False):
        """analyze() in steps, for a caller that shows progress: yields a
        chunking.ChunkProgress after each chunk (once for an article that is short or
        cached); the last one's `merged` is the whole analysis, which is then cached."""
        from reader.provenance.chunking import ChunkProgress, iter_chunked

        total = len(article.text)
        analysis = self.cached(article, english_anyway)
        if analysis is None and self.whole(article):
            analysis = self.analyze(article, english_anyway)
        if analysis is not None:
            yield ChunkProgress(done=total, total=total, part=analysis, merged=analysis)
            return
        progress = None
        for progress in iter_chunked(self, article, self.chunk_chars, english_anyway):
            yield progress
        self._store(article, progress.merged, english_anyway)

    def run_pipeline(self, articles: Iterable[Article], batch_size: int = 8,
                     decision: LanguageDecision | None = None,
                     english_anyway: bool = False) -> Iterator[Analysis]:
        """The pipeline alone over `articles` with nlp.pipe: no cache, no chunking. Each
        article's language is told from its own text (analysed whatever it is with
        `english_anyway`), or is `decision` for all (the chunks of one article)."""
        docs = (self._make_doc(a, decision or language.decide(a.text, force=english_anyway))
                for a in articles)
        for doc in self.nlp.pipe(docs, batch_size=batch_size):
            analysis = doc._.provenance
            analysis.model = self.model_label
            yield analysis

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 8,
                     english_anyway: bool = False) -> Iterator[Analysis]:
        """Analyses in the order of `articles`; the short ones that miss the cache go
        through nlp.pipe together. `english_anyway` as for analyze(), for every one."""
        articles = list(articles)
        results: list[Analysis | None] = [self.cached(a, english_anyway) for a in articles]
        piped = [i for i, (a, r) in enumerate(zip(articles, results))
                 if r is None and self.whole(a)]
        stream = self.run_pipeline((articles[i] for i in piped), batch_size,
                                   english_anyway=english_anyway)
        piped_at = set(piped)
        for i, article in enumerate(articles):
            if results[i] is None:
                if i in piped_at:
                    analysis = next(stream)
                    self._store(article, analysis, english_anyway)
                else:
                    analysis = self.analyze(article, english_anyway)
                results[i] = analysis
            yield results[i]
            results[i] = None  # what is yielded is the caller's to keep
