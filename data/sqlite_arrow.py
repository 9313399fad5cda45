"""A SQLite store's events as an Arrow IPC stream, read by the ADBC SQLite driver.

    python -m data.sqlite_arrow PATH [FIRST_ROWID LAST_ROWID] > events.arrows

This runs as its own short-lived process, started by ``data.reader.read_table_adbc``: the ADBC
driver carries its own copy of SQLite, and two copies of SQLite in one process release each
other's POSIX file locks (a documented way to corrupt a database), so it must never share a
process with the store's own ``sqlite3`` connections. It imports only pyarrow, the driver and
the schema, so it starts in a fraction of a second.
"""
from __future__ import annotations

import sys

import pyarrow as pa

from data.schema import CATEGORY, COLUMNS, DATE, FLOAT, INT, STRING

ARROW_TYPES = {STRING: pa.string(), CATEGORY: pa.string(), DATE: pa.string(), INT: pa.int64(), FLOAT: pa.float64()}
SCHEMA = pa.schema([pa.field(c.name, ARROW_TYPES[c.kind]) for c in COLUMNS])
SQL_CASTS = {STRING: "TEXT", CATEGORY: "TEXT", DATE: "TEXT", INT: "INTEGER", FLOAT: "REAL"}
# ADBC infers each column's type from the first batch; a first row holding a value of every
# column's type (dropped while streaming) keeps an all-NULL first batch from being read as int.
_SENTINELS = {STRING: "''", CATEGORY: "''", DATE: "''", INT: "0", FLOAT: "0.0"}
BATCH_ROWS = 65_536


def select_sql(rowids: tuple[int, int] | None = None) -> str:
    sentinel = ", ".join(f"{_SENTINELS[c.kind]} AS {c.name}" for c in COLUMNS)
    columns = ", ".join(f"CAST({c.name} AS {SQL_CASTS[c.kind]}) AS {c.name}" for c in COLUMNS)
    where = f" WHERE rowid BETWEEN {int(rowids[0])} AND {int(rowids[1])}" if rowids else ""
    return f"SELECT {sentinel} UNION ALL SELECT {columns} FROM events{where}"


def stream_events(path: str, out: object, rowids: tuple[int, int] | None = None) -> int:
    """Write the events of the SQLite file ``path`` (all, or a rowid range) to the binary stream ``out``."""
    # The driver manager's low-level API: its DB-API layer imports pandas (a second of start-up).
    import adbc_driver_manager
    import adbc_driver_sqlite

    rows, first = 0, True
    with adbc_driver_sqlite.connect(path) as db, adbc_driver_manager.AdbcConnection(db) as conn, \
            adbc_driver_manager.AdbcStatement(conn) as stmt:
        stmt.set_options(**{"adbc.sqlite.query.batch_rows": str(BATCH_ROWS)})
        stmt.set_sql_query(select_sql(rowids))
        handle, _ = stmt.execute_query()
        reader = pa.RecordBatchReader._import_from_c(handle.address)
        with pa.ipc.new_stream(out, SCHEMA) as writer:
            for batch in reader:
                if first:
                    batch, first = batch.slice(1), False   # the sentinel row
                table = pa.Table.from_batches([batch]).cast(SCHEMA)
                writer.write_table(table)
                rows += table.num_rows
    return rows


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 3) or not all(a.lstrip("-").isdigit() for a in argv[1:]):
        print("usage: python -m data.sqlite_arrow PATH [FIRST_ROWID LAST_ROWID]", file=sys.stderr)
        return 2
    import adbc_driver_manager

    rowids = (int(argv[1]), int(argv[2])) if len(argv) == 3 else None
    try:
        stream_events(argv[0], sys.stdout.buffer, rowids)
    except (adbc_driver_manager.Error, pa.ArrowException) as exc:
        reason = (str(exc).strip().splitlines() or [""])[0]   # the driver appends the whole query
        print(f"{type(exc).__name__}: {reason}", file=sys.stderr)
        return 1
    except BrokenPipeError:   # the reader went away: nothing left to do
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
