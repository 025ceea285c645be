"""Quotation-mark pairing: every mark style, apostrophes, long quotes, broken input."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.provenance.quotes import find_quotes, paragraph_ranges


def quoted(text: str) -> list[str]:
    """The inner text of every quotation piece, in order."""
    return [text[p.inner_start:p.inner_end] for p in find_quotes(text, paragraph_ranges(text))]


def test_straight_double_quotes():
    assert quoted('He said "we will win" and left.') == ["we will win"]


def test_curly_double_quotes():
    assert quoted("“We simply cannot,” said the mayor.") == ["We simply cannot,"]


def test_curly_quote_inside_a_paragraph_of_straight_quotes_is_nested():
    text = ('"The vote is close, and I will read you the question: \u201cShould the pier '
            'stay open?\u201d Forty, yes; fifty, no."')
    assert quoted(text) == [text[1:-1]]


def test_curly_quote_after_an_unclosed_straight_mark_is_its_own():
    text = 'The 5" pipe broke, and the mayor said \u201cWe will fix it soon.\u201d'
    assert quoted(text) == ["We will fix it soon."]


def test_a_closing_mark_typed_to_open_a_line_opens_it():
    text = "“The pier must stay.” ― Ana Ruiz\n”Fear. I am afraid the pier will close.” ― Tom Hale"
    assert quoted(text) == ["The pier must stay.", "Fear. I am afraid the pier will close."]


def test_a_closing_mark_after_a_word_still_closes():
    assert quoted("“We won” and left.") == ["We won"]


def test_an_opening_mark_typed_to_close_a_quotation_closes_it():
    text = ("\u201cThe race could turn on this county,\u201c said Ana Ruiz, a council member. "
            "She left early.")
    assert quoted(text) == ["The race could turn on this county,"]


def test_an_opening_mark_before_a_word_still_opens():
    text = "She said \u201cno\u201d and then \u201cnever again.\u201d"
    assert quoted(text) == ["no", "never again."]


def test_curly_single_quotes():
    assert quoted("The sign read ‘closed for good’ on Monday.") == ["closed for good"]


def test_straight_single_quotes():
    assert quoted("She called it 'a disgrace' in the hall.") == ["a disgrace"]


def test_guillemets_both_directions():
    assert quoted("Il a dit « non » hier.") == ["non"]
    assert quoted("Er sagte »nein« gestern.") == ["nein"]
    assert quoted("The motto, «always open», was painted over.") == ["always open"]


def test_german_low_nine_quotes():
    assert quoted("Sie sagte „genug“ und ging.") == ["genug"]
    assert quoted("Er sagte ‚nie‘ und ging.") == ["nie"]


def test_nested_single_inside_double():
    text = '"He told me \'never again\' and hung up," she said.'
    # The nested quotation is part of the outer one, which is reported once.
    assert quoted(text) == ["He told me 'never again' and hung up,"]


def test_nested_curly_quotes():
    text = "“They wrote ‘no comment’ on the form,” he said."
    assert quoted(text) == ["They wrote ‘no comment’ on the form,"]


def test_contractions_are_not_quotes():
    assert quoted("It's late and we don't know why, she's sure.") == []
    assert quoted("It’s late and we don’t know why.") == []


def test_decade_apostrophe():
    assert quoted("Back in the '90s the branch was 'the busiest' in town.") == ["the busiest"]


def test_plural_possessive_apostrophe():
    assert quoted("The Joneses' house and the students' union stayed open.") == []
    assert quoted("Jones' lawyer called it 'baseless' on Friday.") == ["baseless"]


def test_possessive_after_quote_closing():
    assert quoted("She used the word 'unfair' twice in the council's meeting.") == ["unfair"]


def test_quote_over_paragraphs_reopened_without_closing():
    text = ('"The first paragraph of the statement.\n\n'
            '"The second paragraph goes on.\n\n'
            '"And the last one ends here," he said.')
    pieces = find_quotes(text, paragraph_ranges(text))
    assert len(pieces) == 3
    assert len({p.quote_id for p in pieces}) == 1
    assert text[pieces[-1].inner_start:pieces[-1].inner_end] == "And the last one ends here,"
    assert not pieces[0].closed


def test_curly_quote_over_paragraphs():
    text = "“One.\n\n“Two,” she said."
    pieces = find_quotes(text, paragraph_ranges(text))
    assert [text[p.inner_start:p.inner_end] for p in pieces] == ["One.", "Two,"]
    assert pieces[0].quote_id == pieces[1].quote_id


def test_unclosed_quote_not_reopened_stops_at_paragraph_end():
    text = 'He said "this never closes.\n\nA new paragraph with "a quote" in it.'
    pieces = find_quotes(text, paragraph_ranges(text))
    inner = [text[p.inner_start:p.inner_end] for p in pieces]
    assert "a quote" in inner
    assert all("new paragraph" not in part for part in inner)


def test_stray_closing_mark_is_ignored():
    assert quoted("An odd ” mark and then “a real quote” here.") == ["a real quote"]


def test_two_quotes_in_one_sentence():
    text = "“Yes,” she said, “and no.”"
    assert quoted(text) == ["Yes,", "and no."]


def test_mixed_styles_in_one_paragraph():
    text = "He said \"first\" and then ‘second’ and finally «third»."
    assert quoted(text) == ["first", "second", "third"]


def test_empty_quotes_are_not_quotations():
    assert quoted('The field was "" and then "full".') == ["full"]


def test_offsets_include_the_marks():
    text = 'A "b c" d'
    (piece,) = find_quotes(text, paragraph_ranges(text))
    assert text[piece.start:piece.end] == '"b c"'
    assert (piece.inner_start, piece.inner_end) == (3, 6)


def test_quote_inside_parentheses():
    assert quoted('The report (called "thin" by critics) was published.') == ["thin"]


def test_block_of_text_without_marks():
    assert quoted("No quotation marks at all in this paragraph.\n\nNor in this one.") == []


def test_paragraph_ranges_cover_text_between_blank_lines():
    text = "First line\nstill first.\n\n  Second.\r\n\r\nThird."
    ranges = paragraph_ranges(text)
    assert [text[s:e].strip() for s, e in ranges] == ["First line\nstill first.", "Second.", "Third."]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab '\"“”‘’«»\n.,")), max_size=120))
def test_pairing_never_fails_and_pieces_are_well_formed(text):
    pieces = find_quotes(text, paragraph_ranges(text))
    for piece in pieces:
        assert 0 <= piece.start <= piece.inner_start <= piece.inner_end <= piece.end <= len(text)
    starts = [p.start for p in pieces]
    assert len(starts) == len(set(starts))


def test_markup_attribute_values_are_not_quotes():
    assert quoted('<tweet author="mattyglesias" datetime="2016-06-29">It is "over" now') == ["over"]


def test_doubled_straight_singles_are_one_double_quote():
    # ''…'' (two straight marks for each double one), as in newspaper archive text.
    text = "''There's no evidence,'' Mr. Burman said. ''The real issue is governance.''"
    pieces = find_quotes(text, paragraph_ranges(text))
    assert quoted(text) == ["There's no evidence,", "The real issue is governance."]
    assert {p.family for p in pieces} == {"double"} and pieces[0].quote_id != pieces[1].quote_id


def test_doubled_singles_reopen_a_quote_in_the_next_paragraph():
    text = "''A quote that runs on\n\n''and on.''"
    pieces = find_quotes(text, paragraph_ranges(text))
    assert [text[p.inner_start:p.inner_end] for p in pieces] == ["A quote that runs on", "and on."]
    assert pieces[0].quote_id == pieces[1].quote_id


def test_doubled_singles_between_letters_are_no_quote():
    assert quoted("They played rock''n''roll all night.") == []
