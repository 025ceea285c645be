"""A headline that states as fact what the body only attributes.

"Pentagon hid calls from the White House" over a body where only "a new book alleges" it
is the writer's framing: the reader who skims the headline takes a claim for a fact. The
check compares the headline's content words with each attributed claim of the body.
"""

from __future__ import annotations

from spacy.tokens import Doc

from reader.provenance.drafts import ClaimDraft
from reader.provenance.framing import FramingHit

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
# Share of the headline's content words that must recur in one attributed claim.
MIN_SHARED = 0.6
MIN_HEADLINE_WORDS = 3


def _content_lemmas(tokens) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.pos_ in _CONTENT_POS and not t.is_stop
            and t.is_alpha}


def headline_assertion(doc: Doc, headline: tuple[int, int] | None,
                       claims: list[ClaimDraft], describe) -> FramingHit | None:
    """A framing hit over the headline when it asserts, without attribution, the content of
    one of the body's claims. `describe(claim)` names the claim's source for the why."""
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
        if claim.start < end:
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
