"""A headline in title case, rewritten in sentence case (reader.provenance.title_case)."""

from reader.provenance.title_case import parse_alone, sentence_case

BODY = "\n\nOn Monday, Mayor Ann Ortiz asked the council to back the ferry deal with NASA."


def test_title_case_words_go_to_lower_case_but_names_and_capitals_stay():
    headline = "Desperate Mayor Ortiz Pushes DISASTROUS Ferry Deal With NASA"
    rewritten = sentence_case(headline, BODY)
    assert rewritten == "desperate Mayor Ortiz pushes DISASTROUS ferry deal with NASA"
    assert len(rewritten) == len(headline)


def test_a_name_is_a_name_with_or_without_its_possessive():
    body = "\n\nCritics said Ortiz’s plan was late, and the council backed Ortiz."
    assert sentence_case("Why Ortiz’s Ferry Plan Failed", body) == "why Ortiz’s ferry plan failed"
    assert sentence_case("Critics Doubt Ortiz Again", "\n\nThey said Ortiz’s plan was late.") \
        == "critics doubt Ortiz again"


def test_a_headline_in_sentence_case_or_too_short_is_left_alone():
    assert sentence_case("Mayor Ortiz pushes the ferry deal again", BODY) is None
    assert sentence_case("Ferry Deal", BODY) is None
    assert sentence_case("Ortiz Mayor Ann", BODY) is None  # nothing to rewrite


def test_the_headline_is_parsed_by_the_pipelines_own_components(analyzer):
    doc = parse_alone(analyzer.nlp, "desperate Mayor Ortiz pushes ferry deal")
    assert doc.has_annotation("DEP") and doc[0].pos_ == "ADJ"
    assert not doc.has_extension("provenance") or doc._.provenance is None
