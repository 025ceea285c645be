"""Rules for constructions a token tagger reads badly, applied to the rules' drafts.

- Dash bylines: a quotation followed on its line by a dash and a short name
  (“… serious trouble.” ― Edwin G. Monroy): the name is the source, the dash the cue.
- Split fragments of one quotation: several quoted pieces hung on one cue in one sentence
  ("Cruz called Trump a “pathological liar” and “utterly amoral”") are one claim, running
  from the cue's object to the last piece, not one claim per piece.
- Passive cues with no agent ("a curfew was announced"): the passive subject is the
  content, and the claim has no source (Unattributed), never the writer's.
  So is the noun phrase before a passive cue's participle ("a plan announced in May").
- Nested allegations ("confirmed some allegations contained in a new book that …"): the
  document's allegation (the clause after the document noun) is a claim of the document,
  and the confirmation keeps what comes before it.
- Speech inside a report: "The office ignored an offer, and an aide warned that the
  closure would be “toxic,” according to emails": the emails report both clauses, and the
  aide's warning inside them is the aide's own claim, so the quoted words are the aide's.
- One cue, one claim: two drafts that share a cue standing between them ("“A,” he told
  the host, “B.”") are one claim whose content runs on both sides of the cue.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from reader.provenance import lexicons
from reader.provenance.cues import clause_holds, cue_range, noun_phrase_range
from reader.provenance.drafts import ClaimDraft, clean_parts, subtract, subtree_range, text_of
from reader.vocabulary import RuleName

# A byline after a closing quotation mark: dash, then one to five capitalised words,
# optionally a comma and a place, then the end of the line.
_NAME_WORD = r"[A-Z][\w’'.-]*"
_BYLINE_RE = re.compile(
    rf"[ \t\u00a0]*([\u2015\u2014\u2013])[ \t\u00a0]*({_NAME_WORD}(?:[ \t\u00a0]+{_NAME_WORD}){{0,4}})"
    r"[ \t\u00a0]*(?:,[^\n]{0,40})?[.]?[ \t\u00a0]*(?:\n|$)")
# Verbs whose few quoted words name or judge someone ("called Trump a “liar”"): the object
# before the quotation is part of what is claimed.
_NAMING_LEMMAS = lexicons.words("naming_verbs")
# Passive cues that report a claim without saying whose it is.
_PASSIVE_CUES = lexicons.words("passive_cue_verbs")
_ALLEGATION_NOUNS = lexicons.words("allegation_nouns")
_SPEECH_LEMMAS = lexicons.words("speech_verbs")
# Words besides the cue and its source that may stand between the two parts of one claim
# ("he told the host", "Lund wrote in an email to the league's own radio host").
_GAP_WORDS = 10


def dash_bylines(doc: Doc, drafts: list[ClaimDraft]) -> None:
    """Give quote drafts followed by a dash byline that name as their source and cue."""
    text = text_of(doc)
    for draft in drafts:
        if not draft.quoted:
            continue
        match = _BYLINE_RE.match(text, draft.end)
        if match is None:
            continue
        name_start, name_end = match.span(2)
        span = doc.char_span(name_start, name_end, alignment_mode="expand")
        if span is None or len(span) > 8:
            continue
        head = span[-1] if not span[-1].is_punct else span[0]
        draft.source_token = head
        draft.source_span = (name_start, name_end)
        draft.cue = match.span(1)
        draft.rule = RuleName.DASH_BYLINE
        draft.why = f"quotation signed with a dash byline '{match.group(2)}'"
        draft.confidence = max(draft.confidence, 0.85)


def merge_split_quotes(doc: Doc, drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """One claim for the quoted fragments that share a cue in one sentence."""
    text = text_of(doc)
    by_cue: dict[tuple[int, int], list[ClaimDraft]] = {}
    for draft in drafts:
        if draft.rule == RuleName.QUOTE_CUE and draft.cue is not None:
            by_cue.setdefault(draft.cue, []).append(draft)
    merged_away: set[int] = set()
    for cue, group in by_cue.items():
        cue_span = doc.char_span(*cue, alignment_mode="expand")
        if cue_span is None:
            continue
        verb = cue_span.root
        group.sort(key=lambda d: d.start)
        sentence = verb.sent
        inside = [d for d in group if sentence.start_char <= d.start and d.end <= sentence.end_char]
        if not inside:
            continue
        first = inside[0]
        start = first.start
        naming = verb.lemma_.lower() in _NAMING_LEMMAS and cue[1] <= start
        if naming:
            # "called Trump a “pathological liar”": the content starts after the cue.
            after = [t for t in sentence if t.idx >= cue[1] and not t.is_space]
            if after and after[0].idx < start:
                start = after[0].idx
        if len(inside) == 1 and not naming:
            continue
        end = max(d.end for d in inside)
        if start <= cue[0] < end:
            # The cue sits between the fragments ("“A,” she sings, … asking “B”"): they are
            # separate claims, whose cues quote_claims has chosen.
            continue
        parts = clean_parts(doc, [(start, end)], min_chars=1)
        if not parts or not text[parts[0][0]:parts[-1][1]].strip():
            continue
        if naming:
            # "which Mr. Trump called “a disgrace”", "what she called a “rant”": the relative
            # word before the cue is what is named.
            relative = next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i
                             and c.tag_ == "WDT"), None)
            if relative is not None:
                parts = [(relative.idx, relative.idx + len(relative))] + parts
        first.content = parts
        for other in inside[1:]:
            first.quote_ids |= other.quote_ids
            merged_away.add(id(other))
        if len(inside) > 1:
            first.why += f"; {len(inside)} quoted fragments with one cue are one claim"
        elif naming:
            first.why += "; the words named are part of the claim"
    return [d for d in drafts if id(d) not in merged_away]


def find_sourceless_passives(doc: Doc) -> list[ClaimDraft]:
    """"A curfew was announced", "Changes were proposed": a passive cue with no agent and
    no clause of its own reports its subject, with no source named."""
    drafts = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma not in _PASSIVE_CUES:
            continue
        children = list(token.children)
        if not any(c.dep_ == "auxpass" for c in children):
            draft = _participle_passive(doc, token)
            if draft is not None:
                drafts.append(draft)
            continue
        if any(c.dep_ in ("agent", "ccomp", "xcomp") for c in children):
            continue  # an agent names the source; a clause is read by the other rules
        subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if subject is None or subject.pos_ in ("PRON", "DET") or subject.i > token.i:
            continue
        if token.dep_ in ("relcl", "acl", "amod"):
            continue
        parts = clean_parts(doc, [subtree_range(subject)])
        if not parts or sum(1 for t in subject.subtree if t.is_alpha) < 2:
            continue
        drafts.append(ClaimDraft(
            content=parts, cue=cue_range(token), source_token=None, source_span=None,
            rule=RuleName.PASSIVE_UNATTRIBUTED,
            why=f"passive cue '{token.text}' with no agent: no source named",
            confidence=0.55))
    return drafts


def _participle_passive(doc: Doc, participle: Token) -> ClaimDraft | None:
    """"a plan announced earlier this year", "the laws proposed during his term", "a merger
    announced Monday by the two firms": a passive cue's participle after its noun reports
    the noun phrase before it, the agent's claim or nobody's (PolNeAR dev and train
    samples: 3 of 3 marked, with the noun phrase as content)."""
    noun = participle.head
    if participle.dep_ != "acl" or participle.tag_ != "VBN" or noun.i > participle.i or \
            noun.pos_ not in ("NOUN", "PROPN") or \
            any(c.dep_ in ("ccomp", "xcomp") for c in participle.children):
        return None  # "the states expected to be most pivotal": the infinitive is the claim
    if participle.left_edge.i <= noun.left_edge.i or \
            sum(1 for t in doc[noun.left_edge.i:participle.left_edge.i] if t.is_alpha) < 2:
        return None
    last = doc[participle.left_edge.i - 1]
    parts = clean_parts(doc, [(noun.left_edge.idx, last.idx + len(last))])
    if not parts:
        return None
    agent = next((c for c in participle.children if c.dep_ == "agent"), None)
    who = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    return ClaimDraft(
        content=parts, cue=cue_range(participle), source_token=who,
        source_span=noun_phrase_range(who) if who is not None else None,
        rule=RuleName.PASSIVE_UNATTRIBUTED if who is None else RuleName.OBJECT,
        why=f"'{noun.text}' {participle.text}" + (f" by '{who.text}'" if who is not None
                                                   else ": no source named"),
        confidence=0.55 if who is None else None)


def find_nested_allegations(doc: Doc) -> list[ClaimDraft]:
    """"… confirmed some allegations contained in a new book that X": the book alleges X.
    An allegation noun qualified by a document ("in a new book", "in the report") whose
    content clause follows is the document's claim; the source is the document noun."""
    documents = lexicons.load("document_nouns")
    drafts = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _ALLEGATION_NOUNS:
            continue
        holder = _document_of(noun, documents)
        if holder is None:
            continue
        # "a new book that the senator had lied": parsed as a relative clause of the book.
        clause = next((t for t in holder.children if t.i > holder.i and t.dep_ in ("relcl", "acl")
                       and t.left_edge.lower_ == "that" and t.left_edge.i == holder.i + 1
                       and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that"
                               for c in t.children)), None)
        if clause is None:
            clause = next((t for t in noun.children if t.i > noun.i and t.dep_ in ("acl", "ccomp")
                           and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)),
                          None)
        if clause is None:
            continue
        mark = clause.left_edge if clause.left_edge.lower_ == "that" else None
        start = doc[mark.i + 1].idx if mark is not None and mark.i + 1 < len(doc) else clause.idx
        end = clause.right_edge.idx + len(clause.right_edge)
        parts = clean_parts(doc, [(start, end)])
        if not parts:
            continue
        drafts.append(ClaimDraft(
            content=parts, cue=(noun.idx, noun.idx + len(noun)), source_token=holder,
            source_span=noun_phrase_range(holder), rule=RuleName.NESTED_ALLEGATION,
            why=f"'{noun.text}' in '{holder.text}': the document's own allegation",
            confidence=0.6))
    return drafts


def _document_of(noun: Token, documents: frozenset[str]) -> Token | None:
    """The document an allegation noun is found in: "allegations (contained) in a book"."""
    for child in noun.subtree:
        if child.dep_ == "pobj" and child.lemma_.lower() in documents and \
                child.head.lower_ in ("in", "from", "by") and child.i - noun.i <= 6:
            return child
    return None


def place_nested(doc: Doc, drafts: list[ClaimDraft], nested: list[ClaimDraft]
                 ) -> list[ClaimDraft]:
    """Add each nested allegation, cutting its content out of the claim that holds it
    (the confirmation keeps "some allegations contained in a new book")."""
    out = list(drafts)
    for inner in nested:
        holders = [d for d in out if d.overlaps(inner.start, inner.end)]
        if len(holders) != 1 or not (holders[0].start <= inner.start and inner.end <= holders[0].end):
            continue
        holder = holders[0]
        if inner.cue is None or not holder.overlaps(*inner.cue):
            continue  # the allegation noun must be part of what the holder reports
        text = text_of(doc)
        cut = inner.start
        before = text[:cut].rstrip()
        if before.lower().endswith("that"):
            cut = len(before) - 4  # the "that" introducing the allegation goes with it
        rest = clean_parts(doc, subtract(list(holder.content), (cut, inner.end)))
        if not rest:
            continue
        holder.content = rest
        holder.why += "; the allegation it names is the document's own claim"
        out.append(inner)
    return sorted(out, key=lambda d: d.start)


def place_reported_speech(doc: Doc, drafts: list[ClaimDraft], readings: list[ClaimDraft]
                          ) -> list[ClaimDraft]:
    """Add the speech a kept "according to X" claim reports in one of its clauses, cut out
    of it: "The office ignored an offer, and an aide warned that the closure would be
    “toxic,” according to emails" is the emails' claim, and "that the closure would be
    “toxic,”" the aide's inside it. `readings` are all the drafts `drafts` were selected
    from. Only a speaking verb of one of coordinated clauses: one whose clause holds the
    whole claim ("X said Y, according to a memo") is left alone, for such a claim goes to
    its speaker (sources.py), and so is one hung on another clause ("calmed them by
    telling them that …"), which PolNeAR does not mark apart."""
    out = list(drafts)
    kept = {id(d) for d in drafts}
    for holder in drafts:
        if holder.rule != RuleName.ACCORDING_TO:
            continue
        words = [t for s, e in holder.content
                 for t in doc.char_span(s, e, alignment_mode="contract") or ()]
        # The phrase "according to X" itself, which a reading may run into when the parser
        # hangs it on the reported clause ("that the sale would be “a disaster,” according
        # to emails"): the reading stops before it.
        phrase = (holder.cue[0], subtree_range(holder.source_token)[1]) \
            if holder.cue is not None and holder.source_token is not None else None
        for reading in readings:
            if id(reading) in kept or reading.source_token is None or reading.cue is None or \
                    phrase is None or not holder.overlaps(*reading.cue):
                continue
            content = clean_parts(doc, subtract(list(reading.content), phrase))
            if not content or not all(holder.start <= s and e <= holder.end for s, e in content) \
                    or any(o is not holder and o.overlaps(content[0][0], content[-1][1])
                           for o in out):
                continue
            inner = replace(reading, content=content)
            cue = doc.char_span(*inner.cue, alignment_mode="expand") or ()
            verb = next((t for t in cue if t.pos_ == "VERB"
                         and t.lemma_.lower() in _SPEECH_LEMMAS), None)
            if verb is None or clause_holds(verb, words) or not _coordinated(verb):
                continue
            rest = clean_parts(doc, subtract(list(holder.content), (inner.start, inner.end)))
            if not rest:
                continue
            holder.content = rest
            holder.why += "; the speech it reports in one clause is the speaker's own claim"
            out.append(inner)
            kept.add(id(reading))
    return sorted(out, key=lambda d: d.start)


def _coordinated(verb: Token) -> bool:
    """Whether a verb's clause is one of coordinated clauses ("…, and an aide warned
    that …"), not one hung on another ("calmed them by telling them that …")."""
    return verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") or \
        any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children)


def join_shared_cues(doc: Doc, drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """One cue, one claim: "“A,” he told the host, “B.”" and "Oz is “smart as hell,”
    Mosko wrote, and “full of s---”" are one attribution with a content on both sides of
    its cue, not two claims that happen to share it; so are "Ruiz said she has the one
    quality the job needs: “Steadiness …”" and "asked the hall to greet the mayor -
    “our newest neighbour”" (both parts after the cue, in one sentence, with no clause of
    its own between them). Two drafts with the very same cue are also
    joined when one ends before the cue and the other starts after it, with no more than
    the cue, its source and a few words between them."""
    by_cue: dict[tuple[int, int], list[ClaimDraft]] = {}
    for draft in drafts:
        if draft.cue is not None:
            by_cue.setdefault(draft.cue, []).append(draft)
    joined_away: set[int] = set()
    for cue, group in by_cue.items():
        before = [d for d in group if d.end <= cue[0]]
        after = [d for d in group if d.start >= cue[1]]
        if not before or not after:
            continue
        first = max(before, key=lambda d: d.end)
        second = min(after, key=lambda d: d.start)
        if not _cue_interrupts(doc, first, cue, second):
            continue
        joined_away.add(id(_join(first, second, "the parts on both sides of one cue are one claim")))
    for cue, group in by_cue.items():
        group = sorted((d for d in group if id(d) not in joined_away), key=lambda d: d.start)
        for first, second in zip(group, group[1:]):
            if not (cue[1] <= first.start and _same_sentence(doc, first, second)) or \
                    _new_clause_between(doc, first, second):
                continue
            joined_away.add(id(_join(first, second, "the parts with one cue are one claim")))
            break
    return [d for d in drafts if id(d) not in joined_away]


def _join(first: ClaimDraft, second: ClaimDraft, why: str) -> ClaimDraft:
    """Makes one claim of two drafts of one cue: the one with a speaker (else the first)
    takes the other's content and quotations; returns the other, now joined away."""
    keep, other = (first, second) if first.source_token is not None or \
        second.source_token is None else (second, first)
    keep.content = sorted(keep.content + other.content)
    keep.quoted = keep.quoted or other.quoted
    keep.quote_ids |= other.quote_ids
    keep.why += "; " + why
    return other


def _new_clause_between(doc: Doc, first: ClaimDraft, second: ClaimDraft) -> bool:
    """"… are “non-entities,” but he gave the Texan a compliment: “…”": a clause of its
    own (a subject) between two parts makes them two claims."""
    gap = doc.char_span(first.end, second.start, alignment_mode="contract")
    return gap is not None and any(t.dep_ in ("nsubj", "nsubjpass") for t in gap)


def _same_sentence(doc: Doc, first: ClaimDraft, second: ClaimDraft) -> bool:
    a = doc.char_span(first.end - 1, first.end, alignment_mode="expand")
    b = doc.char_span(second.start, second.start + 1, alignment_mode="expand")
    return a is not None and b is not None and a.sent == b.sent


def _cue_interrupts(doc: Doc, first: ClaimDraft, cue: tuple[int, int],
                    second: ClaimDraft) -> bool:
    """Whether a cue stands inside one sentence's content between two parts: the first
    part ends with a comma ("“A,” he said, “B”"), nothing but the source stands between
    it and the cue, and only a few words between the cue and the second part, all in one
    paragraph."""
    text = text_of(doc)
    gap = text[first.end:second.start]
    if "\n" in gap or "," not in text[first.end - 3:first.end + 2]:
        return False
    speaker = next((d for d in (first, second) if d.source_span), None)
    source = None
    if speaker is not None:
        # The source with what the writer says of it: "Mr. Regalado, who was born in
        # Havana", "Michael McFaul, a senior fellow … and a former ambassador".
        source = speaker.source_span
        if speaker.source_token is not None:
            source = (min(source[0], speaker.source_token.left_edge.idx),
                      max(source[1], subtree_range(speaker.source_token)[1]))
    lead = doc.char_span(first.end, cue[0], alignment_mode="expand")
    if lead is not None and any((t.pos_ in ("VERB", "AUX") or t.lower_ in ("and", "but", "or"))
                                and not (source and source[0] <= t.idx < source[1])
                                for t in lead):
        return False  # "… sings to Clinton before asking her", "… and said"
    if source is not None and first.end <= source[0] and source[1] <= second.start:
        gap = text[first.end:source[0]] + text[source[1]:second.start]
    return len(re.findall(r"\w+", gap)) <= _GAP_WORDS
