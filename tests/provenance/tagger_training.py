"""A few optimiser steps of an attribution tagger on one labelled Doc, for the tests of
the tagger's optional inputs (word vectors, context features)."""

from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Adam


def train_on_one_doc(nlp, tagger, doc, labels, steps=30):
    """Train `tagger` (already in `nlp`) on `doc` labelled `labels`, one BIO label a token."""
    reference = Doc(doc.vocab, words=[t.text for t in doc],
                    spaces=[bool(t.whitespace_) for t in doc], tags=labels)
    examples = [Example(doc, reference)]
    tagger.initialize(lambda: examples, nlp=nlp)
    optimizer = Adam(0.001)
    for _ in range(steps):
        tagger.update(examples, sgd=optimizer)
    return tagger
