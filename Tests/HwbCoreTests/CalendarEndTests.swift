import HwbCore
import HwbTestSupport
import Testing

/// The calendar ends on 9999-12-31 (docs/rules.md: years 1900 to 9999).
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
        #expect(store.problems(with: Account.Fields(account)).isEmpty, "\(store.problems(with: Account.Fields(account)))")
    }

    /// A command whose result would fall past the calendar is refused, not crashed on.
    /// A result that cannot be written is refused; a bound that cannot be written is no bound.
    @Test func commandsWhoseResultIsPastTheCalendarAreRefused() throws {
        var store = Fixtures.store(today: "9999-09-01")
        expectRefusal(&store, ruleIn: [.r1, .r5]) { try $0.createNonMIS("jo.bloggs") }
        let dated = try store.create(Fixtures.newAccount("al", expiry: .date(Fixtures.date("9999-12-31"))), Fixtures.context)
        #expect(dated.expires == Fixtures.date("9999-12-31"))
        let period = try store.create(Fixtures.newAccount("bo", expiry: .months(1)), Fixtures.context)
        #expect(period.expires == Fixtures.date("9999-10-01"))
        var earlier = Fixtures.store(today: "9999-01-01")
        try earlier.createNonMIS("jo.bloggs")
        expectRefusal(&earlier, ruleIn: [.r7]) { try $0.keep("jo.bloggs", .endOfNextYear) }
        let kept = try earlier.keep(Fixtures.id("jo.bloggs"), .oneMonth, Fixtures.context)
        #expect(kept.expires == Fixtures.date("9999-09-30"))
    }

    /// Deletion in the calendar's last year falls due on its last day.
    @Test func closingInTheLastYearIsDueOnTheLastDay() throws {
        var store = Fixtures.store(today: "9999-01-01")
        try store.createNonMIS("jo.bloggs")
        let closed = try store.close(Fixtures.id("jo.bloggs"), .now, Fixtures.context)
        #expect(closed.deletionDue == Fixtures.date("9999-12-31"))
        #expect(store.problems(with: Account.Fields(closed)).isEmpty)
    }
}
