"""From the speakers of claims to sources: one row per speaker, with every mention.

A light, rule-based coreference: names are grouped by surname ("Col. Dave Butler",
"Butler"), organisations by their name, roles by their head ("the spokesman" joins the
person described as spokesperson), documents and anonymous sources by their head noun,
and pronouns go to the nearest earlier source of a compatible type.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc, Token

from reader.provenance import lexicons
from reader.provenance.cues import (asks_not_to_be_named, clause_holds, noun_phrase_range,
                                    subject_of)
from reader.provenance.drafts import ClaimDraft, text_of
from reader.provenance.model import Source
from reader.vocabulary import RuleName, SourceType

_TITLES = lexicons.words("honorifics")
_PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "me"}
_PLURAL_PRONOUNS = {"they", "them", "we", "us"}
_THING_PRONOUNS = {"it"}
# Outside quotation marks, "I" is the writer: never a source named in the text.
_WRITER_PRONOUNS = {"i", "me"}
# How far back (in characters) a pronoun looks for its speaker.
_PRONOUN_WINDOW = 1500


# A source's key while sources are grouped: its type (or "role" for a role noun not yet
# joined to a person, "other" for a mention of no known type) and a normalised name.
@dataclass
class _Entry:
    key: tuple[str, str]
    type: SourceType
    name: str
    description: str | None
    first: int
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    plural: bool = False


def _strip_titles(words: list[str]) -> list[str]:
    while len(words) > 1 and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    return words


def _role(word: str) -> str:
    word = word.lower()
    return lexicons.load_labelled("role_synonyms").get(word, word)


# The last document's entities: building doc.ents makes a Span per entity on every read,
# and source resolution reads them for each mention. One slot, read and replaced as one
# object (safe across threads); kept only while the document's entity tags are unchanged.
_ENTITIES_SEEN: list[tuple] = [(None, None, ())]
# Within resolve_sources (which never changes entity tags) the document's entities are
# checked once and pinned: checking them for each mention cost a fifth of the attribution
# step. A context variable, so that threads and nested calls each see their own.
_PINNED: contextvars.ContextVar[tuple | None] = contextvars.ContextVar("pinned_entities",
                                                                       default=None)


def _entities(doc: Doc) -> tuple:
    """doc.ents, built once per document (and again if its entity tags change)."""
    pinned = _PINNED.get()
    if pinned is not None and pinned[0] is doc:
        return pinned[1]
    signature = doc.to_array([ENT_IOB, ENT_TYPE])
    seen_doc, seen_signature, seen = _ENTITIES_SEEN[0]
    if seen_doc is doc and numpy.array_equal(seen_signature, signature):
        return seen
    entities = tuple(doc.ents)
    _ENTITIES_SEEN[0] = (doc, signature, entities)
    return entities


@dataclass
class _DocumentFacts:
    """What source resolution reads from a document alone, worked out once: the rules and
    the learned tagger's source gate resolve the same document up to three times."""

    genders: dict[str, str] | None = None
    named_person: dict[tuple[int, int, int], tuple | None] = field(default_factory=dict)


# The last document's facts, as _ENTITIES_SEEN: one slot, kept while the document, its
# entities and the word lists in use are the same.
_FACTS_SEEN: list[tuple] = [(None, None, None, _DocumentFacts())]


def _per_document(doc: Doc) -> _DocumentFacts:
    entities, lexicon_set = _entities(doc), lexicons.current()
    seen_doc, seen_entities, seen_lexicons, facts = _FACTS_SEEN[0]
    if seen_doc is doc and seen_entities is entities and seen_lexicons is lexicon_set:
        return facts
    facts = _DocumentFacts()
    _FACTS_SEEN[0] = (doc, entities, lexicon_set, facts)
    return facts


def _first_token_from(doc: Doc, char: int) -> int:
    """The index of the first token that starts at or after character `char`."""
    low, high = 0, len(doc)
    while low < high:
        middle = (low + high) // 2
        if doc[middle].idx < char:
            low = middle + 1
        else:
            high = middle
    return low


def _person_entity(doc: Doc, head: Token, start: int, end: int):
    """The PERSON entity inside a mention, preferring one that contains its head."""
    best = None
    for ent in _entities(doc):
        if ent.label_ != "PERSON" or ent.end_char <= start or ent.start_char >= end:
            continue
        if ent.start <= head.i < ent.end:
            return ent
        best = best or ent
    return best


def _full_name(doc: Doc, surname: str) -> list[str] | None:
    """The first full name in the article that ends with this surname ("Maria Lopez" for a
    later "Lopez"), so that a speaker introduced before speaking keeps the full name."""
    for ent in _entities(doc):
        if ent.label_ != "PERSON":
            continue
        words = _strip_titles(ent.text.replace("’s", "").replace("'s", "").split())
        if len(words) > 1 and words[-1] == surname:
            return words
    return None


def _org_entity(doc: Doc, head: Token, start: int, end: int):
    for ent in _entities(doc):
        if ent.label_ in ("ORG", "NORP", "GPE", "FAC") and ent.start <= head.i < ent.end:
            return ent
    return None


def _without_determiner(text: str) -> str:
    return re.sub(r"^(?:the|a|an|another|one|some|several|two|three|many)\s+", "", text,
                  flags=re.I).strip()


def _description(doc: Doc, head: Token, ent, start: int) -> str | None:
    """A role from the title words before a name ("Joint Staff Spokesperson Col. Dave
    Butler") or from an apposition ("Dave Butler, a Pentagon spokesman")."""
    roles = lexicons.load("role_nouns")
    if ent is not None:
        name_start = ent.start
        while name_start < ent.end - 1 and doc[name_start].lower_.rstrip(".") in _TITLES:
            name_start += 1
        words = [t for t in doc[_first_token_from(doc, start):name_start]
                 if t.pos_ != "DET" and t.text[:1].isalnum()]
        # Honorifics just before the name ("Col.", "Sen.") are not part of the role.
        while words and words[-1].lower_.rstrip(".") in _TITLES and \
                words[-1].lower_.rstrip(".") not in roles:
            words.pop()
        if words and any(w.lower_ in roles for w in words):
            return doc[words[0].i:words[-1].i + 1].text
    for child in head.children:
        if child.dep_ == "appos" and child.lemma_.lower() in roles:
            span = doc[child.left_edge.i:child.right_edge.i + 1]
            return _without_determiner(span.text.strip(" ,"))
    return None


def _group_name(doc: Doc, head: Token) -> str | None:
    """"Sens. Marco Rubio (R-FL), a China hawk, and Rand Paul (R-KY), as well as several
    members of the House": every name and group in a coordinated subject."""
    subtree = list(head.subtree)
    lo, hi = subtree[0].i, subtree[-1].i
    names = []
    for ent in _entities(doc):
        if ent.label_ == "PERSON" and lo <= ent.start and ent.end - 1 <= hi:
            names.append(" ".join(_strip_titles(ent.text.split())))
    nouns = [t for t in subtree if t.dep_ == "conj" and t.pos_ == "NOUN"]
    for noun in nouns:
        names.append(_without_determiner(doc[noun.left_edge.i:noun.right_edge.i + 1].text))
    if len(names) < 2:
        return None
    return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass
class _Mention:
    """A speaker as one claim mentions it, and what the strategies read from it."""

    doc: Doc
    head: Token
    start: int
    end: int
    known: dict  # the entries so far, by key

    @property
    def text(self) -> str:
        return text_of(self.doc)[self.start:self.end]

    @property
    def lower(self) -> str:
        return self.head.lower_

    @property
    def lemma(self) -> str:
        return self.head.lemma_.lower()

    @property
    def plural(self) -> bool:
        return self.head.tag_ in ("NNS", "NNPS")

    def in_lexicon(self, name: str) -> bool:
        words = lexicons.load(name)
        return self.lower in words or self.lemma in words


# What _classify gives for a mention that is no source at all (a platform, a dateline, a
# topic): the claim stays, without a speaker.
NOT_A_SOURCE = "not a source"
# A dateline opening a paragraph: "HANOI, Vietnam (AP) —", "WASHINGTON ―", "LONDON (Reuters) -",
# "CLEVELAND, July 19 (UPI) —"
_DATELINE = re.compile(r"[A-Z][A-Za-z.’'\- ]{1,40}(?:,\s*[A-Z][A-Za-z0-9.’'\- ]{1,30}){0,2}"
                       r"\s*(?:\([A-Za-z .]{1,30}\))?\s*[—–―-]{1,2}\s")


def _dateline_end(doc: Doc, head: Token) -> int | None:
    """Where the paragraph's dateline ("HANOI, Vietnam (AP) — …") ends, when the mention is
    in it; else None."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, head.idx) + 1
    if head.idx - line_start > 60:
        return None
    match = _DATELINE.match(text, line_start)
    if match is not None and head.idx < match.end() and \
            (head.is_upper or "(" in match.group(0) or head.ent_type_ in ("GPE", "LOC")):
        return match.end()
    return None


def _in_dateline(doc: Doc, head: Token) -> bool:
    """Whether a mention is a paragraph's dateline ("HANOI, Vietnam (AP) — …")."""
    return _dateline_end(doc, head) is not None


def _after_dateline(doc: Doc, head: Token) -> Token | None:
    """"WASHINGTON -- President Obama, dedicating …, said": the parser makes the dateline
    the subject and the name after it its apposition; the name speaks."""
    end = _dateline_end(doc, head)
    if end is None:
        return None
    return next((c for c in head.children if c.dep_ == "appos" and c.idx >= end
                 and c.pos_ in ("PROPN", "NOUN")), None)


def _is_platform(token: Token) -> bool:
    return token.lower_ in lexicons.load("platform_names")


_SPEAKING = lexicons.words("speech_verbs")


def _document_issuer(doc: Doc, draft: ClaimDraft, head: Token) -> Token | None:
    """Who speaks through an unowned document: the subject of the verb that has it as
    object ("issued a statement"; "He released a letter … that says": he, resolved as any
    pronoun), or a speaker named inside the claim it vouches for."""
    verb = head.head
    if head.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX"):
        subject = subject_of(verb)
        if subject is not None and subject.i != head.i and (
                subject.pos_ in ("PROPN", "NOUN") or subject.lower_ in ("he", "she", "they")) \
                and subject.lemma_.lower() not in lexicons.load("document_nouns"):
            return subject
    if draft.rule == RuleName.ACCORDING_TO:
        words = [token for start, end in draft.content
                 for token in doc.char_span(start, end, alignment_mode="contract") or ()]
        for token in words:
            if token.lemma_.lower() in _SPEAKING and token.pos_ == "VERB" and \
                    clause_holds(token, words):
                subject = subject_of(token)
                if subject is not None and subject.i != head.i:
                    return subject
    return None


def _classify(doc: Doc, draft: ClaimDraft, known: dict):
    """The source a claim's speaker mention stands for, as an entry to group by key; None
    for a pronoun, resolved once every named source is known; NOT_A_SOURCE for a mention
    that cannot speak. A platform ("posted on Twitter") hands the claim to the poster, an
    unowned document to who issued it; the claim's source mention moves with it."""
    behind = _speaker_behind(doc, draft)
    if behind is NOT_A_SOURCE:
        return NOT_A_SOURCE
    if behind is not None:
        draft.source_token, draft.source_span = behind, noun_phrase_range(behind)
    if draft.rule == RuleName.SPEAKER_LABEL:
        label = _transcript_label(doc, draft.source_span, known)
        if label is not None:
            return label
    return _classify_mention(doc, draft.source_token, draft.source_span, known)


# Who speaks in a transcript by a role, not a name ("HOST:", "MODERATOR:").
_TRANSCRIPT_ROLES = frozenset({"host", "co-host", "moderator", "anchor", "interviewer",
                               "questioner", "caller", "announcer", "narrator", "presenter"})


def _transcript_label(doc: Doc, span: tuple[int, int], known: dict) -> _Entry | None:
    """A transcript's speaker label in capitals is one source however often it comes: the
    tagger reads capitals as it pleases (one "HOST:" an organisation, the next a person).
    A label with a person's name, a title ("MAYOR LINDQVIST:") or a speaking role
    ("HOST:") is a person, grouped by its last word; any other ("CNN:") is read as usual
    the first time and taken as that source after."""
    text = text_of(doc)[span[0]:span[1]]
    letters = [c for c in text if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return None
    words = text.replace("’S", "").replace("'S", "").split()
    named = _strip_titles(words)
    last = named[-1].lower() if named else ""
    if any(t.ent_type_ == "PERSON" for t in doc.char_span(*span, alignment_mode="expand") or ()) \
            or len(named) < len(words) or last in _TRANSCRIPT_ROLES or \
            last in lexicons.load("role_nouns"):
        return _Entry((SourceType.PERSON, last), SourceType.PERSON, text, None, span[0])
    same = next((e for e in known.values() if e.name == text), None)
    if same is None:
        return None
    return _Entry(same.key, same.type, same.name, None, span[0])


def _speaker_behind(doc: Doc, draft: ClaimDraft):
    """Who speaks through a platform or an unowned document the mention names, or is
    named after the dateline the parser took for the subject."""
    head = draft.source_token
    named = _after_dateline(doc, head)
    if named is not None:
        return named
    if _is_platform(head) and head.dep_ not in ("nsubj", "nsubjpass"):
        # "Swift posted on Twitter accusing …": the platform is the channel.
        verb = head.head.head if head.dep_ == "pobj" else head.head
        poster = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        if poster is None or poster.i == head.i or _is_platform(poster):
            return NOT_A_SOURCE
        return poster
    documents = lexicons.load("document_nouns")
    if (head.lower_ in documents or head.lemma_.lower() in documents) and \
            not any(c.dep_ == "poss" for c in head.children):
        return _document_issuer(doc, draft, head)
    return None


def _classify_mention(doc: Doc, head: Token, span: tuple[int, int], known: dict) -> _Entry | None:
    start, end = span
    if not start <= head.idx < end:  # the mention is a relative pronoun ("who said")
        start, end = noun_phrase_range(head)
    titled = _name_after_title(doc, head)
    if titled is not None:  # "South Dakota Gov. Kristi Noem (R)" parsed with "Gov." as head
        head = titled
        start, end = min(start, head.idx), max(end, head.idx + len(head))
    named = _appositive_name(head)
    if named is not None:
        # "The company that runs the AMAs, Dick Clark Productions, denies …": the name in
        # apposition to a common noun is who speaks.
        entry = _classify_mention(doc, named, noun_phrase_range(named), known)
        if entry is not None and entry is not NOT_A_SOURCE and entry.type == SourceType.PERSON \
                and head.lemma_.lower() in \
                lexicons.load("organization_nouns") | lexicons.load("group_nouns"):
            entry = _Entry((SourceType.ORGANIZATION, entry.name.lower()),
                           SourceType.ORGANIZATION, entry.name, None, entry.first)
        return entry
    mention = _Mention(doc, head, start, end, known)
    if head.pos_ == "PRON" or mention.lower in _PERSON_PRONOUNS | _PLURAL_PRONOUNS | _THING_PRONOUNS:
        return None  # resolved afterwards
    if _is_platform(head):  # the platform as the subject: "Twitter pledged …", the company
        name = _without_determiner(head.text)
        return _Entry((SourceType.ORGANIZATION, name.lower()), SourceType.ORGANIZATION, name,
                      None, start)
    if _in_dateline(doc, head) or not re.search(r"\w\w", re.sub(r"['’]s\b", "", mention.text)) \
            or (head.pos_ != "PROPN" and mention.in_lexicon("not_source_nouns")):
        return NOT_A_SOURCE  # a dateline, a stray "’s", a topic ("no reason to think")
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if mention.in_lexicon("document_nouns") and owner is not None and owner.pos_ != "PRON":
        # "Milley's spokesman's statement" speaks for the spokesman.
        return _classify_mention(doc, owner, (owner.left_edge.idx, owner.idx + len(owner)), known)
    for strategy in _SOURCE_STRATEGIES:
        entry = strategy(mention)
        if entry is not None:
            break
    else:
        entry = _Entry(("other", _without_determiner(mention.text).lower()), SourceType.PERSON,
                       mention.text, None, start)
    if entry.key[0] in _UNNAMED_KEYS and _unnamed_by_request(head):
        entry.type = SourceType.ANONYMOUS
    return entry


# Sources known by a common noun, which the text may say it keeps unnamed.
_UNNAMED_KEYS = frozenset({"role", "other"})


def _appositive_name(head: Token) -> Token | None:
    """The proper name in apposition to a common noun that heads a mention ("the group
    that owns most of her music, Big Machine"), or None."""
    if head.pos_ != "NOUN":
        return None
    named = [c for c in head.children if c.dep_ == "appos"]
    for clause in (c for c in head.children if c.dep_ == "relcl"):
        # "The company that runs the AMAs, Dick Clark Productions, denies": the parser hangs
        # the name on the clause's last noun; set off at the clause's end, it names the head.
        named += [t for t in clause.subtree if t.dep_ == "appos" and
                  t.right_edge.i == clause.right_edge.i]
    return next((c for c in named if c.pos_ == "PROPN" and c.text[:1].isupper()), None)


def _name_after_title(doc: Doc, head: Token) -> Token | None:
    """The last word of the PERSON entity right after an honorific taken for the head."""
    if head.lower_.rstrip(".") not in _TITLES or head.i + 1 >= len(doc):
        return None
    following = doc[head.i + 1]
    if following.ent_type_ != "PERSON":
        return None
    ent = next((e for e in _entities(doc) if e.start <= following.i < e.end
                and e.label_ == "PERSON"),
               None)
    return doc[ent.end - 1] if ent is not None else None


def _coordinated_group(m: _Mention) -> _Entry | None:
    """"Sens. Marco Rubio and Rand Paul, as well as several members of the House"."""
    if not any(c.dep_ == "conj" for c in m.head.subtree):
        return None
    group = _group_name(m.doc, m.head)
    if group is None:
        return None
    return _Entry((SourceType.GROUP, group.lower()), SourceType.GROUP, group, None, m.start,
                  plural=True)


def _named_person(m: _Mention) -> _Entry | None:
    """A PERSON entity, grouped by surname, with the full name and a description."""
    found = _per_document(m.doc).named_person
    where = (m.head.i, m.start, m.end)
    if where not in found:  # the same mention is read again when the learned gate probes
        found[where] = _named_person_fields(m)
    fields = found[where]
    return None if fields is None else _Entry(*fields)  # a fresh entry: entries are edited


def _named_person_fields(m: _Mention) -> tuple | None:
    ent = _person_entity(m.doc, m.head, m.start, m.end)
    if ent is None or not (m.head.pos_ == "PROPN" or ent.start <= m.head.i < ent.end):
        return None
    words = _strip_titles(ent.text.replace("’s", "").replace("'s", "").split())
    if len(words) == 1:
        words = _full_name(m.doc, words[0]) or words
    surname = words[-1].lower()
    return ((SourceType.PERSON, surname), SourceType.PERSON, " ".join(words),
            _description(m.doc, m.head, ent, m.start), m.start)


def _name_like(head: Token) -> bool:
    """A proper name, or a capitalised word the tagger took for a common noun: after a
    closing quotation mark a surname is often tagged NOUN ("“…,” Reyes said")."""
    return head.pos_ == "PROPN" or (
        head.pos_ == "NOUN" and head.text[:1].isupper() and not head.text.isupper() and
        not head.is_sent_start)


def _known_surname(m: _Mention) -> _Entry | None:
    """"Ortiz insisted": a surname already known as a person."""
    if _name_like(m.head) and (SourceType.PERSON, m.lower) in m.known:
        return _Entry((SourceType.PERSON, m.lower), SourceType.PERSON, m.head.text, None, m.start)
    return None


def _surname_of_full_name(m: _Mention) -> _Entry | None:
    """"Lopez said" after "Senator Maria Lopez spoke", untagged by NER."""
    full = _full_name(m.doc, m.head.text) if _name_like(m.head) else None
    if full is None:
        return None
    return _Entry((SourceType.PERSON, m.lower), SourceType.PERSON, " ".join(full), None, m.start)


def _named_organization(m: _Mention) -> _Entry | None:
    """An ORG, NORP, GPE or FAC entity around the head."""
    org = _org_entity(m.doc, m.head, m.start, m.end)
    if org is None:
        return None
    # Clipped to the mention: NER runs a title-case headline's words into one entity.
    name = _without_determiner(text_of(m.doc)[max(org.start_char, m.start):min(org.end_char, m.end)])
    return _Entry((SourceType.ORGANIZATION, name.lower()), SourceType.ORGANIZATION, name,
                  None, m.start)


def _document(m: _Mention) -> _Entry | None:
    """"the report", "court filings": a document, grouped by its head noun."""
    if not m.in_lexicon("document_nouns"):
        return None
    return _Entry((SourceType.DOCUMENT, m.lemma), SourceType.DOCUMENT,
                  _without_determiner(m.text) or m.text, None, m.start, plural=m.plural)


def _anonymous(m: _Mention) -> _Entry | None:
    """"officials familiar with …", "a source": anonymous, grouped by its head noun."""
    if not m.in_lexicon("anonymous_nouns"):
        return None
    return _Entry((SourceType.ANONYMOUS, m.lemma), SourceType.ANONYMOUS, m.text, None, m.start,
                  plural=m.plural)


def _organization_noun(m: _Mention) -> _Entry | None:
    """"the town", "the board": a common noun keeps its article to read as a name."""
    if m.lemma not in lexicons.load("organization_nouns") or (m.plural and m.lemma != "police"):
        return None
    name = re.sub(r"['’]s?$", "", m.text).strip() or m.text
    return _Entry((SourceType.ORGANIZATION, name.lower()), SourceType.ORGANIZATION, name,
                  None, m.start)


def _role_noun(m: _Mention) -> _Entry | None:
    """"the spokesman": a person known by a role, joined later to the person it describes."""
    if not m.in_lexicon("role_nouns"):
        return None
    entry = _Entry(("role", _role(m.lemma)), SourceType.PERSON, m.text, m.text, m.start,
                   plural=m.plural)
    entry.roles.add(_role(m.lemma))
    return entry


def _unnamed_by_request(head: Token) -> bool:
    """"a council member who asked not to be named", "an aide who requested anonymity",
    "an official speaking on condition of anonymity": a source the writer keeps unnamed."""
    for clause in head.children:
        if clause.dep_ not in ("relcl", "acl"):
            continue
        if any(t.lower_ in ("anonymity", "anonymously") for t in clause.subtree) or any(
                c.dep_ == "xcomp" and asks_not_to_be_named(c) for c in clause.children):
            return True
    return False


def _group(m: _Mention) -> _Entry | None:
    """"several members of the House", "voters": a plural or a group noun."""
    if not (m.plural or m.lower in lexicons.load("group_nouns")):
        return None
    return _Entry((SourceType.GROUP, _without_determiner(m.text).lower()), SourceType.GROUP,
                  m.text, None, m.start, plural=True)


def _untagged_name(m: _Mention) -> _Entry | None:
    """A speaker named by a name the tagger did not recognise ("DuVernay said"):
    organisations are nearly always tagged, people's rarer names often are not. A name
    already known as an organisation, or one that takes a plural verb ("Big Machine have
    denied …"), is an organisation."""
    head = m.head
    if not (head.pos_ == "PROPN" and head.ent_type_ == "" and head.text[:1].isupper() and
            not head.text.isupper() and len(_without_determiner(m.text).split()) <= 3):
        return None
    name = " ".join(_strip_titles(_without_determiner(m.text).split())) or head.text
    organization = (SourceType.ORGANIZATION, name.lower())
    if organization in m.known or _plural_verb(head) or _described_as_organization(head):
        return _Entry(organization, SourceType.ORGANIZATION, name, None, m.start)
    return _Entry((SourceType.PERSON, m.lower), SourceType.PERSON, name, None, m.start)


# Common nouns that say what kind of organisation a name is, in apposition ("Harlow
# Analytics, the consultancy that drew up the plan"): the organisation nouns, and kinds
# of business that do not speak by themselves often enough to be listed there.
_ORGANIZATION_KINDS = frozenset({"consultancy", "charity", "nonprofit", "startup", "insurer",
                                 "retailer"})


def _described_as_organization(head: Token) -> bool:
    """A name the text describes in apposition as an organisation."""
    return any(c.dep_ == "appos" and (c.lemma_.lower() in _ORGANIZATION_KINDS or
                                      c.lemma_.lower() in lexicons.load("organization_nouns"))
               for c in head.children)


def _plural_verb(head: Token) -> bool:
    """A singular name as the subject of a plural verb: a company or a band in British
    usage ("Big Machine have denied"), never one person."""
    if head.dep_ != "nsubj" or head.tag_ != "NNP" or any(c.dep_ == "conj" for c in head.children):
        return False
    verb = head.head
    finite = [verb] + [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    return any(t.tag_ == "VBP" or t.lower_ in ("were", "are") for t in finite if t.i > head.i)


def _other_proper_name(m: _Mention) -> _Entry | None:
    """Any other proper name: an organisation."""
    if m.head.pos_ != "PROPN":
        return None
    return _Entry((SourceType.ORGANIZATION, m.text.lower()), SourceType.ORGANIZATION,
                  _without_determiner(m.text), None, m.start)


# Tried in order; the first that recognises the mention decides. A mention none of them
# recognises is a person of no known kind ("other").
_SOURCE_STRATEGIES = (_coordinated_group, _named_person, _known_surname, _surname_of_full_name,
                      _named_organization, _document, _anonymous, _organization_noun, _role_noun,
                      _group, _untagged_name, _other_proper_name)


def resolve_sources(doc: Doc, drafts: list[ClaimDraft]) -> tuple[list[Source], list[str | None]]:
    """Sources for the drafts (in order of first appearance) and each draft's source id."""
    with _entities_pinned(doc):
        return _resolve_sources(doc, drafts)


@contextlib.contextmanager
def _entities_pinned(doc: Doc):
    token = _PINNED.set((doc, _entities(doc)))
    try:
        yield
    finally:
        _PINNED.reset(token)


def _resolve_sources(doc: Doc, drafts: list[ClaimDraft]
                     ) -> tuple[list[Source], list[str | None]]:
    entries: dict[tuple[str, str], _Entry] = {}
    aliases: dict[tuple[str, str], tuple[str, str]] = {}  # merged key -> the key it joined
    draft_keys: list[tuple[str, str] | None] = [None] * len(drafts)
    pending_pronouns: list[int] = []
    order = sorted(range(len(drafts)), key=lambda i: (drafts[i].source_span or (0, 0))[0])
    for i in order:
        draft = drafts[i]
        if draft.source_token is None or draft.source_span is None:
            continue
        entry = _classify(doc, draft, entries)
        if entry is None:
            pending_pronouns.append(i)
            continue
        if entry is NOT_A_SOURCE:
            draft.source_token, draft.source_span = None, None
            continue
        if entry.key[0] == SourceType.DOCUMENT and entry.key in aliases:
            entry = entries[_follow(aliases, entry.key)]  # "the statement" of a known speaker
        entry = _merge_role(entries, aliases, entry)
        head = draft.source_token
        if head.lemma_.lower() in lexicons.load("document_nouns") and \
                any(c.dep_ == "poss" for c in head.children) and \
                entry.key[0] != SourceType.DOCUMENT:
            aliases.setdefault((SourceType.DOCUMENT, head.lemma_.lower()), entry.key)
        known = entries.get(entry.key)
        if known is None:
            entries[entry.key] = known = entry
        else:
            _update(known, entry)
        known.mentions.append(draft.source_span)
        draft_keys[i] = known.key
    genders = person_genders(doc)
    for i in pending_pronouns:
        draft = drafts[i]
        key = _resolve_pronoun(doc, draft, entries, genders)
        if key is not None:
            draft_keys[i] = key
            entries[key].mentions.append(draft.source_span)
    _add_name_mentions(doc, entries)
    draft_keys = [_follow(aliases, k) if k else None for k in draft_keys]

    ordered = sorted(entries.values(), key=lambda e: e.first)
    ids = {e.key: f"src{n}" for n, e in enumerate(ordered, 1)}
    sources = [Source(id=ids[e.key], name=e.name, type=e.type, description=e.description,
                      mentions=sorted(set(e.mentions))) for e in ordered]
    return sources, [ids.get(k) if k else None for k in draft_keys]


def _follow(aliases: dict, key):
    seen = set()
    while key in aliases and key not in seen:
        seen.add(key)
        key = aliases[key]
    return key


def _update(known: _Entry, new: _Entry) -> None:
    if known.type == new.type == SourceType.PERSON and len(new.name) > len(known.name):
        known.name = new.name
    if known.key[0] in _UNNAMED_KEYS and new.type == SourceType.ANONYMOUS:
        known.type = SourceType.ANONYMOUS  # "the council member" who asked not to be named
    known.description = known.description or new.description
    known.roles |= new.roles
    known.first = min(known.first, new.first)


def _merge_role(entries: dict, aliases: dict, entry: _Entry) -> _Entry:
    """"the spokesman" is the person described as spokesperson, before or after; not
    one who asked not to be named."""
    if entry.key[0] == "role" and entry.type != SourceType.ANONYMOUS:
        for known in entries.values():
            if known.type == SourceType.PERSON and known.description and \
                    any(_role(w) == entry.key[1] for w in known.description.lower().split()):
                return known
    if entry.type == SourceType.PERSON and entry.description:
        for key in list(entries):
            known = entries[key]
            if key[0] == "role" and any(_role(w) == key[1] for w in entry.description.lower().split()):
                entry.mentions.extend(known.mentions)
                entry.first = min(entry.first, known.first)
                aliases[key] = entry.key
                del entries[key]
    return entry


def _resolve_pronoun(doc: Doc, draft: ClaimDraft, entries: dict,
                     genders: dict[str, str]) -> tuple[str, str] | None:
    pronoun = draft.source_token.lower_
    at = draft.source_span[0]
    if pronoun in _WRITER_PRONOUNS and not _in_quoted_words(doc, draft.source_token.idx):
        return None  # "I think this will be the cheapest TV": the writer, nobody named
    if pronoun in _PERSON_PRONOUNS:
        return _resolve_person(doc, draft.source_token, entries, genders)
    if pronoun not in _PLURAL_PRONOUNS | _THING_PRONOUNS:
        return None  # "if you haven't yet noticed": the reader, not a source
    wanted = {SourceType.GROUP, SourceType.ANONYMOUS, SourceType.ORGANIZATION} \
        if pronoun in _PLURAL_PRONOUNS else {SourceType.ORGANIZATION, SourceType.DOCUMENT}
    best, best_at = None, -1
    for key, entry in entries.items():
        if entry.type not in wanted:
            continue
        if pronoun in _PLURAL_PRONOUNS and entry.type == SourceType.ANONYMOUS and not entry.plural:
            continue
        earlier = [s for s, _ in entry.mentions if s < at and at - s <= _PRONOUN_WINDOW]
        if earlier and max(earlier) > best_at:
            best, best_at = key, max(earlier)
    return best


def _in_quoted_words(doc: Doc, char: int) -> bool:
    """Whether `char` is inside a quotation or a block quote, where "I" is whoever speaks."""
    pieces = doc._.provenance_quotes or []
    blocks = doc._.provenance_blocks or []
    return any(_field(p, "start") <= char < _field(p, "end") for p in pieces) or any(
        _field(b, "kind") == "blockquote" and _field(b, "start") <= char < _field(b, "end")
        for b in blocks)


def _field(item, name: str):
    return item[name] if isinstance(item, dict) else getattr(item, name)


def _resolve_person(doc: Doc, pronoun: Token, entries: dict, genders: dict[str, str]):
    """"he"/"she": the nearest earlier person of a compatible gender, preferring the
    subject of the same or the previous sentence."""
    want = "f" if pronoun.lower_ in ("she", "her") else "m" if pronoun.lower_ in ("he", "him") else None
    at = pronoun.idx
    candidates = []
    for ent in _entities(doc):
        if ent.label_ != "PERSON" or ent.end_char > at or at - ent.start_char > _PRONOUN_WINDOW:
            continue
        words = _strip_titles(ent.text.replace("’s", "").replace("'s", "").split())
        if not words:
            continue
        surname = words[-1].lower()
        if want and genders.get(surname, want) != want:
            continue
        is_subject = any(t.dep_ in ("nsubj", "nsubjpass") for t in ent)
        same_sentence = ent.sent == pronoun.sent
        candidates.append(((same_sentence and is_subject, is_subject, ent.start_char), surname, ent, words))
    for subject in _recent_name_subjects(doc, pronoun):
        surname = subject.text.lower()
        if want and genders.get(surname, want) != want:
            continue
        name = doc[subject.left_edge.i:subject.i + 1]
        words = _full_name(doc, subject.text) or _strip_titles(
            [t.text for t in name if t.dep_ == "compound" or t.i == subject.i])
        same_sentence = subject.sent == pronoun.sent
        candidates.append(((same_sentence, True, subject.idx), surname, name, words))
    for key, entry in entries.items():
        # Speakers already known (named ones the tagger missed as PERSON, and roles such
        # as "the spokesman") compete by their nearest earlier mention.
        if entry.type == SourceType.ORGANIZATION and len(entry.name.split()) == 1 and \
                not entry.name.isupper() and \
                entry.name.lower() not in lexicons.load("platform_names"):
            # "DuVernay said … she said": a one-word name the tagger took for an
            # organisation, referred to as a person.
            earlier = [s for s, _ in entry.mentions if s < at and at - s <= _PRONOUN_WINDOW]
            if earlier:
                candidates.append(((False, False, max(earlier)), None, key, None))
            continue
        if entry.type != SourceType.PERSON or key[0] not in ("role", SourceType.PERSON) or \
                entry.plural:
            continue  # "Prosecutors said he told …": "he" is not the prosecutors
        if key[0] == SourceType.PERSON and want and genders.get(key[1], want) != want:
            continue
        earlier = [s for s, _ in entry.mentions if s < at and at - s <= _PRONOUN_WINDOW]
        if earlier:
            candidates.append(((False, True, max(earlier)), None, key, None))
    if not candidates:
        return None
    _, surname, ent, words = max(candidates, key=lambda c: c[0])
    if want:
        # "she described him …" makes the person she stands for a woman: a later "he" is
        # somebody else.
        genders.setdefault(surname if surname is not None else ent[1], want)
    if surname is None:
        entries[ent].type = SourceType.PERSON
        return ent  # a known speaker's key
    key = (SourceType.PERSON, surname)
    if key not in entries:
        entries[key] = _Entry(key, SourceType.PERSON, " ".join(words), None, ent.start_char)
    entries[key].mentions.append((ent.start_char, ent.end_char))
    return key


def _recent_name_subjects(doc: Doc, pronoun: Token) -> list[Token]:
    """Proper names that are the subject of the pronoun's sentence or of the two before,
    untagged as people by the NER ("Simmons teed up McDonald’s cameo. “…,” he said"):
    the paragraph's subject is who "he" most often is."""
    sentences = [pronoun.sent]
    start = pronoun.sent.start
    while len(sentences) < 3 and start > 0:
        previous = doc[start - 1].sent
        sentences.append(previous)
        start = previous.start
    found = []
    for sent in sentences:
        for token in sent:
            if token.i >= pronoun.i or token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON") and \
                    token.text[:1].isupper() and not token.is_upper and \
                    token.lower_ not in lexicons.load("platform_names"):
                found.append(token)
    return found


def person_genders(doc: Doc) -> dict[str, str]:
    """A surname's grammatical gender, voted by the pronouns that follow its mentions in the
    same sentence with no other person between ("Pelosi … during her weekly …"). A new
    dict each time: resolution adds to it."""
    facts = _per_document(doc)
    if facts.genders is None:
        facts.genders = _voted_genders(doc)
    return dict(facts.genders)


def _voted_genders(doc: Doc) -> dict[str, str]:
    votes: dict[str, list[int]] = {}
    people = [e for e in _entities(doc) if e.label_ == "PERSON"]
    for n, ent in enumerate(people):
        words = _strip_titles(ent.text.replace("’s", "").replace("'s", "").split())
        if not words:
            continue
        surname = words[-1].lower()
        if ent.end < len(doc) and doc[ent.end].tag_ == "POS":
            # "Omar’s office, in which he said …": the pronoun is rarely the owner.
            continue
        limit = min(ent.sent.end, ent.end + 12)
        if n + 1 < len(people) and people[n + 1].start < limit:
            limit = people[n + 1].start
        for token in doc[ent.end:limit]:
            if token.lower_ in ("he", "his", "him", "himself"):
                votes.setdefault(surname, [0, 0])[0] += 1
                break
            if token.lower_ in ("she", "her", "hers", "herself"):
                votes.setdefault(surname, [0, 0])[1] += 1
                break
        for token in doc[max(0, ent.start - 2):ent.start]:
            if token.lower_.rstrip(".") in ("mr", "sir"):
                votes.setdefault(surname, [0, 0])[0] += 2
            if token.lower_.rstrip(".") in ("mrs", "ms", "miss", "dame"):
                votes.setdefault(surname, [0, 0])[1] += 2
    return {name: ("m" if m > f else "f") for name, (m, f) in votes.items() if m != f}


def _add_name_mentions(doc: Doc, entries: dict) -> None:
    """Every other place a person or organisation source is named in the text."""
    for ent in _entities(doc):
        if ent.label_ == "PERSON":
            words = _strip_titles(ent.text.replace("’s", "").replace("'s", "").split())
            key = (SourceType.PERSON, words[-1].lower()) if words else None
        elif ent.label_ in ("ORG", "NORP", "GPE", "FAC"):
            key = (SourceType.ORGANIZATION, _without_determiner(ent.text).lower())
        else:
            continue
        if key in entries:
            entries[key].mentions.append((ent.start_char, ent.end_char))
