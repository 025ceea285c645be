"""The framing tagger's sentence score (framing_sentences.py) and its stacked training, on
invented sentences and made-up examples."""

import json

import numpy as np
from spacy.strings import get_string_id

from reader.provenance import framing_sentences as stage
from reader.provenance.framing_sentences import LOGIT_LIMIT, SentenceScorer, sentence_features
from reader.provenance.framing_tagger import FramingTagger, FramingVectors, dense_inputs
from reader.resources_path import resource


def test_a_sentence_s_features_are_its_words_hashes_and_its_lexicon_evidence(analyzer):
    doc = analyzer.nlp("The thugs mocked the mayor! Did the council meet on Tuesday?")
    loud, plain = list(doc.sents)
    features = sentence_features(loud)
    assert f"lemma#{get_string_id('thug')}" in features  # the lemma, as a number
    assert not any("thug" in f for f in features)
    assert f"lemma#{get_string_id('the')}" not in features  # stop words are left out
    assert "exclamation" in features and "empath=ridicule" in features
    assert any(f.startswith("band=neg") for f in features)
    assert "question" in sentence_features(plain) and "exclamation" not in sentence_features(plain)
    assert features == sorted(set(features))


def test_the_score_is_the_sentence_s_logit_clipped_for_each_of_its_tokens(analyzer):
    doc = analyzer.nlp("The thugs mocked the mayor! The council met on Tuesday.")
    scorer = SentenceScorer({"bias": -1.0, "exclamation": 2.5,
                             f"lemma#{get_string_id('thug')}": 9.0})
    inputs = scorer.inputs(doc)
    first, second = list(doc.sents)
    assert inputs.shape == (len(doc),)
    assert (inputs[first.start:first.end] == LOGIT_LIMIT).all()  # 10.5, clipped
    assert (inputs[second.start:second.end] == -1.0).all()


def test_a_tagger_trained_with_the_sentence_score_weighs_it(analyzer):
    # The score is one dense input between the word vector and doc.tensor: a weight on
    # it raises a word in a loaded sentence and not the same word in a plain one.
    doc = analyzer.nlp("The thugs mocked the senator's reckless plan! "
                       "The senator's reckless plan passed on Tuesday.")
    scorer = SentenceScorer({"exclamation": 3.0})
    vectors = FramingVectors.shipped()
    inputs = dense_inputs(doc, True, vectors, scorer)
    assert inputs.shape == (len(doc), 65 + 1 + 96)
    assert np.array_equal(inputs[:, 65], scorer.inputs(doc))
    assert np.allclose(inputs[:, 66:], doc.tensor)
    dense = [0.0] * 65 + [1.0] + [0.0] * 96
    tagger = FramingTagger({}, 0.5, dense, contextual=True, sentence=scorer)
    reckless = [t for t in doc if t.text == "reckless"]
    assert tagger.score(reckless[0], False) > 0.9 and tagger.score(reckless[1], False) == 0.5


def test_the_shipped_heads_read_the_inputs_they_were_trained_with(analyzer):
    # Without a sentence record the tagger is as before; with one, both heads' dense
    # weights have the sentence's column.
    record = json.loads(resource("lexicons", "framing_tagger.json").read_text(encoding="utf-8"))
    doc = analyzer.nlp("The senator gave a disgraceful speech.")
    framing = analyzer.nlp.get_pipe("provenance_attribution").framing
    assert (framing.tagger.sentence is None) == ("sentence" not in record)
    scorer = framing.tagger.sentence
    assert "lexical" in record["heads"]
    for head, weights in record["heads"].items():
        width = dense_inputs(doc, head == "contextual", FramingVectors.shipped(), scorer).shape[1]
        assert len(weights["dense_weights"]) == width


def _sentences(features, labels, article):
    sentences = object.__new__(stage.SentenceExamples)
    sentences.features = features
    sentences.labels = np.array(labels, dtype=float)
    sentences.article = np.array(article)
    sentences.row_sentence = np.arange(len(features))
    return sentences


def test_stacked_scores_come_from_classifiers_that_never_saw_the_sentence():
    # Every article has a word of its own that makes its one loaded sentence positive:
    # a classifier that saw the article scores that sentence high, one that did not
    # knows nothing of the word.
    features, labels, article = [], [], []
    for n in range(12):
        features += [["bias", f"own{n}"], ["bias", "plain"], ["bias", "plain"]]
        labels += [1, 0, 0]
        article += [n, n, n]
    sentences = _sentences(features, labels, article)
    own = np.array(labels) == 1
    in_sample = stage.logits(stage.train(sentences, np.arange(len(features))), sentences,
                             np.arange(len(features)))
    training, scored = list(range(9)), [9, 10]
    stacked, weights = stage.stacked_logits(sentences, training, scored)
    assert weights == stage.train(sentences, sentences.of(training))
    seen = own & (sentences.article < 11)
    assert (stacked[seen] < in_sample[seen] - 1).all()
    # What is left is what the sentence shares with others ("bias"), the same for all.
    assert np.ptp(stacked[own & (sentences.article < 9)]) < 0.5
    assert np.isnan(stacked[sentences.article == 11]).all()  # neither trained nor scored
    column = stage.word_column(sentences, stacked)
    assert not np.isnan(column).any() and (column[sentences.article == 11] == 0).all()
