import HwbCore
import HwbTestSupport
import Testing

/// The reference the properties compare against, checked on docs/rules.md's own examples and
/// on hand-built broken accounts: a checker that cannot fail proves nothing.
@Suite struct ReferenceTests {
    static let schools = Fixtures.store(today: "2027-07-01").schools
    static let day = Fixtures.date

    static func nonMIS(
        _ id: String, school: String = "6612001", created: String = "2027-01-01", lastActivity: String? = nil,
        expires: String? = "2027-08-31", closeAtExpiry: Bool = false
    ) -> Account.Fields {
        Account.Fields(
            id: Fixtures.id(id), name: "N \(id)", kind: .nonMIS, school: Fixtures.school(school), created: day(created),
            lastActivity: lastActivity.map(day), category: .supplyTeacher, expires: expires.map(day),
            closeAtExpiry: closeAtExpiry)
    }

    static func mis(_ id: String, leaving: String? = nil) -> Account.Fields {
        Account.Fields(
            id: Fixtures.id(id), name: "M \(id)", kind: .mis, school: Fixtures.school("6612001"),
            created: day("2027-01-01"), role: .staff, leavingDate: leaving.map(day))
    }

    static func deactivated(_ account: Account.Fields, on: String, due: String, reason: Account.Reason) -> Account.Fields {
        var account = account
        account.status = .deactivated
        account.deactivatedOn = day(on)
        account.deletionDue = day(due)
        account.reason = reason
        return account
    }

    static func keyed(_ accounts: [Account.Fields]) -> [AccountID: Account.Fields] {
        Dictionary(uniqueKeysWithValues: accounts.map { ($0.id, $0) })
    }

    @Test(arguments: [
        ("2027-08-31", 6, "2028-02-29"), ("2027-08-31", 3, "2027-11-30"), ("2028-02-29", 12, "2029-02-28"),
        ("2027-01-31", 1, "2027-02-28"), ("2027-12-15", 1, "2028-01-15"), ("2028-03-31", -1, "2028-02-29"),
    ])
    func addMonthsFollowsR2(_ from: String, _ months: Int, _ expected: String) {
        #expect(Reference.addMonths(Self.day(from), months) == Self.day(expected))
    }

    @Test func addMonthsStopsAtTheCalendarEdges() {
        #expect(Reference.addMonths(Self.day("9999-06-30"), 12) == nil)
        #expect(Reference.addMonths(Self.day("1900-01-31"), -1) == nil)
    }

    @Test func aConsistentStorePasses() {
        let accounts = Self.keyed([
            Self.nonMIS("a"),
            Self.deactivated(Self.nonMIS("b"), on: "2027-08-31", due: "2028-08-31", reason: .closed),
            Self.deactivated(Self.mis("c", leaving: "2027-02-28"),
                             on: "2027-02-28", due: "2028-02-28", reason: .left),
            Self.deactivated(Self.nonMIS("d"), on: "2028-02-29", due: "2029-02-28", reason: .expired),
        ])
        #expect(Reference.invariantViolations(accounts: accounts, schools: Self.schools) == [])
    }

    @Test(arguments: [
        ("unknown school", nonMIS("a", school: "6649001"), "R14.1"),
        ("independent school", nonMIS("a", school: "6619001"), "R14.1"),
        ("no expires", nonMIS("a", expires: nil), "R14.2"),
        ("active with a reason", { var a = nonMIS("a"); a.reason = .expired; return a }(), "R14.3"),
        ("deactivated without deletionDue",
         { var a = nonMIS("a"); a.status = .deactivated; a.deactivatedOn = day("2027-09-01"); a.reason = .expired; return a }(),
         "R14.3"),
        ("deletionDue 365 days on", deactivated(nonMIS("a"), on: "2027-03-01", due: "2028-02-29", reason: .closed), "R14.3"),
        ("deletionDue not clamped", deactivated(nonMIS("a"), on: "2028-02-29", due: "2029-03-01", reason: .expired), "R14.3"),
        ("MIS left before its leaving date", deactivated(mis("a", leaving: "2027-05-01"), on: "2027-05-02", due: "2028-05-02", reason: .left),
         "R14.3"),
    ])
    func brokenAccountsAreCaught(_ what: String, _ account: Account.Fields, _ rule: String) {
        let problems = Reference.invariantViolations(accounts: Self.keyed([account]), schools: Self.schools)
        #expect(problems.contains { $0.contains(rule) }, "\(what): \(problems)")
    }

    @Test func anAccountUnderAnotherIdIsCaught() {
        let problems = Reference.invariantViolations(accounts: [Fixtures.id("b"): Self.nonMIS("a")], schools: Self.schools)
        #expect(problems.contains { $0.contains("R14.1") })
    }

    @Test func everyR14_4BreakIsCaught() {
        let today = Self.day("2027-09-01")
        let accounts = Self.keyed([
            Self.nonMIS("expired", lastActivity: "2027-08-30", expires: "2027-08-31"),
            Self.nonMIS("idle", lastActivity: "2027-06-02", expires: "2027-12-31"),
            Self.mis("leaver", leaving: "2027-09-01"),
            Self.deactivated(Self.nonMIS("due"), on: "2026-09-01", due: "2027-09-01", reason: .closed),
            Self.nonMIS("fine", lastActivity: "2027-06-03", expires: "2027-09-01"),
        ])
        let problems = Reference.afterSweepViolations(accounts: accounts, today: today)
        #expect(problems.map { String($0.prefix { $0 != ":" }) }.sorted() == ["due", "expired", "idle", "leaver"])
    }

    /// R10 and R13 on the boundary days: idle means `lastActivity + 90 days < T`; the
    /// earlier date wins, `expired` on a tie; deletion 12 months on, in the same sweep.
    @Test func sweepPlanFollowsR10() {
        let today = Self.day("2027-09-01")
        let accounts = Self.keyed([
            Self.nonMIS("tie", lastActivity: "2027-06-01", expires: "2027-08-30"),  // both on 2027-08-31
            Self.nonMIS("idle-first", lastActivity: "2027-05-01", expires: "2027-08-31"),
            Self.nonMIS("expired-first", lastActivity: "2027-06-01", expires: "2027-06-01"),
            Self.nonMIS("day-90", lastActivity: "2027-06-03", expires: "2027-09-01"),
            Self.nonMIS("day-91", lastActivity: "2027-06-02", expires: "2027-09-01"),
            Self.nonMIS("closing", lastActivity: "2027-08-01", expires: "2027-08-31", closeAtExpiry: true),
            Self.mis("leaver", leaving: "2026-08-31"),
            Self.mis("future", leaving: "2027-09-02"),
            Self.deactivated(Self.nonMIS("due"), on: "2026-09-01", due: "2027-09-01", reason: .closed),
            Self.deactivated(Self.nonMIS("later"), on: "2026-09-02", due: "2027-09-02", reason: .closed),
        ])
        let plan = Reference.sweepPlan(accounts, today: today)
        #expect(plan.deactivated.map(\.description) == [
            "closing on 2027-09-01 (expired)", "day-91 on 2027-09-01 (inactive)",
            "expired-first on 2027-06-02 (expired)", "idle-first on 2027-07-31 (inactive)",
            "leaver on 2026-08-31 (left)", "tie on 2027-08-31 (expired)",
        ])
        #expect(plan.deleted.map { "\($0.id)" } == ["due", "leaver"])
    }

    @Test func expiringListFollowsR6() {
        let today = Self.day("2027-07-01")
        let accounts = Self.keyed([
            Self.nonMIS("b", expires: "2027-08-26"),  // today + 56
            Self.nonMIS("a", expires: "2027-08-26"),
            Self.nonMIS("later", expires: "2027-08-27"),
            Self.nonMIS("overdue", expires: "2027-06-30"),
            Self.nonMIS("closing", expires: "2027-07-10", closeAtExpiry: true),
            Self.nonMIS("elsewhere", school: "6622001", expires: "2027-07-10"),
            Self.deactivated(Self.nonMIS("off", expires: "2027-07-10"), on: "2027-06-01", due: "2028-06-01", reason: .closed),
            Self.mis("mis"),
        ])
        #expect(Reference.expiringList(accounts, today: today, actor: .serviceDesk).map(\.id.value) == ["overdue", "elsewhere", "a", "b"])
        #expect(Reference.expiringList(accounts, today: today, actor: .laAdmin(661)).map(\.id.value) == ["overdue", "a", "b"])
        #expect(Reference.expiringList(accounts, today: today, actor: .laAdmin(662)).map(\.id.value) == ["elsewhere"])
        #expect(Reference.expiringList(accounts, today: today, actor: .champion(Fixtures.school("6612002"))) == [])
    }
}
