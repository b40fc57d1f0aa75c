#!/usr/bin/env python3
"""Seeded random scenario generator for hwbsh differential testing.

  generate.py [--mixed] SEED   prints the script for SEED (one command per line;
                               --mixed joins some with `;` and adds `#` comments)

The generator runs the reference model alongside (reference.py) only to pick
interesting values: the dates where a rule flips (the 56th/57th day of the expiring
window, the 90th/91st day of inactivity, a deletion exactly 12 months on, 31 August,
1 September, 29 February) and ids that exist, were deleted, or are out of scope.
"""

import datetime as dt
import os
import random
import sys

import reference as ref

START = dt.date(2027, 7, 1)
# Content counts at the edge of a 64-bit integer: off by default, because hwbsh crashes
# on them (see the report) and a crash hides every later difference in the scenario.
EXTREME = os.environ.get("HWB_DIFF_EXTREME") == "1"

CATS = list(ref.CATEGORIES)
BAD_CATS = ["learner", "teacher", "Governor", "pupil", "service-desk"]
FIRST = ["Jo", "Siân", "Dai", "Gwen", "Rhys", "Megan", "Ifan", "Nia", "Owain", "Cerys"]
LAST = ["Bloggs", "Ifans", "Davies", "Jones", "Williams", "Evans", "Thomas", "Môr"]


def rand_name(r):
    k = r.random()
    if k < 0.03:
        return '""'
    if k < 0.06:
        return '"Jo \\"JB\\" Bloggs"'
    if k < 0.10:
        return r.choice(FIRST)  # unquoted, one word
    return '"%s %s"' % (r.choice(FIRST), r.choice(LAST))


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.lines = []
        self.model = ref.Model(START)
        r = self.r
        # id pool: ~15 ids, some sharing a prefix
        base = ["jo.bloggs", "sian.ifans", "dai", "gwen@ysgol", "printer-1", "kindle_2",
                "gov.rhys", "supply1", "ite.nia", "la.owain", "cerys", "staff.a",
                "staff.b", "learner.x", "learner.y", "stake-1", "cons.1", "tmp.z"]
        r.shuffle(base)
        self.ids = base[: r.randint(12, 16)]
        self.bad_ids = [".dot", "-dash", "bad!id", "a" * 65, "sp ace", "x/y"]
        self.schools = []          # numbers attempted
        self.las = ["661", "662"]

    # ---- helpers
    def emit(self, line):
        self.lines.append(line)
        ref.run_script(line, None, self.model)

    def today(self):
        return self.model.today

    def some_id(self):
        r = self.r
        k = r.random()
        if k < 0.04:
            return r.choice(self.bad_ids)
        i = r.choice(self.ids)
        if k < 0.15:
            i = i.upper() if r.random() < 0.5 else i.capitalize()
        return i

    def existing_id(self, pred=None):
        accs = [a for a in self.model.accounts.values() if pred is None or pred(a)]
        if not accs:
            return self.some_id()
        a = self.r.choice(accs)
        i = a["id"]
        if self.r.random() < 0.1:
            i = i.upper()
        return i

    def pick_id(self, pred=None):
        return self.existing_id(pred) if self.r.random() < 0.75 else self.some_id()

    def scoped_schools(self):
        return [n for n in self.maintained_schools() if self.model.in_scope(n)]

    def scoped_id(self, pred=None):
        """An id of an account the current actor can see (if any), else any id."""
        accs = [a for a in self.model.accounts.values()
                if self.model.in_scope(a["school"]) and (pred is None or pred(a))]
        if accs and self.r.random() < 0.85:
            i = self.r.choice(accs)["id"]
            return i.upper() if self.r.random() < 0.05 else i
        return self.pick_id(pred)

    def maintained_schools(self):
        return [n for n, s in self.model.schools.items() if s["maintained"]]

    def some_school(self):
        r = self.r
        k = r.random()
        ms = self.maintained_schools()
        if k < 0.75 and ms:
            return r.choice(ms)
        if k < 0.87 and self.model.schools:
            return r.choice(list(self.model.schools))
        return r.choice(["6619999", "6701234", "661200", "abc", "6591234", "6625555"])

    def fmt(self, d):
        return d.isoformat()

    def edge_dates(self):
        """Dates where some rule flips, relative to the current state."""
        t = self.today()
        out = []
        for a in self.model.accounts.values():
            if a["status"] == "active" and a["kind"] == "non-mis":
                la = a["lastActivity"]
                out += [la + dt.timedelta(days=90), la + dt.timedelta(days=91),
                        a["expires"], a["expires"] + dt.timedelta(days=1),
                        a["expires"] - dt.timedelta(days=56),
                        a["expires"] - dt.timedelta(days=57)]
            if a["status"] == "active" and a.get("leavingDate"):
                out += [a["leavingDate"], a["leavingDate"] + dt.timedelta(days=1)]
            if a["status"] == "deactivated":
                due = a["deletionDue"]
                out += [due, due - dt.timedelta(days=1)]
                if a["kind"] == "non-mis":  # reactivate on the expiry day, or the day after
                    out += [a["expires"], a["expires"] + dt.timedelta(days=1)]
        for y in (t.year, t.year + 1, t.year + 2):
            out += [dt.date(y, 8, 31), dt.date(y, 9, 1)]
            if y % 4 == 0:
                out += [dt.date(y, 2, 29), dt.date(y, 2, 28), dt.date(y, 3, 1)]
            else:
                out += [dt.date(y, 2, 28), dt.date(y, 3, 1)]
        return [d for d in out if d >= t and d <= t + dt.timedelta(days=800)]

    def expiry_value(self):
        """An expires= value for create / reactivate until=."""
        r = self.r
        t = self.today()
        eoy = ref.end_of_year(t)
        k = r.random()
        choices = [t, t - dt.timedelta(days=1), eoy, eoy + dt.timedelta(days=1),
                   t + dt.timedelta(days=56), t + dt.timedelta(days=57),
                   t + dt.timedelta(days=90),
                   t + dt.timedelta(days=r.randint(0, 400)),
                   ref.add_months(t, 1), ref.add_months(t, 6)]
        if k < 0.05:
            return r.choice(["2027-02-29", "2028-13-01", "27-08-31", "tomorrow", "2028-02-30"])
        return self.fmt(r.choice(choices))

    # ---- commands
    def c_school(self):
        r = self.r
        k = r.random()
        if k < 0.1 and self.schools:
            num = r.choice(self.schools)  # duplicate
        elif k < 0.18:
            num = r.choice(["6591234", "6821234", "661123", "66112345", "66a1234", "0001234"])
        else:
            num = r.choice(self.las + ["670"]) + "%04d" % r.randint(1000, 9999)
        self.schools.append(num)
        extra = ""
        m = r.random()
        if m < 0.15:
            extra = " maintained=no"
        elif m < 0.2:
            extra = " maintained=yes"
        elif m < 0.22:
            extra = " maintained=maybe"
        name = ' name="Ysgol %s"' % r.choice(LAST) if r.random() > 0.03 else ""
        self.emit("school add %s%s%s" % (num, name, extra))

    def c_login(self):
        r = self.r
        k = r.random()
        if k < 0.35:
            self.emit("login service-desk")
        elif k < 0.65:
            la = r.choice(["661", "661", "662", "662", "670", "659", "682", "66", "6610"])
            self.emit("login la-admin %s" % la)
        elif k < 0.97:
            self.emit("login champion %s" % self.some_school())
        else:
            self.emit(r.choice(["login", "login root", "login la-admin", "login champion"]))

    def c_create(self):
        r = self.r
        good = r.random() < 0.6
        free = [i for i in self.ids if i not in self.model.accounts]
        if good and free:
            i = r.choice(free)
        else:
            i = self.some_id() if r.random() < 0.8 else self.existing_id()
        parts = ["create", i]
        if good and self.scoped_schools():
            cat = r.choice(CATS)
            parts += ["name=%s" % rand_name(r), "category=%s" % cat,
                      "school=%s" % r.choice(self.scoped_schools())]
            e = r.random()
            if e < 0.3 or (cat == "ite-student" and e < 0.6):
                parts.append("expires=%s" % self.expiry_value())
            elif e < 0.6:
                parts.append("for=%s" % r.choice(["1m", "3m", "6m", "end-of-year"]))
            self.emit(" ".join(parts))
            return
        if r.random() > 0.03:
            parts.append("name=%s" % rand_name(r))
        k = r.random()
        if k < 0.88:
            cat = r.choice(CATS)
        elif k < 0.97:
            cat = r.choice(BAD_CATS)
        else:
            cat = None
        if cat:
            parts.append("category=%s" % cat)
        if r.random() > 0.03:
            parts.append("school=%s" % self.some_school())
        e = r.random()
        if e < 0.35:
            pass
        elif e < 0.7:
            parts.append("expires=%s" % self.expiry_value())
        elif e < 0.97:
            parts.append("for=%s" % r.choice(["1m", "3m", "6m", "end-of-year", "1m", "3m", "6m",
                                             "2m", "12m", "end-of-next-year", "8w"]))
        else:
            parts.append("expires=%s" % self.expiry_value())
            parts.append("for=1m")
        if r.random() < 0.02:
            parts.append("colour=red")
        head, rest = parts[:2], parts[2:]
        if r.random() < 0.3:
            r.shuffle(rest)
        self.emit(" ".join(head + rest))

    def c_join(self):
        r = self.r
        i = self.pick_id(lambda a: a["kind"] == "mis") if r.random() < 0.6 else self.some_id()
        parts = ["mis", "join", i]
        if r.random() > 0.03:
            parts.append("school=%s" % self.some_school())
        k = r.random()
        if k < 0.85:
            parts.append("name=%s" % rand_name(r))
            role = r.choice(["learner", "staff"] * 6 + ["teacher", "Staff"]) \
                if r.random() < 0.95 else None
            if role:
                parts.append("role=%s" % role)
        elif k < 0.92:
            parts.append("role=%s" % r.choice(["learner", "staff"]))
        self.emit(" ".join(parts))

    def c_leave(self):
        r = self.r
        i = self.pick_id(lambda a: a["kind"] == "mis" and a["status"] == "active")
        t = self.today()
        k = r.random()
        if k < 0.3:
            self.emit("mis leave %s" % i)
            return
        if k < 0.95:
            d = t + dt.timedelta(days=r.choice([-400, -30, -1, 0, 1, 7, 30, 60, 365]))
            self.emit("mis leave %s on=%s" % (i, self.fmt(d)))
        else:
            self.emit("mis leave %s on=%s" % (i, r.choice(["soon", "2027-02-29", "2028-02-29"])))

    def c_signin(self):
        r = self.r
        i = self.pick_id(lambda a: a["status"] == "active")
        t = self.today()
        k = r.random()
        if k < 0.4:
            self.emit("signin %s" % i)
            return
        a = self.model.accounts.get(i.lower())
        choices = [t, t + dt.timedelta(days=1), t - dt.timedelta(days=r.randint(1, 100))]
        if a:
            choices += [a["created"], a["created"] - dt.timedelta(days=1), a["lastActivity"],
                        a["lastActivity"] - dt.timedelta(days=1)]
            if a.get("expires"):  # inactivity and expiry fall on the same day (a tie)
                choices += [a["expires"] - dt.timedelta(days=90)] * 3
        self.emit("signin %s on=%s" % (i, self.fmt(r.choice(choices))))

    def c_content(self):
        r = self.r
        i = self.pick_id()
        if r.random() < 0.85:
            n = r.choice(["0", "1", "5", "25", "1000", str(r.randint(0, 500))])
        else:
            n = r.choice(["-1", "3.5", "lots", "007", "999999999999", "1000000000000", "+3", ""]
                         + (["9223372036854775807", "9223372036854775808"] if EXTREME else []))
        self.emit("content %s %s" % (i, n))

    def c_keep(self):
        r = self.r
        i = self.scoped_id(lambda a: a["kind"] == "non-mis" and a["status"] == "active")
        p = r.choice(["end-of-next-year", "6m", "3m", "1m"] * 10 + ["2m", "12m", "end-of-year", ""])
        self.emit(("keep %s %s" % (i, p)).rstrip())

    def c_close(self):
        r = self.r
        i = self.scoped_id(lambda a: a["kind"] == "non-mis" and a["status"] == "active")
        p = r.choice(["now", "at-expiry"] * 8 + ["later", ""])
        self.emit(("close %s %s" % (i, p)).rstrip())

    def c_reactivate(self):
        r = self.r
        i = self.scoped_id(lambda a: a["status"] == "deactivated") if r.random() < 0.85 \
            else self.pick_id()
        if r.random() < 0.35:
            self.emit("reactivate %s until=%s" % (i, self.expiry_value()))
        else:
            self.emit("reactivate %s" % i)

    def c_sweep(self):
        r = self.r
        k = r.random()
        if k < 0.8:
            self.emit("sweep")
        elif k < 0.97:
            self.emit("sweep dry-run")
        else:
            self.emit("sweep now")

    def c_date(self):
        r = self.r
        t = self.today()
        k = r.random()
        if k < 0.45:
            edges = self.edge_dates()
            if edges:
                self.emit("date set %s" % self.fmt(r.choice(edges)))
                return
        if k < 0.55:
            d = t - dt.timedelta(days=r.choice([1, 30]))
            self.emit("date set %s" % self.fmt(d))
            return
        if k < 0.6:
            self.emit("date set %s" % r.choice(["2027-02-29", "2028-02-30", "next", "2028-2-1"]))
            return
        if k < 0.62:
            self.emit("date advance %s" % r.choice(["0d", "-1d", "3", "1x", "m"]))
            return
        p = r.choice(["1d", "1d", "2d", "3d", "7d", "7d", "14d", "30d", "55d", "56d", "57d",
                      "89d", "90d", "91d", "8w", "1m", "1m", "3m"]
                     if r.random() < 0.85 else ["6m", "12m", "1y", "2y"])
        self.emit("date advance %s" % p)

    def c_export(self):
        r = self.r
        t = self.today()
        filters = []
        for _ in range(r.choice([0, 0, 1, 1, 2])):
            filters.append(r.choice([
                "kind=mis", "kind=non-mis", "status=active", "status=deactivated",
                "role=learner", "role=staff", "category=%s" % r.choice(CATS),
                "reason=%s" % r.choice(["expired", "inactive", "closed", "left"]),
                "school=%s" % r.choice(list(self.model.schools) or ["6612001"]),
                "la=%s" % r.choice(["661", "662", "670"]),
                "expiring=%s" % r.choice(["8w", "56d", "57d", "1m", "0d", "1y"]),
                "inactive=%s" % r.choice(["90d", "91d", "3m", "1m", "0d", "1y"]),
                "name~%s" % r.choice(["jo", "JONES", "ô", '"s d"', "x"]),
            ] + ["expiring=%dd" % ((a["expires"] - t).days + r.choice([-1, 0, 1]))
                 for a in self.model.accounts.values()
                 if a["kind"] == "non-mis" and a["expires"] >= t][:3]))
        self.emit(" ".join(["export json -"] + filters))

    def generate(self):
        r = self.r
        # an optional date set first: on the empty store any date is allowed
        if r.random() < 0.4:
            self.emit("date set %s" % r.choice(
                ["2027-07-01", "2027-08-31", "2027-09-01", "2028-02-29", "2028-07-04",
                 "2027-06-01", "2026-12-25"]))
        for _ in range(r.randint(3, 5)):
            self.c_school()
        # make sure there are some maintained schools in both LAs most of the time
        if not self.maintained_schools():
            self.emit("school add 6612001 name=\"Ysgol y Môr\"")
        weights = [
            (self.c_create, 14), (self.c_join, 9), (self.c_leave, 5), (self.c_signin, 8),
            (self.c_content, 4), (self.c_keep, 8), (self.c_close, 6), (self.c_reactivate, 6),
            (self.c_sweep, 8), (self.c_date, 12), (self.c_login, 6), (self.c_school, 1),
            (self.c_export, 3),
        ]
        fns = [f for f, _ in weights]
        ws = [w for _, w in weights]
        for _ in range(r.randint(30, 90) if r.random() < 0.85 else r.randint(150, 260)):
            r.choices(fns, ws)[0]()
        if r.random() < 0.7:
            self.emit("sweep")
        self.emit("login service-desk")
        self.emit("export json -")
        return "\n".join(self.lines) + "\n"

    def mix(self, text):
        """Join some neighbouring commands with `;` and add `#` comments (docs/language.md)."""
        r = self.r
        lines = text.rstrip("\n").split("\n")
        body, tail = lines[:-2], lines[-2:]
        out = []
        for l in body:
            if out and r.random() < 0.1:
                out[-1] += r.choice(["; ", ";", " ;  "]) + l
            else:
                out.append(l)
            if r.random() < 0.05:
                out[-1] += r.choice([" # a comment", "  #note; not a command", "#"])
        if r.random() < 0.1:
            out.insert(r.randint(0, len(out)), "# a comment line; keep jo 1m")
        return "\n".join(out + tail) + "\n"


def generate(seed, mixed=False):
    g = Gen(seed)
    text = g.generate()
    return g.mix(text) if mixed else text


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--mixed"]
    seed = int(args[0]) if args else 1
    sys.stdout.write(generate(seed, mixed="--mixed" in sys.argv))
