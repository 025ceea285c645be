"""The learned framing tagger: its shipped weights and its features (invented sentences)."""

import json

from reader.provenance.framing_tagger import FramingTagger, is_candidate, token_features
from reader.resources_path import resource


def test_shipped_weights_say_what_they_were_trained_on():
    record = json.loads(resource("lexicons", "framing_tagger.json").read_text(encoding="utf-8"))
    assert "PTC" in record["trained_on"] and "never BABE" in record["trained_on"]
    tagger = FramingTagger.shipped()
    assert 0 < tagger.threshold < 1 and tagger.weights


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
