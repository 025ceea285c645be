"""Gold attributions from a PolNeAR-style brat split.

Layout: `<split>/text/<article>.txt` and `<split>/attributions/<article>_<annotator>.ann`
(a flat directory holding both kinds of file works too). Texts are read as UTF-8 with
newlines untouched, so brat offsets are Python indices into them; `read_split` checks
every annotated fragment's text against the .txt and reports mismatches.

In the .ann files an attribution is a brat *event* whose trigger is an `Attribution` or
`Attribution-no-source` text-bound entity (the trigger repeats the cue span) and whose
arguments are `Source:`, `Cue:` and `Content:` entities; a numbered role (`Content2:`)
adds another part of the same role. Entities may be discontinuous (`start end;start end`).
`Discard` and `Discuss` entities belong to no event and are ignored; an event without
`Source:` is sourceless.

The direct / mixed / indirect type is not in the .ann at all (no attribute or relation
carries it): PolNeAR's released `<split>.jsonl` calls it `quote_type_heuristic`, derived
from double quotation marks in the content, and `quote_type` below reproduces it exactly
on dev (224 direct, 400 mixed, 1568 indirect).

Several annotators annotated a few articles. The canonical file is chosen by, in order:
the `canonical` flag of `<split>.jsonl` next to the split directory; else the first of
the article's `annotators` in `metadata.tsv` (next to the split, or one level up) that
has a file; else the alphabetically first annotator id. On dev all three rules pick the
same files (annotator 4b22 for the two articles annotated by all six annotators).
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from reader.brat import Range, parse_ann, read_text

ATTRIBUTION_TRIGGERS = ("Attribution", "Attribution-no-source")
ROLES = ("Source", "Cue", "Content")
QUOTE_TYPES = ("direct", "mixed", "indirect")

# The marks PolNeAR's quote-type heuristic counts: double quotation marks only, since
# single marks are mostly apostrophes or quotes nested inside a double-quoted passage.
DOUBLE_MARKS = "\u201c\u201d\""
_OPENING = "\u201c\""
_CLOSING = "\u201d\""

_ROLE_RE = re.compile(r"^([A-Za-z]+)\d*$")


class SplitNotFound(Exception):
    """The path is not a brat split with at least one .txt and one .ann file."""


@dataclass
class GoldAttribution:
    id: str
    source: list[Range] = field(default_factory=list)
    cue: list[Range] = field(default_factory=list)
    content: list[Range] = field(default_factory=list)
    type: str | None = None  # one of QUOTE_TYPES; None when the content is empty

    @property
    def has_source(self) -> bool:
        return bool(self.source)

    @property
    def discontinuous(self) -> bool:
        return len(self.content) > 1


@dataclass
class GoldDocument:
    name: str
    text: str
    annotator: str
    attributions: list[GoldAttribution]
    ann_path: Path
    alternatives: int = 1  # how many annotators' files exist for this text
    mismatches: list[str] = field(default_factory=list)  # fragments whose text differs


def attributions_from_ann(ann: str, text: str | None = None,
                          mismatches: list[str] | None = None) -> list[GoldAttribution]:
    """The attribution events of one .ann file, in file order.

    With `text`, every fragment's annotated text is checked against `text` and each
    disagreement is appended to `mismatches` as a readable line.
    """
    entities, events = parse_ann(ann)
    if text is not None and mismatches is not None:
        for ident, entity in entities.items():
            expected = " ".join(text[s:e] for s, e in entity.ranges)
            if _normalise_ws(expected) != _normalise_ws(entity.text):
                mismatches.append(f"{ident} {entity.ranges}: "
                                  f"{entity.text[:40]!r} != {expected[:40]!r}")
    result = []
    for ident, trigger_id, roles in events:
        trigger = entities.get(trigger_id)
        if trigger is None or trigger.type not in ATTRIBUTION_TRIGGERS:
            continue
        attribution = GoldAttribution(ident)
        for role, entity_id in roles:
            match = _ROLE_RE.match(role)
            entity = entities.get(entity_id)
            if match is None or match.group(1) not in ROLES or entity is None:
                continue
            getattr(attribution, match.group(1).lower()).extend(entity.ranges)
        for role in ROLES:
            setattr(attribution, role.lower(), sorted(getattr(attribution, role.lower())))
        if text is not None:
            attribution.type = quote_type(text, attribution.content)
        result.append(attribution)
    return result


def _normalise_ws(value: str) -> str:
    # brat writes a fragment's newlines as spaces in the .ann's text column.
    return " ".join(value.split())


def quote_type(text: str, content: list[Range]) -> str | None:
    """direct / mixed / indirect, as PolNeAR's `quote_type_heuristic`.

    indirect: no double quotation mark in the content; direct: exactly one pair, opening
    the content and closing it (before any trailing punctuation); mixed: anything else
    (a quote inside a paraphrase, several quoted pieces, a nested quote).
    """
    if not content:
        return None
    joined = " ".join(text[s:e] for s, e in content).strip()
    marks = sum(joined.count(mark) for mark in DOUBLE_MARKS)
    if marks == 0:
        return "indirect"
    if marks == 2 and joined[:1] in _OPENING and joined.rstrip(" .,;:")[-1:] in _CLOSING:
        return "direct"
    return "mixed"


def split_files(split: Path) -> tuple[dict[str, Path], dict[str, dict[str, Path]]]:
    """Texts by article name, and .ann files by article name then annotator."""
    text_dir = split / "text" if (split / "text").is_dir() else split
    ann_dir = split / "attributions" if (split / "attributions").is_dir() else split
    texts = {p.stem: p for p in sorted(text_dir.glob("*.txt"))}
    anns: dict[str, dict[str, Path]] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        article, annotator = _article_and_annotator(path.stem, texts)
        anns.setdefault(article, {})[annotator] = path
    return texts, anns


def _article_and_annotator(stem: str, texts: dict[str, Path]) -> tuple[str, str]:
    if stem in texts:  # plain brat: <article>.ann beside <article>.txt
        return stem, ""
    article, _, annotator = stem.rpartition("_")
    return (article, annotator) if article else (stem, "")


def canonical_annotators(split: Path, anns: dict[str, dict[str, Path]]) -> dict[str, str]:
    """The annotator whose file counts as gold, for every article with an .ann file."""
    flagged = _canonical_from_jsonl(split.parent / f"{split.name}.jsonl")
    listed = _annotators_from_metadata(split)
    chosen = {}
    for article, by_annotator in anns.items():
        candidates = [flagged.get(article)] + listed.get(article, []) + sorted(by_annotator)
        chosen[article] = next(a for a in candidates if a in by_annotator)
    return chosen


def _canonical_from_jsonl(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    flagged = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("canonical") and "article" in record and "annotator" in record:
                flagged[record["article"]] = record["annotator"]
    return flagged


def _annotators_from_metadata(split: Path) -> dict[str, list[str]]:
    for path in (split.parent / "metadata.tsv", split.parent.parent / "metadata.tsv"):
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as handle:
                return {row["filename"]: (row.get("annotators") or "").split("|")
                        for row in csv.DictReader(handle, delimiter="\t")
                        if row.get("filename")}
    return {}


def read_split(path: str | Path, limit: int | None = None, every: int = 1,
               offset: int = 0) -> list[GoldDocument]:
    """Every annotated text of the split with its canonical gold attributions, by name;
    with `every`/`offset`, every N-th of them in name order from the K-th (a sample of a
    large split, e.g. PolNeAR train: every 20th from 0 and from 10), then `limit`.

    Raises SplitNotFound when the path holds no .txt or no .ann files.
    """
    split = Path(path)
    if not split.is_dir():
        raise SplitNotFound(str(split))
    texts, anns = split_files(split)
    annotated = [name for name in texts if name in anns]
    if not annotated:
        raise SplitNotFound(str(split))
    annotated = annotated[offset::every]
    chosen = canonical_annotators(split, {name: anns[name] for name in annotated})
    documents = []
    for name in annotated[:limit] if limit else annotated:
        text = read_text(texts[name])
        ann_path = anns[name][chosen[name]]
        mismatches: list[str] = []
        attributions = attributions_from_ann(ann_path.read_text(encoding="utf-8"), text, mismatches)
        documents.append(GoldDocument(name, text, chosen[name], attributions, ann_path,
                                      len(anns[name]), mismatches))
    return documents
