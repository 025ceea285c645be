"""How someone sees a thing: "X views Y as Z", "X considers Y Z", "Y is seen as Z"; the
stances a light verb states: "X had an unfavorable opinion of Y", "X makes no mention of
Y"; what someone knows ("we now know that …"); and attitudes stated with "be": "X has been
critical of Y", "X is a supporter of Y".

An opinion predicate says what its subject holds of its object, and PolNeAR marks it as
the subject's attribution with the object and what is said of it as the content ("critics
see the plan as a giveaway": source "critics", cue "see", content "the plan as a
giveaway"); in the passive, with no agent, nobody is named ("the tunnel is considered a
risk": content "the tunnel … a risk"). Only with a predicate: "saw the film", "considered
the offer", "viewed the damage" name an act, not an opinion.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from reader.provenance.cues import (can_speak, cue_range, cue_verbs, noun_phrase_range,
                                    speaker_of_cue, subject_claim)
from reader.provenance.drafts import ClaimDraft, clean_parts, subtree_range
from reader.vocabulary import RuleName

# Verbs of holding an opinion whose object takes a predicate: "as Y" for all of them,
# a bare predicate ("considered the loans too risky", "deemed it classified") for those
# in _BARE_PREDICATE_VERBS. "see" and "view" only with "as" (or "favorably"): "saw him
# leave", "viewed the site" are perception.
_OPINION_VERBS = frozenset({"view", "see", "regard", "consider", "rate", "deem", "judge"})
_BARE_PREDICATE_VERBS = frozenset({"consider", "rate", "deem", "judge"})
# The small model lemmatizes "rated" as "rat".
_RATE_FORMS = frozenset({"rate", "rates", "rated", "rating"})
# "viewed him favorably": a poll's reading of an opinion, with an adverb as its predicate.
_OPINION_ADVERBS = frozenset({"favorably", "unfavorably", "positively", "negatively",
                              "favourably", "unfavourably"})
# Dependencies the parser gives a bare predicate ("considered the loans too risky" makes
# the object the subject of a small clause, "is considered a risk" an object predicate).
_PREDICATE_DEPS = ("oprd", "ccomp", "xcomp", "acomp")


def find_opinion_predicates(doc: Doc) -> list[ClaimDraft]:
    """The claims of opinion predicates in `doc`, active and passive."""
    drafts = []
    for verb in doc:
        if verb.pos_ != "VERB" or _lemma(verb) not in _OPINION_VERBS:
            continue
        draft = _passive_opinion(doc, verb) if _is_passive(verb) else _active_opinion(doc, verb)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _lemma(verb: Token) -> str:
    return "rate" if verb.lower_ in _RATE_FORMS else verb.lemma_.lower()


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _as_phrase(verb: Token, after: int) -> Token | None:
    """The "as" that says what the object is taken for, after token index `after`: on the
    verb, or on its object ("see the new dam as a threat")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return next((c for c in list(verb.children) + [t for o in objects for t in o.children]
                 if c.dep_ == "prep" and c.lower_ == "as" and c.i > after
                 and c.i < c.right_edge.i), None)


def _predicate(verb: Token, after: int) -> Token | None:
    """What is said of the object: "as Y", a bare predicate (for the verbs that take one)
    or an adverb of approval ("viewed him favorably"), after token index `after`."""
    as_phrase = _as_phrase(verb, after)
    if as_phrase is not None:
        return as_phrase
    lemma = _lemma(verb)
    if lemma in _BARE_PREDICATE_VERBS:
        # An adjective or noun predicate, not a clause with a verb of its own ("considered
        # whether to run", "considered running").
        bare = next((c for c in verb.children if c.dep_ in _PREDICATE_DEPS and c.i > after
                     and c.pos_ in ("ADJ", "NOUN", "PROPN")), None)
        if bare is not None:
            return bare
    if lemma == "view":
        return next((c for c in verb.children if c.dep_ == "advmod" and c.i > after
                     and c.lower_ in _OPINION_ADVERBS), None)
    return None


def _end_of_predicate(verb: Token, predicate: Token, stop: int | None = None) -> Token:
    """The last word of what is said of the object: the predicate's own, or a comparison
    the parser hung on the verb after it ("rated 30% of the claims as false, compared to
    12% of the others"); not an agent ("by engineers"), nor past `stop`. Other clauses
    after it ("…, after the agency released …", "…, encouraging …") are not part of it."""
    last = predicate.right_edge
    for child in verb.children:
        if child.i > predicate.i and child.dep_ in ("prep", "advcl") and \
                child.lower_ in ("compared", "than"):
            last = max(last, child.right_edge, key=lambda t: t.i)
    if stop is not None and last.i >= stop:
        last = verb.doc[stop - 1]
    return last


def _active_opinion(doc: Doc, verb: Token) -> ClaimDraft | None:
    """"Critics see the plan as a giveaway", "the lenders considered the loans too risky",
    "which most lenders considered too risky": the object and its predicate, the subject's
    claim."""
    if verb.lemma_.lower() in cue_verbs():
        return None  # "deemed it unsafe": read as a cue verb's object (cues._direct_object)
    source_token, source_span = speaker_of_cue(verb)
    if source_token is None:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    predicate = _predicate(verb, verb.i)
    if predicate is None:
        return None
    if obj is None and predicate.dep_ == "ccomp":
        # "considered the loans too risky": the parser's small clause holds the object.
        small_subject = next((c for c in predicate.children if c.dep_ == "nsubj"), None)
        if small_subject is None:
            return None
        parts = [subtree_range(predicate)]
    elif obj is None or obj.tag_ == "WP" or obj.pos_ == "PRON" and obj.tag_ != "WDT" and \
            obj.i < verb.i:
        return None  # "what critics see as …": a phrase of the writer's sentence
    elif obj.i < verb.i:
        # "which most lenders considered too risky": the relative word and the predicate.
        parts = [subtree_range(obj), subtree_range(predicate)]
    else:
        end = _end_of_predicate(verb, predicate)
        parts = [(subtree_range(obj)[0], end.idx + len(end))]
    parts = clean_parts(doc, parts)
    if not parts:
        return None
    return ClaimDraft(content=parts, cue=cue_range(verb), source_token=source_token,
                      source_span=source_span, rule=RuleName.OBJECT,
                      why=f"opinion '{verb.text}' → subject '{source_token.text}', its object "
                          "and what is said of it")


def _passive_opinion(doc: Doc, verb: Token) -> ClaimDraft | None:
    """"The tunnel is considered a risk", "the ferry was seen as unsafe (by engineers)": the
    passive subject and its predicate, the agent's claim or nobody's."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    predicate = _predicate(verb, verb.i)
    if subject is None or predicate is None or subject.tag_ == "WP" or \
            subject.pos_ == "PRON" and subject.tag_ != "WDT" and subject.lower_ != "it":
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    who = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    cue = cue_range(verb)
    start = predicate.left_edge.i
    if predicate.dep_ == "prep":
        # "is seen as": the "as" goes on the cue.
        cue = (cue[0], predicate.idx + len(predicate))
        start = predicate.i + 1
    end = _end_of_predicate(verb, predicate, agent.i if agent is not None and
                            agent.i > predicate.i else None)
    parts = clean_parts(doc, [subtree_range(subject), (doc[start].idx, end.idx + len(end))])
    if len(parts) < 2:
        return None
    return ClaimDraft(
        content=parts, cue=cue, source_token=who,
        source_span=noun_phrase_range(who) if who is not None else None,
        rule=RuleName.OBJECT if who is not None else RuleName.PASSIVE_UNATTRIBUTED,
        why=f"passive opinion '{verb.text}'" + (f" by '{who.text}'" if who is not None
                                                  else " with no agent: no source named"))


# "had an unfavorable opinion of him", "has praise for the governor", "made no mention of
# the plan", "held liberal positions on abortion": a light verb whose object is an opinion
# or a mention, with what it is about after a preposition. PolNeAR marks the verb through
# the preposition as the cue and what the preposition governs as the content (dev and
# train samples: 15 of 16 outside quotations and other claims).
_STANCE_VERBS = frozenset({"have", "hold", "make", "offer"})
_STANCE_NOUNS = frozenset({"opinion", "view", "position", "stance", "praise", "criticism",
                           "condemnation", "reaction", "response", "reservation", "misgiving",
                           "doubt", "concern", "question", "mention", "impression"})
_STANCE_PREPS = frozenset({"of", "about", "on", "for", "to", "toward", "towards", "over"})
# "had a question for the president" asks; "questions about X" doubts X.
_ONLY_ABOUT = frozenset({"question"})


def find_stances(doc: Doc) -> list[ClaimDraft]:
    """"More voters had an unfavorable opinion of him", "the charter makes no mention of
    X": the subject's claim about what the preposition after the noun governs."""
    drafts = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _STANCE_VERBS:
            continue
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i
                     and c.pos_ == "NOUN" and c.lemma_.lower() in _STANCE_NOUNS), None)
        if noun is None:
            continue
        preps = _STANCE_PREPS if noun.lemma_.lower() not in _ONLY_ABOUT else {"about"}
        prep = min((c for c in list(noun.children) + list(verb.children)
                    if c.dep_ == "prep" and c.i > noun.i and c.lower_ in preps
                    and c.i < c.right_edge.i), key=lambda c: c.i, default=None)
        if prep is None:
            continue
        first, last = doc[prep.i + 1], prep.right_edge
        # "a negative response to her nomination, including 21% who …": the breakdown
        # after the comma is the writer's, and often someone else's claim.
        last = next((doc[t.i - 2] for t in doc[first.i + 1:last.i + 1]
                     if t.lower_ == "including" and doc[t.i - 1].text == ","), last)
        draft = subject_claim(doc, verb, first, last,
                              f"'{verb.text} … {noun.text} {prep.text}'", cue_end=prep)
        if draft is not None:
            drafts.append(draft)
    return drafts


def find_knowledge(doc: Doc) -> list[ClaimDraft]:
    """"We now know that the agency is also investigating", "I knew this talk was wrong":
    what someone says they know is their claim (PolNeAR dev and train samples, "know" with
    a clause in sentences without quotation marks: 10 of 12 marked). Not in a question
    ("Do you know where …?")."""
    drafts = []
    for verb in doc:
        if verb.lemma_.lower() != "know" or verb.pos_ != "VERB":
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if clause is None or any(t.text == "?" for t in verb.sent):
            continue
        draft = subject_claim(doc, verb, clause.left_edge, clause.right_edge,
                              f"'{verb.text}' with what is known")
        if draft is not None:
            drafts.append(draft)
    return drafts


# "has been critical of the senator", "were concerned about the shift", "is a fervent
# supporter of the mayor", "is against it": an attitude stated with "be" is the subject's
# position on what the preposition governs (dev and train samples: 17 of 21 outside
# quotations and other claims marked, cue "be" through the preposition). The adjectives'
# prepositions are their attitude's own: "critical of", not "critical to".
_ATTITUDE_ADJECTIVES = {
    "critical": ("of",), "concerned": ("about", "over"), "worried": ("about", "over"),
    "skeptical": ("of", "about"), "sceptical": ("of", "about"), "cynical": ("about",),
    "mistrustful": ("of",), "distrustful": ("of",), "suspicious": ("of",), "wary": ("of",),
    "sympathetic": ("to", "toward", "towards"), "favorable": ("to", "toward", "towards"),
    "supportive": ("of",), "opposed": ("to",), "hostile": ("to", "toward", "towards"),
    "dismissive": ("of",),
}
# Adjectives whose clause is what the subject holds: "are convinced (that) this is …".
_CONVICTION_ADJECTIVES = frozenset({"convinced", "confident", "certain"})
_PARTISAN_NOUNS = frozenset({"supporter", "opponent", "critic", "fan", "booster", "champion",
                             "proponent", "backer", "foe", "admirer", "skeptic"})
# Subjects that are no one holding a view: "it is clear …", "there is …", "that is …".
_NO_HOLDERS = frozenset({"it", "there", "this", "that", "what"})


def find_attitudes(doc: Doc) -> list[ClaimDraft]:
    """Attitudes stated with "be": "X has been critical of Y", "X is a supporter of Y",
    "X is against Y", "X is convinced (that) Y"."""
    drafts = []
    for verb in doc:
        if verb.lemma_ != "be":
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in _NO_HOLDERS or not can_speak(subject):
            continue  # "Monday's debate will be his first against …": no one holds it
        found = _attitude_of(verb)
        if found is None:
            continue
        content, cue_end = found
        first = content.left_edge if content.dep_ == "ccomp" else doc[content.i + 1]
        draft = subject_claim(doc, verb, first, content.right_edge,
                              f"attitude stated with '{verb.text} … {cue_end.text}'",
                              cue_end=cue_end)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _attitude_of(verb: Token) -> tuple[Token, Token] | None:
    """The preposition (or clause) whose object is what the attitude is about, and the
    last word of the cue."""
    for child in verb.children:
        if child.i < verb.i:
            continue
        lower = child.lower_
        if child.dep_ == "acomp" and lower in _ATTITUDE_ADJECTIVES:
            prep = next((c for c in child.children if c.dep_ == "prep"
                         and c.lower_ in _ATTITUDE_ADJECTIVES[lower] and c.i < c.right_edge.i),
                        None)
            if prep is not None:
                return prep, prep
        if child.dep_ == "acomp" and lower in _CONVICTION_ADJECTIVES:
            clause = next((c for c in child.children if c.dep_ == "ccomp" and c.i > child.i),
                          None)
            if clause is not None:
                return clause, child
        if child.dep_ == "attr" and child.lemma_.lower() in _PARTISAN_NOUNS:
            prep = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                         and c.i < c.right_edge.i), None)
            if prep is not None:
                return prep, prep
        if child.dep_ == "prep" and lower == "against" and child.i < child.right_edge.i:
            return child, child
    return None
