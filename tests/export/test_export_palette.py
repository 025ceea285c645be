"""The exports draw with the window's palette (reader/palette.py), not a copy of it."""

from pathlib import Path

from reader.export import html
from reader.palette import EXPORT_PALETTE, KIND_STYLES, SURFACES
from reader.vocabulary import KINDS


def test_export_colours_are_the_palette():
    for kind in KINDS:
        colours = KIND_STYLES[kind].colours_in(EXPORT_PALETTE)
        assert html.KIND_COLOURS[kind] == (colours.fill, colours.line)
    assert html.SURFACE == SURFACES[EXPORT_PALETTE]


def test_the_page_style_uses_the_palette_colours():
    css = html._css(html.SCREEN)
    for kind in KINDS:
        assert KIND_STYLES[kind].colours_in(EXPORT_PALETTE).line in css
    assert SURFACES[EXPORT_PALETTE].background in css


def test_no_export_module_spells_a_kind_colour():
    colours = {c for style in KIND_STYLES.values() for palette in style.colours.values()
               for c in (palette.fill, palette.line) if c}
    for path in Path(html.__file__).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8").lower()
        assert not [c for c in colours if c in source], path.name
