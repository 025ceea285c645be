"""The one error type every loader raises for input it cannot turn into an article."""


class ArticleError(Exception):
    """A file could not be opened as an article.

    `str(error)` is one plain sentence meant for the person who chose the file.
    """

    def __init__(self, message: str, path: str | None = None):
        super().__init__(message)
        self.path = path
