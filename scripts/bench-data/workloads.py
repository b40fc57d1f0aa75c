"""The benchmark's workload, written once for each tool: hwbsh commands, DuckDB SQL and
sqlite3 shell SQL (with its dot-commands).

Every tool runs the same steps in two processes. The first imports the CSV files, counts,
opens one school's expiring list, sweeps on a quiet day and on 1 September, counts again
and saves a snapshot (hwbsh's `save`; for the databases, their own file, made durable).
The second starts fresh, loads the snapshot and counts. Each step is one command or one
batch of statements, sent over a pipe; None means the tool has no such step (the
databases have no clock and no actor).

The forecast step writes every deactivation and deletion of the next 12 months, if
nobody acts, to a file, by date and id: hwbsh's `forecast` as JSON; for the databases the
same events (R10, R13 under the guidance's policy) by one query copied to CSV.

The SQL sweep is docs/rules.md R10 as UPDATE and DELETE statements, in one transaction:
1. active non-MIS accounts with expires < T or lastActivity + 90 days < T are deactivated;
   deactivatedOn is the earlier of expires + 1 and lastActivity + 91 among the conditions
   that hold, with reason expired on a tie. When only one holds, "expires <= lastActivity
   + 90" tells which, so the test "expires < T and expires <= lastActivity + 90" picks
   `expired` exactly when R10 does;
2. active MIS accounts with leavingDate <= T are deactivated on leavingDate, reason left;
3. the newly deactivated get deletionDue = addMonths(deactivatedOn, 12) (R2, clamped);
4. accounts with deletionDue <= T are deleted.
hwbsh also writes an audit entry for every change (and one for each imported file); the
databases do not.
"""

IMPORT_DAY = "2027-07-01"  # hwbsh starts on this day; the data are as of that night
WINDOW_END = "2027-08-26"  # IMPORT_DAY + 8 weeks: the expiring window (R6)
QUIET_DAY = "2027-07-02"  # the sweep changes exactly ten accounts (see generate.py)
SWEEP_DAY = "2027-09-01"
CHAMPION_SCHOOL = "6612010"
FORECAST_UNTIL = "2028-07-01"  # IMPORT_DAY + 12 months: forecast's default span

# The steps, in order; the names are the rows of the report.
FIRST = [
    "start",
    "pipe round trip (nothing)",
    "import schools",
    "import accounts",
    "count expiring=8w (all Wales)",
    "login champion",
    "champion's expiring list",
    "login service-desk",
    "forecast, 12 months, to a file",
    "date set 2027-07-02",
    "sweep, quiet day (2027-07-02)",
    "date set 2027-09-01",
    "sweep on 1 September",
    "count status=active",
    "count status=deactivated",
    "save",
]
SECOND = ["start (2nd process)", "load", "count (after load)"]

ACCOUNT_COLUMNS = [
    ("id", "TEXT"), ("name", "TEXT"), ("kind", "TEXT"), ("school", "TEXT"), ("status", "TEXT"),
    ("created", "DATE"), ("lastActivity", "DATE"), ("content", "INTEGER"), ("category", "TEXT"),
    ("expires", "DATE"), ("closeAtExpiry", "BOOLEAN"), ("role", "TEXT"), ("leavingDate", "DATE"),
    ("pendingSchool", "TEXT"), ("deactivatedOn", "DATE"), ("deletionDue", "DATE"), ("reason", "TEXT"),
]


def hwbsh():
    """hwbsh's commands: the store lives in memory; `save` writes the snapshot."""
    first = {
        "import schools": "import schools schools.csv",
        "import accounts": "import accounts accounts.csv",
        "count expiring=8w (all Wales)": "count expiring=8w",
        "login champion": f"login champion {CHAMPION_SCHOOL}",
        "champion's expiring list": "expiring",
        "login service-desk": "login service-desk",
        "forecast, 12 months, to a file": "format json; once forecast.json; forecast; format auto",
        "date set 2027-07-02": f"date set {QUIET_DAY}",
        "sweep, quiet day (2027-07-02)": "sweep",
        "date set 2027-09-01": f"date set {SWEEP_DAY}",
        "sweep on 1 September": "sweep",
        "count status=active": "count status=active",
        "count status=deactivated": "count status=deactivated",
        "save": "save store.hwbsnap",
    }
    second = {"load": "load store.hwbsnap", "count (after load)": "count"}
    return first, second


def expiring(where, t):
    """The R6 condition shared by the list and the banners: active non-MIS, not closing."""
    return (f"{where} status = 'active' AND kind = 'non-mis' AND NOT closeAtExpiry "
            f"AND expires <= {t}")


def duckdb():
    """DuckDB: typed columns and a primary key on id; no other index (DuckDB scans columns
    with min/max zone maps instead). The database file is the snapshot; CHECKPOINT makes
    it complete and durable."""
    day = lambda text: f"DATE '{text}'"
    types = {"TEXT": "VARCHAR", "DATE": "DATE", "INTEGER": "BIGINT", "BOOLEAN": "BOOLEAN"}
    columns = ", ".join(f"'{name}': '{types[kind]}'" for name, kind in ACCOUNT_COLUMNS)
    table = ", ".join(f"{name} {types[kind]}" + (" PRIMARY KEY" if name == "id" else "")
                      for name, kind in ACCOUNT_COLUMNS)
    first = {
        "import schools": "CREATE TABLE schools AS SELECT * FROM read_csv('schools.csv', header = true, "
                          "columns = {'number': 'VARCHAR', 'name': 'VARCHAR', 'maintained': 'VARCHAR'})",
        "import accounts": f"CREATE TABLE accounts ({table}); INSERT INTO accounts SELECT * FROM "
                           f"read_csv('accounts.csv', header = true, columns = {{{columns}}})",
        "count expiring=8w (all Wales)": "SELECT count(*) FROM accounts WHERE status = 'active' "
                                         f"AND kind = 'non-mis' AND expires <= {day(WINDOW_END)}",
        "login champion": f"SELECT name FROM schools WHERE number = '{CHAMPION_SCHOOL}' AND maintained = 'yes'; "
                          f"SELECT count(*) FROM accounts WHERE {expiring(f'school = {CHAMPION_SCHOOL!r} AND', day(WINDOW_END))}",
        "champion's expiring list": "SELECT expires, id, name, category, school FROM accounts WHERE "
                                    f"{expiring(f'school = {CHAMPION_SCHOOL!r} AND', day(WINDOW_END))} ORDER BY expires, id",
        "login service-desk": f"SELECT count(*) FROM accounts WHERE {expiring('', day(WINDOW_END))}",
        "forecast, 12 months, to a file": f"COPY ({forecast_query(day(FORECAST_UNTIL), lambda d: f'{d} + 1', lambda d, n: f'{d} + {n}', lambda d: f'CAST({d} + INTERVAL 12 MONTH AS DATE)', 'least')}) TO 'forecast.csv' (HEADER)",
        "sweep, quiet day (2027-07-02)": duckdb_sweep(day(QUIET_DAY)),
        "sweep on 1 September": duckdb_sweep(day(SWEEP_DAY)),
        "count status=active": "SELECT count(*) FROM accounts WHERE status = 'active'",
        "count status=deactivated": "SELECT count(*) FROM accounts WHERE status = 'deactivated'",
        "save": "CHECKPOINT",
        "start": ".open store.duckdb",
    }
    second = {"load": ".open store.duckdb", "count (after load)": "SELECT count(*) FROM accounts"}
    return first, second


def duckdb_sweep(t):
    expired = f"expires < {t} AND expires <= lastActivity + 90"
    return (
        "BEGIN TRANSACTION; "
        f"UPDATE accounts SET status = 'deactivated', "
        f"deactivatedOn = CASE WHEN {expired} THEN expires + 1 ELSE lastActivity + 91 END, "
        f"reason = CASE WHEN {expired} THEN 'expired' ELSE 'inactive' END "
        f"WHERE status = 'active' AND kind = 'non-mis' AND (expires < {t} OR lastActivity + 90 < {t}); "
        f"UPDATE accounts SET status = 'deactivated', deactivatedOn = leavingDate, reason = 'left' "
        f"WHERE status = 'active' AND kind = 'mis' AND leavingDate <= {t}; "
        # DuckDB's month arithmetic clamps to the end of the month, as R2 does.
        "UPDATE accounts SET deletionDue = CAST(deactivatedOn + INTERVAL 12 MONTH AS DATE) "
        "WHERE status = 'deactivated' AND deletionDue IS NULL; "
        f"DELETE FROM accounts WHERE deletionDue <= {t}; "
        "COMMIT"
    )


SQLITE_INDEXES = [
    # national expiring counts and the sweep's expiry test; also counts by status
    "CREATE INDEX accounts_status_expires ON accounts(status, kind, expires);",
    # one school's expiring list
    "CREATE INDEX accounts_school_expires ON accounts(school, status, kind, expires);",
    # the sweep's inactivity test (R13)
    "CREATE INDEX accounts_status_activity ON accounts(status, kind, lastActivity);",
    # the sweep's leavers, the newly deactivated (deletionDue still NULL) and the deletions
    "CREATE INDEX accounts_leaving ON accounts(status, kind, leavingDate);",
    "CREATE INDEX accounts_deletion ON accounts(status, deletionDue);",
]


def sqlite():
    """The sqlite3 shell: WAL journal, a 128 MB page cache. `.import` reads every cell as
    text (an empty cell as ''), so accounts go through a staging table in memory that
    turns '' into NULL; the indexes are built after the load, as for any bulk load. The
    database file is the snapshot; a WAL checkpoint makes it complete and durable."""
    def cell(name, kind):
        if name == "closeAtExpiry":
            return "CASE closeAtExpiry WHEN 'true' THEN 1 WHEN 'false' THEN 0 END"
        if kind == "INTEGER":
            return f"CAST({name} AS INTEGER)"
        return f"NULLIF({name}, '')"
    table = ", ".join(f"{name} {'TEXT' if kind == 'DATE' else kind}" + (" PRIMARY KEY" if name == "id" else "")
                      for name, kind in ACCOUNT_COLUMNS)
    cells = ", ".join(cell(name, kind) for name, kind in ACCOUNT_COLUMNS)
    first = {
        "import schools": "CREATE TABLE schools(number TEXT PRIMARY KEY, name TEXT, maintained TEXT);\n"
                          ".import --csv --skip 1 schools.csv schools",
        "import accounts": "\n".join([
            ".import --csv --schema temp accounts.csv staging",
            "BEGIN;",
            f"CREATE TABLE accounts({table});",
            f"INSERT INTO accounts SELECT {cells} FROM temp.staging;",
            *SQLITE_INDEXES,
            "COMMIT;",
            "DROP TABLE temp.staging;",
        ]),
        "count expiring=8w (all Wales)": "SELECT count(*) FROM accounts WHERE status = 'active' "
                                         f"AND kind = 'non-mis' AND expires <= '{WINDOW_END}';",
        "login champion": f"SELECT name FROM schools WHERE number = '{CHAMPION_SCHOOL}' AND maintained = 'yes'; "
                          f"SELECT count(*) FROM accounts WHERE {expiring(f'school = {CHAMPION_SCHOOL!r} AND', repr(WINDOW_END))};",
        "champion's expiring list": "SELECT expires, id, name, category, school FROM accounts WHERE "
                                    f"{expiring(f'school = {CHAMPION_SCHOOL!r} AND', repr(WINDOW_END))} ORDER BY expires, id;",
        "login service-desk": f"SELECT count(*) FROM accounts WHERE {expiring('', repr(WINDOW_END))};",
        "forecast, 12 months, to a file": ".headers on\n.once forecast.csv\n" + forecast_query(
            repr(FORECAST_UNTIL), lambda d: f"date({d}, '+1 day')", lambda d, n: f"date({d}, '+{n} days')", sqlite_add_months, "min")
            + ";\n.headers off",
        "sweep, quiet day (2027-07-02)": sqlite_sweep(QUIET_DAY),
        "sweep on 1 September": sqlite_sweep(SWEEP_DAY),
        "count status=active": "SELECT count(*) FROM accounts WHERE status = 'active';",
        "count status=deactivated": "SELECT count(*) FROM accounts WHERE status = 'deactivated';",
        "save": "PRAGMA wal_checkpoint(TRUNCATE);",
    }
    # The first line of the first process: the file and its settings (timed as "start").
    setup = ".open store.sqlite\nPRAGMA journal_mode = WAL;\nPRAGMA synchronous = NORMAL;\n" \
            "PRAGMA cache_size = -131072;\nPRAGMA temp_store = MEMORY;"
    first["start"] = setup
    second = {"load": ".open store.sqlite\nPRAGMA cache_size = -131072;",
              "count (after load)": "SELECT count(*) FROM accounts;"}
    return first, second


def forecast_query(until, next_day, plus_days, add_months, least):
    """forecast's events up to `until` as one SQL query, in each database's date words:
    deactivations on the rules' day (the earlier of the day after expiry and the 91st day
    without a sign-in, `expired` on a tie; the leaving date), deletions 12 months later,
    and the deletions of accounts already deactivated."""
    expiry, idle = next_day("expires"), plus_days("lastActivity", 91)
    return (
        f"WITH due AS (SELECT id, CASE WHEN kind = 'non-mis' THEN {least}({expiry}, {idle}) ELSE leavingDate END AS d, "
        f"CASE WHEN kind = 'mis' THEN 'left' WHEN {expiry} <= {idle} THEN 'expired' ELSE 'inactive' END AS reason "
        f"FROM accounts WHERE status = 'active' AND (kind = 'non-mis' OR leavingDate IS NOT NULL)), "
        f"events AS (SELECT d AS date, id, 'deactivated' AS event, reason FROM due WHERE d <= {until} "
        f"UNION ALL SELECT {add_months('d')}, id, 'deleted', NULL FROM due WHERE d <= {until} AND {add_months('d')} <= {until} "
        f"UNION ALL SELECT deletionDue, id, 'deleted', NULL FROM accounts WHERE status = 'deactivated' AND deletionDue <= {until}) "
        f"SELECT date, id, event, reason FROM events ORDER BY date, id, event"
    )


def sqlite_add_months(day):
    """addMonths(day, 12) in sqlite, clamped to the end of the month (R2)."""
    plus12 = f"date({day}, '+12 months')"
    return (f"CASE WHEN strftime('%d', {plus12}) = strftime('%d', {day}) THEN {plus12} "
            f"ELSE date({plus12}, 'start of month', '-1 day') END")


def sqlite_sweep(t):
    """R10 in sqlite. date(d, '+12 months') does not clamp (2028-02-29 gives 2029-03-01),
    so when the day of the month changed, the result is taken back to the end of the month
    before."""
    expired = f"expires < '{t}' AND expires <= date(lastActivity, '+90 days')"
    plus12 = "date(deactivatedOn, '+12 months')"
    add_months = (f"CASE WHEN strftime('%d', {plus12}) = strftime('%d', deactivatedOn) THEN {plus12} "
                  f"ELSE date({plus12}, 'start of month', '-1 day') END")
    return "\n".join([
        "BEGIN;",
        f"UPDATE accounts SET status = 'deactivated', "
        f"deactivatedOn = CASE WHEN {expired} THEN date(expires, '+1 day') ELSE date(lastActivity, '+91 days') END, "
        f"reason = CASE WHEN {expired} THEN 'expired' ELSE 'inactive' END "
        f"WHERE status = 'active' AND kind = 'non-mis' "
        f"AND (expires < '{t}' OR lastActivity < date('{t}', '-90 days'));",
        "UPDATE accounts SET status = 'deactivated', deactivatedOn = leavingDate, reason = 'left' "
        f"WHERE status = 'active' AND kind = 'mis' AND leavingDate <= '{t}';",
        f"UPDATE accounts SET deletionDue = {add_months} WHERE status = 'deactivated' AND deletionDue IS NULL;",
        f"DELETE FROM accounts WHERE status = 'deactivated' AND deletionDue <= '{t}';",
        "COMMIT;",
    ])
