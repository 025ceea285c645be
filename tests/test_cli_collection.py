"""`python -m reader collection FOLDER --csv OUT` on a folder of invented articles,
one of them a bad file (the real model)."""

import csv

import pytest

from reader.cli import main

OFFICIAL = """Bridge Repairs Delayed

The Mill Lane bridge will stay closed until March, the county said on Friday.

“The steel is in worse shape than we thought,” said county engineer Rosa Lind.

Shop owner Mark Penn said the detour had cost him half his trade.
"""

ANONYMOUS = """Bridge Contract Under Scrutiny

Officials familiar with the contract said the repair firm had missed two deadlines.

A person close to the county board said the firm could lose the work.

The county has not commented.
"""

WRITER = """# Mill Lane, Again

The bridge is closed. The detour is long. The shops are empty, and the county's
so-called plan is a fiasco that even its friends cannot defend.
"""


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "saved"
    (root / "county").mkdir(parents=True)
    (root / "official.txt").write_text(OFFICIAL, encoding="utf-8")
    (root / "county" / "anonymous.txt").write_text(ANONYMOUS, encoding="utf-8")
    (root / "county" / "opinion.md").write_text(WRITER, encoding="utf-8")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 not really a Word document")
    (root / "notes.json").write_text("{}", encoding="utf-8")  # not an article format
    return root


def _rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["path"].rsplit("/", 1)[-1]: row for row in csv.DictReader(handle)}


def test_collection_table_with_a_bad_file(folder, tmp_path, capsys):
    out = tmp_path / "table.csv"
    code = main(["collection", str(folder), "--csv", str(out)])
    err = capsys.readouterr().err
    assert code == 1  # one file could not be read; the others are still measured
    rows = _rows(out)
    assert set(rows) == {"official.txt", "anonymous.txt", "opinion.md", "broken.docx"}
    bad = rows["broken.docx"]
    assert bad["error"] and "broken.docx" in bad["error"] and bad["words"] == ""
    assert "broken.docx" in err and "Traceback" not in err
    official, anonymous, opinion = rows["official.txt"], rows["anonymous.txt"], rows["opinion.md"]
    for row in (official, anonymous, opinion):
        assert row["error"] == ""
        assert int(row["words"]) > 20
    assert official["title"] == "Bridge Repairs Delayed"
    assert opinion["title"] == "Mill Lane, Again"
    assert int(official["quotes"]) >= 1 and int(official["sources"]) >= 2
    assert float(official["anonymous share"]) == 0.0
    assert float(anonymous["anonymous share"]) > 0.5
    assert int(opinion["sources"]) == 0 and int(opinion["quotes"]) == 0
    assert float(opinion["framing per 1000 words"]) > float(official["framing per 1000 words"])


def test_a_second_run_reads_every_analysis_from_the_cache(folder, tmp_path, capsys):
    from reader.export.analysed import make_analyzer
    from reader.export.collection import article_files, collection_row

    main(["collection", str(folder), "--csv", str(tmp_path / "first.csv")])
    analyzer = make_analyzer(None)
    rows = [collection_row(p, analyzer) for p in article_files(folder)]
    assert [r.from_cache for r in rows if r.error is None] == [True, True, True]
    assert not analyzer.loaded  # the model was never needed


@pytest.mark.parametrize("name", ["missing", "two\nlines"])
def test_not_a_folder_is_one_line(tmp_path, capsys, name):
    code = main(["collection", str(tmp_path / name), "--csv", str(tmp_path / "t.csv")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "is not a folder" in err
    assert not (tmp_path / "t.csv").exists()
