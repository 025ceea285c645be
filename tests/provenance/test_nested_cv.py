"""The nested cross-validation script's replay of the framing layer (scripts/
nested_cv_framing_tagger.py) on invented articles: no corpus is needed."""

import importlib.util
import sys
from pathlib import Path

import numpy as np

from reader.evaluation.framing_corpora import FramingDocument, GoldSpan
from reader.provenance.framing_tagger import FramingVectors

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def _load(name):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


_TEXTS = [
    "Desperate Mayor Ortiz Signs Disastrous Ferry Deal\n\n"
    "The ridiculous, reckless plan is the worst deal in years, and the absurd delays cost "
    "taxpayers dearly. Critics called it a disgraceful scheme.",
    "The council met on Monday.\n\n“The ferry deal is fair,” the mayor said after the vote. "
    "The shameful vote came after a bizarre and chaotic debate about the greedy contractor.",
]


def _documents():
    documents = []
    for n, text in enumerate(_TEXTS):
        gold = [GoldSpan(text.index(word), text.index(word) + len(word), "Loaded_Language")
                for word in ("Disastrous", "ridiculous", "shameful", "chaotic debate")
                if word in text]
        documents.append(FramingDocument(f"article{n}", text, gold))
    return documents


def _replayed(analyzer, documents):
    """The script modules, the finder, its shipped tagger, and the examples and replay of
    `documents` (callers put the shipped tagger back: `Examples` may swap it)."""
    nested = _load("nested_cv_framing_tagger")
    training = nested.training
    articles = training.parsed(analyzer, documents, None)
    finder = analyzer.nlp.get_pipe("provenance_attribution").framing
    vectors = FramingVectors.shipped()
    shipped = finder.tagger
    try:
        examples = training.Examples(finder, articles, documents, vectors)
        replay = nested.SpanReplay(finder, examples, articles, documents, vectors)
    finally:
        finder.tagger = shipped
    return nested, training, articles, finder, shipped, examples, replay


def test_the_replayed_framing_layer_counts_what_the_finder_counts(analyzer):
    # Random weights over the examples' features and dense inputs: at every threshold the
    # replay (rule hits kept once, the tagger's words added and joined) must give the
    # counts of the framing finder itself, the title-case headline read alone included.
    documents = _documents()
    nested, training, articles, finder, shipped, examples, replay = _replayed(analyzer,
                                                                              documents)
    try:
        assert replay.extra.rows  # the headline's words, read alone, are scored too
        rng = np.random.default_rng(1)
        names = sorted({f for r in examples.rows + replay.extra.rows for f in r[2]})
        model = ({name: float(w) for name, w in zip(names, rng.normal(0, 1.5, len(names)))},
                 list(rng.normal(0, 0.3, examples.dense.shape[1])))
        main, extra = nested.scores_of(replay, examples, [model])
        tagger = training.ScoredTagger(examples, main, articles,
                                       {fold: model for fold in range(training.FOLDS)})
        compared = 0
        for threshold in (0.2, 0.35, 0.5, 0.65, 0.8):
            replayed = replay.counts(main, extra, threshold, [0, 1])
            counted = training.framing_counts(finder, tagger, threshold, articles, documents,
                                              [0, 1])
            for n in (0, 1):
                c = counted[n]
                assert list(replayed[n]) == [c["all/span_predicted"], c["all/span_right"],
                                             c["all/span_gold"], c["all/span_found"]]
                compared += c["all/span_predicted"]
        assert compared > 0
    finally:
        finder.tagger = shipped


def test_the_nested_procedure_chooses_per_outer_fold_and_scores_every_article(analyzer):
    # Eight invented articles, two in each fold: every outer fold gets a setting of the
    # grid, and the out-of-fold figures of the procedure and of the reference count every
    # article's gold once.
    import types

    documents = [_documents()[n % 2] for n in range(8)]
    nested, training, articles, finder, shipped, examples, replay = _replayed(analyzer,
                                                                              documents)
    try:
        settings = [("lexical", 1e-4, 2.0), ("averaged", 1e-4, 2.0)]
        chosen, overall, results = nested.nested(
            replay, examples, settings, ("contextual", 2e-4, 2.0),
            types.SimpleNamespace(epochs=20, min_precision=0.0))
    finally:
        finder.tagger = shipped
    assert set(chosen) == set(range(training.FOLDS)) and set(chosen.values()) <= set(settings)
    assert overall in settings
    for name in ("nested", "reference"):
        counts = results[name][4]
        assert len(counts) == 8 and counts[:, 2].sum() == sum(len(d.gold) for d in documents)
