"""EPUB books and long-form articles saved as EPUB (zipfile + lxml, no EbookLib).

META-INF/container.xml names the package document (OPF); its metadata gives title,
creator, date and publisher, and its spine gives the reading order of the XHTML files.
XML is parsed with entity resolution, DTD loading and network access all off.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote

import lxml.html
from lxml import etree

from reader.document import html
from reader.document.assemble import build_article
from reader.document.furniture import normalize_date
from reader.document.errors import file_error
from reader.document.htmlblocks import pieces_from_tree
from reader.document.model import Article
from reader.document.zipsafe import open_zip, read_member

WHAT = "an EPUB book"
_NS = {"c": "urn:oasis:names:tc:opendocument:xmlns:container",
       "opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}


def article_from_epub(data: bytes, *, path: str | None = None) -> Article:
    archive = open_zip(data, path, WHAT)
    container = _xml(read_member(archive, "META-INF/container.xml", path, WHAT), path)
    opf_path = container.xpath("string(//c:rootfile/@full-path)", namespaces=_NS)
    if not opf_path:
        raise file_error(path, "is not a complete EPUB book: it names no package document.")
    package = _xml(read_member(archive, opf_path, path, WHAT), path)
    pieces: list[tuple[str, str]] = []
    for chapter in _spine(package, posixpath.dirname(opf_path)):
        markup = read_member(archive, chapter, path, WHAT)
        if html.nesting_depth(markup.decode("utf-8", "replace")) > html.MAX_DEPTH:
            raise html.too_deep(path)
        pieces.extend(_chapter_pieces(markup))
    return build_article(pieces, title=_dc(package, "title"), byline=_dc(package, "creator"),
                         date=normalize_date(_dc(package, "date")),
                         publisher=_dc(package, "publisher"), url=_source_url(package),
                         path=path, format="epub")


def _chapter_pieces(markup: bytes) -> list[tuple[str, str]]:
    parser = lxml.html.HTMLParser(no_network=True, huge_tree=False, remove_comments=True,
                                  remove_pis=True)
    try:
        return pieces_from_tree(lxml.html.document_fromstring(markup, parser=parser))
    except etree.ParserError:  # an empty chapter file
        return []


def _xml(data: bytes, path: str | None):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError:
        raise file_error(path, "is damaged: its EPUB package files are not valid XML.") from None


def _spine(package, folder: str) -> list[str]:
    """Member names of the XHTML documents in reading order, without the navigation
    document (EPUB 3 lists it in the manifest, and some books put it in the spine)."""
    hrefs = {item.get("id"): item.get("href") for item in
             package.xpath("//opf:manifest/opf:item", namespaces=_NS)
             if "nav" not in (item.get("properties") or "").split()}
    names = []
    # Non-linear items (pop-up notes, the table of contents) are not part of the text.
    for itemref in package.xpath("//opf:spine/opf:itemref[not(@linear='no')]", namespaces=_NS):
        href = hrefs.get(itemref.get("idref"))
        if href:
            names.append(posixpath.normpath(posixpath.join(folder, unquote(href.split("#")[0]))))
    return names


def _dc(package, name: str) -> str | None:
    value = package.xpath(f"string(//opf:metadata/dc:{name})", namespaces=_NS).strip()
    return value or None


def _source_url(package) -> str | None:
    for value in (_dc(package, "source"), _dc(package, "identifier")):
        if value and value.startswith(("http://", "https://")):
            return value
    return None
