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
from reader.document.pagedate import stated as _stated
from reader.document.errors import file_error
from reader.document.htmlblocks import pieces_from_tree
from reader.document.model import Article
from reader.document.zipsafe import open_zip

WHAT = "an EPUB book"
MAX_CHAPTERS = 1_000
_NS = {"c": "urn:oasis:names:tc:opendocument:xmlns:container",
       "opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}


def article_from_epub(data: bytes, *, path: str | None = None) -> Article:
    archive = open_zip(data, path, WHAT)
    container = _xml(archive.read("META-INF/container.xml"), path)
    opf_path = container.xpath("string(//c:rootfile/@full-path)", namespaces=_NS)
    if not opf_path:
        raise file_error(path, "is not a complete EPUB book: it names no package document.")
    package = _xml(archive.read(opf_path), path)
    pieces: list[tuple[str, str]] = []
    chapters = _spine(package, posixpath.dirname(opf_path))
    if len(chapters) > MAX_CHAPTERS:
        raise file_error(path, f"lists more than {MAX_CHAPTERS:,} chapters, far more than a "
                               f"book or article has, so it was not opened.")
    for chapter in chapters:
        markup = archive.read(chapter)
        if html.nesting_depth(markup.decode("utf-8", "replace")) > html.MAX_DEPTH:
            raise html.too_deep(path)
        pieces.extend(_chapter_pieces(markup))
    return build_article(pieces, title=_dc(package, "title"), byline=_dc(package, "creator"),
                         **_stated(normalize_date(_dc(package, "date")), "the book's metadata"),
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
    """Member names of the XHTML documents in reading order, each once, without the
    navigation document (EPUB 3 lists it in the manifest, and some books put it in the
    spine)."""
    hrefs = {item.get("id"): item.get("href") for item in
             package.xpath("//opf:manifest/opf:item", namespaces=_NS)
             if "nav" not in (item.get("properties") or "").split()}
    names: list[str] = []
    # Non-linear items (pop-up notes, the table of contents) are not part of the text.
    for itemref in package.xpath("//opf:spine/opf:itemref[not(@linear='no')]", namespaces=_NS):
        href = hrefs.get(itemref.get("idref"))
        if href:
            names.append(posixpath.normpath(posixpath.join(folder, unquote(href.split("#")[0]))))
    # A chapter listed again (a hostile spine lists one 20,000 times) is read once.
    return list(dict.fromkeys(names))


def _dc(package, name: str) -> str | None:
    value = package.xpath(f"string(//opf:metadata/dc:{name})", namespaces=_NS).strip()
    return value or None


def _source_url(package) -> str | None:
    for value in (_dc(package, "source"), _dc(package, "identifier")):
        if value and value.startswith(("http://", "https://")):
            return value
    return None
