"""Words that say nothing of their own beside a quotation are not coloured as a fragment of
the claim (reader/provenance/assemble._without_glue); the claim's content keeps them, as
PolNeAR marks it (invented sentences)."""


def test_a_naming_cue_shows_the_quotation_without_stray_fragments(analyze):
    r = analyze("The board shut the east pool in March, a move that parents called a "
                "\"quiet betrayal\" of the neighbourhood.")
    claim = r.claim_with("quiet betrayal")
    # The content is still "that … a “quiet betrayal”" (the relative word names what is
    # judged), but the text colours the parents' words alone.
    assert claim["content"].startswith("that |") and claim["source"] == "parents"
    assert r.spans("quote") == ['"quiet betrayal"']
    assert r.spans("paraphrase") == []
    assert claim["kind"] == "quote"


def test_and_between_two_quotations_is_not_a_paraphrase(analyze):
    r = analyze("The mayor called the new bridge \"reckless\" and \"far too costly\" on Friday.")
    assert "and" not in [words.strip() for words in r.spans("paraphrase")]
    assert '"reckless"' in r.spans("quote") and '"far too costly"' in r.spans("quote")


def test_a_retold_part_with_words_of_its_own_stays_coloured(analyze):
    r = analyze("Ms. Lund said the ferry plan was \"dead on arrival\" after the vote.")
    assert r.claim_with("dead on arrival")["kind"] == "mixed"
    assert any("the ferry plan was" in words for words in r.spans("paraphrase"))
