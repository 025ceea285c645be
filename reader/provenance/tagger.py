"""The learned attribution tagger: a small CNN that tags every token B/I/O of an
attribution's cue, source or content (PolNeAR's univocal scheme), beside the rules.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("provenance_tagger")          # after the parser: it reads TAG and DEP
    doc = nlp(text)
    doc._.provenance_tags                      # [(label, probability), ...] per token

It has its own tok2vec (hash embeddings of NORM, PREFIX, SUFFIX, SHAPE and the parser's
TAG and DEP, then a maxout window encoder), so it does not change or depend on the
weights of the pipeline it sits in. The bundled weights (`reader/resources/models/
attribution_tagger.bin`, trained by `python -m reader.train` on PolNeAR train) are loaded
by the factory; `to_disk`/`from_disk`/`to_bytes`/`from_bytes` are spaCy's own (Tagger's),
and what it writes on the Doc is plain data (a list of (str, float) pairs), so a Doc
with tags survives DocBin with `store_user_data`.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path

import numpy
from spacy.language import Language
from spacy.pipeline.tagger import Tagger
from spacy.tokens import Doc

from reader.provenance.pipelines import bundled_tagger_weights as bundled_weights

log = logging.getLogger(__name__)

ROLES = ("CUE", "SOURCE", "CONTENT")
LABELS = ("O",) + tuple(f"{p}-{r}" for r in ROLES for p in ("B", "I"))
FEATURES = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP"]
TAGS_EXTENSION = "provenance_tags"

if not Doc.has_extension(TAGS_EXTENSION):
    Doc.set_extension(TAGS_EXTENSION, default=None)

# Hash-table rows per feature (FEATURES' order); the shipped weights' shape.
EMBED_ROWS = [5000, 1000, 2500, 1000, 200, 200]


def model_config(rows: list[int] | None = None, width: int = 96, depth: int = 6,
                 window: int = 1) -> dict:
    """The tagger's thinc config; the defaults are the shipped weights' shape."""
    config = copy.deepcopy(MODEL_CONFIG)
    config["tok2vec"]["embed"]["rows"] = list(rows or EMBED_ROWS)
    config["tok2vec"]["embed"]["width"] = width
    config["tok2vec"]["encode"]["width"] = width
    config["tok2vec"]["encode"]["depth"] = depth
    config["tok2vec"]["encode"]["window_size"] = window
    return config


MODEL_CONFIG = {
    "@architectures": "spacy.Tagger.v2",
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": 96,
            "attrs": FEATURES,
            "rows": EMBED_ROWS,
            "include_static_vectors": False,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": 96,
            "window_size": 1,
            "maxout_pieces": 3,
            "depth": 6,
        },
    },
    "nO": None,
    "normalize": True,
}


class WeightsError(Exception):
    """The tagger's weights are missing or do not fit its model."""


@Language.factory("provenance_tagger", assigns=[f"doc._.{TAGS_EXTENSION}"],
                  default_config={"model": MODEL_CONFIG, "weights": "bundled"})
def make_attribution_tagger(nlp: Language, name: str, model, weights: str | None):
    """weights: "bundled" (the package's), a path to a file written by to_bytes, or
    "" / None for an untrained tagger (for training)."""
    tagger = AttributionTagger(nlp.vocab, model, name)
    if weights:
        tagger.load_weights(bundled_weights() if weights == "bundled" else Path(weights))
    return tagger


class AttributionTagger(Tagger):
    """spaCy's Tagger, except that it leaves token.tag_ alone and writes its labels with
    their probabilities to doc._.provenance_tags."""

    def __init__(self, vocab, model, name: str = "provenance_tagger"):
        super().__init__(vocab, model, name, overwrite=False)

    def load_weights(self, path: Path) -> None:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise WeightsError(f"cannot read the tagger weights {path}: {error}") from error
        self.load_bytes(data)

    def load_bytes(self, data: bytes) -> None:
        # The output layer's width comes from the labels, which are stored with the weights.
        for label in LABELS:
            self.add_label(label)
        try:
            self.from_bytes(data, exclude=["vocab"])
        except Exception as error:  # spaCy raises ValueError, thinc several kinds
            raise WeightsError(f"the tagger weights do not fit: {error}") from error

    def predict(self, docs):
        if not any(len(doc) for doc in docs):
            return [self.model.ops.alloc2f(len(doc), len(self.labels)) for doc in docs]
        scores = self.model.predict(docs)
        return [self.model.ops.to_numpy(s) for s in scores]

    def set_annotations(self, docs, batch_scores) -> None:
        labels = self.labels
        for doc, scores in zip(docs, batch_scores):
            scores = numpy.asarray(scores)
            if not len(doc):
                doc._.set(TAGS_EXTENSION, [])
                continue
            if not numpy.allclose(scores.sum(axis=1), 1.0, atol=1e-3):
                # Weights saved from a model that outputs raw scores: make them probabilities.
                exp = numpy.exp(scores - scores.max(axis=1, keepdims=True))
                scores = exp / exp.sum(axis=1, keepdims=True)
            best = scores.argmax(axis=1)
            doc._.set(TAGS_EXTENSION, [(labels[i], float(scores[n, i]))
                                       for n, i in enumerate(best)])
