"""PDF documents through pypdf.

PDF has no paragraphs, only positioned lines, so the text is rebuilt: lines repeated at
the top or bottom of most pages (running headers, footers) and bare page numbers are
dropped, words hyphenated across a line end are rejoined, and a paragraph ends where a
line stops short after a full stop or where the extractor left a blank line.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

from reader.document.assemble import build_article
from reader.document.furniture import normalize_date
from reader.document.pagedate import stated as _stated
from reader.document.errors import file_error
from reader.document.model import Article

# pypdf reports every damaged file on stderr unless someone handles its log; the broken
# file is reported once, as an ArticleError. An application log still receives them.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

MAX_PAGES = 2_000
_PAGE_NUMBER = re.compile(r"(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?",
                          re.IGNORECASE)
_HYPHENATED = re.compile(r"(?<=[^\W\d_])-$")
_EDGE_LINES = 2
_PLACEHOLDER_TITLES = {"untitled", "untitled document", "document", "title"}
_CONVERTER_TITLE = re.compile(r"Microsoft (?:Word|PowerPoint) - |.*\.(?:docx?|odt|rtf|indd|pdf)$",
                              re.IGNORECASE)


def article_from_pdf(data: bytes, *, path: str | None = None) -> Article:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise file_error(path, "is a password-protected PDF.")
        if len(reader.pages) > MAX_PAGES:
            raise file_error(path, f"has more than {MAX_PAGES} pages, too many for an article.")
        pages = [(page.extract_text() or "").splitlines() for page in reader.pages]
        info = reader.metadata
    except FileNotDecryptedError:
        raise file_error(path, "is a password-protected PDF.") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        raise file_error(path, "is not a readable PDF (it may be damaged).") from None
    lines = [line for page in _without_running_lines(pages) for line in page]
    return build_article(
        [("paragraph", text) for text in paragraphs(lines)], title=_title(info),
        byline=(info.author or None) if info else None,
        **_stated(normalize_date(info.creation_date) if info else None,
                  "the file's creation date"), path=path, format="pdf")


def _title(info) -> str | None:
    """The document-information title, unless it is what a converter left there."""
    title = ((info.title if info else None) or "").strip()
    if not title or title.lower() in _PLACEHOLDER_TITLES or _CONVERTER_TITLE.match(title):
        return None
    return title


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages without bare page numbers and without header/footer lines repeated on most."""
    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.strip())

    counts = Counter()
    for lines in pages:
        edges = [line for line in lines if line.strip()]
        counts.update({key(line) for line in edges[:_EDGE_LINES] + edges[-_EDGE_LINES:]})
    running = {k for k, n in counts.items() if len(pages) >= 3 and n >= len(pages) * 0.6}
    cleaned = []
    for lines in pages:
        edges = {i for i, line in enumerate(lines) if line.strip()}
        edge_index = sorted(edges)[:_EDGE_LINES] + sorted(edges)[-_EDGE_LINES:]
        cleaned.append([line for i, line in enumerate(lines)
                        if not _PAGE_NUMBER.fullmatch(line.strip())
                        and not (i in edge_index and key(line) in running)])
    return cleaned


def paragraphs(lines: list[str]) -> list[str]:
    """Join extracted lines into paragraphs, rejoining words hyphenated at a line end."""
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    typical = widths[len(widths) * 3 // 4] if widths else 0
    result: list[str] = []
    current = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            current = _flush(result, current)
            continue
        if current and _HYPHENATED.search(current) and line[0].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        if len(line) < typical * 0.7 and line[-1] in ".!?:”\"’)":
            current = _flush(result, current)
    _flush(result, current)
    return result


def _flush(result: list[str], current: str) -> str:
    if current.strip():
        result.append(current.strip())
    return ""
