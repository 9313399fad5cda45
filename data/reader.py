"""Reading the events table column-wise into the schema-typed, Arrow-backed frame.

Row-wise reading (SQLAlchemy rows -> Python objects -> pandas) made 1,000,000 events take
35 s and 4.1 GB. Here a SQLite store is read by the ADBC SQLite driver straight into Arrow
columns (no Python object per cell); any other store (PostgreSQL) is fetched in chunks
through SQLAlchemy and each chunk turned into Arrow arrays of the schema's types. Either way
``arrow_to_frame`` gives the frame ``data.loader.to_frame`` would: text as Arrow-backed
``string`` (missing = ""), categories as ``category`` (dictionary-encoded in Arrow first),
counts ``Int64``, coordinates ``float64``, dates ``datetime64[ns]``.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import sqlalchemy as sa

from data.loader import DATE_DTYPE
from data.schema import CATEGORY, COLUMN_NAMES, COLUMNS, DATE, INT, KEY, STRING
from data.sqlite_arrow import ARROW_TYPES, SCHEMA
from errors import StoreError

_CHUNK_ROWS = 50_000
ROOT = Path(__file__).resolve().parents[1]


def sqlite_path(url: sa.URL) -> Path | None:
    """The file of a SQLite URL (None for an in-memory database, which only its own connection sees)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:" \
            or url.database.startswith("file:"):
        return None
    return Path(url.database).expanduser()


def rowid_ranges(first: int | None, last: int | None, parts: int) -> list[tuple[int, int]]:
    """``parts`` contiguous rowid ranges covering first..last (none for an empty table)."""
    if first is None or last is None:
        return []
    step = -(-(last - first + 1) // max(parts, 1))
    return [(lo, min(lo + step - 1, last)) for lo in range(first, last + 1, step)]


def _child_table(path: Path, rowids: tuple[int, int] | None) -> pa.Table:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    args = [sys.executable, "-m", "data.sqlite_arrow", str(path), *(str(r) for r in rowids or ())]
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL,
                                env=env, cwd=ROOT)
        table = None
        try:
            with pa.ipc.open_stream(proc.stdout) as stream:
                table = stream.read_all()
        except pa.ArrowInvalid:
            pass   # the child failed before writing a stream: its message says why
        finally:
            proc.stdout.close()
            code = proc.wait()
        if code != 0 or table is None:
            errors.seek(0)
            lines = errors.read().decode("utf-8", "replace").strip().splitlines()
            raise StoreError(f"reading events from {path} failed: {lines[-1] if lines else f'exit code {code}'}")
    return table


def read_table_adbc(path: Path, ranges: list[tuple[int, int]] | None = None) -> pa.Table:
    """Events of a SQLite file as an Arrow table in rowid order, through the ADBC SQLite driver.

    The driver runs in child processes (``data/sqlite_arrow.py`` says why), one per rowid range
    (so the cores read in parallel), each streaming Arrow IPC back through a pipe: no cell ever
    becomes a Python object. ``ranges=None`` reads the whole table in one child.
    """
    if not path.is_file():
        raise StoreError(f"reading events failed: the store file {path} does not exist")
    if ranges is not None and not ranges:
        return SCHEMA.empty_table()
    parts: list[tuple[int, int] | None] = list(ranges) if ranges else [None]
    with ThreadPoolExecutor(max_workers=len(parts)) as pool:   # each thread waits on one child's pipe
        tables = list(pool.map(lambda r: _child_table(path, r), parts))
    return pa.concat_tables(tables)


def _chunks(engine: sa.Engine, table: sa.Table, where: sa.ColumnElement[bool]) -> Iterator[pa.RecordBatch]:
    columns = [sa.type_coerce(table.c[c.name], sa.Text).label(c.name) if c.kind == DATE else table.c[c.name]
               for c in COLUMNS]
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=_CHUNK_ROWS).execute(sa.select(*columns).where(where))
        for rows in result.partitions():
            values = list(zip(*rows))
            arrays = []
            for col, cells in zip(COLUMNS, values):
                if col.kind == DATE:
                    cells = [None if v is None else str(v)[:10] for v in cells]
                arrays.append(pa.array(cells, type=ARROW_TYPES[col.kind], from_pandas=True))
            yield pa.RecordBatch.from_arrays(arrays, schema=SCHEMA)


def read_table_sqlalchemy(engine: sa.Engine, table: sa.Table,
                          where: sa.ColumnElement[bool] | None = None) -> pa.Table:
    """Events matching ``where`` as an Arrow table (unordered), in chunks through SQLAlchemy."""
    batches = list(_chunks(engine, table, sa.true() if where is None else where))
    return pa.Table.from_batches(batches, schema=SCHEMA)


def _text(column: pa.ChunkedArray) -> pd.Series:
    filled = pc.fill_null(column, "")
    return pd.Series(pd.arrays.ArrowStringArray(filled), dtype="string")


def _category(column: pa.ChunkedArray) -> pd.Series:
    # "" and NULL are both "missing" for a category, as in to_frame.
    stripped = pc.if_else(pc.equal(column, ""), pa.scalar(None, pa.string()), column)
    encoded = pc.dictionary_encode(stripped).combine_chunks()
    labels = np.array(encoded.dictionary.to_pylist(), dtype=object)
    order = np.argsort(labels, kind="stable")          # sorted categories, as astype("category") gives
    rank = np.empty(len(order), dtype=np.int32)
    rank[order] = np.arange(len(order), dtype=np.int32)
    codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.int32)
    codes = np.where(codes >= 0, rank[np.maximum(codes, 0)] if len(rank) else -1, -1).astype(np.int32)
    categories = pd.Index(list(labels[order]), dtype="string")
    return pd.Series(pd.Categorical.from_codes(codes, categories=categories))


def _dates(column: pa.ChunkedArray) -> pd.Series:
    empty = pc.equal(column, "")
    days = pc.cast(pc.if_else(empty, pa.scalar(None, pa.string()), column), pa.date32())
    return pd.Series(days.to_numpy(zero_copy_only=False)).astype(DATE_DTYPE)


def arrow_to_frame(table: pa.Table) -> pd.DataFrame:
    """The schema-typed frame of an events table, in the table's row order."""
    out: dict[str, pd.Series] = {}
    for col in COLUMNS:
        column = table.column(col.name)
        if col.kind == STRING:
            out[col.name] = _text(column)
        elif col.kind == CATEGORY:
            out[col.name] = _category(column)
        elif col.kind == DATE:
            out[col.name] = _dates(column)
        elif col.kind == INT:
            out[col.name] = column.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
        else:
            out[col.name] = pd.Series(column.to_numpy(zero_copy_only=False).astype("float64"))
    return pd.DataFrame(out, columns=list(COLUMN_NAMES))


def sort_order(frame: pd.DataFrame) -> np.ndarray:
    """Row positions that order ``frame`` by date then event id (missing dates first).

    Sorting the keys alone is cheap (0.6 s at 1,000,000 rows); reordering every column
    would cost ten times that, so the dashboard keeps the frame in store order and takes
    rows through this order instead.
    """
    if frame.empty:
        return np.arange(0, dtype=np.intp)
    days = frame["event_date"].to_numpy(dtype="datetime64[ns]").astype(np.int64)
    keys = pa.array(frame[KEY].astype("string").to_numpy(dtype=object, na_value=""), type=pa.string())
    order = pc.sort_indices(pa.table({"d": days, "k": keys}), sort_keys=[("d", "ascending"), ("k", "ascending")])
    return order.to_numpy().astype(np.intp)
