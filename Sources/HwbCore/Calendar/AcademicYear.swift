/// R1: the Welsh academic year runs 1 September to 31 August.
public enum AcademicYear {
    /// The calendar year in which the academic year containing `date` starts.
    public static func start(of date: CalendarDate) -> Int {
        let (year, month, _) = date.parts
        return month >= 9 ? year : year - 1
    }

    /// 31 August ending the academic year that contains `date`: the guidance's policy's
    /// end of the year, which the rules use (`Policy.endOfYear`).
    public static func endOfYear(_ date: CalendarDate) -> CalendarDate? {
        Policy.guidance.endOfYear(date)
    }

    /// 31 August ending the academic year after the one that contains `date`.
    public static func endOfNextYear(_ date: CalendarDate) -> CalendarDate? {
        Policy.guidance.endOfNextYear(date)
    }
}
