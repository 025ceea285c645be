"""The colours of the three kinds, declared once, by name, as data (like Picard's colour
registry). Each kind also has a cue that is not a colour, so the view survives greyscale
print and colour-blindness: quotes are filled, paraphrases get a dashed underline,
framing a wavy one."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QPalette

KINDS = ("quote", "paraphrase", "framing")
PALETTES = ("light", "dark", "colourblind")
# The palette setting also accepts "auto": light or dark, following the system.
PALETTE_CHOICES = ("auto", *PALETTES)

# Non-colour cues.
FILL, DASH_UNDERLINE, WAVE_UNDERLINE = "fill", "dash-underline", "wave-underline"


@dataclass(frozen=True)
class KindColours:
    fill: str | None  # background, "#rrggbb"; None: no fill
    line: str  # underline (and swatch border) colour


@dataclass(frozen=True)
class KindStyle:
    name: str
    title: str  # translatable, singular
    plural: str  # translatable, for the legend
    cue: str  # FILL, DASH_UNDERLINE or WAVE_UNDERLINE
    colours: dict[str, KindColours]

    def colours_in(self, palette: str) -> KindColours:
        return self.colours[palette]


@dataclass(frozen=True)
class SurfaceColours:
    """Colours of the reading surface itself, per palette."""

    background: str
    text: str
    muted: str  # captions, credits, metadata
    focus: str  # outline of the selected source's mentions and claims
    dimmed_text: str  # text of spans that are not the selected source's


KIND_STYLES: dict[str, KindStyle] = {
    "quote": KindStyle(
        "quote", QT_TRANSLATE_NOOP("Palette", "Direct quote"),
        QT_TRANSLATE_NOOP("Palette", "Quotes"), FILL, {
            "light": KindColours("#ffe29a", "#a87400"),
            "dark": KindColours("#5c4700", "#ffc940"),
            "colourblind": KindColours("#b9e1f7", "#0072b2"),  # Okabe-Ito sky blue / blue
        }),
    "paraphrase": KindStyle(
        "paraphrase", QT_TRANSLATE_NOOP("Palette", "Paraphrase"),
        QT_TRANSLATE_NOOP("Palette", "Paraphrases"), DASH_UNDERLINE, {
            "light": KindColours("#e3f3e1", "#2e7d32"),
            "dark": KindColours("#1f3b22", "#7fd483"),
            "colourblind": KindColours("#fbe7bf", "#d55e00"),  # Okabe-Ito orange / vermillion
        }),
    "framing": KindStyle(
        "framing", QT_TRANSLATE_NOOP("Palette", "Writer's framing"),
        QT_TRANSLATE_NOOP("Palette", "Framing"), WAVE_UNDERLINE, {
            "light": KindColours(None, "#c62828"),
            "dark": KindColours(None, "#ff8a80"),
            "colourblind": KindColours(None, "#a8488a"),  # Okabe-Ito reddish purple, darkened
        }),
}

SURFACES: dict[str, SurfaceColours] = {
    "light": SurfaceColours("#fffdf8", "#1d1d1d", "#666666", "#1565c0", "#9a9a9a"),
    "dark": SurfaceColours("#1e1f22", "#e8e6e3", "#a0a0a0", "#82b1ff", "#777777"),
    "colourblind": SurfaceColours("#ffffff", "#000000", "#5a5a5a", "#009e73", "#999999"),
}
# Presentation mode: the highest contrast the palette allows, light or dark as chosen.
PRESENTATION_SURFACE = SurfaceColours("#ffffff", "#000000", "#333333", "#0050b0", "#8a8a8a")
PRESENTATION_DARK_SURFACE = SurfaceColours("#121212", "#f2f2f2", "#b8b8b8", "#82b1ff",
                                           "#7a7a7a")

# The projector style (on in presentation mode, View > Projector Style elsewhere): marks
# that show from the back of a classroom. Every kind is filled or boxed, and the fills
# differ in lightness as well as hue, so they stay apart in greyscale and for
# red-green colour-blind eyes: quote the darkest fill, paraphrase a lighter one (blue,
# not green, so that deuteranopia does not merge it with the quote's amber), framing no
# fill but a box. Underlines and boxes are drawn by the view, as thick as the font asks
# (reader/ui/mark_painter.py). docs/projector-*.png show them in colour, greyscale and
# simulated deuteranopia.
PROJECTOR_COLOURS: dict[str, dict[str, KindColours]] = {
    "light": {"quote": KindColours("#e0a000", "#7a4f00"),
              "paraphrase": KindColours("#b3dcf2", "#0b5394"),
              "framing": KindColours(None, "#c2185b")},
    "dark": {"quote": KindColours("#8f6a00", "#ffc940"),
             "paraphrase": KindColours("#1f4a70", "#7cc4ff"),
             "framing": KindColours(None, "#ff6e9c")},
    "colourblind": {"quote": KindColours("#56b4e9", "#0072b2"),
                    "paraphrase": KindColours("#f7d9a8", "#d55e00"),
                    "framing": KindColours(None, "#a8488a")},
}
# Mark thickness in the projector style: a share of the font's pixel size, never thinner
# than MIN_PROJECTOR_MARK (3 px at the presentation size and below).
PROJECTOR_MARK_SHARE = 0.09
MIN_PROJECTOR_MARK = 3


def kind_colours(kind: str, palette_name: str, projector: bool = False) -> KindColours:
    """The colours `kind` is drawn with in a palette, in the projector style or not."""
    if projector:
        return PROJECTOR_COLOURS[palette_name][kind]
    return KIND_STYLES[kind].colours_in(palette_name)


def projector_mark_width(pixel_size: float) -> int:
    """Pen width of underlines, boxes and outlines in the projector style."""
    return max(MIN_PROJECTOR_MARK, round(pixel_size * PROJECTOR_MARK_SHARE))


def presentation_surface(palette_name: str) -> SurfaceColours:
    return PRESENTATION_DARK_SURFACE if palette_name == "dark" else PRESENTATION_SURFACE

PALETTE_TITLES = {
    "auto": QT_TRANSLATE_NOOP("Palette", "Follow the system"),
    "light": QT_TRANSLATE_NOOP("Palette", "Light"),
    "dark": QT_TRANSLATE_NOOP("Palette", "Dark"),
    "colourblind": QT_TRANSLATE_NOOP("Palette", "Colour-blind safe (Okabe-Ito)"),
}

CUE_DESCRIPTIONS = {
    FILL: QT_TRANSLATE_NOOP("Palette", "filled background"),
    DASH_UNDERLINE: QT_TRANSLATE_NOOP("Palette", "dashed underline"),
    WAVE_UNDERLINE: QT_TRANSLATE_NOOP("Palette", "wavy underline"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Palette", text)


def resolve(choice: str, system_is_dark: bool) -> str:
    """The palette to draw with for a setting value ("auto" follows the system)."""
    if choice in PALETTES:
        return choice
    return "dark" if system_is_dark else "light"


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
