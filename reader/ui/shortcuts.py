"""The keyboard shortcuts, in one table, so the menus, the help page and the README agree."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence


@dataclass(frozen=True)
class Shortcut:
    action: str  # the name main_window uses for the QAction
    keys: tuple[str, ...]  # portable QKeySequence text; the first is shown in menus
    description: str  # translatable


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("open", ("Ctrl+O",), QT_TRANSLATE_NOOP("Shortcuts", "Open an article")),
    Shortcut("quit", ("Ctrl+Q",), QT_TRANSLATE_NOOP("Shortcuts", "Quit")),
    Shortcut("find", ("Ctrl+F",), QT_TRANSLATE_NOOP("Shortcuts", "Find in the article")),
    Shortcut("find_next", ("F3",), QT_TRANSLATE_NOOP("Shortcuts", "Next match")),
    Shortcut("find_previous", ("Shift+F3",), QT_TRANSLATE_NOOP("Shortcuts", "Previous match")),
    Shortcut("next_span", ("Alt+Down",),
             QT_TRANSLATE_NOOP("Shortcuts", "Next span of the chosen kind")),
    Shortcut("previous_span", ("Alt+Up",),
             QT_TRANSLATE_NOOP("Shortcuts", "Previous span of the chosen kind")),
    Shortcut("step_all", ("Alt+0",), QT_TRANSLATE_NOOP("Shortcuts", "Step through every kind")),
    Shortcut("step_quote", ("Alt+1",), QT_TRANSLATE_NOOP("Shortcuts", "Step through quotes")),
    Shortcut("step_paraphrase", ("Alt+2",),
             QT_TRANSLATE_NOOP("Shortcuts", "Step through paraphrases")),
    Shortcut("step_framing", ("Alt+3",),
             QT_TRANSLATE_NOOP("Shortcuts", "Step through the writer's framing")),
    Shortcut("zoom_in", ("Ctrl+=", "Ctrl++"), QT_TRANSLATE_NOOP("Shortcuts", "Larger text")),
    Shortcut("zoom_out", ("Ctrl+-",), QT_TRANSLATE_NOOP("Shortcuts", "Smaller text")),
    Shortcut("zoom_reset", ("Ctrl+0",), QT_TRANSLATE_NOOP("Shortcuts", "Normal text size")),
    Shortcut("toggle_panel", ("Ctrl+B",),
             QT_TRANSLATE_NOOP("Shortcuts", "Show or hide the sources panel")),
    Shortcut("presentation", ("F5",), QT_TRANSLATE_NOOP("Shortcuts", "Presentation mode")),
    Shortcut("presentation_next", ("Right",),
             QT_TRANSLATE_NOOP("Shortcuts", "Presentation mode: next claim")),
    Shortcut("presentation_previous", ("Left",),
             QT_TRANSLATE_NOOP("Shortcuts", "Presentation mode: previous claim")),
    Shortcut("presentation_first", ("Home",),
             QT_TRANSLATE_NOOP("Shortcuts", "Presentation mode: first claim")),
    Shortcut("presentation_last", ("End",),
             QT_TRANSLATE_NOOP("Shortcuts", "Presentation mode: last claim")),
    Shortcut("presentation_leave", ("Esc",),
             QT_TRANSLATE_NOOP("Shortcuts", "Leave presentation mode or close the find bar")),
    Shortcut("help", ("F1",), QT_TRANSLATE_NOOP("Shortcuts", "How to read this")),
    Shortcut("undo", ("Ctrl+Z",), QT_TRANSLATE_NOOP("Shortcuts", "Undo the last correction")),
    Shortcut("redo", ("Ctrl+Shift+Z",),
             QT_TRANSLATE_NOOP("Shortcuts", "Redo the correction undone last")),
    Shortcut("print", ("Ctrl+P",), QT_TRANSLATE_NOOP("Shortcuts", "Print the analysis")),
    Shortcut("who_speaks", ("Ctrl+I",), QT_TRANSLATE_NOOP("Shortcuts", "Who speaks: the picture")),
    Shortcut("quiz", ("F6",), QT_TRANSLATE_NOOP("Shortcuts", "Quiz mode")),
    Shortcut("quiz_check", ("Ctrl+Return",),
             QT_TRANSLATE_NOOP("Shortcuts", "Quiz mode: check the guess for the selection")),
)

BY_ACTION = {s.action: s for s in SHORTCUTS}


def key_sequences(action: str) -> list[QKeySequence]:
    return [QKeySequence(k) for k in BY_ACTION[action].keys]


def rows() -> list[tuple[str, str]]:
    """(keys as the user sees them, description) for the help page, translated."""
    return [(" / ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                        for k in s.keys),
             QCoreApplication.translate("Shortcuts", s.description)) for s in SHORTCUTS]
