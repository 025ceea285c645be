"""brat stand-off export (OUT.txt + OUT.ann), for brat and INCEpTION, and its reader.

OUT.txt is the analysed text exactly (UTF-8, newlines untouched), so the offsets of
OUT.ann are those of the analysis. In OUT.ann:

  T  Quote / Paraphrase / Framing   one per span; #note: its why, label and confidence;
                                    attribute `Corrected` when the reader changed it
  T  Content                        one per claim, its parts as fragments "s e;s e";
                                    attribute `ClaimKind` quote|paraphrase|mixed
  T  Cue                            the claim's cue
  T  Source                         every mention of every source; the first mention of a
                                    source carries attribute `SourceType` and a #note with
                                    its name (and " — description"); later mentions point
                                    to it with a `SameSource` relation
  R  Speaker  Arg1:Content Arg2:Source    the mention the attribution uses where it stands
  R  SourceOf Arg1:Content Arg2:Source    the resolved source, when the claim names none there
  R  CueOf    Arg1:Content Arg2:Cue
  R  PartOf   Arg1:<span>  Arg2:Content   a span belongs to that claim

A source with no mention in the text (one the reader added) cannot be a text-bound
entity; its claims carry a #note "source: <name> [<type>]" instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.brat import parse_ann, read_text
from reader.provenance.model import Analysis, Claim, Source, VoiceSpan

SPAN_TYPES = {"quote": "Quote", "paraphrase": "Paraphrase", "framing": "Framing"}
KIND_OF_TYPE = {v: k for k, v in SPAN_TYPES.items()}
_NOTE = re.compile(r"^(?P<why>.*) \[(?P<label>[^\[\]]*), confidence (?P<conf>[0-9.]+)\]$", re.S)
_SOURCE_NOTE = re.compile(r"^source: (?P<name>.*) \[(?P<type>\w+)\]$")


class BratError(ValueError):
    """An .ann file that does not describe an analysis this module wrote."""


def brat_paths(out: str | Path) -> tuple[Path, Path]:
    """OUT.txt and OUT.ann for OUT given with or without either suffix."""
    base = Path(out)
    if base.suffix in (".txt", ".ann"):
        base = base.with_suffix("")
    return base.with_name(base.name + ".txt"), base.with_name(base.name + ".ann")


# brat reads the types of a folder's documents from its annotation.conf.
ANNOTATION_CONF = """[entities]
Quote
Paraphrase
Framing
Content
Cue
Source

[relations]
Speaker	Arg1:Content, Arg2:Source
SourceOf	Arg1:Content, Arg2:Source
CueOf	Arg1:Content, Arg2:Cue
PartOf	Arg1:Quote|Paraphrase|Framing, Arg2:Content
SameSource	Arg1:Source, Arg2:Source
<OVERLAP>	Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
ClaimKind	Arg:Content, Value:quote|paraphrase|mixed
SourceType	Arg:Source, Value:person|organization|document|group|anonymous
Corrected	Arg:Quote|Paraphrase|Framing|Content
"""


def write_brat(out: str | Path, text: str, analysis: Analysis) -> tuple[Path, Path]:
    """OUT.txt and OUT.ann, plus an annotation.conf beside them unless the folder has one
    (a brat collection's own configuration is never overwritten)."""
    txt, ann = brat_paths(out)
    with txt.open("w", encoding="utf-8", newline="") as handle:  # offsets must stay true
        handle.write(text)
    ann.write_text(brat_ann(text, analysis), encoding="utf-8")
    conf = ann.parent / "annotation.conf"
    if not conf.exists():
        conf.write_text(ANNOTATION_CONF, encoding="utf-8")
    return txt, ann


def _fragment_text(text: str, ranges) -> str:
    # brat's text column: fragments joined by a space, line breaks as spaces.
    return " ".join(text[s:e] for s, e in ranges).replace("\r", " ").replace("\n", " ")


def _one_line(value: str) -> str:
    return " ".join(value.split())


def brat_ann(text: str, analysis: Analysis) -> str:
    lines: list[str] = []
    counters = {"T": 0, "R": 0, "A": 0, "#": 0}

    def next_id(kind: str) -> str:
        counters[kind] += 1
        return f"{kind}{counters[kind]}"

    def entity(type_: str, ranges) -> str:
        ident = next_id("T")
        offsets = ";".join(f"{s} {e}" for s, e in ranges)
        lines.append(f"{ident}\t{type_} {offsets}\t{_fragment_text(text, ranges)}")
        return ident

    def note(target: str, value: str) -> None:
        lines.append(f"{next_id('#')}\tAnnotatorNotes {target}\t{_one_line(value)}")

    mention_ids: dict[tuple[str, tuple[int, int]], str] = {}
    first_mention: dict[str, str] = {}
    for source in analysis.sources:
        for mention in source.mentions:
            key = (source.id, tuple(mention))
            if key in mention_ids:
                continue
            ident = entity("Source", [mention])
            mention_ids[key] = ident
            if source.id not in first_mention:
                first_mention[source.id] = ident
                lines.append(f"{next_id('A')}\tSourceType {ident} {source.type}")
                note(ident, source.name + (f" — {source.description}" if source.description else ""))
            else:
                lines.append(f"{next_id('R')}\tSameSource Arg1:{ident} Arg2:{first_mention[source.id]}")

    content_ids: dict[str, str] = {}
    for claim in analysis.claims:
        ident = entity("Content", claim.content)
        content_ids[claim.id] = ident
        lines.append(f"{next_id('A')}\tClaimKind {ident} {claim.kind}")
        if claim.cue_span:
            cue = entity("Cue", [claim.cue_span])
            lines.append(f"{next_id('R')}\tCueOf Arg1:{ident} Arg2:{cue}")
        source = analysis.source(claim.source)
        if source is None:
            continue
        where = mention_ids.get((source.id, tuple(claim.source_span))) if claim.source_span else None
        if where is not None:
            lines.append(f"{next_id('R')}\tSpeaker Arg1:{ident} Arg2:{where}")
        elif source.id in first_mention:
            lines.append(f"{next_id('R')}\tSourceOf Arg1:{ident} Arg2:{first_mention[source.id]}")
        else:
            note(ident, f"source: {source.name} [{source.type}]")

    for span in analysis.spans:
        ident = entity(SPAN_TYPES[span.kind], [(span.start, span.end)])
        note(ident, f"{span.why} [{span.label or ''}, confidence {round(span.confidence, 3)}]")
        if span.corrected:
            lines.append(f"{next_id('A')}\tCorrected {ident}")
        if span.claim in content_ids:
            lines.append(f"{next_id('R')}\tPartOf Arg1:{ident} Arg2:{content_ids[span.claim]}")
    return "\n".join(lines) + "\n"


def read_brat(txt: str | Path, ann: str | Path) -> tuple[str, Analysis]:
    """The text and the analysis of a pair written by `write_brat`."""
    text = read_text(Path(txt))
    return text, analysis_from_ann(Path(ann).read_text(encoding="utf-8"))


def analysis_from_ann(ann: str) -> Analysis:
    entities, _events = parse_ann(ann)
    attributes: dict[str, dict[str, str]] = {}
    relations: list[tuple[str, str, str]] = []
    notes: dict[str, str] = {}
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("A") and len(fields) >= 2:
            name, target, *value = fields[1].split()
            attributes.setdefault(target, {})[name] = value[0] if value else "true"
        elif line.startswith("R") and len(fields) >= 2:
            parts = fields[1].split()
            if len(parts) != 3:
                raise BratError(f"bad relation line: {line!r:.80}")
            args = dict(part.split(":", 1) for part in parts[1:])
            relations.append((parts[0], args.get("Arg1", ""), args.get("Arg2", "")))
        elif line.startswith("#") and len(fields) >= 3:
            notes[fields[1].split()[-1]] = fields[2]

    def relation(name: str, arg1: str) -> str | None:
        return next((b for r, a, b in relations if r == name and a == arg1), None)

    sources: list[Source] = []
    source_of_mention: dict[str, Source] = {}
    for ident, entity in entities.items():
        if entity.type != "Source":
            continue
        head = relation("SameSource", ident)
        if head is None:
            name, _, description = notes.get(ident, "").partition(" — ")
            source = Source(f"src{len(sources) + 1}", name,
                            attributes.get(ident, {}).get("SourceType", "person"),
                            description or None)
            sources.append(source)
        else:
            source = source_of_mention.get(head)
            if source is None:
                raise BratError(f"{ident} refers to an unknown source {head}")
        source.mentions.append(entity.ranges[0])
        source_of_mention[ident] = source

    claims: list[Claim] = []
    claim_of_content: dict[str, Claim] = {}
    for ident, entity in entities.items():
        if entity.type != "Content":
            continue
        claim = Claim(f"c{len(claims) + 1}", None, None, None, list(entity.ranges),
                      attributes.get(ident, {}).get("ClaimKind", "paraphrase"))
        cue = relation("CueOf", ident)
        if cue in entities:
            claim.cue_span = entities[cue].ranges[0]
        speaker = relation("Speaker", ident)
        resolved = relation("SourceOf", ident)
        source = source_of_mention.get(speaker or resolved or "")
        if speaker in entities:
            claim.source_span = entities[speaker].ranges[0]
        if source is None and _SOURCE_NOTE.match(notes.get(ident, "")):
            match = _SOURCE_NOTE.match(notes[ident])
            source = next((s for s in sources if s.name == match["name"] and not s.mentions), None)
            if source is None:
                source = Source(f"src{len(sources) + 1}", match["name"], match["type"])
                sources.append(source)
        if source is not None:
            claim.source = source.id
            source.claims.append(claim.id)
        claims.append(claim)
        claim_of_content[ident] = claim

    spans: list[VoiceSpan] = []
    for ident, entity in entities.items():
        if entity.type not in KIND_OF_TYPE:
            continue
        start, end = entity.ranges[0]
        span = VoiceSpan(f"s{len(spans) + 1}", KIND_OF_TYPE[entity.type], start, end,
                    corrected="Corrected" in attributes.get(ident, {}))
        match = _NOTE.match(notes.get(ident, ""))
        if match:
            span.why, span.label = match["why"], match["label"] or None
            span.confidence = float(match["conf"])
        claim = claim_of_content.get(relation("PartOf", ident) or "")
        span.claim = claim.id if claim else None
        spans.append(span)
    return Analysis(spans, claims, sources)
