"""The publication date a saved page states, and where it states it.

Never a guessed date: only a value the page gives as the article's date, in its JSON-LD
article data, its meta tags, or a <time> element marked as the publication time. A year
in a copyright line ("© 2024") or a date in a link is not the article's date, so a page
without a stated date has none.
"""

from __future__ import annotations

import re
from datetime import date

from reader.document.jsonld import jsonld_items

_ARTICLE_TYPES = {"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "OpinionNewsArticle", "BlogPosting", "WebPage", "Report", "LiveBlogPosting",
                  "TechArticle", "ScholarlyArticle", "Review", "VideoObject"}
_JSONLD_KEYS = ("datePublished", "dateCreated")
# Meta tags naming the publication date, most specific first (name, property or itemprop).
_META_NAMES = ("article:published_time", "og:article:published_time", "datepublished",
               "article.published", "pubdate", "publishdate", "publish-date", "publish_date",
               "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
               "dc.date", "dcterms.date", "dcterms.created", "date", "original-publish-date",
               "cxenseparse:recs:publishtime", "article:modified_time", "og:updated_time",
               "datemodified", "last-modified")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)")
_MONTHS = {name: number for number, names in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june",
     "jul july", "aug august", "sep sept september", "oct october", "nov november",
     "dec december"), start=1) for name in names.split()}
_WRITTEN = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b"
                      r"|\b(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})\b")


def stated_date(tree) -> tuple[str, str] | None:
    """(ISO date, where the page states it), or None when the page states no date."""
    return (_from_jsonld(tree) or _from_meta(tree) or _from_time_element(tree)
            or _from_dateline(tree))


def parse_date(value: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from an ISO, compact or written-out date, else None."""
    value = value.strip()
    match = _ISO.search(value) or _COMPACT.match(value)
    if match:
        return _iso(*match.groups())
    match = _WRITTEN.search(value)
    if match:
        if match.group(1):
            month, day, year = match.group(1, 2, 3)
        else:
            day, month, year = match.group(4, 5, 6)
        number = _MONTHS.get(month.lower())
        return _iso(year, number, day) if number else None
    return None


def _iso(year, month, day) -> str | None:
    try:
        found = date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None
    return found.isoformat() if 1990 <= found.year <= 2100 else None


def _from_jsonld(tree):
    for item in jsonld_items(tree):
        types = item.get("@type")
        types = set(types) if isinstance(types, list) else {types}
        if not types & _ARTICLE_TYPES:
            continue
        for key in _JSONLD_KEYS:
            value = item.get(key)
            if isinstance(value, str) and (found := parse_date(value)):
                return found, f"JSON-LD {key}"
    return None


def _from_meta(tree):
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attribute) or "").strip().lower()
            if key in _META_NAMES and key not in found:
                found[key] = content
    for key in _META_NAMES:
        if key in found and (value := parse_date(found[key])):
            return value, f'meta "{key}"'
    return None


def _from_time_element(tree):
    marked = tree.xpath('//time[@itemprop="datePublished" or @pubdate]'
                        ' | //*[@itemprop="datePublished"][@content or @datetime]')
    for element in marked:
        value = element.get("datetime") or element.get("content") or element.text_content()
        if value and (found := parse_date(value)):
            return found, "<time> publication date"
    return None


_DATED_CLASS = re.compile(r"date|time|publish|posted|byline|dateline", re.IGNORECASE)
_MAX_DATELINE_CHARS = 120


def _from_dateline(tree):
    """A short visible line marked as the date ("Published Nov. 18, 2019") by its class or
    id, outside comments, footers and navigation."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "meta"):
            continue
        marker = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not _DATED_CLASS.search(marker) or re.search(r"comment|footer|copyright|related",
                                                        marker, re.IGNORECASE):
            continue
        text = " ".join(element.text_content().split())
        if not text or len(text) > _MAX_DATELINE_CHARS or "©" in text:
            continue
        if found := parse_date(text):
            return found, "a dateline on the page"
    return None


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)")


def date_from_address(url: str | None) -> tuple[str, str] | None:
    """A date written into the page's address as /YYYY/MM/DD/."""
    match = _URL_DATE.search(url or "")
    found = _iso(*match.groups()) if match else None
    return (found, "the page address") if found else None


def stated(date: str | None, where: str) -> dict:
    """`date=` and `date_source=` for build_article: the date with where it was stated, or
    nothing when there is no date."""
    return {"date": date, "date_source": where} if date else {}


# Where a date came from (Article.date_source), in a reader's words.
_ORIGIN_WORDS = {"<time> publication date": "the page's publication-date tag",
                 "a dateline on the page": "a date line on the page",
                 "the page address": "the page's address"}
_MONTH_NAMES = ("January February March April May June July August September October "
                "November December").split()


def origin_in_words(source: str | None) -> str | None:
    """"the page's metadata" for 'meta "article:published_time"' or 'JSON-LD
    datePublished'; the other origins as they are said to a reader."""
    if not source:
        return None
    if source.startswith(("JSON-LD", "meta ")):
        return "the page's metadata"
    return _ORIGIN_WORDS.get(source, source)


def long_date(value: str) -> str:
    """"18 November 2019" for "2019-11-18"; any other value as it is."""
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value.strip())
    if not match:
        return value.strip()
    year, month, day = map(int, match.groups())
    if not 1 <= month <= 12:
        return value.strip()
    return f"{day} {_MONTH_NAMES[month - 1]} {year}"


def date_with_origin(date: str | None, source: str | None) -> str | None:
    """"18 November 2019 — from the page's metadata"; the date alone when its origin is
    not known; None without a date."""
    if not date or not date.strip():
        return None
    origin = origin_in_words(source)
    return f"{long_date(date)} — from {origin}" if origin else long_date(date)
