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


def test_every_fold_holds_both_halves_and_the_tuning_half_keeps_its_own_folds():
    module = _script()
    articles = list(range(248))
    folds = [[n for n in articles if module.fold_of(n) == f] for f in range(module.FOLDS)]
    assert sorted(n for fold in folds for n in fold) == articles
    for fold in folds:
        assert len([n for n in fold if n % 2 == 0]) == len([n for n in fold if n % 2 == 1])
    tune = articles[0::2]
    # Training on the tuning half alone, its folds are its articles in turn, as before.
    assert [[n for n in tune if module.fold_of(n) == f] for f in range(module.FOLDS)] == [
        tune[f::module.FOLDS] for f in range(module.FOLDS)]


class _Args:
    l2, epochs, bag_weight = 1e-4, 300, 1.0


def _title_case_hits(analyzer, parsed, taggers) -> dict[str, set[str]]:
    """The framing words the finder finds in the parsed title-case article with each of
    `taggers` (out-of-fold `ScoredTagger`s, asked about article 0 at threshold 0.5)."""
    finder = analyzer.nlp.get_pipe("provenance_attribution").framing
    shipped = finder.tagger
    found = {}
    try:
        for name, tagger in taggers.items():
            tagger.threshold, tagger.article = 0.5, 0
            finder.tagger = tagger
            hits = finder.find(parsed[0].doc, *parsed[0].finder_inputs)
            found[name] = {_TITLE_CASE[h.start:h.end] for h in hits}
    finally:
        finder.tagger = shipped
    return found


def _own_word_articles(count: int, plain_words: int):
    """Rows and bags of `count` invented articles, each with one gold word of its own
    ("own3" in article 3, nowhere else) and `plain_words` plain words."""
    rows, bags = [], []
    for n in range(count):
        rows.append((n, 0, ["bias", f"lemma=own{n}"], True))
        bags.append([len(rows) - 1])
        rows += [(n, k, ["bias", "lemma=plain"], False) for k in range(1, plain_words + 1)]
    return rows, bags


def test_out_of_fold_scores_each_article_with_weights_that_never_saw_it():
    # Each article has a word of its own that is gold there and nowhere else: weights
    # that saw the article score that word high; out of fold, nothing is known of it.
    module = _script()
    rows, bags = _own_word_articles(16, plain_words=5)
    examples = _examples(module, rows, bags)
    articles = list(range(16))
    sparse, dense = module.train(examples, 0, _Args.l2, _Args.epochs, _Args.bag_weight)
    in_sample = module.probabilities(examples, sparse, dense)
    held_out = module.out_of_fold(examples, articles, 0, _Args())
    own = [i for i, r in enumerate(rows) if r[3]]
    assert min(in_sample[own]) > 0.5
    assert max(held_out[own]) < 0.3
    # Only the training articles are scored.
    part = module.out_of_fold(examples, articles[:8], 0, _Args())
    assert np.isnan(part[[i for i, r in enumerate(rows) if r[0] >= 8]]).all()
    assert not np.isnan(part[[i for i, r in enumerate(rows) if r[0] < 8]]).any()


def _fake_counts(module, monkeypatch, precision_at):
    # One article whose counts give the precision `precision_at(threshold)` and a recall
    # that falls faster than precision rises, as the framing layer's do; counts the
    # framing finder's passes.
    from collections import Counter

    passes = []

    def framing_counts(finder, tagger, threshold, articles, documents, which):
        passes.append(threshold)
        predicted, gold = 1000, 1000
        right = round(predicted * precision_at(threshold))
        found = round(gold * max(0.0, 1 - 2 * threshold))
        return {0: Counter({"span_predicted": predicted, "span_right": right,
                            "span_gold": gold, "span_found": found})}

    def spans_of(counts, which):
        c = counts[0]
        p, r = c["span_right"] / c["span_predicted"], c["span_found"] / c["span_gold"]
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                "predicted": c["span_predicted"]}

    monkeypatch.setattr(module, "framing_counts", framing_counts)
    monkeypatch.setattr(module, "spans_of", spans_of)
    return passes


def _scanned(module, precision_at, floor):
    best = None
    for t in module.THRESHOLDS:
        p, r = precision_at(t), round(max(0.0, 1 - 2 * t), 3)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if p >= floor and (best is None or f1 > best[1]):
            best = (t, f1)
    return best[0]


def test_the_threshold_search_finds_what_a_full_scan_finds_in_fewer_passes(monkeypatch):
    module = _script()
    rising = lambda t: 0.2 + 0.6 * t  # noqa: E731
    # Precision dips just above the floor: the lowest threshold at the floor is not the
    # first one the bisection meets.
    dipping = lambda t: 0.41 if abs(t - 0.31) < 1e-9 else 0.395 if abs(t - 0.32) < 1e-9 \
        else rising(t)  # noqa: E731
    for precision_at in (rising, dipping):
        passes = _fake_counts(module, monkeypatch, precision_at)
        threshold, _ = module.best_threshold(None, None, None, None, [0], 0.40)
        assert threshold == _scanned(module, precision_at, 0.40)
        assert len(passes) < len(module.THRESHOLDS) / 2
    passes = _fake_counts(module, monkeypatch, lambda t: 0.3)
    assert module.best_threshold(None, None, None, None, [0], 0.40) is None


def test_averaged_weights_score_the_mean_of_the_models_scores():
    # Two heads of different dense widths (the lexical head has no doc.tensor columns):
    # the averaged head's score is the mean of theirs, so that it ships as one head.
    module = _script()
    rows = [(0, 0, ["bias", "lemma=smear"], True), (0, 1, ["bias", "lemma=plain"], False),
            (1, 0, ["bias", "pos=NOUN"], False)]
    examples = _examples(module, rows, [[0]])
    examples.dense = np.array([[0.5, -1.0, 2.0], [0.0, 1.0, -1.0], [1.0, 1.0, 1.0]])
    wide = ({"bias": -1.0, "lemma=smear": 2.0}, [0.3, 0.1, -0.4])
    narrow = ({"bias": -0.5, "lemma=plain": -1.5, "pos=NOUN": 0.2}, [0.6, -0.2])

    def logit(probability):
        return np.log(probability / (1 - probability))

    mean = (logit(module.probabilities(examples, *wide))
            + logit(module.probabilities(examples, *narrow))) / 2
    together = module.averaged([wide, narrow])
    assert len(together[1]) == 3
    assert np.allclose(logit(module.probabilities(examples, *together)), mean, atol=1e-3)


_TITLE_CASE = ("Desperate Mayor Ortiz Signs Disastrous Ferry Deal\n\n"
               "On Monday, Mayor Ann Ortiz asked the council to approve the ferry deal.")


class _Document:
    def __init__(self, text):
        self.text, self.gold = text, []


def test_the_analysers_pass_is_recorded_once_per_article_with_a_title_case_headline(analyzer):
    # The finder reads a title-case headline again alone (its own call of `find`): only
    # the analyser's call is what the article's framing finder is given.
    module = _script()
    texts = [_TITLE_CASE, "The council met on Monday.\n\n"
             "“The ferry deal is fair,” the mayor said after the vote."]
    parsed = module.parsed(analyzer, [_Document(t) for t in texts], None)
    assert [p.doc.text for p in parsed] == texts
    attributed, _, claims, _ = parsed[1].finder_inputs  # its own, not the headline's
    assert attributed and claims


def test_a_headline_read_alone_is_scored_by_the_weights_of_its_articles_fold(analyzer):
    # The title-case headline's words are tokens of a doc the finder parses itself, not
    # examples: out of fold they are scored as at run time, by the article's fold weights.
    from spacy.strings import get_string_id

    module = _script()
    parsed = module.parsed(analyzer, [_Document(_TITLE_CASE)], None)
    examples = _examples(module, [], [])
    weights = {"bias": -4.0, f"lemma#{get_string_id('disastrous')}": 9.0}
    found = _title_case_hits(analyzer, parsed, {
        name: module.ScoredTagger(examples, np.zeros(0), parsed, models)
        for name, models in (("none", None), ("fold", {module.fold_of(0): (weights, [])}),
                             ("other fold", {module.fold_of(0) + 1: (weights, [])}))})
    assert "Disastrous" in found["fold"]
    assert "Disastrous" not in found["none"] and "Disastrous" not in found["other fold"]


def test_each_fold_s_sentence_scores_come_before_its_training_from_its_own_articles(monkeypatch):
    # The sentence column is stacked per outer fold: filled from the fold's training
    # articles (and, for its held-out ones, by a classifier trained on those) before
    # the fold's weights are trained, never from the held-out articles' gold.
    module = _script()
    from reader.provenance import framing_sentences

    rows, bags = _own_word_articles(16, plain_words=3)
    examples = _examples(module, rows, bags)
    examples.dense = np.zeros((len(rows), module.SENTENCE_COLUMN + 1))
    sentences = object.__new__(framing_sentences.SentenceExamples)
    sentences.features = [r[2] for r in rows]  # one sentence a word, its words' features
    sentences.labels = examples.labels.copy()
    sentences.article = np.array([r[0] for r in rows])
    sentences.row_sentence = np.arange(len(rows))
    examples.sentences, examples.sentence_models = sentences, {}
    calls, trained_on = [], []
    stacked = framing_sentences.stacked_logits

    def recording(sentences, training, scored, *rest):
        calls.append((set(training), set(scored)))
        return stacked(sentences, training, scored, *rest)

    def train(subset, width, *rest):
        trained_on.append((sorted({r[0] for r in subset.rows}),
                           subset.dense[:, module.SENTENCE_COLUMN].copy()))
        return {}, [0.0] * width

    monkeypatch.setattr(framing_sentences, "stacked_logits", recording)
    monkeypatch.setattr(module, "train", train)
    module.out_of_fold(examples, list(range(16)), module.SENTENCE_COLUMN + 1, _Args())
    assert len(calls) == len(trained_on) == len(examples.sentence_models) == module.FOLDS
    for (training, scored), (articles, column) in zip(calls, trained_on):
        assert not training & scored and training | scored == set(range(16))
        assert set(articles) == training
        assert column.any()  # filled before the fold's training
        # A training article's own positive word is scored by a classifier that never saw it.
        own = [k for k, r in enumerate(r for r in rows if r[0] in training) if r[3]]
        assert (column[own] < 1.0).all()


def test_a_headline_read_alone_gets_the_sentence_score_of_its_articles_fold(analyzer):
    # With the sentence score, the fold's tagger reads the headline's sentence score from
    # the fold's own sentence classifier, as run time reads the shipped one.
    module = _script()
    parsed = module.parsed(analyzer, [_Document(_TITLE_CASE)], None)
    examples = _examples(module, [], [])
    fold = module.fold_of(0)
    lexical = ({"bias": -4.0}, [0.0] * 65 + [1.0])  # the lexical head's width with the score
    taggers = {name: module.ScoredTagger(examples, np.zeros(0), parsed, {fold: lexical},
                                         {fold: {"bias": sentence_bias}})
               for name, sentence_bias in (("loaded", 9.0), ("plain", -9.0))}
    assert not any(tagger.taggers[fold].contextual for tagger in taggers.values())
    found = _title_case_hits(analyzer, parsed, taggers)
    assert any("Disastrous" in hit for hit in found["loaded"])
    assert not any("Disastrous" in hit for hit in found["plain"])


def test_weights_of_one_train_as_no_weights_and_a_lighter_word_counts_less():
    module = _script()
    rows, bags = _own_word_articles(6, plain_words=4)
    plain = _examples(module, rows, bags)
    weighted = _examples(module, rows, bags)
    weighted.weights, weighted.bag_weights = np.ones(len(rows)), np.ones(len(bags))
    assert module.train(plain, 0, 1e-4, 50, 1.0) == module.train(weighted, 0, 1e-4, 50, 1.0)
    # "plain" is gold in one article and not in another: weighing the negative less
    # lets the positive pull its weight up.
    rows = [(0, 0, ["bias", "lemma=plain"], True), (1, 0, ["bias", "lemma=plain"], False),
            (2, 0, ["bias", "lemma=other"], False)]
    heavy, light = _examples(module, rows, [[0]]), _examples(module, rows, [[0]])
    light.weights = np.array([1.0, 0.1, 1.0])
    scores = [module.probabilities(e, *module.train(e, 0, 1e-4, 200, 1.0))[0]
              for e in (heavy, light)]
    assert scores[1] > scores[0] + 0.2


def test_pseudo_labels_keep_the_sure_words_only_each_as_its_own_light_bag():
    module = _script()
    rows = [(n, 0, ["bias", f"lemma=w{n}"], False) for n in range(5)]
    unlabelled = _examples(module, rows, [])
    sure = module.pseudo_labelled(unlabelled, np.array([0.9, 0.5, 0.02, 0.75, 0.3]),
                                  positive=0.7, negative=0.1, weight=0.3)
    assert [(r[0] - module.UNLABELLED, r[3]) for r in sure.rows] == [
        (0, True), (2, False), (3, True)]
    assert [list(b) for b in sure.bags] == [[0], [2]]
    assert list(sure.weights) == [0.3] * 3 and list(sure.bag_weights) == [0.3] * 2
    labelled = _examples(module, [(0, 0, ["bias"], True), (0, 1, ["bias"], False)], [[0]])
    both = module.joined(labelled, sure)
    assert [list(b) for b in both.bags] == [[0], [2], [4]]
    assert list(both.weights) == [1.0, 1.0, 0.3, 0.3, 0.3]
    assert {r[0] for r in both.rows[2:]}.isdisjoint({r[0] for r in both.rows[:2]})


def _self_training_examples(module):
    """Sixteen invented labelled articles, each with a gold word of its own ("own3") and
    a loaded word ("smear") gold everywhere; and unlabelled articles in which a word
    never seen in the labelled ones ("slur") comes with the features that make "smear"
    score high (a shared "cue" feature)."""
    rows, bags = _own_word_articles(16, plain_words=5)
    for n in range(16):
        rows.append((n, 9, ["bias", "lemma=smear", "cue"], True))
        bags.append([len(rows) - 1])
        rows.append((n, 10, ["bias", "lemma=calm"], False))
    unlabelled = [(n, 0, ["bias", "lemma=slur", "cue"], False) for n in range(30)]
    unlabelled += [(n, 1, ["bias", "lemma=calm"], False) for n in range(30)]
    return _examples(module, rows, bags), _examples(module, unlabelled, [])


def test_self_training_labels_each_fold_s_unlabelled_words_with_weights_that_never_saw_it(
        monkeypatch):
    module = _script()
    examples, unlabelled = _self_training_examples(module)
    trained_on = []
    train = module.train

    def recording(subset, *rest):
        trained_on.append(({r[0] for r in subset.rows if r[0] < module.UNLABELLED},
                           any(r[0] >= module.UNLABELLED for r in subset.rows)))
        return train(subset, *rest)

    monkeypatch.setattr(module, "train", recording)
    args = _Args()
    args.self_train_negative = 0.1
    first, models = {}, {}
    module.self_trained_out_of_fold(examples, unlabelled, list(range(16)), 0, args, 0.5, 0.3,
                                    first, models)
    assert len(trained_on) == 2 * module.FOLDS and set(first) == set(models) == set(range(4))
    for fold in range(module.FOLDS):
        (labeller, pseudo), (second, with_pseudo) = trained_on[2 * fold: 2 * fold + 2]
        held = {n for n in range(16) if module.fold_of(n) == fold}
        assert labeller == second == set(range(16)) - held
        assert not pseudo and with_pseudo


def test_self_training_teaches_a_word_seen_only_in_unlabelled_text():
    # "slur" is never in the labelled articles; the unlabelled ones show it with the cue
    # that makes "smear" framing. Self-trained, the lemma alone scores higher.
    module = _script()
    examples, unlabelled = _self_training_examples(module)
    args = _Args()
    args.self_train_negative = 0.1
    alone = _examples(module, [(0, 0, ["bias", "lemma=slur"], False)], [])
    before = module.out_of_fold(examples, list(range(16)), 0, args, models=(plain := {}))
    after = module.self_trained_out_of_fold(examples, unlabelled, list(range(16)), 0, args,
                                            0.5, 1.0, {}, (taught := {}))
    for fold in range(module.FOLDS):
        assert (module.probabilities(alone, *taught[fold])[0]
                > module.probabilities(alone, *plain[fold])[0] + 0.1)
    assert not np.isnan(before).any() and not np.isnan(after).any()


def test_unlabelled_articles_are_read_in_name_order_spread_evenly(tmp_path):
    module = _script()
    for n in range(8):
        (tmp_path / f"paper_{n}.txt").write_text(f"The council met on day {n}.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not an article.", encoding="utf-8")
    assert [d.name for d in module.read_unlabelled(tmp_path, 2)] == ["paper_0", "paper_4"]
    every = module.read_unlabelled(tmp_path, None)
    assert len(every) == 8 and every[3].text == "The council met on day 3." and not every[3].gold
