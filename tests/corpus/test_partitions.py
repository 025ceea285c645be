"""The function a distributed engine runs per partition (Spark's mapPartitions, Dask's
map) gives the rows a one-process run writes."""

import pyarrow.parquet as pq

from reader.cli import main
from reader.corpus import partitions


def test_partition_rows_are_the_parquet_rows(corpus, article_paths, tmp_path, capsys):
    main(["analyze", "--no-cache", str(corpus), "--format", "parquet", "-o", str(tmp_path)])
    capsys.readouterr()
    pairs = list(partitions.partition_rows(iter(article_paths), cache=False))
    for table in ("articles", "claims"):
        assert [row for name, row in pairs if name == table] == \
            pq.read_table(tmp_path / table).to_pylist()
    # The analyser is kept for the next partition: one model load in this process.
    loads = partitions.loads
    list(partitions.partition_rows(article_paths[:1], cache=False))
    assert partitions.loads == loads
