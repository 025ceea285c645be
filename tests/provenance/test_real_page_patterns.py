"""Patterns of real saved news pages, on short invented sentences: who speaks through a
platform or a document, datelines and page furniture that are nobody's claim, titles and
terms in quotation marks that are nobody's words, embedded posts and their credit lines,
and who a pronoun or a paragraph of quotation goes on quoting."""

from __future__ import annotations

import pytest

from reader.document import article_from_text, load_article
from reader.provenance import Analyzer
from reader.provenance.quotes import find_quotes
from reader.provenance.speakers import mention_quotes


def _sources(r):
    return {s.name for s in r.analysis.sources}


def _quote_speaker(r, fragment):
    """The source of the quote span holding `fragment` (None when it is no quote)."""
    at = r.text.index(fragment)
    for span in r.analysis.spans:
        if span.kind == "quote" and span.start <= at < span.end:
            claim = r.analysis.claim(span.claim)
            source = r.analysis.source(claim.source) if claim else None
            return source.name if source else "(no speaker)"
    return None


# -- platforms, datelines, things that cannot speak -------------------------------------

def test_a_platform_is_the_channel_and_the_poster_the_source(analyze):
    r = analyze("Last week, singer Dana Reyes posted on Twitter accusing the label of "
                "blocking her concert.\n\nShe claimed the label feared a new recording.")
    assert "Twitter" not in _sources(r)
    assert r.claim_with("blocking her concert")["source"] == "Dana Reyes"
    assert r.claim_with("feared a new recording")["source"] == "Dana Reyes"


def test_a_platform_that_speaks_for_itself_is_an_organisation(analyze):
    r = analyze("Twitter said it would take corrective action against similar accounts.")
    claim = r.claim_with("corrective action")
    assert claim["source"] == "Twitter" and claim["type"] == "organization"


def test_a_dateline_is_not_a_source(analyze):
    r = analyze("HANOI, Vietnam (AP) — The defence secretary on Wednesday accused the "
                "neighbouring state of using coercion against smaller nations.")
    assert "HANOI" not in _sources(r)


def test_the_name_after_a_dateline_taken_for_the_subject_speaks(analyze):
    r = analyze("BALTIMORE -- Governor Ellen Marsh, opening the new harbour bridge on Saturday, "
                "said it would carry the city into a new century.")
    assert r.claim_with("carry the city")["source"] == "Ellen Marsh"
    r = analyze("DENVER, May 4 (UPI) — Former Mayor Rita Olsen told delegates that the new "
                "stadium should be stopped.")
    assert r.claim_with("stadium should be stopped")["source"] == "Rita Olsen"
    r = analyze("BOSTON ― The agency announced new rules on Monday, acknowledging that the old "
                "ones had failed.")
    assert "BOSTON" not in _sources(r)


def test_a_hyphenated_name_is_one_mention(analyze):
    r = analyze("Data-X says its sales have doubled since the spring.")
    assert r.claim_with("sales have doubled")["source"] == "Data-X"


def test_a_reason_is_not_a_source(analyze):
    r = analyze("The team lost again on Sunday. There is no reason to think they will win "
                "the next three games.")
    assert not any("reason" in name for name in _sources(r))


# -- quotation marks that name something ----------------------------------------------

def test_titles_and_terms_in_quotation_marks_are_nobody_s_words(analyze):
    r = analyze("“I never take that for granted,” the “Pose” actor said on “DWTS.” The "
                "three men were known as the “Three Amigos” in the capital, and the campaign "
                "ran with the slogan “Meth, we’re on it.”")
    assert _quote_speaker(r, "I never take that") is not None
    for term in ("Pose", "DWTS", "Three Amigos", "Meth, we"):
        assert _quote_speaker(r, term) is None, term


def test_song_titles_inside_a_retold_claim_are_not_quotes(analyze):
    r = analyze("According to the promoter, fans will hear “Listen To The Music” and "
                "“China Grove” on the tour.")
    assert _quote_speaker(r, "Listen To The Music") is None
    assert r.claim_with("fans will hear")["source"] is not None


def test_a_title_case_headline_quote_is_not_taken_for_a_title():
    text = "Mayor Sees “Personal Insult” in Budget Vote\n\nThe mayor spoke on Monday."
    assert not mention_quotes(text, find_quotes(text))
    named = "The mayor was on “Morning Report” on Monday."
    assert mention_quotes(named, find_quotes(named))


def test_two_single_marks_close_a_double_quotation(analyze):
    r = analyze("“It was an attempt to mislead voters,’’ Will Moy told the broadcaster.")
    assert _quote_speaker(r, "It was an attempt") == "Will Moy"


# -- who speaks --------------------------------------------------------------------------

def test_inverted_cue_the_tagger_reads_as_a_noun(analyze):
    r = analyze("“We are truly excited about the anniversary tour,” comments Johnston in a "
                "statement, “as it is a celebration of the band’s history.”")
    assert _quote_speaker(r, "We are truly excited") == "Johnston"


def test_name_then_continued_after_a_quotation(analyze):
    r = analyze("“We are largely on track with these investments,” Menear continued.")
    assert _quote_speaker(r, "We are largely on track") == "Menear"


def test_pronoun_goes_to_the_paragraph_subject_not_the_nearest_name(analyze):
    r = analyze("After a reading of the poem, Jenkins teed up Harper’s cameo. "
                "“You might know him from his own show,” he said.")
    assert _quote_speaker(r, "You might know him") == "Jenkins"


def test_a_possessive_does_not_vote_for_a_name_s_gender(analyze):
    r = analyze("Rep. Ilhan Omar praised the court. Carlineo phoned Omar’s office, in which "
                "he said he would hurt her.\n\nOmar asked for compassion in a letter, saying "
                "she did not want a severe sentence. She added, “We must teach the "
                "defendant love.”")
    assert _quote_speaker(r, "We must teach") == "Ilhan Omar"


def test_a_paragraph_of_quotation_continues_the_speaker_of_the_paragraph_before(analyze):
    r = analyze("Union leader Marta Kovacs said it was only the newest attempt to force the "
                "workers to give in.\n\n“They wanted us on our backs and they tried every "
                "threat to break our resolve. We hold firm.”")
    assert _quote_speaker(r, "They wanted us on our backs") == "Marta Kovacs"


def test_a_statement_speaks_for_who_issued_it(analyze):
    r = analyze("The Electoral Commission issued a statement warning that “voters are "
                "entitled to transparency from campaigners before an election.”")
    assert _quote_speaker(r, "voters are entitled") == "Electoral Commission"


def test_according_to_a_statement_keeps_the_speaker_of_the_quote(analyze):
    r = analyze("The prime minister visited the settlement on Tuesday.\n\n“Here we are on a "
                "historic day,” Netanyahu told settler leaders, according to a statement.")
    assert _quote_speaker(r, "Here we are") == "Netanyahu"


def test_according_to_a_document_over_coordinated_clauses_is_the_document_s(analyze):
    # The aide's warning is one of the two clauses the emails report: the aide does not
    # speak the first ("… allegedly ignored an offer …").
    r = analyze("The county's office allegedly ignored an offer from a builder to rent the "
                "old depot, and a planning aide reportedly warned members in June that the "
                "sale would be \"a disaster,\" according to emails obtained by the Valley "
                "Herald.")
    assert r.claim_with("ignored an offer")["source"] == "emails"
    # … and the words it quotes are the aide's, a claim inside the emails' one.
    assert "aide" in _quote_speaker(r, "a disaster")
    assert "a disaster" not in r.claim_with("ignored an offer")["content"]
    r = analyze("Residents were never consulted about the new route, and the council's "
                "planner said the bus lane would \"fix nothing,\" according to a report by "
                "the transport committee.")
    assert "transport committee" in r.claim_with("never consulted")["source"]
    assert "planner" in _quote_speaker(r, "fix nothing")


def test_speech_hung_on_a_reported_clause_is_not_a_claim_of_its_own(analyze):
    r = analyze("The paper reported, according to people at the meeting, that the mayor "
                "calmed the bankers by telling them she would not raise their taxes.")
    assert not any(c["cue"] == "telling" for c in r.claims())


# -- page furniture and section labels are never claims ---------------------------------

def test_furniture_lines_are_nobody_s_claims(analyze):
    r = analyze("The central bank raised rates on Tuesday, the third rise this year.\n\n"
                "SOURCE: Al Jazeera News\n\n"
                "(Graphic: Global assets in 2019 - here)\n\n"
                "More: Why the markets rallied\n\n"
                "Reporting by Jane Doe; Editing by John Smith")
    names = _sources(r)
    for furniture in ("SOURCE", "Graphic", "More", "Jane Doe", "John Smith"):
        assert not any(furniture in name for name in names), names


def test_datelines_headlines_and_sports_notes_are_not_speaker_labels(analyze):
    r = analyze("NASA’s commercial moon shot: Musk and Bezos firms to bid\n\n"
                "Washington, DC, United States: Getting to the Moon has been done before.\n\n"
                "Thunder: F Hamidou Diallo missed his third straight game with a sprained "
                "ankle.\n\n"
                "Paul R. Linden: Theft of a vehicle, resisting an officer, held in "
                "custody in lieu of $15,000 bond.")
    names = _sources(r)
    for label in ("NASA", "Washington", "Thunder", "Paul R. Linden"):
        assert label not in names, names


def test_headline_lists_what_is_said_of_a_name_and_box_scores_are_not_speakers(analyze):
    r = analyze("Harbour Play, River Arcade, Quay Games: So Many Ways to Play and Pay\n\n"
                "There are more platforms than ever.\n\n"
                "The promise of Harbour Play: smooth pictures streamed to your browser.\n\n"
                "Viera d. Melbourne 1-0\n\nAstronaut (NR): Jaden Siemans 7 saves.")
    names = _sources(r)
    for label in ("Harbour Play", "Astronaut"):
        assert label not in names, names


def test_a_person_s_label_before_a_colon_is_still_a_speaker(analyze):
    # The article names the person it labels ("Bernie Sanders" below the headline).
    r = analyze("Sanders: Clinton email story has moved on to other things.\n\n"
                "Senator Bernie Sanders spoke to reporters in Iowa on Sunday.")
    assert r.claim_with("Clinton email story")["source"] == "Sanders"


def test_a_section_label_in_title_case_is_not_a_speaker(analyze):
    r = analyze("New Release: Last Chance to Buy Harbour Quest and Get a Store Credit\n\n"
                "Harbour Quest is the best game in the series, and it is on sale this week."
                "\n\nColumn: The harbour merger sends a dismal signal about local shops\n\n"
                "Disclosure: Harbour Deals may earn a commission from the products on this "
                "page.")
    names = _sources(r)
    for label in ("New Release", "Column", "Disclosure"):
        assert label not in names, names


def test_an_embedded_post_is_quoted_from_whoever_its_credit_line_names(tmp_path, analyzer):
    page = """<!DOCTYPE html><html><head><title>Slogan row</title></head><body><article>
<h1>Slogan row</h1>
<p>The state launched its anti-drug campaign on Monday, and the slogan was quickly
mocked by a great many people on social media across the country.</p>
<div class="social-media-embed"><blockquote class="twitter-tweet"><p>Yes this is real and
the state spent half a million dollars on it</p>— Dana E. Reyes (@danareyes)
<a href="https://twitter.com/x/status/1">November 18, 2019</a></blockquote></div>
<div class="social-media-embed"><blockquote class="twitter-tweet"><p>Oh no, the other
campaigns were just as bad</p>— Mike Bovis (@MikeBovis)
<a href="https://twitter.com/y/status/2">November 18, 2019</a></blockquote></div>
<p>The governor defended the campaign later that evening and said it was working well,
because so many people were now talking about the problem.</p>
</article></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article = load_article(path)
    analysis = analyzer.analyze(article)

    class R:
        text = article.text
    R.analysis = analysis
    assert _quote_speaker(R, "Yes this is real") == "Dana E. Reyes"
    assert _quote_speaker(R, "Oh no, the other") == "Mike Bovis"


def test_the_subject_of_a_passive_cue_is_not_its_speaker(analyze):
    r = analyze("The probe will study Europa, which is thought to harbor a salty ocean "
                "beneath its ice shell.")
    assert "Europa" not in _sources(r)


def test_an_honorific_taken_for_the_head_gives_way_to_the_name(analyze):
    r = analyze("South Dakota Gov. Kristi Noem (R) is defending the launch of the campaign, "
                "saying the backlash proved it was working.")
    assert not any(name.endswith("Gov.") for name in _sources(r)), _sources(r)


def test_headline_topics_and_captions_are_not_speaker_labels(analyze):
    r = analyze("Harbour chaos: Ferry company cancels every crossing for a week\n\n"
                "Harbour Board offices: two ferries at the quay in winter\n\n"
                "The ferry company said on Monday that repairs would take a week.")
    names = _sources(r)
    assert not any(name.startswith("Harbour") for name in names), names


# -- cue verbs whose subject does not speak ---------------------------------------------

def test_learning_understanding_and_keeping_something_are_no_claims(analyze):
    r = analyze("The probe may fly through the plume if the team members learn enough about "
                "it. The agency worked with parents to understand their habits. The "
                "crew would rely on software to maintain a minimum level of performance.")
    names = _sources(r)
    for doer in ("the team members", "team members", "The agency", "agency", "software"):
        assert doer not in names, names


def test_what_a_verb_of_knowing_takes_as_a_clause_is_still_a_claim(analyze):
    r = analyze("Team members learned that the plume was rich in salt.")
    assert r.claim_with("rich in salt")["source"] == "Team members"


def test_calling_a_number_is_no_claim_but_calling_something_a_hoax_is(analyze):
    r = analyze("A neighbour spotted the car and called 911.")
    assert not r.analysis.claims
    r = analyze("Senator Ruth Pane called the report a hoax.")
    assert r.claim_with("a hoax")["source"] == "Ruth Pane"


def test_a_match_heading_is_not_a_speaker_label(analyze):
    r = analyze("Hawks vs. Rams: Recap, highlights\n\nAtlanta has held on to its lead in "
                "the division after a late field goal.")
    assert not {"Hawks", "Rams"} & _sources(r)



# -- relayed speech ----------------------------------------------------------------------

def test_a_quotation_relayed_inside_a_retold_claim_goes_to_the_inner_speaker(analyze):
    r = analyze("Morton testified on Tuesday. He said his predecessor, Fiona Hale, had "
                "dubbed the envoy's role “the Gordon problem.”")
    assert "Hale" in _quote_speaker(r, "Gordon problem")
    assert r.claim_with("his predecessor")["source"] == "Morton"


def test_a_defendant_s_words_relayed_by_prosecutors_are_the_defendant_s(analyze):
    r = analyze("Prosecutors said Carl Doyle told a staff member that he would put a "
                "“bullet in her head” if she called again.")
    assert _quote_speaker(r, "bullet in her head") == "Carl Doyle"


@pytest.mark.parametrize("text, quoted, speaker, reporting, reporter", [
    # A group's instruction, through a verb of telling someone what to do.
    ("Lin of the Courier reports that censors had also instructed local news sites to "
     "“block and control” posts about the outbreak.",
     "block and control", "censors", "censors had also instructed", "Lin"),
    # "he" inside a group's claim is not the group: the person he stands for.
    ("Carl Doyle was arrested on Monday at his home.\n\nProsecutors said he told a clerk "
     "that he would put a “bullet in her head” if she called again.",
     "bullet in her head", "Carl Doyle", "he told a clerk", "Prosecutors"),
    # People named by a plural noun, and anyone named by a noun who is said to speak.
    ("Officials said the protesters had called the plan “a betrayal of the valley.”",
     "a betrayal", "the protesters", "the protesters had called", "Officials"),
    ("Police said the suspect told officers “I did it on purpose.”",
     "I did it", "the suspect", "the suspect told officers", "Police"),
])
def test_words_relayed_inside_a_group_s_claim_go_to_who_said_them(
        analyze, text, quoted, speaker, reporting, reporter):
    r = analyze(text)
    assert _quote_speaker(r, quoted) == speaker
    assert r.claim_with(reporting)["source"] == reporter


def test_words_someone_begs_others_to_heed_are_theirs_but_an_ordered_term_is_no_one_s(analyze):
    r = analyze("Morton testified on Tuesday. He begged lawmakers “not to lose sight of” the "
                "war in the east.\n\nThe council ordered “premium” steel for the bridge.")
    assert _quote_speaker(r, "not to lose sight of") == "Morton"
    assert _quote_speaker(r, "premium") is None


def test_she_in_her_own_retold_claim_keeps_the_quotation_whole(analyze):
    r = analyze("Senator Ruth Pane said she had told voters the plan was “a disgrace to "
                "the state.”")
    assert _quote_speaker(r, "a disgrace") == "Ruth Pane"
    assert "she had told voters" in r.claim_with("a disgrace")["content"]


def test_a_place_or_a_document_inside_a_retold_claim_does_not_take_the_quotation(analyze):
    r = analyze("Pompeo said Washington had concluded the plan was “a disaster for the "
                "region.” Aides said the report had called the deal “a trap for farmers.”")
    assert _quote_speaker(r, "a disaster") == "Pompeo"
    assert _quote_speaker(r, "a trap") == "Aides"


def test_the_writer_s_own_i_is_nobody_named_in_the_text(analyze):
    r = analyze("Dana Reyes, the shop's buyer, chose the lamps for the window.\n\n"
                "I think this will be the cheapest lamp of the season, and I expect it to "
                "sell out.\n\n“I think it will sell out by Friday,” Reyes said.")
    assert r.claim_with("cheapest lamp")["source"] is None
    assert _quote_speaker(r, "sell out by Friday").endswith("Reyes")


def test_a_quotation_on_the_retold_claim_s_own_cue_stays_with_its_speaker(analyze):
    r = analyze("Senator Ruth Pane said the plan was “a disgrace to the state.”")
    assert _quote_speaker(r, "a disgrace") == "Ruth Pane"


# -- who "they" and "the company" are -----------------------------------------------------

def test_a_name_in_apposition_names_the_company_that_speaks(analyze):
    r = analyze("The firm that runs the festival, Harbour Events Group, denies that anything "
                "has been settled.\n\n“We have no further comment,” they said.")
    assert r.claim_with("has been settled")["source"] == "Harbour Events Group"
    assert _quote_speaker(r, "no further comment") == "Harbour Events Group"


def test_a_name_with_a_plural_verb_is_an_organisation_that_they_refers_to(analyze):
    r = analyze("The label says the singer never needed its permission.\n\n"
                "Big Harbour have twice denied doing anything wrong.\n\n"
                "“At no point did we block her concert,” they said in a statement.")
    claim = r.claim_with("doing anything wrong")
    assert claim["source"] == "Big Harbour" and claim["type"] == "organization"
    assert _quote_speaker(r, "At no point") == "Big Harbour"


def test_the_reader_addressed_as_you_is_not_a_source(analyze):
    r = analyze("The council said it opened a car park on Friday. And if you still haven't "
                "noticed what could be odd about the signs, look closer.")
    assert not any(c["source"] for c in r.claims() if c["cue"] and "noticed" in c["cue"])


# -- speakers the parser loses -----------------------------------------------------------

def test_a_name_between_the_quotation_and_its_cue_is_the_speaker(analyze):
    r = analyze("Orders fell 2 percent in the period.\n\n“Our figures showed steady "
                "demand across our regions, yet margins were below our forecasts owing to "
                "the pace of certain savings tied to our long-term projects,\" "
                "chairman, CEO and president Leo Varga said in the quarterly report.")
    assert _quote_speaker(r, "steady demand") == "Leo Varga"
    assert "Leo Varga" not in r.claim_with("steady demand")["content"]


def test_a_heading_that_quotes_words_said_below_is_the_speaker_s(analyze):
    r = analyze("Here are some of the highlights:\n\n\"My fears have been realized\"\n\n"
                "Morrow told the committee, \"I feared at the time how its disclosure would "
                "play. My fears have been realized.\"")
    assert _quote_speaker(r, "My fears have been realized\"\n") == "Morrow"


def test_a_pronoun_that_stood_for_a_woman_is_not_then_a_man(analyze):
    r = analyze("Clara Webb questioned the minister for an hour. Webb kept asking how "
                "Rupert could be so certain.\n\nRupert spent a minute explaining how he could "
                "not have been at the party, because she described him as shouting.\n\n"
                "“Oh, really? No,” he assures himself. “I didn’t shout that night.”")
    assert _quote_speaker(r, "shout that night") == "Rupert"


def test_a_verb_that_reports_only_through_a_clause_gives_a_quotation_no_speaker(analyze):
    r = analyze("But with every keeper ashore for the winter, the lighthouse would have to be "
                "designed for fully automatic operation, with extensive use of solar power "
                "and \"lamp monitoring, switching and replacement\" to maintain a steady "
                "level of beacon brightness until the keepers could return.")
    assert _quote_speaker(r, "lamp monitoring") in (None, "(no speaker)")


# -- cue verbs whose subject or object says nothing ---------------------------------------

@pytest.fixture(scope="module")
def rules_analyzer():
    """The rules alone, without the learned tagger (whose claims reader/provenance/learned.py
    merges)."""
    analyzer = Analyzer(learned=False)
    analyzer.load()
    return analyzer


def _cues(analyzer, text):
    analysis = analyzer.analyze(article_from_text(text))
    return [text[c.cue_span[0]:c.cue_span[1]] for c in analysis.claims if c.cue_span]


def test_questioning_a_person_is_no_claim_but_questioning_a_ruling_is(analyze, rules_analyzer):
    text = "Republicans also questioned Tim Morrison about his closed-door testimony."
    assert not any("questioned" in cue for cue in _cues(rules_analyzer, text))
    r = analyze("Several judges questioned the ruling.")
    assert r.claim_with("the ruling")["source"] == "Several judges"


def test_the_object_of_prompted_is_who_argues(analyze):
    r = analyze("The video prompted some Twitter users to argue that the material made the "
                "campaign look bad.")
    assert r.claim_with("made the campaign look bad")["source"] == "some Twitter users"


def test_a_threat_pleaded_guilty_to_is_the_charge_not_a_claim(analyze):
    r = analyze("New York man pleads guilty to threatening to kill Omar")
    assert not any(c["cue"] and "threatening" in c["cue"] for c in r.claims())


def test_characterizing_the_moon_is_no_claim_but_calling_unrest_a_moment_is(analyze):
    r = analyze("Seeker will survey Callisto on many close passes, characterizing the moon "
                "and its crust and looking for sites where a rover could set down.")
    assert "Seeker" not in _sources(r)
    r = analyze("Senator Ruth Pane has called the mill closures and the hardship that has "
                "followed a blow similar to the great dock strikes.")
    assert r.claim_with("a blow similar")["source"] == "Ruth Pane"


def test_a_quip_after_a_quotation_gives_its_speaker(analyze):
    r = analyze("The ads show people declaring they are on meth.\n\n“If we were any higher, "
                "we’d be in orbit,” one user quipped.")
    assert _quote_speaker(r, "any higher") == "one user"


def test_a_client_s_intent_told_by_the_lawyer_is_the_lawyer_s_claim(rules_analyzer):
    text = ("Maria Lund, Peter Vance’s lawyer, told the station in an email that her "
            "client never intended to hurt anybody.")
    assert not any("intend" in cue for cue in _cues(rules_analyzer, text))


def test_the_witness_testifying_is_who_the_sentence_says_it_is(rules_analyzer):
    analysis = rules_analyzer.analyze(article_from_text(
        "Hartley was the fourth witness testifying Monday who sat in on the meeting."))
    names = {s.name for s in analysis.sources}
    assert "the fourth witness" not in names and not any("witness" in n for n in names), names


def test_a_quotation_goes_to_the_nearest_cue_it_hangs_on(analyze):
    r = analyze("The ferry will return in June, the board said on Tuesday, after a winter of "
                "repairs that critics called \u201ca needless fiasco\u201d.\n\nThe ferry will "
                "return in June, the board said, calling the repairs \u201ca fine job\u201d.")
    assert r.claim_with("will return in June")["source"] == "the board"
    assert _quote_speaker(r, "needless fiasco").lower() == "critics"
    # The cue the quotation hangs on is the board's own: the board's words.
    assert _quote_speaker(r, "a fine job") == "the board"


def test_a_subject_inside_the_quotation_is_not_its_speaker(analyze):
    r = analyze("“My reaction, that was outrageous,” Ruiz's former campaign strategist said "
                "of the remark.")
    claim = r.claim_with("My reaction")
    assert "strategist" in (claim["source"] or "")


def test_a_label_before_a_colon_is_not_the_subject_that_speaks():
    # The parse PolNeAR's "The Latest: Trump urges …" got in its article: two subjects.
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from reader.provenance.cues import subject_of
    doc = Doc(Vocab(), words=["The", "Latest", ":", "Ruiz", "urges", "voters", "to", "vote",
                              "."],
              heads=[1, 4, 4, 4, 4, 4, 7, 4, 4],
              deps=["det", "nsubj", "punct", "nsubj", "ROOT", "dobj", "aux", "xcomp", "punct"],
              pos=["DET", "ADJ", "PUNCT", "NOUN", "VERB", "NOUN", "PART", "VERB", "PUNCT"])
    assert subject_of(doc[4]).text == "Ruiz"
