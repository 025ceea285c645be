"""The writer's framing: only in the writer's voice, each hit with a label and a why."""


def test_loaded_label_in_the_writers_voice(analyze):
    r = analyze("Senator Jim Banks, a China hawk, toured the base on Monday.")
    assert r.framing().get("China hawk") == "loaded-label"


def test_loaded_word_inside_a_quote_is_the_sources(analyze):
    r = analyze("“This regime has failed the people,” said Senator Jim Banks.")
    assert r.framing() == {}


def test_loaded_word_inside_a_paraphrase_is_the_sources(analyze):
    r = analyze("Senator Jim Banks said the regime had failed the people.")
    assert r.framing() == {}


def test_distancing_verb_on_the_writers_cue(analyze):
    r = analyze("Mayor Daniel Ortiz insisted that every option had been considered.")
    assert r.framing() == {"insisted": "distancing-verb"}
    (span,) = [s for s in r.analysis.spans if s.kind == "framing"]
    assert "insisted" in span.why and 0 < span.confidence <= 1


def test_scare_quote_versus_attributed_short_quote(analyze):
    scare = analyze('The council\'s "consultation" lasted two weeks.')
    assert scare.framing() == {'"consultation"': "scare-quote"}
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
    r = analyze("The so-called efficiency plan even proposed selling the building.")
    framing = r.framing()
    assert framing.get("so-called") == "insinuation"
    assert framing.get("even proposed") == "intensifier"


def test_even_as_a_conjunction_is_not_an_intensifier(analyze):
    r = analyze("Even as he hosted the cookout, the mayor stayed on the phone.")
    assert r.framing() == {}


def test_headline_asserting_what_the_body_attributes(analyze):
    r = analyze("Mayor Hid Library Offer From Council\n\n"
                "The mayor's office hid an offer from a developer to lease the library, "
                "according to emails obtained by the Courier.")
    assert r.framing().get("Mayor Hid Library Offer From Council") == "headline-assertion"


def test_headline_that_attributes_is_not_framing(analyze):
    r = analyze("Emails Show Mayor Hid Library Offer\n\n"
                "The mayor's office hid an offer from a developer, according to emails.")
    assert "headline-assertion" not in r.framing().values()


def test_quoted_name_after_an_ordinary_verb_is_neither_claim_nor_scare_quote(analyze):
    r = analyze("The posters in the north showed “Leave” in red letters.")
    assert r.claims() == []
    assert r.framing() == {}
