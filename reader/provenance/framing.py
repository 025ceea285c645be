"""The writer's own framing: loaded words, distancing verbs, scare quotes, insinuation,
doubt and exaggeration.

A lexicon hit is only a candidate. It becomes a framing span when it stands in the
writer's voice (outside every quote and reported claim, outside captions and credits, not
part of a name, not in what a sentence reports somebody else called or said) and its part
of speech fits: "Hawk" the surname is not "a China hawk". Beside the project's own lists,
a small learned tagger (framing_tagger.py, trained on PTC) scores every content word by
its licensed-lexicon evidence, its word vector and its context: over its threshold a word
is a loaded word, name calling (a noun) or exaggeration (a superlative or absolute, with a
margin). Doubt and exaggeration phrases and sentence rules are in framing_patterns.py. Scare quotes need
a marker of doubt before them ("so-called") or a noun for people inside ("his “trusted
counselor”"): on PTC, quotation marks around other words were rarely the writer's doubt.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from reader.provenance import lexicons
from reader.provenance.drafts import ClaimDraft, text_of
from reader.provenance.framing_patterns import PatternFinder
from reader.provenance.framing_tagger import FramingTagger, candidate_words, is_candidate
from reader.provenance.quotes import QuotePiece
from reader.provenance.title_case import parse_alone, sentence_case


@dataclass
class FramingHit:
    start: int
    end: int
    label: str
    why: str
    confidence: float


# A superlative or absolute needs this much more than the tagger's threshold: "a huge
# bill", "the biggest cost", "massive repairs" are mostly plain size (on PTC's tuning half,
# single words under threshold + 0.2 were exaggeration 1 time in 8).
_EXAGGERATION_MARGIN = 0.2
# Words before a quotation that mark it as the writer's doubt ("the so-called “reform”").
_DOUBT_BEFORE_QUOTE = {"so-called", "supposed", "supposedly", "self-styled", "self-described",
                       "alleged", "purported", "would-be", "ostensible", "ostensibly"}
_SCARE_QUOTE_MAX_WORDS = 4
# Subjects that are people, and the prepositions that bring the cause of a feeling ("glad
# of", "pleased with"), for a feeling said of them.
_PERSONAL_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they", "who", "everyone",
                                "everybody", "nobody", "somebody", "someone"})
_CAUSE_PREPS = frozenset({"of", "with", "about", "by", "for", "over"})


class FramingFinder:
    """Holds the compiled phrase matchers for one vocabulary."""

    def __init__(self, nlp):
        self.labels = lexicons.load_labelled("loaded_labels")
        self.distancing = lexicons.load_labelled("distancing_verbs")
        self.intensifiers = lexicons.load("intensifiers")
        self.absolutes = lexicons.load("absolutes")
        self.people = lexicons.load("people_nouns") | lexicons.load("role_nouns")
        self.animate = self.people | lexicons.load("group_nouns")
        self.patterns = PatternFinder(nlp)
        self.nlp = nlp  # parses a headline in title case again, in sentence case
        meta = getattr(nlp, "meta", {})
        self.tagger = FramingTagger.shipped(f"{meta.get('lang', 'en')}_{meta.get('name', '')}")
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        insinuation = sorted(lexicons.load("insinuation_phrases"))
        multiword = [p for p in self.labels if " " in p or "-" in p]
        # Patterns are tokenised like running text so that "so-called" splits the same way.
        self.phrases.add("insinuation", [nlp.make_doc(p) for p in insinuation])
        self.phrases.add("label", [nlp.make_doc(p) for p in multiword])

    def find(self, doc: Doc, attributed: list[tuple[int, int]], excluded: list[tuple[int, int]],
             claims: list[ClaimDraft], scare_quotes: list[list[QuotePiece]],
             heading: bool = False) -> list[FramingHit]:
        """Every framing hit in `doc`; `heading`: the whole doc is one heading (a headline
        parsed alone)."""
        hits: list[FramingHit] = []
        free, own_words = _voice_checks(doc, attributed, excluded, scare_quotes)
        for match_id, start, end in self.phrases(doc):
            span = doc[start:end]
            if not own_words(span.start_char, span.end_char):
                continue
            kind = doc.vocab.strings[match_id]
            if _names_something(span) or _reported(span[0]):
                continue
            if kind == "insinuation":
                hits.append(FramingHit(span.start_char, span.end_char, "insinuation",
                                       f"hedge or insinuation '{span.text}' in the writer's voice",
                                       0.6))
            else:
                label = self.labels.get(span.text.lower(), "loaded-label")
                hits.append(FramingHit(span.start_char, span.end_char, label,
                                       f"lexicon: {label.replace('-', ' ')} '{span.text}'", 0.7))
        headings = [(0, len(text_of(doc)))] if heading else _headings(doc)
        for token, question in _writer_tokens(doc, own_words, headings):
            hit = self._token_hit(token) or self._tagger_hit(token, question)
            if hit is not None:
                hits.append(hit)
        for start, end, label, why in self.patterns.find(doc, headings):
            span = doc.char_span(start, end, alignment_mode="expand")
            if (span is None or not own_words(start, end) or _reported(span[0])
                    or _in_name(span[0]) or _names_something(span)):
                continue
            hits.append(FramingHit(start, end, label, why, 0.6))
        for claim in claims:
            if claim.cue is None:
                continue
            cue_tokens = doc.char_span(*claim.cue, alignment_mode="expand")
            if cue_tokens is None or not free(*claim.cue):
                continue
            for token in cue_tokens:
                label = self.distancing.get(token.lemma_.lower())
                if label and token.pos_ == "VERB" and _reports_words(token):
                    hits.append(FramingHit(token.idx, token.idx + len(token), label,
                                           f"lexicon: {label.replace('-', ' ')} '{token.text}' "
                                           "chosen by the writer to report the claim", 0.75))
        for group in scare_quotes:
            first, last = group[0], group[-1]
            # Titles ("Sunday Morning Futures") and markup values never get here: the quote
            # pairing and quote_claims already set them aside.
            if not free(first.start, last.end):
                continue
            doubt = _doubt_marked(doc, first.start)
            if not doubt and (_named_or_owned(doc, first.start)
                              or not self._people_quote(doc, first.start, last.end)):
                continue
            hits.append(FramingHit(first.start, last.end, "scare-quote",
                                   "scare quote: quotation marks with no speaker within the sentence",
                                   0.65))
        headline = self._title_case_headline(doc, attributed, excluded, scare_quotes)
        if headline is not None:
            (start, end), found = headline
            hits = [h for h in hits if not start <= h.start < end
                    or h.label in _CLAIM_AND_QUOTE_LABELS] + found
        return _dedupe(_join_adjacent(hits, text_of(doc)))

    def _title_case_headline(self, doc: Doc, attributed: list[tuple[int, int]],
                             excluded: list[tuple[int, int]],
                             scare_quotes: list[list[QuotePiece]]
                             ) -> tuple[tuple[int, int], list[FramingHit]] | None:
        """The headline's range and the word-level framing in it, when it is written in
        title case: read again in sentence case (title_case.py), where the parser no longer
        takes every capitalised word for a name ("Desperate Mayor Pushes Old Claim")."""
        headline = _headline(doc)
        if headline is None or not doc.has_annotation("DEP"):
            return None
        start, end = headline
        text = text_of(doc)
        rewritten = sentence_case(text[start:end], text[end:])
        if rewritten is None:
            return None

        def inside(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
            return [(max(s, start) - start, min(e, end) - start) for s, e in ranges
                    if s < end and start < e]

        quoted = [(group[0].start, group[-1].end) for group in scare_quotes]
        alone = parse_alone(self.nlp, rewritten)
        found = self.find(alone, inside(attributed), inside(excluded + quoted), [], [],
                          heading=True)
        return headline, [FramingHit(h.start + start, h.end + start, h.label,
                                     h.why + " (the headline read in sentence case)",
                                     h.confidence) for h in found]

    def tagger_tokens(self, doc: Doc, attributed: list[tuple[int, int]],
                      excluded: list[tuple[int, int]], scare_quotes: list[list[QuotePiece]]
                      ) -> list[tuple[Token, bool]]:
        """The words `find` asks the learned tagger about, each with whether its sentence
        is a question: content words in the writer's voice that no word list labels. The
        training script takes its examples from here, so that it learns from the words
        the tagger is asked about at run time."""
        _, own_words = _voice_checks(doc, attributed, excluded, scare_quotes)
        return [(token, question)
                for token, question in _writer_tokens(doc, own_words, _headings(doc))
                if self._token_hit(token) is None and is_candidate(token)]

    def _people_quote(self, doc: Doc, start: int, end: int) -> bool:
        """Whether quotation marks with no speaker hold a few words, not capitalised,
        ending in a noun for people: the writer doubts that the name fits (his “trusted
        counselor”, the “experts”), not a title, a term or a list item ("sold “fresh
        bread” and “cakes”"). On PTC's tuning half such quotations were framing 5 times in
        6; quotations with a loaded word inside 1 in 6."""
        span = doc.char_span(start, end, alignment_mode="expand")
        words = [t for t in span if t.is_alpha] if span is not None else []
        if not words or len(words) > _SCARE_QUOTE_MAX_WORDS or words[0].is_title:
            return False
        head = words[-1]
        return head.pos_ == "NOUN" and (head.lower_ in self.people
                                        or head.lemma_.lower() in self.people)

    def _tagger_hit(self, token: Token, question: bool) -> FramingHit | None:
        """A loaded word the learned tagger scores over its threshold."""
        probability = self.tagger.score(token, question)
        if probability is None or probability < self.tagger.threshold:
            return None
        if self._glad_of(token):
            return None
        if _names_a_kind(token):
            return None
        if token.pos_ == "ADV" and token.dep_ == "advmod" and token.head.lemma_ == "take":
            return None  # "take the matter seriously": how somebody regards a thing
        if token.tag_ in ("JJS", "RBS") or token.lemma_.lower() in self.absolutes:
            if probability < self.tagger.threshold + _EXAGGERATION_MARGIN:
                return None  # "the worst storm" is often plain fact
            if _bounded(token):
                return None  # "the worst storm in fifty years": a measured comparison
            label, what = "exaggeration", "superlative or absolute"
        elif token.pos_ == "NOUN" and token.dep_ != "compound":
            label, what = "name-calling", "loaded noun"  # "a smear", "thugs"
        else:  # also a noun that modifies another and names nobody ("a smear campaign")
            label, what = "loaded-word", "loaded word"
        return FramingHit(token.idx, token.idx + len(token), label,
                          f"{what} '{token.text}' in the writer's voice (learned tagger, "
                          f"p={probability:.2f})", round(probability, 3))

    def _glad_of(self, token: Token) -> bool:
        """A feeling of positive valence that people have about something ("Residents are
        glad of the shorter trips", "we were pleased with the result", "the riders were amazed
        that the ferry came early"): their own feeling and its cause, reported, not the writer's loaded
        word. Praise said of them ("the mayor is brilliant") takes no such complement and
        stays the writer's. On PTC one hit changes (check half, a false alarm)."""
        if token.pos_ != "ADJ" or token.dep_ != "acomp":
            return False
        if candidate_words().get(token.lemma_.lower(), 0.0) <= 0:
            return False
        if not any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in _CAUSE_PREPS)
                   for c in token.children):
            return False
        subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
        return subject is not None and (
            subject.lower_ in _PERSONAL_SUBJECTS or subject.ent_type_ in ("PERSON", "NORP", "ORG")
            or subject.lower_ in self.animate or subject.lemma_.lower() in self.animate)

    def _token_hit(self, token: Token) -> FramingHit | None:
        lower, lemma = token.lower_, token.lemma_.lower()
        if lemma == "regime" and _neutral_regime(token):
            return None
        if token.pos_ in ("NOUN", "ADJ") and (lower in self.labels or lemma in self.labels):
            label = self.labels.get(lower) or self.labels[lemma]
            start, end = _label_phrase(token)
            text = text_of(token.doc)[start:end]
            return FramingHit(start, end, label, f"lexicon: {label.replace('-', ' ')} "
                              f"'{text}' in the writer's voice", 0.7)
        if lower in self.intensifiers and token.dep_ == "advmod":
            if lower == "even" and token.head.pos_ not in ("VERB", "AUX"):
                return None
            nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if lower == "even" and nxt is not None and nxt.pos_ in ("SCONJ", "ADP"):
                return None  # "even as", "even though", "even if": a conjunction, not emphasis
            if lower != "even" and token.head.pos_ not in ("ADJ", "VERB", "ADV"):
                return None
            end_token = token.head if token.head.i > token.i else token
            return FramingHit(token.idx, end_token.idx + len(end_token), "intensifier",
                              f"intensifier '{token.text}' heightens the writer's description",
                              0.55)
        return None


def _voice_checks(doc: Doc, attributed: list[tuple[int, int]], excluded: list[tuple[int, int]],
                  scare_quotes: list[list[QuotePiece]]):
    """Two tests of a character range: `free` (outside every quote and claim, every
    non-article block and every repeated sentence) and `own_words` (free and outside
    every speakerless quotation)."""
    blocked = sorted(attributed + excluded + _repeated_sentences(doc))
    # Asked for every token: the ranges sorted by start, with the furthest end reached
    # so far, answer "does [start, end) overlap any of them?" by bisection.
    blocked_starts = [s for s, _ in blocked]
    furthest_end = list(accumulate((e for _, e in blocked), max))

    def free(start: int, end: int) -> bool:
        before = bisect_left(blocked_starts, end)  # ranges that start before `end`
        return before == 0 or furthest_end[before - 1] <= start

    # Words inside quotation marks with no speaker are somebody's, or the writer's
    # doubt about them (a scare quote), never the writer's own loaded word (on PTC's
    # tuning half such words were framing 2 times in 6).
    quoted = [(group[0].start, group[-1].end) for group in scare_quotes]

    def own_words(start: int, end: int) -> bool:
        return free(start, end) and not any(s < end and start < e for s, e in quoted)

    return free, own_words


def _headings(doc: Doc) -> list[tuple[int, int]]:
    """The character ranges the document layer marked as headings (none for a bare text
    without blocks)."""
    if not Doc.has_extension("provenance_blocks"):
        return []
    blocks = doc._.provenance_blocks or []
    return [(_field(b, "start"), _field(b, "end")) for b in blocks
            if _field(b, "kind") == "heading"]


def _headline(doc: Doc) -> tuple[int, int] | None:
    """The headline: the first block, when the document layer marks it a heading."""
    if not Doc.has_extension("provenance_blocks") or not doc._.provenance_blocks:
        return None
    first = doc._.provenance_blocks[0]
    if _field(first, "kind") != "heading":
        return None
    return _field(first, "start"), _field(first, "end")


# Hits that stand on a claim's cue or a quotation, which the headline read alone lacks.
_CLAIM_AND_QUOTE_LABELS = frozenset({"distancing-verb", "evaluative-verb", "scare-quote"})


def _field(item, name: str):
    return item[name] if isinstance(item, dict) else getattr(item, name)


def _writer_tokens(doc: Doc, own_words, headings: Sequence[tuple[int, int]] = ()
                   ) -> Iterator[tuple[Token, bool]]:
    """Tokens in the writer's own words, each with whether its sentence is a question
    in the running text: not in a name, not in what a sentence reports somebody else
    called or said. A question that is a heading ("How big an impact have the tariffs
    had?" over an explainer's section) asks what the section answers, no rhetorical
    question: the tagger weighs its words as those of a statement."""
    for sentence in doc.sents:
        question = sentence.text.rstrip().endswith("?") and not any(
            s <= sentence.start_char < e for s, e in headings)
        for token in sentence:
            if not own_words(token.idx, token.idx + len(token)) or _in_name(token):
                continue
            if _reported(token):
                continue  # "called them radical": somebody's words, retold
            yield token, question


# Shorter sentences may repeat on purpose ("Why?"); longer ones repeated word for word
# within a few sentences are page furniture the loader kept (a poll, a share prompt).
_REPEATED_MIN_CHARS = 20
_REPEATED_WITHIN = 3


def _repeated_sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentences that stand word for word again within the next few sentences: a site's
    poll or share prompt repeated between paragraphs ("Whom do you consider to be the most
    corrupt ...? take our poll"), not the writer's framing of this story (on PTC's tuning
    half, 21 framing hits in such sentences, none right)."""
    sentences = [(s.text.strip(), s.start_char, s.end_char) for s in doc.sents]
    out = []
    for i, (text, start, end) in enumerate(sentences):
        if len(text) <= _REPEATED_MIN_CHARS:
            continue
        near = sentences[max(0, i - _REPEATED_WITHIN):i] + sentences[i + 1:i + 1 + _REPEATED_WITHIN]
        if any(other == text for other, _, _ in near):
            out.append((start, end))
    return out


def _reports_words(verb: Token) -> bool:
    """Whether a verb of the distancing list reports what somebody said or holds ("she
    claimed that ...", "he admitted it.", "claimed to have been a member"), not a thing
    done to its object ("the Home Office admitted two preachers into the country", "the
    outbreak has claimed 165 lives") or a participle on a noun ("investigating alleged
    collusion", the plain legal caution): a clause after it, or no noun as its object. On
    PTC's tuning half the verbs left out here were never framing (0 of 11)."""
    if verb.dep_ == "amod":
        return False
    children = list(verb.children)
    if any(c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") for c in children):
        return True
    return not any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM") for c in children)


def _label_phrase(token: Token) -> tuple[int, int]:
    """A loaded noun with a one-word compound ("China hawk"); an adjective alone. A name
    of several words stays whole outside the span ("New York elites": "elites")."""
    start = token
    if token.pos_ == "NOUN":
        for child in token.lefts:
            if child.dep_ == "compound" and child.i < start.i and child.n_lefts == 0:
                start = child
    return start.idx, token.idx + len(token)


_PERIOD_WORDS = frozenset({"in", "since", "for", "over", "this", "of"})


def _bounded(token: Token) -> bool:
    """A superlative bounded by a stated period: "the worst storm in fifty years", "the
    highest since 1990": a measured comparison, where "ever" or "in history" make it total
    (framing_patterns)."""
    after = token.doc[token.i + 1:min(token.sent.end, token.i + 7)]
    seen_period_word = False
    for word in after:
        if word.lower_ in _PERIOD_WORDS:
            seen_period_word = True
        elif seen_period_word and (word.ent_type_ == "DATE" or word.like_num):
            return True
    return False


def _in_name(token: Token) -> bool:
    """Part of a name: "Secret" in "ex-Secret Service agent", "Radical" in a party's name."""
    if token.pos_ == "PROPN":
        return True
    if token.ent_type_ and token.ent_type_ not in ("NORP", "DATE", "CARDINAL", "ORDINAL"):
        return True
    return token.is_title and not token.is_sent_start and token.i > 0 and any(
        n.pos_ == "PROPN" for n in (token.nbor(-1), _next(token)) if n is not None)


def _doubt_marked(doc: Doc, start: int) -> bool:
    """A marker of doubt just before a quotation: the so-called “reform”."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    before = [t for t in doc[max(span.sent.start, span.start - 4):span.start]
              if not t.is_punct or t.text == "-"]
    text = "".join(t.text_with_ws for t in before).lower().replace(" ", "")
    return any(text.endswith(marker.replace(" ", "")) for marker in _DOUBT_BEFORE_QUOTE)


def _next(token: Token) -> Token | None:
    return token.nbor(1) if token.i + 1 < len(token.doc) else None


def _names_something(span) -> bool:
    """"so-called" introducing a name ("the so-called Islamic State", "the so-called “War
    Logs”")."""
    if span.text.lower() != "so-called":
        return False
    after = _next(span[-1])
    while after is not None and after.is_quote:
        after = _next(after)
    return after is not None and (after.pos_ == "PROPN" or after.is_title)


_REGIME_KINDS = {"sanction", "tax", "trade", "visa", "tariff", "regulatory", "legal",
                 "training", "inspection", "exchange", "currency", "pension", "treatment",
                 "drug", "dosing", "fitness", "diet", "export", "import", "customs", "safety",
                 "monitoring", "verification", "rate", "price", "fiscal", "monetary", "climate"}


def _neutral_regime(token: Token) -> bool:
    """"regime" as a plain name for a system or a government: "the sanctions regime", "a
    new tax regime", "the Iranian regime", "Assad's regime". Alone ("the regime met") the
    writer picked the word."""
    return any(c.dep_ in ("compound", "amod", "nmod", "poss") and (
        c.lemma_.lower() in _REGIME_KINDS or c.lower_ in _REGIME_KINDS or c.pos_ == "PROPN"
        or c.ent_type_ in ("NORP", "GPE", "PERSON")) for c in token.lefts)


# Words that before another noun name a kind the law or officials use: "a terror attack",
# "a terrorist group", "a hate crime", "disaster relief".
_KIND_MODIFIERS = frozenset({"terror", "terrorist", "hate", "disaster"})


def _names_a_kind(token: Token) -> bool:
    """"terrorist" in "a terrorist cell", "hate" in "the hate crime law": the name
    of a kind, not the writer's loaded word (on PTC's tuning half such modifiers were
    framing 0 times in 11). Alone ("the terrorists", "their hate") the writer chose it."""
    return (token.lemma_.lower() in _KIND_MODIFIERS and token.dep_ in ("amod", "compound")
            and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i)


_NAMING_VERBS = lexicons.words("naming_verbs")
# Verbs of saying whose object is the subject's words (not "continue", "note", "read").
_SAYING_VERBS = frozenset({"say", "tell", "write", "tweet", "warn", "argue", "claim", "insist",
                           "declare", "state", "complain", "allege"})


def _reported(token: Token) -> bool:
    """Whether `token` stands in what somebody else said or called somebody ("Trump called
    them radical", "she said the plan was a disaster"), though the attribution rules made
    no claim of it: the object or complement of a naming or saying verb whose subject is
    not the writer. Words in that verb's subject ("Rubio, a China hawk, is calling for
    ...") are the writer's."""
    child = token
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            if child.dep_ in ("nsubj", "nsubjpass", "csubj", "appos", "prep"):
                return False
            lemma = ancestor.lemma_.lower()
            if lemma in _NAMING_VERBS or lemma in _SAYING_VERBS:
                subject = next((c for c in ancestor.children
                                if c.dep_ in ("nsubj", "nsubjpass")), None)
                return subject is not None and subject.lower_ not in ("we", "i")
            if child.dep_ not in ("ccomp", "xcomp", "conj"):
                return False
        child = ancestor
    return False


# Words before a quotation that make it a name or label ("a box labeled “medical
# problem”", "the documentary “13th”") or somebody's words ("Trump's claim that …").
_NAMING_LEMMAS = lexicons.words("labelling_words")
_WORK_NOUNS = lexicons.words("work_nouns")
_CLAIM_NOUNS = lexicons.words("claim_nouns")


def _named_or_owned(doc: Doc, start: int) -> bool:
    """Whether a quotation with no speaker is a name, a title or a known speaker's words,
    which a teacher could not defend as the writer's scare quote."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    before = [t for t in doc[span.sent.start:span[0].i] if not t.is_punct and not t.is_space]
    window = before[-4:]
    content = [t for t in window if t.pos_ != "DET"]
    if content and content[-1].lower_ == "as" and any(
            t.dep_ == "nsubj" and t.pos_ in ("PROPN", "PRON") for t in before):
        return True  # "pounding Trump as a “con artist”": the subject's own words
    if any(t.lemma_.lower() in _NAMING_LEMMAS | _WORK_NOUNS for t in window):
        return True
    for token in before:
        if token.lemma_.lower() in _CLAIM_NOUNS and any(c.dep_ == "poss" for c in token.children):
            return True  # "Trump's claim that there were …"
    return False


_TAGGER_LABELS = ("loaded-word", "name-calling", "exaggeration")


def _join_adjacent(hits: list[FramingHit], text: str) -> list[FramingHit]:
    """Loaded words side by side, separated by a space only, as one span ("a ridiculous
    debate", "rapacious establishment"), with the first one's label and why."""
    hits = sorted(hits, key=lambda h: (h.start, h.end))
    out: list[FramingHit] = []
    for hit in hits:
        last = out[-1] if out else None
        if (last is not None and last.label in _TAGGER_LABELS and hit.label in _TAGGER_LABELS
                and last.end < hit.start and not text[last.end:hit.start].strip()
                and "\n" not in text[last.end:hit.start]):
            out[-1] = FramingHit(last.start, hit.end, last.label, last.why,
                                 max(last.confidence, hit.confidence))
            continue
        out.append(hit)
    return out


def _dedupe(hits: list[FramingHit]) -> list[FramingHit]:
    """Overlapping hits: the longest from each start; on the same words a rule's label
    ("evaluative-verb" on the cue "slammed") before the tagger's."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), h.label in _TAGGER_LABELS))
    out: list[FramingHit] = []
    for hit in hits:
        if out and hit.start < out[-1].end:
            continue
        out.append(hit)
    return out
