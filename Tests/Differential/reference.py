#!/usr/bin/env python3
"""Independent reference model of hwbsh, written from docs/rules.md (R1-R14) and docs/language.md only.

It covers the commands a differential scenario uses:
  date [set DATE | advance PERIOD], school add, login, create, mis join, mis leave,
  signin, content, keep, close, reactivate, sweep [dry-run], export json FILE.

Usage as a program:
  reference.py [--date YYYY-MM-DD] FILE
prints, for each command, `LINE accepted|refused: reason`, then the final export json
document (the last `export json` run by the script).

Usage as a library:
  results, doc, model = run_script(text, date(2027, 7, 1))
results is a list of Result(line, text, accepted, message), one per command; doc is the
last document `export json -` produced (a dict), or None; model.exports holds them all.

Where docs/rules.md and docs/language.md are silent, three points follow docs/decisions.md (and are
marked so below): the calendar ends on 9999-12-31 (a result past it is refused, a bound past
it is no bound, a deletion due past it is 9999-12-31); named arguments may stand before the
`join`/`leave` word of `mis`; export filters. Everything else is read from the spec alone.
"""

import calendar
import datetime as dt
import json
import re
import sys
from collections import namedtuple

MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(9999, 12, 31)

CATEGORIES = ("temporary-staff", "service", "governor", "consortia", "la-staff",
              "supply-teacher", "ite-student", "stakeholder")
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
PERIOD_RE = re.compile(r"^(\d+)([dwmy])$")
KEY_RE = re.compile(r"^([a-z][a-z-]*)=(.*)$", re.S)

Result = namedtuple("Result", "line text accepted message")


class Refused(Exception):
    """A refused command (R14.5: it changes nothing)."""


# ---------------------------------------------------------------- dates (R1, R2)

def parse_date(s):
    m = DATE_RE.match(s or "")
    if not m:
        raise Refused("not a date: %r" % s)
    y, mo, d = map(int, m.groups())
    if not (1900 <= y <= 9999):
        raise Refused("year out of range: %r" % s)
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise Refused("no such date: %r" % s)


def add_days(d, n):
    try:
        r = d + dt.timedelta(days=n)
    except OverflowError:
        raise Refused("date past 9999-12-31")
    if r > MAX_DATE or r < MIN_DATE:
        raise Refused("date out of the calendar")
    return r


def add_months(d, n):
    """R2: same day-of-month n months later, clamped to the end of the target month."""
    idx = d.year * 12 + (d.month - 1) + n
    y, m = divmod(idx, 12)
    m += 1
    if y > 9999:
        raise Refused("date past 9999-12-31")
    last = calendar.monthrange(y, m)[1]
    return dt.date(y, m, min(d.day, last))


def ay_start(d):
    return d.year if d.month >= 9 else d.year - 1


def end_of_year(d):
    y = ay_start(d) + 1
    if y > 9999:
        return None  # no bound
    return dt.date(y, 8, 31)


def end_of_next_year(d):
    y = ay_start(d) + 2
    if y > 9999:
        return None  # no bound (docs/decisions.md: Clock)
    return dt.date(y, 8, 31)


def parse_period(s):
    m = PERIOD_RE.match(s or "")
    if not m:
        raise Refused("not a period: %r" % s)
    return int(m.group(1)), m.group(2)


def apply_period(d, n, unit):
    if unit == "d":
        return add_days(d, n)
    if unit == "w":
        return add_days(d, 7 * n)
    if unit == "m":
        return add_months(d, n)
    return add_months(d, 12 * n)


def iso(d):
    return None if d is None else d.isoformat()


# ---------------------------------------------------------------- words (docs/language.md)

def split_commands(line):
    """Split one line into commands (`;`), dropping a `#` comment; quotes respected.
    Returns a list of (column, list-of-words) or raises Refused for the rest of the line."""
    commands = []
    words = []
    cur = None          # current word being built, or None
    start_col = None
    in_q = False
    i = 0
    n = len(line)
    cmd_col = None
    while i < n:
        c = line[i]
        if in_q:
            if c == "\\" and i + 1 < n and line[i + 1] in "\"\\":
                cur += line[i + 1]
                i += 2
                continue
            if c == '"':
                in_q = False
            else:
                cur += c
            i += 1
            continue
        if c in " \t":
            if cur is not None:
                words.append(cur)
                cur = None
            i += 1
            continue
        if c == "#":
            break
        if c == ";":
            if cur is not None:
                words.append(cur)
                cur = None
            if words:
                commands.append((cmd_col, words))
            words = []
            cmd_col = None
            i += 1
            continue
        if cmd_col is None:
            cmd_col = i + 1
        if cur is None:
            cur = ""
        if c == '"':
            in_q = True
        else:
            cur += c
        i += 1
    if in_q:
        commands.append((cmd_col, None))  # unclosed quote: this command is an error
        return commands
    if cur is not None:
        words.append(cur)
    if words:
        commands.append((cmd_col, words))
    return commands


def split_args(words):
    """Positional words and key=value pairs (keys may repeat -> refused)."""
    pos, named = [], {}
    for w in words:
        m = KEY_RE.match(w)
        if m:
            k, v = m.group(1), m.group(2)
            if k in named:
                raise Refused("%s= given twice" % k)
            named[k] = v
        else:
            pos.append(w)
    return pos, named


def check_args(pos, named, npos_min, npos_max, allowed):
    if len(pos) < npos_min:
        raise Refused("missing argument")
    if len(pos) > npos_max:
        raise Refused("unexpected word %r" % pos[npos_max])
    for k in named:
        if k not in allowed:
            raise Refused("unknown argument %s=" % k)


def parse_id(s):
    if not ID_RE.match(s):
        raise Refused("not a valid id: %r (R4)" % s)
    return s.lower()


# ---------------------------------------------------------------- the model

class Model:
    def __init__(self, today):
        self.today = today
        self.schools = {}      # number -> {"name", "maintained"}
        self.accounts = {}     # id -> dict (JSON field names)
        self.actor = ("service-desk",)
        self.last_export = None
        self.exports = []      # every document written to standard output, in order
        self.log = []          # informational messages

    # -- scope (R11)
    def in_scope(self, school):
        a = self.actor
        if a[0] == "service-desk":
            return True
        if a[0] == "la-admin":
            return school.startswith(a[1])
        return school == a[1]

    def maintained(self, number):
        s = self.schools.get(number)
        return s is not None and s["maintained"]

    def get_scoped(self, ident):
        i = parse_id(ident)
        a = self.accounts.get(i)
        if a is None or not self.in_scope(a["school"]):
            raise Refused("no account %s" % i)
        return a

    def get_any(self, ident):
        i = parse_id(ident)
        a = self.accounts.get(i)
        if a is None:
            raise Refused("no account %s" % i)
        return a

    def empty(self):
        return not self.schools and not self.accounts

    def expiry_bound_check(self, d):
        if d < self.today:
            raise Refused("expiry %s is before today (R5)" % d)
        eoy = end_of_year(self.today)
        if eoy is not None and d > eoy:
            raise Refused("expiry %s is after the end of the academic year %s (R5)" % (d, eoy))

    # -- dispatch
    def execute(self, words):
        cmd, rest = words[0], words[1:]
        if cmd == "date":
            return self.cmd_date(rest)
        if cmd == "school":
            return self.cmd_school(rest)
        if cmd == "login":
            return self.cmd_login(rest)
        if cmd == "create":
            return self.cmd_create(rest)
        if cmd == "mis":
            # named arguments may stand anywhere after the command word
            # (docs/decisions.md, Argument order), even before join/leave
            plain = [w for w in rest if not KEY_RE.match(w)]
            if not plain:
                raise Refused("mis needs join or leave")
            sub = plain[0]
            rest = list(rest)
            rest.remove(sub)
            if sub == "join":
                return self.cmd_join(rest)
            if sub == "leave":
                return self.cmd_leave(rest)
            raise Refused("unknown mis event %r" % sub)
        if cmd == "signin":
            return self.cmd_signin(rest)
        if cmd == "content":
            return self.cmd_content(rest)
        if cmd == "keep":
            return self.cmd_keep(rest)
        if cmd == "close":
            return self.cmd_close(rest)
        if cmd == "reactivate":
            return self.cmd_reactivate(rest)
        if cmd == "sweep":
            return self.cmd_sweep(rest)
        if cmd == "export":
            return self.cmd_export(rest)
        raise Refused("unknown command %r" % cmd)

    # -- date
    def cmd_date(self, rest):
        pos, named = split_args(rest)
        if not pos:
            check_args(pos, named, 0, 0, ())
            return "today is %s" % self.today
        sub = pos[0]
        if sub == "set":
            check_args(pos, named, 2, 2, ())
            d = parse_date(pos[1])
            if d < self.today and not self.empty():
                raise Refused("the clock only moves forward")
            self.today = d
            return "today is %s" % d
        if sub == "advance":
            check_args(pos, named, 2, 2, ())
            n, u = parse_period(pos[1])
            self.today = apply_period(self.today, n, u)
            return "today is %s" % self.today
        raise Refused("unknown date subcommand %r" % sub)

    # -- school directory (R3)
    def cmd_school(self, rest):
        pos, named = split_args(rest)
        if not pos or pos[0] != "add":
            raise Refused("school needs add")
        check_args(pos, named, 2, 2, ("name", "maintained"))
        num = pos[1]
        if "name" not in named:
            raise Refused("school add needs name=")
        maint = named.get("maintained", "yes")
        if maint not in ("yes", "no"):
            raise Refused("maintained= is yes or no")
        if not re.fullmatch(r"\d{7}", num):
            raise Refused("a school number has 7 digits (R3)")
        if not (660 <= int(num[:3]) <= 681):
            raise Refused("LA %s is not a Welsh LA (R3)" % num[:3])
        if num in self.schools:
            raise Refused("school %s is already in the directory (R3)" % num)
        self.schools[num] = {"name": named["name"], "maintained": maint == "yes"}
        return "added school %s" % num

    # -- actor (R11)
    def cmd_login(self, rest):
        pos, named = split_args(rest)
        check_args(pos, named, 1, 2, ())
        who = pos[0]
        if who == "service-desk":
            check_args(pos, named, 1, 1, ())
            self.actor = ("service-desk",)
        elif who == "la-admin":
            check_args(pos, named, 2, 2, ())
            la = pos[1]
            if not re.fullmatch(r"\d{3}", la) or not (660 <= int(la) <= 681):
                raise Refused("LA code must be 660 to 681 (R11)")
            self.actor = ("la-admin", la)
        elif who == "champion":
            check_args(pos, named, 2, 2, ())
            s = pos[1]
            if not self.maintained(s):
                raise Refused("champion needs a maintained school in the directory (R11)")
            self.actor = ("champion", s)
        else:
            raise Refused("unknown actor %r" % who)
        return "acting as %s" % " ".join(self.actor)

    # -- create (R5)
    def cmd_create(self, rest):
        pos, named = split_args(rest)
        check_args(pos, named, 1, 1, ("name", "category", "school", "expires", "for"))
        for k in ("name", "category", "school"):
            if k not in named:
                raise Refused("create needs %s=" % k)
        i = parse_id(pos[0])
        if i in self.accounts:
            raise Refused("id %s already exists (R5)" % i)
        cat = named["category"]
        if cat not in CATEGORIES:
            raise Refused("category %r: no learner may have a non-MIS account (R5)" % cat)
        school = named["school"]
        if not self.maintained(school) or not self.in_scope(school):
            raise Refused("school %s is not a maintained school in scope (R5)" % school)
        if "expires" in named and "for" in named:
            raise Refused("give expires= or for=, not both")
        eoy = end_of_year(self.today)
        if "expires" in named:
            exp = parse_date(named["expires"])
            self.expiry_bound_check(exp)
        elif "for" in named:
            f = named["for"]
            if f == "end-of-year":
                if eoy is None:
                    raise Refused("the end of the academic year falls past 9999-12-31")
                exp = eoy
            elif f in ("1m", "3m", "6m"):
                exp = add_months(self.today, int(f[0]))
            else:
                raise Refused("for= is 1m, 3m, 6m or end-of-year (R5)")
            self.expiry_bound_check(exp)
        else:
            if cat == "ite-student":
                raise Refused("an ITE placement must have an end date (R5)")
            exp = eoy
        if exp is None:
            # docs/decisions.md (Clock): a result past 9999-12-31 is refused
            raise Refused("the end of the academic year falls past 9999-12-31")
        self.accounts[i] = {
            "id": i, "name": named["name"], "kind": "non-mis", "school": school,
            "status": "active", "created": self.today, "lastActivity": self.today,
            "content": 0, "category": cat, "expires": exp, "closeAtExpiry": False,
            "role": None, "leavingDate": None, "pendingSchool": None,
            "deactivatedOn": None, "deletionDue": None, "reason": None,
        }
        return "created %s" % i

    # -- MIS feed (R9)
    def cmd_join(self, rest):
        pos, named = split_args(rest)
        check_args(pos, named, 1, 1, ("school", "name", "role"))
        if "school" not in named:
            raise Refused("mis join needs school=")
        i = parse_id(pos[0])
        role = named.get("role")
        if role is not None and role not in ("learner", "staff"):
            raise Refused("role is learner or staff")
        s = named["school"]
        if s not in self.schools:
            raise Refused("school %s is not in the directory (R9)" % s)
        if not self.schools[s]["maintained"]:
            return "ignored: %s is not a maintained school in Wales" % s
        a = self.accounts.get(i)
        if a is None:
            if "name" not in named or role is None:
                raise Refused("a new MIS account needs name= and role= (R9)")
            self.accounts[i] = {
                "id": i, "name": named["name"], "kind": "mis", "school": s,
                "status": "active", "created": self.today, "lastActivity": self.today,
                "content": 0, "category": None, "expires": None, "closeAtExpiry": None,
                "role": role, "leavingDate": None, "pendingSchool": None,
                "deactivatedOn": None, "deletionDue": None, "reason": None,
            }
            return "joined %s" % i
        if a["kind"] != "mis":
            raise Refused("%s is a non-MIS account (R9)" % i)
        if a["status"] == "active":
            a["school"] = s
            a["leavingDate"] = None
            return "moved %s" % i
        if a["role"] == "learner":
            a.update(status="active", school=s, leavingDate=None, deactivatedOn=None,
                     deletionDue=None, reason=None)
            return "reactivated %s" % i
        a["pendingSchool"] = s
        return "pending %s" % i

    def cmd_leave(self, rest):
        pos, named = split_args(rest)
        check_args(pos, named, 1, 1, ("on",))
        d = parse_date(named["on"]) if "on" in named else self.today
        a = self.get_any(pos[0])
        if a["kind"] != "mis":
            raise Refused("mis leave is for MIS accounts (R9)")
        if a["status"] != "active":
            raise Refused("account deactivated (R9)")
        a["leavingDate"] = d
        return "leaving %s" % d

    # -- sign-ins and content (R13)
    def cmd_signin(self, rest):
        pos, named = split_args(rest)
        check_args(pos, named, 1, 1, ("on",))
        d = parse_date(named["on"]) if "on" in named else self.today
        a = self.get_any(pos[0])
        if a["status"] != "active":
            raise Refused("account deactivated (R13)")
        if d > self.today:
            raise Refused("sign-in after today (R13)")
        if d < a["created"]:
            raise Refused("sign-in before the account was created (R13)")
        a["lastActivity"] = max(a["lastActivity"], d)
        return "signed in"

    def cmd_content(self, rest):
        pos, named = split_args(rest)
        check_args(pos, named, 2, 2, ())
        if not re.fullmatch(r"\d+", pos[1]):
            raise Refused("content is a whole number >= 0")
        n = int(pos[1])
        # docs/decisions.md: counts go up to 2^63-1, the largest whole number hwbsh stores.
        if n > 2**63 - 1:
            raise Refused("content count too large")
        a = self.get_any(pos[0])
        a["content"] = n
        return "content %d" % n

    # -- keep (R7)
    def cmd_keep(self, rest):
        pos, named = split_args(rest)
        check_args(pos, named, 2, 2, ())
        p = pos[1]
        if p not in ("end-of-next-year", "6m", "3m", "1m"):
            raise Refused("keep period is end-of-next-year, 6m, 3m or 1m (R7)")
        a = self.get_scoped(pos[0])
        if a["kind"] != "non-mis":
            raise Refused("keep is refused on MIS accounts (R7)")
        if a["status"] != "active":
            raise Refused("account deactivated: use reactivate (R7)")
        cap = end_of_next_year(self.today)
        if p == "end-of-next-year":
            if cap is None:
                raise Refused("the end of next academic year falls past 9999-12-31")
            new = cap
        else:
            base = max(a["expires"], self.today)
            new = add_months(base, int(p[0]))
            if cap is not None:
                new = min(new, cap)
        a["expires"] = new
        a["closeAtExpiry"] = False
        return "kept until %s" % new

    # -- close (R8)
    def cmd_close(self, rest):
        pos, named = split_args(rest)
        check_args(pos, named, 2, 2, ())
        mode = pos[1]
        if mode not in ("now", "at-expiry"):
            raise Refused("close ID now|at-expiry (R8)")
        a = self.get_scoped(pos[0])
        if a["kind"] != "non-mis":
            raise Refused("close is refused on MIS accounts (R8)")
        if a["status"] != "active":
            raise Refused("already deactivated (R8)")
        if mode == "now":
            a.update(status="deactivated", deactivatedOn=self.today,
                     deletionDue=self.deletion_due(self.today), reason="closed")
        else:
            a["closeAtExpiry"] = True
        return "closed %s" % mode

    @staticmethod
    def deletion_due(d):
        try:
            return add_months(d, 12)
        except Refused:
            return MAX_DATE

    # -- reactivate (R12)
    def cmd_reactivate(self, rest):
        pos, named = split_args(rest)
        check_args(pos, named, 1, 1, ("until",))
        until = parse_date(named["until"]) if "until" in named else None
        a = self.get_scoped(pos[0])
        if a["status"] == "active":
            raise Refused("account is active (R12)")
        if a["kind"] == "non-mis":
            if until is not None:
                self.expiry_bound_check(until)
                exp = until
            elif a["expires"] >= self.today:
                exp = a["expires"]
            else:
                exp = end_of_year(self.today)
                if exp is None:
                    raise Refused("the end of the academic year falls past 9999-12-31")
            a.update(status="active", deactivatedOn=None, deletionDue=None, reason=None,
                     closeAtExpiry=False, lastActivity=self.today, expires=exp)
            return "reactivated %s" % a["id"]
        if self.actor[0] != "service-desk":
            raise Refused("only the Service Desk may reactivate an MIS account (R11)")
        if until is not None:
            raise Refused("until= is for non-MIS accounts (R12)")
        school = a["pendingSchool"] or a["school"]
        a.update(status="active", school=school, leavingDate=None, deactivatedOn=None,
                 deletionDue=None, reason=None, pendingSchool=None)
        return "reactivated %s" % a["id"]

    # -- sweep (R10)
    def cmd_sweep(self, rest):
        pos, named = split_args(rest)
        check_args(pos, named, 0, 1, ())
        dry = False
        if pos:
            if pos[0] != "dry-run":
                raise Refused("sweep [dry-run]")
            dry = True
        T = self.today
        changes = []
        for a in self.accounts.values():
            if a["status"] != "active":
                continue
            if a["kind"] == "non-mis":
                cands = []
                if a["expires"] < T:
                    cands.append((add_days(a["expires"], 1), 0, "expired"))
                la90 = a["lastActivity"] + dt.timedelta(days=90)
                if la90 < T:
                    cands.append((add_days(a["lastActivity"], 91), 1, "inactive"))
                if cands:
                    on, _, reason = min(cands)
                    changes.append((a, on, reason))
            else:
                if a["leavingDate"] is not None and a["leavingDate"] <= T:
                    changes.append((a, a["leavingDate"], "left"))
        new_state = {}
        for a, on, reason in changes:
            new_state[a["id"]] = (on, self.deletion_due(on), reason)
        to_delete = []
        for i, a in self.accounts.items():
            due = new_state[i][1] if i in new_state else a["deletionDue"]
            if due is not None and due <= T:
                to_delete.append(i)
        if dry:
            return "dry-run: %d deactivated, %d deleted" % (len(changes), len(to_delete))
        for i, (on, due, reason) in new_state.items():
            self.accounts[i].update(status="deactivated", deactivatedOn=on,
                                    deletionDue=due, reason=reason)
        for i in to_delete:
            del self.accounts[i]
        return "%d deactivated, %d deleted" % (len(changes), len(to_delete))

    # -- export (docs/language.md, R11)
    def parse_filters(self, words):
        """docs/language.md filters; returns a predicate over accounts."""
        preds = []
        for w in words:
            if "~" in w and (w.find("=") < 0 or w.find("~") < w.find("=")):
                k, v = w.split("~", 1)
                if k != "name":
                    raise Refused("unknown filter %r" % w)
                preds.append(lambda a, v=v: v.lower() in a["name"].lower())
                continue
            m = KEY_RE.match(w)
            if not m:
                raise Refused("not a filter: %r" % w)
            k, v = m.group(1), m.group(2)
            if k == "kind":
                if v not in ("mis", "non-mis"):
                    raise Refused("kind is mis or non-mis")
                preds.append(lambda a, v=v: a["kind"] == v)
            elif k == "status":
                if v not in ("active", "deactivated"):
                    raise Refused("status is active or deactivated")
                preds.append(lambda a, v=v: a["status"] == v)
            elif k == "role":
                if v not in ("learner", "staff"):
                    raise Refused("role is learner or staff")
                preds.append(lambda a, v=v: a["role"] == v)
            elif k == "category":
                if v not in CATEGORIES:
                    raise Refused("unknown category")
                preds.append(lambda a, v=v: a["category"] == v)
            elif k == "reason":
                if v not in ("expired", "inactive", "closed", "left"):
                    raise Refused("unknown reason")
                preds.append(lambda a, v=v: a["reason"] == v)
            elif k == "school":
                if not re.fullmatch(r"\d{7}", v):
                    raise Refused("school is 7 digits")
                preds.append(lambda a, v=v: a["school"] == v)
            elif k == "la":
                if not re.fullmatch(r"\d{3}", v):
                    raise Refused("la is 3 digits")
                preds.append(lambda a, v=v: a["school"].startswith(v))
            elif k == "expiring":
                n, u = parse_period(v)
                lim = apply_period(self.today, n, u)
                preds.append(lambda a, lim=lim: a["kind"] == "non-mis"
                             and a["status"] == "active" and a["expires"] <= lim)
            elif k == "inactive":
                n, u = parse_period(v)
                if u in "dw":
                    lim = add_days(self.today, -n * (7 if u == "w" else 1))
                else:
                    lim = add_months(self.today, -n * (12 if u == "y" else 1))
                preds.append(lambda a, lim=lim: a["lastActivity"] < lim)
            else:
                raise Refused("unknown filter %s=" % k)
        return lambda a: all(p(a) for p in preds)

    def export_doc(self, pred=lambda a: True):
        accs = []
        for i in sorted(self.accounts):
            a = self.accounts[i]
            if not self.in_scope(a["school"]) or not pred(a):
                continue
            row = {}
            for k, v in a.items():
                row[k] = iso(v) if isinstance(v, dt.date) else v
            accs.append(row)
        return {"date": iso(self.today), "accounts": accs}

    def cmd_export(self, rest):
        if len(rest) < 2:
            raise Refused("export json|csv FILE [FILTER...]")
        if rest[0] != "json":
            raise Refused("this reference only models export json")
        doc = self.export_doc(self.parse_filters(rest[2:]))
        if rest[1] == "-":
            self.last_export = doc
            self.exports.append(doc)
        return "exported"


def run_script(text, today, model=None):
    m = model or Model(today)
    results = []
    for ln, line in enumerate(text.split("\n"), 1):
        for col, words in split_commands(line):
            if words is None:
                results.append(Result(ln, line, False, "unclosed quote"))
                continue
            snapshot = snapshot_of(m)
            try:
                msg = m.execute(words)
                results.append(Result(ln, line, True, msg))
            except Refused as e:
                restore(m, snapshot)
                results.append(Result(ln, line, False, str(e)))
    return results, m.last_export, m


def snapshot_of(m):
    return (m.today, {k: dict(v) for k, v in m.schools.items()},
            {k: dict(v) for k, v in m.accounts.items()}, m.actor)


def restore(m, s):
    m.today, m.schools, m.accounts, m.actor = s[0], s[1], s[2], s[3]


def main(argv):
    today = dt.date(2027, 7, 1)
    args = argv[1:]
    if len(args) >= 2 and args[0] == "--date":
        today = parse_date(args[1])
        args = args[2:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as f:
        text = f.read()
    results, doc, _ = run_script(text, today)
    for r in results:
        print("%d %s: %s" % (r.line, "accepted" if r.accepted else "refused", r.message))
    if doc is not None:
        print(json.dumps(doc, ensure_ascii=False))
    return 0 if all(r.accepted for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
