# Answers instead of dead ends: a mistyped or partial id gets the nearest ids in your
# scope (never one outside it), a deleted account says when it went and with what, a
# misspelt category gets a suggestion, and help knows the rules, filters and the rest.
#! hwbsh --date 2027-07-01
> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> school add 6702001 name="Ysgol Cwm Rhymni"
added school 6702001 Ysgol Cwm Rhymni
> create megan.supply name="Megan Hughes" category=supply-teacher school=6612001
created megan.supply (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
> create a.b name="Anna Bevan" category=governor school=6612001
created a.b (non-MIS, governor) at 6612001, expires 2027-08-31
> create tom.supply name="Tom Price" category=supply-teacher school=6612001
created tom.supply (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
> create zed.gov name="Zed Evans" category=governor school=6702001
created zed.gov (non-MIS, governor) at 6702001, expires 2027-08-31
> content tom.supply 3
tom.supply holds 3 content items
> close tom.supply now
closed tom.supply; deleted for good on 2028-07-01 unless reactivated
> date set 2028-07-02
today is 2028-07-02 (Sunday)
> sweep
sweep as of 2028-07-02: deactivated 3, deleted 1 with 3 content items
  expired   a.b, megan.supply, zed.gov
  deleted   tom.supply (3)
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
> show megan
! error: no account megan; did you mean megan.supply?
> show a.c
! error: no account a.c; did you mean a.b?
> show tom.supply
! error: no account tom.supply: it was deleted on 2028-07-02 with 3 content items (R10); audit tom.supply shows it
# zed.gov is at a school outside this champion's scope: nothing is suggested.
> show zed
! error: no account zed
> keep megan 6m
! error: no account megan; did you mean megan.supply?
> create x name=X category=governer school=6612001
! error: unknown category "governer"; did you mean governor? Categories are temporary-staff, service, governor, consortia, la-staff, supply-teacher, ite-student, stakeholder (R5)
> help R13
R13 Inactivity: a non-MIS account with no sign-in for more than 90 days is deactivated by the next sweep as inactive, even if it was kept (keep warns; list kind=non-mis status=active inactive=90d shows them); a sign-in resets this.
commands: signin, content
docs/rules.md has the whole rule, with an example.
> help filters
Filters: list, count, export and keep/close where take any of these; all must pass:
  kind=mis|non-mis  status=active|deactivated  role=learner|staff  category=CAT
  school=NUMBER  la=LA (three digits)  reason=expired|inactive|closed|left
  expiring=PERIOD   active non-MIS accounts expiring on or before today + PERIOD
  inactive=PERIOD   accounts whose last activity is before today - PERIOD
  deactivated=DATE  accounts deactivated on that day
  name~TEXT         names containing TEXT, in any case
  example: list la=661 status=active expiring=8w; keep where category=governor expiring=8w 6m
> help exp
no command or topic exp; these match:
  expiring
  export json|csv FILE [FILTER...]
> help sweeep
! error: no command or topic sweeep; did you mean sweep?; help lists the commands, help rules the rules
# A long listing can be cut short; it still says how many there are.
> list limit=1
ID   NAME        KIND     TYPE      SCHOOL   STATUS                 DATES
a.b  Anna Bevan  non-mis  governor  6612001  deactivated (expired)  since 2027-09-01, deletion 2028-09-01
the first 1 of 2 accounts; list without limit= shows them all
> list limit=0
! error: limit= needs a number of 1 or more, got 0
# The audit log can be narrowed to days, or to the newest entries.
> login service-desk
acting as service-desk (every school)
> audit since=2028-07-02
DATE        ACTOR   RULE  ACCOUNT       WHAT                          CHANGES
2028-07-02  system  R10   a.b           deactivated (expired)         status active→deactivated, deactivatedOn –→2027-09-01, deletionDue –→2028-09-01, reason –→expired
2028-07-02  system  R10   megan.supply  deactivated (expired)         status active→deactivated, deactivatedOn –→2027-09-01, deletionDue –→2028-09-01, reason –→expired
2028-07-02  system  R10   zed.gov       deactivated (expired)         status active→deactivated, deactivatedOn –→2027-09-01, deletionDue –→2028-09-01, reason –→expired
2028-07-02  system  R10   tom.supply    deleted with 3 content items  content 3→–
4 entries of 9
> audit last=2
DATE        ACTOR   RULE  ACCOUNT     WHAT                          CHANGES
2028-07-02  system  R10   zed.gov     deactivated (expired)         status active→deactivated, deactivatedOn –→2027-09-01, deletionDue –→2028-09-01, reason –→expired
2028-07-02  system  R10   tom.supply  deleted with 3 content items  content 3→–
2 entries of 9
> audit until=2027-06-30
no entries in those days (9 entries in all)
> audit since=2028-01-01 until=2027-01-01
! error: until= (2027-01-01) is before since= (2028-01-01)
