"""The page address a saved page states in its JSON-LD (schema.org) article data.

trafilatura reads title, author, date and publisher from JSON-LD, and the URL from
canonical and og:url links, but not the article's own "url" / "mainEntityOfPage",
which is sometimes the only address a saved page still carries.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

_MAX_SCRIPT_CHARS = 1_000_000
_ARTICLE_TYPES = {"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "OpinionNewsArticle", "BlogPosting", "WebPage", "Report"}


def jsonld_url(tree) -> str | None:
    for item in jsonld_items(tree):
        url = _url_of(item)
        if url:
            return url
    return None


def jsonld_items(tree):
    """Every object of the page's JSON-LD scripts, in page order; a script too long or not
    JSON is passed over."""
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        if len(script) > _MAX_SCRIPT_CHARS:
            continue
        try:
            data = json.loads(script)
        except ValueError:
            continue
        yield from _items(data)


def _items(data):
    """Top-level objects and those in an "@graph", without recursing into nesting."""
    for item in data if isinstance(data, list) else [data]:
        if isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                yield from (node for node in graph if isinstance(node, dict))


def _url_of(item: dict) -> str | None:
    types = item.get("@type")
    types = set(types) if isinstance(types, list) else {types}
    if not types & _ARTICLE_TYPES:
        return None
    for value in (item.get("url"), item.get("mainEntityOfPage")):
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and urlsplit(value).scheme in ("http", "https"):
            return value
    return None
