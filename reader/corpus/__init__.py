"""Corpus mode: `python -m reader analyze` over folders and globs, resumable, with a
tabular (Parquet) output, in one process, N processes or on a Dask cluster. No Qt here."""
