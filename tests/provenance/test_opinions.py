"""Opinion predicates (reader.provenance.opinions): "X sees Y as Z", "Y is considered Z"."""

from reader.provenance.opinions import find_opinion_predicates


def _opinions(analyzer, text):
    return [text[d.content[0][0]:d.content[-1][1]]
            for d in find_opinion_predicates(analyzer.nlp(text))]


def test_seeing_something_as_something_is_the_subjects_claim(analyze):
    r = analyze("Farmers in the valley see the new dam as a threat to their water rights.")
    claim = r.claim_with("the new dam")
    assert claim["content"] == "the new dam as a threat to their water rights"
    assert claim["cue"] == "see" and claim["source"] == "Farmers in the valley"


def test_a_bare_predicate_after_consider_goes_with_its_object(analyze):
    r = analyze("The lenders still considered the loans too risky.")
    claim = r.claim_with("the loans")
    assert claim["content"] == "the loans too risky" and claim["cue"] == "considered"
    assert claim["source"] == "The lenders"


def test_a_relative_word_is_what_the_opinion_is_held_of(analyze):
    r = analyze("The bank made loans which most lenders considered too risky.")
    claim = r.claim_with("too risky")
    assert claim["content"] == "which | too risky" and claim["source"] == "most lenders"


def test_a_rating_runs_on_through_its_comparison(analyze):
    r = analyze("Most reviewers rated half of the films as weak, compared to a third last year.")
    claim = r.claim_with("half of the films")
    assert claim["content"] == "half of the films as weak, compared to a third last year"
    assert claim["cue"] == "rated"


def test_a_poll_viewing_someone_favorably(analyze):
    r = analyze("Sixty percent of the voters viewed the governor favorably.")
    assert r.claim_with("the governor")["content"] == "the governor favorably"


def test_a_passive_opinion_with_no_agent_names_no_source(analyze):
    r = analyze("The tunnel under the river is considered a risk to nearby homes.")
    claim = r.claim_with("The tunnel")
    assert claim["content"] == "The tunnel under the river | a risk to nearby homes"
    assert claim["cue"] == "is considered" and claim["source"] is None


def test_a_passive_opinion_with_as_takes_as_into_the_cue_and_the_agent_as_source(analyze):
    r = analyze("The old ferry was seen as unsafe by the harbor engineers.")
    claim = r.claim_with("The old ferry")
    assert claim["content"] == "The old ferry | unsafe" and claim["cue"] == "was seen as"
    assert claim["source"] == "the harbor engineers"


def test_seeing_or_considering_with_no_predicate_is_no_opinion(analyzer):
    assert _opinions(analyzer, "She saw the film twice. He considered the offer for a week. "
                               "They viewed the damage from the hill. We considered running.") == []


def test_what_the_writer_says_someone_sees_as_is_no_claim_of_its_own(analyzer):
    assert _opinions(analyzer, "What critics see as a giveaway is a modest tax cut.") == []


def test_an_opinion_of_someone_is_the_holders_claim_about_them(analyze):
    r = analyze("More residents had an unfavorable opinion of the mayor than a year ago.")
    claim = r.claim_with("the mayor")
    assert claim["content"] == "the mayor" and claim["source"] == "More residents"
    assert claim["cue"] == "had an unfavorable opinion of"


def test_praise_and_mentions_go_with_what_their_preposition_governs(analyze):
    r = analyze("The old charter makes no mention of the river. "
                "The senator has praise for the new budget.")
    mention = r.claim_with("the river")
    assert mention["content"] == "the river" and mention["cue"] == "makes no mention of"
    assert r.claim_with("the new budget")["cue"] == "has praise for"


def test_a_breakdown_after_including_is_not_part_of_the_stance(analyze):
    r = analyze("Most residents have a negative response to his plan, including 20% who say "
                "they would move.")
    assert r.claim_with("his plan")["content"] == "his plan"


def test_a_question_for_someone_is_no_stance(analyzer):
    from reader.provenance.opinions import find_stances
    assert find_stances(analyzer.nlp("She had a question for the governor.")) == []
    assert find_stances(analyzer.nlp("He has questions about the audit.")) != []


def test_what_someone_says_they_know_is_their_claim(analyze):
    r = analyze("The donors now know that the agency is also auditing the charity.")
    claim = r.claim_with("the agency is also auditing")
    assert claim["content"] == "that the agency is also auditing the charity"
    assert claim["cue"] == "know" and claim["source"] == "The donors"


def test_knowing_in_a_question_is_no_claim(analyzer):
    from reader.provenance.opinions import find_knowledge
    assert find_knowledge(analyzer.nlp("Do you know where the mayor keeps her records?")) == []


def test_an_attitude_stated_with_be_is_the_subjects_claim(analyze):
    r = analyze("The senator has been critical of the mayor for years. "
                "Many farmers are concerned about the new dam.")
    mayor = r.claim_with("the mayor")
    assert mayor["content"] == "the mayor" and mayor["cue"] == "has been critical of"
    assert mayor["source"] == "The senator"
    assert r.claim_with("the new dam")["cue"] == "are concerned about"


def test_a_partisan_noun_or_against_states_a_position(analyze):
    r = analyze("The doctor is a fervent supporter of the new clinic. The governor is "
                "against the toll.")
    assert r.claim_with("the new clinic")["cue"] == "is a fervent supporter of"
    assert r.claim_with("the toll")["cue"] == "is against"


def test_an_adjective_with_another_preposition_or_a_non_holder_states_no_attitude(analyzer):
    from reader.provenance.opinions import find_attitudes
    doc = analyzer.nlp("The bridge is critical to the economy. It is clear that the plan "
                       "failed. The final game will be their first against a rival.")
    assert find_attitudes(doc) == []
