/// R1: the Welsh academic year runs 1 September to 31 August.
public enum AcademicYear {
    /// The calendar year in which the academic year containing `date` starts.
    public static func start(of date: CalendarDate) -> Int {
        let (year, month, _) = date.parts
        return month >= 9 ? year : year - 1
    }

    /// 31 August ending the academic year that contains `date`.
    public static func endOfYear(_ date: CalendarDate) -> CalendarDate? {
        CalendarDate(year: start(of: date) + 1, month: 8, day: 31)
    }

    /// 31 August ending the academic year after the one that contains `date`.
    public static func endOfNextYear(_ date: CalendarDate) -> CalendarDate? {
        CalendarDate(year: start(of: date) + 2, month: 8, day: 31)
    }
}
