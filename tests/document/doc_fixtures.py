"""Build small saved-article files of every format, in code, from original text."""

from __future__ import annotations

import io
import plistlib
import zipfile
from email.message import EmailMessage

TITLE = "Harbour Ferry Service to Resume in June"
PARAGRAPHS = [
    "The harbour ferry between Northpoint and the island will run again from the first "
    "week of June, the transport board announced on Tuesday.",
    "Board chair Helen Achterberg said the work had been delayed by storms in January.",
]
QUOTE = "We would rather open late than open a landing stage we are not sure of."


def html_page(url: str = "https://example.org/news/ferry") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{TITLE}</title>"
            f"<link rel='canonical' href='{url}'></head><body><article><h1>{TITLE}</h1>"
            f"{body}<blockquote><p>{QUOTE}</p></blockquote></article></body></html>")


def docx_bytes() -> bytes:
    import docx
    document = docx.Document()
    document.core_properties.title = TITLE
    document.core_properties.author = "Tomas Lindqvist"
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph(PARAGRAPHS[0])
    document.add_heading("Repairs took longer than planned", level=2)
    document.add_paragraph(PARAGRAPHS[1])
    document.add_paragraph(QUOTE, style="Intense Quote")
    document.add_paragraph("The ferry at Northpoint in 2019.", style="Caption")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def epub_bytes(chapters: list[str] | None = None) -> bytes:
    if chapters is None:
        chapters = [
            f"<h1>{TITLE}</h1><p>{PARAGRAPHS[0]}</p>",
            f"<h2>Repairs</h2><p>{PARAGRAPHS[1]}</p><blockquote><p>{QUOTE}</p></blockquote>",
        ]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", (
            '<?xml version="1.0"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="OEBPS/content.opf" '
            'media-type="application/oebps-package+xml"/></rootfiles></container>'))
        items = "".join(f'<item id="c{i}" href="text/ch{i}.xhtml" '
                        f'media-type="application/xhtml+xml"/>' for i in range(len(chapters)))
        # A navigation document and a non-linear note, both in the spine, are not text.
        items += ('<item id="nav" href="nav.xhtml" properties="nav" media-type="application/'
                  'xhtml+xml"/><item id="note" href="note.xhtml" media-type="application/'
                  'xhtml+xml"/>')
        spine = '<itemref idref="nav"/>' + "".join(
            f'<itemref idref="c{i}"/>' for i in range(len(chapters))) + \
            '<itemref idref="note" linear="no"/>'
        archive.writestr("OEBPS/nav.xhtml", "<html><body><nav><ol><li>Contents entry</li>"
                                            "</ol></nav><p>Table of contents</p></body></html>")
        archive.writestr("OEBPS/note.xhtml", "<html><body><p>A pop-up note</p></body></html>")
        archive.writestr("OEBPS/content.opf", (
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{TITLE}</dc:title><dc:creator>Tomas Lindqvist</dc:creator>"
            "<dc:date>2024-03-05T09:30:00Z</dc:date><dc:publisher>The Lakeside Gazette"
            "</dc:publisher></metadata>"
            f"<manifest>{items}</manifest><spine>{spine}</spine></package>"))
        # Written in reverse of the reading order: the order is the spine's.
        for i, chapter in reversed(list(enumerate(chapters))):
            archive.writestr(f"OEBPS/text/ch{i}.xhtml", (
                '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/'
                f'xhtml"><head><title>c{i}</title></head><body>{chapter}</body></html>'))
    return out.getvalue()


def pdf_bytes(pages: list[list[str]], title: str | None = TITLE) -> bytes:
    """A minimal PDF, one Helvetica text line per entry, top to bottom."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        stream = "BT /F1 11 Tf 14 TL 72 760 Td " + " ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*"
            for line in lines) + " ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    info = None
    if title:
        objects.append(f"<< /Title ({title}) /Author (Tomas Lindqvist) "
                       f"/CreationDate (D:20240305093000Z) >>")
        info = len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R" + (f" /Info {info} 0 R" if info else "")
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def webarchive_bytes(binary: bool = True) -> bytes:
    archive = {"WebMainResource": {
        "WebResourceData": html_page("").replace("<link rel='canonical' href=''>", "").encode(),
        "WebResourceMIMEType": "text/html", "WebResourceTextEncodingName": "UTF-8",
        "WebResourceURL": "https://example.org/news/ferry-safari", "WebResourceFrameName": ""}}
    return plistlib.dumps(archive, fmt=plistlib.FMT_BINARY if binary else plistlib.FMT_XML)


def mhtml_bytes() -> bytes:
    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "https://example.org/news/ferry-mhtml"
    message["Subject"] = TITLE
    message["MIME-Version"] = "1.0"
    message.make_related()
    page = html_page("").replace("<link rel='canonical' href=''>", "")
    message.add_related(page, subtype="html", cid="<frame-1@mhtml.blink>")
    message.add_related(b"\x89PNG fake", maintype="image", subtype="png", cid="<img-1>")
    return message.as_bytes()


def eml_bytes(html: bool = True) -> bytes:
    message = EmailMessage()
    message["From"] = "Lakeside Gazette <news@example.org>"
    message["To"] = "reader@example.org"
    message["Subject"] = "Morning briefing: ferry returns"
    message["Date"] = "Tue, 05 Mar 2024 09:30:00 +0000"
    message.set_content("\n\n".join(PARAGRAPHS) + "\n")
    if html:
        message.add_alternative(html_page(), subtype="html")
    return message.as_bytes()


MARKDOWN = f"""---
title: {TITLE}
author: Tomas Lindqvist
date: 2024-03-05
---

# {TITLE}

The harbour ferry between *Northpoint* and the island will run again from the **first
week of June**, the [transport board](https://example.org/board) announced on Tuesday.

![The ferry](ferry.jpg)

## Repairs took longer than planned

> {QUOTE}

- Board chair Helen Achterberg said the work had been delayed by storms.
- Tickets will cost the same as last year, she said, and `snake_case` stays.
"""
