import HwbCore

/// Reads an account's fields (`Account.Fields`) from interchange cells (CSV import, JSON
/// objects): field name to text, with an empty or missing cell meaning null.
public enum AccountRecord {
    /// The fields every row must give a value for. (`lastActivity` may be null: R4, it is
    /// `created` until the first sign-in.)
    static let required: [Account.Field] = [.id, .kind, .school, .status, .created, .content]
    /// The columns an import file must have (a name may be empty).
    public static let requiredColumns: [Account.Field] = required + [.name]

    /// The cells of one row by field; a field without a cell is null.
    public struct Cells: Sendable {
        private var values = [String](repeating: "", count: Account.Field.allCases.count)

        init() {}

        public init(fields: [Account.Field], cells: [String]) {
            for (field, cell) in zip(fields, cells) { values[field.ordinal] = cell }
        }

        subscript(field: Account.Field) -> String {
            get { values[field.ordinal] }
            set { values[field.ordinal] = newValue }
        }
    }

    /// The account's fields, or every problem found in its cells (in words, naming the
    /// field). Whether the fields make an account is for `Store.problems(with:)` to say.
    public static func decode(_ cells: Cells) -> Result<Account.Fields, RowProblems> {
        var problems: [String] = []
        func text(_ field: Account.Field) -> String? {
            let value = cells[field]
            return value.isEmpty ? nil : value
        }
        func parse<T>(_ field: Account.Field, _ what: @autoclosure () -> String, _ reader: (String) -> T?) -> T? {
            guard let raw = text(field) else { return nil }
            guard let value = reader(raw) else {
                problems.append("\(field.rawValue): expected \(what()), got \"\(raw)\"")
                return nil
            }
            return value
        }
        func choices<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> String where T.RawValue == String {
            T.allCases.map(\.rawValue).joined(separator: ", ")
        }
        for field in required where text(field) == nil {
            problems.append("\(field.rawValue) is missing")
        }
        let id = parse(.id, "an account id", { AccountID($0) })
        let kind = parse(.kind, choices(Account.Kind.self), { Account.Kind(rawValue: $0) })
        let school = parse(.school, "a 7-digit school number", { SchoolNumber($0) })
        let status = parse(.status, choices(Account.Status.self), { Account.Status(rawValue: $0) })
        let created = parse(.created, "a date YYYY-MM-DD", { CalendarDate($0) })
        let lastActivity = parse(.lastActivity, "a date YYYY-MM-DD", { CalendarDate($0) })
        let content = parse(.content, "a whole number", { $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } ? Int($0) : nil })
        let role = parse(.role, choices(Account.Role.self), { Account.Role(rawValue: $0) })
        let leavingDate = parse(.leavingDate, "a date YYYY-MM-DD", { CalendarDate($0) })
        let pendingSchool = parse(.pendingSchool, "a 7-digit school number", { SchoolNumber($0) })
        let category = parse(.category, choices(Account.Category.self), { Account.Category(rawValue: $0) })
        let expires = parse(.expires, "a date YYYY-MM-DD", { CalendarDate($0) })
        let closeAtExpiry = parse(.closeAtExpiry, "true or false", { $0 == "true" ? true : $0 == "false" ? false : nil })
        let deactivatedOn = parse(.deactivatedOn, "a date YYYY-MM-DD", { CalendarDate($0) })
        let deletionDue = parse(.deletionDue, "a date YYYY-MM-DD", { CalendarDate($0) })
        let reason = parse(.reason, choices(Account.Reason.self), { Account.Reason(rawValue: $0) })

        guard problems.isEmpty, let id, let kind, let school, let status, let created, let content else {
            return .failure(RowProblems(messages: problems))
        }
        return .success(Account.Fields(
            id: id, name: text(.name) ?? "", kind: kind, school: school, status: status, created: created,
            lastActivity: lastActivity, content: content, role: role, leavingDate: leavingDate,
            pendingSchool: pendingSchool, category: category, expires: expires,
            // Not set to close unless the row says so.
            closeAtExpiry: closeAtExpiry ?? (kind == .nonMIS ? false : nil),
            deactivatedOn: deactivatedOn, deletionDue: deletionDue, reason: reason))
    }
}

/// What is wrong with one row or object, in words.
public struct RowProblems: Error, CustomStringConvertible {
    public var messages: [String]

    public var description: String { messages.joined(separator: "; ") }
}
