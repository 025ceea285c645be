"""The one error type every loader raises for input it cannot turn into an article, and the
safe way to show a file's name in a message."""

import os
import re

# Characters that would break a message onto other lines or reorder it on screen:
# C0/C1 controls, line and paragraph separators, bidirectional overrides and isolates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


class ArticleError(Exception):
    """A file could not be opened as an article.

    `str(error)` is one plain sentence meant for the person who chose the file.
    """

    def __init__(self, message: str, path: str | None = None):
        super().__init__(message)
        self.path = path


def valid_text(path) -> str:
    """A path as text that is always valid Unicode: bytes that were not UTF-8 (kept by
    Python as lone surrogates) are written as \\xff escapes; everything else is unchanged."""
    text = os.fsdecode(path)
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that did not come from a byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def shown_name(path) -> str:
    """A path as it may appear in a one-line message: valid Unicode, and newlines, other
    control characters and bidi overrides written as escapes (\\n, \\x1b, \\u202e)."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"),
                       valid_text(path))


def short_reason(error: BaseException) -> str:
    """"ValueError: the first sentence of its message", at most about 100 characters: what
    a status bar or a CLI line can show of an unexpected failure."""
    message = " ".join(str(error).split())
    sentence = message.split(". ", 1)[0].rstrip(".")
    if len(sentence) > 100:
        sentence = sentence[:99].rstrip() + "…"
    return f"{type(error).__name__}: {sentence}" if sentence else type(error).__name__


def file_error(path: str | None, reason: str) -> ArticleError:
    """An ArticleError whose sentence starts with the file's name, so every message names it.

    `reason` continues the sentence: file_error(p, "is empty.") -> '“notes.txt” is empty.'
    """
    name = shown_name(os.path.basename(os.fspath(path))) if path else "The text"
    return ArticleError(f"“{name}” {reason}" if path else f"{name} {reason}", path)
