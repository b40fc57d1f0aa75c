import HwbCore
import HwbTestSupport
import Testing

/// R1: the Welsh academic year runs 1 September to 31 August.
@Suite struct AcademicYearTests {
    /// The worked examples of R1, then the other edges: the first and last day of the
    /// academic year, both sides of a calendar year end, 29 February, the calendar's
    /// first year.
    @Test(arguments: [
        // d, ayStart(d), endOfYear(d), endOfNextYear(d)
        ("2027-07-01", 2026, "2027-08-31", "2028-08-31"),
        ("2027-08-31", 2026, "2027-08-31", "2028-08-31"),
        ("2027-09-01", 2027, "2028-08-31", "2029-08-31"),
        ("2026-09-01", 2026, "2027-08-31", "2028-08-31"),
        ("2027-12-31", 2027, "2028-08-31", "2029-08-31"),
        ("2028-01-01", 2027, "2028-08-31", "2029-08-31"),
        ("2027-01-01", 2026, "2027-08-31", "2028-08-31"),
        ("2028-02-29", 2027, "2028-08-31", "2029-08-31"),
        ("2028-08-31", 2027, "2028-08-31", "2029-08-31"),
        ("2028-09-01", 2028, "2029-08-31", "2030-08-31"),
        ("1900-01-01", 1899, "1900-08-31", "1901-08-31"),
        ("9997-09-01", 9997, "9998-08-31", "9999-08-31"),
    ])
    func academicYearOf(_ day: String, _ start: Int, _ endOfYear: String, _ endOfNextYear: String) {
        #expect(AcademicYear.start(of: date(day)) == start)
        #expect(AcademicYear.endOfYear(date(day)) == date(endOfYear))
        #expect(AcademicYear.endOfNextYear(date(day)) == date(endOfNextYear))
    }

    /// Every day from 1 September to 31 August has the same end of year.
    @Test func everyDayOfAYearEndsOnTheSame31August() throws {
        var day = date("2027-09-01")
        while day <= date("2028-08-31") {
            #expect(AcademicYear.endOfYear(day) == date("2028-08-31"), "endOfYear(\(day))")
            day = try #require(day.addingDays(1))
        }
        #expect(AcademicYear.endOfYear(day) == date("2029-08-31"))
    }

    /// The default expiry of a new account (R5) follows R1: a day earlier or later
    /// around 31 August gives a different academic year.
    @Test(arguments: [
        ("2027-08-30", "2027-08-31"),
        ("2027-08-31", "2027-08-31"),
        ("2027-09-01", "2028-08-31"),
        ("2027-12-31", "2028-08-31"),
        ("2028-01-01", "2028-08-31"),
    ])
    func newAccountsExpireAtTheEndOfTheAcademicYear(_ today: String, _ expires: String) throws {
        var store = Fixtures.store(today: today)
        let account = try store.createNonMIS("jo.bloggs")
        #expect(account.expires == date(expires))
    }
}
