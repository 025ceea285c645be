"""A small learned scorer for loaded words in the writer's voice.

Logistic regression over a few features of one token: its lemma when the lemma is in a
licensed word list (VADER's sentiment lexicon, MIT: `vader_valence.txt`; the Media Bias
Group's bias lexicon, Apache-2.0, filtered: `bias_words.txt`), the VADER valence band,
membership of the bias lexicon, the part of speech, the fine tag (superlatives), the
dependency relation, loaded neighbours, a degree word before it ("so", "most"), whether
the sentence is a question. The weights (resources/lexicons/framing_tagger.json) are
trained by `scripts/train_framing_tagger.py` on the tuning half of the PTC development
set (SemEval-2020 Task 11), never on BABE; its figures are in the README. Only lemmas from
the licensed lists can carry a weight of their own, so nothing else of the corpus is
shipped. The candidate words are read once per process from the shipped lists.

Pure Python at run time: a dot product over about a dozen features per token.
"""

from __future__ import annotations

import json
import math
from functools import cache

from spacy.tokens import Token

from reader.provenance import lexicons
from reader.resources_path import resource

CONTENT_POS = frozenset({"ADJ", "NOUN", "VERB", "ADV"})


@cache
def candidate_words() -> dict[str, float]:
    """Lemma → VADER valence (0.0 when the word is only in another licensed list)."""
    words = {w: 0.0 for w in lexicons.load("bias_words")}
    words.update(lexicons.load_valence("vader_valence"))
    return words


def _band(valence: float) -> str:
    if valence <= -2.5:
        return "neg3"
    if valence <= -1.5:
        return "neg2"
    if valence < 0:
        return "neg1"
    if valence == 0:
        return "none"
    if valence < 1.5:
        return "pos1"
    if valence < 2.5:
        return "pos2"
    return "pos3"


_DEGREE_WORDS = frozenset({"so", "very", "most", "so-called", "too", "truly", "utterly",
                           "totally", "extremely", "really", "completely", "such"})


def _listed(token: Token) -> str | None:
    words = candidate_words()
    lemma, lower = token.lemma_.lower(), token.lower_
    return lemma if lemma in words else lower if lower in words else None


def token_features(token: Token, question: bool) -> list[str]:
    """The features of a content word (callers skip the rest)."""
    words = candidate_words()
    key = _listed(token)
    features = ["bias", f"pos={token.pos_}", f"tag={token.tag_}", f"dep={token.dep_}"]
    if key is not None:
        band = _band(words[key])
        features += [f"lemma={key}", f"band={band}", f"band+pos={band}+{token.pos_}"]
        if key in lexicons.load("bias_words"):
            features.append("bias-lexicon")
    else:
        features.append("unlisted")
    if question:
        features.append("question")
    if token.tag_ in ("JJS", "RBS"):
        features.append("superlative")
    doc = token.doc
    for offset in (-1, 1):
        j = token.i + offset
        if not 0 <= j < len(doc):
            continue
        neighbour = _listed(doc[j])
        if neighbour is not None and abs(words[neighbour]) >= 1.5:
            features.append(f"nb{offset}-loaded")
        if neighbour is not None and neighbour in lexicons.load("bias_words"):
            features.append(f"nb{offset}-bias")
        if offset == -1:
            features.append(f"prev={doc[j].lower_}" if doc[j].lower_ in _DEGREE_WORDS
                            else "prev=other")
    return features


def is_candidate(token: Token) -> bool:
    """Content words that are no part of a name ("ex-Secret Service agent")."""
    if token.pos_ not in CONTENT_POS or not token.is_alpha or len(token) < 3:
        return False
    if token.lower_ in _DEGREE_WORDS or token.lower_ in ("least", "less", "more"):
        return False  # "most corrupt": the loaded word is the adjective
    if token.ent_type_ and token.ent_type_ not in ("NORP",):
        return False
    return not (token.is_title and not token.is_sent_start and token.i > 0)


class FramingTagger:
    def __init__(self, weights: dict[str, float], threshold: float):
        self.weights = weights
        self.threshold = threshold

    @classmethod
    @cache
    def shipped(cls) -> FramingTagger:
        """The weights in resources/lexicons; a tagger that never fires while they are being
        trained (the training script builds the pipeline before it has any)."""
        path = resource("lexicons", "framing_tagger.json")
        if not path.exists():
            return cls({}, threshold=2.0)
        record = json.loads(path.read_text(encoding="utf-8"))
        return cls(record["weights"], record["threshold"])

    def probability(self, features: list[str]) -> float:
        score = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def score(self, token: Token, question: bool) -> float | None:
        """The probability that `token` is loaded, or None when it is no candidate."""
        if not is_candidate(token):
            return None
        return self.probability(token_features(token, question))
