"""The learned source linker (reader.provenance.linker): candidates, features, fitting,
and the shipped weights on short invented sentences."""

import pytest

from reader.provenance.linker import (SourceLinker, candidates, cue_head, features, fit,
                                      mention_range)


def _cue(doc, word):
    token = next(t for t in doc if t.text == word)
    return token.i, token.i + 1


def test_candidates_are_the_nominal_heads_of_the_sentence_and_the_one_before(analyzer):
    doc = analyzer.nlp("The storm hit the coast. The city's mayor said the bridge would "
                       "stay closed.")
    start, end = _cue(doc, "said")
    words = [t.text for t in candidates(doc, start, end)]
    assert {"storm", "coast", "city", "mayor", "bridge"} <= set(words)
    assert "said" not in words


def test_the_subject_of_the_cue_verb_is_its_child(analyzer):
    doc = analyzer.nlp("The mayor denied that the bridge was unsafe.")
    start, end = _cue(doc, "denied")
    head = cue_head(doc, start, end)
    mayor = next(t for t in doc if t.text == "mayor")
    bridge = next(t for t in doc if t.text == "bridge")
    content = frozenset(range(bridge.i - 2, len(doc)))
    assert "child0=nsubj" in features(doc, mayor, head, start, end, content)
    assert "in-content" in features(doc, bridge, head, start, end, content)
    assert "speaker-word" in features(doc, mayor, head, start, end, content)


def test_fitting_learns_which_feature_marks_the_speaker():
    rows = [["bias", "subject"], ["bias", "object"]] * 50 + [["bias", "object"]] * 5
    labels = [1, 0] * 50 + [0] * 5
    weights = fit(rows, labels)
    linker = SourceLinker(weights, threshold=0.5)
    assert linker.probability(["bias", "subject"]) > 0.7
    assert linker.probability(["bias", "object"]) < 0.3


def test_the_mention_runs_from_its_left_edge_to_its_head(analyzer):
    doc = analyzer.nlp("The city's new mayor, who took office in May, said it would close.")
    mayor = next(t for t in doc if t.text == "mayor")
    start, end = mention_range(mayor)
    assert doc.text[start:end] == "The city's new mayor"


@pytest.fixture(scope="module")
def shipped():
    linker = SourceLinker.shipped()
    assert linker is not None, "resources/models/source_linker.json is missing"
    return linker


@pytest.mark.parametrize("text, cue, speaker", [
    ("The governor sharply criticized the plan to close the hospital.", "criticized",
     "governor"),
    ("After months of silence, the ministry finally acknowledged the delays.",
     "acknowledged", "ministry"),
    ("The film explains how the prisons grew so quickly.", "explains", "film"),
    ("The museum, Ms. Okafor said, would reopen in the spring.", "said", "Okafor"),
])
def test_the_shipped_linker_picks_the_speaker(analyzer, shipped, text, cue, speaker):
    doc = analyzer.nlp(text)
    start, end = _cue(doc, cue)
    token, probability = shipped.best(doc, start, end, frozenset())
    assert token is not None and token.text == speaker, (token, probability)


def test_the_shipped_linker_finds_no_speaker_for_a_bare_passive(analyzer, shipped):
    doc = analyzer.nlp("A curfew was announced in the capital on Tuesday night.")
    start, end = _cue(doc, "announced")
    content = frozenset(t.i for t in doc if t.text in ("A", "curfew"))
    token, _ = shipped.best(doc, start, end, content)
    assert token is None


def _ranges(doc, cue_word, content_from):
    cue = next(t for t in doc if t.text == cue_word)
    first = next(t for t in doc if t.text == content_from)
    last = doc[-2]  # before the full stop
    return (cue.idx, cue.idx + len(cue)), [(first.idx, last.idx + len(last))]


def _sourceless(doc, rule, cue_word="acknowledged", content_from="the"):
    from reader.provenance.drafts import ClaimDraft

    cue, content = _ranges(doc, cue_word, content_from)
    return ClaimDraft(content=content, cue=cue, source_token=None, source_span=None,
                      rule=rule, why="rule", confidence=0.8)


def test_the_linker_names_the_speaker_of_a_rule_claim_left_without_one(analyzer):
    from reader.provenance import learned

    doc = analyzer.nlp("After months of silence, the ministry acknowledged the delays.")
    draft = _sourceless(doc, "complement", content_from="delays")
    filled = learned.fill_sources(doc, [draft])[0]
    assert filled is not draft and draft.source_token is None  # a copy; the rule's stays
    assert filled.source_token.text == "ministry"
    assert doc.text[filled.source_span[0]:filled.source_span[1]] == "the ministry"
    assert "source by the learned linker" in filled.why


def test_a_passive_left_unattributed_on_purpose_stays_so(analyzer, monkeypatch):
    from reader.provenance import learned

    doc = analyzer.nlp("After months of silence, the ministry acknowledged the delays.")
    draft = _sourceless(doc, "passive-unattributed", content_from="delays")
    assert learned.fill_sources(doc, [draft]) == [draft]
    monkeypatch.setattr(learned, "FILL_THRESHOLD", None)
    plain = _sourceless(doc, "complement", content_from="delays")
    assert learned.fill_sources(doc, [plain])[0].source_token is None


def test_hearsay_keeps_its_hidden_source(analyzer):
    # "allegedly": the subject is what the claim is about, never who makes it; the same
    # sentence read as a plain cue with no source would get the linker's "ministry".
    from reader.provenance import learned

    doc = analyzer.nlp("After months of silence, the ministry acknowledged the delays.")
    hearsay = _sourceless(doc, "hearsay", content_from="delays")
    assert learned.fill_sources(doc, [hearsay]) == [hearsay]
    assert learned.fill_sources(doc, [_sourceless(doc, "complement", content_from="delays")]
                                )[0].source_token.text == "ministry"


def _learned_sourceless(doc, cue_word, content_from):
    from reader.provenance.drafts import ClaimDraft

    cue, content = _ranges(doc, cue_word, content_from)
    return ClaimDraft(content=content, cue=cue, source_token=None, source_span=None,
                      rule="learned", why="learned tagger, 0.80", confidence=0.8)


def test_a_learned_claim_takes_a_less_sure_linker_speaker_only_through_the_source_gate(
        analyzer, monkeypatch):
    from reader.provenance import learned

    monkeypatch.setattr(learned, "SURE_FILL", 1.01)  # no speaker is sure enough to skip it
    doc = analyzer.nlp("After months of silence, the ministry acknowledged that the delays "
                       "were long.")
    draft = _learned_sourceless(doc, "acknowledged", "the")
    merged = learned.merge([], [draft], doc)
    assert len(merged) == 1 and merged[0].source_token.text == "ministry"

    doc = analyzer.nlp("The two leaders sidestepped tricky questions about their own "
                       "policies.")
    draft = _learned_sourceless(doc, "sidestepped", "tricky")
    assert learned.fill_sources(doc, [draft])[0].source_token.text == "leaders"
    merged = learned.merge([], [draft], doc)
    assert merged == [draft] and merged[0].source_token is None  # kept, with no new name


def test_a_learned_claim_takes_a_very_sure_linker_speaker_without_the_gate(analyzer):
    from reader.provenance import learned

    doc = analyzer.nlp("The two leaders sidestepped tricky questions about their own "
                       "policies.")
    draft = _learned_sourceless(doc, "sidestepped", "tricky")
    [(filled, probability)] = learned.linked_sources(doc, [draft])
    assert filled.source_token.text == "leaders" and probability >= learned.SURE_FILL
    merged = learned.merge([], [draft], doc)
    assert len(merged) == 1 and merged[0].source_token.text == "leaders"
    assert merged[0].why.startswith("learned tagger, 0.80; source by the learned linker")
