"""A small learned scorer for loaded words in the writer's voice.

Logistic regression over these inputs of one content word:
- sparse features: its lemma when the lemma is in a licensed word list (VADER's sentiment
  lexicon, MIT: `vader_valence.txt`; the Media Bias Group's bias lexicon, Apache-2.0,
  filtered: `bias_words.txt`), the VADER valence band, membership of the bias lexicon, the
  part of speech, the fine tag (superlatives), the dependency relation, loaded neighbours,
  a degree word before it ("so", "most"), whether the sentence is a question, its
  categories in the Empath lexicon (MIT: `empath_categories.txt`; hate, ridicule, crime …);
- its static word vector (`FramingVectors`: the CC0 vectors of spaCy's en_core_web_md,
  reduced to 64 dimensions), so that a loaded word the training never saw is scored by
  its likeness to those it saw ("hucksters" near "crooks");
- for a pipeline the record names (versions two to six: en_core_web_sm), the token's
  contextual vector from that pipeline's own tok2vec (`doc.tensor`, already computed by the
  parse, so it costs one dot product), which carries the words around it;
- when the weights were trained with it (a "sentence" record; no shipped version so far),
  the score of the word's whole sentence by a sentence classifier (framing_sentences.py):
  one dense input that says how loaded the sentence around the word is.
The weights (resources/lexicons/framing_tagger.json: the head without the contextual
vector, which since the seventh version every pipeline gets, nested cross-validation having
chosen it; a record may add a head with it for the pipelines it names) are trained by
`scripts/train_framing_tagger.py` on all of the PTC development set (SemEval-2020 Task 11;
the first five versions on its tuning half), never on BABE, with a multiple-instance loss
(a gold span needs one loaded word, not all of its words); the threshold is chosen on the
whole framing layer's out-of-fold spans, by 4-fold cross-validation by article over the
training articles. Lemmas from the licensed lists carry a weight under their own name; any
other lemma can carry one only under the spaCy hash of the lemma (`lemma_hash_feature`), so
that no word of the corpus is shipped as text.
"""

from __future__ import annotations

import json
import math
from functools import cache
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from reader.provenance import lexicons
from reader.provenance.blas import one_blas_thread
from reader.resources_path import resource

if TYPE_CHECKING:
    from reader.provenance.framing_sentences import SentenceScorer

CONTENT_POS = frozenset({"ADJ", "NOUN", "VERB", "ADV"})


@cache
def candidate_words() -> dict[str, float]:
    """Lemma → VADER valence (0.0 when the word is only in another licensed list)."""
    words = {w: 0.0 for w in lexicons.load("bias_words")}
    words.update({w: 0.0 for w in subjectivity()})
    words.update(lexicons.load_valence("vader_valence"))
    return words


@cache
def subjectivity() -> dict[str, float]:
    """Adjective → subjectivity, 0 (objective) to 1 (Pattern's lexicon, PDDL:
    `subjectivity.txt`)."""
    return lexicons.load_valence("subjectivity")


@cache
def empath_categories() -> dict[str, tuple[str, ...]]:
    """Word → its categories among the 37 of the Empath lexicon the tagger reads (hate,
    aggression, ridicule, crime, deception …; MIT: `empath_categories.txt`)."""
    return {word: tuple(label.split(","))
            for word, label in lexicons.load_labelled("empath_categories").items()}


def _band(valence: float) -> str:
    if valence <= -2.5:
        return "neg3"
    if valence <= -1.5:
        return "neg2"
    if valence < 0:
        return "neg1"
    if valence == 0:
        return "none"
    if valence < 1.5:
        return "pos1"
    if valence < 2.5:
        return "pos2"
    return "pos3"


_DEGREE_WORDS = frozenset({"so", "very", "most", "so-called", "too", "truly", "utterly",
                           "totally", "extremely", "really", "completely", "such"})


def _listed(token: Token) -> str | None:
    words = candidate_words()
    lemma, lower = token.lemma_.lower(), token.lower_
    return lemma if lemma in words else lower if lower in words else None


def lemma_hash_feature(token: Token) -> str:
    """The feature of a word's own lowercase lemma, whatever the word: keyed by the spaCy
    hash of the lemma, so that weights learned for any word of the training articles are
    shipped as numbers, never as the words themselves ("lemma#15230734593792758786" is
    "alien")."""
    return f"lemma#{get_string_id(token.lemma_.lower())}"


def token_features(token: Token, question: bool) -> list[str]:
    """The features of a content word (callers skip the rest)."""
    words = candidate_words()
    key = _listed(token)
    features = ["bias", f"pos={token.pos_}", f"tag={token.tag_}", f"dep={token.dep_}"]
    if key is not None:
        band = _band(words[key])
        features += [f"lemma={key}", f"band={band}", f"band+pos={band}+{token.pos_}"]
        if key in lexicons.load("bias_words"):
            features.append("bias-lexicon")
    else:
        features.append("unlisted")
    features.append(lemma_hash_feature(token))
    categories = empath_categories()
    features += [f"empath={category}" for category in
                 categories.get(token.lower_) or categories.get(token.lemma_.lower(), ())]
    subjective = subjectivity().get(token.lower_, subjectivity().get(token.lemma_.lower()))
    if subjective is not None:
        level = "high" if subjective >= 0.7 else "mid" if subjective >= 0.4 else "low"
        features += [f"subjective={level}", f"subjective={level}+{token.pos_}"]
    if question:
        features.append("question")
    if token.tag_ in ("JJS", "RBS"):
        features.append("superlative")
    doc = token.doc
    for offset in (-1, 1):
        j = token.i + offset
        if not 0 <= j < len(doc):
            continue
        neighbour = _listed(doc[j])
        if neighbour is not None and abs(words[neighbour]) >= 1.5:
            features.append(f"nb{offset}-loaded")
        if neighbour is not None and neighbour in lexicons.load("bias_words"):
            features.append(f"nb{offset}-bias")
        if offset == -1:
            features.append(f"prev={doc[j].lower_}" if doc[j].lower_ in _DEGREE_WORDS
                            else "prev=other")
    return features


def is_candidate(token: Token) -> bool:
    """Content words that are no part of a name ("ex-Secret Service agent")."""
    if token.pos_ not in CONTENT_POS or not token.is_alpha or len(token) < 3:
        return False
    if token.lower_ in _DEGREE_WORDS or token.lower_ in ("least", "less", "more"):
        return False  # "most corrupt": the loaded word is the adjective
    if token.ent_type_ and token.ent_type_ not in ("NORP",):
        return False
    return not (token.is_title and not token.is_sent_start and token.i > 0)


VECTOR_WIDTH = 64
TENSOR_WIDTH = 96


class FramingVectors:
    """Static word vectors by the spaCy hash of a lowercase word: sorted keys, a row per
    key, rows of unit length (resources/models/framing_vectors.npz, written by the
    training script from en_core_web_md's vectors, CC0)."""

    def __init__(self, keys: numpy.ndarray, rows: numpy.ndarray, table: numpy.ndarray):
        self.keys, self.rows = keys, rows.astype(numpy.int64)
        self.table = table.astype(numpy.float32)

    @classmethod
    @cache
    def shipped(cls) -> FramingVectors | None:
        path = resource("models", "framing_vectors.npz")
        if not path.exists():
            return None
        with numpy.load(path, allow_pickle=False) as data:
            return cls(data["keys"], data["rows"], data["table"])

    def rows_of(self, keys: numpy.ndarray) -> numpy.ndarray:
        """The row of each key, -1 where there is none."""
        where = numpy.searchsorted(self.keys, keys).clip(0, len(self.keys) - 1)
        return numpy.where(self.keys[where] == keys, self.rows[where], -1)

    def of_doc(self, doc: Doc) -> numpy.ndarray:
        """One row per token: its vector (of the lowercase form, else of the lemma) and a
        last column that is 1 where it has one."""
        attrs = doc.to_array([LOWER, LEMMA]).astype(numpy.uint64)
        rows = self.rows_of(attrs[:, 0])
        rows = numpy.where(rows >= 0, rows, self.rows_of(attrs[:, 1]))
        out = numpy.zeros((len(doc), VECTOR_WIDTH + 1), dtype=numpy.float32)
        known = rows >= 0
        out[known, :VECTOR_WIDTH] = self.table[rows[known]]
        out[known, VECTOR_WIDTH] = 1.0
        return out


def dense_inputs(doc: Doc, contextual: bool, vectors: FramingVectors | None,
                 sentence: SentenceScorer | None = None) -> numpy.ndarray:
    """The dense input of every token of `doc`: its word vector, then (with a `sentence`
    scorer) its sentence's score (framing_sentences.py), then (`contextual`) its row of
    doc.tensor; zeros where either is missing."""
    parts = [vectors.of_doc(doc) if vectors is not None
             else numpy.zeros((len(doc), VECTOR_WIDTH + 1), dtype=numpy.float32)]
    if sentence is not None:
        parts.append(sentence.inputs(doc)[:, None])
    if contextual:
        tensor = doc.tensor
        if getattr(tensor, "shape", None) == (len(doc), TENSOR_WIDTH):
            parts.append(numpy.asarray(tensor, dtype=numpy.float32))
        else:
            parts.append(numpy.zeros((len(doc), TENSOR_WIDTH), dtype=numpy.float32))
    return numpy.concatenate(parts, axis=1)


def tagger_features(token: Token, question: bool) -> list[str]:
    """`token_features` as the tagger weighs them, in training as at run time."""
    features = token_features(token, question)
    if token.pos_ == "NOUN" and token.i > 0 and token.doc[token.i - 1].tag_ == "JJS":
        # "the worst storm": the superlative's judgement is weighed by the exaggeration
        # rule; the noun must be loaded without the superlative's lexicon evidence.
        features = [f for f in features if not f.startswith("nb-1")]
    return features


class FramingTagger:
    """One head of the shipped weights: sparse feature weights, a threshold and, when
    trained with them, weights over the dense inputs (`dense_inputs`)."""

    def __init__(self, weights: dict[str, float], threshold: float,
                 dense_weights: list[float] | None = None, contextual: bool = False,
                 sentence: SentenceScorer | None = None):
        self.weights = weights
        self.threshold = threshold
        self.dense_weights = (numpy.asarray(dense_weights, dtype=numpy.float32)
                              if dense_weights else None)
        self.contextual = contextual
        self.sentence = sentence  # weighed only when trained with it (dense_inputs)
        self.vectors = FramingVectors.shipped() if dense_weights else None
        self._doc: Doc | None = None  # the last document's dense scores, kept for its tokens
        self._dense: numpy.ndarray | None = None

    @classmethod
    @cache
    def shipped(cls, pipeline: str = "") -> FramingTagger:
        """The shipped head for `pipeline` (its meta "lang_name"): the contextual head for
        the pipeline the weights were trained with, else the one without doc.tensor; a
        tagger that never fires while the weights are being trained (the training script
        builds the pipeline before it has any)."""
        path = resource("lexicons", "framing_tagger.json")
        if not path.exists():
            return cls({}, threshold=2.0)
        record = json.loads(path.read_text(encoding="utf-8"))
        contextual = pipeline in record.get("contextual_pipelines", [])
        head = record["heads"]["contextual" if contextual else "lexical"]
        sentence = None
        if "sentence" in record:
            from reader.provenance.framing_sentences import SentenceScorer

            sentence = SentenceScorer(record["sentence"]["weights"])
        return cls(head["weights"], head["threshold"], head.get("dense_weights"),
                   contextual=contextual, sentence=sentence)

    def probability(self, features: list[str], dense: float = 0.0) -> float:
        score = sum(self.weights.get(f, 0.0) for f in features) + dense
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def _dense_score(self, token: Token) -> float:
        if self.dense_weights is None:
            return 0.0
        if self._doc is not token.doc:
            inputs = dense_inputs(token.doc, self.contextual, self.vectors, self.sentence)
            with one_blas_thread():
                self._dense = inputs @ self.dense_weights
            self._doc = token.doc
        assert self._dense is not None
        return float(self._dense[token.i])

    def score(self, token: Token, question: bool) -> float | None:
        """The probability that `token` is loaded, or None when it is no candidate."""
        if not is_candidate(token):
            return None
        return self.probability(tagger_features(token, question), self._dense_score(token))

