"""Turn a parsed (X)HTML tree into (kind, text) pieces by its own structure.

For documents that are all content, such as EPUB chapters, where trafilatura's search
for the main text among page furniture would only risk dropping parts of the book.
"""

from __future__ import annotations

from lxml import etree

_SKIP = frozenset("head script style noscript template nav svg math object iframe form "
                  "button select textarea audio video canvas".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_LEAVES = {"p": "paragraph", "li": "paragraph", "dt": "paragraph", "dd": "paragraph",
           "pre": "paragraph", "address": "paragraph", "figcaption": "caption",
           "caption": "caption", "td": "paragraph", "th": "paragraph"}
_BLOCK_TAGS = _HEADINGS | set(_LEAVES) | frozenset(
    "div section article main header footer aside blockquote ul ol dl figure table tbody "
    "thead tfoot tr body hgroup details summary center".split())


def pieces_from_tree(root) -> list[tuple[str, str]]:
    """Headings, paragraphs, block quotes and captions of `root`, in document order.

    `root` comes from lxml.html (plain tag names); scripts, styles and the like are
    removed from it first."""
    etree.strip_elements(root, *_SKIP, with_tail=False)
    pieces: list[tuple[str, str]] = []
    _visit(root, pieces, quoted=False)
    return pieces


def _visit(element, pieces: list[tuple[str, str]], quoted: bool) -> None:
    tag = _name(element)
    if tag in _HEADINGS:
        pieces.append(("heading", element_text(element)))
        return
    quoted = quoted or tag == "blockquote"
    if not _has_block_children(element):
        kind = _LEAVES.get(tag, "paragraph")
        if quoted and kind == "paragraph":
            kind = "blockquote"
        pieces.append((kind, element_text(element)))
        return
    # Mixed content: text directly inside a container, between its block children.
    if element.text and element.text.strip():
        pieces.append(("blockquote" if quoted else "paragraph", element.text))
    for child in element:
        if isinstance(child.tag, str):
            _visit(child, pieces, quoted)
        if child.tail and child.tail.strip():
            pieces.append(("blockquote" if quoted else "paragraph", child.tail))


def _has_block_children(element) -> bool:
    return any(isinstance(child.tag, str) and _name(child) in _BLOCK_TAGS for child in element)


def element_text(element) -> str:
    """The words of `element`: inline markup joins without spaces ("un<i>like</i>ly"), line
    breaks (<br>, trafilatura's <lb>) become line breaks, which `assemble.tidy` (run after)
    makes spaces, or nothing between Chinese or Japanese characters."""
    for line_break in element.iter("br", "lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    return "".join(element.itertext())


def _name(element) -> str:
    """The local name of an element: "{ns}p", "o:p" (Word's Office namespace, which the
    HTML parser keeps as a prefixed name) and "p" all give "p"."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2].rpartition(":")[2].lower()
