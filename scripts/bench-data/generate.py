#!/usr/bin/env python3
"""Writes a national-scale data set for scripts/bench: schools.csv (70 maintained schools in
each of the 22 Welsh LAs) and accounts.csv (N accounts, one in five non-MIS), seeded so that
every run measures the same data."""
import random
import sys

def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    folder = sys.argv[2] if len(sys.argv) > 2 else "."
    rng = random.Random(1)
    schools = []
    with open(f"{folder}/schools.csv", "w") as out:
        out.write("number,name,maintained\n")
        for la in range(660, 682):
            for index in range(70):
                number = f"{la}{2000 + index:04d}"
                schools.append(number)
                out.write(f"{number},Ysgol {number},yes\n")
    categories = ["temporary-staff", "service", "governor", "consortia", "la-staff",
                  "supply-teacher", "ite-student", "stakeholder"]
    with open(f"{folder}/accounts.csv", "w") as out:
        out.write("id,name,kind,school,status,created,lastActivity,content,category,expires,closeAtExpiry,role\n")
        for index in range(count):
            school = rng.choice(schools)
            signed_in = f"2027-0{rng.randint(1, 6)}-{rng.randint(1, 28):02d}"
            content = rng.randint(0, 50)
            if index % 5 == 0:
                expires = f"2027-08-{rng.randint(1, 31):02d}"
                out.write(f"u{index},User {index},non-mis,{school},active,2026-09-01,{signed_in},{content},"
                          f"{rng.choice(categories)},{expires},false,\n")
            else:
                role = rng.choice(["learner", "staff"])
                out.write(f"u{index},User {index},mis,{school},active,2026-09-01,{signed_in},{content},,,,{role}\n")

if __name__ == "__main__":
    main()
