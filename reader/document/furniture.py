"""Recognise the lines of a news page that are not article prose: bylines, date lines,
photo captions and credits, and site boilerplate.

Every rule here is deliberately narrow. A block marked caption, credit or boilerplate is
left out of the analysis, so a false match hides a real paragraph: each pattern asks for
a shape that prose does not take ("By" followed only by capitalised names, a parenthesis
that names a photo agency, a whole line that is a date).
"""

from __future__ import annotations

import datetime as _dt
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<month{n}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
          r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day{n}>\d{{1,2}})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year{n}>(?:19|20)\d\d)"
_DATES = (
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}".format(n=1),
    rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}".format(n=2),
    r"(?P<iyear>(?:19|20)\d\d)-(?P<imonth>\d\d)-(?P<iday>\d\d)",
)
_TIME = r"\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)(?:\s*[A-Z]{2,4})?|\d{1,2}:\d\d(?:\s*[A-Z]{2,4})?"
_SEP = r"\s*[,|·•–—-]?\s*"
_DATE_LINE = re.compile(
    r"(?:(?:published|updated|posted|last\s+updated|last\s+modified|date)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
    rf"(?:(?:{_TIME}){_SEP})?"
    rf"(?:{'|'.join(f'(?:{d})' for d in _DATES)})"
    rf"(?:{_SEP}(?:at\s+)?(?:{_TIME}))?\.?",
    re.IGNORECASE)


def date_of_line(line: str) -> str | None:
    """The ISO date of a line that is nothing but a date ("Published March 5, 2024")."""
    line = line.strip()
    if len(line) > 80:
        return None
    match = _DATE_LINE.fullmatch(line)
    return _iso(match) if match else None


def _iso(match: re.Match) -> str | None:
    parts = match.groupdict()
    try:
        if parts["iyear"]:
            date = _dt.date(int(parts["iyear"]), int(parts["imonth"]), int(parts["iday"]))
        else:
            n = "1" if parts["year1"] else "2"
            date = _dt.date(int(parts["year" + n]), _MONTHS[parts["month" + n][:3].lower()],
                            int(parts["day" + n]))
    except ValueError:
        return None
    return date.isoformat()


_BYLINE = re.compile(r"(?:(?:written|story|words|reporting|text)\s+)?by\s+(?P<names>.+)",
                     re.IGNORECASE)
# Lower-case words a list of names and roles may contain ("Ana de la Cruz and Li Wei").
_NAME_GLUE = {"and", "&", "de", "van", "von", "der", "den", "da", "di", "del", "la", "le",
              "du", "dos", "of", "the", "for", "in", "at", "bin", "al", "y"}
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*|@\w+")


def byline_of_line(line: str) -> str | None:
    """The names of a byline line ("By Maya Okafor, Staff Writer" -> "Maya Okafor, Staff
    Writer"), or None. "By the fall of 2010, …" and "By Monday, officials said …" are prose:
    the first word after "By" must be a capitalised name and every word a name, a role in
    capitals, or name glue."""
    line = line.strip()
    if len(line) > 120:
        return None
    match = _BYLINE.fullmatch(line)
    if not match or not line[0].isupper():
        return None
    names = _without_trailing_date(match.group("names")).rstrip(" .")
    words = re.split(r"[\s,|•·]+", names)
    words = [w for w in words if w]
    if not 1 <= len(words) <= 14 or not _NAME_WORD.fullmatch(words[0]):
        return None
    if all(_NAME_WORD.fullmatch(w) or w.lower() in _NAME_GLUE for w in words):
        return names
    return None


def _without_trailing_date(names: str) -> str:
    parts = re.split(r"\s+[|•·–—-]\s+", names)
    if len(parts) > 1 and date_of_line(parts[-1]):
        return " ".join(parts[:-1])
    return names


_AGENCY = (r"Getty(?: Images)?|AFP|AP(?: Photo)?|Reuters|EPA(?:-EFE)?|Shutterstock|Pool|"
           r"Alamy|iStock(?:photo)?|Corbis|Sipa|Xinhua|Anadolu|NurPhoto|SOPA|ZUMA|Instagram|"
           r"Bloomberg|Imago|dpa|PA(?: Images| Wire)?")
_AGENCY_WORD = re.compile(rf"\b(?:{_AGENCY})\b")
# A credit is names and agencies: capitalised words, "via", "for", dashes.
_CREDIT_WORD = re.compile(r"[A-Z][\w'’.&-]*|via|for|and|of|de|van|von|[–—&|-]")
_AGENCY_ALONE = re.compile(rf"(?:{_AGENCY})\.?")
_CREDIT_START = re.compile(
    r"\(?(?:photo(?:graph|graphy)?|image|illustration|video|picture)s?\s*(?:credit)?\s*"
    r"(?::|by\s+(?-i:[A-Z])|courtesy\b)|\(?(?:credit|image credit|photo credit)s?\s*:",
    re.IGNORECASE)


def is_credit(fragment: str) -> bool:
    """True for a photo credit: "OLIVIER DOULIERY/AFP via Getty Images", "Photo: Ana Ruiz",
    "Credit: …", "(Photo by …)". An agency name counts only with a slash, "via", or alone:
    "(Reuters)" inside prose is a news source, not a credit."""
    fragment = fragment.strip()
    if not fragment or len(fragment) > 120 or len(fragment.split()) > 14:
        return False
    if _CREDIT_START.match(fragment):
        return True
    bare = fragment.strip("().")
    if _AGENCY_ALONE.fullmatch(bare) and bare not in {"AP", "Pool", "PA", "dpa"}:
        return True
    if not all(_CREDIT_WORD.fullmatch(word) for word in re.split(r"[\s/]+", bare) if word):
        return False  # "The Reuters/Ipsos poll showed …" is a sentence, not a credit
    return bool(_AGENCY_WORD.search(fragment)) and ("/" in fragment or " via " in fragment)


_FINAL_PARENTHESIS = re.compile(r"\(([^()]{2,120})\)[\s.]*$")
_NEWS_WIRE = re.compile(r"Reuters|AFP|AP|EPA|Xinhua|Anadolu|dpa|Bloomberg|PA|Instagram")
_GETTY_CAPTION = re.compile(
    r"[A-Z][A-Z .,'’]+\s[-–—]\s(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|"
    r"SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\s\d{1,2}(?:,\s\d{4})?:\s")
_INNER_PHOTO_CREDIT = re.compile(r"\((?:photo|image|picture)s?\s*(?:by\b|:|credit)", re.IGNORECASE)


def is_caption(paragraph: str) -> bool:
    """True for a photo caption: it ends with a photo credit in parentheses, carries a
    "(Photo by …)" credit, or opens the way agency captions do ("WASHINGTON, DC -
    SEPTEMBER 08: …")."""
    paragraph = paragraph.strip()
    if _INNER_PHOTO_CREDIT.search(paragraph) or _GETTY_CAPTION.match(paragraph):
        return True
    match = _FINAL_PARENTHESIS.search(paragraph)
    if not match or _NEWS_WIRE.fullmatch(match.group(1).strip(" .")):
        return False  # "… on Friday (Reuters)." names the news source of prose
    return is_credit(f"({match.group(1)})")


_SOCIAL = r"(?:Twitter|X|Facebook|Instagram|Threads|Bluesky|Mastodon|LinkedIn|TikTok|YouTube)"
_FOLLOW = re.compile(
    rf"(?:^|[.!?]\s+)\"?Follow\s+(?:[A-Z@][\w'’.]*\s+){{0,4}}(?:(?:him|her|them|us|me)\s+)?"
    rf"on\s+{_SOCIAL}\b")
_BOILERPLATE_START = re.compile(
    r"(?:subscribe (?:to|now|for|here)|"
    r"share this (?:article|story|post|page)|"
    r"share (?:on|via) (?:facebook|twitter|x|email)|"
    r"(?:copyright\s*)?(?:©|\(c\))\s*\w|copyright\s+\d{4}|"
    r"please let us know if you're having issues with commenting|"
    r"we may earn a commission|click here to|"
    # Wire-story and page furniture: "SOURCE: Al Jazeera News", "(Reporting by …;
    # Editing by …)", "More: <another story>", "(Graphic: …)"
    r"\(?(?:additional )?reporting by\b|\(?(?:writing|editing) by\b|"
    r"(?:sources?|more|see also|see more|read more|watch more|also read|read also|graphic|"
    r"chart|map|factbox)\s*:)",
    re.IGNORECASE)
# Lines of furniture that begin as above but may be long are cut off at this length.
_SHORT_FURNITURE = re.compile(r"(?:sources?|more|see also|see more|read more|watch more|also read|"
                              r"read also)\s*:",
                              re.IGNORECASE)
_BOILERPLATE_LINE = re.compile(
    r"(?:advertisement|comments?|read more|read the rest here|continue reading|related|"
    r"related (?:articles|stories|coverage)|story continues below(?: advertisement)?|"
    r"all rights reserved|share|print|email|staff reports?|disclaimer|"
    r"story continues below(?: \w+)?)[.:]?",
    re.IGNORECASE)


# "Sign up for our newsletter" is the site's pitch; "Sign up for a Hulu account for $11.99
# a month", a step of the article's own instructions, is not.
_SIGN_UP = re.compile(r"sign up (?:for|to|here)\b", re.IGNORECASE)
_SITE_PITCH = re.compile(r"\b(?:our|newsletters?|alerts?|updates|briefings?|digest|inbox|"
                         r"here|now|today)\b|(?<![\w-])free\b|^\W*sign up to (?:get|receive)\b",
                         re.IGNORECASE)
_MORE_LINK = re.compile(r"\b(?:see|read|watch|view|show) more\W*$", re.IGNORECASE)


def is_boilerplate(paragraph: str) -> bool:
    """True for site furniture: "Follow … on Twitter", "Sign up for …", "Share this
    article", copyright lines, comment-section headers, "Advertisement"."""
    paragraph = paragraph.strip()
    if _BOILERPLATE_LINE.fullmatch(paragraph):
        return True
    if len(paragraph) <= 200 and "all rights reserved" in paragraph.lower():
        return True
    if len(paragraph) <= 100 and _MORE_LINK.search(paragraph):
        return True  # "Hong Kong protests: SEE MORE"
    if len(paragraph) <= 300 and _SIGN_UP.match(paragraph.lstrip("(")):
        return bool(_SITE_PITCH.search(paragraph))
    if len(paragraph) <= 300 and _BOILERPLATE_START.match(paragraph):
        return not _SHORT_FURNITURE.match(paragraph) or len(paragraph) <= 120
    if paragraph.startswith("(") and paragraph.endswith(")") and \
            _BOILERPLATE_START.match(paragraph[1:]):
        return True
    return len(paragraph) <= 400 and bool(_FOLLOW.search(paragraph))


def is_separator(line: str) -> bool:
    """True for a line with no letters or digits ("* * *", "___"): a rule between parts."""
    return not any(ch.isalnum() for ch in line)


def normalize_date(value) -> str | None:
    """A metadata date as "YYYY-MM-DD" where it can be read, else as given."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return (value.date() if isinstance(value, _dt.datetime) else value).isoformat()
    if not value or not str(value).strip():
        return None
    value = str(value).strip()
    match = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if match:
        try:
            return _dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return value
    return date_of_line(value) or value


def header_kind(article, line: str) -> str | None:
    """"boilerplate" for a byline or a dateline, recording it on the article; else None."""
    byline = byline_of_line(line)
    if byline:
        article.byline = article.byline or byline
        return "boilerplate"
    date = date_of_line(line)
    if date:
        if not article.date:
            article.date, article.date_source = date, "a date line in the text"
        return "boilerplate"
    return None
