"""Source resolution reads the document's entities once per call (sources._entities is
pinned inside resolve_sources), and a change to the entities between calls is seen."""

from spacy.tokens import Span

from reader.provenance import sources
from reader.provenance.drafts import ClaimDraft
from reader.vocabulary import RuleName

TEXT = "Maria Lopez, the county treasurer, said the budget was balanced."


def _draft(doc):
    said = next(t for t in doc if t.lower_ == "said")
    head = doc[1]  # "Lopez"
    content = (said.idx + len(said) + 1, len(doc.text) - 1)
    return ClaimDraft(content=[content],
                      cue=(said.idx, said.idx + len(said)), source_token=head,
                      source_span=(0, head.idx + len(head)), rule=RuleName.COMPLEMENT, why="test")


def test_a_change_to_the_entities_between_calls_is_seen(analyzer):
    doc = analyzer.nlp.make_doc(TEXT)
    for name, component in analyzer.nlp.pipeline:
        if name.startswith("provenance"):
            continue
        doc = component(doc)
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    found, _ = sources.resolve_sources(doc, [_draft(doc)])
    assert [(s.name, s.type) for s in found] == [("Maria Lopez", "person")]
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    found, _ = sources.resolve_sources(doc, [_draft(doc)])
    assert [(s.name, s.type) for s in found] == [("Maria Lopez", "organization")]
    assert sources._PINNED.get() is None  # nothing stays pinned after the call


def test_a_source_who_asked_not_to_be_named_is_anonymous(analyze):
    r = analyze("The referendum would cost more than the branch itself, according to a "
                "council member who asked not to be named.\n\n"
                "\"We are not going to run the town's budget by petition,\" the council "
                "member said.")
    member = r.source("a council member")
    assert member.type == "anonymous"
    assert len(member.claims) == 2
    r = analyze("The referendum would cost more than the branch itself, according to a "
                "council member.")
    assert r.source("a council member").type == "person"


def test_a_name_described_as_a_consultancy_is_an_organisation(analyze):
    r = analyze("Harlow Analytics, the consultancy that drew up the council's efficiency "
                "plan, said in its report that the building would need repairs.")
    assert r.source("Harlow Analytics").type == "organization"
