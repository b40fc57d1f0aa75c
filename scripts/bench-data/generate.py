#!/usr/bin/env python3
"""Writes the national data set of scripts/bench into a folder: schools.csv and accounts.csv.

Usage: generate.py N FOLDER

schools.csv (`number,name,maintained`) holds 70 maintained schools in each of the 22 Welsh
LAs (660 to 681, numbers 6602000 to 6812069) and two independent schools per LA.

accounts.csv holds N accounts with all 17 interchange columns, seeded (random.Random(1)) so
that every run measures the same data. It is the store of 1 July 2027 just after that
night's sweep: every row passes R4 and R14.1-3, and a sweep on 2027-07-01 would change
nothing (R14.4). About four in five accounts are MIS (learners and staff), one in five
non-MIS across the eight categories; some are deactivated (last summer's leavers and
expired accounts, closed accounts), with deletionDue = addMonths(deactivatedOn, 12) (R2).

What a sweep on 2027-09-01 then does, at N = 1,000,000 (roughly):
- deactivates about 75,000: learners and staff who leave in July and August, non-MIS
  accounts that expire at the end of the academic year without being kept, and non-MIS
  accounts that nobody has signed in to since early June (R13);
- deletes about 4,700: accounts deactivated between 2 July and 1 September 2026, mostly
  the non-MIS accounts that expired on 31 August 2026.

A sweep on 2027-07-02 (QUIET_DAY, the day after the import) changes exactly ten accounts
whatever N is (eight deactivated, two deleted): no random date falls on a change that day,
and ten rows placed evenly through the file are made to. scripts/bench uses it to show
that a quiet day's sweep costs the same at 100,000 and at 1,000,000 accounts.
"""
import calendar
import datetime
import random
import sys
import unicodedata

VERSION = 1  # bump when the output changes: scripts/bench caches data sets by N and VERSION
DAY = datetime.timedelta(days=1)
TODAY = datetime.date(2027, 7, 1)  # the day of the import
QUIET_DAY = TODAY + DAY  # a sweep on this day changes exactly ten accounts
LAST_YEAR = datetime.date(2026, 7, 3)  # deactivated on or after this: deleted after QUIET_DAY
SAFE_ACTIVITY = datetime.date(2027, 4, 3)  # active non-MIS signed in since: not inactive on QUIET_DAY

FIRST_NAMES = [
    "Gwenllïan", "Rhys", "Dafydd", "Cerys", "Sioned", "Owain", "Elin", "Gethin", "Ffion",
    "Carys", "Llinos", "Iwan", "Huw", "Bethan", "Catrin", "Megan", "Osian", "Tomos", "Alys",
    "Mali", "Nia", "Aled", "Rhodri", "Seren", "Ioan", "Lowri", "Gruffudd", "Eleri", "Dylan",
    "Manon", "Cai", "Efa", "Hedd", "Non", "Steffan", "Heledd", "Emyr", "Angharad", "Geraint",
    "Nerys", "Llŷr", "Tegan", "Macsen", "Anwen", "Bryn", "Eirlys", "Gareth", "Siân", "Tudur",
    "Mererid", "Emma", "Oliver", "Amelia", "Jack", "Olivia", "Harry", "Isla", "Noah", "Ava",
    "Mohammed", "Zofia", "Amir",
]
LAST_NAMES = [
    "Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
    "Griffiths", "Price", "Jenkins", "Owen", "Rees", "Powell", "Lloyd", "Parry", "Pritchard",
    "Edwards", "Morris", "Phillips", "James", "Bowen", "Llywelyn", "Huws", "Puw", "Prosser",
    "Vaughan", "Wyn", "Gwyn", "Tudor", "Bevan", "Howells", "Probert", "Meredith", "Watkins",
    "Smith", "Taylor", "Khan", "Nowak",
]
PLACES = [
    "Aberaeron", "Bethesda", "Caerffili", "Dinbych", "Llanelli", "Pen-y-bont", "Porthmadog",
    "Rhydaman", "Tregaron", "Y Bala", "Y Drenewydd", "Castell-nedd", "Hwlffordd", "Treorci",
]
CATEGORIES = ["temporary-staff", "service", "governor", "consortia", "la-staff",
              "supply-teacher", "ite-student", "stakeholder"]
CATEGORY_WEIGHTS = [18, 12, 20, 4, 6, 22, 10, 8]
HEADER = ("id,name,kind,school,status,created,lastActivity,content,category,expires,"
          "closeAtExpiry,role,leavingDate,pendingSchool,deactivatedOn,deletionDue,reason")


def add_months(day, months):
    """R2: the same day of the month, clamped to the last day of the target month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def between(rng, first, last):
    """A day from first to last, both included."""
    return first + DAY * rng.randint(0, (last - first).days)


def ascii_word(text):
    """`Gwenllïan` -> `gwenllian`, for ids (R4 allows A-Z a-z 0-9 . _ @ -)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum() or c == "-")


class Generator:
    def __init__(self, rng, schools, independents):
        self.rng = rng
        self.schools = schools
        self.independents = independents
        self.serial = {}

    def person(self):
        """A name and a unique id firstname.lastnameNNN."""
        first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
        if self.rng.random() < 0.2:
            last += "-" + self.rng.choice(LAST_NAMES)  # double-barrelled
        stem = f"{ascii_word(first)}.{ascii_word(last)}"
        number = self.serial.get(stem, 0) + 1
        self.serial[stem] = number
        return f"{stem}{number}", f"{first} {last}"

    def activity(self, created, latest):
        """lastActivity: most accounts signed in a few days before `latest`, some long ago."""
        rng = self.rng
        back = int(rng.expovariate(1 / 6)) if rng.random() < 0.96 else rng.randint(0, 400)
        return max(created, latest - DAY * back)

    def recent_activity(self, created):
        """lastActivity of an active non-MIS account: since 3 June, so not inactive before September."""
        last = self.activity(created, TODAY)
        if last < datetime.date(2027, 6, 3):
            last = between(self.rng, max(created, datetime.date(2027, 6, 3)), TODAY)
        return last

    def mis(self):
        rng = self.rng
        ident, name = self.person()
        role = "staff" if rng.random() < 0.12 else "learner"
        school = rng.choice(self.schools)
        created = datetime.date(rng.randint(2014, 2026), 9, 1) + DAY * int(rng.expovariate(1 / 10))
        content = int(rng.expovariate(1 / 120))
        leaving = pending = on = due = reason = None
        status = "active"
        draw = rng.random()
        if draw < 0.063:
            # Leaves this summer (most at the end of term), deactivated by the 1 September sweep.
            leaving = datetime.date(2027, 7, 21) if rng.random() < 0.7 else between(rng, QUIET_DAY + DAY, datetime.date(2027, 8, 31))
        elif draw < 0.068:
            leaving = between(rng, datetime.date(2027, 9, 2), datetime.date(2027, 12, 20))  # leaves later
        elif draw < 0.118:
            # Left during the last twelve months; still deactivated, not yet deleted.
            status, reason = "deactivated", "left"
            if rng.random() < 0.05:
                leaving = between(rng, LAST_YEAR, datetime.date(2026, 9, 1))  # due by 1 September
            else:
                leaving = between(rng, datetime.date(2026, 9, 2), TODAY)
            on, due = leaving, add_months(leaving, 12)
            if role == "staff" and rng.random() < 0.2:
                pending = rng.choice(self.schools)  # joined another school; awaits the Service Desk
        if created > (on or TODAY):
            created = (on or TODAY) - DAY * rng.randint(30, 900)
        last = self.activity(created, on or TODAY)
        return [ident, name, "mis", school, status, created, last, content, "", "", "",
                role, leaving or "", pending or "", on or "", due or "", reason or ""]

    def non_mis(self):
        rng = self.rng
        category = rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0]
        school = rng.choice(self.schools)
        if category == "service":
            device = rng.choice(["printer", "kindle", "ipad", "display"])
            number = self.serial.get(device, 0) + 1
            self.serial[device] = number
            ident, name = f"{device}.{school}.{number}", f"{device.capitalize()} {rng.choice(PLACES)} {number}"
        else:
            ident, name = self.person()
        created = between(rng, datetime.date(2022, 9, 1), datetime.date(2027, 6, 20))
        content = int(rng.expovariate(1 / 40))
        close_at_expiry = rng.random() < 0.05
        on = due = reason = None
        status = "active"
        draw = rng.random()
        if draw < 0.10:
            # Expires this summer: the champions have not kept it (yet).
            created = min(created, datetime.date(2027, 5, 31))
            expires = between(rng, QUIET_DAY, datetime.date(2027, 8, 31)) if rng.random() < 0.4 else datetime.date(2027, 8, 31)
            last = self.recent_activity(created)
        elif draw < 0.12:
            # Nobody has signed in since early spring: inactive by September (R13).
            created = min(created, datetime.date(2027, 3, 1))
            expires = add_months(datetime.date(2027, 8, 31), 12)
            last = between(rng, max(created, SAFE_ACTIVITY), datetime.date(2027, 6, 2))
        elif draw < 0.1335:
            # Deactivated last summer: mostly expired on 31 August 2026, deleted by this sweep.
            status = "deactivated"
            created = min(created, datetime.date(2026, 6, 1))
            if rng.random() < 0.8:
                expires, reason = datetime.date(2026, 8, 31), "expired"
                on = expires + DAY
            else:
                on, reason = between(rng, LAST_YEAR, datetime.date(2026, 9, 1)), "closed"
                expires = between(rng, on, datetime.date(2026, 8, 31)) if on <= datetime.date(2026, 8, 31) else on
            last = max(self.activity(created, on - DAY), on - DAY * 91, created)
            due = add_months(on, 12)
        elif draw < 0.20:
            # Deactivated since: expired, idle for 90 days, or closed by a champion.
            status = "deactivated"
            on = between(rng, datetime.date(2026, 9, 2), TODAY)
            created = min(created, on - DAY * 100)
            reason = rng.choices(["expired", "inactive", "closed"], [50, 30, 20])[0]
            if reason == "expired":
                expires = on - DAY
                last = self.activity(created, expires)
                last = max(last, on - DAY * 91, created)
            elif reason == "inactive":
                last = on - DAY * 91
                expires = between(rng, on, datetime.date(2027, 8, 31))
            else:
                last = self.activity(created, on)
                expires = between(rng, on, datetime.date(2027, 8, 31))
            due = add_months(on, 12)
        else:
            # Kept by a champion (or made last year until the end of next year).
            expires = rng.choice([datetime.date(2028, 8, 31)] * 6 + [between(rng, datetime.date(2027, 9, 1), datetime.date(2028, 8, 30))])
            last = self.recent_activity(created)
            close_at_expiry = False
        return [ident, name, "non-mis", school, status, created, last, content, category, expires,
                "true" if close_at_expiry else "false", "", "", "", on or "", due or "", reason or ""]


def quiet_day_change(row, number):
    """Turns a generated row into one of the ten that the sweep on QUIET_DAY changes: three
    leavers, three expired, two inactive non-MIS accounts, and two deletions."""
    ident, name, _, school = row[:4]
    created, content = datetime.date(2025, 9, 1), row[7]
    mis = [ident, name, "mis", school, "active", created, TODAY, content, "", "", "", "learner", "", "", "", "", ""]
    non_mis = [ident, name, "non-mis", school, "active", created, TODAY, content, "governor", "", "false", "", "", "", "", "", ""]
    if number < 3:
        mis[12] = QUIET_DAY  # leavingDate
        return mis
    if number < 6:
        non_mis[9] = TODAY  # expires: the last day the account is active
        return non_mis
    if number < 8:
        non_mis[6], non_mis[9] = SAFE_ACTIVITY - DAY, datetime.date(2028, 8, 31)  # idle for 91 days on QUIET_DAY
        return non_mis
    on = QUIET_DAY - DAY * 365  # 2026-07-02: deletion due on QUIET_DAY
    mis[4], mis[6], mis[12], mis[14], mis[15], mis[16] = "deactivated", on, on, on, add_months(on, 12), "left"
    return mis


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    folder = sys.argv[2] if len(sys.argv) > 2 else "."
    rng = random.Random(1)
    schools, independents = [], []
    with open(f"{folder}/schools.csv", "w", encoding="utf-8", newline="") as out:
        out.write("number,name,maintained\n")
        for la in range(660, 682):
            for index in range(70):
                number = f"{la}{2000 + index:04d}"
                schools.append(number)
                kind = "Ysgol Gynradd" if index < 56 else "Ysgol Uwchradd"
                out.write(f"{number},{kind} {PLACES[index % len(PLACES)]} {index + 1},yes\n")
            for index in range(2):
                number = f"{la}6{index:03d}"
                independents.append(number)
                out.write(f"{number},Independent School {la}-{index + 1},no\n")
    generator = Generator(rng, schools, independents)
    with open(f"{folder}/accounts.csv", "w", encoding="utf-8", newline="") as out:
        out.write(HEADER + "\n")
        spacing = max(1, count // 10)
        for index in range(count):
            row = generator.non_mis() if rng.random() < 0.2 else generator.mis()
            if index % spacing == spacing // 2 and index // spacing < 10:
                row = quiet_day_change(row, index // spacing)
            out.write(",".join(str(cell) for cell in row) + "\n")


if __name__ == "__main__":
    main()
