"""The reader's corrections to an analysis: commands with undo, and where they are kept.

Pure Python (no Qt): the window turns context-menu actions into these commands and
pushes them on a CorrectionHistory; the exports apply the saved ones.
"""

from reader.corrections.anchors import Anchor
from reader.corrections.commands import (
    AddSpan, ChangeKind, Correction, CorrectionError, MergeSources, ReassignClaim, RemoveSpan,
    ResizeSpan, SourceRef, apply_corrections,
)
from reader.corrections.history import CorrectionHistory
from reader.corrections.store import (
    CorrectionStore, Loaded, atomic_write_text, export_corrections, import_corrections, text_key,
)

__all__ = [
    "AddSpan", "Anchor", "ChangeKind", "Correction", "CorrectionError", "CorrectionHistory",
    "CorrectionStore", "Loaded", "MergeSources", "ReassignClaim", "RemoveSpan", "ResizeSpan",
    "SourceRef",
    "apply_corrections", "atomic_write_text", "export_corrections", "import_corrections",
    "text_key",
]
