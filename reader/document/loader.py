"""`load_article(path)`: the one entry point from a file on disk to an Article.

Safety comes before format: the path is stat-ed and anything that is not a regular file
is refused without being opened (opening a FIFO blocks, reading a device never ends);
the file is read once, read-only, with a byte cap; every failure becomes one
ArticleError sentence that names the file.
"""

from __future__ import annotations

import importlib
import os
import stat

from reader.document import decoding
from reader.document.errors import ArticleError, file_error
from reader.document.model import Article
from reader.document.sniff import FORMAT_NAMES, declared_charset, sniff_bytes, sniff_text

DEFAULT_MAX_CHARS = 10_000_000
# Saved pages carry far more markup, scripts and inlined images than text.
MAX_FILE_BYTES = 64_000_000

# Format -> (module, function). Modules are imported on first use: importing the document
# layer (for Article alone) stays cheap, and trafilatura, pypdf and python-docx load only
# when a file needs them.
_BYTE_LOADERS = {
    "pdf": ("pdf", "article_from_pdf"),
    "epub": ("epub", "article_from_epub"),
    "docx": ("word", "article_from_docx"),
    "mhtml": ("mhtml", "article_from_mhtml"),
    "eml": ("eml", "article_from_eml"),
    "webarchive": ("webarchive", "article_from_webarchive"),
}
_TEXT_LOADERS = {
    "text": ("plaintext", "article_from_text"),
    "html": ("html", "article_from_html"),
    "markdown": ("markdown", "article_from_markdown"),
}


def load_article(path, *, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """The article saved at `path`; ArticleError with one readable sentence otherwise."""
    path = os.fspath(path)
    data = read_file(path, max_bytes=max(MAX_FILE_BYTES, 4 * max_chars))
    if not data:
        raise file_error(path, "is empty.")
    article = _parse(path, data, max_chars)
    if not article.text.strip():
        raise file_error(path, "contains no article text.")
    if len(article.text) > max_chars:
        raise _too_long(path, len(article.text), max_chars)
    return article


def _parse(path: str, data: bytes, max_chars: int) -> Article:
    kind = sniff_bytes(path, data)
    try:
        if kind in _BYTE_LOADERS:
            return _loader(_BYTE_LOADERS[kind])(data, path=path)
        if kind not in (None, "html", "markdown"):
            raise file_error(path, f"is {_describe(kind)}, which Provenance Reader cannot open.")
        text = decoding.decode_text(data, path, declared_charset(data))
        if not text.strip():
            raise file_error(path, "contains only whitespace.")
        if len(text) > max_chars and kind is None:
            raise _too_long(path, len(text), max_chars)
        return _loader(_TEXT_LOADERS[sniff_text(text, kind)])(text, path=path)
    except ArticleError:
        raise
    except RecursionError:
        raise file_error(path, "is nested too deeply to be read safely.") from None
    except Exception as error:  # noqa: BLE001 - a parser's own failure on a broken file
        raise file_error(path, f"could not be read as {_describe(kind or 'text')} "
                               f"({type(error).__name__}).") from None


def _loader(entry: tuple[str, str]):
    module, function = entry
    return getattr(importlib.import_module(f"reader.document.{module}"), function)


def read_file(path: str, *, max_bytes: int) -> bytes:
    """The bytes of a regular file, read-only; refuses other kinds of path unopened."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise file_error(path, "does not exist.") from None
    except PermissionError:
        raise file_error(path, "cannot be reached: permission denied.") from None
    except (OSError, ValueError) as error:
        raise file_error(path, f"cannot be opened ({_reason(error)}).") from None
    _require_regular(path, info.st_mode)
    if info.st_size > max_bytes:
        raise file_error(path, f"is {_size(info.st_size)}, larger than the "
                               f"{_size(max_bytes)} limit for a saved article file.")
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO since stat, open must not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except PermissionError:
        raise file_error(path, "cannot be read: permission denied.") from None
    except OSError as error:
        raise file_error(path, f"cannot be opened ({_reason(error)}).") from None
    with os.fdopen(fd, "rb") as handle:
        _require_regular(path, os.fstat(handle.fileno()).st_mode)
        try:
            data = handle.read(max_bytes + 1)
        except OSError as error:
            raise file_error(path, f"cannot be read ({_reason(error)}).") from None
    if len(data) > max_bytes:
        raise file_error(path, f"is larger than the {_size(max_bytes)} limit "
                               f"for a saved article file.")
    return data


def _require_regular(path: str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise file_error(path, "is a folder, not an article file.")
    kind = ("a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file")
    raise file_error(path, f"is {kind}, not an article file, so it was not opened.")


def _too_long(path: str, chars: int, max_chars: int) -> ArticleError:
    # Characters are counted as bytes of text, the way the limit is stated to people.
    return file_error(path, f"is larger than the {_size(max_chars)} limit for article text "
                            f"(it holds {_size(chars)}).")


def _size(count: int) -> str:
    """"10 MB", "12.5 MB", "800 KB", "48 bytes": sizes as a person says them."""
    for unit, size in (("MB", 1_000_000), ("KB", 1_000)):
        if count >= size:
            return f"{count / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{count} bytes"


def _describe(kind: str) -> str:
    return FORMAT_NAMES.get(kind, "a ZIP archive" if kind == "zip" else kind)


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or type(error).__name__
