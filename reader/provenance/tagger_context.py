"""Context features of the learned attribution tagger: what a token's own NORM, TAG and
DEP do not say (reader.provenance.tagger).

    columns = context_columns(doc)        # (len(doc), len(CONTEXT_FEATURES)) uint64 ids

Per token, one id per feature, each a hash of:
- ENT: its entity type and IOB (from the pipeline's ner; none when it has no ner);
- HEAD_NORM, HEAD_TAG_DEP: its syntactic head's NORM, and the head's TAG and DEP;
- GRAND_NORM: its grandparent's NORM; DEP_PATH: its DEP, the head's and the grandparent's;
- QUOTE: outside, inside, opening or closing a quotation (marks counted within a paragraph);
- CHILDREN: the set of its children's dependency labels.
These are CONTEXT_FEATURES, what `python -m reader.train --context` reads (measured, not
shipped: see the README). Three more can be chosen (`--context-features`), also measured
and not shipped (a tagger reading them leaned on the lists and found fewer claims with cues
outside them, which are what it is for):
- CUE: which shipped word lists (cue verbs, reporting nouns, document nouns, speaker
  nouns, organisation nouns, hearsay adverbs) hold its lemma or lowercase form;
- HEAD_CUE: the same for its head and grandparent, with its own DEP;
- ANCESTOR_CUE: the word-list groups of all its ancestors together.

The word lists are the shipped ones (never a user's overrides), so a user's lists do not
change what the weights see. Everything is computed with numpy over whole documents; ids
are mixed from spaCy's string hashes, and the hash embedding rehashes them.
"""

from __future__ import annotations

from functools import cache

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IS_SPACE, LEMMA, LOWER, NORM, ORTH, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, \
    ragged2list, with_array

# Hash-table rows per context feature.
FEATURE_ROWS = {"ENT": 200, "HEAD_NORM": 5000, "HEAD_TAG_DEP": 1000, "GRAND_NORM": 3000,
                "DEP_PATH": 2000, "CUE": 100, "HEAD_CUE": 500, "QUOTE": 20, "CHILDREN": 2000,
                "ANCESTOR_CUE": 200}
# The features a context tagger reads by default (`context` of HashAndContextEmbed).
CONTEXT_FEATURES = ("ENT", "HEAD_NORM", "HEAD_TAG_DEP", "GRAND_NORM", "DEP_PATH", "QUOTE",
                    "CHILDREN")
# Ancestors looked at for ANCESTOR_CUE.
MAX_ANCESTORS = 12

# Groups of shipped word lists, one bit each in CUE and HEAD_CUE.
CUE_GROUPS = (
    ("cue_verbs", "speech_verbs", "object_cue_verbs", "infinitive_cue_verbs"),
    ("reporting_nouns", "claim_nouns", "allegation_nouns"),
    ("document_nouns",),
    ("people_nouns", "role_nouns", "anonymous_nouns"),
    ("organization_nouns",),
    ("hearsay_markers",),
)

# The dependency labels of spaCy's English parsers (ClearNLP style), one bit each in
# CHILDREN; any other label shares the last bit.
DEP_LABELS = ("ROOT", "acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr",
              "aux", "auxpass", "case", "cc", "ccomp", "compound", "conj", "csubj",
              "csubjpass", "dative", "dep", "det", "dobj", "expl", "intj", "mark", "meta",
              "neg", "nmod", "npadvmod", "nsubj", "nsubjpass", "nummod", "oprd", "parataxis",
              "pcomp", "pobj", "poss", "preconj", "predet", "prep", "prt", "punct",
              "quantmod", "relcl", "xcomp")

OPENING_QUOTES = ("\u201c", "``", "\u00ab")
CLOSING_QUOTES = ("\u201d", "''", "\u00bb")
EITHER_QUOTES = ('"',)
OUTSIDE, INSIDE, OPENING, CLOSING = 0, 1, 2, 3

_PRIME = numpy.uint64(0x100000001B3)


def _mix(namespace: int, *columns: numpy.ndarray) -> numpy.ndarray:
    """One uint64 id per row from `columns` (FNV-style, numpy's wrapping arithmetic)."""
    out = numpy.full(len(columns[0]), numpy.uint64(0xCBF29CE484222325 ^ namespace),
                     dtype=numpy.uint64)
    for column in columns:
        out = (out ^ column.astype(numpy.uint64)) * _PRIME
    return out


@cache
def _cue_hashes() -> tuple[numpy.ndarray, ...]:
    """Per group of CUE_GROUPS, the sorted string hashes of its words."""
    from reader.provenance.lexicons import shipped

    lists = shipped()
    out = []
    for group in CUE_GROUPS:
        words = set()
        for name in group:
            words |= lists.words(name)
        out.append(numpy.asarray(sorted(get_string_id(w) for w in words), dtype=numpy.uint64))
    return tuple(out)


@cache
def _dep_bits() -> tuple[numpy.ndarray, numpy.ndarray]:
    keys = numpy.asarray([get_string_id(label) for label in DEP_LABELS], dtype=numpy.uint64)
    order = numpy.argsort(keys)
    bits = numpy.left_shift(numpy.uint64(1), numpy.arange(len(DEP_LABELS), dtype=numpy.uint64))
    return keys[order], bits[order]


@cache
def _quote_hashes() -> dict[int, str]:
    marks = {}
    for kind, texts in (("open", OPENING_QUOTES), ("close", CLOSING_QUOTES),
                        ("either", EITHER_QUOTES)):
        for text in texts:
            marks[get_string_id(text)] = kind
    return marks


def cue_mask(hashes: numpy.ndarray) -> numpy.ndarray:
    """A bit per group of CUE_GROUPS whose words include the hash."""
    out = numpy.zeros(len(hashes), dtype=numpy.uint64)
    for bit, words in enumerate(_cue_hashes()):
        if len(words):
            where = numpy.searchsorted(words, hashes).clip(0, len(words) - 1)
            out |= numpy.where(words[where] == hashes, numpy.uint64(1 << bit), numpy.uint64(0))
    return out


def children_mask(heads: numpy.ndarray, deps: numpy.ndarray) -> numpy.ndarray:
    """Per token, a bit per dependency label among its children's."""
    keys, bits = _dep_bits()
    where = numpy.searchsorted(keys, deps).clip(0, len(keys) - 1)
    own = numpy.where(keys[where] == deps, bits[where], numpy.uint64(1 << 63))
    out = numpy.zeros(len(heads), dtype=numpy.uint64)
    children = heads != numpy.arange(len(heads))
    numpy.bitwise_or.at(out, heads[children], own[children])
    return out


def quote_states(doc: Doc, orths: numpy.ndarray, spaces: numpy.ndarray) -> numpy.ndarray:
    """Per token OUTSIDE, INSIDE, OPENING or CLOSING a quotation. A paragraph break (a
    whitespace token holding a newline, or a newline after a token) closes any quotation."""
    marks = _quote_hashes()
    states = numpy.zeros(len(orths), dtype=numpy.uint64)
    stops = [i for i in numpy.flatnonzero(numpy.isin(orths, list(marks)) | spaces)]
    inside, since = False, 0
    for i in stops:
        i = int(i)
        if inside:
            states[since:i] = INSIDE
        kind = marks.get(int(orths[i]))
        if kind is None:  # whitespace
            if "\n" in doc[i].text:
                inside = False
            since = i + 1
            continue
        opening = kind == "open" or (kind == "either" and not inside)
        states[i] = OPENING if opening else CLOSING
        inside = opening
        since = i + 1
    if inside:
        states[since:] = INSIDE
    return states


def ancestor_mask(heads: numpy.ndarray, cues: numpy.ndarray) -> numpy.ndarray:
    """Per token, the cue bits of all its ancestors (up to MAX_ANCESTORS) together."""
    out = numpy.zeros(len(heads), dtype=numpy.uint64)
    index = numpy.arange(len(heads))
    above = heads
    for _ in range(MAX_ANCESTORS):
        out |= numpy.where(above != index, cues[above], numpy.uint64(0))
        index, above = above, heads[above]
    return out


def context_columns(doc: Doc, features=CONTEXT_FEATURES) -> numpy.ndarray:
    """The context feature ids of every token of `doc`: (len(doc), len(features))."""
    n = len(doc)
    if not n:
        return numpy.zeros((0, len(features)), dtype=numpy.uint64)
    array = doc.to_array([HEAD, DEP, TAG, NORM, LEMMA, LOWER, ENT_IOB, ENT_TYPE, ORTH, IS_SPACE])
    index = numpy.arange(n)
    heads = (index + array[:, 0].astype(numpy.int64)).clip(0, n - 1)
    grands = heads[heads]
    dep, tag, norm = array[:, 1], array[:, 2], array[:, 3]
    if {"CUE", "HEAD_CUE", "ANCESTOR_CUE"} & set(features):
        cues = cue_mask(array[:, 4]) | cue_mask(array[:, 5])
    make = {
        "ENT": lambda: _mix(1, array[:, 6], array[:, 7]),
        "HEAD_NORM": lambda: _mix(2, norm[heads]),
        "HEAD_TAG_DEP": lambda: _mix(3, tag[heads], dep[heads]),
        "GRAND_NORM": lambda: _mix(4, norm[grands]),
        "DEP_PATH": lambda: _mix(5, dep, dep[heads], dep[grands]),
        "CUE": lambda: _mix(6, cues),
        "HEAD_CUE": lambda: _mix(7, cues[heads], cues[grands], dep),
        "QUOTE": lambda: _mix(8, quote_states(doc, array[:, 8], array[:, 9].astype(bool))),
        "CHILDREN": lambda: _mix(9, children_mask(heads, dep)),
        "ANCESTOR_CUE": lambda: _mix(10, ancestor_mask(heads, cues)),
    }
    return numpy.stack([make[name]() for name in features], axis=1)


def ContextFeatures(features=CONTEXT_FEATURES) -> Model[list[Doc], list]:
    """A layer with no weights: context_columns of each doc, as FeatureExtractor gives
    its columns."""
    return Model("context_features", _context_forward, attrs={"features": tuple(features)})


def _context_forward(model, docs, is_train):
    features = model.attrs["features"]
    columns = [model.ops.asarray2i(context_columns(doc, features), dtype="uint64")
               for doc in docs]
    return columns, lambda d_columns: []


CONTEXT_EMBED = "reader.HashAndContextEmbed.v1"


@registry.architectures(CONTEXT_EMBED)
def HashAndContextEmbed(width: int, attrs: list[str], rows: list[int],
                        context_rows: list[int], context_width: int,
                        context: list[str] | None = None) -> Model[list[Doc], list]:
    """spaCy's MultiHashEmbed (hash embeddings of `attrs`, one Maxout to mix them) with
    hash embeddings of the context features (`context`, names of FEATURE_ROWS,
    `context_width` wide each; CONTEXT_FEATURES when not given) concatenated before the
    Maxout."""
    context = list(CONTEXT_FEATURES) if context is None else context
    if len(rows) != len(attrs):
        raise ValueError(f"mismatched lengths: {len(rows)} vs {len(attrs)}")
    if len(context_rows) != len(context) or not set(context) <= set(FEATURE_ROWS):
        raise ValueError(f"context features {context} do not fit rows {context_rows}")
    from spacy.ml import FeatureExtractor

    embeddings = [HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0)
                  for i in range(len(attrs))]
    context_embeddings = [HashEmbed(context_width, context_rows[i], column=i, seed=40 + i,
                                    dropout=0.0) for i in range(len(context_rows))]
    own = chain(FeatureExtractor(attrs), list2ragged(), with_array(concatenate(*embeddings)))
    around = chain(ContextFeatures(context), list2ragged(), with_array(concatenate(*context_embeddings)))
    inputs = width * len(embeddings) + context_width * len(context_embeddings)
    return chain(concatenate(own, around),
                 with_array(Maxout(width, inputs, nP=3, dropout=0.0, normalize=True)),
                 ragged2list())
