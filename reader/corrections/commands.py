"""The six corrections a reader can make, each a small command with apply and undo.

A correction names what it changes by anchors (the words and their context, see
anchors.py) and sources by name, never by the analyser's ids alone: ids are renumbered
by every run of the model, words are not. `apply` changes an Analysis in place and
returns False, leaving it untouched, when its target is not there; `undo` puts back the
Analysis as it was before the matching `apply`.
"""

from __future__ import annotations

import copy
import hashlib
import json
import uuid
from dataclasses import dataclass, field, fields, replace
from typing import ClassVar

from reader.corrections.anchors import Anchor
from reader.provenance.model import Analysis, Claim, Source, VoiceSpan
from reader.vocabulary import KINDS, SOURCE_TYPES

USER_WHY = "added by the reader"


class CorrectionError(ValueError):
    """A stored correction that cannot be read (unknown operation, bad field)."""


@dataclass(frozen=True)
class SourceRef:
    """A source by name (and the id it had when the correction was made), or a new one."""

    name: str
    id: str | None = None
    type: str = "person"
    description: str | None = None
    new: bool = False  # create it when no source of that name exists

    @classmethod
    def of(cls, source: Source) -> SourceRef:
        return cls(source.name, source.id)

    @classmethod
    def create(cls, name: str, type: str = "person", description: str | None = None) -> SourceRef:
        return cls(name.strip(), None, type, description, new=True)

    def find(self, analysis: Analysis) -> Source | None:
        by_id = analysis.source(self.id) if self.id else None
        if by_id is not None and by_id.name == self.name:
            return by_id
        return next((s for s in analysis.sources if s.name == self.name), None)

    def resolve(self, analysis: Analysis) -> Source | None:
        found = self.find(analysis)
        if found is not None or not self.new or not self.name:
            return found
        source = Source(_next_id("usrc", (s.id for s in analysis.sources)), self.name,
                        self.type if self.type in SOURCE_TYPES else "person", self.description)
        analysis.sources.append(source)
        return source

    def to_dict(self) -> dict:
        data = {"name": self.name, "id": self.id}
        if self.new:
            data.update(new=True, type=self.type, description=self.description)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> SourceRef:
        return cls(str(data["name"]), data.get("id"), str(data.get("type") or "person"),
                   data.get("description"), bool(data.get("new", False)))


@dataclass
class Correction:
    op: ClassVar[str] = ""
    _before: Analysis | None = field(default=None, init=False, repr=False, compare=False)
    _id: str = field(default="", init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        """Names this correction across windows and processes (saves merge by it): a random
        id when it is made, kept in the file; one read from a file without ids gets an id
        derived from its content, the same in every process that reads that file."""
        if not self._id:
            self._id = uuid.uuid4().hex
        return self._id

    def apply(self, analysis: Analysis) -> bool:
        before = copy.deepcopy(analysis)
        if not self.change(analysis):
            _restore(analysis, before)  # a failed change may have half-happened
            return False
        self._before = before
        return True

    def undo(self, analysis: Analysis) -> None:
        if self._before is None:
            raise RuntimeError("undo without apply")
        _restore(analysis, self._before)
        self._before = None

    def change(self, analysis: Analysis) -> bool:
        """Make the change in place; False when it does not apply to this analysis."""
        raise NotImplementedError

    def describe(self) -> str:
        """Words for the Undo/Redo menu items."""
        raise NotImplementedError

    def reanchored(self, text: str) -> Correction | None:
        """This correction moved onto a changed text; None when its words are gone."""
        moved = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Anchor):
                located = value.locate(text)
                if located is None:
                    return None
                moved[f.name] = located
        result = replace(self, **moved)
        result._id = self.id
        return result

    def to_dict(self) -> dict:
        data: dict = {"op": self.op, "id": self.id}
        for f in fields(self):
            if f.name.startswith("_"):
                continue
            value = getattr(self, f.name)
            data[f.name] = value.to_dict() if isinstance(value, (Anchor, SourceRef)) else value
        return data

    @staticmethod
    def from_dict(data: dict) -> Correction:
        cls = OPS.get(data.get("op")) if isinstance(data, dict) else None
        if cls is None:
            raise CorrectionError(f"unknown correction {data!r:.80}")
        values = {}
        try:
            for f in fields(cls):
                if f.name.startswith("_"):
                    continue
                raw = data.get(f.name)
                if f.type in ("Anchor",):
                    values[f.name] = Anchor.from_dict(raw)
                elif f.type in ("SourceRef | None", "SourceRef"):
                    values[f.name] = SourceRef.from_dict(raw) if raw else None
                else:
                    values[f.name] = raw
        except (KeyError, TypeError, ValueError) as error:
            raise CorrectionError(f"bad {data.get('op')} correction: {error}") from error
        correction = cls(**values)
        given = data.get("id")
        correction._id = given if isinstance(given, str) and given else _content_id(data)
        return correction


def _content_id(data: dict) -> str:
    content = {key: value for key, value in data.items() if key != "id"}
    return "h" + hashlib.sha256(json.dumps(content, sort_keys=True, default=str)
                                .encode()).hexdigest()[:31]


@dataclass
class ChangeKind(Correction):
    op: ClassVar[str] = "change-kind"
    span: Anchor = None  # type: ignore[assignment]
    old_kind: str = ""
    new_kind: str = ""

    @classmethod
    def of(cls, text: str, span: VoiceSpan, new_kind: str) -> ChangeKind:
        return cls(span=Anchor.at(text, span.start, span.end), old_kind=span.kind, new_kind=new_kind)

    def change(self, analysis: Analysis) -> bool:
        span = _span_at(analysis, self.span, self.old_kind)
        if span is None or self.new_kind not in KINDS or span.kind == self.new_kind:
            return False
        if self.new_kind == "framing":
            _detach(analysis, span)  # the writer's own words belong to no claim
        elif span.claim is None:
            # Now someone's words, but whose is not known yet: listed as unattributed
            # until the reader reassigns the claim.
            claim = Claim(_next_id("uc", (c.id for c in analysis.claims)), None, None, None,
                          [(span.start, span.end)], self.new_kind)
            analysis.claims.append(claim)
            span.claim = claim.id
        span.kind = self.new_kind
        span.corrected = True
        _refresh_claim_kind(analysis, span.claim)
        return True

    def describe(self) -> str:
        return f"Mark “{_short(self.span.text)}” as {self.new_kind}"


@dataclass
class ReassignClaim(Correction):
    op: ClassVar[str] = "reassign-claim"
    claim: Anchor = None  # type: ignore[assignment]
    source: SourceRef | None = None  # None: unattributed

    @classmethod
    def of(cls, text: str, claim: Claim, source: SourceRef | Source | None) -> ReassignClaim:
        if isinstance(source, Source):
            source = SourceRef.of(source)
        return cls(claim=Anchor.at(text, claim.start, claim.end), source=source)

    def change(self, analysis: Analysis) -> bool:
        claim = _claim_at(analysis, self.claim)
        if claim is None:
            return False
        target = self.source.resolve(analysis) if self.source else None
        if self.source is not None and target is None:
            return False
        if (target.id if target else None) == claim.source:
            return False
        old = analysis.source(claim.source)
        if old is not None and claim.id in old.claims:
            old.claims.remove(claim.id)
        claim.source = target.id if target else None
        # The mention the analyser linked is the old speaker's, unless it is also the new one's.
        if claim.source_span and (target is None or tuple(claim.source_span) not in
                                  {tuple(m) for m in target.mentions}):
            claim.source_span = None
        if target is not None:
            target.claims.append(claim.id)
            _sort_claim_ids(analysis, target)
        _mark_claim(analysis, claim.id)
        # The analyser's why named the old speaker; say what the reader decided instead.
        why = (f"the reader gave this claim to {target.name}" if target is not None
               else "the reader marked this claim as unattributed")
        for span in analysis.spans_of_claim(claim.id):
            span.why = why
        return True

    def describe(self) -> str:
        who = self.source.name if self.source else "Unattributed"
        return f"Give “{_short(self.claim.text)}” to {who}"


@dataclass
class MergeSources(Correction):
    op: ClassVar[str] = "merge-sources"
    keep: SourceRef = None  # type: ignore[assignment]
    merge: SourceRef = None  # type: ignore[assignment]

    @classmethod
    def of(cls, keep: Source, merge: Source) -> MergeSources:
        return cls(keep=SourceRef.of(keep), merge=SourceRef.of(merge))

    def change(self, analysis: Analysis) -> bool:
        keep, merge = self.keep.find(analysis), self.merge.find(analysis)
        if keep is None or merge is None or keep is merge:
            return False
        keep.mentions = sorted({tuple(m) for m in keep.mentions} | {tuple(m) for m in merge.mentions})
        keep.description = keep.description or merge.description
        for claim_id in merge.claims:
            claim = analysis.claim(claim_id)
            if claim is not None:
                claim.source = keep.id
                _mark_claim(analysis, claim_id)
            if claim_id not in keep.claims:
                keep.claims.append(claim_id)
        _sort_claim_ids(analysis, keep)
        analysis.sources.remove(merge)
        return True

    def describe(self) -> str:
        return f"Merge {self.merge.name} into {self.keep.name}"


@dataclass
class RemoveSpan(Correction):
    op: ClassVar[str] = "remove-span"
    span: Anchor = None  # type: ignore[assignment]
    kind: str = ""

    @classmethod
    def of(cls, text: str, span: VoiceSpan) -> RemoveSpan:
        return cls(span=Anchor.at(text, span.start, span.end), kind=span.kind)

    def change(self, analysis: Analysis) -> bool:
        span = _span_at(analysis, self.span, self.kind)
        if span is None:
            return False
        _detach(analysis, span)
        analysis.spans.remove(span)
        return True

    def describe(self) -> str:
        return f"Remove the {self.kind} “{_short(self.span.text)}”"


@dataclass
class AddSpan(Correction):
    op: ClassVar[str] = "add-span"
    span: Anchor = None  # type: ignore[assignment]
    kind: str = ""
    source: SourceRef | None = None  # for a quote or paraphrase; None: unattributed

    @classmethod
    def of(cls, text: str, start: int, end: int, kind: str,
           source: SourceRef | Source | None = None) -> AddSpan:
        # A selection rarely ends exactly on the words: trim the spaces around it.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if isinstance(source, Source):
            source = SourceRef.of(source)
        return cls(span=Anchor.at(text, start, end), kind=kind, source=source)

    def change(self, analysis: Analysis) -> bool:
        start, end = self.span.range
        if self.kind not in KINDS or any(
                s.start == start and s.end == end and s.kind == self.kind for s in analysis.spans):
            return False
        span = VoiceSpan(_next_id("us", (s.id for s in analysis.spans)), self.kind, start, end,
                    label="reader", why=USER_WHY, confidence=1.0, corrected=True)
        if self.kind != "framing":
            target = self.source.resolve(analysis) if self.source else None
            if self.source is not None and target is None:
                return False
            claim = Claim(_next_id("uc", (c.id for c in analysis.claims)),
                          target.id if target else None, None, None, [(start, end)], self.kind)
            analysis.claims.append(claim)
            if target is not None:
                target.claims.append(claim.id)
            span.claim = claim.id
        position = next((i for i, s in enumerate(analysis.spans) if (s.start, s.end) > (start, end)),
                        len(analysis.spans))
        analysis.spans.insert(position, span)
        return True

    def describe(self) -> str:
        return f"Mark “{_short(self.span.text)}” as {self.kind}"


@dataclass
class ResizeSpan(Correction):
    """A span set to other words: wider or narrower (its claim's words follow)."""

    op: ClassVar[str] = "resize-span"
    span: Anchor = None  # type: ignore[assignment]
    kind: str = ""
    to: Anchor = None  # type: ignore[assignment]

    @classmethod
    def of(cls, text: str, span: VoiceSpan, start: int, end: int) -> ResizeSpan:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return cls(span=Anchor.at(text, span.start, span.end), kind=span.kind,
                   to=Anchor.at(text, start, end))

    def change(self, analysis: Analysis) -> bool:
        span = _span_at(analysis, self.span, self.kind)
        start, end = self.to.range
        if span is None or start >= end or (span.start, span.end) == (start, end):
            return False
        claim = analysis.claim(span.claim)
        if claim is not None:
            parts = _subtract(_subtract(claim.content, span.start, span.end), start, end)
            claim.content = sorted([*parts, (start, end)])
            _mark_claim(analysis, claim.id)
        span.start, span.end = start, end
        span.corrected = True
        analysis.spans.sort(key=lambda s: (s.start, -s.end))
        return True

    def describe(self) -> str:
        return f"Set the {self.kind} “{_short(self.span.text)}” to “{_short(self.to.text)}”"


OPS: dict[str, type[Correction]] = {
    cls.op: cls for cls in (ChangeKind, ReassignClaim, MergeSources, RemoveSpan, AddSpan,
                            ResizeSpan)}


def apply_corrections(analysis: Analysis, corrections) -> Analysis:
    """A corrected copy of `analysis`; corrections whose target is not there are skipped."""
    corrected = copy.deepcopy(analysis)
    for correction in corrections:
        before = copy.deepcopy(corrected)
        if not correction.change(corrected):
            _restore(corrected, before)
    return corrected


def _restore(analysis: Analysis, snapshot: Analysis) -> None:
    snapshot = copy.deepcopy(snapshot)  # the snapshot may be restored again after a redo
    analysis.spans, analysis.claims, analysis.sources = snapshot.spans, snapshot.claims, snapshot.sources


def _span_at(analysis: Analysis, anchor: Anchor, kind: str) -> VoiceSpan | None:
    at = [s for s in analysis.spans if (s.start, s.end) == anchor.range]
    return next((s for s in at if s.kind == kind), at[0] if at else None)


def _claim_at(analysis: Analysis, anchor: Anchor) -> Claim | None:
    return next((c for c in analysis.claims if c.content and (c.start, c.end) == anchor.range), None)


def _detach(analysis: Analysis, span: VoiceSpan) -> None:
    """Take the span's words out of its claim; a claim left with no words goes too."""
    claim = analysis.claim(span.claim)
    span.claim = None
    if claim is None:
        return
    claim.content = _subtract(claim.content, span.start, span.end)
    if claim.content and analysis.spans_of_claim(claim.id):
        _mark_claim(analysis, claim.id)
        _refresh_claim_kind(analysis, claim.id)
        return
    for other in analysis.spans_of_claim(claim.id):
        other.claim = None
    analysis.claims.remove(claim)
    source = analysis.source(claim.source)
    if source is not None and claim.id in source.claims:
        source.claims.remove(claim.id)


def _subtract(parts: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    kept = []
    for s, e in parts:
        for piece in ((s, min(e, start)), (max(s, end), e)):
            if piece[0] < piece[1]:
                kept.append(piece)
    return kept


def _mark_claim(analysis: Analysis, claim_id: str) -> None:
    for span in analysis.spans_of_claim(claim_id):
        span.corrected = True


def _refresh_claim_kind(analysis: Analysis, claim_id: str | None) -> None:
    claim = analysis.claim(claim_id)
    kinds = {s.kind for s in analysis.spans_of_claim(claim_id)} if claim else set()
    if kinds:
        claim.kind = kinds.pop() if len(kinds) == 1 else "mixed"


def _sort_claim_ids(analysis: Analysis, source: Source) -> None:
    order = {c.id: i for i, c in enumerate(analysis.claims)}
    source.claims.sort(key=lambda claim_id: order.get(claim_id, len(order)))


def _next_id(prefix: str, existing) -> str:
    taken = set(existing)
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
