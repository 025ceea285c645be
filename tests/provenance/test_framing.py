"""The writer's framing: only in the writer's voice, each hit with a label and a why."""

from reader.document import article_from_text
from reader.document.assemble import build_article


def test_loaded_label_in_the_writers_voice(analyze):
    r = analyze("Senator Jim Banks, a China hawk, toured the base on Monday.")
    assert r.framing().get("China hawk") == "loaded-label"


def test_loaded_word_inside_a_quote_is_the_sources(analyze):
    r = analyze("“This regime has failed the people,” said Senator Jim Banks.")
    assert r.framing() == {}


def test_loaded_word_inside_a_paraphrase_is_the_sources(analyze):
    r = analyze("Senator Jim Banks said the regime had failed the people.")
    assert r.framing() == {}


def test_loaded_words_inside_a_topic_are_the_writers(analyze):
    # A topic names what was spoken about in the writer's words: the claim stays, and the
    # writer's loaded words inside it are framing.
    r = analyze("Councillor Dana Reyes has long complained about the thugs who run the "
                "marina.")
    assert r.claim_with("the thugs who run the marina")["cue"] == "has long complained about"
    assert r.framing() == {"thugs": "loaded-label"}
    r = analyze("Mayor Ann Ortiz has been critical of the disastrous lease.")
    assert r.claim_with("the disastrous lease")["source"] == "Ann Ortiz"
    assert r.framing() == {"disastrous": "loaded-word"}


def test_a_quoted_topic_or_a_reported_clause_stays_the_sources(analyze):
    r = analyze("Councillor Dana Reyes said the thugs who run the marina had won again.")
    assert r.claim_with("the thugs who run the marina")
    assert r.framing() == {}
    r = analyze("Councillor Dana Reyes has long complained about “the thugs who run the "
                "marina”.")
    assert r.framing() == {}


def test_distancing_verb_on_the_writers_cue(analyze):
    r = analyze("Mayor Daniel Ortiz insisted that every option had been considered.")
    assert r.framing() == {"insisted": "distancing-verb"}
    (span,) = [s for s in r.analysis.spans if s.kind == "framing"]
    assert "insisted" in span.why and 0 < span.confidence <= 1


def test_scare_quote_versus_attributed_short_quote(analyze):
    scare = analyze('The council\'s "experts" drew up the plan in two weeks.')
    assert scare.framing().get('"experts"') == "scare-quote"
    attributed = analyze('Critics called the plan a "slow-motion demolition" of the town.')
    assert attributed.framing() == {}
    assert attributed.claim_with("slow-motion demolition")["source"] == "Critics"


def test_titles_and_labels_in_quotes_are_not_scare_quotes(analyze):
    r = analyze("The box was labeled “medical problem” by the clinic. DuVernay’s documentary "
                "“13th” opened on Friday.")
    assert r.framing() == {}


def test_insinuation_after_a_dash(analyze):
    r = analyze("Butler's statement confirmed the calls — suggesting that the White House was "
                "informed.")
    assert r.framing().get("suggesting that") == "insinuation"
    assert all("White House" not in c["content"] for c in r.claims())


def test_so_called_and_intensifier(analyze):
    r = analyze("The so-called efficiency plan was utterly reckless.")
    framing = r.framing()
    assert framing.get("so-called") == "doubt"
    assert framing.get("utterly reckless") == "intensifier"


def test_even_before_a_verb_is_no_intensifier(analyze):
    # On PTC's tuning half "even" before a verb was framing about 1 time in 5.
    r = analyze("The plan even proposed selling the building.")
    assert "intensifier" not in r.framing().values()


def test_even_as_a_conjunction_is_not_an_intensifier(analyze):
    r = analyze("Even as he hosted the cookout, the mayor stayed on the phone.")
    assert r.framing() == {}


def test_loaded_words_in_a_title_case_headline(analyze):
    # Every word capitalised: read again in sentence case, where "Disastrous" is no name.
    r = analyze("Desperate Mayor Ortiz Signs Disastrous Ferry Deal\n\n"
                "On Monday, Mayor Ann Ortiz asked the council to approve the ferry deal.")
    assert r.framing() == {"Desperate": "loaded-word", "Disastrous": "loaded-word"}
    quoted = analyze("Mayor Ortiz Slams “Disastrous Deal” At Council\n\n"
                     "Mayor Ann Ortiz told the council on Monday that the deal was a disaster.")
    assert quoted.framing() == {}


def test_headline_asserting_what_the_body_attributes(analyze):
    r = analyze("Mayor Hid Library Offer From Council\n\n"
                "The mayor's office hid an offer from a developer to lease the library, "
                "according to emails obtained by the Courier.")
    assert r.framing().get("Mayor Hid Library Offer From Council") == "headline-assertion"


def test_headline_over_an_allegation_is_framing_but_over_a_plain_report_is_not(analyze):
    alleged = analyze("Council Sold Ferry Land In Secret\n\n"
                      "The town council sold the ferry land in secret, a residents' group "
                      "alleges.")
    assert alleged.framing().get("Council Sold Ferry Land In Secret") == "headline-assertion"
    reported = analyze("Council Sold Ferry Land In Secret\n\n"
                       "The town council sold the ferry land in secret, officials said.")
    assert "headline-assertion" not in reported.framing().values()


def test_headline_that_attributes_is_not_framing(analyze):
    r = analyze("Emails Show Mayor Hid Library Offer\n\n"
                "The mayor's office hid an offer from a developer, according to emails.")
    assert "headline-assertion" not in r.framing().values()


def test_quoted_name_after_an_ordinary_verb_is_neither_claim_nor_scare_quote(analyze):
    r = analyze("The posters in the north showed “Leave” in red letters.")
    assert r.claims() == []
    assert r.framing() == {}


# -- the learned loaded-word tagger and the rules around it ---------------------------------

def test_loaded_words_in_the_writers_voice(analyze):
    r = analyze("The disastrous budget passed after a long debate. It was ridiculous.")
    framing = r.framing()
    assert framing.get("disastrous") == "loaded-word"
    assert framing.get("ridiculous") == "loaded-word"
    span = next(s for s in r.analysis.spans if s.label == "loaded-word")
    assert "learned tagger" in span.why and 0 < span.confidence < 1


def test_loaded_nouns_are_labels_or_name_calling(analyze):
    r = analyze("The protest was broken up by thugs on Friday night.")
    assert r.framing().get("thugs") == "loaded-label"  # the project's own list
    r = analyze("The report was a smear from start to finish.")
    assert r.framing().get("smear") == "name-calling"  # the tagger's


def test_loaded_words_side_by_side_are_one_span():
    from reader.provenance.framing import FramingHit, _join_adjacent

    text = "a rapacious establishment and a regime"
    hits = [FramingHit(2, 11, "loaded-word", "why", 0.5),
            FramingHit(12, 25, "name-calling", "why", 0.6),
            FramingHit(32, 38, "loaded-label", "why", 0.7)]
    joined = _join_adjacent(hits, text)
    assert [(text[h.start:h.end], h.label) for h in joined] == [
        ("rapacious establishment", "loaded-word"), ("regime", "loaded-label")]
    assert joined[0].confidence == 0.6


def test_plain_words_are_not_framing(analyze):
    r = analyze("The council approved the budget after a long debate on Tuesday.")
    assert r.framing() == {}


def test_loaded_words_inside_a_quote_stay_the_sources(analyze):
    r = analyze("“It is a disastrous and ridiculous budget,” said Councillor Ann Lee.")
    assert r.framing() == {}


def test_loaded_words_in_a_reported_naming_are_not_the_writers(analyze):
    r = analyze("Councillor Ann Lee called the plan radical and disastrous.")
    assert r.framing() == {}


def test_words_inside_names_are_not_framing(analyze):
    r = analyze("An ex-Secret Service agent testified before the committee on Monday.")
    assert r.framing() == {}


def test_so_called_before_a_name_is_no_doubt(analyze):
    r = analyze("Fighters of the so-called Islamic State left the town in March.")
    assert "so-called" not in r.framing()
    r = analyze("The so-called “War Logs” were published in 2010.")
    assert r.framing() == {}
    r = analyze("The so-called reform cut the library's hours.")
    assert r.framing() == {"so-called": "doubt"}  # before a claim, not a name


def test_regime_as_a_plain_name_is_not_loaded(analyze):
    # On PTC's tuning half "regime" was framing 3 times in 27: it is no loaded label.
    for text in ("The sanctions regime was extended for a year.",
                 "The Iranian regime signed the agreement in Vienna.",
                 "The regime met on Monday."):
        assert "regime" not in " ".join(analyze(text).framing()), text


def test_a_loaded_noun_after_a_place_name_keeps_the_name_whole(analyze):
    r = analyze("The mayor spoke to New York cronies at a dinner on Monday.")
    assert r.framing() == {"cronies": "loaded-label"}


def test_apparently_is_no_insinuation(analyze):
    r = analyze("The bridge apparently closed at noon on Monday.")
    assert r.framing() == {}


def test_superlative_plain_fact_is_not_exaggeration(analyze):
    r = analyze("The storm was the worst in fifty years, the weather service said.")
    assert "exaggeration" not in r.framing().values()


def test_scare_quote_needs_doubt_or_a_noun_for_people(analyze):
    r = analyze("The so-called “reform” cut the library's hours.")
    assert r.framing() == {"so-called": "doubt"}  # the doubt is the writer's word
    assert r.claims() == []
    r = analyze("The mayor's “trusted counselor” left the council on Friday.")
    assert r.framing() == {"“trusted counselor”": "scare-quote"}
    # A loaded word in quotation marks with no speaker is somebody's word: neither a scare
    # quote (on PTC's tuning half such quotations were framing 1 time in 6) nor the
    # writer's own loaded word.
    r = analyze("The mayor's “disastrous” plan cut the library's hours.")
    assert r.framing() == {}
    assert analyze("The mayor's disastrous plan cut the library's hours.").framing() == {
        "disastrous": "loaded-word"}
    r = analyze("The shop sold “fresh bread” and “cakes” on Sundays.")
    assert "scare-quote" not in r.framing().values()


def test_seed_phrases_still_found(analyze):
    r = analyze("Senator Marco Rubio, a China hawk, is calling for the general to resign. "
                "Critics claimed that the calls were secret, suggesting that he acted alone.")
    framing = r.framing()
    assert framing.get("China hawk") == "loaded-label"
    assert framing.get("suggesting that") == "insinuation"


def test_every_framing_label_has_an_explanation(analyze):
    from reader.vocabulary import FRAMING_LABELS

    r = analyze("The report was a smear. The mayor's disastrous budget passed on Friday. "
                "The thugs met on Monday. The file conveniently vanished.")
    labels = set(r.framing().values())
    assert {"name-calling", "loaded-word", "loaded-label", "doubt"} <= labels
    for name in labels:
        explanation = FRAMING_LABELS[name].explanation
        assert explanation.endswith((".", ".)")) and len(explanation.split()) >= 8


def test_political_name_calling_in_the_writers_voice(analyze):
    r = analyze("The leftists who run the school board met again on Tuesday.")
    assert r.framing().get("leftists") == "name-calling"


# -- doubt and exaggeration in the writer's voice (framing_patterns.py) -----------------------

def test_doubt_phrases_in_the_writers_voice(analyze):
    assert analyze("The report failed to mention the second payment.").framing().get(
        "failed to mention") == "doubt"
    assert analyze("The file conveniently vanished before the hearing.").framing() == {
        "conveniently": "doubt"}
    assert analyze("Whether the council keeps its promise remains to be seen.").framing() == {
        "remains to be seen": "doubt"}


def test_cannot_be_trusted_is_the_writers_doubt(analyze):
    assert analyze("The council's ferry figures can't be trusted.").framing() == {
        "can't be trusted": "doubt"}
    assert analyze("The council's ferry figures cannot be trusted.").framing() == {
        "cannot be trusted": "doubt"}
    assert analyze("Councillor Dana Reyes said the ferry figures cannot be trusted."
                   ).framing() == {}


def test_perhaps_actually_is_the_writers_doubt(analyze):
    text = "Perhaps the council will hire a director who actually reads the reports."
    assert analyze(text).framing() == {text: "doubt"}
    assert analyze("Perhaps the council will meet again in May.").framing() == {}


def test_questions_that_expect_no_answer_are_doubt(analyze):
    r = analyze("The mayor closed the branch on Monday. Isn't that the point of a library?")
    assert r.framing() == {"Isn't that the point of a library?": "doubt"}
    r = analyze("Is the council really so careless with public money?")
    assert r.framing() == {"Is the council really so careless with public money?": "doubt"}


def test_plain_and_quoted_questions_are_not_doubt(analyze):
    assert analyze("When will the library reopen?").framing() == {}
    r = analyze("“Wouldn't he have read it first?” asked Councillor Ann Lee.")
    assert r.framing() == {}
    assert r.claim_with("read it first")["source"] == "Ann Lee"


def test_a_question_that_is_a_heading_is_not_doubt(analyzer):
    # An explainer's subheading asks what the section below answers.
    paragraph = "Tariffs are taxes that importers pay on goods from abroad."
    question = "Don't tariffs produce revenue?"
    article = build_article([("paragraph", paragraph), ("heading", question),
                             ("paragraph", "They do, and the Treasury counts it each month.")])
    analysis = analyzer.analyze(article)
    assert [article.text[s.start:s.end] for s in analysis.spans if s.kind == "framing"] == []
    as_text = analyzer.analyze(article_from_text(f"{paragraph} {question}"))
    assert [s.label for s in as_text.spans if s.kind == "framing"] == ["doubt"]


def test_superlatives_and_absolutes_are_exaggeration(analyze):
    cases = {
        "It was the worst budget in the city's history.": "worst budget in the city's history",
        "No two people are more responsible for the closure than the mayor and her deputy.":
            "No two people are more responsible",
        "There was absolutely no evidence of fraud in the accounts.": "absolutely no",
        "He was one of the most corrupt mayors the town has had.": "one of the most corrupt",
        "Only a handful of residents came to the meeting.": "Only a handful",
    }
    for text, words in cases.items():
        assert analyze(text).framing().get(words) == "exaggeration", text


def test_exaggeration_in_someone_elses_words_is_theirs(analyze):
    r = analyze("Councillor Ann Lee said it was the worst budget in history.")
    assert r.framing() == {}
    r = analyze("“There was absolutely no evidence,” said Councillor Ann Lee.")
    assert r.framing() == {}


def test_a_superlative_without_ever_or_history_is_no_exaggeration(analyze):
    assert analyze("It was the worst storm in fifty years.").framing() == {}


def test_a_plain_size_word_is_no_exaggeration(analyze):
    # A superlative or absolute the tagger scores only a little over its threshold is
    # mostly plain size, not the writer's exaggeration.
    assert analyze("The board faces a huge bill for the repairs.").framing() == {}
    assert analyze("The biggest problem for the ferry is the cost of fuel.").framing() == {}


def test_plain_counts_and_reports_are_neither_exaggeration_nor_doubt(analyze):
    assert analyze("There was not a single complaint about the new timetable.").framing() == {}
    assert analyze("The contractor failed to provide the invoices by Friday.").framing() == {}
    assert analyze("The contractor failed to reveal the cost of the bridge.").framing() == {}
    assert analyze("The mayor failed to mention the cost of the bridge.").framing() == {
        "failed to mention": "doubt"}


def test_a_feeling_people_have_about_something_is_theirs(analyze):
    assert analyze("Residents are glad of the shorter trips.").framing() == {}
    assert analyze("Everyone was amazed that the bridge opened early.").framing() == {}
    # Praise said of somebody, with no cause of a feeling, is the writer's word.
    assert analyze("The mayor is brilliant.").framing() == {"brilliant": "loaded-word"}


def test_a_modifier_that_names_a_kind_is_no_loaded_word(analyze):
    for text in ("Police charged the man after the terror attack on the station.",
                 "He was charged with a hate crime on Monday.",
                 "The county asked for disaster relief after the flood."):
        assert analyze(text).framing() == {}, text


def test_taking_a_thing_seriously_is_no_loaded_word(analyze):
    assert analyze("The council will take the complaint seriously.").framing() == {}
    assert analyze("Few residents took the warning seriously.").framing() == {}


def test_radical_is_a_plain_description(analyze):
    assert analyze("The radical group met on Monday.").framing() == {}
    assert analyze("Radical activists blocked the road on Monday.").framing() == {}


def test_word_patterns_run_without_a_tagger():
    import spacy

    from reader.provenance.framing_patterns import PatternFinder

    nlp = spacy.blank("en")
    found = list(PatternFinder(nlp).find(nlp("The file conveniently vanished. Or did it?")))
    assert [(start, end, label) for start, end, label, _ in found] == [(9, 21, "doubt")]


def test_a_sentence_repeated_word_for_word_is_page_furniture(analyze):
    prompt = "Share this disastrous story with your friends today!"
    r = analyze(f"The council met on Monday. {prompt} The budget passed on Friday. {prompt}")
    assert r.framing() == {}
    r = analyze(f"The council met on Monday. {prompt} The budget passed on Friday.")
    assert r.framing() == {"disastrous": "loaded-word"}


def test_a_word_in_capitals_for_emphasis_is_an_intensifier(analyze):
    r = analyze("The new rule changes NO safety checks at the plant, and the council was "
                "NOT consulted about it.")
    framing = r.framing()
    assert framing.get("NO") == "intensifier" and framing.get("NOT") == "intensifier"


def test_acronyms_headings_and_runs_of_capitals_are_no_emphasis(analyze):
    r = analyze("ICE officers met WHO staff at the harbour on Monday.")
    assert "intensifier" not in r.framing().values()
    heading = analyze("JUST WATCHED the ferry leave the harbour on time, OK?")
    assert "intensifier" not in heading.framing().values()


def test_capitals_inside_a_quote_are_the_speakers(analyze):
    r = analyze("“There is NO money left for the ferry,” said Mayor Daniel Ortiz.")
    assert r.framing() == {}


def test_a_superlative_bounded_by_a_period_is_a_measured_comparison(analyze):
    assert analyze("Prices rose at the fastest pace since 1990.").framing() == {}
    assert analyze("It was the worst harvest in a decade for the valley.").framing() == {}


def test_a_distancing_verb_that_reports_no_words_is_no_framing(analyze):
    # "admit" as letting in, "claim" as taking lives: neither is the writer casting doubt
    # on somebody's words (the attribution rules still read a claim in both).
    for text in ("The ministry admitted two students into the program last year.",
                 "The heat wave claimed at least 30 lives last week."):
        assert "distancing-verb" not in analyze(text).framing().values(), text
    reported = analyze("Councillor Ann Lee admitted that the budget was late.")
    assert reported.framing().get("admitted") == "distancing-verb"


def test_a_loaded_noun_that_modifies_another_is_a_loaded_word_not_name_calling(analyze):
    # "smear" names something in "a smear"; in "a smear campaign" it describes the campaign.
    assert analyze("The report was a smear.").framing().get("smear") == "name-calling"
    modifier = analyze("The smear campaign against the mayor began in June.")
    assert modifier.framing().get("smear") == "loaded-word"


def test_an_article_in_another_language_gets_no_framing(analyze):
    # The English word lists and tagger would mark the German article "die" as loaded.
    german = analyze("Die Schule in der Altstadt bekommt einen neuen Anbau. Schüler, die dort "
                     "lernen, sollen ab Herbst mehr Platz haben. Die Eltern, die lange auf die "
                     "Pläne gewartet haben, sind zufrieden. Lehrer, die im alten Gebäude "
                     "unterrichten, ziehen im Winter um. Die Stadt zahlt den größten Teil.")
    assert german.framing() == {}
    english = analyze("The city opened the new bridge on Monday after three years of work. The "
                      "absurd delays cost the taxpayers twelve million dollars, and the reckless "
                      "contractor walked away with a bonus. Residents are glad of the shorter "
                      "trips, and shop owners hope for more customers this summer.")
    # The English article is framed (and "glad of", the residents' own feeling, is not).
    framing = english.framing()
    assert framing["absurd"] == framing["reckless"] == "loaded-word"
    assert "glad" not in framing
