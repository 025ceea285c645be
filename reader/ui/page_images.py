"""The images a saved page keeps beside it, shown apart from the text.

Only files the loader found on disk next to the page are listed (Article.images); a
remote image is never fetched. They are shown in their own dialog rather than inside the
article, so that the text's positions (and every highlight) stay exactly those of the
analysed text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout,
                               QWidget)

THUMBNAIL_WIDTH = 480
# Decoding is capped so that a huge or hostile image file cannot exhaust memory.
MAX_IMAGE_PIXELS = 40_000_000


def load_thumbnail(path: str, width: int = THUMBNAIL_WIDTH) -> QPixmap | None:
    reader = QImageReader(path)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_IMAGE_PIXELS:
        return None
    if size.width() > width:
        reader.setScaledSize(size.scaled(width, 10 ** 6, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else QPixmap.fromImage(image)


class PageImagesDialog(QDialog):
    def __init__(self, paths: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Images saved with this page"))
        layout = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        column = QVBoxLayout(body)
        self.shown = 0
        for path in paths:
            pixmap = load_thumbnail(path)
            if pixmap is None:
                continue
            picture = QLabel(body)
            picture.setPixmap(pixmap)
            column.addWidget(picture)
            caption = QLabel(Path(path).name, body)
            caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(caption)
            self.shown += 1
        if not self.shown:
            column.addWidget(QLabel(self.tr(
                "This article has no images saved beside it. Images on the web are never "
                "downloaded."), body))
        column.addStretch(1)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(THUMBNAIL_WIDTH + 80, 640)
