"""`python -m reader compare A B` on two invented reports with known sources (the real model)."""

import json

from reader.cli import main
from reader.resources_path import comparison_sample, sample_article

FIRST = """Pool Closes for the Summer

The town council voted on Monday to close the Oak Road swimming pool for the summer.

“The pool has lost money for six years,” said Mayor Helen Brandt after the vote.

Tom Keller, a lifeguard at the pool, said the closure would leave children with nowhere to swim.

Officials familiar with the budget said the pool needs a new roof.
"""

SECOND = """Brandt Saves $90,000 by Shutting Oak Road Pool

Mayor Helen Brandt on Monday shut the Oak Road swimming pool for the summer.

“We cannot keep paying for an empty pool,” Brandt said.

“This is a sensible decision,” said Nora Quill, the head of the Oakfield Business Group.
"""


def _run(capsys, *argv):
    code = main(["compare", *map(str, argv)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_compare_prints_the_comparison_as_json(tmp_path, capsys):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    code, out, err = _run(capsys, first, second)
    assert code == 0, err
    record = json.loads(out)
    a, b = record["articles"]
    assert (a["path"], b["path"]) == (str(first), str(second))
    assert a["title"] == "Pool Closes for the Summer"
    shared = [(p["a"]["name"], p["b"]["name"]) for p in record["shared_sources"]]
    assert shared == [("Helen Brandt", "Helen Brandt")]
    assert "Tom Keller" in [s["name"] for s in record["only_in_first"]]
    assert "Nora Quill" in [s["name"] for s in record["only_in_second"]]
    assert [s["type"] for s in a["anonymous_sources"]] == ["anonymous"]
    assert b["anonymous_sources"] == []
    for side in (a, b):
        assert sum(side["words_by_voice"].values()) == side["words"]
        assert side["shares"]["quoted"] > 0 and side["shares"]["writer"] > 0
    assert 0 < record["scale"] <= 1


def test_the_two_shipped_samples_share_their_main_sources(capsys):
    code, out, err = _run(capsys, sample_article(), comparison_sample())
    assert code == 0, err
    record = json.loads(out)
    shared = {p["a"]["name"] for p in record["shared_sources"]}
    assert {"Daniel Ortiz", "Ruth Calder", "Priya Natarajan"} <= shared
    first, second = record["articles"]
    assert first["publisher"] != second["publisher"] or first["title"] != second["title"]


def test_a_file_that_cannot_be_read_is_one_line_and_status_1(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = _run(capsys, sample_article(), empty)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "empty.txt" in err and "Traceback" not in err
