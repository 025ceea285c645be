"""With no trained pipeline installed the reader still works, with reduced attribution."""

import spacy

from reader.document import article_from_text
from reader.provenance.analyzer import Analyzer, ModelError


def _no_models(monkeypatch):
    def refuse(name, *args, **kwargs):
        raise OSError(f"{name} is not installed")

    monkeypatch.setattr(spacy, "load", refuse)


def test_rules_only_pipeline_when_no_model_loads(monkeypatch):
    _no_models(monkeypatch)
    analyzer = Analyzer()
    analyzer.load()
    assert analyzer.reduced
    analysis = analyzer.analyze(article_from_text(
        "The council met on Monday.\n\n“We will appeal the ruling in the spring,” said Dave "
        "Butler."))
    quotes = [s for s in analysis.spans if s.kind == "quote"]
    assert len(quotes) == 1


def test_named_model_that_cannot_load_is_an_error(monkeypatch):
    _no_models(monkeypatch)
    analyzer = Analyzer("en_core_web_lg")
    try:
        analyzer.load()
    except ModelError as error:
        assert "en_core_web_lg" in str(error)
    else:
        raise AssertionError("a named model that cannot load must not fall back silently")
