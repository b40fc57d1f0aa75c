# The transcript format: files next to the transcript.
# Relative paths in a transcript are resolved from the transcript's own folder, so it
# passes whatever folder `hwbsh test` is started from. The fixtures are in files/.
#! hwbsh --date 2027-09-01
> import schools files/schools.csv
imported 3 schools from files/schools.csv
> import accounts files/accounts.csv
imported 3 accounts from files/accounts.csv
> list
ID                  NAME             KIND     TYPE      SCHOOL   STATUS                 DATES
dafydd.rees         Dafydd Rees      mis      learner   6612001  deactivated (left)     since 2027-07-21, deletion 2028-07-21
gwenllian.governor  Gwenllïan Jones  non-mis  governor  6612001  active                 expires 2028-08-31
wyn.temp            Ŵyn Pritchard    non-mis  service   6612002  deactivated (expired)  since 2027-09-01, deletion 2028-09-01
3 accounts
# A bad file is refused as a whole, with the bad rows by line number.
> import accounts files/bad-accounts.csv
! error: import refused, nothing imported: 2 bad rows in files/bad-accounts.csv
!   files/bad-accounts.csv:2: category: expected temporary-staff, service, governor, consortia, la-staff, supply-teacher, ite-student, stakeholder, got "learner"
!   files/bad-accounts.csv:3: school 6619001 is not a maintained school (R14.1)
# A script next to the transcript runs with `run`.
> run files/sweep.hwb
sweep as of 2027-09-01: deactivated 0, deleted 0
1
# Export to standard output (`-`), within the filters given.
> export json - school=6612002
{"date": "2027-09-01",
 "accounts": [
  {"id": "wyn.temp", [..], "school": "6612002", "status": "deactivated", [..], "reason": "expired"}]}
> export json - kind=mis
...
> format csv
listings print as csv
> list kind=non-mis
id,name,kind,school,status,created,lastActivity,content,category,expires,closeAtExpiry,role,leavingDate,pendingSchool,deactivatedOn,deletionDue,reason
gwenllian.governor,Gwenllïan Jones,non-mis,6612001,active,2027-07-01,2027-08-20,5,governor,2028-08-31,false,,,,,,
wyn.temp,Ŵyn Pritchard,non-mis,6612002,deactivated,2027-07-01,2027-07-01,3,service,2027-08-31,false,,,,2027-09-01,2028-09-01,expired
> import schools files/missing.csv
! error: cannot read files/missing.csv: No such file or directory
