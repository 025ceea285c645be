"""Scoring the article text of saved pages against a benchmark's ground truth.

The metric is the one of Scrapinghub's article-extraction benchmark (MIT): a text is the
multiset of its 4-token shingles, a token being a `\\w+` run (case kept); per page,
true positives, false positives and false negatives are counted over shingles and
normalised by their sum; precision and recall are averaged over the pages that have a
prediction (resp. a ground truth), and F1 is taken from the two means.

A corpus directory holds `html/<id>.html.gz` (or `.html`) and `ground-truth.json`
(`{id: {"articleBody": ...}}`).
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.document.model import NON_ARTICLE_KINDS, Article

SHINGLE = 4
_TOKEN = re.compile(r"\w+", re.UNICODE)
# A page "loses" text when its recall of the ground truth falls below this.
LOSS_THRESHOLD = 0.95


class CorpusNotFound(Exception):
    """No ground-truth.json (or no pages) at the given directory."""


@dataclass(frozen=True)
class PageScore:
    """One page's shingle counts, each divided by their sum (as the benchmark does)."""

    page: str
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        if self.tp + self.fp == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        if self.tp + self.fn == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fn)


def shingles(text: str, n: int = SHINGLE) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def score_page(page: str, truth: str, prediction: str) -> PageScore:
    gold, predicted = shingles(truth), shingles(prediction)
    tp = sum((gold & predicted).values())
    fp = sum((predicted - gold).values())
    fn = sum((gold - predicted).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return PageScore(page, tp, fp, fn)


def summary(scores: Iterable[PageScore]) -> dict:
    """Mean precision, mean recall and the F1 of the two means."""
    scores = list(scores)
    precisions = [s.precision for s in scores if s.precision is not None]
    recalls = [s.recall for s in scores if s.recall is not None]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pages": len(scores)}


def read_corpus(directory) -> tuple[dict[str, str], dict[str, Path]]:
    """The ground truth texts and the page files of a benchmark directory, by page id."""
    directory = Path(directory)
    truth_file = directory / "ground-truth.json"
    if not truth_file.is_file():
        raise CorpusNotFound(str(directory))
    truth = {page: (entry.get("articleBody") or "")
             for page, entry in json.loads(truth_file.read_text(encoding="utf-8")).items()}
    files = {}
    for path in sorted((directory / "html").glob("*.html*")):
        page = path.name.split(".html")[0]
        if page in truth:
            files[page] = path
    if not files:
        raise CorpusNotFound(str(directory))
    return truth, files


def page_html(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def article_text(article: Article, *, headline: bool) -> str:
    """The words the reader presents as the article, tables included: no captions,
    credits or page furniture; the title heading on top only when `headline` is true."""
    parts = []
    for index, block in enumerate(article.blocks):
        if block.kind in NON_ARTICLE_KINDS and block.kind != "table":
            continue
        text = article.text[block.start:block.end]
        if (not headline and index == 0 and block.kind == "heading"
                and article.title and text.strip() == " ".join(article.title.split())):
            continue
        parts.append(text)
    return "\n\n".join(parts)


def evaluate_pages(truth: dict[str, str], predictions: dict[str, str]) -> list[PageScore]:
    return [score_page(page, truth[page], predictions.get(page, "")) for page in predictions]


def losses(scores: Iterable[PageScore], threshold: float = LOSS_THRESHOLD) -> list[PageScore]:
    """Pages whose recall of the ground truth is below `threshold`, worst first."""
    lost = [s for s in scores if s.recall is not None and s.recall < threshold]
    return sorted(lost, key=lambda s: s.recall)


def predictions(files: dict[str, Path], extract: Callable[[str, bytes], str]
                ) -> dict[str, str]:
    return {page: extract(str(path), page_html(path)) for page, path in files.items()}


def reader_extract(path: str, data: bytes) -> Article | None:
    """The Article the reader makes of a saved page (through the real loader), or None."""
    import tempfile

    from reader.document import ArticleError, load_article

    with tempfile.TemporaryDirectory(prefix="reader-extraction-") as folder:
        copy = Path(folder) / (Path(path).name.split(".html")[0] + ".html")
        copy.write_bytes(data)
        try:
            return load_article(copy)
        except ArticleError:
            return None


def trafilatura_extract(path: str, data: bytes) -> str:
    """Bare trafilatura with its default settings, for comparison."""
    import trafilatura

    return trafilatura.extract(data) or ""


def report(directory) -> tuple[str, dict]:
    """The printed comparison and its figures as a dict."""
    truth, files = read_corpus(directory)
    articles = {page: reader_extract(str(path), page_html(path)) for page, path in files.items()}
    without = {p: article_text(a, headline=False) if a else "" for p, a in articles.items()}
    with_headline = {p: article_text(a, headline=True) if a else "" for p, a in articles.items()}
    bare = predictions(files, trafilatura_extract)
    rows = {
        "reader, without the headline": evaluate_pages(truth, without),
        "reader, with the headline": evaluate_pages(truth, with_headline),
        "trafilatura (defaults)": evaluate_pages(truth, bare),
    }
    results = {label: summary(scores) for label, scores in rows.items()}
    lost = losses(rows["reader, without the headline"])
    bare_recall = {s.page: s.recall for s in rows["trafilatura (defaults)"]}
    lines = [f"Article text of {len(files)} saved pages in {directory} against the ground "
             f"truth (per-page precision and recall over {SHINGLE}-token shingles of \\w+ "
             f"tokens, averaged; F1 of the means)",
             "",
             f"{'':<32}{'P':>8}{'R':>8}{'F1':>8}"]
    for label, figures_ in results.items():
        lines.append(f"{label:<32}" + "".join(f"{figures_[k]:>8.3f}"
                                              for k in ("precision", "recall", "f1")))
    lines += ["", f"pages losing more than {100 - 100 * LOSS_THRESHOLD:.0f} % of the ground "
                  f"truth (reader, without the headline): {len(lost)}"]
    for score in lost:
        lines.append(f"  {score.page[:16]}  recall {score.recall:.3f}  "
                     f"(trafilatura {_rate(bare_recall.get(score.page))})")
    failed = sorted(p for p, a in articles.items() if a is None)
    if failed:
        lines.append(f"pages the reader could not open: {', '.join(p[:16] for p in failed)}")
    return "\n".join(lines), {"pages": len(files), **results,
                              "lost": [(s.page, s.recall) for s in lost]}


def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
