"""Loose text in a saved page made into paragraphs before extraction.

A page may write a paragraph as bare text inside a <div> or <section>, between headings
and lists, with no <p> around it: a browser lays it out as a paragraph of its own (an
anonymous block box), but trafilatura reads such text badly. It drops a leading run, and
cuts a run at its first inline element ("What everyone" / "<b>will</b>appreciate, …",
the space lost). Each such run of text and inline elements, between the block children
of its container, is wrapped in a <p> here, as the browser shows it; two or more line
breaks in a row end a paragraph, as they do on screen.
"""

from __future__ import annotations

from lxml import etree

# Containers whose loose text a browser lays out as paragraphs of their own.
_CONTAINERS = frozenset("div section article main body center".split())
# Elements that sit inside a line of text.
_INLINE = frozenset("""a abbr b bdi bdo big br cite code data del dfn em font i img ins kbd
label mark output q s samp small span strike strong sub sup time tt u var wbr""".split())
# Never shown, so neither part of a run nor the end of one.
_UNSEEN = frozenset("script style noscript template".split())


def wrap_loose_text(tree) -> None:
    """Wrap every run of loose text (with its inline elements) that shares a container
    with block elements in a <p> of its own, splitting it at double line breaks."""
    containers = [element for element in tree.iter(*_CONTAINERS)
                  if _has_block_child(element) and _has_loose_words(element)]
    for container in containers:
        _wrap_runs(container)


def _kind(node) -> str:
    tag = node.tag
    if not isinstance(tag, str):
        return "unseen"
    tag = tag.lower()
    if tag in _UNSEEN:
        return "unseen"
    return "inline" if tag in _INLINE else "block"


def _has_block_child(element) -> bool:
    return any(_kind(child) == "block" for child in element)


def _words(text: str | None) -> bool:
    return bool(text) and any(ch.isalnum() for ch in text)


def _has_loose_words(element) -> bool:
    """Text of the container's own, outside any child, next to its block children."""
    return _words(element.text) or any(_words(child.tail) for child in element)


def _wrap_runs(container) -> None:
    """Rebuild `container`'s children: block children stay, each run of loose text and
    inline children between them becomes <p> elements (runs without words stay as they
    are)."""
    children = list(container)
    leading, container.text = container.text, None
    for child in children:
        container.remove(child)
    run: list = []  # inline/unseen children; `leading` holds the text before the first
    run_text = leading

    def flush() -> None:
        nonlocal run, run_text
        for paragraph in _paragraphs(run_text, run):
            container.append(paragraph)
        run, run_text = [], None

    for child in children:
        kind = _kind(child)
        if kind == "block":
            flush()
            tail, child.tail = child.tail, None
            container.append(child)
            run_text = tail
        else:
            run.append(child)
    flush()


def _paragraphs(text: str | None, nodes: list) -> list:
    """The run (text, then `nodes` with their tails) as <p> elements cut at two or more
    line breaks in a row; a run with no words outside its elements stays as it was."""
    if not (_words(text) or any(_words(node.tail) for node in nodes)):
        return _as_is(text, nodes)
    groups: list[tuple[str | None, list]] = [(text, [])]
    index = 0
    while index < len(nodes):
        end = index
        while (end < len(nodes) and _is_break(nodes[end])
               and (end == index or not (nodes[end - 1].tail or "").strip())):
            end += 1
        if end - index >= 2:  # a blank line: the paragraph ends here
            tail, nodes[end - 1].tail = nodes[end - 1].tail, None
            groups.append((tail, []))
            index = end
            continue
        groups[-1][1].append(nodes[index])
        index += 1
    out = []
    for group_text, group_nodes in groups:
        if not (_words(group_text) or any(_words(_text_of(node)) for node in group_nodes)):
            out.extend(_as_is(group_text, group_nodes))
            continue
        paragraph = etree.Element("p")
        paragraph.text = group_text
        for node in group_nodes:
            paragraph.append(node)
        out.append(paragraph)
    return out


def _is_break(node) -> bool:
    return isinstance(node.tag, str) and node.tag.lower() == "br"


def _text_of(node) -> str:
    inner = "".join(node.itertext()) if _kind(node) == "inline" else ""
    return inner + (node.tail or "")


def _as_is(text: str | None, nodes: list) -> list:
    """Bare nodes to put back unchanged; leading text rides on an empty <span>."""
    if text and text.strip():
        holder = etree.Element("span")
        holder.text = text
        return [holder, *nodes]
    return list(nodes)
