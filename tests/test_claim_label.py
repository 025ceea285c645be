"""A claim listed as one line: its cue joins a topic-only content, quotations and long
paraphrases stay their own words (invented sentences, hand-made claims)."""

from reader.claim_label import claim_label, content_words, needs_cue, shown_parts
from reader.provenance.model import Claim

TEXT = ("Senator Alma Reyes has been critical of the mayor. Councillor Tom Beck spoke warmly "
        "of her first term and of the long summer when the ferry ran every hour past the "
        "old mill. “We will build it,” the mayor said, “before the winter.” Beck said that "
        "the bridge would open next spring if the council approves the money in June. "
        "A curfew was announced on Friday. The plan, Beck said, is risky.")


def _range(words: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(words, after)
    return start, start + len(words)


def _claim(content: list[str], cue: str | None, kind: str = "paraphrase") -> Claim:
    return Claim("c1", "s1", None, _range(cue) if cue else None,
                 [_range(words) for words in content], kind)


def test_a_short_paraphrase_is_listed_with_its_cue():
    claim = _claim(["the mayor"], "has been critical of")
    assert needs_cue(TEXT, claim)
    assert claim_label(TEXT, claim) == "has been critical of: the mayor"


def test_a_long_topic_keeps_its_cue_and_is_cut_to_the_limit():
    claim = _claim(["her first term and of the long summer when the ferry ran every hour "
                    "past the old mill"], "spoke warmly of")
    assert claim_label(TEXT, claim, limit=None) == (
        "spoke warmly of: her first term and of the long summer when the ferry ran every "
        "hour past the old mill")
    short = claim_label(TEXT, claim, limit=40)
    assert short == "spoke warmly of: her first term and of…"
    assert len(short) <= 40


def test_a_cue_after_its_content_follows_it():
    claim = _claim(["A curfew"], "was announced")
    assert claim_label(TEXT, claim) == "A curfew — was announced"


def test_a_long_paraphrase_is_its_own_words():
    claim = _claim(["that the bridge would open next spring if the council approves the "
                    "money in June"], "said")
    assert not needs_cue(TEXT, claim)
    assert claim_label(TEXT, claim) == (
        "that the bridge would open next spring if the council approves the money in June")


def test_a_quotation_is_its_own_words_however_short():
    claim = _claim(["“We will build it,”", "“before the winter.”"], "said", kind="quote")
    assert not needs_cue(TEXT, claim)
    assert claim_label(TEXT, claim) == "“We will build it,” the mayor said, “before the winter.”"
    assert claim_label(TEXT, claim, joined=True) == "“We will build it,” … “before the winter.”"


def test_no_cue_no_cue_and_a_cue_inside_the_content_is_not_repeated():
    assert claim_label(TEXT, _claim(["the mayor"], None)) == "the mayor"
    inside = _claim(["The plan,", "is risky."], "Beck said")
    inside.cue_span = _range("Beck said", TEXT.index("The plan"))
    assert not needs_cue(TEXT, inside)
    assert claim_label(TEXT, inside) == "The plan, Beck said, is risky."


def test_content_words_are_on_one_line():
    text = "The board\nhas been critical of the new\n  harbour fees."
    start = text.index("the new")
    claim = Claim("c1", "s1", None, (10, 30), [(start, len(text) - 1)], "paraphrase")
    assert content_words(text, claim) == "the new harbour fees"
    assert claim_label(text, claim) == "has been critical of: the new harbour fees"


def test_words_of_the_content_the_text_does_not_colour_are_not_listed():
    text = "They shut the pool, a move that parents called a “quiet betrayal” of the town."
    that, quote = _at(text, "that"), _at(text, "a “quiet betrayal”")
    claim = Claim("c1", "s1", _at(text, "parents"), _at(text, "called"), [that, quote], "quote")
    coloured = [_at(text, "“quiet betrayal”")]
    assert claim_label(text, claim) == "that parents called a “quiet betrayal”"
    assert claim_label(text, claim, shown=coloured) == "“quiet betrayal”"
    assert claim_label(text, claim, joined=True, shown=coloured) == "“quiet betrayal”"
    # A part that is coloured whole stays whole; with nothing coloured, the content as it is.
    assert shown_parts(claim, [that, *coloured]) == [that, coloured[0]]
    assert shown_parts(claim, []) == [that, quote]
    assert shown_parts(claim, [(0, 4)]) == [that, quote]


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)
