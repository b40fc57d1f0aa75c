import HwbCore
import HwbTestSupport
import Testing

/// The simulated clock: `date set` and `date advance` (R2, docs/rules.md "Dates and the clock"). It only
/// moves forward once the store holds schools or accounts, and it never sweeps.
@Suite struct ClockTests {
    @Test func setMovesTheClockForward() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.setDate(date("2027-09-01"))
        #expect(store.today == date("2027-09-01"))
    }

    @Test func setToTodayIsAccepted() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.setDate(date("2027-07-01"))
        #expect(store.today == date("2027-07-01"))
    }

    /// A store with schools may not go back, even by a day.
    @Test(arguments: ["2027-06-30", "2026-07-01", "1900-01-01"])
    func setBackwardsOnAStoreWithSchoolsIsRefused(_ earlier: String) {
        var store = Fixtures.store(today: "2027-07-01")
        let error = expectRefusal(&store, rule: nil) { try $0.setDate(date(earlier)) }
        #expect(error?.message.contains(earlier) == true)
    }

    @Test func setBackwardsOnAStoreWithAccountsIsRefused() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.moveClock(to: "2027-08-01")
        expectRefusal(&store, rule: nil, mentioning: ["2027-07-31"]) {
            try $0.setDate(date("2027-07-31"))
        }
    }

    /// A store with no schools and no accounts may be set to any date, so a script can
    /// begin with `date set`.
    @Test(arguments: ["1900-01-01", "2020-02-29", "2027-06-30", "9999-12-31"])
    func anEmptyStoreMayBeSetToAnyDate(_ day: String) throws {
        var store = Store(today: date("2027-07-01"))
        try store.setDate(date(day))
        #expect(store.today == date(day))
        try store.setDate(date("2000-01-01"))
        #expect(store.today == date("2000-01-01"))
    }

    /// R2: advancing uses the same arithmetic as the rules.
    @Test(arguments: [
        ("2027-07-01", "8w", "2027-08-26"),
        ("2027-08-31", "1m", "2027-09-30"),
        ("2027-08-31", "6m", "2028-02-29"),
        ("2028-02-29", "1y", "2029-02-28"),
        ("2027-12-31", "1d", "2028-01-01"),
        ("2027-07-01", "0d", "2027-07-01"),
    ])
    func advanceMovesByAPeriod(_ today: String, _ period: String, _ expected: String) throws {
        var store = Fixtures.store(today: today)
        try store.advance(by: try #require(Period(period)))
        #expect(store.today == date(expected))
    }

    @Test func advancePastTheCalendarIsRefused() throws {
        var store = Fixtures.store(today: "9999-12-01")
        let period = try #require(Period("1m"))
        expectRefusal(&store, rule: .r2) { try $0.advance(by: period) }
    }

    /// Moving the clock never sweeps by itself (R10).
    @Test func movingTheClockNeverSweeps() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.joinNew("lee.learner", role: .learner)
        try store.leave("lee.learner", on: "2027-07-02")
        let auditCount = store.audit.count
        try store.moveClock(to: "2030-01-01")
        try store.advance(by: try #require(Period("2y")))
        #expect(store["jo.bloggs"]?.status == .active)
        #expect(store["lee.learner"]?.status == .active)
        #expect(store.audit.count == auditCount)
    }
}
