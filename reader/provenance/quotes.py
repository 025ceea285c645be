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
from dataclasses import dataclass, field

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
    if family == DOUBLE and declared == "close" and (i == 0 or before.isspace()) and \
            _is_word(after):
        # ”Fear. I am truly afraid …” at the start of a line: a closing mark typed for
        # an opening one (a closing mark is never followed by a word with no space).
        return "open"
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


@dataclass
class _Pairing:
    """The marks of one paragraph being paired."""

    text: str
    p_start: int
    p_end: int
    next_id: int
    first: int | None  # the mark that opens the paragraph, if one does
    continuing: tuple[int, str] | None  # (quote_id, family) of a quotation this paragraph goes on with
    stack: list[tuple[int, str, str]] = field(default_factory=list)  # (position, family, char) of open marks
    pieces: list[QuotePiece] = field(default_factory=list)

    def open(self, i: int, family: str | None = None) -> None:
        family = family or _MARKS[self.text[i]][0]
        # An inner quote can only be of the other family: a second opening mark of the
        # same family while one is open means the first was never closed.
        if self.stack and self.stack[-1][1] == family and family == DOUBLE and \
                not self._straight_around_curly(i):
            self.stack.pop()
        self.stack.append((i, family, self.text[i]))

    def _straight_around_curly(self, i: int) -> bool:
        """'"…, the question: “Do you …?” Forty, yes."': a paragraph opened and closed with
        straight marks may hold a curly quotation inside."""
        open_pos = self.stack[-1][0]
        return self.text[open_pos] == '"' and open_pos == self.first and \
            self.text[i] == "\u201c" and \
            self.text[_trim_end(self.text, self.p_start, self.p_end) - 1] == '"'

    def close(self, i: int, family: str | None = None) -> None:
        family = family or _MARKS[self.text[i]][0]
        if family == SINGLE and all(f != SINGLE for _, f, _ in self.stack):
            return  # Jones' or a stray closing apostrophe
        while self.stack and self.stack[-1][1] != family:
            self.stack.pop()  # an inner mark left open: it was an apostrophe after all
        if not self.stack:
            return  # a closing mark without an opening one
        open_pos, _, _ = self.stack.pop()
        if self.stack:
            return  # a nested quote: the outer one is reported
        piece = _piece(self.text, open_pos, i + 1, self._quote_id(open_pos), family, closed=True)
        if piece:
            self.pieces.append(piece)

    def finish(self) -> tuple[int, str] | None:
        """Ends the paragraph; returns the quotation left open, to carry into the next."""
        if not self.stack:
            return None
        open_pos, family, _ = self.stack[0]
        line_end = _trim_end(self.text, self.p_start, self.p_end)
        quote_id = self._quote_id(open_pos)
        # An unclosed double quotation runs to the end of its paragraph: in news that is
        # the first paragraph of a multi-paragraph quote, or a missing closing mark.
        # An unclosed single mark is more likely an apostrophe and is dropped.
        if family == DOUBLE and line_end - open_pos > 1:
            piece = _piece(self.text, open_pos, line_end, quote_id, family, closed=False)
            if piece:
                self.pieces.append(piece)
                return (quote_id, family)
        return None

    def _quote_id(self, open_pos: int) -> int:
        """The carried quotation's id for the mark that reopens it, else a new one."""
        if self.continuing is not None and open_pos == self.first:
            quote_id, self.continuing = self.continuing[0], None
            return quote_id
        self.next_id += 1
        return self.next_id - 1


def _pair_paragraph(text: str, p_start: int, p_end: int, carried: tuple[int, str] | None,
                    next_id: int) -> tuple[list[QuotePiece], tuple[int, str] | None, int]:
    """Pair the marks of one paragraph. Returns (pieces, quote left open, next id).

    Each mark's role comes from the spacing around it (_role), then from the first of
    _ROLE_RULES that decides it."""
    first = _first_mark(text, p_start, p_end)
    pairing = _Pairing(text, p_start, p_end, next_id, first, _reopened(text, first, carried))
    skip_to = -1
    for match in _MARK_RE.finditer(text, p_start, p_end):
        i = match.start()
        if i < skip_to:
            continue
        if text[i] in "\u2019'" and text[i + 1:i + 2] == text[i] and pairing.stack and \
                pairing.stack[-1][1] == DOUBLE:
            # ’’ or '' closing a “…: two single marks typed for one double (wire copy).
            pairing.close(i + 1, DOUBLE)
            skip_to = i + 2
            continue
        doubled = _doubled_single_role(text, i)
        if doubled is not None:
            # ''…'' (the New York Times' archive text): two straight marks for one double.
            if doubled == "open":
                pairing.open(i, DOUBLE)
            else:
                pairing.close(i + 1, DOUBLE)
            skip_to = i + 2
            continue
        family, declared = _MARKS[text[i]]
        role = _role(text, i, family, declared)
        if role == "apostrophe":
            continue
        for rule in _ROLE_RULES:
            decided = rule(pairing, i, role)
            if decided is not None:
                role = decided
                break
        if role == "open":
            pairing.open(i)
        else:
            pairing.close(i)
    carried = pairing.finish()
    return pairing.pieces, carried, pairing.next_id


def _doubled_single_role(text: str, i: int) -> str | None:
    """'' standing for one double mark: it opens before a word after a space (or a
    paragraph's start), it closes after a word or punctuation before a space or
    punctuation; anything else ("rock''n''roll", a lone ') is left to the other rules."""
    if text[i:i + 2] != "''" or text[i + 2:i + 3] == "'" or (i > 0 and text[i - 1] == "'"):
        return None
    before = text[i - 1] if i > 0 else " "
    after = text[i + 2] if i + 2 < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and (after.isalnum() or after in "$.[(…"):
        return "open"
    if (before.isalnum() or before in ".,;:!?)]}…%-—") and (after.isspace() or after in ".,;:!?)]}—–-"):
        return "close"
    return None


def _reopened(text: str, first: int | None, carried: tuple[int, str] | None) -> tuple[int, str] | None:
    """A quotation that ran over the last paragraph continues here only if this paragraph
    reopens it with a mark of the same family."""
    if carried is None or first is None:
        return None
    family, declared = _MARKS[text[first]]
    if _doubled_single_role(text, first) == "open":
        family, declared = DOUBLE, "open"
    if family == carried[1] and _role(text, first, carried[1], declared) in ("open", "either"):
        return carried
    return None


def _closes_alternate_opener(pairing: _Pairing, i: int, role: str) -> str | None:
    """„…“ and »…«: the mark that pairs with the open one closes it."""
    if pairing.stack and pairing.text[i] in _ALTERNATE_CLOSERS.get(pairing.stack[-1][2], ""):
        return "close"
    return None


def _reversed_guillemet_opens(pairing: _Pairing, i: int, role: str) -> str | None:
    """»nein« opens with the mark that closes elsewhere."""
    text, family = pairing.text, _MARKS[pairing.text[i]][0]
    if role == "close" and text[i] in _ALTERNATE_CLOSERS and \
            not any(f == family for _, f, _ in pairing.stack) and i + 1 < pairing.p_end and \
            _is_word(text[i + 1]):
        return "open"
    return None


def _straight_by_open_marks(pairing: _Pairing, i: int, role: str) -> str | None:
    """A straight mark the spacing leaves open closes the open quotation of its family,
    else opens one."""
    if role != "either":
        return None
    family = _MARKS[pairing.text[i]][0]
    return "close" if pairing.stack and pairing.stack[-1][1] == family else "open"


def _opener_typed_for_closer(pairing: _Pairing, i: int, role: str) -> str | None:
    """“…here,“ said Ms. Ruiz: an opening mark typed where the open quotation ends, right
    after its last word or punctuation and before a space, closes it."""
    text = pairing.text
    if role != "open" or text[i] != "\u201c" or not pairing.stack or \
            pairing.stack[-1][1] != DOUBLE:
        return None
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (_is_word(before) or before in ".,;:!?…") and (after.isspace() or after in ".,;:!?)"):
        return "close"
    return None


# Tried in order after the spacing has spoken; each may settle the role.
_ROLE_RULES = (_opener_typed_for_closer, _closes_alternate_opener, _reversed_guillemet_opens,
               _straight_by_open_marks)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _piece(text, start, end, quote_id, family, closed):
    inner_start, inner_end = start + 1, end - 1 if closed else end
    if text[start:start + 2] == "''":
        inner_start += 1
    if closed and end - start >= 4 and text[end - 2:end] == "''":
        inner_end -= 1
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
