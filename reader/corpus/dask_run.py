"""`analyze --dask ADDRESS`: the corpus cut into partitions of files, each analysed on a
worker of a Dask cluster (reader.corpus.partitions.analyze_partition), the results written
here by the same sinks as a one-process run, in the same order.

Start a cluster with one single-threaded worker process per core, e.g.

    dask scheduler                                   # prints tcp://HOST:8786
    dask worker tcp://HOST:8786 --nworkers 4 --nthreads 1 --memory-limit 1GiB

Each worker process loads the model once, for its first partition.
"""

from __future__ import annotations

from collections.abc import Iterator

from reader.corpus.runner import Outcome

# Files per partition: enough for nlp.pipe's batches, small enough to spread the work.
PARTITION_SIZE = 32
CONNECT_TIMEOUT = 10  # seconds


class DaskUnavailable(Exception):
    """dask.distributed is not installed, or no scheduler answers at the address."""


def run_on_dask(address, paths: list[str], *, model_name: str | None = None,
                max_chars: int, cache: bool = True, batch_size: int = 8,
                partition_size: int = PARTITION_SIZE, rows: bool = True,
                english_anyway: bool = False) -> Iterator[Outcome]:
    """Outcomes in the order of `paths`. `address` is a scheduler address or a
    distributed.Client (or anything Client accepts, such as a LocalCluster)."""
    try:
        from distributed import Client
    except ImportError:
        raise DaskUnavailable("--dask needs dask.distributed: pip install "
                              "'provenance-reader[scale]'.") from None
    from reader.corpus.partitions import analyze_partition
    from reader.provenance import ModelError

    if not paths:
        return
    own = not isinstance(address, Client)
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT) if own else address
    except OSError as error:
        raise DaskUnavailable(f"No Dask scheduler answers at {address} ({error}).") from None
    try:
        partitions = [paths[i:i + partition_size] for i in range(0, len(paths), partition_size)]
        futures = client.map(analyze_partition, partitions, model_name=model_name,
                             max_chars=max_chars, cache=cache, batch_size=batch_size,
                             rows=rows, english_anyway=english_anyway, pure=False)
        for future in futures:
            try:
                outcomes = future.result()
            except ModelError:
                for other in futures:
                    other.cancel()
                raise
            future.release()
            yield from outcomes
    finally:
        if own:
            client.close()
