"""The one error type every loader raises for input it cannot turn into an article."""

import os


class ArticleError(Exception):
    """A file could not be opened as an article.

    `str(error)` is one plain sentence meant for the person who chose the file.
    """

    def __init__(self, message: str, path: str | None = None):
        super().__init__(message)
        self.path = path


def file_error(path: str | None, reason: str) -> ArticleError:
    """An ArticleError whose sentence starts with the file's name, so every message names it.

    `reason` continues the sentence: file_error(p, "is empty.") -> '“notes.txt” is empty.'
    """
    name = os.path.basename(os.fspath(path)) if path else "The text"
    return ArticleError(f"“{name}” {reason}" if path else f"{name} {reason}", path)
