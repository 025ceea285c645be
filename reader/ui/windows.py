"""Opening the app's other windows — Compare, the library of a folder, another article —
from the main window, the library or the command line, sharing one AnalyzerHolder (the
model loads once) and one Settings. Each window is kept alive here until it is closed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

_open: dict[int, object] = {}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Windows", text)


def keep(window) -> None:
    """Hold `window` until it is closed (then Qt deletes it)."""
    key = id(window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open[key] = window
    window.destroyed.connect(lambda *_args, k=key: _open.pop(k, None))


def open_windows() -> list:
    return list(_open.values())


def palette_for(settings) -> str:
    """The palette the settings choose, "auto" resolved against the system."""
    from reader.ui import palette as palettes

    choice = settings.value("view/palette") if settings is not None else "auto"
    dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return palettes.resolve(choice if choice in palettes.PALETTE_CHOICES else "auto", dark)


def follow_palette(settings, chosen_in=None) -> None:
    """Every other open window (Compare, library, another article) in the palette the
    settings now choose, after View › Palette in `chosen_in`."""
    name = palette_for(settings)
    for window in open_windows():
        if window is not chosen_in and hasattr(window, "follow_palette"):
            window.follow_palette(name)


def open_compare(holder, settings, first: str, second: str, parent=None):
    """A Compare window on two article files; None (after saying why) if one cannot be read."""
    from reader.ui.compare_window import CompareWindow

    window = CompareWindow(holder, settings, palette_for(settings))
    error = window.open_paths(first, second)
    if error is not None:
        window.deleteLater()
        QMessageBox.warning(parent, _tr("Cannot compare these files"), error)
        return None
    keep(window)
    window.show()
    return window


def open_collection(holder, settings, folder: str):
    """The library window on `folder`, filling in the background."""
    from reader.ui.collection_window import CollectionWindow

    window = CollectionWindow(holder, palette_for(settings))
    window.openRequested.connect(lambda path: open_article(holder, settings, path, window))
    window.compareRequested.connect(
        lambda first, second: open_compare(holder, settings, first, second, window))
    keep(window)
    window.show()
    window.open_folder(folder)
    return window


def open_article(holder, settings, path: str, parent=None):
    """A main window on one article (from the library)."""
    from reader.ui.main_window import MainWindow

    window = MainWindow(holder, settings)
    # Read in the background; a file that cannot be read closes the window after its
    # dialog (connected after the window's own handler, which shows the dialog).
    window.loader.failed.connect(lambda *_: window.close() if window.article is None else None)
    window.open_path(path)
    keep(window)
    window.show()
    return window
