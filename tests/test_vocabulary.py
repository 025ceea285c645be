"""The one vocabulary: kinds and types as StrEnums, the rule table, the framing labels."""

import json
import re
from pathlib import Path

import pytest

from reader.provenance import lexicons
from reader.provenance.drafts import ClaimDraft
from reader.provenance.model import Source, VoiceSpan
from reader.vocabulary import (FRAMING_LABELS, RULES, Kind, RuleName, SourceType, SpanLabel,
                               framing_label, rule)

PROVENANCE = Path(__file__).resolve().parents[1] / "reader" / "provenance"


def test_enums_serialise_as_the_contract_strings():
    span = VoiceSpan(id="s1", kind=Kind.QUOTE, start=0, end=3, label=SpanLabel.DIRECT_QUOTE)
    source = Source(id="src1", name="Board", type=SourceType.ORGANIZATION)
    assert json.dumps(span.to_dict()) == json.dumps(
        {"id": "s1", "kind": "quote", "start": 0, "end": 3, "claim": None,
         "label": "direct-quote", "why": "", "confidence": 1.0})
    assert '"type": "organization"' in json.dumps(source.to_dict())
    assert VoiceSpan.from_dict(span.to_dict()).kind is Kind.QUOTE


def test_an_unknown_rule_fails_loudly():
    with pytest.raises(ValueError, match="unknown rule 'quote-cues'"):
        rule("quote-cues")
    with pytest.raises(ValueError):
        ClaimDraft(content=[(0, 3)], cue=None, source_token=None, source_span=None,
                   rule="complment", why="")


def test_a_draft_takes_its_label_and_confidence_from_the_rule_table():
    draft = ClaimDraft(content=[(0, 3)], cue=None, source_token=None, source_span=None,
                       rule=RuleName.POSITION, why="")
    assert (draft.label, draft.confidence) == (SpanLabel.POSITION, RULES[RuleName.POSITION].confidence)
    looser = ClaimDraft(content=[(0, 3)], cue=None, source_token=None, source_span=None,
                        rule="position", why="", confidence=0.65)
    assert looser.rule is RuleName.POSITION and looser.confidence == 0.65


def test_every_rule_is_ranked_labelled_and_explained():
    assert set(RULES) == set(RuleName)
    for item in RULES.values():
        assert 0 <= item.rank and 0 < item.confidence <= 1
        assert item.explanation.endswith(".") and len(item.explanation.split()) >= 8
    # Quotes with a speaker beat reported speech, which beats an unattributed quote.
    assert RULES[RuleName.QUOTE_CUE].rank < RULES[RuleName.COMPLEMENT].rank < \
        RULES[RuleName.QUOTE_UNATTRIBUTED].rank


def test_every_rule_is_used_and_no_rule_is_spelt_out():
    source = "".join(p.read_text(encoding="utf-8") for p in PROVENANCE.glob("*.py"))
    for name in RuleName:
        assert f"RuleName.{name.name}" in source, name
    assert not re.search(r'rule="', source)


def test_every_framing_label_of_the_lexicons_is_explained():
    labels = set(lexicons.load_labelled("loaded_labels").values()) | \
        set(lexicons.load_labelled("distancing_verbs").values())
    assert labels <= set(FRAMING_LABELS)
    for label in FRAMING_LABELS.values():
        assert label.title and label.explanation.endswith(".")
    with pytest.raises(ValueError, match="unknown framing label"):
        framing_label("spin")
