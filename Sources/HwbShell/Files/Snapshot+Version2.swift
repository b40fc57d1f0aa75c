import Dispatch
import HwbCore
import HwbLanguage

/// Version 2 of the snapshot file: the account columns written as they are in memory,
/// so that loading is a few large copies and a check rather than a parse per field.
/// docs/snapshot-format.md describes the layout.
extension Snapshot {
    /// The account columns: counts, the text arena, then one column after another.
    static func encodeColumns(_ columns: AccountTable.Columns) -> [UInt8] {
        let count = columns.count
        var part = ByteWriter(capacity: 32 + columns.text.count + count * 48)
        part.u64(UInt64(count))
        part.u64(UInt64(columns.text.count))
        part.append(columns.text)
        part.append(columns.idLength)
        part.integers(columns.nameLength)
        part.append(columns.kinds.map { ordinal($0) })
        part.integers(columns.schools)
        part.append(columns.reasons.map { $0.map { ordinal($0) + 1 } ?? 0 })
        part.integers(columns.created)
        part.integers(columns.lastActivity)
        part.integers(columns.contents.map { Int64($0) })
        part.append(columns.roles.map { $0.map { ordinal($0) + 1 } ?? 0 })
        part.integers(columns.leaving)
        part.append(columns.categories.map { $0.map { ordinal($0) + 1 } ?? 0 })
        part.integers(columns.expires)
        part.append(columns.closeAtExpiry.map { $0 ? 1 : 0 })
        part.integers(columns.deactivatedOn)
        part.integers(columns.importEntries)
        part.integers(columns.importRows)
        part.u64(UInt64(columns.pendingSchools.count))
        for (row, school) in columns.pendingSchools.sorted(by: { $0.key < $1.key }) {
            part.u32(UInt32(row))
            part.u32(UInt32(school.value))
        }
        return part.bytes
    }

    /// A version 2 file after its header: the head (checked against the header's
    /// checksum), then each block, checked against its own checksum.
    static func decodeVersion2(
        _ bytes: [UInt8], length: UInt64, checksum: UInt64, fail: (String) -> ShellError
    ) throws(ShellError) -> Contents {
        do {
            return try bytes.withUnsafeBytes { file throws -> Contents in
                let afterHeader = UnsafeRawBufferPointer(rebasing: file[headerSize...])
                guard length <= UInt64(afterHeader.count) else {
                    throw ByteReader.Malformed(what: "it is truncated (\(file.count) bytes, the head alone needs \(UInt64(headerSize) + length))")
                }
                let headBytes = UnsafeRawBufferPointer(rebasing: afterHeader[..<Int(length)])
                guard Checksum.of(headBytes) == checksum else {
                    throw Corrupt.checksum("its head")
                }
                var head = ByteReader(headBytes)
                let sequence = try head.u64("journal sequence")
                let today = try head.requiredDate("today")
                let actorText = try head.string("actor")
                guard let actor = try? Parser.actor(from: actorText) else {
                    throw ByteReader.Malformed(what: "the actor \"\(actorText)\" is not one hwbsh knows")
                }
                guard try head.u32("block count") == UInt32(Block.allCases.count) else {
                    throw ByteReader.Malformed(what: "its blocks are not the ones this hwbsh knows")
                }
                var blocks: [ByteReader] = []
                var sums: [UInt64] = []
                var offset = Int(length)
                for block in Block.allCases {
                    guard try head.u32("block tag") == block.rawValue else {
                        throw ByteReader.Malformed(what: "its blocks are not the ones this hwbsh knows")
                    }
                    let size = try head.u64("block length"), sum = try head.u64("block checksum")
                    guard size <= UInt64(afterHeader.count - offset) else {
                        let needed = UInt64(headerSize + offset) + size
                        throw Corrupt.truncated("\(file.count) of at least \(needed) bytes")
                    }
                    let part = UnsafeRawBufferPointer(rebasing: afterHeader[offset..<offset + Int(size)])
                    blocks.append(ByteReader(part))
                    sums.append(sum)
                    offset += Int(size)
                }
                guard head.isAtEnd else { throw ByteReader.Malformed(what: "its head runs on") }
                guard offset == afterHeader.count else {
                    throw ByteReader.Malformed(what: "it has \(afterHeader.count - offset) bytes too many")
                }
                return try decodeBlocks(blocks, sums: sums, today: today, actor: actor, sequence: sequence)
            }
        } catch let error as ByteReader.Malformed {
            throw fail("it is corrupt (\(error.what))")
        } catch let error as Corrupt {
            throw fail(error.description)
        } catch let error as RuleError {
            throw fail(error.description)
        } catch {
            throw fail("\(error)")
        }
    }

    /// Checks each block's checksum and reads it: the account columns on one core, the
    /// school directory and the audit log on the other; then the store is rebuilt and
    /// checked (R14) from the columns.
    private static func decodeBlocks(
        _ blocks: [ByteReader], sums: [UInt64], today: CalendarDate, actor: Actor, sequence: UInt64
    ) throws -> Contents {
        let results = BlockResults()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                results.columns = Result {
                    var reader = blocks[1]
                    guard reader.checksum == sums[1] else { throw Corrupt.checksum("its accounts") }
                    return try decodeColumns(&reader)
                }
            } else {
                results.rest = Result {
                    var schoolReader = blocks[0], auditReader = blocks[2]
                    guard schoolReader.checksum == sums[0] else { throw Corrupt.checksum("its school directory") }
                    guard auditReader.checksum == sums[2] else { throw Corrupt.checksum("its audit log") }
                    return (try decodeSchools(&schoolReader), try decodeSlots(&auditReader))
                }
            }
        }
        let columns = try results.columns!.get()
        let (schools, audit) = try results.rest!.get()
        let store = try Store.restored(today: today, schools: schools, columns: columns, audit: audit)
        try store.checkLogin(actor)
        return Contents(store: store, actor: actor, journalSequence: sequence)
    }

    private static func decodeSchools(_ reader: inout ByteReader) throws -> [School] {
        var schools: [School] = []
        for _ in 0..<(try reader.count("school count")) {
            let number = try schoolNumber(reader.u32("school number"))
            let name = try reader.string("school name")
            let maintained = try reader.u8("maintained")
            guard maintained <= 1 else { throw ByteReader.Malformed(what: "school \(number) has a bad maintained flag") }
            schools.append(School(number: number, name: name, maintained: maintained == 1))
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed(what: "the school directory runs on") }
        return schools
    }

    /// The columns `encodeColumns` wrote; every byte of an enum is checked.
    private static func decodeColumns(_ reader: inout ByteReader) throws -> AccountTable.Columns {
        let count = try reader.u64("account count"), textCount = try reader.u64("text length")
        // Counts are believed only as far as the bytes left could hold them (a row takes
        // at least 40 bytes), so a forged count cannot reserve memory.
        guard count <= UInt64(reader.remaining / 40), textCount <= UInt64(reader.remaining) else {
            throw ByteReader.Malformed(what: "the account count is larger than the file")
        }
        let rows = Int(count)
        var columns = AccountTable.Columns()
        columns.text = try reader.bytes(Int(textCount), "the ids and names")
        columns.idLength = try reader.bytes(rows, "id lengths")
        columns.nameLength = try reader.integers(rows, "name lengths")
        columns.kinds = try reader.bytes(rows, "kinds").map { try value($0, kinds, "a kind") }
        columns.schools = try reader.integers(rows, "schools")
        columns.reasons = try reader.bytes(rows, "reasons").map { try optionalValue($0, reasons, "a reason") }
        columns.created = try reader.integers(rows, "created")
        columns.lastActivity = try reader.integers(rows, "lastActivity")
        columns.contents = try reader.integers(rows, "content", as: Int64.self).map { Int($0) }
        columns.roles = try reader.bytes(rows, "roles").map { try optionalValue($0, roles, "a role") }
        columns.leaving = try reader.integers(rows, "leaving dates")
        columns.categories = try reader.bytes(rows, "categories").map { try optionalValue($0, categories, "a category") }
        columns.expires = try reader.integers(rows, "expires")
        columns.closeAtExpiry = try reader.bytes(rows, "closeAtExpiry").map { byte in
            guard byte <= 1 else { throw ByteReader.Malformed(what: "a closeAtExpiry is neither true nor false") }
            return byte == 1
        }
        columns.deactivatedOn = try reader.integers(rows, "deactivatedOn")
        columns.importEntries = try reader.integers(rows, "import entries")
        columns.importRows = try reader.integers(rows, "import rows")
        let pendingCount = try reader.u64("pending count")
        guard pendingCount <= UInt64(reader.remaining / 8) else {
            throw ByteReader.Malformed(what: "the pending count is larger than the file")
        }
        for _ in 0..<pendingCount {
            let row = try reader.u32("pending row")
            columns.pendingSchools[AccountTable.Row(truncatingIfNeeded: row)] = try schoolNumber(reader.u32("pending school"))
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed(what: "the accounts run on") }
        return columns
    }

    /// The audit log's slots (see `encodeAudit`).
    private static func decodeSlots(_ reader: inout ByteReader) throws -> AuditLog {
        var strings: [String] = []
        for _ in 0..<(try reader.count("string count")) { strings.append(try reader.string("string")) }
        let slotCount = try reader.count("audit count")
        var slots: [AuditEntry?] = []
        slots.reserveCapacity(min(slotCount, reader.remaining))
        for _ in 0..<slotCount {
            switch try reader.u8("audit slot") {
            case 0: slots.append(nil)
            case 1: slots.append(try decodeEntry(&reader, strings: strings))
            default: throw ByteReader.Malformed(what: "an audit slot is malformed")
            }
        }
        var files: [Int32: String] = [:]
        for _ in 0..<(try reader.count("import count")) {
            let index = try reader.u32("import entry")
            let string = try reader.count("import file")
            guard string < strings.count else { throw ByteReader.Malformed(what: "an import file names no string") }
            files[Int32(truncatingIfNeeded: index)] = strings[string]
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed(what: "the audit log runs on") }
        guard let log = AuditLog(slots: slots, importFiles: files) else {
            throw ByteReader.Malformed(what: "an import file names no import entry")
        }
        return log
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
}

extension ByteWriter {
    /// Fixed-width integers, little-endian, one after another.
    mutating func integers<T: FixedWidthInteger>(_ values: [T]) {
        #if _endian(little)
        values.withUnsafeBytes { append($0) }
        #else
        for value in values { withUnsafeBytes(of: value.littleEndian) { append($0) } }
        #endif
    }
}

extension ByteReader {
    /// How many bytes are left.
    var remaining: Int { count - position }

    /// The checksum of every byte the reader covers.
    var checksum: UInt64 { Checksum.of(all) }

    mutating func bytes(_ count: Int, _ what: String) throws(Malformed) -> [UInt8] {
        Array(try take(count, what))
    }

    /// `count` fixed-width little-endian integers.
    mutating func integers<T: FixedWidthInteger>(_ count: Int, _ what: String, as _: T.Type = T.self) throws(Malformed) -> [T] {
        let (size, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.size)
        guard !overflow else { throw Malformed(what: "\(what) run past the end") }
        let raw = try take(size, what)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
            #if _endian(big)
            for index in 0..<count { buffer[index] = T(littleEndian: buffer[index]) }
            #endif
            initialized = count
        }
    }
}
