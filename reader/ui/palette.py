"""The palette in the window: the colours of reader/palette.py (the one declaration, which
the exports read too), their translated titles, and the dark window chrome."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette

from reader.palette import (  # noqa: F401  (the palette's data, re-exported for the window)
    CUE_DESCRIPTIONS, DASH_UNDERLINE, FILL, KIND_STYLES, MIN_PROJECTOR_MARK,
    PALETTE_CHOICES, PALETTE_TITLES, PALETTES, PRESENTATION_DARK_SURFACE,
    PRESENTATION_SURFACE, PROJECTOR_COLOURS, PROJECTOR_MARK_SHARE, SURFACES, WAVE_UNDERLINE,
    KindColours, KindStyle, SurfaceColours, kind_colours, presentation_surface,
    projector_mark_width, resolve)
from reader.vocabulary import KINDS  # noqa: F401  (re-exported for the window)


def tr(text: str) -> str:
    return QCoreApplication.translate("Palette", text)


def blend(base: str, over: str, share: float) -> QColor:
    """`base` with `share` (0–1) of `over` mixed in."""
    a, b = QColor(base), QColor(over)
    return QColor(round(a.red() + (b.red() - a.red()) * share),
                  round(a.green() + (b.green() - a.green()) * share),
                  round(a.blue() + (b.blue() - a.blue()) * share))


# Window chrome for an explicitly chosen dark palette, where the platform has no dark
# theme to switch to (Fusion draws with it).
_DARK_CHROME = {
    QPalette.ColorRole.Window: "#2b2d30", QPalette.ColorRole.WindowText: "#e8e6e3",
    QPalette.ColorRole.Base: "#1e1f22", QPalette.ColorRole.AlternateBase: "#26282b",
    QPalette.ColorRole.Text: "#e8e6e3", QPalette.ColorRole.Button: "#35373b",
    QPalette.ColorRole.ButtonText: "#e8e6e3", QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#35373b",
    QPalette.ColorRole.ToolTipText: "#e8e6e3", QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    QPalette.ColorRole.Link: "#82b1ff", QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Light: "#4a4d52", QPalette.ColorRole.Midlight: "#404347",
    QPalette.ColorRole.Mid: "#35373b", QPalette.ColorRole.Dark: "#1a1b1e",
    QPalette.ColorRole.Shadow: "#000000",
}


def dark_chrome(base: QPalette) -> QPalette:
    palette = QPalette(base)
    for role, colour in _DARK_CHROME.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#7a7a7a")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette
