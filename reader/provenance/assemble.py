"""Turning claim drafts, sources and framing hits into the `Analysis` of docs/design.md §3
(stages 3 and 6 of docs/design.md §4)."""

from __future__ import annotations

from spacy.tokens import Doc

from reader.provenance.drafts import ClaimDraft, text_of
from reader.provenance.framing import FramingHit
from reader.provenance.model import Analysis, Claim, Source, VoiceSpan
from reader.provenance.quotes import QuotePiece
from reader.vocabulary import QUOTE_LABELS, ClaimKind, Kind, SpanLabel, framing_label, rule

# Parts of speech that say nothing of their own: a run of the content made of these alone
# ("that" and "a" of "a decision that critics called a “slow-motion demolition”", "and"
# between two quotations) is not coloured as paraphrase beside a claim's quotation, where it
# would stand as a stray fragment of somebody's words. The claim's content keeps it.
_GLUE_POS = frozenset({"ADP", "CCONJ", "DET", "PART", "PRON", "PUNCT", "SCONJ", "SPACE"})


def _overlap(a: ClaimDraft, b: ClaimDraft) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a.content for s2, e2 in b.content)


def select(drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """Keep one reading of each stretch of text: each word belongs to at most one claim."""
    # An outer reading beats the readings nested in it ("X allegedly spoke to Y, in calls
    # where he reassured him …" is one allegation), so containment comes before the rule.
    # Each draft's (start, end) read once: both are computed from its content on each read.
    extents = [(d.start, d.end) for d in drafts]
    nested = {id(d): any(o is not d and s <= start and end <= e and (s, e) != (start, end)
                         for o, (s, e) in zip(drafts, extents))
              for d, (start, end) in zip(drafts, extents)}
    # Which rule wins when two drafts claim the same words: reader.vocabulary.RULES ranks them.
    ranked = sorted(drafts, key=lambda d: (nested[id(d)], rule(d.rule).rank,
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
    spans: list[VoiceSpan] = []
    by_source = {s.id: s for s in sources}
    for n, (draft, source_id) in enumerate(zip(drafts, source_ids), 1):
        claim_id = f"c{n}"
        quoted = _quoted_ranges(draft, pieces)
        claim_spans = _without_glue(doc, _split(text_of(doc), draft, quoted))
        kinds = {kind for kind, _, _ in claim_spans}
        kind = ClaimKind.MIXED if len(kinds) > 1 else \
            ClaimKind(kinds.pop() if kinds else Kind.PARAPHRASE)
        claims.append(Claim(id=claim_id, source=source_id, source_span=draft.source_span,
                            cue_span=draft.cue, content=list(draft.content), kind=kind))
        for span_kind, start, end in claim_spans:
            label = draft.label if span_kind == Kind.PARAPHRASE or draft.label in (
                SpanLabel.DIRECT_QUOTE, SpanLabel.BLOCK_QUOTE) else SpanLabel.PARTIAL_QUOTE
            if span_kind == Kind.QUOTE and label not in QUOTE_LABELS:
                label = SpanLabel.PARTIAL_QUOTE
            spans.append(VoiceSpan(id="", kind=span_kind, start=start, end=end, claim=claim_id,
                              label=label, why=draft.why, confidence=draft.confidence))
        if source_id is not None:
            by_source[source_id].claims.append(claim_id)
    for hit in framing:
        framing_label(hit.label)  # a label the vocabulary does not explain fails here
        spans.append(VoiceSpan(id="", kind=Kind.FRAMING, start=hit.start, end=hit.end, claim=None,
                          label=hit.label, why=hit.why, confidence=hit.confidence))
    spans.sort(key=lambda s: (s.start, s.end))
    for n, span in enumerate(spans, 1):
        span.id = f"s{n}"
    # A source with no claim left (its only reading lost to a better one) is not listed.
    kept_sources = [s for s in sources if s.claims]
    return Analysis(spans=spans, claims=claims, sources=kept_sources, model=model)


def _quoted_ranges(draft: ClaimDraft, pieces: list[QuotePiece]) -> list[tuple[int, int]]:
    if draft.label == SpanLabel.BLOCK_QUOTE:
        return list(draft.content)
    out = []
    for piece in pieces:
        for s, e in draft.content:
            lo, hi = max(s, piece.start), min(e, piece.end)
            if lo < hi:
                out.append((lo, hi))
    return out


def _without_glue(doc: Doc, runs: list[tuple[Kind, int, int]]) -> list[tuple[Kind, int, int]]:
    """`runs` less the paraphrase runs that hold only glue words (_GLUE_POS), when the claim
    has a quoted run: they carry no one's voice, and coloured they read as a fragment of
    the claim (with no parse, nothing is dropped)."""
    if not any(kind == Kind.QUOTE for kind, _, _ in runs):
        return runs
    return [(kind, a, b) for kind, a, b in runs if kind == Kind.QUOTE or not _glue_only(doc, a, b)]


def _glue_only(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and all(t.pos_ in _GLUE_POS for t in span)


def _split(text: str, draft: ClaimDraft, quoted: list[tuple[int, int]]
           ) -> list[tuple[Kind, int, int]]:
    """The claim's content cut into quote and paraphrase runs; a run of bare punctuation
    between two quotes is neither."""
    out: list[tuple[Kind, int, int]] = []
    for s, e in draft.content:
        pos = s
        for qs, qe in sorted(quoted):
            if qe <= s or qs >= e:
                continue
            if qs > pos:
                out.append((Kind.PARAPHRASE, pos, qs))
            out.append((Kind.QUOTE, max(qs, s), min(qe, e)))
            pos = max(pos, min(qe, e))
        if pos < e:
            out.append((Kind.PARAPHRASE, pos, e))
    return [(kind, a, b) for kind, a, b in out
            if b > a and (kind == Kind.QUOTE or any(ch.isalnum() for ch in text[a:b]))]
