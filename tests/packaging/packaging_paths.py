"""Where the packaging files are, named by the app id (shared by the packaging tests)."""

from pathlib import Path

from reader import APP_ID

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
MIME_XML = PACKAGING / f"{APP_ID}.mime.xml"
FLATPAK = PACKAGING / f"{APP_ID}.yml"
SPEC = PACKAGING / "provenance-reader.spec"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
