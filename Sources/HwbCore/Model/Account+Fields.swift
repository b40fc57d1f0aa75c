extension Account {
    /// The fields of an account under their interchange names, in the order of the JSON
    /// format of docs/language.md. The JSON and CSV writers, the CSV reader and the audit
    /// log's before/after all go through this one list.
    public enum Field: String, Sendable, CaseIterable {
        case id, name, kind, school, status, created, lastActivity, content
        case category, expires, closeAtExpiry, role, leavingDate, pendingSchool
        case deactivatedOn, deletionDue, reason

        /// The field's position in interchange order (0 for `id`).
        public var ordinal: Int {
            switch self {
            case .id: 0
            case .name: 1
            case .kind: 2
            case .school: 3
            case .status: 4
            case .created: 5
            case .lastActivity: 6
            case .content: 7
            case .category: 8
            case .expires: 9
            case .closeAtExpiry: 10
            case .role: 11
            case .leavingDate: 12
            case .pendingSchool: 13
            case .deactivatedOn: 14
            case .deletionDue: 15
            case .reason: 16
            }
        }
    }

    /// A field's value as the interchange formats see it.
    public enum FieldValue: Sendable, Equatable {
        case null
        case string(String)
        case number(Int)
        case bool(Bool)

        /// The value as a CSV cell or an audit before/after: empty for null.
        public var text: String {
            switch self {
            case .null: return ""
            case .string(let s): return s
            case .number(let n): return String(n)
            case .bool(let b): return b ? "true" : "false"
            }
        }
    }

    public subscript(field: Field) -> FieldValue {
        func string(_ value: (some CustomStringConvertible)?) -> FieldValue {
            value.map { .string($0.description) } ?? .null
        }
        switch field {
        case .id: return .string(id.value)
        case .name: return .string(name)
        case .kind: return .string(kind.rawValue)
        case .school: return .string(school.description)
        case .status: return .string(status.rawValue)
        case .created: return .string(created.description)
        case .lastActivity: return .string(lastActivity.description)
        case .content: return .number(content)
        case .category: return string(category?.rawValue)
        case .expires: return string(expires)
        case .closeAtExpiry: return closeAtExpiry.map { .bool($0) } ?? .null
        case .role: return string(role?.rawValue)
        case .leavingDate: return string(leavingDate)
        case .pendingSchool: return string(pendingSchool)
        case .deactivatedOn: return string(deactivatedOn)
        case .deletionDue: return string(deletionDue)
        case .reason: return string(reason?.rawValue)
        }
    }

    /// The fields whose values differ between `old` and `new`, with both values. Fields
    /// are compared as they are stored; only those that differ are turned into text.
    public static func changes(from old: Account?, to new: Account?) -> [AuditEntry.Change] {
        guard let old, let new else {
            return Field.allCases.compactMap { field in
                let before = old?[field] ?? .null
                let after = new?[field] ?? .null
                return before == after ? nil : AuditEntry.Change(field: field, before: before, after: after)
            }
        }
        return Field.allCases.compactMap { field in
            old.sameValue(as: new, in: field) ? nil : AuditEntry.Change(field: field, before: old[field], after: new[field])
        }
    }

    /// Whether two accounts hold the same value in `field`, without formatting it.
    private func sameValue(as other: Account, in field: Field) -> Bool {
        switch field {
        case .id: return id == other.id
        case .name: return name == other.name
        case .kind: return kind == other.kind
        case .school: return school == other.school
        case .status: return status == other.status
        case .created: return created == other.created
        case .lastActivity: return lastActivity == other.lastActivity
        case .content: return content == other.content
        case .category: return category == other.category
        case .expires: return expires == other.expires
        case .closeAtExpiry: return closeAtExpiry == other.closeAtExpiry
        case .role: return role == other.role
        case .leavingDate: return leavingDate == other.leavingDate
        case .pendingSchool: return pendingSchool == other.pendingSchool
        case .deactivatedOn: return deactivatedOn == other.deactivatedOn
        case .deletionDue: return deletionDue == other.deletionDue
        case .reason: return reason == other.reason
        }
    }
}

/// The fields as the interchange formats name them, each nil where the account's kind or
/// status has none: read-only views of `lifecycle` and `state`, for the JSON and CSV
/// writers, the audit log's before and after, filters and listings.
extension Account {
    public var kind: Kind {
        switch lifecycle {
        case .mis: .mis
        case .nonMIS: .nonMIS
        }
    }

    public var status: Status {
        switch state {
        case .active: .active
        case .deactivated: .deactivated
        }
    }

    public var role: Role? {
        guard case .mis(let mis) = lifecycle else { return nil }
        return mis.role
    }

    public var leavingDate: CalendarDate? {
        guard case .mis(let mis) = lifecycle else { return nil }
        return mis.leavingDate
    }

    public var pendingSchool: SchoolNumber? {
        guard case .mis(let mis) = lifecycle else { return nil }
        return mis.pendingSchool
    }

    public var category: Category? {
        guard case .nonMIS(let nonMIS) = lifecycle else { return nil }
        return nonMIS.category
    }

    public var expires: CalendarDate? {
        guard case .nonMIS(let nonMIS) = lifecycle else { return nil }
        return nonMIS.expires
    }

    public var closeAtExpiry: Bool? {
        guard case .nonMIS(let nonMIS) = lifecycle else { return nil }
        return nonMIS.closeAtExpiry
    }

    public var deactivatedOn: CalendarDate? {
        guard case .deactivated(let on, _, _) = state else { return nil }
        return on
    }

    /// R14.3: the store policy's deletion delay after `deactivatedOn`.
    public var deletionDue: CalendarDate? {
        guard case .deactivated(_, _, let due) = state else { return nil }
        return due
    }

    public var reason: Reason? {
        guard case .deactivated(_, let reason, _) = state else { return nil }
        return reason
    }
}
