"""Nothing in the repository refers to anything outside it: the design notes are
docs/design.md, corpora are given as paths, and no text cites a tracker's issue."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTSIDE = re.compile(r"\.\./shared|/work/shared|(?<!docs/)\bdesign\.md|\bissue \d+\b|"
                     r"given with the task")


def _files():
    for folder in ("reader", "tests", "scripts", "docs", "resources", "packaging"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".md", ".txt", ".toml", ".xml", ".desktop") and \
                    path.is_file():
                yield path
    yield ROOT / "README.md"
    yield ROOT / "pyproject.toml"


def test_no_reference_leaves_the_repository():
    found = []
    for path in _files():
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace")
                                      .splitlines(), 1):
            if OUTSIDE.search(line) and path.name != "test_self_contained.py":
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
