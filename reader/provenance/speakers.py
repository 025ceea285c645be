"""Direct quotes and their speakers: marked quotations, block quotes and colon lead-ins."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Token

from reader.provenance import lexicons
from reader.provenance.cues import can_speak, cue_range, cue_verbs, noun_phrase_range, subject_of
from reader.provenance.drafts import ClaimDraft, clean_parts, subtract, text_of
from reader.provenance.quotes import QuotePiece, looks_like_title
from reader.provenance.sources import person_genders
from reader.vocabulary import RuleName

# Words that turn a colon lead-in into a block quote's cue even without a verb
# ("In a statement:", "The full statement:").
_LEAD_IN_NOUNS = lexicons.words("lead_in_nouns")
_SPEECH_LEMMAS = lexicons.words("speech_verbs")
# Verbs that give a few quoted words a speaker: speech, and naming or judging someone in
# their own words ("called it a “disgrace”"). With any other verb ("embraced “Leave”") a
# short quotation is a mention or a scare quote.
_NAMING_LEMMAS = lexicons.words("naming_verbs")
# Verbs that, reported by the writer, show a paragraph is no longer the quoted block.
_BLOCK_ENDING_LEMMAS = lexicons.words("block_ending_verbs")
# Verbs that report only through a clause ("learned that …"): never a quotation's cue
# ("… and “fault detection” to maintain a minimum level").
_CLAUSE_ONLY = lexicons.words("clause_only_cue_verbs")
# Verbs of telling someone what to do: the quoted words they govern are the teller's ("He
# begged lawmakers “not to lose sight of” the conflict", "censors had instructed
# aggregators to “block and control” …"), inside another's retold claim too.
_DIRECTIVE_LEMMAS = lexicons.words("directive_verbs")
# Verbs that give a quotation inside a retold claim, or a few quoted words, a speaker.
_RELAYING_LEMMAS = lexicons.words("speech_verbs", "naming_verbs", "directive_verbs")
# Verbs too ambiguous for the cue lexicon that are cues when they frame a quotation:
# "Limbaugh continued:", "a friend commented:", "“…,” the letter reads."
QUOTE_FRAME_CUES = lexicons.words("quote_frame_verbs")
MAX_BLOCK_PARAGRAPHS = 8
# A marked quotation this short with no speaker is a scare quote (the writer's framing),
# not a claim.
SCARE_QUOTE_MAX_WORDS = 4
MAX_TITLE_WORDS = 6


# A quotation that names something rather than reporting anyone's words: a title, a
# slogan, a term. Before the opening mark: naming phrases ("known as"), a naming noun after
# a determiner ("the slogan"), a naming participle after "be" ("was dubbed"), a kind of
# work ("the song"); after the closing mark: what was named ("the “Pose” actor"). An
# active verb of naming before it makes it someone's words, title-like or not ("hailed
# Trump as “The Comeback Kid”", "had dubbed it “the Gordon problem”"). The words are word
# lists (resources/lexicons); the grammar around them is here.
_NAMING_WORD_LISTS = ("naming_phrases", "naming_nouns", "naming_participles", "work_kind_nouns",
                      "title_after_nouns", "naming_verb_forms")


def _alternation(words) -> str:
    """A regex alternation of word-list entries, longest first; a space matches any run of
    white space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=lambda w: (-len(w), w)))


class _NamingPatterns(NamedTuple):
    named_before: re.Pattern[str]
    named_after: re.Pattern[str]
    naming_before: re.Pattern[str]


@lru_cache(maxsize=8)
def _compile_naming(lists: tuple[frozenset[str], ...]) -> _NamingPatterns:
    phrases, nouns, participles, kinds, after, verbs = (_alternation(w) for w in lists)
    named_before = re.compile(
        rf"(?:\b(?:{phrases})\s+(?:the\s+|a\s+)?"
        rf"|\b(?:the|a|an|its|their|his|her|this|that)\s+(?:{nouns})(?:\s+of)?\s*,?\s*"
        rf"|\b(?:been|was|were|is|are|be|being)\s+(?:{participles})\s+(?:the\s+|a\s+)?"
        rf"|\b(?:{kinds})\s*,?\s*)$", re.IGNORECASE)
    named_after = re.compile(rf"\s+(?:[a-z][\w-]*\s+)?(?:{after})\b")
    naming_before = re.compile(
        rf"(?<!been )(?<!was )(?<!were )(?<!is )(?<!are )\b(?:{verbs})\b"
        r"(?:\s+[\w’'-]+){0,5}?\s*(?:as\s+)?(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
    return _NamingPatterns(named_before, named_after, naming_before)


def _naming_patterns() -> _NamingPatterns:
    return _compile_naming(tuple(lexicons.load(name) for name in _NAMING_WORD_LISTS))


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&+]{1,5}")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
MAX_NAMED_WORDS = 8


def mention_quotes(text: str, pieces: list[QuotePiece]) -> set[int]:
    """Ids of the quotations that name a work, a slogan or a term ("the “Pose” actor",
    "known as the “Three Amigos”", "the slogan “Meth, we’re on it”", “DWTS”): nobody's
    words, so neither a quote of anyone nor part of a claim's quoted words."""
    found = set()
    patterns = _naming_patterns()
    for group in group_quotes(pieces):
        if len(group) > 1:
            continue
        piece = group[0]
        inner = text[piece.inner_start:piece.inner_end].strip(" ,.;:!?")
        words = _word_count(inner)
        if words == 0 or words > MAX_NAMED_WORDS:
            continue
        before = text[max(0, piece.start - 60):piece.start]
        after = text[piece.end:piece.end + 40]
        raw = text[piece.inner_start:piece.inner_end].rstrip()
        if patterns.named_before.search(before):
            found.add(piece.quote_id)
        elif patterns.naming_before.search(before):
            continue
        elif raw[-1:] in "!?" or _sentence_of_its_own(text, piece):
            continue  # “U-S-A! U-S-A!”: a chant or a question is somebody's words; so is
            # a quotation that is a sentence of its own after another ("…,” he added. “We're
            # America.”)
        elif (words <= MAX_TITLE_WORDS and looks_like_title(inner)
              and not _SENTENCE_BREAK.search(inner) and not _in_title_case_line(text, piece)) \
                or _ACRONYM.fullmatch(inner) \
                or (words <= MAX_TITLE_WORDS and raw[-1:].isalnum()
                    and patterns.named_after.match(after)):
            found.add(piece.quote_id)
    return found


_SENTENCE_END_BEFORE = re.compile(r"[.!?][\"”’']*\s*$")


def _sentence_of_its_own(text: str, piece: QuotePiece) -> bool:
    """Whether a quotation ends with a full stop inside its marks and follows a sentence of
    its paragraph: a sentence of its own, not a title or a term."""
    line_start = text.rfind("\n", 0, piece.start) + 1
    before = text[line_start:piece.start]
    return text[piece.inner_start:piece.inner_end].rstrip()[-1:] == "." and \
        bool(before.strip()) and bool(_SENTENCE_END_BEFORE.search(before))


def _in_title_case_line(text: str, piece: QuotePiece) -> bool:
    """A quotation in a headline written in title case ("Obama Sees “Personal Insult” if
    …"): there every quotation looks like a title, so looks are no evidence."""
    line_start = text.rfind("\n", 0, piece.start) + 1
    line_end = text.find("\n", piece.end)
    line_end = len(text) if line_end < 0 else line_end
    outside = (text[line_start:piece.start] + " " + text[piece.end:line_end]).split()
    words = [w for w in outside if w[:1].isalpha()]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _is_cue(token: Token, verbs: frozenset[str]) -> bool:
    """A cue verb of the lexicon, or a QUOTE_FRAME_CUES verb used on its own ("she
    continued:", never "continued to attack")."""
    lemma = token.lemma_.lower()
    if lemma in verbs:
        return True
    if lemma not in QUOTE_FRAME_CUES:
        return False
    for child in token.children:
        if child.dep_ in ("xcomp", "prep", "acomp", "attr", "oprd", "advcl") and child.i > token.i:
            return False  # "continued to attack"; not "While …, a friend commented:"
        if child.dep_ == "dobj" and not _opens_quote(child.left_edge):
            return False  # "continued the attack", but not 'continued: “They …”'
    return True


def _opens_quote(token: Token) -> bool:
    doc = token.doc
    return token.is_quote or (token.i > 0 and doc[token.i - 1].is_quote) or \
        (token.i > 1 and doc[token.i - 1].is_punct and doc[token.i - 2].is_quote)


def group_quotes(pieces: list[QuotePiece]) -> list[list[QuotePiece]]:
    groups: dict[int, list[QuotePiece]] = defaultdict(list)
    for piece in pieces:
        groups[piece.quote_id].append(piece)
    return sorted(groups.values(), key=lambda g: g[0].start)


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def _inside_quotes(token: Token, pieces: list[QuotePiece]) -> bool:
    return any(p.start <= token.idx < p.end for p in pieces)


def _frame_verbs(doc: Doc, group: list[QuotePiece], all_pieces: list[QuotePiece]) -> list[Token]:
    """Cue verbs in the sentences around a quotation, outside any quotation."""
    first, last = group[0], group[-1]
    sents = []
    for offset in (first.start, last.end - 1):
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is not None and span.sent not in sents:
            sents.append(span.sent)
    nxt = doc.char_span(last.end, min(len(text_of(doc)), last.end + 1), alignment_mode="expand")
    after = nxt.sent if nxt is not None and nxt.sent not in sents else None
    verbs = cue_verbs() - {v for v in _CLAUSE_ONLY if v not in _SPEECH_LEMMAS}
    found = []
    if after is not None:
        # '“You winning?” she said': the parser often starts a sentence after "?" or "!".
        found += [t for t in after if t.pos_ == "VERB" and (_is_cue(t, verbs) or _frames(doc, t, group))
                  and _adjacent(doc, t, group)]
    for sent in sents:
        for token in sent:
            if token.pos_ in ("VERB", "AUX") and not _inside_quotes(token, all_pieces) and (
                    _is_cue(token, verbs) or _directs(doc, token, first) or _frames(doc, token, group)):
                found.append(token)
    # Prefer verbs of speech, then the one nearest the quotation.
    def rank(t: Token):
        distance = min(abs(t.idx - first.start), abs(t.idx - last.end))
        return (t.lemma_.lower() not in _SPEECH_LEMMAS, subject_of(t) is None, distance)
    return sorted(found, key=rank)


def _frames(doc: Doc, verb: Token, group: list[QuotePiece]) -> bool:
    """'“Let me help you out,” the nominee riffed': a verb outside the word lists that
    frames a spoken clause in quotation marks ending in a comma, "?" or "!": the quotation
    hangs on it, and it follows right after with only its subject, someone who can speak,
    between (or right after it)."""
    last = group[-1]
    text = text_of(doc)
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.idx < last.end or \
            text[last.inner_end - 1:last.inner_end] not in (",", "?", "!") or \
            "\n" in text[last.end:verb.idx]:
        return False
    subject = subject_of(verb)
    quoted = doc.char_span(last.inner_start, last.inner_end, alignment_mode="expand")
    if subject is None or not can_speak(subject) or quoted is None or \
            quoted.root.pos_ not in ("VERB", "AUX") or not _governs(doc, verb, last):
        return False  # a clause spoken, not a title ("“Austin Powers: …,” Howard had")
    inside = {t.i for t in subject.subtree} | {verb.i}
    between = [t for t in doc[max(0, verb.i - 12):verb.i] if t.idx >= last.end]
    return all(t.i in inside or t.is_punct or t.is_space for t in between)


def _directs(doc: Doc, verb: Token, piece: QuotePiece) -> bool:
    """Whether the quotation is what `verb`, a verb of telling someone what to do, tells
    them to do: its infinitive ("begged lawmakers “not to lose sight of” …"), not a word of
    an object ("ordered “premium” steel")."""
    if verb.lemma_.lower() not in _DIRECTIVE_LEMMAS:
        return False
    span = doc.char_span(piece.inner_start, piece.inner_end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    # "to “block and control” posts": the parser may hang the infinitive on the object.
    infinitive = node.pos_ in ("VERB", "AUX") and any(c.tag_ == "TO" for c in node.children)
    while node.head.i != verb.i and node.head.i != node.i:
        node = node.head
    return node.head.i == verb.i and (
        infinitive or node.dep_ == "xcomp" and node.pos_ in ("VERB", "AUX"))


def _paragraph_of(paragraphs: list[tuple[int, int]], offset: int) -> int | None:
    for i, (s, e) in enumerate(paragraphs):
        if s <= offset < e:
            return i
    return None


def lead_in(doc: Doc, start: int, end: int) -> tuple[Token | None, tuple[int, int] | None, str] | None:
    """If text_of(doc)[start:end] ends with a colon lead-in, its (speaker head, cue range, why)."""
    text = text_of(doc)[start:end].rstrip()
    if not text.endswith(":"):
        return None
    colon = start + len(text) - 1
    span = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    verbs = cue_verbs()
    # A cue whose clause already holds what was said ("pointed out that … were ignored:")
    # introduces something else after the colon (a list, a tweet), not the speaker's words.
    candidates = [t for t in sent if t.i < span.start and t.pos_ in ("VERB", "AUX")
                  and _is_cue(t, verbs) and not _editorial_note(t)
                  and not any(c.dep_ in ("ccomp", "xcomp") and c.i < span.start
                              for c in t.children)]
    if candidates:
        verb = max(candidates, key=lambda t: (t.lemma_.lower() in _SPEECH_LEMMAS, t.i))
        subj = subject_of(verb)
        who = f" → subject '{subj.text}'" if subj is not None else ""
        return subj, cue_range(verb), f"colon lead-in with cue '{verb.text}'{who}"
    nouns = [t for t in sent if t.i < span.start and t.lower_ in _LEAD_IN_NOUNS]
    if nouns:
        noun = nouns[-1]
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None and noun.dep_ in ("dobj", "pobj"):
            # "Calder read a statement to the council:", "In a statement, Ortiz wrote:"
            verb = noun.head if noun.dep_ == "dobj" else noun.head.head
            owner = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
            if owner is not None:
                cue = (min(verb.idx, noun.idx), max(verb.idx + len(verb), noun.idx + len(noun)))
                return owner, cue, f"colon lead-in '{verb.text} … {noun.text}:' → subject '{owner.text}'"
        return owner, (noun.idx, noun.idx + len(noun)), f"colon lead-in '{noun.text}:'"
    # "The New York Times reports:" parsed oddly, or "Butler:" — a lone subject before a colon.
    subjects = [t for t in sent if t.i < span.start and t.dep_ in ("nsubj", "ROOT")
                and (t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP"))
                and not t.is_upper and not t.like_num]
    if subjects and len(sent) <= 12:
        return subjects[0], (colon, colon + 1), "colon lead-in"
    return None


def _claim_from(doc, parts, speaker: Token | None, cue, rule: RuleName, why,
                confidence: float | None, quote_ids) -> ClaimDraft | None:
    """A quote claim (confidence None: the rule's)."""
    parts = clean_parts(doc, parts, min_chars=1)
    if not parts:
        return None
    source_span = noun_phrase_range(speaker) if speaker is not None else None
    return ClaimDraft(content=parts, cue=cue, source_token=speaker, source_span=source_span,
                      rule=rule, why=why, confidence=confidence, quoted=True,
                      quote_ids=set(quote_ids))


class QuoteClaims(NamedTuple):
    """What quote_claims found: claims for quotations no clause-level claim held, the
    clause-level claims again (copies, extended over the quotations they hold), and the
    quotations left without a speaker that are short enough to be scare quotes."""

    new: list[ClaimDraft]
    existing: list[ClaimDraft]
    scare: list[list[QuotePiece]]


@dataclass
class _Quotation:
    """One quotation (its pieces over one or more paragraphs) and what the strategies
    read from it."""

    group: list[QuotePiece]
    parts: list[tuple[int, int]]
    words: int
    para: int | None  # the paragraph it starts in
    verbs: list[Token]  # cue verbs that may give it a speaker, best first
    mention: bool  # a few words hanging on a verb that is no cue: a name mentioned
    sentence: bool = False  # a sentence of its own after another ("We're America.")

    @property
    def start(self) -> int:
        return self.group[0].start

    @property
    def end(self) -> int:
        return self.group[-1].end

    @property
    def quote_id(self) -> int:
        return self.group[0].quote_id


@dataclass
class _QuoteSearch:
    doc: Doc
    pieces: list[QuotePiece]
    paragraphs: list[tuple[int, int]]
    last_speaker: dict[int, ClaimDraft] = field(default_factory=dict)  # paragraph -> last quote claim
    existing: list[ClaimDraft] = field(default_factory=list)  # the clause-level claims
    furniture: list[tuple[int, int]] = field(default_factory=list)  # page furniture ranges

    def previous(self, para: int) -> int:
        """The paragraph before `para`, page furniture stepped over (-1 for none)."""
        before = para - 1
        while before >= 0 and any(s <= self.paragraphs[before][0] < e for s, e in self.furniture):
            before -= 1
        return before

    def remember(self, claim: ClaimDraft, end: int) -> None:
        last_para = _paragraph_of(self.paragraphs, end - 1)
        if last_para is not None:
            self.last_speaker[last_para] = claim


def quote_claims(doc: Doc, pieces: list[QuotePiece], paragraphs: list[tuple[int, int]],
                 existing: list[ClaimDraft], skip: list[tuple[int, int]],
                 named: set[int] | frozenset[int] = frozenset(),
                 furniture: list[tuple[int, int]] | None = None) -> QuoteClaims:
    """Claims for the quotations that no clause-level claim already holds.

    A clause-level claim that holds a quotation is extended over it; the drafts passed in
    are left as they are and come back as copies. Each other quotation gets a speaker from
    the first strategy that finds one (_SPEAKER_STRATEGIES, in order), else is a scare
    quote, a mention or an unattributed quote (_no_speaker). Quotations in `named`
    (titles, terms: mention_quotes) are nobody's words: a claim around one takes in its
    marks, nothing more. Paragraphs in `furniture` are stepped over when a quotation goes
    on from the paragraph before."""
    existing = [replace(d, content=list(d.content), quote_ids=set(d.quote_ids)) for d in existing]
    search = _QuoteSearch(doc, pieces, paragraphs, existing=existing,
                          furniture=list(furniture or ()))
    new: list[ClaimDraft] = []
    scare: list[list[QuotePiece]] = []
    for group in group_quotes(pieces):
        if any(s <= group[0].start < e for s, e in skip):
            continue
        if _transcript_lines(search, group):
            continue  # the speaker labels' claims (speaker_label_claims) hold these lines
        holder = next((d for d in existing + new if d.overlaps(group[0].start, group[-1].end)), None)
        if group[0].quote_id in named:
            if holder is not None:
                _absorb(holder, group)
            continue
        if holder is not None:
            relayed = _relayed(search, holder, group)
            if relayed is not None:
                if not any(d is relayed for d in existing):
                    new.append(relayed)
                continue
            _hold(search, holder, group)
            continue
        quotation = _quotation(search, group)
        if quotation is None:
            continue  # “Sunday Morning Futures”, “Silent Night”: a name, not anyone's words
        draft = None
        for strategy in _SPEAKER_STRATEGIES:
            draft = strategy(search, quotation)
            if draft is not None:
                break
        if draft is None:
            draft = _no_speaker(search, quotation, scare)
        if draft is None:
            continue
        if not any(d is draft for d in existing + new):  # not a claim that went on
            new.append(draft)
        search.remember(draft, quotation.end)
    new = [_pull_quote_speaker(search, d, existing + new) or d for d in new]
    return QuoteClaims(new, existing, scare)


def _transcript_lines(search: _QuoteSearch, group: list[QuotePiece]) -> bool:
    """'"WALLACE: Let’s start …' / '"PENCE: Well, …': a transcript quoted paragraph by
    paragraph, most of its paragraphs opening with their speaker's label (a line between,
    "(CROSSTALK.)", is nobody's claim)."""
    labelled = 0
    for piece in group:
        para = _paragraph_of(search.paragraphs, piece.start)
        labelled += para is not None and search.paragraphs[para][0] == piece.start and bool(
            speaker_label_claims(search.doc, [(piece.start, search.paragraphs[para][1])]))
    return 2 * labelled > len(group)


PULL_QUOTE_PARAGRAPHS = 3
MIN_PULL_QUOTE_WORDS = 3


def _letters(text: str) -> str:
    return " ".join("".join(ch.lower() if ch.isalnum() else " " for ch in text).split())


def _pull_quote_speaker(search: _QuoteSearch, draft: ClaimDraft,
                        claims: list[ClaimDraft]) -> ClaimDraft | None:
    """A subheading or a paragraph that is only a quotation repeating words somebody says
    in the paragraphs below ("“My fears have been realized”¶Morrison told the committee,
    “… My fears have been realized.”"): that speaker's words. Returns the quote claim
    with that speaker, or None."""
    if draft.source_token is not None or draft.rule != RuleName.QUOTE_UNATTRIBUTED:
        return None
    doc, text = search.doc, text_of(search.doc)
    para = _paragraph_of(search.paragraphs, draft.start)
    if para is None or not _whole_paragraph(doc, search.paragraphs[para], draft.start, draft.end):
        return None
    words = _letters(" ".join(text[s:e] for s, e in draft.content))
    if len(words.split()) < MIN_PULL_QUOTE_WORDS:
        return None
    last = search.paragraphs[min(len(search.paragraphs), para + PULL_QUOTE_PARAGRAPHS + 1) - 1][1]
    later = sorted((c for c in claims if c is not draft and c.source_token is not None
                    and c.quoted and search.paragraphs[para][1] <= c.start < last),
                   key=lambda c: c.start)
    for claim in later:
        if words in _letters(" ".join(text[s:e] for s, e in claim.content)):
            return _claim_from(doc, draft.content, claim.source_token, claim.cue,
                               RuleName.QUOTE_FOLLOW_ON,
                               f"a heading quoting the words '{claim.source_token.text}' "
                               "says in the paragraphs below", None, draft.quote_ids)
    return None


def _hold(search: _QuoteSearch, holder: ClaimDraft, group: list[QuotePiece]) -> None:
    """A clause-level claim ("Butler said “…”") holds the quotation: it takes it in."""
    holder.quoted = True
    holder.quote_ids.add(group[0].quote_id)
    _absorb(holder, group)
    if holder.source_token is None or holder.cue is not None and holder.source_span is not None \
            and holder.source_span[0] >= holder.cue[1]:
        # No subject, or one the parser found after the cue ('“…,” Flynn, a top Trump
        # surrogate, said Thursday morning on “Fox and Friends”': not the show).
        _name_before_cue(search.doc, holder, group)
    if holder.source_token is not None:
        search.remember(holder, group[-1].end)


MAX_NAME_BEFORE_CUE_WORDS = 8


def _name_before_cue(doc: Doc, holder: ClaimDraft, group: list[QuotePiece]) -> None:
    """'“…,” chairman, CEO and president Craig Menear said': the parser hung the speaker's
    name on the quotation, so the cue has no subject and the claim's content runs on over
    the name. The name between the closing mark and the cue becomes the speaker."""
    if holder.cue is None or holder.cue[0] < group[-1].end:
        return
    between = doc.char_span(group[-1].end, holder.cue[0], alignment_mode="contract")
    if between is None or not 0 < len(between) <= MAX_NAME_BEFORE_CUE_WORDS + 4 or \
            "\n" in between.text:
        return
    words = [t for t in between if not t.is_punct]
    if not words or len(words) > MAX_NAME_BEFORE_CUE_WORDS or \
            any(t.pos_ in ("VERB", "AUX", "PRON", "ADP") for t in words):
        return
    names = [t for t in words if t.pos_ == "PROPN" and t.text[:1].isupper()]
    if not names:
        return
    head = names[-1]
    holder.source_token = head
    holder.source_span = (words[0].idx, head.idx + len(head))
    holder.content = subtract(holder.content, (group[-1].end, holder.cue[0]))
    holder.why += f"; the speaker '{head.text}' named between the quotation and the cue"


# Who may be the inner speaker besides a person's name: "he" or "she" inside a group's
# claim (resolved like any speaker's pronoun) and a noun for people ("censors").
_RELAYING_PRONOUNS = frozenset("he she".split())
_PEOPLE_NOUN_LISTS = ("role_nouns", "group_nouns", "people_nouns", "anonymous_nouns")
_THING_NOUN_LISTS = ("document_nouns", "not_source_nouns", "claim_nouns", "reporting_nouns",
                     "work_nouns", "organization_nouns")


def _relays(subject: Token, outer: Token | None, verb: Token) -> bool:
    """Whether `subject` can be the speaker of words relayed inside the claim of `outer`: a
    person's name, people named by a noun ("the censors", "the protesters"), anyone named
    by a noun who is said to speak ("the suspect told officers “…”"), or "he"/"she" in a
    group's claim, which cannot stand for the group ("Prosecutors said he told …"; in
    "Pane said she had told …" she is Pane); not a place, an organisation or a thing
    ("Washington had concluded …", "the report had called …")."""
    if subject.ent_type_ == "PERSON":
        return True
    if subject.ent_type_:
        return False
    if subject.pos_ == "PRON":
        return subject.lower_ in _RELAYING_PRONOUNS and outer is not None and (
            outer.tag_ in ("NNS", "NNPS") or outer.lower_ in ("they", "we"))
    if subject.pos_ != "NOUN":
        return False
    lemma = subject.lemma_.lower()
    if any(lemma in lexicons.load(name) or subject.lower_ in lexicons.load(name)
           for name in _THING_NOUN_LISTS):
        return False
    return subject.tag_ == "NNS" or verb.lemma_.lower() in _SPEECH_LEMMAS or any(
        lemma in lexicons.load(name) for name in _PEOPLE_NOUN_LISTS)


def _relayed(search: _QuoteSearch, holder: ClaimDraft, group: list[QuotePiece]
             ) -> ClaimDraft | None:
    """Relayed speech: "He said Hill had dubbed it “the Gordon problem”", "prosecutors said
    he told the clerk he would put a “bullet in her skull”", "Wee reports that censors had
    instructed aggregators to “block and control” the news". A quotation inside a retold
    claim that hangs on a verb of speech, naming or telling of its own, whose subject is not
    the claim's source and can speak (_relays), is that subject's words: it is cut out of the
    retold claim and given to the inner cue's own claim, or to a claim of its own. Returns
    that claim."""
    doc = search.doc
    span = doc.char_span(group[0].inner_start, group[0].inner_end, alignment_mode="expand")
    if span is None or holder.cue is None:
        return None
    node = span.root
    while node.head.i != node.i and not (node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")):
        node = node.head
        if holder.cue[0] <= node.idx < holder.cue[1]:
            return None  # the quotation hangs on the retold claim's own cue
        lemma = node.lemma_.lower()
        if node.pos_ != "VERB" or lemma not in _RELAYING_LEMMAS or (
                lemma in _DIRECTIVE_LEMMAS and lemma not in _SPEECH_LEMMAS
                and not _directs(doc, node, group[0])):
            continue
        subj = subject_of(node)
        if subj is None or _inside_quotes(subj, search.pieces) or (
                holder.source_token is not None and subj.i == holder.source_token.i) or \
                not holder.overlaps(node.idx, node.idx + len(node)):
            return None
        # "his predecessor, Fiona Hill, had dubbed": the name in apposition names the speaker.
        subj = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subj)
        if not _relays(subj, holder.source_token, node):
            return None  # "Pompeo said Washington had concluded …": the words are Pompeo's
        inner = next((d for d in search.existing if d is not holder and d.cue == cue_range(node)),
                     None)
        if inner is not None:
            # The inner cue's own claim ("Hill had dubbed [the role “…”]") holds the quotation
            # and leaves the retold claim.
            for part in inner.content + [(p.start, p.end) for p in group]:
                holder.content = subtract(holder.content, part)
            inner.source_token, inner.source_span = subj, noun_phrase_range(subj)
            _hold(search, inner, group)
            return inner
        draft = _claim_from(doc, [(p.start, p.end) for p in group], subj, cue_range(node),
                            RuleName.QUOTE_CUE, f"quote relayed inside a retold claim, with "
                            f"its own cue '{node.text}' → subject '{subj.text}'", None,
                            [group[0].quote_id])
        if draft is None:
            return None
        for piece in group:
            holder.content = subtract(holder.content, (piece.start, piece.end))
        return draft
    return None


def _quotation(search: _QuoteSearch, group: list[QuotePiece]) -> _Quotation | None:
    """The quotation's facts, or None when it is a title rather than anyone's words."""
    doc = search.doc
    inner = " ".join(text_of(doc)[p.inner_start:p.inner_end] for p in group)
    words = _word_count(inner)
    sentence = len(group) == 1 and _sentence_of_its_own(text_of(doc), group[0])
    if words <= MAX_TITLE_WORDS and looks_like_title(inner) and not sentence:
        return None
    verbs = _frame_verbs(doc, group, search.pieces)
    mention = False
    if words <= SCARE_QUOTE_MAX_WORDS:
        # A few quoted words take a speaker only from a cue they hang on grammatically;
        # otherwise they are the writer's scare quotes.
        governing = [v for v in verbs if _governs(doc, v, group[0]) or _adjacent(doc, v, group)]
        verbs = [v for v in governing if v.lemma_.lower() in _RELAYING_LEMMAS]
        mention = bool(governing) and not verbs
    verbs = _nearest_governor_first(doc, verbs, group[0])
    return _Quotation(group, [(p.start, p.end) for p in group], words,
                      _paragraph_of(search.paragraphs, group[0].start), verbs, mention, sentence)


def _nearest_governor_first(doc: Doc, verbs: list[Token], piece: QuotePiece) -> list[Token]:
    """When the quotation hangs on two cues in its sentence, the one nearest it up the tree
    speaks: "the board said …, after repairs that critics called “a needless fiasco”" gives
    the critics' words, not the board's."""
    governing = [v.i for v in verbs if _governs(doc, v, piece)]
    if len(governing) < 2:
        return verbs
    nearest = [i for i in governing
               if not any(other != i and doc[i].is_ancestor(doc[other]) for other in governing)]
    if len(nearest) != 1:
        return verbs
    return sorted(verbs, key=lambda v: v.i != nearest[0])


def _by_cue_verb(search: _QuoteSearch, quotation: _Quotation) -> ClaimDraft | None:
    """'“…,” Butler said': a cue verb in the sentences around the quotation."""
    if not quotation.verbs:
        return None
    verb = quotation.verbs[0]
    cue = cue_range(verb)
    earlier = _earlier_claim_of_cue(search, cue, quotation)
    if earlier is not None:
        return _goes_on(search.doc, earlier, quotation, "the quote goes on after its cue's claim")
    subj = subject_of(verb)
    who = f" → subject '{subj.text}'" if subj is not None else ""
    parts = _with_its_phrase(search.doc, verb, quotation)
    return _claim_from(search.doc, parts, subj, cue_range(verb), RuleName.QUOTE_CUE,
                       f"quote with cue '{verb.text}'{who}", None if subj else 0.6,
                       [quotation.quote_id])


def _earlier_claim_of_cue(search: _QuoteSearch, cue: tuple[int, int],
                          quotation: _Quotation) -> ClaimDraft | None:
    """The claim its cue already made before a quotation that opens a sentence of its
    paragraph ("“Ten years ago, the mill was full,” Ms. Hughes said, pointing out … . “Now
    it is empty.”"): the quotation goes on it (one cue, one claim),
    unless a cue with another speaker comes between."""
    if quotation.para is None:
        return None
    p_start = search.paragraphs[quotation.para][0]
    before = text_of(search.doc)[p_start:quotation.start].rstrip().rstrip("\"'”’")
    if not before.endswith((".", "!", "?")):
        return None  # not a sentence of its own: fragments of one sentence join elsewhere
    claims = search.existing + list(search.last_speaker.values())
    earlier = [d for d in claims if d.cue == cue and d.source_token is not None
               and p_start <= d.start and d.end <= quotation.start]
    if not earlier:
        return None
    claim = max(earlier, key=lambda d: d.end)
    between = search.doc.char_span(claim.end, quotation.start, alignment_mode="contract")
    verbs = cue_verbs()
    if between is not None and any(_is_cue(t, verbs) and not cue[0] <= t.idx < cue[1]
                                   for t in between):
        return None  # "…,” she said, referring to … . “…”": the quotation may be that cue's
    if any(d.cue != cue and d.overlaps(claim.start, claim.end) for d in claims):
        return None  # words another claim holds too
    return claim


def _with_its_phrase(doc: Doc, verb: Token, quotation: _Quotation) -> list[tuple[int, int]]:
    """The quotation's parts, or, when the quotation stands inside the cue verb's object or
    complement after it ("says things such as, “Nobody reads the small print”", "calls
    people “losers” and “sad”"), that phrase up to the quotation's end."""
    first = doc.char_span(quotation.start, quotation.start + 1, alignment_mode="expand")
    if first is None or len(quotation.group) > 1:
        return quotation.parts
    phrase = next((c for c in verb.children if c.i > verb.i
                   and c.dep_ in ("ccomp", "xcomp", "dobj", "oprd")
                   and c.left_edge.i <= first[0].i <= c.right_edge.i), None)
    if phrase is None:
        return quotation.parts
    start, end = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge)
    if not (start < quotation.start and quotation.end <= end + 2):
        return quotation.parts
    return [(start, quotation.end)]


def _by_lead_in(search: _QuoteSearch, quotation: _Quotation) -> ClaimDraft | None:
    """'Ortiz said: “…”': a colon lead-in before the quotation in its paragraph, or ending
    the previous paragraph when the quotation opens its own."""
    if quotation.para is None:
        return None
    doc, para, q_start = search.doc, quotation.para, quotation.start
    p_start = search.paragraphs[para][0]
    found = lead_in(doc, p_start, q_start) if q_start > p_start else None
    if found is None and q_start - p_start <= 1 and para > 0:
        prev = search.paragraphs[para - 1]
        found = lead_in(doc, prev[0], prev[1])
    if found is None:
        return None
    speaker, cue, why = found
    return _claim_from(doc, quotation.parts, speaker, cue, RuleName.QUOTE_LEAD_IN, why, None,
                       [quotation.quote_id])


def _continues_claim(search: _QuoteSearch, quotation: _Quotation) -> ClaimDraft | None:
    """'“A,” Butler said. “B.”': the paragraph's last quote claim goes on, unless a new
    cue comes between. The earlier claim (one attribution with a discontinuous content)
    takes the quotation in and is returned."""
    para = quotation.para
    if para is None or para not in search.last_speaker or \
            _cue_between(search.doc, search.last_speaker[para], quotation.start):
        return None
    before = search.last_speaker[para]
    if before.source_token is None:
        return None
    return _goes_on(search.doc, before, quotation, "the quote goes on after the cue")


def _goes_on(doc: Doc, claim: ClaimDraft, quotation: _Quotation, why: str) -> ClaimDraft:
    """The claim takes in a quotation that continues it (one attribution); returns it."""
    claim.content = sorted(claim.content + clean_parts(doc, quotation.parts, min_chars=1))
    claim.quoted = True
    claim.quote_ids.add(quotation.quote_id)
    claim.why += "; " + why
    return claim


def _after_speaking_sentence(search: _QuoteSearch, quotation: _Quotation) -> ClaimDraft | None:
    """A quotation that opens a sentence right after a sentence, in its paragraph, whose
    main verb is somebody speaking: "…, Schiff said. “The other factor …”" (the claim of
    that sentence goes on: one attribution), "Howard continued his remarks. “Eight years
    ago …”" (a claim of that verb), unless a cue with another speaker comes between. A few
    words that are a sentence of their own ("…,” the president added. “We're America.”) go on
    such a claim and never start one."""
    doc = search.doc
    short = quotation.words <= SCARE_QUOTE_MAX_WORDS
    if quotation.para is None or short and not quotation.sentence:
        return None
    opening = doc.char_span(quotation.start, quotation.start + 1, alignment_mode="expand")
    if opening is None or opening.start == 0:
        return None
    sent = opening.sent
    if any(t.is_alpha for t in doc[sent.start:opening.start]):
        return None  # the quotation does not open its sentence
    before = doc[sent.start - 1].sent
    verb = before.root
    goes_on = _continues_remarks(verb)
    if before.start_char < search.paragraphs[quotation.para][0] and not (
            goes_on and _opens_after_sentence_paragraph(search, quotation, before)):
        return None
    verbs = cue_verbs()
    if verb.pos_ != "VERB" or not (_is_cue(verb, verbs) or goes_on
                                   or verb.lemma_.lower() in _SPEECH_LEMMAS):
        return None
    speaker = subject_of(verb)
    if speaker is None or speaker.pos_ == "PRON" and speaker.lower_ not in ("he", "she", "they"):
        return None
    if _inside_quotes(verb, search.pieces) or any(
            c.dep_ == "ccomp" and c.i > verb.i and c.is_ancestor(opening[0]) for c in verb.children):
        return None
    cue = cue_range(verb)
    claim = next((d for d in search.existing if d.cue == cue and d.source_token is not None
                  and d.end <= quotation.start), None)
    if claim is not None and not goes_on and \
            verb.lemma_.lower() not in _SPEECH_LEMMAS | _NAMING_LEMMAS:
        return None  # "He did not suggest retaliation. “…”": not who goes on speaking
    if claim is not None:
        if _cue_between(doc, claim, quotation.start):
            return None
        return _goes_on(doc, claim, quotation, "the quotation after its sentence goes on")
    if short:
        return None  # a few words of a sentence of their own go on a claim, never start one
    if any(d.overlaps(before.start_char, before.end_char) and d.source_token is not None
           and d.source_token.i != speaker.i for d in search.existing):
        return None  # the sentence reports somebody else
    return _claim_from(doc, quotation.parts, speaker, cue, RuleName.QUOTE_CUE,
                       f"quote after the sentence where '{speaker.text}' speaks ('{verb.text}')",
                       None, [quotation.quote_id])


def _continues_remarks(verb: Token) -> bool:
    """"Howard continued his remarks.", "She continued.": somebody goes on speaking (not
    "continued to attack", "continued the attack")."""
    if verb.lemma_.lower() != "continue" or verb.pos_ != "VERB":
        return False
    if any(c.dep_ in ("xcomp", "ccomp", "prep", "advcl") for c in verb.children):
        return False
    return all(c.lemma_.lower() in _LEAD_IN_NOUNS or c.lower_ in _LEAD_IN_NOUNS
               for c in verb.children if c.dep_ == "dobj")


def _opens_after_sentence_paragraph(search: _QuoteSearch, quotation: _Quotation,
                                    sentence) -> bool:
    """Whether the quotation opens its paragraph and the paragraph before is that one
    sentence ("Howard continued his remarks.¶“Eight years ago …”")."""
    before_para = search.previous(quotation.para)
    if before_para < 0:
        return False
    start, end = search.paragraphs[before_para]
    text = text_of(search.doc)
    return not text[search.paragraphs[quotation.para][0]:quotation.start].strip() and \
        not text[start:sentence.start_char].strip() and \
        not any(ch.isalnum() for ch in text[sentence.end_char:end])


def _follows_previous_paragraph(search: _QuoteSearch, quotation: _Quotation) -> ClaimDraft | None:
    """A paragraph that opens with a quotation, after a paragraph of someone's quotes:
    the same speaker goes on."""
    para = quotation.para
    if para is None or search.previous(para) not in search.last_speaker or \
            text_of(search.doc)[search.paragraphs[para][0]:quotation.start].strip() != "":
        return None
    before = search.last_speaker[search.previous(para)]
    if before.source_token is None:
        return None
    return _claim_from(search.doc, quotation.parts, before.source_token, before.cue,
                       RuleName.QUOTE_FOLLOW_ON,
                       f"continues the quotes of '{before.source_token.text}' "
                       "from the previous paragraph", None, [quotation.quote_id])


def _by_text_cue(search: _QuoteSearch, quotation: _Quotation) -> ClaimDraft | None:
    """'“…,” comments Johnston' and '“…,” Menear continued.': a cue and a name right after
    the quotation, read from the text where the tagger took the verb for a noun or the
    verb is not a cue verb on its own."""
    if quotation.words <= SCARE_QUOTE_MAX_WORDS:
        return None
    found = _text_cue(search.doc, quotation.group)
    if found is None:
        return None
    speaker, cue, why = found
    return _claim_from(search.doc, quotation.parts, speaker, cue, RuleName.QUOTE_CUE, why,
                       None, [quotation.quote_id])


def _continues_paragraph_speaker(search: _QuoteSearch,
                                 quotation: _Quotation) -> ClaimDraft | None:
    """A paragraph made only of a quotation after a paragraph whose last claim has a
    speaker ("Erekat said it was … .¶“They wanted us on our knees …”"): that speaker."""
    para = quotation.para
    if para is None or quotation.words <= SCARE_QUOTE_MAX_WORDS:
        return None
    before_para = search.previous(para)
    if before_para < 0 or before_para in search.last_speaker or \
            not _whole_paragraph(search.doc, search.paragraphs[para], quotation.start,
                                 quotation.end):
        return None
    before = _last_named_claim(search.existing, search.paragraphs[before_para])
    if before is None:
        return None
    return _claim_from(search.doc, quotation.parts, before.source_token, before.cue,
                       RuleName.QUOTE_FOLLOW_ON,
                       f"a paragraph of quotation after the words of "
                       f"'{before.source_token.text}' in the paragraph before", None,
                       [quotation.quote_id])


# Tried in order; the first that finds a speaker wins.
_SPEAKER_STRATEGIES = (_by_cue_verb, _by_text_cue, _by_lead_in, _continues_claim,
                       _after_speaking_sentence, _follows_previous_paragraph,
                       _continues_paragraph_speaker)


def _no_speaker(search: _QuoteSearch, quotation: _Quotation,
                scare: list[list[QuotePiece]]) -> ClaimDraft | None:
    """A quotation no strategy found a speaker for: a mention, a scare-quote candidate
    (added to `scare`) or somebody's words with no speaker."""
    if quotation.words <= SCARE_QUOTE_MAX_WORDS and quotation.mention:
        return None  # 'embraced “Leave”': a name mentioned, not a claim nor a sneer
    if quotation.words <= SCARE_QUOTE_MAX_WORDS and search.doc.has_annotation("DEP"):
        # Without a parse (rules-only pipeline) no cue can be ruled out: the quotation is
        # kept as an unattributed quote, not called a scare quote.
        scare.append(quotation.group)
        return None
    return _claim_from(search.doc, quotation.parts, None, None, RuleName.QUOTE_UNATTRIBUTED,
                       "quotation marks with no speaker found nearby", None,
                       [quotation.quote_id])


@lru_cache(maxsize=8)
def _compile_text_cues(inverted: frozenset[str], name_then: frozenset[str]
                       ) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'“…,” comments Johnston' (a cue form, then a capitalised name) and '“…,” Menear
    continued' (a name, then a cue form), right after a closing quotation mark."""
    inverted_cue = re.compile(
        rf"\s*,?\s*(?:{_alternation(inverted)})\s+"
        r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,5})")
    name_then_cue = re.compile(
        r"\s*,?\s*(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+"
        rf"(?:{_alternation(name_then)})\b")
    return inverted_cue, name_then_cue


_NOT_NAMES = {"the", "a", "an", "he", "she", "they", "it", "we", "i", "this", "that", "his",
              "her", "their", "its"}


def _text_cue(doc: Doc, group: list[QuotePiece]):
    """'“…,” comments Johnston in a statement' and '“…,” Menear continued.': a cue and a
    name right after the quotation, read from the text when the tagger took the verb for
    a noun or does not list it as a cue."""
    last = group[-1]
    text = text_of(doc)
    line_end = text.find("\n", last.end)
    after_end = min(len(text) if line_end < 0 else line_end, last.end + 120)
    for pattern in _compile_text_cues(lexicons.load("inverted_cue_forms"),
                                      lexicons.load("name_then_cue_forms")):
        match = pattern.match(text, last.end, after_end)
        if match is None:
            continue
        name = doc.char_span(*match.span("name"), alignment_mode="contract")
        if name is None or not len(name) or name[0].lower_ in _NOT_NAMES:
            continue
        head = name[-1]
        while head.i > name.start and (head.is_punct or head.pos_ not in ("PROPN", "NOUN")):
            head = doc[head.i - 1]
        if head.pos_ not in ("PROPN", "NOUN") or head.ent_type_ in ("DATE", "TIME", "GPE"):
            continue
        cue = (last.end, match.end())
        return head, cue, f"quote with cue '{text[match.start():match.end()].strip(' ,')}'"
    return None


def _whole_paragraph(doc: Doc, paragraph: tuple[int, int], start: int, end: int) -> bool:
    text = text_of(doc)
    return not text[paragraph[0]:start].strip() and \
        not any(ch.isalnum() for ch in text[end:paragraph[1]])


def _last_named_claim(existing: list[ClaimDraft], paragraph: tuple[int, int]):
    """The last claim with a speaker in a paragraph: who a paragraph made only of a
    quotation goes on quoting ("Erekat said it was … .¶“They wanted us on our knees …”")."""
    inside = [d for d in existing if paragraph[0] <= d.start < paragraph[1]
              and d.source_token is not None]
    return max(inside, key=lambda d: d.start) if inside else None


def _cue_between(doc: Doc, before: ClaimDraft, end: int) -> bool:
    """Whether the writer's text between a quote claim and the next quote names a new
    speaker (the earlier claim's own cue does not count)."""
    span = doc.char_span(before.end, end, alignment_mode="contract")
    if span is None:
        return False
    verbs = cue_verbs()
    own = before.cue or (-1, -1)
    return any(_is_cue(t, verbs) and t.pos_ == "VERB" and not own[0] <= t.idx < own[1]
               and not _same_speaker(t, before) and not _reported_under(t, own)
               and not _names_no_speaker(t) for t in span)


def _names_no_speaker(verb: Token) -> bool:
    """A passive cue with no agent ("the hearing he was formally called to"): nobody new
    speaks."""
    return any(c.dep_ == "auxpass" for c in verb.children) and \
        not any(c.dep_ == "agent" for c in verb.children)


_REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "csubj", "csubjpass"})


def _reported_under(verb: Token, cue: tuple[int, int]) -> bool:
    """Whether a cue verb stands in what a claim's own cue reports ("…,” Clark said, noting
    he would support …": "support" is Clark's words, not a new speaker): the cue is its
    ancestor through clauses only, not through a coordination ("… said, and Jones said")
    or a noun ("what she called a “rant,” postings that included one saying …")."""
    node = verb
    while node.head.i != node.i:
        if node.dep_ not in _REPORTED_CLAUSE_DEPS:
            return False
        node = node.head
        if cue[0] <= node.idx < cue[1]:
            return True
    return False


def _same_speaker(verb: Token, before: ClaimDraft) -> bool:
    """Whether a cue verb after a quote claim is still its speaker's: "…,” DuVernay said,
    emphasizing why …", "…,” said Peter Morgan, a lawyer who has been challenging …"."""
    if before.source_token is None:
        return False
    speaker = before.source_token
    subject = subject_of(verb)
    if subject is None:
        return False
    return speaker.left_edge.i <= subject.i <= speaker.right_edge.i or \
        _pronoun_for(subject, speaker)


def _pronoun_for(subject: Token, speaker: Token) -> bool:
    """'“…,” Obama said. He did not name a date. “…”': a "he" or "she" after a named
    speaker's quote, with no other subject between, is that speaker, unless the text has
    shown the speaker to be of the other gender ("Ms. Ruiz … she said" earlier, then "He")."""
    if subject.lower_ not in ("he", "she") or subject.i <= speaker.i or \
            not (speaker.ent_type_ == "PERSON" or speaker.pos_ == "PROPN"):
        return False
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.i != subject.i
           for t in subject.doc[speaker.right_edge.i + 1:subject.i]):
        return False
    known = person_genders(subject.doc).get(speaker.lower_.replace("’s", "").replace("'s", ""))
    return known is None or known == ("f" if subject.lower_ == "she" else "m")


def _governs(doc: Doc, verb: Token, piece: QuotePiece) -> bool:
    """Whether a quotation hangs on a cue verb (or the verb on it) without crossing into a
    conjoined clause: "called it a "disgrace"" yes; "pushed for X, and the "review" lasted"
    no."""
    span = doc.char_span(piece.inner_start, piece.inner_end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    for lower, upper in ((root, verb), (verb, root)):
        node = lower
        # Token objects are created on access: compare positions, never identity.
        while node.i != upper.i and node.head.i != node.i and \
                not (node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")):
            node = node.head
        if node.i == upper.i:
            return True
    return False


def _adjacent(doc: Doc, verb: Token, group: list[QuotePiece]) -> bool:
    """'“You winning?” she said': a cue with its subject right after (or right before) the
    quotation, with nothing but punctuation and the subject between."""
    first, last = group[0], group[-1]
    if verb.idx >= last.end:
        between = text_of(doc)[last.end:verb.idx]
    elif verb.idx + len(verb) <= first.start:
        between = text_of(doc)[verb.idx + len(verb):first.start]
    else:
        return False
    subject = subject_of(verb)
    if subject is None or "\n" in between.strip():
        return False
    return len(between.split()) <= 3 or verb.idx >= last.end and _only_subject_between(
        doc, verb, subject, last.end)


def _only_subject_between(doc: Doc, verb: Token, subject: Token, start: int) -> bool:
    """'“…?” a narrator in the city ad asks': nothing but the subject's phrase (a few words)
    and punctuation between the quotation and its cue."""
    between = [t for t in doc[max(0, verb.i - 8):verb.i] if t.idx >= start]
    inside = {t.i for t in subject.subtree}
    return can_speak(subject) and all(t.i in inside or t.is_punct or t.is_space for t in between) \
        and not any(t.idx < start and t.i in inside for t in subject.subtree)


def _absorb(holder: ClaimDraft, group: list[QuotePiece]) -> None:
    """Extend a claim's content to cover a quotation that starts inside it."""
    q_start, q_end = group[0].start, group[-1].end
    parts = list(holder.content)
    if any(s <= q_start and q_end <= e for s, e in parts):
        return
    for piece in group:
        if not any(s <= piece.start and piece.end <= e for s, e in parts):
            parts.append((piece.start, piece.end))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(parts):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    holder.content = merged


def block_quote_claims(doc: Doc, paragraphs: list[tuple[int, int]], blocks,
                       pieces: list[QuotePiece]) -> list[ClaimDraft]:
    """Quotations set off as blocks: HTML <blockquote>s, and in plain text the paragraphs
    after a lead-in that ends with a colon ("said in a statement (emphasis added):")."""
    drafts: list[ClaimDraft] = []
    block_kinds = {(b.start, b.end): b.kind for b in blocks or []}
    marked = [(p.start, p.end) for p in pieces]

    def has_marks(s, e):
        return any(ms < e and s < me for ms, me in marked)

    def kind_at(s, e):
        for (bs, be), kind in block_kinds.items():
            if bs <= s < be:
                return kind
        return "paragraph"

    i = 0
    while i < len(paragraphs):
        start, end = paragraphs[i]
        kind = kind_at(start, end)
        if kind == "blockquote":
            run = [i]
            while i + 1 < len(paragraphs) and kind_at(*paragraphs[i + 1]) == "blockquote":
                i += 1
                run.append(i)
            for part, credit in _split_at_credits(doc, paragraphs, run):
                if credit is not None:
                    # An embedded post: its credit line names who posted it.
                    speaker, cue, why = credit
                else:
                    found = lead_in(doc, *paragraphs[part[0] - 1]) if part[0] > 0 else None
                    speaker, cue, why = found if found else (None, None,
                                                             "block quote with no lead-in")
                draft = _claim_from(doc, [paragraphs[j] for j in part], speaker, cue,
                                    RuleName.BLOCK_QUOTE, f"block quote; {why}",
                                    None if speaker else 0.6, [])
                if draft is not None and credit is not None:
                    draft.source_span = _credit_name_range(doc, *paragraphs[part[-1] + 1])
                if draft:
                    drafts.append(draft)
            i += 1
            continue

        found = lead_in(doc, start, end) if kind in ("paragraph", "heading") else None
        if found is None:
            i += 1
            continue
        run = []
        j = i + 1
        mentions_lead_in = _lead_in_reference(text_of(doc)[start:end])
        while j < len(paragraphs) and len(run) < MAX_BLOCK_PARAGRAPHS:
            s, e = paragraphs[j]
            if not run and text_of(doc)[s:e].lstrip().startswith(("<", "http://", "https://")):
                break  # an embedded tweet or a link left in the text, not the speaker's words
            if kind_at(s, e) != "paragraph" or has_marks(s, e) or _reports_speech(doc, s, e) \
                    or (mentions_lead_in is not None and mentions_lead_in.search(text_of(doc)[s:e])):
                break
            run.append((s, e))
            j += 1
        if run:
            speaker, cue, why = found
            draft = _claim_from(doc, run, speaker, cue, RuleName.BLOCK_QUOTE,
                                f"paragraphs after a {why}", 0.8 if speaker else 0.55, [])
            if draft:
                drafts.append(draft)
            i = j
        else:
            i += 1
    return drafts


# "— Jo Marsh (@jomarsh) March 3, 2024" under an embedded tweet; "A post shared by Jo
# Marsh (@jomarsh) on …" under an Instagram post.
_POST_CREDIT = re.compile(r"\s*(?:[—–-]{1,2}\s*|A post shared by\s+)(?P<name>[^()\n]{1,80}?)"
                          r"\s*\((?P<handle>@\w{1,30})\)")


def _split_at_credits(doc: Doc, paragraphs, run: list[int]):
    """A run of block-quote paragraphs cut after each post credit line: (paragraph
    indices of one quotation, its credit or None)."""
    parts, current = [], []
    for j in run:
        credit = _post_credit(doc, *paragraphs[j]) if current else None
        if credit is not None:
            parts.append((current, credit))
            current = []
        else:
            current.append(j)
    if current:
        parts.append((current, None))
    return parts


def _credit_name_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    match = _POST_CREDIT.match(text_of(doc), start, end)
    if match is None:
        return None
    name_start, name_end = match.span("name")
    # Emoji and symbols after a display name are not part of it.
    while name_end > name_start and not text_of(doc)[name_end - 1].isalnum() and \
            text_of(doc)[name_end - 1] not in ".’'":
        name_end -= 1
    return (name_start, name_end) if name_end > name_start else match.span("handle")


def _post_credit(doc: Doc, start: int, end: int
                 ) -> tuple[Token | None, tuple[int, int] | None, str] | None:
    """The poster of an embedded post from its credit line, as (speaker head, cue, why)."""
    name = _credit_name_range(doc, start, end)
    if name is None:
        return None
    span = doc.char_span(*name, alignment_mode="contract")
    if span is None or not len(span):
        return None
    words = [t for t in span if not t.is_punct]
    head = words[-1] if words else span[-1]
    match = _POST_CREDIT.match(text_of(doc), start, end)
    handle = match.group("handle") if match else ""
    return head, (start, min(end, name[0])), f"embedded post credited to '{span.text}' ({handle})"


def _lead_in_reference(lead_in_text: str):
    """A pattern for the writer referring back to the quoted document ("the statement"),
    which shows the block quote has ended; None when the lead-in names no document."""
    nouns = [n for n in _LEAD_IN_NOUNS - {"reads"}
             if re.search(rf"\b{n}\b", lead_in_text, re.I)]
    if not nouns:
        return None
    return re.compile(rf"\bthe (?:{'|'.join(nouns)})\b", re.I)


def _editorial_note(verb: Token) -> bool:
    """"(emphasis added)" is the editor's, not a speaker's."""
    return any(c.dep_ == "nsubj" and c.lower_ == "emphasis" for c in verb.children)


def _reports_speech(doc: Doc, start: int, end: int) -> bool:
    """Whether a paragraph attributes speech in the writer's voice, which ends an unmarked
    block quote: a finite reporting verb with a third-person subject of its own."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for token in span:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            return True
        if token.lemma_.lower() not in _BLOCK_ENDING_LEMMAS or token.tag_ not in ("VBD", "VBZ"):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].lower_ not in ("i", "we"):
            return True
    return False


# "Editor's note:", "UPDATE:", "Photo:": labels before a colon that are not speakers.
_NOT_SPEAKER_LABELS = lexicons.words("not_speaker_labels")
# "Thunder: F Hamidou Diallo missed …": a team, then a player's position (one or two
# capitals: F, QB, WR) and name in sports notes; "Astronaut (NR): Jaden Siemans 7 saves.":
# a team, then a player's name and a figure in a box score.
_SPORTS_NOTE = re.compile(r"[A-Z]{1,2}\s+[A-Z][\w'’.-]+\s+[A-Z]|"
                          r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}\s+\d+\s+[a-z]")
MAX_SPEAKER_LABEL_WORDS = 6
_POSSESSIVE_END = re.compile(r"['’]s?$")
_PLACE_ENTITIES = ("GPE", "LOC", "FAC")
_VERSUS = frozenset({"vs", "vs.", "v.", "versus"})
_FINITE = ("VBD", "VBZ", "VBP", "MD", "VB")


def _not_a_label(doc: Doc, prefix, names: list[Token]) -> bool:
    """A headline's "NASA’s commercial moon shot:" (a name in the possessive) and a
    dateline's "Washington, DC, United States:" (only places) name no speaker."""
    if any(doc[t.i + 1].tag_ == "POS" or doc[t.i + 1].lower_ in ("’s", "'s")
           for t in names if t.i + 1 < len(doc)):
        return True
    if all(t.ent_type_ in _PLACE_ENTITIES for t in prefix if not t.is_punct):
        return True
    if any(t.lower_ in _VERSUS for t in prefix):
        return True  # "Chiefs vs. Chargers: Recap, highlights": a match, not a speaker
    if sum(t.text == "," for t in prefix) >= 2:
        return True  # "Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play"
    first = names[0]
    while first.dep_ == "compound" and prefix.start <= first.head.i < prefix.end:
        first = first.head
    if first.dep_ == "pobj" and first.head.head.pos_ == "NOUN" and not any(
            first.head.head.lemma_.lower() in lexicons.load(name)
            for name in _SPEAKER_NOUN_LISTS):
        return True  # "The promise of Google Stadia:": what is said of a name, not by it
    last = [t for t in prefix if not t.is_punct][-1]
    if last.pos_ == "NOUN" and last.is_lower and not any(
            last.lemma_.lower() in lexicons.load(name)
            for name in ("role_nouns", "organization_nouns", "group_nouns", "anonymous_nouns")):
        return True  # "Hong Kong chaos: China deploys …": a headline's topic, not a speaker
    # "Hong Kong: China deploys troops …": a place the article names as a place elsewhere.
    label = prefix.text.strip()
    return any(ent.label_ in _PLACE_ENTITIES and (ent.text == label or ent.text.startswith(
        (label + "’", label + "'"))) for ent in doc.ents)


_SPEAKER_ENTITIES = ("PERSON", "ORG", "NORP")
_SPEAKER_NOUN_LISTS = ("role_nouns", "organization_nouns", "group_nouns", "anonymous_nouns")


def _names_someone(doc: Doc, prefix, words: list[Token]) -> bool:
    """Whether a label before a colon names someone who can speak: a name the tagger knows
    as a person, organisation or group, a transcript's name in capitals ("TAPPER:"), a noun
    for people ("Police:"), a document ("Poll:"), or a word the text names someone by
    elsewhere ("Sanders:" over an article about Bernie Sanders). A section label in title
    case ("New Release:", "Build Stage:") is none of these."""
    if any(t.ent_type_ in _SPEAKER_ENTITIES for t in words):
        return True
    letters = [t for t in words if t.is_alpha]
    if letters and all(t.is_upper for t in letters):
        return True
    last = words[-1]
    if any(last.lemma_.lower() in lexicons.load(name) or last.lower_ in lexicons.load(name)
           for name in _SPEAKER_NOUN_LISTS):
        return True
    if len(words) == 1 and last.lemma_.lower() in lexicons.load("document_nouns"):
        return True  # "Poll: Wealthy Voters Abandon …": the poll reports it
    names = {t.text for t in words if t.text[:1].isupper()}
    return any(t.text in names and t.ent_type_ in _SPEAKER_ENTITIES
               for t in doc if not prefix.start <= t.i < prefix.end)


def _title_case(text: str) -> bool:
    """A headline's words after a label ("Poll: Wealthy Voters Abandon …"): the tagger
    reads their verbs as names, so they are not asked for one."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _any_verb(doc: Doc, start: int, end: int) -> bool:
    """A caption after a label ("Keck Observatory: Twin Telescopes on Mauna Kea") has no
    verb of any kind; words said have one."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is None or any(t.pos_ in ("VERB", "AUX") for t in span)


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    # A finite verb: "held in jail", "Dealing in cocaine" are a list of charges, not words.
    return span is not None and any(t.pos_ in ("VERB", "AUX") and t.tag_ in _FINITE
                                    for t in span)




_OPENING_MARKS = frozenset('"“‘\'')


def speaker_label_claims(doc: Doc, paragraphs: list[tuple[int, int]]) -> list[ClaimDraft]:
    """'Sanders: Clinton email story has moved.' and transcript lines ('TAPPER: And …',
    also quoted line by line: '"WALLACE: Let’s start …'): a name before a colon at the
    start of a paragraph, and the speaker's words after it."""
    drafts = []
    labelled: dict[int, ClaimDraft] = {}
    for number, (start, end) in enumerate(paragraphs):
        if text_of(doc)[start:start + 1] in _OPENING_MARKS and text_of(doc)[start + 1:start + 2].isupper():
            start += 1
        line_end = text_of(doc).find("\n", start, end)
        line_end = end if line_end < 0 else line_end
        colon = text_of(doc).find(":", start, line_end)
        if colon <= start or colon + 2 >= line_end:
            continue
        prefix = doc.char_span(start, colon, alignment_mode="contract")
        if prefix is None or not 0 < len(prefix) <= MAX_SPEAKER_LABEL_WORDS + 2:
            continue
        words = [t for t in prefix if not t.is_punct]
        if not words or len(words) > MAX_SPEAKER_LABEL_WORDS or \
                any(_POSSESSIVE_END.sub("", t.lower_) in _NOT_SPEAKER_LABELS for t in words) or \
                any(t.pos_ in ("VERB", "AUX") and t.lower_ != "to" for t in words) or \
                any(t.like_num for t in words) or not words[0].text[:1].isupper():
            continue
        names = [t for t in words if t.pos_ == "PROPN" or (t.is_upper and len(t) > 1)]
        if not names and len(words) == 1 and words[0].is_title and words[0].pos_ == "NOUN":
            names = words  # "Sanders:" tagged as a plural noun
        if not names or _not_a_label(doc, prefix, names) or not _names_someone(doc, prefix, words):
            continue
        content = text_of(doc)[colon + 1:line_end].strip()
        # A headline's "Pat Caddell: Democrat Voters Worried …": the tagger reads title-case
        # verbs as names, so a person's (or a one-word) label is not asked for one.
        headline_words = _title_case(content) and (
            len(words) == 1 or any(t.ent_type_ == "PERSON" for t in words))
        if _SPORTS_NOTE.match(content) or \
                not (headline_words or _any_verb(doc, colon + 1, line_end)) or (
                len(content.split()) >= 12 and not (
                    _title_case(content) or _has_verb(doc, colon + 1, line_end))):
            continue  # sports notes, and lists ("Jane Doe: possession of …, bond $5,000")
        # The speaker is the first name run: "Clinton to Planned Parenthood:" → "Clinton".

        head = names[0]
        while head.i + 1 < prefix.end and doc[head.i + 1] in names:
            head = doc[head.i + 1]
        first = names[0]
        content_start = colon + 1
        while content_start < line_end and text_of(doc)[content_start].isspace():
            content_start += 1
        parts = clean_parts(doc, [(content_start, end)], min_chars=2)
        if not parts:
            continue
        drafts.append(ClaimDraft(
            content=parts, cue=(colon, colon + 1), source_token=head,
            source_span=(first.idx, head.idx + len(head)), rule=RuleName.SPEAKER_LABEL,
            why=f"speaker label '{text_of(doc)[first.idx:head.idx + len(head)]}:' before the words"))
        labelled[number] = drafts[-1]
    _continue_transcript_lines(doc, paragraphs, labelled)
    return drafts


# A paragraph of the speaker's own words speaks in the first or second person.
_SPEAKING_WORDS = frozenset({"i", "i'm", "i’m", "me", "my", "we", "our", "us", "you", "your"})
# Paragraphs with no label that may stand between two lines of one transcript.
MAX_UNLABELLED_TRANSCRIPT_PARAGRAPHS = 3


def _continue_transcript_lines(doc: Doc, paragraphs: list[tuple[int, int]],
                               labelled: dict[int, ClaimDraft]) -> None:
    """In a transcript, a paragraph with no label between two labelled ones goes on with
    the speaker before it ('PENCE: Well, look, …' ¶ 'But the truth is that I …' ¶
    'WALLACE: …'): the words of the previous label's claim, when it speaks in the first or
    second person and names no other speaker ('…,” Ruiz said'). A stage direction
    ("(CROSSTALK.)") is nobody's words; nothing after the transcript's last label is
    joined, nor anything between labels that stand further apart than a transcript's."""
    text = text_of(doc)
    numbers = sorted(labelled)
    for here, after in zip(numbers, numbers[1:]):
        if after - here - 1 > MAX_UNLABELLED_TRANSCRIPT_PARAGRAPHS:
            continue
        draft = labelled[here]
        for number in range(here + 1, after):
            start, end = paragraphs[number]
            words = text[start:end].strip().strip('"“”').strip()
            if not words or words[0] in "([":
                continue  # a stage direction
            if not any(w.strip(".,;:!?—–-\"“”‘’'").lower() in _SPEAKING_WORDS
                       for w in words.split()) or _names_a_speaker(doc, start, end):
                break
            parts = clean_parts(doc, [(start, end)], min_chars=2)
            if not parts:
                break
            draft.content = draft.content + parts
            draft.why += "; the transcript's next paragraph goes on with the same speaker"


def _names_a_speaker(doc: Doc, start: int, end: int) -> bool:
    """Whether a paragraph has a cue verb of its own with a named subject ("Ruiz said")."""
    span = doc.char_span(start, end, alignment_mode="contract")
    verbs = cue_verbs()
    return span is not None and any(
        t.lemma_.lower() in verbs and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN"
                                          for c in t.children) for t in span)
