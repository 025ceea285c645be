"""`analyze --format parquet -o OUT`: an articles table and a claims table that pandas reads
as they are, one row per claim with its text, and resuming an interrupted run."""

import json

import pandas
import pyarrow.parquet as pq

from reader.cli import main
from reader.corpus.tables import ARTICLE_COLUMNS, CLAIM_COLUMNS


def analyze(capsys, *args):
    code = main(["analyze", "--no-cache", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def records_of(capsys, *paths):
    _, out, _ = analyze(capsys, "--format", "jsonl", *paths)
    return {r["path"]: r for r in map(json.loads, out.splitlines())}


def tables(folder):
    articles = pandas.read_parquet(folder / "articles").sort_values("path")
    claims = pandas.read_parquet(folder / "claims").sort_values(["path", "claim_id"])
    return articles.reset_index(drop=True), claims.reset_index(drop=True)


def test_one_row_per_article_and_one_per_claim(corpus, article_paths, tmp_path, capsys):
    out = tmp_path / "tables"
    missing = str(corpus / "missing.txt")
    code, printed, _ = analyze(capsys, str(corpus), missing, "--format", "parquet", "-o",
                               str(out))
    assert code == 1 and printed == ""  # the missing file fails, the others are written
    articles, claims = tables(out)
    assert list(articles.columns) == list(ARTICLE_COLUMNS)
    assert list(claims.columns) == list(CLAIM_COLUMNS)
    assert sorted(articles["path"]) == sorted([*article_paths, missing])
    failed = articles[articles["path"] == missing].iloc[0]
    assert failed["error"]
    assert pandas.isna(failed["words"])
    records = records_of(capsys, *article_paths)
    assert len(claims) == sum(len(r["claims"]) for r in records.values())
    unattributed = 0
    for row in pq.read_table(out / "claims").to_pylist():  # values as Python has them
        record = records[row["path"]]
        claim = next(c for c in record["claims"] if c["id"] == row["claim_id"])
        text = record["text"]
        assert row["kind"] == claim["kind"]
        assert [[p["start"], p["end"]] for p in row["content_spans"]] == claim["content"]
        assert row["content"] == " … ".join(text[s:e] for s, e in claim["content"])
        assert (row["start"], row["end"]) == (claim["content"][0][0], claim["content"][-1][1])
        cue = claim["cue_span"]
        assert row["cue"] == (text[cue[0]:cue[1]] if cue else None)
        assert [row["cue_start"], row["cue_end"]] == (cue or [None, None])
        source = next((s for s in record["sources"] if s["id"] == claim["source"]), None)
        unattributed += source is None
        assert row["source_name"] == (source["name"] if source else None)
        assert row["source_type"] == (source["type"] if source else None)
        assert (row["title"], row["date"], row["publisher"]) == \
            (record["title"], record["date"], record["publisher"])
    assert unattributed  # "allegedly": a claim with no source has a row too
    for row in pq.read_table(out / "articles").to_pylist():
        if row["path"] == missing:
            continue
        record = records[row["path"]]
        assert row["error"] is None and row["title"] == record["title"]
        assert row["claims"] == len(record["claims"])
        assert row["quote_spans"] == sum(s["kind"] == "quote" for s in record["spans"])
        assert row["words"] > 0 and row["model"].startswith("en_")


def test_an_interrupted_run_is_resumed(corpus, article_paths, tmp_path, capsys):
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    analyze(capsys, str(corpus), "--format", "parquet", "-o", str(whole))
    # The first run covers two articles; a crash left a claims part without its articles.
    analyze(capsys, *article_paths[:2], "--format", "parquet", "-o", str(resumed))
    orphan = resumed / "claims" / "part-00007.parquet"
    orphan.write_bytes((resumed / "claims" / "part-00000.parquet").read_bytes())
    code, _, err = analyze(capsys, str(corpus), "--format", "parquet", "-o", str(resumed),
                           "--part-size", "1")
    assert code == 0
    assert "2 of 4 articles are already in" in err
    assert not orphan.exists()
    assert sorted(p.name for p in (resumed / "articles").iterdir()) == [
        "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    got, want = tables(resumed), tables(whole)
    pandas.testing.assert_frame_equal(got[0], want[0])
    pandas.testing.assert_frame_equal(got[1], want[1])


def test_output_that_is_a_file_is_refused(corpus, tmp_path, capsys):
    target = tmp_path / "file.parquet"
    target.write_text("x", encoding="utf-8")
    code, _, err = analyze(capsys, str(corpus), "--format", "parquet", "-o", str(target))
    assert code == 2 and "writes a folder" in err
    assert target.read_text(encoding="utf-8") == "x"


def test_a_table_with_other_columns_is_not_resumed(corpus, article_paths, tmp_path, capsys):
    """Parts with two sets of columns would be read with the first part's, silently losing
    the others: a table written by another version is refused, in one sentence."""
    out = tmp_path / "tables"
    analyze(capsys, article_paths[0], "--format", "parquet", "-o", str(out))
    part = next((out / "articles").glob("*.parquet"))
    pq.write_table(pq.read_table(part).drop(["language", "english", "analysed"]), part)
    code, printed, err = analyze(capsys, *article_paths, "--format", "parquet", "-o", str(out))
    assert code == 2 and printed == ""
    assert "other columns" in err and "write to a new folder" in err
    assert "Traceback" not in err
    assert len(list((out / "articles").glob("*.parquet"))) == 1  # nothing written
