"""The document layer: what an article is, and loading one from a saved file.

No Qt and no spaCy here; see docs/design.md §2.
"""

from reader.document.errors import ArticleError
from reader.document.loader import DEFAULT_MAX_CHARS, load_article
from reader.document.model import BLOCK_KINDS, NON_ARTICLE_KINDS, Article, Block
from reader.document.plaintext import article_from_text

__all__ = [
    "Article", "ArticleError", "BLOCK_KINDS", "Block", "DEFAULT_MAX_CHARS",
    "NON_ARTICLE_KINDS", "article_from_text", "load_article",
]
