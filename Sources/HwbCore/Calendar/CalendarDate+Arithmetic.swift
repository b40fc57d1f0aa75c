extension CalendarDate {
    /// This date moved by `days` (negative moves back), or nil past 1900...9999.
    public func addingDays(_ days: Int) -> CalendarDate? {
        CalendarDate(dayNumber: Int(dayNumber) + days)
    }

    /// R2: the same day of the month `months` calendar months later (or earlier, for a
    /// negative count), clamped to the last day of the target month; nil past 1900...9999.
    ///
    ///     2027-08-31 + 6 months = 2028-02-29
    ///     2027-08-31 + 3 months = 2027-11-30
    ///     2028-02-29 + 12 months = 2029-02-28
    public func addingMonths(_ months: Int) -> CalendarDate? {
        let (y, m, d) = parts
        let index = y * 12 + (m - 1) + months
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        let month = index - year * 12 + 1
        guard (1900...9999).contains(year) else { return nil }
        return CalendarDate(year: year, month: month, day: min(d, CalendarDate.daysIn(month: month, year: year)))
    }

    /// Days from `other` to this date (positive when this date is later).
    public func days(since other: CalendarDate) -> Int {
        Int(dayNumber) - Int(other.dayNumber)
    }
}
