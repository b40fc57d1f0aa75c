/// The audit log: every change, in order, with each account's entries chained together
/// for `audit ID` and `show ID` (a chain costs one integer an entry, where a list per
/// account would cost an allocation per account).
///
/// R10.4: when an account is deleted, the log keeps only its id, the date and the number
/// of content items deleted; the account's earlier entries, which hold its personal data,
/// are dropped.
public struct AuditLog: Sendable {
    private var entries: [AuditEntry?] = []
    /// For each entry, the index of the same account's previous entry, or -1.
    private var previous: [Int32] = []
    /// Each account's latest entry.
    private var latest: [AccountID: Int32] = [:]
    public private(set) var count = 0

    public init() {}

    public init(_ entries: [AuditEntry]) {
        reserveCapacity(entries.count)
        for entry in entries { append(entry) }
    }

    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
        previous.reserveCapacity(count)
        latest.reserveCapacity(count)
    }

    mutating func append(_ entry: AuditEntry) {
        let index = Int32(entries.count)
        if let id = entry.account {
            previous.append(latest.updateValue(index, forKey: id) ?? -1)
        } else {
            previous.append(-1)
        }
        entries.append(entry)
        count += 1
    }

    /// Drops every entry about `id` (R10.4), before its deletion entry is appended.
    mutating func forget(_ id: AccountID) {
        var index = latest.removeValue(forKey: id) ?? -1
        while index >= 0 {
            entries[Int(index)] = nil
            count -= 1
            index = previous[Int(index)]
        }
    }

    /// Every entry, oldest first.
    public var all: [AuditEntry] { entries.compactMap { $0 } }

    /// The entries about one account, oldest first.
    public func entries(for id: AccountID) -> [AuditEntry] {
        var result: [AuditEntry] = []
        var index = latest[id] ?? -1
        while index >= 0 {
            if let entry = entries[Int(index)] { result.append(entry) }
            index = previous[Int(index)]
        }
        return result.reversed()
    }
}
