"""Python code-point offsets ↔ Qt document positions.

Qt counts UTF-16 units, Python counts code points: every character outside the Basic
Multilingual Plane (most emoji, some CJK, math letters) is one Python index but two Qt
positions, so without this map an emoji before a quote shifts every later highlight.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
# Characters that QTextDocument would turn into something else or render as boxes; each
# is replaced by exactly one BMP character so the map stays one unit per code point.
_LINE_BREAKS = re.compile("[\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]|\r(?!\n)")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f\r]")


class TextPositions:
    """Maps offsets into one text to positions in a QTextDocument where that text starts at
    `base`. Both directions are O(log k), k being the number of non-BMP characters."""

    def __init__(self, text: str, base: int = 0):
        self.base = base
        self.length = len(text)
        # Code-point index of each non-BMP character, and where it starts in UTF-16.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_qt = [index + k for k, index in enumerate(self._astral)]
        self.qt_length = self.length + len(self._astral)

    def to_qt(self, offset: int) -> int:
        """The document position of code-point `offset` (clamped to the text)."""
        offset = min(max(offset, 0), self.length)
        return self.base + offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """The code-point offset at document `position`; the middle of a surrogate pair
        snaps to the start of its character."""
        unit = min(max(position - self.base, 0), self.qt_length)
        k = bisect_right(self._astral_qt, unit - 2)  # pairs that end at or before `unit`
        if k < len(self._astral_qt) and self._astral_qt[k] < unit:
            return self._astral[k]
        return unit - k

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)


def display_text(text: str) -> str:
    """`text` with each line break turned into "\\n" and each control character into a
    space, keeping the length in code points, so offsets into `text` stay valid."""
    text = text.replace("\r\n", " \n")
    text = _LINE_BREAKS.sub("\n", text)
    return _CONTROL.sub(" ", text)
