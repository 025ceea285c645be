"""Train the framing tagger's weights on the PTC development set, or its tuning half.

    .venv/bin/python scripts/train_framing_tagger.py PATH/TO/framing/ptc-dev \
        --vectors-from PATH/TO/en_core_web_md --out resources/lexicons/framing_tagger.json

PTC (SemEval-2020 Task 11) is read from the path given; nothing of it is written out but
the weights, which are keyed by features of `reader.provenance.framing_tagger` (licensed
lemmas, valence bands, subjectivity, parts of speech) or are weights over its dense inputs
(a word vector, the pipeline's doc.tensor). `--train-on dev` (the default, what ships
since the sixth version) trains on all of the split's articles, `--train-on tune` on its
tuning half only (the even positions in name order, `reader.evaluation.framing_corpora.half`;
versions one to five). BABE is never used here. The examples are grouped as
multiple-instance learning asks: a word outside the four framing techniques' gold spans
is a negative example, and each gold span is one positive "bag" of the words in it, of
which at least one should score high (see `train`). The examples are the words the
framing finder asks the tagger about at run time (`FramingFinder.tagger_tokens`: content
words in the writer's voice that no word list labels), read from the analyser's own pass
over each article.

With --vectors-from (an installed en_core_web_md, or its folder), the word-vector table
`resources/models/framing_vectors.npz` is written first: the pipeline's 20,000 vectors
(CC0) reduced to 64 dimensions by PCA and scaled to unit length, keyed by the spaCy hash
of every lowercase alphabetic word that maps to one of them.

Two models are trained: one with the default pipeline's doc.tensor (sparse features,
word vector and the tensor's row) and one without it, the "lexical" head. What ships for
the default pipeline is `--default-head`: since the seventh version the lexical head, for
every pipeline (the record then names no contextual pipeline); `averaged` ships the mean
of the two models' scores as one head (`averaged`), `contextual` the model with the tensor.
The choice, with the L2 penalty and the bag weight, was made by nested cross-validation
over PTC dev: inside each outer training fold (186 articles), an inner cross-validation
over its three folds (training on two, the framing layer's best span F1 at P >= 0.40 on the
third) compared L2 1e-5, 2.5e-5, 5e-5, 1e-4, 2e-4, 4e-4, bag weight 1, 2, 3 and the three
heads; the outer out-of-fold F1 of that whole procedure, 0.340 (P 0.401), beat v6's
settings (contextual head, L2 2e-4, bag weight 2) at 0.322 on the same cache (paired
bootstrap over articles +0.018, 95 % interval +0.006 to +0.030), and the setting with the
best inner F1 averaged over the outer folds, the lexical head with L2 5e-5 and bag weight
2, is the default. Bagging (six models on bootstrap samples of the articles, averaged) lost
(-0.003 to -0.012); the mean of the two heads at v6's settings won (+0.012, +0.005 to
+0.019). (The nested cross-validation was run outside this script, with its `train` and a
replay of the framing layer's spans from per-word scores that gives the same counts as
`framing_counts`.) The threshold of each head is chosen by 4-fold cross-validation by
article over the training articles, on the whole framing layer: each fold's articles are
scored by weights trained on the other three folds' (a title-case headline the finder
reads again alone too), the framing finder runs over them with those scores (its rules,
voice filters and joins included), and the threshold kept is the one whose out-of-fold
framing spans have the best span any-overlap F1 with precision at or above
--min-precision. Those out-of-fold figures, per half and in all, are the honest ones for
articles the weights have not seen; they are printed and kept in the weights' record
("out_of_fold"), beside the in-sample figures of the weights trained on all the training
articles. `--learning-curve 62,93,124,186` measures only: the out-of-fold figures with
that many training articles a fold.

`--self-train FOLDER` measures only (self-training on unlabelled news text, PolNeAR
train's text/): for each fold, the weights trained on the other folds' articles score the
unlabelled articles' words (the words the finder would ask about: the same analyser pass,
writer's voice only), those scored at or above --self-train-positive are taken as framing
and those at or below --self-train-negative as not, each weighing --self-train-weight in
the loss, and the fold's articles are scored by weights trained again on the other folds'
articles and those words; printed are the out-of-fold figures with and without, each at its
own best threshold, and a paired bootstrap over the articles of the gain.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from reader.document import article_from_text
from reader.evaluation.framing_corpora import FramingDocument, half, read_ptc
from reader.evaluation.framing_metrics import figures, score_document
from reader.provenance import framing_sentences
from reader.provenance.analyzer import Analyzer
from reader.provenance.framing_tagger import (VECTOR_WIDTH, FramingTagger, FramingVectors,
                                              dense_inputs, tagger_features)
from reader.provenance.model import Analysis, Kind, VoiceSpan
from reader.resources_path import resource

FOLDS = 4
TRAINED_ON = {"tune": "tuning half (even positions in name order)",
              "dev": "both halves (all its articles)"}
THRESHOLDS = [step / 100 for step in range(4, 80)]
SENTENCE_COLUMN = VECTOR_WIDTH + 1  # the sentence score's dense column (`dense_inputs`)


def write_vectors(pipeline: str, out: Path) -> None:
    """The reduced vector table of `pipeline` (a package name or folder) as .npz."""
    import spacy

    nlp = spacy.load(pipeline, exclude=["tok2vec", "tagger", "parser", "ner", "senter",
                                        "attribute_ruler", "lemmatizer"])
    vectors = nlp.vocab.vectors
    data = np.asarray(vectors.data, dtype=np.float32)
    centred = data - data.mean(0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    table = centred @ components[:VECTOR_WIDTH].T
    table /= np.linalg.norm(table, axis=1, keepdims=True) + 1e-6
    pairs = sorted((key, row) for key, row in vectors.key2row.items()
                   if key in nlp.vocab.strings
                   and (word := nlp.vocab.strings[key]).isalpha() and word.islower())
    keys = np.array([k for k, _ in pairs], dtype=np.uint64)
    rows = np.array([r for _, r in pairs], dtype=np.uint16)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, keys=keys, rows=rows, table=table.astype(np.float16))
    print(f"{out}: {len(keys)} words, {len(table)} vectors of {VECTOR_WIDTH}", file=sys.stderr)


@dataclasses.dataclass
class Parsed:
    """One article as the analyser read it: the doc, what the framing finder was given
    (`FramingFinder.find`'s arguments but the doc) and the quote and paraphrase spans."""

    doc: object
    finder_inputs: tuple
    voiced: list[tuple[str, int, int]]


def parsed(analyzer: Analyzer, documents, cache: Path | None) -> list[Parsed]:
    """Each document through the whole analyser, recording what its framing finder is
    given; kept in `cache` (a DocBin, the tensors and a pickle of the rest) so that
    changing the features does not rerun the pipeline."""
    from spacy.tokens import DocBin

    if cache is not None and (cache / "docs.spacy").exists():
        docs = list(DocBin().from_disk(cache / "docs.spacy").get_docs(analyzer.nlp.vocab))
        rest = pickle.loads((cache / "inputs.pickle").read_bytes())
        with np.load(cache / "tensors.npz") as tensors:
            for i, doc in enumerate(docs):
                doc.tensor = tensors[f"arr_{i}"]
        if len(docs) == len(documents):
            for doc, document in zip(docs, documents):
                # The blocks (headings) are not in the DocBin: the framing finder reads them.
                doc._.provenance_blocks = [b.to_dict() for b in
                                           article_from_text(document.text).blocks]
            return [Parsed(doc, inputs, voiced) for doc, (inputs, voiced) in zip(docs, rest)]
    finder = analyzer.nlp.get_pipe("provenance_attribution").framing
    given = []
    find = finder.find

    def recording_find(doc, attributed, excluded, claims, scare_quotes, **options):
        # The title-case headline's second reading (options: heading) is the finder's own
        # call, not the analyser's: only the analyser's call is recorded.
        if not options:
            # The drafts' source tokens belong to the doc; the finder reads only their cues.
            light = [dataclasses.replace(c, source_token=None) for c in claims]
            given.append((list(attributed), list(excluded), light, scare_quotes))
        return find(doc, attributed, excluded, claims, scare_quotes, **options)

    finder.find = recording_find
    out = []
    articles = (article_from_text(d.text) for d in documents)
    for doc in analyzer.nlp.pipe((analyzer._make_doc(a) for a in articles), batch_size=8):
        voiced = [(s.kind, s.start, s.end) for s in doc._.provenance.spans
                  if s.kind in ("quote", "paraphrase")]
        out.append(Parsed(doc, given.pop(0), voiced))
    finder.find = find
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(docs=[p.doc for p in out]).to_disk(cache / "docs.spacy")
        np.savez(cache / "tensors.npz", *[np.asarray(p.doc.tensor, dtype=np.float32)
                                          for p in out])
        (cache / "inputs.pickle").write_bytes(
            pickle.dumps([(p.finder_inputs, p.voiced) for p in out]))
    return out


class Examples:
    """The words the framing finder asks the tagger about, in some documents: per token
    its document, token index, sparse features and label, with its dense inputs."""

    def __init__(self, finder, articles: list[Parsed], documents, vectors: FramingVectors | None):
        self.rows, dense, self.gold = [], [], []
        self.bags: list[np.ndarray] = []
        for n, (document, article) in enumerate(zip(documents, articles)):
            attributed, excluded, _, scare_quotes = article.finder_inputs
            gold = [(g.start, g.end) for g in document.gold]
            self.gold.append(gold)
            tokens = finder.tagger_tokens(article.doc, attributed, excluded, scare_quotes)
            if not tokens:
                continue
            inputs = dense_inputs(article.doc, True, vectors)
            first = len(self.rows)
            for token, question in tokens:
                start, end = token.idx, token.idx + len(token)
                label = any(s < end and start < e for s, e in gold)
                self.rows.append((n, token.i, tagger_features(token, question), label))
                dense.append(inputs[token.i])
            ranges = [(t.idx, t.idx + len(t)) for t, _ in tokens]
            for s, e in gold:
                bag = [first + k for k, (a, b) in enumerate(ranges) if a < e and s < b]
                if bag:
                    self.bags.append(np.array(bag))
        self.dense = np.array(dense, dtype=np.float64)
        self.labels = np.array([r[3] for r in self.rows], dtype=float)
        self.sentences: framing_sentences.SentenceExamples | None = None
        # fold → the sentence classifier that scored the fold's held-out articles
        self.sentence_models: dict[int, dict[str, float]] = {}
        # The weight of each row and of each bag in the loss (None: all 1); pseudo-labelled
        # words (`pseudo_labelled`) weigh less than gold ones.
        self.weights: np.ndarray | None = None
        self.bag_weights: np.ndarray | None = None

    def subset(self, documents: set[int]) -> Examples:
        keep = [i for i, r in enumerate(self.rows) if r[0] in documents]
        out = object.__new__(Examples)
        out.rows = [self.rows[i] for i in keep]
        out.dense, out.labels, out.gold = self.dense[keep], self.labels[keep], self.gold
        new_index = np.full(len(self.rows), -1)
        new_index[keep] = np.arange(len(keep))
        kept_bags = [k for k, bag in enumerate(self.bags) if new_index[bag[0]] >= 0]
        out.bags = [new_index[self.bags[k]] for k in kept_bags]
        out.sentences, out.sentence_models = None, {}
        weights, bag_weights = getattr(self, "weights", None), getattr(self, "bag_weights", None)
        out.weights = weights[keep] if weights is not None else None
        out.bag_weights = bag_weights[kept_bags] if bag_weights is not None else None
        return out


def add_sentence_score(examples: Examples, articles: list[Parsed]) -> None:
    """Give the examples the sentence score's dense column (framing_sentences.py), at
    the place `dense_inputs` puts it; `set_sentence_score` fills it."""
    examples.dense = np.insert(examples.dense, SENTENCE_COLUMN, 0.0, axis=1)
    examples.sentences = framing_sentences.SentenceExamples(examples, articles)


def fill_sentence_score(examples: Examples, sentence_models: dict[int, dict[str, float]],
                        which: list[int]) -> None:
    """Fill the sentence column of the articles `which` with the scores of the sentence
    classifier of each one's fold (`sentence_models`, fold → weights)."""
    if getattr(examples, "sentences", None) is None:
        return
    sentences = examples.sentences
    logits = np.full(len(sentences.features), np.nan)
    for fold, weights in sentence_models.items():
        mine = sentences.of([n for n in which if fold_of(n) == fold])
        logits[mine] = framing_sentences.logits(weights, sentences, mine)
    rows = np.isin(np.array([r[0] for r in examples.rows]), which)
    examples.dense[rows, SENTENCE_COLUMN] = framing_sentences.word_column(sentences, logits)[rows]


def set_sentence_score(examples: Examples, training: list[int], scored: list[int]
                       ) -> dict[str, float] | None:
    """Fill the sentence column of the articles `training` with stacked scores (inner
    cross-validation among them) and of `scored` with the scores of a sentence classifier
    trained on all of `training`; that classifier's weights (None without the column).
    Before an outer fold's training, with the fold's training and held-out articles, so
    that nothing of the held-out articles reaches the weights that score them."""
    if getattr(examples, "sentences", None) is None:
        return None
    logits, weights = framing_sentences.stacked_logits(examples.sentences, training, scored)
    examples.dense[:, SENTENCE_COLUMN] = framing_sentences.word_column(examples.sentences, logits)
    return weights


def train(examples: Examples, width: int, l2: float, epochs: int, bag_weight: float):
    """Sparse weights (a dict) and dense weights (over the first `width` dense columns) of
    a logistic regression, by full-batch gradient descent with Adam steps.

    The loss is that of multiple-instance learning: a word outside every gold span should
    score low, and each gold span should hold at least one word that scores high (a
    noisy-OR over its words: P(found) = 1 - Π(1 - p)), which is what the span any-overlap
    figure asks; `bag_weight` weighs the gold spans' part of the loss against the other
    words'. Plain per-word labels made every word of a long gold span positive
    ("goes to extraordinary lengths", "contradicting a timeline they had offered"), which
    taught the tagger neutral words ("goes", "timeline") and cost precision."""
    names = sorted({f for r in examples.rows for f in r[2]})
    index = {name: i for i, name in enumerate(names)}
    indices = np.array([index[f] for r in examples.rows for f in r[2]])
    row_of = np.repeat(np.arange(len(examples.rows)), [len(r[2]) for r in examples.rows])
    dense, n = examples.dense[:, :width], len(examples.rows)
    outside = examples.labels == 0
    bag_rows = (np.concatenate(examples.bags) if examples.bags else np.zeros(0, dtype=int))
    bag_of = np.repeat(np.arange(len(examples.bags)), [len(b) for b in examples.bags])
    # Each row's and each bag's weight in the loss (pseudo-labelled words weigh less); the
    # loss is a weighted mean over the rows.
    row_weight = getattr(examples, "weights", None)
    row_weight = np.ones(n) if row_weight is None else np.asarray(row_weight, dtype=float)
    each_bag = getattr(examples, "bag_weights", None)
    each_bag = (np.ones(len(examples.bags)) if each_bag is None
                else np.asarray(each_bag, dtype=float))
    total = float(row_weight.sum()) if n else 1.0
    w, d = np.zeros(len(names)), np.zeros(width)
    state = [(np.zeros_like(w), np.zeros_like(w)), (np.zeros_like(d), np.zeros_like(d))]
    for step in range(1, epochs + 1):
        z = np.bincount(row_of, weights=w[indices], minlength=n) + dense @ d
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        # d/dz of -log(1 - p) for a word outside gold; of -log(found) for a gold span's
        # words: -(1 - found) p / found.
        missed = np.bincount(bag_of, weights=np.log(np.clip(1 - p[bag_rows], 1e-12, 1.0)),
                             minlength=len(examples.bags))
        found = np.clip(1 - np.exp(missed), 1e-9, 1.0)[bag_of]
        gz = np.where(outside, row_weight * p, 0.0) + np.bincount(
            bag_rows, weights=-bag_weight * each_bag[bag_of] * (1 - found) * p[bag_rows] / found,
            minlength=n)
        grads = (np.bincount(indices, weights=gz[row_of], minlength=len(w)) / total + l2 * w,
                 dense.T @ gz / total + l2 * d)
        for param, grad, (m, v) in zip((w, d), grads, state):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= 0.1 * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    sparse = {name: round(float(weight), 4) for name, weight in zip(names, w)
              if abs(weight) >= 0.01}
    return sparse, [round(float(x), 5) for x in d]


def probabilities(examples: Examples, sparse, dense_weights) -> np.ndarray:
    z = np.array([sum(sparse.get(f, 0.0) for f in r[2]) for r in examples.rows])
    z = z + examples.dense[:, :len(dense_weights)] @ np.array(dense_weights)
    return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


def averaged(models: list[tuple[dict, list]]) -> tuple[dict, list]:
    """One logistic regression whose score is the mean of the models' scores (logits):
    the mean of their sparse weights (0 where a model has none) and of their dense
    weights (0 past a model's width), so that an average of heads ships as one head."""
    sparse: dict[str, float] = {}
    for weights, _ in models:
        for name, weight in weights.items():
            sparse[name] = sparse.get(name, 0.0) + weight / len(models)
    width = max(len(dense) for _, dense in models)
    dense = np.zeros(width)
    for _, weights in models:
        dense[:len(weights)] += np.asarray(weights, dtype=float) / len(models)
    return ({name: round(weight, 4) for name, weight in sparse.items() if abs(weight) >= 0.01},
            [round(float(x), 5) for x in dense])


class ScoredTagger:
    """Stands in for the framing finder's tagger: the given probability of each example
    token, over `threshold`. A word of a doc the finder parsed itself (a title-case
    headline read again alone) is no example: with `models` (fold → sparse and dense
    weights), it is scored as at run time by the weights that scored the article being
    read (`article`, set by `framing_counts`)."""

    def __init__(self, examples: Examples, probability: np.ndarray, articles: list[Parsed],
                 models: dict[int, tuple[dict, list]] | None = None,
                 sentence_models: dict[int, dict[str, float]] | None = None):
        self.threshold = 1.0
        self.scores = {(id(articles[r[0]].doc), r[1]): float(p)
                       for r, p in zip(examples.rows, probability)}
        self.known = {id(a.doc) for a in articles}
        sentence_models = sentence_models or {}
        lexical = VECTOR_WIDTH + 1 + bool(sentence_models)
        self.taggers = {fold: FramingTagger(
            sparse, 1.0, dense, contextual=len(dense) > lexical,
            sentence=(framing_sentences.SentenceScorer(sentence_models[fold])
                      if fold in sentence_models else None))
            for fold, (sparse, dense) in (models or {}).items()}
        self.article: int | None = None

    def score(self, token, question: bool) -> float | None:
        if id(token.doc) in self.known:
            return self.scores.get((id(token.doc), token.i))
        tagger = self.taggers.get(fold_of(self.article)) if self.article is not None else None
        return tagger.score(token, question) if tagger is not None else None


def framing_counts(finder, tagger: ScoredTagger, threshold: float, articles: list[Parsed],
                   documents, which: list[int]) -> dict[int, Counter]:
    """The framing layer's counts against all gold (`score_document`) of each document
    of `which`, with the tagger's scores over `threshold` (the headline assertion, which
    needs the sources, is left out)."""
    tagger.threshold = threshold
    finder.tagger = tagger
    counts = {}
    for n in which:
        article = articles[n]
        tagger.article = n
        hits = finder.find(article.doc, *article.finder_inputs)
        spans = [VoiceSpan("", Kind.FRAMING, h.start, h.end, label=h.label) for h in hits]
        spans += [VoiceSpan("", Kind(kind), s, e) for kind, s, e in article.voiced]
        counts[n] = score_document(documents[n].text, documents[n].gold, Analysis(spans=spans))
    return counts


def spans_of(counts: dict[int, Counter], which) -> dict:
    """The span figures of the documents `which` from their counts."""
    return figures(sum((counts[n] for n in which), Counter()))["all"]["spans"]


def framing_figures(finder, tagger: ScoredTagger, threshold: float, articles: list[Parsed],
                    documents, which: list[int]) -> dict:
    """The framing layer's span figures over the documents `which` (`framing_counts`)."""
    return spans_of(framing_counts(finder, tagger, threshold, articles, documents, which),
                    which)


def fold_of(article: int) -> int:
    """The cross-validation fold of the split's article number `article`: pairs of
    neighbours in name order (one of each half) go round the folds, so that every fold
    holds as many tuning-half as check-half articles, and the folds of the tuning half
    alone are those of its own articles in turn."""
    return (article // 2) % FOLDS


def out_of_fold(examples: Examples, training: list[int], width: int, args,
                size: int | None = None, seed: int = 0,
                models: dict[int, tuple[dict, list]] | None = None) -> np.ndarray:
    """The probability of every example of the articles `training`, each article's scored
    by weights trained on the other folds' articles (NaN for the other articles); with
    `size`, each fold's weights are trained on `size` of those articles drawn at random
    (the learning curve). Each fold's weights are put in `models` when it is given."""
    probability = np.full(len(examples.rows), np.nan)
    article = np.array([r[0] for r in examples.rows])
    rng = np.random.default_rng(seed)
    for fold in range(FOLDS):
        held = [n for n in training if fold_of(n) == fold]
        rest = [n for n in training if fold_of(n) != fold]
        if size is not None:
            rest = sorted(rng.choice(rest, size=min(size, len(rest)), replace=False).tolist())
        sentence_weights = set_sentence_score(examples, rest, held)
        if sentence_weights is not None:
            examples.sentence_models[fold] = sentence_weights
        sparse, dense = train(examples.subset(set(rest)), width, args.l2, args.epochs,
                              args.bag_weight)
        if models is not None:
            models[fold] = (sparse, dense)
        mask = np.isin(article, held)
        probability[mask] = probabilities(examples.subset(set(held)), sparse, dense)
    return probability


def scored_by_folds(examples: Examples, training: list[int],
                    models: dict[int, tuple[dict, list]]) -> np.ndarray:
    """`out_of_fold`'s probabilities from weights already trained per fold (the sentence
    column of each fold's articles from that fold's sentence classifier)."""
    fill_sentence_score(examples, getattr(examples, "sentence_models", {}), training)
    probability = np.full(len(examples.rows), np.nan)
    article = np.array([r[0] for r in examples.rows])
    for fold, (sparse, dense) in models.items():
        held = [n for n in training if fold_of(n) == fold]
        probability[np.isin(article, held)] = probabilities(examples.subset(set(held)),
                                                            sparse, dense)
    return probability


def best_threshold(finder, tagger: ScoredTagger, articles, documents, which: list[int],
                   min_precision: float) -> tuple[float, dict[int, Counter]] | None:
    """The threshold whose framing spans over the articles `which` have the best span
    F1 with precision at or above `min_precision`, and the counts of each article there.

    Each threshold costs a pass of the framing finder over the articles, so the grid
    (THRESHOLDS) is not scanned whole: precision rises with the threshold and F1 falls
    above the floor, so the lowest threshold at the floor is found by bisection and the
    best F1 at the floor is taken among it and its neighbours (three below, five above),
    which allows for small dips in precision."""
    cache: dict[int, tuple[dict[int, Counter], dict]] = {}

    def at(k: int) -> dict:
        if k not in cache:
            counts = framing_counts(finder, tagger, THRESHOLDS[k], articles, documents, which)
            cache[k] = (counts, spans_of(counts, which))
        return cache[k][1]

    low, high = 0, len(THRESHOLDS) - 1
    if at(high)["precision"] < min_precision:  # no bisection: scan the whole grid
        low, high = 0, 0
        for k in range(len(THRESHOLDS)):
            at(k)
    while low < high:  # the lowest k whose precision is at the floor
        middle = (low + high) // 2
        if at(middle)["precision"] >= min_precision:
            high = middle
        else:
            low = middle + 1
    for k in range(max(0, low - 3), min(len(THRESHOLDS), low + 6)):
        at(k)
    floor = [k for k, (_, spans) in cache.items() if spans["precision"] >= min_precision]
    if not floor:
        return None
    k = max(floor, key=lambda k: (cache[k][1]["f1"], -k))
    return THRESHOLDS[k], cache[k][0]


def by_part(counts: dict[int, Counter], halves: dict[str, list[int]]) -> dict[str, dict]:
    """The span figures of each half's articles among those counted, and of all of them."""
    parts = {name: [n for n in part if n in counts] for name, part in halves.items()}
    parts["all"] = sorted(counts)
    return {name: {k: round(float(v), 4) if k != "predicted" else int(v)
                   for k, v in spans_of(counts, part).items()
                   if k in ("precision", "recall", "f1", "predicted")}
            for name, part in parts.items() if part}


def _figures_line(name: str, spans: dict) -> str:
    return (f"{name} P {spans['precision']:.3f} R {spans['recall']:.3f} "
            f"F1 {spans['f1']:.3f} ({spans['predicted']} spans)")


def cross_validated_threshold(finder, examples: Examples, articles, documents,
                              training: list[int], halves: dict[str, list[int]],
                              models: dict[int, tuple[dict, list]], args) -> tuple[float, dict]:
    """The threshold chosen on the out-of-fold framing layer over the training articles
    (each fold's articles scored by `models`' weights of that fold), and its out-of-fold
    span figures over them, per half and in all (printed)."""
    tagger = ScoredTagger(examples, scored_by_folds(examples, training, models), articles,
                          models, getattr(examples, "sentence_models", {}))
    best = best_threshold(finder, tagger, articles, documents, training, args.min_precision)
    if best is None:
        print(f"  no threshold reaches out-of-fold precision {args.min_precision}",
              file=sys.stderr)
        return 0.9, {}
    threshold, counts = best
    held_out = by_part(counts, halves)
    for name, spans in held_out.items():
        print(f"  out of fold, threshold {threshold}: {_figures_line(name, spans)}",
              file=sys.stderr)
    return threshold, held_out


def learning_curve(finder, examples: Examples, articles, documents, training: list[int],
                   halves: dict[str, list[int]], width: int, args) -> None:
    """For each number of training articles in args.learning_curve, the out-of-fold
    framing layer over all the training articles at its best threshold (printed)."""
    for size in args.learning_curve:
        for seed in range(args.curve_repeats):
            models: dict[int, tuple[dict, list]] = {}
            probability = out_of_fold(examples, training, width, args, size=size, seed=seed,
                                      models=models)
            tagger = ScoredTagger(examples, probability, articles, models,
                                  getattr(examples, "sentence_models", {}))
            best = best_threshold(finder, tagger, articles, documents, training,
                                  args.min_precision)
            found = (f"threshold {best[0]}: " + "; ".join(
                _figures_line(name, spans) for name, spans in by_part(best[1], halves).items())
                if best else f"precision {args.min_precision} not reached")
            print(f"  {size} training articles a fold (draw {seed}), out of fold: {found}",
                  file=sys.stderr, flush=True)


UNLABELLED = 1_000_000  # document numbers of unlabelled articles start here (`joined`)


def read_unlabelled(folder: Path, count: int | None) -> list[FramingDocument]:
    """The .txt articles of `folder` in name order, with no gold; with `count`, that many
    spread evenly over them (every fourth of 840 for 210)."""
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt articles in {folder}")
    if count is not None and count < len(files):
        files = [files[k * len(files) // count] for k in range(count)]
    return [FramingDocument(f.stem, f.read_text(encoding="utf-8")) for f in files]


def pseudo_labelled(unlabelled: Examples, probability: np.ndarray, positive: float,
                    negative: float, weight: float) -> Examples:
    """The words of unlabelled articles the tagger is sure of: those scored at or above
    `positive` as framing (each its own bag, as a gold span of one word), those at or below
    `negative` as not; the rest left out. Every row and bag weighs `weight` in the loss."""
    keep = np.flatnonzero((probability >= positive) | (probability <= negative))
    out = object.__new__(Examples)
    out.rows = [(UNLABELLED + unlabelled.rows[i][0], unlabelled.rows[i][1],
                 unlabelled.rows[i][2], bool(probability[i] >= positive)) for i in keep]
    out.dense = unlabelled.dense[keep]
    out.labels = np.array([r[3] for r in out.rows], dtype=float)
    out.gold, out.sentences, out.sentence_models = [], None, {}
    out.bags = [np.array([k]) for k, r in enumerate(out.rows) if r[3]]
    out.weights = np.full(len(out.rows), weight)
    out.bag_weights = np.full(len(out.bags), weight)
    return out


def joined(first: Examples, second: Examples) -> Examples:
    """The examples of both, as one training set (their document numbers kept apart by
    the callers: `pseudo_labelled`'s start at UNLABELLED)."""
    out = object.__new__(Examples)
    out.rows = first.rows + second.rows
    out.dense = np.vstack([first.dense, second.dense[:, :first.dense.shape[1]]])
    out.labels = np.concatenate([first.labels, second.labels])
    out.bags = first.bags + [bag + len(first.rows) for bag in second.bags]
    out.gold, out.sentences, out.sentence_models = first.gold, None, {}

    def weights(examples: Examples, name: str, size: int) -> np.ndarray:
        given = getattr(examples, name, None)
        return np.ones(size) if given is None else np.asarray(given, dtype=float)

    out.weights = np.concatenate([weights(first, "weights", len(first.rows)),
                                  weights(second, "weights", len(second.rows))])
    out.bag_weights = np.concatenate([weights(first, "bag_weights", len(first.bags)),
                                      weights(second, "bag_weights", len(second.bags))])
    return out


def self_trained_out_of_fold(examples: Examples, unlabelled: Examples, training: list[int],
                             width: int, args, positive: float, weight: float,
                             first: dict[int, tuple[dict, list]],
                             models: dict[int, tuple[dict, list]]) -> np.ndarray:
    """`out_of_fold` with self-training: in each fold, the weights trained on the other
    folds' articles (`first`, trained here when missing) label the unlabelled articles'
    words (`pseudo_labelled`: at or above `positive` framing, at or below
    args.self_train_negative not, weighing `weight`), and the fold's articles are scored
    by weights trained on the other folds' articles and those words. Nothing of a fold's
    articles reaches the weights that score them, nor the labels those learn from."""
    probability = np.full(len(examples.rows), np.nan)
    article = np.array([r[0] for r in examples.rows])
    for fold in range(FOLDS):
        held = [n for n in training if fold_of(n) == fold]
        rest = examples.subset({n for n in training if fold_of(n) != fold})
        if fold not in first:
            first[fold] = train(rest, width, args.l2, args.epochs, args.bag_weight)
        sure = pseudo_labelled(unlabelled, probabilities(unlabelled, *first[fold]), positive,
                               args.self_train_negative, weight)
        print(f"    fold {fold}: {int(sure.labels.sum())} unlabelled words taken as framing, "
              f"{int(len(sure.rows) - sure.labels.sum())} as not, of {len(unlabelled.rows)}",
              file=sys.stderr, flush=True)
        models[fold] = train(joined(rest, sure), width, args.l2, args.epochs, args.bag_weight)
        probability[np.isin(article, held)] = probabilities(examples.subset(set(held)),
                                                            *models[fold])
    return probability


def _span_counts(counts: dict[int, Counter], which: list[int]) -> np.ndarray:
    """Per article of `which`: spans predicted, right, gold and found."""
    keys = ("all/span_predicted", "all/span_right", "all/span_gold", "all/span_found")
    return np.array([[counts[n].get(key, 0) for key in keys] for n in which], dtype=float)


def _f1(counts: np.ndarray) -> float:
    predicted, right, gold, found = counts.sum(0)
    precision = right / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def paired_bootstrap(before: np.ndarray, after: np.ndarray, draws: int = 1000,
                     seed: int = 0) -> tuple[float, float, float]:
    """The span F1 gain of `after` over `before` (per-article counts, `_span_counts`) and
    its 95 % interval by a paired bootstrap over the articles."""
    rng = np.random.default_rng(seed)
    gains = []
    for _ in range(draws):
        pick = rng.integers(0, len(before), len(before))
        gains.append(_f1(after[pick]) - _f1(before[pick]))
    return (_f1(after) - _f1(before), float(np.percentile(gains, 2.5)),
            float(np.percentile(gains, 97.5)))


def measure_self_training(finder, examples: Examples, unlabelled: Examples, articles,
                          documents, training: list[int], halves: dict[str, list[int]],
                          width: int, args) -> dict:
    """Out of fold over the training articles, each at its own best threshold: the
    tagger as it is (no self-training) and self-trained with each setting of
    args.self_train_positive x args.self_train_weight, with a paired bootstrap over the
    articles of each one's gain (printed; also returned, setting → figures)."""
    first: dict[int, tuple[dict, list]] = {}
    runs = {"without": (out_of_fold(examples, training, width, args, models=first), first)}
    for positive in args.self_train_positive:
        for weight in args.self_train_weight:
            print(f"  self-training, framing at >= {positive}, not at <= "
                  f"{args.self_train_negative}, weight {weight}:", file=sys.stderr, flush=True)
            models: dict[int, tuple[dict, list]] = {}
            probability = self_trained_out_of_fold(examples, unlabelled, training, width,
                                                   args, positive, weight, first, models)
            runs[f"positive {positive}, weight {weight}"] = (probability, models)
    results: dict[str, dict] = {}
    base = None
    for name, (probability, models) in runs.items():
        tagger = ScoredTagger(examples, probability, articles, models)
        best = best_threshold(finder, tagger, articles, documents, training,
                              args.min_precision)
        if best is None:
            print(f"  {name}: precision {args.min_precision} not reached out of fold",
                  file=sys.stderr)
            continue
        threshold, counts = best
        parts = by_part(counts, halves)
        results[name] = {"threshold": threshold, **parts}
        line = "; ".join(_figures_line(part, spans) for part, spans in parts.items())
        if base is None:
            base = _span_counts(counts, training)
        else:
            gain, low, high = paired_bootstrap(base, _span_counts(counts, training))
            results[name]["gain"] = [round(gain, 4), round(low, 4), round(high, 4)]
            line += f"; gain {gain:+.4f}, paired bootstrap over articles 95 % [{low:+.4f}, {high:+.4f}]"
        print(f"  {name}, threshold {threshold}: {line}", file=sys.stderr, flush=True)
    return results


def _sizes(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part]


def _numbers(text: str) -> list[float]:
    return [float(part) for part in text.split(",") if part]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ptc", help="PTC split directory (labels.tsv, articles/)")
    parser.add_argument("--out", default=None, help="where to write the weights (JSON)")
    parser.add_argument("--vectors-from", default=None,
                        help="an en_core_web_md pipeline: write the word-vector table from it")
    parser.add_argument("--l2", type=float, default=5e-5,
                        help="L2 penalty: 5e-5 (with bag weight 2 and the lexical head) had the "
                             "best inner cross-validated framing-layer F1 at P >= 0.40 in a "
                             "nested cross-validation over PTC dev (L2 1e-5 to 4e-4, bag weight "
                             "1 to 3, head contextual, lexical or averaged; v6 used 2e-4)")
    parser.add_argument("--epochs", type=int, default=600)
    parser.add_argument("--bag-weight", type=float, default=2.0,
                        help="weight of the gold spans' part of the loss: 2, chosen with the "
                             "L2 penalty (see --l2)")
    parser.add_argument("--min-precision", type=float, default=0.40,
                        help="least out-of-fold span precision of the framing layer (0.40: "
                             "the precision the framing targets ask for)")
    parser.add_argument("--train-on", choices=sorted(TRAINED_ON), default="dev",
                        help="the articles the weights are trained on: all of the "
                             "development set (default, what ships) or its tuning half")
    parser.add_argument("--learning-curve", type=_sizes, default=None, metavar="N,N,...",
                        help="measure only: for each number of training articles a fold, "
                             "the out-of-fold framing layer at its best threshold")
    parser.add_argument("--curve-repeats", type=int, default=1,
                        help="draws of the training articles per size of the learning curve")
    parser.add_argument("--default-head", choices=("lexical", "averaged", "contextual"),
                        default="lexical",
                        help="the model that ships for the default pipeline: the lexical head "
                             "(default, chosen with --l2; the default pipeline then reads no "
                             "doc.tensor), the average of both models, or the model with the "
                             "contextual vector")
    parser.add_argument("--sentence-score", action=argparse.BooleanOptionalAction, default=False,
                        help="give the tagger its sentence's score (framing_sentences.py), "
                             "stacked out of fold in every fold's training (out of fold over "
                             "PTC dev at L2 2e-4: +0.008 F1 for the contextual model, none "
                             "for the lexical head)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="a folder to keep the parsed articles in between runs")
    parser.add_argument("--self-train", type=Path, default=None, metavar="FOLDER",
                        help="measure only: a folder of unlabelled .txt articles (PolNeAR "
                             "train's text/) that each fold's weights label for a second "
                             "training (self-training); prints the out-of-fold figures with "
                             "and without it and a paired bootstrap of the gain")
    parser.add_argument("--self-train-articles", type=int, default=None, metavar="N",
                        help="take N of the unlabelled articles, spread evenly in name order")
    parser.add_argument("--self-train-positive", type=_numbers, default=[0.5], metavar="P,P",
                        help="a word scored at or above this is taken as framing")
    parser.add_argument("--self-train-negative", type=float, default=0.1,
                        help="a word scored at or below this is taken as not framing")
    parser.add_argument("--self-train-weight", type=_numbers, default=[0.3], metavar="W,W",
                        help="the weight in the loss of each word so labelled")
    args = parser.parse_args(argv)
    if args.self_train and (args.sentence_score or args.default_head == "averaged"):
        parser.error("--self-train measures one head without the sentence score")
    if args.vectors_from:
        write_vectors(args.vectors_from, resource("models", "framing_vectors.npz"))
        FramingVectors.shipped.cache_clear()
    vectors = FramingVectors.shipped()
    documents = read_ptc(args.ptc)
    analyzer = Analyzer()
    analyzer.load()
    articles = parsed(analyzer, documents, args.cache)
    finder = analyzer.nlp.get_pipe("provenance_attribution").framing
    examples = Examples(finder, articles, documents, vectors)
    if args.sentence_score:
        add_sentence_score(examples, articles)
    everything = list(range(len(documents)))
    halves = {"tune": half(everything, "tune"), "check": half(everything, "check")}
    training = halves["tune"] if args.train_on == "tune" else everything
    training_examples = examples.subset(set(training))
    print(f"{len(training_examples.rows)} tokens the tagger is asked about in the "
          f"{len(training)} training articles ({TRAINED_ON[args.train_on]}), "
          f"{int(training_examples.labels.sum())} in gold framing", file=sys.stderr)
    if args.self_train:
        texts = read_unlabelled(args.self_train, args.self_train_articles)
        names = hashlib.sha1("\n".join(d.name for d in texts).encode()).hexdigest()[:10]
        unlabelled_articles = parsed(analyzer, texts, args.cache / f"unlabelled-{names}"
                                     if args.cache else None)
        unlabelled = Examples(finder, unlabelled_articles, texts, vectors)
        width = (examples.dense.shape[1] if args.default_head == "contextual"
                 else VECTOR_WIDTH + 1)
        print(f"{len(unlabelled.rows)} tokens the tagger is asked about in {len(texts)} "
              f"unlabelled articles; the {args.default_head} head:", file=sys.stderr)
        measure_self_training(finder, examples, unlabelled, articles,
                              documents, training, halves, width, args)
        return 0
    if args.learning_curve:
        print("learning curve, contextual head:", file=sys.stderr)
        learning_curve(finder, examples, articles, documents, training, halves,
                       examples.dense.shape[1], args)
        return 0
    widths = {"contextual": examples.dense.shape[1],
              "lexical": VECTOR_WIDTH + 1 + (examples.sentences is not None)}
    folds: dict[str, dict[int, tuple[dict, list]]] = {head: {} for head in widths}
    final = {}
    for head, width in widths.items():
        out_of_fold(examples, training, width, args, models=folds[head])
        # The final weights learn the sentence score's weight from stacked scores of all
        # the training articles (the column is filled again: out_of_fold changed it).
        sentence_weights = set_sentence_score(examples, training, [])
        final[head] = train(examples.subset(set(training)), width, args.l2, args.epochs,
                            args.bag_weight)
    # What ships for the default pipeline: the mean of both models' scores, one head.
    folds["averaged"] = {fold: averaged([folds["contextual"][fold], folds["lexical"][fold]])
                         for fold in folds["contextual"]}
    final["averaged"] = averaged([final["contextual"], final["lexical"]])
    heads, alone = {}, {}
    default = args.default_head
    for head, shipped_as in (("contextual", "contextual" if default == "contextual" else None),
                             ("lexical", "lexical"),
                             ("averaged", "contextual" if default == "averaged" else None)):
        print(f"{head}{f' (ships as the {shipped_as} head)' if shipped_as else ''}:",
              file=sys.stderr)
        threshold, held_out = cross_validated_threshold(finder, examples, articles, documents,
                                                        training, halves, folds[head], args)
        if shipped_as is None:
            alone[head] = held_out
            continue
        sparse, dense = final[head]
        # In sample, as at run time: every sentence scored by the final sentence classifier.
        final_sentences = ({fold: sentence_weights for fold in range(FOLDS)}
                           if sentence_weights is not None else {})
        fill_sentence_score(examples, final_sentences, everything)
        tagger = ScoredTagger(examples, probabilities(examples, sparse, dense), articles,
                              {fold: final[head] for fold in range(FOLDS)}, final_sentences)
        for name, part in halves.items():
            seen = "trained on" if set(part) <= set(training) else "unseen"
            spans = framing_figures(finder, tagger, threshold, articles, documents, part)
            print(f"  in sample, threshold {threshold}: {_figures_line(f'{name} ({seen})', spans)}",
                  file=sys.stderr)
        heads[shipped_as] = {"threshold": threshold, "weights": sparse,
                             "dense_weights": dense, "out_of_fold": held_out}
    if default == "averaged":
        heads["contextual"]["made_of"] = ("the mean of the scores of a model with the "
                                          "contextual vector and of the lexical head")
    if args.out:
        nlp = analyzer.nlp
        record = {"trained_on": f"PTC (SemEval-2020 Task 11) development set, "
                                f"{TRAINED_ON[args.train_on]}; never BABE",
                  "contextual_pipelines": ([] if default == "lexical" else
                                           [f"{nlp.meta['lang']}_{nlp.meta['name']}"]),
                  "out_of_fold_not_shipped": alone,
                  "l2": args.l2, "epochs": args.epochs, "min_precision": args.min_precision,
                  "bag_weight": args.bag_weight, "articles": len(training),
                  "examples": len(training_examples.rows), "heads": heads}
        if sentence_weights is not None:
            record["sentence"] = {"weights": sentence_weights, "l2": framing_sentences.L2,
                                  "epochs": framing_sentences.EPOCHS,
                                  "inner_folds": framing_sentences.INNER_FOLDS}
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(record, indent=0, sort_keys=True) + "\n",
                                  encoding="utf-8")
    return 0

if __name__ == "__main__":
    sys.exit(main())
