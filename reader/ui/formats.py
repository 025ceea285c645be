"""QTextCharFormats for the kinds, from the palette data; shared by the view and help."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

from reader.ui.palette import DASH_UNDERLINE, FILL, KIND_STYLES, WAVE_UNDERLINE, kind_colours

_UNDERLINES = {
    DASH_UNDERLINE: QTextCharFormat.UnderlineStyle.DashUnderline,
    WAVE_UNDERLINE: QTextCharFormat.UnderlineStyle.WaveUnderline,
}
# How much of a kind's colour is left on spans that are not the selected source's.
DIMMED_FILL_ALPHA, DIMMED_LINE_ALPHA = 40, 70


def kind_format(kind: str, palette_name: str, dimmed: bool = False,
                projector: bool = False) -> QTextCharFormat:
    """The format of a span of `kind`. In the projector style only the fill: the view draws
    the underlines and boxes itself, as thick as the font (mark_painter.py)."""
    style = KIND_STYLES[kind]
    colours = kind_colours(kind, palette_name, projector)
    fmt = QTextCharFormat()
    if projector:
        if colours.fill:
            fill = QColor(colours.fill)
            if dimmed:
                fill.setAlpha(DIMMED_FILL_ALPHA)
            fmt.setBackground(fill)
        return fmt
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
