"""A folder of saved articles as one table: a row of figures per article.

`article_files(folder)` finds every file the reader opens, recursively (not hidden files
or folders, not the `page_files/` folder a browser saves beside `page.html`).
`iter_collection(paths, analyzer)` loads, analyses (the disk cache first) and measures
each article, the cached ones first; a file that cannot be read or analysed gives a row
with its error and no figures, so one bad file never stops the rest. `write_csv` writes the table atomically.
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
    ("framing_per_1000", "framing per 1000 words"), ("not_english", "not English"),
    ("error", "error"),
)


# How each column's cell is read from an article's figures.
_CELLS = {
    "title": lambda f: f.title, "publisher": lambda f: f.publisher, "date": lambda f: f.date,
    "words": lambda f: f.words, "quotes": lambda f: f.quote_spans,
    "paraphrases": lambda f: f.paraphrase_spans, "sources": lambda f: len(f.sources),
    "anonymous_share": lambda f: round(f.anonymous_share, 4),
    "unattributed_claims": lambda f: f.unattributed_claims,
    "framing_per_1000": lambda f: round(f.framing_per_1000, 2),
}
# The cells an article that is not English has no figure for (its words are counted).
_ANALYSED = frozenset(_CELLS) - {"title", "publisher", "date", "words"}


@dataclass
class CollectionRow:
    path: str
    figures: ArticleFigures | None = None
    error: str | None = None
    from_cache: bool = False

    def value(self, key: str):
        """The cell of column `key` (None where there are no figures)."""
        if key == "path":
            return self.path
        if key == "error":
            return self.error
        f = self.figures
        if f is None:
            return None
        if key == "not_english":
            return f.unanalysed_language
        if not f.analysed and key in _ANALYSED:
            return None  # not looked for: no figure, rather than a zero
        return _CELLS[key](f)

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
    """The figures of the article at `path`, or its error; never raises for a bad file."""
    return next(iter_collection([path], analyzer, corrections=corrections))[1]


def iter_collection(paths, analyzer, *, corrections: bool = True, cancelled=None):
    """(position in `paths`, CollectionRow) for every path: first, in one quick pass, the
    files that cannot be read and those whose analysis is in the cache (no model needed),
    then the others as they are analysed. `cancelled()`, if given, is asked between files.
    A model that cannot be loaded gives the remaining rows its message as their error."""
    from reader.document import ArticleError, load_article

    stop = cancelled or (lambda: False)
    lookup = getattr(analyzer, "cached", None)
    todo = []
    for position, path in enumerate(paths):
        if stop():
            return
        try:
            article = load_article(path)
        except ArticleError as error:
            yield position, CollectionRow(str(path), error=str(error))
            continue
        hit = lookup(article) if lookup is not None else None
        if hit is None:
            todo.append((position, path, article))
            continue
        yield position, _measured(str(path), article, hit, corrections, from_cache=True)
    if not todo:
        return
    results = _analyses(todo, analyzer)
    try:
        for (position, path, article), analysis in zip(todo, results):
            if stop():
                return
            if isinstance(analysis, str):
                yield position, CollectionRow(str(path), error=analysis)
            else:
                yield position, _measured(str(path), article, analysis, corrections)
    finally:
        results.close()


def _analyses(todo, analyzer):
    """An Analysis or an error sentence per article, analysed by `analyzer`; after a model
    that cannot be loaded, its message for every remaining article."""
    from reader.provenance import ModelError

    failed = None
    for _position, _path, article in todo:
        if failed is not None:
            yield failed
            continue
        try:
            yield analyzer.analyze(article)
        except ModelError as error:
            failed = str(error)
            yield failed
        except Exception as error:  # noqa: BLE001 - one bad article must not cost the others
            yield _failure(error)


def run_in_child(folder: str, model: str | None, cache: bool, corrections: bool, conn) -> None:
    """The whole collection of `folder`, measured in a child process and sent over `conn`:
    ("listed", [Path]), then ("row", position, CollectionRow) for each, then ("done",).
    The window runs it so (reader/ui/collection_window.py): spaCy's compiled parts, and
    even reading hundreds of cached analyses, would hold the interpreter lock that the
    window's own thread needs for every cell it paints."""
    from reader.export.analysed import make_analyzer

    try:
        paths = article_files(folder)
        conn.send(("listed", paths))
        analyzer = make_analyzer(model, cache)
        for position, row in iter_collection(paths, analyzer, corrections=corrections):
            conn.send(("row", position, row))
        conn.send(("done",))
    except (BrokenPipeError, EOFError, KeyboardInterrupt):
        pass  # the window went away, or stopped us
    finally:
        conn.close()


def _failure(error: Exception) -> str:
    return f"The analysis failed on this article ({type(error).__name__}: {error})."


def _measured(path: str, article, analysis, corrections: bool, from_cache: bool = False):
    from reader.export.analysed import with_corrections

    try:
        if corrections:
            analysis = with_corrections(article, analysis)
        figures = article_figures(article, analysis, path)
    except Exception as error:  # noqa: BLE001 - a broken corrections file costs one row
        return CollectionRow(path, error=f"This article could not be measured "
                                         f"({type(error).__name__}: {error}).")
    return CollectionRow(path, figures, from_cache=from_cache)


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
