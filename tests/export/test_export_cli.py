"""`python -m reader export`: every format from the shipped sample, with the real model."""

import json

import pypdf
import pytest

import reader.provenance
from reader.corrections import ChangeKind, CorrectionStore
from reader.corrections import store as store_module
from reader.export.brat import read_brat
from reader.export.cli import export_main
from reader.provenance.model import VoiceSpan
from reader.resources_path import sample_article

_loaded = {}


class SharedAnalyzer(reader.provenance.Analyzer):
    """Loads the spaCy pipeline once for the whole module."""

    @property
    def nlp(self):
        if "nlp" not in _loaded:
            _loaded["nlp"] = reader.provenance.build_pipeline(self.model_name)
        return _loaded["nlp"]


@pytest.fixture(autouse=True)
def setup(monkeypatch, tmp_path):
    monkeypatch.setattr(reader.provenance, "Analyzer", SharedAnalyzer)
    monkeypatch.setattr(store_module, "default_root", lambda: tmp_path / "data" / "corrections")


SAMPLE = str(sample_article())


def test_json_applies_the_saved_corrections(tmp_path):
    out = tmp_path / "a.json"
    assert export_main(["--format", "json", SAMPLE, "-o", str(out)]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["corrections"] == [] and record["spans"] and record["sources"]
    assert record["text"] == sample_article().read_text(encoding="utf-8")

    span = next(s for s in record["spans"] if s["kind"] == "framing")
    change = ChangeKind.of(record["text"], VoiceSpan(**{k: span[k] for k in ("id", "kind", "start", "end")}),
                           "paraphrase")
    CorrectionStore().save(record["text"], [change], path=SAMPLE)
    assert export_main([SAMPLE, "-o", str(out)]) == 0  # format from the suffix
    record = json.loads(out.read_text(encoding="utf-8"))
    assert len(record["corrections"]) == 1
    corrected = [s for s in record["spans"] if s.get("corrected")]
    assert [(s["start"], s["kind"]) for s in corrected] == [(span["start"], "paraphrase")]
    assert export_main(["--no-corrections", SAMPLE, "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["corrections"] == []


def test_html_pdf_and_brat(qapp, tmp_path):
    text = sample_article().read_text(encoding="utf-8")
    assert export_main(["--format", "html", SAMPLE, "-o", str(tmp_path / "a.html")]) == 0
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "Daniel Ortiz" in page and "data-span=" in page

    assert export_main(["--format", "brat", SAMPLE, "-o", str(tmp_path / "a")]) == 0
    back_text, back = read_brat(tmp_path / "a.txt", tmp_path / "a.ann")
    assert back_text == text and len(back.spans) > 10

    assert export_main(["--format", "pdf", SAMPLE, "-o", str(tmp_path / "a.pdf")]) == 0
    pdf = " ".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "a.pdf").pages)
    assert "Elm" in pdf and "Who" in pdf

    assert export_main(["--format", "pdf", "--handout", SAMPLE, "-o", str(tmp_path / "h.pdf")]) == 0
    handout = " ".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "h.pdf").pages)
    assert "Legend" not in handout and "Riverside" in handout


def test_bad_input_is_one_line_and_status_1(qapp, tmp_path, capsys):
    assert export_main(["--format", "html", str(tmp_path / "missing.txt"),
                        "-o", str(tmp_path / "x.html")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.txt" in err
    assert export_main(["--format", "html", SAMPLE, "-o", str(tmp_path / "no" / "x.html")]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert export_main(["--format", "pdf", "--handout", SAMPLE,
                        "-o", str(tmp_path / "no" / "x.pdf")]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_handout_is_for_html_and_pdf(tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        export_main(["--format", "json", "--handout", SAMPLE, "-o", str(tmp_path / "x.json")])
    assert exit_info.value.code == 2
