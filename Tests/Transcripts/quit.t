# The transcript format: `quit` ends the session; the commands after it do not run and
# print nothing.
#! hwbsh --date 2027-07-20
> date
2027-07-20
> quit
> date
