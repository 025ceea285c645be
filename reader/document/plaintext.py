"""Structure plain text into blocks without changing a character of it.

`Article.text` is the decoded file itself, so offsets line up with stand-off annotations
of that file. Paragraphs are runs of lines between blank lines; a file with no blank line
at all has one paragraph per line, and so does a run whose lines are too long to be hard
wrapped (one line per paragraph is how many saved articles are written).
"""

from __future__ import annotations

import re

from reader.document import furniture
from reader.document.model import Article, Block

# The characters str.splitlines() breaks on; "\r\n" counts as one break.
_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
# Hard-wrapped text keeps lines under about 80 characters.
_WRAP_WIDTH = 100
_TITLE_MAX_CHARS, _TITLE_MAX_WORDS = 200, 25
# A headline ending in a full stop (as some archives print them) is still short.
_SENTENCE_TITLE_MAX_WORDS = 18
_HEADING_MAX_WORDS = 10
# Dates and bylines are looked for only near the top, where pages put them.
_HEADER_BLOCKS = 8
_DATELINE_LEAD = re.compile(r"[A-Z][A-Z .,'’]+(?:\s\([A-Za-z]+\))?\s[—–-]{1,2}\s")
_FINAL_PUNCTUATION = ".,;:!?\"”’)»"


def article_from_text(text: str, *, path: str | None = None, format: str = "text") -> Article:
    """An Article whose text is `text` unchanged, with blocks and header metadata."""
    article = Article(text=text, path=path, format=format)
    paragraphs = paragraph_spans(text)
    for index, lines in enumerate(paragraphs):
        article.blocks.extend(_classify(article, index, lines, len(paragraphs)))
    return article


def paragraph_spans(text: str) -> list[list[tuple[int, int]]]:
    """Paragraphs as lists of trimmed (start, end) line spans, in order.

    A caption followed by its credit line stays one paragraph even when the caption line
    is long, so the pair can be recognised together."""
    groups: list[list[tuple[int, int]]] = []
    previous_end = None
    saw_blank_line = False
    for match in _LINE.finditer(text):
        start, end = _trim(text, match.start(), match.end())
        if start == end:
            continue
        breaks = 0 if previous_end is None else len(_BREAK.findall(text, previous_end, start))
        if previous_end is None or breaks >= 2:
            saw_blank_line |= previous_end is not None
            groups.append([])
        groups[-1].append((start, end))
        previous_end = end
    if not saw_blank_line:
        return [[line] for group in groups for line in group]
    return [part for group in groups for part in _unwrapped(text, group)]


def _unwrapped(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    if len(lines) < 2 or max(end - start for start, end in lines) <= _WRAP_WIDTH:
        return [lines]
    if len(lines) == 2 and furniture.is_credit(text[lines[1][0]:lines[1][1]]):
        return [lines]
    return [[line] for line in lines]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _classify(article: Article, index: int, lines: list[tuple[int, int]],
              count: int) -> list[Block]:
    text = article.text
    start, end = lines[0][0], lines[-1][1]
    paragraph = text[start:end]
    single = len(lines) == 1
    if single and index < _HEADER_BLOCKS:
        kind = furniture.header_kind(article, paragraph)
        if kind:
            return [Block(kind, start, end)]
    if index == 0 and single and count > 1 and _looks_like_title(paragraph):
        article.title = paragraph
        return [Block("heading", start, end)]
    if furniture.is_separator(paragraph) or furniture.is_boilerplate(paragraph):
        return [Block("boilerplate", start, end)]
    if single and furniture.is_credit(paragraph):
        return [Block("credit", start, end)]
    credited = _credited_caption(text, lines)
    if credited:
        return credited
    if furniture.is_caption(paragraph):
        return [Block("caption", start, end)]
    if single and index > 0 and _looks_like_subheading(paragraph):
        return [Block("heading", start, end)]
    return [Block("paragraph", start, end)]


def _credited_caption(text: str, lines: list[tuple[int, int]]) -> list[Block] | None:
    """A caption with its credit on the next line, as agencies lay them out."""
    if len(lines) > 1 and furniture.is_credit(text[lines[-1][0]:lines[-1][1]]):
        return [Block("caption", lines[0][0], lines[-2][1]), Block("credit", *lines[-1])]
    return None




def _looks_like_title(line: str) -> bool:
    words = len(line.split())
    if line.rstrip("”’\"'")[-1:] in ".!?" and words > _SENTENCE_TITLE_MAX_WORDS:
        return False
    return (len(line) <= _TITLE_MAX_CHARS and words <= _TITLE_MAX_WORDS
            and not _DATELINE_LEAD.match(line) and not furniture.is_separator(line))


def _looks_like_subheading(line: str) -> bool:
    return (len(line.split()) <= _HEADING_MAX_WORDS and line[0].isupper()
            and line[-1] not in _FINAL_PUNCTUATION)
