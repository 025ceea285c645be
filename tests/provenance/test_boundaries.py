"""Where a claim starts and ends (round two of the rules): content on both sides of its cue,
a quotation that goes on after its cue sentence. One invented sentence per construction,
with the cases the rule must leave alone."""

import spacy

from reader.provenance import constructions
from reader.provenance.drafts import ClaimDraft, clean_parts
from reader.vocabulary import RuleName


def test_quote_on_both_sides_of_its_cue_is_one_claim(analyze):
    r = analyze("“Now that I don’t have to be careful anymore,” he told the host, “it was hard "
                "to work for the mayor.”")
    claim = r.claim_with("Now that I don’t have to be careful")
    assert "it was hard to work for the mayor" in claim["content"]
    assert claim["cue"] == "told" and len(r.claims()) == 1


def test_paraphrase_and_quote_around_a_cue_with_an_adverbial(analyze):
    r = analyze("The bridge is “safe as houses,” Tom Reyes wrote in an email to the council, "
                "and “built to last.”")
    claim = r.claim_with("safe as houses")
    assert "built to last" in claim["content"] and claim["source"] == "Tom Reyes"


def test_quote_goes_on_after_a_participle_of_the_same_speaker(analyze):
    r = analyze("“You can’t plan a harvest if you don’t know what the soil is hiding,” Ava "
                "Marsh said, emphasizing why the survey matters. “What we need to study is the "
                "ground under this valley.”")
    claim = r.claim_with("You can’t plan a harvest")
    assert "What we need to study is the ground" in claim["content"]
    assert claim["source"] == "Ava Marsh"


def test_quote_goes_on_after_a_relative_clause_about_the_speaker(analyze):
    r = analyze("\"These are strange days,\" said Peter Morgan, a lawyer who has been "
                "challenging the mine for years. \"I don't know what the owner intends.\"")
    claim = r.claim_with("These are strange days")
    assert "I don't know what the owner intends" in claim["content"]


def test_a_new_speaker_between_quotes_starts_a_new_claim(analyze):
    r = analyze("“We will appeal,” Anna Smith said. Her rival Tom Hale argued that the "
                "ruling was fair. “The court has spoken.”")
    first = r.claim_with("We will appeal")
    assert "The court has spoken" not in first["content"]


def test_quote_goes_on_after_a_participle_reporting_more_of_the_same_speaker(analyze):
    # "support" stands in what "noting" reports, under the speaker's own "said".
    r = analyze("\"That's the big question,\" Ana Clark said, noting she would support any of "
                "the other candidates if they won. \"We have a deep bench here.\"")
    claim = r.claim_with("That's the big question")
    assert "We have a deep bench here" in claim["content"] and "Clark" in claim["source"]


def test_quote_after_the_sentence_of_its_speakers_paraphrase_is_the_same_claim(analyze):
    r = analyze("The council may be slow to act while the talks go on, Tom Hale said. "
                "\"The other factor is the cost of the new bridge.\"")
    claim = r.claim_with("The other factor is the cost")
    assert "slow to act while the talks go on" in claim["content"]
    assert claim["source"] == "Tom Hale" and claim["cue"] == "said"


def test_quote_after_a_sentence_where_someone_speaks_is_theirs(analyze):
    r = analyze("Ana Ruiz shouted to the crowd on the square. \"The city is watching us. We "
                "have to show that we stand together.\"")
    claim = r.claim_with("The city is watching us")
    assert claim["source"] == "Ana Ruiz" and claim["cue"] == "shouted"


def test_quote_after_a_sentence_in_another_paragraph_has_no_speaker_from_it(analyze):
    r = analyze("Ana Ruiz shouted to the crowd on the square.\n\n\"The city is watching us. "
                "We have to show that we stand together.\"")
    assert r.claim_with("The city is watching us")["source"] is None


def test_quote_paragraph_after_a_paragraph_saying_the_speaker_continued(analyze):
    r = analyze("Ana Ruiz continued her remarks.\n\n\u201cThe city is watching us. We have to "
                "show that we stand together.\u201d")
    claim = r.claim_with("The city is watching us")
    assert claim["source"] == "Ana Ruiz" and claim["cue"] == "continued"


def test_quote_paragraph_after_continued_to_do_something_has_no_speaker(analyze):
    r = analyze("Ana Ruiz continued to walk along the river.\n\n\u201cThe city is watching "
                "us. We have to show that we stand together.\u201d")
    assert r.claim_with("The city is watching us")["source"] is None


def test_quote_after_a_sentence_that_is_no_speech_is_not_joined_to_it(analyze):
    r = analyze("\"We will talk again next month,\" Mayor Ana Ruiz said after meeting the "
                "governor. He did not suggest a deal. \"Our goal is not a cycle of threats.\"")
    assert "Our goal" not in r.claim_with("a deal")["content"]


def test_quote_after_a_sentence_of_the_speaker_pronoun_goes_on_the_speaker(analyze):
    r = analyze("\"We will talk again next month,\" Mayor Ana Ruiz said after meeting the "
                "governor. He did not suggest a deal. \"Our goal is not a cycle of threats.\"")
    claim = r.claim_with("Our goal is not")
    assert "Ana Ruiz" in claim["source"] and "talk again" in claim["content"]


def test_quote_after_a_sentence_of_another_subject_does_not_go_on(analyze):
    r = analyze("\"We will talk again next month,\" Mayor Ana Ruiz said. The governor "
                "refused, and he did not suggest a deal. \"Our goal is not a cycle of threats.\"")
    assert "Our goal" not in r.claim_with("talk again")["content"]


def test_frame_verb_lead_in_after_an_opening_clause(analyze):
    r = analyze("While the two argued about the budget, a friend commented: \"You care far "
                "too much about the roads.\"")
    claim = r.claim_with("You care far too much")
    assert claim["source"] == "a friend" and claim["cue"] == "commented"


def test_a_cue_between_subject_and_a_cue_verb_reports_the_sentence(analyze):
    r = analyze("The museum, Mr. Tom Hale said, celebrated the lives of ordinary people.")
    claim = r.claim_with("celebrated the lives")
    assert claim["cue"] == "said" and "Hale" in claim["source"]
    assert claim["content"].startswith("The museum") and len(r.claims()) == 1


def test_a_date_after_a_naming_verb_is_no_content(analyze):
    r = analyze("Cruz called Trump a “pathological liar” and “utterly amoral” on Tuesday.")
    assert [c["content"] for c in r.claims()] == [
        "Trump a “pathological liar” and “utterly amoral”"]


def test_a_participle_after_a_reported_clause_is_the_reporters(analyze):
    r = analyze("Harbour engineers said the old pier has become unsafe, citing the cracks "
                "found in its pillars last winter.")
    assert r.claim_with("the cracks found in its pillars")["source"] == "Harbour engineers"


def test_a_participle_before_a_quotation_keeps_its_own_speaker(analyze):
    r = analyze("Mayor Ana Ruiz ended the debate, saying “the pier has to close this year.”")
    assert "Ruiz" in r.claim_with("the pier has to close")["source"]


def test_a_quotation_after_a_colon_goes_on_the_claim_of_the_same_cue(analyze):
    r = analyze("Mayor Ana Ruiz said she has the one quality the job needs: \"Steadiness, an "
                "absolute rock steadiness, and mixed with strength.\"")
    claim = r.claim_with("she has the one quality")
    assert "Steadiness, an absolute rock steadiness" in claim["content"]
    assert len(r.claims()) == 1


def test_a_quotation_after_a_dash_goes_on_the_claim_of_the_same_cue(analyze):
    r = analyze("Tom Hale asked the audience to greet the harbor master - \"my oldest rival and "
                "a loyal neighbor.\"")
    assert "my oldest rival" in r.claim_with("the audience to greet")["content"]


def test_a_clause_of_its_own_keeps_two_parts_with_one_cue_apart(analyze):
    r = analyze("Ana Ruiz said the pier is \"a relic of another century,\" but she gave the "
                "council a compliment: \"You listened to us and you acted fast.\"")
    assert "You listened to us" not in r.claim_with("a relic of another century")["content"]


def test_a_name_the_parser_left_before_its_cue_speaks(analyze):
    # The parser hangs "Ana Ruiz" on "with …" and leaves "said" with no subject.
    r = analyze("In an interview with the Daily Ledger Ana Ruiz said that the pier may need "
                "to be closed in the coming years.")
    assert "Ruiz" in (r.claim_with("the pier may need")["source"] or "")


def _draft(doc, content, cue, source=None, rule=RuleName.QUOTE_CUE):
    token = doc.char_span(*source, alignment_mode="expand").root if source else None
    return ClaimDraft(content=[content], cue=cue, source_token=token, source_span=source,
                      rule=rule, why="test")


def _at(text, words):
    start = text.index(words)
    return start, start + len(words)


def test_join_shared_cues_joins_the_parts_around_one_cue(analyzer):
    text = "“We won,” she said, “and we will win again.”"
    doc = analyzer.nlp(text)
    cue = _at(text, "said")
    first = _draft(doc, _at(text, "“We won,”"), cue, _at(text, "she"))
    second = _draft(doc, _at(text, "“and we will win again.”"), cue, _at(text, "she"))
    joined = constructions.join_shared_cues(doc, [first, second])
    assert len(joined) == 1 and joined[0].content == [first.content[0], second.content[0]]


def test_join_shared_cues_leaves_a_finished_sentence_apart(analyzer):
    text = "\"I was just kidding.\" To which she said, \"Thank God you still believe.\""
    doc = analyzer.nlp(text)
    cue = _at(text, "said")
    first = _draft(doc, _at(text, "\"I was just kidding.\""), cue, _at(text, "she"))
    second = _draft(doc, _at(text, "\"Thank God you still believe.\""), cue, _at(text, "she"))
    assert len(constructions.join_shared_cues(doc, [first, second])) == 2


def test_join_shared_cues_leaves_a_second_verb_phrase_apart(analyzer):
    text = "Cruz urged them to \"vote your conscience,\" and said he stood on principle."
    doc = analyzer.nlp(text)
    cue = _at(text, "said")
    first = _draft(doc, _at(text, "\"vote your conscience,\""), cue, _at(text, "Cruz"))
    second = _draft(doc, _at(text, "he stood on principle"), cue, _at(text, "Cruz"))
    assert len(constructions.join_shared_cues(doc, [first, second])) == 2


def test_a_trailing_relative_clause_is_the_writers(analyze):
    r = analyze("The mayor said he expects the bridge to reopen in May, which would end months "
                "of detours.")
    claim = r.claim_with("he expects the bridge to reopen in May")
    assert "detours" not in claim["content"]


def test_a_trailing_participle_is_the_writers(analyze):
    r = analyze("Clinton wants to sign up 5 million voters, focusing on people under 30.")
    assert r.claim_with("to sign up 5 million voters")["content"] == "to sign up 5 million voters"


def test_a_trailing_concession_is_the_writers(analyze):
    r = analyze("The council said turnout rose sharply, despite weeks of heavy rain.")
    assert "rain" not in r.claim_with("turnout rose sharply")["content"]


def test_a_relative_clause_inside_the_content_stays(analyze):
    r = analyze("Officials said the senator, who chairs the panel, would resign.")
    assert r.claim_with("would resign")["content"] == "the senator, who chairs the panel, would resign"


def test_a_trailing_clause_inside_the_quotation_stays(analyze):
    r = analyze("She said the plan “would fail, which is what we warned about for years.”")
    assert "what we warned about for years" in r.claim_with("the plan")["content"]


def test_a_doubled_single_quotation_goes_on_after_its_cue(analyze):
    r = analyze("''A museum alone will not end poverty in every city,'' he said. ''It won't "
                "end gun violence in our neighborhoods.''")
    claim = r.claim_with("A museum alone will not end poverty")
    assert "It won't end gun violence" in claim["content"] and len(r.claims()) == 1


def test_who_after_a_comma_stands_for_the_name_before_it(analyze):
    # The parser hangs "who" on "government", the first of the two names.
    r = analyze("She said the truce would open talks between her government and the "
                "Sandinistas, who have long refused to negotiate with Managua.")
    claim = r.claim_with("to negotiate with Managua")
    assert claim["source"] == "Sandinistas" or "Sandinistas" in (claim["source"] or "")


def test_quote_goes_on_past_what_the_writer_says_of_the_speaker(analyze):
    # The aside is longer than the words a cue may stand between two parts of one claim.
    r = analyze("''That's Norway's blind spot,'' said Ingrid Dahl, who directs the Nordic "
                "Institute for Fisheries Policy in Bergen. ''There is no question more urgent "
                "in Norway than the fishing quota.''")
    claim = r.claim_with("That's Norway's blind spot")
    assert "There is no question more urgent" in claim["content"] and len(r.claims()) == 1


def test_a_clause_before_a_colon_is_the_writers_lead(analyze):
    r = analyze("The news set off another round of fireworks on Friday: Republicans said they "
                "are convinced the department mishandled the inquiry.")
    claim = r.claim_with("the department mishandled the inquiry")
    assert "fireworks" not in claim["content"] and claim["source"] == "Republicans"


def test_an_inverted_cue_still_reads_the_clause_before_it(analyze):
    r = analyze("The plan will fail, the mayor said on Friday.")
    assert r.claim_with("The plan will fail")["cue"] == "said"


def test_a_parenthetical_cue_hung_on_the_subject(analyze):
    r = analyze("The difference now, he told me, is that the party has no leader.")
    claim = r.claim_with("the party has no leader")
    assert claim["content"].startswith("The difference now") and claim["cue"] == "told"


def test_a_second_report_coordinated_in_the_reported_clause_is_the_reporters(analyze):
    r = analyze("Mayor Ana Ruiz said the council would close the pier by the end of March and "
                "urged that everyone stay calm.")
    assert "Ruiz" in (r.claim_with("everyone stay calm")["source"] or "")


def test_a_verb_of_another_tense_in_the_reported_clause_keeps_its_subject(analyze):
    r = analyze("Ana Ruiz said the engineers will inspect the pier and report that it is safe.")
    assert "report that it is safe" in r.claim_with("the engineers will inspect")["content"]


def test_quote_goes_on_after_a_speaker_described_with_and(analyze):
    # The "and" inside the description of the speaker is no new report of the writer's.
    r = analyze("''The plan is sound,'' Maria Lopez, a director of the Ridge Institute and a "
                "former city treasurer, said of the budget. ''It does not add to the debt.''")
    claim = r.claim_with("The plan is sound")
    assert "It does not add to the debt" in claim["content"] and len(r.claims()) == 1


def test_parenthetical_cue_after_an_opening_clause_reports_the_whole_sentence(analyze):
    r = analyze("Though the last handover was smooth, she said, replacing the mayor now would "
                "be much harder.")
    claim = r.claim_with("replacing the mayor now")
    assert "Though the last handover was smooth" in claim["content"]
    assert claim["cue"] == "said"


def test_parenthetical_cue_keeps_the_condition_before_its_subject(analyze):
    r = analyze("If the talks fail, Mr. Ruiz argues, the city has other tools.")
    claim = r.claim_with("the city has other tools")
    assert "If the talks fail" in claim["content"] and "Ruiz" not in claim["content"]


def test_parenthetical_cue_inside_a_clause_stays_in_that_clause(analyze):
    r = analyze("The calls, he said, were routine.")
    assert r.claim_with("were routine")["content"] == "The calls | were routine"


def test_infinitive_content_goes_on_over_verbs_hung_on_the_cue(analyze):
    # The parser hangs "grow" on "wants": it is the infinitive's own form, not the cue's.
    r = analyze("She wants to double the number of school nurses, grow the Dental Corps and "
                "open a new rural health clinic program.")
    claim = r.claim_with("to double the number")
    assert claim["content"].endswith("open a new rural health clinic program")



def test_as_clause_with_a_cue_reports_the_sentence(analyze):
    r = analyze("As the Washington Post reported on Friday, the department issued subpoenas to "
                "the foundation.")
    claim = r.claim_with("the department issued subpoenas")
    assert claim["source"] == "Washington Post" and claim["cue"] == "reported"
    assert "As the Washington Post" not in claim["content"]


def test_as_clause_with_a_cue_after_the_sentence(analyze):
    r = analyze("It also does not answer whether the man had a gun, as police have said.")
    claim = r.claim_with("does not answer whether the man had a gun")
    assert claim["source"] == "police" and "as police" not in claim["content"]


def test_as_in_a_comparison_is_no_cue(analyze):
    r = analyze("His story was not as violent as he suggested.")
    assert r.claims() == []


def test_a_short_quoted_sentence_after_its_speakers_sentence_goes_on(analyze):
    r = analyze("“Here comes the big man,” she said, clapping. “The Donald. Big Daddy.”")
    claim = r.claim_with("Here comes the big man")
    assert "The Donald. Big Daddy." in claim["content"] and len(r.claims()) == 1


def test_a_title_case_quoted_sentence_after_its_speakers_sentence_goes_on(analyze):
    r = analyze("''We are not a burden on this country,'' the president added. ''We're America.''")
    assert "We're America." in r.claim_with("not a burden")["content"]


def test_a_short_title_in_a_sentence_stays_a_title(analyze):
    r = analyze("Ann Lee said the film was great. She watched “Saturday Night Live” at home.")
    assert all("Saturday Night Live" not in c["content"] for c in r.claims())


def test_a_passive_cue_with_no_agent_names_no_new_speaker_between_quotes(analyze):
    r = analyze('"Subpoenas are not optional," the chairman said after the witness failed to '
                'show up at the hearing he was formally called to last week. "He is a crucial '
                'witness in this inquiry."')
    claim = r.claim_with("Subpoenas are not optional")
    assert "He is a crucial witness" in claim["content"] and len(r.claims()) == 1


def test_the_relative_word_a_naming_cue_names_is_part_of_the_claim(analyze):
    r = analyze("The deal would cut the tax bill by $2.9 billion, which Mr. Trump called "
                "''a disgrace,'' in a speech.")
    assert r.claim_with("a disgrace")["content"].startswith("which |")


def test_a_quoted_sentence_the_parser_hangs_on_the_cue_before_goes_on_its_claim(analyze):
    r = analyze("Ms. Ortiz, 52, said the bakery had lost its lease. ''Some days the landlord "
                "writes, 'Pay by Friday,''' said Ms. Ortiz, who was born in Lima. ''We have "
                "baked here for thirty years. The ovens stay.''")
    claim = r.claim_with("Some days the landlord")
    assert "The ovens stay" in claim["content"] and claim["source"] == "Ortiz"
    assert len(r.claims()) == 2


def test_a_quoted_sentence_after_another_cue_is_not_joined_to_the_first(analyze):
    r = analyze("''The rule didn't cover the private charities,'' she said, referring to the "
                "large, self-governing church foundations that run vital programs like soup "
                "kitchens. ''That gap explains the size of the grants that were paid.''")
    assert "That gap" not in r.claim_with("cover the private charities")["content"]


def test_an_object_noun_with_a_that_clause_goes_on_the_cue(analyze):
    r = analyze("Council members have expressed deep concern that the plan could raise rents.")
    claim = r.claim_with("the plan could raise rents")
    assert claim["content"] == "that the plan could raise rents"
    assert claim["cue"] == "have expressed deep concern" and claim["source"] == "Council members"


def test_an_object_noun_with_a_relative_clause_stays_the_content(analyze):
    r = analyze("She cited the report that the council released in May.")
    assert r.claim_with("the council released")["content"].startswith("the report")


def test_accused_x_of_takes_whom_it_is_said_of(analyze):
    r = analyze("Mayor Ann Ruiz accused the city council of hiding the audit from voters.")
    claim = r.claim_with("hiding the audit")
    assert claim["content"] == "the city council of hiding the audit from voters"


def test_accused_a_pronoun_or_a_long_name_of_keeps_only_what_is_said(analyze):
    r = analyze("Mayor Ann Ruiz accused him of lying. Manila accused the rebels' leader, "
                "Jose Cruz Santos, of “fanatic cruelty.”")
    assert r.claim_with("lying")["content"] == "lying"
    assert "Jose Cruz Santos" not in r.claim_with("fanatic cruelty")["content"]


def test_called_on_x_to_takes_whom_the_preposition_names(analyze):
    r = analyze("Mayor Ann Ruiz called on the council to release the audit.")
    claim = r.claim_with("to release the audit")
    assert claim["content"] == "the council to release the audit"
    assert claim["cue"] == "called on"


def test_a_content_never_ends_on_a_dangling_coordinator():
    doc = spacy.blank("en")("He said the reforms were not complete, and the rest was cut. Band")
    end_of_and = doc.text.index(" the rest")
    assert clean_parts(doc, [(8, end_of_and)]) == [(8, doc.text.index(", and"))]
    band = doc.text.index("Band")
    assert clean_parts(doc, [(band, band + 4)]) == [(band, band + 4)]  # a word, not "and"


def test_attacked_him_over_x_reports_x(analyze):
    r = analyze("Rubio attacked him over the issue.")
    claim = r.claim_with("the issue")
    assert claim["content"] == "the issue" and claim["cue"] == "attacked him over"


def test_a_person_object_before_a_date_stays_in_the_content(analyze):
    r = analyze("Rubio attacked them on Tuesday for the vote.")
    assert r.claim_with("the vote")["content"].startswith("them")


def test_claim_and_admit_in_their_sense_of_things_are_no_cues(analyze):
    r = analyze("The heat wave claimed at least 30 lives last week. The ministry "
                "admitted two students into the program last year.")
    assert r.claims() == []


def test_admitted_mistakes_to_a_committee_is_still_a_claim(analyze):
    r = analyze("Mayor Ann Ruiz admitted mistakes to the committee.")
    assert r.claim_with("mistakes")["cue"] == "admitted"


def test_said_the_same_or_as_much_is_a_claim_about_the_words_already_given(analyze):
    r = analyze("Only 40 percent trusted the mayor, while 61 percent said the same of the "
                "council. The union's lawyer said as much in a letter on Monday.")
    same = r.claim_with("the same of the council")
    assert same["content"] == "the same of the council" and same["source"] == "61 percent"
    much = r.claim_with("as much")
    assert much["content"] == "as much" and much["cue"] == "said"


def test_said_the_same_thing_leaves_out_what_hangs_on_the_object(analyze):
    r = analyze("A group of senior Democrats has said the same thing, including the "
                "former governor.")
    assert r.claim_with("the same thing")["content"] == "the same thing"


def test_a_named_owners_attacks_on_someone_are_a_claim_about_them(analyze):
    r = analyze("The senator's sharp attacks on the judge drew alarm among lawyers.")
    claim = r.claim_with("the judge")
    assert claim["content"] == "the judge" and claim["source"] == "The senator's"


def test_attacks_with_no_named_owner_are_no_claim_of_the_noun(analyze):
    r = analyze("Recent attacks on the port killed four people. His attacks on the "
                "judge drew alarm among lawyers.")
    assert not any(c["cue"] == "attacks" for c in r.claims())


def test_a_named_subject_talking_about_x_is_a_claim_about_x(analyze):
    r = analyze("Ms. Ortiz talks about a regional compact, but the council is deeply "
                "divided over the plan.")
    claim = r.claim_with("a regional compact")
    assert claim["content"] == "a regional compact" and claim["source"].endswith("Ortiz")


def test_lead_in_speaker_for_a_straight_quote_paragraph_holding_a_curly_one(analyze):
    r = analyze("Ana Ruiz continued:\n\n\"The count is tight, but that does not explain the "
                "figures, so let me read the survey line: \u201cShould the old pier be rebuilt "
                "before the storms?\u201d Forty said yes. A second survey asked the same.\"")
    assert r.claim_with("The count is tight")["source"] == "Ana Ruiz"


def test_quote_then_its_speakers_longer_phrase_then_the_cue(analyze):
    r = analyze("\u201cYou work late. You pay your bills. So why didn\u2019t the mayor pay hers?\u201d "
                "a spokesman for the mayor asks.")
    claim = r.claim_with("You work late")
    assert claim["source"] == "a spokesman for the mayor" and claim["cue"] == "asks"


def test_made_it_clear_reports_the_clause_made_clear(analyze):
    r = analyze("In a radio interview, the mayor made it clear she would veto the plan. "
                "The survey makes clear the hurdles ahead for both parties.")
    claim = r.claim_with("she would veto")
    assert claim["content"] == "she would veto the plan" and claim["cue"] == "made it clear"
    assert r.claim_with("the hurdles")["content"] == "the hurdles ahead for both parties"


def test_making_something_clear_with_no_clause_is_no_claim_of_make(analyze):
    r = analyze("The director makes this clear in her new film.")
    assert not any(c["cue"].startswith("makes") for c in r.claims())


def test_a_released_ad_or_plan_is_the_claim_of_who_released_it(analyze):
    r = analyze("The Ortiz campaign released an ad this week showing the governor mocking "
                "nurses. The mayor first released his plan in March.")
    ad = r.claim_with("an ad")
    assert ad["content"] == "an ad this week showing the governor mocking nurses"
    assert r.claim_with("his plan")["content"] == "his plan"


def test_released_tax_returns_are_no_claim(analyze):
    r = analyze("The county released its tax returns on Friday.")
    assert r.claims() == []


def test_quote_after_a_pronoun_of_the_other_gender_does_not_go_on(analyze):
    r = analyze("Ms. Ana Ruiz spoke first, and she thanked the crews. \"We will talk again "
                "next month,\" Ms. Ruiz said after meeting the governor. He did not suggest a "
                "deal. \"Our goal is not a cycle of threats.\"")
    assert "Our goal" not in r.claim_with("talk again")["content"]


def test_quote_after_a_pronoun_of_the_same_gender_goes_on(analyze):
    r = analyze("Ms. Ana Ruiz spoke first, and she thanked the crews. \"We will talk again "
                "next month,\" Ms. Ruiz said after meeting the governor. She did not suggest a "
                "deal. \"Our goal is not a cycle of threats.\"")
    assert "Our goal" in r.claim_with("talk again")["content"]


def test_object_content_stops_before_a_clause_of_time(analyze):
    r = analyze("The council condemned the new toll plan as drivers lined up at the bridge on "
                "Monday.")
    assert r.claim_with("the new toll plan")["content"] == "the new toll plan"


def test_object_content_stops_before_until_and_while(analyze):
    r = analyze("Regulators could refuse licenses until the audit was finished. The mayor "
                "mentioned the flood to reporters while touring the valley.")
    assert r.claim_with("licenses")["content"] == "licenses"
    assert "touring" not in r.claim_with("the flood")["content"]


def test_object_content_keeps_a_manner_clause_and_a_topic(analyze):
    r = analyze("The senator described the budget as if it were a ransom note. The governor "
                "defended his record when it comes to schools.")
    assert "ransom note" in r.claim_with("the budget")["content"]
    assert "when it comes to schools" in r.claim_with("his record")["content"]


def test_a_second_that_clause_is_part_of_the_same_report(analyze):
    r = analyze("Ruiz said she would consider a new tax, and that she favored cutting fees "
                "for students.")
    claim = r.claim_with("she would consider a new tax")
    assert "she favored cutting fees for students" in claim["content"]
    assert len(r.claims()) == 1


def test_a_coordinated_report_of_its_own_stays_apart(analyze):
    r = analyze("Ruiz said she would consider a new tax and says she favors cutting fees.")
    assert "favors" not in r.claim_with("she would consider a new tax")["content"]


def test_a_clause_before_a_colon_is_not_what_the_cue_after_it_reports(analyze):
    r = analyze("The lesson is simple: voters prefer a candidate who can win.")
    assert all("lesson" not in c["content"] for c in r.claims())


def test_a_line_before_a_line_break_is_not_what_the_cue_after_it_reports(analyze):
    r = analyze("Farm towns brace for the storm;\nGrowers hope for a short winter after a long "
                "drought.")
    assert all("brace" not in c["content"] for c in r.claims())


def test_a_reason_after_the_reported_clause_is_part_of_what_was_said(analyze):
    r = analyze("Councillor Hale said the plan smacked of favoritism, because the mayor had "
                "picked the builder herself.")
    assert "because the mayor had picked the builder" in r.claim_with("favoritism")["content"]


def test_whom_the_words_were_told_is_not_what_was_said(analyze):
    r = analyze("The clerk disclosed the figures to reporters on Monday. The pastor mentioned "
                "the storm to me.")
    assert r.claim_with("the figures")["content"] == "the figures"
    assert r.claim_with("the storm")["content"] == "the storm"
    r = analyze("Critics likened the tax to a toll booth.")
    assert r.claim_with("the tax")["content"] == "the tax to a toll booth"


def test_a_second_that_clause_the_parser_hangs_on_the_cue_is_reported_too(analyze):
    r = analyze("A budget report prepared for the council found that the branch costs nearly "
                "twice as much per visit as the other libraries, and that visits fell by a "
                "fifth between 2019 and 2023.")
    assert "visits fell by a fifth" in r.claim_with("costs nearly twice")["content"]
    r = analyze("Officials said that the road would close, and the mayor left for Paris.")
    assert "Paris" not in r.claim_with("the road would close")["content"]


def test_a_date_after_a_prepositional_object_is_not_what_was_pushed_for(analyze):
    r = analyze("Budget hawks on the council have pushed for closures since 2021.")
    assert r.claim_with("closures")["content"] == "closures"
