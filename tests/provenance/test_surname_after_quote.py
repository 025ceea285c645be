"""A surname after a closing quotation mark is the person named before it.

spaCy's small English pipeline often tags such a surname as a common noun and the entity
recogniser as an organisation ("“…,” Reyes said"), which listed the person twice: once by
full name, once as an organisation."""

from reader.provenance.model import SourceType


def test_a_surname_after_a_quote_is_the_person_who_spoke_before(analyze):
    result = analyze("Councillor Dana Reyes has long complained about the prices at the marina.\n\n"
                     "\u201cWe were never consulted,\u201d Reyes said.\n")
    names = [(s.name, s.type) for s in result.analysis.sources]
    assert names == [("Dana Reyes", SourceType.PERSON)]
    assert result.claim_with("never consulted")["source"] == "Dana Reyes"


def test_a_surname_after_a_quote_takes_the_full_name_of_one_only_mentioned(analyze):
    result = analyze("Councillor Dana Reyes spoke at the meeting on Monday.\n\n"
                     "\u201cWe were never consulted,\u201d Reyes said.\n")
    source = result.source("Dana Reyes")
    assert source.type == SourceType.PERSON
