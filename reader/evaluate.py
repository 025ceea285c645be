"""Score the analyser on a PolNeAR split: `python -m reader.evaluate PATH [options]`.

    python -m reader.evaluate PATH/TO/polnear/dev
    python -m reader.evaluate PATH/TO/polnear/dev --limit 5 --json
    python -m reader.evaluate PATH/TO/polnear/dev --errors /tmp/dev-errors.txt
    python -m reader.evaluate --extraction PATH/TO/realpages/dev
    python -m reader.evaluate --quotes tests/data/realpages_dev_who_said_what.jsonl \
        PATH/TO/realpages/dev --errors /tmp/who-said-what.txt
    python -m reader.evaluate PATH/TO/polnear/dev --no-learned   # the rules alone
    python -m reader.evaluate PATH/TO/polnear/train --every 20 --offset 10   # a train sample

and its framing on span-annotated framing corpora (`reader.evaluation.framing_corpora`,
`reader.evaluation.framing_metrics`):

    python -m reader.evaluate --framing ptc PATH/TO/framing/ptc-dev
    python -m reader.evaluate --framing babe PATH/TO/framing/babe-dev --json
    python -m reader.evaluate --framing ptc PATH/TO/framing/ptc-dev --half tune

PATH is a split directory holding `text/*.txt` and `attributions/*_<annotator>.ann`
(brat stand-off). Only the .ann files are needed for gold; `dev.jsonl` is never required.

Reading the corpus (details in `reader.evaluation.brat`):
- Offsets are Python indices into the .txt read as UTF-8 with newlines untouched; every
  annotated fragment's text is checked against the .txt (all agree on dev).
- An attribution is a brat event triggered by an `Attribution` / `Attribution-no-source`
  entity, with `Source:`, `Cue:`, `Content:` arguments; `Content2:` is a further part of
  the content. Fragments `start end;start end` make content discontinuous.
- The direct / mixed / indirect type is not annotated in the .ann: it is PolNeAR's
  heuristic on double quotation marks in the content (`brat.quote_type`).
- Canonical annotation of a text annotated by several annotators: the `canonical` flag
  in `<split>.jsonl` if that file exists, else the first listed annotator in
  `metadata.tsv`, else the alphabetically first annotator; all agree on dev.

Dev, read this way: 84 texts, 94 .ann files, 2193 attributions (1568 indirect, 403 mixed,
221 direct, 1 empty event with no content; 127 sourceless; 301 with discontinuous
content). The counts 400 mixed / 224 direct / 298 discontinuous of dev.jsonl come from
ignoring the three `Content2:` arguments (all in one politico article); reading them
turns three two-part direct quotes into discontinuous mixed attributions.

Metrics (`reader.evaluation.metrics`), micro-averaged over the split: quote-token and
content-token P/R/F1; claim P/R/F1 (one-to-one, greedy, content-token overlap F1 >= 0.5);
exact-match claim P/R/F1; attribution P/R/F1 (matched and source right); source and cue
accuracy on matched claims; claim recall per gold type.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from reader.document import article_from_text
from reader.evaluation.brat import QUOTE_TYPES, GoldDocument, SplitNotFound, read_split
from reader.evaluation.metrics import DocumentScore, figures, score_document

EXIT_OK, EXIT_MODEL = 0, 2
_SNIPPET_CHARS = 160


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m reader.evaluate",
        description="Score the provenance analyser against a PolNeAR split (brat stand-off).")
    parser.add_argument("split", metavar="PATH", nargs="?",
                        help="split directory, e.g. polnear/dev")
    parser.add_argument("--extraction", metavar="DIR", default=None,
                        help="instead, score the article text of saved pages in DIR "
                             "(html/*.html.gz + ground-truth.json) against the ground truth")
    parser.add_argument("--quotes", nargs=2, metavar=("GOLD", "DIR"), default=None,
                        help="instead, score who said what on the saved pages in DIR against "
                             "the JSONL gold GOLD (e.g. tests/data/"
                             "realpages_dev_who_said_what.jsonl)")
    parser.add_argument("--framing", choices=("ptc", "babe"), default=None,
                        help="instead, score the framing layer on the PTC or BABE corpus "
                             "at PATH")
    parser.add_argument("--half", choices=("tune", "check"), default=None,
                        help="framing only: score the tuning half (even positions in name "
                             "order) or the check half (odd) of the corpus")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="score only the first N articles (sorted by name)")
    parser.add_argument("--every", type=int, default=1, metavar="N",
                        help="PolNeAR only: score every N-th article in name order (a sample "
                             "of a large split, e.g. train: --every 20)")
    parser.add_argument("--offset", type=int, default=0, metavar="K",
                        help="with --every: start from the K-th article (0-based)")
    parser.add_argument("--model", default=None, metavar="NAME",
                        help="spaCy pipeline to use (default: the analyser's default)")
    parser.add_argument("--no-learned", action="store_true",
                        help="the rules alone, without the learned attribution tagger")
    parser.add_argument("--json", action="store_true",
                        help="also print all figures as one JSON line")
    parser.add_argument("--errors", default=None, metavar="FILE",
                        help="write missed, spurious and mis-attributed claims per article to FILE")
    parser.add_argument("--batch-size", type=int, default=8, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.extraction:
        return _extraction(args.extraction, args.json)
    if args.quotes:
        gold_path, directory = args.quotes
        return _who_said_what(gold_path, directory, args)
    if args.framing:
        if not args.split:
            parser.error("give the corpus PATH after --framing ptc|babe")
        return framing_main(args)
    if not args.split:
        parser.error("give a PolNeAR split PATH, or --extraction DIR")
    if args.every < 1 or not 0 <= args.offset < args.every:
        parser.error("--every N needs N >= 1 and --offset K needs 0 <= K < N")
    try:
        documents = read_split(args.split, args.limit, args.every, args.offset)
    except SplitNotFound:
        print(f"PolNeAR split not found at {args.split}; skipping evaluation.")
        return EXIT_OK

    from reader.provenance.analyzer import Analyzer, ModelError

    analyzer = Analyzer(args.model, learned=not args.no_learned)
    try:
        analyzer.load()
    except ModelError as error:
        print(f"reader.evaluate: {error}", file=sys.stderr)
        return EXIT_MODEL

    analyses = analyzer.analyze_many((_unchanged(article_from_text, d.text) for d in documents),
                                     batch_size=args.batch_size)
    scores = [score_document(d.name, d.text, d.attributions, a)
              for d, a in zip(documents, analyses)]
    totals = sum((s.counts for s in scores), Counter())
    results = figures(totals)
    label = analyzer.model_label + (" + learned tagger"
                                    if "provenance_tagger" in analyzer.nlp.pipe_names
                                    else ", rules only")
    sample = f" (every {args.every}th text, offset {args.offset})" if args.every > 1 else ""
    print(format_report(args.split + sample, label, documents, results))
    if args.json:
        print(json.dumps({"split": str(args.split), "model": analyzer.model_label,
                          "documents": len(documents), **gold_statistics(documents),
                          **results}))
    if args.errors:
        Path(args.errors).write_text(format_errors(documents, scores), encoding="utf-8")
    return EXIT_OK


def _extraction(directory: str, as_json: bool) -> int:
    from reader.evaluation.extraction import CorpusNotFound, report

    try:
        text, results = report(directory)
    except CorpusNotFound:
        print(f"Saved pages with a ground-truth.json not found at {directory}; "
              "skipping evaluation.")
        return EXIT_OK
    print(text)
    if as_json:
        print(json.dumps({"extraction": str(directory), **results}))
    return EXIT_OK


def _who_said_what(gold_path: str, directory: str, args) -> int:
    from reader.evaluation import who_said_what as wsw
    from reader.evaluation.extraction import CorpusNotFound, page_html, read_corpus, reader_extract

    try:
        gold = wsw.read_gold(gold_path)
        _, files = read_corpus(directory)
    except (wsw.GoldNotFound, CorpusNotFound) as missing:
        print(f"{missing} not found; skipping evaluation.")
        return EXIT_OK
    from reader.provenance.analyzer import Analyzer, ModelError

    analyzer = Analyzer(args.model, cache=None, learned=not args.no_learned)
    try:
        analyzer.load()
    except ModelError as error:
        print(f"reader.evaluate: {error}", file=sys.stderr)
        return EXIT_MODEL
    pages = [page for page in gold if page in files]
    if args.limit:
        pages = pages[:args.limit]
    articles = {page: reader_extract(str(files[page]), page_html(files[page]))
                for page in pages}
    readable = [page for page in pages if articles[page] is not None]
    analyses = dict(zip(readable, analyzer.analyze_many(
        (articles[page] for page in readable), batch_size=args.batch_size)))
    results = [wsw.score_page(gold[page], articles[page], analyses.get(page))
               for page in pages]
    figures = wsw.totals(results)
    print(wsw.format_report(gold_path, directory, analyzer.model_label, figures))
    if args.json:
        print(json.dumps({"gold": gold_path, "pages_dir": directory,
                          "model": analyzer.model_label, **figures}))
    if args.errors:
        Path(args.errors).write_text(wsw.format_errors(results), encoding="utf-8")
    return EXIT_OK


def framing_main(args) -> int:
    from reader.evaluation import framing_corpora, framing_report
    from reader.evaluation.framing_metrics import figures, score_document

    read = framing_corpora.read_ptc if args.framing == "ptc" else framing_corpora.read_babe
    try:
        documents = framing_corpora.half(read(args.split, args.limit), args.half)
    except framing_corpora.CorpusNotFound:
        print(f"{args.framing.upper()} corpus not found at {args.split}; skipping evaluation.")
        return EXIT_OK

    from reader.provenance.analyzer import Analyzer, ModelError

    analyzer = Analyzer(args.model)
    try:
        analyzer.load()
    except ModelError as error:
        print(f"reader.evaluate: {error}", file=sys.stderr)
        return EXIT_MODEL
    skip = framing_corpora.FUNCTION_WORDS if args.framing == "babe" else ()
    analyses = list(analyzer.analyze_many(
        (_unchanged(article_from_text, d.text) for d in documents), batch_size=args.batch_size))
    totals = sum((score_document(d.text, d.gold, a, skip) for d, a in zip(documents, analyses)),
                 Counter())
    results = figures(totals)
    title = (f"{args.framing.upper()} {args.split}"
             + (f" ({args.half} half)" if args.half else "")
             + f": {len(documents)} documents; model {analyzer.model_label}")
    print(framing_report.format_report(title, results))
    if args.json:
        print(json.dumps({"corpus": args.framing, "split": str(args.split), "half": args.half,
                          "model": analyzer.model_label, "documents": len(documents),
                          **results}))
    if args.errors:
        Path(args.errors).write_text(framing_report.format_errors(documents, analyses),
                                     encoding="utf-8")
    return EXIT_OK


def _unchanged(make_article, text: str):
    article = make_article(text)
    if article.text != text:
        raise ValueError(f"{make_article.__name__} changed the text, so gold offsets "
                         "would not line up")
    return article


def gold_statistics(documents: list[GoldDocument]) -> dict:
    attributions = [a for d in documents for a in d.attributions]
    types = Counter(a.type for a in attributions)
    return {
        "annotation_files": sum(d.alternatives for d in documents),
        "gold_attributions": len(attributions),
        "gold_types": {t: types[t] for t in QUOTE_TYPES},
        "gold_sourceless": sum(not a.has_source for a in attributions),
        "gold_discontinuous": sum(a.discontinuous for a in attributions),
        "offset_mismatches": sum(len(d.mismatches) for d in documents),
    }


def format_report(split: str, model: str, documents: list[GoldDocument], results: dict) -> str:
    stats = gold_statistics(documents)
    types = stats["gold_types"]
    lines = [
        f"PolNeAR split {split}: {len(documents)} texts, {stats['annotation_files']} .ann files; "
        f"model {model}",
        f"gold: {stats['gold_attributions']} attributions ({types['indirect']} indirect, "
        f"{types['mixed']} mixed, {types['direct']} direct; {stats['gold_sourceless']} without "
        f"a source; {stats['gold_discontinuous']} discontinuous; "
        f"{results['gold_without_content']} without content, not scored); "
        f"offset mismatches: {stats['offset_mismatches']}",
        f"predicted: {results['predicted_claims']} claims",
        "",
        f"{'metric':<24}{'P':>8}{'R':>8}{'F1':>8}   counts",
    ]

    def row(label, key, detail):
        r = results[key]
        scores = "".join(f"{r[k]:>8.3f}" for k in ("precision", "recall", "f1"))
        lines.append(f"{label:<24}{scores}   {detail}")

    for label, key in (("quote tokens", "quote_tokens"), ("quote tokens, '' too", "quote_tokens_apostrophes"),
                       ("content tokens", "content_tokens")):
        r = results[key]
        row(label, key, f"tp {r['tp']} / pred {r['predicted']} / gold {r['gold']}")
    gold_claims, predicted = results["gold_claims"], results["predicted_claims"]
    for label, key, count in (("claims (overlap>=0.5)", "claims", "matched"),
                              ("claims (exact)", "exact_claims", "matched"),
                              ("attribution", "attribution", "correct")):
        row(label, key, f"{results[key][count]} of pred {predicted} / gold {gold_claims}")
    matched = results["claims"]["matched"]
    lines += [
        "",
        f"source accuracy on matched claims  {results['source_accuracy']:.3f}   (of {matched})",
        f"cue accuracy on matched claims     {results['cue_accuracy']:.3f}   (of {matched})",
        "claim recall by gold type          "
        + "   ".join(f"{t} {_rate(r['recall'])} ({r['matched']}/{r['gold']})"
                     for t, r in results["type_recall"].items()),
    ]
    return "\n".join(lines)


def format_errors(documents: list[GoldDocument], scores: list[DocumentScore]) -> str:
    """Per article: missed gold (FN), spurious predictions (FP), matches with a wrong
    source or cue, and partial matches (boundary differences)."""
    out = []
    for document, score in zip(documents, scores):
        text = document.text
        lines = []
        for gold in score.missed:
            lines.append(f"FN [{gold.type}] src={_snippet(text, gold.source)!r} "
                         f"cue={_snippet(text, gold.cue)!r} | {_snippet(text, gold.content)}")
        for claim in score.spurious:
            lines.append(f"FP [{claim.kind}] src={_snippet(text, _opt(claim.source_span))!r} "
                         f"cue={_snippet(text, _opt(claim.cue_span))!r} | "
                         f"{_snippet(text, claim.content)}")
        for match in score.matches:
            gold, claim = score.gold[match.gold], score.predicted[match.predicted]
            problems = [name for name, ok in (("SOURCE", match.source_ok), ("CUE", match.cue_ok))
                        if not ok]
            if match.f1 < 1.0:
                problems.append(f"BOUNDARY f1={match.f1:.2f}")
            if not problems:
                continue
            lines.append(f"{' '.join(problems)} [{gold.type}] "
                         f"gold src={_snippet(text, gold.source)!r} "
                         f"cue={_snippet(text, gold.cue)!r} "
                         f"| pred src={_snippet(text, _opt(claim.source_span))!r} "
                         f"cue={_snippet(text, _opt(claim.cue_span))!r}\n"
                         f"    gold: {_snippet(text, gold.content)}\n"
                         f"    pred: {_snippet(text, claim.content)}")
        if lines:
            out.append(f"== {document.name} ({document.annotator})")
            out.extend(lines)
            out.append("")
    return "\n".join(out)


def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _opt(span) -> list:
    return [tuple(span)] if span else []


def _snippet(text: str, ranges) -> str:
    joined = " … ".join(" ".join(text[s:e].split()) for s, e in sorted(ranges))
    return joined if len(joined) <= _SNIPPET_CHARS else joined[:_SNIPPET_CHARS - 1] + "…"


if __name__ == "__main__":
    sys.exit(main())
