/// The audit log: every change, in order, with an index by account for `audit ID` and
/// `show ID`.
///
/// R10.4: when an account is deleted, the log keeps only its id, the date and the number
/// of content items deleted; the account's earlier entries, which hold its personal data,
/// are dropped.
public struct AuditLog: Sendable {
    private var entries: [AuditEntry?] = []
    private var byAccount: [AccountID: [Int]] = [:]
    public private(set) var count = 0

    public init() {}

    public init(_ entries: [AuditEntry]) {
        self.entries.reserveCapacity(entries.count)
        byAccount.reserveCapacity(entries.count)
        for entry in entries { append(entry) }
    }

    mutating func append(_ entry: AuditEntry) {
        if let id = entry.account { byAccount[id, default: []].append(entries.count) }
        entries.append(entry)
        count += 1
    }

    /// Drops every entry about `id` (R10.4), before its deletion entry is appended.
    mutating func forget(_ id: AccountID) {
        for index in byAccount.removeValue(forKey: id) ?? [] {
            entries[index] = nil
            count -= 1
        }
    }

    /// Every entry, oldest first.
    public var all: [AuditEntry] { entries.compactMap { $0 } }

    /// The entries about one account, oldest first.
    public func entries(for id: AccountID) -> [AuditEntry] {
        (byAccount[id] ?? []).compactMap { entries[$0] }
    }
}
