"""No text of the research corpora inside the project.

PolNeAR, PTC, BABE and the real saved pages may be read on a developer's machine but never
copied into the project, not even a sentence of one: tests use invented sentences of the
same construction, comments paraphrase. The one allowance is the who-said-what gold's
snippets (at most ten words, the issue's own limit), so a run of more than ten
consecutive words shared with any corpus text fails this test, which names the file, the
line and the words.

The corpora are not shipped, so the test reads them from the paths in POLNEAR_DIR
(PolNeAR's root: train/ and dev/ with text/), FRAMING_DIR (ptc-dev/ and babe-dev/) and
REALPAGES_DIR (with dev/ground-truth.json), and skips when none is set:

    POLNEAR_DIR=PATH/TO/polnear FRAMING_DIR=PATH/TO/framing \\
    REALPAGES_DIR=PATH/TO/realpages .venv/bin/python -m pytest tests/test_no_corpus_text.py
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LONGEST_ALLOWED = 10   # words in a row shared with a corpus text
PROJECT_PARTS = ("reader", "tests", "resources", "scripts", "docs", "samples")
PROJECT_FILES = ("README.md", "CHANGELOG.md")
SUFFIXES = {".py", ".txt", ".md", ".json", ".jsonl", ".tsv", ".csv", ".html", ".toml"}


def words(text: str) -> list[tuple[str, int]]:
    """Each word in lower case with punctuation inside it dropped ("U.S." -> "us",
    "that's" -> "thats"), with the offset where it starts."""
    found = []
    for match in re.finditer(r"\S+", text):
        word = re.sub(r"\W+", "", match.group()).lower()
        if word:
            found.append((word, match.start()))
    return found


def corpus_texts() -> list[str]:
    texts: list[str] = []
    polnear = os.environ.get("POLNEAR_DIR")
    if polnear:
        texts += [p.read_text(errors="replace") for p in Path(polnear).glob("*/text/*.txt")]
    framing = os.environ.get("FRAMING_DIR")
    if framing:
        texts += [p.read_text(errors="replace")
                  for p in Path(framing).glob("ptc-dev/articles/*.txt")]
        for path in Path(framing).glob("babe-dev/*.jsonl"):
            texts += [json.loads(line).get("text", "") for line in path.open() if line.strip()]
    realpages = os.environ.get("REALPAGES_DIR")
    if realpages:
        for path in Path(realpages).glob("*/ground-truth.json"):
            texts += [page["articleBody"] for page in json.loads(path.read_text()).values()]
    return texts


def project_files() -> list[Path]:
    files = [ROOT / name for name in PROJECT_FILES]
    for part in PROJECT_PARTS:
        files += [p for p in (ROOT / part).rglob("*") if p.suffix in SUFFIXES]
    return [p for p in files if p.is_file() and "__pycache__" not in p.parts]


def shared_runs(text: str, windows: set[tuple[str, ...]]) -> list[tuple[int, str]]:
    """Runs of more than LONGEST_ALLOWED words of `text` that a corpus text also has, as
    (offset, the words)."""
    size = LONGEST_ALLOWED + 1
    tokens = words(text)
    covered = [False] * len(tokens)
    for i in range(len(tokens) - size + 1):
        if tuple(w for w, _ in tokens[i:i + size]) in windows:
            covered[i:i + size] = [True] * size
    runs, i = [], 0
    while i < len(tokens):
        if not covered[i]:
            i += 1
            continue
        j = i
        while j < len(tokens) and covered[j]:
            j += 1
        runs.append((tokens[i][1], " ".join(w for w, _ in tokens[i:j])))
        i = j
    return runs


def test_words_drop_inner_punctuation():
    assert [w for w, _ in words("The U.S. attorney's office, he said.")] == \
        ["the", "us", "attorneys", "office", "he", "said"]


def test_a_shared_run_longer_than_the_allowance_is_found():
    corpus = "one two three four five six seven eight nine ten eleven twelve"
    size = LONGEST_ALLOWED + 1
    tokens = [w for w, _ in words(corpus)]
    windows = {tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}
    assert shared_runs("x one two three four five six seven eight nine ten eleven y",
                       windows) == [(2, "one two three four five six seven eight nine ten eleven")]
    assert shared_runs("one two three four five six seven eight nine ten", windows) == []


def test_no_project_file_repeats_more_than_ten_words_of_a_corpus():
    texts = corpus_texts()
    if not texts:
        pytest.skip("no corpus path given (POLNEAR_DIR, FRAMING_DIR, REALPAGES_DIR)")
    size = LONGEST_ALLOWED + 1
    windows: set[tuple[str, ...]] = set()
    for text in texts:
        tokens = [w for w, _ in words(text)]
        windows.update(tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1))
    found = []
    for path in project_files():
        text = path.read_text(errors="replace")
        for offset, run in shared_runs(text, windows):
            line = text.count("\n", 0, offset) + 1
            found.append(f"{path.relative_to(ROOT)}:{line}: {run}")
    assert not found, "corpus text in the project:\n" + "\n".join(found)
