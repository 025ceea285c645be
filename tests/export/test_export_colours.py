"""The export's plain colours match the window's light palette."""

from reader.export import colours
from reader.ui import palette


def test_same_as_the_light_palette():
    for kind in colours.KINDS:
        light = palette.KIND_STYLES[kind].colours["light"]
        assert colours.KIND_COLOURS[kind] == (light.fill, light.line)
    surface = palette.SURFACES["light"]
    assert colours.SURFACE == {"background": surface.background, "text": surface.text,
                               "muted": surface.muted}
