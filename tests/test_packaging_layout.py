"""The wheel holds every package and the resources (a non-editable install must work)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "reader").rglob("__init__.py")}
    assert found <= listed, f"add to pyproject.toml packages: {sorted(found - listed)}"
    resource_dirs = {"reader.resources." + p.name for p in (ROOT / "resources").iterdir() if p.is_dir()}
    assert resource_dirs <= listed


def test_analysis_layers_do_not_import_qt():
    for layer in ("document", "provenance", "evaluation"):
        for path in (ROOT / "reader" / layer).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            assert "PySide6" not in source, f"{path} imports Qt (docs/design.md §2)"
