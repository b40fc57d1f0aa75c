import HwbCore
import HwbTestSupport
import Testing

/// R8: close a non-MIS account, now or at expiry.
@Suite struct CloseTests {
    /// `close now`: deactivated today, reason `closed`, deletion due 12 months later.
    @Test(arguments: [
        ("2027-07-01", "2028-07-01"),
        ("2027-08-31", "2028-08-31"),
        ("2027-09-01", "2028-09-01"),
        ("2027-12-31", "2028-12-31"),
        ("2028-02-29", "2029-02-28"),
    ])
    func closeNowDeactivatesToday(_ today: String, _ deletionDue: String) throws {
        var store = Fixtures.store(today: today)
        try store.createNonMIS("jo.bloggs")
        try store.close("jo.bloggs", .now)
        let account = try #require(store["jo.bloggs"])
        #expect(account.status == .deactivated)
        #expect(account.reason == .closed)
        #expect(account.deactivatedOn == date(today))
        #expect(account.deletionDue == date(deletionDue))
        #expect(account.closeAtExpiry == false)
        #expect(account.expires == date(AcademicYear.endOfYear(date(today))!.description))
    }

    /// `closeAtExpiry` keeps its value when the account is closed now.
    @Test func closeNowKeepsCloseAtExpiry() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.close("jo.bloggs", .atExpiry)
        try store.moveClock(to: "2027-07-05")
        try store.close("jo.bloggs", .now)
        let account = try #require(store["jo.bloggs"])
        #expect(account.closeAtExpiry == true)
        #expect(account.reason == .closed)
        #expect(account.deactivatedOn == date("2027-07-05"))
    }

    /// A closed account is deleted by the sweep on its deletion day, not the day before.
    @Test func aClosedAccountIsDeletedTwelveMonthsLater() throws {
        var store = Fixtures.store(today: "2028-02-29")
        try store.createNonMIS("jo.bloggs")
        try store.close("jo.bloggs", .now)
        #expect(try store.sweep(on: "2029-02-27").changesNothing)
        #expect(store["jo.bloggs"] != nil)
        let report = try store.sweep(on: "2029-02-28")
        #expect(report.deleted.map(\.id) == [Fixtures.id("jo.bloggs")])
        #expect(store["jo.bloggs"] == nil)
    }

    /// `close at-expiry`: still active, off the expiring list, deactivated by the sweep as
    /// usual (reason `expired`, the day after `expires`), `closeAtExpiry` still true.
    @Test func closeAtExpiryLeavesItToTheSweep() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs", expiry: .date(date("2027-07-20")))
        try store.close("jo.bloggs", .atExpiry)
        var account = try #require(store["jo.bloggs"])
        #expect(account.status == .active)
        #expect(account.closeAtExpiry == true)
        #expect(account.expires == date("2027-07-20"))
        #expect(store.expiringIDs().isEmpty)

        #expect(try store.sweep(on: "2027-07-20").changesNothing)
        let report = try store.sweep(on: "2027-07-21")
        #expect(report.ids(.expired) == [Fixtures.id("jo.bloggs")])
        account = try #require(store["jo.bloggs"])
        #expect(account.status == .deactivated)
        #expect(account.reason == .expired)
        #expect(account.deactivatedOn == date("2027-07-21"))
        #expect(account.deletionDue == date("2028-07-21"))
        #expect(account.closeAtExpiry == true)
    }

    /// The project's decision (docs/decisions.md): `close at-expiry` twice is accepted and
    /// changes nothing.
    @Test func closeAtExpiryTwiceChangesNothing() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.close("jo.bloggs", .atExpiry)
        let before = StoreState(store)
        try store.close("jo.bloggs", .atExpiry)
        #expect(store.accounts.dictionary == before.accounts)
        #expect(store.audit.count == before.auditCount, "a close that changes nothing adds no audit entry")
    }

    @Test(arguments: [CloseMode.now, .atExpiry], [Account.Role.learner, .staff])
    func refusesMISAccounts(_ mode: CloseMode, _ role: Account.Role) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("mis.person", role: role)
        expectRefusal(&store, rule: .r8, mentioning: ["MIS"]) { try $0.close("mis.person", mode) }
        try store.leave("mis.person")
        store.sweep(Fixtures.context)
        expectRefusal(&store, rule: .r8, mentioning: ["MIS"]) { try $0.close("mis.person", mode) }
    }

    @Test(arguments: [CloseMode.now, .atExpiry])
    func refusesAnAccountAlreadyDeactivated(_ mode: CloseMode) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("closed")
        try store.close("closed", .now)
        try store.createNonMIS("expired", expiry: .date(date("2027-07-01")))
        try store.sweep(on: "2027-08-01")
        #expect(store["expired"]?.reason == .expired)
        expectRefusal(&store, rule: .r8, mentioning: ["deactivated"]) { try $0.close("closed", mode) }
        expectRefusal(&store, rule: .r8, mentioning: ["deactivated"]) { try $0.close("expired", mode) }
    }

    @Test func refusesAMissingAccount() {
        var store = Fixtures.store(today: "2027-07-01")
        expectNoAccount(&store, "nobody") { try $0.close("nobody", .now) }
    }

    /// R11: out of scope is reported like missing.
    @Test(arguments: [Actor.laAdmin(662), .champion(Fixtures.school("6612002"))], [CloseMode.now, .atExpiry])
    func refusesAnAccountOutOfScopeAsIfMissing(_ actor: Actor, _ mode: CloseMode) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs", school: "6612001")
        expectNoAccount(&store, "jo.bloggs") { try $0.close("jo.bloggs", mode, as: actor) }
    }

    @Test(arguments: [CloseMode.now, .atExpiry])
    func closingIsAudited(_ mode: CloseMode) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.moveClock(to: "2027-07-03")
        let before = store.audit.count
        try store.close("jo.bloggs", mode, as: .laAdmin(661))
        #expect(store.audit.count == before + 1)
        let entry = try #require(store.auditEntries("jo.bloggs").last)
        #expect(entry.rule == .r8)
        #expect(entry.date == date("2027-07-03"))
        #expect(entry.actor == "la-admin 661")
        #expect(!entry.changes.isEmpty)
    }
}
