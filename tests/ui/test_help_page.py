"""Help › How to read this names every framing label with its one-sentence explanation."""

from html import escape

from reader.ui.help_page import help_html
from reader.vocabulary import FRAMING_LABELS


def test_help_page_explains_every_framing_label(qapp):
    page = help_html()
    for label in FRAMING_LABELS.values():
        assert label.title in page
        assert escape(label.explanation) in page
