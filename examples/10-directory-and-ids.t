# 10 · The school directory and what makes an account
#
# What the trainer shows: every account belongs to one maintained school of the
# directory (R3), and every account has an id that is unique in the store, whatever its
# case (R4). These are the first things a new support desk member gets wrong when
# writing a script, so the errors are worth seeing once.
#
# Points to make:
# - a school number has 7 digits, and the first three are a Welsh LA code, 660 to 681
#   (R3); a number is added once;
# - an independent (not maintained) school is in the directory only so that an MIS
#   learner's move there can be recorded and ignored: no account is made there (R3, R5);
# - ids are 1 to 64 of A-Z a-z 0-9 . _ @ -, start with a letter or digit, and are stored
#   and found in lower case (R4);
# - the category of a non-MIS account is one of eight; never learner (R4, R5);
# - `show` gives every field of R4, and what happens next.
#! hwbsh --date 2027-07-20

# The directory (R3).
> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> school add 6612002 name="Ysgol Gyfun Bryn Glas"
added school 6612002 Ysgol Gyfun Bryn Glas
> school add 6619001 name="Coleg Preifat Llandaf" maintained=no
added school 6619001 Coleg Preifat Llandaf (not maintained)
# Once only; seven digits; a Welsh LA.
> school add 6612001 name="Ysgol y Môr"
! error: school 6612001 is already in the directory (R3)
> school add 661201 name="Ysgol Fach"
! error: expected a 7-digit school number, got "661201"
> school add 6902001 name="Ysgol dros y ffin"
! error: school 6902001: LA code 690 is not a Welsh local authority (660-681) (R3)
> schools
NUMBER   NAME                   LA   MAINTAINED  ACCOUNTS
6612001  Ysgol y Môr            661  yes         0
6612002  Ysgol Gyfun Bryn Glas  661  yes         0
6619001  Coleg Preifat Llandaf  661  no          0
3 schools

# Accounts only at maintained schools in the directory (R3, R5).
> create elin.thomas name="Elin Thomas" category=la-staff school=6619001
! error: school 6619001 (Coleg Preifat Llandaf) is not a maintained school (R5)
> create elin.thomas name="Elin Thomas" category=la-staff school=6612999
! error: no school 6612999 in the directory (R5)
> create elin.thomas name="Elin Thomas" category=la-staff school=6612002
created elin.thomas (non-MIS, la-staff) at 6612002, expires 2027-08-31
> mis join cai.evans school=6619001 name="Cai Evans" role=learner
ignored: 6619001 (Coleg Preifat Llandaf) is not a maintained school in Wales; nothing changed

# Ids (R4): stored in lower case, found in any case, unique in the store.
> create Jo.Bloggs@Ysgol name="Jo Bloggs" category=supply-teacher school=6612001
created jo.bloggs@ysgol (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
> show JO.BLOGGS@ysgol
jo.bloggs@ysgol · Jo Bloggs
  kind           non-MIS, supply-teacher
  school         6612001 Ysgol y Môr
  status         active
  created        2027-07-20
  last activity  2027-07-20
  content        0 items
  expires        2027-08-31
  next           deactivated by the sweep on or after 2027-09-01 (expired, R10); in the expiring list (R6)
history
DATE        ACTOR         RULE  WHAT     CHANGES
2027-07-20  service-desk  R5    created
> create jo.bloggs@ysgol name="Another Jo" category=governor school=6612001
! error: the id jo.bloggs@ysgol is already taken (R5)
> mis join jo.bloggs@ysgol school=6612001
! error: jo.bloggs@ysgol is a non-MIS account; the MIS cannot take it over (R9)
> create .jo name="Jo" category=governor school=6612001
! error: expected an account id (1-64 of A-Z a-z 0-9 . _ @ -, starting with a letter or digit), got ".jo"
> create jo/bloggs name="Jo" category=governor school=6612001
! error: expected an account id (1-64 of A-Z a-z 0-9 . _ @ -, starting with a letter or digit), got "jo/bloggs"
# The categories of non-MIS accounts (R4); a learner is never one (R5).
> create kindle.2 name="Kindle" category=device school=6612001
! error: unknown category "device"; did you mean service? Categories are temporary-staff, service, governor, consortia, la-staff, supply-teacher, ite-student, stakeholder (R5)
> create kindle.2 name="Kindle" category=service school=6612001
created kindle.2 (non-MIS, service) at 6612001, expires 2027-08-31
> list
ID               NAME         KIND     TYPE            SCHOOL   STATUS  DATES
elin.thomas      Elin Thomas  non-mis  la-staff        6612002  active  expires 2027-08-31
jo.bloggs@ysgol  Jo Bloggs    non-mis  supply-teacher  6612001  active  expires 2027-08-31
kindle.2         Kindle       non-mis  service         6612001  active  expires 2027-08-31
3 accounts
