"""brat stand-off: the .txt is the text exactly, and reading the pair gives the analysis back."""

import copy

from reader.corrections import AddSpan, ReassignClaim, SourceRef, apply_corrections
from reader.brat import parse_ann
from reader.export.brat import brat_paths, read_brat, write_brat

from handmade import make_analysis, make_article


def shape(analysis):
    """Everything but ids (which are renumbered): offsets, kinds, links by position."""
    claim_at = {c.id: i for i, c in enumerate(analysis.claims)}
    source_at = {s.id: i for i, s in enumerate(analysis.sources)}
    return {
        "spans": [(s.kind, s.start, s.end, claim_at.get(s.claim), s.label, s.why,
                   round(s.confidence, 3), s.corrected) for s in analysis.spans],
        "claims": [(source_at.get(c.source), tuple(c.source_span or ()), tuple(c.cue_span or ()),
                    [tuple(p) for p in c.content], c.kind) for c in analysis.claims],
        "sources": [(s.name, s.type, s.description, sorted(tuple(m) for m in s.mentions),
                     [claim_at[c] for c in s.claims]) for s in analysis.sources],
    }


def test_round_trip(tmp_path):
    article, analysis = make_article(), make_analysis()
    txt, ann = write_brat(tmp_path / "out", article.text, analysis)
    assert (txt.name, ann.name) == ("out.txt", "out.ann")
    assert txt.read_bytes() == article.text.encode("utf-8")
    text, back = read_brat(txt, ann)
    assert text == article.text
    assert shape(back) == shape(analysis)


def test_entities_hold_the_text_they_cover(tmp_path):
    article, analysis = make_article(), make_analysis()
    _, ann = write_brat(tmp_path / "out", article.text, analysis)
    entities, _ = parse_ann(ann.read_text(encoding="utf-8"))
    types = sorted({e.type for e in entities.values()})
    assert types == ["Content", "Cue", "Framing", "Paraphrase", "Quote", "Source"]
    for entity in entities.values():
        assert entity.text == " ".join(article.text[s:e] for s, e in entity.ranges)
    lines = ann.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("R") and "\tSpeaker Arg1:" in line for line in lines)
    assert any(line.startswith("#") and "hearsay marker 'reportedly'" in line for line in lines)


def test_discontinuous_content_and_newlines(tmp_path):
    article, analysis = make_article(), make_analysis()
    text = article.text
    claim = analysis.claim("c1")
    claim.content = [(text.index("the branch"), text.index("the branch") + 10),
                     (text.index("much"), text.index("she said.") + 3)]  # runs over no newline
    analysis.claims[3].content = [(text.index("savings"), text.index("Photo") + 5)]  # over \n\n
    _, ann = write_brat(tmp_path / "out", text, analysis)
    assert ";" in ann.read_text(encoding="utf-8")
    _, back = read_brat(*brat_paths(tmp_path / "out.ann"))
    assert shape(back) == shape(analysis)


def test_round_trip_of_a_corrected_analysis(tmp_path):
    article, analysis = make_article(), make_analysis()
    text = article.text
    corrected = apply_corrections(analysis, [
        ReassignClaim.of(text, analysis.claim("c4"), SourceRef.create("Budget office", "organization")),
        AddSpan.of(text, text.index("Critics called"), text.index("Critics called") + 14, "quote",
                   SourceRef.of(analysis.source("src1"))),
    ])
    before = copy.deepcopy(corrected)
    _, back = read_brat(*write_brat(tmp_path / "c", text, corrected))
    assert corrected.to_dict() == before.to_dict()
    assert shape(back) == shape(corrected)
    assert [s.name for s in back.sources] == ["Ann Ortiz", "critics", "Budget office"]


def test_annotation_conf_declares_every_type_and_is_never_overwritten(tmp_path):
    _, ann = write_brat(tmp_path / "article", make_article().text, make_analysis())
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    used = set()
    for line in ann.read_text(encoding="utf-8").splitlines():
        ident, _, rest = line.partition("\t")
        if ident[:1] in "TRA":
            used.add(rest.split()[0])
    declared = {line.split("\t")[0].split()[0] for line in conf.splitlines()
                if line and not line.startswith("[")}
    assert used <= declared, used - declared
    (tmp_path / "annotation.conf").write_text("[entities]\nMine\n", encoding="utf-8")
    write_brat(tmp_path / "other", make_article().text, make_analysis())
    assert (tmp_path / "annotation.conf").read_text(encoding="utf-8") == "[entities]\nMine\n"
