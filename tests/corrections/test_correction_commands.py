"""Every correction kind: what it changes, undo, redo, and the corrected flag."""

import pytest

from reader.corrections import (
    AddSpan, ChangeKind, Correction, CorrectionHistory, MergeSources, ReassignClaim, RemoveSpan,
    SourceRef, apply_corrections,
)

from correction_fixtures import TEXT, make_analysis


def span_of(analysis, text, phrase):
    start = text.index(phrase)
    return next(s for s in analysis.spans if (s.start, s.end) == (start, start + len(phrase)))


def snapshot(analysis):
    return analysis.to_dict()


def roundtrip(history, correction):
    """Push, undo, redo: returns the dicts after push and after undo."""
    before = snapshot(history.analysis)
    assert history.push(correction)
    after = snapshot(history.analysis)
    assert history.undo() is correction
    assert snapshot(history.analysis) == before
    assert history.redo() is correction
    assert snapshot(history.analysis) == after
    return after


def test_change_kind():
    analysis, text = make_analysis(), TEXT
    history = CorrectionHistory(analysis)
    span = span_of(history.analysis, text, "the plan a disgrace")
    roundtrip(history, ChangeKind.of(text, span, "quote"))
    changed = span_of(history.analysis, text, "the plan a disgrace")
    assert changed.kind == "quote" and changed.corrected
    assert history.analysis.claim("c3").kind == "quote"
    assert analysis.spans[2].kind == "paraphrase"  # the analyser's result is untouched
    assert "corrected" not in analysis.spans[2].to_dict()
    assert changed.to_dict()["corrected"] is True


def test_change_to_framing_detaches_from_its_claim():
    analysis, text = make_analysis(), TEXT
    history = CorrectionHistory(analysis)
    span = span_of(history.analysis, text, "savings are tiny")
    roundtrip(history, ChangeKind.of(text, span, "framing"))
    changed = span_of(history.analysis, text, "savings are tiny")
    assert changed.kind == "framing" and changed.claim is None
    assert history.analysis.claim("c4") is None  # it had no other words


def test_framing_to_paraphrase_becomes_an_unattributed_claim():
    analysis, text = make_analysis(), TEXT
    history = CorrectionHistory(analysis)
    span = span_of(history.analysis, text, "so-called")
    roundtrip(history, ChangeKind.of(text, span, "paraphrase"))
    changed = span_of(history.analysis, text, "so-called")
    claim = history.analysis.claim(changed.claim)
    assert claim.source is None and claim.content == [(changed.start, changed.end)]


def test_reassign_claim_to_existing_source():
    analysis, text = make_analysis(), TEXT
    history = CorrectionHistory(analysis)
    claim = history.analysis.claim("c4")
    roundtrip(history, ReassignClaim.of(text, claim, history.analysis.source("src2")))
    assert history.analysis.claim("c4").source == "src2"
    assert history.analysis.source("src2").claims == ["c3", "c4"]
    assert span_of(history.analysis, text, "savings are tiny").corrected


def test_reassign_claim_to_new_source_and_back_to_unattributed():
    analysis, text = make_analysis(), TEXT
    history = CorrectionHistory(analysis)
    claim = history.analysis.claim("c3")
    roundtrip(history, ReassignClaim.of(text, claim, SourceRef.create("Library Friends", "group")))
    new = history.analysis.sources[-1]
    assert (new.name, new.type, new.claims) == ("Library Friends", "group", ["c3"])
    assert history.analysis.claim("c3").source == new.id
    assert history.analysis.claim("c3").source_span is None  # "Critics" is not theirs
    assert history.analysis.source("src2").claims == []
    roundtrip(history, ReassignClaim.of(text, history.analysis.claim("c3"), None))
    assert history.analysis.claim("c3").source is None


def test_merge_sources():
    analysis, text = make_analysis(), TEXT
    history = CorrectionHistory(analysis)
    keep, merge = history.analysis.source("src1"), history.analysis.source("src2")
    roundtrip(history, MergeSources.of(keep, merge))
    assert [s.id for s in history.analysis.sources] == ["src1"]
    merged = history.analysis.source("src1")
    assert merged.claims == ["c1", "c2", "c3"]
    assert (text.index("Critics"), text.index("Critics") + 7) in merged.mentions
    assert history.analysis.claim("c3").source == "src1"
    assert span_of(history.analysis, text, "the plan a disgrace").corrected


def test_remove_span():
    analysis, text = make_analysis(), TEXT
    history = CorrectionHistory(analysis)
    roundtrip(history, RemoveSpan.of(text, span_of(history.analysis, text, "the plan a disgrace")))
    assert all(s.claim != "c3" for s in history.analysis.spans)
    assert history.analysis.claim("c3") is None
    assert history.analysis.source("src2").claims == []


def test_add_span_from_a_selection():
    analysis, text = make_analysis(), TEXT
    history = CorrectionHistory(analysis)
    start = text.index("Critics called") - 1  # a sloppy selection, spaces included
    end = text.index("Critics called") + len("Critics called") + 1
    roundtrip(history, AddSpan.of(text, start, end, "quote", history.analysis.source("src1")))
    added = span_of(history.analysis, text, "Critics called")
    assert added.corrected and added.kind == "quote" and added.why
    claim = history.analysis.claim(added.claim)
    assert claim.source == "src1" and claim.kind == "quote"
    assert added.claim in history.analysis.source("src1").claims
    assert history.analysis.spans.index(added) == 2  # kept in text order


def test_add_framing_span_has_no_claim():
    analysis, text = make_analysis(), TEXT
    history = CorrectionHistory(analysis)
    start = text.index("tiny")
    roundtrip(history, AddSpan.of(text, start, start + 4, "framing"))
    assert span_of(history.analysis, text, "tiny").claim is None


def test_a_correction_whose_target_is_gone_does_not_apply():
    analysis, text = make_analysis(), TEXT
    history = CorrectionHistory(analysis)
    removal = RemoveSpan.of(text, span_of(history.analysis, text, "so-called"))
    assert history.push(removal)
    before = snapshot(history.analysis)
    assert not history.push(RemoveSpan.of(text, span_of(analysis, text, "so-called")))
    assert snapshot(history.analysis) == before
    assert history.corrections == [removal]


def test_undo_redo_stack_and_descriptions():
    analysis, text = make_analysis(), TEXT
    history = CorrectionHistory(analysis)
    assert not history.can_undo() and history.undo() is None and history.redo() is None
    first = ChangeKind.of(text, span_of(analysis, text, "so-called"), "paraphrase")
    second = RemoveSpan.of(text, span_of(analysis, text, "the plan a disgrace"))
    history.push(first)
    history.push(second)
    assert "Remove" in history.undo_text()
    history.undo()
    assert history.can_redo() and "the plan" in history.redo_text()
    history.undo()
    assert history.corrections == []
    third = RemoveSpan.of(text, span_of(analysis, text, "savings are tiny"))
    history.push(third)  # a new change forgets what was undone
    assert not history.can_redo() and history.corrections == [third]


def test_on_change_is_called():
    analysis, text = make_analysis(), TEXT
    calls = []
    history = CorrectionHistory(analysis, on_change=lambda: calls.append(1))
    history.push(RemoveSpan.of(text, span_of(analysis, text, "so-called")))
    history.undo()
    history.redo()
    assert len(calls) == 3


def test_apply_corrections_makes_a_corrected_copy():
    analysis, text = make_analysis(), TEXT
    corrections = [
        ChangeKind.of(text, span_of(analysis, text, "the plan a disgrace"), "quote"),
        ReassignClaim.of(text, analysis.claim("c4"), SourceRef.create("Budget office", "organization")),
        MergeSources.of(analysis.source("src1"), analysis.source("src2")),
        RemoveSpan.of(text, span_of(analysis, text, "so-called")),
    ]
    original = snapshot(analysis)
    corrected = apply_corrections(analysis, corrections)
    assert snapshot(analysis) == original
    assert [s.name for s in corrected.sources] == ["Ann Ortiz", "Budget office"]
    assert sum(s.corrected for s in corrected.spans) == 2
    history = CorrectionHistory(analysis, corrections)
    assert snapshot(history.analysis) == snapshot(corrected) and not history.skipped


@pytest.mark.parametrize("correction", [
    lambda a, t: ChangeKind.of(t, a.spans[0], "quote"),
    lambda a, t: ReassignClaim.of(t, a.claim("c1"), SourceRef.create("X", "group", "a note")),
    lambda a, t: MergeSources.of(a.source("src1"), a.source("src2")),
    lambda a, t: RemoveSpan.of(t, a.spans[1]),
    lambda a, t: AddSpan.of(t, 0, 7, "framing"),
    lambda a, t: AddSpan.of(t, 0, 7, "paraphrase", None),
])
def test_corrections_serialise(correction):
    analysis, text = make_analysis(), TEXT
    made = correction(analysis, text)
    again = Correction.from_dict(made.to_dict())
    assert again == made
    assert snapshot(apply_corrections(analysis, [again])) == snapshot(apply_corrections(analysis, [made]))


def test_corrections_that_do_not_apply_are_kept_for_saving():
    analysis, text = make_analysis(), TEXT
    gone = RemoveSpan.of(text, span_of(analysis, text, "so-called"))
    analysis.spans = [s for s in analysis.spans if s.kind != "framing"]  # another model
    history = CorrectionHistory(analysis, [gone])
    assert history.skipped == [gone] and history.corrections == []
    change = ChangeKind.of(text, span_of(analysis, text, "savings are tiny"), "quote")
    history.push(change)
    assert history.corrections_to_save == [gone, change]
