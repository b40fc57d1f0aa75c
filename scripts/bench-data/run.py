#!/usr/bin/env python3
"""Times hwbsh on a national-scale store: import, count, one school's expiring list, a
sweep, export, and snapshot save and load. Each figure is the best of three runs of the
release binary, in seconds; operations after a load are shown with the load taken off.
Usage: run.py HWBSH [ACCOUNTS]"""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

def best(hwbsh, commands, folder):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([hwbsh, "--date", "2027-07-01", "-c", commands], cwd=folder, check=True,
                       stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)

def main():
    hwbsh, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(count), folder], check=True)
        subprocess.run([hwbsh, "--date", "2027-07-01", "-c",
                        "import schools schools.csv; import accounts accounts.csv; save store.hwbs"],
                       cwd=folder, check=True, stdout=subprocess.DEVNULL)
        print(f"{'operation (' + format(count, ',') + ' accounts)':46} {'seconds':>8}")
        load = best(hwbsh, "load store.hwbs", folder)
        rows = [("start (empty store)", best(hwbsh, "date", folder)),
                ("import schools and accounts (CSV)", best(hwbsh, "import schools schools.csv; import accounts accounts.csv", folder)),
                ("load snapshot", load)]
        after = [("count", "count"), ("count non-MIS", "count kind=non-mis"),
                 ("a champion's expiring list", "login champion 6612010; expiring"),
                 ("sweep on 1 September", "date set 2027-09-01; sweep"),
                 ("export json", "export json out.json"), ("save snapshot", "save again.hwbs")]
        for label, command in after:
            # The load is taken off; what is left is within the noise (±0.05 s) for the fastest.
            rows.append((label + " (after the load)", max(0.0, best(hwbsh, "load store.hwbs; " + command, folder) - load)))
        for label, seconds in rows:
            print(f"{label:46} {seconds:8.2f}")

if __name__ == "__main__":
    main()
