"""Comparing an Analysis with gold attributions: tokens, claim matching, and scores.

A token is a `\\w+` run identified by its character offsets, so punctuation and quote
marks never decide whether a boundary is right. A token belongs to a span when they share
a character. Source and cue spans are compared by character overlap, since a cue may be a
bare colon with no word token.

Claims are matched one-to-one, greedily by descending content-token overlap F1 (ties in
gold then prediction order), keeping pairs with F1 >= 0.5. Gold attributions whose
content has no token (an empty event) cannot be matched and are left out of claim scores
(counted as `gold_without_content`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from reader.evaluation.brat import DOUBLE_MARKS, QUOTE_TYPES, GoldAttribution, Range
from reader.provenance.model import Analysis, Claim

WORD_RE = re.compile(r"\w+", re.UNICODE)
MATCH_THRESHOLD = 0.5


class TokenIndex:
    """The word tokens of one text, looked up by character ranges."""

    def __init__(self, text: str):
        self.tokens = [m.span() for m in WORD_RE.finditer(text)]
        self._ends = [e for _, e in self.tokens]

    def covered(self, ranges) -> frozenset[int]:
        """Indices of the tokens sharing at least one character with any of `ranges`."""
        found = set()
        for start, end in ranges:
            i = bisect.bisect_right(self._ends, start)
            while i < len(self.tokens) and self.tokens[i][0] < end:
                found.add(i)
                i += 1
        return frozenset(found)


def quoted_ranges(text: str, content: list[Range]) -> list[Range]:
    """The parts of a gold content that lie between paired double quotation marks.

    Pairing is done inside the content only, independently of the analyser's own quote
    finder. A quote reopened at the start of a paragraph stays one quote; a quote still
    open when a fragment ends runs to that end (the closing mark fell outside the
    annotation), and a closing mark with no opener quotes from the fragment's start.
    """
    ranges = []
    for frag_start, frag_end in sorted(content):
        open_at = None
        for i in range(frag_start, frag_end):
            mark = text[i]
            if mark not in DOUBLE_MARKS:
                continue
            if open_at is not None and _starts_paragraph(text, i, frag_start):
                continue  # the mark that reopens a quote running over several paragraphs
            closes = mark == "\u201d" or (mark == '"' and open_at is not None)
            if closes:
                ranges.append((frag_start if open_at is None else open_at, i))
                open_at = None
            elif open_at is None:
                open_at = i + 1
        if open_at is not None:
            ranges.append((open_at, frag_end))
    return [(s, e) for s, e in ranges if s < e]


def with_paired_apostrophes(text: str) -> str:
    """The text with each two-apostrophe quotation mark ('') made a double mark followed
    by a space: the same length, so every offset stays where it was."""
    return text.replace("''", '" ')


def _starts_paragraph(text: str, i: int, floor: int) -> bool:
    j = i - 1
    while j >= floor and text[j] in " \t\u00a0":
        j -= 1
    return j >= floor and text[j] == "\n"


def overlap_f1(gold: frozenset[int], predicted: frozenset[int]) -> float:
    shared = len(gold & predicted)
    if not shared:
        return 0.0
    return 2 * shared / (len(gold) + len(predicted))


def match_claims(gold: list[frozenset[int]], predicted: list[frozenset[int]],
                 threshold: float = MATCH_THRESHOLD) -> list[tuple[int, int, float]]:
    """One-to-one (gold index, predicted index, overlap F1) pairs, greedy by best F1."""
    candidates = []
    for g, gold_tokens in enumerate(gold):
        for p, predicted_tokens in enumerate(predicted):
            score = overlap_f1(gold_tokens, predicted_tokens)
            if score >= threshold:
                candidates.append((-score, g, p))
    candidates.sort()
    used_gold, used_predicted, pairs = set(), set(), []
    for negative_score, g, p in candidates:
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
            pairs.append((g, p, -negative_score))
    return sorted(pairs)


def ranges_overlap(a, b) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def source_correct(gold: GoldAttribution, claim: Claim) -> bool:
    if not gold.source:
        return claim.source is None
    return claim.source_span is not None and ranges_overlap(gold.source, [claim.source_span])


def cue_correct(gold: GoldAttribution, claim: Claim) -> bool:
    if not gold.cue:
        return claim.cue_span is None
    return claim.cue_span is not None and ranges_overlap(gold.cue, [claim.cue_span])


@dataclass
class Match:
    gold: int  # index into DocumentScore.gold
    predicted: int  # index into DocumentScore.predicted
    f1: float
    source_ok: bool
    cue_ok: bool


@dataclass
class DocumentScore:
    """Counts for one document, plus what is needed to list its errors."""

    name: str
    gold: list[GoldAttribution]  # the scorable ones (content has tokens)
    predicted: list[Claim]
    matches: list[Match]
    counts: Counter = field(default_factory=Counter)

    @property
    def missed(self) -> list[GoldAttribution]:
        matched = {m.gold for m in self.matches}
        return [g for i, g in enumerate(self.gold) if i not in matched]

    @property
    def spurious(self) -> list[Claim]:
        matched = {m.predicted for m in self.matches}
        return [c for i, c in enumerate(self.predicted) if i not in matched]


def score_document(name: str, text: str, gold: list[GoldAttribution],
                   analysis: Analysis) -> DocumentScore:
    index = TokenIndex(text)
    counts: Counter = Counter()

    gold_quote = index.covered(r for g in gold for r in quoted_ranges(text, g.content))
    predicted_quote = index.covered((s.start, s.end) for s in analysis.spans if s.kind == "quote")
    _add_token_counts(counts, "quote", gold_quote, predicted_quote)
    # The same with two apostrophes read as a double quotation mark, as the New York Times
    # texts in PolNeAR write quotations (''A,'' he said): a second figure, beside the one
    # that keeps PolNeAR's own quote heuristic.
    paired = with_paired_apostrophes(text)
    gold_quote = index.covered(r for g in gold for r in quoted_ranges(paired, g.content))
    _add_token_counts(counts, "quote2", gold_quote, predicted_quote)

    gold_sets = [index.covered(g.content) for g in gold]
    scorable = [(g, tokens) for g, tokens in zip(gold, gold_sets) if tokens]
    counts["gold_without_content"] = len(gold) - len(scorable)
    predicted_sets = [index.covered(c.content) for c in analysis.claims]
    _add_token_counts(counts, "content", frozenset().union(*gold_sets),
                      frozenset().union(*predicted_sets))

    gold_kept = [g for g, _ in scorable]
    pairs = match_claims([tokens for _, tokens in scorable], predicted_sets)
    matches = [Match(g, p, f1, source_correct(gold_kept[g], analysis.claims[p]),
                     cue_correct(gold_kept[g], analysis.claims[p]))
               for g, p, f1 in pairs]

    counts["gold_claims"] = len(gold_kept)
    counts["predicted_claims"] = len(analysis.claims)
    counts["matched"] = len(matches)
    counts["exact"] = sum(m.f1 == 1.0 for m in matches)
    counts["source_ok"] = sum(m.source_ok for m in matches)
    counts["cue_ok"] = sum(m.cue_ok for m in matches)
    for g in gold_kept:
        counts[f"gold_{g.type}"] += 1
    for m in matches:
        counts[f"matched_{gold_kept[m.gold].type}"] += 1
    return DocumentScore(name, gold_kept, list(analysis.claims), matches, counts)


def _add_token_counts(counts: Counter, prefix: str, gold: frozenset, predicted: frozenset) -> None:
    counts[f"{prefix}_tp"] += len(gold & predicted)
    counts[f"{prefix}_gold"] += len(gold)
    counts[f"{prefix}_predicted"] += len(predicted)


def prf(true_positives: int, predicted: int, gold: int) -> dict:
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def figures(counts: Counter) -> dict:
    """All scores from counts summed over documents (micro-averages)."""
    c = counts
    claims, matched = c["predicted_claims"], c["matched"]
    return {
        "gold_claims": c["gold_claims"],
        "predicted_claims": claims,
        "gold_without_content": c["gold_without_content"],
        "quote_tokens": {**prf(c["quote_tp"], c["quote_predicted"], c["quote_gold"]),
                         "tp": c["quote_tp"], "predicted": c["quote_predicted"],
                         "gold": c["quote_gold"]},
        "quote_tokens_apostrophes": {**prf(c["quote2_tp"], c["quote_predicted"], c["quote2_gold"]),
                                     "tp": c["quote2_tp"], "predicted": c["quote_predicted"],
                                     "gold": c["quote2_gold"]},
        "content_tokens": {**prf(c["content_tp"], c["content_predicted"], c["content_gold"]),
                           "tp": c["content_tp"], "predicted": c["content_predicted"],
                           "gold": c["content_gold"]},
        "claims": {**prf(matched, claims, c["gold_claims"]), "matched": matched},
        "exact_claims": {**prf(c["exact"], claims, c["gold_claims"]), "matched": c["exact"]},
        "attribution": {**prf(c["source_ok"], claims, c["gold_claims"]),
                        "correct": c["source_ok"]},
        "source_accuracy": c["source_ok"] / matched if matched else 0.0,
        "cue_accuracy": c["cue_ok"] / matched if matched else 0.0,
        "type_recall": {t: _recall(c[f"matched_{t}"], c[f"gold_{t}"]) for t in QUOTE_TYPES},
    }


def _recall(matched: int, gold: int) -> dict:
    return {"recall": matched / gold if gold else None, "matched": matched, "gold": gold}
