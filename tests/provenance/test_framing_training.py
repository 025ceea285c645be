"""The framing tagger's training (scripts/train_framing_tagger.py) on made-up examples:
no corpus is needed to check how it learns."""

import importlib.util
import sys
from pathlib import Path

import numpy as np

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_framing_tagger.py"


def _script():
    spec = importlib.util.spec_from_file_location("train_framing_tagger", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def _examples(module, rows, bags):
    examples = object.__new__(module.Examples)
    examples.rows = rows
    examples.dense = np.zeros((len(rows), 0))
    examples.labels = np.array([r[3] for r in rows], dtype=float)
    examples.bags = [np.array(b) for b in bags]
    examples.gold = []
    return examples


def test_a_gold_span_needs_one_loaded_word_not_all_of_its_words():
    # Twenty gold spans of two words each ("goes to extraordinary lengths"): a plain word
    # that is also common outside gold, and a loaded one. The plain word should stay low:
    # the loaded word explains the spans. Per-word labels would make it a third positive.
    module = _script()
    rows, bags = [], []
    for n in range(20):
        rows += [(n, 0, ["bias", "lemma=go"], True), (n, 1, ["bias", "lemma=extraordinary"], True)]
        bags.append([len(rows) - 2, len(rows) - 1])
    rows += [(20 + n, 0, ["bias", "lemma=go"], False) for n in range(40)]
    rows += [(60 + n, 0, ["bias", "lemma=extraordinary"], False) for n in range(4)]
    examples = _examples(module, rows, bags)
    sparse, dense = module.train(examples, 0, l2=1e-4, epochs=300, bag_weight=1.0)
    scored = dict(zip([tuple(r[2]) for r in rows], module.probabilities(examples, sparse, dense)))
    assert scored[("bias", "lemma=go")] < 0.15
    assert scored[("bias", "lemma=extraordinary")] > 0.6


def test_a_subset_keeps_the_gold_spans_of_its_documents_only():
    module = _script()
    rows = [(0, 0, ["bias"], True), (0, 1, ["bias"], False), (1, 0, ["bias"], True)]
    examples = _examples(module, rows, [[0], [2]])
    subset = examples.subset({1})
    assert [r[:2] for r in subset.rows] == [(1, 0)]
    assert [list(b) for b in subset.bags] == [[0]]
