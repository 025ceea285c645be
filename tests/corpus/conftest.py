"""A small corpus on disk: articles in nested folders, in several formats, plus files that
are not articles."""

import pytest

ARTICLES = {
    "a/bridge.txt": "“The new bridge will open in May,” said city engineer Hana Voss.\n\n"
                    "The transport board said the cost had risen by a third.",
    "a/deeper/tunnel.md": "# Tunnel delayed\n\nOfficials familiar with the plan said the "
                          "tunnel was allegedly delayed again.\n\nAccording to the council's "
                          "annual report, ridership fell last year.",
    "b/mayor.html": "<html><head><title>Mayor and the tunnel</title></head><body><article>"
                    "<h1>Mayor and the tunnel</h1><p>Mayor Tomas Ilves called the project a "
                    "“vanity tunnel”.</p><p>He said in a statement that the city would not "
                    "pay for the overrun.</p></article></body></html>",
    "top.txt": "The school board voted on Tuesday. “We had no choice,” said board chair "
               "Lena Park.\n\nThe superintendent allegedly hid the budget report from parents.",
}
NOT_ARTICLES = {"notes.csv": "a,b\n1,2\n", ".hidden.txt": "“Hidden,” he said.",
                "b/image.png": "not really an image"}


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    for name, text in {**ARTICLES, **NOT_ARTICLES}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def article_paths(corpus):
    """The corpus's article files, sorted: what a folder stands for."""
    return sorted(str(corpus / name) for name in ARTICLES)
