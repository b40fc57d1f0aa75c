# 11 · What always holds: refused commands and files from outside
#
# What the trainer shows: whatever happens, the store keeps a few promises (R14). A
# refused command changes nothing at all, not even part of what it was asked. Accounts
# that come from outside, in an account file, are checked row by row against the same
# rules before any of them is let in: a file with one bad row is refused as a whole,
# and the error lists the bad rows by their line in the file.
#
# Points to make:
# - a refused command leaves the store and the audit log as they were (R14.5);
# - `import accounts` is all or nothing; each bad row is named with its line and the
#   rule it breaks (R4, R14.1-3);
# - imported accounts keep their status and dates, and the sweep then treats them like
#   any other (R10, R14.4);
# - the data files are in examples/data/.
#! hwbsh --date 2027-09-01

> import schools data/schools.csv
imported 4 schools from data/schools.csv
> create elin.thomas name="Elin Thomas" category=la-staff school=6612001
created elin.thomas (non-MIS, la-staff) at 6612001, expires 2028-08-31
> mis join cai.evans school=6612001 name="Cai Evans" role=learner
joined cai.evans (MIS learner) at 6612001
# Four commands the rules refuse: each says which rule, none changes anything, and
# none of them is in the audit log (R14.5).
> keep cai.evans 6m
! error: cai.evans is an MIS account: its life follows the school MIS record (R7)
> close cai.evans now
! error: cai.evans is an MIS account: it closes when the school MIS records a leaving date (R8)
> mis leave elin.thomas
! error: elin.thomas is a non-MIS account; only MIS accounts have leaving dates (R9)
> create cai.evans name="Cai Evans" category=governor school=6612001
! error: the id cai.evans is already taken (R5)
> audit
DATE        ACTOR         RULE  ACCOUNT      WHAT                           CHANGES
2027-09-01  system        R3    6612001      school added (maintained)
2027-09-01  system        R3    6612002      school added (maintained)
2027-09-01  system        R3    6762003      school added (maintained)
2027-09-01  system        R3    6619001      school added (not maintained)
2027-09-01  service-desk  R5    elin.thomas  created
2027-09-01  system        R9    cai.evans    joined (new MIS account)
6 entries

# A file with three bad rows among four: nothing is imported (R14).
> import accounts data/bad-accounts.csv
! error: import refused, nothing imported: 3 bad rows in data/bad-accounts.csv
!   data/bad-accounts.csv:3: category: expected temporary-staff, service, governor, consortia, la-staff, supply-teacher, ite-student, stakeholder, got "learner"
!   data/bad-accounts.csv:4: school 6619001 is not a maintained school (R14.1)
!   data/bad-accounts.csv:5: deletionDue must be 12 months after deactivatedOn, 2028-07-21 (R14.3)
> count
2
# A good file: every row comes in as it is, deactivated accounts included.
> import accounts data/accounts.csv
imported 3 accounts from data/accounts.csv
> list
ID                  NAME             KIND     TYPE      SCHOOL   STATUS                 DATES
cai.evans           Cai Evans        mis      learner   6612001  active
dafydd.rees         Dafydd Rees      mis      learner   6612001  deactivated (left)     since 2027-07-21, deletion 2028-07-21
elin.thomas         Elin Thomas      non-mis  la-staff  6612001  active                 expires 2028-08-31
gwenllian.governor  Gwenllïan Jones  non-mis  governor  6612001  active                 expires 2028-08-31
wyn.temp            Ŵyn Pritchard    non-mis  service   6612002  deactivated (expired)  since 2027-09-01, deletion 2028-09-01
5 accounts
# After a sweep, nothing active has expired and nothing due for deletion is left (R14.4).
> date set 2028-09-01
today is 2028-09-01 (Friday)
> sweep
sweep as of 2028-09-01: deactivated 2, deleted 2 with 15 content items
  inactive  elin.thomas, gwenllian.governor
  deleted   dafydd.rees (12), wyn.temp (3)
> list
ID                  NAME             KIND     TYPE      SCHOOL   STATUS                  DATES
cai.evans           Cai Evans        mis      learner   6612001  active
elin.thomas         Elin Thomas      non-mis  la-staff  6612001  deactivated (inactive)  since 2027-12-01, deletion 2028-12-01
gwenllian.governor  Gwenllïan Jones  non-mis  governor  6612001  deactivated (inactive)  since 2027-11-19, deletion 2028-11-19
3 accounts
