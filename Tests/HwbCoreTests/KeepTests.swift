import HwbCore
import HwbTestSupport
import Testing

/// R7: keep (extend) a non-MIS account. With `base = max(expires, today)` and
/// `cap = endOfNextYear(today)`: `end-of-next-year` gives `cap`; `6m`, `3m`, `1m` give
/// `min(addMonths(base, n), cap)`.
@Suite struct KeepTests {
    @Test(arguments: [
        // created (today then), expires, the day of the keep, period, new expiry
        ("2027-07-01", "2027-08-31", "2027-07-01", KeepPeriod.endOfNextYear, "2028-08-31"),
        ("2027-07-01", "2027-08-31", "2027-07-01", .sixMonths, "2028-02-29"),
        ("2027-07-01", "2027-08-31", "2027-07-01", .threeMonths, "2027-11-30"),
        ("2027-07-01", "2027-08-31", "2027-07-01", .oneMonth, "2027-09-30"),
        ("2027-07-01", "2027-07-15", "2027-07-01", .oneMonth, "2027-08-15"),
        ("2027-07-01", "2027-07-01", "2027-07-01", .sixMonths, "2028-01-01"),
        ("2027-07-01", "2027-08-31", "2027-08-31", .endOfNextYear, "2028-08-31"),
        ("2027-07-01", "2027-08-31", "2027-08-31", .oneMonth, "2027-09-30"),
        // Expired, not yet swept: the base is today.
        ("2027-07-01", "2027-08-31", "2027-09-01", .endOfNextYear, "2029-08-31"),
        ("2027-07-01", "2027-08-31", "2027-09-01", .oneMonth, "2027-10-01"),
        ("2027-07-01", "2027-07-10", "2027-07-20", .oneMonth, "2027-08-20"),
        ("2027-07-01", "2027-07-10", "2027-07-20", .sixMonths, "2028-01-20"),
        ("2027-09-01", "2027-09-30", "2027-09-01", .oneMonth, "2027-10-30"),
        ("2027-12-31", "2028-01-31", "2027-12-31", .oneMonth, "2028-02-29"),
        ("2027-12-31", "2028-01-31", "2027-12-31", .endOfNextYear, "2029-08-31"),
        ("2028-02-29", "2028-02-29", "2028-02-29", .sixMonths, "2028-08-29"),
        ("2028-02-29", "2028-02-29", "2028-02-29", .threeMonths, "2028-05-29"),
    ])
    func extendsTheExpiry(_ created: String, _ expires: String, _ keepDay: String, _ period: KeepPeriod, _ expected: String) throws {
        var store = Fixtures.store(today: created)
        try store.createNonMIS("jo.bloggs", expiry: .date(date(expires)))
        try store.moveClock(to: keepDay)
        try store.keep("jo.bloggs", period)
        let account = try #require(store["jo.bloggs"])
        #expect(account.expires == date(expected))
        #expect(account.status == .active)
        #expect(account.closeAtExpiry == false)
    }

    /// No keep goes past `endOfNextYear(today)`.
    @Test(arguments: [KeepPeriod.sixMonths, .threeMonths, .oneMonth, .endOfNextYear])
    func capsAtTheEndOfNextYear(_ period: KeepPeriod) throws {
        var store = Fixtures.store(today: "2027-09-01")
        try store.createNonMIS("jo.bloggs")
        try store.keep("jo.bloggs", .endOfNextYear)
        #expect(store["jo.bloggs"]?.expires == date("2029-08-31"))
        try store.moveClock(to: "2028-08-31")
        try store.keep("jo.bloggs", period)
        #expect(store["jo.bloggs"]?.expires == date("2029-08-31"))
    }

    /// The cap moves on 1 September, with the academic year.
    @Test func theCapMovesOn1September() throws {
        var store = Fixtures.store(today: "2027-09-01")
        try store.createNonMIS("jo.bloggs")
        try store.keep("jo.bloggs", .endOfNextYear)
        try store.moveClock(to: "2028-09-01")
        try store.keep("jo.bloggs", .sixMonths)
        #expect(store["jo.bloggs"]?.expires == date("2030-02-28"))
        try store.keep("jo.bloggs", .endOfNextYear)
        #expect(store["jo.bloggs"]?.expires == date("2030-08-31"))
    }

    /// Keep clears `closeAtExpiry`, and the account comes back to the expiring list when
    /// its new date is still inside the window.
    @Test func clearsCloseAtExpiry() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs", expiry: .date(date("2027-07-02")))
        try store.close("jo.bloggs", .atExpiry)
        #expect(store.expiringIDs().isEmpty)
        try store.keep("jo.bloggs", .oneMonth)
        #expect(store["jo.bloggs"]?.closeAtExpiry == false)
        #expect(store["jo.bloggs"]?.expires == date("2027-08-02"))
        #expect(store.expiringIDs() == ["jo.bloggs"])
    }

    /// After a keep the sweep uses the new date.
    @Test func theSweepFollowsTheKeptDate() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs", expiry: .date(date("2027-07-10")))
        try store.keep("jo.bloggs", .oneMonth)
        #expect(try store.sweep(on: "2027-08-10").changesNothing)
        let report = try store.sweep(on: "2027-08-11")
        #expect(report.ids(.expired) == [Fixtures.id("jo.bloggs")])
        #expect(store["jo.bloggs"]?.deactivatedOn == date("2027-08-11"))
    }

    @Test(arguments: [Actor.laAdmin(661), .champion(Fixtures.school("6612001"))])
    func anLAAdminOrChampionKeepsInScope(_ actor: Actor) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.keep("jo.bloggs", .threeMonths, as: actor)
        #expect(store["jo.bloggs"]?.expires == date("2027-11-30"))
    }

    /// Keep is refused on MIS accounts: their life follows the MIS record.
    @Test(arguments: [Account.Role.learner, .staff], [false, true])
    func refusesMISAccounts(_ role: Account.Role, _ deactivated: Bool) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("mis.person", role: role)
        if deactivated {
            try store.leave("mis.person")
            store.sweep(Fixtures.context)
            #expect(store["mis.person"]?.status == .deactivated)
        }
        expectRefusal(&store, rule: .r7, mentioning: ["MIS"]) { try $0.keep("mis.person", .sixMonths) }
    }

    /// Keep is refused on deactivated accounts (use reactivate).
    @Test(arguments: [KeepPeriod.endOfNextYear, .sixMonths, .oneMonth])
    func refusesDeactivatedAccounts(_ period: KeepPeriod) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("closed")
        try store.close("closed", .now)
        try store.createNonMIS("expired", expiry: .date(date("2027-07-01")))
        try store.sweep(on: "2027-07-02")
        #expect(store["expired"]?.status == .deactivated)
        expectRefusal(&store, rule: .r7, mentioning: ["deactivated", "reactivate"]) { try $0.keep("closed", period) }
        expectRefusal(&store, rule: .r7, mentioning: ["deactivated", "reactivate"]) { try $0.keep("expired", period) }
    }

    @Test func refusesAMissingOrDeletedAccount() throws {
        var store = Fixtures.store(today: "2027-07-01")
        expectNoAccount(&store, "nobody") { try $0.keep("nobody", .sixMonths) }
        try store.createNonMIS("gone")
        try store.close("gone", .now)
        try store.sweep(on: "2028-07-01")
        #expect(store["gone"] == nil)
        expectNoAccount(&store, "gone") { try $0.keep("gone", .sixMonths) }
    }

    /// R11: an account outside the actor's scope is reported exactly like a missing one.
    @Test(arguments: [Actor.laAdmin(662), .champion(Fixtures.school("6612002"))])
    func refusesAnAccountOutOfScopeAsIfMissing(_ actor: Actor) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs", school: "6612001")
        expectNoAccount(&store, "jo.bloggs") { try $0.keep("jo.bloggs", .sixMonths, as: actor) }
    }

    @Test func keepingIsAudited() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.moveClock(to: "2027-07-20")
        let before = store.audit.count
        try store.keep("jo.bloggs", .sixMonths, as: .champion(Fixtures.school("6612001")))
        #expect(store.audit.count == before + 1)
        let entry = try #require(store.auditEntries("jo.bloggs").last)
        #expect(entry.rule == .r7)
        #expect(entry.date == date("2027-07-20"))
        #expect(entry.actor == "champion 6612001")
        #expect(entry.changes.contains(
            AuditEntry.Change(field: .expires, before: .string("2027-08-31"), after: .string("2028-02-29"))))
    }
}
