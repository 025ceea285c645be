"""What someone speaks about: "the mayor spoke of her first term", "pressed her on taxes",
"joked about the weather".

PolNeAR marks a speech verb with a topic after "about" or "of" (or "on", after "press") as
an attribution whose cue runs from the verb through the preposition (with an addressee
in between) and whose content is the topic. The verbs here are no cue verbs on their own
("she spoke for an hour", "wrote all night" say nothing), so they are read only with such
a topic and a subject that speaks (dev and train samples, these verbs with their
prepositions outside quotations and other claims: 27 gold-marked, 13 of them missed
before; 2 not marked). "asked him about X" is left out: on the real pages it made a
questioner a source of the answers; on PolNeAR it gained two claims and made one false.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from reader.provenance.cues import subject_claim
from reader.provenance.drafts import ClaimDraft

# Verb lemma → the prepositions that introduce what is spoken about.
_TOPIC_PREPS = {
    "speak": ("about", "of"), "press": ("about", "on"),
    "joke": ("about", "of"), "boast": ("about", "of"), "brag": ("about", "of"),
    "complain": ("about", "of"), "testify": ("about",), "write": ("about", "of"),
    "care": ("about",), "worry": ("about",), "lie": ("about",),
}
# Addressees that may stand between the verb and its topic ("pressed him on").
_ADDRESSEE_DEPS = ("dobj", "dative")


def find_spoken_topics(doc: Doc) -> list[ClaimDraft]:
    drafts = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _TOPIC_PREPS:
            continue
        draft = _spoken_topic(doc, verb, _TOPIC_PREPS[verb.lemma_.lower()])
        if draft is not None:
            drafts.append(draft)
    return drafts


def _spoken_topic(doc: Doc, verb: Token, preps: tuple[str, ...]) -> ClaimDraft | None:
    prep = min((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
                and c.i > verb.i and c.i < c.right_edge.i), key=lambda c: c.i, default=None)
    if prep is None:
        return None
    if any(not (t.dep_ in _ADDRESSEE_DEPS or t.head.dep_ in _ADDRESSEE_DEPS
                or t.dep_ in ("advmod", "prt", "det")) for t in doc[verb.i + 1:prep.i]):
        return None  # "spoke for an hour about …", "wrote a book about …": not the topic's cue
    return subject_claim(doc, verb, doc[prep.i + 1], _end_of_topic(verb, prep),
                         f"'{verb.text} … {prep.text}' with its topic", cue_end=prep)


# Prepositions that set a speech in time, place or company ("spoke of X in an interview",
# "to reporters", "from the podium"): not more of its topic.
_SETTING_PREPS = frozenset({"in", "at", "on", "during", "after", "before", "since", "with",
                            "for", "by", "to", "from", "over", "under", "near", "amid",
                            "despite", "without", "outside", "inside", "while"})


def _end_of_topic(verb: Token, prep: Token) -> Token:
    """The topic's last word: the preposition's object, and what the parser hung on the
    verb after it that goes on describing it ("spoke of his flights over the bay, past the
    lighthouse …") or names a second topic ("…, and how the town grew")."""
    last = prep.right_edge
    for child in verb.children:
        if child.i <= last.i:
            continue
        wh_clause = child.dep_ == "conj" and child.left_edge.tag_ in ("WRB", "WP")
        if child.dep_ == "prep" and child.lower_ not in _SETTING_PREPS or wh_clause:
            last = child.right_edge
    return last


# A cue that ends in one of these, with the claim's content its object, names what was
# spoken about: "complained about [the new fees]", "has been critical of [the plan]",
# "pressed her on [the budget]", "referred to [the vote]". Not "as" ("criticised him as [a
# meddler]": the source's own label for him) nor "for" ("called for [a recount]": what the
# source asks for).
_TOPIC_CUE_ENDS = frozenset({"about", "of", "on", "over", "against", "regarding",
                             "concerning", "to", "toward", "towards"})


def is_topic_only(doc: Doc, draft: ClaimDraft) -> bool:
    """Whether a claim's content is only the topic its source spoke about, not what the
    source said: no quotation, a cue ending in a preposition of topic and the content
    starting at that preposition's object. A topic names what was spoken about in the
    writer's own words ("complained about [the rapacious developers]"), so the writer's
    framing may stand inside it; a quotation or a proposition ("said [that …]") is the
    source's."""
    if draft.quoted or draft.cue is None or not draft.content:
        return False
    cue = doc.char_span(*draft.cue, alignment_mode="expand")
    if cue is None:
        return False
    prep = cue[-1]
    if prep.pos_ != "ADP" or prep.lower_ not in _TOPIC_CUE_ENDS or not any(
            c.dep_ == "pobj" for c in prep.children):
        return False
    first = min(start for start, _ in draft.content)
    last = prep.right_edge
    return prep.idx + len(prep) <= first < last.idx + len(last)
