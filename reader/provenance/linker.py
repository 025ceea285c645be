"""A learned source linker: which mention near a cue speaks. The merge
(reader.provenance.learned.fill_sources) asks it for the speaker of a rule claim that has a
cue and no source; for the tagger's own claims it was measured and not better than their
tagged source mention (see the README).

Every noun, name, pronoun or number in the cue's sentence and the sentence before it
(`candidates`) is scored by a logistic regression over features of the parse only
(`features`: its place before or after the cue and how far, its dependency relation, its
fine tag, how it hangs on the cue word or the verbs above it, whether it is inside the
claim's content, whether it is a word of the speaker lists); the best candidate speaks
when its probability is at least the threshold, else the claim has no source (PolNeAR's
sourceless attributions: "a curfew was announced"). Features read the parser's TAG, DEP
and HEAD, never POS, lemmas or entities, so the linker trains on the parses the tagger's
training keeps (`python -m reader.train CORPUS --linker`) and runs on any pipeline.

The weights (`resources/models/source_linker.json`: feature → weight, a bias and the
threshold of best linking accuracy on train, with how they were made) are fitted on PolNeAR train's gold attributions:
for each attribution with a cue, its candidates, positive where they overlap its source.
No text of the corpus is kept: the features are tags, relations, distances and words of
the project's own speaker lists.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import cache

import numpy
from spacy.tokens import Doc, Token

from reader.provenance import lexicons
from reader.resources_path import resource

CANDIDATE_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "CD", "WP"})
SPEAKER_LISTS = ("role_nouns", "organization_nouns", "group_nouns", "anonymous_nouns",
                 "document_nouns", "reporting_nouns", "work_nouns")
CLIMB = ("xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp", "prep", "pobj", "dobj",
         "advmod", "npadvmod")
WEIGHTS_FILE = ("models", "source_linker.json")


def _bucket(distance: int) -> str:
    for limit in (1, 2, 4, 7, 12, 20):
        if distance <= limit:
            return str(limit)
    return "far"


def cue_head(doc: Doc, start: int, end: int) -> Token:
    """The word of the cue tokens [start, end) that the others hang on, a verb first."""
    tokens = [doc[i] for i in range(start, end) if not doc[i].is_space]
    if not tokens:
        return doc[start]
    verbs = [t for t in tokens if t.tag_.startswith("VB")]
    if verbs:
        return max(verbs, key=lambda t: t.i)
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


def candidates(doc: Doc, start: int, end: int) -> list[Token]:
    """The mentions that could speak for the cue tokens [start, end): nominal words of its
    sentence and the one before, outside the cue, that head their phrase (not the first
    part of a compound: "Clinton campaign")."""
    sentence = doc[start].sent
    first = doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
    return [t for t in doc[first:sentence.end]
            if t.tag_ in CANDIDATE_TAGS and not start <= t.i < end and t.dep_ != "compound"]


def _speaker_word(token: Token) -> bool:
    word = token.lower_
    forms = {word, word[:-1] if word.endswith("s") else word}
    return any(form in lexicons.load(name) for form in forms for name in SPEAKER_LISTS)


def features(doc: Doc, candidate: Token, head: Token, start: int, end: int,
             content: frozenset[int]) -> list[str]:
    """The features of `candidate` as the speaker of the cue [start, end) with head word
    `head`; `content` holds the token indices of the claim's content."""
    before = candidate.i < start
    distance = start - candidate.i if before else candidate.i - end + 1
    side = "before" if before else "after"
    same = candidate.sent.start == head.sent.start
    out = ["bias", f"side={side}", f"dist={side}{_bucket(distance)}",
           f"sent={'same' if same else 'prev'}", f"dep={candidate.dep_}",
           f"tag={candidate.tag_}", f"headtag={head.tag_[:2]}"]
    if candidate.i in content:
        out.append("in-content")
    if _speaker_word(candidate):
        out.append("speaker-word")
    if candidate.is_title and candidate.i > candidate.sent.start:
        out.append("title-case")
    # How the candidate hangs on the cue word, or on the verbs it depends on.
    node, steps = head, 0
    while steps < 4:
        if candidate.head.i == node.i and candidate.i != node.i:
            out.append(f"child{steps}={candidate.dep_}")
            out.append(f"child{steps}={candidate.dep_}+{head.tag_[:2]}")
            break
        if node.dep_ not in CLIMB or node.head.i == node.i:
            break
        node, steps = node.head, steps + 1
    if candidate.head.dep_ == "agent" and candidate.head.head.i == head.i:
        out.append("agent-of-cue")
    if candidate.i == head.head.i:
        out.append("head-of-cue")
    if any(t.i == candidate.i for t in head.subtree):
        out.append("under-cue")
    return out


class SourceLinker:
    """Feature weights, a bias (the "bias" feature) and a threshold."""

    def __init__(self, weights: dict[str, float], threshold: float):
        self.weights = weights
        self.threshold = threshold

    @classmethod
    @cache
    def shipped(cls) -> SourceLinker | None:
        path = resource(*WEIGHTS_FILE)
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            return cls(record["weights"], record["threshold"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def probability(self, names: Iterable[str]) -> float:
        score = sum(self.weights.get(name, 0.0) for name in names)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def best(self, doc: Doc, start: int, end: int, content: frozenset[int],
             threshold: float | None = None) -> tuple[Token | None, float]:
        """The candidate that speaks for the cue [start, end) and its probability; None
        when no candidate reaches the threshold (the weights' own, unless given)."""
        threshold = self.threshold if threshold is None else threshold
        head = cue_head(doc, start, end)
        scored = [(self.probability(features(doc, c, head, start, end, content)), c)
                  for c in candidates(doc, start, end)]
        if not scored:
            return None, 0.0
        probability, token = max(scored, key=lambda pair: (pair[0], -abs(pair[1].i - start)))
        return (token, probability) if probability >= threshold else (None, probability)


def mention_range(token: Token) -> tuple[int, int]:
    """The characters of the mention `token` heads: its left edge to itself (a name with
    its title, "the company's spokesman"), not the clauses after it."""
    left = token.left_edge
    if left.sent.start != token.sent.start:
        left = token
    return left.idx, token.idx + len(token)


def fit(rows: list[list[str]], labels: list[int], epochs: int = 60, learn_rate: float = 0.5,
        l2: float = 1e-4) -> dict[str, float]:
    """Logistic regression by full-batch gradient descent (Adagrad) over sparse binary
    features; returns feature → weight."""
    names = sorted({name for row in rows for name in row})
    index = {name: i for i, name in enumerate(names)}
    flat = numpy.asarray([index[name] for row in rows for name in row], dtype=numpy.int64)
    counts = numpy.asarray([len(row) for row in rows], dtype=numpy.int64)
    starts = numpy.concatenate([[0], numpy.cumsum(counts)[:-1]])
    y = numpy.asarray(labels, dtype=numpy.float64)
    w = numpy.zeros(len(names))
    history = numpy.zeros(len(names))
    for _ in range(epochs):
        scores = numpy.add.reduceat(w[flat], starts)
        error = 1.0 / (1.0 + numpy.exp(-scores)) - y
        gradient = numpy.zeros(len(names))
        numpy.add.at(gradient, flat, numpy.repeat(error, counts))
        gradient = gradient / len(rows) + l2 * w
        history += gradient ** 2
        w -= learn_rate * gradient / (numpy.sqrt(history) + 1e-8)
    return {name: round(float(w[i]), 4) for i, name in enumerate(names) if abs(w[i]) > 1e-4}
