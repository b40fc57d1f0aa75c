# The transcript format: a long command split over lines.
# `>> ` continues the command of the line before; the pieces are joined by a blank,
# so the shell runs one line. Its output follows the last piece.
#! hwbsh --date 2027-07-20
> school add 6612001
>> name="Ysgol y Môr"
added school 6612001 Ysgol y Môr
> create gwenllian.governor
>> name="Gwenllïan Jones"
>> category=governor
>> school=6612001 expires=2027-08-15
created gwenllian.governor (non-MIS, governor) at 6612001, expires 2027-08-15
# A quoted value may not be split across lines, but a continuation may start with a
# named argument in any order (docs/language.md).
> list
>> category=governor status=active
ID                  NAME             KIND     TYPE      SCHOOL   STATUS  DATES
gwenllian.governor  Gwenllïan Jones  non-mis  governor  6612001  active  expires 2027-08-15
1 account
