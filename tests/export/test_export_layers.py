"""Only the PDF module of the exports may use Qt, and never widgets (docs/design.md §2)."""

from pathlib import Path

READER = Path(__file__).resolve().parents[2] / "reader"


def test_pure_python_modules_do_not_import_qt():
    pure = [*(READER / "corrections").rglob("*.py"), READER / "quiz.py",
            *(p for p in (READER / "export").rglob("*.py") if p.name not in ("pdf.py", "cli.py"))]
    for path in pure:
        assert "PySide6" not in path.read_text(encoding="utf-8"), f"{path} imports Qt"


def test_pdf_uses_no_widgets():
    for name in ("pdf.py", "cli.py"):
        assert "QtWidgets" not in (READER / "export" / name).read_text(encoding="utf-8")
