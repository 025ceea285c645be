"""Reported speech from the dependency parse: a cue, its source and the content it reports.

Each rule reads one construction of English news prose:
- a cue verb with a clausal complement: "Butler said (that) …", "…, a source said."
- a parenthetical cue inside the content: "The calls, he said, were routine."
- a cue verb whose complement is an infinitive or object: "Rubio wants Milley to resign",
  "officials confirmed the calls", "Rubio is calling for Milley to step down"
- "according to X"
- hearsay adverbs and passives with no source: "allegedly", "is said to"
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Token

from reader.provenance import lexicons
from reader.provenance.drafts import (ClaimDraft, clean_parts, subtract, subtree_range, text_of,
                                      trim)
from reader.vocabulary import RuleName

# Complement kinds. A verb's own lexical class decides which complements make it a cue:
# "said that" always reports; "wants to" reports a position; "confirmed the calls" reports
# only for verbs whose object is itself a claim.
_CLAUSE_DEPS = {"ccomp"}
_SUBJECT_DEPS = {"nsubj"}
_INFINITIVE_CUES = lexicons.words("infinitive_cue_verbs")
_OBJECT_CUES = lexicons.words("object_cue_verbs")
# Verbs that report a finding only when a document, poll or recording is their subject:
# "Polling averages show Clinton with a lead", "the audit found irregularities".
_DOCUMENT_OBJECT_CUES = lexicons.words("document_object_cue_verbs")
# Cue verbs whose direct object is an addressee or a topic, not what was said (and the
# verbs above, unless a document is their subject).
_NO_OBJECT_CUES = lexicons.words("no_object_cue_verbs", "document_object_cue_verbs",
                                  "clause_only_cue_verbs")
# Object cues that need a predicate on their object: "called it a hoax", not "called 911".
_PREDICATE_OBJECT_CUES = lexicons.words("predicate_object_cue_verbs")
# Object cues whose person object is the addressee: "questioned Morrison about …".
_ADDRESSEE_OBJECT_CUES = lexicons.words("addressee_object_cue_verbs")
_AS_PREDICATE_CUES = lexicons.words("as_predicate_cue_verbs")
_PERSON_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you"})
# Prepositions whose object is the content: "called for X", "warned of X", "accused … of X".
_CONTENT_PREPS = {"for", "of", "about", "on", "against"}
_PREP_CUES = lexicons.words("preposition_cue_verbs")
# "X said Wednesday" has no content: time and manner adverbials are not what was said.
_NON_CONTENT_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "cc", "conj",
                     "advmod", "npadvmod", "prt", "mark", "dep", "parataxis", "intj"}
_WEAK_SOURCES = lexicons.words("weak_source_words")
_INSINUATION_VERBS = lexicons.words("insinuation_verbs")
# "(emphasis added)" is an editor's note, not a speaker.
_NON_SPEAKERS = {"emphasis"}


def cue_verbs() -> frozenset[str]:
    return lexicons.load("cue_verbs")


# Cue verbs whose passive subject is never the speaker.
_PASSIVE_HEARERS = lexicons.words("passive_hearer_verbs")
_PASSIVE_BE = frozenset("is was were are be been being".split())
# Verbs whose subject is the subject of the infinitive they take ("Republicans don't seem to
# take Sanders' argument seriously"), never a speaker of their own.
RAISING_VERBS = frozenset({"seem", "appear"})


def clause_holds(verb: Token, words: list[Token]) -> bool:
    """Whether a verb's clause holds every word of a claim: "“…,” Netanyahu told settler
    leaders, according to a statement" is his, but in "The office ignored an offer, and an
    aide warned that …, according to emails" the emails report both clauses, of which the
    aide's warning is only one."""
    clause = range(verb.left_edge.i, verb.right_edge.i + 1)
    return all(t.i in clause for t in words if not t.is_punct and not t.is_space)


def subject_of(verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject, or the subject it shares with the verb it is
    conjoined to or depends on ("confirmed … but claimed", "issued a statement saying")."""
    seen = 0
    while verb is not None and seen < 4:
        seen += 1
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if verb.lemma_.lower() in _PASSIVE_HEARERS and verb.tag_ == "VBN" and any(
                c.dep_ == "auxpass" and c.lower_ in _PASSIVE_BE for c in verb.children):
            # "Europa, which is thought to harbor …", "he was told that …": the subject of a
            # passive cue is what is spoken about or to; the speaker is the agent, if named.
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if subjects:
            # "Sens. Marco Rubio … are calling": of two subjects, the name; "“My reaction,
            # that was outrageous,” Obama's former strategist said": not the one inside
            # the quotation; "The Latest: Trump urges …": not a label before a colon.
            subject = max(subjects, key=lambda c: (not _set_apart(c, verb),
                                                   c.ent_type_ == "PERSON", c.pos_ == "PROPN"))
            if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return antecedent(verb)  # "Pelosi, who expressed …"
            return subject
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            head = verb.head
            if head.dep_ == "attr" and head.pos_ == "NOUN":
                # "Morrison was the third witness testifying …": who the noun says is.
                named = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
                if named is not None and named.pos_ == "PROPN":
                    return named
            # "a statement saying …"; "she said at a news conference announcing …": the
            # occasion's speaker.
            return _speaker_at_occasion(head) or head
        if verb.dep_ == "xcomp" and verb.head.i != verb.i:
            # "prompted some users to argue …": the object of the verb it hangs on argues;
            # "left many nations feeling that …", "uses footage of Clinton asking …": so does
            # the object of a participle, or the one the object shows.
            controller = next((c for c in _objects_shown(verb.head) if c.i < verb.i and (
                any(a.tag_ == "TO" for a in verb.children) or verb.tag_ == "VBG")
                and can_speak(c) and c.ent_type_ not in _AMOUNTS), None)
            if controller is not None:
                return controller
        reporter = _reporting_verb_above(verb) if verb.dep_ in ("conj", "advcl") else None
        if reporter is not None and (
                verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP")
                and verb.tag_ == reporter.tag_
                or verb.dep_ == "advcl" and verb.tag_ == "VBG"):
            # "China said it was “resolutely opposed” and warned …": a cue verb of the
            # reporting verb's own tense coordinated inside the reported clause is the
            # reporter's second report, not the clause subject's; "Foreign policy analysts
            # said geopolitical factors have contributed …, citing …": so is a participle
            # hung on the reported clause.
            verb = reporter
            continue
        if verb.dep_ == "conj" and _quoted_head(verb):
            # '“We will achieve justice,” Tulsa police Chief Chuck Jordan said': a cue the
            # parser joined to the quoted verb; the name right before it speaks.
            return verb.doc[verb.i - 1]
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ == "for" and \
                verb.head.head.pos_ == "VERB":
            # "held Pagliano in contempt for refusing to …", "praised her for saying …":
            # the verb's object did it.
            actor = next((c for c in verb.head.head.children if c.dep_ == "dobj"
                          and c.i < verb.i and can_speak(c) and c.ent_type_ not in _AMOUNTS), None)
            if actor is not None:
                return actor
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "… by defending me": the subject of the verb it hangs on
            continue
        return _name_right_before(verb) if seen == 1 else None
    return None


def asked_in_passing(verb: Token) -> bool:
    """"Asked about the plan, she said …", "When asked why …": a verb of being spoken to
    as a passive participle clause with no subject or auxiliary of its own, hung on the
    sentence's verb. Who was asked is the sentence's subject; who asked is named only by an
    agent ("Asked by Stephanopoulos whether …")."""
    return verb.lemma_.lower() in _PASSIVE_HEARERS and verb.tag_ == "VBN" and \
        verb.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                                         for c in verb.children)


# Entities that are amounts of time or things, never speakers ("spent 45 seconds pushing").
_AMOUNTS = frozenset({"DATE", "TIME", "QUANTITY", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"})


def _objects_shown(verb: Token) -> list[Token]:
    """A verb's direct objects, each followed by what an "of" after it shows ("footage of
    Hillary Clinton")."""
    out = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        out.append(obj)
        out += [p for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children if p.dep_ == "pobj"]
    return out


def _speaker_at_occasion(noun: Token) -> Token | None:
    """Who speaks at an occasion a participle cue hangs on: "Lynch said at a recent news
    conference announcing …", "the companies, in many cases reporting …". The noun is the
    object of a preposition, no document (a statement, a release speaks for itself) and no
    speaker itself; the subject of the verb the preposition hangs on speaks, when it can."""
    documents = lexicons.load("document_nouns")
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ != "VERB" or \
            noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or \
            noun.pos_ in ("PROPN", "PRON") or noun.lemma_.lower() in documents or \
            noun.lower_ in documents or \
            any(noun.lemma_.lower() in lexicons.load(name) for name in _SPEAKER_NOUNS):
        return None
    subject = next((c for c in noun.head.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in _WEAK_SOURCES or not (
            subject.ent_type_ in ("PERSON", "ORG", "NORP") or subject.pos_ in ("PROPN", "PRON")
            or any(subject.lemma_.lower() in lexicons.load(name) for name in _SPEAKER_NOUNS)):
        return None
    return subject


def _reporting_verb_above(verb: Token) -> Token | None:
    """The verb whose reported clause (ccomp, or a clause coordinated with it) `verb` hangs
    on, when that verb comes before the clause and the clause before `verb`."""
    reported = verb.head
    while reported.dep_ == "conj" and reported.head.i != reported.i:
        reported = reported.head
    if reported.dep_ == "ccomp" and reported.head.pos_ in ("VERB", "AUX") and \
            reported.head.i < reported.i < verb.i:
        return reported.head
    return None


def _name_right_before(verb: Token) -> Token | None:
    """"In an interview on Sunday, Trump said that …": a finite cue verb the parser left
    with no subject, right after a name it hung elsewhere (the object of "In …", an
    apposition): that name speaks."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ != "ROOT" or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    before = verb.i - 1
    while before >= 0 and verb.doc[before].dep_ in ("advmod", "aux", "neg") and \
            verb.doc[before].head.i == verb.i:
        before -= 1
    if before < 0:
        return None
    name = verb.doc[before]
    if name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "ORG", "NORP") or \
            name.dep_ not in ("pobj", "appos", "conj", "npadvmod") or name.head.i > name.i:
        return None
    if any(c.dep_ in _CLAUSE_DEPS and c.is_ancestor(name) for c in verb.children):
        return None  # hung on the quotation itself: speakers._name_before_cue reads it
    return name


def _quoted_head(verb: Token) -> bool:
    """'“We will achieve justice,” Tulsa police Chief Chuck Jordan said': the verb a cue is
    conjoined to ends a quotation (a closing mark after a comma, "?" or "!" at most eight
    tokens before the cue), and a name stands right before the cue."""
    doc = verb.doc
    return verb.i > 0 and doc[verb.i - 1].pos_ == "PROPN" and any(
        t.is_quote and doc[t.i - 1].text in (",", "?", "!") and verb.i - t.i <= 8
        for t in doc[verb.head.i + 1:verb.i] if t.i > 0)


def _set_apart(subject: Token, verb: Token) -> bool:
    """Whether a quotation mark or a colon stands between a subject and its verb."""
    lo, hi = sorted((subject.i, verb.i))
    return any(t.is_quote or t.text == ":" for t in verb.doc[lo + 1:hi])


def antecedent(relative: Token) -> Token:
    """What a relative clause's "who" stands for: the noun it hangs on, or, when the parser
    hung it on an earlier noun, the name right before its comma ("talks between his
    government and the Taliban, who have refused …": the Taliban)."""
    head = relative.head
    first = relative.left_edge
    if first.lower_ in ("who", "whom") and first.i >= 2 and relative.doc[first.i - 1].text == ",":
        near = relative.doc[first.i - 2]
        if near.i != head.i and near.i > head.i and (
                near.ent_type_ in ("PERSON", "ORG", "NORP") or near.pos_ == "PROPN") and \
                head.ent_type_ not in ("PERSON", "ORG", "NORP") and head.pos_ != "PROPN":
            return near
    return head


_SPEAKER_NOUNS = ("role_nouns", "group_nouns", "organization_nouns", "anonymous_nouns")


def can_speak(token: Token) -> bool:
    """A name, a pronoun, a plural or a noun of people: not "particularly blunt language"."""
    return token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or \
        token.pos_ in ("PROPN", "PRON") or token.tag_ == "NNS" or \
        any(token.lemma_.lower() in lexicons.load(name) for name in _SPEAKER_NOUNS)


def _inner_hyphen(token: Token) -> bool:
    """A hyphen inside a word the tokenizer split ("Wealth-X", "Ocasio-Cortez")."""
    return token.text == "-" and token.i > 0 and not token.whitespace_ and \
        not token.doc[token.i - 1].whitespace_


def noun_phrase_range(head: Token) -> tuple[int, int]:
    """The source mention around its head, without relative clauses, appositions or
    anything after a comma."""
    tokens = [head]
    for child in head.subtree:
        if child.i == head.i:
            continue
        ancestors = list(child.ancestors)
        path = ancestors[: ancestors.index(head)] if head in ancestors else []
        if any(t.dep_ in ("relcl", "acl", "appos", "advcl", "conj", "cc", "punct", "parataxis")
               and not _inner_hyphen(t) for t in [child, *path]):
            continue
        tokens.append(child)
    tokens.sort(key=lambda t: t.i)
    # Keep the contiguous run around the head.
    i = tokens.index(head)
    lo = hi = i
    while lo > 0 and tokens[lo - 1].i == tokens[lo].i - 1:
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].i == tokens[hi].i + 1:
        hi += 1
    first, last = tokens[lo], tokens[hi]
    return first.idx, last.idx + len(last)


def _is_cue_verb(token: Token, verbs: frozenset[str]) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in verbs


def _source_fields(verb: Token) -> tuple[Token | None, tuple[int, int] | None]:
    if asked_in_passing(verb):
        # "Asked about the plan, she said …": she is asked, not asking.
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        return (asker, noun_phrase_range(asker)) if asker is not None else (None, None)
    subj = subject_of(verb)
    if subj is None or subj.lower_ in _WEAK_SOURCES or subj.lower_ in _NON_SPEAKERS or subj.pos_ in ("DET", "SCONJ"):
        return None, None
    if subj.tag_ in ("WP", "WDT"):
        subj = verb.head if verb.dep_ == "relcl" else None
        if subj is None:
            return None, None
    own = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if own is not None and own.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        # "Pelosi, who expressed …": the mention where the claim stands is "who"; the
        # speaker it stands for is the noun it hangs on.
        return subj, (own.idx, own.idx + len(own))
    if any(c.dep_ == "conj" for c in subj.children):
        # "Sens. Marco Rubio (R-FL) and Rand Paul (R-KY) … are calling": the whole
        # coordinated subject is the mention.
        start, end = trim(text_of(verb.doc), *subtree_range(subj))
    else:
        start, end = noun_phrase_range(subj)
    cue_start, cue_end = cue_range(verb)
    if start < cue_end and cue_start < end:
        # A title-case headline ("Pentagon Confirms Milley Talks") parses the cue into the
        # subject; the mention stops at the cue.
        start, end = (start, cue_start) if subj.idx < cue_start else (cue_end, end)
        start, end = trim(text_of(verb.doc), start, end)
        if end <= start:
            start, end = subj.idx, subj.idx + len(subj)
    return subj, (start, end)


def cue_range(verb: Token) -> tuple[int, int]:
    """The cue as written: the verb with its auxiliaries, negation and particles."""
    parts = [verb] + [c for c in verb.children if c.dep_ in ("aux", "neg", "prt", "auxpass")
                      and abs(c.i - verb.i) <= 3]
    lo, hi = min(t.i for t in parts), max(t.i for t in parts)
    doc = verb.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _draft(doc: Doc, verb: Token, parts, rule: RuleName, why: str,
           confidence: float | None = None, cue_end: int | None = None) -> ClaimDraft | None:
    """A claim of `verb` with these content parts (confidence: the rule's, unless given;
    the cue the verb's own words, up to `cue_end` when given)."""
    for s, e in list(parts):
        span = doc.char_span(s, e, alignment_mode="contract")
        for token in span if span is not None else ():
            if is_writer_aside(token):  # "… the calls — suggesting that …" is the writer's
                parts = subtract(parts, (token.idx, token.right_edge.idx + len(token.right_edge)))
    parts = clean_parts(doc, trailing_asides_cut(doc, parts))
    if not parts:
        return None
    source_token, source_span = _source_fields(verb)
    cue = cue_range(verb)
    if cue_end is not None and cue_end > cue[1]:
        cue = (cue[0], cue_end)
    return ClaimDraft(content=parts, cue=cue, source_token=source_token,
                      source_span=source_span, rule=rule, why=why, confidence=confidence)


def find_verb_claims(doc: Doc) -> list[ClaimDraft]:
    verbs = cue_verbs()
    drafts: list[ClaimDraft] = []
    for token in doc:
        if _as_put_it(token):
            draft = _as_clause_draft(doc, token, subtree_range(token), f"{token.text} it")
            if draft is not None:
                it = next(c for c in token.children if c.dep_ == "dobj")
                draft.cue = (cue_range(token)[0], it.idx + len(it))  # "put it"
                drafts.append(draft)
            continue
        if not (_is_cue_verb(token, verbs) or _purpose_discussion(token) or
                _talks_about(token) or token.lemma_.lower() in ("make", "release")) or \
                is_writer_aside(token) or \
                interrupting_cue(token) is not None:
            continue  # (a verb another cue interrupts is that cue's content)
        if _as_reported(token):
            draft = _as_clause_draft(doc, token, _as_clause(token), token.text)
            if draft is not None:
                drafts.append(draft)
            continue
        if token.lemma_.lower() == "make":
            draft = _made_clear(doc, token)
        elif token.lemma_.lower() == "release":
            draft = _released_work(doc, token)
        elif token.lemma_.lower() == "talk":
            draft = _talked_about(doc, token)
        else:
            draft = _claim_for_verb(doc, token)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _talked_about(doc: Doc, verb: Token) -> ClaimDraft | None:
    """"came to talk to me about trade": what the purpose says is talked about."""
    about = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "about"
                  and c.i < c.right_edge.i), None)
    if about is None or subject_of(verb) is None:
        return None
    parts = [(doc[about.i + 1].idx, about.right_edge.idx + len(about.right_edge))]
    return _draft(doc, verb, parts, RuleName.POSITION,
                  f"cue '{verb.text} about' → subject '{subject_of(verb)}'", None,
                  about.idx + len(about))


# What a campaign or a publisher releases that speaks for it: "released an ad targeting
# Clinton", "first released his plan" (PolNeAR dev and train samples: 5 of 5; tax returns,
# videos and reports released are mostly not marked).
_RELEASED_WORKS = frozenset({"ad", "plan", "excerpt", "letter"})


def _released_work(doc: Doc, verb: Token) -> ClaimDraft | None:
    """"The campaign released an ad this week showing …": the work released, with what
    describes it, is the subject's claim."""
    work = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if verb.pos_ != "VERB" or work is None or subject_of(verb) is None or \
            work.lemma_.lower() not in _RELEASED_WORKS:
        return None
    end = max(subtree_range(c)[1] for c in verb.children
              if c.i >= work.i and (c.i == work.i or c.dep_ in ("acl", "advcl", "xcomp")))
    return _draft(doc, verb, [(work.left_edge.idx, end)], RuleName.OBJECT,
                  f"cue '{verb.text}' → subject '{subject_of(verb)}', the {work.text} released")


def _made_clear(doc: Doc, verb: Token) -> ClaimDraft | None:
    """"The mayor made it clear she would veto the plan", "made clear that …": the clause
    made clear is the subject's claim, the cue "made (it) clear"."""
    if verb.pos_ != "VERB" or subject_of(verb) is None:
        return None
    clear = next((c for c in verb.children if c.lower_ == "clear" and c.i > verb.i and
                  c.dep_ in ("ccomp", "oprd", "acomp", "xcomp", "dobj")), None)
    if clear is None or clear.i - verb.i > 2:
        return None
    # The parser hangs what is made clear on "clear" (a clause, or a noun phrase read as
    # its subject: "makes clear the hurdles ahead") or on the verb.
    after = [c for c in list(clear.children) + list(verb.children) if c.i > clear.i and
             c.dep_ in ("ccomp", "advcl", "nsubj", "dobj")]
    if not after or clear.i + 1 >= len(doc) or doc[clear.i + 1].is_punct:
        return None
    last = max(c.right_edge for c in after)
    parts = [(doc[clear.i + 1].idx, last.idx + len(last))]
    return _draft(doc, verb, parts, RuleName.POSITION,
                  f"cue '{verb.text} clear' → subject '{subject_of(verb)}'", None,
                  clear.idx + len(clear))


def _talks_about(verb: Token) -> bool:
    """"Ms. Ortiz talks about a regional compact": "talk about X" with its own subject."""
    return verb.lemma_.lower() == "talk" and verb.pos_ == "VERB" and \
        any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in verb.children) and \
        any(c.dep_ == "prep" and c.lower_ == "about" and c.i < c.right_edge.i
            for c in verb.children)


def _purpose_discussion(verb: Token) -> bool:
    """"European leaders gathered Friday to discuss the challenges …", "came to talk to me
    about trade": what a meeting is for, said to be discussed, is what its subject talks
    about (PolNeAR dev and train samples, outside another claim: "to discuss" 7 of 8 are
    attributions, "to talk" 2 of 3). Only as the purpose of the verb it hangs on: "wants to
    discuss", "declined to discuss" are others' readings."""
    if not (verb.lemma_.lower() in ("discuss", "talk") and verb.pos_ == "VERB" and
            verb.dep_ == "advcl" and any(c.tag_ == "TO" for c in verb.children)):
        return False
    # "who spoke anonymously (on condition of anonymity) to discuss internal strategy": why
    # the speaker is not named, not what they said.
    return not any(t.lower_ in ("anonymously", "anonymity") for c in verb.head.children
                   if c.i < verb.i for t in c.subtree)


def _as_clause_draft(doc: Doc, verb: Token, as_clause: tuple[int, int], cue_words: str
                     ) -> ClaimDraft | None:
    """The claim of an "as" clause ("As X put it, …", "As the Post reported, …"): the
    clause it hangs on, without the "as" clause itself."""
    reading = _Reading(subtract([subtree_range(verb.head)], as_clause), RuleName.PARENTHETICAL,
                       f"'as … {cue_words}' → subject '{subject_of(verb)}'")
    return _draft(doc, verb, *reading)


def _as_put_it(verb: Token) -> bool:
    """"As Ms. Simonyan put it in a statement, RT is …": the sentence is hers. ("put" is
    too common a verb to be a cue on its own.)"""
    return verb.lemma_.lower() == "put" and verb.dep_ == "advcl" and \
        verb.head.pos_ in ("VERB", "AUX") and \
        any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and \
        any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children) and \
        any(c.dep_ in _SUBJECT_DEPS for c in verb.children)


def _as_reported(verb: Token) -> bool:
    """"As the Post reported on Friday, the department …", "…, as police have said": a cue
    verb with a subject and nothing reported of its own, in an "as" clause set off from
    the clause it reports. Not "even as he says", nor "as violent as he suggested"."""
    first = verb.left_edge
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX") or \
            first.lower_ != "as" or first.dep_ != "mark" or first.head.i != verb.i:
        return False
    if not any(c.dep_ in _SUBJECT_DEPS for c in verb.children) or \
            any(c.i > verb.i and (c.dep_ in ("ccomp", "xcomp") or
                                  c.dep_ == "dobj" and not (_is_person(c) or c.ent_type_ == "ORG") or
                                  c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and not _time_phrase(c))
                for c in verb.children):
        return False
    if any(c.dep_ in ("oprd", "attr", "acomp") for c in verb.children):
        return False  # "as the Beast called them …": a naming, read as a claim of its own
    sent = verb.sent
    last = max((t.i for t in sent if not t.is_punct and not t.is_space), default=sent.end - 1)
    if verb.head.right_edge.i < last and verb.i < verb.head.i:
        return False  # the parse stops before the sentence does: what is reported is unclear
    doc = verb.doc
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(doc) else None
    set_off = before is None or before.text in (",", "—", "–", "--", "(") or first.is_sent_start or \
        (before.dep_ == "cc" and before.i == verb.sent.start) or \
        (after is not None and after.text in (",", "—", "–", "--") and verb.i < verb.head.i)
    return bool(set_off)


def _as_clause(verb: Token) -> tuple[int, int]:
    """The "as" clause as set off: from "as" to the comma or dash that closes it (the parser
    may hang what follows that comma on the cue: "as Mr. Bown observed, in the early days …")."""
    doc = verb.doc
    end = verb.right_edge
    for token in doc[verb.i + 1:verb.right_edge.i + 1]:
        if token.text in (",", "—", "–", "--", ")"):
            end = doc[token.i - 1]
            break
    return verb.left_edge.idx, end.idx + len(end)


class _Reading(NamedTuple):
    """What a cue verb reports, as one construction reads it: the content and its rule."""

    parts: list[tuple[int, int]]
    rule: RuleName
    why: str
    confidence: float | None = None  # None: the rule's
    cue_end: int | None = None  # where the cue ends when it goes on past the verb


def claim_for_cue(doc: Doc, verb: Token) -> ClaimDraft | None:
    """The claim a verb reports, read from the parse as for a lexicon cue, for a verb that
    another part found to be a cue (the learned tagger, reader.provenance.learned)."""
    return _claim_for_verb(doc, verb)


def speaker_of_cue(verb: Token) -> tuple[Token | None, tuple[int, int] | None]:
    """The source mention of a cue verb (head token and character range), as the rules
    find it, for a verb another part found to be a cue; (None, None) when there is none."""
    return _source_fields(verb)


def subject_claim(doc: Doc, verb: Token, first: Token, last: Token, why: str,
                  cue_end: Token | None = None) -> ClaimDraft | None:
    """The claim of `verb`'s speaker whose content runs from `first` to `last` (less the
    writer's trailing asides), the cue the verb with its auxiliaries (up to `cue_end` when
    given): a position (RuleName.POSITION), `why` followed by its speaker. None when the
    verb has no speaker or nothing is left of the content."""
    source_token, source_span = _source_fields(verb)
    if source_token is None or last.i < first.i:
        return None
    parts = clean_parts(doc, trailing_asides_cut(doc, [(first.idx, last.idx + len(last))]))
    if not parts:
        return None
    cue = cue_range(verb)
    if cue_end is not None:
        cue = (cue[0], cue_end.idx + len(cue_end))
    return ClaimDraft(content=parts, cue=cue, source_token=source_token,
                      source_span=source_span, rule=RuleName.POSITION,
                      why=f"{why} → subject '{source_token.text}'")


# Verbs whose subject is spoken about, not speaking, when a cue noun is their object:
# "Suu Kyi faced sharp criticism for …", "the plan drew questions about …".
_SPOKEN_ABOUT_VERBS = frozenset({"face", "receive", "draw", "get", "attract", "endure",
                                 "field"})
# How a cue word's phrase hangs on the verb whose subject speaks: "made the more
# controversial decision", "has been an outspoken supporter of", "in a sour mood about".
_WORD_CUE_CLIMB = frozenset({"dobj", "attr", "acomp", "oprd", "pobj", "prep", "amod",
                             "compound", "advmod", "npadvmod", "det"})


def speaker_of_word_cue(doc: Doc, start: int, end: int) -> Token | None:
    """The speaker of a cue that has no verb of its own (tokens `start` to `end`), a noun or
    an adjective: the owner of the cue noun ("his contention"), else the subject of the
    verb its phrase hangs on ("The administration made the more controversial decision",
    "Clinton has been an outspoken supporter of"). None when the cue's phrase is itself a
    subject ("the debate about … turned"), or the verb is a passive, "seem"/"appear", or a
    verb of receiving ("faced sharp criticism for"): then the subject is not who speaks."""
    tokens = doc[start:end]
    for token in tokens:
        if token.pos_ == "NOUN":
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
    if not any(t.pos_ in ("NOUN", "ADJ", "ADV") for t in tokens):
        return None  # "to", "a": no cue word
    head = next((t for t in tokens if not start <= t.head.i < end or t.head.i == t.i), None)
    prepositions = 0
    for _ in range(4):
        if head is None or head.pos_ in ("VERB", "AUX") or head.dep_ not in _WORD_CUE_CLIMB:
            break
        prepositions += head.dep_ == "prep"
        if prepositions > 1:
            return None  # "In addition to questions about …": an adjunct, not the verb's
        head = head.head
    if head is None or head.pos_ not in ("VERB", "AUX") or \
            head.lemma_.lower() in RAISING_VERBS | _SPOKEN_ABOUT_VERBS or \
            any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
        return None
    return subject_of(head)


def _claim_for_verb(doc: Doc, verb: Token) -> ClaimDraft | None:
    """The claim a cue verb reports, read by the first construction that fits it: the
    clause-level ones, then the passive with an agent, then (for a verb with a subject)
    the ones in _SUBJECT_READINGS. A construction that fits decides, even when its content
    turns out empty."""
    for read in (_clausal_complement, _parenthetical):
        reading = read(doc, verb)
        if reading is not None:
            return _draft(doc, verb, *reading)
    passive = _passive_with_agent(doc, verb)
    if passive is not None:
        return passive
    subj = subject_of(verb)
    if subj is None or _charged_act(verb):
        return None
    for read_with_subject in _SUBJECT_READINGS:
        reading = read_with_subject(doc, verb, subj)
        if reading is not None:
            return _draft(doc, verb, *reading)
    return None


def _charged_act(verb: Token) -> bool:
    """"pleads guilty to threatening to kill …", "was charged with threatening …": a cue
    verb as the gerund after a word of a criminal charge names the act charged, not a
    position its subject takes."""
    prep = verb.head
    if not (verb.dep_ == "pcomp" and verb.tag_ == "VBG" and prep.dep_ == "prep"):
        return False
    owner = prep.head
    charges = lexicons.load("charge_words")
    return owner.lemma_.lower() in charges or owner.lower_ in charges or any(
        c.dep_ == "acomp" and c.lower_ in charges for c in owner.children)


def _clausal_complement(doc: Doc, verb: Token) -> _Reading | None:
    """"Butler said (that) …" and "…, a source said": the verb's clause, less the writer's
    asides, claims of their own and coordinated new reports inside it."""
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS]
    # "The revelation set off fireworks on Friday: Republicans said they …", "The rule is
    # simple: voters prefer a winner": a clause before a colon, a semicolon or a line
    # break is the writer's lead, not what the cue after it reports.
    clauses = [c for c in clauses if not (c.i < verb.i and any(
        t.text in (":", ";") or "\n" in t.text for t in verb.doc[c.right_edge.i + 1:verb.i]))]
    if not clauses:
        return None
    parts = [subtree_range(c) for c in clauses]
    for aside in _writer_asides(clauses) + _own_claims(clauses):
        start = aside.left_edge.idx if aside.left_edge.i < aside.i else aside.idx
        parts = subtract(parts, (start, aside.right_edge.idx + len(aside.right_edge)))
    for other in _coordinated_reports(verb, clauses):
        # "… says A and says B": B is a claim of its own, from the conjunction on.
        first = min((c for c in other.head.children if c.dep_ == "cc" and c.i < other.i),
                    key=lambda c: c.i, default=other)
        parts = subtract(parts, (first.idx, other.right_edge.idx + len(other.right_edge)))
    rule = RuleName.INVERTED if clauses[0].i < verb.i else RuleName.COMPLEMENT
    if rule == RuleName.COMPLEMENT:
        parts = _with_continuations(verb, clauses[-1], parts) + _reasons_given(verb, clauses[-1])
    subj = subject_of(verb)
    who = f" → subject '{subj.text}'" if subj is not None else ""
    return _Reading(parts, rule, f"cue '{verb.text}'{who}, content from its clause")


def _reasons_given(verb: Token, content: Token) -> list[tuple[int, int]]:
    """"said the plan smacked of favoritism, because the mayor had picked the builder": a
    reason the parser hung on the cue verb after the reported clause is part of what was
    said (PolNeAR dev and train samples: 2 of 2 on a clause after "said")."""
    return [subtree_range(reason) for reason in verb.children
            if reason.dep_ == "advcl" and reason.i > content.right_edge.i and any(
                m.dep_ == "mark" and m.lower_ == "because" for m in reason.children)]


def _continuations(verb: Token, content: Token) -> list[Token]:
    """Verbs the parser hung on a cue verb that go on with what it reports: "wants to widen
    the road, build a bridge and close the ferry" (a verb in the content's own form, not
    the cue's, with no subject of its own and no cue word). A verb in the cue's own form
    is the speaker's next act ("said … and left"); a clause with a subject of its own is
    as often the writer's next sentence as the source's ("said …, but the mayor declined"),
    and is left out, unless it opens with "that" as the content does ("found that A, and
    that B")."""
    verbs = cue_verbs()
    return [child for child in verb.children
            if child.dep_ == "conj" and child.i > content.right_edge.i
            and child.pos_ in ("VERB", "AUX")
            and (_second_that_clause(content, child) or
                 child.lemma_.lower() not in verbs
                 and child.tag_ == content.tag_ and child.tag_ != verb.tag_
                 and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children))]


def _second_that_clause(content: Token, child: Token) -> bool:
    """"found that the branch costs more, and that visits fell": a clause the parser hung
    on the cue verb that opens with "that", after a content that does."""
    def opens_with_that(clause: Token) -> bool:
        return any(c.dep_ == "mark" and c.lower_ == "that" and c.i == clause.left_edge.i
                   for c in clause.children)
    return opens_with_that(content) and opens_with_that(child)


def _with_continuations(verb: Token, content: Token, parts: list[tuple[int, int]]
                        ) -> list[tuple[int, int]]:
    """`parts` with the _continuations of `content`, each from its conjunction on."""
    for child in _continuations(verb, content):
        cc = [c for c in verb.children if c.dep_ == "cc" and content.right_edge.i < c.i < child.i]
        start = cc[0].idx if cc else child.left_edge.idx
        parts = parts + [(start, child.right_edge.idx + len(child.right_edge))]
    return parts


def _parenthetical(doc: Doc, verb: Token) -> _Reading | None:
    """"The calls, he said, were routine": the cue interrupts its content. The parser may
    hang the cue on the subject it follows ("The difference now, he told me, is …"): the
    reported clause is then the one that noun is the subject of."""
    head = verb.head
    if verb.dep_ == "parataxis" and head.pos_ in ("NOUN", "PROPN") and \
            head.dep_ in ("nsubj", "nsubjpass") and head.i < verb.i:
        head = head.head
    if not (verb.dep_ == "parataxis" and head.pos_ in ("VERB", "AUX") and
            (head.lemma_.lower() not in cue_verbs() or interrupting_cue(head) == verb) and
            any(c.dep_ in _SUBJECT_DEPS and c.lower_ not in _NON_SPEAKERS for c in verb.children)):
        return None
    head = _clause_around(head, verb)
    parts = subtract([subtree_range(head)], _set_off_range(verb))
    subj = subject_of(verb)
    return _Reading(parts, RuleName.PARENTHETICAL,
                    f"cue '{verb.text}' inside the sentence it reports → subject '{subj.text}'")


def _clause_around(head: Token, verb: Token) -> Token:
    """The clause a parenthetical cue interrupts. The parser may hang the cue on an opening
    clause that ends before it ("Though the move was smooth, he said, replacing her would
    be hard"): the sentence's clause that goes on after the cue is the one reported."""
    while head.dep_ in ("advcl", "csubj") and head.head.i != head.i and \
            head.head.i > verb.i and head.head.lemma_.lower() not in cue_verbs() and \
            all(t.i < verb.i or t.is_punct or verb.is_ancestor(t) or t.i == verb.i
                for t in head.subtree):
        head = head.head
    return head


def _set_off_range(verb: Token) -> tuple[int, int]:
    """A parenthetical cue as set off by its commas: the verb's subtree, less an opening
    clause the parser hung on it before the comma that precedes its subject ("If the talks
    fail, Mr. Ruiz argues, there are other tools": "If the talks fail" is reported)."""
    start, end = subtree_range(verb)
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i), None)
    if subject is not None:
        first = subject.left_edge
        if first.i > verb.left_edge.i and verb.doc[first.i - 1].text == ",":
            start = first.idx
    return start, end


def interrupting_cue(verb: Token) -> Token | None:
    """A cue set off by commas between a verb and its subject ("The museum, Mr. Bush said,
    celebrated …"): the sentence is what that cue reports, even when its own verb is a
    cue word too. Returns the interrupting cue verb."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None:
        return None
    for child in verb.children:
        if child.dep_ == "parataxis" and subject.i < child.i < verb.i and \
                _is_cue_verb(child, cue_verbs()) and _set_off_by_comma(child) and \
                any(c.dep_ in _SUBJECT_DEPS for c in child.children):
            return child
    return None


def _set_off_by_comma(token: Token) -> bool:
    first = token.left_edge
    return first.text == "," or first.i > 0 and token.doc[first.i - 1].text == ","


def _infinitive(doc: Doc, verb: Token, subj: Token) -> _Reading | None:
    """"Rubio wants Milley to resign": a position, from the object and the infinitive."""
    lemma = verb.lemma_.lower()
    if not (lemma in _INFINITIVE_CUES or lemma not in _NO_OBJECT_CUES):
        return None
    xcomps = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
    if not xcomps or _retold_intent(verb, subj) or asks_not_to_be_named(xcomps[0]):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj",) and c.i < xcomps[0].i]
    if objects and objects[0].lemma_.lower() in _ANONYMITY:
        return None  # "who requested anonymity to discuss the talks"
    # "called on Congress to act": whom the preposition names, as an object would be.
    prep = next((c for c in verb.children if c.dep_ == "prep" and verb.i < c.i < xcomps[0].i
                 and c.i + 1 < xcomps[0].left_edge.i
                 and any(o.dep_ == "pobj" for o in c.children)), None) if not objects else None
    start = subtree_range(objects[0])[0] if objects else subtree_range(xcomps[0])[0]
    if prep is not None:
        start = prep.doc[prep.i + 1].idx
    end = subtree_range(xcomps[-1])[1]
    parts = _with_continuations(verb, xcomps[-1], [(start, end)])
    return _Reading(parts, RuleName.POSITION,
                    f"cue '{verb.text}' → subject '{subj.text}', content from its infinitive",
                    None, prep.idx + len(prep) if prep is not None else None)


# "a council member who asked not to be named", "declined to be identified", "requested
# anonymity": why a source goes unnamed, not something the source said (PolNeAR dev and train hold none of them;
# the shipped sample listed "asked: not to be named" as the council member's claim).
_NAMING_PASSIVES = frozenset({"name", "identify", "quote"})
_ANONYMITY = frozenset({"anonymity"})


def asks_not_to_be_named(infinitive: Token) -> bool:
    """Whether an infinitive is a source's wish not to be named: a passive of naming with
    no object ("not to be named", "to be identified only as a Republican")."""
    return infinitive.lemma_.lower() in _NAMING_PASSIVES and \
        any(c.dep_ == "auxpass" for c in infinitive.children) and \
        not any(c.dep_ in ("dobj", "ccomp") for c in infinitive.children)


def _retold_intent(verb: Token, subj: Token) -> bool:
    """"Her lawyer told the paper in a statement that her client meant no harm":
    a position of someone the writer names only by a common noun, in a "that" clause under
    another speaker's cue, is that speaker's claim about them, not theirs."""
    if subj.pos_ != "NOUN" or subj.ent_type_:
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return False
    for outer_verb in verb.ancestors:
        if outer_verb.pos_ == "VERB" and outer_verb.lemma_.lower() in cue_verbs():
            outer = subject_of(outer_verb)
            return outer is not None and outer.i != subj.i
    return False


def _for_clause(doc: Doc, verb: Token, subj: Token) -> _Reading | None:
    """"calling for Milley to step down": the parser makes "for" the mark of a clause."""
    lemma = verb.lemma_.lower()
    if lemma not in _INFINITIVE_CUES and lemma not in _PREP_CUES:
        return None
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.i > verb.i and any(
                c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
            mark = next(c for c in clause.children if c.dep_ == "mark")
            end = verb.right_edge.idx + len(verb.right_edge)
            return _Reading([(doc[mark.i + 1].idx, end)], RuleName.POSITION,
                            f"cue '{verb.text} for' → subject '{subj.text}'")
    return None


def _prepositional_object(doc: Doc, verb: Token, subj: Token) -> _Reading | None:
    """"warned of X", "called for X": the object of a content preposition; "agreed with X":
    whose view is shared."""
    if verb.lemma_.lower() in lexicons.load("agreeing_verbs"):
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                 and c.i > verb.i]
    elif verb.lemma_.lower() not in _PREP_CUES:
        return None
    else:
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS
                 and c.i > verb.i]
    if not preps or _time_phrase(preps[0]):
        return None  # "called Trump a “liar” on Tuesday": when, not what
    start = preps[0].i + 1
    whom = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < preps[0].i),
                None)
    if whom is not None and preps[0].lower_ in ("of", "for") and whom.pos_ != "PRON" and \
            whom.right_edge.i - whom.left_edge.i < preps[0].right_edge.i - preps[0].i:
        # "accused the Saudi government of attempting to …": whom it is said of, unless a
        # pronoun ("accusing her of …") or longer than what is said of them.
        start = whom.left_edge.i
    if not (start < len(doc) and start <= preps[0].right_edge.i):
        return None
    # "have pushed for closures since 2021": the date after the object says when.
    end = max(subtree_range(c)[1] for c in verb.children if c.i >= preps[0].i
              and c.dep_ not in _NON_CONTENT_DEPS
              and not (c.i > preps[0].i and c.dep_ == "prep" and _time_phrase(c)))
    # A prepositional object is a looser reading than an infinitive.
    return _Reading([(doc[start].idx, end)], RuleName.POSITION,
                    f"cue '{verb.text} {preps[0].text}' → subject '{subj.text}'", 0.65)


def _time_phrase(prep: Token) -> bool:
    """"on Tuesday", "on Sept. 11": a preposition whose object is a date or a time."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _points_to(doc: Doc, verb: Token, subj: Token) -> _Reading | None:
    """"pointed to X": X is what the subject says."""
    if verb.lemma_.lower() != "point":
        return None
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
               and c.i > verb.i and c.i < c.right_edge.i), None)
    if to is None:
        return None
    return _Reading([(doc[to.i + 1].idx, to.right_edge.idx + len(to.right_edge))],
                    RuleName.OBJECT, f"cue '{verb.text} to' → subject '{subj.text}'")


def _direct_object(doc: Doc, verb: Token, subj: Token) -> _Reading | None:
    """"officials confirmed the calls", "the audit found irregularities": the object, with
    what completes it, for verbs whose object is a claim (or a finding, with a document
    as subject)."""
    lemma = verb.lemma_.lower()
    documents = lexicons.load("document_nouns")
    document_subject = lemma in _DOCUMENT_OBJECT_CUES and (
        subj.lemma_.lower() in documents or subj.lower_ in documents)
    if lemma == "say":
        echo = _echo_of_earlier_words(doc, verb, subj)
        if echo is not None:
            return echo
    if not (lemma in _OBJECT_CUES or document_subject or
            (lemma not in _NO_OBJECT_CUES and verb.pos_ == "VERB")):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj",) and c.i > verb.i]
    if not objects:
        return None
    if lemma in _PREDICATE_OBJECT_CUES and not _has_predicate(verb, objects[0]):
        return None
    if lemma in _ADDRESSEE_OBJECT_CUES and _is_person(objects[0]):
        return None
    if _names_no_words(lemma, objects[0], verb):
        return None
    tail = [c for c in verb.children if c.i >= objects[0].i and
            c.dep_ in ("dobj", "prep", "xcomp", "oprd", "advcl") and
            not _circumstance_clause(c) and not _addressee(c) and
            not (c.dep_ == "prep" and c.lower_ in ("in", "on", "at", "during", "after",
                                                   "before", "since", "with")
                 and not (document_subject and c.lower_ == "with"))]
    start = subtree_range(objects[0])[0]
    end = max(subtree_range(c)[1] for c in tail)
    about = _topic_after_person(objects[0], tail)
    if about is not None:  # "attacked him over the issue": the cue "attacked him over"
        return _Reading([(doc[about.i + 1].idx, end)], RuleName.OBJECT,
                        f"cue '{verb.text} {objects[0].text} {about.text}' → subject "
                        f"'{subj.text}', content from its object", None,
                        about.idx + len(about))
    clause = _noun_complement_clause(objects[0])
    if clause is not None:  # "expressed concern that X": the cue "expressed concern", X said
        noun = doc[clause.left_edge.i - 1]
        return _Reading([(clause.left_edge.idx, end)], RuleName.OBJECT,
                        f"cue '{verb.text} {objects[0].text}' → subject '{subj.text}', "
                        "content from its object's clause", None, noun.idx + len(noun))
    return _Reading([(start, end)], RuleName.OBJECT,
                    f"cue '{verb.text}' → subject '{subj.text}', content from its object")


# "claimed at least 165 lives": a death toll, not a claim.
_TOLL_NOUNS = frozenset({"life", "lives", "victim", "casualty"})


def _echo_of_earlier_words(doc: Doc, verb: Token, subj: Token) -> _Reading | None:
    """"73 percent said the same of Trump", "has said the same thing", "said as much in an
    interview": "say" with an object that stands for words already given is a claim whose
    content is that object and what it is said of (PolNeAR dev and train samples: 4 of 4
    with a subject). Other objects of "say" are no content ("said a prayer")."""
    for obj in verb.children:
        if obj.i < verb.i:
            continue
        same = obj.lower_ == "same" or obj.lower_ == "thing" and any(
            c.lower_ == "same" for c in obj.children)
        if same and obj.dep_ == "dobj" and any(c.lower_ == "the" for c in obj.subtree) or \
                obj.lower_ == "much" and obj.dep_ in ("dobj", "advmod") and \
                any(c.lower_ == "as" and c.i < obj.i for c in obj.children):
            about = [c for c in list(verb.children) + list(obj.children) if c.dep_ == "prep"
                     and c.i > obj.i and c.lower_ in ("of", "for", "about")]
            end = max([obj.idx + len(obj)] + [subtree_range(c)[1] for c in about])
            return _Reading([(obj.left_edge.idx, end)], RuleName.OBJECT,
                            f"cue '{verb.text}' → subject '{subj.text}', content "
                            f"'{obj.text}' standing for words already given")
    return None


# Words opening an adverbial clause of time or circumstance ("as drivers lined up").
_CIRCUMSTANCE_MARKS = frozenset({"as", "while", "when", "until", "after", "before", "once"})


def _circumstance_clause(token: Token) -> bool:
    """An adverbial clause of time or circumstance hung on the cue verb says when, not
    what: "condemned the toll plan as drivers lined up", "could refuse licenses until the
    audit was finished", "mentioned the flood while touring the valley". Not a manner
    ("described it as if it were …") or a topic ("when it comes to schools"), and not a
    reason ("because …"), which PolNeAR keeps in the content as often as not."""
    if token.dep_ != "advcl":
        return False
    if token.lemma_ == "come" and any(c.lower_ == "it" for c in token.children):
        return False
    marks = {c.lower_ for c in token.children if c.dep_ in ("mark", "advmod") and c.i < token.i}
    return bool(marks & _CIRCUMSTANCE_MARKS) and not marks & {"if", "though"}


def _addressee(prep: Token) -> bool:
    """"disclosed the figures to reporters", "mentioned the storm to me": whom the words
    were told, not what was said (but "likened the tax to a toll booth")."""
    if prep.dep_ != "prep" or prep.lower_ != "to" or \
            prep.head.lemma_.lower() in ("liken", "compare", "equate"):
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or
                                 o.lower_ in _PERSON_OBJECT_PRONOUNS or o.lower_ == "reporters"
                                 for o in objects)


def _names_no_words(lemma: str, obj: Token, verb: Token) -> bool:
    """A cue verb in its sense that takes a thing, not words: "the outbreak claimed 165
    lives", "the ministry admitted two students into the program" (let in)."""
    if lemma == "claim":
        return obj.lemma_.lower() in _TOLL_NOUNS or obj.lower_ in _TOLL_NOUNS
    if lemma == "admit":
        return any(c.dep_ == "prep" and c.lower_ == "into" and c.i > obj.i
                   for c in list(verb.children) + list(obj.children))
    return obj.lemma_.lower() in _ANONYMITY  # "requested anonymity": why no name is given


def _topic_after_person(obj: Token, tail: list[Token]) -> Token | None:
    """The preposition naming what a person object is taken to task on, right after a
    personal pronoun ("challenging him over his comments", "pressed her on taxes")."""
    if obj.lower_ not in _PERSON_OBJECT_PRONOUNS:
        return None
    after = obj.doc[obj.i + 1] if obj.i + 1 < len(obj.doc) else None
    if after is None or not any(t.i == after.i for t in tail) or \
            after.lower_ not in ("over", "about", "on") or after.right_edge.i == after.i:
        return None
    return None if _time_phrase(after) else after


def _noun_complement_clause(obj: Token) -> Token | None:
    """The "that" clause completing an object noun ("expressed concern that …", "made the
    case that …", "showed no sign that …"): what is said, the noun being part of the cue."""
    if obj.pos_ != "NOUN":
        return None
    return next((c for c in obj.children if c.dep_ in ("acl", "ccomp") and c.i > obj.i
                 and _has_that_mark(c)), None)


def _is_person(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lower_ in _PERSON_OBJECT_PRONOUNS


def _has_predicate(verb: Token, obj: Token) -> bool:
    """"called the report a hoax", "calls people “losers”", "characterized it as racist":
    something said of the object (the parser's oprd, a clause, "as …", quoted words, or
    words the parser could not attach). Only a bare object names an act: "called 911"."""
    if any(c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")
           for c in list(verb.children) + list(obj.children) if c.i > obj.i):
        return True
    # A conjunct after the object may be the predicate the parser misread ("called the
    # shootings and the unrest that followed a moment …"), except for verbs whose predicate
    # comes with "as" ("characterizing the moon and its ocean and hunting for spots").
    if verb.lemma_.lower() not in _AS_PREDICATE_CUES and any(
            c.dep_ == "conj" and c.i > obj.i for c in list(verb.children) + list(obj.children)):
        return True
    if any(t.is_quote for t in obj.subtree):
        return True
    # Words after the object that are neither the object's own nor an adverbial of the verb.
    adverbials = [c for c in verb.children if c.i > obj.right_edge.i and c.dep_ in
                  ("prep", "advmod", "npadvmod", "advcl", "punct", "cc", "conj")]
    covered = {t.i for c in adverbials for t in c.subtree}
    return any(t.i not in covered and not t.is_punct
               for t in verb.doc[obj.right_edge.i + 1:verb.right_edge.i + 1])


# Tried in order for a cue verb with a subject; the first that fits decides.
_SUBJECT_READINGS = (_infinitive, _for_clause, _prepositional_object, _points_to, _direct_object)


def _writer_asides(clauses: list[Token]) -> list[Token]:
    """"… were staffed — suggesting that the White House was informed": a participle of
    insinuation hung on the reported clause is the writer's inference, not the source's."""
    return [token for clause in clauses for token in clause.subtree
            if token.i > clause.i and is_writer_aside(token)]


def _passive_with_agent(doc: Doc, verb: Token) -> ClaimDraft | None:
    """"The move was first reported by MSNBC": the passive subject is the content and the
    agent the source."""
    content = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    who = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if content is None or who is None or content.pos_ == "PRON":
        return None
    parts = clean_parts(doc, [subtree_range(content)])
    if not parts:
        return None
    return ClaimDraft(content=parts, cue=cue_range(verb), source_token=who,
                      source_span=noun_phrase_range(who), rule=RuleName.OBJECT,
                      why=f"passive cue '{verb.text} by' → agent '{who.text}'")


def _coordinated_reports(verb: Token, clauses: list[Token]) -> list[Token]:
    """Reporting verbs coordinated inside a reported clause that start a new report: the
    same verb form as the cue ("says … and tells the crowd …") or a subject of their own
    ("more than 4 in 10 said …, and three-quarters said …"). A conjunct opened by its own
    "that" is a second clause of the same report ("said she would consider a tax, and
    that she favored cutting fees")."""
    verbs = cue_verbs()
    found = []
    for clause in clauses:
        for token in clause.subtree:
            if token.i <= clause.i or token.dep_ != "conj" or token.pos_ != "VERB" or \
                    token.lemma_.lower() not in verbs or _has_that_mark(token):
                continue
            has_content = any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in token.children)
            own_subject = any(c.dep_ in _SUBJECT_DEPS for c in token.children)
            if has_content and (own_subject or token.tag_ == verb.tag_):
                found.append(token)
    return found


def _own_claims(clauses: list[Token]) -> list[Token]:
    """"… said he did not believe it, arguing that …": a participle cue set off by a comma
    inside the reported clause starts a claim of its own."""
    verbs = cue_verbs()
    found = []
    for clause in clauses:
        for token in clause.subtree:
            if token.i > clause.i and token.dep_ == "advcl" and token.tag_ == "VBG" and \
                    token.lemma_.lower() in verbs and not is_writer_aside(token) and \
                    token.i > 0 and token.doc[token.left_edge.i - 1].text in (",", "—", "–", ";"):
                found.append(token)
    return found


def is_writer_aside(token: Token) -> bool:
    """A participle of insinuation set off by a comma or dash, with no subject of its own."""
    if token.dep_ not in ("advcl", "acl", "xcomp") or token.tag_ != "VBG" or \
            token.lemma_.lower() not in _INSINUATION_VERBS:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    return before is not None and before.text in (",", "—", "–", "-", ";")


def find_according_to(doc: Doc) -> list[ClaimDraft]:
    """"according to X": the rest of the clause is X's claim."""
    drafts = []
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        to = doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] or \
                  [c for c in token.children if c.dep_ == "pobj"]
        if not objects:
            continue
        source = objects[0]
        phrase_end = max(token.right_edge.i, to.right_edge.i, source.right_edge.i)
        phrase = (token.idx, doc[phrase_end].idx + len(doc[phrase_end]))
        sent = token.sent
        draft = _source_phrase_draft(doc, (sent.start_char, sent.end_char), phrase,
                                     (token.idx, to.idx + len(to)), source,
                                     f"cue 'according to' → source '{source.text}'")
        if draft is not None:
            drafts.append(draft)
    return drafts


def _source_phrase_draft(doc: Doc, clause: tuple[int, int], phrase: tuple[int, int],
                         cue: tuple[int, int], source: Token, why: str) -> ClaimDraft | None:
    """The claim of a phrase that names its source ("according to X", "in X's poll"): the
    clause without the phrase."""
    parts = clean_parts(doc, subtract([clause], phrase))
    if not parts:
        return None
    return ClaimDraft(content=parts, cue=cue, source_token=source,
                      source_span=noun_phrase_range(source), rule=RuleName.ACCORDING_TO,
                      why=why)


# Nouns of an opinion poll: "Clinton led Trump by 5 points in the latest Post poll" is the
# poll's finding (PolNeAR marks it: on dev and the train samples, 11 of 16 such phrases on
# a clause's verb are attributions, with the poll as source).
_POLL_NOUNS = frozenset({"poll", "survey"})
# What a clause may open or close with that is no part of the finding: "Despite …, she did
# not receive a bump in one of the polls"; "…, a 52-point swing".
_FRONTED_DEPS = frozenset({"prep", "advcl", "npadvmod", "advmod", "mark", "cc", "punct"})
_TRAILING_DEPS = frozenset({"advcl", "npadvmod", "appos", "conj", "parataxis", "punct", "cc"})


def _poll_of(prep: Token) -> Token | None:
    """The object of "in" when it is a poll ("in a CNN poll", "in one of the first post-debate
    polls")."""
    if prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    heads = [obj] + [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
    return obj if any(h.lemma_.lower() in _POLL_NOUNS for h in heads) else None


def find_poll_findings(doc: Doc) -> list[ClaimDraft]:
    """"Trump did fare well in online and snap polls", "In this poll, Trump rose 1 point":
    the clause the poll phrase hangs on, without the phrase and the clause's own openers
    and asides, is the poll's claim. Not on a cue verb ("In a Post poll, 8 percent said …":
    the respondents' claim reads it) nor on a noun ("his rise in the polls")."""
    verbs = cue_verbs()
    drafts = []
    for prep in doc:
        poll = _poll_of(prep)
        verb = prep.head
        if poll is None or verb.pos_ not in ("VERB", "AUX") or _is_cue_verb(verb, verbs):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is None or subj.i > verb.i or verb.dep_ in ("pcomp", "acl", "relcl", "amod") \
                or subj.lemma_.lower() == "percent" or subj.like_num:
            continue  # "with 87 percent viewing him favorably in the poll": the respondents'
        dropped = set(t.i for t in prep.subtree)
        for child in verb.children:
            set_off = child.i > verb.i and child.left_edge.i > 0 and \
                doc[child.left_edge.i - 1].text in (",", ";", "—", "–", "-")
            if child.i < subj.left_edge.i and child.dep_ in _FRONTED_DEPS or \
                    child.dep_ in _TRAILING_DEPS and (set_off or child.is_punct) or \
                    set_off and child.i > prep.i:  # "…, a 52-point swing"
                dropped.update(t.i for t in child.subtree)
        kept = [t.i for t in verb.subtree if t.i not in dropped]
        if not kept:
            continue
        lo, hi = doc[min(kept)], doc[max(kept)]
        draft = _source_phrase_draft(doc, (lo.idx, hi.idx + len(hi)), subtree_range(prep),
                                     (prep.idx, prep.idx + len(prep)), poll,
                                     f"'in' a poll → source '{poll.text}'")
        if draft is not None:
            drafts.append(draft)
    return drafts


# Nouns of others' disapproval that someone faces, draws or receives ("The clip has faced
# ridicule online", "Trump is drawing criticism after …", "sparked criticism from
# Democrats"): PolNeAR marks the one criticised (and what for) as the content, the critics,
# when named, as the source (dev and train samples: 7 of 8).
_CRITICISM_NOUNS = frozenset({"criticism", "ridicule", "scorn", "derision", "mockery",
                              "condemnation", "backlash", "rebuke"})
_CRITICISM_VERBS = frozenset({"face", "draw", "receive", "spark", "earn"})


def find_criticism_faced(doc: Doc) -> list[ClaimDraft]:
    """"X faced sharp criticism (from Y) (for Z)": Y's claim about X and Z, with no source
    when the critics are not named."""
    drafts = []
    for verb in doc:
        if verb.lemma_.lower() not in _CRITICISM_VERBS or verb.pos_ != "VERB":
            continue
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i
                     and c.lemma_.lower() in _CRITICISM_NOUNS), None)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if noun is None or subj is None or subj.i > verb.i or subj.tag_ in ("WP", "WDT"):
            continue
        preps = [c for c in list(verb.children) + list(noun.children)
                 if c.dep_ == "prep" and c.i > noun.i]
        critics = next((o for p in preps if p.lower_ == "from"
                        for o in p.children if o.dep_ == "pobj"), None)
        reason = next((p for p in preps if p.lower_ == "for" and p.i < p.right_edge.i), None)
        # "Pfizer's deal with Allergan, which would create …": the writer's aside is cut.
        parts = trailing_asides_cut(doc, [subtree_range(subj)])
        if reason is not None:
            parts.append((doc[reason.i + 1].idx, reason.right_edge.idx + len(reason.right_edge)))
        parts = clean_parts(doc, parts)
        if not parts:
            continue
        drafts.append(ClaimDraft(
            content=parts, cue=(cue_range(verb)[0], noun.idx + len(noun)),
            source_token=critics,
            source_span=noun_phrase_range(critics) if critics is not None else None,
            rule=RuleName.HEARSAY,
            why=f"'{verb.text} {noun.text}'" + (f" from '{critics.text}'" if critics is not None
                                                 else " with no named source")))
    return drafts


# Passive verbs that report a claim with an infinitive and no speaker ("is said to", "is
# expected to"). PolNeAR dev and train samples: 16 of 18 passive "expected to" are
# attributions with no source.
_PASSIVE_HEARSAY = frozenset({"say", "report", "believe", "rumor", "allege", "expect", "think"})


def find_hearsay(doc: Doc) -> list[ClaimDraft]:
    """Allegations flagged as such with no speaker in the clause: "allegedly", "is said to",
    and how things look to nobody named: "seems to"."""
    markers = lexicons.load("hearsay_markers")
    drafts = []
    for token in doc:
        clause = None
        if token.lower_ in markers and token.dep_ in ("advmod",):
            clause = token.head
            cue = (token.idx, token.idx + len(token))
            why = f"hearsay marker '{token.text}' with no named source"
        elif token.lemma_ in _PASSIVE_HEARSAY and \
                any(c.dep_ == "auxpass" for c in token.children) and \
                any(c.dep_ == "xcomp" for c in token.children) and \
                not any(c.dep_ == "agent" for c in token.children):
            # "is said to", "Obama is expected to join …": the cue with its auxiliaries.
            clause = token
            cue = cue_range(token)
            why = f"passive hearsay '{text_of(doc)[cue[0]:cue[1]]} to' with no named source"
        elif _seems_to(token):
            clause = token
            cue = cue_range(token)
            why = f"'{text_of(doc)[cue[0]:cue[1]]} to': how things look, with no named source"
        if clause is None:
            continue
        while clause.dep_ in ("amod", "acl") and clause.head.i != clause.i:
            clause = clause.head
        if clause is token:
            # What is said of whom: the passive subject and the infinitive, not an opening
            # "If …," or "Although" of the writer's ("Although North Korea is not thought
            # to be capable …").
            parts = [subtree_range(c) for c in token.children
                     if c.dep_ in ("nsubjpass", "nsubj", "xcomp")]
        else:
            parts = [subtree_range(clause)]
        parts = subtract(parts, cue)
        # Each conjoined clause is its own allegation, and "according to X" names a source.
        for child in clause.children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") or \
                    child.dep_ == "prep" and child.lower_ == "according":
                start = child.left_edge.idx
                cc = [c for c in clause.children if c.dep_ == "cc" and c.i < child.i]
                if cc and child.dep_ == "conj":
                    start = min(start, cc[-1].idx)
                parts = subtract(parts, (start, child.right_edge.idx + len(child.right_edge)))
        parts = clean_parts(doc, parts)
        if parts:
            drafts.append(ClaimDraft(content=parts, cue=cue, source_token=None, source_span=None,
                                     rule=RuleName.HEARSAY, why=why))
    return drafts


# "X seems to Y", "X appeared to Y": how things look to someone the writer does not name
# (PolNeAR dev and train samples: 27 of 32 outside another claim are attributions); the
# verbs are RAISING_VERBS.


def _seems_to(token: Token) -> bool:
    """"The coach seems to have lost interest in the league": "seem" or "appear" with a
    subject and an infinitive that is no cue verb of its own ("seemed to suggest that …" is
    the subject's claim)."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if token.lemma_.lower() not in RAISING_VERBS or subject is None or \
            subject.lower_ == "what":
        return False  # "what appeared to be a long fight": the writer's own wording
    infinitive = next((c for c in token.children if c.dep_ == "xcomp" and c.i > token.i), None)
    return infinitive is not None and any(c.tag_ == "TO" for c in infinitive.children) and \
        not _is_cue_verb(infinitive, cue_verbs())


# Nouns that report what their owner said or holds: "his comments on Muslims", "Trump's
# call for a ban", "the senator's claim that …".
_NOUN_CUES = lexicons.words("reporting_nouns")
_NOUN_CUE_PREPS = {"on", "about", "of", "for", "against", "to"}
# Nouns that report their owner's words only with the owner named: "Trump's attacks on the
# judge" (PolNeAR dev and train samples: 4 of 6 owned "attacks on X" are claims), not
# "attacks on Aleppo", nor "his attacks on …", whose owner the rules cannot resolve.
_OWNED_NOUN_CUES = frozenset({"attack"})


def find_noun_cues(doc: Doc) -> list[ClaimDraft]:
    """A reporting noun with its content: "his comments on Muslims", "Rubio's claim that
    the calls were secret", and, with a "that" clause, a noun whose source is named
    around it ("a New York Times report that …", "officials voiced worries that …") or
    nowhere ("closed amid suggestions that …": no source). A cue verb the tagger took
    for a noun ("Trump claims that …") speaks for the name before it. Without an owner a
    noun with only a prepositional content ("comments on …") is left out: it would only
    add noise to Unattributed."""
    verbs = cue_verbs()
    drafts = []
    for token in doc:
        if token.pos_ != "NOUN":
            continue
        lemma = token.lemma_.lower()
        as_verb = _verb_read_as_noun(token, verbs)
        if lemma not in _NOUN_CUES and as_verb is None and not (
                lemma in _OWNED_NOUN_CUES and any(c.dep_ == "poss" and c.pos_ != "PRON"
                                                  for c in token.children)):
            continue
        that_clause = next((c for c in token.children if c.i > token.i and
                            c.dep_ in ("acl", "ccomp", "relcl") and _has_that_mark(c)), None)
        # "Rubio's claim"; "with Foreign Minister Ayman Safadi warning of …": the name the
        # parser made part of the noun's phrase.
        owner = next((c for c in token.children if c.dep_ == "poss"), None) or next(
            (c for c in token.children if c.dep_ == "compound" and c.i < token.i
             and c.ent_type_ in ("PERSON", "ORG") and c.pos_ == "PROPN"), None)
        if as_verb is not None and that_clause is not None:
            owner, source_span = as_verb, _name_run(as_verb)
            why = f"cue verb '{token.text}' read as a noun → subject '{as_verb.text}'"
        elif owner is not None:
            source_span = noun_phrase_range(owner)
            why = f"reporting noun '{token.text}' of '{owner.text}'"
        elif that_clause is not None and lemma in _NOUN_CUES:
            owner = _noun_cue_holder(token)
            source_span = noun_phrase_range(owner) if owner is not None else None
            why = f"reporting noun '{token.text}' with a 'that' clause" + (
                f" → '{owner.text}'" if owner is not None else ", no source named")
        else:
            continue
        content = that_clause if that_clause is not None else next(
            (c for c in token.children if c.i > token.i and c.dep_ == "prep"
             and c.lower_ in _NOUN_CUE_PREPS and c.i < c.right_edge.i), None)
        if content is None:
            continue
        # "the claim that X": PolNeAR's content takes in the "that", as for a verb's clause.
        start = doc[content.i + 1].idx if content.dep_ == "prep" else content.left_edge.idx
        end = content.right_edge.idx + len(content.right_edge)
        parts = clean_parts(doc, trailing_asides_cut(doc, [(start, end)]))
        if not parts:
            continue
        drafts.append(ClaimDraft(
            content=parts, cue=(token.idx, token.idx + len(token)), source_token=owner,
            source_span=source_span, rule=RuleName.NOUN_CUE, why=why,
            confidence=None if owner is not None else 0.45))
    return drafts


def _has_that_mark(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _verb_read_as_noun(token: Token, verbs: frozenset[str]) -> Token | None:
    """"Trump claims that …" parsed as a noun "claims": a cue verb's -s form right after a
    name or pronoun, with no determiner or owner of its own. Returns the name's last
    word."""
    if token.tag_ != "NNS" or token.i == 0 or token.lemma_.lower() not in verbs:
        return None
    if any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in token.children):
        return None
    before = token.doc[token.i - 1]
    if before.pos_ == "PROPN" or (before.pos_ == "NOUN" and before.is_title) or \
            (before.pos_ == "PRON" and before.lower_ in ("he", "she", "it")):
        return before
    return None


def _name_run(last: Token) -> tuple[int, int]:
    """The run of capitalised name words ending at `last` ("Senator Ted Cruz")."""
    first = last
    while first.i > 0 and first.is_title and first.doc[first.i - 1].is_title and \
            first.doc[first.i - 1].pos_ in ("PROPN", "NOUN"):
        first = first.doc[first.i - 1]
    return first.idx, last.idx + len(last)


# "took offense at suggestions that …", "responded to accusations that …", "said in a
# statement that …"; not "amid rumors that …", "despite warnings that …".
_REACTION_PREPS = frozenset({"at", "to", "in", "with", "about", "against", "on"})


def _noun_cue_holder(noun: Token) -> Token | None:
    """Who holds an unowned reporting noun: a name compounded with it ("a New York Times
    report"), the agent after "by"/"from" ("warnings from aides that …"), or the subject of
    a verb that is no cue itself and takes the noun as its object ("officials voiced
    worries that …")."""
    names = [c for c in noun.children if c.dep_ == "compound" and
             (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "PERSON", "NORP"))]
    if names:
        return names[-1]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            agent = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.pos_ == "VERB" and \
            verb.lower_ in _REACTION_PREPS:
        # "Trump took offense at suggestions that …", "Carson responded on Sunday to
        # accusations that …": the subject reacts to the noun's claim and is, for PolNeAR,
        # its source.
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and can_speak(subject) and subject.lower_ not in _WEAK_SOURCES:
            return subject
    if noun.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() not in cue_verbs():
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("PROPN", "NOUN") and \
                subject.lower_ not in _WEAK_SOURCES:
            return subject
    return None


# Marks that set off a trailing aside from the reported clause.
_ASIDE_PUNCT = {",", "—", "–", "--"}
_RELATIVE_WORDS = {"which", "who", "whom", "whose", "where"}
_ASIDE_MARKS = {"although", "though", "while", "whereas", "despite", "even"}


def trailing_asides_cut(doc: Doc, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The writer's addition set off by a comma or a dash at the end of a reported clause
    is not part of what was said: "said he expects Clinton to recover, which forced her to
    leave early", "wants to hire 900 teachers, focusing on rural schools", "…
    rose 2 percent, despite weeks of protests". Cut from the mark: a non-restrictive
    relative clause, a participle with no subject of its own or a concessive clause that
    runs to the content's end and stands outside every quotation. (An apposition at the
    end is left: PolNeAR's annotators keep it about as often as not.)"""
    if not parts:
        return parts
    start, end = parts[-1]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return parts
    quotes = [(p["start"], p["end"]) if isinstance(p, dict) else (p.start, p.end)
              for p in doc._.provenance_quotes or ()]
    for token in span[2:]:
        before = doc[token.left_edge.i - 1] if token.left_edge.i > span.start else None
        if before is None or before.text not in _ASIDE_PUNCT:
            continue
        right = token.right_edge
        if right.idx + len(right) < end - 1 and not all(
                t.is_punct for t in doc[right.i + 1:span.end]):
            continue
        if any(qs <= before.idx < qe for qs, qe in quotes):
            continue
        first = token.left_edge
        aside = (
            (token.dep_ == "relcl" and first.lower_ in _RELATIVE_WORDS) or
            (token.dep_ in ("advcl", "acl", "xcomp") and token.tag_ in ("VBG", "VBN")
             and first.i == token.i
             and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)) or
            (token.dep_ in ("advcl", "prep") and first.lower_ in _ASIDE_MARKS))
        if aside:
            cut = before.idx
            return parts[:-1] + ([(start, cut)] if cut > start else [])
    return parts
