"""Build an Article from structured pieces (heading, paragraph, blockquote, …).

Formats that carry structure (HTML, EPUB, DOCX, PDF, Markdown) have no original text
whose offsets must be kept, so their text is the pieces joined by blank lines: the same
shape a person would get copying the article into a text file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from reader.document import furniture
from reader.document.model import Article, Block

SEPARATOR = "\n\n"
_SPACE = re.compile(r"\s+")


def tidy(text: str) -> str:
    """One paragraph's words with runs of whitespace (markup indentation) made single spaces;
    a run with a line break in it between two East Asian wide characters goes, as a browser
    lays it out (CSS Text 3, segment breaks): "困ったもの。<br>何が" reads "困ったもの。何が",
    with no space that Chinese or Japanese never puts there."""
    return _SPACE.sub(_space_for, text).strip()


def _space_for(match: re.Match) -> str:
    if "\n" not in match.group() and "\r" not in match.group():
        return " "
    text, start, end = match.string, match.start(), match.end()
    if start and end < len(text) and _wide(text[start - 1]) and _wide(text[end]):
        return ""
    return " "


# Korean puts spaces between words: a line break between Hangul is a space.
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("F", "W", "H") and not _HANGUL.match(char)


def _tidy_table(text: str) -> str:
    """A table's rows stay on their own lines and its cells apart by tabs."""
    rows = ("\t".join(tidy(cell) for cell in row.split("\t")) for row in text.split("\n"))
    return "\n".join(row for row in rows if row.strip())


def build_article(pieces: Iterable[tuple], *, title: str | None = None,
                  **metadata) -> Article:
    """An Article of `pieces` (kind, text), in order, with the title as the first heading.
    A table piece may add its number of heading rows: ("table", text, 1).

    Paragraph pieces go through the same caption/credit/byline/boilerplate cues as plain
    text, because extractors keep some of those as ordinary paragraphs.
    """
    article = Article(text="", title=title or None, **metadata)
    parts: list[str] = []
    position = 0
    tidied = [(piece[0], _tidy_table(piece[1]) if piece[0] == "table" else tidy(piece[1]),
               piece[2] if len(piece) > 2 else 0) for piece in pieces]
    tidied = [piece for piece in tidied if piece[1]]
    if title and not _opens_with([piece[:2] for piece in tidied], tidy(title)):
        tidied.insert(0, ("heading", tidy(title), 0))
    for kind, text, head_rows in tidied:
        if kind == "paragraph":
            kind = _paragraph_kind(article, text)
            if kind == "paragraph" and _is_capitals_heading(text):
                kind = "heading"
        elif kind == "heading" and furniture.is_separator(text):
            kind = "boilerplate"  # a rule drawn as a heading ("______")
        if parts:
            parts.append(SEPARATOR)
            position += len(SEPARATOR)
        article.blocks.append(Block(kind, position, position + len(text),
                                    head_rows if kind == "table" else 0))
        parts.append(text)
        position += len(text)
    article.text = "".join(parts)
    return article


def _opens_with(pieces: list[tuple[str, str]], title: str) -> bool:
    """Whether the text already starts with the title (or a heading containing it, or
    contained in it, as when a page's <title> adds or drops the site name)."""
    if not pieces:
        return False
    kind, first = pieces[0]
    if first == title:
        return True
    first, title = first.casefold(), title.casefold()
    similar_length = 2 * min(len(first), len(title)) >= max(len(first), len(title))
    return kind == "heading" and similar_length and (first in title or title in first)


_PROMO_START = re.compile(r"(?:CLICK|GET|SIGN UP|SUBSCRIBE|WATCH|READ|DOWNLOAD|LISTEN|"
                          r"FOLLOW|DON'T MISS|MORE FROM|SEE ALSO|RELATED)\b")


def _all_capitals(text: str) -> bool:
    cased = [c for c in text if c.lower() != c.upper()]
    return len(cased) >= 10 and all(c.isupper() for c in cased)


def _is_promo_headline(text: str) -> bool:
    """A paragraph all in capitals that links elsewhere ("LAUREN ALAINA SAYS 'DWTS' HAS
    HELPED HER …", "GET FOX BUSINESS ON THE GO BY CLICKING HERE"), not this story's text.
    Short capitals and questions ("WHO IS THE FRONT-RUNNER?") are section heads."""
    if not _all_capitals(text):
        return False
    return bool(_PROMO_START.match(text)) or (len(text.split()) >= 6
                                              and not text.rstrip().endswith("?"))


def _is_capitals_heading(text: str) -> bool:
    return _all_capitals(text) and len(text.split()) <= 12


def _paragraph_kind(article: Article, text: str) -> str:
    if _is_promo_headline(text):
        return "boilerplate"
    if furniture.header_kind(article, text):
        return "boilerplate"
    if furniture.is_boilerplate(text) or furniture.is_separator(text):
        return "boilerplate"
    if furniture.is_credit(text):
        return "credit"
    if furniture.is_caption(text):
        return "caption"
    return "paragraph"
