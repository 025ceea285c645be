"""The main window's menu bar: every action, its shortcut (from reader/ui/shortcuts.py) and
what it calls on the window, built in one place as novelWriter's GuiMainMenu does.

The window keeps what the actions do; this module only says where each action sits, and
fills the menus whose entries change (recent files, installed language models) when they
open.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from reader.ui import palette as palettes
from reader.ui import shortcuts

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

EXPORT_FORMATS = ("html", "pdf", "handout", "json", "brat")


def add_action(window: QWidget, actions: dict[str, QAction], name: str, text: str, slot,
               menu: QMenu | None = None, checkable: bool = False) -> QAction:
    """An action of `window` named `name` in `actions`, with its shortcut from the table
    (reader/ui/shortcuts.py), added to `menu` if one is given."""
    action = QAction(text, window)
    if name in shortcuts.BY_ACTION:
        action.setShortcuts(shortcuts.key_sequences(name))
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    if menu is not None:
        menu.addAction(action)
    window.addAction(action)  # shortcuts work in full screen too, with the menu bar hidden
    actions[name] = action
    return action


class MainMenu(QObject):
    """Builds the menu bar of `window` (a MainWindow) and holds its actions by name."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        bar = window.menuBar()
        self._file_menu(bar)
        self._edit_menu(bar)
        self._view_menu(bar)
        self._unlisted_actions()
        self._help_menu(bar)

    def action(self, name: str, text: str, slot, menu: QMenu | None = None,
               checkable: bool = False) -> QAction:
        """An action of the window, with its shortcut from the table, added to `menu`."""
        return add_action(self.window, self.actions, name, text, slot, menu, checkable)

    def _file_menu(self, bar: QMenuBar) -> None:
        w = self.window
        file_menu = bar.addMenu(self.tr("&File"))
        self.action("open", self.tr("&Open…"), w.open_dialog, file_menu)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.action("open_folder", self.tr("Open &Folder…"), w.open_folder_dialog, file_menu)
        self.action("compare_with", self.tr("Co&mpare With…"), w.compare_with_dialog, file_menu)
        file_menu.addSeparator()
        self.export_menu = file_menu.addMenu(self.tr("&Export"))
        titles = {"html": self.tr("&HTML…"), "pdf": self.tr("&PDF…"),
                  "handout": self.tr("PDF &Handout…"), "json": self.tr("&JSON…"),
                  "brat": self.tr("&brat…")}
        for fmt in EXPORT_FORMATS:
            self.action(f"export_{fmt}", titles[fmt],
                        lambda _c=False, f=fmt: w.exporter.export(f), self.export_menu)
        self.action("print", self.tr("&Print…"), w.exporter.print_article, file_menu)
        file_menu.addSeparator()
        self.action("export_corrections", self.tr("Export &Corrections…"),
                    w.exporter.export_corrections, file_menu)
        self.action("import_corrections", self.tr("&Import Corrections…"),
                    w.exporter.import_corrections, file_menu)
        file_menu.addSeparator()
        self.action("quit", self.tr("&Quit"), w.close, file_menu)

    def _edit_menu(self, bar: QMenuBar) -> None:
        w = self.window
        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.action("undo", self.tr("&Undo"), w.corrections.undo, edit_menu)
        self.action("redo", self.tr("&Redo"), w.corrections.redo, edit_menu)

    def _view_menu(self, bar: QMenuBar) -> None:
        w = self.window
        view_menu = bar.addMenu(self.tr("&View"))
        self.action("find", self.tr("&Find…"), w.find_bar.open, view_menu)
        self.action("find_next", self.tr("Find &Next"), lambda: w.find_bar.step(1), view_menu)
        self.action("find_previous", self.tr("Find &Previous"), lambda: w.find_bar.step(-1),
                    view_menu)
        view_menu.addSeparator()
        self.action("next_span", self.tr("Next &Span"), lambda: w.step_span(True), view_menu)
        self.action("previous_span", self.tr("Previous S&pan"), lambda: w.step_span(False),
                    view_menu)
        step_menu = view_menu.addMenu(self.tr("Step &Through"))
        group = QActionGroup(self)
        for name, kind, title in (("step_all", None, self.tr("Every Kind")),
                                  ("step_quote", "quote", self.tr("Quotes")),
                                  ("step_paraphrase", "paraphrase", self.tr("Paraphrases")),
                                  ("step_framing", "framing", self.tr("Framing"))):
            action = self.action(name, title, lambda _c=False, k=kind: w.set_step_kind(k),
                                 step_menu, checkable=True)
            group.addAction(action)
        self.actions["step_all"].setChecked(True)
        view_menu.addSeparator()
        self.action("zoom_in", self.tr("Zoom &In"), lambda: w.zoom_by(1), view_menu)
        self.action("zoom_out", self.tr("Zoom &Out"), lambda: w.zoom_by(-1), view_menu)
        self.action("zoom_reset", self.tr("&Normal Size"), lambda: w.set_zoom(0), view_menu)
        view_menu.addSeparator()
        palette_menu = view_menu.addMenu(self.tr("&Colours"))
        palette_group = QActionGroup(self)
        for choice in palettes.PALETTE_CHOICES:
            action = self.action(f"palette_{choice}", palettes.tr(palettes.PALETTE_TITLES[choice]),
                                 lambda _c=False, p=choice: w.set_palette_choice(p),
                                 palette_menu, checkable=True)
            palette_group.addAction(action)
        self.action("toggle_panel", self.tr("Sources &Panel"), w.toggle_panel, view_menu,
                    checkable=True).setChecked(True)
        self.action("toggle_legend", self.tr("&Legend"), w.toggle_legend, view_menu,
                    checkable=True).setChecked(True)
        self.action("projector", self.tr("P&rojector Style"),
                    lambda on: w.set_projector_style(on), view_menu, checkable=True)
        view_menu.addSeparator()
        self.action("presentation", self.tr("P&resentation Mode"), w.toggle_presentation,
                    view_menu, checkable=True)
        self.action("quiz", self.tr("&Quiz Mode"), w.quiz_mode.toggle, view_menu, checkable=True)
        self.action("quiz_check", self.tr("Check the Quiz &Guess"), w.quiz_mode.check,
                    view_menu).setEnabled(False)
        self.action("who_speaks", self.tr("&Who Speaks…"), w.show_who_speaks, view_menu)
        self.action("page_images", self.tr("Page &Images…"), w.show_page_images, view_menu)
        self.action("analyse_anyway", self.tr("&Analyse Anyway as English"), w.analyse_anyway,
                    view_menu).setEnabled(False)
        view_menu.addSeparator()
        self.model_menu = view_menu.addMenu(self.tr("Language &Model"))
        # Filled when opened: finding the installed pipelines takes a moment.
        self.model_menu.aboutToShow.connect(self.fill_model_menu)

    def _unlisted_actions(self) -> None:
        """Not in a menu: arrows step only in presentation mode, Esc leaves it (or Find)."""
        w = self.window
        for name, slot in (("presentation_next", lambda: w.presentation.step(True)),
                           ("presentation_previous", lambda: w.presentation.step(False)),
                           ("presentation_first", w.presentation.first),
                           ("presentation_last", w.presentation.last),
                           ("presentation_leave", w.on_escape)):
            text = QCoreApplication.translate("Shortcuts", shortcuts.BY_ACTION[name].description)
            self.action(name, text, slot).setEnabled(name == "presentation_leave")

    def _help_menu(self, bar: QMenuBar) -> None:
        w = self.window
        help_menu = bar.addMenu(self.tr("&Help"))
        self.action("help", self.tr("&How to Read This"), w.show_help, help_menu)
        self.action("about", self.tr("&About"), w.show_about, help_menu)

    def fill_model_menu(self) -> None:
        from reader.provenance.pipelines import DEFAULT_MODEL, installed_pipelines

        w = self.window
        self.model_menu.clear()
        current = w.runner.holder.model_name or DEFAULT_MODEL
        group = QActionGroup(self.model_menu)
        for name in installed_pipelines():
            action = self.model_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(name == current)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, n=name: w.set_model(n))
        if not group.actions():
            self.model_menu.addAction(self.tr("No trained English pipeline is installed")
                                      ).setEnabled(False)

    def fill_recent_menu(self) -> None:
        w = self.window
        self.recent_menu.clear()
        recent = w.settings.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: w.open_path(p))
        if not recent:
            self.recent_menu.addAction(self.tr("No recent files")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear List"), w.settings.clear_recent_files)
