"""Nested cross-validation of the framing tagger's settings over PTC dev (measures only).

    .venv/bin/python scripts/nested_cv_framing_tagger.py PATH/TO/framing/ptc-dev --cache DIR

How the seventh version's head, L2 penalty and bag weight were chosen. For each of the 4
outer folds of `train_framing_tagger.fold_of`, every setting of the grid (--l2 x
--bag-weights x head: the model with the contextual vector, the lexical head, or the mean
of their scores) is scored by an inner cross-validation over the other three folds (weights
trained on two of them, the framing layer's best span F1 at precision >= --min-precision
over the third's articles, all three pooled); the best setting is trained on the three folds
and scores the outer fold's articles. Printed: the inner F1 of each setting per outer fold,
the choices, the out-of-fold figures over all articles of the whole procedure and of
--reference (v6's settings) at their own best threshold, with a paired bootstrap over
articles of the difference, and the setting with the best inner F1 over the outer folds
(the training script's defaults). The weights trained without two folds serve both of the
outer folds they leave out, so a setting costs 6 trainings a head, not 12.

The framing layer is replayed from per-word scores (`SpanReplay`): the finder reads each
article once with a tagger that fires on nothing, keeping its rule hits and the words it
asks the tagger about (a title-case headline's too); at a threshold, the words scored over
it are added as the finder adds them and joined as it joins them. That gives the counts
`framing_counts` gives (a test checks it) at a small part of the cost.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_framing_tagger as training  # noqa: E402

from reader.evaluation.framing_corpora import read_ptc  # noqa: E402
from reader.provenance import framing  # noqa: E402
from reader.provenance.analyzer import Analyzer  # noqa: E402
from reader.provenance.framing_tagger import (VECTOR_WIDTH, FramingVectors,  # noqa: E402
                                              dense_inputs, is_candidate, tagger_features)

HEADS = ("contextual", "lexical", "averaged")


class _Asked:
    """A tagger that fires on nothing and keeps the words it is asked about."""

    threshold = 2.0

    def __init__(self):
        self.asked = []

    def score(self, token, question):
        if is_candidate(token):
            self.asked.append((token, question))
        return None


class _Sure:
    threshold = 0.0

    def score(self, token, question):
        return 1.0


def _as_found(hits, *_):
    return list(hits)


class SpanReplay:
    """The framing layer of each article as rule hits plus the hits the tagger's words
    would give: `counts` at any threshold from per-word probabilities. The words of a
    headline read alone are rows of their own (`extra`: features and dense inputs)."""

    def __init__(self, finder, examples: training.Examples, articles, documents, vectors):
        row = {(r[0], r[1]): k for k, r in enumerate(examples.rows)}
        self.articles, extra_rows, extra_dense = [], [], []
        shipped, joined = finder.tagger, (framing._join_adjacent, framing._dedupe)
        try:
            for n, article in enumerate(articles):
                asked = _Asked()
                finder.tagger = asked
                framing._join_adjacent, framing._dedupe = _as_found, _as_found
                try:
                    rules = finder.find(article.doc, *article.finder_inputs)
                finally:
                    framing._join_adjacent, framing._dedupe = joined
                # Words of another doc: the finder read a title-case headline again alone.
                headline = (framing._headline(article.doc)
                            if any(t.doc is not article.doc for t, _ in asked.asked) else None)
                start, end = headline if headline is not None else (0, 0)
                finder.tagger = _Sure()
                words, dense = [], {}
                for token, question in asked.asked:
                    hit = finder._tagger_hit(token, question)
                    if hit is None:
                        continue
                    margin = (framing._EXAGGERATION_MARGIN if token.tag_ in ("JJS", "RBS")
                              or token.lemma_.lower() in finder.absolutes else 0.0)
                    if token.doc is article.doc:
                        if headline is not None and start <= hit.start < end:
                            continue  # the headline read alone stands for it
                        words.append((False, row[(n, token.i)], hit, 0, margin))
                        continue
                    if id(token.doc) not in dense:
                        dense[id(token.doc)] = dense_inputs(token.doc, True, vectors)
                    words.append((True, len(extra_rows), hit, start, margin))
                    extra_rows.append((n, token.i, tagger_features(token, question), False))
                    extra_dense.append(dense[id(token.doc)][token.i])
                gold = [(g.start, g.end) for g in documents[n].gold]
                self.articles.append((rules, words, gold, article.doc.text))
        finally:
            finder.tagger = shipped
        self.extra = object.__new__(training.Examples)
        self.extra.rows = extra_rows
        self.extra.dense = np.array(extra_dense, dtype=np.float64).reshape(
            len(extra_rows), examples.dense.shape[1])

    def counts(self, main: np.ndarray, extra: np.ndarray, threshold: float,
               which: list[int]) -> np.ndarray:
        """Per article of `which`: framing spans predicted, right, gold spans, found."""
        out = []
        for n in which:
            rules, words, gold, text = self.articles[n]
            hits = list(rules)
            for alone, k, hit, offset, margin in words:
                probability = extra[k] if alone else main[k]
                if probability >= threshold + margin:
                    hits.append(framing.FramingHit(hit.start + offset, hit.end + offset,
                                                   hit.label, hit.why, probability))
            spans = [(h.start, h.end) for h in framing._dedupe(framing._join_adjacent(hits, text))
                     if h.end > h.start]
            out.append((len(spans), sum(any(s < b and a < e for s, e in gold) for a, b in spans),
                        len(gold), sum(any(a < e and s < b for a, b in spans) for s, e in gold)))
        return np.array(out, dtype=float).reshape(len(out), 4)


def figures(counts: np.ndarray) -> tuple[float, float, float]:
    predicted, right, gold, found = counts.sum(0)
    precision = right / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall)
                               if precision + recall else 0.0)


def best(replay: SpanReplay, scores, which: list[int], floor: float):
    """(F1, threshold, P, R, per-article counts) of the best F1 at precision >= floor."""
    found = None
    main, extra = scores
    for threshold in training.THRESHOLDS:
        counts = replay.counts(main, extra, threshold, which)
        precision, recall, f1 = figures(counts)
        if precision >= floor and (found is None or f1 > found[0]):
            found = (f1, threshold, precision, recall, counts)
    return found


def _logits(examples, model) -> np.ndarray:
    probability = np.clip(training.probabilities(examples, *model), 1e-12, 1 - 1e-12)
    return np.log(probability / (1 - probability))


def scores_of(replay: SpanReplay, examples, models) -> tuple[np.ndarray, np.ndarray]:
    """Each row's probability under the mean of the models' scores (one model: its own)."""
    out = []
    for rows in (examples, replay.extra):
        z = np.mean([_logits(rows, model) for model in models], axis=0)
        out.append(1 / (1 + np.exp(-z)))
    return out[0], out[1]


def nested(replay: SpanReplay, examples, settings, reference, args):
    widths = {"contextual": examples.dense.shape[1], "lexical": VECTOR_WIDTH + 1}
    fold_main = np.array([training.fold_of(r[0]) for r in examples.rows], dtype=int)
    fold_extra = np.array([training.fold_of(r[0]) for r in replay.extra.rows], dtype=int)
    everything = list(range(len(replay.articles)))
    trained: dict = {}

    def models(head, l2, bag, left_out: frozenset):
        parts = ("contextual", "lexical") if head == "averaged" else (head,)
        for part in parts:
            key = (part, l2, bag, left_out)
            if key not in trained:
                rest = {n for n in everything if training.fold_of(n) not in left_out}
                trained[key] = training.train(examples.subset(rest), widths[part], l2,
                                              args.epochs, bag)
        return [trained[(part, l2, bag, left_out)] for part in parts]

    def by_folds(setting, pick):
        """Probabilities of every row, each fold's from the models `pick(fold)` leaves out."""
        main, extra = np.zeros(len(examples.rows)), np.zeros(len(replay.extra.rows))
        for fold in range(training.FOLDS):
            left_out = pick(fold)
            if left_out is None:
                continue
            head, l2, bag = setting
            m, x = scores_of(replay, examples, models(head, l2, bag, left_out))
            main[fold_main == fold] = m[fold_main == fold]
            extra[fold_extra == fold] = x[fold_extra == fold]
        return main, extra

    inner: dict = {}
    chosen = {}
    for outer in range(training.FOLDS):
        which = [n for n in everything if training.fold_of(n) != outer]
        for setting in settings:
            scores = by_folds(setting, lambda f, o=outer: None if f == o else frozenset({o, f}))
            found = best(replay, scores, which, args.min_precision)
            inner[(setting, outer)] = found[0] if found else 0.0
        chosen[outer] = max(settings, key=lambda s, o=outer: inner[(s, o)])
        print(f"outer fold {outer}: chose {chosen[outer]} (inner F1 "
              f"{inner[(chosen[outer], outer)]:.4f})", file=sys.stderr, flush=True)
    for setting in settings:
        row = " ".join(f"{inner[(setting, o)]:.4f}" for o in range(training.FOLDS))
        mean = np.mean([inner[(setting, o)] for o in range(training.FOLDS)])
        print(f"  inner F1 {setting}: {row} (mean {mean:.4f})", file=sys.stderr)
    overall = max(settings, key=lambda s: np.mean([inner[(s, o)]
                                                   for o in range(training.FOLDS)]))
    results = {}
    for name, pick_setting in (("nested", lambda f: chosen[f]), ("reference", lambda f: reference)):
        main, extra = np.zeros(len(examples.rows)), np.zeros(len(replay.extra.rows))
        for fold in range(training.FOLDS):
            head, l2, bag = pick_setting(fold)
            m, x = scores_of(replay, examples, models(head, l2, bag, frozenset({fold})))
            main[fold_main == fold] = m[fold_main == fold]
            extra[fold_extra == fold] = x[fold_extra == fold]
        found = best(replay, (main, extra), everything, args.min_precision)
        if found is None:
            print(f"{name}: no threshold reaches precision {args.min_precision} out of fold",
                  file=sys.stderr)
            return chosen, overall, results
        results[name] = found
        f1, threshold, precision, recall, _ = found
        print(f"{name}: out of fold over all articles, threshold {threshold}: P {precision:.3f} "
              f"R {recall:.3f} F1 {f1:.4f}", file=sys.stderr)
    rng = np.random.default_rng(0)
    a, b = results["reference"][4], results["nested"][4]
    draws = [rng.integers(0, len(a), len(a)) for _ in range(1000)]
    gains = np.array([figures(b[d])[2] - figures(a[d])[2] for d in draws])
    print(f"nested - reference: {results['nested'][0] - results['reference'][0]:+.4f}, paired "
          f"bootstrap over articles 95 % [{np.percentile(gains, 2.5):+.4f}, "
          f"{np.percentile(gains, 97.5):+.4f}]", file=sys.stderr)
    print(f"best over the inner cross-validations: {overall}", file=sys.stderr)
    return chosen, overall, results


def _numbers(text: str) -> list[float]:
    return [float(part) for part in text.split(",") if part]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ptc", help="PTC split directory (labels.tsv, articles/)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="a folder to keep the parsed articles in between runs")
    parser.add_argument("--l2", type=_numbers, default=[1e-5, 2.5e-5, 5e-5, 1e-4, 2e-4, 4e-4])
    parser.add_argument("--bag-weights", type=_numbers, default=[1.0, 2.0, 3.0])
    parser.add_argument("--heads", default=",".join(HEADS))
    parser.add_argument("--reference", default="contextual,2e-4,2",
                        help="head,L2,bag weight to compare with (v6's settings)")
    parser.add_argument("--epochs", type=int, default=600)
    parser.add_argument("--min-precision", type=float, default=0.40)
    args = parser.parse_args(argv)
    documents = read_ptc(args.ptc)
    analyzer = Analyzer()
    analyzer.load()
    articles = training.parsed(analyzer, documents, args.cache)
    finder = analyzer.nlp.get_pipe("provenance_attribution").framing
    vectors = FramingVectors.shipped()
    examples = training.Examples(finder, articles, documents, vectors)
    replay = SpanReplay(finder, examples, articles, documents, vectors)
    settings = [(head, l2, bag) for bag in args.bag_weights for l2 in args.l2
                for head in args.heads.split(",")]
    head, l2, bag = args.reference.split(",")
    nested(replay, examples, settings, (head, float(l2), float(bag)), args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
