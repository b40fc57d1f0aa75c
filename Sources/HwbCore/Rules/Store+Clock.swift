extension Store {
    /// `date set`: moves the clock to `date`. The clock only moves forward, except on an
    /// empty store (no schools, no accounts), which may be set to any date. Never sweeps.
    public mutating func setDate(_ date: CalendarDate) throws(RuleError) {
        guard date >= today || isEmpty else {
            throw RuleError(
                "cannot move the clock back from \(today) to \(date): it only moves forward once the store holds schools or accounts",
                rule: nil)
        }
        today = date
    }

    /// `date advance PERIOD`: R2 arithmetic from today (`Nm` is `addMonths(today, N)`).
    public mutating func advance(by period: Period) throws(RuleError) {
        guard let date = period.after(today) else {
            throw RuleError("\(today) + \(period) is past \(CalendarDate.maximum), the last date hwbsh knows", rule: .r2)
        }
        try setDate(date)
    }
}

extension RuleError {
    /// A date computed by the rules fell outside 1900-01-01 ... 9999-12-31.
    static func outOfCalendar(_ what: String, rule: Rule) -> RuleError {
        RuleError("\(what) would fall past \(CalendarDate.maximum), the last date hwbsh knows", rule: rule)
    }
}
