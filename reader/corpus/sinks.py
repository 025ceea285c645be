"""Where `analyze` writes: standard output, a JSON Lines file, or a Parquet folder.

A file or folder that already holds some articles is resumed: `done()` gives the paths in
it, which the run skips, and what is new is added to it.

The Parquet folder holds two tables, each a folder of parts that pandas, DuckDB, Spark and
pyarrow read as one table:

    OUT/articles/part-00000.parquet …   one row per article: metadata and figures (or error)
    OUT/claims/part-00000.parquet …     one row per claim (reader.corpus.tables)

    pandas.read_parquet("OUT/claims")
    duckdb.sql("SELECT * FROM 'OUT/claims/*.parquet'")
    spark.read.parquet("OUT/claims")

A part is written to a temporary name and renamed, claims before articles, so a run that
is stopped leaves whole parts only; an article counts as done when its articles part is
there (a claims part without its articles part is removed when the run resumes).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TextIO

from reader.corpus.tables import rows_of

PART = "part-{:05d}.parquet"
_PART_RE = re.compile(r"part-(\d{5})\.parquet$")
DEFAULT_PART_SIZE = 1000


def _key(path: str) -> str:
    return os.path.abspath(path)


class JsonSink:
    """One indented JSON object (an array for several articles), written at the end."""

    def __init__(self, stream: TextIO, output: str | None = None):
        self.stream, self.output = stream, output
        self.records: list[dict] = []

    def done(self) -> set[str]:
        return set()

    def add(self, outcome) -> None:
        self.records.append(outcome.record())

    def close(self) -> None:
        payload = self.records[0] if len(self.records) == 1 else self.records
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
        if self.output is None:
            self.stream.write(text)
        else:
            _write_atomically(Path(self.output), text.encode("utf-8"))


class JsonlSink:
    """One JSON line per article, to standard output or appended to a file."""

    def __init__(self, stream: TextIO, output: str | None = None):
        self.output = output
        if output is None:
            self.stream, self.owned = stream, False
        else:
            _drop_partial_last_line(Path(output))
            self.stream, self.owned = open(output, "a", encoding="utf-8"), True

    def done(self) -> set[str]:
        if self.output is None:
            return set()
        found = set()
        with open(self.output, encoding="utf-8") as lines:
            for line in lines:
                try:
                    found.add(_key(json.loads(line)["path"]))
                except (ValueError, KeyError, TypeError):
                    continue
        return found

    def add(self, outcome) -> None:
        self.stream.write(json.dumps(outcome.record(), ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.owned:
            self.stream.close()


def _drop_partial_last_line(path: Path) -> None:
    """A run stopped mid-line leaves a line without its newline: cut it, so the next
    record starts on a line of its own (that article is analysed again)."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    with open(path, "rb+") as file:
        data = file.read()
        if not data.endswith(b"\n"):
            file.truncate(data.rfind(b"\n") + 1)


class ParquetSink:
    """Rows gathered `part_size` articles at a time into numbered parts of the two tables."""

    def __init__(self, folder: str, part_size: int = DEFAULT_PART_SIZE):
        import pyarrow  # noqa: F401  (fail before any work when it is missing)

        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise OSError(f"{folder} is a file; --format parquet writes a folder.")
        self.articles_dir = self.folder / "articles"
        self.claims_dir = self.folder / "claims"
        self.articles_dir.mkdir(parents=True, exist_ok=True)
        self.claims_dir.mkdir(parents=True, exist_ok=True)
        self.part_size = part_size
        self._refuse_other_columns()
        self._drop_orphan_claims()
        self._next = 1 + max(self._parts(self.articles_dir) or [-1])
        self._articles: list[dict] = []
        self._claims: list[dict] = []

    @staticmethod
    def _parts(folder: Path) -> list[int]:
        return [int(m.group(1)) for p in folder.iterdir() if (m := _PART_RE.fullmatch(p.name))]

    def _refuse_other_columns(self) -> None:
        """Parts of another version's articles table (other columns) would be read with
        the first part's columns, silently losing the rest: resume only the same table."""
        import pyarrow.parquet as pq

        from reader.corpus.tables import ARTICLE_COLUMNS

        for number in self._parts(self.articles_dir):
            names = pq.read_schema(self.articles_dir / PART.format(number)).names
            if names != list(ARTICLE_COLUMNS):
                raise OSError(f"{self.folder} holds an articles table with other columns "
                              "(written by another version of Provenance Reader); write "
                              "to a new folder.")

    def _drop_orphan_claims(self) -> None:
        kept = set(self._parts(self.articles_dir))
        for number in self._parts(self.claims_dir):
            if number not in kept:
                (self.claims_dir / PART.format(number)).unlink()

    def done(self) -> set[str]:
        import pyarrow.parquet as pq

        found = set()
        for number in self._parts(self.articles_dir):
            table = pq.read_table(self.articles_dir / PART.format(number), columns=["path"])
            found.update(_key(p) for p in table.column("path").to_pylist())
        return found

    def add(self, outcome) -> None:
        article, claims = outcome.rows or rows_of(outcome.path, outcome.article,
                                                  outcome.analysis, outcome.error)
        self._articles.append(article)
        self._claims.extend(claims)
        if len(self._articles) >= self.part_size:
            self.flush()

    def flush(self) -> None:
        if not self._articles:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        from reader.corpus.tables import schemas

        article_schema, claim_schema = schemas()
        name = PART.format(self._next)
        for rows, schema, folder in ((self._claims, claim_schema, self.claims_dir),
                                     (self._articles, article_schema, self.articles_dir)):
            table = pa.Table.from_pylist(rows, schema=schema)
            temporary = folder / f".{name}.tmp"
            pq.write_table(table, temporary)
            os.replace(temporary, folder / name)
        self._next += 1
        self._articles, self._claims = [], []

    def close(self) -> None:
        self.flush()


def _write_atomically(target: Path, data: bytes) -> None:
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)
