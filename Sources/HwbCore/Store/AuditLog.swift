/// The audit log: every change, in order, held column by column like the account table.
///
/// An entry takes a few integers: its actor, command and account are numbers in pools of
/// texts kept once each, its action a number among the typed actions the log holds, and
/// the before and after of each change are kept typed
/// (a date is a day number), turned into text only when an entry is shown
/// (`entry(at:)`, which builds the `AuditEntry` view). Each account's entries are chained
/// together for `audit ID` and `show ID` (a chain costs one integer an entry, where a
/// list per account would cost an allocation per account).
///
/// R10.4: when an account is deleted, the log keeps only its id, the date and the number
/// of content items deleted; the account's earlier entries, which hold its personal data,
/// are dropped.
public struct AuditLog: Sendable {
    /// A before or after value as the log keeps it: typed, and turned into text only
    /// when it is shown.
    public struct Value: Sendable, Equatable {
        public enum Kind: UInt8, Sendable {
            case null, text, number, bool, date
        }

        public var kind: Kind
        /// A text's number in the log's pool, a number, 0 or 1, or a day number.
        public var payload: Int64

        public static let null = Value(kind: .null, payload: 0)

        public static func number(_ number: Int) -> Value { Value(kind: .number, payload: Int64(number)) }
        public static func bool(_ flag: Bool) -> Value { Value(kind: .bool, payload: flag ? 1 : 0) }
        public static func date(_ day: CalendarDate) -> Value { Value(kind: .date, payload: Int64(day.dayNumber)) }

        /// The day of a date value.
        public var day: CalendarDate? { kind == .date ? CalendarDate(trustedDayNumber: Int32(payload)) : nil }
    }

    /// The actor, command and date shared by the entries of one command.
    struct Stamp {
        var date: Int32
        var actor: TextPool.Index
        var command: TextPool.Index
    }

    // One element per slot: an entry, or the place of one dropped under R10.4.
    private var dates: [Int32] = []
    private var actors: [TextPool.Index] = []
    private var commands: [TextPool.Index] = []
    private var rules: [Rule] = []
    /// The entry's action, a place in `actionList`, or `dropped`.
    private var actions: [Int32] = []
    /// The account's id in `ids`, or -1 for a change to the school directory.
    private var subjects: [TextPool.Index] = []
    /// The school the account belonged to, or the school added; -1 for none.
    private var schools: [Int32] = []
    /// Where each slot's changes start in `changes`; they end where the next slot's start.
    private var changeStarts: [Int32] = []
    /// For each slot, the same account's previous slot, or -1.
    private var previous: [Int32] = []
    private static let dropped: Int32 = -1

    /// Every change of every slot, in order.
    private var changes: [StoredChange] = []

    /// A change in 24 bytes: the two payloads, then the two kinds and the field (two
    /// `Value`s side by side would take 40, with their padding).
    private struct StoredChange {
        private var beforePayload: Int64
        private var afterPayload: Int64
        private var beforeKind: Value.Kind
        private var afterKind: Value.Kind
        var field: Account.Field

        init(field: Account.Field, before: Value, after: Value) {
            (beforePayload, beforeKind) = (before.payload, before.kind)
            (afterPayload, afterKind) = (after.payload, after.kind)
            self.field = field
        }

        var before: Value {
            get { Value(kind: beforeKind, payload: beforePayload) }
            set { (beforePayload, beforeKind) = (newValue.payload, newValue.kind) }
        }

        var after: Value {
            get { Value(kind: afterKind, payload: afterPayload) }
            set { (afterPayload, afterKind) = (newValue.payload, newValue.kind) }
        }
    }

    /// Actors, commands and text values.
    private var texts = TextPool()
    /// The distinct actions of the entries, each once, and their places.
    private var actionList: [AuditEntry.Action] = []
    private var actionPlaces: [AuditEntry.Action: Int32] = [:]
    /// The accounts the log names.
    private var ids = TextPool()
    /// Each account's latest slot, by its id's number in `ids`, or -1.
    private var latest: [Int32] = []

    public private(set) var count = 0
    /// The file of each import entry (one entry a file, R14 checks): its accounts' own
    /// histories start with it.
    public private(set) var importFiles: [Int32: String] = [:]

    public init() {}

    public init(_ entries: [AuditEntry]) {
        reserveEntries(entries.count, accounts: entries.count)
        for entry in entries { append(entry) }
    }

    /// Makes room for `more` entries (the sweep's thousands) about at most `accounts`
    /// accounts not yet in the log, so that no column grows more than once.
    mutating func reserveEntries(_ more: Int, accounts: Int) {
        let total = slotCount + more
        for column in [\Self.dates, \.actors, \.commands, \.actions, \.subjects, \.schools, \.changeStarts, \.previous] as [WritableKeyPath<Self, [Int32]>] {
            self[keyPath: column].reserveGrowing(total)
        }
        rules.reserveGrowing(total)
        changes.reserveGrowing(changes.count + 4 * more)
        ids.reserveCapacity(ids.count + accounts)
        latest.reserveGrowing(latest.count + accounts)
    }

    // MARK: Writing

    /// The stamp of entries made on `date` by `actor` through `command`.
    mutating func stamp(date: CalendarDate, actor: String, command: String) -> Stamp {
        Stamp(date: date.dayNumber, actor: texts.intern(actor), command: texts.intern(command))
    }

    /// The number of an action, for `appendEntry` and `appendStored`.
    public mutating func action(_ action: AuditEntry.Action) -> Int32 {
        if let place = actionPlaces[action] { return place }
        let place = Int32(actionList.count)
        actionList.append(action)
        actionPlaces[action] = place
        return place
    }

    /// A text value.
    mutating func text(_ text: String) -> Value {
        Value(kind: .text, payload: Int64(texts.intern(text)))
    }

    /// Starts an entry about the account whose id is `account` (nil for the school
    /// directory); its changes follow with `appendChange`.
    mutating func appendEntry(
        _ stamp: Stamp, rule: Rule, action: Int32, account: UnsafeRawBufferPointer?, school: SchoolNumber?
    ) {
        appendEntry(stamp, rule: rule, action: action, subject: account.map { subject($0) }, school: school)
    }

    /// The number the log gives the account whose id is `account`, for `appendEntry`.
    mutating func subject(_ account: UnsafeRawBufferPointer) -> TextPool.Index {
        let subject = ids.intern(account)
        if Int(subject) == latest.count { latest.append(-1) }
        return subject
    }

    /// Starts an entry about the account numbered `subject` (see `subject(_:)`), or the
    /// school directory when it is nil.
    mutating func appendEntry(_ stamp: Stamp, rule: Rule, action: Int32, subject: TextPool.Index?, school: SchoolNumber?) {
        let slot = Int32(slotCount)
        var before: Int32 = -1
        if let subject {
            before = latest[Int(subject)]
            latest[Int(subject)] = slot
        }
        dates.append(stamp.date)
        actors.append(stamp.actor)
        commands.append(stamp.command)
        rules.append(rule)
        actions.append(action)
        subjects.append(subject ?? -1)
        schools.append(school.map { Int32($0.value) } ?? -1)
        changeStarts.append(Int32(changes.count))
        previous.append(before)
        count += 1
    }

    /// Adds a change to the entry appended last.
    public mutating func appendChange(_ field: Account.Field, _ before: Value, _ after: Value) {
        changes.append(StoredChange(field: field, before: before, after: after))
    }

    mutating func append(_ entry: AuditEntry) {
        let stamp = stamp(date: entry.date, actor: entry.actor, command: entry.command)
        let action = action(entry.action)
        if var id = entry.account?.value {
            id.withUTF8 { appendEntry(stamp, rule: entry.rule, action: action, account: UnsafeRawBufferPointer($0), school: entry.school) }
        } else {
            appendEntry(stamp, rule: entry.rule, action: action, account: nil, school: entry.school)
        }
        for change in entry.changes {
            appendChange(change.field, value(change.before, of: change.field), value(change.after, of: change.field))
        }
    }

    /// Appends the one entry of an `import accounts` of `file`; returns its index.
    mutating func appendImport(_ entry: AuditEntry, file: String) -> Int32 {
        let index = Int32(slotCount)
        append(entry)
        importFiles[index] = file
        return index
    }

    /// Drops every entry about the account whose id is `id` (R10.4), before its deletion
    /// entry is appended.
    mutating func forget(_ id: UnsafeRawBufferPointer) {
        guard let subject = ids.index(of: id) else { return }
        var slot = latest[Int(subject)]
        latest[Int(subject)] = -1
        while slot >= 0 {
            let s = Int(slot)
            if actions[s] != Self.dropped {
                actions[s] = Self.dropped
                count -= 1
                // The personal data of the changes goes too, though their places stay.
                for change in changeRange(s) {
                    changes[change].before = .null
                    changes[change].after = .null
                }
            }
            slot = previous[s]
        }
    }

    /// A value of `field` as the log keeps it: a date as a day number, other text in the
    /// pool.
    private mutating func value(_ value: Account.FieldValue, of field: Account.Field) -> Value {
        switch value {
        case .null: return .null
        case .number(let number): return .number(number)
        case .bool(let flag): return .bool(flag)
        case .string(let string):
            if field.isDate, let day = CalendarDate(string), day.description == string { return .date(day) }
            return text(string)
        }
    }

    // MARK: Reading

    /// The number of slots, dropped ones included: the index the next entry will have.
    public var slotCount: Int { dates.count }

    /// The entry at `index`, unless it was dropped (R10.4).
    public func entry(at index: Int32) -> AuditEntry? {
        let slot = Int(index)
        guard dates.indices.contains(slot), actions[slot] != Self.dropped else { return nil }
        return AuditEntry(
            date: CalendarDate(trustedDayNumber: dates[slot]), actor: texts[actors[slot]],
            command: texts[commands[slot]], rule: rules[slot], action: actionList[Int(actions[slot])],
            account: subjects[slot] < 0 ? nil : AccountID(trusted: ids[subjects[slot]]),
            school: schools[slot] < 0 ? nil : SchoolNumber(unchecked: schools[slot]),
            changes: changeRange(slot).map { change in
                AuditEntry.Change(field: changes[change].field, before: fieldValue(changes[change].before),
                                  after: fieldValue(changes[change].after))
            })
    }

    /// Every entry, oldest first.
    public var all: [AuditEntry] { (0..<Int32(slotCount)).compactMap(entry(at:)) }

    /// The entries about one account, oldest first.
    public func entries(for id: AccountID) -> [AuditEntry] {
        indexedEntries(for: id).map(\.entry)
    }

    /// The entries about one account with their places in the log, oldest first.
    func indexedEntries(for id: AccountID) -> [(index: Int32, entry: AuditEntry)] {
        guard let subject = ids.index(of: id.value) else { return [] }
        var result: [(index: Int32, entry: AuditEntry)] = []
        var slot = latest[Int(subject)]
        while slot >= 0 {
            if let entry = entry(at: slot) { result.append((slot, entry)) }
            slot = previous[Int(slot)]
        }
        return result.reversed()
    }

    private func changeRange(_ slot: Int) -> Range<Int> {
        Int(changeStarts[slot])..<(slot + 1 < changeStarts.count ? Int(changeStarts[slot + 1]) : changes.count)
    }

    /// A value as the interchange formats show it.
    private func fieldValue(_ value: Value) -> Account.FieldValue {
        switch value.kind {
        case .null: .null
        case .text: .string(texts[TextPool.Index(value.payload)])
        case .number: .number(Int(value.payload))
        case .bool: .bool(value.payload != 0)
        case .date: .string(CalendarDate(trustedDayNumber: Int32(value.payload)).description)
        }
    }
}

extension Account.Field {
    /// Whether the field holds a date.
    var isDate: Bool {
        switch self {
        case .created, .lastActivity, .expires, .leavingDate, .deactivatedOn, .deletionDue: true
        default: false
        }
    }
}

// MARK: The log as a snapshot keeps it

extension AuditLog {
    /// One entry as the log keeps it, for a file that keeps the log's own shape (a
    /// snapshot): texts are numbers in the log's pool (`text(_:)`), the action a number
    /// among its actions (`action(at:)`), the account a number among its ids
    /// (`withAccountID(_:_:)`), the changes places for `change(_:)`.
    public struct StoredEntry: Sendable {
        public var date: CalendarDate
        public var actor: Int32
        public var command: Int32
        public var rule: Rule
        public var action: Int32
        public var account: Int32?
        public var school: SchoolNumber?
        public var changes: Range<Int>
    }

    /// The entry in `slot` as the log keeps it, or nil when it was dropped (R10.4).
    public func storedEntry(_ slot: Int) -> StoredEntry? {
        guard actions[slot] != Self.dropped else { return nil }
        return StoredEntry(
            date: CalendarDate(trustedDayNumber: dates[slot]), actor: actors[slot], command: commands[slot],
            rule: rules[slot], action: actions[slot], account: subjects[slot] < 0 ? nil : subjects[slot],
            school: schools[slot] < 0 ? nil : SchoolNumber(unchecked: schools[slot]), changes: changeRange(slot))
    }

    public func change(_ index: Int) -> (field: Account.Field, before: Value, after: Value) {
        (changes[index].field, changes[index].before, changes[index].after)
    }

    /// How many texts the pool holds: text numbers are `0..<textCount`.
    public var textCount: Int { texts.count }

    /// The text numbered `index`.
    public func text(_ index: Int32) -> String { texts[index] }

    /// How many distinct actions the log holds: action numbers are `0..<actionCount`.
    public var actionCount: Int { actionList.count }

    /// The action numbered `index`.
    public func action(at index: Int32) -> AuditEntry.Action { actionList[Int(index)] }

    /// Calls `body` with the bytes of the id numbered `index`.
    public func withAccountID<T>(_ index: Int32, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        ids.withBytes(of: index, body)
    }

    /// The number of `text` in the log's pool, which is added if it is new (for a reader
    /// that rebuilds a log from a file).
    public mutating func intern(_ text: String) -> Int32 { texts.intern(text) }

    /// The value of `field` that is the text numbered `index`: a date as a day number, as
    /// the log keeps dates.
    public func storedValue(text index: Int32, of field: Account.Field) -> Value {
        if field.isDate, let day = texts.withBytes(of: index, CalendarDate.init(utf8:)) { return .date(day) }
        return Value(kind: .text, payload: Int64(index))
    }

    /// Appends an entry read back from a file, about the account whose id is `account`
    /// (a valid id in lower case), with the action numbered `action` (`action(_:)`); its
    /// changes follow with `appendChange`.
    public mutating func appendStored(
        date: CalendarDate, actor: Int32, command: Int32, rule: Rule, action: Int32,
        account: UnsafeRawBufferPointer?, school: SchoolNumber?
    ) {
        appendEntry(Stamp(date: date.dayNumber, actor: actor, command: command), rule: rule, action: action,
                    account: account, school: school)
    }

    /// Appends the place of an entry that was dropped (R10.4).
    public mutating func appendDropped() {
        dates.append(0)
        actors.append(0)
        commands.append(0)
        rules.append(.r10)
        actions.append(Self.dropped)
        subjects.append(-1)
        schools.append(-1)
        changeStarts.append(Int32(changes.count))
        previous.append(-1)
    }

    /// Names the file of each import entry; false, and nothing changed, when one of them
    /// names no entry.
    public mutating func setImportFiles(_ files: [Int32: String]) -> Bool {
        guard files.keys.allSatisfy({ (0..<Int32(slotCount)).contains($0) && actions[Int($0)] != Self.dropped }) else {
            return false
        }
        importFiles = files
        return true
    }
}

extension Array {
    /// Makes room for `total` elements, at least doubling the room when it must grow:
    /// `reserveCapacity` alone allocates exactly what is asked, so a long log would be
    /// copied whole by every small sweep that reserves a few entries more.
    mutating func reserveGrowing(_ total: Int) {
        guard total > capacity else { return }
        reserveCapacity(Swift.max(total, 2 * capacity))
    }
}
