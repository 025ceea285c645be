"""One article's figures, as the comparison and the collection table show them.

Built on reader.export.stats.voice_shares: the article's words split into quoted (a named
source's exact words), retold (a named source's claims in the writer's words),
unattributed (quoted or retold with no identifiable source) and the writer's own voice;
its sources with their share of the words; its anonymous sources; its framing spans per
1,000 words, by label; and its span counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.document.model import NON_ARTICLE_KINDS, Article
from reader.export.stats import voice_shares
from reader.provenance.model import Analysis
from reader.vocabulary import Kind, SourceType


@dataclass
class SideSource:
    """One source of one article, as the comparison lists it."""

    id: str
    name: str
    type: str
    claims: int
    words: int  # of the article's words quoted or retold as this source's
    share: float  # of all the article's words
    quote_words: int = 0
    paraphrase_words: int = 0

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "type": self.type, "claims": self.claims,
                "words": self.words, "quoted_words": self.quote_words,
                "retold_words": self.paraphrase_words, "share": round(self.share, 4)}


@dataclass
class ArticleFigures:
    """One article's side of the comparison."""

    path: str | None
    title: str | None
    publisher: str | None
    date: str | None
    words: int
    quoted_words: int  # in a named source's exact words
    retold_words: int  # in a named source's claims retold by the writer
    unattributed_words: int  # quoted or retold with no identifiable source
    writer_words: int  # the writer's own voice
    sources: list[SideSource] = field(default_factory=list)
    anonymous: list[SideSource] = field(default_factory=list)
    unattributed_claims: int = 0
    framing_spans: int = 0
    framing_by_label: dict[str, int] = field(default_factory=dict)
    quote_spans: int = 0
    paraphrase_spans: int = 0
    # The language's name when the article is not English and so was not analysed: its
    # words are counted, but no source, claim or framing was looked for (all the figures
    # but `words` are empty, not zero). None: analysed.
    unanalysed_language: str | None = None

    @property
    def analysed(self) -> bool:
        return self.unanalysed_language is None

    def share(self, words: int) -> float:
        return words / self.words if self.words else 0.0

    @property
    def shares(self) -> dict[str, float]:
        return {"quoted": self.share(self.quoted_words), "retold": self.share(self.retold_words),
                "unattributed": self.share(self.unattributed_words),
                "writer": self.share(self.writer_words)}

    def per_thousand(self, count: int) -> float:
        return 1000 * count / self.words if self.words else 0.0

    @property
    def framing_per_1000(self) -> float:
        return self.per_thousand(self.framing_spans)

    @property
    def anonymous_share(self) -> float:
        """Of the words quoted or retold as some named-or-anonymous source's, the share
        that is an anonymous source's."""
        attributed = sum(s.words for s in self.sources)
        return sum(s.words for s in self.anonymous) / attributed if attributed else 0.0

    def to_dict(self) -> dict:
        return {
            "path": self.path, "title": self.title, "publisher": self.publisher,
            "date": self.date, "words": self.words,
            "words_by_voice": {"quoted": self.quoted_words, "retold": self.retold_words,
                               "unattributed": self.unattributed_words,
                               "writer": self.writer_words},
            "shares": {k: round(v, 4) for k, v in self.shares.items()},
            "spans": {"quote": self.quote_spans, "paraphrase": self.paraphrase_spans,
                      "framing": self.framing_spans},
            "sources": [s.to_dict() for s in self.sources],
            "anonymous_sources": [s.to_dict() for s in self.anonymous],
            "anonymous_share": round(self.anonymous_share, 4),
            "unattributed_claims": self.unattributed_claims,
            "framing": {"spans": self.framing_spans,
                        "per_1000_words": round(self.framing_per_1000, 2),
                        "per_1000_words_by_label": {
                            label: round(self.per_thousand(n), 2)
                            for label, n in sorted(self.framing_by_label.items())}},
            # The language's name when the article is not English and so was not analysed
            # (no source, claim or framing was looked for: the zeros above say nothing);
            # null when it was analysed.
            "not_english": self.unanalysed_language,
        }


def article_figures(article: Article, analysis: Analysis, path: str | None = None
                    ) -> ArticleFigures:
    shares = voice_shares(article, analysis)
    by_id = {s.source_id: s for s in shares.sources}
    quoted = sum(s.quote_words for s in shares.sources if s.source_id is not None)
    retold = sum(s.paraphrase_words for s in shares.sources if s.source_id is not None)
    unattributed = by_id[None].words if None in by_id else 0
    sources = []
    for source in analysis.sources:
        share = by_id.get(source.id)
        words = share.words if share else 0
        sources.append(SideSource(source.id, source.name, source.type, len(source.claims), words,
                                  words / shares.total_words if shares.total_words else 0.0,
                                  share.quote_words if share else 0,
                                  share.paraphrase_words if share else 0))
    spans = [s for s in analysis.spans if _in_article(article, s.start)]
    framing = [s for s in spans if s.kind == Kind.FRAMING]
    by_label: dict[str, int] = {}
    for span in framing:
        label = span.label or "framing"
        by_label[label] = by_label.get(label, 0) + 1
    return ArticleFigures(
        path=path or article.path, title=article.title, publisher=article.publisher,
        date=article.date, words=shares.total_words, quoted_words=quoted, retold_words=retold,
        unattributed_words=unattributed, writer_words=shares.writer_words, sources=sources,
        anonymous=[s for s in sources if s.type == SourceType.ANONYMOUS],
        unattributed_claims=shares.unattributed_allegations, framing_spans=len(framing),
        framing_by_label=by_label, quote_spans=sum(s.kind == Kind.QUOTE for s in spans),
        paraphrase_spans=sum(s.kind == Kind.PARAPHRASE for s in spans),
        unanalysed_language=unanalysed_language(analysis))


def unanalysed_language(analysis: Analysis) -> str | None:
    """The name (or code) of the language of an article not analysed because it is not
    English; None for an analysed one (reader.provenance.language)."""
    if not analysis.not_english or analysis.language is None:
        return None
    return analysis.language.name or analysis.language.code or "?"


def _in_article(article: Article, offset: int) -> bool:
    block = article.block_at(offset) if article.blocks else None
    return block is None or block.kind not in NON_ARTICLE_KINDS
