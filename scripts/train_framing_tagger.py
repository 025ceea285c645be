"""Train the framing tagger's weights on the tuning half of a PTC split.

    .venv/bin/python scripts/train_framing_tagger.py PATH/TO/framing/ptc-dev \
        --out resources/lexicons/framing_tagger.json

PTC (SemEval-2020 Task 11) is read from the path given; nothing of it is written out but
the weights, which are keyed by features of `reader.provenance.framing_tagger` (licensed
lemmas, valence bands, parts of speech). The tuning half is the even positions in name
order (`reader.evaluation.framing_corpora.half`); the check half is only scored. BABE is
never used here. A token is a positive example when it lies in one of the four framing
techniques' gold spans; only candidate tokens in the writer's voice (outside the
analyser's quotes and paraphrases) are examples, as at run time.

The threshold is the lowest probability whose spans (runs of adjacent tokens over it)
keep span any-overlap precision at or above --min-precision on the tuning half.
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
from reader.provenance.framing_tagger import is_candidate, token_features


def parsed(analyzer: Analyzer, documents, cache: Path | None):
    """(doc, voiced ranges) per document; kept in `cache` (a DocBin and a JSON file) so
    that changing the features does not rerun the pipeline."""
    from spacy.tokens import DocBin

    if cache is not None and (cache / "docs.spacy").exists():
        docs = list(DocBin().from_disk(cache / "docs.spacy").get_docs(analyzer.nlp.vocab))
        voiced = json.loads((cache / "voiced.json").read_text(encoding="utf-8"))
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
        (cache / "voiced.json").write_text(json.dumps(voiced), encoding="utf-8")
    return list(zip(docs, voiced))


def examples(pairs, documents):
    """Per document: [(token start, token end, features)] for candidates in the writer's
    voice, with the document's gold ranges."""
    out = []
    for document, (doc, voiced) in zip(documents, pairs):
        rows = []
        for sent in doc.sents:
            question = sent.text.rstrip().endswith("?")
            for token in sent:
                start, end = token.idx, token.idx + len(token)
                if any(s < end and start < e for s, e in voiced) or not is_candidate(token):
                    continue
                rows.append((start, end, token_features(token, question)))
        out.append((rows, [(g.start, g.end) for g in document.gold]))
    return out


def train(samples, labels, l2: float, epochs: int) -> dict[str, float]:
    names = sorted({f for features in samples for f in features})
    index = {name: i for i, name in enumerate(names)}
    indices = np.array([index[f] for features in samples for f in features])
    row_of = np.repeat(np.arange(len(samples)), [len(f) for f in samples])
    y = np.array(labels, dtype=float)
    w = np.zeros(len(names))
    # plain full-batch gradient descent with Adam steps: a few hundred thousand entries
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, epochs + 1):
        z = np.bincount(row_of, weights=w[indices], minlength=len(samples))
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        grad = np.bincount(indices, weights=(p - y)[row_of], minlength=len(w)) / len(samples)
        grad += l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.1 * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return {name: round(float(weight), 4) for name, weight in zip(names, w)
            if abs(weight) >= 0.01}


def spans_over(rows, probabilities, threshold):
    spans = []
    for (start, end, _), p in zip(rows, probabilities):
        if p < threshold:
            continue
        spans.append((start, end))
    return spans


def span_counts(data, weights, threshold):
    right = predicted = found = gold_total = 0
    for rows, gold in data:
        probabilities = [_probability(weights, f) for _, _, f in rows]
        spans = spans_over(rows, probabilities, threshold)
        predicted += len(spans)
        right += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in spans)
        gold_total += len(gold)
        found += sum(any(s < ge and gs < e for s, e in spans) for gs, ge in gold)
    precision = right / predicted if predicted else 0.0
    recall = found / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, predicted


def _probability(weights, features) -> float:
    z = sum(weights.get(f, 0.0) for f in features)
    return float(1 / (1 + np.exp(-max(-30.0, min(30.0, z)))))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ptc", help="PTC split directory (labels.tsv, articles/)")
    parser.add_argument("--out", default=None, help="where to write the weights (JSON)")
    parser.add_argument("--l2", type=float, default=3e-5)
    parser.add_argument("--epochs", type=int, default=600)
    parser.add_argument("--min-precision", type=float, default=0.55)
    parser.add_argument("--cache", type=Path, default=None,
                        help="a folder to keep the parsed articles in between runs")
    args = parser.parse_args(argv)
    documents = read_ptc(args.ptc)
    pairs = parsed(Analyzer(), documents, args.cache)
    tune_data = examples(half(pairs, "tune"), half(documents, "tune"))
    check_data = examples(half(pairs, "check"), half(documents, "check"))
    samples = [f for rows, _ in tune_data for _, _, f in rows]
    labels = [any(s < ge and gs < e for gs, ge in gold)
              for rows, gold in tune_data for s, e, _ in rows]
    print(f"{len(samples)} candidate tokens, {sum(labels)} in gold framing", file=sys.stderr)
    weights = train(samples, labels, args.l2, args.epochs)
    best = None
    for step in range(10, 96, 2):
        threshold = step / 100
        p, r, f1, n = span_counts(tune_data, weights, threshold)
        if p >= args.min_precision and (best is None or f1 > best[1]):
            best = (threshold, f1)
    threshold = best[0] if best else 0.5
    for name, data in (("tune", tune_data), ("check", check_data)):
        p, r, f1, n = span_counts(data, weights, threshold)
        print(f"{name}: tagger alone, threshold {threshold}: spans P {p:.3f} R {r:.3f} "
              f"F1 {f1:.3f} ({n} spans)", file=sys.stderr)
    if args.out:
        record = {"trained_on": "PTC (SemEval-2020 Task 11) development set, tuning half "
                                "(even positions in name order); never BABE",
                  "threshold": threshold, "l2": args.l2, "epochs": args.epochs,
                  "examples": len(samples), "weights": weights}
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(record, indent=0, sort_keys=True) + "\n",
                                  encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
