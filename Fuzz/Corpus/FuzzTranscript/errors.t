# The transcript format: standard error and refusals.
# `! ` starts an expected line of standard error. A refused command does not stop a
# transcript: its error is expected output like any other, and the commands after it
# still run (on the store the refusal left unchanged, R14.5).
#! hwbsh --date 2027-07-20
> school add 6612001 name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> keep nobody 6m
! error: no account nobody
# A line that cannot be parsed is refused the same way.
> bogus
! error: [..]
# The transcript goes on after the refusals.
> create sian name="Siân Roberts" category=supply-teacher school=6612001
created sian (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
# Several commands on one line: standard output and standard error in the order printed.
> count; keep sian 2m; close sian at-expiry
1
! error: expected a keep period (end-of-next-year, 6m, 3m, 1m), got "2m"; did you mean 6m?
sian will close at expiry on 2027-08-31; it leaves the expiring list
# A refused command changes nothing: the clock did not move back.
> date set 2027-07-01
! error: [..]
> date
2027-07-20
