"""Reading the attribution tagger's probabilities as one BIO sequence (tagger.decode with
bio=True; measured, not shipped: the shipped reading is each token's argmax)."""

import itertools

import numpy
import pytest

from reader.provenance import tagger as tagger_module
from reader.provenance.learned import runs

LABELS = ("O", "B-CUE", "I-CUE", "B-SOURCE", "I-SOURCE", "B-CONTENT", "I-CONTENT")


def _scores(*rows):
    """One row per token: {label: probability}, the rest of the mass spread evenly."""
    out = []
    for row in rows:
        rest = (1.0 - sum(row.values())) / (len(LABELS) - len(row))
        out.append([row.get(label, rest) for label in LABELS])
    return numpy.asarray(out, dtype="float32")


def _valid(labels):
    previous = "O"
    for label in labels:
        if label.startswith("I-") and previous[2:] != label[2:]:
            return False
        previous = label
    return True


def test_an_inside_label_after_o_is_read_as_part_of_the_run_it_continues():
    # Per-token argmax: O, I-CONTENT, I-CONTENT (an inside label with nothing to continue).
    scores = _scores({"O": 0.5, "B-CONTENT": 0.4}, {"I-CONTENT": 0.8}, {"I-CONTENT": 0.9})
    assert [LABELS[i] for i in scores.argmax(axis=1)] == ["O", "I-CONTENT", "I-CONTENT"]
    decoded = tagger_module.decode(scores, LABELS, {}, bio=True)
    assert [label for label, _ in decoded] == ["B-CONTENT", "I-CONTENT", "I-CONTENT"]
    assert decoded[0][1] == pytest.approx(0.4)  # the label's own probability is kept


def test_a_lone_inside_label_of_another_role_is_not_kept():
    # B-CUE then I-CONTENT: no reading has a content that starts inside; the best valid
    # path makes the second token O or the cue's continuation, whichever is likelier.
    scores = _scores({"B-CUE": 0.9}, {"I-CONTENT": 0.45, "O": 0.4, "I-CUE": 0.1})
    decoded = [label for label, _ in tagger_module.decode(scores, LABELS, {}, bio=True)]
    assert decoded == ["B-CUE", "O"]


def test_whitespace_is_left_out_of_the_path_and_keeps_a_run_whole():
    scores = _scores({"B-CONTENT": 0.9}, {"O": 0.99}, {"I-CONTENT": 0.9})
    decoded = tagger_module.decode(scores, LABELS, {}, skip=[False, True, False], bio=True)
    assert [label for label, _ in decoded] == ["B-CONTENT", "O", "I-CONTENT"]
    without_skip = tagger_module.decode(scores, LABELS, {}, bio=True)
    assert without_skip[2][0] != "I-CONTENT"  # a run the line break would have cut


def test_the_path_is_the_best_valid_one_found_by_exhaustive_search():
    rng = numpy.random.default_rng(5)
    for _ in range(40):
        scores = rng.dirichlet(numpy.ones(len(LABELS)) * 0.4, size=4).astype("float32")
        decoded = [label for label, _ in tagger_module.decode(scores, LABELS, {}, bio=True)]
        best = max((path for path in itertools.product(range(len(LABELS)), repeat=4)
                    if _valid([LABELS[i] for i in path])),
                   key=lambda path: sum(numpy.log(scores[t, i]) for t, i in enumerate(path)))
        assert _valid(decoded)
        assert decoded == [LABELS[i] for i in best]


def test_decoding_follows_the_label_order_the_tagger_stores():
    order = tuple(sorted(LABELS))  # spaCy's Tagger keeps its labels sorted
    scores = _scores({"B-SOURCE": 0.7}, {"I-SOURCE": 0.6}, {"O": 0.9})
    scores = scores[:, [LABELS.index(label) for label in order]]
    decoded = [label for label, _ in tagger_module.decode(scores, order, {}, bio=True)]
    assert decoded == ["B-SOURCE", "I-SOURCE", "O"]


def test_an_empty_or_one_token_sequence(analyzer):
    assert tagger_module.decode(numpy.zeros((0, len(LABELS)), "float32"), LABELS, bio=True) == []
    one = tagger_module.decode(_scores({"I-CUE": 0.9}), LABELS, {}, bio=True)
    assert one[0][0] != "I-CUE"
    doc = analyzer.nlp("Officials said so.")
    scores = _scores({"B-SOURCE": 0.9}, {"B-CUE": 0.9}, {"B-CONTENT": 0.9}, {"O": 0.9})
    tags = tagger_module.decode(scores, LABELS, {}, skip=[t.is_space for t in doc], bio=True)
    assert [(r.role, r.start, r.end) for r in runs(doc, tags)] == [
        ("SOURCE", 0, 1), ("CUE", 1, 2), ("CONTENT", 2, 3)]


def test_the_shipped_reading_is_each_token_s_best_label():
    assert tagger_module.BIO_DECODING is False
    scores = _scores({"O": 0.5, "B-CONTENT": 0.4}, {"I-CONTENT": 0.8})
    assert [label for label, _ in tagger_module.decode(scores, LABELS, {})] == ["O", "I-CONTENT"]


def test_pieces_part_the_sequence_only_at_stretches_the_tagger_is_sure_of():
    sure = numpy.asarray([True, True, False, True, True, True, True, False, False, True])
    assert tagger_module._pieces(sure) == [(1, 4), (6, 10)]
    assert tagger_module._pieces(numpy.ones(3, dtype=bool)) == []
