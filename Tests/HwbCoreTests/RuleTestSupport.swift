import HwbCore
import HwbTestSupport
import Testing

// Helpers shared by the rule tests of this target: short ways to build accounts through
// the rules themselves, and one way to check a refusal (R14.5: a refused command
// changes nothing).

/// A date from `YYYY-MM-DD` (a typo in a test traps).
func date(_ text: String) -> CalendarDate { Fixtures.date(text) }

/// Everything a user can observe of a store: the clock, the directory, the accounts and
/// the audit log.
struct StoreState: Equatable {
    var today: CalendarDate
    var schools: [SchoolNumber: School]
    var accounts: [AccountID: Account]
    var auditCount: Int
    var audit: [AuditEntry]

    init(_ store: Store) {
        today = store.today
        schools = store.schools
        accounts = store.accounts.dictionary
        auditCount = store.audit.count
        audit = store.audit.all
    }
}

/// Runs `change`, which must be refused with a `RuleError` citing `rule`, whose message
/// contains each of `words` (case-insensitive), and which must leave the store exactly
/// as it was. Returns the error for further checks.
@discardableResult
func expectRefusal(
    _ store: inout Store, rule: Rule?, mentioning words: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation,
    _ change: (inout Store) throws -> Void
) -> RuleError? {
    expectRefusal(&store, ruleIn: [rule], mentioning: words, sourceLocation: sourceLocation, change)
}

/// As `expectRefusal(_:rule:mentioning:_:)`, for a refusal docs/rules.md lets cite one of
/// several rules.
@discardableResult
func expectRefusal(
    _ store: inout Store, ruleIn rules: [Rule?], mentioning words: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation,
    _ change: (inout Store) throws -> Void
) -> RuleError? {
    let before = StoreState(store)
    let error = #expect(throws: RuleError.self, sourceLocation: sourceLocation) {
        try change(&store)
    }
    if let error {
        #expect(rules.contains(error.rule), "refused by \(error.rule?.rawValue ?? "no rule"), expected one of \(rules.map { $0?.rawValue ?? "none" })", sourceLocation: sourceLocation)
        for word in words {
            #expect(error.message.lowercased().contains(word.lowercased()), "the message \"\(error.message)\" does not mention \"\(word)\"", sourceLocation: sourceLocation)
        }
    }
    let after = StoreState(store)
    #expect(after.today == before.today, "a refused command moved the clock (R14.5)", sourceLocation: sourceLocation)
    #expect(after.schools == before.schools, "a refused command changed the directory (R14.5)", sourceLocation: sourceLocation)
    #expect(after.accounts == before.accounts, "a refused command changed an account (R14.5)", sourceLocation: sourceLocation)
    #expect(after.auditCount == before.auditCount, "a refused command wrote to the audit log (R14.5)", sourceLocation: sourceLocation)
    #expect(after.audit == before.audit, "a refused command changed the audit log (R14.5)", sourceLocation: sourceLocation)
    return error
}

/// R11: an account outside the actor's scope is refused exactly like a missing one.
func expectNoAccount(
    _ store: inout Store, _ id: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ change: (inout Store) throws -> Void
) {
    let error = expectRefusal(&store, rule: nil, sourceLocation: sourceLocation, change)
    #expect(error == RuleError.noAccount(Fixtures.id(id)), sourceLocation: sourceLocation)
    #expect(error?.message == "no account \(id)", sourceLocation: sourceLocation)
}

/// A setup step did not do what the test needs.
struct SetupFailure: Error, CustomStringConvertible {
    var description: String
}

extension Store {
    /// The account with this id, if the store holds it.
    subscript(_ id: String) -> Account? { accounts[Fixtures.id(id)] }

    /// Creates a non-MIS account through R5 (the Service Desk by default).
    @discardableResult
    mutating func createNonMIS(
        _ id: String, category: String = "supply-teacher", school: String = "6612001",
        expiry: ExpiryRequest? = nil, as actor: Actor = .serviceDesk
    ) throws -> Account {
        try create(Fixtures.newAccount(id, category: category, school: school, expiry: expiry), Fixtures.context(actor))
    }

    /// Creates an MIS account through an R9 join.
    @discardableResult
    mutating func joinNew(_ id: String, role: Account.Role, school: String = "6612001") throws -> Account {
        let event = JoinEvent(id: Fixtures.id(id), school: Fixtures.school(school), name: "MIS \(id)", role: role)
        guard case .created(let account) = try join(event, Fixtures.context) else {
            throw SetupFailure(description: "join of \(id) did not create an account")
        }
        return account
    }

    /// An R9 join event for an id that may already exist.
    @discardableResult
    mutating func join(
        _ id: String, school: String, name: String? = nil, role: Account.Role? = nil,
        as actor: Actor = .serviceDesk
    ) throws(RuleError) -> JoinOutcome {
        try join(JoinEvent(id: Fixtures.id(id), school: Fixtures.school(school), name: name, role: role), Fixtures.context(actor))
    }

    mutating func keep(_ id: String, _ period: KeepPeriod, as actor: Actor = .serviceDesk) throws(RuleError) {
        try keep(Fixtures.id(id), period, Fixtures.context(actor))
    }

    mutating func close(_ id: String, _ mode: CloseMode, as actor: Actor = .serviceDesk) throws(RuleError) {
        try close(Fixtures.id(id), mode, Fixtures.context(actor))
    }

    mutating func reactivate(_ id: String, until: String? = nil, as actor: Actor = .serviceDesk) throws(RuleError) {
        try reactivate(Fixtures.id(id), until: until.map(date), Fixtures.context(actor))
    }

    mutating func leave(_ id: String, on day: String? = nil, as actor: Actor = .serviceDesk) throws(RuleError) {
        try leave(Fixtures.id(id), on: day.map(date), Fixtures.context(actor))
    }

    mutating func signIn(_ id: String, on day: String? = nil, as actor: Actor = .serviceDesk) throws(RuleError) {
        try signIn(Fixtures.id(id), on: day.map(date), Fixtures.context(actor))
    }

    mutating func setContent(_ id: String, _ count: Int, as actor: Actor = .serviceDesk) throws(RuleError) {
        try setContent(Fixtures.id(id), to: count, Fixtures.context(actor))
    }

    /// Moves the clock forward to `day` (never sweeps).
    mutating func moveClock(to day: String) throws(RuleError) {
        try setDate(date(day))
    }

    /// Moves the clock to `day` and sweeps as of it.
    @discardableResult
    mutating func sweep(on day: String) throws(RuleError) -> SweepReport {
        try setDate(date(day))
        return sweep(Fixtures.context)
    }

    /// The ids of the expiring list (R6) as `actor` sees it.
    func expiringIDs(as actor: Actor = .serviceDesk) -> [String] {
        expiringList(visibleTo: actor).map(\.id.value)
    }

    /// The audit entries about `id`, oldest first.
    func auditEntries(_ id: String) -> [AuditEntry] {
        audit.entries(for: Fixtures.id(id))
    }
}
