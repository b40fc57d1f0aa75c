#!/usr/bin/env python3
"""Differential test: hwbsh against the reference model (reference.py).

  compare.py [--seeds N | --from A --to B | --seed S | --script FILE] [--mixed]
             [--hwbsh PATH] [--jobs J] [--keep DIR] [--quiet]

For each seed: generate a script (generate.py), run
`hwbsh --keep-going --date 2027-07-01 FILE`, take the refused lines from stderr
(`FILE:LINE:COL: error: ...`) and the last JSON document on stdout (the final
`export json -`), and compare both with the reference. Prints every difference with the
seed, the line, the command and what each side did; ends with `N passed, N failed`;
exits 1 when any scenario differs.
"""

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402
import reference as ref  # noqa: E402

DEFAULT_HWBSH = os.path.join(HERE, "..", "..", ".build", "debug", "hwbsh")
START = dt.date(2027, 7, 1)
FIELDS = ["name", "kind", "school", "status", "created", "lastActivity", "content",
          "category", "expires", "closeAtExpiry", "role", "leavingDate", "pendingSchool",
          "deactivatedOn", "deletionDue", "reason"]


def last_json(stdout):
    """The last JSON document on stdout: from the last line starting `{"date": `."""
    lines = stdout.split("\n")
    starts = [i for i, l in enumerate(lines) if l.startswith('{"date": ')]
    if not starts:
        return None, "no JSON document on stdout"
    text = "\n".join(lines[starts[-1]:])
    try:
        doc, _ = json.JSONDecoder().raw_decode(text)
        return doc, None
    except ValueError as e:
        return None, "unparsable JSON: %s" % e


def all_json(stdout):
    """Every JSON document on stdout, in order (each starts on a line `{"date": `)."""
    lines = stdout.split("\n")
    docs = []
    for i, l in enumerate(lines):
        if l.startswith('{"date": '):
            try:
                doc, _ = json.JSONDecoder().raw_decode("\n".join(lines[i:i + 10000]))
                docs.append(doc)
            except ValueError:
                docs.append(None)
    return docs


def run_hwbsh(hwbsh, path):
    p = subprocess.run([hwbsh, "--keep-going", "--date", START.isoformat(), path],
                       capture_output=True, timeout=120)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    refused = {}
    pat = re.compile(r"^" + re.escape(path) + r":(\d+):(\d+): error: (.*)$")
    other = []
    for l in err.split("\n"):
        m = pat.match(l)
        if m:
            refused.setdefault(int(m.group(1)), []).append(m.group(3))
        elif l.strip():
            other.append(l)
    return p.returncode, out, refused, other


def compare_one(seed, hwbsh, keep_dir=None, script=None, mixed=False, label=None):
    """Returns (seed, differences). label names the scenario in messages (default: seed N)."""
    if script is None:
        script = generate.generate(seed, mixed)
    results, doc, model = ref.run_script(script, START)
    fd, path = tempfile.mkstemp(suffix=".hwb", prefix="diff%d-" % seed)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(script)
    try:
        rc, out, refused, other = run_hwbsh(hwbsh, path)
    finally:
        if keep_dir:
            os.makedirs(keep_dir, exist_ok=True)
            os.replace(path, os.path.join(keep_dir, "seed%d.hwb" % seed))
        else:
            os.unlink(path)
    diffs = []
    lines = script.split("\n")
    ref_by_line = {}
    for r in results:
        ref_by_line.setdefault(r.line, []).append(r)
    for ln in sorted(set(ref_by_line) | set(refused)):
        rr = ref_by_line.get(ln, [])
        ref_refused = [r for r in rr if not r.accepted]
        h = refused.get(ln, [])
        if len(ref_refused) != len(h):
            cmd = lines[ln - 1] if ln - 1 < len(lines) else "?"
            ref_says = "refused (%s)" % "; ".join(r.message for r in ref_refused) \
                if ref_refused else "accepted"
            h_says = "refused (%s)" % "; ".join(h) if h else "accepted"
            diffs.append("seed %d line %d: %s\n    hwbsh: %s\n    reference: %s"
                         % (seed, ln, cmd, h_says, ref_says))
            # the first disagreement usually causes the rest: stop at the first
            break
    expected_rc = 1 if any(not r.accepted for r in results) else 0
    if rc != expected_rc and not other:
        diffs.append("seed %d: hwbsh exit status %d, expected %d" % (seed, rc, expected_rc))
    if other:
        diffs.append("seed %d: unexpected stderr: %s" % (seed, " | ".join(other[:3])))
    hdoc, why = last_json(out)
    if hdoc is None:
        diffs.append("seed %d: hwbsh %s (exit %d)" % (seed, why, rc))
    elif doc is None:
        diffs.append("seed %d: reference produced no export" % seed)
    elif not diffs:  # compare the documents only when every command agreed
        diffs += compare_docs(seed, hdoc, doc)
        if not diffs:
            # the exports made along the way (under other actors) must agree too
            hdocs = all_json(out)
            if len(hdocs) != len(model.exports):
                diffs.append("seed %d: hwbsh printed %d JSON documents, reference %d"
                             % (seed, len(hdocs), len(model.exports)))
            else:
                for k, (h, r) in enumerate(zip(hdocs, model.exports)):
                    d = compare_docs(seed, h or {}, r)
                    if d:
                        diffs += ["(export #%d) %s" % (k + 1, x) for x in d]
                        break
    if label:
        diffs = [d.replace("seed %d" % seed, label, 1) for d in diffs]
    return seed, diffs


def compare_docs(seed, h, r):
    diffs = []
    if h.get("date") != r.get("date"):
        diffs.append("seed %d export date: hwbsh %s, reference %s" % (seed, h.get("date"), r.get("date")))
    ha = {a["id"]: a for a in h.get("accounts", [])}
    ra = {a["id"]: a for a in r.get("accounts", [])}
    hids = [a["id"] for a in h.get("accounts", [])]
    if hids != sorted(hids):
        diffs.append("seed %d export: hwbsh accounts not sorted by id" % seed)
    for i in sorted(set(ha) | set(ra)):
        if i not in ha:
            diffs.append("seed %d export %s: missing in hwbsh, reference has %s"
                         % (seed, i, json.dumps(ra[i], ensure_ascii=False)))
            continue
        if i not in ra:
            diffs.append("seed %d export %s: hwbsh has it, reference deleted/never made it: %s"
                         % (seed, i, json.dumps(ha[i], ensure_ascii=False)))
            continue
        for k in FIELDS:
            hv, rv = ha[i].get(k), ra[i].get(k)
            if hv != rv:
                diffs.append("seed %d export %s.%s: hwbsh %s, reference %s"
                             % (seed, i, k, json.dumps(hv, ensure_ascii=False),
                                json.dumps(rv, ensure_ascii=False)))
        extra = set(ha[i]) - set(FIELDS) - {"id"}
        if extra:
            diffs.append("seed %d export %s: unexpected keys %s" % (seed, i, sorted(extra)))
    return diffs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, default=200)
    ap.add_argument("--from", dest="start", type=int, default=1)
    ap.add_argument("--to", dest="end", type=int)
    ap.add_argument("--seed", type=int, action="append")
    ap.add_argument("--script", action="extend", nargs="+",
                    help="compare this script file instead of generated ones (must end"
                         " with export json -)")
    ap.add_argument("--hwbsh", default=os.environ.get("HWBSH", DEFAULT_HWBSH))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--mixed", action="store_true",
                    help="several commands on some lines (;) and # comments")
    ap.add_argument("--keep", help="keep the scripts in this directory")
    ap.add_argument("--quiet", action="store_true", help="print only the summary")
    a = ap.parse_args()
    if a.seed:
        seeds = a.seed
    else:
        end = a.end if a.end is not None else a.start + a.seeds - 1
        seeds = range(a.start, end + 1)
    hwbsh = os.path.abspath(a.hwbsh)
    if not os.access(hwbsh, os.X_OK):
        print("no hwbsh at %s (swift build first)" % hwbsh, file=sys.stderr)
        return 2
    t0 = time.time()
    passed = failed = 0
    if a.script:
        texts = [open(f, encoding="utf-8").read() for f in a.script]
        work = lambda k: compare_one(k, hwbsh, None, texts[k], label=a.script[k])  # noqa: E731
        seeds = range(len(texts))
    else:
        work = lambda s: compare_one(s, hwbsh, a.keep, None, a.mixed)  # noqa: E731
    with ThreadPoolExecutor(max_workers=a.jobs) as ex:
        for seed, diffs in ex.map(work, seeds):
            if diffs:
                failed += 1
                if not a.quiet:
                    print("\n".join(diffs))
            else:
                passed += 1
    print("%.1fs" % (time.time() - t0), file=sys.stderr)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
