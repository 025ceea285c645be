"""What `analyze` is asked to read: files, folders (recursive) and glob patterns.

A folder stands for every article file under it (reader.export.collection.article_files:
every format the reader opens, not hidden files, not a saved page's `_files/` folder). A
pattern that names no existing file is expanded as a glob (`**` recursive); what it matches
is filtered the same way. A file named outright is kept whatever its name, so that its
own error (unreadable, unknown format) is reported for it.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path

from reader.document.sniff import ARTICLE_SUFFIXES
from reader.export.collection import article_files

_GLOB_CHARS = set("*?[")


@dataclass
class Inputs:
    paths: list[str] = field(default_factory=list)  # in order, without repeats
    unmatched: list[str] = field(default_factory=list)  # patterns that matched no article
    expanded: bool = False  # whether a folder or pattern was among the arguments


def expand(arguments: list[str]) -> Inputs:
    found = Inputs()
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            found.paths.append(path)

    for argument in arguments:
        if os.path.isdir(argument):
            found.expanded = True
            for path in article_files(argument):
                add(str(path))
        elif not os.path.lexists(argument) and _GLOB_CHARS & set(argument):
            found.expanded = True
            matches = _glob(argument)
            if not matches:
                found.unmatched.append(argument)
            for path in matches:
                add(path)
        else:
            add(argument)
    return found


def _glob(pattern: str) -> list[str]:
    out = []
    for match in sorted(glob.glob(pattern, recursive=True)):
        if os.path.isdir(match):
            out.extend(str(p) for p in article_files(match))
        elif Path(match).suffix.lower() in ARTICLE_SUFFIXES and \
                not Path(match).name.startswith("."):
            out.append(match)
    return out
