# 08 · Scopes: one store seen by a champion, an LA admin and the Service Desk
#
# What the trainer shows: hwbsh always acts as someone (R11). The Service Desk sees every
# school; an LA admin sees the schools of one local authority (the first three digits of
# the school number); a Digital Champion sees one school. Outside their scope an account
# is "not found", exactly as if it did not exist, and lists, counts, the banner, the
# expiring list, the pending list and exports cover the scope alone.
#
# Points to make:
# - the same command gives a different answer for each actor: run them side by side;
# - "no account ..." for an id in another school is word for word the error for an id
#   that does not exist, so nothing leaks (R11);
# - only the Service Desk reactivates MIS accounts (R11, R12);
# - the simulation controls (clock, sweep, MIS feed, directory) stand for the system and
#   are not limited by the actor (R11);
# - login is refused for an unknown LA or school, and the actor stays as it was (R11).
#! hwbsh --date 2027-07-20

# Two schools in LA 661 and one in LA 676, each with accounts.
> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> school add 6612002 name="Ysgol Gyfun Bryn Glas"
added school 6612002 Ysgol Gyfun Bryn Glas
> school add 6762003 name="Ysgol Cwm Rhymni"
added school 6762003 Ysgol Cwm Rhymni
> create sian.supply name="Siân Roberts" category=supply-teacher school=6612001
created sian.supply (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
> create gwenllian.governor name="Gwenllïan Jones" category=governor school=6612001
created gwenllian.governor (non-MIS, governor) at 6612001, expires 2027-08-31
> create wyn.temp name="Ŵyn Pritchard" category=temporary-staff school=6612002
created wyn.temp (non-MIS, temporary-staff) at 6612002, expires 2027-08-31
> create rhys.cyngor name="Rhys Morgan" category=stakeholder school=6762003
created rhys.cyngor (non-MIS, stakeholder) at 6762003, expires 2027-08-31
> keep rhys.cyngor end-of-next-year
kept rhys.cyngor until 2028-08-31
> mis join cai.evans school=6612001 name="Cai Evans" role=learner
joined cai.evans (MIS learner) at 6612001
> mis join nia.staff school=6612002 name="Nia Gruffydd" role=staff
joined nia.staff (MIS staff) at 6612002
> mis join iolo.staff school=6762003 name="Iolo Price" role=staff
joined iolo.staff (MIS staff) at 6762003
> mis leave nia.staff on=2027-07-19
nia.staff leaves on 2027-07-19; the next sweep deactivates it
> mis leave iolo.staff on=2027-07-19
iolo.staff leaves on 2027-07-19; the next sweep deactivates it
> sweep
sweep as of 2027-07-20: deactivated 2, deleted 0
  left      iolo.staff, nia.staff
> mis join nia.staff school=6612001
nia.staff (MIS staff) stays deactivated: waiting for the Service Desk to reactivate it at 6612001 (see pending)
> mis join iolo.staff school=6612001
iolo.staff (MIS staff) stays deactivated: waiting for the Service Desk to reactivate it at 6612001 (see pending)

# The Service Desk: everything. Seven accounts, three expiring, two pending.
> whoami
service-desk (every school)
> count
7
> expiring
EXPIRES     ID                  NAME             CATEGORY         SCHOOL   WHEN
2027-08-31  gwenllian.governor  Gwenllïan Jones  governor         6612001  in 42 days
2027-08-31  sian.supply         Siân Roberts     supply-teacher   6612001  in 42 days
2027-08-31  wyn.temp            Ŵyn Pritchard    temporary-staff  6612002  in 42 days
3 accounts
keep ID end-of-next-year|6m|3m|1m, or close ID now|at-expiry
> pending
ID          NAME          FROM     TO       LEFT        DELETION
iolo.staff  Iolo Price    6762003  6612001  2027-07-19  2028-07-19
nia.staff   Nia Gruffydd  6612002  6612001  2027-07-19  2028-07-19
2 accounts

# The LA admin for 661: two schools. Rhys and Iolo (LA 676) are not there.
> login la-admin 661
acting as la-admin 661 (2 schools in LA 661)
3 non-MIS accounts expire in the next 8 weeks: type expiring to manage them
> count
5
> list
ID                  NAME             KIND     TYPE             SCHOOL   STATUS              DATES
cai.evans           Cai Evans        mis      learner          6612001  active
gwenllian.governor  Gwenllïan Jones  non-mis  governor         6612001  active              expires 2027-08-31
nia.staff           Nia Gruffydd     mis      staff            6612002  deactivated (left)  since 2027-07-19, deletion 2028-07-19, pending 6612001
sian.supply         Siân Roberts     non-mis  supply-teacher   6612001  active              expires 2027-08-31
wyn.temp            Ŵyn Pritchard    non-mis  temporary-staff  6612002  active              expires 2027-08-31
5 accounts
> expiring
EXPIRES     ID                  NAME             CATEGORY         SCHOOL   WHEN
2027-08-31  gwenllian.governor  Gwenllïan Jones  governor         6612001  in 42 days
2027-08-31  sian.supply         Siân Roberts     supply-teacher   6612001  in 42 days
2027-08-31  wyn.temp            Ŵyn Pritchard    temporary-staff  6612002  in 42 days
3 accounts
keep ID end-of-next-year|6m|3m|1m, or close ID now|at-expiry
> pending
ID         NAME          FROM     TO       LEFT        DELETION
nia.staff  Nia Gruffydd  6612002  6612001  2027-07-19  2028-07-19
1 account
> show rhys.cyngor
! error: no account rhys.cyngor
> show nobody.at.all
! error: no account nobody.at.all
> keep rhys.cyngor 6m
! error: no account rhys.cyngor
# An LA admin may create, keep and close in their LA, but not elsewhere (R5, R11).
> create elen.la name="Elen Price" category=la-staff school=6762003
! error: school 6762003 is outside the scope of la-admin 661 (R11)
> keep wyn.temp 3m
kept wyn.temp until 2027-11-30
# ...and may not reactivate MIS staff: that is the Service Desk's (R12).
> reactivate nia.staff
! error: only the Service Desk may reactivate an MIS account such as nia.staff (R11)

# The champion of Ysgol y Môr: one school. Note that Nia and Iolo, who are waiting to
# join Ysgol y Môr, are not in this champion's pending list: pending belongs to the
# school they left (docs/decisions.md).
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
2 non-MIS accounts expire in the next 8 weeks: type expiring to manage them
> count
3
> list
ID                  NAME             KIND     TYPE            SCHOOL   STATUS  DATES
cai.evans           Cai Evans        mis      learner         6612001  active
gwenllian.governor  Gwenllïan Jones  non-mis  governor        6612001  active  expires 2027-08-31
sian.supply         Siân Roberts     non-mis  supply-teacher  6612001  active  expires 2027-08-31
3 accounts
> expiring
EXPIRES     ID                  NAME             CATEGORY        SCHOOL   WHEN
2027-08-31  gwenllian.governor  Gwenllïan Jones  governor        6612001  in 42 days
2027-08-31  sian.supply         Siân Roberts     supply-teacher  6612001  in 42 days
2 accounts
keep ID end-of-next-year|6m|3m|1m, or close ID now|at-expiry
> pending
no staff wait for the Service Desk
> show wyn.temp
! error: no account wyn.temp
> close wyn.temp now
! error: no account wyn.temp
> list school=6612002
no accounts match
> format csv
listings print as csv
> list status=active
id,name,kind,school,status,created,lastActivity,content,category,expires,closeAtExpiry,role,leavingDate,pendingSchool,deactivatedOn,deletionDue,reason
cai.evans,Cai Evans,mis,6612001,active,2027-07-20,2027-07-20,0,,,,learner,,,,,
gwenllian.governor,Gwenllïan Jones,non-mis,6612001,active,2027-07-20,2027-07-20,0,governor,2027-08-31,false,,,,,,
sian.supply,Siân Roberts,non-mis,6612001,active,2027-07-20,2027-07-20,0,supply-teacher,2027-08-31,false,,,,,,
> format table
listings print as table
# The directory is the same for everyone; account counts only for schools in scope.
> schools
NUMBER   NAME                   LA   MAINTAINED  ACCOUNTS
6612001  Ysgol y Môr            661  yes         3
6612002  Ysgol Gyfun Bryn Glas  661  yes         –
6762003  Ysgol Cwm Rhymni       676  yes         –
3 schools

# Logins that are refused leave the actor as it was (R11).
> login la-admin 690
! error: 690 is not a Welsh LA code (660-681) (R11)
> login champion 6619999
! error: no school 6619999 in the directory (R11)
> whoami
champion 6612001 (Ysgol y Môr)

# Exports cover the scope alone (R11); `-` writes to the screen instead of a file.
> export json - kind=non-mis
{"date": "2027-07-20",
 "accounts": [
  {"id": "gwenllian.governor", "name": "Gwenllïan Jones", "kind": "non-mis", "school": "6612001", "status": "active", "created": "2027-07-20", "lastActivity": "2027-07-20", "content": 0, "category": "governor", "expires": "2027-08-31", "closeAtExpiry": false, "role": null, "leavingDate": null, "pendingSchool": null, "deactivatedOn": null, "deletionDue": null, "reason": null},
  {"id": "sian.supply", "name": "Siân Roberts", "kind": "non-mis", "school": "6612001", "status": "active", "created": "2027-07-20", "lastActivity": "2027-07-20", "content": 0, "category": "supply-teacher", "expires": "2027-08-31", "closeAtExpiry": false, "role": null, "leavingDate": null, "pendingSchool": null, "deactivatedOn": null, "deletionDue": null, "reason": null}]}

# Simulation controls are the system, not the actor (R11): in the champion's session the
# MIS feed can still add a learner at another school. The champion's count does not move.
> mis join dewi.bevan school=6762003 name="Dewi Bevan" role=learner
joined dewi.bevan (MIS learner) at 6762003
> count
3
# The sweep is the system too (R11): it changes every school, whoever runs it. Dewi
# (Ysgol Cwm Rhymni, LA 676) leaves at the end of August. The report counts him, but in
# the champion's session it names only the champion's own accounts: his id is shown as
# "1 outside your scope", so his existence is not revealed.
> mis leave dewi.bevan on=2027-08-31
dewi.bevan leaves on 2027-08-31; the sweep deactivates it from then
> date set 2027-09-01
today is 2027-09-01 (Wednesday)
> sweep dry-run
sweep dry-run as of 2027-09-01: would deactivate 3, would delete 0; nothing changed
  expired   gwenllian.governor, sian.supply
  left      1 outside your scope
# When an account moves to another school, the champion of the school it left no
# longer sees it anywhere: `show`, `audit ID` and the full `audit` all keep quiet about
# cai.evans, even about the time he was at Ysgol y Môr (R11).
> mis join cai.evans school=6762003
moved cai.evans from 6612001 to 6762003
> show cai.evans
! error: no account cai.evans
> audit cai.evans
! error: no account cai.evans
> audit
DATE        ACTOR         RULE  ACCOUNT             WHAT                       CHANGES
2027-07-20  system        R3    6612001             school added (maintained)
2027-07-20  service-desk  R5    sian.supply         created
2027-07-20  service-desk  R5    gwenllian.governor  created
3 entries

# Back to the Service Desk: all eight accounts.
> login service-desk
acting as service-desk (every school)
2 non-MIS accounts expire in the next 8 weeks (2 overdue): type expiring to manage them
> count
8
> list school=6762003
ID           NAME         KIND     TYPE         SCHOOL   STATUS              DATES
cai.evans    Cai Evans    mis      learner      6762003  active
dewi.bevan   Dewi Bevan   mis      learner      6762003  active              leaves 2027-08-31
iolo.staff   Iolo Price   mis      staff        6762003  deactivated (left)  since 2027-07-19, deletion 2028-07-19, pending 6612001
rhys.cyngor  Rhys Morgan  non-mis  stakeholder  6762003  active              expires 2028-08-31
4 accounts
