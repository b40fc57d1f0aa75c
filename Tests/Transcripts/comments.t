# The transcript format: comments and blank lines.
# A line starting with `#` is a comment: it ends the expected output of the command
# before it, is never run, and `hwbsh test --update` keeps it where it is. Blank lines
# between commands are kept too.
#! hwbsh --date 2027-07-20

> date
2027-07-20
# This comment ends the output of `date`; the line below is a new command.

> school add 6612001 name="Ysgol y Môr"   # a comment after a command is not run
added school 6612001 Ysgol y Môr


# Two blank lines above, one below: all kept as they are.

> count
0
