"""The hover card's and caption's sentences speak to a student, not in rule jargon."""

from reader.plain_language import explain


def test_the_issue_example():
    assert explain("paraphrase", label="reported-speech", who="the spokesman",
                   cue="confirmed") == ("The spokesman confirmed this; the writer retells it "
                                        "in their own words.")


def test_every_kind_and_case_reads_as_a_sentence():
    sentences = [
        explain("quote", who="Lena Brooks", cue="said"),
        explain("quote", who="Lena Brooks"),
        explain("quote"),
        explain("paraphrase", label="according-to", who="the budget report", cue="According to"),
        explain("paraphrase", label="hearsay", cue="allegedly"),
        explain("paraphrase"),
        explain("paraphrase", who="Ortiz", cue="his comments"),
        explain("framing", label="distancing-verb", words="claimed"),
        explain("framing", label="no-such-label", words="so"),
    ]
    for sentence in sentences:
        assert sentence[0].isupper() and sentence.endswith(".")
        assert "→" not in sentence and "cue '" not in sentence
    assert "exact words" in sentences[0] and "does not say whose" in sentences[2]
    assert "nobody is named" in sentences[4]
    assert "“claimed”" in sentences[7] and "not be true" in sentences[7]



def test_a_block_quote_is_not_said_to_be_inside_quotation_marks():
    # "Head librarian Ana Ruiz read a statement: <paragraphs with no marks>".
    for sentence in (explain("quote", label="block-quote", who="Ana Ruiz"),
                     explain("quote", label="block-quote", who="Ana Ruiz", cue="wrote"),
                     explain("quote", label="block-quote")):
        assert "block quote" in sentence and "quotation marks" not in sentence
        assert sentence[0].isupper() and sentence.endswith(".")
    assert explain("quote", label="block-quote", who="Ana Ruiz", cue="wrote").startswith(
        "Ana Ruiz wrote this")
    assert "inside quotation marks" in explain("quote", label="direct-quote", who="Ana Ruiz")


def test_the_retold_part_of_a_claim_that_quotes_some_words_says_so():
    # "Ms. Lund accused the board of “hiding behind spreadsheets.”": one claim, two parts.
    retold = explain("paraphrase", who="Ms. Lund", cue="accused", mixed=True)
    assert retold.startswith("Ms. Lund accused this; the writer retells it")
    assert retold.endswith("The words in quotation marks are quoted exactly.")
    assert "quoted exactly" not in explain("paraphrase", who="Ms. Lund", cue="accused")
    assert "quoted exactly" not in explain("quote", who="Ms. Lund", mixed=True)
