"""Word documents (.docx) through python-docx.

Paragraph styles carry the structure: "Title" and "Heading n" are headings, "Quote" and
"Intense Quote" are block quotes (a direct quote, docs/design.md §1), "Caption" is a caption.
The archive is checked for zip bombs and rebuilt from members read under a cap before
python-docx opens it, so python-docx never inflates a member whose header lies.
"""

from __future__ import annotations

import io

import docx
from docx.opc.exceptions import PackageNotFoundError

from reader.document.assemble import build_article
from reader.document.furniture import normalize_date
from reader.document.pagedate import stated as _stated
from reader.document.errors import file_error
from reader.document.model import Article
from reader.document.zipsafe import checked_copy, open_zip

WHAT = "a Word document"
_STYLE_KINDS = {"title": "heading", "subtitle": "heading", "quote": "blockquote",
                "intense quote": "blockquote", "caption": "caption"}


def article_from_docx(data: bytes, *, path: str | None = None) -> Article:
    archive = open_zip(data, path, WHAT)
    try:
        checked = checked_copy(archive)
    finally:
        archive.close()
    try:
        document = docx.Document(io.BytesIO(checked))
    except (PackageNotFoundError, KeyError, ValueError):
        raise file_error(path, f"is not {WHAT} that can be read.") from None
    title = None
    pieces = []
    for paragraph in document.paragraphs:
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        kind = _STYLE_KINDS.get(style, "heading" if style.startswith("heading") else "paragraph")
        if style == "title" and title is None:
            title = paragraph.text
        pieces.append((kind, paragraph.text))
    properties = document.core_properties
    return build_article(pieces, title=title or properties.title or None,
                         byline=properties.author or None,
                         **_stated(normalize_date(properties.created), "the file's creation date"),
                         path=path, format="docx")
