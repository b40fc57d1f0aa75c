# 06 · An ITE student's placement, and the reminder about their content
#
# What the trainer shows: a student teacher (Initial Teacher Education) comes to Ysgol y
# Môr for a spring placement. Their non-MIS account must have an end date: the portal's
# create form asks for one, and hwbsh refuses an ITE account without it (R5). When it is
# made, the champion is reminded that the student must move their content out before
# the placement ends. The placement account then follows the usual expiring list, keep
# and sweep (R6, R7, R10).
#
# Points to make:
# - `expires=DATE` or `for=1m|3m|6m|end-of-year` is required for ite-student (R5);
# - the expiry may not be before today or after the end of the academic year (R5);
# - the account shows in the expiring list 8 weeks before the placement ends (R6);
# - a short extension (1 month) counts from the placement's end date (R7);
# - after the sweep the account is deactivated; the content waits 12 months and is then
#   deleted for good (R10), which is why the reminder matters.
#! hwbsh --date 2028-01-10

> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)

# No end date: refused (R5). The reminder comes with a successful create.
> create gwenllian.ite name="Gwenllïan Morgan" category=ite-student school=6612001
! error: an ITE placement must have an end date: give expires=DATE or for=PERIOD (R5)
# Dates outside the bounds are refused like any create (R5): before today, or after
# 31 August 2028, the end of this academic year.
> create gwenllian.ite name="Gwenllïan Morgan" category=ite-student school=6612001 expires=2028-01-09
! error: the expiry 2028-01-09 is before today (2028-01-10) (R5)
> create gwenllian.ite name="Gwenllïan Morgan" category=ite-student school=6612001 expires=2028-09-01
! error: the expiry 2028-09-01 is after the end of this academic year (2028-08-31) (R5)
# The placement ends on Friday 24 March.
> create gwenllian.ite name="Gwenllïan Morgan" category=ite-student school=6612001 expires=2028-03-24
created gwenllian.ite (non-MIS, ite-student) at 6612001, expires 2028-03-24
reminder: the ITE student must move their content out of Hwb before the placement ends on 2028-03-24
# A second student with a period, as in the portal's form: 3 months from today.
> create wyn.ite name="Ŵyn Edwards" category=ite-student school=6612001 for=3m
created wyn.ite (non-MIS, ite-student) at 6612001, expires 2028-04-10
reminder: the ITE student must move their content out of Hwb before the placement ends on 2028-04-10
> show gwenllian.ite
gwenllian.ite · Gwenllïan Morgan
  kind           non-MIS, ite-student
  school         6612001 Ysgol y Môr
  status         active
  created        2028-01-10
  last activity  2028-01-10
  content        0 items
  expires        2028-03-24
  next           deactivated by the sweep on or after 2028-03-25 (expired, R10)
history
DATE        ACTOR             RULE  WHAT     CHANGES
2028-01-10  champion 6612001  R5    created

# The students work in Hwb during the placement.
> date set 2028-02-13
today is 2028-02-13 (Sunday)
> signin gwenllian.ite
gwenllian.ite signed in on 2028-02-13; last activity 2028-02-13
> signin wyn.ite
wyn.ite signed in on 2028-02-13; last activity 2028-02-13
> content gwenllian.ite 18
gwenllian.ite holds 18 content items
> content wyn.ite 7
wyn.ite holds 7 content items

# 8 weeks (56 days) before 24 March the placement is in the banner and the list (R6).
# On 13 February Ŵyn's placement (10 April) is 57 days away: not yet.
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
1 non-MIS account expires in the next 8 weeks: type expiring to manage them
> expiring
EXPIRES     ID             NAME              CATEGORY     SCHOOL   WHEN
2028-03-24  gwenllian.ite  Gwenllïan Morgan  ite-student  6612001  in 40 days
1 account
keep ID end-of-next-year|6m|3m|1m, or close ID now|at-expiry
# The next day it is exactly 56 days away, and it is listed (expires <= today + 56).
> date set 2028-02-14
today is 2028-02-14 (Monday)
> expiring
EXPIRES     ID             NAME              CATEGORY     SCHOOL   WHEN
2028-03-24  gwenllian.ite  Gwenllïan Morgan  ite-student  6612001  in 39 days
2028-04-10  wyn.ite        Ŵyn Edwards       ite-student  6612001  in 56 days
2 accounts
keep ID end-of-next-year|6m|3m|1m, or close ID now|at-expiry

# Gwenllïan's placement is extended by a month: from 24 March, not from today (R7).
> keep gwenllian.ite 1m
kept gwenllian.ite until 2028-04-24
# Ŵyn's placement ends as planned: close it at expiry (R8).
> close wyn.ite at-expiry
wyn.ite will close at expiry on 2028-04-10; it leaves the expiring list
> expiring
no accounts expire in the next 8 weeks

# After the placements: the sweep switches the accounts off the day after expiry.
> date set 2028-04-25
today is 2028-04-25 (Tuesday)
> sweep
sweep as of 2028-04-25: deactivated 2, deleted 0
  expired   gwenllian.ite, wyn.ite
> list category=ite-student
ID             NAME              KIND     TYPE         SCHOOL   STATUS                 DATES
gwenllian.ite  Gwenllïan Morgan  non-mis  ite-student  6612001  deactivated (expired)  since 2028-04-25, deletion 2029-04-25
wyn.ite        Ŵyn Edwards       non-mis  ite-student  6612001  deactivated (expired)  since 2028-04-11, deletion 2029-04-11
2 accounts
# The content is still there, but only until the deletion date: the student should
# have moved it out before the placement ended.
> show wyn.ite
wyn.ite · Ŵyn Edwards
  kind           non-MIS, ite-student
  school         6612001 Ysgol y Môr
  status         deactivated (expired)
  created        2028-01-10
  last activity  2028-02-13
  content        7 items
  expires        2028-04-10 (closes at expiry)
  deactivated    2028-04-11 (expired)
  deletion due   2029-04-11
  next           deleted for good by the sweep on or after 2029-04-11 with its 7 content items (R10)
history
DATE        ACTOR             RULE  WHAT                    CHANGES
2028-01-10  champion 6612001  R5    created
2028-02-13  system            R13   signed in               lastActivity 2028-01-10→2028-02-13
2028-02-13  system            R13   content set             content 0→7
2028-02-14  champion 6612001  R8    set to close at expiry  closeAtExpiry false→true
2028-04-25  system            R10   deactivated (expired)   status active→deactivated, deactivatedOn –→2028-04-11, deletionDue –→2029-04-11, reason –→expired

# A summer-term placement: 6 months from 25 April lands after 31 August, the end of the
# academic year, so the period is refused like a date would be (R5). end-of-year is the
# longest an ITE account can have when it is made.
> create elis.ite name="Elis Vaughan" category=ite-student school=6612001 for=6m
! error: the expiry 2028-10-25 is after the end of this academic year (2028-08-31) (R5)
> create elis.ite name="Elis Vaughan" category=ite-student school=6612001 for=end-of-year
created elis.ite (non-MIS, ite-student) at 6612001, expires 2028-08-31
reminder: the ITE student must move their content out of Hwb before the placement ends on 2028-08-31
