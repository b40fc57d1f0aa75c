import HwbCore
import HwbTestSupport
import Testing

/// R13: sign-ins and the `content` feed event.
@Suite struct SignInTests {
    /// `lastActivity` = max(`lastActivity`, D), D defaulting to today.
    @Test(arguments: [
        // sign-ins in order (nil: today), lastActivity after them; today is 2027-08-01,
        // the account was created on 2027-07-01
        ([nil] as [String?], "2027-08-01"),
        (["2027-07-01"], "2027-07-01"),
        (["2027-07-20"], "2027-07-20"),
        (["2027-07-20", "2027-07-10"], "2027-07-20"),
        (["2027-07-10", "2027-07-20"], "2027-07-20"),
        ([nil, "2027-07-02"], "2027-08-01"),
    ])
    func recordsTheLatestSignIn(_ signIns: [String?], _ lastActivity: String) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.moveClock(to: "2027-08-01")
        for day in signIns { try store.signIn("jo.bloggs", on: day) }
        #expect(store["jo.bloggs"]?.lastActivity == date(lastActivity))
    }

    /// MIS sign-ins are recorded the same way.
    @Test func recordsMISSignIns() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("lee.learner", role: .learner)
        try store.moveClock(to: "2027-08-01")
        try store.signIn("lee.learner", on: "2027-07-15")
        #expect(store["lee.learner"]?.lastActivity == date("2027-07-15"))
    }

    /// A sign-in pushes the inactivity deadline back.
    @Test func aSignInKeepsAnAccountActive() throws {
        var store = Fixtures.store(today: "2027-09-01")
        try store.createNonMIS("jo.bloggs")
        try store.moveClock(to: "2027-11-30")
        try store.signIn("jo.bloggs")
        #expect(try store.sweep(on: "2028-02-28").changesNothing)
        #expect(try store.sweep(on: "2028-02-29").ids(.inactive) == [Fixtures.id("jo.bloggs")])
    }

    @Test func refusesASignInOnADeactivatedAccount() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.close("jo.bloggs", .now)
        try store.joinNew("lee.learner", role: .learner)
        try store.leave("lee.learner")
        store.sweep(Fixtures.context)
        expectRefusal(&store, rule: .r13, mentioning: ["account deactivated"]) { try $0.signIn("jo.bloggs") }
        expectRefusal(&store, rule: .r13, mentioning: ["account deactivated"]) { try $0.signIn("lee.learner") }
    }

    @Test(arguments: ["2027-08-02", "2028-01-01"])
    func refusesASignInAfterToday(_ day: String) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.moveClock(to: "2027-08-01")
        expectRefusal(&store, rule: .r13, mentioning: [day]) { try $0.signIn("jo.bloggs", on: day) }
    }

    @Test(arguments: ["2027-06-30", "2020-01-01"])
    func refusesASignInBeforeTheAccountWasCreated(_ day: String) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.joinNew("lee.learner", role: .learner)
        expectRefusal(&store, rule: .r13, mentioning: [day]) { try $0.signIn("jo.bloggs", on: day) }
        expectRefusal(&store, rule: .r13, mentioning: [day]) { try $0.signIn("lee.learner", on: day) }
    }

    @Test func refusesASignInForAMissingAccount() {
        var store = Fixtures.store(today: "2027-07-01")
        expectNoAccount(&store, "nobody") { try $0.signIn("nobody") }
    }

    @Test func aSignInIsAuditedAsTheSystem() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.moveClock(to: "2027-07-10")
        let before = store.audit.count
        try store.signIn("jo.bloggs", as: .laAdmin(662))
        #expect(store.audit.count == before + 1)
        let entry = try #require(store.auditEntries("jo.bloggs").last)
        #expect(entry.actor == "system")
        #expect(entry.rule == .r13)
        #expect(entry.date == date("2027-07-10"))
        #expect(entry.changes == [.init(field: .lastActivity, before: .string("2027-07-01"), after: .string("2027-07-10"))])
    }

    // MARK: content

    /// `content` sets the number of stored items of any account, active or deactivated.
    @Test(arguments: [0, 1, 250, 999_999_999_999])
    func setsTheContentOfAnyAccount(_ count: Int) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("active")
        try store.createNonMIS("closed")
        try store.close("closed", .now)
        try store.joinNew("left", role: .staff)
        try store.leave("left")
        store.sweep(Fixtures.context)
        for id in ["active", "closed", "left"] {
            try store.setContent(id, count, as: .champion(Fixtures.school("6622001")))
            #expect(store[id]?.content == count)
        }
        #expect(store["closed"]?.status == .deactivated)
    }

    @Test func refusesANegativeContentCount() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        let error = expectRefusal(&store, ruleIn: [.r4, .r13, nil]) { try $0.setContent("jo.bloggs", -1) }
        #expect(error?.message.contains("-1") == true)
    }

    @Test func refusesContentForAMissingAccount() {
        var store = Fixtures.store(today: "2027-07-01")
        expectNoAccount(&store, "nobody") { try $0.setContent("nobody", 3) }
    }
}
