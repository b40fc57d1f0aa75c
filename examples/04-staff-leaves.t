# 04 · A member of staff leaves, joins another school, and waits for the Service Desk
#
# What the trainer shows: staff accounts also come from the school MIS (R9), and a
# leaving date deactivates them like a learner's (R10.2). The difference: when a
# deactivated member of staff turns up in another school's MIS, Hwb never switches the
# account back on by itself. It stays deactivated, the new school is recorded as
# pending, and the Service Desk sees it in its pending list and reactivates it (R9, R12).
#
# Points to make:
# - a pending member of staff is still deactivated, and the deletion date still runs;
# - only the Service Desk may reactivate an MIS account; a champion or LA admin may not
#   (R11, R12);
# - reactivation puts the account at the pending school and clears the leaving date,
#   the deactivation and deletion dates, the reason and the pending school (R12);
# - `until=` is for non-MIS accounts only (R12);
# - the pending list belongs to the school the teacher left (docs/decisions.md).
#! hwbsh --date 2027-07-01

> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> school add 6612002 name="Ysgol Gyfun Bryn Glas"
added school 6612002 Ysgol Gyfun Bryn Glas
> school add 6619001 name="Coleg Preifat Llandaf" maintained=no
added school 6619001 Coleg Preifat Llandaf (not maintained)
> mis join dai.davies school=6612001 name="Dai Davies" role=staff
joined dai.davies (MIS staff) at 6612001
> mis join angharad.wyn school=6612001 name="Angharad Wyn" role=staff
joined angharad.wyn (MIS staff) at 6612001
> content dai.davies 60
dai.davies holds 60 content items

# Both teachers leave at the end of the summer term; the sweep on 22 July switches
# them off from 21 July (R9, R10.2).
> mis leave dai.davies on=2027-07-21
dai.davies leaves on 2027-07-21; the sweep deactivates it from then
> mis leave angharad.wyn on=2027-07-21
angharad.wyn leaves on 2027-07-21; the sweep deactivates it from then
> date set 2027-07-22
today is 2027-07-22 (Thursday)
> sweep
sweep as of 2027-07-22: deactivated 2, deleted 0
  left      angharad.wyn, dai.davies

# September: Dai starts at Ysgol Gyfun Bryn Glas. The MIS feed reports it, but a
# member of staff is never reactivated automatically (R9).
> date set 2027-09-01
today is 2027-09-01 (Wednesday)
> mis join dai.davies school=6612002 name="Dai Davies" role=staff
dai.davies (MIS staff) stays deactivated: waiting for the Service Desk to reactivate it at 6612002 (see pending)
> show dai.davies
dai.davies · Dai Davies
  kind           MIS staff
  school         6612001 Ysgol y Môr
  status         deactivated (left)
  created        2027-07-01
  last activity  2027-07-01
  content        60 items
  leaving date   2027-07-21
  deactivated    2027-07-21 (left)
  deletion due   2028-07-21
  pending school 6612002 (waiting for the Service Desk)
  next           deleted for good by the sweep on or after 2028-07-21 with its 60 content items (R10)
history
DATE        ACTOR   RULE  WHAT                                             CHANGES
2027-07-01  system  R9    joined (new MIS account)
2027-07-01  system  R13   content set                                      content 0→60
2027-07-01  system  R9    leaving date 2027-07-21                          leavingDate –→2027-07-21
2027-07-22  system  R10   deactivated (left)                               status active→deactivated, deactivatedOn –→2027-07-21, deletionDue –→2028-07-21, reason –→left
2027-09-01  system  R9    pending the Service Desk (staff joined 6612002)  pendingSchool –→6612002
# Angharad goes to an independent school: ignored, nothing pending (R9).
> mis join angharad.wyn school=6619001
ignored: 6619001 (Coleg Preifat Llandaf) is not a maintained school in Wales; nothing changed

# The Service Desk's pending list: staff awaiting reactivation (R9).
> pending
ID          NAME        FROM     TO       LEFT        DELETION
dai.davies  Dai Davies  6612001  6612002  2027-07-21  2028-07-21
1 account

# The champion of the school Dai left sees him pending, but may not reactivate an MIS
# account (R11, R12). The champion of his new school does not see him yet.
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
> pending
ID          NAME        FROM     TO       LEFT        DELETION
dai.davies  Dai Davies  6612001  6612002  2027-07-21  2028-07-21
1 account
> reactivate dai.davies
! error: only the Service Desk may reactivate an MIS account such as dai.davies (R11)
> login champion 6612002
acting as champion 6612002 (Ysgol Gyfun Bryn Glas)
> pending
no staff wait for the Service Desk
> show dai.davies
! error: no account dai.davies

# The Service Desk reactivates him. `until=` is refused: it is for non-MIS accounts.
> login service-desk
acting as service-desk (every school)
> reactivate dai.davies until=2028-08-31
! error: until= is for non-MIS accounts; dai.davies is an MIS account (R12)
> reactivate dai.davies
reactivated dai.davies (MIS staff) at 6612002
# Active at his new school, with his 60 items; nothing pending any more.
> show dai.davies
dai.davies · Dai Davies
  kind           MIS staff
  school         6612002 Ysgol Gyfun Bryn Glas
  status         active
  created        2027-07-01
  last activity  2027-07-01
  content        60 items
  next           stays active while the school MIS holds the record (R9)
history
DATE        ACTOR         RULE  WHAT                                             CHANGES
2027-07-01  system        R9    joined (new MIS account)
2027-07-01  system        R13   content set                                      content 0→60
2027-07-01  system        R9    leaving date 2027-07-21                          leavingDate –→2027-07-21
2027-07-22  system        R10   deactivated (left)                               status active→deactivated, deactivatedOn –→2027-07-21, deletionDue –→2028-07-21, reason –→left
2027-09-01  system        R9    pending the Service Desk (staff joined 6612002)  pendingSchool –→6612002
2027-09-01  service-desk  R12   reactivated by the Service Desk                  school 6612001→6612002, status deactivated→active, leavingDate 2027-07-21→–, pendingSchool 6612002→–, deactivatedOn 2027-07-21→–, deletionDue 2028-07-21→–, reason left→–
> pending
no staff wait for the Service Desk
> reactivate dai.davies
! error: dai.davies is already active (R12)

# The Service Desk may also bring back a member of staff with no pending school, at
# their own school (R12): Angharad returns to Ysgol y Môr in October.
> date set 2027-10-04
today is 2027-10-04 (Monday)
> reactivate angharad.wyn
reactivated angharad.wyn (MIS staff) at 6612001
> list role=staff
ID            NAME          KIND  TYPE   SCHOOL   STATUS  DATES
angharad.wyn  Angharad Wyn  mis   staff  6612001  active
dai.davies    Dai Davies    mis   staff  6612002  active
2 accounts
