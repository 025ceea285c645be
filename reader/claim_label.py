"""How a claim reads when it is listed as one line of text: the side panel's claim rows,
the presentation caption, the exported sources table.

A claim's content alone often says what was said ("that the bridge would open next
spring"), but a topic-only content does not: "has been critical of the mayor", "spoke
warmly of her first term", "makes no mention of the ferry" give the contents "the mayor",
"her first term", "the ferry", and a bare row "the mayor" under a source tells a reader
nothing. Such a claim is listed with its cue, in the article's order: "has been critical
of: the mayor"; a cue after its content follows it: "A curfew — was announced". Quotations
and long paraphrases are listed as their words alone, as before.

Plain Python, no Qt (the exports use it as well as the window).
"""

from __future__ import annotations

import re

from reader.vocabulary import ClaimKind

WORD = re.compile(r"\w+")
# A content of at most this many words is shown with its cue: "the mayor", "them", "her
# first term", "to invite both" (a clause such as "that the bridge is safe" reads alone,
# but it is rarely this short).
SHORT_CONTENT_WORDS = 6
# A cue ending in one of these is about a topic ("critical of", "spoke warmly of",
# "complained about", "pressed her on"): its content is a topic however long it is.
TOPIC_PREPOSITIONS = frozenset({"about", "against", "as", "for", "of", "on", "over", "with"})
ELLIPSIS = "…"


def one_line(text: str) -> str:
    """`text` with every run of white space (line breaks too) as one space."""
    return " ".join(text.split())


def shorten(text: str, limit: int | None) -> str:
    """`text` cut to at most `limit` characters with an ellipsis (None: not cut)."""
    if limit is None or len(text) <= limit:
        return text
    return text[:limit - 1].rstrip() + ELLIPSIS


def shown_parts(claim, shown=None) -> list[tuple[int, int]]:
    """The claim's content parts as the text colours them: each part cut to the coloured
    spans `shown` inside it ((start, end) pairs), a part with none left out. A claim's
    content may hold words that are not coloured (a relative "that" or an article "a" beside
    a quotation, reader.provenance.assemble), which listed alone read as stray fragments.
    With no `shown` (or none inside the content), the content parts as they are."""
    parts = sorted(claim.content)
    if not shown:
        return parts
    cut = []
    for s, e in parts:
        inside = [(max(s, a), min(e, b)) for a, b in shown if max(s, a) < min(e, b)]
        if inside:
            cut.append((min(a for a, _ in inside), max(b for _, b in inside)))
    return cut or parts


def content_words(text: str, claim, joined: bool = False, shown=None) -> str:
    """A claim's content on one line: from its first to its last character (what lies
    between the parts too, such as "he said" inside a quotation), or with `joined` its
    parts alone, joined by " … "; with `shown`, its coloured parts only (shown_parts)."""
    parts = shown_parts(claim, shown)
    if joined:
        return f" {ELLIPSIS} ".join(one_line(text[s:e]) for s, e in parts)
    return one_line(text[parts[0][0]:parts[-1][1]])


def needs_cue(text: str, claim) -> bool:
    """Whether the claim's content alone would not say what was said: not a quotation,
    a cue known, and a short content or a cue about a topic ("critical of")."""
    if claim.kind == ClaimKind.QUOTE or not claim.cue_span or not claim.content:
        return False
    if claim.start <= claim.cue_span[0] < claim.end:  # "the plan, he said, is risky"
        return False
    cue = WORD.findall(text[claim.cue_span[0]:claim.cue_span[1]])
    if not cue:
        return False
    words = sum(len(WORD.findall(text[s:e])) for s, e in claim.content)
    return words <= SHORT_CONTENT_WORDS or cue[-1].lower() in TOPIC_PREPOSITIONS


def claim_label(text: str, claim, limit: int | None = 90, joined: bool = False,
                shown=None) -> str:
    """The line that lists `claim` of the article `text`: its content, with its cue when
    the content alone would not say what was said (needs_cue); cut to `limit` characters
    (None: whole). `joined`: the content's parts alone, joined by " … " (content_words).
    `shown`: the (start, end) of the claim's coloured spans, so that words of the content
    the text does not colour are not listed either (shown_parts)."""
    words = content_words(text, claim, joined, shown)
    if not needs_cue(text, claim):
        return shorten(words, limit)
    cue = one_line(text[claim.cue_span[0]:claim.cue_span[1]])
    if claim.cue_span[0] >= claim.end:  # the cue follows its content ("A curfew was announced")
        line = f"{words} — {cue}"
    else:
        line = f"{cue}: {words}"
    return shorten(line, limit)
