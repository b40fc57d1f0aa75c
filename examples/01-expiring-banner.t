# 01 · The expiring banner and the "manage expiring accounts" list
#
# What the trainer shows: a Digital Champion at Ysgol y Môr logs in on 20 July and is
# told how many non-MIS accounts expire in the next 8 weeks (R6). From the list they
# keep each account for one of the four periods the portal offers (R7: end of next
# academic year, 6 months, 3 months, 1 month), close one straight away and mark one
# to close when it expires (R8). Every account leaves the list once it is dealt with.
#
# Points to make:
# - non-MIS accounts get an expiry no later than 31 August, the end of the academic
#   year (R1, R5); `for=1m` is the create form's "1 month";
# - the list holds the active non-MIS accounts that expire within 56 days (8 weeks) and
#   are not marked close-at-expiry, soonest first, then by id (R6);
# - keep counts from the later of the expiry and today, and never goes past the end of
#   NEXT academic year (R7), with the month arithmetic of R2 (31 Aug + 6m = 29 Feb);
# - MIS accounts are not managed here: their life follows the school MIS (R5, R7, R8).
#! hwbsh --date 2027-07-20

# Set the scene: one school and the people the champion made accounts for this year.
> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> create sian.supply name="Siân Roberts" category=supply-teacher school=6612001
created sian.supply (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
> create gwenllian.governor name="Gwenllïan Jones" category=governor school=6612001
created gwenllian.governor (non-MIS, governor) at 6612001, expires 2027-08-31
> create argraffydd.1 name="Argraffydd yr ystafell athrawon" category=service school=6612001
created argraffydd.1 (non-MIS, service) at 6612001, expires 2027-08-31
> create wyn.temp name="Ŵyn Pritchard" category=temporary-staff school=6612001
created wyn.temp (non-MIS, temporary-staff) at 6612001, expires 2027-08-31
> create rhys.cyngor name="Rhys Morgan" category=stakeholder school=6612001
created rhys.cyngor (non-MIS, stakeholder) at 6612001, expires 2027-08-31
> create mari.consortia name="Mari Hughes" category=consortia school=6612001
created mari.consortia (non-MIS, consortia) at 6612001, expires 2027-08-31
> create kindle.llyfrgell name="Kindle y llyfrgell" category=service school=6612001 for=1m
created kindle.llyfrgell (non-MIS, service) at 6612001, expires 2027-08-20
# A learner never gets a non-MIS account: learners come from the school MIS (R5).
> create cai.evans name="Cai Evans" category=learner school=6612001
! error: no learner may have a non-MIS account; learners get their account from the school MIS (R5)
> mis join cai.evans school=6612001 name="Cai Evans" role=learner
joined cai.evans (MIS learner) at 6612001

# The champion logs in: the banner counts the accounts to manage (R6).
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
7 non-MIS accounts expire in the next 8 weeks: type expiring to manage them
# The list: soonest first, then by id. The Kindle (1 month: 20 August) comes first;
# the six that end with the academic year follow in id order.
> expiring
EXPIRES     ID                  NAME                             CATEGORY         SCHOOL   WHEN
2027-08-20  kindle.llyfrgell    Kindle y llyfrgell               service          6612001  in 31 days
2027-08-31  argraffydd.1        Argraffydd yr ystafell athrawon  service          6612001  in 42 days
2027-08-31  gwenllian.governor  Gwenllïan Jones                  governor         6612001  in 42 days
2027-08-31  mari.consortia      Mari Hughes                      consortia        6612001  in 42 days
2027-08-31  rhys.cyngor         Rhys Morgan                      stakeholder      6612001  in 42 days
2027-08-31  sian.supply         Siân Roberts                     supply-teacher   6612001  in 42 days
2027-08-31  wyn.temp            Ŵyn Pritchard                    temporary-staff  6612001  in 42 days
7 accounts
keep ID end-of-next-year|6m|3m|1m, or close ID now|at-expiry

# Keep for each period (R7). Today is 2027-07-20, so the cap is 2028-08-31.
# end-of-next-year: straight to the cap.
> keep gwenllian.governor end-of-next-year
kept gwenllian.governor until 2028-08-31
# 6 months from the expiry 2027-08-31: 2028-02-29 (2028 is a leap year, R2).
> keep argraffydd.1 6m
kept argraffydd.1 until 2028-02-29
# 3 months from 2027-08-31: 2027-11-30 (clamped to the last day of November, R2).
> keep wyn.temp 3m
kept wyn.temp until 2027-11-30
# 1 month from 2027-08-31: 2027-09-30.
> keep mari.consortia 1m
kept mari.consortia until 2027-09-30
# 1 month for the Kindle counts from its own expiry: 2027-08-20 + 1m = 2027-09-20.
> keep kindle.llyfrgell 1m
kept kindle.llyfrgell until 2027-09-20
# Keep never goes past the cap: 6 more months on the governor stays at 2028-08-31.
> keep gwenllian.governor 6m
kept gwenllian.governor until 2028-08-31

# Close now: the supply teacher has finished. Deactivated today, deleted for good
# 12 months later unless someone reactivates it (R8).
> close sian.supply now
closed sian.supply; deleted for good on 2028-07-20 unless reactivated
# Close at expiry: the stakeholder stays active until 31 August; the sweep closes it.
> close rhys.cyngor at-expiry
rhys.cyngor will close at expiry on 2027-08-31; it leaves the expiring list

# The list is empty now, and the banner is gone when the champion logs in again.
> expiring
no accounts expire in the next 8 weeks
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
# Point at the DATES column: new expiries, "(closes)" and the deletion date.
> list
ID                  NAME                             KIND     TYPE             SCHOOL   STATUS                DATES
argraffydd.1        Argraffydd yr ystafell athrawon  non-mis  service          6612001  active                expires 2028-02-29
cai.evans           Cai Evans                        mis      learner          6612001  active
gwenllian.governor  Gwenllïan Jones                  non-mis  governor         6612001  active                expires 2028-08-31
kindle.llyfrgell    Kindle y llyfrgell               non-mis  service          6612001  active                expires 2027-09-20
mari.consortia      Mari Hughes                      non-mis  consortia        6612001  active                expires 2027-09-30
rhys.cyngor         Rhys Morgan                      non-mis  stakeholder      6612001  active                expires 2027-08-31 (closes)
sian.supply         Siân Roberts                     non-mis  supply-teacher   6612001  deactivated (closed)  since 2027-07-20, deletion 2028-07-20
wyn.temp            Ŵyn Pritchard                    non-mis  temporary-staff  6612001  active                expires 2027-11-30
8 accounts
# Careful: the filter expiring=8w is not the manage list. It shows every active non-MIS
# account expiring within 8 weeks, including the one marked close-at-expiry, which the
# manage list and the banner leave out (R6).
> list expiring=8w
ID           NAME         KIND     TYPE         SCHOOL   STATUS  DATES
rhys.cyngor  Rhys Morgan  non-mis  stakeholder  6612001  active  expires 2027-08-31 (closes)
1 account

# A kept account leaves the list only while its new date is past the 8-week window (R7).
# On 1 August the window reaches 26 September: the Kindle, kept to 20 September, is back.
> date set 2027-08-01
today is 2027-08-01 (Sunday)
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
1 non-MIS account expires in the next 8 weeks: type expiring to manage them
> expiring
EXPIRES     ID                NAME                CATEGORY  SCHOOL   WHEN
2027-09-20  kindle.llyfrgell  Kindle y llyfrgell  service   6612001  in 50 days
1 account
keep ID end-of-next-year|6m|3m|1m, or close ID now|at-expiry

# What is refused, and why: MIS accounts (R7, R8), a closed account (use reactivate, R7),
# a close on an account that is already deactivated (R8), a period keep does not offer.
> keep cai.evans 6m
! error: cai.evans is an MIS account: its life follows the school MIS record (R7)
> close cai.evans now
! error: cai.evans is an MIS account: it closes when the school MIS records a leaving date (R8)
> keep sian.supply 1m
! error: sian.supply is deactivated: use reactivate (R7)
> close sian.supply now
! error: sian.supply is already deactivated (R8)
> keep wyn.temp 2m
! error: expected a keep period (end-of-next-year, 6m, 3m, 1m), got "2m"; did you mean 3m? (it keeps at least as long; end-of-next-year is the longest keep, R7)
# The account page says what happens next and keeps the history, with rule ids.
> show sian.supply
sian.supply · Siân Roberts
  kind           non-MIS, supply-teacher
  school         6612001 Ysgol y Môr
  status         deactivated (closed)
  created        2027-07-20
  last activity  2027-07-20
  content        0 items
  expires        2027-08-31
  deactivated    2027-07-20 (closed)
  deletion due   2028-07-20
  next           deleted for good by the sweep on or after 2028-07-20 with its 0 content items (R10)
history
DATE        ACTOR             RULE  WHAT        CHANGES
2027-07-20  service-desk      R5    created
2027-07-20  champion 6612001  R8    closed now  status active→deactivated, deactivatedOn –→2027-07-20, deletionDue –→2028-07-20, reason –→closed
