"""Shop links that belong to the article, freed from their links before extraction.

A deals or review page ends the paragraph about each product with a list of shop links
("Get it on Amazon for $39.99", "Also at Walmart"): that is where and for how much the
product the paragraph describes is sold, part of what the article says. trafilatura drops
every list made only of links, as it should for lists of other stories' headlines. A
link-only list is taken for shop links, and its links are unwrapped to plain text, only
when it comes right after a paragraph of prose, its items are short, and one of them
names a price; a list of related stories follows a heading ("MOST READ") or stands alone.
Where one list of a container is taken so, the others of the same shape in that container
(a button without a price: "Download … for Free") are the same site's shop links too.
"""

from __future__ import annotations

import re

# A price: a currency sign or code next to a figure ("$39.99", "US$8", "€ 20", "20 €").
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\d\s?[€£¥₹]|\b(?:USD|EUR|GBP)\s?\d|\d\s?(?:USD|EUR|GBP)\b")
# A shop button is a short line; an item longer than this is a headline or prose.
_MAX_ITEM_WORDS = 12
# The paragraph a list of shop links follows is prose, not a label.
_MIN_PARAGRAPH_CHARS = 80


def unlink_offer_lists(tree) -> None:
    """Unwrap the links of every list of shop links that follows a paragraph."""
    shaped = [listing for listing in tree.iter("ul", "ol") if _has_button_shape(listing)]
    priced = {listing.getparent() for listing in shaped if _names_a_price(listing)}
    for listing in shaped:
        if listing.getparent() in priced:
            for link in list(listing.iter("a")):
                link.drop_tag()


def _names_a_price(listing) -> bool:
    return any(_PRICE.search(item.text_content()) for item in listing)


def _has_button_shape(listing) -> bool:
    """A list of short items that are nothing but links, right after a paragraph."""
    items = [child for child in listing if isinstance(child.tag, str)]
    if not items or any(item.tag != "li" or not _only_links(item) for item in items):
        return False
    if any(len(item.text_content().split()) > _MAX_ITEM_WORDS for item in items):
        return False
    previous = listing.getprevious()
    return (previous is not None and previous.tag == "p"
            and not (previous.tail or "").strip()
            and len(" ".join(previous.text_content().split())) >= _MIN_PARAGRAPH_CHARS)


def _only_links(item) -> bool:
    """An item whose words are all inside links."""
    words = "".join(item.text_content().split())
    linked = "".join("".join(link.text_content().split()) for link in item.iter("a"))
    return bool(words) and len(linked) == len(words)
