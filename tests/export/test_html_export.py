"""The HTML export: self-contained, well formed, every span and source, all escaped."""

import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser

import pytest

from reader.palette import CORRECTED_MARK
from reader.export.html import QT, render_handout_html, render_html

from handmade import make_analysis, make_article

VOID = {"meta", "br", "img", "hr", "link", "input"}


class Page(HTMLParser):
    """Checks nesting and collects the marks' text and the article's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.marks, self.titles = [], {}, {}
        self.article_text, self.tags = [], []
        self.in_article = False
        self.in_sup = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "section" and attrs.get("class") == "article":
            self.in_article = True
        if tag == "sup":
            self.in_sup += 1
        if tag == "br" and self.in_article:
            self._text("\n")
        if tag not in VOID:
            self.stack.append((tag, attrs))
        if tag == "mark" and "data-span" in attrs:
            self.titles[attrs["data-span"]] = attrs.get("title", "")

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if tag == "sup":
            self.in_sup -= 1
        if tag == "section" and self.in_article:
            self.in_article = False

    def handle_data(self, data):
        self._text(data)

    def _text(self, data):
        if not self.in_article or self.in_sup:
            return
        for tag, attrs in self.stack:
            if tag == "mark" and "data-span" in attrs:
                self.marks[attrs["data-span"]] = self.marks.get(attrs["data-span"], "") + data
        if any(tag == "p" for tag, _ in self.stack):
            self.article_text.append(data)


def parse(page):
    parser = Page()
    parser.feed(page)
    parser.close()
    assert parser.stack == [], "unclosed tags"
    return parser


def test_self_contained():
    article, analysis = make_article(), make_analysis()
    page = render_html(article, analysis)
    assert page.startswith("<!DOCTYPE html>")
    lowered = page.lower()
    for forbidden in ("<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "href=",
                      "onclick", "onmouseover"):
        assert forbidden not in lowered
    assert "@media print" in page


def test_every_span_is_marked_with_its_text():
    article, analysis = make_article(), make_analysis()
    parsed = parse(render_html(article, analysis))
    for span in analysis.spans:
        assert parsed.marks[span.id] == article.text[span.start:span.end]


def test_article_text_is_all_there():
    article, analysis = make_article(), make_analysis()
    parsed = parse(render_html(article, analysis))
    expected = "".join(article.text[b.start:b.end] for b in article.blocks)
    assert "".join(parsed.article_text).replace("Legend", "") == expected


def test_hover_titles():
    article, analysis = make_article(), make_analysis()
    titles = parse(render_html(article, analysis)).titles
    assert titles["s2"].splitlines() == [
        "Direct quote", "Source: Ann Ortiz (person), Mayor", "Cue: said",
        "Why: quote with cue 'said' → 'she'", "Confidence: 90 %"]
    assert "Source: unattributed" in titles["s5"] and "Cue: reportedly" in titles["s5"]
    assert "Source" not in titles["s4"] and "<b>" in titles["s4"]  # unescaped by the parser


def test_everything_is_escaped():
    article, analysis = make_article(), make_analysis()
    page = render_html(article, analysis)
    assert "<shuts>" not in page and "&lt;shuts&gt;" in page
    assert "<Courier>" not in page and "&lt;Courier&gt;" in page
    assert "<b>" not in page
    assert "a?b=1&amp;c=2" in page


def test_sources_and_claims_and_chart():
    article, analysis = make_article(), make_analysis()
    page = render_html(article, analysis)
    text = unescape(re.sub(r"<[^>]+>", " ", page))
    for name in ("Ann Ortiz", "critics", "Unattributed", "Mayor"):
        assert name in text
    # A short paraphrase is listed with its cue in front (reader/claim_label.py) ...
    assert "called: the plan a disgrace" in " ".join(text.split())
    assert "cue “called”" not in text
    # ... a quotation with its cue after it, muted.
    assert "“We cannot keep it open,” — cue “said”" in " ".join(text.split())
    assert "Who speaks" in text and "45 % own words" in text  # 14 of 31
    assert "16 % quoted · 16 % retold" in text
    assert "1 of 12 words" in text
    assert "1 unattributed allegation " in " ".join(text.split())
    assert "Made by Provenance Reader" in text and "handmade 1.0" in text


def test_legend_has_non_colour_cues():
    article, analysis = make_article(), make_analysis()
    page = render_html(article, analysis)
    for cue in ("filled background", "dashed underline", "wavy underline"):
        assert cue in page
    assert "underline dashed" in page and "underline wavy" in page


def test_corrected_spans_are_marked():
    article, analysis = make_article(), make_analysis()
    analysis.spans[2].corrected = True
    page = render_html(article, analysis, corrections=1)
    assert re.search(r'<mark class="span paraphrase corrected" data-span="s3"', page)
    assert page.count(CORRECTED_MARK) == 4  # legend, after the span, in its claim, footer
    assert "made 1 correction" in page


def test_crossing_spans_nest_properly():
    article, analysis = make_article(), make_analysis()
    # A framing span that starts inside one span and ends inside the next.
    text = article.text
    analysis.spans.append(type(analysis.spans[0])(
        "s9", "framing", text.index("disgrace"), text.index("so-called") + 2, why="test"))
    parsed = parse(render_html(article, analysis))
    assert parsed.marks["s9"] == text[text.index("disgrace"):text.index("so-called") + 2]
    assert parsed.marks["s4"] == "so-called"


def test_qt_variant_flattens_runs():
    article, analysis = make_article(), make_analysis()
    page = render_html(article, analysis, variant=QT)
    assert 'title="pr:framing"' in page and 'title="pr:quote"' in page
    assert "<mark" not in page.split("</ul>", 1)[1]


def test_handout_has_numbered_lines_and_no_analysis():
    article = make_article()
    page = render_handout_html(article, width=30)
    parse(page)
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split())
    assert "<mark" not in page and "Legend" not in page and "Ortiz (person)" not in page
    assert "1 Council shuts library" in text
    assert "2 Mayor Ann Ortiz said the 3 branch costs too much." in text
    assert "Council &lt;shuts&gt;" in page  # the title, escaped
    assert "Photo: Sam Lee" not in page  # the caption is not the article


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium")
def test_chromium_reads_it(tmp_path):
    article, analysis = make_article(), make_analysis()
    path = tmp_path / "page.html"
    path.write_text(render_html(article, analysis), encoding="utf-8")
    dom = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120).stdout
    assert dom.count('data-span="') == len(analysis.spans)
    assert "Who speaks" in dom


def test_framing_hover_title_explains_its_label():
    from reader.vocabulary import FRAMING_LABELS

    article, analysis = make_article(), make_analysis()
    titles = parse(render_html(article, analysis)).titles
    insinuation = FRAMING_LABELS["insinuation"]
    assert f"Insinuation: {insinuation.explanation}" in titles["s4"].splitlines()
