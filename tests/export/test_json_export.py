"""The JSON export: the analyze contract (docs/design.md §3) plus the corrections."""

import json

from reader.corrections import ChangeKind, Correction, apply_corrections
from reader.export.json_export import export_record, write_json

from handmade import make_analysis, make_article

CONTRACT_KEYS = {"path", "text", "title", "byline", "date", "publisher", "url", "blocks",
                 "spans", "claims", "sources"}


def test_contract_plus_corrections(tmp_path):
    article, analysis = make_article(), make_analysis()
    text = article.text
    change = ChangeKind.of(text, analysis.spans[2], "quote")
    corrected = apply_corrections(analysis, [change])
    out = tmp_path / "out.json"
    write_json(out, article, corrected, [change], path="council.txt")
    record = json.loads(out.read_text(encoding="utf-8"))
    assert set(record) == CONTRACT_KEYS | {"corrections", "framing_labels"}
    assert record["path"] == "council.txt" and record["text"] == text
    assert record["spans"][2] == {**analysis.spans[2].to_dict(), "kind": "quote", "corrected": True}
    assert "corrected" not in record["spans"][0]
    assert [Correction.from_dict(c) for c in record["corrections"]] == [change]
    assert record["blocks"][0] == {"kind": "heading", "start": 0, "end": 21}


def test_without_corrections_it_is_the_analyze_record():
    article, analysis = make_article(), make_analysis()
    record = export_record(article, analysis)
    assert record["corrections"] == [] and record["path"] == article.path
    assert {k: record[k] for k in ("spans", "claims", "sources")} == analysis.to_dict()


def test_framing_labels_are_explained():
    from reader.vocabulary import FRAMING_LABELS

    article, analysis = make_article(), make_analysis()
    record = export_record(article, analysis)
    assert record["framing_labels"] == {
        "insinuation": {"title": FRAMING_LABELS["insinuation"].title,
                        "explanation": FRAMING_LABELS["insinuation"].explanation}}
