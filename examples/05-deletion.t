# 05 · Deletion 12 months later: the content is lost for good
#
# What the trainer shows: a deactivated account is not deleted at once. It waits 12
# months from its deactivation date (for a leaver: from the leaving date), and in that
# time it can be brought back with everything in it (R9, R12). Once the sweep deletes
# it, the account and all its content leave the store and nothing can restore them; the
# audit log keeps only the id, the date and how many content items were deleted (R10.4).
#
# Points to make:
# - deletion dates: closed 20 July 2027 -> 20 July 2028; left 21 July 2027 -> 21 July
#   2028; expired 31 August 2027 (deactivated 1 September) -> 1 September 2028 (R10.3);
# - one sweep after a long jump does what a sweep every night would have done (R10);
# - `sweep dry-run` first: the trainer can show what is about to be lost;
# - after deletion the account is "not found" even for the Service Desk; the id may be
#   used again and starts a fresh history (R5, R9);
# - reactivating before the deletion date saves the account and its content (R12).
#! hwbsh --date 2027-07-20

> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> create sian.supply name="Siân Roberts" category=supply-teacher school=6612001
created sian.supply (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
> create gwenllian.governor name="Gwenllïan Jones" category=governor school=6612001
created gwenllian.governor (non-MIS, governor) at 6612001, expires 2027-08-31
> create elin.la name="Elin Thomas" category=la-staff school=6612001
created elin.la (non-MIS, la-staff) at 6612001, expires 2027-08-31
> mis join dafydd.rees school=6612001 name="Dafydd Rees" role=learner
joined dafydd.rees (MIS learner) at 6612001
> content sian.supply 30
sian.supply holds 30 content items
> content gwenllian.governor 5
gwenllian.governor holds 5 content items
> content dafydd.rees 12
dafydd.rees holds 12 content items
> content elin.la 8
elin.la holds 8 content items

# Siân is closed now; Dafydd leaves on 21 July; the governor and Elin are left to expire.
> close sian.supply now
closed sian.supply; deleted for good on 2028-07-20 unless reactivated
> mis leave dafydd.rees on=2027-07-21
dafydd.rees leaves on 2027-07-21; the sweep deactivates it from then
> date set 2027-09-01
today is 2027-09-01 (Wednesday)
> sweep
sweep as of 2027-09-01: deactivated 3, deleted 0
  expired   elin.la, gwenllian.governor
  left      dafydd.rees
> list
ID                  NAME             KIND     TYPE            SCHOOL   STATUS                 DATES
dafydd.rees         Dafydd Rees      mis      learner         6612001  deactivated (left)     since 2027-07-21, deletion 2028-07-21
elin.la             Elin Thomas      non-mis  la-staff        6612001  deactivated (expired)  since 2027-09-01, deletion 2028-09-01
gwenllian.governor  Gwenllïan Jones  non-mis  governor        6612001  deactivated (expired)  since 2027-09-01, deletion 2028-09-01
sian.supply         Siân Roberts     non-mis  supply-teacher  6612001  deactivated (closed)   since 2027-07-20, deletion 2028-07-20
4 accounts

# Elin comes back to work with the school in the summer: reactivated before her
# deletion date, she keeps her 8 items (R12). Her old expiry has passed, so she gets
# the end of this academic year, 31 August 2028: only 11 days. Keep her for 6 months
# as well, or the next sweep switches her off again (R7, R12).
> date set 2028-08-20
today is 2028-08-20 (Sunday)
> reactivate elin.la
reactivated elin.la (non-MIS, la-staff), expires 2028-08-31
> keep elin.la 6m
kept elin.la until 2029-02-28

# Jump to 1 September 2028 without sweeping in between. The clock never sweeps by itself.
> date set 2028-09-01
today is 2028-09-01 (Friday)
> count status=deactivated
3
# What the sweep is about to delete, with nothing changed yet.
> sweep dry-run
sweep dry-run as of 2028-09-01: would deactivate 0, would delete 3 with 47 content items; nothing changed
  deleted   dafydd.rees (12), gwenllian.governor (5), sian.supply (30)
> sweep
sweep as of 2028-09-01: deactivated 0, deleted 3 with 47 content items
  deleted   dafydd.rees (12), gwenllian.governor (5), sian.supply (30)

# Gone: not found, even for the Service Desk, and not in the list or the counts.
> show sian.supply
! error: no account sian.supply: it was deleted on 2028-09-01 with 30 content items (R10); audit sian.supply shows it
> list
ID       NAME         KIND     TYPE      SCHOOL   STATUS  DATES
elin.la  Elin Thomas  non-mis  la-staff  6612001  active  expires 2029-02-28
1 account
> count
1
> reactivate dafydd.rees
! error: no account dafydd.rees: it was deleted on 2028-09-01 with 12 content items (R10); audit dafydd.rees shows it
> content dafydd.rees 3
! error: no account dafydd.rees: it was deleted on 2028-09-01 with 12 content items (R10); audit dafydd.rees shows it

# The audit log keeps one entry per deleted account: the id, the date and the number of
# content items deleted. The names and every earlier entry are gone (R10.4).
> audit sian.supply
DATE        ACTOR   RULE  ACCOUNT      WHAT                           CHANGES
2028-09-01  system  R10   sian.supply  deleted with 30 content items  content 30→–
1 entry
> audit dafydd.rees
DATE        ACTOR   RULE  ACCOUNT      WHAT                           CHANGES
2028-09-01  system  R10   dafydd.rees  deleted with 12 content items  content 12→–
1 entry
> audit
DATE        ACTOR         RULE  ACCOUNT             WHAT                           CHANGES
2027-07-20  system        R3    6612001             school added (maintained)
2027-07-20  service-desk  R5    elin.la             created
2027-07-20  system        R13   elin.la             content set                    content 0→8
2027-09-01  system        R10   elin.la             deactivated (expired)          status active→deactivated, deactivatedOn –→2027-09-01, deletionDue –→2028-09-01, reason –→expired
2028-08-20  service-desk  R12   elin.la             reactivated                    status deactivated→active, lastActivity 2027-07-20→2028-08-20, expires 2027-08-31→2028-08-31, deactivatedOn 2027-09-01→–, deletionDue 2028-09-01→–, reason expired→–
2028-08-20  service-desk  R7    elin.la             kept 6m                        expires 2028-08-31→2029-02-28
2028-09-01  system        R10   dafydd.rees         deleted with 12 content items  content 12→–
2028-09-01  system        R10   gwenllian.governor  deleted with 5 content items   content 5→–
2028-09-01  system        R10   sian.supply         deleted with 30 content items  content 30→–
9 entries

# The id may be used again: a new account with a fresh history and no content (R5, R9).
> mis join dafydd.rees school=6612001 name="Dafydd Rees" role=learner
joined dafydd.rees (MIS learner) at 6612001
> show dafydd.rees
dafydd.rees · Dafydd Rees
  kind           MIS learner
  school         6612001 Ysgol y Môr
  status         active
  created        2028-09-01
  last activity  2028-09-01
  content        0 items
  next           stays active while the school MIS holds the record (R9)
history
DATE        ACTOR   RULE  WHAT                           CHANGES
2028-09-01  system  R10   deleted with 12 content items  content 12→–
2028-09-01  system  R9    joined (new MIS account)
