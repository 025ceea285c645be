"""Scoring who said what on saved pages against a small hand-made gold (JSONL).

The gold file holds one JSON object a line, each about one page (`page`, its id in the
corpus directory):
- `{"page", "url_host"}`: the page is in the gold (so a page with no source still counts);
- `{"page", "quote", "speaker", "kind", ["in"]}`: a quotation. `quote` is a snippet of at
  most ten words of the page (with or without its quotation marks), `in` the part of it
  inside the marks when the snippet takes words around them; `kind` is "speech" (its
  `speaker` lists the names the text uses for who said it) or "title", "term", "scare"
  (titles of works, terms and scare quotes: nobody's words, `speaker` null);
- `{"page", "source", "type"}`: a source the article attributes a claim to, with the
  names (`source`, a list) the text uses for it;
- `{"page", "not_source"}`: a string that is not a source (a platform, a place, a title);
- `{"page", "neutral"}`: a name that may be listed or not (a channel such as "via USA
  Today"), neither right nor wrong.

Snippets are found in the reader's text with whitespace and quotation marks ignored, so a
page's typography does not decide. Measures:
- quote recall: spoken quotations whose words are mostly (≥ 50 % of characters) inside a
  quote span;
- speaker accuracy on found quotes: the quote's claim names one of the gold names;
- non-speech quotes given a speaker: titles, terms and scare quotes shown as somebody's
  exact words (covered by a quote span whose claim has a source);
- source precision and recall: the sources the reader lists (names not in the neutral list)
  against the gold sources, by name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from reader.document.model import Article
from reader.provenance.model import Analysis

_IGNORED = set(" \t\n\r\u00a0\u2009\u200a\u202f\"'`´‘’‚‛“”„‟«»‹›″′")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_POSSESSIVE = re.compile(r"['’]s\b")
COVERED = 0.5


class GoldNotFound(Exception):
    pass


@dataclass
class PageGold:
    page: str
    quotes: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    not_sources: list[str] = field(default_factory=list)
    neutral: list[str] = field(default_factory=list)


def read_gold(path) -> dict[str, PageGold]:
    path = Path(path)
    if not path.is_file():
        raise GoldNotFound(str(path))
    pages: dict[str, PageGold] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        gold = pages.setdefault(record["page"], PageGold(record["page"]))
        if "quote" in record:
            if len(record["quote"].split()) > 10:
                raise ValueError(f"{path}:{number}: a snippet longer than ten words")
            gold.quotes.append(record)
        elif "source" in record:
            gold.sources.append(record)
        elif "not_source" in record:
            gold.not_sources.append(record["not_source"])
        elif "neutral" in record:
            gold.neutral.append(record["neutral"])
    return pages


# -- finding snippets ----------------------------------------------------------------------

def squeeze(text: str) -> tuple[str, list[int]]:
    """`text` without whitespace and quotation marks, and the offset of each kept char."""
    kept, offsets = [], []
    for index, char in enumerate(text):
        if char not in _IGNORED:
            kept.append(char)
            offsets.append(index)
    return "".join(kept), offsets


def locate(text: str, snippet: str, inside: str | None = None, start: int = 0
           ) -> tuple[int, int] | None:
    """The character range of `snippet` (of its `inside` part if given) in `text` at or
    after `start`, ignoring whitespace and quotation marks."""
    squeezed, offsets = squeeze(text)
    needle, _ = squeeze(snippet)
    if not needle:
        return None
    first = next((i for i, offset in enumerate(offsets) if offset >= start), len(offsets))
    at = squeezed.find(needle, first)
    if at < 0:
        return None
    if inside:
        part, _ = squeeze(inside)
        within = needle.find(part)
        if within < 0:
            return None
        at, needle = at + within, part
    return offsets[at], offsets[at + len(needle) - 1] + 1


def body_start(article: Article) -> int:
    """Where the article's body starts: after the title heading the reader puts on top."""
    blocks = article.blocks
    if blocks and blocks[0].kind == "heading" and article.title:
        return blocks[0].end
    return 0


# -- names -------------------------------------------------------------------------------

def normal_name(name: str) -> str:
    name = _POSSESSIVE.sub("", name.casefold())
    name = re.sub(r"[^\w@&\s-]", " ", name)
    return _LEADING_ARTICLE.sub("", " ".join(name.split()))


def name_matches(predicted: str, alias: str) -> bool:
    """The reader's name for a source stands for a gold name: the same, the gold name
    inside it ("Steelers captain Cam Heyward"), its last words ("Heyward"), or its first
    three words or more."""
    p, a = normal_name(predicted), normal_name(alias)
    if not p or not a:
        return False
    if p == a or f" {a} " in f" {p} ":
        return True
    # "Heyward" for "Cam Heyward"; "Chinese Center for Disease Control" for the same
    # with "and Prevention" (a name cut short, not a word of it).
    return a.endswith(" " + p) or (len(p.split()) >= 3 and a.startswith(p + " "))


def any_match(names, aliases) -> bool:
    return any(name_matches(n, a) for n in names if n for a in aliases)


# -- scoring -------------------------------------------------------------------------------

@dataclass
class PageResult:
    page: str
    spoken: int = 0
    located: int = 0
    found: int = 0
    speaker_right: int = 0
    non_speech: int = 0
    non_speech_given: int = 0
    predicted_sources: int = 0
    neutral_sources: int = 0
    right_sources: int = 0
    gold_sources: int = 0
    gold_found: int = 0
    errors: list[str] = field(default_factory=list)


def _covering(analysis: Analysis, start: int, end: int, kinds) -> list:
    length = max(1, end - start)
    found = []
    for span in analysis.spans:
        if span.kind not in kinds:
            continue
        overlap = min(end, span.end) - max(start, span.start)
        if overlap > 0 and overlap / length >= COVERED:
            found.append(span)
    return found


def _speaker_names(article: Article, analysis: Analysis, span) -> list[str]:
    claim = analysis.claim(span.claim)
    if claim is None or claim.source is None:
        return []
    names = []
    source = analysis.source(claim.source)
    if source is not None:
        names.append(source.name)
    if claim.source_span:
        names.append(article.text[claim.source_span[0]:claim.source_span[1]])
    return names


def score_page(gold: PageGold, article: Article | None, analysis: Analysis | None
               ) -> PageResult:
    result = PageResult(gold.page)
    spoken = [q for q in gold.quotes if q["kind"] == "speech"]
    result.spoken = len(spoken)
    result.non_speech = len(gold.quotes) - len(spoken)
    result.gold_sources = len(gold.sources)
    if article is None or analysis is None:
        result.errors.append("the page could not be read")
        return result
    start = body_start(article)
    for quote in gold.quotes:
        where = locate(article.text, quote["quote"], quote.get("in"), start)
        label = quote.get("in") or quote["quote"]
        if where is None:
            result.errors.append(f"NOT IN TEXT [{quote['kind']}] {label!r}")
            continue
        if quote["kind"] != "speech":
            spans = _covering(analysis, *where, kinds=("quote",))
            given = [names for names in (_speaker_names(article, analysis, s) for s in spans)
                     if names]
            if given:
                result.non_speech_given += 1
                result.errors.append(f"SPEAKER FOR {quote['kind'].upper()} {label!r} -> "
                                     f"{given[0][0]!r}")
            continue
        result.located += 1
        spans = _covering(analysis, *where, kinds=("quote",))
        if not spans:
            result.errors.append(f"MISSED QUOTE {label!r} ({quote['speaker'][0]})")
            continue
        result.found += 1
        names = _speaker_names(article, analysis, spans[0])
        if any_match(names, quote["speaker"]):
            result.speaker_right += 1
        else:
            result.errors.append(f"WRONG SPEAKER {label!r}: {names[0] if names else None!r} "
                                 f"(gold {quote['speaker'][0]!r})")
    listed = [s for s in analysis.sources if s.claims]
    all_aliases = [name for s in gold.sources for name in s["source"]]
    for source in listed:
        names = [source.name]
        if any_match(names, all_aliases):
            result.predicted_sources += 1
            result.right_sources += 1
        elif any_match(names, gold.neutral):
            result.neutral_sources += 1
        else:
            result.predicted_sources += 1
            tag = ("NOT A SOURCE" if any_match(names, gold.not_sources)
                   else "WRONG SOURCE")
            result.errors.append(f"{tag} {source.name!r} ({source.type})")
    for source in gold.sources:
        if any(any_match([s.name], source["source"]) for s in listed):
            result.gold_found += 1
        else:
            result.errors.append(f"MISSED SOURCE {source['source'][0]!r}")
    return result


def totals(results: list[PageResult]) -> dict:
    def rate(num, den):
        return num / den if den else None

    total = {name: sum(getattr(r, name) for r in results) for name in (
        "spoken", "located", "found", "speaker_right", "non_speech", "non_speech_given",
        "predicted_sources", "neutral_sources", "right_sources", "gold_sources",
        "gold_found")}
    return {
        "pages": len(results), **total,
        "quote_recall": rate(total["found"], total["spoken"]),
        "speaker_accuracy": rate(total["speaker_right"], total["found"]),
        "speaker_end_to_end": rate(total["speaker_right"], total["spoken"]),
        "non_speech_given_speaker": rate(total["non_speech_given"], total["non_speech"]),
        "source_precision": rate(total["right_sources"], total["predicted_sources"]),
        "source_recall": rate(total["gold_found"], total["gold_sources"]),
    }


def format_report(gold_path, directory, model: str, figures: dict) -> str:
    def pct(value):
        return "n/a" if value is None else f"{100 * value:.1f} %"

    f = figures
    return "\n".join([
        f"Who said what on {f['pages']} pages of {directory} against {gold_path}; model {model}",
        "",
        f"quote recall                      {pct(f['quote_recall'])}   "
        f"({f['found']} of {f['spoken']} spoken quotations; {f['located']} found in the text)",
        f"speaker accuracy on found quotes  {pct(f['speaker_accuracy'])}   "
        f"({f['speaker_right']} of {f['found']}; end to end {pct(f['speaker_end_to_end'])})",
        f"non-speech quotes given a speaker {pct(f['non_speech_given_speaker'])}   "
        f"({f['non_speech_given']} of {f['non_speech']} titles, terms and scare quotes)",
        f"source precision                  {pct(f['source_precision'])}   "
        f"({f['right_sources']} of {f['predicted_sources']} listed; "
        f"{f['neutral_sources']} neutral not counted)",
        f"source recall                     {pct(f['source_recall'])}   "
        f"({f['gold_found']} of {f['gold_sources']})",
    ])


def format_errors(results: list[PageResult]) -> str:
    out = []
    for result in results:
        if result.errors:
            out.append(f"== {result.page}")
            out.extend(f"  {line}" for line in result.errors)
    return "\n".join(out) + "\n"
