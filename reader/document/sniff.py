"""Decide a file's format from what it contains first, its extension second.

People save pages without an extension, rename HTML to .txt, or keep an email as .txt;
the bytes say what the file is. Signatures win over extensions, and plain text is the
fallback.
"""

from __future__ import annotations

import os
import re

FORMAT_NAMES = {
    "text": "plain text", "markdown": "Markdown", "html": "a web page",
    "mhtml": "an MHTML web archive", "webarchive": "a Safari web archive",
    "eml": "an email", "epub": "an EPUB book", "pdf": "a PDF document",
    "docx": "a Word document",
}
_EXTENSIONS = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".mht": "mhtml", ".mhtml": "mhtml", ".webarchive": "webarchive", ".eml": "eml",
    ".epub": "epub", ".pdf": "pdf", ".docx": "docx", ".md": "markdown",
    ".markdown": "markdown",
}
# Every file name ending the reader opens (what a folder of saved articles is read for).
ARTICLE_SUFFIXES = frozenset({".txt", ".text", *_EXTENSIONS})
_HEADER_LINE = re.compile(rb"[A-Za-z][\w-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*")
_ANY_TAG = re.compile(r"<[A-Za-z!/]")
_MARKUP_START = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL)


def sniff_bytes(path: str, data: bytes) -> str | None:
    """The format announced by the first bytes or the extension; None for text-like data
    whose decoded text decides (see `sniff_text`)."""
    head = data[:4096]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path, head)
    if head.startswith(b"bplist00") or b"<key>WebMainResource</key>" in head:
        return "webarchive"
    mime = _mime_kind(head)
    if mime:
        return mime
    return _EXTENSIONS.get(os.path.splitext(path)[1].lower())


def sniff_text(text: str, by_extension: str | None) -> str:
    """For decoded text: HTML markup at the start wins, then the extension, then text."""
    if _MARKUP_START.match(text[:4096]):
        return "html"
    if by_extension == "html" and not _ANY_TAG.search(text, 0, 65_536):
        return "text"  # a plain-text file that was given an .html name
    return by_extension if by_extension in ("html", "markdown") else "text"


def _zip_kind(path: str, head: bytes) -> str:
    # The EPUB spec puts an uncompressed "mimetype" entry first, so its value is in the head.
    if b"mimetypeapplication/epub+zip" in head:
        return "epub"
    if b"word/" in head or b"[Content_Types].xml" in head:
        return "docx"
    return _EXTENSIONS.get(os.path.splitext(path)[1].lower(), "zip")


def _mime_kind(head: bytes) -> str | None:
    """"mhtml" or "eml" for data that opens with RFC 822 headers, else None."""
    position, names = 0, []
    while match := _HEADER_LINE.match(head, position):
        names.append(match.group().split(b":", 1)[0].lower())
        position = match.end()
    if len(names) < 2 or not {b"mime-version", b"from"} & set(names):
        return None
    if re.search(rb"content-type:\s*multipart/related", head[:position], re.IGNORECASE):
        return "mhtml"
    return "eml"


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (<meta charset=…>)."""
    match = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", data[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None
