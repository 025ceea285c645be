"""Rules for what the learned tagger reads badly (reader.provenance.constructions and the
quote-frame cues of speakers.py), one invented sentence per construction."""


def test_dash_byline_names_the_source_of_the_quotation(analyze):
    r = analyze("“We will win this fight and we will not stop until the job is done.” ― Maria "
                "Okafor\n\nThe rally ended at noon.")
    claim = r.claim_with("We will win this fight")
    assert claim["source"] == "Maria Okafor" and claim["cue"] == "―"


def test_dash_byline_with_an_em_dash_and_a_place(analyze):
    r = analyze("“The river has never been this low in my lifetime.” — Tom Reyes, Fresno\n\n"
                "Officials met on Monday.")
    claim = r.claim_with("The river has never been this low")
    assert claim["source"] == "Tom Reyes"


def test_a_dash_inside_a_sentence_is_not_a_byline(analyze):
    r = analyze("“It was a long night,” she said ― and then the lights went out.")
    claim = r.claim_with("It was a long night")
    assert claim["cue"] == "said"


def test_continued_colon_takes_its_subject_as_the_speaker(analyze):
    r = analyze("Judge Ruth Calder spoke for an hour on Monday.\n\nCalder continued: “The "
                "council has ignored every warning it was given about the dam.”")
    claim = r.claim_with("The council has ignored every warning")
    assert claim["source"] == "Ruth Calder" and claim["cue"] == "continued"


def test_commented_colon(analyze):
    r = analyze("A neighbour commented: “Nobody here has slept properly since the works began.”")
    claim = r.claim_with("Nobody here has slept properly")
    assert claim["cue"] == "commented" and claim["source"] is not None


def test_she_continued_starts_a_new_claim_after_a_quote(analyze):
    r = analyze("“We will appeal the ruling,” Anna Smith said. She continued, “The council has "
                "not heard the last of this.”")
    first = r.claim_with("We will appeal the ruling")
    second = r.claim_with("The council has not heard the last of this")
    assert first is not second and first["content"] != second["content"]
    assert second["cue"] == "continued" and second["source"] == "Anna Smith"


def test_continued_to_is_not_a_quote_frame(analyze):
    r = analyze("The mayor continued to attack the “rigged” budget process.")
    assert not any(c["cue"] == "continued" for c in r.claims())


def test_the_letter_reads(analyze):
    r = analyze("Parents sent a letter to the board last week.\n\n“We see schools offering our "
                "children hope for a better future,” the letter reads.")
    claim = r.claim_with("We see schools offering our children hope")
    assert claim["cue"] == "reads" and claim["source"] is not None
    assert "letter" in claim["source"].lower()


def test_split_fragments_of_one_quotation_are_one_claim(analyze):
    r = analyze("Cruz called Trump a “pathological liar” and an “utterly amoral” narcissist.")
    holding = [c for c in r.claims() if "pathological liar" in c["content"]]
    assert len(holding) == 1
    claim = holding[0]
    assert "utterly amoral" in claim["content"] and claim["content"].startswith("Trump")
    assert claim["cue"] == "called" and claim["source"] == "Cruz" and claim["kind"] == "mixed"


def test_passive_cue_with_no_agent_is_unattributed(analyze):
    r = analyze("A curfew was announced in the city after two nights of protests.")
    claim = r.claim_with("A curfew")
    assert claim["source"] is None and claim["cue"] == "was announced"
    assert all(c["source"] is None for c in r.claims())


def test_passive_cue_with_an_agent_keeps_its_source(analyze):
    r = analyze("The closure of the bridge was announced by the transport ministry.")
    claim = r.claim_with("The closure of the bridge")
    assert claim["source"] is not None and "ministry" in claim["source"].lower()


def test_nested_allegation_is_the_documents_and_the_confirmation_keeps_the_rest(analyze):
    r = analyze("The spokesman confirmed some allegations contained in a new book that the "
                "senator had lied to investigators.")
    book = r.claim_with("the senator had lied to investigators")
    assert book["cue"] == "allegations" and "book" in book["source"].lower()
    confirmation = r.claim_with("some allegations contained in a new book")
    assert confirmation["cue"] == "confirmed" and confirmation["source"] == "The spokesman"
    assert "lied" not in confirmation["content"]
