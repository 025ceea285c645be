"""A folder of saved articles as one table: a row of figures per article.

`article_files(folder)` finds every file the reader opens, recursively (not hidden files
or folders, not the `page_files/` folder a browser saves beside `page.html`).
`collection_row(path, analyzer)` loads, analyses (the disk cache first) and measures one
article; a file that cannot be read or analysed gives a row with its error and no
figures, so one bad file never stops the rest. `write_csv` writes the table atomically.
The window's library panel (reader/ui/collection_window.py) fills the same rows.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reader.document.sniff import ARTICLE_SUFFIXES
from reader.export.figures import ArticleFigures, article_figures

# (key, CSV header) in table order.
COLUMNS = (
    ("path", "path"), ("title", "title"), ("publisher", "publisher"), ("date", "date"),
    ("words", "words"), ("quotes", "quotes"), ("paraphrases", "paraphrases"),
    ("sources", "sources"), ("anonymous_share", "anonymous share"),
    ("unattributed_claims", "unattributed claims"),
    ("framing_per_1000", "framing per 1000 words"), ("error", "error"),
)


@dataclass
class CollectionRow:
    path: str
    figures: ArticleFigures | None = None
    error: str | None = None
    from_cache: bool = False

    def value(self, key: str):
        """The cell of column `key` (None where there are no figures)."""
        f = self.figures
        if key == "path":
            return self.path
        if key == "error":
            return self.error
        if f is None:
            return None
        return {
            "title": f.title, "publisher": f.publisher, "date": f.date, "words": f.words,
            "quotes": f.quote_spans, "paraphrases": f.paraphrase_spans,
            "sources": len(f.sources), "anonymous_share": round(f.anonymous_share, 4),
            "unattributed_claims": f.unattributed_claims,
            "framing_per_1000": round(f.framing_per_1000, 2),
        }[key]

    def to_dict(self) -> dict:
        return {key: self.value(key) for key, _ in COLUMNS}


def article_files(folder) -> list[Path]:
    """Every article file under `folder`, sorted by path."""
    found = []
    for root, dirs, files in os.walk(folder):  # symlinked folders are not followed
        names = set(files)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not _saved_page_folder(d, names))
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                found.append(Path(root) / name)
    return sorted(found)


def _saved_page_folder(name: str, files: set[str]) -> bool:
    """`page_files/` beside `page.html`: the page's own images and frames, not articles."""
    if not name.endswith("_files"):
        return False
    stem = name[:-len("_files")]
    return any(f"{stem}{suffix}" in files for suffix in (".html", ".htm", ".xhtml"))


def collection_row(path, analyzer, *, corrections: bool = True) -> CollectionRow:
    """The figures of the article at `path`, or its error: never raises for a bad file
    (a model that cannot be loaded still raises ModelError: it concerns every row)."""
    from reader.document import ArticleError, load_article
    from reader.export.analysed import with_corrections
    from reader.provenance import ModelError

    path = str(path)
    try:
        article = load_article(path)
    except ArticleError as error:
        return CollectionRow(path, error=str(error))
    lookup = getattr(analyzer, "cached", None)
    try:
        hit = lookup(article) if lookup is not None else None
        analysis = hit if hit is not None else analyzer.analyze(article)
        if corrections:
            analysis = with_corrections(article, analysis)
    except ModelError:
        raise
    except Exception as error:  # noqa: BLE001 - one bad article must not cost the others
        return CollectionRow(path, error=f"The analysis failed on this article "
                                         f"({type(error).__name__}: {error}).")
    return CollectionRow(path, article_figures(article, analysis, path),
                         from_cache=hit is not None)


def csv_text(rows: list[CollectionRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([header for _, header in COLUMNS])
    for row in rows:
        writer.writerow(["" if row.value(key) is None else row.value(key) for key, _ in COLUMNS])
    return out.getvalue()


def write_csv(path, rows: list[CollectionRow]) -> None:
    """The table as CSV (UTF-8), written atomically: a temporary file, then a rename."""
    target = Path(path)
    handle, temp = tempfile.mkstemp(prefix=".tmp-", suffix=".csv", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(csv_text(rows))
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
