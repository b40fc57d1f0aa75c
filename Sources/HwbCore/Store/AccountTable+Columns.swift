/// A table as a snapshot holds it: every column whole, rows dense (no free rows), so
/// that loading copies columns rather than builds accounts. (Saving writes the table's
/// own columns, `Snapshot.writeColumns`.)
extension AccountTable {
    public struct Columns: Sendable {
        /// Each row's id, then its name, in row order.
        public var text: [UInt8] = []
        public var idLength: [UInt8] = []
        public var nameLength: [UInt32] = []
        public var kinds: [Account.Kind] = []
        public var schools: [Int32] = []
        public var reasons: [Account.Reason?] = []
        public var created: [Int32] = []
        public var lastActivity: [Int32] = []
        public var contents: [Int] = []
        public var roles: [Account.Role?] = []
        public var leaving: [Int32] = []
        public var categories: [Account.Category?] = []
        public var expires: [Int32] = []
        public var closeAtExpiry: [Bool] = []
        public var deactivatedOn: [Int32] = []
        public var importEntries: [Int32] = []
        public var importRows: [Int32] = []
        public var pendingSchools: [Row: SchoolNumber] = [:]

        public init() {}

        public var count: Int { kinds.count }
    }

    /// A batch holding `columns` (no id map yet), or nil when they do not fit together:
    /// columns of different lengths, text that does not add up, a pending row out of range.
    init?(_ columns: Columns) {
        let count = columns.count
        let lengths = [columns.idLength.count, columns.nameLength.count, columns.schools.count, columns.reasons.count,
                       columns.created.count, columns.lastActivity.count, columns.contents.count, columns.roles.count,
                       columns.leaving.count, columns.categories.count, columns.expires.count,
                       columns.closeAtExpiry.count, columns.deactivatedOn.count, columns.importEntries.count,
                       columns.importRows.count]
        guard lengths.allSatisfy({ $0 == count }),
              columns.pendingSchools.keys.allSatisfy({ $0 >= 0 && Int($0) < count })
        else { return nil }
        var starts = [Int](repeating: 0, count: count)
        var position = 0
        for row in 0..<count {
            starts[row] = position
            position += Int(columns.idLength[row]) + Int(columns.nameLength[row])
        }
        guard position == columns.text.count else { return nil }
        text = columns.text
        textStart = starts
        idLength = columns.idLength
        nameLength = columns.nameLength
        kinds = columns.kinds.map { $0 }
        schools = columns.schools
        reasons = columns.reasons
        created = columns.created
        lastActivity = columns.lastActivity
        contents = columns.contents
        roles = columns.roles
        leaving = columns.leaving
        categories = columns.categories
        expires = columns.expires
        closeAtExpiry = columns.closeAtExpiry
        deactivatedOn = columns.deactivatedOn
        importEntries = columns.importEntries
        importRows = columns.importRows
        pendingSchools = columns.pendingSchools
        self.count = count
    }

    /// What is wrong with the first row whose values no account can hold (an id not in
    /// lower-case R4 form, a name not UTF-8, a date off the calendar, fields of the other
    /// kind); nil when every row is sound. The rules (R14) are checked apart. One pass
    /// over the columns, the text read through one pointer.
    func firstMalformation() -> String? {
        let first = CalendarDate.minimum.dayNumber, last = CalendarDate.maximum.dayNumber
        func isDay(_ day: Int32) -> Bool { day >= first && day <= last }
        func isDayOrNone(_ day: Int32) -> Bool { day == Self.noDate || isDay(day) }
        var bad: (row: Int, problem: String)?
        text.withUnsafeBytes { text in
            for r in 0..<kinds.count {
                let start = textStart[r], idCount = Int(idLength[r]), nameCount = Int(nameLength[r])
                guard idCount >= 1, idCount <= AccountID.maximumLength,
                      Self.isLowerCaseID(UnsafeRawBufferPointer(rebasing: text[start..<start + idCount]))
                else { bad = (r, "the id is not a lower-case account id"); return }
                guard Self.isUTF8(UnsafeRawBufferPointer(rebasing: text[start + idCount..<start + idCount + nameCount])) else {
                    bad = (r, "the name is not UTF-8"); return
                }
                guard isDay(created[r]), isDay(lastActivity[r]), isDayOrNone(leaving[r]), isDayOrNone(expires[r]),
                      (reasons[r] == nil) == (deactivatedOn[r] == Self.noDate), isDayOrNone(deactivatedOn[r])
                else { bad = (r, "a date is off the calendar or out of place"); return }
                guard (importEntries[r] == -1 && importRows[r] == 0) || (importEntries[r] >= 0 && importRows[r] >= 1) else {
                    bad = (r, "its import origin is malformed"); return
                }
                guard SchoolNumber(value: Int(schools[r])) != nil,
                      kinds[r] == .mis ? (categories[r] == nil && expires[r] == Self.noDate && !closeAtExpiry[r])
                                       : (roles[r] == nil && leaving[r] == Self.noDate)
                else { bad = (r, "it holds fields of the other kind of account"); return }
            }
        }
        return bad.map { "account \($0.row + 1) of \(kinds.count): \($0.problem)" }
    }

    /// R4: 1 to 64 characters of `a-z 0-9 . _ @ -` (lower case), starting with a letter or
    /// digit. (The length is checked by the caller.)
    public static func isLowerCaseID(_ id: UnsafeRawBufferPointer) -> Bool {
        idBytes.withUnsafeBufferPointer { kinds in
            guard let first = id.first, kinds[Int(first)] == 1 else { return false }
            for byte in id where kinds[Int(byte)] == 0 { return false }
            return true
        }
    }

    /// What each byte may be in a stored id: 1 a lower-case letter or digit, 2 `. _ @ -`,
    /// 0 nothing.
    private static let idBytes: [UInt8] = (0...255).map { byte in
        if (48...57).contains(byte) || (97...122).contains(byte) { return 1 }
        return [46, 95, 64, 45].contains(byte) ? 2 : 0
    }

    /// Whether `bytes` are well-formed UTF-8 (what `String(validating:)` accepts),
    /// without making a string.
    public static func isUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        // Most names are ASCII: 8 bytes at a time while they are.
        while index + 8 <= bytes.count, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            index += 8
        }
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int, lowest: UInt32
            switch lead {
            case 0xC2...0xDF: (length, lowest) = (2, 0x80)
            case 0xE0...0xEF: (length, lowest) = (3, 0x800)
            case 0xF0...0xF4: (length, lowest) = (4, 0x10000)
            default: return false
            }
            guard index + length <= bytes.count else { return false }
            var scalar = UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1..<length {
                let byte = bytes[index + offset]
                guard byte & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            guard scalar >= lowest, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return false }
            index += length
        }
        return true
    }
}
