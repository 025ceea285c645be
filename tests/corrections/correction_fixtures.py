"""The hand-made article of tests/export/handmade.py (no packages under tests/, and no
conftest.py here: other folders import their own `conftest` by name)."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "handmade", Path(__file__).parent.parent / "export" / "handmade.py")
_handmade = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_handmade)

TEXT = _handmade.TEXT
make_article = _handmade.make_article
make_analysis = _handmade.make_analysis
