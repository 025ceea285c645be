"""The analyze contract (docs/design.md §3) of a corrected analysis, plus the corrections."""

from __future__ import annotations

import json
from pathlib import Path

from reader.document.model import Article
from reader.provenance.model import Analysis
from reader.vocabulary import FRAMING_LABELS


def export_record(article: Article, analysis: Analysis, corrections=(),
                  path: str | None = None) -> dict:
    """The §3 object (spans of `analysis` flagged "corrected" where the reader changed
    them), "corrections": the reader's corrections in the corrections-file form, and
    "framing_labels": the title and one-sentence explanation of each framing label used."""
    record = {"path": path if path is not None else article.path, "text": article.text,
              **article.metadata(), "blocks": [b.to_dict() for b in article.blocks]}
    record.update(analysis.to_dict())
    record["corrections"] = [c.to_dict() for c in corrections]
    used = sorted({s.label for s in analysis.spans if s.kind == "framing" and s.label})
    record["framing_labels"] = {
        name: {"title": FRAMING_LABELS[name].title,
               "explanation": FRAMING_LABELS[name].explanation}
        for name in used if name in FRAMING_LABELS}
    return record


def write_json(out: str | Path, article: Article, analysis: Analysis, corrections=(),
               path: str | None = None) -> None:
    Path(out).write_text(json.dumps(export_record(article, analysis, corrections, path),
                                    ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
