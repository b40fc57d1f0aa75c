# undo takes back the last command that changed the store, newest first, up to 10: the
# accounts, the clock, the directory and the audit log are as they were before it. login
# is not a change, and a refused command leaves nothing to undo.
#! hwbsh --date 2027-07-20
> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> create eleri.gov name="Eleri Jones" category=governor school=6612001
created eleri.gov (non-MIS, governor) at 6612001, expires 2027-08-31
> keep eleri.gov end-of-next-year
kept eleri.gov until 2028-08-31
> content eleri.gov 12
eleri.gov holds 12 content items
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
> keep nobody 6m
! error: no account nobody
> undo
undid content eleri.gov 12 (2027-07-20)
> undo
undid keep eleri.gov end-of-next-year (2027-07-20)
> whoami
champion 6612001 (Ysgol y Môr)
> show eleri.gov
eleri.gov · Eleri Jones
  kind           non-MIS, governor
  school         6612001 Ysgol y Môr
  status         active
  created        2027-07-20
  last activity  2027-07-20
  content        0 items
  expires        2027-08-31
  next           deactivated by the sweep on or after 2027-09-01 (expired, R10); in the expiring list (R6)
history
DATE        ACTOR         RULE  WHAT     CHANGES
2027-07-20  service-desk  R5    created
# The clock goes back too, and a sweep comes undone whole.
> date advance 2y
today is 2029-07-20 (Friday)
> sweep
sweep as of 2029-07-20: deactivated 1, deleted 1 with 0 content items
  expired   eleri.gov
  deleted   eleri.gov (0)
> undo
undid sweep (2029-07-20)
> count status=deactivated
0
> undo
undid date advance 2y (2027-07-20)
> date
2027-07-20
# Ten changes at most.
> content eleri.gov 1
eleri.gov holds 1 content item
> content eleri.gov 2
eleri.gov holds 2 content items
> content eleri.gov 3
eleri.gov holds 3 content items
> content eleri.gov 4
eleri.gov holds 4 content items
> content eleri.gov 5
eleri.gov holds 5 content items
> content eleri.gov 6
eleri.gov holds 6 content items
> content eleri.gov 7
eleri.gov holds 7 content items
> content eleri.gov 8
eleri.gov holds 8 content items
> content eleri.gov 9
eleri.gov holds 9 content items
> content eleri.gov 10
eleri.gov holds 10 content items
> content eleri.gov 11
eleri.gov holds 11 content items
> undo
undid content eleri.gov 11 (2027-07-20)
> undo
undid content eleri.gov 10 (2027-07-20)
> undo
undid content eleri.gov 9 (2027-07-20)
> undo
undid content eleri.gov 8 (2027-07-20)
> undo
undid content eleri.gov 7 (2027-07-20)
> undo
undid content eleri.gov 6 (2027-07-20)
> undo
undid content eleri.gov 5 (2027-07-20)
> undo
undid content eleri.gov 4 (2027-07-20)
> undo
undid content eleri.gov 3 (2027-07-20)
> undo
undid content eleri.gov 2 (2027-07-20)
> undo
! error: nothing more to undo: undo goes back 10 changes at most
> show eleri.gov
eleri.gov · Eleri Jones
  kind           non-MIS, governor
  school         6612001 Ysgol y Môr
  status         active
  created        2027-07-20
  last activity  2027-07-20
  content        1 item
  expires        2027-08-31
  next           deactivated by the sweep on or after 2027-09-01 (expired, R10); in the expiring list (R6)
history
DATE        ACTOR         RULE  WHAT         CHANGES
2027-07-20  service-desk  R5    created
2027-07-20  system        R13   content set  content 0→1
