"""Turning claim drafts, sources and framing hits into the `Analysis` of docs/design.md §3 (stage 6 in docs/design.md §4)."""

from __future__ import annotations

from spacy.tokens import Doc

from reader.provenance.drafts import ClaimDraft, text_of
from reader.provenance.framing import FramingHit
from reader.provenance.model import Analysis, Claim, Source, Span
from reader.provenance.quotes import QuotePiece

# Which rule wins when two drafts claim the same words: quotes with a speaker first,
# then clause-level reported speech, then weaker readings.
_RULE_RANK = {
    "block-quote": 0, "quote-cue": 1, "quote-lead-in": 1, "complement": 2, "inverted": 2,
    "parenthetical": 2, "hearsay": 3, "according-to": 3, "speaker-label": 3, "quote-follow-on": 4, "position": 5,
    "object": 6, "noun-cue": 7, "quote-unattributed": 8,
}


def _overlap(a: ClaimDraft, b: ClaimDraft) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a.content for s2, e2 in b.content)


def select(drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """Keep one reading of each stretch of text: each word belongs to at most one claim."""
    # An outer reading beats the readings nested in it ("X allegedly spoke to Y, in calls
    # where he reassured him …" is one allegation), so containment comes before the rule.
    def contained(d: ClaimDraft) -> bool:
        return any(o is not d and o.start <= d.start and d.end <= o.end and
                   (o.start, o.end) != (d.start, d.end) for o in drafts)

    ranked = sorted(drafts, key=lambda d: (contained(d), _RULE_RANK.get(d.rule, 9),
                                           -d.confidence, d.start))
    kept: list[ClaimDraft] = []
    for draft in ranked:
        # A reading that shares words with a stronger one is dropped, whether nested in it
        # (an allegation retold inside a quote) or cutting across it.
        if not any(_overlap(draft, other) for other in kept):
            kept.append(draft)
    return sorted(kept, key=lambda d: d.start)


def build(doc: Doc, drafts: list[ClaimDraft], sources: list[Source], source_ids: list[str | None],
          pieces: list[QuotePiece], framing: list[FramingHit], model: str | None) -> Analysis:
    claims: list[Claim] = []
    spans: list[Span] = []
    by_source = {s.id: s for s in sources}
    for n, (draft, source_id) in enumerate(zip(drafts, source_ids), 1):
        claim_id = f"c{n}"
        quoted = _quoted_ranges(draft, pieces)
        claim_spans = _split(text_of(doc), draft, quoted)
        kinds = {kind for kind, _, _ in claim_spans}
        kind = "mixed" if len(kinds) > 1 else (kinds.pop() if kinds else "paraphrase")
        claims.append(Claim(id=claim_id, source=source_id, source_span=draft.source_span,
                            cue_span=draft.cue, content=list(draft.content), kind=kind))
        for span_kind, start, end in claim_spans:
            label = draft.label if span_kind == "paraphrase" or draft.label in (
                "direct-quote", "block-quote") else "partial-quote"
            if span_kind == "quote" and label not in ("direct-quote", "block-quote", "partial-quote"):
                label = "partial-quote"
            spans.append(Span(id="", kind=span_kind, start=start, end=end, claim=claim_id,
                              label=label, why=draft.why, confidence=draft.confidence))
        if source_id is not None:
            by_source[source_id].claims.append(claim_id)
    for hit in framing:
        spans.append(Span(id="", kind="framing", start=hit.start, end=hit.end, claim=None,
                          label=hit.label, why=hit.why, confidence=hit.confidence))
    spans.sort(key=lambda s: (s.start, s.end))
    for n, span in enumerate(spans, 1):
        span.id = f"s{n}"
    # A source with no claim left (its only reading lost to a better one) is not listed.
    kept_sources = [s for s in sources if s.claims]
    return Analysis(spans=spans, claims=claims, sources=kept_sources, model=model)


def _quoted_ranges(draft: ClaimDraft, pieces: list[QuotePiece]) -> list[tuple[int, int]]:
    if draft.label == "block-quote":
        return list(draft.content)
    out = []
    for piece in pieces:
        for s, e in draft.content:
            lo, hi = max(s, piece.start), min(e, piece.end)
            if lo < hi:
                out.append((lo, hi))
    return out


def _split(text: str, draft: ClaimDraft, quoted: list[tuple[int, int]]
           ) -> list[tuple[str, int, int]]:
    """The claim's content cut into quote and paraphrase runs; a run of bare punctuation
    between two quotes is neither."""
    out: list[tuple[str, int, int]] = []
    for s, e in draft.content:
        pos = s
        for qs, qe in sorted(quoted):
            if qe <= s or qs >= e:
                continue
            if qs > pos:
                out.append(("paraphrase", pos, qs))
            out.append(("quote", max(qs, s), min(qe, e)))
            pos = max(pos, min(qe, e))
        if pos < e:
            out.append(("paraphrase", pos, e))
    return [(kind, a, b) for kind, a, b in out
            if b > a and (kind == "quote" or any(ch.isalnum() for ch in text[a:b]))]
