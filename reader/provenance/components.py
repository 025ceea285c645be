"""spaCy pipeline components: usable in anyone's English pipeline.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("provenance_paragraphs", before="parser")
    nlp.add_pipe("provenance_quotes")
    nlp.add_pipe("provenance_attribution")
    doc = nlp(text)
    doc._.provenance            # the Analysis (spans, claims, sources)
    doc.spans["provenance"]     # every span, labelled quote / paraphrase / framing

`provenance_attribution` finds quotes itself when `provenance_quotes` is not in the
pipeline, and reads block structure from `doc._.provenance_blocks` when the caller set it
(a list of reader.document.Block); otherwise paragraphs come from blank lines.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from reader.document.model import NON_ARTICLE_KINDS
from reader.provenance import assemble, cues, speakers
from reader.provenance.framing import FramingFinder
from reader.provenance.headline import headline_assertion
from reader.provenance.drafts import text_of
from reader.provenance.model import Analysis
from reader.provenance.quotes import find_quotes, paragraph_ranges
from reader.provenance.sources import resolve_sources
from reader.vocabulary import Kind

SPAN_GROUP = "provenance"
QUOTE_GROUP = "provenance_quotes"

for _name in ("provenance", "provenance_blocks", "provenance_quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Span.has_extension("provenance"):
    Span.set_extension("provenance", default=None)


def _paragraphs(doc: Doc) -> list[tuple[int, int]]:
    blocks = doc._.provenance_blocks
    if blocks:
        return [(b.start, b.end) for b in blocks]
    return paragraph_ranges(text_of(doc))


@Language.factory("provenance_paragraphs")
def make_paragraph_splitter(nlp: Language, name: str):
    """Starts a sentence at every paragraph, so that no parse runs across a paragraph break.
    Add it before the parser."""
    return _paragraph_splitter


def _paragraph_splitter(doc: Doc) -> Doc:
    starts = {s for s, _ in _paragraphs(doc)}
    for token in doc[1:]:
        if token.idx in starts:
            token.is_sent_start = True
    return doc


@Language.factory("provenance_quotes")
def make_quote_finder(nlp: Language, name: str):
    """Pairs quotation marks; results in doc._.provenance_quotes and doc.spans["provenance_quotes"]."""
    return _quote_finder


def _quote_finder(doc: Doc) -> Doc:
    pieces = find_quotes(text_of(doc), _paragraphs(doc))
    doc._.provenance_quotes = pieces
    spans = []
    for piece in pieces:
        span = doc.char_span(piece.start, piece.end, label=Kind.QUOTE, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[QUOTE_GROUP] = spans
    return doc


@Language.factory("provenance_attribution", default_config={"framing": True})
def make_attribution_finder(nlp: Language, name: str, framing: bool):
    """Claims, sources and (unless framing=False) the writer's framing, as doc._.provenance."""
    return AttributionFinder(nlp, framing)


class AttributionFinder:
    def __init__(self, nlp: Language, framing: bool = True):
        self.framing = FramingFinder(nlp) if framing else None
        self.model = f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', 'pipeline')}"

    def __call__(self, doc: Doc) -> Doc:
        paragraphs = _paragraphs(doc)
        pieces = doc._.provenance_quotes
        if pieces is None:
            pieces = find_quotes(text_of(doc), paragraphs)
            doc._.provenance_quotes = pieces
        blocks = doc._.provenance_blocks or []
        excluded = [(b.start, b.end) for b in blocks if b.kind in NON_ARTICLE_KINDS]

        def outside_article(draft) -> bool:
            return any(s <= draft.start < e for s, e in excluded)

        block_drafts = speakers.block_quote_claims(doc, paragraphs, blocks, pieces)
        has_parse = doc.has_annotation("DEP")
        verb_drafts = cues.find_verb_claims(doc) if has_parse else []
        verb_drafts += cues.find_according_to(doc) if has_parse else []
        verb_drafts += speakers.speaker_label_claims(doc, paragraphs) if has_parse else []
        verb_drafts += cues.find_noun_cues(doc) if has_parse else []
        hearsay = cues.find_hearsay(doc) if has_parse else []
        # Speech reported inside a quotation belongs to the quotation's speaker.
        verb_drafts = [d for d in verb_drafts if not _cue_quoted(d, pieces)]
        hearsay = [d for d in hearsay if not _cue_quoted(d, pieces)]
        quote_drafts, scare = speakers.quote_claims(
            doc, pieces, paragraphs, verb_drafts,
            skip=[(d.start, d.end) for d in block_drafts] + excluded)
        drafts = [d for d in block_drafts + quote_drafts + verb_drafts + hearsay
                  if not outside_article(d)]
        drafts = assemble.select(drafts)
        sources, source_ids = resolve_sources(doc, drafts)
        hits = []
        if self.framing is not None:
            attributed = [part for d in drafts for part in d.content]
            hits = self.framing.find(doc, attributed, excluded, drafts, scare)
            names = {id(d): next((src.name for src in sources if src.id == sid), None)
                     for d, sid in zip(drafts, source_ids)}

            def describe(draft) -> str:
                cue = f" ('{text_of(doc)[draft.cue[0]:draft.cue[1]]}')" if draft.cue else ""
                return (names.get(id(draft)) or "an unnamed source") + cue

            headline = headline_assertion(doc, _headline(blocks), drafts, describe)
            if headline is not None:
                hits = [h for h in hits if not headline.start <= h.start < headline.end]
                hits.append(headline)
        analysis = assemble.build(doc, drafts, sources, source_ids, pieces, hits, self.model)
        doc._.provenance = analysis
        doc.spans[SPAN_GROUP] = _span_group(doc, analysis)
        return doc


def _headline(blocks) -> tuple[int, int] | None:
    """The article's headline: its first block, when that is a heading."""
    if blocks and blocks[0].kind == "heading":
        return blocks[0].start, blocks[0].end
    return None


def _cue_quoted(draft, pieces) -> bool:
    anchor = draft.cue[0] if draft.cue else draft.start
    return any(p.inner_start <= anchor < p.inner_end for p in pieces)


def _span_group(doc: Doc, analysis: Analysis) -> list[Span]:
    out = []
    for item in analysis.spans:
        span = doc.char_span(item.start, item.end, label=item.kind, alignment_mode="expand")
        if span is not None:
            span._.provenance = item
            out.append(span)
    return out
