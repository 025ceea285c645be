"""Safari web archives (.webarchive): a property list whose WebMainResource holds the
page bytes, their text encoding, MIME type and URL."""

from __future__ import annotations

import plistlib

from reader.document.decoding import decode_text
from reader.document.errors import file_error
from reader.document.html import article_from_html
from reader.document.mime import web_url
from reader.document.model import Article
from reader.document.plaintext import article_from_text
from reader.document.sniff import declared_charset


def article_from_webarchive(data: bytes, *, path: str | None = None) -> Article:
    try:
        archive = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, TypeError, OverflowError, IndexError):
        raise file_error(path, "is not a readable Safari web archive.") from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    body = main.get("WebResourceData") if isinstance(main, dict) else None
    if not isinstance(body, bytes) or not body.strip():
        raise file_error(path, "is a Safari web archive without a saved page in it.")
    encoding = main.get("WebResourceTextEncodingName")
    text = decode_text(body, path, encoding if isinstance(encoding, str) else
                       declared_charset(body))
    if main.get("WebResourceMIMEType") == "text/plain":
        article = article_from_text(text, path=path, format="webarchive")
    else:
        article = article_from_html(text, path=path, fmt="webarchive")
    article.url = article.url or web_url(main.get("WebResourceURL"))
    return article
