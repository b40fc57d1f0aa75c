#! hwbsh --date 2027-07-20
# report: counts in groups, then the expiring list week by week.
> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> school add 6612002 name="Ysgol Bryn"
added school 6612002 Ysgol Bryn
> create eleri.gov name="Eleri Thomas" category=governor school=6612001
created eleri.gov (non-MIS, governor) at 6612001, expires 2027-08-31
> create huw.supply name="Huw Jones" category=supply-teacher school=6612001 for=1m
created huw.supply (non-MIS, supply-teacher) at 6612001, expires 2027-08-20
> create printer.1 name="Printer" category=service school=6612002 expires=2027-07-25
created printer.1 (non-MIS, service) at 6612002, expires 2027-07-25
> mis join cai.evans school=6612001 name="Cai Evans" role=learner
joined cai.evans (MIS learner) at 6612001
> mis join dai.staff school=6612002 name="Dai" role=staff
joined dai.staff (MIS staff) at 6612002
> mis leave dai.staff on=2027-07-19
dai.staff leaves on 2027-07-19; the next sweep deactivates it
> sweep
sweep as of 2027-07-20: deactivated 1, deleted 0
  left      dai.staff
> report
report as of 2027-07-20 for service-desk (every school): 5 accounts
SCOPE  ACCOUNTS  ACTIVE  DEACTIVATED  MIS  NON-MIS  EXPIRING  OVERDUE  EXPIRED  INACTIVE  CLOSED  LEFT
all    5         4       1            2    3        3         0        0        0         0       1
expiring in the next 8 weeks (R6), week by week:
  2027-07-20  ██████████████████████████████████████████████████ 1
  2027-07-27  0
  2027-08-03  0
  2027-08-10  0
  2027-08-17  ██████████████████████████████████████████████████ 1
  2027-08-24  0
  2027-08-31  ██████████████████████████████████████████████████ 1
  2027-09-07  0
> report by=school
report as of 2027-07-20 for service-desk (every school): 5 accounts
SCHOOL   ACCOUNTS  ACTIVE  DEACTIVATED  MIS  NON-MIS  EXPIRING  OVERDUE  EXPIRED  INACTIVE  CLOSED  LEFT
6612001  3         3       0            1    2        2         0        0        0         0       0
6612002  2         1       1            1    1        1         0        0        0         0       1
all      5         4       1            2    3        3         0        0        0         0       1
expiring in the next 8 weeks (R6), week by week:
  2027-07-20  ██████████████████████████████████████████████████ 1
  2027-07-27  0
  2027-08-03  0
  2027-08-10  0
  2027-08-17  ██████████████████████████████████████████████████ 1
  2027-08-24  0
  2027-08-31  ██████████████████████████████████████████████████ 1
  2027-09-07  0
> report by=category kind=non-mis
report as of 2027-07-20 for service-desk (every school), filtered: 3 accounts
CATEGORY        ACCOUNTS  ACTIVE  DEACTIVATED  MIS  NON-MIS  EXPIRING  OVERDUE  EXPIRED  INACTIVE  CLOSED  LEFT
service         1         1       0            0    1        1         0        0        0         0       0
governor        1         1       0            0    1        1         0        0        0         0       0
supply-teacher  1         1       0            0    1        1         0        0        0         0       0
all             3         3       0            0    3        3         0        0        0         0       0
expiring in the next 8 weeks (R6), week by week:
  2027-07-20  ██████████████████████████████████████████████████ 1
  2027-07-27  0
  2027-08-03  0
  2027-08-10  0
  2027-08-17  ██████████████████████████████████████████████████ 1
  2027-08-24  0
  2027-08-31  ██████████████████████████████████████████████████ 1
  2027-09-07  0
> login champion 6612002
acting as champion 6612002 (Ysgol Bryn)
1 non-MIS account expires in the next 8 weeks: type expiring to manage them
> report by=reason
report as of 2027-07-20 for champion 6612002 (Ysgol Bryn): 2 accounts
REASON  ACCOUNTS  ACTIVE  DEACTIVATED  MIS  NON-MIS  EXPIRING  OVERDUE  EXPIRED  INACTIVE  CLOSED  LEFT
active  1         1       0            0    1        1         0        0        0         0       0
left    1         0       1            1    0        0         0        0        0         0       1
all     2         1       1            1    1        1         0        0        0         0       1
expiring in the next 8 weeks (R6), week by week:
  2027-07-20  ██████████████████████████████████████████████████ 1
  2027-07-27  0
  2027-08-03  0
  2027-08-10  0
  2027-08-17  0
  2027-08-24  0
  2027-08-31  0
  2027-09-07  0
> format csv
listings print as csv
> report by=status
status,accounts,active,deactivated,mis,non-mis,expiring,overdue,expired,inactive,closed,left,week_of_2027-07-20,week_of_2027-07-27,week_of_2027-08-03,week_of_2027-08-10,week_of_2027-08-17,week_of_2027-08-24,week_of_2027-08-31,week_of_2027-09-07
active,1,1,0,0,1,1,0,0,0,0,0,1,0,0,0,0,0,0,0
deactivated,1,0,1,1,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0
> format json
listings print as json
> report
[
  {"scope": "all", "accounts": "2", "active": "1", "deactivated": "1", "mis": "1", "non-mis": "1", "expiring": "1", "overdue": "0", "expired": "0", "inactive": "0", "closed": "0", "left": "1", "week_of_2027-07-20": "1", "week_of_2027-07-27": "0", "week_of_2027-08-03": "0", "week_of_2027-08-10": "0", "week_of_2027-08-17": "0", "week_of_2027-08-24": "0", "week_of_2027-08-31": "0", "week_of_2027-09-07": "0"}
]
> report by=teacher
! error: expected a grouping (school, la, category, reason, status), got "teacher"
> report jo
! error: expected a filter such as status=active, or by=school, got "jo"
