extension Account {
    /// An account as the interchange formats read it, before it is checked: every field of
    /// docs/language.md's JSON format, those of a kind or status optional, in any combination.
    ///
    /// The readers build these (the careful reader of `import accounts`, version 1
    /// snapshots, and `AccountTable.fields(at:)` for a batch's rows before they are
    /// checked); `Store.problems(with:)` says what is wrong with one (R4, R14.1-3), and
    /// `Account(_:)` turns one whose shape is sound into the typed view:
    ///
    ///     let fields = Account.Fields(
    ///         id: id, name: "Jo", kind: .nonMIS, school: school, created: day,
    ///         category: .governor, closeAtExpiry: false)
    ///     try Account(fields, policy: .guidance) // refused: "a non-MIS account needs expires (R14.2)"
    public struct Fields: Sendable, Equatable {
        public var id: AccountID
        public var name: String
        public var kind: Kind
        public var school: SchoolNumber
        public var status: Status
        public var created: CalendarDate
        public var lastActivity: CalendarDate
        public var content: Int

        // MIS accounts
        public var role: Role?
        public var leavingDate: CalendarDate?
        public var pendingSchool: SchoolNumber?

        // Non-MIS accounts
        public var category: Category?
        public var expires: CalendarDate?
        public var closeAtExpiry: Bool?

        // Deactivated accounts
        public var deactivatedOn: CalendarDate?
        public var deletionDue: CalendarDate?
        public var reason: Reason?

        public init(
            id: AccountID, name: String, kind: Kind, school: SchoolNumber, status: Status = .active,
            created: CalendarDate, lastActivity: CalendarDate? = nil, content: Int = 0,
            role: Role? = nil, leavingDate: CalendarDate? = nil, pendingSchool: SchoolNumber? = nil,
            category: Category? = nil, expires: CalendarDate? = nil, closeAtExpiry: Bool? = nil,
            deactivatedOn: CalendarDate? = nil, deletionDue: CalendarDate? = nil, reason: Reason? = nil
        ) {
            self.id = id
            self.name = name
            self.kind = kind
            self.school = school
            self.status = status
            self.created = created
            self.lastActivity = lastActivity ?? created
            self.content = content
            self.role = role
            self.leavingDate = leavingDate
            self.pendingSchool = pendingSchool
            self.category = category
            self.expires = expires
            self.closeAtExpiry = closeAtExpiry
            self.deactivatedOn = deactivatedOn
            self.deletionDue = deletionDue
            self.reason = reason
        }

        /// The fields of a typed account, `deletionDue` derived.
        public init(_ account: Account) {
            self.init(
                id: account.id, name: account.name, kind: account.kind, school: account.school,
                status: account.status, created: account.created, lastActivity: account.lastActivity,
                content: account.content, role: account.role, leavingDate: account.leavingDate,
                pendingSchool: account.pendingSchool, category: account.category, expires: account.expires,
                closeAtExpiry: account.closeAtExpiry, deactivatedOn: account.deactivatedOn,
                deletionDue: account.deletionDue, reason: account.reason)
        }
    }

    /// Fields refused by `Account(_:)`: what is wrong with them, in the words of
    /// `Store.problems(with:)`.
    public struct ShapeError: Error, Sendable, Equatable, CustomStringConvertible {
        public var problems: [String]

        public init(problems: [String]) {
            self.problems = problems
        }

        public var description: String { problems.joined(separator: "; ") }
    }

    /// The typed view of `fields`, refused unless they pass every check that does not need
    /// the school directory (`Account.Fields.problems`): then the kind's fields are all
    /// there and no others, the status agrees with the deactivation fields and
    /// `deletionDue` is the one R14.3 derives under `policy`.
    public init(_ fields: Fields, policy: Policy) throws(ShapeError) {
        let problems = fields.problems(under: policy)
        // No problems means both are there (`problems` checks more than they need).
        guard problems.isEmpty, let lifecycle = fields.lifecycle, let state = fields.state(under: policy) else {
            throw ShapeError(problems: problems)
        }
        self.init(
            id: fields.id, name: fields.name, school: fields.school, created: fields.created,
            lastActivity: fields.lastActivity, content: fields.content, lifecycle: lifecycle, state: state)
    }
}

extension Account.Fields {
    /// R4, R14.2-3: what is wrong with the fields whatever the directory holds, in words;
    /// empty when nothing is. `deletionDue` must be `policy`'s. `Store.problems(with:)`
    /// adds the checks of the schools.
    public func problems(under policy: Policy) -> [String] {
        var problems: [String] = []
        appendProblems(to: &problems, policy: policy, pendingSchoolProblem: { _ in nil })
        return problems
    }

    /// Appends what is wrong with the fields to `problems`, in the order
    /// `Store.problems(with:)` gives: values, then the kind's fields, then the status.
    /// `pendingSchoolProblem` is asked about an MIS account's pending school right after
    /// its own check (R9), so that the store can put the directory's word there.
    func appendProblems(to problems: inout [String], policy: Policy, pendingSchoolProblem: (SchoolNumber) -> String?) {
        func check(_ condition: Bool, _ problem: @autoclosure () -> String) {
            if !condition { problems.append(problem()) }
        }
        check(content >= 0, "content must be 0 or more (R4)")
        check(lastActivity >= created, "lastActivity is before created (R4)")

        switch kind {
        case .mis:
            check(role != nil, "an MIS account needs a role, learner or staff (R4)")
            check(category == nil && expires == nil && closeAtExpiry == nil,
                  "an MIS account has no category, expires or closeAtExpiry (R4)")
            if let pending = pendingSchool {
                check(role == .staff && status == .deactivated, "only deactivated staff can have a pendingSchool (R9)")
                if let problem = pendingSchoolProblem(pending) { problems.append(problem) }
            }
        case .nonMIS:
            check(category != nil, "a non-MIS account needs a category (R14.2)")
            check(expires != nil, "a non-MIS account needs expires (R14.2)")
            check(closeAtExpiry != nil, "a non-MIS account needs closeAtExpiry, true or false (R4)")
            check(role == nil && leavingDate == nil && pendingSchool == nil,
                  "a non-MIS account has no role, leavingDate or pendingSchool (R4)")
        }

        switch status {
        case .active:
            check(deactivatedOn == nil && deletionDue == nil && reason == nil,
                  "an active account has no deactivatedOn, deletionDue or reason (R14.3)")
        case .deactivated:
            guard let on = deactivatedOn, let due = deletionDue, let reason else {
                problems.append("a deactivated account needs deactivatedOn, deletionDue and reason (R14.3)")
                break
            }
            let expectedDue = policy.deletionDue(after: on)
            check(due == expectedDue, "deletionDue must be \(policy.deletionMonths) months after deactivatedOn, \(expectedDue) (R14.3)")
            if kind == .mis {
                check(reason == .left, "a deactivated MIS account has reason left (R10)")
                check(leavingDate == on, "a deactivated MIS account has deactivatedOn = leavingDate (R14.3)")
            }
        }
    }

    /// R4: the kind's part of the fields, or nil when one of its fields is missing or one
    /// of the other kind's is set.
    var lifecycle: Account.Lifecycle? {
        switch kind {
        case .mis:
            guard let role, category == nil, expires == nil, closeAtExpiry == nil else { return nil }
            return .mis(Account.MIS(role: role, leavingDate: leavingDate, pendingSchool: pendingSchool))
        case .nonMIS:
            guard let category, let expires, let closeAtExpiry, role == nil, leavingDate == nil, pendingSchool == nil
            else { return nil }
            return .nonMIS(Account.NonMIS(category: category, expires: expires, closeAtExpiry: closeAtExpiry))
        }
    }

    /// R14.3: the status with its fields, or nil when they disagree (`deletionDue` must be
    /// the day `policy` derives).
    func state(under policy: Policy) -> Account.State? {
        switch status {
        case .active:
            guard deactivatedOn == nil, deletionDue == nil, reason == nil else { return nil }
            return .active
        case .deactivated:
            let due = policy.deletionDue(after: deactivatedOn ?? .minimum)
            guard let deactivatedOn, let reason, deletionDue == due else { return nil }
            return .deactivated(on: deactivatedOn, reason: reason, due: due)
        }
    }
}
