"""Saved web pages: main content, structure and metadata through trafilatura.

trafilatura finds the article among navigation, ads and comments and gives it back as
XML (<head>, <p>, <quote>, <list>), plus title, author, date, site name and canonical URL.
It is handed an already parsed tree and never a URL, so nothing is fetched.

Before lxml sees the page, two hostile shapes are defused: nesting so deep that libxml2
would silently drop everything below level 256 (refused with a clear error), and an
internal DTD subset whose entities could expand exponentially (removed unexpanded).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml import etree

from reader.document.assemble import build_article
from reader.document.errors import file_error
from reader.document.htmlblocks import element_text
from reader.document.images import local_images
from reader.document.jsonld import jsonld_url
from reader.document.model import Article

MAX_DEPTH = 250
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr "
                  "basefont frame keygen isindex".split())
# Closed implicitly by the next sibling, so unclosed ones do not nest.
_IMPLIED_END = frozenset("p li dt dd option optgroup tr td th thead tbody tfoot colgroup "
                         "rb rt rp".split())
_NOT_NESTING = _VOID | _IMPLIED_END
_RAW_TEXT_END = {name: re.compile(rf"</{name}", re.IGNORECASE)
                 for name in ("script", "style", "textarea", "template", "xmp")}
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_SINGLEFILE = re.compile(r"Page saved with SingleFile.{0,400}?\burl:\s*(\S+)",
                         re.IGNORECASE | re.DOTALL)


def article_from_html(text: str, *, path: str | None = None,
                      fmt: str = "html") -> Article:
    """The article in an HTML page. `fmt` names the container the page came in."""
    if nesting_depth(text) > MAX_DEPTH:
        raise too_deep(path)
    tree = _parse(text, path)
    document = None
    if tree is not None:
        document = trafilatura.bare_extraction(
            tree, url=None, with_metadata=True, include_comments=False,
            include_tables=False, include_images=False, include_formatting=True,
            include_links=False)
    if document is None or document.body is None or not len(document.body):
        raise file_error(path, "contains no article text that could be found.")
    return build_article(
        _pieces(document.body), title=document.title, byline=document.author,
        date=document.date, publisher=document.sitename,
        url=_web_url(document.url) or jsonld_url(tree) or saved_url(text),
        path=path, format=fmt, images=local_images(tree.xpath("//img/@src"), path))


def nesting_depth(text: str) -> int:
    """How deep the page's elements nest, counted with a single cheap pass over the tags.

    A browser-like reading, simplified: void elements and elements whose end tag is
    optional do not nest, an end tag closes up to its matching open element, and the
    content of <script>/<style> is skipped.
    """
    stack: list[str] = []
    open_count: dict[str, int] = {}
    deepest, position = 0, 0
    while match := _TAG.search(text, position):
        position = match.end()
        closing, name = match.group(1, 2)
        name = name.lower()
        if closing:
            if open_count.get(name):
                while stack:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            continue
        if name in _RAW_TEXT_END:
            end = _RAW_TEXT_END[name].search(text, position)
            if end is None:
                break
            position = end.start()
            continue
        if name in _NOT_NESTING or text[position - 2] == "/":
            continue
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
        deepest = max(deepest, len(stack))
    return deepest


def too_deep(path: str | None):
    """The error for a page nested deeper than MAX_DEPTH."""
    return file_error(path, f"is nested more than {MAX_DEPTH} levels deep, too deep to be "
                            f"read safely.")


def _parse(text: str, path: str | None):
    text = _INTERNAL_SUBSET.sub("", _XML_DECLARATION.sub("", text, count=1), count=1)
    parser = lxml.html.HTMLParser(no_network=True, huge_tree=False, remove_comments=True,
                                  remove_pis=True)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    # libxml2 stops at 256 levels and drops the rest; the scan above may count differently.
    if any(error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for error in parser.error_log):
        raise too_deep(path)
    return tree


def _pieces(body) -> list[tuple[str, str]]:
    pieces = []
    for element in body:
        if element.tag == "head":
            pieces.append(("heading", element_text(element)))
        elif element.tag == "quote":
            paragraphs = [child for child in element if child.tag == "p"]
            for part in paragraphs or [element]:
                pieces.append(("blockquote", element_text(part)))
        elif element.tag == "list":
            pieces.extend(("paragraph", element_text(item))
                          for item in element if item.tag == "item")
        elif element.tag not in ("graphic", "table"):
            pieces.append(("paragraph", element_text(element)))
    return pieces


def _web_url(url: str | None) -> str | None:
    return url if url and urlsplit(url).scheme in ("http", "https") else None


def saved_url(text: str) -> str | None:
    """The address a browser or SingleFile wrote into the page when it was saved."""
    head = text[:20_000]
    match = _SAVED_FROM.search(head) or _SINGLEFILE.search(head)
    return _web_url(match.group(1)) if match else None
