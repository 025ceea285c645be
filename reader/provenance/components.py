"""spaCy pipeline components: usable in anyone's English pipeline.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("provenance_paragraphs", before="parser")
    nlp.add_pipe("provenance_quotes")
    nlp.add_pipe("provenance_attribution")
    doc = nlp(text)
    doc._.provenance            # the Analysis (spans, claims, sources)
    doc.spans["provenance"]     # every span, labelled quote / paraphrase / framing
    span._.provenance           # for a span of that group: its reader.provenance.model.VoiceSpan

Everything the components store on a Doc is plain data, so docs go through
`doc.to_bytes()`, `DocBin(store_user_data=True)` and `nlp.pipe(n_process=N)`:

    doc._.provenance_data       the analysis as its JSON object (docs/design.md §3) plus "model"
    doc._.provenance_quotes     the paired quotation marks, one dict per QuotePiece
    doc._.provenance_blocks     block structure, set by the caller: [{"kind", "start", "end"}]
    doc._.provenance_language   the caller's language decision (a dict of
                                reader.provenance.language.LanguageDecision), optional:
                                without it the component tells the language from the text
    doc._.provenance_tags       the learned tagger's [label, probability] per token, when
                                `provenance_tagger` runs before (reader.provenance.tagger)

`doc._.provenance` and `span._.provenance` are getters that build the objects from
`provenance_data` (each read gives new objects). The span group keys are settings
(`spans_key`), and so are the word lists of `provenance_attribution` (`lexicons`: list name
→ file, replacing that shipped list); `nlp.to_disk` saves the lists with the pipeline and
`spacy.load` reads them back from there.

`provenance_attribution` finds quotes itself when `provenance_quotes` is not in the
pipeline; without `provenance_blocks` paragraphs come from blank lines.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span

from reader.document.model import NON_ARTICLE_KINDS, Block
from reader.provenance import (assemble, constructions, cues, decisions, learned, lexicons,
                               opinions, speakers, topics)
from reader.provenance.language import LanguageDecision, decide
from reader.provenance.drafts import text_of
from reader.provenance.framing import FramingFinder
from reader.provenance.headline import headline_assertion
from reader.provenance.model import Analysis
from reader.provenance.model import VoiceSpan
from reader.provenance.quotes import QuotePiece, find_quotes, paragraph_ranges
from reader.provenance.sources import resolve_sources
from reader.vocabulary import Kind, RuleName

SPAN_GROUP = "provenance"
QUOTE_GROUP = "provenance_quotes"
LEXICON_FOLDER = "lexicons"


def _analysis_of(doc: Doc) -> Analysis | None:
    data = doc._.provenance_data
    return None if data is None else Analysis.from_dict(data, model=data.get("model"))


def _span_analysis(span: Span) -> VoiceSpan | None:
    data = span.doc._.provenance_data
    if data is None or not span.id_:
        return None
    record = next((r for r in data["spans"] if r["id"] == span.id_), None)
    return None if record is None else VoiceSpan.from_dict(record)


for _name in ("provenance_data", "provenance_blocks", "provenance_quotes",
              "provenance_language"):
    Doc.set_extension(_name, default=None, force=True)
Doc.set_extension("provenance", getter=_analysis_of, force=True)
Span.set_extension("provenance", getter=_span_analysis, force=True)


def language_of(doc: Doc) -> LanguageDecision:
    """doc._.provenance_language when the caller set it, else the language of the text."""
    given = doc._.provenance_language
    if given is None:
        return decide(text_of(doc))
    return given if isinstance(given, LanguageDecision) else LanguageDecision.from_dict(given)


def blocks_of(doc: Doc) -> list[Block]:
    """doc._.provenance_blocks as Blocks (it holds dicts; Block objects are accepted too)."""
    return [Block(**b) if isinstance(b, dict) else b for b in doc._.provenance_blocks or []]


def quote_pieces_of(doc: Doc) -> list[QuotePiece] | None:
    """doc._.provenance_quotes as QuotePieces, or None when no component has set it."""
    pieces = doc._.provenance_quotes
    if pieces is None:
        return None
    return [QuotePiece(**p) if isinstance(p, dict) else p for p in pieces]


def _paragraphs(doc: Doc, blocks: list[Block]) -> list[tuple[int, int]]:
    if blocks:
        return [(b.start, b.end) for b in blocks]
    return paragraph_ranges(text_of(doc))


@Language.factory("provenance_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_splitter(nlp: Language, name: str):
    """Starts a sentence at every paragraph, so that no parse runs across a paragraph break.
    Add it before the parser."""
    return _paragraph_splitter


def _paragraph_splitter(doc: Doc) -> Doc:
    starts = {s for s, _ in _paragraphs(doc, blocks_of(doc))}
    for token in doc[1:]:
        if token.idx in starts:
            token.is_sent_start = True
    return doc


@Language.factory("provenance_quotes", assigns=["doc._.provenance_quotes", "doc.spans"],
                  default_config={"spans_key": QUOTE_GROUP})
def make_quote_finder(nlp: Language, name: str, spans_key: str):
    """Pairs quotation marks; results in doc._.provenance_quotes and doc.spans[spans_key]."""
    return QuoteFinder(spans_key)


class QuoteFinder:
    def __init__(self, spans_key: str = QUOTE_GROUP):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        pieces = find_quotes(text_of(doc), _paragraphs(doc, blocks_of(doc)))
        doc._.provenance_quotes = [dataclasses.asdict(piece) for piece in pieces]
        spans = []
        for piece in pieces:
            span = doc.char_span(piece.start, piece.end, label=Kind.QUOTE, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "provenance_attribution",
    assigns=["doc._.provenance_data", "doc._.provenance", "doc._.provenance_quotes",
             "doc.spans", "span._.provenance"],
    # token.pos is read too; spaCy's pipelines set it in attribute_ruler, which declares
    # nothing, so naming it here would report a problem that is not there.
    requires=["token.dep", "token.head", "token.tag", "token.lemma", "token.ent_type"],
    default_config={"framing": True, "spans_key": SPAN_GROUP, "lexicons": {}})
def make_attribution_finder(nlp: Language, name: str, framing: bool, spans_key: str,
                            lexicons: dict[str, str]):
    """Claims, sources and (unless framing=False) the writer's framing, as doc._.provenance.
    `lexicons` maps a word list's name (resources/lexicons/NAME.txt) to a file to read
    instead."""
    return AttributionFinder(nlp, name, framing=framing, spans_key=spans_key,
                             lexicons=lexicons)


class AttributionFinder:
    def __init__(self, nlp: Language, name: str = "provenance_attribution", *,
                 framing: bool = True, spans_key: str = SPAN_GROUP,
                 lexicons: dict[str, str] | None = None):
        self.name = name
        self.spans_key = spans_key
        self.use_framing = framing
        self.model = f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', 'pipeline')}"
        self._nlp = nlp
        self.lexicons = _lexicon_set(lexicons)
        self._framing: FramingFinder | None = None

    @property
    def framing(self) -> FramingFinder | None:
        """The framing matchers, compiled from the word lists on first use."""
        if self.use_framing and self._framing is None:
            with lexicons.using(self.lexicons):
                self._framing = FramingFinder(self._nlp)
        return self._framing

    def set_lexicons(self, lexicon_set: lexicons.LexiconSet) -> None:
        self.lexicons = lexicon_set
        self._framing = None

    def __call__(self, doc: Doc) -> Doc:
        framing = self.framing
        with lexicons.using(self.lexicons):
            analysis = self._analyse(doc, framing)
        data = analysis.to_dict()
        data["model"] = analysis.model
        doc._.provenance_data = data
        doc.spans[self.spans_key] = _span_group(doc, analysis)
        return doc

    def _analyse(self, doc: Doc, framing: FramingFinder | None) -> Analysis:
        language = language_of(doc)
        if not language.analysed:
            # Cue words, parses, the learned tagger and framing know English only (on a
            # German page "Akten" became a source); quotation marks alone cannot tell
            # speech from a title or a term there either. So nothing is coloured, and the
            # decision travels with the analysis for the window and the JSON to say.
            return Analysis(model=self.model, language=language)
        analysis = self._analyse_english(doc, framing)
        analysis.language = language
        return analysis

    def _analyse_english(self, doc: Doc, framing: FramingFinder | None) -> Analysis:
        blocks = blocks_of(doc)
        paragraphs = _paragraphs(doc, blocks)
        pieces = quote_pieces_of(doc)
        if pieces is None:
            pieces = find_quotes(text_of(doc), paragraphs)
            doc._.provenance_quotes = [dataclasses.asdict(piece) for piece in pieces]
        excluded = [(b.start, b.end) for b in blocks if b.kind in NON_ARTICLE_KINDS]

        def outside_article(draft) -> bool:
            return any(s <= draft.start < e for s, e in excluded)

        # Titles, slogans and terms in quotation marks are nobody's words.
        named = speakers.mention_quotes(text_of(doc), pieces)
        spoken = [p for p in pieces if p.quote_id not in named]
        block_drafts = speakers.block_quote_claims(doc, paragraphs, blocks, spoken)
        has_parse = doc.has_annotation("DEP")
        verb_drafts = cues.find_verb_claims(doc) if has_parse else []
        verb_drafts += cues.find_according_to(doc) if has_parse else []
        verb_drafts += cues.find_poll_findings(doc) if has_parse else []
        verb_drafts += cues.find_criticism_faced(doc) if has_parse else []
        verb_drafts += opinions.find_opinion_predicates(doc) if has_parse else []
        verb_drafts += opinions.find_stances(doc) if has_parse else []
        verb_drafts += opinions.find_knowledge(doc) if has_parse else []
        verb_drafts += opinions.find_attitudes(doc) if has_parse else []
        verb_drafts += decisions.find_decisions(doc) if has_parse else []
        verb_drafts += topics.find_spoken_topics(doc) if has_parse else []
        verb_drafts += speakers.speaker_label_claims(doc, paragraphs) if has_parse else []
        verb_drafts += cues.find_noun_cues(doc) if has_parse else []
        verb_drafts += constructions.find_sourceless_passives(doc) if has_parse else []
        hearsay = cues.find_hearsay(doc) if has_parse else []
        # Speech reported inside a quotation belongs to the quotation's speaker.
        verb_drafts = [d for d in verb_drafts if not _cue_quoted(d, pieces)]
        hearsay = [d for d in hearsay if not _cue_quoted(d, pieces)]
        quoted = speakers.quote_claims(doc, pieces, paragraphs, verb_drafts,
                                       skip=[(d.start, d.end) for d in block_drafts] + excluded,
                                       named=named, furniture=excluded)
        scare = quoted.scare
        quote_drafts = quoted.new
        if has_parse:
            quote_drafts = constructions.merge_split_quotes(doc, quote_drafts)
        constructions.dash_bylines(doc, block_drafts + quote_drafts)
        readings = [d for d in block_drafts + quote_drafts + quoted.existing + hearsay
                    if not outside_article(d)]
        drafts = assemble.select(readings)
        if has_parse:
            drafts = constructions.place_reported_speech(doc, drafts, readings)
            nested = [d for d in constructions.find_nested_allegations(doc)
                      if not outside_article(d) and not _cue_quoted(d, pieces)]
            drafts = constructions.place_nested(doc, drafts, nested)
            learned_claims = [d for d in learned.learned_drafts(doc, paragraphs)
                              if not outside_article(d) and not _cue_quoted(d, pieces)]
            drafts = learned.merge(drafts, learned_claims, doc)
            drafts = constructions.join_shared_cues(doc, drafts)
        sources, source_ids = resolve_sources(doc, drafts)
        hits = []
        # The framing word lists and tagger know English words only ("die" is no loaded
        # word on a German page): a text that is not English comes here only when the
        # reader asked for the whole English analysis anyway (_analyse).
        if framing is not None:
            # A topic-only content ("critical of [the plan]") is in the writer's words.
            attributed = [part for d in drafts if not topics.is_topic_only(doc, d)
                          for part in d.content]
            hits = framing.find(doc, attributed, excluded, drafts, scare)
            names = {id(d): next((src.name for src in sources if src.id == sid), None)
                     for d, sid in zip(drafts, source_ids)}

            def describe(draft) -> str:
                cue = f" ('{text_of(doc)[draft.cue[0]:draft.cue[1]]}')" if draft.cue else ""
                return (names.get(id(draft)) or "an unnamed source") + cue

            headline = headline_assertion(doc, _headline(blocks), drafts, describe)
            if headline is not None:
                hits = [h for h in hits if not headline.start <= h.start < headline.end]
                hits.append(headline)
        return assemble.build(doc, drafts, sources, source_ids, spoken, hits, self.model)

    # Serialisation, as spaCy's own rule-based components do it: the word lists travel
    # with the pipeline (nlp.to_disk writes them beside its config; spacy.load reads them).

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = util.ensure_path(path)
        util.to_disk(path, {LEXICON_FOLDER: self.lexicons.to_dir}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AttributionFinder:
        path = util.ensure_path(path)
        if not path.is_dir():
            raise ValueError(f"{path} is not a saved provenance_attribution component.")

        def read(folder: Path) -> None:
            if folder.is_dir():
                self.set_lexicons(lexicons.LexiconSet.from_dir(folder))

        util.from_disk(path, {LEXICON_FOLDER: read}, exclude)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        import srsly

        return util.to_bytes({LEXICON_FOLDER: lambda: srsly.msgpack_dumps(
            self.lexicons.to_texts())}, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> AttributionFinder:
        import srsly

        util.from_bytes(data, {LEXICON_FOLDER: lambda b: self.set_lexicons(
            lexicons.LexiconSet(texts=srsly.msgpack_loads(b)))}, exclude)
        return self


def _lexicon_set(overrides: dict[str, str] | None) -> lexicons.LexiconSet:
    if not overrides:
        return lexicons.shipped()
    return lexicons.LexiconSet.with_overrides(overrides)


def _headline(blocks) -> tuple[int, int] | None:
    """The article's headline: its first block, when that is a heading."""
    if blocks and blocks[0].kind == "heading":
        return blocks[0].start, blocks[0].end
    return None


def _cue_quoted(draft, pieces) -> bool:
    """Whether a claim's cue is inside a quotation (someone else's words), not counting a
    speaker label that opens it ('"PENCE: Well, …', a transcript quoted line by line)."""
    anchor = draft.cue[0] if draft.cue else draft.start
    return any(p.inner_start <= anchor < p.inner_end for p in pieces) and not (
        draft.rule == RuleName.SPEAKER_LABEL and draft.source_span is not None
        and any(p.inner_start == draft.source_span[0] for p in pieces))


def _span_group(doc: Doc, analysis: Analysis) -> list[Span]:
    out = []
    for item in analysis.spans:
        span = doc.char_span(item.start, item.end, label=item.kind, alignment_mode="expand")
        if span is not None:
            span.id_ = item.id  # span._.provenance finds the item by it
            out.append(span)
    return out
