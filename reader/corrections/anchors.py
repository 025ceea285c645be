"""Where a correction applies, held as the words it covers plus a little context.

Offsets alone break as soon as the article text changes (a re-saved page, a fixed typo
upstream), so an anchor also keeps the covered text and the characters on either side.
`locate` finds the same words again in a new text: the old place if they are still
there, else the occurrence whose context matches best and which lies nearest the old
offset; if the words are gone, the anchor is lost and the correction is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = 32  # characters kept on each side
# How far from its old place a re-anchored correction may move: enough for edits earlier
# in the article, small enough that a common phrase does not jump to another section.
WINDOW_MIN, WINDOW_FRACTION = 2_000, 0.25


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    text: str
    before: str = ""
    after: str = ""

    @classmethod
    def at(cls, text: str, start: int, end: int) -> Anchor:
        if not 0 <= start < end <= len(text):
            raise ValueError(f"no text to anchor at {start}-{end}")
        return cls(start, end, text[start:end], text[max(0, start - CONTEXT):start],
                   text[end:end + CONTEXT])

    @property
    def range(self) -> tuple[int, int]:
        return self.start, self.end

    def locate(self, text: str) -> Anchor | None:
        """This anchor moved onto `text`, or None when its words are no longer there."""
        if text[self.start:self.end] == self.text:
            return Anchor.at(text, self.start, self.end)
        window = max(WINDOW_MIN, int(len(text) * WINDOW_FRACTION))
        best, best_key = None, None
        found = text.find(self.text)
        while found != -1:
            distance = abs(found - self.start)
            if distance <= window:
                key = (-self._context_score(text, found), distance)
                if best_key is None or key < best_key:
                    best, best_key = found, key
            found = text.find(self.text, found + 1)
        if best is None:
            return None
        return Anchor.at(text, best, best + len(self.text))

    def _context_score(self, text: str, start: int) -> int:
        """How many context characters still surround an occurrence at `start`."""
        before = text[max(0, start - len(self.before)):start]
        after = text[start + len(self.text):start + len(self.text) + len(self.after)]
        return _common_suffix(before, self.before) + _common_prefix(after, self.after) + 1

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text,
                "before": self.before, "after": self.after}

    @classmethod
    def from_dict(cls, data: dict) -> Anchor:
        start, end, covered = int(data["start"]), int(data["end"]), str(data["text"])
        if start < 0 or end - start != len(covered) or not covered:
            raise ValueError("anchor text does not match its offsets")
        return cls(start, end, covered, str(data.get("before", "")), str(data.get("after", "")))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
