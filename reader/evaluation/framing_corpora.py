"""Reading span-annotated framing corpora: PTC (SemEval-2020 Task 11) and BABE.

Both are read from a path given on the command line; nothing of them is stored in the
project. Each document becomes a `FramingDocument`: its text exactly as read and its gold
spans as (start, end, category) character ranges into that text.

- PTC (`ptc-dev/`): `articles/articleNNN.txt` read as UTF-8 (a leading BOM stays and counts
  as one character, as the offsets in `labels.tsv` expect) and `labels.tsv`
  (`article_id<TAB>technique<TAB>start<TAB>end`). Only the framing techniques in the
  project's sense are kept: `PTC_CATEGORIES`.
- BABE (`babe-dev/sg2_dev.jsonl`): one sentence a line, gold spans in `spans` ([start, end, label], every
  whole-word occurrence of an expert's biased word). Function words a few annotators
  listed ("the", "of") are dropped: `FUNCTION_WORDS`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

PTC_CATEGORIES = ("Loaded_Language", "Name_Calling,Labeling", "Doubt",
                  "Exaggeration,Minimisation")
BABE_CATEGORY = "biased_word"

# Closed-class words that carry no bias on their own: scored neither as gold nor as
# prediction on BABE (the issue: "drop function words that some annotators listed").
FUNCTION_WORDS = frozenset("""
a an the this that these those some any each every no all both either neither
of in on at by for with from to into onto over under about as than via per upon among
and or but nor so yet if because while although though whether
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
who whom whose which what where when why how
is are was were be been being am do does did has have had having will would shall should
can could may might must
not s t don isn doesn didn won
""".split())


class CorpusNotFound(Exception):
    """The path holds no corpus of the expected layout."""


@dataclass
class GoldSpan:
    start: int
    end: int
    category: str


@dataclass
class FramingDocument:
    name: str
    text: str
    gold: list[GoldSpan] = field(default_factory=list)


def read_ptc(path: str | Path, limit: int | None = None) -> list[FramingDocument]:
    """Articles and framing gold of a PTC split directory (sorted by article id)."""
    root = Path(path)
    labels, articles = root / "labels.tsv", root / "articles"
    if not labels.is_file() or not articles.is_dir():
        raise CorpusNotFound(f"no PTC split (labels.tsv and articles/) at {root}")
    gold: dict[str, list[GoldSpan]] = {}
    for line in labels.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) != 4 or fields[1] not in PTC_CATEGORIES:
            continue
        article_id, category, start, end = fields
        gold.setdefault(article_id, []).append(GoldSpan(int(start), int(end), category))
    documents = []
    files = sorted(articles.glob("article*.txt"))
    for file in files[:limit] if limit else files:
        article_id = file.stem.removeprefix("article")
        text = file.read_text(encoding="utf-8")
        spans = [g for g in gold.get(article_id, []) if 0 <= g.start < g.end <= len(text)]
        documents.append(FramingDocument(article_id, text, sorted(
            spans, key=lambda g: (g.start, g.end))))
    return documents


def read_babe(path: str | Path, limit: int | None = None) -> list[FramingDocument]:
    """Sentences and biased-word gold of a BABE jsonl file (or a directory holding one)."""
    file = Path(path)
    if file.is_dir():
        found = sorted(file.glob("*.jsonl"))
        if not found:
            raise CorpusNotFound(f"no BABE .jsonl file in {file}")
        file = found[0]
    if not file.is_file():
        raise CorpusNotFound(f"no BABE .jsonl file at {file}")
    documents = []
    with file.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            text = record["text"]
            # each span is [start, end] or [start, end, label]
            spans = [GoldSpan(s, e, BABE_CATEGORY) for s, e, *_ in record.get("spans", [])
                     if 0 <= s < e <= len(text) and text[s:e].lower() not in FUNCTION_WORDS]
            documents.append(FramingDocument(str(record.get("id", len(documents))), text,
                                             sorted(spans, key=lambda g: (g.start, g.end))))
            if limit and len(documents) >= limit:
                break
    return documents


def half(documents: list, which: str | None) -> list:
    """The tuning half (even positions), the check half (odd), or all of `documents`,
    which the readers return in name order."""
    if which is None:
        return documents
    keep = 0 if which == "tune" else 1
    return [d for i, d in enumerate(documents) if i % 2 == keep]
