"""Text files decode to the same str whatever encoding they were saved in."""

import codecs

import pytest

from reader.document import ArticleError, load_article

TEXT = ("Café owners on the quay\n\n"
        "“We’re relieved,” said Zoë Brontë, who runs the café — and her naïve crème brûlée "
        "fans agree.\n")


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("cp1252", b""),
])
def test_encodings_give_the_same_text(tmp_path, encoding, prefix):
    path = tmp_path / "cafe.txt"
    path.write_bytes(prefix + TEXT.encode(encoding))
    article = load_article(path)
    assert article.text == TEXT
    assert article.title == "Café owners on the quay"


def test_latin1_text(tmp_path):
    text = "Résumé of the débâcle\n\nThe naïve façade of the café was repainted.\n"
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    assert load_article(path).text == text


def test_bom_is_the_only_change(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    article = load_article(path)
    first = article.blocks[0]
    assert article.text[first.start:first.end] == "Café owners on the quay"
    assert article.text == path.read_bytes()[3:].decode("utf-8")


@pytest.mark.parametrize("data", [
    b"Some text\x00\x01\x02 then binary \xff\xfe\x00\x00 data",
    bytes(range(256)) * 4,
])
def test_binary_under_txt_is_refused(tmp_path, data):
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match="notes.txt.*binary"):
        load_article(path)
