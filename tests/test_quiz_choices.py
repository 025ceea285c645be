"""What quiz mode offers as the source of a span: names from the text, not the answers."""

from reader.provenance.model import Analysis, Claim, Source, VoiceSpan
from reader.quiz import NAME_PREFIX, TYPE_PREFIX, Quiz, source_choices


def test_names_without_the_model_are_names_not_sentence_openers():
    from reader.quiz import capitalised_names

    text = ("Joint Staff Spokesperson Col. Dave Butler said on Wednesday that talks with "
            "China. The calls were routine, he said. All calls are staffed. “Nobody knew,” "
            "said Sens. Marco Rubio's aide.")
    names = capitalised_names(text)
    assert "Joint Staff Spokesperson Col. Dave Butler" in names
    assert "Sens. Marco Rubio" in names
    assert "China" in names
    for noise in ("Wednesday", "All", "China. The", "Nobody", "The"):
        assert noise not in names


def test_choices_name_everyone_and_score_generic_guesses():
    text = "Ann Lee said the plan works. A city report found costs rose. Bo Park smiled."
    lee, report = (0, 7), (text.index("A city report"), text.index(" found"))
    analysis = Analysis(
        spans=[VoiceSpan("s1", "paraphrase", 13, 27, claim="c1"),
               VoiceSpan("s2", "paraphrase", text.index("costs"), text.index(" rose") + 5,
                         claim="c2")],
        claims=[Claim("c1", "p1", lee, (8, 12), [(13, 27)], "paraphrase"),
                Claim("c2", "d1", report, None,
                      [(text.index("costs"), text.index(" rose") + 5)], "paraphrase")],
        sources=[Source("p1", "Ann Lee", "person", mentions=[lee], claims=["c1"]),
                 Source("d1", "A city report", "document", mentions=[report],
                        claims=["c2"])])
    choices = source_choices(text, analysis, ["Ann Lee", "Bo Park"])
    values = {c.title: c.value for c in choices}
    assert values["Ann Lee"] == "p1" and values["Bo Park"] == NAME_PREFIX + "Bo Park"
    assert "A city report" not in values  # not offered by name: that would be the answer
    quiz = Quiz(analysis, listed={"p1"})
    assert quiz.guess(14, 20, "paraphrase", TYPE_PREFIX + "person").source_right is False
    costs = analysis.spans[1]
    assert quiz.guess(costs.start, costs.end, "paraphrase", TYPE_PREFIX + "document").source_right
