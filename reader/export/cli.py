"""`python -m reader export --format html|pdf|json|brat PATH -o OUT [--handout [--no-answer-key]] [--model NAME]`

Loads the article, analyses it, applies the corrections saved for it (as the window
would show them) and writes OUT. brat writes OUT.txt and OUT.ann. A file that cannot be
read or written, or a model that cannot be loaded, is one line on stderr and status 1.
"""

from __future__ import annotations

import argparse
import os
import sys

FORMATS = ("html", "pdf", "json", "brat")
EXIT_OK, EXIT_FAILED = 0, 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m reader export",
        description="Write an article's analysis as a self-contained HTML page, a PDF, "
                    "the analyze JSON plus corrections, or brat stand-off files.")
    parser.add_argument("path", metavar="PATH", help="article file (.txt, .html, …)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="file to write (brat: OUT.txt and OUT.ann)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="default: from OUT's suffix (.html, .pdf, .json), else html")
    parser.add_argument("--handout", action="store_true",
                        help="html/pdf: the text alone with line numbers and no colours, for "
                             "students, then an answer key page for the teacher")
    parser.add_argument("--no-answer-key", action="store_true",
                        help="with --handout: no answer key (and no analysis: faster)")
    parser.add_argument("--model", default=None, help="spaCy pipeline to use")
    parser.add_argument("--no-corrections", action="store_true",
                        help="ignore the corrections saved for this article")
    return parser


def export_main(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    fmt = args.format or _format_from_suffix(args.output)
    if args.handout and fmt not in ("html", "pdf"):
        parser.error("--handout is for --format html or pdf")
    try:
        return _export(args, fmt)
    except _Failed as failure:
        print(f"provenance-reader: {failure}", file=sys.stderr)
        return EXIT_FAILED


class _Failed(Exception):
    pass


def _format_from_suffix(out: str) -> str:
    suffix = os.path.splitext(out)[1].lower().lstrip(".")
    return suffix if suffix in ("html", "pdf", "json") else "html"


def _export(args, fmt: str) -> int:
    from reader.document import ArticleError, load_article

    try:
        article = load_article(args.path)
    except ArticleError as error:
        raise _Failed(f"{args.path}: {error}") from error
    analysis, corrections = None, []
    if not (args.handout and args.no_answer_key):
        analysis, corrections = _analyse(article, args)
    try:
        _write(fmt, args, article, analysis, corrections)
    except OSError as error:
        raise _Failed(f"{args.output}: {error.strerror or error}") from error
    return EXIT_OK


def _analyse(article, args):
    from reader.corrections import CorrectionStore, apply_corrections
    from reader.provenance import Analyzer, ModelError

    try:
        analysis = Analyzer(args.model).analyze(article)
    except ModelError as error:
        raise _Failed(str(error)) from error
    if args.no_corrections:
        return analysis, []
    loaded = CorrectionStore().load(article.text, path=article.path, url=article.url)
    return apply_corrections(analysis, loaded.corrections), loaded.corrections


def _write(fmt: str, args, article, analysis, corrections) -> None:
    if fmt == "html":
        from reader.export.html import render_handout_html, render_html

        page = (render_handout_html(article, analysis) if args.handout
                else render_html(article, analysis, corrections=len(corrections)))
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(page)
    elif fmt == "json":
        from reader.export.json_export import write_json

        write_json(args.output, article, analysis, corrections, path=args.path)
    elif fmt == "brat":
        from reader.export.brat import write_brat

        write_brat(args.output, article.text, analysis)
    else:
        _write_pdf(args, article, analysis, corrections)


def _write_pdf(args, article, analysis, corrections) -> None:
    # Printing needs a GUI application but no screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from reader.export.pdf import write_pdf

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    write_pdf(args.output, article, analysis, handout=args.handout, corrections=len(corrections))
    del app  # held until the PDF is written
