"""Claims from the learned tagger's labels (doc._.provenance_tags), and their merge with
the rules' claims.

Decoding: runs of one role (B starts a run, I continues it, whitespace inside a run is
kept) become cue, source and content spans; content runs a word or two apart are one block.
Every content block goes to the nearest cue in its paragraph (at most MAX_CUE_GAP tokens
away, not counting a tagged source between them); a block with no cue is dropped. The
nearest block on each side of a cue make one claim (PolNeAR's "X, he said, Y" is one
attribution); claims with fewer than MIN_CONTENT_WORDS words or a mean label probability
under MIN_CONFIDENCE are dropped, and so are cues with no word (a colon or a dash: speaker
labels and bylines are read by the rules) and cues the rules read only with a document as
subject ("showed", "found": document_object_cue_verbs).

Source linking for a learned claim scores the candidate mentions near the cue:
- the parser's subject of the cue verb (cues.subject_of, as the rules use), when the
  tagger did not call any of the cue's tokens content;
- the nearest source run the tagger found within MAX_SOURCE_GAP tokens of the cue in the
  same sentence or the one before;
and takes the tagger's run when it has one (its probability is the score), else the
subject, else none (PolNeAR's sourceless attributions: "a curfew was announced").

Merge (`merge`): the rules' claims stay as they are; a learned claim is added only when it
shares no character with a rule claim's content or cue, and (with the doc) when it passes
the source gate (`vouched`): a claim whose source the rules do not already list (a new
name in the side panel) needs a cue word of the rules' cue lists ("said", "denied",
"claims") and a clause as content ("… that the plan failed"), since the tagger alone too
often makes a source of a subject of any verb ("The two leaders sidestepped tricky
questions"); a claim that quotes a named person's words in double marks passes (with
OPEN_MIN_CONFIDENCE set, a claim that fails is kept without its source instead,
`gate_sources`; measured, not shipped). Its why names
it: "learned tagger, 0.83" (the mean probability of its content and cue labels). Then a
claim with a cue and no source ("…, the letter reads") gets the speaker the learned source
linker (reader.provenance.linker) is sure of (`fill_sources`; a learned claim's only when
that speaker passes the gate or the linker is very sure of it, SURE_FILL), and its why says
so; the subject of a passive or "seem" cue is never a learned claim's source
(`source_is_not_the_speaker`). Last, a learned claim tagged on both
sides of its cue keeps one side (`one_side`), and a content that mostly agrees with the
one complement of its cue verb takes that complement's bounds (`complement_content`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from reader.provenance import lexicons
from reader.provenance.cues import (RAISING_VERBS, asked_in_passing, claim_for_cue, noun_phrase_range,
                                   speaker_of_cue, speaker_of_word_cue)
from reader.provenance.drafts import ClaimDraft, clean_parts, text_of
from reader.provenance.linker import SourceLinker, mention_range
from reader.provenance.sources import resolve_sources
from reader.vocabulary import RuleName

MAX_CUE_GAP = 6  # tokens between a content block and its cue, besides a tagged source
BLOCK_GAP = 2  # untagged tokens inside one content block
MAX_SOURCE_GAP = 12  # tokens between a cue and a source run the tagger found
MIN_CONTENT_WORDS = 3
MIN_CONFIDENCE = 0.6
RULE = RuleName.LEARNED
PARSE_BOUNDARIES = True  # take the parser's clause for a tagged cue verb that agrees
AGREEMENT = 0.5  # character overlap F1 of the tagged and the parsed content
FILL_THRESHOLD: float | None = 0.5  # the linker names the speaker of a rule claim with a cue
# and no source when at least this sure (None: never)
QUESTION_VERBS = frozenset({"ask", "question", "quiz", "query", "wonder", "inquire"})  # cues
# of a question, never of a claim the gate leaves open
# A claim whose source fails the gate is kept without it when its confidence is at least
# this (`gate_sources`); None, as shipped: it is dropped. Measured and not shipped (README,
# "The learned attribution tagger"): with 0.7 dev claims +0.3 and right sources +1, but only
# because the linker, sure of it, often names the very source the gate kept out, which
# lowers real-page source precision under its floor (94.8 -> 91.7 %); without that, dev and
# train attribution fall 0.2-0.4.
OPEN_MIN_CONFIDENCE: float | None = None
SURE_FILL = 0.8  # a learned claim takes the linker's speaker without the source gate when
# the linker is at least this sure (on the train samples 0.5, 0.65 and 0.8 tie and 0.9 is
# lower; of those three, 0.8 lists the fewest new names on the real pages)


@dataclass
class Run:
    role: str
    start: int  # token indices, end exclusive
    end: int
    probability: float

    def gap(self, other: Run) -> int:
        if self.end <= other.start:
            return other.start - self.end
        if other.end <= self.start:
            return self.start - other.end
        return 0


def runs(doc: Doc, tags) -> list[Run]:
    """Contiguous spans of one role, from per-token (label, probability) pairs."""
    out: list[Run] = []
    current: Run | None = None
    total = 0.0
    for i, (label, probability) in enumerate(tags):
        token = doc[i]
        role = label[2:] if label != "O" else None
        if role is None:
            if token.is_space and current is not None:
                continue  # a line break inside a run does not end it
            if current is not None:
                current.probability = total / max(1, current.end - current.start)
                out.append(current)
            current = None
            continue
        if current is not None and role == current.role and label[0] == "I":
            current.end = i + 1
            total += probability
            continue
        if current is not None:
            current.probability = total / max(1, current.end - current.start)
            out.append(current)
        current = Run(role, i, i + 1, probability)
        total = probability
    if current is not None:
        current.probability = total / max(1, current.end - current.start)
        out.append(current)
    return out


def _char_range(doc: Doc, run: Run) -> tuple[int, int]:
    last = doc[run.end - 1]
    return doc[run.start].idx, last.idx + len(last)


def _paragraph(paragraphs, offset: int) -> int:
    for n, (s, e) in enumerate(paragraphs):
        if s <= offset < e:
            return n
    return -1


def _verb_of(doc: Doc, cue: Run) -> Token | None:
    tokens = [doc[i] for i in range(cue.start, cue.end)]
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    if verbs:
        return max(verbs, key=lambda t: (t.pos_ == "VERB", t.i))
    return None


def _root(doc: Doc, start: int, end: int) -> Token:
    for i in range(start, end):
        if not (start <= doc[i].head.i < end) or doc[i].head.i == i:
            return doc[i]
    return doc[start]


def blocks(doc: Doc, contents: list[Run], max_gap: int | None = None) -> list[Run]:
    """Content runs joined across short untagged gaps in one paragraph (a comma or a word
    the tagger was unsure of), so one content is one block."""
    max_gap = BLOCK_GAP if max_gap is None else max_gap
    out: list[Run] = []
    for run in sorted(contents, key=lambda r: r.start):
        last = out[-1] if out else None
        if last is not None and run.start - last.end <= max_gap and \
                "\n\n" not in doc[last.end - 1:run.start + 1].text:
            size = (last.end - last.start) + (run.end - run.start)
            last.probability = ((last.end - last.start) * last.probability
                                + (run.end - run.start) * run.probability) / size
            last.end = run.end
        else:
            out.append(Run(run.role, run.start, run.end, run.probability))
    return out


def learned_drafts(doc: Doc, paragraphs: list[tuple[int, int]]) -> list[ClaimDraft]:
    """The tagger's claims in `doc`, each with a cue; [] when the doc has no tags."""
    tags = doc._.get("provenance_tags") if doc.has_extension("provenance_tags") else None
    if not tags or len(tags) != len(doc):
        return []
    found = runs(doc, tags)
    cues = [r for r in found if r.role == "CUE"]
    if not cues:
        return []
    sources = [r for r in found if r.role == "SOURCE"]
    contents = blocks(doc, [r for r in found if r.role == "CONTENT"])
    para = {id(r): _paragraph(paragraphs, doc[r.start].idx) for r in (*found, *contents)}
    by_cue: dict[int, list[Run]] = {}
    for content in contents:
        near = [c for c in cues if para[id(c)] == para[id(content)]
                and _distance(content, c, sources) <= MAX_CUE_GAP]
        if near:
            cue = min(near, key=lambda c: (_distance(content, c, sources), c.start))
            by_cue.setdefault(id(cue), []).append(content)
    drafts = []
    for cue in cues:
        parts = by_cue.get(id(cue))
        if not parts:
            continue
        # At most the nearest block on each side of the cue ("X, he said, Y").
        before = [p for p in parts if p.end <= cue.start]
        after = [p for p in parts if p.start >= cue.end]
        parts = ([max(before, key=lambda p: p.end)] if before else []) + \
                ([min(after, key=lambda p: p.start)] if after else [])
        draft = _draft(doc, cue, parts, sources, para)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _distance(content: Run, cue: Run, sources: list[Run]) -> int:
    """Tokens between a content block and a cue, not counting a tagged source between
    them ("…, the state's top election official said")."""
    gap = content.gap(cue)
    lo, hi = min(content.end, cue.end), max(content.start, cue.start)
    for source in sources:
        if lo <= source.start and source.end <= hi:
            gap -= source.end - source.start
    return gap


def _draft(doc: Doc, cue: Run, parts: list[Run], sources: list[Run], para) -> ClaimDraft | None:
    content = clean_parts(doc, [_char_range(doc, r) for r in parts])
    words = sum(1 for r in parts for i in range(r.start, r.end) if doc[i].is_alpha)
    if not content or words < MIN_CONTENT_WORDS:
        return None
    weights = [(r.end - r.start, r.probability) for r in (*parts, cue)]
    confidence = sum(n * p for n, p in weights) / sum(n for n, _ in weights)
    if confidence < MIN_CONFIDENCE:
        return None
    if not any(doc[i].is_alpha for i in range(cue.start, cue.end)):
        return None  # a colon or a dash as cue: speaker labels and bylines are the rules'
    verb = _verb_of(doc, cue)
    if verb is not None and verb.lemma_.lower() in lexicons.load("document_object_cue_verbs"):
        # "showed", "found", "has": cues only with a document as subject, which the rules
        # read; "The mayor showed courage" is no claim, whatever the tagger says.
        return None
    source_token, source_span = _link_source(doc, cue, parts, sources, para)
    if source_token is not None and not _could_speak(doc, source_token, source_span):
        # "their temperature", "the debate", "'s premier": nobody who speaks; the parser's
        # reading below may still find the speaker.
        source_token, source_span = None, None
    cue_range = _char_range(doc, cue)
    if PARSE_BOUNDARIES:
        parsed = _parsed_claim(doc, cue, content)
        if parsed is not None:
            content, cue_range = parsed.content, parsed.cue or cue_range
            if source_token is None and parsed.source_token is not None:
                source_token, source_span = parsed.source_token, parsed.source_span
    return ClaimDraft(content=content, cue=cue_range, source_token=source_token,
                      source_span=source_span, rule=RULE,
                      why=f"learned tagger, {confidence:.2f}", confidence=confidence)


# Common nouns that can head a speaker's mention ("the official", "the company", "a poll").
_SPEAKER_NOUN_LISTS = ("role_nouns", "organization_nouns", "group_nouns", "anonymous_nouns",
                       "document_nouns", "reporting_nouns", "work_nouns")


def _could_speak(doc: Doc, token: Token, span: tuple[int, int] | None) -> bool:
    """Whether the tagger's source is a mention of someone: a name, a pronoun, or a common
    noun of the speaker lists (people, bodies, documents, works: "the film explains");
    never a fragment ("'s premier", "Trump and")."""
    text = text_of(doc)[span[0]:span[1]].strip() if span else token.text
    if text[:2] in ("'s", "’s") or text.split()[-1:] in (["and"], ["or"]):
        return False
    if token.pos_ in ("PROPN", "PRON", "NUM") or token.ent_type_ in ("PERSON", "ORG", "NORP") \
            or (token.is_title and token.i > token.sent.start):
        return True  # a name ("Trump charges" tags the name a noun), "One of the two …"
    lemma = token.lemma_.lower()
    return any(lemma in lexicons.load(name) or token.lower_ in lexicons.load(name)
               for name in _SPEAKER_NOUN_LISTS)


def _parsed_claim(doc: Doc, cue: Run, content: list[tuple[int, int]]) -> ClaimDraft | None:
    """The claim the parser reads off a tagged cue verb, when it mostly agrees with the
    tagged content (then its boundaries, which follow the clause, are kept)."""
    verb = _verb_of(doc, cue)
    if verb is None:
        return None
    parsed = claim_for_cue(doc, verb)
    if parsed is None:
        return None
    ours = _chars(content)
    theirs = _chars(parsed.content)
    shared = len(ours & theirs)
    if not shared or 2 * shared / (len(ours) + len(theirs)) < AGREEMENT:
        return None
    return parsed


def _chars(ranges) -> set[int]:
    return {i for s, e in ranges for i in range(s, e)}


def _link_source(doc: Doc, cue: Run, parts: list[Run], sources: list[Run], para
                 ) -> tuple[Token | None, tuple[int, int] | None]:
    """The mention that speaks for `cue`: the tagger's nearest source run, else the
    parser's subject of the cue verb, else none."""
    sentence = doc[cue.start].sent
    earliest = doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
    near = [s for s in sources if para[id(s)] == para[id(cue)] and s.gap(cue) <= MAX_SOURCE_GAP
            and s.start >= earliest  # the cue's sentence or the one before
            and not any(p.start <= s.start < p.end for p in parts)]
    if near:
        best = min(near, key=lambda s: (s.gap(cue), -s.probability))
        return _root(doc, best.start, best.end), _char_range(doc, best)
    verb = _verb_of(doc, cue)
    if verb is None:
        return None, None
    token, span = speaker_of_cue(verb)
    if token is None or span is None:
        return None, None
    if any(doc[p.start].idx <= span[0] < doc[p.end - 1].idx + len(doc[p.end - 1]) for p in parts):
        return None, None  # the subject is inside the content: not a speaker
    return token, span


# The rules' cue words: verbs and nouns that introduce a claim in some construction.
CUE_WORD_LISTS = ("cue_verbs", "speech_verbs", "clause_only_cue_verbs", "infinitive_cue_verbs",
                  "object_cue_verbs", "no_object_cue_verbs", "preposition_cue_verbs",
                  "predicate_object_cue_verbs", "passive_cue_verbs", "quote_frame_verbs",
                  "claim_nouns", "reporting_nouns", "allegation_nouns")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


def has_cue_word(doc: Doc, cue: tuple[int, int] | None) -> bool:
    """Whether a verb, noun or adjective of the cue is in one of the rules' cue lists."""
    if cue is None:
        return False
    words = lexicons.words(*CUE_WORD_LISTS)  # membership list by list, no union built
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    return span is not None and any(
        t.lemma_.lower() in words or t.lower_ in words
        for t in span if t.pos_ in ("VERB", "NOUN", "ADJ"))


def is_clause(doc: Doc, content: list[tuple[int, int]]) -> bool:
    """Whether the content holds a clause: a subject whose verb is in the content too
    ("the plan failed"), not a bare noun phrase ("tricky questions", "masks")."""
    tokens = [t for s, e in content
              for t in (doc.char_span(s, e, alignment_mode="expand") or [])]
    inside = {t.i for t in tokens}
    return any(t.dep_ in SUBJECT_DEPS and t.head.i in inside for t in tokens)


DOUBLE_MARKS = "\"“”„«»"


def quotes_a_person(doc: Doc, draft: ClaimDraft) -> bool:
    """Whether the claim quotes words in double marks and its source is a person's name
    ("Gov. Earl Ray Tomblin lauded him for helping develop “new ideas”")."""
    token = draft.source_token
    return (token is not None and token.ent_type_ == "PERSON"
            and any(mark in text_of(doc)[s:e] for s, e in draft.content for mark in DOUBLE_MARKS))


def vouched(doc: Doc, rule_drafts: list[ClaimDraft], learned: list[ClaimDraft]
            ) -> list[ClaimDraft]:
    """The learned drafts that pass the source gate (see the module's doc)."""
    sure = [d.source_token is None or quotes_a_person(doc, d)
            or (has_cue_word(doc, d.cue) and is_clause(doc, d.content)) for d in learned]
    if all(sure):
        return list(learned)  # no source to check against the rules' (the costly part)
    # The names the rules list alone, then the learned drafts' sources beside them: a
    # learned source that would rename a rule's source ("they" now read as "Washington")
    # is a new name too.
    alone, _ = resolve_sources(doc, [copy.copy(d) for d in rule_drafts])
    listed = {source.name for source in alone}
    probes = [copy.copy(d) for d in (*rule_drafts, *learned)]  # resolve_sources edits drafts
    together, ids = resolve_sources(doc, probes)
    name = {source.id: source.name for source in together}
    return [draft for draft, sid, passed in zip(learned, ids[len(rule_drafts):], sure)
            if passed or sid is None or name[sid] in listed]


def gate_sources(doc: Doc, rule_drafts: list[ClaimDraft], learned: list[ClaimDraft]
                 ) -> list[ClaimDraft]:
    """The learned drafts that pass the source gate (`vouched`); with OPEN_MIN_CONFIDENCE
    set (not shipped), also those that fail it, without their source: the gate then
    decides whether the tagger's source may enter the side panel as a new name, not
    whether the claim is shown. Most claims it stops
    have a cue outside the rules' lists ("fired off a string of posts", "could not
    stomach"), which is where the tagger finds what the rules miss, and their contents are
    right far more often than their sources. Such a claim stays without a source (the
    linker may still name a speaker, `merge`), and its why says which source was left
    open. It is dropped instead when its confidence is under OPEN_MIN_CONFIDENCE, when its
    content holds words in double marks (they would be shown as a quotation with no
    speaker: "The council ordered “premium” steel"), or when its cue is a question ("Lee
    asked Kim about the audit"), which the rules never read as a claim."""
    kept = {id(d) for d in vouched(doc, rule_drafts, learned)}
    out = []
    for draft in learned:
        if id(draft) in kept:
            out.append(draft)
            continue
        if OPEN_MIN_CONFIDENCE is None or (draft.confidence or 0.0) < OPEN_MIN_CONFIDENCE or \
                any(mark in text_of(doc)[s:e] for s, e in draft.content for mark in DOUBLE_MARKS) \
                or any(t.lemma_.lower() in QUESTION_VERBS
                       for t in _word_tokens(doc, [draft.cue] if draft.cue else [])):
            continue
        out.append(draft)
        dropped = text_of(doc)[draft.source_span[0]:draft.source_span[1]] \
            if draft.source_span else (draft.source_token.text if draft.source_token else "")
        draft.source_token, draft.source_span = None, None
        draft.why = f"{draft.why}; source left open (the tagger's '{dropped}' is vouched by no rule)"
    return out


def merge(rule_drafts: list[ClaimDraft], learned: list[ClaimDraft], doc: Doc | None = None
          ) -> list[ClaimDraft]:
    """The rules' drafts, plus the learned ones that share no character with any of them
    (and, given the doc, pass the source gate, `gate_sources`). Given the doc, drafts with a cue
    and no source then get the learned linker's speaker (`fill_sources`); for a learned
    draft, only a speaker that passes the gate too or that the linker is very sure of
    (SURE_FILL; else it stays without one). Last, learned contents keep one side of their
    cue (`one_side`) and take the bounds of the cue verb's complement they agree with
    (`complement_content`)."""
    taken = [r for d in rule_drafts for r in (*d.content, *([d.cue] if d.cue else []))]

    def free(draft: ClaimDraft) -> bool:
        ranges = [*draft.content, *([draft.cue] if draft.cue else [])]
        return not any(s < e2 and s2 < e for s, e in ranges for s2, e2 in taken)

    added = [d for d in learned if free(d)]
    if doc is not None:
        added = gate_sources(doc, rule_drafts, added)
        not_speaker = {id(d) for d in added if source_is_not_the_speaker(doc, d)}
        for draft in added:
            if id(draft) in not_speaker:
                draft.source_token, draft.source_span = None, None
        rule_drafts = fill_sources(doc, rule_drafts)
        linked = [(d, 0.0) if id(d) in not_speaker else fp
                  for fp, d in zip(linked_sources(doc, added), added)]
        filled = [f for f, _ in linked]
        changed = [f for f, d in zip(filled, added) if f is not d]
        # A speaker the linker is very sure of needs no gate; a less sure one must pass it.
        passed = {id(f) for f, p in linked if p >= SURE_FILL}
        doubtful = [f for f in changed if id(f) not in passed]
        passed |= {id(d) for d in vouched(doc, rule_drafts, doubtful)} if doubtful else set()
        added = [f if f is d or id(f) in passed else d for f, d in zip(filled, added)]
        for draft in added:
            if draft.source_token is None and id(draft) not in not_speaker:
                word_cue_speaker(doc, draft)
        for draft in added:
            draft.content = within_relative_clause(doc, one_side(doc, draft), draft.cue)
        for draft in added:
            snapped = complement_content(doc, draft)
            others = [r for d in (*rule_drafts, *added) if d is not draft
                      for r in (*d.content, *([d.cue] if d.cue else []))]
            if snapped != draft.content and not any(
                    s < e2 and s2 < e for s, e in snapped for s2, e2 in others):
                draft.content = snapped
    return sorted(rule_drafts + added, key=lambda d: d.start)


COMPLEMENT_DEPS = ("ccomp", "xcomp", "dobj", "pobj", "prep", "attr", "oprd", "advcl", "acomp")
COMPLEMENT_AGREEMENT = 0.85  # token overlap F1 of the tagged content and the complement
# (0.8 and 0.85 tie on the train samples, 0.9 is lower on one)


def complement_content(doc: Doc, draft: ClaimDraft) -> list[tuple[int, int]]:
    """The content of a learned claim snapped to the parse: the subtree of the one
    complement of its cue verb that the tagged content touches (the object of a preposition
    for a prepositional complement: "talked about [the damaging effects of trade
    agreements]"), when the two mostly agree (COMPLEMENT_AGREEMENT) and the complement lies
    in one sentence beside the cue; the tagger often stops a word short ("his prowess in
    his 11 primary-season [debates]") or starts a word early. A content that touches two
    complements ("made [America] [a paper tiger]") stays as tagged."""
    if draft.cue is None or len(draft.content) != 1:
        return draft.content
    cue = list(doc.char_span(draft.cue[0], draft.cue[1], alignment_mode="expand") or ())
    content = set(_token_indices(doc, draft.content))
    cue_ids = {t.i for t in cue}
    touched = [c for v in cue for c in v.children if c.i not in cue_ids and not c.is_punct
               and any(t.i in content for t in c.subtree)]
    if not content or len(touched) != 1 or touched[0].dep_ not in COMPLEMENT_DEPS:
        return draft.content
    complement = touched[0]
    heads = [k for k in complement.children if k.dep_ in ("pobj", "pcomp")] \
        if complement.dep_ == "prep" else [complement]
    words = {t.i for k in heads for t in k.subtree if not (t.is_punct or t.is_space)}
    if not words or 2 * len(words & content) / (len(words) + len(content)) < \
            COMPLEMENT_AGREEMENT:
        return draft.content
    first, last = doc[min(words)], doc[max(words)]
    if first.sent.start != last.sent.start:
        return draft.content
    snapped = (first.idx, last.idx + len(last))
    if snapped[0] < draft.cue[1] and draft.cue[0] < snapped[1]:
        return draft.content
    return [snapped]


def source_is_not_the_speaker(doc: Doc, draft: ClaimDraft) -> bool:
    """Whether a learned claim's source is the subject of its cue verb that is spoken to or
    about, not the speaker: of a passive with no agent ("Ruiz was asked about speeches
    she gave", "Mr. Hale was challenged over his hiring", "Asked about …,
    Clinton said", `asked_in_passing`) or of "seem" /
    "appear" with an infinitive ("Republicans don't seem to take Sanders' argument
    seriously"; RAISING_VERBS: PolNeAR gives these no source). Such a claim keeps no
    source, as the rules' agentless passives and hearsay, and the linker does not fill it."""
    if draft.source_token is None or draft.cue is None:
        return False
    cue = doc.char_span(draft.cue[0], draft.cue[1], alignment_mode="expand") or ()
    for verb in (t for t in cue if t.pos_ in ("VERB", "AUX")):
        if asked_in_passing(verb) and not any(c.dep_ == "agent" for c in verb.children):
            return True  # "Asked about the speeches, Clinton said …"
        deps = [c.dep_ for c in verb.children]
        if verb.pos_ == "VERB" and "auxpass" in deps and "agent" not in deps:
            subject = "nsubjpass"
        elif verb.lemma_.lower() in RAISING_VERBS and "xcomp" in deps:
            subject = "nsubj"
        else:
            continue
        if any(c.left_edge.i <= draft.source_token.i <= c.right_edge.i
               for c in verb.children if c.dep_ == subject):
            return True
    return False


def word_cue_speaker(doc: Doc, draft: ClaimDraft) -> None:
    """A learned claim left with no source whose cue has no verb ("The administration made
    the more controversial decision to …", "Clinton has been an outspoken supporter of …")
    takes the speaker the parse gives the cue word (`speaker_of_word_cue`), outside its
    content."""
    cue = doc.char_span(draft.cue[0], draft.cue[1], alignment_mode="expand") if draft.cue else None
    if cue is None or any(t.pos_ in ("VERB", "AUX") for t in cue):
        return
    token = speaker_of_word_cue(doc, cue.start, cue.end)
    if token is None or token.lower_ == "it" or token.dep_ == "expl" or \
            token.i in set(_token_indices(doc, draft.content)):
        return
    span = noun_phrase_range(token)
    if not _could_speak(doc, token, span):
        return  # "the meeting produced a headline:"
    draft.source_token, draft.source_span = token, span
    draft.why = f"{draft.why}; source: the speaker of the cue word"


def one_side(doc: Doc, draft: ClaimDraft) -> list[tuple[int, int]]:
    """The content of a learned claim tagged on both sides of its cue, kept on one side:
    PolNeAR's content is mostly the larger one ("been in the … glorious history", "Mr.
    Trump … how aggressive his accounting has been"). Of the smaller side before the cue
    only a subject that belongs to the content stays: that of a passive cue ("the island
    … was known as ''the Poorhouse''") or of a verb in the larger side."""
    if len(draft.content) < 2 or draft.cue is None:
        return draft.content
    before = [p for p in draft.content if p[1] <= draft.cue[0]]
    after = [p for p in draft.content if p[0] >= draft.cue[1]]
    if not before or not after:
        return draft.content
    if _words(doc, after) < _words(doc, before):
        return before
    larger = {t.i for t in _word_tokens(doc, after)}
    cue = {t.i for t in _word_tokens(doc, [draft.cue])}
    for start, end in before:
        for token in _word_tokens(doc, [(start, end)]):
            if (token.dep_ == "nsubjpass" and token.head.i in cue) or \
                    (token.dep_ in ("nsubj", "nsubjpass") and token.head.i in larger):
                right = token.right_edge
                return [(max(token.left_edge.idx, start), min(right.idx + len(right), end)),
                        *after]
    return after


def within_relative_clause(doc: Doc, content: list[tuple[int, int]],
                           cue: tuple[int, int] | None) -> list[tuple[int, int]]:
    """A learned content after a cue verb of a relative clause stops where the clause
    does: "a consultancy that critics describe as [a cost-cutting outfit], even proposed
    selling the building" — the predicate that follows the clause is the main sentence's,
    not the critics'. Only a verb right after the clause (past punctuation and adverbs)
    ends it: the parser hangs a dash's list ("— from X to Y") outside a clause it belongs
    to. Content that would be left empty stays as tagged."""
    if cue is None:
        return content
    verb = next((t for t in doc.char_span(cue[0], cue[1], alignment_mode="expand") or ()
                 if t.dep_ == "relcl"), None)
    if verb is None:
        return content
    following = [t for t in doc[verb.right_edge.i + 1:verb.sent.end]
                 if not (t.is_punct or t.pos_ == "ADV")][:1]
    if not following or following[0].pos_ not in ("VERB", "AUX"):
        return content  # "— from X to Y": a list the parser hung elsewhere may go on
    text = text_of(doc)
    end = verb.right_edge.idx + len(verb.right_edge)
    clipped = [(start, min(stop, end)) for start, stop in content
               if start < end or stop <= cue[0]]
    clipped = [(start, stop) for start, stop in clipped
               if text[start:stop].strip(" ,;:—–-")]
    return [(start, start + len(text[start:stop].rstrip(" ,;:—–-")))
            for start, stop in clipped] or content


def _word_tokens(doc: Doc, ranges) -> list[Token]:
    return [t for s, e in ranges for t in doc.char_span(s, e, alignment_mode="expand") or ()
            if not (t.is_punct or t.is_space)]


def _words(doc: Doc, ranges) -> int:
    return sum(1 for t in _word_tokens(doc, ranges) if t.is_alpha)


# Rules whose claims have no source by what they read: an agentless passive ("a curfew was
# announced") and hearsay ("allegedly", "is expected to"), whose subject is what the claim
# is about, never who makes it.
UNATTRIBUTED_ON_PURPOSE = frozenset({RuleName.PASSIVE_UNATTRIBUTED, RuleName.HEARSAY})


def fill_sources(doc: Doc, drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """The drafts, where a rule found a cue but no source ("…, the letter reads";
    "continued:"), with the learned linker's speaker when it is sure (FILL_THRESHOLD);
    passives the rules leave Unattributed on purpose stay so. A filled draft is a copy
    whose why says so; hearsay stays without a source too. Only when the learned tagger ran
    on the doc: rules alone are rules alone."""
    return [draft for draft, _ in linked_sources(doc, drafts)]


def linked_sources(doc: Doc, drafts: list[ClaimDraft]) -> list[tuple[ClaimDraft, float]]:
    """`fill_sources`, each draft with the linker's probability for the speaker it was
    given (0.0 when none)."""
    linker = SourceLinker.shipped() if FILL_THRESHOLD is not None else None
    if linker is None or not doc.has_extension("provenance_tags") \
            or doc._.get("provenance_tags") is None:
        return [(draft, 0.0) for draft in drafts]
    out = []
    for draft in drafts:
        probability = 0.0
        if draft.source_token is None and draft.cue is not None \
                and draft.rule not in UNATTRIBUTED_ON_PURPOSE:
            cue = _token_indices(doc, [draft.cue])
            if cue:
                token, probability = linker.best(doc, min(cue), max(cue) + 1,
                                                 frozenset(_token_indices(doc, draft.content)),
                                                 threshold=FILL_THRESHOLD)
                if token is not None:
                    draft = copy.copy(draft)
                    draft.source_token, draft.source_span = token, mention_range(token)
                    draft.why = f"{draft.why}; source by the learned linker, {probability:.2f}"
                else:
                    probability = 0.0
        out.append((draft, probability))
    return out


def _token_indices(doc: Doc, ranges) -> list[int]:
    out = []
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="expand")
        out += [t.i for t in span or () if not t.is_space]
    return out

