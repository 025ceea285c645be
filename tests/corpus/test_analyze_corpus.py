"""`python -m reader analyze` over a corpus: folders and globs, resuming, the progress bar,
JSON Lines to a file; the JSON of one article is unchanged."""

import json

import pytest

from reader.cli import main


def run(capsys, *args):
    code = main(["analyze", "--no-cache", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def lines(text):
    return [json.loads(line) for line in text.splitlines()]


def test_a_folder_is_read_recursively_for_every_article_format(corpus, article_paths, capsys):
    code, out, _ = run(capsys, str(corpus))
    assert code == 0
    records = lines(out)
    assert [r["path"] for r in records] == article_paths
    assert all(r["claims"] for r in records)
    assert next(r for r in records if r["path"].endswith("mayor.html"))["title"] == \
        "Mayor and the tunnel"


def test_each_record_is_the_json_of_that_article_alone(corpus, capsys):
    _, out, _ = run(capsys, str(corpus))
    for record in lines(out):
        code, single, _ = run(capsys, record["path"])
        assert code == 0
        assert json.loads(single) == record  # one path: the indented object of docs/design.md §3


def test_globs_are_expanded_recursively(corpus, capsys):
    code, out, _ = run(capsys, str(corpus / "**" / "*.txt"))
    assert code == 0
    assert [r["path"] for r in lines(out)] == [str(corpus / "a/bridge.txt"),
                                               str(corpus / "top.txt")]
    # A folder named twice, or by a folder and a glob, is analysed once.
    _, out, _ = run(capsys, str(corpus / "a"), str(corpus / "a" / "*.txt"))
    assert len(lines(out)) == 2


def test_a_glob_that_matches_nothing_is_reported(corpus, capsys):
    code, out, err = run(capsys, str(corpus / "*.docx"), str(corpus / "top.txt"))
    assert code == 1
    assert "*.docx: no article file matches this." in err
    assert [r["path"] for r in lines(out)] == [str(corpus / "top.txt")]


def test_jsonl_output_file_is_resumed(corpus, article_paths, tmp_path, capsys):
    output = tmp_path / "out.jsonl"
    first = [str(corpus / "top.txt"), str(corpus / "a" / "bridge.txt")]
    assert run(capsys, *first, "-o", str(output))[0] == 0
    assert [r["path"] for r in lines(output.read_text(encoding="utf-8"))] == first
    # A run stopped while writing leaves half a line: it is dropped, and that article redone.
    with open(output, "a", encoding="utf-8") as file:
        file.write('{"path": "' + str(corpus / "b" / "mayor.html") + '", "te')
    code, out, err = run(capsys, str(corpus), "-o", str(output))
    assert code == 0 and out == ""
    assert "2 of 4 articles are already in" in err
    records = lines(output.read_text(encoding="utf-8"))
    assert sorted(r["path"] for r in records) == article_paths
    # Everything is there: a third run analyses nothing.
    code, _, err = run(capsys, str(corpus), "-o", str(output))
    assert "4 of 4 articles are already in" in err
    assert len(lines(output.read_text(encoding="utf-8"))) == 4


def test_json_to_a_file_is_the_contract(corpus, tmp_path, capsys):
    output = tmp_path / "one.json"
    path = str(corpus / "top.txt")
    assert run(capsys, path, "-o", str(output))[0] == 0
    _, printed, _ = run(capsys, path)
    assert json.loads(output.read_text(encoding="utf-8")) == json.loads(printed)


def test_progress_bar_on_stderr(corpus, capsys):
    code, out, err = run(capsys, str(corpus), "--progress")
    assert code == 0 and len(lines(out)) == 4
    assert "4/4" in err and "article" in err
    # Off unless asked for when standard error is not a terminal.
    assert "4/4" not in run(capsys, str(corpus))[2]


def test_parquet_needs_an_output_folder(corpus, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["analyze", "--format", "parquet", str(corpus)])
    assert stop.value.code == 2
    assert "-o OUT" in capsys.readouterr().err
