"""Markdown articles (notes apps, static-site sources, "save as Markdown" extensions).

cmark-gfm (GitHub's CommonMark parser, in C, through cmarkgfm) turns the Markdown into
HTML; its inline rules for emphasis and link brackets are linear-time by design, so no
pile of markers can make it backtrack (a megabyte of them takes well under a second).
The HTML is then read by its structure, as an EPUB chapter is: headings, block quotes,
paragraphs and list items become the article's blocks, inline markup is dropped so the
text reads as prose. A YAML front matter block gives title, author, date and URL.
"""

from __future__ import annotations

import cmarkgfm
import lxml.html
from cmarkgfm.cmark import Options
from lxml import etree

from reader.document import html
from reader.document.assemble import build_article
from reader.document.furniture import normalize_date
from reader.document.htmlblocks import pieces_from_tree
from reader.document.images import local_images
from reader.document.model import Article

_FRONT_KEYS = {"title": "title", "author": "byline", "authors": "byline", "by": "byline",
               "date": "date", "published": "date", "publisher": "publisher",
               "site": "publisher", "url": "url", "canonical": "url", "source": "url"}
# Raw HTML in the Markdown is kept (and read like any page, without scripts or network),
# so words between tags are not lost.
_OPTIONS = Options.CMARK_OPT_UNSAFE


def article_from_markdown(text: str, *, path: str | None = None) -> Article:
    metadata, lines = _front_matter(text.splitlines())
    markup = cmarkgfm.github_flavored_markdown_to_html("\n".join(lines), options=_OPTIONS)
    if html.nesting_depth(markup) > html.MAX_DEPTH:
        raise html.too_deep(path)
    pieces, images = _pieces(markup)
    title = metadata.pop("title", None) or next(
        (body for kind, body in pieces if kind == "heading"), None)
    if metadata.get("date"):
        metadata["date_source"] = "the front matter"
    return build_article(pieces, title=title, path=path, format="markdown",
                         images=local_images(images, path), **metadata)


def _pieces(markup: str) -> tuple[list[tuple[str, str]], list[str]]:
    if not markup.strip():
        return [], []
    parser = lxml.html.HTMLParser(no_network=True, huge_tree=False, remove_comments=True,
                                  remove_pis=True)
    try:
        tree = lxml.html.document_fromstring(markup, parser=parser)
    except etree.ParserError:  # only whitespace or comments
        return [], []
    images = [str(src) for src in tree.xpath("//img/@src")]
    return pieces_from_tree(tree), images


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
