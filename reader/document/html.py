"""Saved web pages: main content, structure and metadata through trafilatura.

trafilatura finds the article among navigation, ads and comments and gives it back as
XML (<head>, <p>, <quote>, <list>), plus title, author, date, site name and canonical URL.
It is handed an already parsed tree and never a URL, so nothing is fetched.

Before lxml sees the page, its size is bounded (inlined base64 images are dropped first,
then more than MAX_MARKUP_CHARS of markup is refused) and two hostile shapes are defused:
nesting so deep that libxml2 would silently drop everything below level 256 (refused with
a clear error), and an internal DTD subset whose entities could expand exponentially
(removed unexpanded, by a linear scan).
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
from reader.document.loose_text import wrap_loose_text
from reader.document.model import Article, is_figure
from reader.document.offer_lists import unlink_offer_lists
from reader.document.pagedate import date_from_address, stated_date
from reader.document.pagetitle import clean_title

MAX_DEPTH = 250
# trafilatura reads about 3 MB of markup a second on this machine's class of hardware; a
# saved news page is well under 2 MB once its inlined images are set aside.
MAX_MARKUP_CHARS = 8_000_000
_DATA_URI = re.compile(r"(data:[\w/+.-]*(?:;[\w=.-]+)*;base64,)[A-Za-z0-9+/=]{256,}")
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr "
                  "basefont frame keygen isindex".split())
# Closed implicitly by the next sibling, so unclosed ones do not nest.
_IMPLIED_END = frozenset("p li dt dd option optgroup tr td th thead tbody tfoot colgroup "
                         "rb rt rp".split())
_NOT_NESTING = _VOID | _IMPLIED_END
_RAW_TEXT_END = {name: re.compile(rf"</{name}", re.IGNORECASE)
                 for name in ("script", "style", "textarea", "template", "xmp")}
_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
_SUBSET_OR_END = re.compile(r"[\[>]")
_SUBSET_END = re.compile(r"\]\s*>")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_SINGLEFILE = re.compile(r"Page saved with SingleFile.{0,400}?\burl:\s*(\S+)",
                         re.IGNORECASE | re.DOTALL)


def article_from_html(text: str, *, path: str | None = None,
                      fmt: str = "html") -> Article:
    """The article in an HTML page. `fmt` names the container the page came in."""
    text = _DATA_URI.sub(r"\1", text)  # inlined images (SingleFile): never read, only heavy
    if len(text) > MAX_MARKUP_CHARS:
        raise file_error(path, f"is a page of {len(text) / 1e6:.0f} MB of markup, more than "
                               f"the {MAX_MARKUP_CHARS // 1_000_000} MB a saved article page "
                               f"can hold, so it was not opened.")
    if nesting_depth(text) > MAX_DEPTH:
        raise too_deep(path)
    tree = _parse(text, path)
    document = None
    if tree is not None:
        # Read before the tree is pruned below (trafilatura's own date search would also
        # take a "© 2024" for a date: never an invented one, see pagedate).
        dated = stated_date(tree)
        prepare_tree(tree)
        document = trafilatura.bare_extraction(
            tree, url=None, with_metadata=True, include_comments=False,
            include_tables=True, include_images=False, include_formatting=True,
            include_links=False)
    if document is None or document.body is None or not len(document.body):
        raise file_error(path, "contains no article text that could be found.")
    url = _web_url(document.url) or jsonld_url(tree) or saved_url(text)
    dated = dated or date_from_address(url)
    return build_article(
        _pieces(document.body), title=clean_title(document.title, document.sitename, url),
        byline=document.author, date=dated[0] if dated else None,
        date_source=dated[1] if dated else None, publisher=document.sitename,
        url=url, path=path, format=fmt, images=local_images(tree.xpath("//img/@src"), path))


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
    text = without_internal_subset(_XML_DECLARATION.sub("", text, count=1))
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


def prepare_tree(tree) -> None:
    """What a reader of the page never sees goes before extraction (hidden elements,
    screen-reader-only text, pop-up cards), and embedded posts are freed from the wrappers
    that make trafilatura drop them as social-media furniture; loose text between block
    elements becomes the paragraphs a browser shows (see loose_text); a paragraph's list of
    shop links keeps its words (see offer_lists)."""
    remove_hidden(tree)
    unwrap_embedded_posts(tree)
    mark_subheadings(tree)
    wrap_loose_text(tree)
    unlink_offer_lists(tree)


# Class names that hide an element from sight (screen-reader-only text included).
_HIDDEN_CLASSES = frozenset("""hidden hide is-hidden u-hidden sr-only sr-only-focusable
visually-hidden visuallyhidden screen-reader-text screen-reader-only screenreader-only sr-text
a11y-hidden element-invisible offscreen off-screen invisible""".split())
# Cards and pop-ups that appear on hover or click, glued into the text otherwise.
_POPUP_CLASS = re.compile(r"rollover|popover|popup|pop-up|tooltip|hovercard|hover-card|"
                          r"modal", re.IGNORECASE)
_POPUP_TRIGGER = re.compile(r"(?:link|trigger|toggle|button|btn|opener)$", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Removing more than this many characters of text is not removing a pop-up: a page that
# hides its article until a script runs keeps it.
_MAX_HIDDEN_CHARS = 1500


def remove_hidden(tree) -> None:
    doomed = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "head"):
            continue
        classes = set((element.get("class") or "").lower().split())
        if (element.get("hidden") is not None
                or element.get("aria-hidden") == "true" and element.tag != "svg"
                or _HIDDEN_STYLE.search(element.get("style") or "")
                or classes & _HIDDEN_CLASSES
                or _is_popup(element) and not any(_is_popup(inner)
                                                  for inner in element.iterdescendants())):
            # Of nested pop-up parts, only the innermost goes: the outer one holds the
            # name in the text ("Kristi Noem") as well as the card.
            doomed.append(element)
    for element in doomed:
        parent = element.getparent()
        if parent is None or len(element.text_content()) > _MAX_HIDDEN_CHARS:
            continue
        if any(ancestor in doomed for ancestor in element.iterancestors()):
            continue
        _drop_keeping_tail(element)


def _is_popup(element) -> bool:
    """A pop-up card: marked as one by its class, and not the link or button that opens it
    ("rollover-people-link" holds the name the text reads, "Kristi Noem")."""
    if not isinstance(element.tag, str) or element.tag in ("a", "button"):
        return False
    names = (element.get("class") or "").split()
    return any(_POPUP_CLASS.search(name) for name in names) and not any(
        _POPUP_TRIGGER.search(name) for name in names)


def _drop_keeping_tail(element) -> None:
    parent, tail = element.getparent(), element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


# A class that names a subheading: "subhead", "pf_subheadline", "sub-heading".
_SUBHEADING_CLASS = re.compile(r"sub-?head(?:ing|line)?$", re.IGNORECASE)
_MAX_SUBHEADING_CHARS = 200


def mark_subheadings(tree) -> None:
    """A <div> or <p> the page marks as a subheading by its class, holding only a short line
    of text, right before a paragraph ("<div class="pf_subheadline">Who pays the cost of a
    tariff?</div><p>…"), is made the heading it is: trafilatura drops it as a stray line,
    and an explainer loses the questions it is built on. Navigation bars with such classes
    ("Subscribe Sign In") hold links or other blocks, or stand before no paragraph."""
    for element in list(tree.iter("div", "p", "span")):
        names = (element.get("class") or "").split()
        if not any(_SUBHEADING_CLASS.search(name.rsplit("_", 1)[-1].rsplit("__", 1)[-1])
                   for name in names):
            continue
        text = " ".join(element.text_content().split())
        following = element.getnext()
        if (not text or len(text) > _MAX_SUBHEADING_CHARS or len(element)
                or following is None or following.tag != "p"):
            continue
        element.tag = "h3"
        element.attrib.pop("class", None)


_EMBEDDED_POST = re.compile(r"tweet|twitter|instagram|tiktok|reddit|facebook|fb-|bluesky|"
                            r"mastodon|threads|embed", re.IGNORECASE)
_WRAPPERS = frozenset("div figure section aside span p center".split())
_INVISIBLE = frozenset("script style noscript".split())


def unwrap_embedded_posts(tree) -> None:
    """An embedded post (a <blockquote class="twitter-tweet"> and the like) loses its
    classes, and replaces the wrappers that hold nothing else, so it reads as a quote."""
    for quote in tree.iter("blockquote"):
        marker = f"{quote.get('class') or ''} {quote.get('id') or ''}"
        if not _EMBEDDED_POST.search(marker):
            continue
        for name in ("class", "id", "style", "data-instgrm-permalink"):
            quote.attrib.pop(name, None)
        wrapper, parent = quote, quote.getparent()
        while parent is not None and parent.tag in _WRAPPERS and _holds_only(parent, wrapper):
            wrapper, parent = parent, parent.getparent()
        if wrapper is not quote and parent is not None:
            quote.tail = wrapper.tail
            parent.replace(wrapper, quote)


def _holds_only(parent, child) -> bool:
    if (parent.text or "").strip():
        return False
    for other in parent:
        if other is child:
            continue
        if not isinstance(other.tag, str) or other.tag in _INVISIBLE:
            if (other.tail or "").strip():
                return False
            continue
        return False
    return not (child.tail or "").strip()


# A table whose cells hold prose, or of a single column, is layout, not data: its cells
# are read as paragraphs.
_PROSE_CELL_CHARS = 250


def without_internal_subset(text: str) -> str:
    """The page without the DOCTYPE that carries an internal subset (`<!DOCTYPE x [ … ]>`),
    found in one forward scan: only the first DOCTYPE counts, each search starts where the
    previous one ended, so a megabyte of `<!DOCTYPE a [` costs linear time."""
    doctype = _DOCTYPE.search(text)
    if doctype is None:
        return text
    opening = _SUBSET_OR_END.search(text, doctype.end())
    if opening is None or opening.group() == ">":
        return text
    end = _SUBSET_END.search(text, opening.end())
    if end is None:  # never closed: only the opening goes, the page is read as HTML
        return text[:doctype.start()] + text[opening.end():]
    return text[:doctype.start()] + text[end.end():]


def _pieces(body) -> list[tuple]:
    """(kind, text) pieces of trafilatura's XML body, in order, tail text included."""
    pieces = []
    for element in body:
        if element.tag == "head":
            pieces.append(("heading", element_text(element)))
        elif element.tag == "quote":
            pieces.extend(_quote_pieces(element))
        elif element.tag == "list":
            pieces.extend(_list_pieces(element))
        elif element.tag == "table":
            pieces.extend(_table_pieces(element))
        elif element.tag != "graphic":
            pieces.append(("paragraph", element_text(element)))
        # Loose text after an element ("<head>…</head>The price …") is a paragraph too.
        if element.tail and element.tail.strip():
            pieces.append(("paragraph", element.tail))
    return pieces


def _quote_pieces(quote) -> list[tuple[str, str]]:
    """Each <p> of a quote is a block quote; text around them (a post's credit line
    "— Name (@handle) date", a quote with no <p>) is one too."""
    pieces, run = [], [quote.text or ""]

    def flush():
        text = "".join(run)
        if text.strip():
            pieces.append(("blockquote", text))
        run.clear()

    for child in quote:
        if child.tag in ("p", "list", "quote", "head", "table"):
            flush()
            if child.tag == "list":
                pieces.extend(("blockquote", text) for _, text in _list_pieces(child))
            else:
                pieces.append(("blockquote", element_text(child)))
            run.append(child.tail or "")
        else:
            run.append(element_text(child) + (child.tail or ""))
    flush()
    return pieces


def _list_pieces(element) -> list[tuple[str, str]]:
    pieces = []
    for item in element:
        if item.tag == "item":
            pieces.append(("paragraph", element_text(item)))
        if item.tail and item.tail.strip():
            pieces.append(("paragraph", item.tail))
    return pieces


def _table_pieces(table) -> list[tuple]:
    """A data table as one ("table", rows on lines with cells apart by tabs, number of
    heading rows) piece, every row as wide as the widest; a table of prose or of a single
    column as paragraphs."""
    rows = [[cell for cell in row if cell.tag == "cell"] for row in table.iter("row")]
    texts = [[" ".join(element_text(cell).split()) for cell in row] for row in rows]
    kept = [index for index, row in enumerate(texts) if any(row)]
    cells = [cell for index in kept for cell in texts[index] if cell]
    if not cells:
        return []
    if max(len(cell) for cell in cells) > _PROSE_CELL_CHARS or all(len(texts[index]) < 2
                                                                   for index in kept):
        return [("paragraph", cell) for cell in cells]
    width = max(len(texts[index]) for index in kept)
    heads = 0
    for index in kept:
        if not all(cell.get("role") == "head" for cell in rows[index]):
            break
        heads += 1
    if heads == len(kept):
        heads = 0  # all heads: no body to set them apart from
    if heads == 0 and _labels_over_figures([texts[index] for index in kept]):
        heads = 1
    lines = ["\t".join(texts[index] + [""] * (width - len(texts[index]))) for index in kept]
    return [("table", "\n".join(lines), heads)]


def _labels_over_figures(rows: list[list[str]]) -> bool:
    """Whether the first row names the columns of the rows below without heading cells
    ("Pos. Driver Points" over "1 Kyle Busch 5040"): every cell of it holds words, none a
    figure, and all rows below but at most one have figures."""
    first, rest = rows[0], rows[1:]
    if len(rest) < 2 or not all(cell and not is_figure(cell) for cell in first):
        return False
    with_figures = sum(any(is_figure(cell) for cell in row) for row in rest)
    return with_figures >= len(rest) - 1


def _web_url(url: str | None) -> str | None:
    return url if url and urlsplit(url).scheme in ("http", "https") else None


def saved_url(text: str) -> str | None:
    """The address a browser or SingleFile wrote into the page when it was saved."""
    head = text[:20_000]
    match = _SAVED_FROM.search(head) or _SINGLEFILE.search(head)
    return _web_url(match.group(1)) if match else None
