import HwbCore
import HwbTestSupport
import Testing

/// R4, R14.3: the typed `Account` holds only what a sound account can, `Account.Fields`
/// holds anything the interchange formats can say, and `Account(_:)` lets through exactly
/// the fields `Store.problems(with:)` finds nothing wrong with, but for the directory.
@Suite struct AccountShapeTests {
    static let store = Fixtures.store(today: "2027-07-01")

    static func nonMIS(
        status: Account.Status = .active, category: Account.Category? = .governor, expires: String? = "2027-08-31",
        closeAtExpiry: Bool? = false, role: Account.Role? = nil,
        deactivatedOn: String? = nil, deletionDue: String? = nil, reason: Account.Reason? = nil
    ) -> Account.Fields {
        Account.Fields(
            id: Fixtures.id("jo"), name: "Jo", kind: .nonMIS, school: Fixtures.school("6612001"), status: status,
            created: date("2027-01-10"), role: role, category: category, expires: expires.map(date),
            closeAtExpiry: closeAtExpiry, deactivatedOn: deactivatedOn.map(date), deletionDue: deletionDue.map(date),
            reason: reason)
    }

    static func mis(
        role: Account.Role? = .staff, school: String = "6612001", status: Account.Status = .active,
        leavingDate: String? = nil, pendingSchool: String? = nil, expires: String? = nil,
        deactivatedOn: String? = nil, deletionDue: String? = nil, reason: Account.Reason? = nil
    ) -> Account.Fields {
        Account.Fields(
            id: Fixtures.id("lee"), name: "Lee", kind: .mis, school: Fixtures.school(school), status: status,
            created: date("2027-01-10"), role: role, leavingDate: leavingDate.map(date),
            pendingSchool: pendingSchool.map(Fixtures.school), expires: expires.map(date),
            deactivatedOn: deactivatedOn.map(date), deletionDue: deletionDue.map(date), reason: reason)
    }

    /// A bad combination of fields has no typed view; `Account(_:)` refuses it with the
    /// store's own words.
    @Test(arguments: [
        (nonMIS(expires: nil), ["a non-MIS account needs expires (R14.2)"]),
        (nonMIS(category: nil, closeAtExpiry: nil),
         ["a non-MIS account needs a category (R14.2)", "a non-MIS account needs closeAtExpiry, true or false (R4)"]),
        (nonMIS(role: .staff), ["a non-MIS account has no role, leavingDate or pendingSchool (R4)"]),
        (mis(role: nil), ["an MIS account needs a role, learner or staff (R4)"]),
        (mis(expires: "2027-08-31"), ["an MIS account has no category, expires or closeAtExpiry (R4)"]),
        (nonMIS(reason: .closed), ["an active account has no deactivatedOn, deletionDue or reason (R14.3)"]),
        (nonMIS(status: .deactivated, deactivatedOn: "2027-06-01", reason: .closed),
         ["a deactivated account needs deactivatedOn, deletionDue and reason (R14.3)"]),
        (nonMIS(status: .deactivated, deactivatedOn: "2027-06-01", deletionDue: "2028-05-31", reason: .closed),
         ["deletionDue must be 12 months after deactivatedOn, 2028-06-01 (R14.3)"]),
        (mis(status: .deactivated, leavingDate: "2027-06-01", deactivatedOn: "2027-06-01", deletionDue: "2028-06-01", reason: .closed),
         ["a deactivated MIS account has reason left (R10)"]),
        (mis(status: .deactivated, leavingDate: "2027-06-01", deactivatedOn: "2027-05-01", deletionDue: "2028-05-01", reason: .left),
         ["a deactivated MIS account has deactivatedOn = leavingDate (R14.3)"]),
        (mis(pendingSchool: "6612002"), ["only deactivated staff can have a pendingSchool (R9)"]),
    ])
    func aBadCombinationIsRefusedWithTheStoresMessage(_ fields: Account.Fields, _ expected: [String]) {
        #expect(fields.problems == expected)
        #expect(Self.store.problems(with: fields) == expected)
        #expect(throws: Account.ShapeError(problems: expected)) { try Account(fields) }
    }

    /// The store adds the directory's checks in their places: the school first, a pending
    /// school right after the pending school's own check, the status last.
    @Test func theDirectoryChecksKeepTheirPlaces() {
        let fields = Self.mis(role: .learner, school: "6612999", pendingSchool: "6619001", reason: .left)
        #expect(Self.store.problems(with: fields) == [
            "school 6612999 is not in the directory (R14.1)",
            "only deactivated staff can have a pendingSchool (R9)",
            "pendingSchool 6619001 is not a maintained school in the directory (R9)",
            "an active account has no deactivatedOn, deletionDue or reason (R14.3)",
        ])
        #expect(throws: Account.ShapeError(problems: [
            "only deactivated staff can have a pendingSchool (R9)",
            "an active account has no deactivatedOn, deletionDue or reason (R14.3)",
        ])) { try Account(fields) }
    }

    /// The directory is the store's to check: fields sound in shape at a school it does not
    /// hold still have a typed view.
    @Test func aSchoolOutsideTheDirectoryIsTheStoresToRefuse() throws {
        let fields = Self.mis(school: "6612999")
        #expect(Self.store.problems(with: fields) == ["school 6612999 is not in the directory (R14.1)"])
        #expect(try Account(fields).school == Fixtures.school("6612999"))
    }

    /// Every shape an account can have goes to fields and back unchanged.
    @Test(arguments: Fixtures.accountsOfEveryShape)
    func everyShapeRoundTripsThroughItsFields(_ account: Account) throws {
        let fields = Account.Fields(account)
        #expect(fields.problems == [])
        #expect(Self.store.problems(with: fields) == [])
        #expect(try Account(fields) == account)
    }

    /// The interchange formats show the lifecycle and the state as the optional fields
    /// of docs/language.md's JSON: those of the other kind are null, and deletionDue follows
    /// from the day of deactivation.
    @Test func theInterchangeFieldsShowTheLifecycleAndTheState() throws {
        let closed = Account(
            id: try #require(AccountID("jo.supply")), name: "Jo", school: Fixtures.school("6612001"),
            created: try #require(CalendarDate("2026-09-01")),
            lifecycle: .nonMIS(.init(category: .supplyTeacher, expires: try #require(CalendarDate("2027-08-31")), closeAtExpiry: true)),
            state: .deactivated(on: try #require(CalendarDate("2027-02-28")), reason: .closed))
        #expect(closed[.kind] == .string("non-mis"))
        #expect(closed[.status] == .string("deactivated"))
        #expect(closed[.category] == .string("supply-teacher"))
        #expect(closed[.expires] == .string("2027-08-31"))
        #expect(closed[.closeAtExpiry] == .bool(true))
        #expect(closed[.role] == .null)
        #expect(closed[.leavingDate] == .null)
        #expect(closed[.pendingSchool] == .null)
        #expect(closed[.deactivatedOn] == .string("2027-02-28"))
        #expect(closed[.deletionDue] == .string("2028-02-28"))
        #expect(closed[.reason] == .string("closed"))
    }

    @Test func everyShapeIsThere() {
        let shapes = Fixtures.accountsOfEveryShape
        #expect(Set(shapes.map { "\($0.kind) \($0.status)" }).count == 4)
        #expect(shapes.contains { $0.pendingSchool != nil })
        #expect(shapes.contains { $0.closeAtExpiry == true && $0.reason == .closed })
        #expect(Set(shapes.compactMap(\.category)).count == Account.Category.allCases.count)
    }

    /// R14.3: `deletionDue` is not stored but follows from the day of deactivation,
    /// clamped at the end of February and at the end of the calendar.
    @Test(arguments: [
        ("2027-06-01", "2028-06-01"), ("2028-02-29", "2029-02-28"), ("9999-01-15", "9999-12-31"),
    ])
    func deletionDueIsDerived(_ on: String, _ due: String) {
        var account = Fixtures.accountsOfEveryShape[0]
        #expect(account.deletionDue == nil)
        account.state = .deactivated(on: date(on), reason: .left)
        #expect(account.deletionDue == date(due))
        #expect(account[.deletionDue] == .string(due))
        #expect(Account.Fields(account).deletionDue == date(due))
        account.state = .active
        #expect(account.deletionDue == nil)
        #expect(account[.deletionDue] == .null)
    }

    /// The audit log's before and after of a deactivation show the derived `deletionDue`.
    @Test func aDeactivationChangesTheDerivedDeletionDue() throws {
        let before = try #require(Fixtures.accountsOfEveryShape.first { $0.kind == .nonMIS && $0.isActive })
        var after = before
        after.state = .deactivated(on: date("2027-07-01"), reason: .closed)
        let changes = Account.changes(from: before, to: after)
        #expect(changes.map(\.field) == [.status, .deactivatedOn, .deletionDue, .reason])
        #expect(changes.first { $0.field == .deletionDue }?.after == .string("2028-07-01"))
    }
}
