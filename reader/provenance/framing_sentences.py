"""The framing tagger's sentence score: how likely a sentence is to hold framing in the
writer's voice, read from the whole sentence, as one more input of the per-word tagger.

The per-word tagger (framing_tagger.py) sees a word and its two neighbours; annotators
mark a loaded word more often in a sentence that is loaded as a whole ("The radical
regime's thugs ...") than in a plain one. A logistic classifier over the sentence's
words gives each sentence a score (its logit), and the tagger weighs that score as one
dense input beside the word's own (`dense_inputs(..., sentence=...)`).

The classifier's inputs (`sentence_features`, presence only): the spaCy hash of the
lowercase lemma of every word that is no stop word (a number, never the word, as the
tagger's `lemma_hash_feature`), the VADER valence band of the words in the licensed lists,
whether one is in the bias lexicon, their Empath categories, how many strongly valenced
words the sentence has, "!", "?", a quotation mark, a superlative and the sentence's
length. Its weights are trained by `scripts/train_framing_tagger.py` on PTC dev's
sentences that hold a word the tagger is asked about (a sentence is positive when one of
those words is in gold framing) and ship in the tagger's record
(resources/lexicons/framing_tagger.json, "sentence"); a record without them leaves the
tagger as it was.

Training (the functions below `SentenceScorer`, for the training script): the sentences
are those that hold a word the tagger is asked about (the script's `Examples`), a logistic
regression over their features (full batch, Adam steps, L2). The score is stacked: the
tagger learns its weight for the score from scores of sentences the classifier never saw.
`stacked_logits` scores the sentences of the articles `training` by inner
cross-validation among them (each inner fold's by a classifier trained on the other inner
folds' articles) and those of the articles `scored` by a classifier trained on all of
`training`; so inside one outer fold of the tagger's cross-validation nothing of the
held-out articles is used, and the outer out-of-fold figures stay honest.
"""

from __future__ import annotations

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from reader.provenance import lexicons
from reader.provenance.framing_tagger import _band, _listed, candidate_words, empath_categories

LOGIT_LIMIT = 6.0
_QUOTATION_MARKS = frozenset({'"', "“", "”"})


def sentence_features(sentence: Span) -> list[str]:
    """The classifier's inputs of one sentence, sorted, each present once."""
    words, bias_words, categories = candidate_words(), lexicons.load("bias_words"), empath_categories()
    features = {"bias"}
    strong = 0
    for token in sentence:
        if not token.is_alpha:
            if token.text == "!":
                features.add("exclamation")
            elif token.text == "?":
                features.add("question")
            elif token.text in _QUOTATION_MARKS:
                features.add("quotation-mark")
            continue
        if not token.is_stop:
            features.add(f"lemma#{get_string_id(token.lemma_.lower())}")
        key = _listed(token)
        if key is not None:
            features.add(f"band={_band(words[key])}")
            strong += abs(words[key]) >= 1.5
            if key in bias_words:
                features.add("bias-lexicon")
        features.update(f"empath={category}" for category in
                        categories.get(token.lower_) or categories.get(token.lemma_.lower(), ()))
        if token.tag_ in ("JJS", "RBS"):
            features.add("superlative")
    features.add(f"strong={min(strong, 3)}")
    features.add(f"length={min(sum(t.is_alpha for t in sentence) // 10, 5)}")
    return sorted(features)


def sentences(doc: Doc) -> list[Span]:
    """The sentences of `doc` (the whole doc when it has no sentence boundaries)."""
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return list(doc.sents)
    return [doc[:]]


class SentenceScorer:
    """The sentence classifier's weights (feature → weight): `logit` of a sentence, and
    the tagger's input for every token of a document (`inputs`)."""

    def __init__(self, weights: dict[str, float]):
        self.weights = weights

    def logit(self, sentence: Span) -> float:
        return sum(self.weights.get(f, 0.0) for f in sentence_features(sentence))

    def inputs(self, doc: Doc) -> numpy.ndarray:
        """Each token's input: its sentence's logit, clipped to ±LOGIT_LIMIT (a few
        strong words do not decide more)."""
        out = numpy.zeros(len(doc), dtype=numpy.float32)
        for sentence in sentences(doc):
            out[sentence.start:sentence.end] = numpy.clip(self.logit(sentence),
                                                          -LOGIT_LIMIT, LOGIT_LIMIT)
        return out


INNER_FOLDS = 3
L2 = 1e-3  # chosen by the out-of-fold AUC over PTC dev's sentences of 1e-4, 1e-3 and 3e-3
EPOCHS = 300


class SentenceExamples:
    """The sentences holding the words of `examples` (the script's `Examples`): per
    sentence its article, features and label, and per word (row) its sentence."""

    def __init__(self, examples, articles):
        index: dict[tuple[int, int], int] = {}
        self.features: list[list[str]] = []
        article, self.row_sentence = [], numpy.zeros(len(examples.rows), dtype=int)
        for k, (n, i, _, _) in enumerate(examples.rows):
            sentence = articles[n].doc[i].sent
            if (n, sentence.start) not in index:
                index[(n, sentence.start)] = len(self.features)
                self.features.append(sentence_features(sentence))
                article.append(n)
            self.row_sentence[k] = index[(n, sentence.start)]
        self.article = numpy.array(article, dtype=int)
        self.labels = numpy.zeros(len(self.features))
        numpy.maximum.at(self.labels, self.row_sentence, numpy.asarray(examples.labels, dtype=float))

    def of(self, articles) -> numpy.ndarray:
        """The indices of the sentences of `articles`."""
        return numpy.flatnonzero(numpy.isin(self.article, list(articles)))


def train(sentences: SentenceExamples, which: numpy.ndarray, l2: float = L2,
          epochs: int = EPOCHS) -> dict[str, float]:
    """The weights of the logistic classifier trained on the sentences `which`."""
    names = sorted({f for k in which for f in sentences.features[k]})
    position = {name: j for j, name in enumerate(names)}
    columns = numpy.array([position[f] for k in which for f in sentences.features[k]], dtype=int)
    row = numpy.repeat(numpy.arange(len(which)), [len(sentences.features[k]) for k in which])
    labels, n = sentences.labels[which], len(which)
    w, m, v = numpy.zeros(len(names)), numpy.zeros(len(names)), numpy.zeros(len(names))
    for step in range(1, epochs + 1):
        z = numpy.bincount(row, weights=w[columns], minlength=n)
        p = 1 / (1 + numpy.exp(-numpy.clip(z, -30, 30)))
        grad = numpy.bincount(columns, weights=(p - labels)[row], minlength=len(w)) / n + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9 ** step)) / (numpy.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return {name: round(float(weight), 4) for name, weight in zip(names, w)
            if abs(weight) >= 0.001}


def logits(weights: dict[str, float], sentences: SentenceExamples,
           which: numpy.ndarray) -> numpy.ndarray:
    return numpy.array([sum(weights.get(f, 0.0) for f in sentences.features[k]) for k in which])


def stacked_logits(sentences: SentenceExamples, training: list[int], scored: list[int],
                   l2: float = L2) -> tuple[numpy.ndarray, dict[str, float]]:
    """The logit of every sentence of the articles `training` (inner cross-validation
    among them: folds of every INNER_FOLDS-th article) and of `scored` (by the classifier
    trained on all of `training`), NaN for the other sentences; and that classifier."""
    out = numpy.full(len(sentences.features), numpy.nan)
    training = list(training)
    for fold in range(INNER_FOLDS):
        held = set(training[fold::INNER_FOLDS])
        which = sentences.of(held)
        out[which] = logits(train(sentences, sentences.of(set(training) - held), l2),
                            sentences, which)
    weights = train(sentences, sentences.of(training), l2)
    which = sentences.of(scored)
    out[which] = logits(weights, sentences, which)
    return out, weights


def word_column(sentences: SentenceExamples, sentence_logits: numpy.ndarray) -> numpy.ndarray:
    """Each word's input: its sentence's logit clipped as at run time (0 where NaN)."""
    column = numpy.clip(sentence_logits[sentences.row_sentence], -LOGIT_LIMIT, LOGIT_LIMIT)
    return numpy.nan_to_num(column)
