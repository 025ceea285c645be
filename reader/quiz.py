"""Quiz mode for class: the article without colours; students select words and guess.

A guess is a selection (start, end), a kind and a source id (None: nobody named — the
writer's own framing, or an unattributed claim). It is matched to the hidden span that
overlaps the selection most; the answer is revealed and scored: a point for the kind,
a point for the source. Each span scores once. Pure Python: the window draws it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.provenance.model import Analysis, Source, VoiceSpan

POINTS_KIND, POINTS_SOURCE = 1, 1
# A guess naming no one from the list: "type:<source type>" ("a document or report").
TYPE_PREFIX = "type:"
NAME_PREFIX = "name:"  # a name in the text that is no source of the analysis
GENERIC_CHOICES = (
    ("person", "another person (not in this list)"),
    ("organization", "another organisation (not in this list)"),
    ("document", "a document or report"),
    ("group", "a group of people"),
    ("anonymous", "an unnamed source (\"a source familiar …\")"),
)
# Capitalised runs of words, the names a text offers when no entity recogniser is at hand;
# a full stop joins words only after a title ("Col. Dave Butler"), not across sentences.
_TITLES = {"Col", "Gen", "Lt", "Sgt", "Capt", "Maj", "Adm", "Sen", "Sens", "Rep", "Reps",
           "Gov", "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Jr"}
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*(?:\.? (?:of the |of |de |van |von )?[A-Z][\w'’-]*)*")
_NOT_NAMES = {"The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But",
              "And", "Or", "If", "This", "That", "These", "Those", "His", "Her", "Their",
              "Its", "Our", "When", "While", "After", "Before", "As", "For", "With", "By",
              "Also", "Yes", "No", "So", "Photo", "Follow", "Please", "COMMENTS", "All",
              "Some", "Many", "Most", "Now", "Then", "There", "Here", "What", "Who", "Why",
              "How", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
              "Sunday", "January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December"}
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’)]*\s+|\n|[“\"‘])$")


@dataclass(frozen=True)
class SourceChoice:
    title: str
    value: str | None  # a source id, NAME_PREFIX + name, TYPE_PREFIX + type, None: nobody


def _runs(match: re.Match, text: str):
    """(words, opens a sentence) of each name in a match, split where a full stop ends a
    sentence rather than a title."""
    at_start = bool(_SENTENCE_START.search(text[max(0, match.start() - 4):match.start()]))
    words: list[str] = []
    for word in match.group().split(" "):
        if word.endswith(".") and word[:-1] not in _TITLES:
            words.append(word[:-1])
            yield words, at_start
            words, at_start = [], True
        else:
            words.append(word)
    if words:
        yield words, at_start


def capitalised_names(text: str) -> list[str]:
    """Runs of capitalised words: a stand-in for an entity recogniser (noisy, but every
    name is among them). A single word that only ever opens a sentence is left out."""
    names, mid_sentence = [], set()
    for match in _CAPITALISED.finditer(text):
        for words, at_start in _runs(match, text):
            words = [w for w in (re.sub(r"['’]s$", "", w) for w in words) if w]
            while words and words[0] in _NOT_NAMES:
                words, at_start = words[1:], False
            while words and words[-1] in _NOT_NAMES:
                words = words[:-1]
            if not words or (len(words) == 1 and len(words[0]) < 3):
                continue
            name = " ".join(words)
            if not at_start:
                mid_sentence.add(name)
            names.append((name, at_start))
    return [name for name, at_start in names
            if not (at_start and " " not in name and name not in mid_sentence)]


def _same_entity(name: str, source: Source, text: str) -> bool:
    lowered = name.lower()
    candidates = [source.name] + [text[a:b] for a, b in source.mentions]
    return any(lowered == c.lower() or (len(lowered) > 3 and (lowered in c.lower()
                                                               or c.lower() in lowered))
               for c in candidates if c)


def source_choices(text: str, analysis: Analysis, names: list[str]) -> list[SourceChoice]:
    """What a quiz offers as the source of a span, without giving the analysis away: every
    name in `names` (the people and organisations named in the text), whether or not the
    analysis found it speaking, then generic choices for sources that are not named
    people or organisations (documents, groups, unnamed sources). A name that is a
    source's name or one of its mentions stands for that source."""
    choices: dict[str, SourceChoice] = {}
    for name in names:
        name = " ".join(name.split())
        if not name or name.lower() in choices:
            continue
        source = next((s for s in analysis.sources if _same_entity(name, s, text)), None)
        choices[name.lower()] = SourceChoice(name, source.id if source else NAME_PREFIX + name)
    ordered = sorted(choices.values(), key=lambda c: c.title.lower())
    generic = [SourceChoice(title, TYPE_PREFIX + kind) for kind, title in GENERIC_CHOICES]
    return ordered + generic


def source_guess_right(analysis: Analysis, guess: str | None, actual: str | None,
                       listed: set[str] | None = None) -> bool:
    """Whether `guess` names the source `actual` (ids, or None for nobody named). A generic
    TYPE_PREFIX guess is right for a source of that type, unless the source is a person or
    organisation among the `listed` ids (then its name was there to choose)."""
    if guess == actual:
        return True
    if guess is None or actual is None or not guess.startswith(TYPE_PREFIX):
        return False
    source = analysis.source(actual)
    if source is None or source.type != guess[len(TYPE_PREFIX):]:
        return False
    return not (source.type in ("person", "organization") and listed and actual in listed)


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
    listed: set[str] = field(default_factory=set)  # source ids the chooser offers by name

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
        """The span overlapping the selection most; a hidden one wins a tie, then the
        innermost (a framing word inside a topic's paraphrase, "critical of [the
        disastrous plan]", selected alone is the framing)."""
        if end < start:
            start, end = end, start
        best, best_key = None, None
        for span in self.analysis.spans:
            overlap = min(end, span.end) - max(start, span.start)
            if overlap <= 0 and not (start == end and span.start <= start < span.end):
                continue
            key = (max(overlap, 1), span.id not in self.revealed, -span.start,
                   span.start - span.end)
            if best_key is None or key > best_key:
                best, best_key = span, key
        return best

    def guess(self, start: int, end: int, kind: str | None, source: str | None) -> GuessResult:
        self.guesses += 1
        span = self.match(start, end)
        if span is None:  # the writer's plain text: right only if the guess was "nothing"
            return GuessResult(None, kind is None, source is None, None, None, 0)
        actual_source = self.source_of(span)
        kind_right = kind == span.kind
        source_right = source_guess_right(self.analysis, source, actual_source, self.listed)
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
