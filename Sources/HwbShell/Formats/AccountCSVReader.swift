import Dispatch
import HwbCore

/// Reads an `import accounts` file straight into a batch of columns, without a `String`
/// or an `Account` per row, one half of the file on each core.
///
/// This is the fast path for the common case, a well-formed file. It gives up (nil) on
/// anything out of the ordinary: a malformed cell, a quote where none belongs, a value
/// the columns cannot hold (an MIS account with a category, a `deletionDue` that is not
/// 12 months after `deactivatedOn`, a deactivated account with no reason...). The caller
/// then reads the file the careful way, `CSV.records` and `AccountRecord.decode`, which
/// says what is wrong with each row. What it takes, the store still checks against the
/// rules (`Store.importAccounts`).
enum AccountCSVReader {
    /// The rows of `bytes` (a whole CSV file) in a batch, or nil to take the careful path.
    /// `progress` is told of the bytes read as they go.
    static func batch(_ bytes: [UInt8], progress: Progress? = nil) -> AccountTable? {
        bytes.withUnsafeBytes { file -> AccountTable? in
            var start = file.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            guard let fields = header(file, from: &start) else { return nil }
            // Split at a line end near the middle; the split holds when both halves read
            // (a line end inside a quoted cell leaves one of them unreadable).
            var middle = start + (file.count - start) / 2
            while middle < file.count, file[middle] != 10 { middle += 1 }
            let split = min(middle + 1, file.count)
            guard file.count - start > 1 << 20, split < file.count else {
                var reader = Reader(file: file, fields: fields, progress: progress)
                return reader.read(from: start, to: file.count) ? reader.table : nil
            }
            let halves = Halves()
            let (whole, first) = (SharedBytes(file), start)
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                var reader = Reader(file: whole.bytes, fields: fields, progress: progress)
                let read = half == 0 ? reader.read(from: first, to: split) : reader.read(from: split, to: whole.bytes.count)
                if half == 0 { halves.first = read ? reader.table : nil } else { halves.second = read ? reader.table : nil }
            }
            guard var table = halves.first, let second = halves.second else {
                // The split may have fallen inside a quoted cell: read the file in one go.
                var reader = Reader(file: file, fields: fields, progress: nil)
                return reader.read(from: start, to: file.count) ? reader.table : nil
            }
            table.appendBatch(second)
            return table
        }
    }

    /// The columns of the header line, or nil unless it is a plain line of distinct known
    /// names including every required one.
    private static func header(_ file: UnsafeRawBufferPointer, from start: inout Int) -> [Account.Field]? {
        var end = start
        while end < file.count, file[end] != 10 { end += 1 }
        var lineEnd = end
        if lineEnd > start, file[lineEnd - 1] == 13 { lineEnd -= 1 }
        var fields: [Account.Field] = []
        for name in file[start..<lineEnd].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            guard let field = Account.Field(rawValue: String(decoding: name, as: UTF8.self)), !fields.contains(field) else {
                return nil
            }
            fields.append(field)
        }
        guard AccountRecord.requiredColumns.allSatisfy(fields.contains) else { return nil }
        start = min(end + 1, file.count)
        return fields
    }

    /// The file's bytes, read by both halves at once and written by neither.
    private struct SharedBytes: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
    }

    /// What the two halves read, each half writing only its own property.
    private final class Halves: @unchecked Sendable {
        var first: AccountTable?
        var second: AccountTable?
    }

    /// Reads the records of one part of the file into `table`.
    private struct Reader {
        let file: UnsafeRawBufferPointer
        let fields: [Account.Field]
        let progress: Progress?
        var table = AccountTable()
        /// Each cell of the current record, by field ordinal: its bytes' range.
        private var cells: [Range<Int>]
        /// An unquoted copy of a quoted name with doubled quotes, else empty.
        private var nameCopy: [UInt8] = []
        /// The id in lower case.
        private var id: [UInt8] = []

        init(file: UnsafeRawBufferPointer, fields: [Account.Field], progress: Progress?) {
            self.file = file
            self.fields = fields
            self.progress = progress
            // The cells of missing columns stay empty.
            cells = Array(repeating: 0..<0, count: Account.Field.allCases.count)
        }

        /// Reads every record from `start` (a record's start) to `end`; false to give up.
        mutating func read(from start: Int, to end: Int) -> Bool {
            table.reserveCapacity((end - start) / 90, textBytes: (end - start) / 3, mapped: false)
            var index = start
            var reported = start
            while index < end {
                // A blank line is no record.
                if file[index] == 10 { index += 1; continue }
                if file[index] == 13, index + 1 < end, file[index + 1] == 10 { index += 2; continue }
                guard let next = readRecord(from: index, to: end), addRecord() else { return false }
                index = next
                if index - reported >= 1 << 20 {
                    progress?.advance(by: index - reported)
                    reported = index
                }
            }
            progress?.advance(by: index - reported)
            return true
        }

        /// Finds the cells of the record at `start`; returns where the next one starts.
        private mutating func readRecord(from start: Int, to end: Int) -> Int? {
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
            var index = start
            nameCopy.removeAll(keepingCapacity: true)
            for (position, field) in fields.enumerated() {
                let slot = field.ordinal
                if index < end, file[index] == quote {
                    index += 1
                    let cellStart = index
                    var doubled = false
                    while true {
                        guard index < end else { return nil }
                        if file[index] == quote {
                            if index + 1 < end, file[index + 1] == quote {
                                doubled = true
                                index += 2
                                continue
                            }
                            break
                        }
                        index += 1
                    }
                    cells[slot] = cellStart..<index
                    if doubled {
                        // Doubled quotes are only expected in names.
                        guard field == .name else { return nil }
                        unquoteName()
                    }
                    index += 1
                } else {
                    let cellStart = index
                    while index < end, file[index] != comma, file[index] != 10, file[index] != 13 {
                        if file[index] == quote { return nil }
                        index += 1
                    }
                    cells[slot] = cellStart..<index
                }
                // What follows a cell: a comma before the next, a line end after the last.
                let last = position == fields.count - 1
                if !last {
                    guard index < end, file[index] == comma else { return nil }
                    index += 1
                } else if index < end {
                    if file[index] == 13 {
                        guard index + 1 < end, file[index + 1] == 10 else { return nil }
                        index += 1
                    }
                    guard file[index] == 10 else { return nil }
                    index += 1
                }
            }
            return index
        }

        /// Keeps an unquoted copy of a quoted name with doubled quotes.
        private mutating func unquoteName() {
            let range = cells[Account.Field.name.ordinal]
            var index = range.lowerBound
            while index < range.upperBound {
                nameCopy.append(file[index])
                index += file[index] == UInt8(ascii: "\"") ? 2 : 1
            }
        }

        /// The bytes of a cell as they stand in the file; empty for a missing column.
        private func cell(_ field: Account.Field) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: file[cells[field.ordinal]])
        }

        private func isEmpty(_ field: Account.Field) -> Bool {
            cells[field.ordinal].isEmpty
        }

        /// Decodes the current record and appends it; false when it needs the careful path.
        private mutating func addRecord() -> Bool {
            guard let kind = word(.kind, Self.kinds), let school = schoolNumber(.school),
                  let status = word(.status, Self.statuses), let created = date(.created), created != AccountTable.noDate,
                  let lastActivity = date(.lastActivity), let content = number(.content),
                  let leaving = date(.leavingDate), let expires = date(.expires),
                  let deactivatedOn = date(.deactivatedOn), let deletionDue = date(.deletionDue)
            else { return false }
            var values = AccountTable.RowValues(kind: kind, school: school)
            values.created = created
            values.lastActivity = lastActivity
            values.content = content
            switch kind {
            case .mis:
                guard isEmpty(.category), isEmpty(.expires), isEmpty(.closeAtExpiry) else { return false }
                guard let role = optionalWord(.role, Self.roles) else { return false }
                values.role = role
                values.leaving = leaving
                if !isEmpty(.pendingSchool) {
                    guard let pending = schoolNumber(.pendingSchool) else { return false }
                    values.pendingSchool = pending
                }
            case .nonMIS:
                guard isEmpty(.role), isEmpty(.leavingDate), isEmpty(.pendingSchool) else { return false }
                guard let category = optionalWord(.category, Self.categories) else { return false }
                values.category = category
                values.expires = expires
                let close = cell(.closeAtExpiry)
                if close.isEmpty || close.elementsEqual("false".utf8) {
                    values.closeAtExpiry = false
                } else if close.elementsEqual("true".utf8) {
                    values.closeAtExpiry = true
                } else {
                    return false
                }
            }
            switch status {
            case .active:
                guard isEmpty(.deactivatedOn), isEmpty(.deletionDue), isEmpty(.reason) else { return false }
            case .deactivated:
                guard deactivatedOn != AccountTable.noDate, deletionDue != AccountTable.noDate,
                      let reason = word(.reason, Self.reasons), let deactivated = CalendarDate(dayNumber: Int(deactivatedOn)),
                      Account.deletionDue(after: deactivated).dayNumber == deletionDue
                else { return false }
                values.reason = reason
                values.deactivatedOn = deactivatedOn
            }
            guard readID() else { return false }
            let name = nameCopy.isEmpty ? cell(.name) : nil
            if let name {
                guard AccountTable.isUTF8(name) else { return false }
                id.withUnsafeBytes { table.appendRow(id: $0, name: name, values) }
            } else {
                guard nameCopy.withUnsafeBytes(AccountTable.isUTF8) else { return false }
                id.withUnsafeBytes { id in nameCopy.withUnsafeBytes { table.appendRow(id: id, name: $0, values) } }
            }
            return true
        }

        /// R4: puts the id cell in lower case in `id`; false when it is not an id.
        private mutating func readID() -> Bool {
            let bytes = cell(.id)
            guard (1...AccountID.maximumLength).contains(bytes.count) else { return false }
            id.removeAll(keepingCapacity: true)
            for (index, byte) in bytes.enumerated() {
                let alphanumeric = (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                guard alphanumeric || (index > 0 && (byte == 46 || byte == 95 || byte == 64 || byte == 45)) else { return false }
                id.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
            }
            return true
        }

        // The words of each enum, as bytes.
        private static let kinds = words(Account.Kind.self)
        private static let statuses = words(Account.Status.self)
        private static let roles = words(Account.Role.self)
        private static let categories = words(Account.Category.self)
        private static let reasons = words(Account.Reason.self)

        private static func words<T: RawRepresentable & CaseIterable>(_: T.Type) -> [(bytes: [UInt8], value: T)]
        where T.RawValue == String {
            T.allCases.map { (Array($0.rawValue.utf8), $0) }
        }

        /// A required word among `words`.
        private func word<T>(_ field: Account.Field, _ words: [(bytes: [UInt8], value: T)]) -> T? {
            let bytes = cell(field)
            return words.first { $0.bytes.elementsEqual(bytes) }?.value
        }

        /// An optional word: `.some(nil)` for an empty cell, nil for a word not among `words`.
        private func optionalWord<T>(_ field: Account.Field, _ words: [(bytes: [UInt8], value: T)]) -> T?? {
            isEmpty(field) ? .some(nil) : word(field, words).map { .some($0) }
        }

        /// Seven digits.
        private func schoolNumber(_ field: Account.Field) -> SchoolNumber? {
            let bytes = cell(field)
            guard bytes.count == 7 else { return nil }
            var value = 0
            for byte in bytes {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return SchoolNumber(value: value)
        }

        /// A whole number of digits that fits in an `Int`.
        private func number(_ field: Account.Field) -> Int? {
            let bytes = cell(field)
            guard !bytes.isEmpty else { return nil }
            var value = 0
            for byte in bytes {
                guard byte >= 48, byte <= 57 else { return nil }
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int(byte - 48))
                guard !overflow1, !overflow2 else { return nil }
                value = sum
            }
            return value
        }

        /// `YYYY-MM-DD` as a day number, `noDate` for an empty cell, nil for anything else.
        private func date(_ field: Account.Field) -> Int32? {
            let bytes = cell(field)
            if bytes.isEmpty { return AccountTable.noDate }
            guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45 else { return nil }
            func digits(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let byte = bytes[index]
                    guard byte >= 48, byte <= 57 else { return nil }
                    value = value * 10 + Int(byte - 48)
                }
                return value
            }
            guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
                  let date = CalendarDate(year: year, month: month, day: day)
            else { return nil }
            return date.dayNumber
        }
    }
}
