"""QTextCharFormats for the kinds, from the palette data; shared by the view and help."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

from reader.ui.palette import DASH_UNDERLINE, FILL, KIND_STYLES, WAVE_UNDERLINE

_UNDERLINES = {
    DASH_UNDERLINE: QTextCharFormat.UnderlineStyle.DashUnderline,
    WAVE_UNDERLINE: QTextCharFormat.UnderlineStyle.WaveUnderline,
}
# How much of a kind's colour is left on spans that are not the selected source's.
DIMMED_FILL_ALPHA, DIMMED_LINE_ALPHA = 40, 70


def kind_format(kind: str, palette_name: str, dimmed: bool = False) -> QTextCharFormat:
    style = KIND_STYLES[kind]
    colours = style.colours_in(palette_name)
    fmt = QTextCharFormat()
    fill = QColor(colours.fill) if colours.fill else None
    line = QColor(colours.line)
    if dimmed:
        if fill is not None:
            fill.setAlpha(DIMMED_FILL_ALPHA)
        line.setAlpha(DIMMED_LINE_ALPHA)
    # A paraphrase's light tint is colour only; when dimmed, its underline is enough.
    if fill is not None and (style.cue == FILL or not dimmed):
        fmt.setBackground(fill)
    if style.cue in _UNDERLINES:
        fmt.setUnderlineStyle(_UNDERLINES[style.cue])
        fmt.setUnderlineColor(line)
    return fmt
