"""Train the framing tagger's weights on the tuning half of a PTC split.

    .venv/bin/python scripts/train_framing_tagger.py PATH/TO/framing/ptc-dev \
        --vectors-from PATH/TO/en_core_web_md --out resources/lexicons/framing_tagger.json

PTC (SemEval-2020 Task 11) is read from the path given; nothing of it is written out but
the weights, which are keyed by features of `reader.provenance.framing_tagger` (licensed
lemmas, valence bands, parts of speech) or are weights over its dense inputs (a word
vector, the pipeline's doc.tensor). The tuning half is the even positions in name order
(`reader.evaluation.framing_corpora.half`); the check half is only scored. BABE is never
used here. A token is a positive example when it lies in one of the four framing
techniques' gold spans; only candidate tokens in the writer's voice (outside the
analyser's quotes and paraphrases) are examples, as at run time.

With --vectors-from (an installed en_core_web_md, or its folder), the word-vector table
`resources/models/framing_vectors.npz` is written first: the pipeline's 20,000 vectors
(CC0) reduced to 64 dimensions by PCA and scaled to unit length, keyed by the spaCy hash
of every lowercase alphabetic word that maps to one of them.

Two heads are trained: "contextual" (sparse features, word vector and the default
pipeline's doc.tensor) and "lexical" (without doc.tensor, for any other pipeline). The
threshold of each is chosen by 4-fold cross-validation over the tuning half's articles:
the threshold whose out-of-fold spans (runs of adjacent tokens over it) have the best
span any-overlap F1 with precision at or above --min-precision.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from reader.document import article_from_text
from reader.evaluation.framing_corpora import half, read_ptc
from reader.provenance.analyzer import Analyzer
from reader.provenance.framing_tagger import (VECTOR_WIDTH, FramingVectors, dense_inputs,
                                              is_candidate, token_features)
from reader.resources_path import resource

FOLDS = 4


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


def parsed(analyzer: Analyzer, documents, cache: Path | None):
    """(doc, voiced ranges) per document; kept in `cache` (a DocBin, the tensors and a JSON
    file) so that changing the features does not rerun the pipeline."""
    from spacy.tokens import DocBin

    if cache is not None and (cache / "docs.spacy").exists():
        docs = list(DocBin().from_disk(cache / "docs.spacy").get_docs(analyzer.nlp.vocab))
        voiced = json.loads((cache / "voiced.json").read_text(encoding="utf-8"))
        with np.load(cache / "tensors.npz") as tensors:
            for i, doc in enumerate(docs):
                doc.tensor = tensors[f"arr_{i}"]
        if len(docs) == len(documents):
            return list(zip(docs, voiced))
    articles = [article_from_text(d.text) for d in documents]
    docs, voiced = [], []
    for doc in analyzer.nlp.pipe((analyzer._make_doc(a) for a in articles), batch_size=8):
        docs.append(doc)
        voiced.append([(s.start, s.end) for s in doc._.provenance.spans
                       if s.kind in ("quote", "paraphrase")])
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(cache / "docs.spacy")
        np.savez(cache / "tensors.npz", *[np.asarray(d.tensor, dtype=np.float32) for d in docs])
        (cache / "voiced.json").write_text(json.dumps(voiced), encoding="utf-8")
    return list(zip(docs, voiced))


class Examples:
    """The candidate tokens in the writer's voice of some documents: per token its
    document, token index, character range, sparse features, dense inputs and label."""

    def __init__(self, pairs, documents, vectors: FramingVectors | None):
        self.rows, dense, self.gold = [], [], []
        for n, (document, (doc, voiced)) in enumerate(zip(documents, pairs)):
            inputs = dense_inputs(doc, True, vectors)
            gold = [(g.start, g.end) for g in document.gold]
            self.gold.append(gold)
            for sent in doc.sents:
                question = sent.text.rstrip().endswith("?")
                for token in sent:
                    start, end = token.idx, token.idx + len(token)
                    if any(s < end and start < e for s, e in voiced) or not is_candidate(token):
                        continue
                    label = any(s < end and start < e for s, e in gold)
                    self.rows.append((n, token.i, start, end,
                                      token_features(token, question), label))
                    dense.append(inputs[token.i])
        self.dense = np.array(dense, dtype=np.float64)
        self.labels = np.array([r[5] for r in self.rows], dtype=float)

    def subset(self, documents: set[int]) -> Examples:
        keep = [i for i, r in enumerate(self.rows) if r[0] in documents]
        out = object.__new__(Examples)
        out.rows = [self.rows[i] for i in keep]
        out.dense, out.labels, out.gold = self.dense[keep], self.labels[keep], self.gold
        return out


def train(examples: Examples, width: int, l2: float, epochs: int):
    """Sparse weights (a dict) and dense weights (over the first `width` dense columns) of
    a logistic regression, by full-batch gradient descent with Adam steps."""
    names = sorted({f for r in examples.rows for f in r[4]})
    index = {name: i for i, name in enumerate(names)}
    indices = np.array([index[f] for r in examples.rows for f in r[4]])
    row_of = np.repeat(np.arange(len(examples.rows)), [len(r[4]) for r in examples.rows])
    dense, y, n = examples.dense[:, :width], examples.labels, len(examples.rows)
    w, d = np.zeros(len(names)), np.zeros(width)
    state = [(np.zeros_like(w), np.zeros_like(w)), (np.zeros_like(d), np.zeros_like(d))]
    for step in range(1, epochs + 1):
        z = np.bincount(row_of, weights=w[indices], minlength=n) + dense @ d
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        grads = (np.bincount(indices, weights=(p - y)[row_of], minlength=len(w)) / n + l2 * w,
                 dense.T @ (p - y) / n + l2 * d)
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
    z = np.array([sum(sparse.get(f, 0.0) for f in r[4]) for r in examples.rows])
    z = z + examples.dense[:, :len(dense_weights)] @ np.array(dense_weights)
    return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


def span_counts(examples: Examples, probability: np.ndarray, threshold: float,
                documents: list[int]):
    """Span any-overlap P, R, F1 and the number of spans of the tokens over `threshold`,
    adjacent tokens (nothing but punctuation between) joined into one span."""
    spans: dict[int, list[list[int]]] = {}
    for (n, i, start, end, _, _), p in zip(examples.rows, probability):
        if p < threshold:
            continue
        runs = spans.setdefault(n, [])
        if runs and runs[-1][2] == i - 1:
            runs[-1][1], runs[-1][2] = end, i
        else:
            runs.append([start, end, i])
    right = predicted = found = total = 0
    for n in documents:
        gold, runs = examples.gold[n], spans.get(n, [])
        predicted += len(runs)
        right += sum(any(s < ge and gs < e for gs, ge in gold) for s, e, _ in runs)
        total += len(gold)
        found += sum(any(s < ge and gs < e for s, e, _ in runs) for gs, ge in gold)
    precision = right / predicted if predicted else 0.0
    recall = found / total if total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, predicted


def cross_validated_threshold(examples: Examples, documents: list[int], width: int,
                              args) -> float:
    probability = np.zeros(len(examples.rows))
    for fold in range(FOLDS):
        held = set(documents[fold::FOLDS])
        trained = examples.subset(set(documents) - held)
        sparse, dense = train(trained, width, args.l2, args.epochs)
        mask = np.array([r[0] in held for r in examples.rows])
        probability[mask] = probabilities(examples.subset(held), sparse, dense)
    best = None
    for step in range(10, 90, 2):
        p, r, f1, n = span_counts(examples, probability, step / 100, documents)
        if p >= args.min_precision and (best is None or f1 > best[1][2]):
            best = (step / 100, (p, r, f1, n))
    if best is None:
        return 0.9
    p, r, f1, n = best[1]
    print(f"  cross-validated: threshold {best[0]}: spans P {p:.3f} R {r:.3f} F1 {f1:.3f} "
          f"({n} spans)", file=sys.stderr)
    return best[0]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ptc", help="PTC split directory (labels.tsv, articles/)")
    parser.add_argument("--out", default=None, help="where to write the weights (JSON)")
    parser.add_argument("--vectors-from", default=None,
                        help="an en_core_web_md pipeline: write the word-vector table from it")
    parser.add_argument("--l2", type=float, default=3e-5)
    parser.add_argument("--epochs", type=int, default=600)
    parser.add_argument("--min-precision", type=float, default=0.36)
    parser.add_argument("--cache", type=Path, default=None,
                        help="a folder to keep the parsed articles in between runs")
    args = parser.parse_args(argv)
    if args.vectors_from:
        write_vectors(args.vectors_from, resource("models", "framing_vectors.npz"))
        FramingVectors.shipped.cache_clear()
    vectors = FramingVectors.shipped()
    documents = read_ptc(args.ptc)
    analyzer = Analyzer()
    pairs = parsed(analyzer, documents, args.cache)
    examples = Examples(pairs, documents, vectors)
    tune = half(list(range(len(documents))), "tune")
    check = half(list(range(len(documents))), "check")
    tune_examples = examples.subset(set(tune))
    print(f"{len(tune_examples.rows)} candidate tokens in the tuning half, "
          f"{int(tune_examples.labels.sum())} in gold framing", file=sys.stderr)
    heads = {}
    for head, width in (("contextual", examples.dense.shape[1]), ("lexical", VECTOR_WIDTH + 1)):
        print(f"{head}:", file=sys.stderr)
        threshold = cross_validated_threshold(examples, tune, width, args)
        sparse, dense = train(tune_examples, width, args.l2, args.epochs)
        probability = probabilities(examples, sparse, dense)
        for name, part in (("tune (trained on)", tune), ("check", check)):
            p, r, f1, n = span_counts(examples, probability, threshold, part)
            print(f"  {name}: spans P {p:.3f} R {r:.3f} F1 {f1:.3f} ({n} spans)",
                  file=sys.stderr)
        heads[head] = {"threshold": threshold, "weights": sparse, "dense_weights": dense}
    if args.out:
        nlp = analyzer.nlp
        record = {"trained_on": "PTC (SemEval-2020 Task 11) development set, tuning half "
                                "(even positions in name order); never BABE",
                  "contextual_pipelines": [f"{nlp.meta['lang']}_{nlp.meta['name']}"],
                  "l2": args.l2, "epochs": args.epochs, "min_precision": args.min_precision,
                  "examples": len(tune_examples.rows), "heads": heads}
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(record, indent=0, sort_keys=True) + "\n",
                                  encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
