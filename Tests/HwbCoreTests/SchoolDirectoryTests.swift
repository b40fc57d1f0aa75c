import HwbCore
import HwbTestSupport
import Testing

/// R3: the school directory.
@Suite struct SchoolDirectoryTests {
    private func school(_ number: String, maintained: Bool = true, name: String = "Ysgol Newydd") -> School {
        School(number: Fixtures.school(number), name: name, maintained: maintained)
    }

    /// The 22 Welsh LAs are 660 to 681: both ends are accepted.
    @Test(arguments: ["6600001", "6700500", "6819999", "6612003"])
    func addsASchoolOfAWelshLA(_ number: String) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.addSchool(school(number), Fixtures.context)
        #expect(store.schools[Fixtures.school(number)] == school(number))
    }

    @Test func addsAnIndependentSchool() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.addSchool(school("6629001", maintained: false), Fixtures.context)
        #expect(store.schools[Fixtures.school("6629001")]?.maintained == false)
    }

    /// A number outside 660-681 is refused and the directory is unchanged.
    @Test(arguments: ["6590001", "6820001", "0000001", "9999999", "1234567"])
    func refusesANumberOutsideTheWelshLAs(_ number: String) {
        var store = Fixtures.store(today: "2027-07-01")
        expectRefusal(&store, rule: .r3, mentioning: ["660"]) { try $0.addSchool(school(number), Fixtures.context) }
    }

    /// A number is added once, maintained or not.
    @Test(arguments: [("6612001", true), ("6612001", false), ("6619001", false), ("6619001", true)])
    func refusesANumberAlreadyInTheDirectory(_ number: String, _ maintained: Bool) {
        var store = Fixtures.store(today: "2027-07-01")
        expectRefusal(&store, rule: .r3, mentioning: [number]) {
            try $0.addSchool(school(number, maintained: maintained, name: "Another"), Fixtures.context)
        }
    }

    /// R3 refuses only a non-Welsh LA and a repeated number, so an empty name is accepted.
    @Test func acceptsASchoolWithAnEmptyName() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.addSchool(school("6612009", name: ""), Fixtures.context)
        #expect(store.schools[Fixtures.school("6612009")]?.name == "")
    }

    /// Adding a school is a change, recorded in the audit log by the system.
    @Test func addingASchoolIsAudited() throws {
        var store = Fixtures.store(today: "2027-07-01")
        let before = store.audit.count
        try store.addSchool(school("6612003"), Fixtures.context(.laAdmin(661)))
        #expect(store.audit.count == before + 1)
        let entry = try #require(store.audit.all.last)
        #expect(entry.rule == .r3)
        #expect(entry.date == date("2027-07-01"))
        #expect(entry.actor == "system")
        #expect(entry.school == Fixtures.school("6612003"))
    }

    /// `import schools` is all or nothing (docs/language.md).
    @Test func importSchoolsAddsAllOrNothing() throws {
        var store = Fixtures.store(today: "2027-07-01")
        let good = [school("6632001"), school("6632002", maintained: false)]
        try store.importSchools(good, Fixtures.context)
        #expect(store.schools[Fixtures.school("6632001")]?.maintained == true)
        #expect(store.schools[Fixtures.school("6632002")]?.maintained == false)

        let before = StoreState(store)
        let mixed = [school("6642001"), school("6990001"), school("6642001"), school("6612001")]
        let refusal = #expect(throws: ImportRefusal.self) { try store.importSchools(mixed, Fixtures.context) }
        #expect(refusal?.problems.map(\.row) == [1, 2, 3])
        #expect(StoreState(store) == before)
        #expect(store.schools[Fixtures.school("6642001")] == nil)
    }

    /// Every account belongs to a maintained school in the directory: the feed and
    /// `create` both refuse an independent school as an account's home.
    @Test func noAccountLivesAtAnIndependentSchool() throws {
        var store = Fixtures.store(today: "2027-07-01")
        expectRefusal(&store, rule: .r5, mentioning: ["6619001"]) {
            try $0.createNonMIS("jo.bloggs", school: "6619001")
        }
        let outcome = try store.join("lee.learner", school: "6619001", name: "Lee", role: .learner)
        #expect(outcome == .ignoredNotMaintained(try #require(store.schools[Fixtures.school("6619001")])))
        #expect(store["lee.learner"] == nil)
    }
}
