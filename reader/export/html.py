"""The analysis as one self-contained HTML page: no scripts, no remote resources.

Two variants of the same page: "screen" for browsers (nested <mark>s with classes, CSS
underline styles, hover explanations as title attributes, print rules), and "qt" for
QTextDocument, which reads only a subset of CSS: there every run of text carries its
kinds in a `title` ("pr:quote,paraphrase") that reader/export/pdf.py turns into dashed
and wavy underlines, which Qt's HTML reader cannot express.

Every kind has a cue that is not a colour (fill, dashed underline, wavy underline and
bold), so the page survives greyscale printing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from html import escape

from reader import __version__
from reader.claim_label import claim_label, needs_cue, one_line, shorten
from reader.document.model import NON_ARTICLE_KINDS, Article
from reader.document.pagedate import date_with_origin
from reader.export.stats import UNATTRIBUTED, VoiceShares, voice_shares
from reader.palette import (CORRECTED_MARK, CUE_DESCRIPTIONS, EXPORT_PALETTE, KIND_STYLES,
                            SURFACES, WRITER_COLOUR)
from reader.plain_language import language_notice
from reader.provenance.model import Analysis, VoiceSpan
from reader.vocabulary import FRAMING_LABELS, KINDS, SOURCE_TYPE_TITLES, Kind

# The page's colours and words, from the one palette (reader/palette.py).
KIND_COLOURS: dict[Kind, tuple[str | None, str]] = {
    kind: (style.colours_in(EXPORT_PALETTE).fill, style.colours_in(EXPORT_PALETTE).line)
    for kind, style in KIND_STYLES.items()}
KIND_TITLES = {kind: style.title for kind, style in KIND_STYLES.items()}
KIND_MEANINGS = {kind: style.meaning for kind, style in KIND_STYLES.items()}
# The page also sets framing in bold: a second cue that survives greyscale print.
KIND_CUES = {kind: CUE_DESCRIPTIONS[style.cue] + (", bold" if kind == Kind.FRAMING else "")
             for kind, style in KIND_STYLES.items()}
SURFACE = SURFACES[EXPORT_PALETTE]

SCREEN, QT = "screen", "qt"
QT_KIND_PREFIX = "pr:"  # title prefix of the qt variant's runs, read by pdf.py
HANDOUT_WIDTH = 68  # characters per numbered line: fits A4 at 11 pt


def render_html(article: Article, analysis: Analysis, *, variant: str = SCREEN,
                corrections: int = 0) -> str:
    """The coloured article, legend, sources with their claims and the "Who speaks" chart."""
    shares = voice_shares(article, analysis)
    body = "".join((
        _header(article),
        _language_note(analysis),
        _legend(variant),
        '<section class="article"><h2>The article</h2>',
        _article_body(article, analysis, variant),
        "</section>",
        _who_speaks(article.text, shares, variant),
        _sources_table(article.text, analysis),
        _footer(analysis, corrections),
    ))
    return _page(article, body, _css(variant))


@dataclass(frozen=True)
class HandoutLine:
    number: int
    start: int  # offsets of the line's text in article.text
    end: int
    text: str


def handout_lines(article: Article, width: int = HANDOUT_WIDTH) -> list[list[HandoutLine]]:
    """The article's own blocks as numbered lines of at most `width` characters, one list
    per block. Captions, credits and boilerplate are left out (they are not the article),
    and so is a first heading that repeats the title (the handout prints the title once)."""
    blocks, number = [], 0
    for index, (start, end, kind) in enumerate(_blocks(article)):
        if kind in NON_ARTICLE_KINDS:
            continue
        if (index == 0 and kind == "heading" and article.title
                and " ".join(article.text[start:end].split()) == " ".join(article.title.split())):
            continue
        lines: list[HandoutLine] = []
        for source_line in re.finditer(r"[^\n]+", article.text[start:end]):
            words: list[re.Match] = []
            for word in re.finditer(r"\S+", source_line.group()):
                length = sum(len(w.group()) + 1 for w in words) + len(word.group())
                if words and length > width:
                    number += 1
                    lines.append(_handout_line(number, start + source_line.start(), words))
                    words = []
                words.append(word)
            if words:
                number += 1
                lines.append(_handout_line(number, start + source_line.start(), words))
        if lines:
            blocks.append(lines)
    return blocks


def _handout_line(number: int, base: int, words: list) -> HandoutLine:
    return HandoutLine(number, base + words[0].start(), base + words[-1].end(),
                       " ".join(w.group() for w in words))


def render_handout_html(article: Article, analysis: Analysis | None = None, *,
                        variant: str = SCREEN, width: int = HANDOUT_WIDTH) -> str:
    """The article alone with numbered lines, in black and white: for finding the sources
    without the tool's answers. With `analysis`, an answer key follows on its own page."""
    blocks = handout_lines(article, width)
    rows = []
    for lines in blocks:
        if rows:
            rows.append('<tr class="gap"><td class="ln"></td><td>&nbsp;</td></tr>')
        rows.extend(f'<tr><td class="ln" width="7%">{line.number}</td>'
                    f'<td class="line">{escape(line.text)}</td></tr>' for line in lines)
    body = (_header(article)
            + '<p class="task" style="margin-bottom:18px">Who is speaking? Underline each '
              'source\'s exact words, circle the words the writer retells, and box the '
              'writer\'s own loaded words. Note the line numbers.</p>'
            + '<table class="lines" cellspacing="0" cellpadding="1" width="100%">'
            + "".join(rows) + "</table>")
    if analysis is not None:
        body += _answer_key(article, analysis, [line for lines in blocks for line in lines])
    return _page(article, body, _HANDOUT_CSS)


def answer_key_rows(article: Article, analysis: Analysis,
                    lines: list[HandoutLine]) -> list[tuple[str, str, str, str]]:
    """(lines, kind, who, words) per claim in reading order, and per framing span: what a
    student should have found on the handout."""
    starts = [line.start for line in lines]

    def line_at(offset: int) -> int | None:
        i = bisect_right(starts, offset) - 1
        return lines[i].number if i >= 0 and offset <= lines[i].end else None

    claims = {c.id: c for c in analysis.claims}
    sources = {s.id: s for s in analysis.sources}
    steps: dict[str, list[VoiceSpan]] = {}
    for span in sorted(analysis.spans, key=lambda s: (s.start, -s.end)):
        steps.setdefault(span.claim or span.id, []).append(span)
    rows = []
    for spans in steps.values():
        numbers = [n for s in spans for n in (line_at(s.start), line_at(max(s.start, s.end - 1)))
                   if n is not None]
        if not numbers:
            continue  # outside the article's lines (a caption)
        first, last = min(numbers), max(numbers)
        where = str(first) if first == last else f"{first}–{last}"
        kinds = []
        for span in spans:
            if span.kind not in kinds:
                kinds.append(span.kind)
        claim = claims.get(spans[0].claim) if spans[0].claim else None
        source = sources.get(claim.source) if claim and claim.source else None
        if source is not None:
            who = f"{source.name} ({SOURCE_TYPE_TITLES.get(source.type, source.type)})"
        else:
            who = "the writer" if kinds == ["framing"] else "nobody named"
        if claim is not None and claim.content:
            words = claim_label(article.text, claim, limit=120, joined=True,
                                shown=[(s.start, s.end) for s in spans])
        else:
            words = shorten(" … ".join(one_line(article.text[s.start:s.end]) for s in spans), 120)
        rows.append((where, " + ".join(KIND_TITLES[k] for k in kinds), who, words))
    return rows


def _answer_key(article: Article, analysis: Analysis, lines: list[HandoutLine]) -> str:
    rows = "".join(f'<tr><td class="key-ln">{escape(where)}</td><td>{escape(kind)}</td>'
                   f"<td>{escape(who)}</td><td>{escape(words)}</td></tr>"
                   for where, kind, who, words in answer_key_rows(article, analysis, lines))
    if not rows:
        rows = '<tr><td colspan="4">Nothing found: no quotes, paraphrases or framing.</td></tr>'
    return ('<section class="answer-key"><h2 style="page-break-before: always">Answer key '
            "(for the teacher)</h2>"
            '<p class="muted">What Provenance Reader found, claim by claim. It is the '
            "tool's reading, not a verdict: discuss the spans it missed or got wrong.</p>"
            '<table class="key" cellspacing="0" cellpadding="3" width="100%">'
            '<thead><tr><th width="9%">Lines</th><th width="17%">Kind</th>'
            '<th width="26%">Who</th><th width="48%">Words</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></section>")


def _page(article: Article, body: str, css: str) -> str:
    title = escape(article.title or "Article")
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="Provenance Reader {__version__}">'
            f"<title>{title}</title><style>{css}</style></head><body>{body}</body></html>\n")


def _header(article: Article) -> str:
    parts = [f"<h1>{escape(article.title or 'Untitled article')}</h1>"]
    date = date_with_origin(article.date, article.date_source)
    meta = [escape(v) for v in (article.byline, date, article.publisher) if v]
    if meta:
        parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if article.url:
        parts.append(f'<p class="meta url">{escape(article.url)}</p>')
    return f'<header>{"".join(parts)}</header>'


def _legend(variant: str) -> str:
    items = []
    for kind in KINDS:
        sample = _open_tag(kind, variant, escape(KIND_TITLES[kind])) + escape(KIND_TITLES[kind])
        sample += "</span>" if variant == QT else "</mark>"
        items.append(f"<li>{sample} — {escape(KIND_MEANINGS[kind])} "
                     f'<span class="cue">({escape(KIND_CUES[kind])})</span></li>')
    items.append(f'<li><span class="corrected-mark">{CORRECTED_MARK}</span> corrected by '
                 "the reader</li>")
    return f'<section class="legend"><h2>Legend</h2><ul>{"".join(items)}</ul></section>'


def _open_tag(kind: str, variant: str, title: str, corrected: bool = False,
              span_id: str | None = None) -> str:
    if variant == QT:
        return f'<span title="{QT_KIND_PREFIX}{kind}" style="{_qt_style({kind})}">'
    classes = f"span {kind}" + (" corrected" if corrected else "")
    data = f' data-span="{escape(span_id)}"' if span_id else ""
    return f'<mark class="{classes}"{data} title="{title}">'


def _qt_style(kinds: set[str]) -> str:
    style = []
    if "quote" in kinds:
        style.append(f"background-color:{KIND_COLOURS['quote'][0]}")
    if "framing" in kinds:
        style.append("font-weight:bold")
    if kinds & {"paraphrase", "framing"}:
        style.append("text-decoration:underline")
    return ";".join(style)


def _blocks(article: Article) -> list[tuple[int, int, str]]:
    if article.blocks:
        return [(b.start, b.end, b.kind) for b in article.blocks]
    return [(m.start(), m.end(), "paragraph")
            for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", article.text)]


def _article_body(article: Article, analysis: Analysis, variant: str) -> str:
    facts = _SpanFacts(article.text, analysis)
    spans = sorted(analysis.spans, key=lambda s: (s.start, -s.end, s.id))
    out = []
    heads = {b.start: b.head_rows for b in article.blocks if b.kind == "table"}
    for start, end, kind in _blocks(article):
        if kind == "table":
            out.append(_table(article.text[start:end], heads.get(start, 0)))
            continue
        inside = [s for s in spans if s.start < end and s.end > start]
        render = _block_qt if variant == QT else _block_screen
        out.append(f'<p class="{kind}">{render(article.text, start, end, inside, facts)}</p>')
    return "".join(out)


def _table(text: str, head_rows: int) -> str:
    """A table block (rows on lines, cells apart by tabs; never analysed, so never
    coloured) as an HTML table, its heading rows as <th>."""
    rows = []
    for number, line in enumerate(text.split("\n")):
        tag = "th" if number < head_rows else "td"
        rows.append("<tr>" + "".join(f"<{tag}>{escape(cell)}</{tag}>"
                                     for cell in line.split("\t")) + "</tr>")
    return ('<table class="data" border="1" cellspacing="0" cellpadding="4">'
            + "".join(rows) + "</table>")


def _runs(start: int, end: int, spans: list[VoiceSpan]):
    """(run start, run end, spans covering the run) between every span boundary."""
    cuts = {start, end}
    for span in spans:
        cuts.update(c for c in (span.start, span.end) if start < c < end)
    ordered = sorted(cuts)
    for a, b in zip(ordered, ordered[1:]):
        yield a, b, [s for s in spans if s.start <= a and b <= s.end]


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _block_screen(text: str, start: int, end: int, spans: list[VoiceSpan], facts) -> str:
    """Nested <mark>s, closed and reopened only where two spans cross."""
    out, stack = [], []
    for a, b, covering in _runs(start, end, spans):
        keep = 0
        while keep < len(stack) and keep < len(covering) and stack[keep] is covering[keep]:
            keep += 1
        while len(stack) > keep:
            out.append(_close_screen(stack.pop(), a))
        for span in covering[keep:]:
            out.append(_open_tag(span.kind, SCREEN, escape(facts.title(span)), span.corrected,
                                 span.id))
            stack.append(span)
        out.append(_text(text[a:b]))
    while stack:
        out.append(_close_screen(stack.pop(), end))
    return "".join(out)


def _close_screen(span: VoiceSpan, at: int) -> str:
    mark = (f'<sup class="corrected-mark" title="corrected by the reader">{CORRECTED_MARK}</sup>'
            if span.corrected and at >= span.end else "")
    return f"</mark>{mark}"


def _block_qt(text: str, start: int, end: int, spans: list[VoiceSpan], _facts) -> str:
    out = []
    for a, b, covering in _runs(start, end, spans):
        if not covering:
            out.append(_text(text[a:b]))
            continue
        kinds = {s.kind for s in covering}
        code = QT_KIND_PREFIX + ",".join(k for k in KINDS if k in kinds)
        out.append(f'<span title="{code}" style="{_qt_style(kinds)}">{_text(text[a:b])}</span>')
        if any(s.corrected and s.end == b for s in covering):
            out.append(f'<sup class="corrected-mark">{CORRECTED_MARK}</sup>')
    return "".join(out)


class _SpanFacts:
    """The hover explanation of a span, as the window's hover card words it."""

    def __init__(self, text: str, analysis: Analysis):
        self.text = text
        self.claims = {c.id: c for c in analysis.claims}
        self.sources = {s.id: s for s in analysis.sources}

    def title(self, span: VoiceSpan) -> str:
        lines = [KIND_TITLES[span.kind] + (" — corrected by the reader" if span.corrected else "")]
        claim = self.claims.get(span.claim)
        source = self.sources.get(claim.source) if claim else None
        if source is not None:
            who = f"{source.name} ({SOURCE_TYPE_TITLES.get(source.type, source.type)})"
            lines.append("Source: " + who + (f", {source.description}" if source.description else ""))
        elif span.kind != "framing":
            lines.append("Source: unattributed")
        if claim is not None and claim.cue_span:
            lines.append(f"Cue: {self.text[claim.cue_span[0]:claim.cue_span[1]]}")
        framing = FRAMING_LABELS.get(span.label or "") if span.kind == "framing" else None
        if framing is not None:
            lines.append(f"{framing.title.capitalize()}: {framing.explanation}")
        if span.why:
            lines.append(f"Why: {span.why}")
        lines.append(f"Confidence: {round(span.confidence * 100)} %")
        return "\n".join(lines)


def _language_note(analysis: Analysis) -> str:
    """The language notice (an article not in English), as the window shows it."""
    notice = language_notice(analysis)
    return f'<p class="language-note"><strong>{escape(notice)}</strong></p>' if notice else ""


def _sources_table(text: str, analysis: Analysis) -> str:
    rows = []
    groups = [(s.name, SOURCE_TYPE_TITLES.get(s.type, s.type), s.description,
               [analysis.claim(c) for c in s.claims]) for s in analysis.sources]
    unattributed = analysis.unattributed_claims()
    if unattributed:
        groups.append((UNATTRIBUTED, "", "claims with no identifiable source", unattributed))
    for name, type_title, description, claims in groups:
        items = "".join(_claim_item(text, analysis, c) for c in claims if c is not None)
        who = f"<strong>{escape(name)}</strong>"
        if description:
            who += f'<br><span class="muted">{escape(description)}</span>'
        rows.append(f"<tr><td>{who}</td><td>{escape(type_title)}</td>"
                    f'<td>{f"<ol>{items}</ol>" if items else "—"}</td></tr>')
    if not rows:
        reason = language_notice(analysis) if analysis.not_english else None
        rows.append(f'<tr><td colspan="3">No sources found.{" " + escape(reason) if reason else ""}'
                    '</td></tr>')
    return ('<section class="sources"><h2>Sources and their claims</h2>'
            '<table class="sources" cellspacing="0" cellpadding="4" width="100%">'
            '<thead><tr><th width="24%">Source</th><th width="16%">Type</th>'
            '<th width="60%">Claims</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></section>')


def _claim_item(text: str, analysis: Analysis, claim) -> str:
    # A topic-only content comes with its cue ("has been critical of: the mayor"); the
    # cue of any other claim follows it, muted.
    content = claim_label(text, claim, limit=400, joined=True,
                          shown=[(s.start, s.end) for s in analysis.spans_of_claim(claim.id)])
    cue = (f' <span class="muted">— cue “{escape(text[claim.cue_span[0]:claim.cue_span[1]])}”</span>'
           if claim.cue_span and not needs_cue(text, claim) else "")
    corrected = (f' <span class="corrected-mark">{CORRECTED_MARK}</span>'
                 if any(s.corrected for s in analysis.spans_of_claim(claim.id)) else "")
    # No added quotation marks: a paraphrase is not the source's exact words.
    return (f'<li><span class="tag">{escape(claim.kind)}</span> '
            f"{escape(content)}{cue}{corrected}</li>")


def _bar(parts: list[tuple[float, str, str]], variant: str) -> str:
    """A horizontal bar of (fraction, class, colour) parts on a 100 % track."""
    cells = []
    for fraction, cls, colour in parts:
        pct = round(fraction * 100, 1)
        if pct > 0:
            cells.append(f'<td class="{cls}" width="{pct}%" bgcolor="{colour}"></td>')
    rest = round(100 - sum(round(f * 100, 1) for f, _, _ in parts), 1)
    if rest > 0 or not cells:
        cells.append(f'<td class="track" width="{max(rest, 0)}%"></td>')
    return f'<table class="bar" cellspacing="0" cellpadding="0" width="100%"><tr>{"".join(cells)}</tr></table>'


def _pct(fraction: float) -> str:
    return "< 1 %" if 0 < fraction < 0.005 else f"{round(fraction * 100)} %"


def _who_speaks(text: str, shares: VoiceShares, variant: str) -> str:
    quote_colour, paraphrase_colour = KIND_COLOURS["quote"][1], KIND_COLOURS["paraphrase"][1]
    rows = [f'<tr><td class="who" width="30%"><strong>The writer</strong></td>'
            f'<td class="chart" width="45%">{_bar([(shares.writer_share, "bw", WRITER_COLOUR)], variant)}</td>'
            f'<td class="num" width="25%">{escape(_pct(shares.writer_share))} own words</td></tr>']
    for share in shares.sources:
        bar = _bar([(share.quote_share, "bq", quote_colour),
                    (share.paraphrase_share, "bp", paraphrase_colour)], variant)
        rows.append(f'<tr><td class="who" width="30%">{escape(share.name)}</td><td class="chart" width="45%">{bar}</td>'
                    f'<td class="num" width="25%">{escape(_pct(share.quote_share))} quoted · '
                    f"{escape(_pct(share.paraphrase_share))} retold</td></tr>")
    densest = max((p.density for p in shares.paragraphs), default=0.0) or 1.0
    framed = [p for p in shares.paragraphs if p.framing_words]
    framing_rows = []
    for paragraph in framed:
        bar = _bar([(paragraph.density / densest, "bf", KIND_COLOURS["framing"][1])], variant)
        opening = " ".join(text[paragraph.start:paragraph.end].split()[:4])
        framing_rows.append(
            f'<tr><td class="who" width="30%">¶ {paragraph.index} <span class="muted">{escape(opening)}…'
            f'</span></td><td class="chart" width="45%">{bar}</td>'
            f'<td class="num" width="25%">{paragraph.framing_words} of {paragraph.words} words</td></tr>')
    unframed = len(shares.paragraphs) - len(framed)
    if unframed:
        framing_rows.append(
            f'<tr><td class="who muted" colspan="3">{"The other" if framed else "All"} '
            f"{unframed} paragraph{'' if unframed == 1 else 's'}: no framing found</td></tr>")
    count = shares.unattributed_allegations
    return (
        '<section class="who-speaks"><h2>Who speaks</h2>'
        f'<p class="muted">Share of the article\'s {shares.total_words} words: '
        '<span class="key bq-key">■</span> quoted, <span class="key bp-key">▨</span> retold '
        "(paraphrased), by source; the rest is the writer's own text.</p>"
        '<table class="chart" cellspacing="0" cellpadding="3" width="100%">'
        f'{"".join(rows)}</table>'
        '<h3>The writer\'s framing, paragraph by paragraph</h3>'
        '<p class="muted">Framing words per paragraph (bars relative to the densest).</p>'
        '<table class="chart" cellspacing="0" cellpadding="3" width="100%">'
        f'{"".join(framing_rows)}</table>'
        f'<p class="unattributed"><strong>{count}</strong> unattributed '
        f'allegation{"" if count == 1 else "s"} (claims with no identifiable source)</p>'
        "</section>")


def _footer(analysis: Analysis, corrections: int) -> str:
    model = f" with the language model {escape(analysis.model)}" if analysis.model else ""
    corrected = (f" The reader made {corrections} correction{'' if corrections == 1 else 's'} "
                 f"({CORRECTED_MARK})." if corrections else "")
    return (f'<footer><p class="muted">Made by Provenance Reader {__version__}{model}. '
            "The colours are the tool's reading of the text, not a verdict: check each span "
            f"against the words.{corrected}</p></footer>")


def _css(variant: str) -> str:
    quote_fill, quote_line = KIND_COLOURS["quote"]
    _, paraphrase_line = KIND_COLOURS["paraphrase"]
    _, framing_line = KIND_COLOURS["framing"]
    common = f"""
h2 {{ font-size: 1.15em; margin: 1.4em 0 .5em; }}
h3 {{ font-size: 1em; margin: 1em 0 .3em; }}
.meta, .muted, .cue {{ color: {SURFACE.muted}; }}
.caption, .credit, .boilerplate {{ color: {SURFACE.muted}; font-size: .85em; font-style: italic; }}
.heading {{ font-weight: bold; }}
table.data {{ border-collapse: collapse; border-color: {SURFACE.muted}; margin: 0 0 1em; }}
table.data th {{ text-align: left; }}
table.sources th {{ text-align: left; border-bottom: 1px solid #888; }}
table.sources td {{ vertical-align: top; border-bottom: 1px solid #ddd; }}
.tag {{ font-size: .8em; color: {SURFACE.muted}; }}
.num {{ white-space: nowrap; font-size: .85em; }}
.corrected-mark {{ color: #444; }}
"""
    if variant == QT:
        return common + f"""
body {{ color: {SURFACE.text}; }}
.who {{ width: 28%; }}
.chart {{ width: 50%; }}
table.bar td {{ height: 10px; }}
.bq-key {{ color: {quote_line}; }} .bp-key {{ color: {paraphrase_line}; }}
"""
    return common + f"""
:root {{ color-scheme: light; }}
* {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font: 17px/1.6 Georgia, "DejaVu Serif", serif; color: {SURFACE.text};
       background: {SURFACE.background}; max-width: 46em; margin: 2em auto; padding: 0 1em; }}
header h1 {{ font-size: 1.7em; line-height: 1.25; margin: 0 0 .3em; }}
header p {{ margin: 0; }}
h2, h3, .meta, .legend, table.sources, .who-speaks, footer {{ font-family: "DejaVu Sans", Arial, sans-serif; }}
h2 {{ border-bottom: 1px solid #ccc; }}
.legend ul {{ list-style: none; padding: 0; margin: 0; font-size: .9em; }}
.legend li {{ margin: .2em 0; }}
.article p {{ margin: 0 0 1em; }}
.article .heading {{ font-size: 1.2em; }}
.article .blockquote {{ margin-left: 2em; }}
mark.span {{ color: inherit; background: none; padding: 0; }}
mark.quote {{ background: {quote_fill}; box-shadow: inset 0 -1px {quote_line}; border-radius: 2px; }}
mark.paraphrase {{ text-decoration: underline dashed {paraphrase_line} 2px; text-underline-offset: 4px; }}
mark.framing {{ text-decoration: underline wavy {framing_line} 1.5px; text-underline-offset: 4px;
               text-decoration-skip-ink: none; font-weight: bold; }}
mark.corrected {{ outline: 1px dotted #444; outline-offset: 1px; }}
.corrected-mark {{ font-size: .7em; }}
table.sources {{ border-collapse: collapse; font-size: .9em; }}
table.data td, table.data th {{ border: 1px solid #bbb; padding: .2em .6em; }}
table.data {{ font-family: "DejaVu Sans", Arial, sans-serif; font-size: .9em; break-inside: avoid; }}
table.sources ol {{ margin: 0; padding-left: 1.4em; }}
table.chart {{ border-collapse: collapse; font-size: .85em; }}
td.who {{ width: 30%; }}
td.chart {{ width: 48%; }}
table.bar {{ table-layout: fixed; border-collapse: collapse; background: #f1f1f1; }}
table.bar td {{ height: .9em; padding: 0; }}
td.bp {{ background-image: repeating-linear-gradient(45deg, rgba(255,255,255,.55) 0 2px, transparent 2px 5px); }}
.bq-key {{ color: {quote_line}; }} .bp-key {{ color: {paraphrase_line}; }}
.unattributed {{ font-size: .95em; }}
footer {{ margin-top: 2em; font-size: .8em; }}
@media print {{
  body {{ max-width: none; margin: 0; padding: 0; font-size: 11pt; background: #fff; }}
  h2, h3 {{ break-after: avoid; }}
  tr, li, table.bar {{ break-inside: avoid; }}
  section.who-speaks, section.sources {{ break-before: page; }}
  .legend {{ break-inside: avoid; }}
}}
"""


_HANDOUT_CSS = """
body { font: 11pt/1.5 Georgia, "DejaVu Serif", serif; color: #000; background: #fff;
       max-width: 44em; margin: 2em auto; padding: 0 1em; }
header h1 { font-size: 1.5em; margin: 0 0 .2em; }
.meta { margin: 0; }
.task { font-style: italic; margin: 1em 0 1.4em; }
.answer-key { break-before: page; }
.answer-key h2 { font-size: 1.2em; }
table.key { border-collapse: collapse; font-size: .9em; }
table.key th { text-align: left; border-bottom: 1px solid #000; }
table.key td { vertical-align: top; border-bottom: 1px solid #bbb; }
td.key-ln { white-space: nowrap; }
.muted { color: #555; }
table.lines { border-collapse: collapse; }
td.ln { color: #555; text-align: right; padding-right: 1em; white-space: nowrap; font-size: .8em; vertical-align: top;
        font-family: "DejaVu Sans Mono", monospace; }
td.line { white-space: nowrap; }  /* wrapped already: the numbers must hold */
@media print { body { max-width: none; margin: 0; padding: 0; } tr { break-inside: avoid; } }
"""
