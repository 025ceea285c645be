"""Emails (.eml): newsletters and articles mailed to oneself.

The HTML part is preferred (it has the structure); the plain-text part is the fallback,
also when the HTML holds no findable article. Subject, sender and Date header fill the
title, byline and date where the body gives none.
"""

from __future__ import annotations

from email.utils import getaddresses

from reader.document.furniture import normalize_date
from reader.document.errors import ArticleError, file_error
from reader.document.html import article_from_html
from reader.document.mime import header_text, parse_message, part_text
from reader.document.model import Article
from reader.document.plaintext import article_from_text


def article_from_eml(data: bytes, *, path: str | None = None) -> Article:
    message = parse_message(data)
    html_part = message.get_body(preferencelist=("html",))
    plain_part = message.get_body(preferencelist=("plain",))
    article = None
    if html_part is not None:
        try:
            article = article_from_html(part_text(html_part), path=path, fmt="eml")
        except ArticleError:
            if plain_part is None:
                raise
    if article is None:
        if plain_part is None:
            raise file_error(path, "is an email without a readable text or HTML body.")
        article = article_from_text(part_text(plain_part), path=path, format="eml")
    subject = header_text(message, "Subject")
    article.title = subject or article.title
    article.byline = article.byline or _sender(message)
    if not article.date and (sent := _date(message)):
        article.date, article.date_source = sent, "the e-mail's Date header"
    return article


def _sender(message) -> str | None:
    addresses = getaddresses([str(message.get("From", ""))])
    return next((name or address for name, address in addresses if name or address), None)


def _date(message) -> str | None:
    header = message.get("Date")
    return normalize_date(getattr(header, "datetime", None)) if header is not None else None
