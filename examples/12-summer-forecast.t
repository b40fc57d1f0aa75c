# 12 · The summer forecast: what the sweep will do, before it does it
#
# What the trainer shows: on 20 July a Digital Champion at Ysgol y Môr gets the expiring
# banner as usual, then asks hwbsh what the nightly sweep will switch off and delete over
# the summer if nobody acts (`forecast`). The forecast dates each change as the rules do
# (R10, R13), counts them week by week by reason, and names the accounts deleted for good
# with their content. The champion keeps one account and closes another, and the
# forecast follows. On 1 September one sweep makes exactly the changes forecast.
#
# Points to make:
# - a forecast changes nothing: it reads the dates the rules already give (R10);
# - a leaving date the school entered late is already due: it is counted as "due now";
# - last summer's leavers and expired accounts are deleted this summer, 12 months after
#   their deactivation, with all their content (R10.3-4);
# - `forecast ID` tells one account's story and what would change it, with the commands;
# - close at expiry changes nothing in the forecast: the sweep deactivates it as expired
#   (R8); close now happens at once, so no forecast ever shows "closed";
# - the forecast up to 1 September is what the sweep of 1 September does, account by
#   account, in one jump or night by night (R10);
# - a keep does not save an account nobody signs in to: after 90 days without a sign-in
#   the sweep deactivates it as inactive (R13); a sign-in does.
#! hwbsh --date 2026-07-20

# Last summer: two Year 11 learners left on 21 July and a governor's account ended on
# 31 August. The sweep of 1 September 2026 switched them off; they are deleted for good
# 12 months after that, this summer (R10.3).
> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> school add 6612002 name="Ysgol Gyfun Bryn Glas"
added school 6612002 Ysgol Gyfun Bryn Glas
> mis join owain.bl11 school=6612001 name="Owain Price" role=learner
joined owain.bl11 (MIS learner) at 6612001
> mis join lowri.bl11 school=6612001 name="Lowri Bevan" role=learner
joined lowri.bl11 (MIS learner) at 6612001
> content owain.bl11 35
owain.bl11 holds 35 content items
> content lowri.bl11 18
lowri.bl11 holds 18 content items
> mis leave owain.bl11 on=2026-07-21
owain.bl11 leaves on 2026-07-21; the sweep deactivates it from then
> mis leave lowri.bl11 on=2026-07-21
lowri.bl11 leaves on 2026-07-21; the sweep deactivates it from then
> create huw.governor name="Huw Jenkins" category=governor school=6612001
created huw.governor (non-MIS, governor) at 6612001, expires 2026-08-31
> content huw.governor 4
huw.governor holds 4 content items
> date set 2026-09-01
today is 2026-09-01 (Tuesday)
> sweep
sweep as of 2026-09-01: deactivated 3, deleted 0
  expired   huw.governor
  left      lowri.bl11, owain.bl11

# A year on: 20 July 2027. The accounts the champion made for this year, and the school
# MIS records this year's leavers. Nia's leaving date, last Friday, is entered late.
> date set 2027-07-20
today is 2027-07-20 (Tuesday)
> create sian.supply name="Siân Roberts" category=supply-teacher school=6612001
created sian.supply (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
> create gwenllian.governor name="Gwenllïan Jones" category=governor school=6612001
created gwenllian.governor (non-MIS, governor) at 6612001, expires 2027-08-31
> create rhys.cyngor name="Rhys Morgan" category=stakeholder school=6612001
created rhys.cyngor (non-MIS, stakeholder) at 6612001, expires 2027-08-31
> create argraffydd.1 name="Argraffydd yr ystafell athrawon" category=service school=6612001 for=1m
created argraffydd.1 (non-MIS, service) at 6612001, expires 2027-08-20
> content sian.supply 12
sian.supply holds 12 content items
> content gwenllian.governor 6
gwenllian.governor holds 6 content items
> mis join osian.bl11 school=6612001 name="Osian Parry" role=learner
joined osian.bl11 (MIS learner) at 6612001
> mis join ffion.bl11 school=6612001 name="Ffion Lewis" role=learner
joined ffion.bl11 (MIS learner) at 6612001
> mis join nia.bl13 school=6612001 name="Nia Watkins" role=learner
joined nia.bl13 (MIS learner) at 6612001
> content osian.bl11 40
osian.bl11 holds 40 content items
> content ffion.bl11 25
ffion.bl11 holds 25 content items
> mis leave osian.bl11 on=2027-07-21
osian.bl11 leaves on 2027-07-21; the sweep deactivates it from then
> mis leave ffion.bl11 on=2027-07-21
ffion.bl11 leaves on 2027-07-21; the sweep deactivates it from then
> mis leave nia.bl13 on=2027-07-16
nia.bl13 leaves on 2027-07-16; the next sweep deactivates it
# The other school: a supply teacher, an LA officer kept to the end of next year, and a
# member of staff who leaves at the end of August.
> create mererid.supply name="Mererid Owen" category=supply-teacher school=6612002
created mererid.supply (non-MIS, supply-teacher) at 6612002, expires 2027-08-31
> create elin.la name="Elin Thomas" category=la-staff school=6612002
created elin.la (non-MIS, la-staff) at 6612002, expires 2027-08-31
> keep elin.la end-of-next-year
kept elin.la until 2028-08-31
> mis join dai.staff school=6612002 name="Dai Davies" role=staff
joined dai.staff (MIS staff) at 6612002
> mis leave dai.staff on=2027-08-31
dai.staff leaves on 2027-08-31; the sweep deactivates it from then

# The champion logs in: the banner, and the list to manage (R6).
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
4 non-MIS accounts expire in the next 8 weeks: type expiring to manage them
> expiring
EXPIRES     ID                  NAME                             CATEGORY        SCHOOL   WHEN
2027-08-20  argraffydd.1        Argraffydd yr ystafell athrawon  service         6612001  in 31 days
2027-08-31  gwenllian.governor  Gwenllïan Jones                  governor        6612001  in 42 days
2027-08-31  rhys.cyngor         Rhys Morgan                      stakeholder     6612001  in 42 days
2027-08-31  sian.supply         Siân Roberts                     supply-teacher  6612001  in 42 days
4 accounts
keep ID end-of-next-year|6m|3m|1m, or close ID now|at-expiry
# What will the sweep do to this school between now and the first sweep of the new
# year, if nobody acts? Nia is due now (her leaving date has passed); Osian and Ffion
# go tomorrow; last year's leavers and Huw are deleted for good, with their content.
> forecast until=2027-09-01
forecast from 2027-07-21 to 2027-09-01 for champion 6612001 (Ysgol y Môr), if nobody acts: 7 deactivations, 3 deletions with 57 content items
bars: █ expired (R10)  ▓ inactive (R13)  ▒ left (R10)  ░ closed (R8)  × deleted (R10)
  WEEK OF    EXPIRED INACTIVE  LEFT CLOSED DELETED
  due now          0        0     1      0       0  ▒▒▒▒▒
  2027-07-21       0        0     2      0       2  ▒▒▒▒▒▒▒▒▒▒▒××××××××××××
  2027-07-28       0        0     0      0       0
  2027-08-04       0        0     0      0       0
  2027-08-11       0        0     0      0       0
  2027-08-18       1        0     0      0       0  █████
  2027-08-25       0        0     0      0       0
  2027-09-01       3        0     0      0       1  █████████████████××××××
deleted for good by the sweep (R10), soonest first:
DELETED     ID            SCHOOL   CONTENT  DEACTIVATED
2027-07-21  lowri.bl11    6612001  18       2026-07-21 (left)
2027-07-21  owain.bl11    6612001  35       2026-07-21 (left)
2027-09-01  huw.governor  6612001  4        2026-09-01 (expired)
3 accounts deleted for good with 57 content items
# One account's story, and what would change it.
> forecast gwenllian.governor
forecast for gwenllian.governor (non-MIS, governor, school 6612001) as of 2027-07-20, if nobody acts:
DATE                WHAT
2027-07-20 (today)  created
2027-07-20 (today)  on the expiring list from here, and in the banner's count at login (R6)
2027-08-31          expires (last active day)
2027-09-01          deactivated (expired): the day after it expires (R10)
2028-09-01          deleted for good by the sweep with its 6 content items (R10)
what would change it:
  before 2027-09-01: a sign-in (signin gwenllian.governor) moves the inactivity day to 91 days after it (R13)
  before 2027-09-01: keep gwenllian.governor end-of-next-year makes it expire on 2028-08-31 (R7)
  before 2027-09-01: keep gwenllian.governor 6m makes it expire on 2028-02-29 (R7)
  before 2027-09-01: keep gwenllian.governor 3m makes it expire on 2027-11-30 (R7)
  before 2027-09-01: keep gwenllian.governor 1m makes it expire on 2027-09-30 (R7)
  close gwenllian.governor now deactivates it today and deletes it on 2028-07-20 (R8)
  after 2027-09-01: reactivate gwenllian.governor [until=DATE] brings it back until its deletion (R12)
# The champion acts: Gwenllïan is kept, Rhys's account is closed now, and the printer
# is set to close when it expires.
> keep gwenllian.governor end-of-next-year
kept gwenllian.governor until 2028-08-31
> close rhys.cyngor now
closed rhys.cyngor; deleted for good on 2028-07-20 unless reactivated
> close argraffydd.1 at-expiry
argraffydd.1 will close at expiry on 2027-08-20; it leaves the expiring list
# The forecast again: two fewer expired on 1 September. Rhys is already deactivated
# (closed today), and the printer is still switched off on 21 August, as expired (R8).
> forecast until=2027-09-01
forecast from 2027-07-21 to 2027-09-01 for champion 6612001 (Ysgol y Môr), if nobody acts: 5 deactivations, 3 deletions with 57 content items
bars: █ expired (R10)  ▓ inactive (R13)  ▒ left (R10)  ░ closed (R8)  × deleted (R10)
  WEEK OF    EXPIRED INACTIVE  LEFT CLOSED DELETED
  due now          0        0     1      0       0  ▒▒▒▒▒
  2027-07-21       0        0     2      0       2  ▒▒▒▒▒▒▒▒▒▒▒××××××××××××
  2027-07-28       0        0     0      0       0
  2027-08-04       0        0     0      0       0
  2027-08-11       0        0     0      0       0
  2027-08-18       1        0     0      0       0  █████
  2027-08-25       0        0     0      0       0
  2027-09-01       1        0     0      0       1  █████××××××
deleted for good by the sweep (R10), soonest first:
DELETED     ID            SCHOOL   CONTENT  DEACTIVATED
2027-07-21  lowri.bl11    6612001  18       2026-07-21 (left)
2027-07-21  owain.bl11    6612001  35       2026-07-21 (left)
2027-09-01  huw.governor  6612001  4        2026-09-01 (expired)
3 accounts deleted for good with 57 content items

# The Service Desk's view: every school. The same forecast as a list, one row a change.
> login service-desk
acting as service-desk (every school)
2 non-MIS accounts expire in the next 8 weeks: type expiring to manage them
> forecast until=2027-09-01
forecast from 2027-07-21 to 2027-09-01 for service-desk (every school), if nobody acts: 7 deactivations, 3 deletions with 57 content items
bars: █ expired (R10)  ▓ inactive (R13)  ▒ left (R10)  ░ closed (R8)  × deleted (R10)
  WEEK OF    EXPIRED INACTIVE  LEFT CLOSED DELETED
  due now          0        0     1      0       0  ▒▒▒▒▒
  2027-07-21       0        0     2      0       2  ▒▒▒▒▒▒▒▒▒▒▒××××××××××××
  2027-07-28       0        0     0      0       0
  2027-08-04       0        0     0      0       0
  2027-08-11       0        0     0      0       0
  2027-08-18       1        0     0      0       0  █████
  2027-08-25       0        0     1      0       0  ▒▒▒▒▒
  2027-09-01       2        0     0      0       1  ███████████××××××
deleted for good by the sweep (R10), soonest first:
DELETED     ID            SCHOOL   CONTENT  DEACTIVATED
2027-07-21  lowri.bl11    6612001  18       2026-07-21 (left)
2027-07-21  owain.bl11    6612001  35       2026-07-21 (left)
2027-09-01  huw.governor  6612001  4        2026-09-01 (expired)
3 accounts deleted for good with 57 content items
> format csv
listings print as csv
> forecast until=2027-09-01
date,id,event,reason,rule
2027-07-16,nia.bl13,deactivated,left,R10
2027-07-21,ffion.bl11,deactivated,left,R10
2027-07-21,lowri.bl11,deleted,,R10
2027-07-21,osian.bl11,deactivated,left,R10
2027-07-21,owain.bl11,deleted,,R10
2027-08-21,argraffydd.1,deactivated,expired,R10
2027-08-31,dai.staff,deactivated,left,R10
2027-09-01,huw.governor,deleted,,R10
2027-09-01,mererid.supply,deactivated,expired,R10
2027-09-01,sian.supply,deactivated,expired,R10
> format auto
listings print as auto: a table when it fits the screen, else one field a line

# 1 September: one sweep, after a jump of six weeks without any. It makes exactly the
# changes listed above: 7 deactivations and 3 deletions with 57 content items (R10).
> date set 2027-09-01
today is 2027-09-01 (Wednesday)
> sweep
sweep as of 2027-09-01: deactivated 7, deleted 3 with 57 content items
  expired   argraffydd.1, mererid.supply, sian.supply
  left      dai.staff, ffion.bl11, nia.bl13, osian.bl11
  deleted   huw.governor (4), lowri.bl11 (18), owain.bl11 (35)
# What comes next: Gwenllïan and Elin were kept, but nobody has signed in to either
# since July. Without a sign-in the sweep switches them off on 19 October (R13).
> forecast until=2027-10-31
forecast from 2027-09-02 to 2027-10-31 for service-desk (every school), if nobody acts: 2 deactivations, 0 deletions with 0 content items
bars: █ expired (R10)  ▓ inactive (R13)  ▒ left (R10)  ░ closed (R8)  × deleted (R10)
  WEEK OF    EXPIRED INACTIVE  LEFT CLOSED DELETED
  2027-09-02       0        0     0      0       0
  2027-09-09       0        0     0      0       0
  2027-09-16       0        0     0      0       0
  2027-09-23       0        0     0      0       0
  2027-09-30       0        0     0      0       0
  2027-10-07       0        0     0      0       0
  2027-10-14       0        2     0      0       0  ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓
  2027-10-21       0        0     0      0       0
  2027-10-28       0        0     0      0       0
# Gwenllïan signs in: her inactivity day moves 90 days on, out of the forecast. The
# forecast as JSON, for a dashboard or a script.
> signin gwenllian.governor
gwenllian.governor signed in on 2027-09-01; last activity 2027-09-01
> format json
listings print as json
> forecast until=2027-10-31
{"from":"2027-09-02","until":"2027-10-31","events":[{"date":"2027-10-19","id":"elin.la","event":"deactivated","reason":"inactive"}]}
> format auto
listings print as auto: a table when it fits the screen, else one field a line
