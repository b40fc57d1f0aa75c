import HwbCore
import HwbTestSupport
import Testing

/// The calendar ends on 9999-12-31 (RULES.md: years 1900 to 9999).
@Suite struct CalendarEndTests {
    /// R14.3 must hold after the sweep even when 12 months after `deactivatedOn` would be
    /// past the calendar: the store the sweep leaves must pass the same checks that
    /// loading a snapshot applies, or a saved store cannot be loaded again.
    @Test func aSweepInTheLastYearLeavesAStoreThatPassesR14() throws {
        var store = Fixtures.store(today: "9999-01-01")
        try store.createNonMIS("jo.bloggs", expiry: .date(date("9999-02-01")))
        try store.sweep(on: "9999-02-02")
        let account = try #require(store["jo.bloggs"])
        #expect(account.status == .deactivated)
        #expect(store.problems(with: account).isEmpty, "\(store.problems(with: account))")
    }

    /// A command whose result would fall past the calendar is refused, not crashed on.
    @Test func commandsPastTheCalendarAreRefused() throws {
        var store = Fixtures.store(today: "9999-09-01")
        expectRefusal(&store, ruleIn: [.r1, .r5]) { try $0.createNonMIS("jo.bloggs") }
        var earlier = Fixtures.store(today: "9999-01-01")
        try earlier.createNonMIS("jo.bloggs")
        expectRefusal(&earlier, ruleIn: [.r8]) { try $0.close("jo.bloggs", .now) }
        expectRefusal(&earlier, ruleIn: [.r7]) { try $0.keep("jo.bloggs", .endOfNextYear) }
    }
}
