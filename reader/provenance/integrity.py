"""Is an Analysis read from outside (a cache entry) usable for a given text?

`check_analysis` checks the shape the window and the exports rely on: kinds and types
known, offsets integers with 0 <= start < end <= len(text), every id it refers to present.
`fingerprint` is a digest of the words under every span, claim part, cue and mention: an
entry whose offsets moved (by 3 characters or by a billion) no longer matches it.
"""

from __future__ import annotations

import hashlib

from reader.provenance.model import Analysis
from reader.vocabulary import CLAIM_KINDS, KINDS, SOURCE_TYPES


def check_analysis(analysis: Analysis, length: int) -> None:
    """Raises ValueError naming the first thing that is wrong."""
    claims = {c.id for c in analysis.claims}
    sources = {s.id for s in analysis.sources}
    for span in analysis.spans:
        _range((span.start, span.end), length, "span")
        if span.kind not in KINDS or (span.claim is not None and span.claim not in claims):
            raise ValueError(f"span {span.id!r} has an unknown kind or claim")
        if not isinstance(span.confidence, (int, float)) or not 0 <= span.confidence <= 1:
            raise ValueError(f"span {span.id!r} has a confidence outside 0..1")
        _strings(span.id, span.why, span.label)
    for claim in analysis.claims:
        if claim.kind not in CLAIM_KINDS or not claim.content:
            raise ValueError(f"claim {claim.id!r} has an unknown kind or no content")
        if claim.source is not None and claim.source not in sources:
            raise ValueError(f"claim {claim.id!r} names an unknown source")
        for pair in [*claim.content, claim.source_span, claim.cue_span]:
            if pair is not None:
                _range(pair, length, "claim")
        _strings(claim.id)
    for source in analysis.sources:
        if source.type not in SOURCE_TYPES or any(c not in claims for c in source.claims):
            raise ValueError(f"source {source.id!r} has an unknown type or claim")
        for mention in source.mentions:
            _range(mention, length, "mention")
        _strings(source.id, source.name, source.description)


def fingerprint(analysis: Analysis, text: str) -> str:
    """sha256 over the words each offset pair of `analysis` covers in `text`."""
    digest = hashlib.sha256()

    def add(pair) -> None:
        if pair is not None:
            start, end = pair
            digest.update(f"{start}:{end}:".encode())
            digest.update(text[start:end].encode("utf-8", "surrogatepass"))

    for span in analysis.spans:
        add((span.start, span.end))
    for claim in analysis.claims:
        for pair in [*claim.content, claim.source_span, claim.cue_span]:
            add(pair)
    for source in analysis.sources:
        for mention in source.mentions:
            add(mention)
    return digest.hexdigest()


def _range(pair, length: int, what: str) -> None:
    if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
        raise ValueError(f"a {what} range is not a pair of offsets")
    start, end = pair
    if type(start) is not int or type(end) is not int or not 0 <= start <= end <= length \
            or (what == "span" and start == end):
        raise ValueError(f"a {what} range {start!r}..{end!r} is not inside the text")


def _strings(*values) -> None:
    if any(value is not None and not isinstance(value, str) for value in values):
        raise ValueError("a name or id is not a string")
