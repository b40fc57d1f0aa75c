import HwbCore
import HwbTestSupport
import Testing

/// R6: the expiring list: the actor's active non-MIS accounts with
/// `expires <= today + 56 days` and `closeAtExpiry` false, by `expires`, then `id`.
@Suite struct ExpiringListTests {
    /// The window ends on the 56th day after today: in on the 56th, out on the 57th.
    @Test(arguments: [
        ("2027-07-01", "2027-07-01", true),
        ("2027-07-01", "2027-08-25", true),
        ("2027-07-01", "2027-08-26", true),
        ("2027-07-01", "2027-08-27", false),
        ("2027-07-01", "2027-08-31", false),
        ("2027-12-20", "2028-02-14", true),
        ("2027-12-20", "2028-02-15", false),
        ("2028-01-04", "2028-02-29", true),
        ("2028-01-04", "2028-03-01", false),
        ("2027-07-06", "2027-08-31", true),
        ("2027-07-05", "2027-08-31", false),
    ])
    func holdsAccountsExpiringWithin56Days(_ today: String, _ expires: String, _ listed: Bool) throws {
        var store = Fixtures.store(today: today)
        try store.createNonMIS("jo.bloggs", expiry: .date(date(expires)))
        #expect(store.expiringIDs() == (listed ? ["jo.bloggs"] : []))
    }

    /// As the clock moves, an account enters the list on the 56th day before it expires.
    @Test func anAccountEntersTheListAsTheClockMoves() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.moveClock(to: "2027-07-05")
        #expect(store.expiringIDs().isEmpty)
        try store.moveClock(to: "2027-07-06")
        #expect(store.expiringIDs() == ["jo.bloggs"])
    }

    @Test func isOrderedByExpiryThenID() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("b", expiry: .date(date("2027-08-01")))
        try store.createNonMIS("a", expiry: .date(date("2027-08-01")))
        try store.createNonMIS("z", expiry: .date(date("2027-07-15")))
        try store.createNonMIS("c", expiry: .date(date("2027-08-20")))
        try store.createNonMIS("m", school: "6622001", expiry: .date(date("2027-07-15")))
        #expect(store.expiringIDs() == ["m", "z", "a", "b", "c"])
    }

    /// Only active non-MIS accounts not set to close at expiry.
    @Test func leavesOutMISDeactivatedAndClosingAccounts() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("listed", expiry: .months(1))
        try store.createNonMIS("closing", expiry: .months(1))
        try store.close("closing", .atExpiry)
        try store.createNonMIS("closed", expiry: .months(1))
        try store.close("closed", .now)
        try store.joinNew("lee.learner", role: .learner)
        try store.leave("lee.learner", on: "2027-07-10")
        try store.joinNew("sam.staff", role: .staff)
        #expect(store.expiringIDs() == ["listed"])
    }

    /// An account whose expiry has passed stays in the list (overdue) until the sweep.
    @Test func anOverdueAccountStaysUntilTheSweep() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs", expiry: .date(date("2027-07-10")))
        try store.moveClock(to: "2027-07-20")
        let list = store.expiringList(visibleTo: .serviceDesk)
        #expect(list.map(\.id.value) == ["jo.bloggs"])
        #expect(try #require(list.first?.expires) < store.today)
        try store.moveClock(to: "2028-07-20")
        #expect(store.expiringIDs() == ["jo.bloggs"])
        store.sweep(Fixtures.context)
        #expect(store.expiringIDs().isEmpty)
    }

    /// The list covers the actor's scope alone (R11).
    @Test(arguments: [
        (Actor.serviceDesk, ["a1", "a2", "b1"]),
        (.laAdmin(661), ["a1", "a2"]),
        (.laAdmin(662), ["b1"]),
        (.laAdmin(663), []),
        (.champion(Fixtures.school("6612002")), ["a2"]),
        (.champion(Fixtures.school("6622001")), ["b1"]),
    ])
    func coversTheActorsScope(_ actor: Actor, _ expected: [String]) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("a1", school: "6612001", expiry: .months(1))
        try store.createNonMIS("a2", school: "6612002", expiry: .months(1))
        try store.createNonMIS("b1", school: "6622001", expiry: .months(1))
        #expect(store.expiringIDs(as: actor) == expected)
    }

    /// Keeping past the window takes an account off the list; keeping inside it does not.
    @Test func keepTakesAnAccountOffTheList() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("short", expiry: .date(date("2027-07-02")))
        try store.createNonMIS("long", expiry: .date(date("2027-07-02")))
        try store.keep("short", .oneMonth)
        try store.keep("long", .threeMonths)
        #expect(store["short"]?.expires == date("2027-08-02"))
        #expect(store.expiringIDs() == ["short"])
    }

    /// Closing at expiry takes an account off the list (R8).
    @Test func closeAtExpiryTakesAnAccountOffTheList() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs", expiry: .months(1))
        #expect(store.expiringIDs() == ["jo.bloggs"])
        try store.close("jo.bloggs", .atExpiry)
        #expect(store.expiringIDs().isEmpty)
        #expect(store["jo.bloggs"]?.status == .active)
    }

    /// The `expiring=PERIOD` filter of docs/language.md uses the same kind of window.
    @Test func theExpiringFilterUsesTheSameWindow() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("in", expiry: .date(date("2027-08-26")))
        try store.createNonMIS("out", expiry: .date(date("2027-08-27")))
        let period = try #require(Period("8w"))
        #expect(store.accounts(visibleTo: .serviceDesk, matching: [.expiring(period)]).map(\.id.value) == ["in"])
        #expect(store.count(visibleTo: .serviceDesk, matching: [.expiring(period)]) == 1)
    }
}
