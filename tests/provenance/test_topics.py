"""What someone speaks about (reader.provenance.topics)."""

from reader.provenance.topics import find_spoken_topics


def test_speaking_of_a_topic_is_the_speakers_claim(analyze):
    r = analyze("The mayor spoke warmly of her first term.")
    claim = r.claim_with("her first term")
    assert claim["content"] == "her first term" and claim["cue"] == "spoke warmly of"
    assert claim["source"] == "The mayor"


def test_pressing_someone_on_a_topic_keeps_the_addressee_in_the_cue(analyze):
    r = analyze("Reporters pressed her on taxes.")
    taxes = r.claim_with("taxes")
    assert taxes["content"] == "taxes" and taxes["cue"] == "pressed her on"
    assert taxes["source"] == "Reporters"


def test_speech_verbs_with_no_topic_right_after_them_are_left_alone(analyzer):
    doc = analyzer.nlp("She spoke for an hour about the budget. The host asked him about "
                       "the audit. The chef wrote a book about bread.")
    assert find_spoken_topics(doc) == []


def test_a_topic_goes_on_through_what_the_parser_hung_on_the_verb(analyze):
    r = analyze("The pilot spoke emotionally of his many flights over the bay, past the "
                "lighthouse and the old pier. The mayor spoke warmly of the old mill and how "
                "the town grew around it.")
    assert r.claim_with("his many flights")["content"] == \
        "his many flights over the bay, past the lighthouse and the old pier"
    assert r.claim_with("the old mill")["content"] == \
        "the old mill and how the town grew around it"


def test_a_topics_setting_is_not_part_of_it(analyze):
    r = analyze("The mayor spoke of the mill in an interview on Tuesday.")
    assert r.claim_with("the mill")["content"] == "the mill"
