# The transcript format: hwbsh's options on a `#! hwbsh` line before the first command.
# The transcript starts from an empty store on 20 July 2027, acting as the LA admin of
# LA 661 (a quoted value, as on the command line).
#! hwbsh --date 2027-07-20 --as "la-admin 661"
> whoami
la-admin 661 (0 schools in LA 661)
> date
2027-07-20
# The simulation controls are open to any actor (R11); the account is out of scope.
> school add 6762003 name="Ysgol Cwm Rhymni"
added school 6762003 Ysgol Cwm Rhymni
> mis join iolo.price school=6762003 name="Iolo Price" role=staff
joined iolo.price (MIS staff) at 6762003
> count
0
> show iolo.price
! error: no account iolo.price
#! hwbsh --date 2030-01-01
# A `#! hwbsh` line after the first command is only a comment: the date is unchanged.
> date
2027-07-20
