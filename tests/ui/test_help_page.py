"""Help › How to read this names every framing label with its one-sentence explanation."""

from html import escape

from reader.ui.help_page import help_html
from reader.vocabulary import FRAMING_LABELS


def test_help_page_explains_every_framing_label(qapp):
    page = help_html()
    for label in FRAMING_LABELS.values():
        assert label.title in page
        assert escape(label.explanation) in page


def test_help_page_says_what_happens_to_an_article_not_in_english(qapp):
    page = help_html()
    assert "reads English only" in page and "Analyse Anyway" in page
