"""Installed English pipelines are listed without loading them; the rules-only pipeline runs."""

import sys

from reader.provenance import pipelines
from reader.provenance.pipelines import (DEFAULT_MODEL, REDUCED_ATTRIBUTION_NOTICE,
                                      installed_pipelines, rules_only_pipeline)


def test_the_default_pipeline_is_listed_first():
    assert installed_pipelines()[0] == DEFAULT_MODEL


def test_listing_loads_no_pipeline():
    sys.modules.pop(DEFAULT_MODEL, None)
    installed_pipelines()
    assert DEFAULT_MODEL not in sys.modules


def test_known_pipelines_in_preference_order_then_others(monkeypatch):
    fake_langs = {"en_core_web_lg": "en", "en_core_web_sm": "en", DEFAULT_MODEL: "en",
                  "de_core_news_sm": "de", "en_core_sci_sm": "en", "en_broken": None}
    monkeypatch.setattr(pipelines, "_registered_pipelines",
                        lambda: ["de_core_news_sm", "en_core_sci_sm", "en_broken"])
    monkeypatch.setattr(pipelines, "pipeline_meta",
                        lambda name: {"lang": fake_langs[name]} if fake_langs.get(name) else {})
    assert installed_pipelines() == [DEFAULT_MODEL, "en_core_web_sm", "en_core_web_lg",
                                     "en_core_sci_sm"]


def test_nothing_installed_gives_an_empty_list(monkeypatch):
    monkeypatch.setattr(pipelines, "_registered_pipelines", lambda: [])
    monkeypatch.setattr(pipelines, "pipeline_meta", lambda name: {})
    assert installed_pipelines() == []


def test_a_package_that_is_not_a_pipeline_is_not_listed():
    assert pipelines.pipeline_meta("json") == {}
    assert pipelines.pipeline_meta("no_such_package_xyz") == {}
    assert pipelines.installed_model("no_such_package_xyz") == "no_such_package_xyz"
    assert pipelines.installed_model(DEFAULT_MODEL) == f"{DEFAULT_MODEL}==3.8.0"


def test_rules_only_pipeline_splits_sentences_without_a_parse():
    nlp = rules_only_pipeline()
    assert nlp.pipe_names == ["sentencizer"]
    assert nlp.meta["lang"] == "en" and nlp.meta["name"] == pipelines.RULES_ONLY_NAME
    doc = nlp("The mayor spoke. “We will reopen,” she said.")
    assert len(list(doc.sents)) == 2
    assert not doc.has_annotation("DEP")


def test_the_provenance_components_run_on_the_rules_only_pipeline():
    import reader.provenance.components  # noqa: F401  (registers the factories)

    nlp = rules_only_pipeline()
    nlp.add_pipe("provenance_quotes")
    nlp.add_pipe("provenance_attribution")
    doc = nlp("The harbour opened on Sunday.\n\n“Every child should see this,” said Lena Brooks.")
    kinds = {span.kind for span in doc._.provenance.spans}
    assert "quote" in kinds


def test_the_notice_says_plainly_what_is_missing():
    assert REDUCED_ATTRIBUTION_NOTICE == (
        "Attribution is reduced: no trained language model could be loaded.")
