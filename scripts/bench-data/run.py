#!/usr/bin/env python3
"""Runs the side-by-side benchmark of scripts/bench: hwbsh, DuckDB and the sqlite3 shell
doing the same workload (workloads.py) on the same national data set (generate.py).

Usage: run.py --hwbsh BIN --python VENV_PYTHON [--sqlite BIN] [--runs 3] [--quick] [N]

Each tool is driven over a pipe, one step at a time: the step's command, then a cheap
sentinel command (`date` for hwbsh, `SELECT 'bench-sentinel'` for the databases) whose
answer marks the moment the step's output is complete. A step's time is from writing the
command to reading the sentinel's answer, so it includes one pipe round trip for every
tool (shown as "pipe round trip (nothing)"). A run is two processes: the first imports,
counts, sweeps and saves; the second loads and counts. Its wall time is from starting
each process to reaping it; its peak RSS is the larger of the two processes' ru_maxrss
(os.wait4). The tools take turns (hwbsh, DuckDB, sqlite3, hwbsh, ...), three runs each;
the report shows medians, checks that the tools agree on the counts (exit status 1 when
they do not) and sets hwbsh's figures against the targets.

The data sets are generated once into .build-bench-data/N-vVERSION/ in the repository
(git-ignored); each run works in a fresh folder beside them, deleted afterwards.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CACHE = os.path.join(ROOT, ".build-bench-data")
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the work tree
import generate  # noqa: E402
import workloads  # noqa: E402

TOOLS = ["hwbsh", "duckdb", "sqlite3"]
TITLES = {"hwbsh": "hwbsh", "duckdb": "DuckDB", "sqlite3": "sqlite3"}
# The figures every tool must agree on, by step.
CHECKED = ["count expiring=8w (all Wales)", "champion's expiring list", "count status=active",
           "count status=deactivated", "count (after load)"]
SCALING_SIZE = 100_000
# Steps every tool takes, with or without a command of its own.
ALWAYS = {"start", "pipe round trip (nothing)", "start (2nd process)"}


class Failure(Exception):
    pass


class Process:
    """One tool process, driven over a pipe one step at a time."""

    def __init__(self, argv, folder, sentinel, is_sentinel):
        self.sentinel, self.is_sentinel = sentinel, is_sentinel
        self.stderr = tempfile.TemporaryFile()
        self.started = time.perf_counter()
        self.process = subprocess.Popen(argv, cwd=folder, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.stderr)

    def step(self, command, since=None):
        """Runs command (None or '' for nothing); returns its seconds and output lines."""
        text = (command + "\n" if command else "") + self.sentinel + "\n"
        what = repr(command.splitlines()[0]) if command else "start-up"
        start = time.perf_counter() if since is None else since
        try:
            self.process.stdin.write(text.encode())
            self.process.stdin.flush()
        except BrokenPipeError:
            self.fail(f"ended before {what}")
        lines = []
        while True:
            line = self.process.stdout.readline()
            if not line:
                self.fail(f"ended during {what}")
            line = line.decode().rstrip("\r\n")
            if self.is_sentinel(line):
                return time.perf_counter() - start, lines
            lines.append(line)

    def finish(self):
        """Ends the process; returns its wall time (s) and peak resident memory (MB)."""
        self.process.stdin.close()
        self.process.stdout.read()
        _, status, usage = os.wait4(self.process.pid, 0)
        wall = time.perf_counter() - self.started
        self.process.returncode = os.waitstatus_to_exitcode(status)
        if self.process.returncode != 0:
            self.fail(f"exited with status {self.process.returncode}")
        return wall, usage.ru_maxrss * 1024 / 1e6  # ru_maxrss is in KiB on Linux

    def fail(self, what):
        self.process.kill()  # nothing happens when it has ended already
        self.process.wait()
        self.stderr.seek(0)
        error = self.stderr.read().decode(errors="replace").strip()
        raise Failure(f"{self.process.args[0]} {what}: {error[-2000:] or '(nothing on stderr)'}")


def tool_setup(tool, options):
    """argv, sentinel command, sentinel test and (first, second) steps of a tool."""
    if tool == "hwbsh":
        return ([options.hwbsh, "--date", workloads.IMPORT_DAY], "date",
                re.compile(r"\d{4}-\d\d-\d\d").fullmatch, workloads.hwbsh())
    if tool == "duckdb":
        return ([options.python, os.path.join(HERE, "duckdb_shell.py")], "SELECT 'bench-sentinel'",
                "bench-sentinel".__eq__, workloads.duckdb())
    # sqlite3 writes to a pipe through stdio's buffer; stdbuf makes it flush every line.
    return (["stdbuf", "-oL", options.sqlite, "-bail"], "SELECT 'bench-sentinel';",
            "bench-sentinel".__eq__, workloads.sqlite())


def value(step, lines):
    """The figure a step's output gives: a count, or the rows of the expiring list."""
    if step == "champion's expiring list":
        return sum(1 for line in lines if re.match(r"\d{4}-\d\d-\d\d\b", line))
    numbers = [line.strip() for line in lines if re.fullmatch(r"\s*\d+\s*", line)]
    return int(numbers[-1]) if numbers else None


def run_once(tool, data, options):
    """One run of the workload; returns the step times, figures, wall, RSS and snapshot size."""
    argv, sentinel, is_sentinel, (first, second) = tool_setup(tool, options)
    folder = tempfile.mkdtemp(prefix="run-", dir=CACHE)
    try:
        for name in ("schools.csv", "accounts.csv"):
            os.symlink(os.path.join(data, name), os.path.join(folder, name))
        result = {"times": {}, "values": {}, "output": {}}
        walls, peaks = [], []
        for steps, commands in ((workloads.FIRST, first), (workloads.SECOND, second)):
            process = Process(argv, folder, sentinel, is_sentinel)
            for index, step in enumerate(steps):
                if step not in commands and step not in ALWAYS:
                    continue  # the tool has no such step
                since = process.started if index == 0 else None  # a start counts from the spawn
                seconds, lines = process.step(commands.get(step), since)
                result["times"][step] = seconds
                result["output"][step] = lines
                if step in CHECKED:
                    result["values"][step] = value(step, lines)
            wall, peak = process.finish()
            walls.append(wall)
            peaks.append(peak)
        result["wall"] = sum(walls)
        result["peak"] = max(peaks)
        result["loaded"] = peaks[1]
        result["snapshot"] = sum(os.path.getsize(os.path.join(folder, name))
                                 for name in os.listdir(folder) if name.startswith("store."))
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def data_set(count):
    """The folder of the data set of `count` accounts, generated the first time."""
    folder = os.path.join(CACHE, f"{count}-v{generate.VERSION}")
    if not os.path.exists(os.path.join(folder, "accounts.csv")):
        print(f"generating {count:,} accounts into {os.path.relpath(folder, ROOT)}/ ...", file=sys.stderr)
        partial = folder + ".partial"
        shutil.rmtree(partial, ignore_errors=True)
        os.makedirs(partial)
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(count), partial], check=True)
        shutil.rmtree(folder, ignore_errors=True)
        os.rename(partial, folder)
    for name in ("schools.csv", "accounts.csv"):  # read once, so every run finds it in the page cache
        with open(os.path.join(folder, name), "rb") as data:
            while data.read(1 << 24):
                pass
    return folder


def bench(count, options, label):
    """Runs every tool `options.runs` times, taking turns; returns the data set's folder
    and {tool: [results]}."""
    data = data_set(count)
    results = {tool: [] for tool in TOOLS}
    for run in range(options.runs):
        for tool in TOOLS:
            result = run_once(tool, data, options)
            results[tool].append(result)
            print(f"{label}run {run + 1}/{options.runs} {TITLES[tool]:8} {result['wall']:7.2f} s, "
                  f"peak {result['peak']:6.0f} MB", file=sys.stderr)
    return data, results


def median(results, key, step=None):
    figures = [r["times"].get(step) if step else r[key] for r in results]
    figures = [f for f in figures if f is not None]
    return statistics.median(figures) if figures else None


def seconds(figure):
    if figure is None:
        return "-"
    if figure < 0.01:
        return f"{figure * 1000:.2f} ms"
    return f"{figure * 1000:.1f} ms" if figure < 1 else f"{figure:.2f} s"


def ratio(a, b):
    return f"{a / b:.2f}" if a is not None and b else "-"


def sweep_changes(result, step):
    """`deactivated N, deleted M` from hwbsh's sweep report."""
    for line in result["output"].get(step, []):
        found = re.search(r"deactivated (\d+), deleted (\d+)", line)
        if found:
            return int(found[1]), int(found[2])
    return None


def disagreements(results):
    """The checked figures on which the runs and tools do not all agree."""
    problems = []
    for step in CHECKED:
        seen = {f"{TITLES[tool]} run {i + 1}": r["values"].get(step)
                for tool in TOOLS for i, r in enumerate(results[tool])}
        if len(set(seen.values())) != 1:
            problems.append(f"{step}: " + ", ".join(f"{who} {figure}" for who, figure in seen.items()))
    return problems


def report(count, results, data):
    sizes = {name: os.path.getsize(os.path.join(data, name)) / 1e6 for name in ("schools.csv", "accounts.csv")}
    print(f"\nscripts/bench: {count:,} accounts (accounts.csv {sizes['accounts.csv']:.1f} MB), "
          f"medians of {len(results['hwbsh'])} runs, times include one pipe round trip")
    print(f"{'step':34} {'hwbsh':>10} {'DuckDB':>10} {'sqlite3':>10} {'hwbsh/DuckDB':>13} {'hwbsh/sqlite3':>14}")
    for step in workloads.FIRST + workloads.SECOND:
        if step == "start (2nd process)":
            print("  -- a fresh process --")
        figures = [median(results[tool], None, step) for tool in TOOLS]
        print(f"{step:34} {seconds(figures[0]):>10} {seconds(figures[1]):>10} {seconds(figures[2]):>10} "
              f"{ratio(figures[0], figures[1]):>13} {ratio(figures[0], figures[2]):>14}")
    walls = [median(results[tool], "wall") for tool in TOOLS]
    peaks = [median(results[tool], "peak") for tool in TOOLS]
    loaded = [median(results[tool], "loaded") for tool in TOOLS]
    snapshots = [median(results[tool], "snapshot") / 1e6 for tool in TOOLS]
    print(f"{'whole run, wall (2 processes)':34} {seconds(walls[0]):>10} {seconds(walls[1]):>10} "
          f"{seconds(walls[2]):>10} {ratio(walls[0], walls[1]):>13} {ratio(walls[0], walls[2]):>14}")
    for title, figures in (("peak RSS", peaks), ("RSS of the load+count process", loaded),
                           ("snapshot file", snapshots)):
        print(f"{title:34} " + " ".join(f"{f'{figure:.0f} MB':>10}" for figure in figures)
              + f" {ratio(figures[0], figures[1]):>13} {ratio(figures[0], figures[2]):>14}")
    first = results["hwbsh"][0]
    print("\nhwbsh's figures: " + ", ".join(f"{step} {first['values'][step]}" for step in CHECKED))
    for step in ("sweep, quiet day (2027-07-02)", "sweep on 1 September"):
        changes = sweep_changes(first, step)
        if changes:
            print(f"hwbsh {step}: deactivated {changes[0]:,}, deleted {changes[1]:,}")
    targets(count, results, walls, peaks[0], loaded[0])


def targets(count, results, walls, peak, loaded):
    """hwbsh's figures against the issue's targets (set for 1,000,000 accounts)."""
    hwbsh = results["hwbsh"]
    step = lambda name: median(hwbsh, None, name)
    counts = ["count expiring=8w (all Wales)", "count status=active", "count status=deactivated"]
    rows = [
        ("whole workload / DuckDB's", walls[0] / walls[1], 0.5, lambda f: f"{f:.2f}x", "1/2"),
        ("whole workload / sqlite3's", walls[0] / walls[2], 1 / 8, lambda f: f"{f:.2f}x", "1/8"),
        ("peak RSS", peak, 350, lambda f: f"{f:.0f} MB", "350 MB"),
        ("loaded snapshot, resident", loaded, 200, lambda f: f"{f:.0f} MB", "200 MB"),
        ("import (schools + accounts)", step("import schools") + step("import accounts"), 0.5, seconds, "0.5 s"),
        ("save", step("save"), 0.3, seconds, "0.3 s"),
        ("load", step("load"), 0.3, seconds, "0.3 s"),
        ("sweep on 1 September", step("sweep on 1 September"), 0.1, seconds, "0.1 s"),
        ("filtered count (slowest of 3)", max(step(name) for name in counts), 0.020, seconds, "20 ms"),
        ("one school's expiring list", step("champion's expiring list"), 0.001, seconds, "1 ms"),
        ("forecast, 12 months, to a file", step("forecast, 12 months, to a file"), 0.5, seconds, "0.5 s"),
    ]
    note = "" if count == 1_000_000 else f" (set for 1,000,000 accounts; this run has {count:,})"
    print(f"\ntargets for hwbsh{note}")
    print(f"{'target':34} {'figure':>10} {'at most':>10}  met?")
    for title, figure, limit, shown, limit_text in rows:
        print(f"{title:34} {shown(figure):>10} {limit_text:>10}  {'met' if figure <= limit else 'NOT MET'}")


def scaling(sizes, tables):
    """A quiet day's sweep (ten changes) at two sizes: it should cost the same."""
    step = "sweep, quiet day (2027-07-02)"
    print(f"\na quiet day's sweep (ten accounts change) by store size")
    print(f"{'accounts':>12} " + " ".join(f"{TITLES[tool]:>10}" for tool in TOOLS) + "   hwbsh's changes")
    for size, results in zip(sizes, tables):
        changes = sweep_changes(results["hwbsh"][0], step)
        print(f"{size:>12,} " + " ".join(f"{seconds(median(results[tool], None, step)):>10}" for tool in TOOLS)
              + (f"   deactivated {changes[0]}, deleted {changes[1]}" if changes else ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, help="accounts (default 1,000,000; 20,000 with --quick)")
    parser.add_argument("--quick", action="store_true", help="a smoke test: 20,000 accounts, no scaling runs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hwbsh", required=True)
    parser.add_argument("--python", required=True, help="a Python with the duckdb package")
    parser.add_argument("--sqlite", default="sqlite3")
    options = parser.parse_args()
    count = options.count or (20_000 if options.quick else 1_000_000)
    options.hwbsh, options.python = os.path.abspath(options.hwbsh), os.path.abspath(options.python)
    os.makedirs(CACHE, exist_ok=True)
    try:
        data, results = bench(count, options, "")
        report(count, results, data)
        problems = disagreements(results)
        if problems:
            listed = "\n  ".join(problems)
            sys.exit(f"\nscripts/bench: FAILED: the tools do not end with the same figures:\n  {listed}")
        print("all three tools end with the same figures")
        if not options.quick and count != SCALING_SIZE:
            _, other = bench(SCALING_SIZE, options, f"{SCALING_SIZE:,} accounts: ")
            sizes = sorted([count, SCALING_SIZE])
            scaling(sizes, [results if size == count else other for size in sizes])
    except Failure as failure:
        sys.exit(f"scripts/bench: {failure}")


if __name__ == "__main__":
    main()
