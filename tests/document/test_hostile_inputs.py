"""Hostile files, each generated here by a small function, each loaded in a child process
under a time and memory bound (bounded.py): a clear message or the article, never a hang,
a runaway allocation or a traceback."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

import doc_fixtures as fx
from bounded import load_bounded
from reader.document import load_article

PARAGRAPH = "The ferry board said on Tuesday that the landing stage would open in June. "
OPF = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
       '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Ferry</dc:title>'
       '</metadata><manifest>{items}</manifest><spine>{spine}</spine></package>')
CONTAINER = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:'
             'opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf" '
             'media-type="application/oebps-package+xml"/></rootfiles></container>')


def epub(chapters: dict[str, str], spine: list[str], extra_members: int = 0) -> bytes:
    """An EPUB whose manifest holds `chapters` (id -> XHTML body) read in `spine` order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER)
        items = "".join(f'<item id="{key}" href="{key}.xhtml" media-type="application/'
                        f'xhtml+xml"/>' for key in chapters)
        archive.writestr("content.opf", OPF.format(
            items=items, spine="".join(f'<itemref idref="{key}"/>' for key in spine)))
        for key, body in chapters.items():
            archive.writestr(f"{key}.xhtml", '<html xmlns="http://www.w3.org/1999/xhtml" '
                             'xmlns:o="urn:schemas-microsoft-com:office:office" '
                             'xmlns:xi="http://www.w3.org/2001/XInclude">'
                             f"<body>{body}</body></html>")
        for number in range(extra_members):
            archive.writestr(f"extra/{number}.txt", PARAGRAPH)
    return out.getvalue()


def write(tmp_path, name: str, data: bytes | str):
    path = tmp_path / name
    (path.write_bytes if isinstance(data, bytes) else path.write_text)(data)
    return path


def test_spine_listing_one_large_chapter_20000_times(tmp_path):
    chapter = "".join(f"<p>{number}. {PARAGRAPH * 12}</p>" for number in range(1000))
    data = epub({"c": chapter}, ["c"] * 20_000)
    assert len(data) < 200_000 and len(chapter) > 900_000
    result = load_bounded(write(tmp_path, "repeat.epub", data), seconds=60, memory_mb=1500)
    assert result["text"].count("0. The ferry board") == 100  # 0., 10., …, 990. once each
    assert result["peak_mb"] < 1000


def test_epub_with_ten_thousand_members_is_refused_at_once(tmp_path):
    data = epub({"c": f"<p>{PARAGRAPH}</p>"}, ["c"], extra_members=10_000)
    result = load_bounded(write(tmp_path, "many.epub", data), seconds=20)
    assert "holds more than 2,000 files" in result["error"]


def test_epub_with_a_thousand_small_chapters_loads(tmp_path):
    chapters = {f"c{n}": f"<p>Chapter {n}. {PARAGRAPH}</p>" for n in range(1000)}
    result = load_bounded(write(tmp_path, "long.epub", epub(chapters, list(chapters))),
                          seconds=60)
    assert "Chapter 999." in result["text"]


def test_epub_listing_too_many_chapters_is_refused(tmp_path):
    chapters = {f"c{n}": f"<p>{n}</p>" for n in range(1500)}
    result = load_bounded(write(tmp_path, "huge.epub", epub(chapters, list(chapters))),
                          seconds=30)
    assert "lists more than 1,000 chapters" in result["error"]


def test_epub_chapter_with_word_and_xinclude_namespaces(tmp_path):
    body = (f"<h1>Ferry</h1><p class='MsoNormal'>{PARAGRAPH}<o:p></o:p></p>"
            "<xi:include href='other.xhtml'/><p>The board met again on Friday.<o:p/></p>")
    article = load_article(write(tmp_path, "word-made.epub", epub({"c": body}, ["c"])))
    assert PARAGRAPH.strip() in article.text
    assert "The board met again on Friday." in article.text


def lying_docx(inflated_bytes: int, declared_bytes: int = 2_000) -> bytes:
    """A Word document whose main part inflates to `inflated_bytes` while its central
    directory entry declares `declared_bytes`."""
    source = zipfile.ZipFile(io.BytesIO(fx.docx_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info, source.read(info))
        with archive.open("word/document.xml", "w", force_zip64=False) as member:
            zeros = bytes(1 << 20)
            for _ in range(inflated_bytes >> 20):
                member.write(zeros)
    data = bytearray(out.getvalue())
    entry = data.rfind(b"PK\x01\x02", 0, data.rfind(b"word/document.xml"))
    struct.pack_into("<I", data, entry + 24, declared_bytes)  # uncompressed size
    return bytes(data)


def test_docx_whose_headers_lie_about_sizes(tmp_path):
    data = lying_docx(384 << 20)
    assert len(data) < 1_000_000
    result = load_bounded(write(tmp_path, "lying.docx", data), seconds=120, memory_mb=1500)
    assert "damaged" in result["error"] or "far more data" in result["error"]
    assert result["peak_mb"] < 300  # python-docx alone inflated the whole member (>384 MB)


def test_docx_member_that_inflates_past_its_declared_size_is_not_trusted(tmp_path):
    from reader.document import zipsafe

    archive = zipsafe.open_zip(lying_docx(4 << 20), "small.docx", "a Word document")
    with pytest.raises(Exception, match="damaged"):
        archive.read("word/document.xml")


def test_doctype_with_a_megabyte_of_unclosed_subsets(tmp_path):
    page = "<!DOCTYPE a [" * 80_000 + f"<article><p>{PARAGRAPH}</p></article>"
    result = load_bounded(write(tmp_path, "doctype.html", page), seconds=20)
    assert PARAGRAPH.strip() in result.get("text", "") or "no article text" in result["error"]


def test_internal_subset_scan_is_linear():
    from reader.document.html import without_internal_subset

    page = "<!DOCTYPE a [<!ENTITY x 'lol'>]>\n<p>words</p>"
    assert without_internal_subset(page) == "\n<p>words</p>"
    assert without_internal_subset("<!doctype html><p>[1]</p>") == "<!doctype html><p>[1]</p>"
    assert without_internal_subset("<!DOCTYPE a [<p>x</p>") == "<p>x</p>"
    assert without_internal_subset("<!DOCTYPE a [" * 3) == "<!DOCTYPE a [" * 2


@pytest.mark.parametrize("name, markdown", [
    ("emphasis.md", "*a **b _c __d " * 65_000),  # ~900 KB of emphasis markers
    ("brackets.md", "[a](" * 75_000 + "[" * 300_000),  # ~600 KB of link brackets
    ("stars.md", "Ferry news.\n\n" + "*" * 900_000 + " x"),
])
def test_markdown_made_of_markers(tmp_path, name, markdown):
    result = load_bounded(write(tmp_path, name, markdown), seconds=30)
    assert "text" in result or "error" in result


def test_sixty_megabyte_page_is_refused_before_extraction(tmp_path):
    paragraph = f"<p>{PARAGRAPH * 5}</p>\n"
    page = ("<html><body><article>" + paragraph * (60_000_000 // len(paragraph))
            + "</article></body></html>")
    result = load_bounded(write(tmp_path, "huge.html", page), seconds=30)
    assert "MB of markup" in result["error"]


def test_inlined_images_do_not_count_as_markup(tmp_path):
    image = "data:image/png;base64," + "iVBORw0KGgo" * 1_000_000  # 11 MB
    page = (f"<html><head><title>Ferry</title></head><body><article><img src='{image}'>"
            f"<p>{PARAGRAPH}</p><p>The board met again on Friday to agree on the timetable "
            f"for the summer and the winter.</p></article></body></html>")
    result = load_bounded(write(tmp_path, "singlefile.html", page), seconds=30)
    assert PARAGRAPH.strip() in result["text"]


def owner_password_pdf(algorithm: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(fx.pdf_bytes(
        [[PARAGRAPH, "The board met again on Friday."]]))))
    writer.encrypt(user_password="", owner_password="teacher", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_pdf_with_only_an_owner_password_opens(tmp_path, algorithm):
    article = load_article(write(tmp_path, "owner.pdf", owner_password_pdf(algorithm)))
    assert "The ferry board said on Tuesday" in article.text


ALMOST = ("“We will open in June,” the chair said — “not a day later.” Café owners "
          "welcomed the news. ").encode() * 5


@pytest.mark.parametrize("data, expected", [
    # UTF-8 with four damaged bytes: stays UTF-8, the damage is visible as U+FFFD.
    (ALMOST[:40] + b"\xff\xfe" + ALMOST[40:200] + b"\x80\x81" + ALMOST[200:], True),
    # cp1252 quotes and accents: no well-formed multi-byte sequence at all.
    ("“We will open in June,” the chair said. Café owners cheered.".encode("cp1252"), False),
    # Latin-1 text with one accidental valid pair ("Ã©") among many accents.
    (("Ã© " + "déjà vu à la café crème. " * 10).encode("latin-1"), False),
    # A single damaged byte in a short UTF-8 note with one curly quote each side.
    ("“Open”".encode() + b" \xe9t\xe9 " + "“June”".encode(), True),
])
def test_decision_rule_for_almost_utf8(data, expected):
    from reader.document.decoding import mostly_utf8

    assert mostly_utf8(data) is expected


def test_almost_utf8_article_keeps_its_quotes(tmp_path):
    from reader.document.decoding import decode_text

    data = ALMOST[:40] + b"\xff\xfe" + ALMOST[40:200] + b"\x80\x81" + ALMOST[200:]
    text = decode_text(data, "damaged.txt")
    assert text.count("“") == 10 and "тА" not in text
    assert text.count("\ufffd") == 4
    article = load_article(write(tmp_path, "damaged.txt", data))
    assert "“We will open in June,”" in article.text
