"""`analyze --jobs N`: worker processes give exactly the output of one process, in order."""

import pytest

from reader.cli import main

ARTICLES = [
    "“The new bridge will open in May,” said city engineer Hana Voss.\n\n"
    "The transport board said the cost had risen by a third.",
    "Officials familiar with the plan said the tunnel was allegedly delayed again.\n\n"
    "According to the council's annual report, ridership fell last year.",
    "Mayor Tomas Ilves called the project a “vanity tunnel”.\n\n"
    "He said in a statement that the city would not pay for the overrun.",
]


def _run(capsys, *args):
    code = main(["analyze", "--format", "jsonl", *args])
    return code, capsys.readouterr().out


def test_jobs_2_output_is_identical_to_one_process(tmp_path, capsys):
    paths = []
    for n, text in enumerate(ARTICLES):
        path = tmp_path / f"article{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    paths.insert(1, str(tmp_path / "missing.txt"))  # an error line keeps its place too
    one = _run(capsys, "--no-cache", "--jobs", "1", *paths)
    two = _run(capsys, "--no-cache", "--jobs", "2", "--batch-size", "1", *paths)
    assert one == two
    assert one[0] == 1 and len(one[1].splitlines()) == 4
    # With the cache on, the second run reads every analysis back: still the same output.
    assert _run(capsys, "--jobs", "2", "--batch-size", "1", *paths) == one
    assert _run(capsys, "--jobs", "2", *paths) == one


def test_jobs_must_be_positive(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Text.", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["analyze", "--jobs", "0", str(path)])
    assert stop.value.code == 2
