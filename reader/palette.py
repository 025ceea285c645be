"""The colours of the three kinds, declared once, by name, as data (like Picard's colour
registry), read by the window (reader/ui/palette.py adds what needs Qt) and by the exports.
Each kind also has a cue that is not a colour, so the view survives greyscale print and
colour-blindness: quotes are filled, paraphrases get a dashed underline, framing a wavy one.

No Qt here: the HTML export must not need it. Titles are marked for translation with
`QT_TRANSLATE_NOOP` (context "Palette"); reader/ui/palette.tr translates them.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.vocabulary import QT_TRANSLATE_NOOP, Kind

PALETTES = ("light", "dark", "colourblind")
# The palette setting also accepts "auto": light or dark, following the system.
PALETTE_CHOICES = ("auto", *PALETTES)
# The exports (HTML, PDF, print) are drawn in this one.
EXPORT_PALETTE = "light"

# Non-colour cues.
FILL, DASH_UNDERLINE, WAVE_UNDERLINE = "fill", "dash-underline", "wave-underline"


@dataclass(frozen=True)
class KindColours:
    fill: str | None  # background, "#rrggbb"; None: no fill
    line: str  # underline (and swatch border) colour


@dataclass(frozen=True)
class KindStyle:
    name: Kind
    title: str  # translatable, singular
    plural: str  # translatable, for the legend
    meaning: str  # translatable, what the kind means in a few words
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


KIND_STYLES: dict[Kind, KindStyle] = {
    Kind.QUOTE: KindStyle(
        Kind.QUOTE, QT_TRANSLATE_NOOP("Palette", "Direct quote"),
        QT_TRANSLATE_NOOP("Palette", "Quotes"),
        QT_TRANSLATE_NOOP("Palette", "a source's exact words"), FILL, {
            "light": KindColours("#ffe29a", "#a87400"),
            "dark": KindColours("#5c4700", "#ffc940"),
            "colourblind": KindColours("#b9e1f7", "#0072b2"),  # Okabe-Ito sky blue / blue
        }),
    Kind.PARAPHRASE: KindStyle(
        Kind.PARAPHRASE, QT_TRANSLATE_NOOP("Palette", "Paraphrase"),
        QT_TRANSLATE_NOOP("Palette", "Paraphrases"),
        QT_TRANSLATE_NOOP("Palette", "a source's words retold by the writer"), DASH_UNDERLINE, {
            "light": KindColours("#e3f3e1", "#2e7d32"),
            "dark": KindColours("#1f3b22", "#7fd483"),
            "colourblind": KindColours("#fbe7bf", "#d55e00"),  # Okabe-Ito orange / vermillion
        }),
    Kind.FRAMING: KindStyle(
        Kind.FRAMING, QT_TRANSLATE_NOOP("Palette", "Writer's framing"),
        QT_TRANSLATE_NOOP("Palette", "Framing"),
        QT_TRANSLATE_NOOP("Palette", "the writer's own evaluative word choice"), WAVE_UNDERLINE, {
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
# The writer's own share in the "Who speaks" bars of the exports.
WRITER_COLOUR = "#9e9e9e"
# Marks a span the reader corrected.
CORRECTED_MARK = "✎"

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


def kind_colours(kind: str, palette_name: str, projector: bool = False) -> KindColours:
    """The colours `kind` is drawn with in a palette, in the projector style or not."""
    if projector:
        return PROJECTOR_COLOURS[palette_name][kind]
    return KIND_STYLES[Kind(kind)].colours_in(palette_name)


def projector_mark_width(pixel_size: float) -> int:
    """Pen width of underlines, boxes and outlines in the projector style."""
    return max(MIN_PROJECTOR_MARK, round(pixel_size * PROJECTOR_MARK_SHARE))


def presentation_surface(palette_name: str) -> SurfaceColours:
    return PRESENTATION_DARK_SURFACE if palette_name == "dark" else PRESENTATION_SURFACE


def resolve(choice: str, system_is_dark: bool) -> str:
    """The palette to draw with for a setting value ("auto" follows the system)."""
    if choice in PALETTES:
        return choice
    return "dark" if system_is_dark else "light"
