import HwbCore
import HwbTestSupport
import Testing

/// The audit log: every change appends an entry with its date, actor and rule; a deletion
/// leaves only the id, the date and the number of content items (R10.4).
@Suite struct AuditTests {
    /// On 2027-07-05: jo (active non-MIS), closed (closed on 2027-07-01), lee (active
    /// learner), sam (staff who left on 2027-07-01).
    static func store() throws -> Store {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo")
        try store.createNonMIS("closed")
        try store.close("closed", .now)
        try store.joinNew("lee", role: .learner)
        try store.joinNew("sam", role: .staff)
        try store.leave("sam")
        store.sweep(Fixtures.context)
        try store.moveClock(to: "2027-07-05")
        return store
    }

    static let laAdmin = Actor.laAdmin(661)

    /// Each change, by an LA admin where the actor matters: the account concerned, the
    /// rule(s) docs/rules.md ties it to, and who the log names (the feed is the system).
    @Test(arguments: [
        ("create", "new", [Rule.r5], "la-admin 661"),
        ("keep", "jo", [.r7], "la-admin 661"),
        ("close now", "jo", [.r8], "la-admin 661"),
        ("close at-expiry", "jo", [.r8], "la-admin 661"),
        ("reactivate", "closed", [.r12], "la-admin 661"),
        ("reactivate MIS", "sam", [.r12], "service-desk"),
        ("join new", "kim", [.r9], "system"),
        ("join move", "lee", [.r9], "system"),
        ("join pending", "sam", [.r9], "system"),
        ("leave", "lee", [.r9], "system"),
        ("signin", "jo", [.r13], "system"),
        ("content", "jo", [.r13, .r4, .r10], "system"),
    ])
    func everyChangeAppendsOneEntry(_ command: String, _ id: String, _ rules: [Rule], _ actor: String) throws {
        var store = try Self.store()
        let before = store.audit.all
        switch command {
        case "create": try store.createNonMIS("new", as: Self.laAdmin)
        case "keep": try store.keep("jo", .sixMonths, as: Self.laAdmin)
        case "close now": try store.close("jo", .now, as: Self.laAdmin)
        case "close at-expiry": try store.close("jo", .atExpiry, as: Self.laAdmin)
        case "reactivate": try store.reactivate("closed", as: Self.laAdmin)
        case "reactivate MIS": try store.reactivate("sam")
        case "join new": try store.join("kim", school: "6612002", name: "Kim", role: .learner, as: Self.laAdmin)
        case "join move": try store.join("lee", school: "6622001", as: Self.laAdmin)
        case "join pending": try store.join("sam", school: "6622001", as: Self.laAdmin)
        case "leave": try store.leave("lee", on: "2027-08-01", as: Self.laAdmin)
        case "signin": try store.signIn("jo", as: Self.laAdmin)
        case "content": try store.setContent("jo", 4, as: Self.laAdmin)
        default: Issue.record("unknown command \(command)")
        }
        let after = store.audit.all
        #expect(after.count == before.count + 1)
        #expect(store.audit.count == after.count)
        #expect(Array(after.prefix(before.count)) == before, "earlier entries are kept in order")
        let entry = try #require(after.last)
        #expect(entry.account == Fixtures.id(id))
        #expect(entry.date == date("2027-07-05"))
        #expect(entry.actor == actor)
        #expect(rules.contains(entry.rule), "\(command) audited under \(entry.rule)")
        #expect(!entry.changes.isEmpty)
        #expect(store.audit.entries(for: Fixtures.id(id)).last == entry)
    }

    /// A feed event that changes nothing adds nothing (docs/decisions.md: an older sign-in
    /// is accepted and changes nothing).
    @Test func eventsThatChangeNothingAreNotLogged() throws {
        var store = try Self.store()
        try store.signIn("jo")
        try store.setContent("jo", 2)
        let before = store.audit.count
        try store.signIn("jo", on: "2027-07-02")
        try store.signIn("jo")
        try store.setContent("jo", 2)
        try store.join("lee", school: "6619001")
        #expect(store.audit.count == before)
    }

    /// The log follows a change of school: entries stay under the account's id.
    @Test func anAccountsHistoryIsKeptInOrder() throws {
        var store = try Self.store()
        try store.join("lee", school: "6622001")
        try store.moveClock(to: "2027-07-06")
        try store.leave("lee", on: "2027-07-06")
        store.sweep(Fixtures.context)
        let entries = store.auditEntries("lee")
        #expect(entries.map(\.rule) == [.r9, .r9, .r9, .r10])
        #expect(entries.map(\.date) == [date("2027-07-01"), date("2027-07-05"), date("2027-07-06"), date("2027-07-06")])
    }

    /// R10.4: once deleted, only the id, the date and the content count remain, for every
    /// account deleted, MIS or not; other accounts keep their history.
    @Test func deletionsLeaveOnlyTheirSummary() throws {
        var store = try Self.store()
        try store.setContent("closed", 11)
        try store.setContent("sam", 0)
        let joHistory = store.auditEntries("jo")
        let leeHistory = store.auditEntries("lee")
        try store.keep("jo", .endOfNextYear)
        try store.signIn("lee")
        let report = try store.sweep(on: "2028-07-01")
        #expect(report.deleted.map(\.id.value) == ["closed", "sam"])
        for (id, content) in [("closed", 11), ("sam", 0)] {
            #expect(store[id] == nil)
            let entries = store.auditEntries(id)
            #expect(entries.count == 1, "\(id)")
            let entry = try #require(entries.first)
            #expect(entry.date == date("2028-07-01"))
            #expect(entry.account == Fixtures.id(id))
            #expect(entry.changes.allSatisfy { $0.field == .content })
            #expect(entry.changes.first?.before == .number(content) && entry.action == .deleted(content: content))
            #expect(store.audit.all.filter { $0.account == Fixtures.id(id) } == [entry])
        }
        #expect(store.auditEntries("jo").starts(with: joHistory))
        #expect(store.auditEntries("lee").starts(with: leeHistory))
        #expect(store.audit.count == store.audit.all.count)
    }

    /// A deletion in the same sweep as the deactivation also leaves only the summary.
    @Test func aDeactivatedAndDeletedAccountLeavesOnlyItsSummary() throws {
        var store = try Self.store()
        try store.joinNew("old", role: .learner)
        try store.setContent("old", 5)
        try store.leave("old", on: "2026-07-05")
        store.sweep(Fixtures.context)
        #expect(store["old"] == nil)
        let entries = store.auditEntries("old")
        #expect(entries.count == 1)
        #expect(entries.first?.date == date("2027-07-05"))
        #expect(entries.first?.changes.allSatisfy { $0.field == .content } == true)
    }
}
