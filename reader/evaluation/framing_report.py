"""The framing evaluator's printed table and its error listing."""

from __future__ import annotations

from reader.evaluation.framing_corpora import FramingDocument
from reader.provenance.model import Analysis

_SCOPE_TITLES = {"all": "against all gold",
                 "voice": "against gold in the writer's voice (outside the reader's quotes "
                          "and paraphrases)"}
_CONTEXT = 40


def format_report(title: str, results: dict) -> str:
    lines = [title]
    for scope, figures in results.items():
        lines += ["", _SCOPE_TITLES[scope], f"{'metric':<26}{'P':>8}{'R':>8}{'F1':>8}   counts"]
        tokens, spans, si = figures["tokens"], figures["spans"], figures["semeval_si"]
        lines.append(_row("tokens", tokens,
                          f"tp {tokens['tp']} / pred {tokens['predicted']} / gold {tokens['gold']}"))
        lines.append(_row("spans (any overlap)", spans,
                          f"right {spans['right']} of {spans['predicted']}; "
                          f"found {spans['found']} of {spans['gold']}"))
        lines.append(_row("SemEval-2020 SI", si, "partial credit, characters"))
        lines.append("recall per gold category")
        for name, r in figures["category_recall"].items():
            lines.append(f"  {name:<32}{r['recall']:>7.3f}   ({r['found']}/{r['gold']})")
        lines.append("precision per framing label")
        for name, r in figures["label_precision"].items():
            lines.append(f"  {name:<32}{r['precision']:>7.3f}   ({r['right']}/{r['predicted']})")
    return "\n".join(lines)


def _row(label: str, r: dict, detail: str) -> str:
    scores = "".join(f"{r[k]:>8.3f}" for k in ("precision", "recall", "f1"))
    return f"{label:<26}{scores}   {detail}"


def format_errors(documents: list[FramingDocument], analyses: list[Analysis]) -> str:
    """Per document: framing spans overlapping no gold (FP, with their label) and gold spans
    no framing span overlaps (FN, marked `quoted` when inside the reader's quotes or
    paraphrases), each with a little context."""
    out = []
    for document, analysis in zip(documents, analyses):
        text = document.text
        voiced = [(s.start, s.end) for s in analysis.spans if s.kind in ("quote", "paraphrase")]
        framing = [s for s in analysis.spans if s.kind == "framing"]
        lines = []
        for span in framing:
            right = any(g.start < span.end and span.start < g.end for g in document.gold)
            lines.append(f"{'TP' if right else 'FP'} [{span.label}] {_context(text, span.start, span.end)}")
        for gold in document.gold:
            if any(s.start < gold.end and gold.start < s.end for s in framing):
                continue
            quoted = any(s < gold.end and gold.start < e for s, e in voiced)
            lines.append(f"FN [{gold.category}]{' quoted' if quoted else ''} "
                         f"{_context(text, gold.start, gold.end)}")
        if lines:
            out += [f"== {document.name}", *lines, ""]
    return "\n".join(out)


def _context(text: str, start: int, end: int) -> str:
    before = " ".join(text[max(0, start - _CONTEXT):start].split())
    after = " ".join(text[end:end + _CONTEXT].split())
    return f"…{before} [[{' '.join(text[start:end].split())}]] {after}…"
