"""A headline that states as fact what the body only attributes.

"Pentagon hid calls from the White House" over a body where only "a new book alleges" it
is the writer's framing: the reader who skims the headline takes a claim for a fact. The
check compares the headline's content words with each allegation of the body: a claim
passed on as hearsay ("reportedly"), "according to" a source, or with a cue that alleges
("alleges", "claimed", "accused", "the allegation that"). A headline over a plain report
("Ebola outbreak declared in …" over "officials said …") is how news headlines are
written: on PTC's tuning half such headlines were framing once in 13, so they are left
alone.
"""

from __future__ import annotations

from spacy.tokens import Doc

from reader.provenance import lexicons
from reader.provenance.drafts import ClaimDraft
from reader.provenance.framing import FramingHit
from reader.vocabulary import RuleName

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
# Share of the headline's content words that must recur in one attributed claim.
MIN_SHARED = 0.6
MIN_HEADLINE_WORDS = 3
# Cue words that allege rather than report (beside allegation_nouns and hearsay_markers).
_ALLEGING_VERBS = frozenset({"allege", "claim", "contend", "purport", "accuse", "charge",
                             "assert", "insist"})
_ALLEGING_RULES = frozenset({RuleName.HEARSAY, RuleName.ACCORDING_TO})


def _alleges(doc: Doc, claim: ClaimDraft) -> bool:
    """Whether the body only alleges `claim`: hearsay, "according to", or a cue word
    that alleges ("alleged", "claims", "accused", "the allegation")."""
    if claim.rule in _ALLEGING_RULES:
        return True
    if claim.cue is None:
        return False
    cue = doc.char_span(*claim.cue, alignment_mode="expand")
    if cue is None:
        return False
    nouns, markers = lexicons.load("allegation_nouns"), lexicons.load("hearsay_markers")
    return any(t.lemma_.lower() in _ALLEGING_VERBS or t.lower_ in markers
               or (t.pos_ == "NOUN" and t.lemma_.lower() in nouns) for t in cue)


def _content_lemmas(tokens) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.pos_ in _CONTENT_POS and not t.is_stop
            and t.is_alpha}


def headline_assertion(doc: Doc, headline: tuple[int, int] | None,
                       claims: list[ClaimDraft], describe) -> FramingHit | None:
    """A framing hit over the headline when it asserts, without attribution, the content of
    one of the body's allegations. `describe(claim)` names the claim's source for the why."""
    if headline is None:
        return None
    start, end = headline
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(c.overlaps(start, end) for c in claims):
        return None  # the headline attributes ("Pentagon confirms …") or quotes
    text = span.text
    if "?" in text or any(mark in text for mark in "\"“”‘’'«»:"):
        return None  # a question or a quoted headline does not assert
    if span[0].tag_ == "VB":
        return None  # an imperative ("Keep the returns") urges, it does not assert
    words = _content_lemmas(span)
    if len(words) < MIN_HEADLINE_WORDS:
        return None
    best, best_share = None, 0.0
    for claim in claims:
        if claim.start < end or not _alleges(doc, claim):
            continue
        body = set()
        for s, e in claim.content:
            part = doc.char_span(s, e, alignment_mode="expand")
            if part is not None:
                body |= _content_lemmas(part)
        share = len(words & body) / len(words)
        if share > best_share:
            best, best_share = claim, share
    if best is None or best_share < MIN_SHARED:
        return None
    return FramingHit(span.start_char, span.end_char, "headline-assertion",
                      f"the headline states as fact what the body attributes to "
                      f"{describe(best)}", round(0.5 + 0.4 * best_share, 2))
