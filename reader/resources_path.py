"""Where the packaged resources (lexicons, samples, icons) are.

Installed, they are the `reader.resources` package; in a source checkout run without
installing, they are the `resources/` folder beside `reader/`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def resource_dir() -> Path:
    try:
        found = Path(str(resources.files("reader.resources")))
        if (found / "lexicons").is_dir():
            return found
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def sample_article() -> Path:
    return resource("samples", "riverside_library.txt")
