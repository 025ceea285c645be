"""The saved page's address, shown as text; opened in the browser only on request.

A saved article often records where it came from. Showing that address helps a reader
check the original, but opening it reaches the network, which the reader never does on
its own: the link opens only when clicked, and only after the user confirms.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

_WEB_SCHEMES = ("http", "https")


class SourceLink(QLabel):
    """"Saved from: https://…" above the article, hidden when the file names no address."""

    opened = Signal(str)  # the address handed to the system browser

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.url: str | None = None
        self.setOpenExternalLinks(False)
        self.setContentsMargins(8, 2, 8, 2)
        self.linkActivated.connect(self._confirm_and_open)
        self.hide()

    def set_url(self, url: str | None) -> None:
        parsed = QUrl(url) if url else QUrl()
        if not url or not parsed.isValid() or parsed.scheme().lower() not in _WEB_SCHEMES:
            self.url = None
            self.clear()
            self.hide()
            return
        self.url = url
        self.setText(self.tr("Saved from: {link}").format(
            link=f'<a href="{escape(url, quote=True)}">{escape(url)}</a>'))
        self.setToolTip(self.tr("Click to open the original page in your web browser"))
        self.show()

    def _confirm_and_open(self, _href: str) -> None:
        if self.url is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Open the original page?"),
            self.tr("Open {url} in your web browser? This leaves Provenance Reader and "
                    "connects to the internet.").format(url=self.url))
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl(self.url))
            self.opened.emit(self.url)
