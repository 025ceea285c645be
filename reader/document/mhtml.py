"""MHTML / MHT web archives ("Save page as… single file" in Chromium and Edge).

The page is the multipart/related message's root part (named by its "start" parameter,
else the first HTML part); the other parts are images and styles, which stay unused.
"""

from __future__ import annotations

from reader.document.errors import file_error
from reader.document.html import article_from_html
from reader.document.mime import header_text, parse_message, part_text, web_url
from reader.document.model import Article


def article_from_mhtml(data: bytes, *, path: str | None = None) -> Article:
    message = parse_message(data)
    root = _root_part(message)
    if root is None:
        raise file_error(path, "is an MHTML archive without a web page in it.")
    article = article_from_html(part_text(root), path=path, fmt="mhtml")
    article.url = (article.url or web_url(header_text(message, "Snapshot-Content-Location"))
                   or web_url(header_text(root, "Content-Location")))
    article.title = article.title or header_text(message, "Subject")
    return article


def _root_part(message):
    start = (message.get_param("start", header="content-type") or "")
    start = str(start).strip("<>")
    html_parts = [part for part in message.walk() if part.get_content_type() == "text/html"]
    for part in html_parts:
        if start and str(part.get("Content-ID", "")).strip("<> ") == start:
            return part
    return html_parts[0] if html_parts else None
