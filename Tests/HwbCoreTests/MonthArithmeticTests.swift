import HwbCore
import HwbTestSupport
import Testing

/// R2: month arithmetic, weeks and periods.
@Suite struct MonthArithmeticTests {
    /// `addMonths(d, n)`: the same day of the month n months later, clamped to the last
    /// day of the target month. The first three rows are docs/rules.md's worked examples.
    @Test(arguments: [
        ("2027-08-31", 6, "2028-02-29"),
        ("2027-08-31", 3, "2027-11-30"),
        ("2028-02-29", 12, "2029-02-28"),
        ("2027-01-31", 1, "2027-02-28"),
        ("2028-01-31", 1, "2028-02-29"),
        ("2027-03-31", 1, "2027-04-30"),
        ("2027-11-30", 3, "2028-02-29"),
        ("2027-12-15", 1, "2028-01-15"),
        ("2027-12-31", 12, "2028-12-31"),
        ("2027-12-31", 2, "2028-02-29"),
        ("2027-10-31", 4, "2028-02-29"),
        ("2027-06-15", 0, "2027-06-15"),
        ("2028-02-29", 48, "2032-02-29"),
        ("2096-02-29", 48, "2100-02-28"),
        ("1996-02-29", 48, "2000-02-29"),
        ("2027-09-01", 12, "2028-09-01"),
        ("2027-08-31", 12, "2028-08-31"),
        ("2027-09-30", 1, "2027-10-30"),
        ("2028-03-31", -1, "2028-02-29"),
    ])
    func addMonths(_ start: String, _ months: Int, _ expected: String) {
        #expect(date(start).addingMonths(months) == date(expected))
    }

    /// Past 9999-12-31 there is no date.
    @Test func addMonthsPastTheCalendarIsNil() {
        #expect(date("9999-12-31").addingMonths(1) == nil)
        #expect(date("9999-01-31").addingMonths(11) == date("9999-12-31"))
    }

    /// A period after a date: `Nd` and `Nw` add days (`8w` is 56 days), `Nm` is
    /// `addMonths(d, N)` and `Ny` is `addMonths(d, 12 * N)`.
    @Test(arguments: [
        ("2027-07-01", "8w", "2027-08-26"),
        ("2027-07-01", "56d", "2027-08-26"),
        ("2027-06-01", "90d", "2027-08-30"),
        ("2027-12-31", "1d", "2028-01-01"),
        ("2028-02-28", "1d", "2028-02-29"),
        ("2027-02-28", "1d", "2027-03-01"),
        ("2027-12-25", "1w", "2028-01-01"),
        ("2028-01-31", "1m", "2028-02-29"),
        ("2027-08-31", "6m", "2028-02-29"),
        ("2028-02-29", "1y", "2029-02-28"),
        ("2028-02-29", "4y", "2032-02-29"),
        ("2027-08-31", "2y", "2029-08-31"),
        ("2027-07-01", "0d", "2027-07-01"),
    ])
    func periodAfter(_ start: String, _ text: String, _ expected: String) throws {
        let period = try #require(Period(text))
        #expect(period.after(date(start)) == date(expected))
    }

    @Test(arguments: [
        ("8w", 8, Period.Unit.weeks),
        ("6m", 6, .months),
        ("90d", 90, .days),
        ("1y", 1, .years),
        ("999999d", 999_999, .days),
    ])
    func parsesPeriods(_ text: String, _ count: Int, _ unit: Period.Unit) throws {
        let period = try #require(Period(text))
        #expect(period.count == count)
        #expect(period.unit == unit)
        #expect(period.description == text)
    }

    @Test(arguments: ["", "8", "w", "8x", "-1d", "+1d", "1.5m", "8 w", "8W", "m6"])
    func refusesMalformedPeriods(_ text: String) {
        #expect(Period(text) == nil)
    }

    /// A period is any whole number; one that reaches past 9999-12-31 is refused by the
    /// arithmetic, never by overflowing.
    @Test(arguments: ["3000000d", "99999999999999999999999999d", "9999999999w", "120000m", "8000y"])
    func hugePeriodsLandPastTheCalendar(_ text: String) throws {
        let period = try #require(Period(text))
        #expect(period.after(date("2027-07-01")) == nil)
        #expect(period.before(date("2027-07-01")) == nil)
    }

    @Test func aLongPeriodWithinTheCalendarWorks() throws {
        #expect(try #require(Period("1000000d")).after(date("2027-07-01")) == date("4765-05-28"))
    }
}
