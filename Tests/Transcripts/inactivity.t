# The inactivity trap (R13): keeping an account nobody signs in to does not save it.
# The governor's account was made on 1 April and never used; by 20 July it has had no
# sign-in for more than 90 days, so that night's sweep switches it off whatever its
# expiry. The banner, the expiring list, list and keep all say so.
#! hwbsh --date 2027-04-01
> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> create eleri.gov name="Eleri Thomas" category=governor school=6612001
created eleri.gov (non-MIS, governor) at 6612001, expires 2027-08-31
> create huw.gov name="Huw Jones" category=governor school=6612001
created huw.gov (non-MIS, governor) at 6612001, expires 2027-08-31
> date set 2027-07-20
today is 2027-07-20 (Tuesday)
> signin huw.gov
huw.gov signed in on 2027-07-20; last activity 2027-07-20
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
2 non-MIS accounts expire in the next 8 weeks: type expiring to manage them
1 non-MIS account has had no sign-in for 90 days: the next sweep deactivates it as inactive (R13); list kind=non-mis status=active inactive=90d shows it
> expiring
EXPIRES     ID         NAME          CATEGORY  SCHOOL   WHEN
2027-08-31  eleri.gov  Eleri Thomas  governor  6612001  in 42 days; inactive (R13)
2027-08-31  huw.gov    Huw Jones     governor  6612001  in 42 days
2 accounts
1 of these has had no sign-in for 90 days: the next sweep deactivates it as inactive (R13), kept or not; a sign-in resets this
keep ID end-of-next-year|6m|3m|1m, or close ID now|at-expiry
> keep eleri.gov end-of-next-year
kept eleri.gov until 2028-08-31
warning: no sign-in since 2027-04-01: the next sweep deactivates it as inactive (R13); a sign-in resets this
> list
ID         NAME          KIND     TYPE      SCHOOL   STATUS  DATES
eleri.gov  Eleri Thomas  non-mis  governor  6612001  active  expires 2028-08-31; inactive from 2027-07-01 (R13)
huw.gov    Huw Jones     non-mis  governor  6612001  active  expires 2027-08-31
2 accounts
> list inactive=90d
ID         NAME          KIND     TYPE      SCHOOL   STATUS  DATES
eleri.gov  Eleri Thomas  non-mis  governor  6612001  active  expires 2028-08-31; inactive from 2027-07-01 (R13)
1 account
> sweep dry-run
sweep dry-run as of 2027-07-20: would deactivate 1, would delete 0; nothing changed
  inactive  eleri.gov
# A sign-in resets it: the keep then holds.
> signin eleri.gov
eleri.gov signed in on 2027-07-20; last activity 2027-07-20
> list
ID         NAME          KIND     TYPE      SCHOOL   STATUS  DATES
eleri.gov  Eleri Thomas  non-mis  governor  6612001  active  expires 2028-08-31
huw.gov    Huw Jones     non-mis  governor  6612001  active  expires 2027-08-31
2 accounts
> sweep dry-run
sweep dry-run as of 2027-07-20: would deactivate 0, would delete 0; nothing changed
