import HwbCore
import HwbTestSupport
import Testing

/// `import accounts` (docs/language.md): rows are added as they are, after every one is checked
/// against R4 and R14.1-3; if any row is wrong, nothing is imported.
@Suite struct ImportTests {
    static let today = "2027-07-01"

    static func nonMIS(
        _ id: String, school: String = "6612001", status: Account.Status = .active, created: String = "2027-06-01",
        expires: String? = "2027-08-31", category: Account.Category? = .governor, closeAtExpiry: Bool? = false,
        deactivatedOn: String? = nil, deletionDue: String? = nil, reason: Account.Reason? = nil
    ) -> Account.Fields {
        Account.Fields(
            id: Fixtures.id(id), name: "Name \(id)", kind: .nonMIS, school: Fixtures.school(school), status: status,
            created: date(created), category: category, expires: expires.map(date), closeAtExpiry: closeAtExpiry,
            deactivatedOn: deactivatedOn.map(date), deletionDue: deletionDue.map(date), reason: reason)
    }

    static func mis(
        _ id: String, role: Account.Role? = .learner, school: String = "6612001", status: Account.Status = .active,
        leavingDate: String? = nil, pendingSchool: String? = nil,
        deactivatedOn: String? = nil, deletionDue: String? = nil, reason: Account.Reason? = nil
    ) -> Account.Fields {
        Account.Fields(
            id: Fixtures.id(id), name: "Name \(id)", kind: .mis, school: Fixtures.school(school), status: status,
            created: date("2027-01-10"), role: role, leavingDate: leavingDate.map(date),
            pendingSchool: pendingSchool.map(Fixtures.school),
            deactivatedOn: deactivatedOn.map(date), deletionDue: deletionDue.map(date), reason: reason)
    }

    static let goodRows: [Account.Fields] = [
        nonMIS("active.nonmis"),
        nonMIS("closing", closeAtExpiry: true),
        nonMIS("expired", status: .deactivated, expires: "2027-05-31",
               deactivatedOn: "2027-06-01", deletionDue: "2028-06-01", reason: .expired),
        nonMIS("leap", status: .deactivated, created: "2027-01-01", expires: "2027-02-27",
               deactivatedOn: "2027-02-28", deletionDue: "2028-02-28", reason: .expired),
        mis("active.mis", leavingDate: "2027-09-01"),
        mis("left.staff", role: .staff, status: .deactivated, leavingDate: "2027-03-01", pendingSchool: "6622001",
            deactivatedOn: "2027-03-01", deletionDue: "2028-03-01", reason: .left),
    ]

    @Test func importsValidRowsAsTheyAre() throws {
        var store = Fixtures.store(today: Self.today)
        let before = store.audit.count
        try store.importAccounts(Self.goodRows, from: "accounts.csv", Fixtures.context(.laAdmin(662)))
        for (index, row) in Self.goodRows.enumerated() {
            #expect(store.accounts[row.id].map(Account.Fields.init) == row)
            // Each account's history starts with its row of the file.
            let history = store.history(of: row.id)
            #expect(history.map(\.action) == [.importedRow(file: "accounts.csv", row: index + 1)])
            #expect(history.first?.actor == "system")
            #expect(history.first?.date == date(Self.today))
            #expect(history.first?.account == row.id)
        }
        // The log holds one entry for the whole file.
        #expect(store.audit.count == before + 1)
        #expect(store.audit.all.last?.action.description == "imported \(Self.goodRows.count) accounts from accounts.csv")
        #expect(store.pendingList(visibleTo: .serviceDesk).map(\.id.value) == ["left.staff"])
        #expect(store.expiringIDs() == [])
    }

    /// Imported accounts follow the rules like any other.
    @Test func importedAccountsAreSweptLikeAnyOther() throws {
        var store = Fixtures.store(today: Self.today)
        try store.importAccounts(Self.goodRows, Fixtures.context)
        let report = try store.sweep(on: "2028-03-01")
        #expect(report.deleted.map(\.id.value) == ["leap", "left.staff"])
        #expect(report.ids(.left).map(\.value) == ["active.mis"])
        #expect(store["active.mis"]?.deactivatedOn == date("2027-09-01"))
        // Created (and last active) 2027-06-01, expires 2027-08-31: idle from 2027-08-31,
        // a day before it would have expired.
        #expect(store["active.nonmis"]?.reason == .inactive)
        #expect(store["active.nonmis"]?.deactivatedOn == date("2027-08-31"))
    }

    /// Each bad row, placed between two good ones: the import is refused, the bad row is
    /// reported by its position, and nothing is imported.
    @Test(arguments: [
        ("school not in the directory", nonMIS("bad", school: "6612999")),
        ("independent school", nonMIS("bad", school: "6619001")),
        ("non-MIS without expires", nonMIS("bad", expires: nil)),
        ("non-MIS without category", nonMIS("bad", category: nil)),
        ("non-MIS without closeAtExpiry", nonMIS("bad", closeAtExpiry: nil)),
        ("MIS without role", mis("bad", role: nil)),
        ("active with deactivation fields", nonMIS("bad", deactivatedOn: "2027-06-01", deletionDue: "2028-06-01", reason: .closed)),
        ("deactivated without reason", nonMIS("bad", status: .deactivated, deactivatedOn: "2027-06-01", deletionDue: "2028-06-01")),
        ("deactivated without deletionDue", nonMIS("bad", status: .deactivated, deactivatedOn: "2027-06-01", reason: .closed)),
        ("deletionDue not 12 months after", nonMIS("bad", status: .deactivated, deactivatedOn: "2027-06-01", deletionDue: "2028-05-31", reason: .closed)),
        ("deletionDue a day late after 29 February", nonMIS("bad", status: .deactivated, created: "2024-01-01", expires: "2024-02-28", deactivatedOn: "2024-02-29", deletionDue: "2025-03-01", reason: .expired)),
        ("MIS deactivated as expired", mis("bad", status: .deactivated, leavingDate: "2027-06-01", deactivatedOn: "2027-06-01", deletionDue: "2028-06-01", reason: .expired)),
        ("MIS deactivated before its leaving date", mis("bad", status: .deactivated, leavingDate: "2027-06-01", deactivatedOn: "2027-05-01", deletionDue: "2028-05-01", reason: .left)),
        ("pending school on a learner", mis("bad", status: .deactivated, leavingDate: "2027-06-01", pendingSchool: "6612002", deactivatedOn: "2027-06-01", deletionDue: "2028-06-01", reason: .left)),
        ("pending school on active staff", mis("bad", role: .staff, pendingSchool: "6612002")),
        ("pending school independent", mis("bad", role: .staff, status: .deactivated, leavingDate: "2027-06-01", pendingSchool: "6619001", deactivatedOn: "2027-06-01", deletionDue: "2028-06-01", reason: .left)),
        ("id already in the store", nonMIS("existing")),
    ])
    func refusesABadRowAndImportsNothing(_ problem: String, _ bad: Account.Fields) throws {
        var store = Fixtures.store(today: Self.today)
        try store.createNonMIS("existing")
        let before = StoreState(store)
        let rows = [Self.nonMIS("good.one"), bad, Self.mis("good.two")]
        let refusal = #expect(throws: ImportRefusal.self, "\(problem)") { try store.importAccounts(rows, Fixtures.context) }
        #expect(refusal?.problems.map(\.row) == [1], "\(problem)")
        #expect(refusal?.problems.first?.problems.isEmpty == false)
        #expect(StoreState(store) == before, "\(problem): a refused import changed the store")
    }

    /// Other record-level problems the core type can express.
    /// R4 and R14.2: negative content, activity before creation and fields of the other
    /// kind are refused; an empty name is not (docs/rules.md does not refuse it).
    @Test func refusesNegativeContentActivityBeforeCreationAndFieldsOfTheOtherKind() throws {
        var store = Fixtures.store(today: Self.today)
        var negative = Self.nonMIS("negative")
        negative.content = -1
        var nameless = Self.nonMIS("nameless")
        nameless.name = ""
        var early = Self.nonMIS("early")
        early.lastActivity = date("2027-05-31")
        var nonMISWithRole = Self.nonMIS("with.role")
        nonMISWithRole.role = .staff
        var misWithExpiry = Self.mis("with.expiry")
        misWithExpiry.expires = date("2027-08-31")
        let before = StoreState(store)
        let rows = [Self.nonMIS("good"), negative, nameless, early, nonMISWithRole, misWithExpiry]
        let refusal = #expect(throws: ImportRefusal.self) { try store.importAccounts(rows, Fixtures.context) }
        #expect(refusal?.problems.map(\.row) == [1, 3, 4, 5])
        #expect(StoreState(store) == before)
    }

    /// A repeated id within the rows: the later row is the bad one.
    @Test func refusesAnIDRepeatedInTheRows() {
        var store = Fixtures.store(today: Self.today)
        let rows = [Self.nonMIS("twice"), Self.mis("other"), Self.mis("TWICE")]
        let before = StoreState(store)
        let refusal = #expect(throws: ImportRefusal.self) { try store.importAccounts(rows, Fixtures.context) }
        #expect(refusal?.problems.map(\.row) == [2])
        #expect(StoreState(store) == before)
    }

    /// Every bad row is listed, not just the first.
    @Test func listsEveryBadRow() {
        var store = Fixtures.store(today: Self.today)
        let rows = [Self.nonMIS("a", expires: nil), Self.nonMIS("b"), Self.mis("c", role: nil), Self.nonMIS("d", school: "6619001")]
        let refusal = #expect(throws: ImportRefusal.self) { try store.importAccounts(rows, Fixtures.context) }
        #expect(refusal?.problems.map(\.row) == [0, 2, 3])
    }
}
