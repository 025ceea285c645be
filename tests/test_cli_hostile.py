"""`analyze` with hostile arguments and file names: argparse refuses bad numbers, names are
shown on one line and as valid UTF-8, long texts are analysed with progress on stderr."""

import json
import os
import subprocess
import sys

import pytest

from reader.cli import main

ARTICLE = "Ferry Vote Delayed\n\n“We need another month,” said council chair Imogen Pryce.\n"


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0", "abc", "1e400"])
def test_max_size_must_be_a_positive_finite_number(value, capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    with pytest.raises(SystemExit) as stop:
        main(["analyze", "--no-cache", f"--max-size={value}", str(path)])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "is not a positive number of megabytes" in err and "Traceback" not in err


def run_analyze(*args, env=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "reader", "analyze", "--no-cache", *args],
                          capture_output=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


@pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                    reason="needs a file system that stores any bytes in a name")
def test_file_name_that_is_not_utf8(tmp_path):
    name = os.path.join(os.fsencode(tmp_path), b"report\xff\xfe.txt")
    with open(name, "w", encoding="utf-8") as out:
        out.write(ARTICLE)
    missing = os.path.join(os.fsencode(tmp_path), b"gone\xff.txt")
    done = run_analyze(os.fsdecode(name), os.fsdecode(missing),
                       env={"PYTHONIOENCODING": "utf-8:strict"})
    assert b"Traceback" not in done.stderr
    lines = done.stdout.decode("utf-8").splitlines()  # strict: valid UTF-8 throughout
    records = [json.loads(line) for line in lines]
    assert records[0]["path"].endswith("report\\xff\\xfe.txt") and records[0]["spans"]
    assert records[1]["path"].endswith("gone\\xff.txt") and "does not exist" in records[1]["error"]
    message = done.stderr.decode("utf-8")
    assert message.count("\n") == 1 and "gone\\xff.txt" in message


def test_file_name_with_a_newline_stays_on_one_line(tmp_path):
    missing = tmp_path / "two\nlines\x1b.txt"
    done = run_analyze(str(missing))
    message = done.stderr.decode("utf-8")
    assert done.returncode == 1
    assert message.count("\n") == 1, message
    assert "two\\nlines\\x1b.txt" in message
    record = json.loads(done.stdout)
    assert record["path"] == str(missing)  # in the JSON, the name as given
    assert "\n" not in record["error"]


def test_long_text_is_analysed_with_progress_on_stderr(tmp_path):
    # Long enough to be analysed in chunks (test_chunking checks a text past spaCy's
    # max_length, and one paragraph longer than the largest chunk).
    sentence = "The board met on Tuesday and agreed the timetable for the summer. "
    text = "Long Minutes\n\n" + "\n\n".join(
        [sentence * 20 + "“We will open in June,” said chair Imogen Pryce."] * 40)
    path = tmp_path / "minutes.txt"
    path.write_text(text)
    done = run_analyze("--progress", str(path), timeout=900)
    assert done.returncode == 0, done.stderr[-500:]
    record = json.loads(done.stdout)
    quotes = [s for s in record["spans"] if s["kind"] == "quote"]
    assert len(quotes) == 40
    err = done.stderr.decode("utf-8")
    assert "Analysing" in err and "chars" in err


def test_an_unexpected_failure_is_one_short_sentence():
    from reader.corpus.runner import analysis_failure

    error = ValueError("[E088] Text of length 9900000 exceeds maximum of 1000000. The parser "
                       "and NER models require roughly 1GB of temporary memory per 100,000 "
                       "characters in the input. This means long texts may cause memory "
                       "allocation errors.")
    message = analysis_failure(error)
    assert message == ("The analysis failed on this article (ValueError: [E088] Text of "
                       "length 9900000 exceeds maximum of 1000000).")
