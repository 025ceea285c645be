"""`analyze --dask ADDRESS` on a LocalCluster of two worker processes: exactly the output of
one process, the model loaded once per worker, and a clear message without a scheduler."""

import pytest
from distributed import Client, LocalCluster

from reader.cli import main
from reader.corpus import dask_run


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        yield cluster


def analyze(capsys, *args):
    code = main(["analyze", "--no-cache", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def model_loads(cluster) -> dict:
    def loads():
        from reader.corpus import partitions

        return partitions.loads

    with Client(cluster) as client:
        return client.run(loads)


def test_dask_output_equals_one_process(cluster, corpus, tmp_path, capsys):
    missing = str(corpus / "missing.txt")  # an error keeps its place too
    alone = analyze(capsys, str(corpus), missing)
    on_dask = analyze(capsys, "--dask", cluster.scheduler_address, "--partition-size", "1",
                      str(corpus), missing)
    assert on_dask[:2] == alone[:2]
    assert alone[0] == 1 and len(alone[1].splitlines()) == 5
    # Five partitions on two workers: each worker loaded the model at most once.
    loads = model_loads(cluster)
    assert len(loads) == 2 and set(loads.values()) <= {0, 1} and sum(loads.values()) >= 1

    single, spread = tmp_path / "single", tmp_path / "spread"
    analyze(capsys, str(corpus), "--format", "parquet", "-o", str(single))
    analyze(capsys, "--dask", cluster.scheduler_address, "--partition-size", "2", str(corpus),
            "--format", "parquet", "-o", str(spread))
    for table in ("articles", "claims"):
        files = sorted(p.name for p in (single / table).iterdir())
        assert files == sorted(p.name for p in (spread / table).iterdir())
        for name in files:
            assert _rows(single / table / name) == _rows(spread / table / name)
    assert set(model_loads(cluster).values()) <= {0, 1}


def _rows(path):
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


def test_no_scheduler_is_one_sentence(corpus, capsys, monkeypatch):
    monkeypatch.setattr(dask_run, "CONNECT_TIMEOUT", 1)
    code, out, err = analyze(capsys, "--dask", "tcp://127.0.0.1:9", str(corpus))
    assert code == 2 and out == ""
    assert err.startswith("provenance-reader: No Dask scheduler answers at tcp://127.0.0.1:9")
    assert "Traceback" not in err
