"""Quiz mode for class: the article without colours; students select words and guess.

A guess is a selection (start, end), a kind and a source id (None: nobody named — the
writer's own framing, or an unattributed claim). It is matched to the hidden span that
overlaps the selection most; the answer is revealed and scored: a point for the kind,
a point for the source. Each span scores once. Pure Python: the window draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.provenance.model import Analysis, VoiceSpan

POINTS_KIND, POINTS_SOURCE = 1, 1


@dataclass(frozen=True)
class GuessResult:
    span: VoiceSpan | None  # the span the selection matched; None: no span there
    kind_right: bool
    source_right: bool
    actual_kind: str | None
    actual_source: str | None  # source id; None for framing and unattributed claims
    points: int
    already_revealed: bool = False  # the span had been revealed: not scored again

    @property
    def right(self) -> bool:
        return self.kind_right and self.source_right


@dataclass
class Quiz:
    analysis: Analysis
    revealed: set[str] = field(default_factory=set)  # span ids shown with their colours
    score: int = 0
    guesses: int = 0

    @property
    def max_score(self) -> int:
        return (POINTS_KIND + POINTS_SOURCE) * len(self.analysis.spans)

    @property
    def hidden(self) -> list[VoiceSpan]:
        return [s for s in self.analysis.spans if s.id not in self.revealed]

    @property
    def finished(self) -> bool:
        return not self.hidden

    def source_of(self, span: VoiceSpan) -> str | None:
        claim = self.analysis.claim(span.claim)
        return claim.source if claim is not None else None

    def match(self, start: int, end: int) -> VoiceSpan | None:
        """The span overlapping the selection most; a hidden one wins a tie."""
        if end < start:
            start, end = end, start
        best, best_key = None, None
        for span in self.analysis.spans:
            overlap = min(end, span.end) - max(start, span.start)
            if overlap <= 0 and not (start == end and span.start <= start < span.end):
                continue
            key = (max(overlap, 1), span.id not in self.revealed, -span.start)
            if best_key is None or key > best_key:
                best, best_key = span, key
        return best

    def guess(self, start: int, end: int, kind: str | None, source: str | None) -> GuessResult:
        self.guesses += 1
        span = self.match(start, end)
        if span is None:  # the writer's plain text: right only if the guess was "nothing"
            return GuessResult(None, kind is None, source is None, None, None, 0)
        actual_source = self.source_of(span)
        kind_right, source_right = kind == span.kind, source == actual_source
        if span.id in self.revealed:
            return GuessResult(span, kind_right, source_right, span.kind, actual_source, 0, True)
        points = POINTS_KIND * kind_right + POINTS_SOURCE * source_right
        self.score += points
        self.revealed.add(span.id)
        return GuessResult(span, kind_right, source_right, span.kind, actual_source, points)

    def reveal_all(self) -> list[VoiceSpan]:
        """Show every span still hidden (no points); returns them."""
        newly = self.hidden
        self.revealed.update(s.id for s in newly)
        return newly

    def reset(self) -> None:
        self.revealed.clear()
        self.score = self.guesses = 0
