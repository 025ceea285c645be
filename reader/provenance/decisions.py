"""Decisions as positions: "the board decided (that) the library should close", "the
campaign decided to skip the debate", "the court ruled that the map was unfair".

PolNeAR marks what someone decided as that someone's attribution: the clause or the
infinitive is the content, "decided" the cue (dev and train samples: 6 of 7 outside
quotations and other claims). The verb stays off the cue-verb list
(scripts/learn_cue_lexicon.py leaves it out, since its other readings, "the vote will
decide the race", are no attributions); here it is read only with a clause or an
infinitive and a subject. (The noun, "the senator's decision to resign", was measured:
it adds as many false claims as it finds.)
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from reader.provenance.cues import subject_claim
from reader.provenance.drafts import ClaimDraft


def find_decisions(doc: Doc) -> list[ClaimDraft]:
    """The claims of "decide" with a clause or an infinitive, and of a ruling."""
    drafts = []
    for token in doc:
        if token.pos_ != "VERB":
            continue
        lemma = token.lemma_.lower()
        draft = _decided(doc, token) if lemma == "decide" else \
            _ruled(doc, token) if lemma == "rule" else None
        if draft is not None:
            drafts.append(draft)
    return drafts


def _ruled(doc: Doc, verb: Token) -> ClaimDraft | None:
    """"The appeals court ruled that the map was unfair", "a judge ruled Friday against the
    county's plan", "ruled in favor of the tenants": what a court rules is its claim, the
    clause (with its "that") or the phrase with its preposition (dev and train samples: 3
    of 3 outside other claims marked this way). Not "ruled out" (a position the other
    rules read) nor "ruled the island for a century"."""
    if any(c.dep_ == "prt" for c in verb.children):
        return None
    content = next((c for c in verb.children if c.i > verb.i and (
        c.dep_ == "ccomp" or c.dep_ == "prep" and c.i < c.right_edge.i and (
            c.lower_ == "against" or c.lower_ == "in" and doc[c.i + 1].lower_ == "favor"))),
        None)
    if content is None:
        return None
    return subject_claim(doc, verb, content.left_edge, content.right_edge,
                         f"'{verb.text}' with what was ruled")


def _infinitive_after(head: Token) -> Token | None:
    return next((c for c in head.children if c.dep_ == "xcomp" and c.i > head.i
                 and any(a.tag_ == "TO" for a in c.children)), None)


def _decided(doc: Doc, verb: Token) -> ClaimDraft | None:
    """"The board decided the library should close", "we decided to invite both": the
    subject's position, the clause or the infinitive."""
    content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None) \
        or _infinitive_after(verb)
    if content is None:
        return None
    return subject_claim(doc, verb, content.left_edge, content.right_edge,
                         f"'{verb.text}' with what was decided")
