import HwbCore
import HwbTestSupport
import Testing

/// R12: reactivate a deactivated account.
@Suite struct ReactivateTests {
    /// Non-MIS without `until`: `expires` stays if it is today or later, else becomes
    /// `endOfYear(today)`; `lastActivity` = today; `closeAtExpiry` false.
    @Test(arguments: [
        // expires (created 2027-07-01, closed now), day of the reactivation, new expires
        ("2027-07-10", "2027-07-05", "2027-07-10"),
        ("2027-07-10", "2027-07-10", "2027-07-10"),
        ("2027-07-10", "2027-07-11", "2027-08-31"),
        ("2027-08-31", "2027-08-31", "2027-08-31"),
        ("2027-08-31", "2027-09-01", "2028-08-31"),
        ("2027-08-31", "2028-02-29", "2028-08-31"),
    ])
    func reactivatesAClosedNonMISAccount(_ expires: String, _ reactivateOn: String, _ newExpires: String) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs", expiry: .date(date(expires)))
        try store.setContent("jo.bloggs", 6)
        try store.close("jo.bloggs", .atExpiry)
        try store.close("jo.bloggs", .now)
        try store.moveClock(to: reactivateOn)
        try store.reactivate("jo.bloggs")
        let account = try #require(store["jo.bloggs"])
        #expect(account.status == .active)
        #expect(account.expires == date(newExpires))
        #expect(account.lastActivity == date(reactivateOn))
        #expect(account.closeAtExpiry == false)
        #expect(account.deactivatedOn == nil && account.deletionDue == nil && account.reason == nil)
        #expect(account.content == 6)
        #expect(account.created == date("2027-07-01"))
    }

    /// An expiry still ahead is kept as it was, even past `endOfYear(today)` (it was kept
    /// to the end of next year before the account was closed).
    @Test func keepsAnExpiryBeyondTheEndOfThisYear() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.keep("jo.bloggs", .endOfNextYear)
        try store.close("jo.bloggs", .now)
        try store.moveClock(to: "2027-07-05")
        try store.reactivate("jo.bloggs")
        #expect(store["jo.bloggs"]?.expires == date("2028-08-31"))
    }

    /// An account switched off by the sweep (expired or idle) is reactivated the same way,
    /// and the next sweep does not switch it straight off again.
    @Test(arguments: [
        // expires (nil: kept to end-of-next-year, 2028-08-31), sweep (deactivates), reason,
        // reactivation day, new expires
        ("2027-07-20" as String?, "2027-07-21", Account.Reason.expired, "2027-07-25", "2027-08-31"),
        ("2027-08-31", "2027-09-01", .expired, "2027-09-01", "2028-08-31"),
        (nil, "2027-10-15", .inactive, "2027-10-15", "2028-08-31"),
        (nil, "2027-09-30", .inactive, "2027-09-30", "2028-08-31"),
    ])
    func reactivatesAnAccountTheSweepSwitchedOff(
        _ expires: String?, _ sweepDay: String, _ reason: Account.Reason, _ reactivateOn: String, _ newExpires: String
    ) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs", expiry: expires.map { .date(date($0)) })
        if expires == nil { try store.keep("jo.bloggs", .endOfNextYear) }
        try store.sweep(on: sweepDay)
        #expect(store["jo.bloggs"]?.reason == reason)
        try store.moveClock(to: reactivateOn)
        try store.reactivate("jo.bloggs")
        #expect(store["jo.bloggs"]?.expires == date(newExpires))
        #expect(store["jo.bloggs"]?.lastActivity == date(reactivateOn))
        #expect(store.sweep(Fixtures.context).changesNothing)
        #expect(store["jo.bloggs"]?.status == .active)
    }

    /// An inactive account whose expiry is still ahead keeps its expiry, and gets another
    /// 90 days from the reactivation.
    @Test func reactivatedIdleAccountGetsAnother90Days() throws {
        var store = Fixtures.store(today: "2027-09-01")
        try store.createNonMIS("jo.bloggs")
        try store.sweep(on: "2027-12-01")
        #expect(store["jo.bloggs"]?.reason == .inactive)
        try store.moveClock(to: "2027-12-10")
        try store.reactivate("jo.bloggs")
        #expect(store["jo.bloggs"]?.expires == date("2028-08-31"))
        // 2027-12-10 + 90 days = 2028-03-09.
        #expect(try store.sweep(on: "2028-03-09").changesNothing)
        let report = try store.sweep(on: "2028-03-10")
        #expect(report.ids(.inactive) == [Fixtures.id("jo.bloggs")])
        #expect(store["jo.bloggs"]?.deactivatedOn == date("2028-03-10"))
    }

    /// `until=D` sets the expiry, within R5's bounds (today to `endOfYear(today)`).
    @Test(arguments: [
        ("2027-07-05", "2027-07-05"),
        ("2027-07-05", "2027-08-31"),
        ("2027-09-01", "2027-09-01"),
        ("2027-09-01", "2028-08-31"),
        ("2028-02-29", "2028-02-29"),
    ])
    func reactivatesUntilADate(_ reactivateOn: String, _ until: String) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.close("jo.bloggs", .now)
        try store.moveClock(to: reactivateOn)
        try store.reactivate("jo.bloggs", until: until)
        #expect(store["jo.bloggs"]?.expires == date(until))
        #expect(store["jo.bloggs"]?.status == .active)
    }

    @Test(arguments: [
        ("2027-07-05", "2027-07-04"),
        ("2027-07-05", "2027-09-01"),
        ("2027-09-01", "2027-08-31"),
        ("2027-09-01", "2028-09-01"),
        ("2028-02-29", "2028-02-28"),
    ])
    func refusesAnUntilOutsideTheBounds(_ reactivateOn: String, _ until: String) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.close("jo.bloggs", .now)
        try store.moveClock(to: reactivateOn)
        expectRefusal(&store, ruleIn: [.r12, .r5], mentioning: [until]) { try $0.reactivate("jo.bloggs", until: until) }
    }

    /// Any actor may reactivate a non-MIS account in scope.
    @Test(arguments: [Actor.laAdmin(661), .champion(Fixtures.school("6612001"))])
    func anLAAdminOrChampionReactivatesNonMIS(_ actor: Actor) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.close("jo.bloggs", .now)
        try store.reactivate("jo.bloggs", until: "2027-08-15", as: actor)
        #expect(store["jo.bloggs"]?.status == .active)
        #expect(store["jo.bloggs"]?.expires == date("2027-08-15"))
    }

    /// MIS (Service Desk only): active again at its school, leaving fields cleared.
    @Test(arguments: [Account.Role.learner, .staff])
    func theServiceDeskReactivatesAnMISAccount(_ role: Account.Role) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("mis.person", role: role, school: "6612002")
        try store.setContent("mis.person", 2)
        try store.leave("mis.person", on: "2027-07-10")
        try store.sweep(on: "2027-07-15")
        try store.reactivate("mis.person")
        let account = try #require(store["mis.person"])
        #expect(account.status == .active)
        #expect(account.school == Fixtures.school("6612002"))
        #expect(account.leavingDate == nil && account.pendingSchool == nil)
        #expect(account.deactivatedOn == nil && account.deletionDue == nil && account.reason == nil)
        #expect(account.content == 2)
        #expect(account.role == role)
        #expect(try store.sweep(on: "2028-07-15").changesNothing)
    }

    /// Pending staff are reactivated at their pending school and leave the pending list.
    @Test func reactivatesPendingStaffAtThePendingSchool() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("sam.staff", role: .staff, school: "6612001")
        try store.leave("sam.staff")
        store.sweep(Fixtures.context)
        try store.join("sam.staff", school: "6622001")
        #expect(store.pendingList(visibleTo: .serviceDesk).map(\.id.value) == ["sam.staff"])
        try store.reactivate("sam.staff")
        let account = try #require(store["sam.staff"])
        #expect(account.status == .active)
        #expect(account.school == Fixtures.school("6622001"))
        #expect(account.pendingSchool == nil)
        #expect(account.leavingDate == nil)
        #expect(store.pendingList(visibleTo: .serviceDesk).isEmpty)
    }

    /// Only the Service Desk may reactivate an MIS account, even one in scope.
    @Test(arguments: [Actor.laAdmin(661), .champion(Fixtures.school("6612001"))], [Account.Role.learner, .staff])
    func refusesAnLAAdminOrChampionReactivatingMIS(_ actor: Actor, _ role: Account.Role) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("mis.person", role: role, school: "6612001")
        try store.leave("mis.person")
        store.sweep(Fixtures.context)
        expectRefusal(&store, ruleIn: [.r11, .r12], mentioning: ["Service Desk"]) { try $0.reactivate("mis.person", as: actor) }
        expectRefusal(&store, ruleIn: [.r11, .r12]) { try $0.reactivate("mis.person", until: "2027-08-01", as: actor) }
    }

    /// `until` is for non-MIS accounts.
    @Test func refusesUntilOnAnMISAccount() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("lee.learner", role: .learner)
        try store.leave("lee.learner")
        store.sweep(Fixtures.context)
        expectRefusal(&store, rule: .r12, mentioning: ["until"]) { try $0.reactivate("lee.learner", until: "2027-08-01") }
    }

    /// Reactivating an active account is refused, whatever its kind.
    @Test(arguments: [nil as String?, "2027-08-01"])
    func refusesAnActiveAccount(_ until: String?) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.joinNew("lee.learner", role: .learner)
        expectRefusal(&store, rule: .r12, mentioning: ["active"]) { try $0.reactivate("jo.bloggs", until: until) }
        expectRefusal(&store, rule: .r12, mentioning: ["active"]) { try $0.reactivate("lee.learner") }
        expectRefusal(&store, rule: .r12, mentioning: ["active"]) {
            try $0.reactivate("jo.bloggs", as: .laAdmin(661))
        }
    }

    /// A deleted account is gone.
    @Test func refusesADeletedOrMissingAccount() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.close("jo.bloggs", .now)
        try store.sweep(on: "2028-07-01")
        expectNoAccount(&store, "jo.bloggs") { try $0.reactivate("jo.bloggs") }
        expectNoAccount(&store, "nobody") { try $0.reactivate("nobody") }
    }

    @Test func reactivatingIsAudited() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.close("jo.bloggs", .now)
        try store.moveClock(to: "2027-07-02")
        let before = store.audit.count
        try store.reactivate("jo.bloggs", as: .laAdmin(661))
        #expect(store.audit.count == before + 1)
        let entry = try #require(store.auditEntries("jo.bloggs").last)
        #expect(entry.rule == .r12)
        #expect(entry.actor == "la-admin 661")
        #expect(entry.date == date("2027-07-02"))
        #expect(entry.changes.contains(.init(field: .status, before: .string("deactivated"), after: .string("active"))))
    }
}
