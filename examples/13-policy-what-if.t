# 13 · The policy: trying a change with what-if, then making it
#
# What the trainer shows: the numbers the rules are built on (the 56-day expiring window,
# 90 days without a sign-in, 12 months to deletion, 31 August, the four keep periods)
# are the guidance's policy. A policy owner at the Service Desk asks what a shorter
# deletion delay and a shorter inactivity limit would do before changing anything
# (`what-if`): who would be switched off sooner, who would be deleted sooner, and how
# much content goes with them. Only the Service Desk may change the policy (R11); the
# change is audited, and accounts already deactivated take the new delay at once.
#
# Points to make:
# - `policy` shows each number beside the guidance's, with its rule;
# - `what-if` changes nothing; it compares the forecast under the new numbers with the
#   forecast under the store's (R10, R13);
# - a shorter deletion delay also applies to accounts already deactivated: their
#   deletion date is their deactivation day plus the new delay (R14.3), so some fall
#   due at once ("due now");
# - `expiring`, `last-day` and `keeps` change what people see and may do, not what the
#   sweep does by itself: what-if shows no difference for them;
# - a champion cannot change the policy (R11); the Service Desk's change leaves an audit
#   entry citing the rule, and hwbsh warns how many accounts are now due for deletion;
# - the next sweep deletes them, with their content (R10.4).
#! hwbsh --date 2027-07-20

# A year in two schools, quickly: accounts that expired, a learner who left, an account
# closed, a member of staff who left at Christmas (R8, R9, R10).
> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> school add 6612002 name="Ysgol Gyfun Bryn Glas"
added school 6612002 Ysgol Gyfun Bryn Glas
> create sian.supply name="Siân Roberts" category=supply-teacher school=6612001
created sian.supply (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
> create rhys.cyngor name="Rhys Morgan" category=stakeholder school=6612001
created rhys.cyngor (non-MIS, stakeholder) at 6612001, expires 2027-08-31
> create mererid.supply name="Mererid Owen" category=supply-teacher school=6612002
created mererid.supply (non-MIS, supply-teacher) at 6612002, expires 2027-08-31
> mis join osian.bl11 school=6612001 name="Osian Parry" role=learner
joined osian.bl11 (MIS learner) at 6612001
> mis join dai.staff school=6612002 name="Dai Davies" role=staff
joined dai.staff (MIS staff) at 6612002
> content sian.supply 30
sian.supply holds 30 content items
> content rhys.cyngor 5
rhys.cyngor holds 5 content items
> content osian.bl11 40
osian.bl11 holds 40 content items
> content dai.staff 120
dai.staff holds 120 content items
> close rhys.cyngor now
closed rhys.cyngor; deleted for good on 2028-07-20 unless reactivated
> mis leave osian.bl11 on=2027-07-21
osian.bl11 leaves on 2027-07-21; the sweep deactivates it from then
> mis leave dai.staff on=2027-12-20
dai.staff leaves on 2027-12-20; the sweep deactivates it from then
> date set 2027-09-01
today is 2027-09-01 (Wednesday)
> sweep
sweep as of 2027-09-01: deactivated 3, deleted 0
  expired   mererid.supply, sian.supply
  left      osian.bl11
# In March two new accounts for the rest of the year; their holders sign in now and then.
> date set 2028-03-01
today is 2028-03-01 (Wednesday)
> create gwenllian.governor name="Gwenllïan Jones" category=governor school=6612001
created gwenllian.governor (non-MIS, governor) at 6612001, expires 2028-08-31
> create elin.la name="Elin Thomas" category=la-staff school=6612002
created elin.la (non-MIS, la-staff) at 6612002, expires 2028-08-31
> date set 2028-04-01
today is 2028-04-01 (Saturday)
> signin gwenllian.governor
gwenllian.governor signed in on 2028-04-01; last activity 2028-04-01
> date set 2028-05-02
today is 2028-05-02 (Tuesday)
> signin elin.la
elin.la signed in on 2028-05-02; last activity 2028-05-02
> date set 2028-06-15
today is 2028-06-15 (Thursday)
> sweep
sweep as of 2028-06-15: deactivated 1, deleted 0
  left      dai.staff

# 15 June 2028. The policy the store works under: the guidance's.
> policy
NAME        VALUE                      GUIDANCE  RULE  MEANING
expiring    56d                        same      R6    how far ahead the expiring list and the banner look
inactivity  90d                        same      R13   days without a sign-in before the sweep switches a non-MIS account off
deletion    12m                        same      R10   time from deactivation to deletion with all content
last-day    08-31 (31 August)          same      R1    the last day of the year a non-MIS account can last to (create, keep, reactivate)
keeps       end-of-next-year,6m,3m,1m  same      R7    the periods keep offers
the guidance's policy
> list
ID                  NAME             KIND     TYPE            SCHOOL   STATUS                 DATES
dai.staff           Dai Davies       mis      staff           6612002  deactivated (left)     since 2027-12-20, deletion 2028-12-20
elin.la             Elin Thomas      non-mis  la-staff        6612002  active                 expires 2028-08-31
gwenllian.governor  Gwenllïan Jones  non-mis  governor        6612001  active                 expires 2028-08-31
mererid.supply      Mererid Owen     non-mis  supply-teacher  6612002  deactivated (expired)  since 2027-09-01, deletion 2028-09-01
osian.bl11          Osian Parry      mis      learner         6612001  deactivated (left)     since 2027-07-21, deletion 2028-07-21
rhys.cyngor         Rhys Morgan      non-mis  stakeholder     6612001  deactivated (closed)   since 2027-07-20, deletion 2028-07-20
sian.supply         Siân Roberts     non-mis  supply-teacher  6612001  deactivated (expired)  since 2027-09-01, deletion 2028-09-01
7 accounts
# What if deleted accounts went after 9 months instead of 12, and 60 days without a
# sign-in switched an account off instead of 90? Up to the end of September:
# - four accounts deactivated last summer would be due for deletion at once, and Dai
#   (left at Christmas) deleted in September instead of December;
# - Gwenllïan and Elin, who do sign in every couple of months, would be switched off
#   a month sooner: Gwenllïan by the very next sweep ("due now").
> what-if deletion=9m inactivity=60d until=2028-09-30
what if deletion=9m inactivity=60d, from 2028-06-16 to 2028-09-30 for service-desk (every school); the store is not changed
                        NOW  WHAT IF  DIFFERENCE
deactivated (expired)   0    0        0
deactivated (inactive)  2    2        0
deactivated (left)      0    0        0
deactivated (closed)    0    0        0
deleted                 4    5        +1
deleted earlier: 5 accounts with 195 content items
week by week, the weeks that differ (+ more under what-if, - fewer):
  WEEK OF    EXPIRED INACTIVE  LEFT CLOSED DELETED
  due now          0       +1     0      0      +4
  2028-07-14       0        0     0      0      -1
  2028-07-21       0        0     0      0      -1
  2028-07-28       0       -1     0      0       0
  2028-09-01       0        0     0      0      -2
  2028-09-15       0        0     0      0      +1
accounts whose fate changes:
ID                  SCHOOL   CONTENT  NOW                                WHAT IF
dai.staff           6612002  120      nothing                            deleted 2028-09-20
elin.la             6612002  0        deactivated 2028-08-01 (inactive)  deactivated 2028-07-02 (inactive)
gwenllian.governor  6612001  0        deactivated 2028-07-01 (inactive)  deactivated 2028-06-01 (inactive)
mererid.supply      6612002  0        deleted 2028-09-01                 deleted 2028-06-01
osian.bl11          6612001  40       deleted 2028-07-21                 deleted 2028-04-21
rhys.cyngor         6612001  5        deleted 2028-07-20                 deleted 2028-04-20
sian.supply         6612001  30       deleted 2028-09-01                 deleted 2028-06-01
7 accounts
# The numbers the policy already has change nothing.
> what-if deletion=12m inactivity=90d until=2028-09-30
what if deletion=12m inactivity=90d, from 2028-06-16 to 2028-09-30 for service-desk (every school); the store is not changed
the policy already has deletion=12m inactivity=90d
no difference: the sweep would make the same changes on the same days
# A shorter expiring window changes what champions see, not what the sweep does.
> what-if expiring=4w until=2028-09-30
what if expiring=28d, from 2028-06-16 to 2028-09-30 for service-desk (every school); the store is not changed
expiring changes what people see and may do (the expiring list, create, keep), not what the sweep does on its own
no difference: the sweep would make the same changes on the same days

# The decision: 9 months to deletion; the inactivity limit stays. A champion may look
# at the policy but not change it (R11).
> login champion 6612001
acting as champion 6612001 (Ysgol y Môr)
> policy set deletion=9m
! error: only the Service Desk may change the policy (champion 6612001 may not) (R11)
> login service-desk
acting as service-desk (every school)
> policy set deletion=9m
policy: deletion=9m
4 deactivated accounts are now due for deletion: the next sweep deletes them for good (R10)
> audit last=1
DATE        ACTOR         RULE  ACCOUNT  WHAT                          CHANGES
2028-06-15  service-desk  R10            policy deletion=9m (was 12m)
1 entry of 23
> policy
NAME        VALUE                      GUIDANCE  RULE  MEANING
expiring    56d                        same      R6    how far ahead the expiring list and the banner look
inactivity  90d                        same      R13   days without a sign-in before the sweep switches a non-MIS account off
deletion    9m                         12m       R10   time from deactivation to deletion with all content
last-day    08-31 (31 August)          same      R1    the last day of the year a non-MIS account can last to (create, keep, reactivate)
keeps       end-of-next-year,6m,3m,1m  same      R7    the periods keep offers
changed from the guidance's policy; policy set NAME=VALUE changes it back
# The deletion dates have moved: Dai's is now 20 September (R14.3).
> list status=deactivated
ID              NAME          KIND     TYPE            SCHOOL   STATUS                 DATES
dai.staff       Dai Davies    mis      staff           6612002  deactivated (left)     since 2027-12-20, deletion 2028-09-20
mererid.supply  Mererid Owen  non-mis  supply-teacher  6612002  deactivated (expired)  since 2027-09-01, deletion 2028-06-01
osian.bl11      Osian Parry   mis      learner         6612001  deactivated (left)     since 2027-07-21, deletion 2028-04-21
rhys.cyngor     Rhys Morgan   non-mis  stakeholder     6612001  deactivated (closed)   since 2027-07-20, deletion 2028-04-20
sian.supply     Siân Roberts  non-mis  supply-teacher  6612001  deactivated (expired)  since 2027-09-01, deletion 2028-06-01
5 accounts
# The next sweep deletes the four accounts now due, with their content (R10).
> sweep
sweep as of 2028-06-15: deactivated 0, deleted 4 with 75 content items
  deleted   mererid.supply (0), osian.bl11 (40), rhys.cyngor (5), sian.supply (30)
> list
ID                  NAME             KIND     TYPE      SCHOOL   STATUS              DATES
dai.staff           Dai Davies       mis      staff     6612002  deactivated (left)  since 2027-12-20, deletion 2028-09-20
elin.la             Elin Thomas      non-mis  la-staff  6612002  active              expires 2028-08-31
gwenllian.governor  Gwenllïan Jones  non-mis  governor  6612001  active              expires 2028-08-31
3 accounts
