"""Every saved-article format loads into the same kind of Article."""

import io
import zipfile

import pytest

import doc_fixtures as fx
from reader.document import ArticleError, load_article


def blocks(article):
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def save(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_docx_styles_and_properties(tmp_path):
    article = load_article(save(tmp_path, "ferry.docx", fx.docx_bytes()))
    assert article.format == "docx"
    assert blocks(article) == [
        ("heading", fx.TITLE), ("paragraph", fx.PARAGRAPHS[0]),
        ("heading", "Repairs took longer than planned"), ("paragraph", fx.PARAGRAPHS[1]),
        ("blockquote", fx.QUOTE), ("caption", "The ferry at Northpoint in 2019."),
    ]
    assert (article.title, article.byline) == (fx.TITLE, "Tomas Lindqvist")


def test_epub_follows_spine_and_reads_opf_metadata(tmp_path):
    article = load_article(save(tmp_path, "ferry.epub", fx.epub_bytes()))
    assert article.format == "epub"
    assert blocks(article) == [
        ("heading", fx.TITLE), ("paragraph", fx.PARAGRAPHS[0]), ("heading", "Repairs"),
        ("paragraph", fx.PARAGRAPHS[1]), ("blockquote", fx.QUOTE),
    ]
    assert article.metadata() == {"title": fx.TITLE, "byline": "Tomas Lindqvist",
                                  "date": "2024-03-05", "publisher": "The Lakeside Gazette",
                                  "url": None, "date_source": "the book's metadata"}


def test_epub_recognised_without_extension(tmp_path):
    assert load_article(save(tmp_path, "download", fx.epub_bytes())).format == "epub"


def test_pdf_paragraphs_hyphenation_and_running_lines(tmp_path):
    pages = [
        ["Lakeside Gazette - March 2024",
         "The harbour ferry will run again from the first week of June, the board said",
         "on Tuesday, after a winter of repairs to the landing stage that were de-",
         "layed by storms.", "1"],
        ["Lakeside Gazette - March 2024",
         "Board chair Helen Achterberg said engineers had found more damage than the",
         "board expected when the piles were first inspected in the autumn.", "Page 2 of 3"],
        ["Lakeside Gazette - March 2024",
         "Tickets will cost the same as last year, the board said in its statement to",
         "the island council on Tuesday evening.", "- 3 -"],
    ]
    article = load_article(save(tmp_path, "ferry.pdf", fx.pdf_bytes(pages)))
    assert article.format == "pdf"
    texts = [text for _, text in blocks(article)]
    assert texts[0] == fx.TITLE
    assert texts[1] == ("The harbour ferry will run again from the first week of June, the "
                        "board said on Tuesday, after a winter of repairs to the landing stage "
                        "that were delayed by storms.")
    assert texts[2].startswith("Board chair Helen Achterberg")
    assert "Lakeside Gazette - March" not in article.text
    assert "Page 2" not in article.text and "- 3 -" not in article.text
    assert article.byline == "Tomas Lindqvist" and article.date == "2024-03-05"


def test_pdf_converter_title_is_ignored(tmp_path):
    data = fx.pdf_bytes([["The ferry returns in June, the board said."]],
                        title="Microsoft Word - ferry_draft3.docx")
    article = load_article(save(tmp_path, "ferry.pdf", data))
    assert article.title is None
    assert article.text == "The ferry returns in June, the board said."


def test_random_bytes_named_pdf(tmp_path):
    path = save(tmp_path, "scan.pdf", bytes(range(7, 250)) * 20)
    with pytest.raises(ArticleError, match="scan.pdf.* not a readable PDF"):
        load_article(path)


def test_truncated_pdf(tmp_path):
    data = fx.pdf_bytes([["A line of text on the page."]])
    path = save(tmp_path, "cut.pdf", data[: len(data) // 3])
    with pytest.raises(ArticleError, match="cut.pdf"):
        load_article(path)


@pytest.mark.parametrize("binary", [True, False])
def test_safari_webarchive(tmp_path, binary):
    article = load_article(save(tmp_path, "ferry.webarchive", fx.webarchive_bytes(binary)))
    assert article.format == "webarchive"
    assert article.url == "https://example.org/news/ferry-safari"
    assert ("blockquote", fx.QUOTE) in blocks(article)


def test_mhtml(tmp_path):
    article = load_article(save(tmp_path, "ferry.mhtml", fx.mhtml_bytes()))
    assert article.format == "mhtml"
    assert article.title == fx.TITLE
    assert article.url == "https://example.org/news/ferry-mhtml"
    assert ("blockquote", fx.QUOTE) in blocks(article)


def test_mhtml_recognised_by_content(tmp_path):
    assert load_article(save(tmp_path, "ferry.txt", fx.mhtml_bytes())).format == "mhtml"


def test_eml_prefers_html_part(tmp_path):
    article = load_article(save(tmp_path, "briefing.eml", fx.eml_bytes()))
    assert article.format == "eml"
    assert ("blockquote", fx.QUOTE) in blocks(article)
    assert article.title == "Morning briefing: ferry returns"
    assert article.byline == "Lakeside Gazette"
    assert article.date == "2024-03-05"


def test_eml_plain_text_part(tmp_path):
    article = load_article(save(tmp_path, "briefing.eml", fx.eml_bytes(html=False)))
    assert [text for _, text in blocks(article)] == fx.PARAGRAPHS
    assert [kind for kind, _ in blocks(article)] == ["paragraph", "paragraph"]
    assert article.title == "Morning briefing: ferry returns"


def test_markdown_structure_and_inline_markup(tmp_path):
    (tmp_path / "ferry.jpg").write_bytes(b"not really a jpeg")
    article = load_article(save(tmp_path, "ferry.md", fx.MARKDOWN))
    assert article.format == "markdown"
    assert blocks(article) == [
        ("heading", fx.TITLE),
        ("paragraph", "The harbour ferry between Northpoint and the island will run again "
                      "from the first week of June, the transport board announced on "
                      "Tuesday."),
        ("heading", "Repairs took longer than planned"),
        ("blockquote", fx.QUOTE),
        ("paragraph", "Board chair Helen Achterberg said the work had been delayed by storms."),
        ("paragraph", "Tickets will cost the same as last year, she said, and snake_case "
                      "stays."),
    ]
    assert (article.title, article.byline, article.date) == (
        fx.TITLE, "Tomas Lindqvist", "2024-03-05")
    assert article.images == [str((tmp_path / "ferry.jpg").resolve())]


def test_markdown_setext_heading_and_nested_quote(tmp_path):
    text = ("Ferry news\n==========\n\n> > Deeply quoted words here.\n\nPlain closing line."
            "\n\n[board]: https://example.org/board\n")
    article = load_article(save(tmp_path, "note.markdown", text))
    assert blocks(article) == [("heading", "Ferry news"),
                               ("blockquote", "Deeply quoted words here."),
                               ("paragraph", "Plain closing line.")]


def zip_with(members: dict, compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("name", ["bomb.epub", "bomb.docx"])
def test_zip_bomb_is_refused_before_unpacking(tmp_path, name):
    members = {"mimetype": "application/epub+zip", "META-INF/container.xml": "<x/>",
               "word/document.xml": b"\0" * 80_000_000}
    path = save(tmp_path, name, zip_with(members))
    with pytest.raises(ArticleError, match=f"{name}.*far more data"):
        load_article(path)


def test_member_read_is_capped_whatever_the_header_says():
    from reader.document import zipsafe
    archive = zipsafe.open_zip(fx.epub_bytes(), "ferry.epub", "an EPUB book")
    with pytest.raises(ArticleError, match="far more data"):
        archive.read("OEBPS/content.opf", limit=10)


@pytest.mark.parametrize("name, data", [
    ("cut.epub", fx.epub_bytes()[:300]),
    ("cut.docx", fx.docx_bytes()[:500]),
    ("noise.docx", bytes(range(256)) * 8),
])
def test_truncated_or_corrupt_archives(tmp_path, name, data):
    with pytest.raises(ArticleError, match=f"{name}"):
        load_article(save(tmp_path, name, data))


def test_epub_missing_package_document(tmp_path):
    data = zip_with({"mimetype": "application/epub+zip",
                     "META-INF/container.xml": '<container xmlns="urn:oasis:names:tc:'
                     'opendocument:xmlns:container"><rootfiles><rootfile full-path="a.opf"/>'
                     '</rootfiles></container>'}, compression=zipfile.ZIP_STORED)
    with pytest.raises(ArticleError, match="book.epub.*“a.opf” is missing"):
        load_article(save(tmp_path, "book.epub", data))


def test_epub_with_entity_expansion_in_package(tmp_path):
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    archive = zipfile.ZipFile(io.BytesIO(fx.epub_bytes()))
    members = {info.filename: archive.read(info) for info in archive.infolist()}
    members["OEBPS/content.opf"] = members["OEBPS/content.opf"].replace(
        b"<package", f"<!DOCTYPE package [{entities}]><package".encode(), 1).replace(
        b"Tomas Lindqvist", b"&i;")
    path = save(tmp_path, "laughs.epub", zip_with(members, zipfile.ZIP_STORED))
    try:
        article = load_article(path)
    except ArticleError as error:
        assert "laughs.epub" in str(error)
    else:
        assert len(article.byline or "") < 1000
