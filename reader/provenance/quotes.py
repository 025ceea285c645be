"""Pairing quotation marks in running text.

Pure functions on a string: no spaCy, so the pairing can be tested (and reused) on its own.

News text mixes mark styles freely, uses the same character for apostrophes and single
quotes, and reopens a quotation at the start of each paragraph of a long quote without
closing the previous paragraph. The pairing below works paragraph by paragraph with a
small stack, decides for each ambiguous mark whether it opens, closes or is an apostrophe
from the characters around it, and never fails on unbalanced input: an unclosed mark
either continues into the next paragraph (when that paragraph reopens the quote) or is
dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.provenance import lexicons

DOUBLE = "double"
SINGLE = "single"

# mark -> (family, role) where role is "open", "close" or "either".
_MARKS: dict[str, tuple[str, str]] = {
    '"': (DOUBLE, "either"),
    "\u201c": (DOUBLE, "open"),    # “
    "\u201d": (DOUBLE, "close"),   # ”
    "\u201e": (DOUBLE, "open"),    # „ (German low-9)
    "\u201f": (DOUBLE, "open"),    # ‟
    "\u00ab": (DOUBLE, "open"),    # «
    "\u00bb": (DOUBLE, "close"),   # »
    "\u2033": (DOUBLE, "either"),  # ″ used as a quote by some CMSs
    "'": (SINGLE, "either"),
    "\u2018": (SINGLE, "open"),    # ‘
    "\u2019": (SINGLE, "close"),   # ’ (also the typographic apostrophe)
    "\u201a": (SINGLE, "open"),    # ‚
    "\u2039": (SINGLE, "open"),    # ‹
    "\u203a": (SINGLE, "close"),   # ›
    "`": (SINGLE, "open"),         # ``TeX-style'' quotes
}

# Opening marks whose closing partner is not the usual one: German „…“ and ‚…‘, and
# the reversed guillemets »…« of German and Danish typesetting.
_ALTERNATE_CLOSERS = {"\u201e": "\u201c\u201d", "\u201a": "\u2018\u2019", "\u00bb": "\u00ab",
                      "\u203a": "\u2039"}

_MARK_RE = re.compile("[" + re.escape("".join(_MARKS)) + "]")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n|\r\n[ \t\f\v\u00a0]*\r\n|\u2029")

# Spans shorter than this, once trimmed, are not quotations ("" or " ").
_MIN_QUOTE_CHARS = 1


@dataclass(frozen=True)
class QuotePiece:
    """One paragraph's part of a quotation, marks included.

    `inner_start`/`inner_end` exclude the marks. `quote_id` is shared by all pieces of a
    quotation that runs over several paragraphs. `closed` is False when the quotation
    was never closed and was cut at the end of its paragraph.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    quote_id: int
    family: str
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return (self.inner_start, self.inner_end)


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges of the paragraphs of `text`, split at blank lines (a line-per-paragraph text
    without blank lines is split at single newlines)."""
    if not _PARAGRAPH_BREAK_RE.search(text):
        breaks = list(re.finditer(r"\r?\n", text))
    else:
        breaks = list(_PARAGRAPH_BREAK_RE.finditer(text))
    ranges, pos = [], 0
    for match in breaks:
        ranges.append((pos, match.start()))
        pos = match.end()
    ranges.append((pos, len(text)))
    return [(s, e) for s, e in ranges if text[s:e].strip()]


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int, family: str, declared: str) -> str:
    """Decide whether the mark at text[i] opens, closes, or is no quote mark at all."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if family == SINGLE:
        # don't, it's, rock'n'roll: a mark between two letters is an apostrophe.
        if _is_word(before) and _is_word(after):
            return "apostrophe"
        # the '90s, 'em, ’tis: an elided start of a word, not an opening quote.
        if declared != "close" and after.isdigit():
            return "apostrophe"
        if declared == "close" and after.isdigit() and not _is_word(before):
            return "apostrophe"
    if declared != "either":
        return declared
    # A straight mark: decide from the spacing around it.
    left_open = before.isspace() or before in "([{—–-/\u2014\u2013" or i == 0
    right_open = after.isspace() or after in ".,;:!?)]}—–-/\u2014\u2013" or i + 1 == len(text)
    if left_open and not right_open:
        return "open"
    if right_open and not left_open:
        return "close"
    return "either"


def find_quotes(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[QuotePiece]:
    """All quotation pieces in `text`, in order. Nested quotes are inside their outer piece
    and are not reported separately."""
    if paragraphs is None:
        paragraphs = paragraph_ranges(text)
    pieces: list[QuotePiece] = []
    carried: tuple[int, str] | None = None  # (quote_id, family) of a quote left open
    next_id = 0
    for p_start, p_end in paragraphs:
        para_pieces, carried, next_id = _pair_paragraph(text, p_start, p_end, carried, next_id)
        pieces.extend(para_pieces)
    # author="…" in markup left in a saved text is an attribute value, not a quotation.
    return [p for p in pieces if not (p.start > 0 and text[p.start - 1] == "=")]


def _first_mark(text: str, start: int, end: int) -> int | None:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i if i < end and text[i] in _MARKS else None


def _pair_paragraph(text, p_start, p_end, carried, next_id):
    """Pair the marks of one paragraph. Returns (pieces, quote left open, next id)."""
    pieces: list[QuotePiece] = []
    stack: list[tuple[int, str, str]] = []  # (position of the open mark, family, char)
    continuing: tuple[int, str] | None = None

    first = _first_mark(text, p_start, p_end)
    if carried is not None:
        # A quotation that ran over the last paragraph continues here only if this
        # paragraph reopens it with a mark of the same family.
        if first is not None and _MARKS[text[first]][0] == carried[1] and \
                _role(text, first, carried[1], _MARKS[text[first]][1]) in ("open", "either"):
            continuing = carried
        else:
            carried = None

    for match in _MARK_RE.finditer(text, p_start, p_end):
        i = match.start()
        ch = text[i]
        family, declared = _MARKS[ch]
        role = _role(text, i, family, declared)
        if role == "apostrophe":
            continue
        if stack and ch in _ALTERNATE_CLOSERS.get(stack[-1][2], ""):
            role = "close"
        elif ch in _ALTERNATE_CLOSERS and role == "close" and \
                not any(f == family for _, f, _ in stack) and i + 1 < p_end and _is_word(text[i + 1]):
            role = "open"  # »nein« opens with the mark that closes elsewhere
        top_family = stack[-1][1] if stack else None
        if role == "either":
            role = "close" if top_family == family else "open"
        if role == "open":
            # An inner quote can only be of the other family: a second opening mark of
            # the same family while one is open means the first was never closed.
            if stack and top_family == family and family == DOUBLE:
                stack.pop()
            stack.append((i, family, ch))
            continue
        # role == "close"
        if family == SINGLE and (not stack or all(f != SINGLE for _, f, _ in stack)):
            continue  # Jones' or a stray closing apostrophe
        while stack and stack[-1][1] != family:
            stack.pop()  # an inner mark left open: it was an apostrophe after all
        if not stack:
            continue  # a closing mark without an opening one
        open_pos, _, _ = stack.pop()
        if stack:
            continue  # a nested quote: the outer one is reported
        quote_id = next_id
        if continuing is not None and open_pos == first:
            quote_id = continuing[0]
            continuing = None
        else:
            next_id += 1
        piece = _piece(text, open_pos, i + 1, quote_id, family, closed=True)
        if piece:
            pieces.append(piece)

    new_carried = None
    if stack:
        open_pos, family, _ = stack[0]
        line_end = _trim_end(text, p_start, p_end)
        quote_id = next_id
        if continuing is not None and open_pos == first:
            quote_id = continuing[0]
        else:
            next_id += 1
        # An unclosed double quotation runs to the end of its paragraph: in news that is
        # the first paragraph of a multi-paragraph quote, or a missing closing mark.
        # An unclosed single mark is more likely an apostrophe and is dropped.
        if family == DOUBLE and line_end - open_pos > 1:
            piece = _piece(text, open_pos, line_end, quote_id, family, closed=False)
            if piece:
                pieces.append(piece)
                new_carried = (quote_id, family)
    return pieces, new_carried, next_id


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _piece(text, start, end, quote_id, family, closed):
    inner_start, inner_end = start + 1, end - 1 if closed else end
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    if inner_end - inner_start < _MIN_QUOTE_CHARS:
        return None
    if not any(ch.isalnum() for ch in text[inner_start:inner_end]):
        return None
    return QuotePiece(start, end, inner_start, inner_end, quote_id, family, closed)


_TITLE_SMALL_WORDS = lexicons.words("title_small_words")


def looks_like_title(text: str) -> bool:
    """"Saturday Night Live" or "The Art of the Deal": a work's title or a name in quotation
    marks, not anyone's words."""
    words = [w for w in text.split() if w]
    if len(words) < 2:
        return False
    return all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS or not w[0].isalpha()
               for w in words)
