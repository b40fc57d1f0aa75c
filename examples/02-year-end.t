# 02 · Year-end housekeeping: 31 August, the sweep on 1 September, what a champion sees
#
# What the trainer shows: the end of the academic year at Ysgol y Môr. On 31 August the
# accounts that end with the year are still active (their expiry is their LAST active
# day, R4). Nothing happens by itself when the clock moves (R10). On 1 September the
# nightly sweep deactivates what expired and the learners who left, each from the date
# the rules give, not from the day the sweep runs (R10), and sets the deletion date 12
# months later (R10.3). The champion then sees the result in their list and account pages.
#
# Points to make:
# - an expired account not yet swept stays in the manage list, marked overdue (R6);
# - `sweep dry-run` shows what the sweep would do and changes nothing (R10);
# - close-at-expiry accounts are switched off by the same sweep, as expired (R8, R10);
# - a learner who left on 21 July is deactivated from 21 July, and deleted 12 months
#   after the leaving date (R10.2, R10.3);
# - a second sweep on the same day changes nothing (R10);
# - from 1 September the academic year is 2027/28: new accounts end on 31 August 2028 (R1).
#! hwbsh --date 2027-07-20

# The school, its accounts, and the champion's decisions in July (see 01).
> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> create sian.supply name="Siân Roberts" category=supply-teacher school=6612001
created sian.supply (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
> create gwenllian.governor name="Gwenllïan Jones" category=governor school=6612001
created gwenllian.governor (non-MIS, governor) at 6612001, expires 2027-08-31
> create rhys.cyngor name="Rhys Morgan" category=stakeholder school=6612001
created rhys.cyngor (non-MIS, stakeholder) at 6612001, expires 2027-08-31
> create argraffydd.1 name="Argraffydd yr ystafell athrawon" category=service school=6612001
created argraffydd.1 (non-MIS, service) at 6612001, expires 2027-08-31
> create mererid.supply name="Mererid Owen" category=supply-teacher school=6612001
created mererid.supply (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
> keep gwenllian.governor end-of-next-year
kept gwenllian.governor until 2028-08-31
> keep argraffydd.1 6m
kept argraffydd.1 until 2028-02-29
> close rhys.cyngor at-expiry
rhys.cyngor will close at expiry on 2027-08-31; it leaves the expiring list
# Year 11 leave: the school MIS records a leaving date at the end of term (R9).
> mis join osian.bl11 school=6612001 name="Osian Parry" role=learner
joined osian.bl11 (MIS learner) at 6612001
> mis join ffion.bl11 school=6612001 name="Ffion Lewis" role=learner
joined ffion.bl11 (MIS learner) at 6612001
> mis leave osian.bl11 on=2027-07-21
osian.bl11 leaves on 2027-07-21; the sweep deactivates it from then
> mis leave ffion.bl11 on=2027-07-21
ffion.bl11 leaves on 2027-07-21; the sweep deactivates it from then
> content osian.bl11 40
osian.bl11 holds 40 content items

# 31 August: the last day of the academic year. Siân's and Mererid's accounts are
# still active today, and the champion is still reminded about them (R6).
> date set 2027-08-31
today is 2027-08-31 (Tuesday)
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
2 non-MIS accounts expire in the next 8 weeks: type expiring to manage them
> expiring
EXPIRES     ID              NAME          CATEGORY        SCHOOL   WHEN
2027-08-31  mererid.supply  Mererid Owen  supply-teacher  6612001  today
2027-08-31  sian.supply     Siân Roberts  supply-teacher  6612001  today
2 accounts
keep ID end-of-next-year|6m|3m|1m, or close ID now|at-expiry
# The learners left on 21 July, but moving the clock never sweeps (R10): they are
# still active until the sweep runs.
> list role=learner
ID          NAME         KIND  TYPE     SCHOOL   STATUS  DATES
ffion.bl11  Ffion Lewis  mis   learner  6612001  active  leaves 2027-07-21
osian.bl11  Osian Parry  mis   learner  6612001  active  leaves 2027-07-21
2 accounts
# A sweep on 31 August switches off only the learners: nothing has expired yet.
> sweep
sweep as of 2027-08-31: deactivated 2, deleted 0
  left      ffion.bl11, osian.bl11

# 1 September, before the nightly sweep: both accounts are overdue, still in the list (R6).
> date set 2027-09-01
today is 2027-09-01 (Wednesday)
> expiring
EXPIRES     ID              NAME          CATEGORY        SCHOOL   WHEN
2027-08-31  mererid.supply  Mererid Owen  supply-teacher  6612001  overdue: expired 1 day ago
2027-08-31  sian.supply     Siân Roberts  supply-teacher  6612001  overdue: expired 1 day ago
2 accounts
keep ID end-of-next-year|6m|3m|1m, or close ID now|at-expiry
# Mererid is back for September. An overdue account can still be kept: the month
# counts from today, since the expiry has passed (R7: base = max(expires, today)).
> keep mererid.supply 1m
kept mererid.supply until 2027-10-01
# The sweep is a simulation control (R11): it stands for the system, whoever acts.
# A dry run first: what would change, with the ids, and nothing changes.
> sweep dry-run
sweep dry-run as of 2027-09-01: would deactivate 2, would delete 0; nothing changed
  expired   rhys.cyngor, sian.supply
> count status=active
5
> sweep
sweep as of 2027-09-01: deactivated 2, deleted 0
  expired   rhys.cyngor, sian.supply
# Run it again the same day: nothing more to do (R10).
> sweep
sweep as of 2027-09-01: deactivated 0, deleted 0

# What the champion sees now.
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
1 non-MIS account expires in the next 8 weeks: type expiring to manage them
> list
ID                  NAME                             KIND     TYPE            SCHOOL   STATUS                 DATES
argraffydd.1        Argraffydd yr ystafell athrawon  non-mis  service         6612001  active                 expires 2028-02-29
ffion.bl11          Ffion Lewis                      mis      learner         6612001  deactivated (left)     since 2027-07-21, deletion 2028-07-21
gwenllian.governor  Gwenllïan Jones                  non-mis  governor        6612001  active                 expires 2028-08-31
mererid.supply      Mererid Owen                     non-mis  supply-teacher  6612001  active                 expires 2027-10-01
osian.bl11          Osian Parry                      mis      learner         6612001  deactivated (left)     since 2027-07-21, deletion 2028-07-21
rhys.cyngor         Rhys Morgan                      non-mis  stakeholder     6612001  deactivated (expired)  since 2027-09-01, deletion 2028-09-01
sian.supply         Siân Roberts                     non-mis  supply-teacher  6612001  deactivated (expired)  since 2027-09-01, deletion 2028-09-01
7 accounts
> count status=deactivated
4
> list reason=expired
ID           NAME          KIND     TYPE            SCHOOL   STATUS                 DATES
rhys.cyngor  Rhys Morgan   non-mis  stakeholder     6612001  deactivated (expired)  since 2027-09-01, deletion 2028-09-01
sian.supply  Siân Roberts  non-mis  supply-teacher  6612001  deactivated (expired)  since 2027-09-01, deletion 2028-09-01
2 accounts
# Siân: expired on 31 August, so deactivated on 1 September (the day after), and
# deleted for good on 1 September 2028.
> show sian.supply
sian.supply · Siân Roberts
  kind           non-MIS, supply-teacher
  school         6612001 Ysgol y Môr
  status         deactivated (expired)
  created        2027-07-20
  last activity  2027-07-20
  content        0 items
  expires        2027-08-31
  deactivated    2027-09-01 (expired)
  deletion due   2028-09-01
  next           deleted for good by the sweep on or after 2028-09-01 with its 0 content items (R10)
history
DATE        ACTOR         RULE  WHAT                   CHANGES
2027-07-20  service-desk  R5    created
2027-09-01  system        R10   deactivated (expired)  status active→deactivated, deactivatedOn –→2027-09-01, deletionDue –→2028-09-01, reason –→expired
# Rhys was marked close-at-expiry: the sweep records it as expired like the others,
# and close-at-expiry keeps its value (R8).
> show rhys.cyngor
rhys.cyngor · Rhys Morgan
  kind           non-MIS, stakeholder
  school         6612001 Ysgol y Môr
  status         deactivated (expired)
  created        2027-07-20
  last activity  2027-07-20
  content        0 items
  expires        2027-08-31 (closes at expiry)
  deactivated    2027-09-01 (expired)
  deletion due   2028-09-01
  next           deleted for good by the sweep on or after 2028-09-01 with its 0 content items (R10)
history
DATE        ACTOR         RULE  WHAT                    CHANGES
2027-07-20  service-desk  R5    created
2027-07-20  service-desk  R8    set to close at expiry  closeAtExpiry false→true
2027-09-01  system        R10   deactivated (expired)   status active→deactivated, deactivatedOn –→2027-09-01, deletionDue –→2028-09-01, reason –→expired
# Osian left on 21 July: deactivated from that day, deleted 12 months after it (R10.2-3).
> show osian.bl11
osian.bl11 · Osian Parry
  kind           MIS learner
  school         6612001 Ysgol y Môr
  status         deactivated (left)
  created        2027-07-20
  last activity  2027-07-20
  content        40 items
  leaving date   2027-07-21
  deactivated    2027-07-21 (left)
  deletion due   2028-07-21
  next           deleted for good by the sweep on or after 2028-07-21 with its 40 content items (R10); reactivated if a maintained school's MIS takes the learner on (R9)
history
DATE        ACTOR   RULE  WHAT                      CHANGES
2027-07-20  system  R9    joined (new MIS account)
2027-07-20  system  R9    leaving date 2027-07-21   leavingDate –→2027-07-21
2027-07-20  system  R13   content set               content 0→40
2027-08-31  system  R10   deactivated (left)        status active→deactivated, deactivatedOn –→2027-07-21, deletionDue –→2028-07-21, reason –→left

# The new academic year: a governor made today is good until 31 August 2028 (R1, R5),
# and may now be kept until 31 August 2029.
> create huw.governor name="Huw Jenkins" category=governor school=6612001
created huw.governor (non-MIS, governor) at 6612001, expires 2028-08-31
> keep huw.governor end-of-next-year
kept huw.governor until 2029-08-31
