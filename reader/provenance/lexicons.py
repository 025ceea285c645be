"""Word lists from resources/lexicons/: plain text, one entry a line, '#' starts a comment."""

from __future__ import annotations

from functools import cache

from reader.resources_path import resource


@cache
def load(name: str) -> frozenset[str]:
    """Entries of resources/lexicons/NAME.txt, lower-cased."""
    path = resource("lexicons", f"{name}.txt")
    entries = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            entries.add(entry)
    return frozenset(entries)


@cache
def load_labelled(name: str) -> dict[str, str]:
    """Entries of a 'phrase<TAB>label' list, lower-cased phrase → label."""
    path = resource("lexicons", f"{name}.txt")
    entries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        phrase, _, label = line.partition("\t")
        entries[phrase.strip().lower()] = label.strip() or name
    return entries
