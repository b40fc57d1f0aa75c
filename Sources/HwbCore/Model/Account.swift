/// R4: one Hwb account.
///
/// What an account holds beyond its id, name, school, dates and content depends on its
/// kind and its status, and the type says so: the `lifecycle` is MIS (a role, perhaps a
/// leaving date and a pending school) or non-MIS (a category, an expiry and whether it
/// closes then), and the `state` is active or deactivated on a day for a reason. A field
/// of the other kind, or a half-deactivated account, cannot be written down, and
/// `deletionDue` is derived from the day of deactivation and the store's policy (R14.3),
/// not stored.
///
/// The interchange formats read into the raw `Account.Fields`, whose optionals can hold
/// any combination; `Store.problems(with:)` says what is wrong with one, and
/// `Account(_:)` turns a sound one into this view.
///
///     let jo = Account(
///         id: id, name: "Jo Bloggs", school: school, created: today,
///         lifecycle: .nonMIS(.init(category: .supplyTeacher, expires: endOfYear, closeAtExpiry: false)))
public struct Account: Sendable, Equatable {
    public var id: AccountID
    public var name: String
    public var school: SchoolNumber
    public var created: CalendarDate
    /// The latest sign-in; `created` until the first one.
    public var lastActivity: CalendarDate
    /// Number of stored content items.
    public var content: Int
    /// R4: the kind of account and the fields that go with it.
    public var lifecycle: Lifecycle
    /// R14.3: active, or deactivated on a day for a reason.
    public var state: State

    public init(
        id: AccountID, name: String, school: SchoolNumber, created: CalendarDate, lastActivity: CalendarDate? = nil,
        content: Int = 0, lifecycle: Lifecycle, state: State = .active
    ) {
        self.id = id
        self.name = name
        self.school = school
        self.created = created
        self.lastActivity = lastActivity ?? created
        self.content = content
        self.lifecycle = lifecycle
        self.state = state
    }

    /// R4: an account is MIS, its life following the school MIS record, or non-MIS.
    public enum Lifecycle: Sendable, Equatable {
        case mis(MIS)
        case nonMIS(NonMIS)
    }

    /// R4, R9: what an MIS account holds.
    public struct MIS: Sendable, Equatable {
        public var role: Role
        /// R9: the day the MIS record says the holder leaves; the sweep deactivates the
        /// account then (R10.2).
        public var leavingDate: CalendarDate?
        /// R9: the school a deactivated member of staff waits to be reactivated at by the
        /// Service Desk.
        public var pendingSchool: SchoolNumber?

        public init(role: Role, leavingDate: CalendarDate? = nil, pendingSchool: SchoolNumber? = nil) {
            self.role = role
            self.leavingDate = leavingDate
            self.pendingSchool = pendingSchool
        }
    }

    /// R4, R5: what a non-MIS account holds.
    public struct NonMIS: Sendable, Equatable {
        public var category: Category
        /// The last day the account is active.
        public var expires: CalendarDate
        /// R8: whether the account is set to close at expiry (and so is off the expiring list).
        public var closeAtExpiry: Bool

        public init(category: Category, expires: CalendarDate, closeAtExpiry: Bool = false) {
            self.category = category
            self.expires = expires
            self.closeAtExpiry = closeAtExpiry
        }
    }

    /// R14.3: an account is active, or deactivated on a day for a reason; its deletion is
    /// then due the policy's deletion delay later (`Policy.deletionDue(after:)`).
    public enum State: Sendable, Equatable {
        case active
        /// Deactivated on a day for a reason; deletion is due on `due`, the store
        /// policy's deletion delay after `on` (R14.3).
        case deactivated(on: CalendarDate, reason: Reason, due: CalendarDate)
    }

    public var isActive: Bool { state == .active }
    public var isMIS: Bool { kind == .mis }

    /// R10.1, R13: when the sweep deactivates this active non-MIS account under `policy`,
    /// and why: the day after it expires or the first day past the inactivity limit,
    /// whichever comes first (`expired` on a tie). R10.2: an active MIS account with a
    /// leaving date, on that date. Nil for a deactivated account or an MIS account with
    /// no leaving date. A day past the calendar's end is no day.
    public func scheduledDeactivation(_ policy: Policy) -> (on: CalendarDate, reason: Reason)? {
        guard isActive else { return nil }
        switch lifecycle {
        case .mis(let mis): return mis.leavingDate.map { ($0, .left) }
        case .nonMIS(let nonMIS): return policy.scheduledDeactivation(expires: nonMIS.expires, lastActivity: lastActivity)
        }
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

extension Sequence where Element == Int {
    /// The sum of content counts, held at Int.max rather than overflowing (one account may
    /// hold as many as Int.max items).
    public var contentTotal: Int {
        reduce(0) { total, content in
            let (sum, overflow) = total.addingReportingOverflow(content)
            return overflow ? Int.max : sum
        }
    }
}
