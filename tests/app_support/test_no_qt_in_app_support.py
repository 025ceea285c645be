"""reader/app_support is plain Python: the CLI and tests can use it without Qt."""

from pathlib import Path

APP_SUPPORT = Path(__file__).resolve().parents[2] / "reader" / "app_support"


def test_app_support_does_not_import_qt():
    for path in APP_SUPPORT.rglob("*.py"):
        assert "PySide6" not in path.read_text(encoding="utf-8"), f"{path} imports Qt"
