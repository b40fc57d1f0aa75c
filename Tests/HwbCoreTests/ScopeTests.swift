import HwbCore
import HwbTestSupport
import Testing

/// R11: actors and scope.
@Suite struct ScopeTests {
    static let champion6612001 = Actor.champion(Fixtures.school("6612001"))
    static let champion6612002 = Actor.champion(Fixtures.school("6612002"))
    static let champion6622001 = Actor.champion(Fixtures.school("6622001"))

    /// One account of each kind at each maintained school.
    static func store() throws -> Store {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("a.nonmis", school: "6612001", expiry: .months(1))
        try store.joinNew("a.mis", role: .learner, school: "6612001")
        try store.createNonMIS("b.nonmis", school: "6612002")
        try store.joinNew("b.mis", role: .staff, school: "6612002")
        try store.createNonMIS("c.nonmis", school: "6622001", expiry: .months(1))
        try store.joinNew("c.mis", role: .learner, school: "6622001")
        return store
    }

    @Test(arguments: [
        (Actor.serviceDesk, ["a.mis", "a.nonmis", "b.mis", "b.nonmis", "c.mis", "c.nonmis"]),
        (.laAdmin(661), ["a.mis", "a.nonmis", "b.mis", "b.nonmis"]),
        (.laAdmin(662), ["c.mis", "c.nonmis"]),
        (.laAdmin(670), []),
        (champion6612001, ["a.mis", "a.nonmis"]),
        (champion6612002, ["b.mis", "b.nonmis"]),
        (champion6622001, ["c.mis", "c.nonmis"]),
    ])
    func listingsAndCountsCoverTheScopeAlone(_ actor: Actor, _ ids: [String]) throws {
        let store = try Self.store()
        #expect(store.accounts(visibleTo: actor).map(\.id.value) == ids)
        #expect(store.count(visibleTo: actor) == ids.count)
        let nonMIS = ids.filter { $0.hasSuffix("nonmis") }
        #expect(store.accounts(visibleTo: actor, matching: [.kind(.nonMIS)]).map(\.id.value) == nonMIS)
        #expect(store.count(visibleTo: actor, matching: [.kind(.nonMIS)]) == nonMIS.count)
        for id in ids { #expect(throws: Never.self) { try store.account(Fixtures.id(id), visibleTo: actor) } }
    }

    /// Asking for another school or LA by filter does not widen the scope.
    @Test func filtersDoNotWidenTheScope() throws {
        let store = try Self.store()
        let actor = Actor.laAdmin(661)
        #expect(store.accounts(visibleTo: actor, matching: [.school(Fixtures.school("6622001"))]).isEmpty)
        #expect(store.count(visibleTo: actor, matching: [.school(Fixtures.school("6622001"))]) == 0)
        #expect(store.accounts(visibleTo: actor, matching: [.la(662)]).isEmpty)
        #expect(store.count(visibleTo: actor, matching: [.la(662)]) == 0)
        let period = try #require(Period("8w"))
        #expect(store.accounts(visibleTo: actor, matching: [.expiring(period)]).map(\.id.value) == ["a.nonmis"])
        #expect(store.accounts(visibleTo: Self.champion6612002, matching: [.la(661)]).map(\.id.value) == ["b.mis", "b.nonmis"])
    }

    @Test(arguments: [
        (Actor.serviceDesk, ["6612001", "6612002", "6619001", "6622001"]),
        (.laAdmin(661), ["6612001", "6612002", "6619001"]),
        (.laAdmin(662), ["6622001"]),
        (champion6612002, ["6612002"]),
    ])
    func schoolsInScope(_ actor: Actor, _ numbers: [String]) {
        let store = Fixtures.store(today: "2027-07-01")
        #expect(store.schools(visibleTo: actor).map(\.number.description) == numbers)
    }

    /// An account outside the actor's scope is reported exactly like one that does not
    /// exist: `no account ID`, so its existence is not revealed.
    @Test(arguments: [
        (Actor.laAdmin(661), "c.nonmis"),
        (.laAdmin(661), "c.mis"),
        (.laAdmin(662), "a.nonmis"),
        (champion6612001, "b.nonmis"),
        (champion6612001, "b.mis"),
        (champion6622001, "a.mis"),
    ])
    func anAccountOutOfScopeLooksMissing(_ actor: Actor, _ id: String) throws {
        let store = try Self.store()
        let hidden = #expect(throws: RuleError.self) { try store.account(Fixtures.id(id), visibleTo: actor) }
        let missing = #expect(throws: RuleError.self) { try store.account(Fixtures.id("zz.\(id)"), visibleTo: actor) }
        #expect(hidden == RuleError.noAccount(Fixtures.id(id)))
        #expect(hidden?.message == "no account \(id)")
        #expect(hidden?.rule == missing?.rule)
        #expect(missing?.message == "no account zz.\(id)")
    }

    /// Keep, close and reactivate on an account out of scope: refused as missing, nothing
    /// changed.
    @Test(arguments: [Actor.laAdmin(662), champion6612002])
    func changesOutOfScopeAreRefusedAsMissing(_ actor: Actor) throws {
        var store = try Self.store()
        try store.createNonMIS("closed", school: "6612001")
        try store.close("closed", .now)
        expectNoAccount(&store, "a.nonmis") { try $0.keep("a.nonmis", .sixMonths, as: actor) }
        expectNoAccount(&store, "a.nonmis") { try $0.close("a.nonmis", .now, as: actor) }
        expectNoAccount(&store, "a.nonmis") { try $0.close("a.nonmis", .atExpiry, as: actor) }
        expectNoAccount(&store, "closed") { try $0.reactivate("closed", as: actor) }
        expectNoAccount(&store, "closed") { try $0.reactivate("closed", until: "2027-08-01", as: actor) }
        // Even the refusal that would name the problem (an MIS account) is not revealed.
        expectNoAccount(&store, "a.mis") { try $0.keep("a.mis", .sixMonths, as: actor) }
        expectNoAccount(&store, "a.mis") { try $0.close("a.mis", .now, as: actor) }
        expectNoAccount(&store, "a.mis") { try $0.reactivate("a.mis", as: actor) }
    }

    /// Login: an LA code from 660 to 681, or a maintained school in the directory.
    @Test(arguments: [Actor.serviceDesk, .laAdmin(660), .laAdmin(661), .laAdmin(681), champion6612001, champion6622001])
    func loginAcceptsAValidActor(_ actor: Actor) {
        let store = Fixtures.store(today: "2027-07-01")
        #expect(throws: Never.self) { try store.checkLogin(actor) }
    }

    @Test(arguments: [
        Actor.laAdmin(659), .laAdmin(682), .laAdmin(0), .laAdmin(999),
        .champion(Fixtures.school("6619001")),
        .champion(Fixtures.school("6612999")),
        .champion(Fixtures.school("6590001")),
    ])
    func loginRefusesAnInvalidActor(_ actor: Actor) {
        let store = Fixtures.store(today: "2027-07-01")
        let error = #expect(throws: RuleError.self) { try store.checkLogin(actor) }
        #expect(error?.rule == .r11)
    }

    /// The feed events, the sweep and the clock stand for the system: not limited by the
    /// actor, and audited as `system`.
    @Test func simulationControlsAreNotLimitedByTheActor() throws {
        var store = try Self.store()
        let actor = Actor.champion(Fixtures.school("6622001"))
        try store.signIn("a.nonmis", as: actor)
        try store.setContent("a.nonmis", 5, as: actor)
        try store.leave("a.mis", on: "2027-07-01", as: actor)
        try store.join("b.mis", school: "6612001", as: actor)
        try store.join("d.mis", school: "6612002", name: "D", role: .learner, as: actor)
        #expect(store["a.nonmis"]?.content == 5)
        #expect(store["b.mis"]?.school == Fixtures.school("6612001"))
        #expect(store["d.mis"] != nil)
        store.sweep(Fixtures.context(actor))
        #expect(store["a.mis"]?.status == .deactivated)
        for id in ["a.nonmis", "a.mis", "b.mis", "d.mis"] {
            #expect(store.auditEntries(id).last?.actor == "system", "\(id)")
        }
    }

    /// Commands an actor performs are audited under that actor.
    @Test(arguments: [Actor.serviceDesk, .laAdmin(661), champion6612001])
    func actorsAreNamedInTheAuditLog(_ actor: Actor) throws {
        var store = try Self.store()
        try store.createNonMIS("new", school: "6612001", as: actor)
        #expect(store.auditEntries("new").last?.actor == actor.description)
        try store.keep("new", .oneMonth, as: actor)
        #expect(store.auditEntries("new").last?.actor == actor.description)
        try store.close("new", .now, as: actor)
        #expect(store.auditEntries("new").last?.actor == actor.description)
        try store.reactivate("new", as: actor)
        #expect(store.auditEntries("new").last?.actor == actor.description)
    }
}
