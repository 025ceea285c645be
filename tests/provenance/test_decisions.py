"""Decisions as positions (reader.provenance.decisions)."""

from reader.provenance.decisions import find_decisions


def test_what_a_board_decided_is_its_claim(analyze):
    r = analyze("The county board decided the library should close on Sundays.")
    claim = r.claim_with("the library should close")
    assert claim["content"] == "the library should close on Sundays"
    assert claim["cue"] == "decided" and claim["source"] == "The county board"


def test_a_decision_to_do_something_is_the_deciders_claim(analyze):
    r = analyze("After a long debate, the club decided to invite both candidates.")
    claim = r.claim_with("to invite")
    assert claim["content"] == "to invite both candidates" and claim["source"] == "the club"


def test_deciding_a_thing_is_no_claim(analyzer):
    assert find_decisions(analyzer.nlp("The vote will decide the race.")) == []


def test_what_a_court_rules_is_its_claim(analyze):
    r = analyze("A state appeals court ruled that the new map was unfair to rural voters. "
                "A federal judge ruled Friday against the county's plan for new fees.")
    clause = r.claim_with("the new map")
    assert clause["content"] == "that the new map was unfair to rural voters"
    assert clause["cue"] == "ruled" and clause["source"] == "A state appeals court"
    assert r.claim_with("the county's plan")["content"] == "against the county's plan for new fees"


def test_ruling_a_country_or_ruling_out_is_no_ruling(analyzer):
    doc = analyzer.nlp("The family ruled the island for a century. "
                       "The governor ruled out a second term.")
    assert find_decisions(doc) == []
