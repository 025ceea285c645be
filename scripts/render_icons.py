"""Render the application icon's PNG sizes (and the Windows .ico and macOS .icns) from its SVG.

Usage: python scripts/render_icons.py [ICON_DIR]     (default: resources/icons)

The PNGs are drawn with Qt's SVG renderer (QtSvg ships with pyside6-essentials). The .ico
and .icns are written with Pillow, a build-time tool only (HPND/MIT-CMU licence): the app
never imports it, so it is not a dependency. Without Pillow those two files are skipped.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader import APP_ID  # noqa: E402

SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico holds
ICNS_SIZES = (16, 32, 64, 128, 256, 512)  # Pillow picks the icns slots from the largest


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def write_platform_icons(icon_dir: Path, pngs: dict[int, bytes]) -> list[Path]:
    try:
        from PIL import Image
    except ImportError:
        print("render_icons: Pillow is not installed; .ico and .icns not written", file=sys.stderr)
        return []
    images = {size: Image.open(io.BytesIO(data)).convert("RGBA") for size, data in pngs.items()}
    written = []
    ico = icon_dir / f"{APP_ID}.ico"
    # Each .ico size from its own rendering (24 px is scaled from 32) rather than from 256 px.
    ico_images = [images.get(s) or images[32].resize((s, s), Image.Resampling.LANCZOS)
                  for s in ICO_SIZES]
    ico_images[-1].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                        append_images=ico_images[:-1])
    written.append(ico)
    icns = icon_dir / f"{APP_ID}.icns"
    images[512].save(icns, format="ICNS",
                     append_images=[images[s] for s in ICNS_SIZES if s != 512])
    written.append(icns)
    return written


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    icon_dir = Path(argv[0]) if argv else ROOT / "resources" / "icons"
    svg = icon_dir / f"{APP_ID}.svg"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QtSvg needs one)
    pngs = {size: render_png(svg, size) for size in SIZES}
    for size, data in pngs.items():
        (icon_dir / f"{APP_ID}-{size}.png").write_bytes(data)
        print(icon_dir / f"{APP_ID}-{size}.png")
    for path in write_platform_icons(icon_dir, pngs):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
