"""File > Export, Print, and the corrections file, for the article shown in the window.

The formats themselves are reader/export; this module asks where to write, writes the
corrected analysis and says what went wrong in a dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from reader.ui.translations import english_plural


# format name -> (file dialog filter, suffix)
FORMATS = {
    "html": ("HTML page (*.html *.htm)", ".html"),
    "pdf": ("PDF document (*.pdf)", ".pdf"),
    "handout": ("PDF document (*.pdf)", ".pdf"),
    "json": ("JSON (*.json)", ".json"),
    "brat": ("brat stand-off (*.ann *.txt)", ".ann"),
    "corrections": ("Corrections (*.json)", ".json"),
}
SUFFIX_HINTS = {"handout": "-handout", "corrections": "-corrections", "json": "-analysis"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


class Exporter:
    def __init__(self, window):
        self.window = window

    # Where -------------------------------------------------------------------------------

    def _default_path(self, fmt: str) -> str:
        article = self.window.article
        stem = Path(article.path).stem if article and article.path else "article"
        folder = self.window.settings.value("files/last_dir") or str(Path.home())
        return str(Path(folder) / f"{stem}{SUFFIX_HINTS.get(fmt, '')}{FORMATS[fmt][1]}")

    def ask_save_path(self, fmt: str, title: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.window, title, self._default_path(fmt),
                                              _tr(FORMATS[fmt][0]))
        if not path:
            return None
        if fmt != "brat" and not Path(path).suffix:
            path += FORMATS[fmt][1]
        return path

    def _failed(self, path: str, error: Exception) -> None:
        reason = getattr(error, "strerror", None) or str(error)
        QMessageBox.warning(self.window, _tr("Export failed"),
                            _tr("Could not write {path}: {reason}").format(path=path,
                                                                          reason=reason))

    # Exports -----------------------------------------------------------------------------

    def export(self, fmt: str) -> str | None:
        """Ask for a file and write the article in `fmt`; the path written, or None."""
        window = self.window
        if window.article is None or (fmt != "handout" and window.corrections.analysis is None):
            return None
        titles = {"html": _tr("Export as HTML"), "pdf": _tr("Export as PDF"),
                  "handout": _tr("Export a PDF handout"), "json": _tr("Export as JSON"),
                  "brat": _tr("Export for brat")}
        path = self.ask_save_path(fmt, titles[fmt])
        if path is None:
            return None
        try:
            written = self.write(fmt, path)
        except (OSError, RuntimeError) as error:
            self._failed(path, error)
            return None
        window.set_status(_tr("Exported to {path}").format(path=written))
        return written

    def write(self, fmt: str, path: str) -> str:
        """Write the shown article and its corrected analysis as `fmt` to `path`."""
        article = self.window.article
        corrections = self.window.corrections
        analysis = corrections.analysis
        applied = corrections.history.corrections if corrections.history else []
        if fmt == "html":
            from reader.export.html import render_html

            Path(path).write_text(render_html(article, analysis, corrections=len(applied)),
                                  encoding="utf-8")
        elif fmt in ("pdf", "handout"):
            from reader.export.pdf import write_pdf

            if fmt == "handout":
                # With the analysis, the handout ends with an answer key page.
                write_pdf(path, article, analysis, handout=True)
            else:
                write_pdf(path, article, analysis, corrections=len(applied))
        elif fmt == "json":
            from reader.export.json_export import write_json

            write_json(path, article, analysis, applied)
        elif fmt == "brat":
            from reader.export.brat import write_brat

            txt, ann = write_brat(path, article.text, analysis)
            return str(ann)
        else:
            raise ValueError(f"unknown format {fmt}")
        return path

    def print_article(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from reader.export.pdf import print_document, text_document

        window = self.window
        if window.article is None or window.corrections.analysis is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(window.article.title or "Article")
        dialog = QPrintDialog(printer, window)
        dialog.setWindowTitle(_tr("Print the analysis"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            document = text_document(window.article, window.corrections.analysis,
                                     corrections=window.corrections.count())
            print_document(document, printer)
        except (OSError, RuntimeError) as error:
            QMessageBox.warning(window, _tr("Printing failed"), str(error))

    # Corrections file --------------------------------------------------------------------

    def export_corrections(self) -> str | None:
        window = self.window
        if window.corrections.history is None:
            return None
        path = self.ask_save_path("corrections", _tr("Export corrections"))
        if path is None:
            return None
        try:
            window.corrections.export_to(path)
        except OSError as error:
            self._failed(path, error)
            return None
        exported = len(window.corrections.history.corrections_to_save)
        window.set_status(english_plural(QCoreApplication.translate(
            "Export", "%n correction(s) exported to {path}", None, exported), exported
        ).format(path=path))
        return path

    def import_corrections(self) -> tuple[int, int] | None:
        window = self.window
        if window.corrections.history is None or window.quiz_mode.active:
            return None
        folder = window.settings.value("files/last_dir") or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(window, _tr("Import corrections"), folder,
                                              _tr("Corrections (*.json);;All files (*)"))
        if not path:
            return None
        from reader.corrections import CorrectionError

        try:
            applied, skipped = window.corrections.import_from(path)
        except CorrectionError as error:
            QMessageBox.warning(window, _tr("Cannot import corrections"), str(error))
            return None
        message = english_plural(QCoreApplication.translate(
            "Export", "%n correction(s) imported", None, applied), applied)
        if skipped:
            message += _tr("; {skipped} did not apply to this article or were there "
                           "already").format(skipped=skipped)
        window.set_status(message + ".")
        return applied, skipped
