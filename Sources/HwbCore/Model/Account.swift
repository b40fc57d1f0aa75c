/// R4: one Hwb account.
///
/// The kind-specific and status-specific parts are optional fields, so that an account
/// maps one-to-one onto the JSON interchange format; `Account.validate` (R14) says which
/// combinations are allowed.
public struct Account: Sendable, Equatable {
    public var id: AccountID
    public var name: String
    public var kind: Kind
    public var school: SchoolNumber
    public var status: Status
    public var created: CalendarDate
    /// The latest sign-in; `created` until the first one.
    public var lastActivity: CalendarDate
    /// Number of stored content items.
    public var content: Int

    // MIS accounts
    public var role: Role?
    public var leavingDate: CalendarDate?
    public var pendingSchool: SchoolNumber?

    // Non-MIS accounts
    public var category: Category?
    /// The last day the account is active.
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

    public var isActive: Bool { status == .active }
    public var isMIS: Bool { kind == .mis }

    /// Deactivates the account as of `day` for `reason`; R10.3: deletion is due 12 months later.
    mutating func deactivate(on day: CalendarDate, reason: Reason) {
        status = .deactivated
        deactivatedOn = day
        deletionDue = Account.deletionDue(after: day)
        self.reason = reason
    }

    /// R10.1, R13: when the sweep deactivates this active non-MIS account, and why: the
    /// day after it expires or the 91st day without a sign-in, whichever comes first
    /// (`expired` on a tie). R10.2: an active MIS account with a leaving date, on that date.
    /// Nil for a deactivated account or an MIS account with no leaving date. A day past
    /// the calendar's end is no day.
    public var scheduledDeactivation: (on: CalendarDate, reason: Reason)? {
        guard isActive else { return nil }
        if isMIS { return leavingDate.map { ($0, .left) } }
        return Account.scheduledDeactivation(expires: expires, lastActivity: lastActivity)
    }

    /// R10.1, R13: when the sweep deactivates an active non-MIS account with these dates.
    static func scheduledDeactivation(
        expires: CalendarDate?, lastActivity: CalendarDate
    ) -> (on: CalendarDate, reason: Reason)? {
        let expiryDay = expires?.addingDays(1)
        let idleDay = lastActivity.addingDays(91)
        switch (expiryDay, idleDay) {
        case let (expiry?, idle?): return idle < expiry ? (idle, .inactive) : (expiry, .expired)
        case let (expiry?, nil): return (expiry, .expired)
        case let (nil, idle?): return (idle, .inactive)
        case (nil, nil): return nil
        }
    }

    /// R10.3, R14.3: deletion is due 12 months after deactivation; the calendar ends on
    /// 9999-12-31, so a deactivation in its last year is due on that day.
    public static func deletionDue(after deactivation: CalendarDate) -> CalendarDate {
        deactivation.addingMonths(12) ?? .maximum
    }

    /// Makes the account active again, clearing what deactivation set.
    mutating func clearDeactivation() {
        status = .active
        deactivatedOn = nil
        deletionDue = nil
        reason = nil
    }
}

extension Account {
    public enum Kind: String, Sendable, CaseIterable {
        case mis
        case nonMIS = "non-mis"
    }

    public enum Status: String, Sendable, CaseIterable {
        case active, deactivated
    }

    public enum Role: String, Sendable, CaseIterable {
        case learner, staff
    }

    /// R4: the categories of non-MIS account. There is no learner category (R5).
    public enum Category: String, Sendable, CaseIterable {
        case temporaryStaff = "temporary-staff"
        case service
        case governor
        case consortia
        case laStaff = "la-staff"
        case supplyTeacher = "supply-teacher"
        case iteStudent = "ite-student"
        case stakeholder
    }

    public enum Reason: String, Sendable, CaseIterable {
        case expired, inactive, closed, left
    }
}
