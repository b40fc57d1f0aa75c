# 03 · A learner leaves: to another maintained school, or to an independent school
#
# What the trainer shows: learners' accounts come from the school MIS (SIMS, Teacher
# Centre) through the provisioning feed, never from the champion (R5, R9). When the
# school enters a leaving date, the sweep deactivates the account from that date (R9,
# R10.2). If a maintained school in Wales then takes the learner on, the account comes
# back by itself, with its content (R9). A move to an independent school is ignored:
# the account stays deactivated and is deleted 12 months after the leaving date (R9, R10).
#
# Points to make:
# - the leaving date may be in the future: nothing happens until it comes and a sweep runs;
# - the deactivation date is the leaving date, not the day of the sweep (R10.2);
# - reactivation clears the leaving date, the deactivation and deletion dates and the
#   reason, and keeps the content (R9);
# - the join event's name is ignored for an account Hwb already has (R9);
# - a learner still active who joins another school simply moves there (R9).
#! hwbsh --date 2027-07-01

# Three maintained schools (two in LA 661, one in LA 676) and an independent school.
> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> school add 6612002 name="Ysgol Gyfun Bryn Glas"
added school 6612002 Ysgol Gyfun Bryn Glas
> school add 6762003 name="Ysgol Cwm Rhymni"
added school 6762003 Ysgol Cwm Rhymni
> school add 6619001 name="Coleg Preifat Llandaf" maintained=no
added school 6619001 Coleg Preifat Llandaf (not maintained)
> schools
NUMBER   NAME                   LA   MAINTAINED  ACCOUNTS
6612001  Ysgol y Môr            661  yes         0
6612002  Ysgol Gyfun Bryn Glas  661  yes         0
6619001  Coleg Preifat Llandaf  661  no          0
6762003  Ysgol Cwm Rhymni       676  yes         0
4 schools

# The learners, as the MIS feed creates them (R9).
> mis join gwenllian.ifans school=6612001 name="Gwenllïan Ifans" role=learner
joined gwenllian.ifans (MIS learner) at 6612001
> mis join dafydd.rees school=6612001 name="Dafydd Rees" role=learner
joined dafydd.rees (MIS learner) at 6612001
> mis join wyn.bevan school=6612001 name="Ŵyn Bevan" role=learner
joined wyn.bevan (MIS learner) at 6612001
> content gwenllian.ifans 25
gwenllian.ifans holds 25 content items
> content dafydd.rees 12
dafydd.rees holds 12 content items

# The school enters leaving dates at the end of term, three weeks ahead (R9).
> mis leave gwenllian.ifans on=2027-07-21
gwenllian.ifans leaves on 2027-07-21; the sweep deactivates it from then
> mis leave dafydd.rees on=2027-07-21
dafydd.rees leaves on 2027-07-21; the sweep deactivates it from then
> mis leave wyn.bevan on=2027-07-21
wyn.bevan leaves on 2027-07-21; the sweep deactivates it from then
# A sweep before the leaving date changes nothing (R10.2: leavingDate <= today).
> sweep
sweep as of 2027-07-01: deactivated 0, deleted 0

# Ŵyn's new school takes him on before the sweep has switched him off: an active
# account just moves, and the leaving date is cleared (R9).
> date set 2027-07-15
today is 2027-07-15 (Thursday)
> mis join wyn.bevan school=6612002
moved wyn.bevan from 6612001 to 6612002
> show wyn.bevan
wyn.bevan · Ŵyn Bevan
  kind           MIS learner
  school         6612002 Ysgol Gyfun Bryn Glas
  status         active
  created        2027-07-01
  last activity  2027-07-01
  content        0 items
  next           stays active while the school MIS holds the record (R9)
history
DATE        ACTOR   RULE  WHAT                      CHANGES
2027-07-01  system  R9    joined (new MIS account)
2027-07-01  system  R9    leaving date 2027-07-21   leavingDate –→2027-07-21
2027-07-15  system  R9    moved to 6612002          school 6612001→6612002, leavingDate 2027-07-21→–

# 22 July: the sweep deactivates Gwenllïan and Dafydd from 21 July, the leaving date.
> date set 2027-07-22
today is 2027-07-22 (Thursday)
> sweep
sweep as of 2027-07-22: deactivated 2, deleted 0
  left      dafydd.rees, gwenllian.ifans
> list role=learner
ID               NAME             KIND  TYPE     SCHOOL   STATUS              DATES
dafydd.rees      Dafydd Rees      mis   learner  6612001  deactivated (left)  since 2027-07-21, deletion 2028-07-21
gwenllian.ifans  Gwenllïan Ifans  mis   learner  6612001  deactivated (left)  since 2027-07-21, deletion 2028-07-21
wyn.bevan        Ŵyn Bevan        mis   learner  6612002  active
3 accounts

# Gwenllïan's family moves to Caerphilly; Ysgol Cwm Rhymni (a maintained school) takes
# her on in September. The feed's name is ignored: Hwb keeps "Gwenllïan Ifans" (R9).
> date set 2027-09-06
today is 2027-09-06 (Monday)
> mis join gwenllian.ifans school=6762003 name="Gwen Ifans" role=learner
reactivated gwenllian.ifans (MIS learner) at 6762003; content kept (25 items)
# Active again at the new school, with her 25 items; leaving and deletion dates gone.
> show gwenllian.ifans
gwenllian.ifans · Gwenllïan Ifans
  kind           MIS learner
  school         6762003 Ysgol Cwm Rhymni
  status         active
  created        2027-07-01
  last activity  2027-07-01
  content        25 items
  next           stays active while the school MIS holds the record (R9)
history
DATE        ACTOR   RULE  WHAT                                  CHANGES
2027-07-01  system  R9    joined (new MIS account)
2027-07-01  system  R13   content set                           content 0→25
2027-07-01  system  R9    leaving date 2027-07-21               leavingDate –→2027-07-21
2027-07-22  system  R10   deactivated (left)                    status active→deactivated, deactivatedOn –→2027-07-21, deletionDue –→2028-07-21, reason –→left
2027-09-06  system  R9    reactivated (learner joined 6762003)  school 6612001→6762003, status deactivated→active, leavingDate 2027-07-21→–, deactivatedOn 2027-07-21→–, deletionDue 2028-07-21→–, reason left→–

# Dafydd goes to an independent school: the event is ignored and he stays deactivated,
# due for deletion on 21 July 2028 with his 12 items (see 05).
> mis join dafydd.rees school=6619001
ignored: 6619001 (Coleg Preifat Llandaf) is not a maintained school in Wales; nothing changed
> show dafydd.rees
dafydd.rees · Dafydd Rees
  kind           MIS learner
  school         6612001 Ysgol y Môr
  status         deactivated (left)
  created        2027-07-01
  last activity  2027-07-01
  content        12 items
  leaving date   2027-07-21
  deactivated    2027-07-21 (left)
  deletion due   2028-07-21
  next           deleted for good by the sweep on or after 2028-07-21 with its 12 content items (R10); reactivated if a maintained school's MIS takes the learner on (R9)
history
DATE        ACTOR   RULE  WHAT                      CHANGES
2027-07-01  system  R9    joined (new MIS account)
2027-07-01  system  R13   content set               content 0→12
2027-07-01  system  R9    leaving date 2027-07-21   leavingDate –→2027-07-21
2027-07-22  system  R10   deactivated (left)        status active→deactivated, deactivatedOn –→2027-07-21, deletionDue –→2028-07-21, reason –→left

# What the feed refuses: an unknown school; a leaving date for an account already
# deactivated; a new id without name and role; a non-MIS account joining (R9).
> mis join dafydd.rees school=6612999
! error: no school 6612999 in the directory (R9)
> mis leave dafydd.rees
! error: dafydd.rees is already deactivated (R9)
> mis join newydd.learner school=6612001
! error: newydd.learner is a new MIS account: give name="..." and role=learner or role=staff (R9)
> create elen.governor name="Elen Price" category=governor school=6612001
created elen.governor (non-MIS, governor) at 6612001, expires 2028-08-31
> mis join elen.governor school=6612001
! error: elen.governor is a non-MIS account; the MIS cannot take it over (R9)
> mis leave elen.governor
! error: elen.governor is a non-MIS account; only MIS accounts have leaving dates (R9)

# The champion of Gwenllïan's old school no longer sees her (R11): she belongs to
# Ysgol Cwm Rhymni now. Her new school's champion does.
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
> show gwenllian.ifans
! error: no account gwenllian.ifans
> list role=learner
ID           NAME         KIND  TYPE     SCHOOL   STATUS              DATES
dafydd.rees  Dafydd Rees  mis   learner  6612001  deactivated (left)  since 2027-07-21, deletion 2028-07-21
1 account
> login champion 6762003
acting as champion 6762003 (Ysgol Cwm Rhymni)
> list role=learner
ID               NAME             KIND  TYPE     SCHOOL   STATUS  DATES
gwenllian.ifans  Gwenllïan Ifans  mis   learner  6762003  active
1 account
