"""The brat stand-off format (https://brat.nlplab.org/standoff.html), as both the
evaluation (reader/evaluation/brat.py: gold attributions of a corpus) and the brat
export (reader/export/brat.py) read it: text-bound entities and events of a .ann file,
and the .txt exactly as stored, so that offsets are Python indices into it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

Range = tuple[int, int]


@dataclass
class BratEntity:
    """A text-bound annotation (a T line): its type, its fragments and the text it quotes."""

    type: str
    ranges: list[Range]
    text: str


def parse_ann(ann: str) -> tuple[dict[str, BratEntity], list[tuple[str, str, list[tuple[str, str]]]]]:
    """Text-bound entities by id, and events as (id, trigger id, [(role, entity id)])."""
    entities: dict[str, BratEntity] = {}
    events = []
    for line in ann.splitlines():
        if not line.strip():
            continue
        fields = line.split("\t")
        ident = fields[0]
        if ident.startswith("T") and len(fields) >= 2:
            type_, _, offsets = fields[1].partition(" ")
            ranges = []
            for fragment in offsets.split(";"):
                start, end = fragment.split()
                ranges.append((int(start), int(end)))
            entities[ident] = BratEntity(type_, ranges, fields[2] if len(fields) > 2 else "")
        elif ident.startswith("E") and len(fields) >= 2:
            trigger, *args = fields[1].split()
            _, _, trigger_id = trigger.partition(":")
            roles = [tuple(arg.split(":", 1)) for arg in args if ":" in arg]
            events.append((ident, trigger_id, roles))
        # A (attributes), R (relations), # (notes), N (normalisations): not used by PolNeAR.
    return entities, events


def read_text(path: Path) -> str:
    """A .txt file exactly as stored: UTF-8, with \r\n kept so offsets stay true."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()
