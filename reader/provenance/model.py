"""The result of an analysis: spans, claims and sources, and their JSON form (docs/design.md §3)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.provenance.language import LanguageDecision

from reader.vocabulary import (  # noqa: F401  (re-exported: the vocabulary of the result)
    CLAIM_KINDS, KINDS, SOURCE_TYPES, ClaimKind, Kind, SourceType)


@dataclass
class VoiceSpan:
    """A coloured run of text in one voice: a quote, a paraphrase or the writer's framing
    (not spaCy's Span). Offsets are Python string indices into the analysed text."""

    id: str
    kind: Kind
    start: int
    end: int
    claim: str | None = None
    label: str | None = None
    why: str = ""
    confidence: float = 1.0
    corrected: bool = False  # changed or added by the reader (reader/corrections)

    def to_dict(self) -> dict:
        record = {
            "id": self.id, "kind": self.kind, "start": self.start, "end": self.end,
            "claim": self.claim, "label": self.label, "why": self.why,
            "confidence": round(self.confidence, 3),
        }
        if self.corrected:  # only then, so the §3 contract of an uncorrected analysis is unchanged
            record["corrected"] = True
        return record

    @classmethod
    def from_dict(cls, record: dict) -> VoiceSpan:
        return cls(id=record["id"], kind=Kind(record["kind"]), start=record["start"],
                   end=record["end"], claim=record.get("claim"), label=record.get("label"),
                   why=record.get("why", ""), confidence=record.get("confidence", 1.0),
                   corrected=bool(record.get("corrected", False)))


class ContentExtent:
    """Where a claim's (possibly discontinuous) content starts and ends."""

    content: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        return max(e for _, e in self.content)


@dataclass
class Claim(ContentExtent):
    """One attribution: a source (possibly unknown), a cue and a possibly discontinuous content."""

    id: str
    source: str | None
    source_span: tuple[int, int] | None
    cue_span: tuple[int, int] | None
    content: list[tuple[int, int]]
    kind: ClaimKind

    def to_dict(self) -> dict:
        return {
            "id": self.id, "source": self.source,
            "source_span": list(self.source_span) if self.source_span else None,
            "cue_span": list(self.cue_span) if self.cue_span else None,
            "content": [list(part) for part in self.content], "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, record: dict) -> Claim:
        source_span, cue_span = record.get("source_span"), record.get("cue_span")
        return cls(id=record["id"], source=record.get("source"),
                   source_span=tuple(source_span) if source_span else None,
                   cue_span=tuple(cue_span) if cue_span else None,
                   content=[tuple(part) for part in record["content"]],
                   kind=ClaimKind(record["kind"]))


@dataclass
class Source:
    id: str
    name: str
    type: SourceType
    description: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "type": self.type,
            "description": self.description,
            "mentions": [list(m) for m in self.mentions], "claims": list(self.claims),
        }

    @classmethod
    def from_dict(cls, record: dict) -> Source:
        return cls(id=record["id"], name=record["name"], type=SourceType(record["type"]),
                   description=record.get("description"),
                   mentions=[tuple(m) for m in record.get("mentions", [])],
                   claims=list(record.get("claims", [])))


@dataclass
class Analysis:
    spans: list[VoiceSpan] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    model: str | None = None
    # The text's language and whether the English analysis ran on it (None: not decided,
    # e.g. an analysis built by hand or cached before the field existed).
    language: LanguageDecision | None = None

    @property
    def not_english(self) -> bool:
        """Whether the English analysis was left out because the text is not English."""
        return self.language is not None and not self.language.analysed

    def claim(self, claim_id: str | None) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)

    def source(self, source_id: str | None) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def spans_of_claim(self, claim_id: str) -> list[VoiceSpan]:
        return [s for s in self.spans if s.claim == claim_id]

    def unattributed_claims(self) -> list[Claim]:
        return [c for c in self.claims if c.source is None]

    def to_dict(self) -> dict:
        return {
            "spans": [s.to_dict() for s in self.spans],
            "claims": [c.to_dict() for c in self.claims],
            "sources": [s.to_dict() for s in self.sources],
            **({"language": self.language.to_dict()} if self.language is not None else {}),
        }

    @classmethod
    def from_dict(cls, record: dict, model: str | None = None) -> Analysis:
        """The inverse of to_dict (which leaves out the model, so it is passed apart)."""
        return cls(spans=[VoiceSpan.from_dict(s) for s in record.get("spans", [])],
                   claims=[Claim.from_dict(c) for c in record.get("claims", [])],
                   sources=[Source.from_dict(s) for s in record.get("sources", [])],
                   model=model,
                   language=(LanguageDecision.from_dict(record["language"])
                             if record.get("language") else None))
