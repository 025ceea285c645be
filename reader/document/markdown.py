"""Markdown articles (notes apps, static-site sources, "save as Markdown" extensions).

Block structure by line: "#" and underlined headings, ">" block quotes, list items, fenced
code. Inline markup (emphasis, links, images, code spans, escapes) is removed, so the
analysed text reads as prose; the Article's text is the cleaned text, and its block
offsets refer to that. A YAML front matter block gives title, author, date and URL.
"""

from __future__ import annotations

import re

from reader.document.assemble import build_article
from reader.document.furniture import normalize_date
from reader.document.images import local_images
from reader.document.model import Article

_ATX = re.compile(r" {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*")
_SETEXT = re.compile(r" {0,3}(=+|-+)\s*")
_RULE = re.compile(r" {0,3}([-*_])(?:\s*\1){2,}\s*")
_QUOTE = re.compile(r" {0,3}>\s?")
_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])\s+")
_FENCE = re.compile(r" {0,3}(```+|~~~+)")
_LINK_DEFINITION = re.compile(r" {0,3}\[[^\]]+\]:\s*\S+.*")
_FRONT_KEYS = {"title": "title", "author": "byline", "authors": "byline", "by": "byline",
               "date": "date", "published": "date", "publisher": "publisher",
               "site": "publisher", "url": "url", "canonical": "url", "source": "url"}

_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_CODE = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\*)|(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def article_from_markdown(text: str, *, path: str | None = None) -> Article:
    lines = text.splitlines()
    metadata, lines = _front_matter(lines)
    images: list[str] = []
    pieces = [(kind, kind_text if kind == "code" else inline_text(kind_text, images))
              for kind, kind_text in _blocks(lines)]
    pieces = [("paragraph" if kind == "code" else kind, body) for kind, body in pieces]
    title = metadata.pop("title", None) or next(
        (body for kind, body in pieces if kind == "heading"), None)
    return build_article(pieces, title=title, path=path, format="markdown",
                         images=local_images(images, path), **metadata)


def inline_text(text: str, images: list[str]) -> str:
    """Markdown inline markup removed; image sources are appended to `images`."""
    def image(match: re.Match) -> str:
        images.append(match.group(2))
        return ""

    text = _IMAGE.sub(image, text)
    codes: list[str] = []

    def hide_code(match: re.Match) -> str:
        codes.append(match.group(2).strip())
        return f"\x00{len(codes) - 1}\x00"

    text = _CODE.sub(hide_code, text)  # code spans keep their asterisks
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    for pattern in (_STRONG, _STRIKE):
        text = pattern.sub(lambda m: m.group(m.lastindex), text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    text = _ESCAPE.sub(r"\1", text)
    return re.sub(r"\x00(\d+)\x00", lambda m: codes[int(m.group(1))], text)


def _front_matter(lines: list[str]) -> tuple[dict, list[str]]:
    if not lines or lines[0].strip() != "---":
        return {}, lines
    for end in range(1, min(len(lines), 100)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, lines
    metadata = {}
    for line in lines[1:end]:
        key, _, value = line.partition(":")
        field = _FRONT_KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if field and value and field not in metadata:
            metadata[field] = normalize_date(value) if field == "date" else value
    return metadata, lines[end + 1:]


def _blocks(lines: list[str]):
    """(kind, raw text) for each block, in order."""
    kind, buffer = None, []
    fence = None
    for line in lines:
        if fence:
            if line.strip().startswith(fence):
                yield "code", "\n".join(buffer)
                kind, buffer, fence = None, [], None
            else:
                buffer.append(line)
            continue
        if (match := _FENCE.match(line)):
            yield from _flush(kind, buffer)
            kind, buffer, fence = "code", [], match.group(1)
            continue
        if not line.strip():
            yield from _flush(kind, buffer)
            kind, buffer = None, []
        elif kind == "paragraph" and buffer and _SETEXT.fullmatch(line):
            yield "heading", " ".join(buffer)
            kind, buffer = None, []
        elif _RULE.fullmatch(line) or _LINK_DEFINITION.fullmatch(line):
            yield from _flush(kind, buffer)
            kind, buffer = None, []
        elif (match := _ATX.fullmatch(line)):
            yield from _flush(kind, buffer)
            yield "heading", match.group(2) or ""
            kind, buffer = None, []
        elif (match := _QUOTE.match(line)):
            if kind != "blockquote":
                yield from _flush(kind, buffer)
                kind, buffer = "blockquote", []
            rest = _QUOTE.sub("", line[match.end():])  # nested ">>"
            if rest.strip():
                buffer.append(rest)
            else:
                yield from _flush(kind, buffer)
                buffer = []
        elif (match := _ITEM.match(line)):
            yield from _flush(kind, buffer)
            kind, buffer = "paragraph", [line[match.end():]]
        else:
            if kind is None:
                kind = "paragraph"
            buffer.append(line)
    yield from _flush(kind or "paragraph", buffer)


def _flush(kind: str | None, buffer: list[str]):
    if buffer:
        yield kind or "paragraph", " ".join(part.strip() for part in buffer)
