"""Comparing the analyser's framing spans with gold framing spans (PTC, BABE).

Figures, micro-averaged over a corpus:
- tokens: P/R/F1 over `\\w+` word tokens covered by a gold span / a predicted framing span
  (optionally leaving out `skip_words`, e.g. function words on BABE);
- spans, any overlap: a predicted span is right when it overlaps a gold span; a gold span
  is found when a predicted span overlaps it;
- the SemEval-2020 Task 11 span-identification score (partial credit, characters):
  P = Σ_s Σ_t |s∩t| / |s| over |S| predicted spans, R = Σ_t Σ_s |s∩t| / |t| over |T| gold
  spans, after merging overlapping spans on each side within a document, as the task's
  scorer merges gold spans of different techniques;
- recall per gold category and precision per framing label (any overlap).
Each figure is given twice: against all gold, and against the gold in the writer's voice
only (gold spans that overlap none of the analysis's quote and paraphrase spans).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from reader.evaluation.framing_corpora import GoldSpan
from reader.evaluation.metrics import TokenIndex, prf
from reader.provenance.model import Analysis

Range = tuple[int, int]
SCOPES = ("all", "voice")


def merge(ranges: list[Range]) -> list[Range]:
    """Overlapping or touching ranges joined, in order."""
    out: list[list[int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def _overlaps(a: Range, ranges: list[Range]) -> bool:
    return any(s < a[1] and a[0] < e for s, e in ranges)


def _shared(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def partial_credit(predicted: list[Range], gold: list[Range]) -> tuple[float, float]:
    """(Σ_s Σ_t |s∩t|/|s|, Σ_t Σ_s |s∩t|/|t|): the numerators of the SemEval-2020 SI P and R."""
    precision = sum(_shared(s, t) / (s[1] - s[0]) for s in predicted for t in gold)
    recall = sum(_shared(s, t) / (t[1] - t[0]) for t in gold for s in predicted)
    return precision, recall


def score_document(text: str, gold: list[GoldSpan], analysis: Analysis,
                   skip_words: Collection[str] = ()) -> Counter:
    """Counts for one document; sum them over a corpus and pass them to `figures`."""
    index = TokenIndex(text)
    skipped = frozenset(i for i, (s, e) in enumerate(index.tokens)
                        if text[s:e].lower() in skip_words)
    framing = [s for s in analysis.spans if s.kind == "framing" and s.end > s.start]
    voiced = [(s.start, s.end) for s in analysis.spans if s.kind in ("quote", "paraphrase")]
    predicted = [(s.start, s.end) for s in framing]
    counts: Counter = Counter()
    for scope in SCOPES:
        kept = gold if scope == "all" else [
            g for g in gold if not _overlaps((g.start, g.end), voiced)]
        ranges = [(g.start, g.end) for g in kept]
        c = Counter()
        gold_tokens = index.covered(ranges) - skipped
        predicted_tokens = index.covered(predicted) - skipped
        c["token_tp"] += len(gold_tokens & predicted_tokens)
        c["token_gold"] += len(gold_tokens)
        c["token_predicted"] += len(predicted_tokens)
        c["span_predicted"] += len(predicted)
        c["span_right"] += sum(_overlaps(p, ranges) for p in predicted)
        c["span_gold"] += len(ranges)
        c["span_found"] += sum(_overlaps(g, predicted) for g in ranges)
        merged_predicted, merged_gold = merge(predicted), merge(ranges)
        si_precision, si_recall = partial_credit(merged_predicted, merged_gold)
        c["si_precision_sum"] += si_precision
        c["si_recall_sum"] += si_recall
        c["si_predicted"] += len(merged_predicted)
        c["si_gold"] += len(merged_gold)
        for g in kept:
            c[f"category_gold:{g.category}"] += 1
            c[f"category_found:{g.category}"] += _overlaps((g.start, g.end), predicted)
        for span in framing:
            label = span.label or "framing"
            c[f"label_predicted:{label}"] += 1
            c[f"label_right:{label}"] += _overlaps((span.start, span.end), ranges)
        counts.update({f"{scope}/{key}": value for key, value in c.items()})
    return counts


def figures(counts: Counter) -> dict:
    """Scores from counts summed over documents: {"all": {...}, "voice": {...}}."""
    return {scope: _scope_figures(counts, scope) for scope in SCOPES}


def _scope_figures(counts: Counter, scope: str) -> dict:
    c = {key.split("/", 1)[1]: value for key, value in counts.items()
         if key.startswith(scope + "/")}
    get = lambda key: c.get(key, 0)  # noqa: E731
    span_precision = get("span_right") / get("span_predicted") if get("span_predicted") else 0.0
    span_recall = get("span_found") / get("span_gold") if get("span_gold") else 0.0
    si_p = get("si_precision_sum") / get("si_predicted") if get("si_predicted") else 0.0
    si_r = get("si_recall_sum") / get("si_gold") if get("si_gold") else 0.0
    categories = sorted(k.split(":", 1)[1] for k in c if k.startswith("category_gold:"))
    labels = sorted(k.split(":", 1)[1] for k in c if k.startswith("label_predicted:"))
    return {
        "tokens": {**prf(get("token_tp"), get("token_predicted"), get("token_gold")),
                   "tp": get("token_tp"), "predicted": get("token_predicted"),
                   "gold": get("token_gold")},
        "spans": {**_prf_from(span_precision, span_recall),
                  "right": get("span_right"), "predicted": get("span_predicted"),
                  "found": get("span_found"), "gold": get("span_gold")},
        "semeval_si": _prf_from(si_p, si_r),
        "category_recall": {
            name: {"recall": get(f"category_found:{name}") / get(f"category_gold:{name}"),
                   "found": get(f"category_found:{name}"), "gold": get(f"category_gold:{name}")}
            for name in categories},
        "label_precision": {
            name: {"precision": get(f"label_right:{name}") / get(f"label_predicted:{name}"),
                   "right": get(f"label_right:{name}"),
                   "predicted": get(f"label_predicted:{name}")}
            for name in labels},
    }


def _prf_from(precision: float, recall: float) -> dict:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
