"""Where the packaged resources (lexicons, samples, icons) are.

Installed (a wheel, or a PyInstaller bundle), they are the folder `reader/resources`
beside this module; in a source checkout run without installing, they are the
`resources/` folder beside `reader/`. (`importlib.resources` is not used: without an
`__init__.py` the folder is a namespace package, whose path it does not give as a plain
directory.)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@cache
def resource_dir() -> Path:
    installed = _HERE / "resources"
    if (installed / "lexicons").is_dir():
        return installed
    return _HERE.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def sample_article() -> Path:
    return resource("samples", "riverside_library.txt")


def comparison_sample() -> Path:
    """A second report of the sample's invented event, with another slant (for Compare)."""
    return resource("samples", "riverside_library_budget.txt")
