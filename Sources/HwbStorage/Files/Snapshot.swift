import Dispatch
import HwbCore

/// The snapshot file of `save`, `load` and `--store`: the whole store in a compact
/// binary form with a version and a checksum. docs/snapshot-format.md describes it.
///
/// Loading checks the magic, the version, the length, the checksum, every field and
/// every invariant of R14 before anything is replaced, and says what is wrong.
public enum Snapshot {
    static let magic = Array("HWBSNAP\n".utf8)
    /// The version `save` writes; version 1 and 2 files still load, under the guidance's
    /// policy (they were written before the store held one).
    static let version: UInt32 = 3
    static let headerSize = 32

    /// What a snapshot holds besides the store.
    public struct Contents: Sendable {
        public var store: Store
        public var actor: Actor
        /// How many journal records are folded into it (`--store`).
        public var journalSequence: UInt64

        public init(store: Store, actor: Actor, journalSequence: UInt64 = 0) {
            self.store = store
            self.actor = actor
            self.journalSequence = journalSequence
        }
    }

    /// The whole file in memory (for `--store`'s small stores and for tests; `save`
    /// writes straight to the file, `FileAccess.writeSnapshot`).
    static func encode(_ contents: Contents) -> [UInt8] {
        var sink = MemorySink()
        write(contents, to: &sink)
        return sink.bytes
    }

    /// The blocks of a version 2 or 3 file. A tag names the same block in every version:
    /// version 3 added the policy, tag 4.
    enum Block: UInt32, CaseIterable {
        case schools = 1, accounts, audit, policy

        /// The blocks of a file of `version`, in the order they are written. The policy
        /// comes before the accounts, which are checked under it.
        static func written(in version: UInt32) -> [Block] {
            version >= 3 ? [.schools, .policy, .accounts, .audit] : [.schools, .accounts, .audit]
        }
    }

    /// The snapshot file at `path`, read block by block.
    /// `progress` gives a listener for the file's size, if one is wanted.
    public static func load(
        _ path: String, as given: String? = nil, progress: (Int) -> (any ProgressListener)? = { _ in nil }
    ) throws(FileError) -> Contents {
        let file = try FileAccess.BlockFile(path)
        defer { file.close() }
        let bar = progress(file.size)
        defer { bar?.finish() }
        return try decode(from: file, path: given ?? path, progress: bar)
    }

    /// Writes the snapshot to `path` atomically, straight from the store. `progress`
    /// gives a listener for the file's size, if one is wanted.
    public static func save(
        _ contents: Contents, to path: String, progress: @escaping (Int) -> (any ProgressListener)? = { _ in nil }
    ) throws(FileError) {
        try FileAccess.writeAtomically(to: path) { (file: inout FileAccess.FileSink) throws(FileError) in
            file.progress = progress
            try write(contents, to: &file)
        }
    }

    /// The contents of a snapshot file in memory, or an error that says what is wrong with it.
    static func decode(_ bytes: [UInt8], path: String) throws(FileError) -> Contents {
        try decode(from: MemorySource(bytes: bytes), path: path)
    }

    /// The contents of a snapshot, or an error that says what is wrong with it. A version
    /// 2 or 3 file is read block by block, never whole; a version 1 file is read whole.
    static func decode(from source: some SnapshotSource, path: String, progress: (any ProgressListener)? = nil) throws(FileError) -> Contents {
        func fail(_ message: String) -> FileError { FileError("cannot load \(path): \(message)") }
        let header: [UInt8]
        do {
            header = try source.bytes(at: 0, count: min(headerSize, source.size))
        } catch let error as FileError {
            throw error
        } catch {
            throw fail("\(error)")
        }
        guard header.count >= magic.count, Array(header.prefix(magic.count)) == magic else {
            throw fail("it is not an hwbsh snapshot")
        }
        guard header.count >= headerSize else { throw fail("it is truncated (\(source.size) bytes, not even a header)") }
        func u32(at offset: Int) -> UInt32 { header[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) } }
        func u64(at offset: Int) -> UInt64 { header[offset..<offset + 8].reversed().reduce(0) { $0 << 8 | UInt64($1) } }
        let (version, flags, length, checksum) = (u32(at: 8), u32(at: 12), u64(at: 16), u64(at: 24))
        guard version <= Snapshot.version, version > 0 else {
            throw fail("it is a version \(version) snapshot; this hwbsh reads versions 1 to \(Snapshot.version)")
        }
        guard flags == 0 else { throw fail("it uses features this hwbsh does not know (flags \(flags))") }
        if version >= 2 {
            return try decodeVersion2(source, version: version, length: length, checksum: checksum, progress: progress, fail: fail)
        }
        guard length == UInt64(source.size - headerSize) else {
            let (needed, overflow) = UInt64(headerSize).addingReportingOverflow(length)
            if overflow { throw fail("it is corrupt (its body claims \(length) bytes)") }
            throw fail(UInt64(source.size - headerSize) < length
                ? "it is truncated (\(source.size) of \(needed) bytes)"
                : "it has \(UInt64(source.size - headerSize) - length) bytes too many")
        }
        let bytes: [UInt8]
        do {
            bytes = try source.bytes(at: 0, count: source.size)
        } catch let error as FileError {
            throw error
        } catch {
            throw fail("\(error)")
        }
        guard Checksum.of(bytes[headerSize...]) == checksum else {
            throw fail("it is corrupt (the checksum does not match its content)")
        }
        do {
            return try bytes.withUnsafeBytes { file in
                var reader = ByteReader(UnsafeRawBufferPointer(rebasing: file[headerSize...]))
                return try decodeBody(&reader)
            }
        } catch let error as ByteReader.Malformed {
            throw fail("it is corrupt (\(error.what))")
        } catch let error as RuleError {
            throw fail(error.description)
        } catch {
            throw fail("\(error)")
        }
    }

    private static func decodeBody(_ reader: inout ByteReader) throws -> Contents {
        let sequence = try reader.u64("journal sequence")
        let today = try reader.requiredDate("today")
        let actorText = try reader.string("actor")
        guard let actor = try? Actor(parsing: actorText) else {
            throw ByteReader.Malformed(what: "the actor \"\(actorText)\" is not one hwbsh knows")
        }
        let auditStart = Int(clamping: try reader.u64("audit offset"))
        guard auditStart >= reader.position, auditStart <= reader.count else {
            throw ByteReader.Malformed(what: "the audit part is out of place")
        }
        // The accounts and the audit log are read at the same time, one on each core.
        let directory = reader.part(to: auditStart)
        let log = reader.part(from: auditStart)
        let results = PartResults()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                var reader = directory
                results.accounts = Result { try decodeAccounts(&reader, today: today) }
            } else {
                var reader = log
                results.audit = Result { try decodeAudit(&reader) }
            }
        }
        var restoration = try results.accounts!.get()
        restoration.setAudit(try results.audit!.get())
        try restoration.store.checkLogin(actor)
        return Contents(store: restoration.store, actor: actor, journalSequence: sequence)
    }

    /// The school directory and every account, each checked and indexed as it is read,
    /// under the guidance's policy: version 1 was written before the store held a policy.
    private static func decodeAccounts(_ reader: inout ByteReader, today: CalendarDate) throws -> Restoration {
        let schools = try decodeSchools(&reader)
        let accountCount = try reader.count("account count")
        // A count is only believed as far as the bytes left could hold it (an account takes
        // at least 40 bytes), so a forged count cannot make room for billions.
        var restoration = try Restoration(today: today, policy: .guidance, schools: schools, accountCount: min(accountCount, reader.count / 40))
        for _ in 0..<accountCount { try restoration.add(try decodeAccount(&reader)) }
        guard reader.isAtEnd else { throw ByteReader.Malformed(what: "the accounts run into the audit log") }
        return restoration
    }

    /// The school directory: a count, then each school's number, name and maintained flag.
    static func decodeSchools(_ reader: inout ByteReader) throws -> [School] {
        var schools: [School] = []
        for _ in 0..<(try reader.count("school count")) {
            let number = try schoolNumber(reader.u32("school number"))
            let name = try reader.string("school name")
            let maintained = try reader.u8("maintained")
            guard maintained <= 1 else { throw ByteReader.Malformed(what: "school \(number) has a bad maintained flag") }
            schools.append(School(number: number, name: name, maintained: maintained == 1))
        }
        return schools
    }

    private static func decodeAudit(_ reader: inout ByteReader) throws -> AuditLog {
        var strings: [String] = []
        for _ in 0..<(try reader.count("string count")) { strings.append(try reader.string("string")) }
        let entryCount = try reader.count("audit count")
        var entries: [AuditEntry] = []
        entries.reserveCapacity(min(entryCount, reader.count / 14)) // an entry takes at least 14 bytes
        for _ in 0..<entryCount { entries.append(try decodeEntry(&reader, strings: strings)) }
        guard reader.isAtEnd else { throw ByteReader.Malformed(what: "the data runs on after the audit log") }
        return AuditLog(entries)
    }

    // MARK: Accounts

    private static func decodeAccount(_ reader: inout ByteReader) throws -> Account.Fields {
        let idText = try reader.string("account id")
        guard let id = AccountID(idText) else { throw ByteReader.Malformed(what: "\"\(idText)\" is not an account id") }
        let what = "account \(id)"
        let name = try reader.string(what)
        let kind = try value(reader.u8(what), kinds, what)
        let school = try schoolNumber(reader.u32(what))
        let status = try value(reader.u8(what), statuses, what)
        let created = try reader.requiredDate(what)
        let lastActivity = try reader.requiredDate(what)
        let content = try reader.count(what)
        let role = try optionalValue(reader.u8(what), roles, what)
        let leavingDate = try reader.date(what)
        let pending = try reader.u32(what)
        let pendingSchool = pending == 0 ? nil : try schoolNumber(pending - 1)
        let category = try optionalValue(reader.u8(what), categories, what)
        let expires = try reader.date(what)
        let close = try reader.u8(what)
        guard close <= 2 else { throw ByteReader.Malformed(what: "\(what) has a bad closeAtExpiry") }
        let deactivatedOn = try reader.date(what)
        let deletionDue = try reader.date(what)
        let reason = try optionalValue(reader.u8(what), reasons, what)
        return Account.Fields(
            id: id, name: name, kind: kind, school: school, status: status, created: created,
            lastActivity: lastActivity, content: content, role: role, leavingDate: leavingDate,
            pendingSchool: pendingSchool, category: category, expires: expires,
            closeAtExpiry: close == 0 ? nil : close == 2, deactivatedOn: deactivatedOn,
            deletionDue: deletionDue, reason: reason)
    }

    // MARK: Audit entries

    /// The audit action whose words are `text`, or a malformed file.
    static func action(_ text: String) throws -> AuditEntry.Action {
        guard let action = AuditEntry.Action(text) else { throw ByteReader.Malformed(what: "\"\(text)\" is not an audit action") }
        return action
    }

    static func decodeEntry(_ reader: inout ByteReader, strings: [String]) throws -> AuditEntry {
        func string(_ what: String) throws -> String {
            let index = try reader.count(what)
            guard index < strings.count else { throw ByteReader.Malformed(what: "\(what) names no string") }
            return strings[index]
        }
        let date = try reader.requiredDate("audit date")
        let actor = try string("audit actor")
        let command = try string("audit command")
        let rule = try value(reader.u8("audit rule"), rules, "audit rule")
        let action = try Snapshot.action(string("audit action"))
        var account: AccountID?
        switch try reader.u8("audit account") {
        case 0: break
        case 1:
            let text = try reader.string("audit account")
            guard let id = AccountID(text) else { throw ByteReader.Malformed(what: "\"\(text)\" is not an account id") }
            account = id
        default: throw ByteReader.Malformed(what: "an audit entry's account is malformed")
        }
        let schoolValue = try reader.u32("audit school")
        let school = schoolValue == 0 ? nil : try schoolNumber(schoolValue - 1)
        var changes: [AuditEntry.Change] = []
        for _ in 0..<(try reader.count("audit changes")) {
            let field = try value(reader.u8("audit field"), fields, "audit field")
            let before = try fieldValue(&reader, strings: strings)
            let after = try fieldValue(&reader, strings: strings)
            changes.append(.init(field: field, before: before, after: after))
        }
        return AuditEntry(date: date, actor: actor, command: command, rule: rule, action: action,
                          account: account, school: school, changes: changes)
    }

    static func fieldValue(_ reader: inout ByteReader, strings: [String]) throws -> Account.FieldValue {
        switch try reader.u8("audit value") {
        case 0: return .null
        case 1:
            let index = try reader.count("audit value")
            guard index < strings.count else { throw ByteReader.Malformed(what: "an audit value names no string") }
            return .string(strings[index])
        case 2: return .number(Int(Int64(bitPattern: try reader.u64("audit value"))))
        case 3: return .bool(false)
        case 4: return .bool(true)
        default: throw ByteReader.Malformed(what: "an audit value has an unknown type")
        }
    }

    // MARK: Helpers

    static func schoolNumber(_ raw: UInt32) throws -> SchoolNumber {
        guard let number = SchoolNumber(value: Int(raw)) else { throw ByteReader.Malformed(what: "\(raw) is not a school number") }
        return number
    }

    /// Each rule's byte: its place in `Rule.allCases`.
    static let ruleCodes = Dictionary(uniqueKeysWithValues: Rule.allCases.enumerated().map { ($1, UInt8($0)) })

    static func value<T>(_ raw: UInt8, _ cases: [T], _ what: String) throws -> T {
        guard Int(raw) < cases.count else { throw ByteReader.Malformed(what: "\(what) has an unknown value \(raw)") }
        return cases[Int(raw)]
    }

    static func optionalValue<T>(_ raw: UInt8, _ cases: [T], _ what: String) throws -> T? {
        raw == 0 ? nil : try value(raw - 1, cases, what)
    }

    // The cases of each enum, in the order their numbers are written.
    static let kinds = Account.Kind.allCases
    static let statuses = Account.Status.allCases
    static let roles = Account.Role.allCases
    static let categories = Account.Category.allCases
    static let reasons = Account.Reason.allCases
    static let rules = Rule.allCases
    static let fields = Account.Field.allCases
}

/// Each distinct string of the audit log stored once: a sweep's thousands of entries
/// share one command and a handful of dates.
struct StringTable {
    private(set) var list: [String] = []
    private var indexes: [String: Int] = [:]
    /// The last few strings looked up: neighbouring entries mostly repeat them, and a
    /// string compares with itself faster than it hashes.
    private var recent: [(string: String, index: Int)] = []

    mutating func index(_ string: String) -> Int {
        if let hit = recent.first(where: { $0.string == string }) { return hit.index }
        let index: Int
        if let known = indexes[string] {
            index = known
        } else {
            index = list.count
            indexes[string] = index
            list.append(string)
        }
        if recent.count == 8 { recent.removeFirst() }
        recent.append((string, index))
        return index
    }
}

/// What the two halves of a parallel read produce; each half writes only its own field.
private final class PartResults: @unchecked Sendable {
    var accounts: Result<Restoration, Error>?
    var audit: Result<AuditLog, Error>?
}
