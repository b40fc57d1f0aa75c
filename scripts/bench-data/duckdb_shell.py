#!/usr/bin/env python3
"""A minimal line-at-a-time SQL shell over DuckDB, so that scripts/bench can drive DuckDB
over a pipe exactly as it drives hwbsh and the sqlite3 shell.

Usage: duckdb_shell.py   (then SQL on standard input)

Each input line is run as it arrives: `.open FILE` opens (or creates) a database file;
any other line is SQL, one or more statements separated by `;`. The rows of the last
statement's result are printed with `|` between values (NULL as an empty value) and the
output is flushed, as the sqlite3 shell does in its default list mode. The first error
is printed on standard error and ends the shell with status 1.
Run it with a Python that has the duckdb package (scripts/bench makes a virtual env).
"""
import sys

import duckdb


def main():
    connection = duckdb.connect()  # in memory until `.open`
    for number, line in enumerate(sys.stdin, start=1):
        line = line.strip()
        if not line:
            continue
        try:
            if line.startswith(".open "):
                connection.close()
                connection = duckdb.connect(line.split(None, 1)[1])
                continue
            result = connection.execute(line)
            rows = result.fetchall() if result.description else []
        except duckdb.Error as error:
            print(f"<stdin>:{number}: {error}", file=sys.stderr)
            sys.exit(1)
        for row in rows:
            sys.stdout.write("|".join("" if value is None else str(value) for value in row) + "\n")
        sys.stdout.flush()
    connection.close()


if __name__ == "__main__":
    main()
