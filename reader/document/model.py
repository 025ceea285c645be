"""What an article is, independent of the format it was saved in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BLOCK_KINDS = ("heading", "paragraph", "blockquote", "table", "caption", "credit",
               "boilerplate")

# Blocks whose words are never a source's claim nor the writer's framing. A table (rows
# on lines, cells separated by tabs) is part of the article and shown, but not analysed.
NON_ARTICLE_KINDS = frozenset({"table", "caption", "credit", "boilerplate"})


# A table cell that is a figure: "120", "$4.99", "-5.44%", "3:41", or a dash for none.
_FIGURE = re.compile(r"[-+−–]?[$€£¥]?\d[\d.,:/]*\s?[%‰]?|[-–—]")


def is_figure(cell: str) -> bool:
    return bool(_FIGURE.fullmatch(cell.strip()))


@dataclass(frozen=True)
class Block:
    """A run of `Article.text` with a structural role.

    `start`/`end` are Python string indices into `Article.text`. Blocks are sorted,
    never overlap, and together cover every non-whitespace character of the text.
    """

    kind: str
    start: int
    end: int
    # A table's heading rows (the page marked their cells as headings), counted from the top.
    head_rows: int = 0

    def to_dict(self) -> dict:
        heads = {"head_rows": self.head_rows} if self.head_rows else {}
        return {"kind": self.kind, "start": self.start, "end": self.end, **heads}


@dataclass
class Article:
    """The text to analyse plus what the saved file told us about it."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    # Where the page states the date ("JSON-LD datePublished", 'meta "pubdate"', …).
    date_source: str | None = None
    publisher: str | None = None
    url: str | None = None
    path: str | None = None
    format: str = "text"
    # Local image files saved beside the page (absolute paths); never remote URLs.
    images: list[str] = field(default_factory=list)

    def metadata(self) -> dict:
        """Title, byline, date, publisher and address; `date_source` too when the date
        came with its place in the file."""
        stated = {"date_source": self.date_source} if self.date_source else {}
        return {
            "title": self.title,
            "byline": self.byline,
            "date": self.date,
            "publisher": self.publisher,
            "url": self.url,
            **stated,
        }

    def block_at(self, offset: int) -> Block | None:
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block
        return None
