"""Claims as they are found, before sources are resolved and ids given."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from reader.provenance.model import ContentExtent
from reader.vocabulary import RuleName, SpanLabel, rule

_EDGE_PUNCT = " \t\r\n\u00a0,;:.—–-([{"
_END_PUNCT = " \t\r\n\u00a0,;:—–-)]}"



_TEXT_KEY = "provenance_text"


def text_of(doc: Doc) -> str:
    """`text_of(doc)`, built once per document: spaCy joins every token anew on each read,
    which made reading it the largest cost of the whole analysis."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text

@dataclass
class ClaimDraft(ContentExtent):
    """One attribution found in a doc. Offsets are character offsets into text_of(doc)."""

    content: list[tuple[int, int]]
    cue: tuple[int, int] | None
    source_token: Token | None  # head of the source mention as written ("he", "Butler")
    source_span: tuple[int, int] | None
    rule: RuleName
    why: str
    confidence: float = None  # type: ignore[assignment]  # None: the rule's (set on creation)
    quoted: bool = False  # content is a direct quote (or contains quote pieces)
    quote_ids: set[int] = field(default_factory=set)
    label: SpanLabel | None = None  # None: the rule's label (reader.vocabulary.RULES)

    def __post_init__(self) -> None:
        found = rule(self.rule)  # an unknown rule name raises here, where it is made
        self.rule = found.name
        if self.label is None:
            self.label = found.label
        if self.confidence is None:
            self.confidence = found.confidence

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.content)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a character range past edge whitespace and clause punctuation."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _END_PUNCT:
        end -= 1
    # A sentence's final period belongs to the sentence, not to the reported content.
    if end > start and text[end - 1] == "." and not text[max(start, end - 3):end].count(".") > 1:
        if end - 2 >= start and not text[end - 2].isupper():
            end -= 1
            while end > start and text[end - 1] in _END_PUNCT:
                end -= 1
    return start, end


def subtree_range(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right)


def subtract(ranges: list[tuple[int, int]], hole: tuple[int, int]) -> list[tuple[int, int]]:
    out = []
    hs, he = hole
    for s, e in ranges:
        if he <= s or e <= hs:
            out.append((s, e))
            continue
        if s < hs:
            out.append((s, hs))
        if he < e:
            out.append((he, e))
    return out


# A coordinator left at a content's end once what it joined was cut ("… not complete, and").
_TRAILING_COORDINATOR = re.compile(r"\s(?:and|but|or|nor)$", re.IGNORECASE)


def clean_parts(doc: Doc, parts: list[tuple[int, int]], min_chars: int = 2) -> list[tuple[int, int]]:
    out = []
    for s, e in sorted(parts):
        s, e = trim(text_of(doc), s, e)
        dangling = _TRAILING_COORDINATOR.search(text_of(doc), s, e)
        if dangling is not None:
            s, e = trim(text_of(doc), s, dangling.start())
        if e - s >= min_chars and any(ch.isalnum() for ch in text_of(doc)[s:e]):
            out.append((s, e))
    return out
