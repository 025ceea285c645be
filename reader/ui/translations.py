"""The window's translations: Qt's own strings and ours, in the language of the system
locale when a translation for it is shipped.

Our strings go through tr() / QCoreApplication.translate() in the source; a language is
a Qt Linguist file, resources/translations/provenance_reader_<lang>.ts, compiled to a
.qm beside it (scripts/update_translations.py does both; docs/design.md §6 says how to
add a language). Without a .qm for the locale the window is in English, the language of
the source strings.

Counts use Qt's plural forms: the source says "%n claim(s)" and passes the number
(`QCoreApplication.translate(context, text, None, n)` or `self.tr(text, "", n)`); a
translation gives each form of its language. English needs no .qm for that:
`english_plural` turns the "(s)" of an untranslated string into the English form.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CATALOGUE = "provenance_reader"
_ENGLISH_PLURAL = re.compile(r"\((s|es)\)")


def translations_folder() -> Path:
    from reader.resources_path import resource

    return resource("translations")


def install_translators(app: QCoreApplication, locale: QLocale | None = None,
                        folder: Path | None = None) -> list[QTranslator]:
    """Installs Qt's translation and ours for `locale` (the system's by default), where
    one exists; returns the translators installed."""
    locale = locale or QLocale()
    installed = []
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    ours = QTranslator(app)
    if ours.load(locale, CATALOGUE, "_", str(folder or translations_folder())):
        app.installTranslator(ours)
        installed.append(ours)
    return installed


def english_plural(text: str, n: int) -> str:
    """An untranslated "%n claim(s)" (n already filled in) in English: "1 claim",
    "2 claims". A translated string has no "(s)" and comes back as it is."""
    return _ENGLISH_PLURAL.sub(lambda match: "" if n == 1 else match.group(1), text)


def tr_count(context: str, text: str, n: int) -> str:
    """QCoreApplication.translate with Qt's plural forms, in English without a translation.
    (Call sites that lupdate must see write QCoreApplication.translate themselves.)"""
    return english_plural(QCoreApplication.translate(context, text, None, n), n)
