"""The words that explain one span: for the hover card and the presentation caption."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from reader import plain_language
from reader.plain_language import explain
from reader.ui.palette import KIND_STYLES
from reader.ui.palette import tr as palette_tr
from reader.vocabulary import SOURCE_TYPE_TITLES


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpanCard", text)


def source_type_title(kind: str) -> str:
    return _tr(SOURCE_TYPE_TITLES.get(kind, kind))


def _plain_tr(text: str) -> str:
    return QCoreApplication.translate(plain_language.TRANSLATION_CONTEXT, text)


def _vocabulary_tr(text: str) -> str:
    return QCoreApplication.translate("Vocabulary", text)


def plain_sentence(index, span) -> str:
    """What the span is and whose voice, in a sentence a student understands."""
    claim = index.claims.get(span.claim) if span.claim else None
    source = index.source_of_span(span)
    cue = index.text[claim.cue_span[0]:claim.cue_span[1]] if claim and claim.cue_span else None
    return explain(span.kind, label=span.label, who=source.name if source else None, cue=cue,
                   words=index.snippet(span.start, span.end, limit=60), tr=_plain_tr,
                   tr_vocabulary=_vocabulary_tr,
                   mixed=claim is not None and claim.kind == "mixed")


def span_facts(index, span) -> dict[str, str]:
    """Plain-text facts about a span, in reading order; empty values left out. "plain" is
    the sentence for a student; "why" the rule that found it, for checking the tool."""
    facts = {"plain": plain_sentence(index, span),
             "kind": palette_tr(KIND_STYLES[span.kind].title)}
    claim = index.claims.get(span.claim) if span.claim else None
    source = index.source_of_span(span)
    if source is not None:
        who = f"{source.name} ({source_type_title(source.type)})"
        if source.description:
            who += f", {source.description}"
        facts["source"] = who
    elif span.kind != "framing":
        facts["source"] = _tr("unattributed")
    if claim is not None and claim.cue_span:
        facts["cue"] = index.text[claim.cue_span[0]:claim.cue_span[1]]
    if span.why:
        facts["why"] = span.why
    facts["confidence"] = f"{round(span.confidence * 100)} %"
    return facts


FACT_TITLES = {
    "plain": QT_TRANSLATE_NOOP("SpanCard", "In plain words"),
    "kind": QT_TRANSLATE_NOOP("SpanCard", "Kind"),
    "source": QT_TRANSLATE_NOOP("SpanCard", "Source"),
    "cue": QT_TRANSLATE_NOOP("SpanCard", "Cue"),
    "why": QT_TRANSLATE_NOOP("SpanCard", "Rule"),
    "confidence": QT_TRANSLATE_NOOP("SpanCard", "Confidence"),
}


CORRECTED_LINE = QT_TRANSLATE_NOOP("SpanCard", "Corrected by you")


def span_card_html(index, span) -> str:
    facts = span_facts(index, span)
    plain = facts.pop("plain")
    rows = f"<tr><td colspan='2' style='padding-bottom:4px'>{escape(plain)}</td></tr>"
    for key, value in facts.items():
        # The rule is for checking the tool: there, but quieter than the sentence.
        style = " style='color:gray'" if key == "why" else ""
        rows += (f"<tr><td style='padding-right:8px'><b>{escape(_tr(FACT_TITLES[key]))}</b>"
                 f"</td><td{style}>{escape(value)}</td></tr>")
    if getattr(span, "corrected", False):
        rows += f"<tr><td colspan='2'><i>✎ {escape(_tr(CORRECTED_LINE))}</i></td></tr>"
    return f"<table>{rows}</table>"
