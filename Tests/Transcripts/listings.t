#! hwbsh --date 2027-07-20
# Listings in every format; counts with a limit; several accounts at once, all or none.
# (output and once are tested end to end: a transcript would leave their files behind.)
> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> create gwenllian.governor01 name="Gwenllïan ap Rhys-Williams Thomas" category=governor school=6612001
created gwenllian.governor01 (non-MIS, governor) at 6612001, expires 2027-08-31
> create mererid.supply name="Mererid Hughes" category=supply-teacher school=6612001 for=1m
created mererid.supply (non-MIS, supply-teacher) at 6612001, expires 2027-08-20
> create argraffydd.staffroom name="Argraffydd yr ystafell athrawon" category=service school=6612001
created argraffydd.staffroom (non-MIS, service) at 6612001, expires 2027-08-31
> format expanded
listings print as expanded: one field a line
> expiring
-[ 1 of 3 ]-----------------------------
EXPIRES   2027-08-20
ID        mererid.supply
NAME      Mererid Hughes
CATEGORY  supply-teacher
SCHOOL    6612001
WHEN      in 31 days
-[ 2 of 3 ]-----------------------------
EXPIRES   2027-08-31
ID        argraffydd.staffroom
NAME      Argraffydd yr ystafell athrawon
CATEGORY  service
SCHOOL    6612001
WHEN      in 42 days
-[ 3 of 3 ]-----------------------------
EXPIRES   2027-08-31
ID        gwenllian.governor01
NAME      Gwenllïan ap Rhys-Williams Thomas
CATEGORY  governor
SCHOOL    6612001
WHEN      in 42 days
3 accounts
keep ID end-of-next-year|6m|3m|1m, or close ID now|at-expiry
> format json
listings print as json
> audit rule=R5 last=2
[
  {"date": "2027-07-20", "actor": "service-desk", "rule": "R5", "account": "mererid.supply", "what": "created", "changes": null},
  {"date": "2027-07-20", "actor": "service-desk", "rule": "R5", "account": "argraffydd.staffroom", "what": "created", "changes": null}
]
> schools
[
  {"number": "6612001", "name": "Ysgol y Môr", "la": "661", "maintained": "yes", "accounts": "3"}
]
> help close
[
  {"command": "close", "group": "Manage accounts", "usage": "close ID...|where FILTER... now|at-expiry", "summary": "Closes non-MIS accounts now (deactivated, deleted 12 months later) or at their expiry (taken off the expiring list). Several ids, or where and filters: all are closed or none.", "rule": "R8", "example": "close jo.bloggs at-expiry"}
]
> format csv
listings print as csv
> audit since=2027-07-20 until=2027-07-20 last=1
date,actor,rule,account,what,changes
2027-07-20,service-desk,R5,argraffydd.staffroom,created,
> settings
setting,value
format,csv
pager,on (used at an interactive terminal only)
output,the screen
timer,off
echo,off
actor,service-desk (every school)
date,2027-07-20 (Tuesday)
store,"in memory, with changes not saved"
> format
listings print as csv
> format auto
listings print as auto: a table when it fits the screen, else one field a line
> count limit=2
2
> count status=active limit=10
3
# All or none: one that cannot be kept keeps none.
> close argraffydd.staffroom now
closed argraffydd.staffroom; deleted for good on 2028-07-20 unless reactivated
> keep gwenllian.governor01 argraffydd.staffroom mererid.supply 6m
! error: argraffydd.staffroom is deactivated: use reactivate (account 2 of 3); nothing changed (R7)
> keep where category=governor school=6612001 6m
kept gwenllian.governor01 until 2028-02-29
> close where category=supply-teacher at-expiry
mererid.supply will close at expiry on 2027-08-20; it leaves the expiring list
> list deactivated=2027-07-20
ID                    NAME                             KIND     TYPE     SCHOOL   STATUS                DATES
argraffydd.staffroom  Argraffydd yr ystafell athrawon  non-mis  service  6612001  deactivated (closed)  since 2027-07-20, deletion 2028-07-20
1 account
> keep where name~nobody 1m
! error: no accounts in your scope pass those filters; nothing changed (R11)
> keep where 1m
! error: where needs at least one filter, such as category=governor; filters: kind= status= role= category= school= la= reason= expiring= inactive= deactivated= name~
> keep mererid.supply 1 year
! error: expected a keep period (end-of-next-year, 6m, 3m, 1m), got "1 year"; did you mean end-of-next-year? (it keeps at least as long; end-of-next-year is the longest keep, R7)
> print The end of the "first act"
The end of the first act
> date set 2027-09-01
today is 2027-09-01 (Wednesday)
> sweep
sweep as of 2027-09-01: deactivated 1, deleted 0
  expired   mererid.supply
> format json
listings print as json
> sweep
[]
> format auto
listings print as auto: a table when it fits the screen, else one field a line
# With where, a refusal says which filter leaves the account out.
> mis join dai.mis school=6612001 name="Dai" role=staff
joined dai.mis (MIS staff) at 6612001
> keep where school=6612001 1m
! error: argraffydd.staffroom is deactivated: use reactivate (account 1 of 4); nothing changed: add status=active to leave deactivated accounts out (R7)
> keep where school=6612001 status=active 1m
! error: dai.mis is an MIS account: its life follows the school MIS record (account 1 of 2); nothing changed: add kind=non-mis to leave MIS accounts out (R7)
