/// R4: every account of the store, held column by column.
///
/// An account lives in a row: its id and name are bytes in one text arena, its dates day
/// numbers, its school a number, its kind, role, category and reason a byte each. An
/// account takes about 100 bytes, with its share of the id map, and no allocation of its
/// own; a filter reads only the columns it needs. `Account` is the typed view of one
/// row, built only for the rows a command shows or changes (`self[row]`).
///
/// R14.3 holds by construction, as in `Account.State`: the status is whether a reason is
/// set, and `deletionDue` is not stored but derived from `deactivatedOn` and
/// `deletionMonths`, the store policy's deletion delay. A batch read for
/// an import may hold rows no account can (an MIS row with no role...) until the store
/// has checked it: such a row is read as raw `fields(at:)`.
///
/// Ids are found through an open-addressing hash table of rows. The row of a deleted
/// account is reused by the next account added.
public struct AccountTable: Sendable {
    /// A row number: an account's place in the columns.
    public typealias Row = Int32

    /// The day number that stands for "no date".
    public static let noDate = Int32.min

    // The text arena: each row's id, then its name.
    public internal(set) var text: [UInt8] = []
    public internal(set) var textStart: [Int] = []
    public internal(set) var idLength: [UInt8] = []
    public internal(set) var nameLength: [UInt32] = []

    /// nil for a free row (its account was deleted).
    public internal(set) var kinds: [Account.Kind?] = []
    public internal(set) var schools: [Int32] = []
    /// nil while the account is active.
    public internal(set) var reasons: [Account.Reason?] = []
    public internal(set) var created: [Int32] = []
    public internal(set) var lastActivity: [Int32] = []
    public internal(set) var contents: [Int] = []
    /// MIS accounts.
    public internal(set) var roles: [Account.Role?] = []
    public internal(set) var leaving: [Int32] = []
    /// Non-MIS accounts.
    public internal(set) var categories: [Account.Category?] = []
    public internal(set) var expires: [Int32] = []
    public internal(set) var closeAtExpiry: [Bool] = []
    public internal(set) var deactivatedOn: [Int32] = []
    /// The store policy's deletion delay (R10.3), from which each deactivated row's
    /// `deletionDue` is derived.
    public internal(set) var deletionMonths = Policy.guidance.deletionMonths
    /// For an imported account, the audit entry of its import and its row in the file
    /// (1-based); -1 and 0 for an account made by a command.
    public internal(set) var importEntries: [Int32] = []
    public internal(set) var importRows: [Int32] = []
    /// The hash of each row's id, kept only while a batch is being read (`Rows`), so
    /// that the reading cores hash the ids, not the one that checks them.
    var idHashes: [Int] = []
    /// Deactivated staff waiting for the Service Desk (R9), by row: rare, so kept apart.
    public internal(set) var pendingSchools: [Row: SchoolNumber] = [:]

    /// Rows by the hash of their id. Each slot holds the top half of the id's hash over
    /// the row (so that a probe reads an id only when the hashes agree), or `emptySlot`.
    /// The capacity is a power of two at least twice the number of accounts.
    var slots: [UInt64] = []
    static let emptySlot = UInt64.max
    private var freeRows: [Row] = []
    /// Bytes of the text arena left behind by freed rows.
    private var freedText = 0
    public internal(set) var count = 0

    public init() {}

    public var isEmpty: Bool { count == 0 }

    /// One past the highest row in use: rows are `0..<rowCount`, some of them free.
    public var rowCount: Int { kinds.count }

    /// Whether no row was ever freed: every row is live and the text arena holds exactly
    /// their ids and names in row order, so the columns can be saved as they are.
    public var isDense: Bool { freedText == 0 }

    /// Every row that holds an account, in row order.
    public var rows: [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(count)
        for row in 0..<kinds.count where kinds[row] != nil { rows.append(Row(row)) }
        return rows
    }

    /// Makes room for `more` rows beyond those held, and `textBytes` of text; the id map
    /// too unless `mapped` is false (a batch maps its ids once it is read, `mapIDs`, and
    /// keeps their hashes until then).
    public mutating func reserveCapacity(_ more: Int, textBytes: Int = 0, mapped: Bool = true) {
        let total = rowCount + more
        textStart.reserveCapacity(total)
        idLength.reserveCapacity(total)
        nameLength.reserveCapacity(total)
        kinds.reserveCapacity(total)
        schools.reserveCapacity(total)
        reasons.reserveCapacity(total)
        created.reserveCapacity(total)
        lastActivity.reserveCapacity(total)
        contents.reserveCapacity(total)
        roles.reserveCapacity(total)
        leaving.reserveCapacity(total)
        categories.reserveCapacity(total)
        expires.reserveCapacity(total)
        closeAtExpiry.reserveCapacity(total)
        deactivatedOn.reserveCapacity(total)
        importEntries.reserveCapacity(total)
        importRows.reserveCapacity(total)
        text.reserveCapacity(text.count + textBytes)
        if mapped {
            growSlots(toHold: count + more)
        } else {
            idHashes.reserveCapacity(total)
        }
    }

    // MARK: Reading

    /// The row of the account `id`, or nil.
    public func row(of id: AccountID) -> Row? {
        var value = id.value
        return value.withUTF8 { row(ofIDBytes: UnsafeRawBufferPointer($0)) }
    }

    /// The row whose id is exactly these (lower-case) bytes, or nil.
    func row(ofIDBytes id: UnsafeRawBufferPointer) -> Row? {
        row(ofIDBytes: id, hash: Self.hash(id))
    }

    /// The row whose id is exactly these bytes, whose hash is `hash`, or nil.
    func row(ofIDBytes id: UnsafeRawBufferPointer, hash: Int) -> Row? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        let tag = Self.tag(hash)
        var slot = hash & mask
        while true {
            let entry = slots[slot]
            if entry == Self.emptySlot { return nil }
            if entry >> 32 == tag {
                let row = Row(truncatingIfNeeded: entry)
                if idEquals(row, id) { return row }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The top half of a hash, kept in the slot beside the row.
    static func tag(_ hash: Int) -> UInt64 { UInt64(UInt(bitPattern: hash) >> 32) }

    /// A slot of a hash table that keeps the tag of `hash` beside a number (a row, or a
    /// text's number in a `TextPool`).
    static func slot(hash: Int, holding number: Int32) -> UInt64 {
        tag(hash) << 32 | UInt64(UInt32(bitPattern: number))
    }

    public subscript(id: AccountID) -> Account? {
        row(of: id).map { self[$0] }
    }

    /// The account in `row`, as a typed value. The row must hold an account that passed
    /// R4 and R14 (every row of a store's table does); a batch not yet checked is read
    /// with `fields(at:)`.
    public subscript(row: Row) -> Account {
        let r = Int(row)
        let lifecycle: Account.Lifecycle
        switch kinds[r] {
        case .mis?:
            guard let role = roles[r] else { preconditionFailure("row \(row) holds an MIS account with no role") }
            lifecycle = .mis(Account.MIS(role: role, leavingDate: date(leaving[r]), pendingSchool: pendingSchools[row]))
        case .nonMIS?:
            guard let category = categories[r], let expiry = date(expires[r]) else {
                preconditionFailure("row \(row) holds a non-MIS account with no category or expiry")
            }
            lifecycle = .nonMIS(Account.NonMIS(category: category, expires: expiry, closeAtExpiry: closeAtExpiry[r]))
        case nil:
            preconditionFailure("row \(row) holds no account")
        }
        let state: Account.State
        if let reason = reasons[r] {
            let on = CalendarDate(trustedDayNumber: deactivatedOn[r])
            state = .deactivated(on: on, reason: reason, due: on.addingMonths(deletionMonths) ?? .maximum)
        } else {
            state = .active
        }
        return Account(
            id: id(at: row), name: name(at: row), school: SchoolNumber(unchecked: schools[r]),
            created: CalendarDate(trustedDayNumber: created[r]), lastActivity: CalendarDate(trustedDayNumber: lastActivity[r]),
            content: contents[r], lifecycle: lifecycle, state: state)
    }

    /// The account in `row` as raw fields, whatever they hold (a row of a batch not yet
    /// checked, for `Store.problems(with:)`); `deletionDue` is derived from
    /// `deactivatedOn` and `deletionMonths`.
    public func fields(at row: Row) -> Account.Fields {
        let r = Int(row)
        guard let kind = kinds[r] else { preconditionFailure("row \(row) holds no account") }
        let deactivated = date(deactivatedOn[r])
        return Account.Fields(
            id: id(at: row), name: name(at: row), kind: kind, school: SchoolNumber(unchecked: schools[r]),
            status: reasons[r] == nil ? .active : .deactivated, created: CalendarDate(trustedDayNumber: created[r]),
            lastActivity: date(lastActivity[r]), content: contents[r],
            role: roles[r], leavingDate: date(leaving[r]), pendingSchool: pendingSchools[row],
            category: categories[r], expires: date(expires[r]),
            closeAtExpiry: kind == .nonMIS ? closeAtExpiry[r] : nil,
            deactivatedOn: deactivated, deletionDue: deactivated.map { $0.addingMonths(deletionMonths) ?? .maximum }, reason: reasons[r])
    }

    public func id(at row: Row) -> AccountID {
        AccountID(trusted: string(from: Int(textStart[Int(row)]), count: Int(idLength[Int(row)])))
    }

    public func name(at row: Row) -> String {
        string(from: Int(textStart[Int(row)]) + Int(idLength[Int(row)]), count: Int(nameLength[Int(row)]))
    }

    public func school(at row: Row) -> SchoolNumber { SchoolNumber(unchecked: schools[Int(row)]) }

    public func content(at row: Row) -> Int { contents[Int(row)] }

    /// Calls `body` with the bytes of the id in `row`.
    func withIDBytes<T>(_ row: Row, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let start = Int(textStart[Int(row)]), length = Int(idLength[Int(row)])
        return text.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<start + length])) }
    }

    /// Calls `body` with the bytes of the name in `row`.
    func withNameBytes<T>(_ row: Row, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let start = Int(textStart[Int(row)]) + Int(idLength[Int(row)]), length = Int(nameLength[Int(row)])
        return text.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<start + length])) }
    }

    /// The rows whose name holds a control character `NameText` refuses. Ids never hold
    /// one, so one pass over the text finds whether any name does; only then is each
    /// name looked at.
    func rowsWithRefusedNames() -> [Row] {
        guard text.withUnsafeBytes(NameText.holdsRefused) else { return [] }
        return rows.filter { withNameBytes($0, NameText.holdsRefused) }
    }

    private func string(from start: Int, count: Int) -> String {
        text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + count]), as: UTF8.self) }
    }

    private func date(_ day: Int32) -> CalendarDate? {
        day == Self.noDate ? nil : CalendarDate(trustedDayNumber: day)
    }

    /// A table that holds only the ids' text of this one's rows, for
    /// work that reads them beside changes to the other columns (which are then not
    /// copied).
    var idColumns: AccountTable {
        var table = AccountTable()
        (table.text, table.textStart, table.idLength) = (text, textStart, idLength)
        return table
    }

    /// Sorts rows by their accounts' ids (byte order, which is the order of `AccountID`).
    public func sortByID(_ rows: inout [Row]) {
        var ascending = rows
        ascending.sortRows()
        rows = idOrder(of: ascending).map { ascending[$0] }
    }

    /// The places in `rows` in the order of their accounts' ids. Each id's first 16 bytes
    /// are read once, as two numbers, and sorted a byte at a time from the first
    /// (`IDKeys.sort`); only ids that share those bytes are compared whole. The ids are
    /// read in the order of `rows`: rows in ascending order read the text arena front to
    /// back.
    public func idOrder(of rows: [Row]) -> [Int] {
        text.withUnsafeBytes { text in
            textStart.withUnsafeBufferPointer { starts in
                idLength.withUnsafeBufferPointer { lengths in
                    func id(_ place: Int32) -> UnsafeRawBufferPointer {
                        let row = Int(rows[Int(place)]), start = starts[row]
                        return UnsafeRawBufferPointer(rebasing: text[start..<start + Int(lengths[row])])
                    }
                    var keys = IDKeys(rows.indices.map { place in
                        let bytes = id(Int32(place))
                        return IDKeys.Key(high: Self.sortKey(bytes, from: 0), low: Self.sortKey(bytes, from: 8), place: Int32(place))
                    })
                    keys.sort { Self.precedes(id($0), id($1)) }
                    return keys.keys.map { Int($0.place) }
                }
            }
        }
    }

    /// 8 bytes of an id from `start` as a big-endian number, zeros past its end (no id
    /// holds a zero byte, so the keys are in the ids' order).
    private static func sortKey(_ id: UnsafeRawBufferPointer, from start: Int) -> UInt64 {
        var key: UInt64 = 0
        for index in start..<start + 8 { key = key << 8 | UInt64(index < id.count ? id[index] : 0) }
        return key
    }

    /// Whether `a` comes before `b` in byte order.
    private static func precedes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let common = Swift.min(a.count, b.count)
        var index = 0
        while index < common {
            if a[index] != b[index] { return a[index] < b[index] }
            index += 1
        }
        return a.count < b.count
    }

    // MARK: Changing

    /// Adds `account`, whose id must not be in the table, and returns its row.
    @discardableResult
    public mutating func insert(_ account: Account) -> Row {
        let row: Row
        if let free = freeRows.popLast() {
            row = free
        } else {
            row = Row(kinds.count)
            textStart.append(0)
            idLength.append(0)
            nameLength.append(0)
            kinds.append(nil)
            schools.append(0)
            reasons.append(nil)
            created.append(Self.noDate)
            lastActivity.append(Self.noDate)
            contents.append(0)
            roles.append(nil)
            leaving.append(Self.noDate)
            categories.append(nil)
            expires.append(Self.noDate)
            closeAtExpiry.append(false)
            deactivatedOn.append(Self.noDate)
            importEntries.append(-1)
            importRows.append(0)
        }
        let r = Int(row)
        importEntries[r] = -1
        importRows[r] = 0
        textStart[r] = text.count
        idLength[r] = UInt8(account.id.value.utf8.count)
        nameLength[r] = UInt32(account.name.utf8.count)
        text.append(contentsOf: account.id.value.utf8)
        text.append(contentsOf: account.name.utf8)
        count += 1
        growSlots(toHold: count)
        addToSlots(row)
        set(row, to: account)
        return row
    }

    /// Puts `account` in `row`, which holds the account with the same id (ids and names
    /// never change).
    public mutating func update(_ row: Row, to account: Account) {
        set(row, to: account)
    }

    /// R10.1-3: the active account in `row` becomes deactivated on `day` for `reason`
    /// (`deletionDue` follows from the day).
    mutating func deactivate(_ row: Row, on day: CalendarDate, reason: Account.Reason) {
        reasons[Int(row)] = reason
        deactivatedOn[Int(row)] = day.dayNumber
    }

    /// Frees `row`; its account is gone.
    public mutating func remove(_ row: Row) {
        removeFromSlots(row)
        freedText += Int(idLength[Int(row)]) + Int(nameLength[Int(row)])
        kinds[Int(row)] = nil
        pendingSchools[row] = nil
        freeRows.append(row)
        count -= 1
    }

    /// Writes only the cells that change: a column another store value still shares (a
    /// step kept for `undo`) is copied when it is written to, so a `keep` copies the
    /// expiry column, not every column of the row.
    private mutating func set(_ row: Row, to account: Account) {
        let r = Int(row)
        Self.put(account.kind, in: &kinds, at: r)
        Self.put(Int32(account.school.value), in: &schools, at: r)
        Self.put(account.created.dayNumber, in: &created, at: r)
        Self.put(account.lastActivity.dayNumber, in: &lastActivity, at: r)
        Self.put(account.content, in: &contents, at: r)
        let pendingSchool: SchoolNumber?
        switch account.lifecycle {
        case .mis(let mis):
            Self.put(mis.role, in: &roles, at: r)
            Self.put(mis.leavingDate?.dayNumber ?? Self.noDate, in: &leaving, at: r)
            pendingSchool = mis.pendingSchool
            Self.put(nil, in: &categories, at: r)
            Self.put(Self.noDate, in: &expires, at: r)
            Self.put(false, in: &closeAtExpiry, at: r)
        case .nonMIS(let nonMIS):
            Self.put(nil, in: &roles, at: r)
            Self.put(Self.noDate, in: &leaving, at: r)
            pendingSchool = nil
            Self.put(nonMIS.category, in: &categories, at: r)
            Self.put(nonMIS.expires.dayNumber, in: &expires, at: r)
            Self.put(nonMIS.closeAtExpiry, in: &closeAtExpiry, at: r)
        }
        if pendingSchools[row] != pendingSchool { pendingSchools[row] = pendingSchool }
        switch account.state {
        case .active:
            Self.put(nil, in: &reasons, at: r)
            Self.put(Self.noDate, in: &deactivatedOn, at: r)
        case .deactivated(let on, let reason, _):
            Self.put(reason, in: &reasons, at: r)
            Self.put(on.dayNumber, in: &deactivatedOn, at: r)
        }
    }

    @inline(__always)
    private static func put<Value: Equatable>(_ value: Value, in column: inout [Value], at r: Int) {
        if column[r] != value { column[r] = value }
    }

    // MARK: The id hash table

    func idEquals(_ row: Row, _ id: UnsafeRawBufferPointer) -> Bool {
        guard Int(idLength[Int(row)]) == id.count else { return false }
        return withIDBytes(row) { $0.elementsEqual(id) }
    }

    /// A hash of an id's bytes, taken eight at a time: each word is mixed in with a
    /// multiply and a shift, and the result once more at the end, so that both the low bits
    /// (an id's home slot) and the high bits (its tag) depend on every byte. A byte at a
    /// time would be a multiply per byte, one after the other.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) &* multiplier
            hash ^= hash >> 32
            offset += 8
        }
        if offset < bytes.count {
            var word: UInt64 = 0
            for index in offset..<bytes.count { word |= UInt64(bytes[index]) << UInt64(8 * (index - offset)) }
            hash = (hash ^ word) &* multiplier
            hash ^= hash >> 32
        }
        hash = (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// Makes the id map big enough for `total` accounts, entering the rows held again
    /// unless `rehash` is false.
    mutating func growSlots(toHold total: Int, rehash: Bool = true) {
        guard total * 2 > slots.count else { return }
        var capacity = Swift.max(16, slots.count)
        while capacity < total * 2 { capacity *= 2 }
        slots = [UInt64](repeating: Self.emptySlot, count: capacity)
        guard rehash else { return }
        for row in 0..<kinds.count where kinds[row] != nil { addToSlots(Row(row)) }
    }

    mutating func addToSlots(_ row: Row) {
        addToSlots(row, hash: withIDBytes(row) { Self.hash($0) })
    }

    mutating func addToSlots(_ row: Row, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != Self.emptySlot { slot = (slot + 1) & mask }
        slots[slot] = Self.slot(hash: hash, holding: row)
    }

    /// Linear probing's backward-shift deletion: no tombstones.
    private mutating func removeFromSlots(_ row: Row) {
        let mask = slots.count - 1
        var slot = withIDBytes(row) { Self.hash($0) } & mask
        while Row(truncatingIfNeeded: slots[slot]) != row { slot = (slot + 1) & mask }
        var hole = slot
        var next = (hole + 1) & mask
        while slots[next] != Self.emptySlot {
            let home = withIDBytes(Row(truncatingIfNeeded: slots[next])) { Self.hash($0) } & mask
            // The entry at `next` may move into the hole when its home is not in (hole, next].
            let distanceToHome = (next - home) & mask
            let distanceToHole = (next - hole) & mask
            if distanceToHome >= distanceToHole {
                slots[hole] = slots[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = Self.emptySlot
    }
}

extension AccountTable: Equatable {
    /// The same accounts, whatever their rows.
    public static func == (lhs: AccountTable, rhs: AccountTable) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.rows.allSatisfy { row in rhs[lhs.id(at: row)] == lhs[row] }
    }
}

extension AccountTable: Sequence {
    /// Every account with its id, in row order.
    public func makeIterator() -> AnyIterator<(key: AccountID, value: Account)> {
        var rows = self.rows.makeIterator()
        return AnyIterator {
            rows.next().map { (key: id(at: $0), value: self[$0]) }
        }
    }

    /// Every account, in row order.
    public var values: [Account] { rows.map { self[$0] } }

    /// Every id, in row order.
    public var keys: [AccountID] { rows.map { id(at: $0) } }
}

extension AccountTable {
    /// `Account.scheduledDeactivation` of the account in `row` under `policy`, read from
    /// the columns.
    func scheduledDeactivation(_ row: Row, _ policy: Policy) -> (on: CalendarDate, reason: Account.Reason)? {
        let r = Int(row)
        guard reasons[r] == nil else { return nil }
        if kinds[r] == .mis {
            return leaving[r] == Self.noDate ? nil : (CalendarDate(trustedDayNumber: leaving[r]), .left)
        }
        return policy.scheduledDeactivation(
            expires: expires[r] == Self.noDate ? nil : CalendarDate(trustedDayNumber: expires[r]),
            lastActivity: CalendarDate(trustedDayNumber: lastActivity[r]))
    }
}

extension AccountTable {
    /// Every account by id: a copy for checks that compare whole stores (tests, properties).
    public var dictionary: [AccountID: Account] {
        Dictionary(uniqueKeysWithValues: rows.map { (id(at: $0), self[$0]) })
    }
}
