"""A saved page's title without the site's name ("… - IGN", "| ZDNet", "– TechCrunch")
or a trailing section label ("| Editorial").

A title is cut only at a separator with spaces around it (" | ", " - ", " – ", " — ",
" · ", " » "), and only segments at either end that name the site (its name as the page
gives it, or its domain) or are a bare section label are dropped; what remains keeps its
inner separators.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|»|::)\s+")
_SECTION_LABELS = frozenset("""editorial opinion analysis review reviews news blog column
commentary comment features feature sport sports politics business technology tech
entertainment health science video live""".split()) | {"world news", "us news",
                                                        "breaking news", "latest news"}
_GENERIC_DOMAIN_PARTS = frozenset("www m amp news blog blogs social mobile".split())


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def site_keys(sitename: str | None, url: str | None) -> set[str]:
    """Normalised names of the site: its stated name and the label of its domain."""
    keys = {_norm(sitename)} if sitename and _norm(sitename) else set()
    host = urlsplit(url or "").hostname or ""
    labels = [part for part in host.split(".") if part and part not in _GENERIC_DOMAIN_PARTS]
    if len(labels) >= 2:
        # example.co.uk -> example; example.com -> example
        core = labels[-3] if len(labels) >= 3 and len(labels[-1]) == 2 and len(
            labels[-2]) <= 3 else labels[-2]
        keys.add(_norm(core))
    return {key for key in keys if len(key) >= 2}


def _is_site(segment: str, keys: set[str]) -> bool:
    norm = _norm(segment)
    if not norm:
        return False
    for key in keys:
        if norm == key or (len(norm) >= 4 and (key.startswith(norm) or norm.startswith(key))
                           and len(segment.split()) <= 4):
            return True
    return False


def _without_whole_site_name(title: str, sitename: str | None) -> str:
    """`title` without the site's whole name (itself holding a separator, as in "LinkNaija
    | Nigeria's popular news platform") at its start or end, set off by a separator or a
    colon."""
    site = " ".join((sitename or "").split())
    if len(site) < 4:
        return title
    folded, site_folded = title.casefold(), site.casefold()
    if folded.startswith(site_folded):
        rest = _SITE_GLUE_AFTER.match(title, len(site))
        if rest and rest.end() < len(title):
            return title[rest.end():]
    if folded.endswith(site_folded):
        rest = _SITE_GLUE_BEFORE.search(title, 0, len(title) - len(site))
        if rest and rest.start() > 0:
            return title[:rest.start()]
    return title


_SITE_GLUE_AFTER = re.compile(r"\s*:\s+|\s+(?:\||-|–|—|·|»|::)\s+")
_SITE_GLUE_BEFORE = re.compile(r"(?:\s*:\s+|\s+(?:\||-|–|—|·|»|::)\s+)$")


def clean_title(title: str | None, sitename: str | None = None,
                url: str | None = None) -> str | None:
    """`title` without the site's name and a trailing section label."""
    if not title:
        return title
    title = _without_whole_site_name(" ".join(title.split()), sitename)
    segments = _SEPARATOR.split(title)
    separators = _SEPARATOR.findall(title)
    if len(segments) < 2:
        return title
    keys = site_keys(sitename, url)
    start, end = 0, len(segments)
    while end - start > 1 and (_is_site(segments[end - 1], keys)
                               or segments[end - 1].casefold() in _SECTION_LABELS):
        end -= 1
    while end - start > 1 and _is_site(segments[start], keys):
        start += 1
    kept = segments[start:end]
    out = kept[0]
    for separator, segment in zip(separators[start:end - 1], kept[1:]):
        out += separator + segment
    return out
