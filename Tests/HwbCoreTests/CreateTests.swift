import HwbCore
import HwbTestSupport
import Testing

/// R5: creating a non-MIS account.
@Suite struct CreateTests {
    @Test func createsAnActiveNonMISAccount() throws {
        var store = Fixtures.store(today: "2027-07-01")
        let account = try store.createNonMIS("Jo.Bloggs", category: "governor", school: "6612002")
        #expect(store["jo.bloggs"] == account)
        #expect(account.id.value == "jo.bloggs")
        #expect(account.name == "Test Jo.Bloggs")
        #expect(account.kind == .nonMIS)
        #expect(account.status == .active)
        #expect(account.school == Fixtures.school("6612002"))
        #expect(account.category == .governor)
        #expect(account.created == date("2027-07-01"))
        #expect(account.lastActivity == date("2027-07-01"))
        #expect(account.content == 0)
        #expect(account.closeAtExpiry == false)
        #expect(account.expires == date("2027-08-31"))
        #expect(account.role == nil && account.leavingDate == nil && account.pendingSchool == nil)
        #expect(account.deactivatedOn == nil && account.deletionDue == nil && account.reason == nil)
    }

    /// Every category of R4 may be created (ITE with an end date).
    @Test(arguments: Account.Category.allCases)
    func createsEveryCategory(_ category: Account.Category) throws {
        var store = Fixtures.store(today: "2027-07-01")
        let account = try store.createNonMIS("a1", category: category.rawValue, expiry: .endOfYear)
        #expect(account.category == category)
    }

    /// Without a date or a period, `expires` = `endOfYear(today)`.
    @Test(arguments: [
        ("2027-07-01", "2027-08-31"),
        ("2027-08-31", "2027-08-31"),
        ("2027-09-01", "2028-08-31"),
        ("2028-02-29", "2028-08-31"),
    ])
    func expiresAtTheEndOfTheYearByDefault(_ today: String, _ expires: String) throws {
        var store = Fixtures.store(today: today)
        #expect(try store.createNonMIS("jo.bloggs").expires == date(expires))
    }

    /// `expires=DATE` from today to `endOfYear(today)`, both ends included.
    @Test(arguments: [
        ("2027-07-01", "2027-07-01"),
        ("2027-07-01", "2027-08-31"),
        ("2027-08-31", "2027-08-31"),
        ("2027-09-01", "2027-09-01"),
        ("2027-09-01", "2028-08-31"),
        ("2027-12-31", "2028-01-01"),
        ("2028-02-29", "2028-02-29"),
    ])
    func acceptsAnExpiryFromTodayToTheEndOfTheYear(_ today: String, _ expires: String) throws {
        var store = Fixtures.store(today: today)
        #expect(try store.createNonMIS("jo.bloggs", expiry: .date(date(expires))).expires == date(expires))
    }

    /// An expiry before today or after `endOfYear(today)` is refused.
    @Test(arguments: [
        ("2027-07-01", "2027-06-30"),
        ("2027-07-01", "2027-09-01"),
        ("2027-08-31", "2027-09-01"),
        ("2027-09-01", "2027-08-31"),
        ("2027-09-01", "2028-09-01"),
        ("2028-01-01", "2027-12-31"),
        ("2028-02-29", "2028-02-28"),
    ])
    func refusesAnExpiryOutsideTodayToTheEndOfTheYear(_ today: String, _ expires: String) {
        var store = Fixtures.store(today: today)
        expectRefusal(&store, rule: .r5, mentioning: [expires]) {
            try $0.createNonMIS("jo.bloggs", expiry: .date(date(expires)))
        }
        #expect(store["jo.bloggs"] == nil)
    }

    /// The portal's periods: `1m`, `3m`, `6m` (`addMonths(today, n)`) and `end-of-year`.
    @Test(arguments: [
        ("2027-09-01", ExpiryRequest.months(1), "2027-10-01"),
        ("2027-09-01", .months(3), "2027-12-01"),
        ("2027-09-01", .months(6), "2028-03-01"),
        ("2027-09-01", .endOfYear, "2028-08-31"),
        ("2027-08-31", .endOfYear, "2027-08-31"),
        ("2027-03-31", .months(1), "2027-04-30"),
        ("2027-11-30", .months(3), "2028-02-29"),
        ("2027-08-31", .months(0), "2027-08-31"),
        ("2028-02-29", .months(6), "2028-08-29"),
        ("2027-12-31", .months(6), "2028-06-30"),
        ("2027-05-31", .months(3), "2027-08-31"),
    ])
    func expiresAfterAPeriod(_ today: String, _ period: ExpiryRequest, _ expires: String) throws {
        var store = Fixtures.store(today: today)
        #expect(try store.createNonMIS("jo.bloggs", expiry: period).expires == date(expires))
    }

    /// A period that lands after `endOfYear(today)` is refused like a date would be.
    @Test(arguments: [
        ("2027-08-31", ExpiryRequest.months(1), "2027-09-30"),
        ("2027-06-01", .months(3), "2027-09-01"),
        ("2027-03-31", .months(6), "2027-09-30"),
        ("2028-03-01", .months(6), "2028-09-01"),
        ("2027-07-01", .months(3), "2027-10-01"),
    ])
    func refusesAPeriodLandingAfterTheEndOfTheYear(_ today: String, _ period: ExpiryRequest, _ landing: String) {
        var store = Fixtures.store(today: today)
        expectRefusal(&store, rule: .r5, mentioning: [landing]) { try $0.createNonMIS("jo.bloggs", expiry: period) }
    }

    @Test func refusesAnIdThatExists() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs", school: "6612002")
        try store.joinNew("lee.learner", role: .learner)
        expectRefusal(&store, rule: .r5, mentioning: ["jo.bloggs"]) { try $0.createNonMIS("jo.bloggs") }
        // Ids are compared in lower case.
        expectRefusal(&store, rule: .r5, mentioning: ["jo.bloggs"]) { try $0.createNonMIS("JO.Bloggs") }
        // The id of a deactivated account is still taken.
        try store.close("jo.bloggs", .now)
        expectRefusal(&store, rule: .r5, mentioning: ["jo.bloggs"]) { try $0.createNonMIS("jo.bloggs") }
        // So is an MIS account's.
        expectRefusal(&store, rule: .r5, mentioning: ["lee.learner"]) { try $0.createNonMIS("lee.learner") }
    }

    /// The id of a deleted account may be reused.
    @Test func reusesTheIdOfADeletedAccount() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.setContent("jo.bloggs", 5)
        try store.close("jo.bloggs", .now)
        try store.sweep(on: "2028-07-01")
        #expect(store["jo.bloggs"] == nil)
        let again = try store.createNonMIS("jo.bloggs", category: "governor")
        #expect(again.status == .active)
        #expect(again.content == 0)
        #expect(again.created == date("2028-07-01"))
        #expect(again.category == .governor)
    }

    @Test func refusesTheLearnerCategory() {
        var store = Fixtures.store(today: "2027-07-01")
        expectRefusal(&store, rule: .r5, mentioning: [
            "no learner may have a non-MIS account", "learners get their account from the school MIS",
        ]) { try $0.createNonMIS("lee.learner", category: "learner") }
    }

    @Test(arguments: ["teacher", "Learner", "pupil", "", "supply teacher", "ite", "staff", "mis"])
    func refusesAnUnknownCategory(_ category: String) {
        var store = Fixtures.store(today: "2027-07-01")
        expectRefusal(&store, rule: .r5) { try $0.createNonMIS("jo.bloggs", category: category) }
    }

    /// A school that is not in the directory, or not maintained.
    @Test(arguments: ["6612999", "6619001", "6810001"])
    func refusesASchoolThatIsNotAMaintainedSchoolInTheDirectory(_ school: String) {
        var store = Fixtures.store(today: "2027-07-01")
        expectRefusal(&store, rule: .r5, mentioning: [school]) { try $0.createNonMIS("jo.bloggs", school: school) }
    }

    /// A school outside the actor's scope (R11).
    @Test(arguments: [
        (Actor.laAdmin(661), "6622001"),
        (.laAdmin(662), "6612001"),
        (.champion(Fixtures.school("6612001")), "6612002"),
        (.champion(Fixtures.school("6622001")), "6612001"),
    ])
    func refusesASchoolOutsideTheActorsScope(_ actor: Actor, _ school: String) {
        var store = Fixtures.store(today: "2027-07-01")
        expectRefusal(&store, rule: .r11) { try $0.createNonMIS("jo.bloggs", school: school, as: actor) }
    }

    @Test(arguments: [
        (Actor.laAdmin(661), "6612001"),
        (.laAdmin(661), "6612002"),
        (.laAdmin(662), "6622001"),
        (.champion(Fixtures.school("6612002")), "6612002"),
    ])
    func createsInTheActorsScope(_ actor: Actor, _ school: String) throws {
        var store = Fixtures.store(today: "2027-07-01")
        let account = try store.createNonMIS("jo.bloggs", school: school, as: actor)
        #expect(account.school == Fixtures.school(school))
        #expect(store.auditEntries("jo.bloggs").last?.actor == actor.description)
    }

    /// An ITE placement must have an end date.
    @Test func refusesAnITEStudentWithoutAnEndDate() {
        var store = Fixtures.store(today: "2027-07-01")
        expectRefusal(&store, rule: .r5, mentioning: ["ITE"]) {
            try $0.createNonMIS("ite.student", category: "ite-student", expiry: nil)
        }
    }

    @Test(arguments: [
        (ExpiryRequest.date(date("2027-07-20")), "2027-07-20"),
        (.months(1), "2027-08-01"),
        (.endOfYear, "2027-08-31"),
    ])
    func createsAnITEStudentWithAnEndDate(_ expiry: ExpiryRequest, _ expires: String) throws {
        var store = Fixtures.store(today: "2027-07-01")
        let account = try store.createNonMIS("ite.student", category: "ite-student", expiry: expiry)
        #expect(account.expires == date(expires))
    }

    /// An ITE end date is still bound by R5.
    @Test func refusesAnITEStudentWhosePlacementEndsAfterTheYear() {
        var store = Fixtures.store(today: "2027-07-01")
        expectRefusal(&store, rule: .r5) {
            try $0.createNonMIS("ite.student", category: "ite-student", expiry: .months(6))
        }
    }

    /// R5 lists every refusal, and an empty name is not one (docs/decisions.md).
    @Test func acceptsAnEmptyName() throws {
        var store = Fixtures.store(today: "2027-07-01")
        let request = NewAccount(
            id: Fixtures.id("jo.bloggs"), name: "", category: "governor", school: Fixtures.school("6612001"), expiry: nil)
        let account = try store.create(request, Fixtures.context)
        #expect(account.name == "")
        #expect(store.accounts[Fixtures.id("jo.bloggs")] == account)
    }

    @Test func creatingIsAudited() throws {
        var store = Fixtures.store(today: "2027-07-01")
        let before = store.audit.count
        try store.createNonMIS("jo.bloggs", as: .laAdmin(661))
        #expect(store.audit.count == before + 1)
        let entry = try #require(store.auditEntries("jo.bloggs").last)
        #expect(entry.rule == .r5)
        #expect(entry.date == date("2027-07-01"))
        #expect(entry.actor == "la-admin 661")
        #expect(entry.account == Fixtures.id("jo.bloggs"))
        #expect(entry.changes.contains { $0.field == .expires && $0.after == .string("2027-08-31") })
    }
}
