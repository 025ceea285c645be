"""Translation is real: every string of the window can be extracted into a catalogue, a
compiled catalogue for the locale is installed, and counts take the language's plural
forms (English ones without any catalogue)."""

import runpy
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from reader.ui.translations import english_plural, install_translators

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = runpy.run_path(str(ROOT / "scripts" / "update_translations.py"))


def test_english_plurals_without_a_catalogue(qapp):
    def claims(n):
        return english_plural(QCoreApplication.translate("Presentation", "%n claim(s)", None, n), n)

    assert [claims(n) for n in (0, 1, 2)] == ["0 claims", "1 claim", "2 claims"]


def test_every_helper_s_strings_are_extracted():
    messages = SCRIPT["extract"](SCRIPT["source_files"]())
    found = {(m.context, m.source): m for m in messages}
    # A module helper (_tr in presentation.py), self.tr, QT_TRANSLATE_NOOP, plain_language's tr.
    assert ("Presentation", "Presentation mode") in found
    assert ("FindBar", "No matches") in found
    assert ("Palette", "Direct quote") in found
    assert ("PlainLanguage", "The exact words of {who}, inside quotation marks.") in found
    assert found[("Presentation", "%n claim(s)")].numerus
    assert len(found) > 300


@pytest.fixture
def german(tmp_path):
    """A German catalogue with two strings translated, compiled as the script does."""
    ts = tmp_path / "provenance_reader_de.ts"
    messages = [m for m in SCRIPT["extract"](SCRIPT["source_files"]())
                if m.context in ("FindBar", "Presentation")]
    SCRIPT["write_catalogue"](ts, "de", messages)
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        if source == "No matches":
            translation.text = "Keine Treffer"
        elif source == "%n claim(s)":
            for form in list(translation):
                translation.remove(form)
            for text in ("%n Behauptung", "%n Behauptungen"):
                ET.SubElement(translation, "numerusform").text = text
        else:
            continue
        del translation.attrib["type"]
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    try:
        SCRIPT["compile_catalogue"](ts)
    except (OSError, RuntimeError) as error:
        pytest.skip(f"pyside6-lrelease cannot run here: {error}")
    return tmp_path


def test_the_catalogue_of_the_locale_is_installed(qapp, german):
    installed = install_translators(qapp, QLocale("de_DE"), folder=german)
    try:
        assert QCoreApplication.translate("FindBar", "No matches") == "Keine Treffer"
        counts = [english_plural(QCoreApplication.translate("Presentation", "%n claim(s)",
                                                            None, n), n) for n in (1, 3)]
        assert counts == ["1 Behauptung", "3 Behauptungen"]
        assert QCoreApplication.translate("FindBar", "Find:") == "Find:"  # not translated yet
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("FindBar", "No matches") == "No matches"


def test_updating_a_catalogue_keeps_its_translations(tmp_path, german):
    ts = german / "provenance_reader_de.ts"
    messages = [m for m in SCRIPT["extract"](SCRIPT["source_files"]()) if m.context == "FindBar"]
    SCRIPT["write_catalogue"](ts, "de", messages)
    kept = {m.findtext("source"): m.findtext("translation")
            for m in ET.parse(ts).getroot().iter("message")}
    assert kept["No matches"] == "Keine Treffer"


def test_no_language_is_installed_for_a_locale_without_a_catalogue(qapp, tmp_path):
    installed = install_translators(qapp, QLocale("fr_FR"), folder=tmp_path)
    for translator in installed:
        qapp.removeTranslator(translator)
    assert all("provenance_reader" not in t.filePath() for t in installed)
