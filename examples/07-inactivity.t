# 07 · 90 days without a sign-in, and a reactivation that does not switch straight off
#
# What the trainer shows: for security, a non-MIS account that nobody has signed in to
# for more than 90 days is deactivated by the sweep, even if it has not expired (R13,
# R10.1). The deactivation date is the 91st day after the last sign-in, whenever the
# sweep runs. When the champion reactivates such an account, the reactivation itself
# counts as activity, so the next sweep does not switch it off again (R12).
#
# Points to make:
# - "last activity" is the latest sign-in, or the creation date until the first (R4);
# - deactivated from lastActivity + 91 days, reason "inactive" (R10.1);
# - when expiry and inactivity both apply, the earlier date counts; on the same day the
#   reason is "expired" (R10.1);
# - MIS accounts are not subject to the inactivity rule (R13);
# - a sign-in on a deactivated account is refused (R13);
# - reactivate keeps the expiry if it is still ahead, or takes `until=` (R12).
#! hwbsh --date 2027-09-01

> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> create gwenllian.governor name="Gwenllïan Jones" category=governor school=6612001
created gwenllian.governor (non-MIS, governor) at 6612001, expires 2028-08-31
> create argraffydd.1 name="Argraffydd yr ystafell athrawon" category=service school=6612001
created argraffydd.1 (non-MIS, service) at 6612001, expires 2028-08-31
> create sian.supply name="Siân Roberts" category=supply-teacher school=6612001
created sian.supply (non-MIS, supply-teacher) at 6612001, expires 2028-08-31
# A temporary contract to 30 November: expiry + 1 day and 91 days without a sign-in
# fall on the same day, 1 December.
> create wyn.temp name="Ŵyn Pritchard" category=temporary-staff school=6612001 expires=2027-11-30
created wyn.temp (non-MIS, temporary-staff) at 6612001, expires 2027-11-30
> mis join cai.evans school=6612001 name="Cai Evans" role=learner
joined cai.evans (MIS learner) at 6612001

# Sign-ins in September. The printer never signs in.
> date set 2027-09-10
today is 2027-09-10 (Friday)
> signin gwenllian.governor
gwenllian.governor signed in on 2027-09-10; last activity 2027-09-10
> signin sian.supply
sian.supply signed in on 2027-09-10; last activity 2027-09-10
# A sign-in may be entered late, with its date; an older one does not move it back (R13).
> signin sian.supply on=2027-09-03
sian.supply signed in on 2027-09-03; last activity 2027-09-10
# Not before the account was made, and not in the future (R13).
> signin sian.supply on=2027-08-31
! error: a sign-in on 2027-08-31 would be before sian.supply was created (2027-09-01) (R13)
> signin sian.supply on=2027-09-11
! error: a sign-in on 2027-09-11 would be after today (2027-09-10) (R13)

# The account page says when the inactivity rule will apply (R13).
> show gwenllian.governor
gwenllian.governor · Gwenllïan Jones
  kind           non-MIS, governor
  school         6612001 Ysgol y Môr
  status         active
  created        2027-09-01
  last activity  2027-09-10
  content        0 items
  expires        2028-08-31
  next           deactivated by the sweep on or after 2027-12-10 (inactive: no sign-in for more than 90 days, R13)
history
DATE        ACTOR         RULE  WHAT       CHANGES
2027-09-01  service-desk  R5    created
2027-09-10  system        R13   signed in  lastActivity 2027-09-01→2027-09-10
> show argraffydd.1
argraffydd.1 · Argraffydd yr ystafell athrawon
  kind           non-MIS, service
  school         6612001 Ysgol y Môr
  status         active
  created        2027-09-01
  last activity  2027-09-01
  content        0 items
  expires        2028-08-31
  next           deactivated by the sweep on or after 2027-12-01 (inactive: no sign-in for more than 90 days, R13)
history
DATE        ACTOR         RULE  WHAT     CHANGES
2027-09-01  service-desk  R5    created

# Siân keeps signing in; nobody else does.
> date set 2027-11-20
today is 2027-11-20 (Saturday)
> signin sian.supply
sian.supply signed in on 2027-11-20; last activity 2027-11-20
# Who has not signed in for 10 weeks? The filter helps the champion find them.
> list inactive=10w
ID                  NAME                             KIND     TYPE             SCHOOL   STATUS  DATES
argraffydd.1        Argraffydd yr ystafell athrawon  non-mis  service          6612001  active  expires 2028-08-31
cai.evans           Cai Evans                        mis      learner          6612001  active
gwenllian.governor  Gwenllïan Jones                  non-mis  governor         6612001  active  expires 2028-08-31
wyn.temp            Ŵyn Pritchard                    non-mis  temporary-staff  6612001  active  expires 2027-11-30
4 accounts

# Mid-January, one sweep after the Christmas holidays (R10). Each account is switched
# off from its own date: the printer on 1 December (91 days after 1 September), the
# governor on 10 December; Ŵyn on 1 December as expired (the tie goes to expired).
# The MIS learner has not signed in either, but the rule is not for MIS accounts (R13).
> date set 2028-01-17
today is 2028-01-17 (Monday)
> sweep
sweep as of 2028-01-17: deactivated 3, deleted 0
  expired   wyn.temp
  inactive  argraffydd.1, gwenllian.governor
> list
ID                  NAME                             KIND     TYPE             SCHOOL   STATUS                  DATES
argraffydd.1        Argraffydd yr ystafell athrawon  non-mis  service          6612001  deactivated (inactive)  since 2027-12-01, deletion 2028-12-01
cai.evans           Cai Evans                        mis      learner          6612001  active
gwenllian.governor  Gwenllïan Jones                  non-mis  governor         6612001  deactivated (inactive)  since 2027-12-10, deletion 2028-12-10
sian.supply         Siân Roberts                     non-mis  supply-teacher   6612001  active                  expires 2028-08-31
wyn.temp            Ŵyn Pritchard                    non-mis  temporary-staff  6612001  deactivated (expired)   since 2027-12-01, deletion 2028-12-01
5 accounts
> signin gwenllian.governor
! error: gwenllian.governor: account deactivated; reactivate it before it can sign in (R13)

# The governor rings the school and the champion reactivates her. Her expiry, 31
# August 2028, is still ahead, so it stays; her last activity becomes today (R12).
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
> reactivate gwenllian.governor
reactivated gwenllian.governor (non-MIS, governor), expires 2028-08-31
> show gwenllian.governor
gwenllian.governor · Gwenllïan Jones
  kind           non-MIS, governor
  school         6612001 Ysgol y Môr
  status         active
  created        2027-09-01
  last activity  2028-01-17
  content        0 items
  expires        2028-08-31
  next           deactivated by the sweep on or after 2028-04-17 (inactive: no sign-in for more than 90 days, R13)
history
DATE        ACTOR             RULE  WHAT                    CHANGES
2027-09-01  service-desk      R5    created
2027-09-10  system            R13   signed in               lastActivity 2027-09-01→2027-09-10
2028-01-17  system            R13   deactivated (inactive)  status active→deactivated, deactivatedOn –→2027-12-10, deletionDue –→2028-12-10, reason –→inactive
2028-01-17  champion 6612001  R12   reactivated             status deactivated→active, lastActivity 2027-09-10→2028-01-17, deactivatedOn 2027-12-10→–, deletionDue 2028-12-10→–, reason inactive→–
# The nightly sweep does not switch her off again: the 90 days start from today.
> sweep dry-run
sweep dry-run as of 2028-01-17: would deactivate 0, would delete 0; nothing changed

# The printer's expiry is also ahead; `until=` sets a new one instead, within this
# academic year (R12, R5): not after 31 August 2028 and not before today. It will come
# back to the expiring list 8 weeks before.
> reactivate argraffydd.1 until=2028-09-30
! error: the expiry 2028-09-30 is after the end of this academic year (2028-08-31) (R12)
> reactivate argraffydd.1 until=2028-01-16
! error: the expiry 2028-01-16 is before today (2028-01-17) (R12)
> reactivate argraffydd.1 until=2028-03-31
reactivated argraffydd.1 (non-MIS, service), expires 2028-03-31
> reactivate argraffydd.1
! error: argraffydd.1 is already active (R12)
> reactivate sian.supply
! error: sian.supply is already active (R12)
# Ŵyn's expiry has passed: reactivated until the end of this academic year (R12).
> reactivate wyn.temp
reactivated wyn.temp (non-MIS, temporary-staff), expires 2028-08-31
> expiring
no accounts expire in the next 8 weeks
