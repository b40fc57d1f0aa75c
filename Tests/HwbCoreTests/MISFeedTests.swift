import HwbCore
import HwbTestSupport
import Testing

/// R9: the MIS provisioning feed: `join` and `leave`.
@Suite struct MISFeedTests {
    private func school(_ store: Store, _ number: String) throws -> School {
        try #require(store.schools[Fixtures.school(number)])
    }

    // MARK: join

    /// A new id: an active MIS account at the school, with the name and role given.
    @Test(arguments: [Account.Role.learner, .staff])
    func joinCreatesANewMISAccount(_ role: Account.Role) throws {
        var store = Fixtures.store(today: "2027-07-01")
        let outcome = try store.join("New.Person", school: "6612002", name: "New Person", role: role)
        let account = try #require(store["new.person"])
        #expect(outcome == .created(account))
        #expect(account.kind == .mis)
        #expect(account.status == .active)
        #expect(account.name == "New Person")
        #expect(account.role == role)
        #expect(account.school == Fixtures.school("6612002"))
        #expect(account.created == date("2027-07-01"))
        #expect(account.lastActivity == date("2027-07-01"))
        #expect(account.content == 0)
        #expect(account.leavingDate == nil && account.pendingSchool == nil)
        #expect(account.category == nil && account.expires == nil && account.closeAtExpiry == nil)
        #expect(account.deactivatedOn == nil && account.deletionDue == nil && account.reason == nil)
    }

    /// An unknown school is an error, whatever the id.
    @Test(arguments: ["new.person", "lee.learner", "jo.bloggs"])
    func joinRefusesAnUnknownSchool(_ id: String) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("lee.learner", role: .learner)
        try store.createNonMIS("jo.bloggs")
        expectRefusal(&store, rule: .r9, mentioning: ["6612999"]) {
            try $0.join(id, school: "6612999", name: "Someone", role: .learner)
        }
        expectRefusal(&store, rule: .r9, mentioning: ["6632001"]) {
            try $0.join(id, school: "6632001", name: "Someone", role: .learner)
        }
    }

    /// A move to an independent school is recorded and ignored: nothing changes, for any
    /// id, and it is checked before anything about the id.
    @Test(arguments: [
        ("new.person", "New Person" as String?, Account.Role.learner as Account.Role?),
        ("new.person", nil, nil),
        ("jo.bloggs", nil, nil),
        ("lee.learner", "Lee", .learner),
        ("left.learner", nil, nil),
        ("left.staff", nil, .staff),
    ])
    func joinAtAnIndependentSchoolIsIgnored(_ id: String, _ name: String?, _ role: Account.Role?) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.joinNew("lee.learner", role: .learner)
        try store.leave("lee.learner", on: "2027-08-01")
        try store.joinNew("left.learner", role: .learner)
        try store.joinNew("left.staff", role: .staff)
        try store.leave("left.learner")
        try store.leave("left.staff")
        store.sweep(Fixtures.context)
        let before = StoreState(store)
        let outcome = try store.join(id, school: "6619001", name: name, role: role)
        #expect(outcome == .ignoredNotMaintained(try school(store, "6619001")))
        #expect(StoreState(store) == before)
    }

    /// A new id (never seen, or deleted) needs a name and a role.
    @Test(arguments: [
        (nil as String?, Account.Role.learner as Account.Role?),
        ("Someone", nil),
        (nil, nil),
    ])
    func joinRefusesANewIDWithoutNameOrRole(_ name: String?, _ role: Account.Role?) throws {
        var store = Fixtures.store(today: "2027-07-01")
        expectRefusal(&store, rule: .r9, mentioning: ["new.person"]) {
            try $0.join("new.person", school: "6612001", name: name, role: role)
        }
        try store.createNonMIS("gone")
        try store.close("gone", .now)
        try store.sweep(on: "2028-07-01")
        #expect(store["gone"] == nil)
        expectRefusal(&store, rule: .r9, mentioning: ["gone"]) {
            try $0.join("gone", school: "6612001", name: name, role: role)
        }
    }

    /// The id of a deleted account joins as a brand-new account.
    @Test func joinRecreatesADeletedAccount() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("lee.learner", role: .learner)
        try store.setContent("lee.learner", 12)
        try store.leave("lee.learner")
        try store.sweep(on: "2028-07-01")
        #expect(store["lee.learner"] == nil)
        let outcome = try store.join("lee.learner", school: "6622001", name: "Lee Again", role: .staff)
        let account = try #require(store["lee.learner"])
        #expect(outcome == .created(account))
        #expect(account.status == .active)
        #expect(account.name == "Lee Again")
        #expect(account.role == .staff)
        #expect(account.content == 0)
        #expect(account.created == date("2028-07-01"))
    }

    /// A non-MIS account cannot be taken over by the MIS, active or not.
    @Test(arguments: [false, true])
    func joinRefusesANonMISAccount(_ closed: Bool) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        if closed { try store.close("jo.bloggs", .now) }
        expectRefusal(&store, rule: .r9, mentioning: ["non-MIS"]) {
            try $0.join("jo.bloggs", school: "6612002", name: "Jo", role: .staff)
        }
    }

    /// An active MIS account moves to the school and its leaving date is cleared; the
    /// name and role of the event are ignored.
    @Test(arguments: ["6622001", "6612001"])
    func joinMovesAnActiveMISAccount(_ to: String) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("lee.learner", role: .learner, school: "6612001")
        try store.leave("lee.learner", on: "2027-07-20")
        let outcome = try store.join("lee.learner", school: to, name: "Another Name", role: .staff)
        let account = try #require(store["lee.learner"])
        #expect(outcome == .moved(account, from: Fixtures.school("6612001")))
        #expect(account.school == Fixtures.school(to))
        #expect(account.leavingDate == nil)
        #expect(account.status == .active)
        #expect(account.name == "MIS lee.learner")
        #expect(account.role == .learner)
        // With no leaving date the sweep leaves it alone.
        #expect(try store.sweep(on: "2027-07-20").changesNothing)
    }

    /// A deactivated learner is reactivated automatically, at the new school, content kept.
    @Test func joinReactivatesADeactivatedLearner() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("lee.learner", role: .learner, school: "6612001")
        try store.setContent("lee.learner", 7)
        try store.leave("lee.learner", on: "2027-07-10")
        try store.sweep(on: "2027-07-10")
        #expect(store["lee.learner"]?.status == .deactivated)
        try store.moveClock(to: "2027-09-01")
        let outcome = try store.join("lee.learner", school: "6612002", name: "Other", role: .staff)
        let account = try #require(store["lee.learner"])
        #expect(outcome == .reactivated(account))
        #expect(account.status == .active)
        #expect(account.school == Fixtures.school("6612002"))
        #expect(account.leavingDate == nil)
        #expect(account.deactivatedOn == nil && account.deletionDue == nil && account.reason == nil)
        #expect(account.content == 7)
        #expect(account.role == .learner)
        #expect(account.name == "MIS lee.learner")
        #expect(store.pendingList(visibleTo: .serviceDesk).isEmpty)
        // Active again: the old deletion date no longer applies.
        #expect(try store.sweep(on: "2028-07-10").changesNothing)
        #expect(store["lee.learner"]?.status == .active)
    }

    /// A deactivated member of staff is never reactivated automatically: it waits for the
    /// Service Desk with `pendingSchool` set.
    @Test func joinLeavesADeactivatedStaffMemberPending() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("sam.staff", role: .staff, school: "6612001")
        try store.leave("sam.staff", on: "2027-07-10")
        try store.sweep(on: "2027-07-10")
        let deactivated = try #require(store["sam.staff"])
        try store.moveClock(to: "2027-09-01")
        let outcome = try store.join("sam.staff", school: "6622001")
        let account = try #require(store["sam.staff"])
        #expect(outcome == .pending(account))
        #expect(account.status == .deactivated)
        #expect(account.pendingSchool == Fixtures.school("6622001"))
        #expect(account.school == Fixtures.school("6612001"))
        #expect(account.deactivatedOn == deactivated.deactivatedOn)
        #expect(account.deletionDue == deactivated.deletionDue)
        #expect(account.reason == .left)
        #expect(store.pendingList(visibleTo: .serviceDesk).map(\.id.value) == ["sam.staff"])
    }

    /// The feed stands for the system: it is not limited by the actor and is audited as
    /// the system.
    @Test func joinIsNotLimitedByTheActor() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.join("lee.learner", school: "6612001", name: "Lee", role: .learner, as: .laAdmin(662))
        #expect(store["lee.learner"]?.school == Fixtures.school("6612001"))
        try store.join("lee.learner", school: "6622001", as: .champion(Fixtures.school("6612002")))
        #expect(store["lee.learner"]?.school == Fixtures.school("6622001"))
        let entries = store.auditEntries("lee.learner")
        #expect(entries.count == 2)
        #expect(entries.allSatisfy { $0.actor == "system" && $0.rule == .r9 && $0.date == date("2027-07-01") })
    }

    // MARK: leave

    /// The leaving date D (default today, past or future) and what the sweep makes of it.
    @Test(arguments: [
        // leaving date (nil: today), first day the sweep deactivates, deletion due
        (nil as String?, "2027-07-01", "2028-07-01"),
        ("2027-07-01", "2027-07-01", "2028-07-01"),
        ("2027-06-15", "2027-07-01", "2028-06-15"),
        ("2027-08-31", "2027-08-31", "2028-08-31"),
        ("2027-09-01", "2027-09-01", "2028-09-01"),
        ("2028-02-29", "2028-02-29", "2029-02-28"),
        ("2026-07-02", "2027-07-01", "2027-07-02"),
    ])
    func leaveSetsTheDateTheSweepActsOn(_ on: String?, _ firstSweep: String, _ deletionDue: String) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("lee.learner", role: .learner)
        try store.leave("lee.learner", on: on)
        let leaving = date(on ?? "2027-07-01")
        #expect(store["lee.learner"]?.leavingDate == leaving)
        #expect(store["lee.learner"]?.status == .active)
        if let dayBefore = date(firstSweep).addingDays(-1), dayBefore >= store.today {
            #expect(try store.sweep(on: dayBefore.description).changesNothing)
        }
        let report = try store.sweep(on: firstSweep)
        #expect(report.ids(.left) == [Fixtures.id("lee.learner")])
        let account = try #require(store["lee.learner"])
        #expect(account.status == .deactivated)
        #expect(account.reason == .left)
        #expect(account.deactivatedOn == leaving)
        #expect(account.leavingDate == leaving)
        #expect(account.deletionDue == date(deletionDue))
    }

    /// A leaving date 12 months ago or more: deactivated and deleted in the same sweep.
    @Test(arguments: ["2026-07-01", "2026-06-30", "2020-01-01"])
    func leaveFarInThePastDeletesInTheSameSweep(_ on: String) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("lee.learner", role: .learner)
        try store.setContent("lee.learner", 3)
        try store.leave("lee.learner", on: on)
        let report = store.sweep(Fixtures.context)
        #expect(report.deactivated.map(\.id) == [Fixtures.id("lee.learner")])
        #expect(report.deactivated.first?.on == date(on))
        #expect(report.deactivated.first?.reason == .left)
        #expect(report.deleted.map(\.id) == [Fixtures.id("lee.learner")])
        #expect(report.deletedContent == 3)
        #expect(store["lee.learner"] == nil)
    }

    /// A second leave replaces the date; a join clears it.
    @Test func leaveAgainReplacesTheDate() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("sam.staff", role: .staff)
        try store.leave("sam.staff", on: "2027-12-31")
        try store.leave("sam.staff", on: "2027-08-31")
        #expect(store["sam.staff"]?.leavingDate == date("2027-08-31"))
        let report = try store.sweep(on: "2027-08-31")
        #expect(report.ids(.left) == [Fixtures.id("sam.staff")])
    }

    @Test func leaveRefusesANonMISAccount() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        expectRefusal(&store, rule: .r9, mentioning: ["non-MIS"]) { try $0.leave("jo.bloggs") }
        try store.close("jo.bloggs", .now)
        expectRefusal(&store, rule: .r9, mentioning: ["non-MIS"]) { try $0.leave("jo.bloggs", on: "2027-07-05") }
    }

    @Test(arguments: [Account.Role.learner, .staff])
    func leaveRefusesADeactivatedAccount(_ role: Account.Role) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("mis.person", role: role)
        try store.leave("mis.person")
        store.sweep(Fixtures.context)
        expectRefusal(&store, rule: .r9, mentioning: ["deactivated"]) { try $0.leave("mis.person", on: "2027-08-01") }
    }

    @Test func leaveRefusesAMissingAccount() {
        var store = Fixtures.store(today: "2027-07-01")
        expectNoAccount(&store, "nobody") { try $0.leave("nobody") }
    }

    @Test func leaveIsNotLimitedByTheActorAndIsAudited() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("lee.learner", role: .learner, school: "6612001")
        let before = store.audit.count
        try store.leave("lee.learner", on: "2027-07-20", as: .champion(Fixtures.school("6622001")))
        #expect(store["lee.learner"]?.leavingDate == date("2027-07-20"))
        #expect(store.audit.count == before + 1)
        let entry = try #require(store.auditEntries("lee.learner").last)
        #expect(entry.actor == "system")
        #expect(entry.rule == .r9)
        #expect(entry.date == date("2027-07-01"))
        #expect(entry.changes == [.init(field: .leavingDate, before: .null, after: .string("2027-07-20"))])
    }
}
