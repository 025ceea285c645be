"""The words that explain one span: for the hover card and the presentation caption."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from reader.ui.palette import KIND_STYLES
from reader.ui.palette import tr as palette_tr

SOURCE_TYPE_TITLES = {
    "person": QT_TRANSLATE_NOOP("SpanCard", "person"),
    "organization": QT_TRANSLATE_NOOP("SpanCard", "organisation"),
    "document": QT_TRANSLATE_NOOP("SpanCard", "document"),
    "group": QT_TRANSLATE_NOOP("SpanCard", "group"),
    "anonymous": QT_TRANSLATE_NOOP("SpanCard", "anonymous source"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpanCard", text)


def source_type_title(kind: str) -> str:
    return _tr(SOURCE_TYPE_TITLES.get(kind, kind))


def span_facts(index, span) -> dict[str, str]:
    """Plain-text facts about a span, in reading order; empty values left out."""
    facts = {"kind": palette_tr(KIND_STYLES[span.kind].title)}
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
    "kind": QT_TRANSLATE_NOOP("SpanCard", "Kind"),
    "source": QT_TRANSLATE_NOOP("SpanCard", "Source"),
    "cue": QT_TRANSLATE_NOOP("SpanCard", "Cue"),
    "why": QT_TRANSLATE_NOOP("SpanCard", "Why"),
    "confidence": QT_TRANSLATE_NOOP("SpanCard", "Confidence"),
}


CORRECTED_LINE = QT_TRANSLATE_NOOP("SpanCard", "Corrected by you")


def span_card_html(index, span) -> str:
    rows = "".join(
        f"<tr><td style='padding-right:8px'><b>{escape(_tr(FACT_TITLES[key]))}</b></td>"
        f"<td>{escape(value)}</td></tr>" for key, value in span_facts(index, span).items())
    if getattr(span, "corrected", False):
        rows += f"<tr><td colspan='2'><i>✎ {escape(_tr(CORRECTED_LINE))}</i></td></tr>"
    return f"<table>{rows}</table>"
