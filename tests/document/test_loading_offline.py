"""Loading never touches the network, whatever URLs the saved files mention."""

import socket

import pytest

import doc_fixtures as fx
from reader.document import load_article

SAMPLES = {
    "page.html": fx.html_page().replace("<h1>", "<img src='https://cdn.example.org/a.jpg'><h1>"),
    "page.txt": "Ferry returns\n\nThe board said on Tuesday that https://example.org has news.\n",
    "page.md": fx.MARKDOWN.replace("ferry.jpg", "https://cdn.example.org/ferry.jpg"),
    "page.docx": fx.docx_bytes(),
    "page.epub": fx.epub_bytes(),
    "page.pdf": fx.pdf_bytes([["The ferry returns in June, the board said on Tuesday."]]),
    "page.webarchive": fx.webarchive_bytes(),
    "page.mhtml": fx.mhtml_bytes(),
    "page.eml": fx.eml_bytes(),
}


@pytest.fixture
def connections(monkeypatch):
    attempts = []

    def record(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access attempted during loading")

    monkeypatch.setattr(socket.socket, "connect", record)
    monkeypatch.setattr(socket.socket, "connect_ex", record)
    monkeypatch.setattr(socket, "create_connection", record)
    monkeypatch.setattr(socket, "getaddrinfo", record)
    return attempts


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_no_connection_is_made(tmp_path, connections, name):
    path = tmp_path / name
    data = SAMPLES[name]
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    article = load_article(path)
    assert article.text.strip()
    assert connections == []
