"""Undo and redo over the corrections of one article, like Qt's QUndoStack but pure."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable

from reader.corrections.commands import Correction
from reader.provenance.model import Analysis


class CorrectionHistory:
    """The corrected analysis of one article and the corrections that made it.

    `analysis` is a corrected copy, changed in place by push/undo/redo; the analyser's
    own result passed in is never touched. `on_change` (if given) is called after every
    change, e.g. to repaint the view and save.
    """

    def __init__(self, analysis: Analysis, corrections: Iterable[Correction] = (),
                 on_change: Callable[[], None] | None = None):
        self.analysis = copy.deepcopy(analysis)
        self._done: list[Correction] = []
        self._undone: list[Correction] = []
        self.skipped: list[Correction] = []  # given corrections whose target is not there
        for correction in corrections:
            (self._done if correction.apply(self.analysis) else self.skipped).append(correction)
        self.on_change = on_change

    @property
    def corrections(self) -> list[Correction]:
        """What is in force, oldest first."""
        return list(self._done)

    @property
    def corrections_to_save(self) -> list[Correction]:
        """What to write back: also the given corrections that did not apply here (another
        model may have found other spans), so that opening the article never loses any."""
        return self.skipped + self._done

    def push(self, correction: Correction) -> bool:
        """Apply a new correction; False (and nothing changes) when it does not apply."""
        if not correction.apply(self.analysis):
            return False
        self._done.append(correction)
        self._undone.clear()
        self._changed()
        return True

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo_text(self) -> str | None:
        return self._done[-1].describe() if self._done else None

    def redo_text(self) -> str | None:
        return self._undone[-1].describe() if self._undone else None

    def undo(self) -> Correction | None:
        if not self._done:
            return None
        correction = self._done.pop()
        correction.undo(self.analysis)
        self._undone.append(correction)
        self._changed()
        return correction

    def redo(self) -> Correction | None:
        if not self._undone:
            return None
        correction = self._undone.pop()
        if not correction.apply(self.analysis):  # cannot happen while history is linear
            self._undone.clear()
            return None
        self._done.append(correction)
        self._changed()
        return correction

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()
