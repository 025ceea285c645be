"""Quiz scoring: a point for the kind, a point for the source, each span once."""

from reader.quiz import Quiz

from correction_fixtures import TEXT, make_analysis


def at(text, phrase):
    start = text.index(phrase)
    return start, start + len(phrase)


def test_right_kind_and_source_score_two():
    analysis, text = make_analysis(), TEXT
    quiz = Quiz(analysis)
    result = quiz.guess(*at(text, "We cannot keep"), "quote", "src1")
    assert result.span.id == "s2" and result.right and result.points == 2
    assert quiz.score == 2 and quiz.max_score == 10 and "s2" in quiz.revealed


def test_wrong_source_scores_the_kind_only():
    analysis, text = make_analysis(), TEXT
    quiz = Quiz(analysis)
    result = quiz.guess(*at(text, "the plan a disgrace"), "paraphrase", "src1")
    assert result.kind_right and not result.source_right and result.points == 1
    assert result.actual_source == "src2"


def test_wrong_kind_right_source():
    analysis, text = make_analysis(), TEXT
    quiz = Quiz(analysis)
    result = quiz.guess(*at(text, "the branch costs"), "quote", "src1")
    assert (result.kind_right, result.source_right, result.points) == (False, True, 1)
    assert result.actual_kind == "paraphrase"


def test_framing_and_unattributed_have_no_source():
    analysis, text = make_analysis(), TEXT
    quiz = Quiz(analysis)
    assert quiz.guess(*at(text, "so-called"), "framing", None).points == 2
    assert quiz.guess(*at(text, "savings are tiny"), "paraphrase", None).points == 2
    assert quiz.guess(*at(text, "savings are tiny"), "paraphrase", None).already_revealed
    assert quiz.score == 4


def test_selection_matches_the_span_it_overlaps_most():
    analysis, text = make_analysis(), TEXT
    quiz = Quiz(analysis)
    start = text.index("disgrace")
    end = text.index("savings are") + 3  # "disgrace. The so-called sav"
    assert quiz.match(start, end).id == "s4"  # "so-called" overlaps most
    assert quiz.match(end, start).id == "s4"  # selections can run backwards
    caret = text.index("branch")
    assert quiz.match(caret, caret).id == "s1"  # a click inside a span


def test_selecting_plain_text_scores_nothing():
    analysis, text = make_analysis(), TEXT
    quiz = Quiz(analysis)
    result = quiz.guess(*at(text, "Mayor Ann"), "quote", "src1")
    assert result.span is None and result.points == 0 and not result.kind_right
    assert quiz.guess(*at(text, "Mayor Ann"), None, None).right
    assert quiz.score == 0 and quiz.guesses == 2


def test_a_span_scores_once_and_reveal_all():
    analysis, text = make_analysis(), TEXT
    quiz = Quiz(analysis)
    quiz.guess(*at(text, "We cannot keep"), "quote", "src1")
    again = quiz.guess(*at(text, "We cannot keep"), "quote", "src1")
    assert again.already_revealed and again.points == 0 and quiz.score == 2
    rest = quiz.reveal_all()
    assert {s.id for s in rest} == {"s1", "s3", "s4", "s5"} and quiz.finished
    assert quiz.score == 2
    quiz.reset()
    assert quiz.score == 0 and len(quiz.hidden) == 5


def test_a_framing_word_inside_a_topic_is_matched_alone():
    from reader.provenance.model import Analysis
    text = "Ann Ortiz complained about disastrous leases."
    topic, end = text.index("disastrous"), text.index(".")
    analysis = Analysis.from_dict({"spans": [
        {"id": "s1", "kind": "paraphrase", "start": topic, "end": end, "claim": "c1"},
        {"id": "s2", "kind": "framing", "start": topic, "end": topic + 10, "claim": None,
         "label": "loaded-word"}],
        "claims": [{"id": "c1", "kind": "paraphrase", "source": None,
                    "content": [[topic, end]]}], "sources": []})
    quiz = Quiz(analysis)
    assert quiz.match(*at(text, "disastrous")).id == "s2"
    assert quiz.match(topic + 2, topic + 2).id == "s2"  # a click on the word
    assert quiz.match(*at(text, "disastrous leases")).id == "s1"
