"""The learned attribution tagger: a small CNN that tags every token B/I/O of an
attribution's cue, source or content (PolNeAR's univocal scheme), beside the rules.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("provenance_tagger")          # after the parser: it reads TAG and DEP
    doc = nlp(text)
    doc._.provenance_tags                      # [(label, probability), ...] per token

It has its own tok2vec (hash embeddings of NORM, PREFIX, SUFFIX, SHAPE and the parser's
TAG and DEP, optionally beside a static word vector or hash embeddings of context features,
reader.provenance.tagger_context, both measured and not shipped; then a maxout window
encoder), so it does not change or depend on the weights of the pipeline it sits in. The static word
vectors (`word_vectors`) are the table the framing tagger ships (`resources/models/
framing_vectors.npz`: en_core_web_md's CC0 vectors reduced to 64 dimensions, looked up by
the lowercase form), read from there, never copied into the tagger's weights; the weights
record the table's checksum, and weights trained with another table do not load. The
bundled weights (`reader/resources/models/attribution_tagger.bin`, trained by `python -m
reader.train` on PolNeAR train) are loaded by the factory; `to_disk`/`from_disk`/
`to_bytes`/`from_bytes` are spaCy's own (Tagger's), and what it writes on the Doc is
plain data (a list of (str, float) pairs), so a Doc with tags survives DocBin with `store_user_data`.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import math
from functools import cache
from pathlib import Path

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.ml import FeatureExtractor
from spacy.pipeline.tagger import Tagger
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, Ragged, chain, concatenate, list2ragged, \
    ragged2list, with_array

from reader.provenance.blas import numpy_ops, one_blas_thread
from reader.provenance.pipelines import bundled_tagger_weights as bundled_weights
from reader.provenance.tagger_context import CONTEXT_EMBED, CONTEXT_FEATURES, FEATURE_ROWS

log = logging.getLogger(__name__)

ROLES = ("CUE", "SOURCE", "CONTENT")
LABELS = ("O",) + tuple(f"{p}-{r}" for r in ROLES for p in ("B", "I"))
FEATURES = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP"]
TAGS_EXTENSION = "provenance_tags"

if not Doc.has_extension(TAGS_EXTENSION):
    Doc.set_extension(TAGS_EXTENSION, default=None)

# How much each role's labels weigh against O when a token's label is chosen (the argmax
# of probability x weight, or the best valid path of them, `decode`); the stored probability
# stays the label's own. Chosen on two samples of PolNeAR train (see the README), not on dev.
ROLE_WEIGHTS = {"CUE": 1.0, "SOURCE": 1.0, "CONTENT": 1.0}

# Hash-table rows per feature (FEATURES' order); the shipped weights' shape.
EMBED_ROWS = [5000, 1000, 2500, 1000, 200, 200]


def model_config(rows: list[int] | None = None, width: int = 96, depth: int = 6,
                 window: int = 1, vectors: bool = False, context: bool = False,
                 context_width: int = 48, context_features=CONTEXT_FEATURES) -> dict:
    """The tagger's thinc config; the defaults are the shipped weights' shape
    (SHIPPED_MODEL_CONFIG). `context` adds the context features of
    reader.provenance.tagger_context (not with `vectors`)."""
    config = copy.deepcopy(MODEL_CONFIG)
    if vectors and context:
        raise ValueError("the word vectors and the context features do not go together")
    if vectors:
        config["tok2vec"]["embed"] = {"@architectures": VECTORS_EMBED, "width": width,
                                      "attrs": FEATURES, "rows": EMBED_ROWS}
    if context:
        config["tok2vec"]["embed"] = {"@architectures": CONTEXT_EMBED, "width": width,
                                      "attrs": FEATURES, "rows": EMBED_ROWS,
                                      "context_rows": [FEATURE_ROWS[name] for name
                                                       in context_features],
                                      "context_width": context_width}
        if tuple(context_features) != CONTEXT_FEATURES:
            config["tok2vec"]["embed"]["context"] = list(context_features)
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


VECTORS_EMBED = "reader.HashAndWordVectorEmbed.v1"


@cache
def word_vectors() -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray, str] | None:
    """The shipped static word vectors: sorted key hashes, the row of each key, the table
    (float32, one unit-length row of VECTOR_WIDTH per word) and a checksum of the file's
    arrays; None when the file is missing."""
    from reader.resources_path import resource

    path = resource("models", "framing_vectors.npz")
    try:
        with numpy.load(path, allow_pickle=False) as data:
            keys, rows, table = data["keys"], data["rows"], data["table"]
    except (OSError, KeyError, ValueError):
        return None
    digest = hashlib.sha256()
    for array in (keys, rows, table):
        digest.update(numpy.ascontiguousarray(array).tobytes())
    return (keys, rows.astype(numpy.int64), table.astype(numpy.float32),
            digest.hexdigest()[:16])


def vector_inputs(doc: Doc) -> numpy.ndarray:
    """One row per token of `doc`: the static vector of its lowercase form and a last
    column that is 1 where the word has one (zeros elsewhere)."""
    loaded = word_vectors()
    width = 64 if loaded is None else loaded[2].shape[1]
    out = numpy.zeros((len(doc), width + 1), dtype=numpy.float32)
    if loaded is None or not len(doc):
        return out
    keys, rows, table, _ = loaded
    lowers = doc.to_array([LOWER]).astype(numpy.uint64).reshape(-1)
    where = numpy.searchsorted(keys, lowers).clip(0, len(keys) - 1)
    found = keys[where] == lowers
    out[found, :width] = table[rows[where[found]]]
    out[found, width] = 1.0
    return out


def WordVectorInputs() -> Model[list[Doc], Ragged]:
    """A layer with no weights: the static vector inputs of every token (`vector_inputs`),
    as a Ragged like FeatureExtractor's. Its attrs hold the table's checksum, which goes
    with the weights; weights made with another table raise WeightsError on loading."""
    loaded = word_vectors()
    return Model("word_vectors", _word_vectors_forward,
                 attrs={"table_checksum": loaded[3] if loaded else ""})


def _word_vectors_forward(model, docs, is_train):
    arrays = [vector_inputs(doc) for doc in docs]
    lengths = numpy.asarray([len(a) for a in arrays], dtype="int32")
    data = numpy.concatenate(arrays) if arrays else numpy.zeros((0, 65), dtype="float32")
    output = Ragged(model.ops.asarray2f(data), model.ops.asarray1i(lengths))
    return output, lambda d_output: []


@registry.architectures(VECTORS_EMBED)
def HashAndWordVectorEmbed(width: int, attrs: list[str], rows: list[int]
                           ) -> Model[list[Doc], list]:
    """spaCy's MultiHashEmbed (hash embeddings of `attrs`, one Maxout to mix them) with
    the shipped static word vectors concatenated before the Maxout, raw: 64 more inputs
    to one layer, nothing more to compute per token."""
    if len(rows) != len(attrs):
        raise ValueError(f"mismatched lengths: {len(rows)} vs {len(attrs)}")
    embeddings = [HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0)
                  for i in range(len(attrs))]
    loaded = word_vectors()
    vector_width = (64 if loaded is None else loaded[2].shape[1]) + 1
    hashed = chain(FeatureExtractor(attrs), list2ragged(), with_array(concatenate(*embeddings)))
    return chain(concatenate(hashed, WordVectorInputs()),
                 with_array(Maxout(width, width * len(embeddings) + vector_width, nP=3,
                                   dropout=0.0, normalize=True)),
                 ragged2list())


def table_checksums(model: Model) -> list[str]:
    """The checksums of the word-vector tables `model` reads ([] when it reads none)."""
    return [node.attrs["table_checksum"] for node in model.walk() if node.name == "word_vectors"]


class WeightsError(Exception):
    """The tagger's weights are missing or do not fit its model."""


# The shipped weights' shape.
SHIPPED_MODEL_CONFIG = model_config()


@Language.factory("provenance_tagger", assigns=[f"doc._.{TAGS_EXTENSION}"],
                  default_config={"model": SHIPPED_MODEL_CONFIG, "weights": "bundled"})
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
        expected = table_checksums(self.model)
        try:
            self.from_bytes(data, exclude=["vocab"])
        except Exception as error:  # spaCy raises ValueError, thinc several kinds
            raise WeightsError(f"the tagger weights do not fit: {error}") from error
        if table_checksums(self.model) != expected or "" in expected:
            # from_bytes restores the attrs saved with the weights: the table they were
            # trained with must be the one shipped now.
            raise WeightsError("the tagger weights were trained with other word vectors "
                               "than resources/models/framing_vectors.npz")
        numpy_ops(self.model)  # loaded weights predict: numpy's BLAS is faster (blas.py)

    def predict(self, docs):
        if not any(len(doc) for doc in docs):
            return [self.model.ops.alloc2f(len(doc), len(self.labels)) for doc in docs]
        with one_blas_thread():
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
            doc._.set(TAGS_EXTENSION, decode(scores, labels,
                                             skip=[token.is_space for token in doc]))


def decode(scores: numpy.ndarray, labels, weights: dict[str, float] | None = None,
           skip=None, bio: bool | None = None) -> list[tuple[str, float]]:
    """Each token's (label, probability): the label of the highest probability times its
    role's weight (ROLE_WEIGHTS; O weighs 1), as shipped; with `bio` (default
    BIO_DECODING, off: measured, not shipped), read as one sequence instead: the path of
    labels with the highest product of probabilities (each times its role's weight) among
    the paths that are valid BIO (an I-X only after a B-X or an I-X), found by Viterbi
    (`bio_path`). Per-token argmax can break runs apart ("O I-CONTENT" where the tagger
    hesitated) and make mixtures of roles that no reading allows. Tokens where `skip`
    is true (whitespace: a line break inside a run does not end it, learned.runs) are left
    out of the path and keep their own best label. The stored probability stays the
    label's own."""
    weights = ROLE_WEIGHTS if weights is None else weights
    column = numpy.asarray([weights.get(label[2:], 1.0) if label != "O" else 1.0
                            for label in labels], dtype=numpy.float64)
    weighted = numpy.asarray(scores, dtype=numpy.float64) * column
    best = weighted.argmax(axis=1)
    if not (BIO_DECODING if bio is None else bio):
        return [(labels[i], float(scores[n, i])) for n, i in enumerate(best)]
    keep = numpy.ones(len(best), dtype=bool) if skip is None else ~numpy.asarray(skip, bool)
    kept = numpy.flatnonzero(keep)
    if len(kept):
        # The path only needs searching where the tagger sees something: stretches of
        # tokens it is sure are O (SURE_O) part the sequence into pieces searched alone,
        # each with a token of margin (on PolNeAR dev and the train samples the labels are
        # the same as one search over the whole text, in a fraction of the time).
        outside = labels.index("O") if "O" in labels else None
        sure = numpy.zeros(len(kept), dtype=bool) if outside is None else \
            weighted[kept, outside] >= SURE_O * weighted[kept].sum(axis=1)
        for start, end in _pieces(sure):
            rows = kept[start:end]
            best[rows] = bio_path(weighted[rows], labels)
    return [(labels[i], float(scores[n, i])) for n, i in enumerate(best)]


# Read the labels as one valid BIO sequence (`decode`). Off, as shipped: with the shipped
# weights it gained on PolNeAR dev (claims +0.2) but not on both train samples (claims -0.1
# each); with the context-feature weights it gained on all three (README).
BIO_DECODING = False
SURE_O = 0.99  # a token the tagger gives O at least this probability parts the BIO search


def _pieces(sure: numpy.ndarray) -> list[tuple[int, int]]:
    """[start, end) of the stretches that hold an unsure token, each widened by one token
    on both sides (so an I- label never starts a piece where the one before it was unsure)."""
    unsure = numpy.flatnonzero(~sure)
    if not len(unsure):
        return []
    breaks = numpy.flatnonzero(numpy.diff(unsure) > 3)  # a sure gap of more than two tokens
    starts = numpy.concatenate(([unsure[0]], unsure[breaks + 1]))
    ends = numpy.concatenate((unsure[breaks], [unsure[-1]]))
    return [(max(0, int(a) - 1), min(len(sure), int(b) + 2)) for a, b in zip(starts, ends)]


def bio_path(scores: numpy.ndarray, labels) -> list[int]:
    """The label indices of the best valid BIO path through `scores` (tokens x labels,
    positive): Viterbi in log space, where an I-X may follow only B-X or I-X and may not
    start the sequence. O and every B-X may follow anything, so each step needs only the
    best previous label overall and, for each I-X, the better of B-X and I-X (plain Python
    over the seven labels: faster than numpy for so few)."""
    labels = list(labels)
    width = len(labels)
    begins = [labels.index(f"B-{label[2:]}") if label.startswith("I-") else -1
              for label in labels]
    log = numpy.log(numpy.clip(scores, 1e-12, None)).tolist()
    if not log:
        return []
    total = [-math.inf if begins[n] >= 0 else value for n, value in enumerate(log[0])]
    back: list[list[int]] = []
    for row in log[1:]:
        top = max(total)
        best = total.index(top)
        pointers = [best] * width
        for n, b in enumerate(begins):
            if b >= 0:
                pointers[n] = b if total[b] >= total[n] else n
        total = [total[p] + value for p, value in zip(pointers, row)]
        back.append(pointers)
    path = [total.index(max(total))]
    for pointers in reversed(back):
        path.append(pointers[path[-1]])
    return path[::-1]
