"""Help > How to read this: the three kinds in plain words, an example each, the keys."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from reader.ui import shortcuts
from reader.ui.formats import kind_format
from reader.ui.palette import CUE_DESCRIPTIONS, KIND_STYLES
from reader.ui.palette import tr as palette_tr
from reader.vocabulary import FRAMING_LABELS


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpPage", text)


def _explanations() -> dict[str, tuple[str, str, list[str]]]:
    """kind -> (meaning, example sentence, the parts of the example that are that kind)."""
    return {
        "quote": (
            _tr("The source's own words, exactly as the writer presents them: inside "
                "quotation marks, or set apart as a block quote after a lead-in such as "
                "“said in a statement:”."),
            _tr("“We simply cannot keep three buildings open,” said Mayor Daniel Ortiz."),
            [_tr("“We simply cannot keep three buildings open,”")]),
        "paraphrase": (
            _tr("What a source said, retold in the writer's words: “X said that …”, "
                "“according to …”, “allegedly”, “reportedly”. The claim is the "
                "source's; "
                "the wording is the writer's, so check it against the source if you can."),
            _tr("According to a budget report, the branch costs more per visitor."),
            [_tr("the branch costs more per visitor")]),
        "framing": (
            _tr("The writer's own voice where it leans: loaded labels, scare quotes, "
                "distancing verbs (“insisted”, “so-called”), hedges and intensifiers. "
                "Not wrong in itself, but it is the writer speaking, not a source."),
            _tr("The so-called efficiency plan even proposed selling the building."),
            [_tr("so-called"), _tr("even proposed")]),
    }


def help_html() -> str:
    intro = _tr("Every coloured span says who is speaking. Hover a span to see its source, "
                "the cue that gave it away, why it was marked and how sure the reader is. "
                "The marks support your judgement; they do not replace it.")
    panel = _tr("The panel beside the article lists the sources, grouped by type, each with "
                "its claims. Claims with no identifiable source are under “Unattributed”; "
                "the writer's own framing has a row of its own. Select a source to see all "
                "its claims and mentions; the rest of the article is dimmed.")
    parts = [f"<h2>{escape(_tr('How to read this'))}</h2>", f"<p>{escape(intro)}</p>"]
    for kind, (meaning, example, _marks) in _explanations().items():
        style = KIND_STYLES[kind]
        title = escape(palette_tr(style.title))
        cue = escape(palette_tr(CUE_DESCRIPTIONS[style.cue]))
        parts.append(f"<h3>{title} <small>({cue})</small></h3><p>{escape(meaning)}</p>"
                     f"<p style='margin-left:16px'><i>{escape(_tr('Example:'))}</i> "
                     f"{escape(example)}</p>")
        if kind == "framing":
            parts.append(_framing_labels_html())
    parts.append(f"<p>{escape(panel)}</p>")
    corrections = _tr("You can overrule the marks: right-click a span to change its kind, "
                      "give its claim to another or a new source, merge its source into "
                      "another or remove it; select words and right-click to mark them. "
                      "Corrected spans have a line above them and say “Corrected by you” "
                      "in their card. Corrections are saved at once, come back when the "
                      "article is opened again, and can be shared with File › Export "
                      "Corrections. Quiz mode (F6) hides the colours for a class to guess.")
    parts.append(f"<p>{escape(corrections)}</p>")
    english = _tr("Provenance Reader reads English only. An article in another language is "
                  "not analysed, so nothing in it is coloured or counted; a bar above the "
                  "text says so (in the library, Compare and presentation mode too), and "
                  "Analyse Anyway runs the English rules on an English article taken for "
                  "another language.")
    parts.append(f"<p>{escape(english)}</p>")
    parts.append(f"<h3>{escape(_tr('Keyboard shortcuts'))}</h3><table cellpadding='3'>")
    for keys, description in shortcuts.rows():
        parts.append(f"<tr><td><b>{escape(keys)}</b></td><td>{escape(description)}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


def _vocabulary_tr(text: str) -> str:
    return QCoreApplication.translate("Vocabulary", text)


def _framing_labels_html() -> str:
    """Each framing label the hover card can name, with its one-sentence explanation."""
    rows = "".join(f"<li><b>{escape(_vocabulary_tr(label.title))}</b>: "
                   f"{escape(_vocabulary_tr(label.explanation))}</li>"
                   for label in FRAMING_LABELS.values())
    return (f"<p>{escape(_tr('The hover card names the kind of framing:'))}</p>"
            f"<ul>{rows}</ul>")


def mark_examples(document: QTextDocument, palette_name: str) -> None:
    """Draw each example's marked words the way the article view draws that kind."""
    for kind, (_meaning, example, marks) in _explanations().items():
        sentence = document.find(example)
        for mark in marks:
            found = document.find(mark, sentence.selectionStart())
            if not found.isNull():
                found.mergeCharFormat(kind_format(kind, palette_name))


class HelpDialog(QDialog):
    def __init__(self, parent=None, palette_name: str = "light"):
        super().__init__(parent)
        self.setWindowTitle(_tr("How to read this"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(help_html())
        mark_examples(self.browser.document(), palette_name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 640)
