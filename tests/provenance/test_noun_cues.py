"""Reporting nouns with a "that" clause and cue verbs the tagger reads as nouns
(cues.find_noun_cues), one invented sentence each, with the cases left alone."""


def test_a_report_named_by_its_publisher(analyze):
    r = analyze("The campaign faced a fresh storm on Monday. There was a Daily Ledger report "
                "that the mayor had lost $9 million in 1995.")
    claim = r.claim_with("the mayor had lost $9 million")
    assert claim["cue"] == "report" and "Daily Ledger" in (claim["source"] or "")
    assert claim["content"].startswith("that the mayor")


def test_a_warning_from_someone(analyze):
    r = analyze("The vote went ahead despite repeated warnings from Senator Alma Reyes that the "
                "plan was doomed.")
    claim = r.claim_with("the plan was doomed")
    assert claim["cue"] == "warnings" and claim["source"] == "Alma Reyes"


def test_a_claim_with_no_source_named(analyze):
    r = analyze("The museum closed early amid suggestions that the roof was unsafe.")
    claim = r.claim_with("the roof was unsafe")
    assert claim["cue"] == "suggestions" and claim["source"] is None


def test_a_cue_verb_read_as_a_noun(analyze):
    r = analyze("Trump claims that the election was rigged.")
    claim = r.claim_with("the election was rigged")
    assert claim["cue"] == "claims" and claim["source"] == "Trump"


def test_the_fact_that_is_no_claim(analyze):
    r = analyze("The fact that the bridge fell is clear to everyone.")
    assert r.claims() == []


def test_a_relative_clause_after_a_reporting_noun_is_no_content(analyze):
    r = analyze("The report that she wrote last year sits on a shelf.")
    assert not any(c["cue"] == "report" for c in r.claims())


def test_who_reacts_to_an_unowned_report_is_its_source(analyze):
    r = analyze("Mayor Ana Ruiz took offense at suggestions that she had ignored the pier.")
    claim = r.claim_with("she had ignored the pier")
    assert claim["source"] == "Ana Ruiz"


def test_a_statement_in_which_someone_said(analyze):
    r = analyze("Tom Hale said in a statement that the pier would reopen in June.")
    assert r.claim_with("the pier would reopen")["source"] == "Tom Hale"


def test_a_place_after_the_verb_is_not_the_reports_source(analyze):
    r = analyze("Critics gathered at the hall amid reports that the pier would close.")
    assert r.claim_with("the pier would close")["source"] is None


def test_a_name_the_parser_made_part_of_a_reporting_nouns_phrase_speaks(analyze):
    # A foreign minister's name before "warning of …" was parsed this way on a real page.
    r = analyze("The minister repeated it at dawn. The Haddad warning of grave consequences for "
                "the harbour went unheeded.")
    assert r.claim_with("grave consequences")["source"] == "Haddad"


def test_support_for_something_is_a_stance_not_a_report(analyze):
    # "his support for the harbor plan" names where he stands; PolNeAR puts such a phrase
    # inside the claim of whoever mentions it (dev and train samples: 0 of 5 as a claim).
    r = analyze("Voters liked his support for the harbor plan.")
    assert all(c["cue"] != "support" for c in r.claims())
