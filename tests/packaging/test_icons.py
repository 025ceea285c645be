"""The icon: an SVG, PNGs at every size rendered from it, and the Windows and macOS files."""

import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from packaging_paths import ICON_SIZES, ICONS, ROOT

from reader import APP_ID


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_svg_icon_is_square_svg():
    root = ET.parse(ICONS / f"{APP_ID}.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icon_at_every_size(size):
    assert png_size(ICONS / f"{APP_ID}-{size}.png") == (size, size)


def test_windows_and_macos_icons():
    assert (ICONS / f"{APP_ID}.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (ICONS / f"{APP_ID}.icns").read_bytes()[:4] == b"icns"


def test_render_script_regenerates_the_pngs(tmp_path):
    shutil.copy(ICONS / f"{APP_ID}.svg", tmp_path)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "render_icons.py"),
                             str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for size in ICON_SIZES:
        assert png_size(tmp_path / f"{APP_ID}-{size}.png") == (size, size)


def test_the_icon_draws_something_at_16_px(qapp):
    from PySide6.QtGui import QImage

    image = QImage(str(ICONS / f"{APP_ID}-16.png"))
    opaque = sum(image.pixelColor(x, y).alpha() > 128 for x in range(16) for y in range(16))
    assert opaque > 16 * 16 // 2  # a page, not a speck
