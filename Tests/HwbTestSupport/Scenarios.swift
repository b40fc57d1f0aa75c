/// Scripts that build stores for the shell and end-to-end tests.
public enum Scenarios {
    /// Schools in LA 661 (6612001, 6612002), LA 662 (6622001) and an independent school.
    public static let schools = """
        school add 6612001 name="Ysgol y Môr"
        school add 6612002 name="Ysgol Bryn"
        school add 6622001 name="Ysgol Arall"
        school add 6619001 name="Independent" maintained=no
        """

    /// Run on an empty store dated 2027-07-01; ends on 2027-07-25 with an account of every
    /// shape, created out of id order:
    /// - `zed`: non-MIS governor, active, 7 content items, a name with a comma, quotes and Ü;
    /// - `al`: non-MIS service, closed now (deactivated, reason closed);
    /// - `ite`: non-MIS ITE student, active, set to close at expiry;
    /// - `ln`: MIS learner, active, leaving on 2027-12-01;
    /// - `st`: MIS staff, left (deactivated), pending at 6612002;
    /// - `st2`: MIS staff, left (deactivated), not pending;
    /// - `other`: non-MIS supply teacher at 6622001 (LA 662), active.
    public static let everyShape = schools + "\n" + """
        create zed name="Zed, \\"Z\\" Ü" category=governor school=6612001
        create al name="Al" category=service school=6612001 for=1m
        create ite name="Ite" category=ite-student school=6612002 for=1m
        create other name="Other" category=supply-teacher school=6622001
        mis join ln name="Ln" role=learner school=6612001
        mis join st name="St" role=staff school=6612001
        mis join st2 name="St2" role=staff school=6612002
        mis leave st on=2027-07-15
        mis leave st2 on=2027-07-20
        close al now
        close ite at-expiry
        content zed 7
        date set 2027-07-25
        signin zed
        sweep
        mis join st school=6612002
        mis leave ln on=2027-12-01
        """

    /// The ids of `everyShape`, sorted.
    public static let everyShapeIDs = ["al", "ite", "ln", "other", "st", "st2", "zed"]
}
