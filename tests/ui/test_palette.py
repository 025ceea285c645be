import re

from reader.vocabulary import KINDS as ANALYSIS_KINDS
from reader.ui import palette

HEX = re.compile(r"^#[0-9a-f]{6}$")


def test_every_kind_has_colours_in_every_palette():
    assert set(palette.KIND_STYLES) == set(ANALYSIS_KINDS) == set(palette.KINDS)
    for style in palette.KIND_STYLES.values():
        assert style.title and style.plural
        assert set(style.colours) == set(palette.PALETTES)
        for colours in style.colours.values():
            assert HEX.match(colours.line)
            assert colours.fill is None or HEX.match(colours.fill)


def test_each_kind_has_its_own_non_colour_cue():
    cues = [style.cue for style in palette.KIND_STYLES.values()]
    assert len(set(cues)) == len(cues)
    assert palette.KIND_STYLES["quote"].cue == palette.FILL
    assert all(cue in palette.CUE_DESCRIPTIONS for cue in cues)


def test_surfaces_and_auto_choice():
    assert set(palette.SURFACES) == set(palette.PALETTES)
    assert palette.resolve("auto", system_is_dark=True) == "dark"
    assert palette.resolve("auto", system_is_dark=False) == "light"
    assert palette.resolve("colourblind", system_is_dark=True) == "colourblind"
