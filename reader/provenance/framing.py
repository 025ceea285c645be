"""The writer's own framing: loaded words, distancing verbs, scare quotes, insinuation.

A lexicon hit is only a candidate. It becomes a framing span when it stands in the
writer's voice (outside every quote and reported claim, outside captions and credits) and
its part of speech fits: "Hawk" the surname is not "a China hawk".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from reader.provenance import lexicons
from reader.provenance.drafts import ClaimDraft, text_of
from reader.provenance.quotes import QuotePiece



@dataclass
class FramingHit:
    start: int
    end: int
    label: str
    why: str
    confidence: float


class FramingFinder:
    """Holds the compiled phrase matchers for one vocabulary."""

    def __init__(self, nlp):
        self.labels = lexicons.load_labelled("loaded_labels")
        self.distancing = lexicons.load_labelled("distancing_verbs")
        self.intensifiers = lexicons.load("intensifiers")
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        insinuation = sorted(lexicons.load("insinuation_phrases"))
        multiword = [p for p in self.labels if " " in p or "-" in p]
        # Patterns are tokenised like running text so that "so-called" splits the same way.
        self.phrases.add("insinuation", [nlp.make_doc(p) for p in insinuation])
        self.phrases.add("label", [nlp.make_doc(p) for p in multiword])

    def find(self, doc: Doc, attributed: list[tuple[int, int]], excluded: list[tuple[int, int]],
             claims: list[ClaimDraft], scare_quotes: list[list[QuotePiece]]) -> list[FramingHit]:
        hits: list[FramingHit] = []
        blocked = sorted(attributed + excluded)

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e in blocked)

        for match_id, start, end in self.phrases(doc):
            span = doc[start:end]
            if not free(span.start_char, span.end_char):
                continue
            kind = doc.vocab.strings[match_id]
            if kind == "insinuation":
                hits.append(FramingHit(span.start_char, span.end_char, "insinuation",
                                       f"hedge or insinuation '{span.text}' in the writer's voice",
                                       0.6))
            else:
                label = self.labels.get(span.text.lower(), "loaded-label")
                hits.append(FramingHit(span.start_char, span.end_char, label,
                                       f"lexicon: {label.replace('-', ' ')} '{span.text}'", 0.7))
        for token in doc:
            if not free(token.idx, token.idx + len(token)):
                continue
            hit = self._token_hit(token)
            if hit is not None:
                hits.append(hit)
        for claim in claims:
            if claim.cue is None:
                continue
            cue_tokens = doc.char_span(*claim.cue, alignment_mode="expand")
            if cue_tokens is None or not free(*claim.cue):
                continue
            for token in cue_tokens:
                label = self.distancing.get(token.lemma_.lower())
                if label and token.pos_ == "VERB":
                    hits.append(FramingHit(token.idx, token.idx + len(token), label,
                                           f"lexicon: {label.replace('-', ' ')} '{token.text}' "
                                           "chosen by the writer to report the claim", 0.75))
        for group in scare_quotes:
            first, last = group[0], group[-1]
            # Titles ("Sunday Morning Futures") and markup values never get here: the quote
            # pairing and quote_claims already set them aside.
            if not free(first.start, last.end) or _named_or_owned(doc, first.start):
                continue
            hits.append(FramingHit(first.start, last.end, "scare-quote",
                                   "scare quote: quotation marks with no speaker within the sentence",
                                   0.65))
        return _dedupe(hits)

    def _token_hit(self, token: Token) -> FramingHit | None:
        lower, lemma = token.lower_, token.lemma_.lower()
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


def _label_phrase(token: Token) -> tuple[int, int]:
    """A loaded noun with its compounds ("China hawk"); an adjective alone."""
    start = token
    if token.pos_ == "NOUN":
        for child in token.lefts:
            if child.dep_ in ("compound",) and child.i < start.i:
                start = child
    return start.idx, token.idx + len(token)


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


def _dedupe(hits: list[FramingHit]) -> list[FramingHit]:
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[FramingHit] = []
    for hit in hits:
        if out and hit.start < out[-1].end:
            continue
        out.append(hit)
    return out
