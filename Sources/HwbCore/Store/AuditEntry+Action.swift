extension AuditEntry {
    /// What an audit entry records, typed: the rules say which action they took, and the
    /// text is made only when the entry is shown.
    ///
    /// ```
    /// hwbsh> audit eleri.gov
    /// 2027-07-20  champion 6612001  keep eleri.gov 6m  R7  kept 6m  expires 2027-08-31 → 2028-01-20
    /// ```
    ///
    /// Files keep the text (`description`); `init?(_:)` reads it back and refuses a text
    /// that no action writes.
    public enum Action: Sendable, Hashable {
        /// R3: a school entered in the directory.
        case schoolAdded(maintained: Bool)
        /// R5: a non-MIS account created.
        case created
        /// R9: an MIS account created by the feed.
        case joined
        /// R9: an MIS account moved to another school.
        case moved(to: SchoolNumber)
        /// R9: a deactivated learner reactivated by joining a school.
        case learnerJoined(SchoolNumber)
        /// R9: a deactivated member of staff who joined a school, waiting for the Service Desk.
        case staffJoined(SchoolNumber)
        /// R9: a leaving date entered in the MIS.
        case leavingDate(CalendarDate)
        /// R7: an account kept for a period.
        case kept(KeepPeriod)
        /// R8: an account closed at once.
        case closedNow
        /// R8: an account set to close when it expires.
        case setToCloseAtExpiry
        /// R12: an account reactivated.
        case reactivated
        /// R12: a member of staff reactivated by the Service Desk.
        case reactivatedByServiceDesk
        /// R10, R13: the sweep's deactivation.
        case deactivated(Account.Reason)
        /// R10.4: the sweep's deletion, with the number of content items deleted.
        case deleted(content: Int)
        /// R13: a sign-in.
        case signedIn
        /// A parameter of the store's policy changed by the Service Desk, with its old value.
        case policySet(Policy.Setting, was: String)
        /// The simulation's content count set.
        case contentSet
        /// R14: the one entry of an `import accounts`.
        case importedFile(accounts: Int, file: String)
        /// One account's part in an import, as `audit ID` tells it.
        case importedRow(file: String, row: Int)
        /// One account's entry of an import made by an earlier version of hwbsh, which
        /// wrote one entry an account.
        case imported
    }
}

extension AuditEntry.Action: CustomStringConvertible {
    /// The action in words, as `audit` shows it and files keep it.
    public var description: String {
        switch self {
        case .schoolAdded(let maintained): maintained ? "school added (maintained)" : "school added (not maintained)"
        case .created: "created"
        case .joined: "joined (new MIS account)"
        case .moved(let school): "moved to \(school)"
        case .learnerJoined(let school): "reactivated (learner joined \(school))"
        case .staffJoined(let school): "pending the Service Desk (staff joined \(school))"
        case .leavingDate(let date): "leaving date \(date)"
        case .kept(let period): "kept \(period.rawValue)"
        case .closedNow: "closed now"
        case .setToCloseAtExpiry: "set to close at expiry"
        case .reactivated: "reactivated"
        case .reactivatedByServiceDesk: "reactivated by the Service Desk"
        case .deactivated(let reason): "deactivated (\(reason.rawValue))"
        case .deleted(let content): "deleted with \(content) content item\(content == 1 ? "" : "s")"
        case .signedIn: "signed in"
        case .policySet(let setting, let was): "policy \(setting.name.rawValue)=\(setting.value) (was \(was))"
        case .contentSet: "content set"
        case .importedFile(let accounts, let file): "imported \(accounts) account\(accounts == 1 ? "" : "s") from \(file)"
        case .importedRow(let file, let row): "imported from \(file), row \(row)"
        case .imported: "imported"
        }
    }

    /// The action whose text is `text`, or nil when no action has it.
    public init?(_ text: String) {
        guard let action = Self.parse(text), action.description == text else { return nil }
        self = action
    }

    /// The action `text` names, read loosely: `init?(_:)` keeps it only when it writes
    /// `text` back exactly.
    private static func parse(_ text: String) -> Self? {
        if let fixed = fixed[text] { return fixed }
        func after(_ prefix: String) -> Substring? {
            text.hasPrefix(prefix) ? text.dropFirst(prefix.count) : nil
        }
        func inParentheses(after prefix: String) -> Substring? {
            after(prefix).flatMap { $0.hasSuffix(")") ? $0.dropLast() : nil }
        }
        if let rest = inParentheses(after: "deactivated (") { return Account.Reason(rawValue: String(rest)).map(Self.deactivated) }
        if let rest = inParentheses(after: "reactivated (learner joined ") { return SchoolNumber(rest).map(Self.learnerJoined) }
        if let rest = inParentheses(after: "pending the Service Desk (staff joined ") { return SchoolNumber(rest).map(Self.staffJoined) }
        if let rest = after("moved to ") { return SchoolNumber(rest).map { .moved(to: $0) } }
        if let rest = after("leaving date ") { return CalendarDate(String(rest)).map(Self.leavingDate) }
        if let rest = inParentheses(after: "policy "), let equals = rest.firstIndex(of: "="),
           let name = Policy.Name(rawValue: String(rest[..<equals])), let was = rest.firstRange(of: " (was "),
           let setting = try? Policy.Setting(name: name, value: String(rest[rest.index(after: equals)..<was.lowerBound])) {
            return .policySet(setting, was: String(rest[was.upperBound...]))
        }
        if let rest = after("kept ") { return KeepPeriod(rawValue: String(rest)).map(Self.kept) }
        if let rest = after("deleted with "), let count = rest.split(separator: " ").first.flatMap({ Int($0) }) {
            return .deleted(content: count)
        }
        // A file's name may hold ", row " itself: the row is after the last one.
        if let rest = after("imported from "), let comma = rest.lastIndex(of: ","),
           rest[comma...].hasPrefix(", row "), let row = Int(rest[comma...].dropFirst(6)) {
            return .importedRow(file: String(rest[..<comma]), row: row)
        }
        if let rest = after("imported "), let space = rest.firstIndex(of: " "), let count = Int(rest[..<space]) {
            let tail = rest[space...]
            for words in [" accounts from ", " account from "] where tail.hasPrefix(words) {
                return .importedFile(accounts: count, file: String(tail.dropFirst(words.count)))
            }
        }
        return nil
    }

    /// The actions without a value, by their text.
    private static let fixed: [String: Self] = Dictionary(
        uniqueKeysWithValues: ([
            .schoolAdded(maintained: true), .schoolAdded(maintained: false), .created, .joined, .closedNow,
            .setToCloseAtExpiry, .reactivated, .reactivatedByServiceDesk, .signedIn, .contentSet, .imported,
        ] as [Self]).map { ($0.description, $0) })
}
