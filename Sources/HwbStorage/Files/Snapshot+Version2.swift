import Dispatch
import HwbCore

/// Versions 2 and 3 of the snapshot file: the account columns written as they are in
/// memory, so that saving and loading are a few large writes and reads and a check, not a
/// parse per field; neither ever holds the whole file in memory. Version 3 adds the
/// store's policy as a block of its own. docs/snapshot-format.md describes the layout.
extension Snapshot {
    // MARK: Writing

    /// Writes the file to `sink` in the current version: the header, the head naming the
    /// blocks with their lengths and checksums, then the blocks (the school directory, the
    /// policy, the account columns, the audit log). The columns' checksum is taken on one
    /// core while the audit log is encoded on the other; then the columns are written
    /// straight from the store.
    static func write<Sink: SnapshotSink>(_ contents: Contents, to sink: inout Sink) throws(Sink.Failure) {
        let store = contents.store
        let parts = WriteParts()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                var checksum = ChecksumSink()
                writeColumns(of: store.accounts, to: &checksum)
                parts.columns = (checksum.state.count, checksum.state.value)
            } else {
                parts.audit = encodeAudit(store.audit)
            }
        }
        var schools = ByteWriter(capacity: 16 + store.schools.count * 24)
        schools.count(store.schools.count)
        for school in store.schools.values.sorted(by: { $0.number < $1.number }) {
            schools.u32(UInt32(school.number.value))
            schools.string(school.name)
            schools.u8(school.maintained ? 1 : 0)
        }
        let policy = encodePolicy(store.policy)
        let blocks = Block.written(in: version)
        let sizes = blocks.map { block in
            switch block {
            case .schools: (schools.bytes.count, schools.bytes.withUnsafeBytes { Checksum.of($0) })
            case .policy: (policy.count, policy.withUnsafeBytes { Checksum.of($0) })
            case .accounts: parts.columns
            case .audit: (parts.audit.count, parts.audit.withUnsafeBytes { Checksum.of($0) })
            }
        }

        var head = ByteWriter(capacity: 128)
        head.u64(contents.journalSequence)
        head.date(store.today)
        head.string(contents.actor.description)
        head.u32(UInt32(blocks.count))
        for (tag, (length, checksum)) in zip(blocks, sizes) {
            head.u32(tag.rawValue)
            head.u64(UInt64(length))
            head.u64(checksum)
        }
        var header = ByteWriter(capacity: headerSize)
        header.append(magic)
        header.u32(version)
        header.u32(0)
        header.u64(UInt64(head.bytes.count))
        header.u64(Checksum.of(head.bytes[...]))

        sink.expect(header.bytes.count + head.bytes.count + sizes.reduce(0) { $0 + $1.0 })
        try sink.write(contentsOf: header.bytes)
        try sink.write(contentsOf: head.bytes)
        for block in blocks {
            switch block {
            case .schools: try sink.write(contentsOf: schools.bytes)
            case .policy: try sink.write(contentsOf: policy)
            case .accounts: try writeColumns(of: store.accounts, to: &sink)
            case .audit: try sink.write(contentsOf: parts.audit)
            }
        }
    }

    /// The account columns in the version 2 layout: the row and text counts, the text
    /// arena, then one column after another. Rows freed by deletions are left out, their
    /// text too; the rest is written as it is in memory when no row was ever freed.
    static func writeColumns<Sink: SnapshotSink>(of table: AccountTable, to sink: inout Sink) throws(Sink.Failure) {
        let live: [AccountTable.Row]? = table.isDense ? nil : table.rows
        let count = live?.count ?? table.rowCount
        var textCount = table.text.count
        if let live { textCount = live.reduce(0) { $0 + Int(table.idLength[Int($1)]) + Int(table.nameLength[Int($1)]) } }
        var counts = ByteWriter(capacity: 16)
        counts.u64(UInt64(count))
        counts.u64(UInt64(textCount))
        try sink.write(contentsOf: counts.bytes)

        if let live {
            // The live rows' texts, gathered a piece at a time.
            var piece = [UInt8](repeating: 0, count: 1 << 16)
            var filled = 0
            for row in live {
                let start = table.textStart[Int(row)]
                let length = Int(table.idLength[Int(row)]) + Int(table.nameLength[Int(row)])
                if filled + length > piece.count {
                    try sink.write(contentsOf: piece[..<filled])
                    filled = 0
                    // A text longer than the piece (a name of 64 KiB) goes straight through.
                    if length > piece.count {
                        try sink.write(contentsOf: table.text[start..<start + length])
                        continue
                    }
                }
                piece.withUnsafeMutableBytes { piece in
                    table.text.withUnsafeBytes { text in
                        piece.baseAddress!.advanced(by: filled).copyMemory(from: text.baseAddress!.advanced(by: start), byteCount: length)
                    }
                }
                filled += length
            }
            try sink.write(contentsOf: piece[..<filled])
        } else {
            try sink.write(contentsOf: table.text)
        }
        /// One column: as it is when `T` is written as it is and every row is live, else
        /// encoded (and gathered) in pieces.
        func column<T, U: FixedWidthInteger>(_ values: [T], _ encode: (T) -> U) throws(Sink.Failure) {
            if live == nil, T.self == U.self {
                #if _endian(little)
                return try sink.write(contentsOf: values)
                #endif
            }
            // Gathered and encoded a piece at a time, in a tight loop over the piece.
            var piece = [U](repeating: 0, count: Swift.max(1, Swift.min(count, 1 << 15)))
            var done = 0
            while done < count {
                let end = Swift.min(done + piece.count, count)
                values.withUnsafeBufferPointer { values in
                    piece.withUnsafeMutableBufferPointer { piece in
                        if let live {
                            for index in done..<end { piece[index - done] = encode(values[Int(live[index])]).littleEndian }
                        } else {
                            for index in done..<end { piece[index - done] = encode(values[index]).littleEndian }
                        }
                    }
                }
                try sink.write(contentsOf: piece[..<(end - done)])
                done = end
            }
        }
        try column(table.idLength) { $0 }
        try column(table.nameLength) { $0 }
        try column(table.kinds) { code($0!) }
        try column(table.schools) { $0 }
        try column(table.reasons) { code($0) }
        try column(table.created) { $0 }
        try column(table.lastActivity) { $0 }
        try column(table.contents) { Int64($0) }
        try column(table.roles) { code($0) }
        try column(table.leaving) { $0 }
        try column(table.categories) { code($0) }
        try column(table.expires) { $0 }
        try column(table.closeAtExpiry) { UInt8($0 ? 1 : 0) }
        try column(table.deactivatedOn) { $0 }
        try column(table.importEntries) { $0 }
        try column(table.importRows) { $0 }

        // Pending schools by their rows as written.
        var newRows: [AccountTable.Row: UInt32] = [:]
        if let live {
            for (index, row) in live.enumerated() where table.pendingSchools[row] != nil { newRows[row] = UInt32(index) }
        }
        var pending = ByteWriter(capacity: 8 + table.pendingSchools.count * 8)
        pending.u64(UInt64(table.pendingSchools.count))
        for (row, school) in table.pendingSchools.sorted(by: { $0.key < $1.key }) {
            pending.u32(newRows[row] ?? UInt32(row))
            pending.u32(UInt32(school.value))
        }
        try sink.write(contentsOf: pending.bytes)
    }

    // The byte of each enum value: its place in `allCases`, from 1 for an optional one
    // (0 for none), as the readers (`value`, `optionalValue`) take them.

    static func code(_ kind: Account.Kind) -> UInt8 {
        switch kind {
        case .mis: 0
        case .nonMIS: 1
        }
    }

    static func code(_ reason: Account.Reason?) -> UInt8 {
        switch reason {
        case nil: 0
        case .expired: 1
        case .inactive: 2
        case .closed: 3
        case .left: 4
        }
    }

    static func code(_ role: Account.Role?) -> UInt8 {
        switch role {
        case nil: 0
        case .learner: 1
        case .staff: 2
        }
    }

    static func code(_ category: Account.Category?) -> UInt8 {
        switch category {
        case nil: 0
        case .temporaryStaff: 1
        case .service: 2
        case .governor: 3
        case .consortia: 4
        case .laStaff: 5
        case .supplyTeacher: 6
        case .iteStudent: 7
        case .stakeholder: 8
        }
    }

    /// What the two halves of the parallel write produce; each half sets only its own field.
    private final class WriteParts: @unchecked Sendable {
        var columns = (0, UInt64(0))
        var audit: [UInt8] = []
    }

    // MARK: Reading

    /// A version 2 or 3 file after its header: the head (checked against the header's
    /// checksum), then the blocks, each checked against its own checksum: the policy
    /// first (version 3; a version 2 file is read under the guidance's), then the account
    /// columns read straight into their arrays on one core, the school directory and the
    /// audit log on the other.
    static func decodeVersion2(
        _ source: some SnapshotSource, version: UInt32, length: UInt64, checksum: UInt64,
        progress: (any ProgressListener)?, fail: (String) -> FileError
    ) throws(FileError) -> Contents {
        do {
            let afterHeader = source.size - headerSize
            guard length <= UInt64(afterHeader) else {
                // A length past any file is said as such: the sum would not fit in 64 bits.
                let (needed, overflow) = UInt64(headerSize).addingReportingOverflow(length)
                if overflow { throw ByteReader.Malformed(what: "its head claims \(length) bytes") }
                throw Corrupt.truncated("\(source.size) bytes, the head alone needs \(needed)")
            }
            let headBytes = try source.bytes(at: headerSize, count: Int(length))
            guard Checksum.of(headBytes[...]) == checksum else { throw Corrupt.checksum("its head") }
            return try headBytes.withUnsafeBytes { raw throws -> Contents in
                var head = ByteReader(raw)
                let sequence = try head.u64("journal sequence")
                let today = try head.requiredDate("today")
                let actorText = try head.string("actor")
                guard let actor = try? Actor(parsing: actorText) else {
                    throw ByteReader.Malformed(what: "the actor \"\(actorText)\" is not one hwbsh knows")
                }
                let written = Block.written(in: version)
                guard try head.u32("block count") == UInt32(written.count) else {
                    throw ByteReader.Malformed(what: "its blocks are not the ones this hwbsh knows")
                }
                var blocks: [Block: BlockPlace] = [:]
                var offset = headerSize + Int(length)
                for block in written {
                    guard try head.u32("block tag") == block.rawValue else {
                        throw ByteReader.Malformed(what: "its blocks are not the ones this hwbsh knows")
                    }
                    let size = try head.u64("block length"), sum = try head.u64("block checksum")
                    guard size <= UInt64(source.size - offset) else {
                        // A length past any file (a forged head with a right checksum) is
                        // said as such; the sum would not fit in 64 bits.
                        let (needed, overflow) = UInt64(offset).addingReportingOverflow(size)
                        if overflow { throw ByteReader.Malformed(what: "a block claims \(size) bytes") }
                        throw Corrupt.truncated("\(source.size) of at least \(needed) bytes")
                    }
                    blocks[block] = BlockPlace(offset: offset, count: Int(size), checksum: sum)
                    offset += Int(size)
                }
                guard head.isAtEnd else { throw ByteReader.Malformed(what: "its head runs on") }
                guard offset == source.size else {
                    throw ByteReader.Malformed(what: "it has \(source.size - offset) bytes too many")
                }
                progress?.advance(by: headerSize + Int(length))
                let policy = try blocks[.policy].map { try readPolicy(source, $0) } ?? .guidance
                progress?.advance(by: blocks[.policy]?.count ?? 0)
                return try decodeBlocks(
                    source, blocks, policy: policy, today: today, actor: actor, sequence: sequence, progress: progress)
            }
        } catch let error as ByteReader.Malformed {
            throw fail("it is corrupt (\(error.what))")
        } catch let error as Corrupt {
            throw fail(error.description)
        } catch let error as RuleError {
            throw fail(error.description)
        } catch let error as FileError {
            throw error
        } catch {
            throw fail("\(error)")
        }
    }

    /// Where a block lies in the file, and its checksum.
    private struct BlockPlace {
        var offset: Int
        var count: Int
        var checksum: UInt64
    }

    /// The policy block at `place`, checked against its checksum.
    private static func readPolicy(_ source: some SnapshotSource, _ place: BlockPlace) throws -> Policy {
        let bytes = try source.bytes(at: place.offset, count: place.count)
        guard Checksum.of(bytes[...]) == place.checksum else { throw Corrupt.checksum("its policy") }
        return try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            return try decodePolicy(&reader)
        }
    }

    /// The school directory, the account columns and the audit log, the accounts checked
    /// under `policy`. `blocks` holds each of them: `decodeVersion2` checked that the
    /// head names every block of the file's version.
    private static func decodeBlocks(
        _ source: some SnapshotSource, _ blocks: [Block: BlockPlace], policy: Policy, today: CalendarDate, actor: Actor,
        sequence: UInt64, progress: (any ProgressListener)?
    ) throws -> Contents {
        guard let schools = blocks[.schools], let accounts = blocks[.accounts], let log = blocks[.audit] else {
            throw ByteReader.Malformed(what: "its blocks are not the ones this hwbsh knows")
        }
        let results = BlockResults()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                results.columns = Result {
                    var stream = BlockStream(source: source, place: accounts, progress: progress)
                    let columns = try decodeColumns(&stream)
                    guard stream.checksum == accounts.checksum else { throw Corrupt.checksum("its accounts") }
                    return columns
                }
            } else {
                results.rest = Result {
                    let schoolBytes = try source.bytes(at: schools.offset, count: schools.count)
                    guard Checksum.of(schoolBytes[...]) == schools.checksum else { throw Corrupt.checksum("its school directory") }
                    let auditBytes = try source.bytes(at: log.offset, count: log.count)
                    progress?.advance(by: schools.count + log.count)
                    guard Checksum.of(auditBytes[...]) == log.checksum else { throw Corrupt.checksum("its audit log") }
                    return try schoolBytes.withUnsafeBytes { schools in
                        try auditBytes.withUnsafeBytes { audit in
                            var schoolReader = ByteReader(schools), auditReader = ByteReader(audit)
                            let directory = try decodeSchools(&schoolReader)
                            guard schoolReader.isAtEnd else { throw ByteReader.Malformed(what: "the school directory runs on") }
                            return (directory, try decodeSlots(&auditReader))
                        }
                    }
                }
            }
        }
        let columns = try results.columns!.get()
        let (directory, audit) = try results.rest!.get()
        let store = try Store.restored(
            today: today, policy: policy, schools: directory, columns: columns, audit: audit, concurrency: .bothCores)
        try store.checkLogin(actor)
        return Contents(store: store, actor: actor, journalSequence: sequence)
    }

    /// The columns `writeColumns` wrote; every byte of an enum is checked.
    private static func decodeColumns(_ stream: inout BlockStream) throws -> AccountTable.Columns {
        let count = try stream.integers(1, "account count", as: UInt64.self)[0]
        let textCount = try stream.integers(1, "text length", as: UInt64.self)[0]
        // Counts are believed only as far as the block could hold them (a row takes at
        // least 40 bytes), so a forged count cannot reserve memory.
        guard count <= UInt64(stream.remaining / 40), textCount <= UInt64(stream.remaining) else {
            throw ByteReader.Malformed(what: "the account count is larger than the file")
        }
        let rows = Int(count)
        var columns = AccountTable.Columns()
        columns.text = try stream.integers(Int(textCount), "the ids and names")
        columns.idLength = try stream.integers(rows, "id lengths")
        columns.nameLength = try stream.integers(rows, "name lengths")
        columns.kinds = try stream.integers(rows, "kinds", as: UInt8.self).map { try value($0, kinds, "a kind") }
        columns.schools = try stream.integers(rows, "schools")
        columns.reasons = try stream.integers(rows, "reasons", as: UInt8.self).map { try optionalValue($0, reasons, "a reason") }
        columns.created = try stream.integers(rows, "created")
        columns.lastActivity = try stream.integers(rows, "lastActivity")
        columns.contents = try stream.integers(rows, "content", as: Int64.self).map { Int($0) }
        columns.roles = try stream.integers(rows, "roles", as: UInt8.self).map { try optionalValue($0, roles, "a role") }
        columns.leaving = try stream.integers(rows, "leaving dates")
        columns.categories = try stream.integers(rows, "categories", as: UInt8.self)
            .map { try optionalValue($0, categories, "a category") }
        columns.expires = try stream.integers(rows, "expires")
        columns.closeAtExpiry = try stream.integers(rows, "closeAtExpiry", as: UInt8.self).map { byte in
            guard byte <= 1 else { throw ByteReader.Malformed(what: "a closeAtExpiry is neither true nor false") }
            return byte == 1
        }
        columns.deactivatedOn = try stream.integers(rows, "deactivatedOn")
        columns.importEntries = try stream.integers(rows, "import entries")
        columns.importRows = try stream.integers(rows, "import rows")
        let pendingCount = try stream.integers(1, "pending count", as: UInt64.self)[0]
        guard pendingCount <= UInt64(stream.remaining / 8) else {
            throw ByteReader.Malformed(what: "the pending count is larger than the file")
        }
        let pairs = try stream.integers(Int(pendingCount) * 2, "pending schools", as: UInt32.self)
        for index in stride(from: 0, to: pairs.count, by: 2) {
            columns.pendingSchools[AccountTable.Row(truncatingIfNeeded: pairs[index])] = try schoolNumber(pairs[index + 1])
        }
        guard stream.remaining == 0 else { throw ByteReader.Malformed(what: "the accounts run on") }
        return columns
    }

    /// A block whose bytes do not match its checksum, or a file cut short.
    enum Corrupt: Error, CustomStringConvertible {
        case checksum(String)
        case truncated(String)

        var description: String {
            switch self {
            case .checksum(let part): "it is corrupt (the checksum of \(part) does not match)"
            case .truncated(let sizes): "it is truncated (\(sizes))"
            }
        }
    }

    /// What the two halves of the parallel read produce; each half writes only its own field.
    private final class BlockResults: @unchecked Sendable {
        var columns: Result<AccountTable.Columns, Error>?
        var rest: Result<([School], AuditLog), Error>?
    }

    /// Reads one block's columns in order, straight into their arrays, taking the
    /// checksum as it goes.
    private struct BlockStream {
        let source: any SnapshotSource
        let progress: (any ProgressListener)?
        var offset: Int
        let end: Int
        private var state = Checksum.State()

        init(source: some SnapshotSource, place: BlockPlace, progress: (any ProgressListener)?) {
            self.source = source
            self.progress = progress
            offset = place.offset
            end = place.offset + place.count
        }

        var remaining: Int { end - offset }
        var checksum: UInt64 { state.value }

        /// `count` fixed-width little-endian integers.
        mutating func integers<T: FixedWidthInteger>(_ count: Int, _ what: String, as _: T.Type = T.self) throws -> [T] {
            let (size, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.size)
            guard !overflow, size <= remaining else { throw ByteReader.Malformed(what: "\(what) run past the end") }
            let source = self.source, start = offset
            let values = try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                try source.read(into: UnsafeMutableRawBufferPointer(buffer), at: start)
                #if _endian(big)
                for index in 0..<count { buffer[index] = T(littleEndian: buffer[index]) }
                #endif
                initialized = count
            }
            #if _endian(little)
            values.withUnsafeBytes { state.add($0) }
            #else
            values.map(\.littleEndian).withUnsafeBytes { state.add($0) }
            #endif
            offset += size
            progress?.advance(by: size)
            return values
        }
    }
}

/// Where a snapshot is written: a file (`FileAccess.writeSnapshot`) or memory.
protocol SnapshotSink {
    associatedtype Failure: Error
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(Failure)
    /// Told how many bytes are coming, before the first.
    mutating func expect(_ total: Int)
}

extension SnapshotSink {
    mutating func expect(_ total: Int) {}

    /// The bytes of an array of fixed-width values, as they are in memory.
    mutating func write<T>(contentsOf values: [T]) throws(Failure) {
        try write(contentsOf: values[...])
    }

    mutating func write<T>(contentsOf values: ArraySlice<T>) throws(Failure) {
        let result = values.withUnsafeBytes { raw in Result { () throws(Failure) in try write(raw) } }
        try result.get()
    }
}

/// Collects a snapshot in memory (`Snapshot.encode`).
struct MemorySink: SnapshotSink {
    var bytes: [UInt8] = []

    mutating func write(_ raw: UnsafeRawBufferPointer) throws(Never) { bytes.append(contentsOf: raw) }
}

/// Takes the checksum and length of what would be written.
struct ChecksumSink: SnapshotSink {
    var state = Checksum.State()

    mutating func write(_ raw: UnsafeRawBufferPointer) throws(Never) { state.add(raw) }
}

/// Where a snapshot or a journal is read from: a file, block by block
/// (`FileAccess.BlockFile`), or bytes in memory.
protocol SnapshotSource: Sendable {
    var size: Int { get }
    /// Fills `buffer` with the bytes from `offset`, or throws.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws
    /// The first offset from `offset` on that may hold bytes other than zeros (`size` when
    /// none does): a sparse file's holes are passed over without reading them.
    func dataStart(from offset: Int) -> Int
}

extension SnapshotSource {
    func dataStart(from offset: Int) -> Int { offset }

    func bytes(at offset: Int, count: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            try read(into: UnsafeMutableRawBufferPointer(buffer), at: offset)
            initialized = count
        }
    }
}

/// A snapshot already in memory.
struct MemorySource: SnapshotSource {
    let bytes: [UInt8]
    var size: Int { bytes.count }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        guard offset >= 0, buffer.count <= bytes.count - offset else {
            throw ByteReader.Malformed(what: "it runs past the end")
        }
        bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + buffer.count])) }
    }
}
