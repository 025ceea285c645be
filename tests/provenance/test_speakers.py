"""Direct quotes and their speakers, through the real pipeline."""

from reader.resources_path import sample_article


def test_quote_with_inverted_cue(analyze):
    r = analyze("“The budget is broken,” said Mayor Daniel Ortiz on Tuesday.")
    claim = r.claim_with("The budget is broken")
    assert claim["kind"] == "quote"
    assert claim["source"] == "Daniel Ortiz"
    assert claim["cue"] == "said"


def test_quote_with_publication_as_speaker(analyze):
    r = analyze('"The plan will not survive the winter," the daily wrote in an editorial on Monday.')
    claim = r.claim_with("The plan will not survive")
    assert claim["cue"] == "wrote"
    assert claim["source"] is not None and "daily" in claim["source"]


def test_follow_on_quote_in_same_paragraph(analyze):
    r = analyze("“We cannot keep three buildings,” Ortiz said. “Nobody wanted this choice.”")
    assert r.claim_with("Nobody wanted this choice")["source"] == "Ortiz"


def test_cue_inside_a_quote_does_not_steal_it(analyze):
    r = analyze("“Nobody on this council wanted to make this choice,” said Mayor Ann Lee.")
    assert r.claim_with("Nobody on this council")["source"] == "Ann Lee"


def test_follow_on_quote_in_next_paragraph(analyze):
    r = analyze("Senator Maria Lopez spoke after the vote. “This is a sad day,” Lopez said.\n\n"
                "“We will keep fighting for the library and for the town.”")
    assert r.claim_with("We will keep fighting")["source"] == "Maria Lopez"


def test_multi_paragraph_quote_is_one_claim(analyze):
    text = ('"I have been to that branch on a Saturday," Natarajan said. "It is full.\n\n'
            '"If we close it, we will not get it back."')
    r = analyze(text)
    claim = r.claim_with("It is full")
    assert "If we close it" in claim["content"]
    assert claim["source"] == "Natarajan"


def test_quote_without_speaker_is_kept_unattributed(analyze):
    r = analyze("The hall was quiet.\n\n“This is the end of an era for everyone who grew up here.”")
    claim = r.claim_with("This is the end of an era")
    assert claim["source"] is None
    assert claim["kind"] == "quote"


def test_short_quote_without_speaker_is_a_scare_quote(analyze):
    r = analyze('The council\'s "experts" drew up the plan for the branch in two weeks.')
    assert r.framing() == {'"experts"': "scare-quote"}
    assert r.claims() == []


def test_short_plain_quote_without_speaker_or_doubt_is_neither_claim_nor_framing(analyze):
    # PTC: plain quoted terms with no marker of doubt were scare quotes 1 time in 5
    r = analyze('The council\'s "consultation" on the branch lasted two weeks.')
    assert r.framing() == {}
    assert r.claims() == []


def test_colon_lead_in_block_quote(analyze):
    text = ("Col. Dave Butler, the Joint Staff spokesperson, said in a statement (emphasis added):\n\n"
            "The chairman's calls were routine and fully coordinated with the department.\n\n"
            "He acted within his authority at every point.\n\n"
            "Senators reacted quickly to the statement.")
    r = analyze(text)
    claim = r.claim_with("The chairman's calls were routine")
    assert "He acted within his authority" in claim["content"]
    assert "Senators reacted" not in claim["content"]
    assert claim["source"] == "Dave Butler"
    assert claim["kind"] == "quote"


def test_html_blockquote_is_a_direct_quote(analyzer, tmp_path):
    from reader.document import load_article

    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Council votes</title></head><body><article>"
        "<h1>Council votes to close branch</h1>"
        "<p>The head librarian, Ruth Calder, read a statement to the council before the vote "
        "on Tuesday night in the crowded hall:</p>"
        "<blockquote><p>The branch is the only place in the east end where children can do "
        "their homework with a librarian nearby.</p></blockquote>"
        "<p>The council voted five to two to close the branch at the end of the year, and "
        "residents said they would protest.</p>"
        "</article></body></html>", encoding="utf-8")
    article = load_article(page)
    analysis = analyzer.analyze(article)
    quotes = [article.text[s.start:s.end] for s in analysis.spans if s.kind == "quote"]
    assert any("only place in the east end" in q for q in quotes)


def test_shipped_sample_block_quote(analyzer):
    from reader.document import load_article

    article = load_article(sample_article())
    analysis = analyzer.analyze(article)
    text = article.text
    calder = next(s for s in analysis.sources if s.name == "Ruth Calder")
    contents = [" ".join(text[a:b] for a, b in analysis.claim(c).content) for c in calder.claims]
    assert any("only place in the east end" in c and "no other quiet place" in c for c in contents)


def test_unbalanced_marks_do_not_stop_the_analysis(analyze):
    r = analyze('He said "this never closes.\n\nLater, “the rest is fine,” Ortiz said firmly.')
    assert r.claim_with("the rest is fine")["source"] == "Ortiz"


def test_sources_group_mentions_by_name(analyze):
    r = analyze("“We will appeal,” said Dave Butler, a spokesman.\n\n"
                "“The ruling is wrong,” Butler said.")
    butler = r.source("Dave Butler")
    assert len(butler.claims) == 2
    assert {r.words(s, e) for s, e in butler.mentions} >= {"Dave Butler", "Butler"}


def test_relative_clause_speaker_is_the_noun_it_hangs_on(analyze):
    r = analyze("The plan was backed by Senator Ann Kerr, who said that the town could not "
                "afford another closure.")
    claim = r.claim_with("the town could not afford")
    assert claim["source"] == "Ann Kerr"
    (span,) = [c for c in r.analysis.claims
               if "could not afford" in r.words(c.start, c.end)]
    assert r.words(*span.source_span) == "who"  # the mention where the claim stands


def test_pronoun_resolves_to_a_speaker_the_tagger_missed(analyze):
    r = analyze("DuVernay said the film took three years. “We had no money at all,” she said.")
    assert r.claim_with("We had no money")["source"] == "DuVernay"
    assert r.source("DuVernay").type == "person"


def test_participle_cue_inside_a_reported_clause_is_its_own_claim(analyze):
    r = analyze("Senator Tom Reyes said he did not believe the plan would pass, arguing "
                "that the votes were not there.")
    said = r.claim_with("did not believe")
    assert "arguing" not in said["content"]
    assert r.claim_with("the votes were not there")["cue"] == "arguing"


def test_quoted_title_is_not_a_quote(analyze):
    r = analyze("Representative Darrell Issa said on “Sunday Morning Futures” that he would vote no.")
    assert all("Sunday Morning Futures" not in c["content"] or c["kind"] != "quote"
               for c in r.claims())
    assert r.spans("quote") == []


def test_quote_claims_leaves_the_drafts_passed_in_as_they_are(analyzer):
    """The clause-level claims that hold a quotation come back extended, as copies."""
    from reader.provenance import cues, speakers
    from reader.provenance.quotes import find_quotes, paragraph_ranges

    text = 'Butler said the calls were “routine and staffed,” and added nothing.'
    doc = analyzer.nlp.make_doc(text)
    for _, component in analyzer.nlp.pipeline:
        if getattr(component, "__name__", "") != "_quote_finder" and \
                type(component).__name__ != "AttributionFinder":
            doc = component(doc)
    paragraphs = paragraph_ranges(text)
    pieces = find_quotes(text, paragraphs)
    drafts = cues.find_verb_claims(doc)
    before = [(list(d.content), set(d.quote_ids), d.quoted, d.why) for d in drafts]
    found = speakers.quote_claims(doc, pieces, paragraphs, drafts, skip=[])
    assert [(list(d.content), set(d.quote_ids), d.quoted, d.why) for d in drafts] == before
    assert len(found.existing) == len(drafts) and not found.new
    assert any(d.quoted and d.quote_ids for d in found.existing)


def test_participle_cue_on_an_occasion_is_the_speakers_at_it(analyze):
    r = analyze("Ms. Lynch spoke on Monday at a news conference announcing that her department "
                "was suing the state.")
    assert r.claim_with("her department was suing")["source"] == "Lynch"


def test_participle_cue_on_a_document_keeps_the_document_as_source(analyze):
    r = analyze("The union spoke in a statement announcing that its members would strike.")
    assert r.claim_with("its members would strike")["source"] != "The union"


def test_asking_someone_about_something_is_no_claim(analyze):
    # The project's reading of real pages ("Republican counsel Steve Castor asked Morrison
    # about concerns …"): a question names no source, as "questioned Morrison about" does not.
    r = analyze("Republican counsel Steve Castor asked Morrison about concerns within the "
                "council about the colonel's judgment.")
    assert all(c["source"] != "Steve Castor" for c in r.claims())

def test_agreeing_with_someone_reports_whose_view_is_shared(analyze):
    r = analyze("Anderson largely agreed with McLenny.")
    claim = r.claim_with("McLenny")
    assert claim["source"] == "Anderson" and claim["content"] == "McLenny"


def test_a_quotation_inside_the_cues_object_takes_the_whole_object(analyze):
    r = analyze("She still says things such as, “We're not all cut out to be leaders, you "
                "know.”")
    assert r.claim_with("cut out to be leaders")["content"].startswith("things such as")


def test_who_is_asked_in_passing_is_not_who_asks(analyze):
    r = analyze("Asked to describe the van that struck the fence, Reilly said he would not "
                "discuss it.")
    assert r.claim_with("describe the van")["source"] is None
    assert r.claim_with("would not discuss it")["source"] == "Reilly"
    r = analyze("Asked by Maria Lund whether the memo was false, Okafor said he stood by every "
                "word.")
    assert r.claim_with("whether the memo was false")["source"] == "Maria Lund"


def test_the_object_a_participle_hangs_on_speaks(analyze):
    r = analyze("The end of the old treaty left many farming towns feeling that nobody spoke "
                "for them.")
    assert r.claim_with("nobody spoke for them")["source"] == "many farming towns"
    r = analyze("The new ad uses footage of Senator Jane Hollis asking why the plan failed.")
    assert r.claim_with("why the plan failed")["source"] == "Jane Hollis"


def test_a_cue_joined_to_the_quoted_verb_is_the_name_before_it(analyzer):
    from spacy.tokens import Doc

    from reader.provenance.cues import subject_of
    # As the parser read a real article: "said" joined to the quotation's own verb, whose
    # subject is "We", and the speaker's name hung elsewhere.
    words = ["“", "We", "will", "rebuild", "every", "home", ",", "”", "Dayton", "fire", "Chief",
             "Anna", "Berg", "said", "Monday", "."]
    heads = [3, 3, 3, 3, 5, 3, 3, 3, 3, 10, 8, 12, 10, 3, 13, 3]
    deps = ["punct", "nsubj", "aux", "ROOT", "det", "dobj", "punct", "punct", "dep", "compound",
            "dobj", "compound", "appos", "conj", "npadvmod", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT", "PUNCT", "VERB", "NOUN",
           "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"]
    spaces = [False, True, True, True, True, False, False, True, True, True, True, True, True,
              True, False, False]
    doc = Doc(analyzer.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    assert subject_of(doc[13]).text == "Berg"


def test_a_transcript_quoted_line_by_line_is_each_labelled_speakers(analyze):
    r = analyze("Partial transcript as follows:\n\n"
                "\"HOST: Let us begin with the flood barrier. Why did the council vote it down?\n\n"
                "\"(CROSSTALK.)\n\n"
                "\"MORROW: Well, the council forgot who pays for the damage. The river does not "
                "vote.\n\n"
                "\"HOST: One last thing, will the mayor sign it?\n")
    assert r.claim_with("Why did the council vote it down")["source"] == "HOST"
    assert r.claim_with("The river does not vote")["source"] == "MORROW"
    assert r.claim_with("will the mayor sign it")["source"] == "HOST"


def test_a_transcript_paragraph_with_no_label_goes_on_with_the_speaker_before_it(analyze):
    r = analyze("The mayor spoke to a radio host on Sunday about the flooded tunnel.\n\n"
                "HOST: Will the tunnel open again this winter?\n\n"
                "MAYOR: Look, the engineers are still counting the cracks in the walls.\n\n"
                "But I think we can open one lane before the holidays, and my office will say "
                "so as soon as we know.\n\n"
                "(LAUGHTER.)\n\n"
                "HOST: Thank you, Mayor.\n\n"
                "Still, I have my doubts about the whole project.\n")
    claim = r.claim_with("counting the cracks")
    assert claim["source"] == "MAYOR" and "we can open one lane" in claim["content"]
    assert "LAUGHTER" not in claim["content"]
    # After the transcript's last label the writer speaks again.
    assert "my doubts" not in r.claim_with("Thank you, Mayor")["content"]


def test_a_paragraph_between_transcript_lines_stays_apart_when_it_names_its_speaker(analyze):
    r = analyze("HOST: Will the tunnel open again this winter?\n\n"
                "MAYOR: Look, the engineers are still counting the cracks in the walls.\n\n"
                "\"I think we need a second opinion,\" Ana Ruiz said later.\n\n"
                "The tunnel has been closed since March.\n\n"
                "HOST: Thank you, Mayor.\n")
    claim = r.claim_with("counting the cracks")
    assert "second opinion" not in claim["content"] and "closed since" not in claim["content"]


def test_a_comment_as_colon_lead_in_gives_the_quotation_its_speaker(analyze):
    r = analyze("Similar statements by Ruiz and Hale were rated.\n\nOn July 6, 2015, Ruiz made "
                "the following comment:\n\n“For families who rent, the flood money is 33 percent. "
                "If they own, it is 36 percent.”")
    assert r.claim_with("For families who rent")["source"] == "Ruiz"


def test_a_verb_outside_the_lists_that_frames_a_spoken_quotation_gives_its_speaker(analyze):
    r = analyze("\"Councillor Reyes, I will save you the trouble - we are not paying,\" the "
                "harbour board's chairwoman riffed on the councillor's question, drawing laughter.")
    assert r.claim_with("I will save you the trouble")["source"] == "the harbour board's chairwoman"
    r = analyze("\"The Long Night of the Owl: A Memoir,\" Howard had in his hand.")
    assert all(c["source"] is None for c in r.claims())  # a title, not a clause spoken


def test_a_name_between_the_quotation_and_its_cue_outranks_a_subject_after_the_cue(analyzer):
    from reader.provenance.drafts import ClaimDraft
    from reader.provenance.quotes import find_quotes, paragraph_ranges
    from reader.provenance.speakers import quote_claims
    from reader.vocabulary import RuleName
    text = "“We will win this fight,” Keller, a port commissioner, said on Radio Nine."
    doc = analyzer.nlp(text)
    paragraphs = paragraph_ranges(text)
    pieces = find_quotes(text, paragraphs)
    show = text.index("Radio Nine")
    # As the parser read a real article: the show after the cue taken for its subject.
    holder = ClaimDraft(content=[(0, pieces[0].end)], cue=(text.index("said"), text.index("said") + 4),
                        source_token=doc.char_span(show + 6, show + 10)[0],
                        source_span=(show, show + 10), rule=RuleName.COMPLEMENT, why="test")
    held = quote_claims(doc, pieces, paragraphs, [holder], skip=[]).existing[0]
    assert text[held.source_span[0]:held.source_span[1]] == "Keller"


def test_a_document_someone_released_speaks_for_them_even_as_a_pronoun(analyze):
    r = analyze("Senator Tom Reyes faced questions about his health this week. He released a "
                "letter from his doctor on Friday afternoon that says he is in excellent health.")
    assert r.claim_with("he is in excellent health")["source"] == "Tom Reyes"


def test_whom_a_verb_holds_to_account_for_doing_something_did_it(analyze):
    r = analyze("On Thursday, the committee held Okafor in contempt of the council for refusing "
                "to appear at a hearing despite a summons.")
    assert r.claim_with("to appear at a hearing")["source"] == "Okafor"


def test_a_transcript_label_in_capitals_is_one_person_however_the_tagger_reads_it(analyze):
    r = analyze("Radio interview with the mayor about the new bridge.\n\n"
                "HOST: Welcome to the show. What is the plan for the bridge?\n\n"
                "MAYOR LINDQVIST: We will open the north span in May and the south span "
                "in the autumn.\n\n"
                "HOST: Listeners have told us the cost worries them.\n\n"
                "MAYOR LINDQVIST: The council has set aside forty million for it.\n")
    hosts = [s for s in r.analysis.sources if s.name == "HOST"]
    assert len(hosts) == 1 and hosts[0].type == "person"
    assert r.source("MAYOR LINDQVIST").type == "person"
    assert r.claim_with("the cost worries them")["source"] == "HOST"
    assert r.claim_with("forty million")["source"] == "MAYOR LINDQVIST"


def test_a_transcript_label_without_a_name_or_role_keeps_its_first_reading(analyze):
    r = analyze("A transcript of the evening broadcast.\n\n"
                "NEWSDESK: The river has risen by two metres since the morning.\n\n"
                "MAYOR LINDQVIST: Our volunteers are moving sandbags to the school.\n\n"
                "NEWSDESK: The council says the bridge will stay closed overnight.\n")
    assert len([s for s in r.analysis.sources if s.name == "NEWSDESK"]) == 1
