"""Saving corrections: per article text, atomically, across restarts, re-anchored."""

import json
import os

import pytest

from reader.corrections import (
    AddSpan, Anchor, ChangeKind, CorrectionError, CorrectionHistory, CorrectionStore, MergeSources,
    ReassignClaim, RemoveSpan, SourceRef, export_corrections, import_corrections, text_key,
)
from reader.corrections import store as store_module

from correction_fixtures import TEXT, make_analysis


def span_of(analysis, text, phrase):
    start = text.index(phrase)
    return next(s for s in analysis.spans if (s.start, s.end) == (start, start + len(phrase)))


def some_corrections(analysis, text):
    return [
        ChangeKind.of(text, span_of(analysis, text, "the plan a disgrace"), "quote"),
        ReassignClaim.of(text, analysis.claim("c4"), SourceRef.create("Budget office", "organization")),
        RemoveSpan.of(text, span_of(analysis, text, "so-called")),
        AddSpan.of(text, text.index("Critics"), text.index("Critics") + 7, "framing"),
    ]


def test_default_location_is_the_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.setattr("platformdirs.user_data_path",
                        lambda name, appauthor=None: tmp_path / f"{name}-{appauthor}")
    store = CorrectionStore()
    assert store.path_for("abc") == (tmp_path / "ProvenanceReader-False" / "corrections"
                                     / f"{text_key('abc')}.json")


def test_persists_across_restart(tmp_path):
    analysis, text = make_analysis(), TEXT
    history = CorrectionHistory(analysis)
    store = CorrectionStore(tmp_path)
    history.on_change = lambda: store.save(text, history.corrections, title="Council")
    for correction in some_corrections(analysis, text):
        assert history.push(correction)
    saved = json.loads(store.path_for(text).read_text(encoding="utf-8"))
    assert saved["format"] == "provenance-reader-corrections" and saved["version"] == 1
    assert saved["article"]["sha256"] == text_key(text)

    loaded = CorrectionStore(tmp_path).load(text)  # a new app, the same folder
    assert not loaded.dropped and not loaded.reanchored
    reopened = CorrectionHistory(analysis, loaded.corrections)
    assert reopened.analysis.to_dict() == history.analysis.to_dict()
    reopened.undo()  # what was restored can be undone
    assert reopened.corrections == loaded.corrections[:-1]


def test_no_corrections_left_removes_the_file(tmp_path):
    analysis, text = make_analysis(), TEXT
    store = CorrectionStore(tmp_path)
    store.save(text, some_corrections(analysis, text)[:1])
    assert store.path_for(text).is_file()
    store.save(text, [])
    assert not store.path_for(text).exists()
    assert store.load(text).corrections == []


def test_other_text_has_no_corrections(tmp_path):
    analysis, text = make_analysis(), TEXT
    store = CorrectionStore(tmp_path)
    store.save(text, some_corrections(analysis, text))
    assert store.load(text + " more").corrections == []


@pytest.mark.parametrize("failing", ["replace", "write", "fsync"])
def test_interrupted_save_keeps_the_previous_file(tmp_path, monkeypatch, failing):
    analysis, text = make_analysis(), TEXT
    store = CorrectionStore(tmp_path)
    store.save(text, some_corrections(analysis, text)[:1])
    previous = store.path_for(text).read_bytes()

    def crash(*args, **kwargs):
        raise OSError("disk gone")

    if failing == "write":
        class Crashing:  # the temp file breaks after half the data
            def __init__(self, real):
                self.real, self.name = real, real.name

            def write(self, data):
                self.real.write(data[: len(data) // 2])
                raise OSError("disk full")

            def __getattr__(self, name):
                return getattr(self.real, name)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.real.close()

        real = store_module.tempfile.NamedTemporaryFile
        monkeypatch.setattr(store_module.tempfile, "NamedTemporaryFile",
                            lambda *a, **k: Crashing(real(*a, **k)))
    else:
        monkeypatch.setattr(store_module.os, failing, crash)
    with pytest.raises(OSError):
        store.save(text, some_corrections(analysis, text))
    monkeypatch.undo()
    assert store.path_for(text).read_bytes() == previous
    left = [p.name for p in tmp_path.iterdir() if p.name != store_module.LOCK_NAME]
    assert left == [store.path_for(text).name]  # no temp left
    assert len(store.load(text).corrections) == 1


def test_a_damaged_file_is_ignored(tmp_path):
    text = TEXT
    store = CorrectionStore(tmp_path)
    store.path_for(text).parent.mkdir(parents=True, exist_ok=True)
    store.path_for(text).write_text("{not json", encoding="utf-8")
    assert store.load(text).corrections == []


def edited(text):
    """The same article saved again: a new first line, a changed word, a removed clause."""
    return ("Updated 27 November.\n\n" + text).replace("too much", "far too much").replace(
        "Critics called", "Critics then called")


def test_reanchoring_after_the_text_changed():
    analysis, text = make_analysis(), TEXT
    corrections = some_corrections(analysis, text)
    new_text = edited(text)
    moved = [c.reanchored(new_text) for c in corrections]
    change, reassign, remove, add = moved
    assert new_text[change.span.start:change.span.end] == "the plan a disgrace"
    assert new_text[reassign.claim.start:reassign.claim.end] == "savings are tiny"
    assert new_text[remove.span.start:remove.span.end] == "so-called"
    assert new_text[add.span.start:add.span.end] == "Critics"


def test_words_that_are_gone_drop_their_correction():
    analysis, text = make_analysis(), TEXT
    change = ChangeKind.of(text, span_of(analysis, text, "the branch costs too much"), "quote")
    assert change.reanchored(edited(text)) is None


def test_anchor_prefers_the_occurrence_with_the_same_context():
    old = "He said no. Then she said no, twice."
    anchor = Anchor.at(old, old.index("said no, twice") , old.index("said no, twice") + 7)
    new = "Before. He said no. Later she said no, twice."
    moved = anchor.locate(new)
    assert new[moved.start:moved.end + 7] == "said no, twice"


def test_anchor_does_not_jump_far():
    old = "x" * 10 + "target" + "y" * 10
    anchor = Anchor.at(old, 10, 16)
    assert anchor.locate("z" * 100_000 + "target") is None


def test_store_reanchors_an_earlier_version_of_the_same_file(tmp_path):
    analysis, text = make_analysis(), TEXT
    store = CorrectionStore(tmp_path)
    corrections = some_corrections(analysis, text)
    store.save(text, corrections, path=str(tmp_path / "article.txt"))
    loaded = store.load(edited(text), path=str(tmp_path / "article.txt"))
    assert loaded.reanchored and len(loaded.corrections) == 4 and not loaded.dropped
    assert store.load(edited(text), path=str(tmp_path / "other.txt")).corrections == []


def test_export_and_import(tmp_path):
    analysis, text = make_analysis(), TEXT
    out = tmp_path / "shared.json"
    corrections = some_corrections(analysis, text) + [
        MergeSources.of(analysis.source("src1"), analysis.source("src2"))]
    export_corrections(out, text, corrections, title="Council")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["corrections"]) == 5
    same = import_corrections(out, text)
    assert same.corrections == corrections and not same.reanchored
    changed = import_corrections(out, edited(text))
    assert changed.reanchored and len(changed.corrections) == 5


@pytest.mark.parametrize("content", [
    "[]", "{not json", json.dumps({"format": "other", "version": 1, "corrections": []}),
    json.dumps({"format": "provenance-reader-corrections", "version": 99, "corrections": []}),
    json.dumps({"format": "provenance-reader-corrections", "version": 1,
                "corrections": [{"op": "explode"}]}),
])
def test_import_rejects_what_is_not_a_corrections_file(tmp_path, content):
    text = TEXT
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorrectionError):
        import_corrections(path, text)


def test_atomic_write_fsyncs_before_replacing(tmp_path, monkeypatch):
    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(store_module.os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd)))
    monkeypatch.setattr(store_module.os, "replace",
                        lambda a, b: (calls.append("replace"), real_replace(a, b)))
    store_module.atomic_write_text(tmp_path / "f.json", "{}")
    assert calls[:2] == ["fsync", "replace"]
