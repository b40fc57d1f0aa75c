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
    /// The file of each import entry (one entry a file, R14 checks): its accounts' own
    /// histories start with it.
    public private(set) var importFiles: [Int32: String] = [:]

    public init() {}

    public init(_ entries: [AuditEntry]) {
        reserveCapacity(entries.count)
        for entry in entries { append(entry) }
    }

    /// A log as a snapshot keeps it: every slot in order, nil for an entry dropped when
    /// its account was deleted (R10.4), and the file of each import entry. Nil when an
    /// import file names no import entry.
    public init?(slots: [AuditEntry?], importFiles: [Int32: String]) {
        guard importFiles.keys.allSatisfy({ slots.indices.contains(Int($0)) && slots[Int($0)] != nil }) else { return nil }
        reserveCapacity(slots.count)
        for slot in slots {
            if let slot {
                append(slot)
            } else {
                entries.append(nil)
                previous.append(-1)
            }
        }
        self.importFiles = importFiles
    }

    /// Every slot of the log, nil where an entry was dropped (R10.4): what a snapshot
    /// saves, so that entries keep their places.
    public var slots: [AuditEntry?] { entries }

    /// Makes room for `more` entries (the sweep's thousands) about at most `accounts`
    /// accounts not yet in the log, so that neither the entries nor the map of each
    /// account's latest entry grows more than once.
    mutating func reserveEntries(_ more: Int, accounts: Int) {
        entries.reserveCapacity(entries.count + more)
        previous.reserveCapacity(previous.count + more)
        latest.reserveCapacity(latest.count + accounts)
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

    /// Appends the one entry of an `import accounts` of `file`; returns its index.
    mutating func appendImport(_ entry: AuditEntry, file: String) -> Int32 {
        let index = Int32(entries.count)
        append(entry)
        importFiles[index] = file
        return index
    }

    /// The entry at `index`, unless it was dropped (R10.4).
    func entry(at index: Int32) -> AuditEntry? {
        entries.indices.contains(Int(index)) ? entries[Int(index)] : nil
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
        indexedEntries(for: id).map(\.entry)
    }

    /// The entries about one account with their places in the log, oldest first.
    func indexedEntries(for id: AccountID) -> [(index: Int32, entry: AuditEntry)] {
        var result: [(index: Int32, entry: AuditEntry)] = []
        var index = latest[id] ?? -1
        while index >= 0 {
            if let entry = entries[Int(index)] { result.append((index, entry)) }
            index = previous[Int(index)]
        }
        return result.reversed()
    }
}
