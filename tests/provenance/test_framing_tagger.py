"""The learned framing tagger: its shipped weights and its features (invented sentences)."""

import json

import numpy
import spacy

from reader.provenance.framing_tagger import (FramingTagger, FramingVectors, dense_inputs,
                                              is_candidate, token_features)
from reader.resources_path import resource


def test_shipped_weights_say_what_they_were_trained_on():
    record = json.loads(resource("lexicons", "framing_tagger.json").read_text(encoding="utf-8"))
    assert "PTC" in record["trained_on"] and "never BABE" in record["trained_on"]
    assert "lexical" in record["heads"]
    for head in record["heads"]:
        assert 0 < record["heads"][head]["threshold"] < 1 and record["heads"][head]["weights"]
    tagger = FramingTagger.shipped()
    assert 0 < tagger.threshold < 1 and tagger.weights and not tagger.contextual


def test_shipped_weights_keep_their_out_of_fold_figures_at_the_precision_floor():
    # Trained on all of PTC dev, the honest figures are out of fold by article: the
    # record keeps them, and the threshold was chosen at the precision floor on them.
    record = json.loads(resource("lexicons", "framing_tagger.json").read_text(encoding="utf-8"))
    assert "both halves" in record["trained_on"] and record["articles"] == 248
    for head in record["heads"]:
        held_out = record["heads"][head]["out_of_fold"]
        assert set(held_out) == {"tune", "check", "all"}
        assert held_out["all"]["precision"] >= record["min_precision"] == 0.40
        assert held_out["all"]["predicted"] == (held_out["tune"]["predicted"]
                                                + held_out["check"]["predicted"])


def test_the_default_pipeline_gets_the_head_the_record_names_for_it(analyzer):
    # Since the seventh version the lexical head (no doc.tensor) ships for every pipeline:
    # nested cross-validation chose it; a record may still name pipelines for a contextual head.
    record = json.loads(resource("lexicons", "framing_tagger.json").read_text(encoding="utf-8"))
    meta = analyzer.nlp.meta
    contextual = f"{meta['lang']}_{meta['name']}" in record["contextual_pipelines"]
    head = record["heads"]["contextual" if contextual else "lexical"]
    framing = analyzer.nlp.get_pipe("provenance_attribution").framing
    assert framing.tagger.weights == head["weights"] and framing.tagger.contextual == contextual
    assert framing.tagger.dense_weights is not None
    assert len(framing.tagger.dense_weights) == (65 + 96 if contextual else 65)


def test_word_vectors_put_loaded_words_near_each_other():
    vectors = FramingVectors.shipped()
    doc = spacy.blank("en")("crooks thieves spreadsheet zzqxv")
    rows = vectors.of_doc(doc)
    assert rows[:3, -1].tolist() == [1.0, 1.0, 1.0] and rows[3].tolist() == [0.0] * 65
    near, far = rows[0, :-1] @ rows[1, :-1], rows[0, :-1] @ rows[2, :-1]
    assert near > far + 0.2


def test_dense_inputs_without_a_tensor_are_zeros_where_the_context_would_be():
    doc = spacy.blank("en")("The hucksters lied.")  # a blank pipeline sets no doc.tensor
    inputs = dense_inputs(doc, True, FramingVectors.shipped())
    assert inputs.shape == (4, 65 + 96) and not inputs[:, 65:].any()
    assert inputs[1, 64] == 1.0  # "hucksters" has a vector


def test_the_contextual_head_reads_the_parse_s_own_token_vectors(analyzer):
    framing = analyzer.nlp.get_pipe("provenance_attribution").framing
    doc = analyzer.nlp("The senator gave a disgraceful speech.")
    word = doc[4]
    inputs = dense_inputs(doc, True, FramingVectors.shipped())
    assert numpy.allclose(inputs[:, 65:], doc.tensor)
    shipped = framing.tagger
    lexical = shipped.dense_weights[:65].tolist()
    tagger = FramingTagger(shipped.weights, shipped.threshold, lexical + [0.1] * 96,
                           contextual=True)
    without = FramingTagger(shipped.weights, shipped.threshold, lexical, contextual=False)
    assert 0 < tagger.score(word, False) < 1
    assert abs(tagger.score(word, False) - without.score(word, False)) > 1e-3


def test_only_licensed_lemmas_carry_their_own_weight():
    from reader.provenance.framing_tagger import candidate_words

    tagger = FramingTagger.shipped()
    listed = candidate_words()
    lemmas = [f.split("=", 1)[1] for f in tagger.weights if f.startswith("lemma=")]
    assert lemmas and all(lemma in listed for lemma in lemmas)


def test_features_of_a_loaded_adjective(analyzer):
    doc = analyzer.nlp("Is this the most disastrous budget ever?")
    disastrous = next(t for t in doc if t.text == "disastrous")
    features = token_features(disastrous, question=True)
    assert "lemma=disastrous" in features and "question" in features
    assert "prev=most" in features and any(f.startswith("band=neg") for f in features)
    assert not is_candidate(doc[0])  # "Is": no content word


def test_names_and_short_words_are_no_candidates(analyzer):
    doc = analyzer.nlp("An ex-Secret Service agent met Senator Banks in Ohio.")
    assert not any(is_candidate(t) for t in doc if t.text in ("Secret", "Service", "Banks",
                                                               "Ohio"))


def test_probability_is_a_logistic_of_the_summed_weights():
    tagger = FramingTagger({"a": 1.0, "b": -1.0}, threshold=0.5)
    assert tagger.probability(["a", "b"]) == 0.5
    assert tagger.probability(["a"]) > 0.7 > 0.3 > tagger.probability(["b"])


def test_subjectivity_of_an_adjective_is_a_feature(analyzer):
    doc = analyzer.nlp("The ridiculous plan replaced the daily ferry.")
    ridiculous = next(t for t in doc if t.text == "ridiculous")
    daily = next(t for t in doc if t.text == "daily")
    assert "subjective=high" in token_features(ridiculous, question=False)
    assert "subjective=low" in token_features(daily, question=False)
    ferry = next(t for t in doc if t.text == "ferry")
    assert not any(f.startswith("subjective=") for f in token_features(ferry, question=False))


def test_the_tagger_is_asked_about_the_words_training_learns_from(analyzer):
    """`tagger_tokens` is where the training script takes its examples: the finder's own
    voice filters, so that training and run time see the same words."""
    framing = analyzer.nlp.get_pipe("provenance_attribution").framing
    doc = analyzer.nlp("The mayor's cronies pushed the ridiculous plan. Senator Banks said "
                       "the budget was reckless.")
    said = next(t for t in doc if t.text == "said")
    attributed = [(said.idx + 5, len(doc.text) - 1)]  # "the budget was reckless", as a claim
    asked = [t.text for t, _ in framing.tagger_tokens(doc, attributed, [], [])]
    assert "ridiculous" in asked and "pushed" in asked
    assert "cronies" not in asked  # a word list labels it
    assert "reckless" not in asked and "budget" not in asked  # the senator's claim
    assert "Banks" not in asked  # a name


def test_a_question_that_is_a_heading_is_weighed_as_a_statement(analyzer):
    """The tagger's `question` feature stands for a rhetorical question in the running
    text; an explainer's question heading asks what its section answers."""
    from reader.document import article_from_text
    from reader.document.assemble import build_article

    framing = analyzer.nlp.get_pipe("provenance_attribution").framing
    question = "How big an impact have the new tariffs had?"
    paragraph = "Tariffs are taxes that importers pay on goods from abroad."
    as_heading = build_article([("paragraph", paragraph), ("heading", question),
                                ("paragraph", "Smaller than the Treasury hoped.")])
    as_text = article_from_text(f"{paragraph} {question}")
    for article, asked_as_question in ((as_heading, False), (as_text, True)):
        doc = analyzer.nlp(analyzer._make_doc(article))  # with its blocks, as at run time
        flags = {t.text: q for t, q in framing.tagger_tokens(doc, [], [], [])}
        assert flags["impact"] is asked_as_question


def test_any_lemma_is_a_feature_by_its_hash_not_its_text(analyzer):
    from spacy.strings import get_string_id

    from reader.provenance.framing_tagger import lemma_hash_feature

    doc = analyzer.nlp("The council hired two grifters to run the fair.")
    grifters = next(t for t in doc if t.text == "grifters")
    feature = lemma_hash_feature(grifters)
    assert feature == f"lemma#{get_string_id('grifter')}"  # the lemma, lowercased, as a number
    assert "grifter" not in feature
    assert feature in token_features(grifters, question=False)
    fair = next(t for t in doc if t.text == "fair")
    assert lemma_hash_feature(fair) != feature and lemma_hash_feature(fair) in token_features(
        fair, question=False)
    weighted = FramingTagger({feature: 3.0}, threshold=0.5)
    plain = FramingTagger({}, threshold=0.5)
    assert weighted.score(grifters, False) > 0.9 > 0.5 == plain.score(grifters, False)
    assert weighted.score(fair, False) == 0.5


def test_empath_categories_of_a_word_are_features(analyzer):
    doc = analyzer.nlp("The mayor mocked the plan and hid the ledger.")
    mocked = next(t for t in doc if t.text == "mocked")
    assert "empath=ridicule" in token_features(mocked, question=False)  # by its lemma, "mock"
    ledger = next(t for t in doc if t.text == "ledger")
    assert not any(f.startswith("empath=") for f in token_features(ledger, question=False))
