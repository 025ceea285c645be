"""The analysis of an article as table rows: one row per article with its figures, one row
per claim. Every way of running the analysis (one process, --jobs, Dask, Spark) makes its
rows with `rows_of`, so they all give the same tables.

Offsets are Python string indices into the article's text, as in the JSON contract.
"""

from __future__ import annotations

from reader.document.model import Article
from reader.export.figures import article_figures
from reader.provenance.model import Analysis

# A claim's discontinuous content is joined with this between its parts.
PART_SEPARATOR = " … "

ARTICLE_COLUMNS = (
    "path", "title", "byline", "date", "publisher", "url", "model", "language", "english",
    "analysed", "words", "claims",
    "quote_spans", "paraphrase_spans", "framing_spans", "sources", "anonymous_sources",
    "unattributed_claims", "quoted_words", "retold_words", "unattributed_words",
    "writer_words", "anonymous_share", "framing_per_1000", "error",
)
CLAIM_COLUMNS = (
    "path", "title", "date", "publisher", "claim_id", "kind", "source_id", "source_name",
    "source_type", "cue", "content", "start", "end", "content_spans", "cue_start", "cue_end",
    "source_start", "source_end",
)


def article_row(path: str, article: Article | None, analysis: Analysis | None,
                error: str | None = None) -> dict:
    """The article's row: its metadata and figures (reader.export.figures), or its error."""
    row = dict.fromkeys(ARTICLE_COLUMNS)
    row["path"] = path
    if article is None or analysis is None:
        row["error"] = error
        return row
    figures = article_figures(article, analysis, path)
    decision = analysis.language
    row.update(
        title=article.title, byline=article.byline, date=article.date,
        publisher=article.publisher, url=article.url, model=analysis.model,
        # The language decision (reader.provenance.language): an article that is not
        # English has no analysis unless it was run anyway (analysed). None: an analysis
        # from before the decision was kept.
        language=decision.code if decision else None,
        english=decision.english if decision else None,
        analysed=decision.analysed if decision else None,
        words=figures.words, claims=len(analysis.claims), quote_spans=figures.quote_spans,
        paraphrase_spans=figures.paraphrase_spans, framing_spans=figures.framing_spans,
        sources=len(figures.sources), anonymous_sources=len(figures.anonymous),
        unattributed_claims=figures.unattributed_claims, quoted_words=figures.quoted_words,
        retold_words=figures.retold_words, unattributed_words=figures.unattributed_words,
        writer_words=figures.writer_words, anonymous_share=round(figures.anonymous_share, 4),
        framing_per_1000=round(figures.framing_per_1000, 2))
    return row


def claim_rows(path: str, article: Article | None, analysis: Analysis | None) -> list[dict]:
    """One row per claim (none for a file that failed)."""
    if article is None or analysis is None:
        return []
    text = article.text
    rows = []
    for claim in analysis.claims:
        source = analysis.source(claim.source)
        cue, source_span, parts = claim.cue_span, claim.source_span, claim.content
        rows.append({
            "path": path, "title": article.title, "date": article.date,
            "publisher": article.publisher, "claim_id": claim.id, "kind": str(claim.kind),
            "source_id": claim.source, "source_name": source.name if source else None,
            "source_type": str(source.type) if source else None,
            "cue": text[cue[0]:cue[1]] if cue else None,
            "content": PART_SEPARATOR.join(text[s:e] for s, e in parts),
            "start": claim.start if parts else None, "end": claim.end if parts else None,
            "content_spans": [{"start": s, "end": e} for s, e in parts],
            "cue_start": cue[0] if cue else None, "cue_end": cue[1] if cue else None,
            "source_start": source_span[0] if source_span else None,
            "source_end": source_span[1] if source_span else None,
        })
    return rows


def rows_of(path: str, article: Article | None, analysis: Analysis | None,
            error: str | None = None) -> tuple[dict, list[dict]]:
    """(article row, claim rows) of one analysed (or failed) file. The path is kept as
    valid UTF-8, as in the JSON output (bytes that were not: \xff escapes)."""
    from reader.document.errors import valid_text

    path = valid_text(path)
    return article_row(path, article, analysis, error), claim_rows(path, article, analysis)


def schemas():
    """The Arrow schemas of the two tables (pyarrow is imported only here)."""
    import pyarrow as pa

    text, number = pa.string(), pa.int64()
    article_types = {"anonymous_share": pa.float64(), "framing_per_1000": pa.float64(),
                     "english": pa.bool_(), "analysed": pa.bool_()}
    for name in ("words", "claims", "quote_spans", "paraphrase_spans", "framing_spans",
                 "sources", "anonymous_sources", "unattributed_claims", "quoted_words",
                 "retold_words", "unattributed_words", "writer_words"):
        article_types[name] = number
    articles = pa.schema([(name, article_types.get(name, text)) for name in ARTICLE_COLUMNS])
    claim_types = {name: number for name in ("start", "end", "cue_start", "cue_end",
                                             "source_start", "source_end")}
    claim_types["content_spans"] = pa.list_(pa.struct([("start", number), ("end", number)]))
    claims = pa.schema([(name, claim_types.get(name, text)) for name in CLAIM_COLUMNS])
    return articles, claims
