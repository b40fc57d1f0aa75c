import Dispatch
import Foundation
import HwbCore

/// Reads an `import accounts` file straight into a batch of columns, without a `String`
/// or an `Account` per row, block by block on both cores.
///
/// This is the fast path for the common case, a well-formed file. It gives up (nil) on
/// anything out of the ordinary: a malformed cell, a quote where none belongs, a value
/// the columns cannot hold (an MIS account with a category, a `deletionDue` that is not
/// 12 months after `deactivatedOn`, a deactivated account with no reason...). The caller
/// then reads the file the careful way, `CSV.records` and `AccountRecord.decode`, which
/// says what is wrong with each row. What it takes, the store still checks against the
/// rules (`Store.importAccounts`).
///
/// The file is never held whole. It is cut into blocks of `blockSize` bytes; each core
/// takes the next block, reads it (`pread`), parses the records that start in it into
/// rows of its own (`AccountTable.Rows`), then appends them to the one table in file
/// order, while the other core parses the next block. A block's records start after the
/// first line end at or after its first byte, and run to the first line end at or after
/// its last. Cut there, a quoted cell with a line end in it leaves the block before it
/// unable to close the cell: the file is then read again in one piece.
public enum AccountCSVReader {
    /// How much of the file a core reads and parses at a time: small enough that the
    /// block and its batch stay in the core's cache until they are appended.
    public static let blockSize = 1 << 20

    /// The rows of `bytes` (a whole CSV file already in memory: a journaled import, a
    /// test) in a batch, or nil to take the careful path. A deactivated row's
    /// `deletionDue` must be `deletionMonths` (the store policy's delay) after its
    /// `deactivatedOn`.
    public static func batch(
        _ bytes: [UInt8], deletionMonths: Int = Policy.guidance.deletionMonths, progress: (any ProgressListener)? = nil,
        blockSize: Int = blockSize
    ) -> AccountTable? {
        bytes.withUnsafeBytes {
            batch(from: BytesInMemory(bytes: $0), deletionMonths: deletionMonths, progress: progress, blockSize: blockSize)
        }
    }

    /// The rows of a regular file in a batch, read block by block, or nil to take the
    /// careful path (which reads the file again and reports what it finds, read errors too).
    /// `progress` is told of the bytes read as they go.
    public static func batch(
        _ file: FileAccess.BlockFile, deletionMonths: Int = Policy.guidance.deletionMonths,
        progress: (any ProgressListener)? = nil, blockSize: Int = blockSize
    ) -> AccountTable? {
        batch(from: file, deletionMonths: deletionMonths, progress: progress, blockSize: blockSize)
    }

    private static func batch(
        from source: some BlockSource, deletionMonths: Int, progress: (any ProgressListener)?, blockSize: Int
    ) -> AccountTable? {
        var buffer = ReadBuffer()
        defer { buffer.free() }
        guard let (fields, base) = header(source, buffer: &buffer) else { return nil }
        progress?.advance(by: base)
        let blocks = Blocks(size: source.size, base: base, blockSize: blockSize)
        let run = Run(blockCount: blocks.count, recordBytes: source.size - base)
        if blocks.count > 0 {
            DispatchQueue.concurrentPerform(iterations: min(2, blocks.count)) { _ in
                readBlocks(source, blocks, fields: fields, deletionMonths: deletionMonths, run: run, progress: progress)
            }
        }
        switch run.outcome {
        case .read: return run.table
        case .unusual: return nil
        case .cut:
            // A quoted cell with a line end in it spans two blocks, so the second block's
            // records did not start where it was cut: read the file again in one piece.
            guard let whole = source.bytes(in: base..<source.size, using: &buffer) else { return nil }
            var reader = Reader(fields: fields, deletionMonths: deletionMonths)
            defer { reader.free() }
            var rows = AccountTable.Rows()
            guard reader.read(whole, records: 0..<whole.count, into: &rows) == .read else { return nil }
            var table = AccountTable()
            table.append(rows)
            return table
        }
    }

    /// One core's work: the next block, until there is none or a block gave up.
    private static func readBlocks(
        _ source: some BlockSource, _ blocks: Blocks, fields: [Account.Field], deletionMonths: Int, run: Run,
        progress: (any ProgressListener)?
    ) {
        var reader = Reader(fields: fields, deletionMonths: deletionMonths)
        var buffer = ReadBuffer()
        var rows = AccountTable.Rows()
        defer {
            reader.free()
            buffer.free()
        }
        while let number = run.claim() {
            guard let (bytes, records) = blocks.block(number, of: source, using: &buffer) else {
                return run.giveUp(.unusual)
            }
            rows.removeAll(keepingCapacity: true)
            let outcome = reader.read(bytes, records: records, into: &rows)
            guard outcome == .read else { return run.giveUp(outcome) }
            guard run.append(rows, number: number, bytes: records.count) else { return }
            progress?.advance(by: records.count)
        }
    }

    /// The columns of the header line and where the first record starts (after the line
    /// and any byte order mark), or nil unless it is a plain line of distinct known names
    /// including every required one.
    private static func header(_ source: some BlockSource, buffer: inout ReadBuffer) -> ([Account.Field], Int)? {
        guard let file = source.bytes(in: 0..<min(source.size, 1 << 16), using: &buffer) else { return nil }
        let start = file.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let end = file[start...].firstIndex(of: 10) ?? file.count
        // A header longer than what was read is no header this reader knows.
        guard end < file.count || file.count == source.size else { return nil }
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
        return (fields, min(end + 1, file.count))
    }
}

// MARK: Blocks

extension AccountCSVReader {
    /// How the records after the header are cut into blocks.
    struct Blocks {
        let size: Int
        /// Where the first record starts.
        let base: Int
        let blockSize: Int

        var count: Int { (size - base + blockSize - 1) / blockSize }

        /// The bytes of block `number` and the range of its records in them (empty when no
        /// record starts in the block), or nil when the file cannot be read.
        func block(
            _ number: Int, of source: some BlockSource, using buffer: inout ReadBuffer
        ) -> (bytes: UnsafeRawBufferPointer, records: Range<Int>)? {
            let first = base + number * blockSize, last = min(first + blockSize, size)
            // From the byte before the block, so that a block starting a line starts there.
            let from = number == 0 ? base : first - 1
            // Past the block, the rest of its last record: most often within a page.
            var beyond = 4096
            while true {
                let to = last == size ? size : min(size, last + beyond)
                guard let bytes = source.bytes(in: from..<to, using: &buffer) else { return nil }
                var start = 0
                if number > 0 {
                    guard let lineEnd = lineFeed(in: bytes, from: 0, to: last - from) else {
                        return (bytes, 0..<0) // a record from an earlier block fills this one
                    }
                    start = lineEnd + 1
                }
                if last == size { return (bytes, start..<bytes.count) }
                if let lineEnd = lineFeed(in: bytes, from: last - 1 - from, to: bytes.count) {
                    return (bytes, start..<max(start, lineEnd + 1))
                }
                if to == size { return (bytes, start..<bytes.count) }
                beyond *= 4
            }
        }
    }

    /// The first line feed in `bytes[from..<to]`.
    static func lineFeed(in bytes: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        guard from < to, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + from, 10, to - from) else { return nil }
        return UnsafeRawPointer(found) - base
    }

    /// Where a file's bytes come from.
    protocol BlockSource: Sendable {
        var size: Int { get }
        /// The bytes in `range`: read into `buffer` (grown as needed), or where they already
        /// are. Nil when they cannot be read.
        func bytes(in range: Range<Int>, using buffer: inout ReadBuffer) -> UnsafeRawBufferPointer?
    }

    /// A file already in memory: its blocks are read where they are.
    struct BytesInMemory: BlockSource, @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer

        var size: Int { bytes.count }

        func bytes(in range: Range<Int>, using buffer: inout ReadBuffer) -> UnsafeRawBufferPointer? {
            UnsafeRawBufferPointer(rebasing: bytes[range])
        }
    }

    /// Memory a core reads its blocks into, kept from one block to the next.
    struct ReadBuffer {
        private var storage = UnsafeMutableRawBufferPointer(start: nil, count: 0)

        /// At least `count` bytes, their contents undefined.
        mutating func bytes(_ count: Int) -> UnsafeMutableRawBufferPointer {
            if storage.count < count {
                storage.deallocate()
                storage = .allocate(byteCount: count, alignment: 16)
            }
            return UnsafeMutableRawBufferPointer(rebasing: storage[0..<count])
        }

        func free() { storage.deallocate() }
    }

    /// How reading the blocks went.
    enum Outcome {
        case read
        /// A quoted cell ran to the end of its block.
        case cut
        /// Something only the careful reader can say what is wrong with.
        case unusual
    }

    /// The blocks handed out and the table they are appended to, in file order.
    final class Run: @unchecked Sendable {
        let blockCount: Int
        /// The bytes of the file after the header.
        let recordBytes: Int
        private let condition = NSCondition()
        private var nextBlock = 0
        /// How many blocks the table holds.
        private var appended = 0
        private(set) var outcome = Outcome.read
        /// Written by the core that holds the next block in order, and only then.
        private(set) var table = AccountTable()

        init(blockCount: Int, recordBytes: Int) {
            self.blockCount = blockCount
            self.recordBytes = recordBytes
        }

        /// The next block to read, or nil when there is none or a block gave up.
        func claim() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            guard outcome == .read, nextBlock < blockCount else { return nil }
            nextBlock += 1
            return nextBlock - 1
        }

        /// Appends the rows of block `number` after those of the blocks before it, once they
        /// are in; false when a block gave up. The table makes room once, after the first
        /// block, for as many rows as the file holds at that block's rate.
        func append(_ rows: AccountTable.Rows, number: Int, bytes: Int) -> Bool {
            condition.lock()
            while appended != number && outcome == .read { condition.wait() }
            let goOn = outcome == .read
            condition.unlock()
            guard goOn else { return false }
            if number == 0, bytes > 0 {
                // A little more than the first block's rate, lest the columns grow (and be
                // copied) near the end; room not used is never touched.
                let scale = Double(recordBytes) / Double(bytes) * 1.05
                table.reserveCapacity(Int(scale * Double(rows.count)) + 64,
                                      textBytes: Int(scale * Double(rows.textCount)) + 4096, mapped: false)
            }
            table.append(rows)
            condition.lock()
            appended += 1
            condition.broadcast()
            condition.unlock()
            return true
        }

        /// Stops every core: the file cannot be read this way.
        func giveUp(_ outcome: Outcome) {
            condition.lock()
            // A cut block explains whatever the block after it made of its records.
            if self.outcome != .cut { self.outcome = outcome }
            condition.broadcast()
            condition.unlock()
        }
    }
}

extension FileAccess.BlockFile: AccountCSVReader.BlockSource {
    func bytes(in range: Range<Int>, using buffer: inout AccountCSVReader.ReadBuffer) -> UnsafeRawBufferPointer? {
        let bytes = buffer.bytes(range.count)
        do {
            try read(into: bytes, at: range.lowerBound)
        } catch {
            return nil
        }
        return UnsafeRawBufferPointer(bytes)
    }
}

// MARK: Records

extension AccountCSVReader {
    /// Reads records into rows, block after block, with memory of its own that it keeps
    /// between blocks (`free` gives it back).
    private struct Reader {
        let fields: [Account.Field]
        /// The months from `deactivatedOn` to `deletionDue` (the store policy's).
        let deletionMonths: Int
        /// The bytes of the block being read.
        private var file = UnsafeRawBufferPointer(start: nil, count: 0)
        /// Each cell of the current record, by field ordinal: where its bytes start and
        /// end. The cells of missing columns stay empty.
        private let cellStarts: UnsafeMutablePointer<Int>
        private let cellEnds: UnsafeMutablePointer<Int>
        /// The field ordinal of each column.
        private let slots: UnsafeMutablePointer<Int>
        /// An unquoted copy of a quoted name with doubled quotes, else empty.
        private var nameCopy: [UInt8] = []
        /// The id in lower case.
        private let id: UnsafeMutablePointer<UInt8>
        /// Whether the record just given up on ran into the end of the block inside a quoted cell.
        private var cut = false
        private let kinds = Words(Account.Kind.self)
        private let statuses = Words(Account.Status.self)
        private let roles = Words(Account.Role.self)
        private let categories = Words(Account.Category.self)
        private let reasons = Words(Account.Reason.self)
        private let booleans = Words([("false", false), ("true", true)])
        private let monthStarts = Reader.monthStartTable

        init(fields: [Account.Field], deletionMonths: Int) {
            self.fields = fields
            self.deletionMonths = deletionMonths
            let count = Account.Field.allCases.count
            cellStarts = .allocate(capacity: count)
            cellStarts.initialize(repeating: 0, count: count)
            cellEnds = .allocate(capacity: count)
            cellEnds.initialize(repeating: 0, count: count)
            slots = .allocate(capacity: fields.count)
            for (position, field) in fields.enumerated() { slots[position] = field.ordinal }
            id = .allocate(capacity: AccountID.maximumLength)
        }

        func free() {
            cellStarts.deallocate()
            cellEnds.deallocate()
            slots.deallocate()
            id.deallocate()
        }

        /// Reads the records in `records` of `bytes` (from a record's start to a line's
        /// end, or the file's) into `table`.
        mutating func read(_ bytes: UnsafeRawBufferPointer, records: Range<Int>, into rows: inout AccountTable.Rows) -> Outcome {
            file = bytes
            var index = records.lowerBound
            let end = records.upperBound
            while index < end {
                // A blank line is no record.
                if file[index] == 10 { index += 1; continue }
                if file[index] == 13, index + 1 < end, file[index + 1] == 10 { index += 2; continue }
                cut = false
                guard let next = readRecord(from: index, to: end) else { return cut ? .cut : .unusual }
                guard addRecord(to: &rows) else { return .unusual }
                index = next
            }
            return .read
        }

        /// Finds the cells of the record at `start`; returns where the next one starts.
        private mutating func readRecord(from start: Int, to end: Int) -> Int? {
            if !nameCopy.isEmpty { nameCopy.removeAll(keepingCapacity: true) }
            let lineEnd = lineFeed(in: file, from: start, to: end) ?? end
            switch plainCells(from: start, to: lineEnd, end: end) {
            case true?: return min(lineEnd + 1, end)
            case false?: return nil
            case nil: return quotedCells(from: start, to: end)
            }
        }

        /// Finds the cells of a record with no quote in it, which ends at `lineEnd` (a
        /// line feed, or `end`; a CR before the line feed belongs to the line end). Eight
        /// bytes at a time: each comma found ends a cell. Nil when the record has a quote
        /// or a CR in it (`quotedCells` reads it), false when it does not have one cell
        /// for each column.
        private func plainCells(from start: Int, to lineEnd: Int, end: Int) -> Bool? {
            var contentEnd = lineEnd
            if lineEnd < end, contentEnd > start, file[contentEnd - 1] == 13 { contentEnd -= 1 }
            let last = fields.count - 1
            var position = 0, cellStart = start, wordStart = start
            /// Ends a cell at each comma of the word at `wordStart` (the top bit of its byte
            /// set in `commas`); false when there are more cells than columns.
            @inline(__always) func endCells(_ commas: UInt64) -> Bool {
                var commas = commas
                while commas != 0 {
                    guard position < last else { return false }
                    let comma = wordStart + commas.trailingZeroBitCount / 8
                    cellStarts[slots[position]] = cellStart
                    cellEnds[slots[position]] = comma
                    position += 1
                    cellStart = comma + 1
                    commas &= commas &- 1
                }
                return true
            }
            while wordStart + 8 <= contentEnd {
                let word = UInt64(littleEndian: file.loadUnaligned(fromByteOffset: wordStart, as: UInt64.self))
                guard Self.bytes(0x22, in: word) | Self.bytes(0x0D, in: word) == 0 else { return nil }
                guard endCells(Self.bytes(0x2C, in: word)) else { return false }
                wordStart += 8
            }
            if wordStart < contentEnd {
                // The last bytes of the record, and whatever follows them in the word.
                let word = self.word(at: wordStart)
                let inRecord = UInt64.max &>> UInt64(64 - 8 * (contentEnd - wordStart))
                guard (Self.bytes(0x22, in: word) | Self.bytes(0x0D, in: word)) & inRecord == 0 else { return nil }
                guard endCells(Self.bytes(0x2C, in: word) & inRecord) else { return false }
            }
            guard position == last else { return false }
            cellStarts[slots[last]] = cellStart
            cellEnds[slots[last]] = contentEnd
            return true
        }

        /// The eight bytes of the block from `index`, zeros past its end.
        @inline(__always)
        private func word(at index: Int) -> UInt64 {
            if index + 8 <= file.count {
                return UInt64(littleEndian: file.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            }
            var word: UInt64 = 0
            for offset in 0..<file.count - index { word |= UInt64(file[index + offset]) << UInt64(8 * offset) }
            return word
        }

        /// The top bit of each byte of `word` that is `byte`. Exact for every byte (no
        /// carry runs from one byte into the next).
        @inline(__always)
        private static func bytes(_ byte: UInt64, in word: UInt64) -> UInt64 {
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let x = word ^ (byte &* 0x0101_0101_0101_0101)
            return ~(((x & low7) &+ low7) | x) & ~low7
        }

        /// Finds the cells of a record cell by cell, quoted cells included; returns where
        /// the next record starts.
        private mutating func quotedCells(from start: Int, to end: Int) -> Int? {
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
            var index = start
            let last = fields.count - 1
            for position in 0...last {
                let slot = slots[position]
                if index < end, file[index] == quote {
                    index += 1
                    let cellStart = index
                    var doubled = false
                    while true {
                        guard index < end else {
                            cut = true
                            return nil
                        }
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
                    cellStarts[slot] = cellStart
                    cellEnds[slot] = index
                    if doubled {
                        // Doubled quotes are only expected in names.
                        guard slot == Account.Field.name.ordinal else { return nil }
                        unquoteName()
                    }
                    index += 1
                } else {
                    let cellStart = index
                    while index < end, file[index] != comma, file[index] != 10, file[index] != 13 {
                        if file[index] == quote { return nil }
                        index += 1
                    }
                    cellStarts[slot] = cellStart
                    cellEnds[slot] = index
                }
                // What follows a cell: a comma before the next, a line end after the last.
                if position != last {
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
            let slot = Account.Field.name.ordinal
            var index = cellStarts[slot]
            while index < cellEnds[slot] {
                nameCopy.append(file[index])
                index += file[index] == UInt8(ascii: "\"") ? 2 : 1
            }
        }

        /// The bytes of a cell as they stand in the file; empty for a missing column.
        private func cell(_ field: Account.Field) -> UnsafeRawBufferPointer {
            let slot = field.ordinal
            return UnsafeRawBufferPointer(start: file.baseAddress.map { $0 + cellStarts[slot] },
                                          count: cellEnds[slot] - cellStarts[slot])
        }

        private func isEmpty(_ field: Account.Field) -> Bool {
            cellStarts[field.ordinal] == cellEnds[field.ordinal]
        }

        /// Decodes the current record and appends it; false when it needs the careful path.
        private func addRecord(to rows: inout AccountTable.Rows) -> Bool {
            guard let kind = word(.kind, kinds), let school = schoolNumber(.school),
                  let status = word(.status, statuses), let created = date(.created), created != AccountTable.noDate,
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
                guard let role = optionalWord(.role, roles) else { return false }
                values.role = role
                values.leaving = leaving
                if !isEmpty(.pendingSchool) {
                    guard let pending = schoolNumber(.pendingSchool) else { return false }
                    values.pendingSchool = pending
                }
            case .nonMIS:
                guard isEmpty(.role), isEmpty(.leavingDate), isEmpty(.pendingSchool) else { return false }
                guard let category = optionalWord(.category, categories) else { return false }
                values.category = category
                values.expires = expires
                guard let close = isEmpty(.closeAtExpiry) ? false : word(.closeAtExpiry, booleans) else { return false }
                values.closeAtExpiry = close
            }
            switch status {
            case .active:
                guard isEmpty(.deactivatedOn), isEmpty(.deletionDue), isEmpty(.reason) else { return false }
            case .deactivated:
                guard deactivatedOn != AccountTable.noDate, deletionDue != AccountTable.noDate,
                      let reason = word(.reason, reasons), let deactivated = CalendarDate(dayNumber: Int(deactivatedOn)),
                      (deactivated.addingMonths(deletionMonths) ?? .maximum).dayNumber == deletionDue
                else { return false }
                values.reason = reason
                values.deactivatedOn = deactivatedOn
            }
            guard let idCount = readID() else { return false }
            let id = UnsafeRawBufferPointer(start: self.id, count: idCount)
            if nameCopy.isEmpty {
                let name = cell(.name)
                guard AccountTable.isUTF8(name) else { return false }
                rows.append(id: id, name: name, values)
            } else {
                guard nameCopy.withUnsafeBytes(AccountTable.isUTF8) else { return false }
                nameCopy.withUnsafeBytes { rows.append(id: id, name: $0, values) }
            }
            return true
        }

        /// R4: puts the id cell in lower case in `id` and returns its length; nil when it
        /// is not an id.
        private func readID() -> Int? {
            let bytes = cell(.id)
            guard (1...AccountID.maximumLength).contains(bytes.count) else { return nil }
            for (index, byte) in bytes.enumerated() {
                let lower = byte | 0x20
                let letter = lower &- 97 < 26, digit = byte &- 48 < 10
                guard letter || digit || (index > 0 && (byte == 46 || byte == 95 || byte == 64 || byte == 45)) else { return nil }
                id[index] = letter ? lower : byte
            }
            return bytes.count
        }

        /// An optional word: `.some(nil)` for an empty cell, nil for a word not among `words`.
        private func optionalWord<T>(_ field: Account.Field, _ words: Words<T>) -> T?? {
            isEmpty(field) ? .some(nil) : word(field, words).map { .some($0) }
        }

        /// A required word among `words`. A cell of up to 16 bytes is read as two
        /// integers, straight from the block when 16 bytes are there to read.
        private func word<T>(_ field: Account.Field, _ words: Words<T>) -> T? {
            let start = cellStarts[field.ordinal], count = cellEnds[field.ordinal] - start
            guard count <= 16 else { return nil }
            guard start + 16 <= file.count else { return words.match(cell(field)) }
            var low = UInt64(littleEndian: file.loadUnaligned(fromByteOffset: start, as: UInt64.self))
            var high = UInt64(littleEndian: file.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self))
            // Zeros after the last byte (a shift of 64 or more leaves none).
            low &= count >= 8 ? .max : UInt64.max >> UInt64(64 - 8 * count)
            high &= count <= 8 ? 0 : count == 16 ? .max : UInt64.max >> UInt64(128 - 8 * count)
            return words.match(count: count, low: low, high: high)
        }

        /// Seven digits.
        private func schoolNumber(_ field: Account.Field) -> SchoolNumber? {
            let bytes = cell(field)
            guard bytes.count == 7 else { return nil }
            var value = 0
            for byte in bytes {
                guard byte &- 48 < 10 else { return nil }
                value = value * 10 + Int(byte &- 48)
            }
            return SchoolNumber(value: value)
        }

        /// A whole number of digits that fits in an `Int`.
        private func number(_ field: Account.Field) -> Int? {
            let bytes = cell(field)
            guard !bytes.isEmpty else { return nil }
            var value = 0
            for byte in bytes {
                guard byte &- 48 < 10 else { return nil }
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int(byte &- 48))
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
            let y0 = bytes[0] &- 48, y1 = bytes[1] &- 48, y2 = bytes[2] &- 48, y3 = bytes[3] &- 48
            let m0 = bytes[5] &- 48, m1 = bytes[6] &- 48, d0 = bytes[8] &- 48, d1 = bytes[9] &- 48
            guard y0 < 10, y1 < 10, y2 < 10, y3 < 10, m0 < 10, m1 < 10, d0 < 10, d1 < 10 else { return nil }
            let year = Int(y0) * 1000 + Int(y1) * 100 + Int(y2) * 10 + Int(y3)
            let month = Int(m0) * 10 + Int(m1), day = Int(d0) * 10 + Int(d1)
            let index = (year - Self.firstTabledYear) * 12 + month - 1
            guard (1...12).contains(month), index >= 0, index + 1 < monthStarts.count else {
                return CalendarDate(year: year, month: month, day: day)?.dayNumber
            }
            let first = monthStarts[index]
            guard day >= 1, day <= monthStarts[index + 1] - first else { return nil }
            return first + Int32(day - 1)
        }

        /// The day number of the first of each month from 1900 to 2155, then of 2156-01-01:
        /// a date in those years is its month's first day plus its day, found without
        /// the calendar's arithmetic. (Dates in other years are still read, the slow way.)
        private static let firstTabledYear = 1900
        static let monthStartTable: [Int32] = (0...256 * 12).map { index in
            CalendarDate(year: firstTabledYear + index / 12, month: index % 12 + 1, day: 1)!.dayNumber
        }
    }

    /// The words of an enum's raw values, each packed in two integers, so that a cell is
    /// matched in a comparison or two per word.
    private struct Words<T> {
        private let entries: [(count: Int, low: UInt64, high: UInt64, value: T)]

        init(_: T.Type) where T: RawRepresentable & CaseIterable, T.RawValue == String {
            self.init(T.allCases.map { ($0.rawValue, $0) })
        }

        init(_ words: [(String, T)]) {
            entries = words.map { word, value in
                let bytes = Array(word.utf8)
                precondition(bytes.count <= 16, "a word of at most 16 bytes")
                let (low, high) = bytes.withUnsafeBytes(AccountCSVReader.packed)
                return (bytes.count, low, high, value)
            }
        }

        /// The value whose word is `cell`, or nil.
        func match(_ cell: UnsafeRawBufferPointer) -> T? {
            guard cell.count <= 16 else { return nil }
            let (low, high) = AccountCSVReader.packed(cell)
            return match(count: cell.count, low: low, high: high)
        }

        /// The value whose word is the `count` bytes packed in `low` and `high`, or nil.
        func match(count: Int, low: UInt64, high: UInt64) -> T? {
            for entry in entries where entry.count == count && entry.low == low && entry.high == high {
                return entry.value
            }
            return nil
        }
    }

    /// Up to 16 bytes as two integers, zeros after the last.
    private static func packed(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 { low |= UInt64(byte) << (8 * UInt64(index)) } else { high |= UInt64(byte) << (8 * UInt64(index - 8)) }
        }
        return (low, high)
    }
}
