# 09 · The calendar: academic years, months that are too short, and the clock
#
# What the trainer shows: every date hwbsh gives an account comes from two pieces of
# calendar arithmetic. The Welsh academic year runs 1 September to 31 August (R1), and
# "n months later" keeps the day of the month, falling back to the month's last day when
# it has no such day (R2). The simulated clock only moves forward once the store holds
# anything, and moving it never runs the sweep (R10).
#
# Points to make:
# - 31 August is the last day of the academic year, 1 September the first of the next:
#   an account made on either day ends on a different 31 August (R1, R5);
# - keep never goes past the end of NEXT academic year (R1, R7);
# - 31 August + 6 months = 29 February in a leap year, 28 February otherwise; + 3
#   months = 30 November (R2);
# - `date advance` uses the same arithmetic: 1y from 29 February is 28 February (R2);
# - a store with nothing in it may be set to any date, so a script can start with
#   `date set`; after that the clock only moves forward.
#! hwbsh --date 2030-01-01

# An empty store may be set to any date, even an earlier one.
> date set 2027-08-31
today is 2027-08-31 (Tuesday)
# 31 August is still in the academic year 2026/27: a new account ends today (R1, R5).
> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> create sian.supply name="Siân Roberts" category=supply-teacher school=6612001
created sian.supply (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
# On 31 August even a month is too long: a period may not reach past the end of the
# academic year (R5).
> create wyn.temp name="Ŵyn Pritchard" category=temporary-staff school=6612001 for=1m
! error: the expiry 2027-09-30 is after the end of this academic year (2027-08-31) (R5)
# The store now holds something: the clock cannot go back.
> date set 2027-08-30
! error: cannot move the clock back from 2027-08-31 to 2027-08-30: it only moves forward once the store holds schools or accounts
# From 31 August, 6 months is 29 February 2028 (a leap year) and 3 months is 30 November.
> create gwenllian.governor name="Gwenllïan Jones" category=governor school=6612001
created gwenllian.governor (non-MIS, governor) at 6612001, expires 2027-08-31
> keep gwenllian.governor 6m
kept gwenllian.governor until 2028-02-29
> create argraffydd.1 name="Argraffydd yr ystafell athrawon" category=service school=6612001
created argraffydd.1 (non-MIS, service) at 6612001, expires 2027-08-31
> keep argraffydd.1 3m
kept argraffydd.1 until 2027-11-30
# end-of-next-year on 31 August: the end of the academic year after this one, 2028.
> create rhys.cyngor name="Rhys Morgan" category=stakeholder school=6612001
created rhys.cyngor (non-MIS, stakeholder) at 6612001, expires 2027-08-31
> keep rhys.cyngor end-of-next-year
kept rhys.cyngor until 2028-08-31

# 1 September: a new academic year. The same create now ends on 31 August 2028, and
# end-of-next-year reaches 2029 (R1).
> date advance 1d
today is 2027-09-01 (Wednesday)
> create mererid.supply name="Mererid Owen" category=supply-teacher school=6612001
created mererid.supply (non-MIS, supply-teacher) at 6612001, expires 2028-08-31
> keep mererid.supply end-of-next-year
kept mererid.supply until 2029-08-31
# In the new year a 6-month period fits: 1 September + 6 months is 1 March (R2, R5).
> create wyn.temp name="Ŵyn Pritchard" category=temporary-staff school=6612001 for=6m
created wyn.temp (non-MIS, temporary-staff) at 6612001, expires 2028-03-01
# Keep counts from the later of the expiry and today, capped at the end of next year
# (R7): 6 months after 2029-08-31 would be past the cap.
> keep mererid.supply 6m
kept mererid.supply until 2029-08-31

# Moving the clock by months clamps the same way (R2), and never sweeps (R10): the
# accounts that expired on 31 August are still active until a sweep runs.
> date set 2028-02-29
today is 2028-02-29 (Tuesday)
> date advance 1y
today is 2029-02-28 (Wednesday)
> list status=active
ID                  NAME                             KIND     TYPE             SCHOOL   STATUS            DATES
argraffydd.1        Argraffydd yr ystafell athrawon  non-mis  service          6612001  active (overdue)  expires 2027-11-30
gwenllian.governor  Gwenllïan Jones                  non-mis  governor         6612001  active (overdue)  expires 2028-02-29
mererid.supply      Mererid Owen                     non-mis  supply-teacher   6612001  active            expires 2029-08-31; inactive from 2027-12-01 (R13)
rhys.cyngor         Rhys Morgan                      non-mis  stakeholder      6612001  active (overdue)  expires 2028-08-31
sian.supply         Siân Roberts                     non-mis  supply-teacher   6612001  active (overdue)  expires 2027-08-31
wyn.temp            Ŵyn Pritchard                    non-mis  temporary-staff  6612001  active (overdue)  expires 2028-03-01
6 accounts
