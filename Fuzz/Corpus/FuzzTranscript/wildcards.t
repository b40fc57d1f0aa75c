# The transcript format: wildcards.
# `[..]` in an expected line matches any text within that line (also none); a line
# `...` matches any number of lines, none included. These lines must survive
# `hwbsh test --update` while they still match.
#! hwbsh --date 2027-07-20
> school add 6612001 name="Ysgol y Môr"
added school [..]
> create sian name="Siân Roberts" category=supply-teacher school=6612001
created sian (non-MIS, supply-teacher) at 6612001, expires [..]
# Several wildcards in one line, and one standing for nothing at all.
> create wyn name="Ŵyn Pritchard" category=governor school=6612001
[..]wyn (non-MIS, [..]) at 6612001,[..] 2027-08-31[..]
# `...` skips the middle of a long output: here the account page.
> show sian
sian · Siân Roberts
...
  next           deactivated by the sweep on or after 2027-09-01 (expired, R10); in the expiring list (R6)
history
...
# `...` may stand for no line at all, at the start or the end.
> count
...
2
...
# A `...` alone matches a command that prints nothing too.
> format table
...
# `[..]` and `...` together.
> expiring
EXPIRES[..]
...
keep ID [..]
