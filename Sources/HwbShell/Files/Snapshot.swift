import HwbCore
import HwbLanguage

/// The snapshot file of `save`, `load` and `--store`: the whole store in a compact
/// binary form with a version and a checksum. docs/snapshot-format.md describes it.
///
/// Loading checks the magic, the version, the length, the checksum, every field and
/// every invariant of R14 before anything is replaced, and says what is wrong.
enum Snapshot {
    static let magic = Array("HWBSNAP\n".utf8)
    static let version: UInt32 = 1
    static let headerSize = 32

    /// What a snapshot holds besides the store.
    struct Contents {
        var store: Store
        var actor: Actor
        /// How many journal records are folded into it (`--store`).
        var journalSequence: UInt64 = 0
    }

    static func encode(_ contents: Contents) -> [UInt8] {
        let store = contents.store
        var strings = StringTable()
        let audit = store.audit.all
        var body = ByteWriter(capacity: 64 + store.accounts.count * 96 + audit.count * 24)
        body.u64(contents.journalSequence)
        body.date(store.today)
        body.string(contents.actor.description)

        body.count(store.schools.count)
        for school in store.schools.values.sorted(by: { $0.number < $1.number }) {
            body.u32(UInt32(school.number.value))
            body.string(school.name)
            body.u8(school.maintained ? 1 : 0)
        }

        body.count(store.accounts.count)
        for account in store.accounts.values.sorted(by: { $0.id < $1.id }) {
            encode(account, into: &body)
        }

        var entries = ByteWriter(capacity: audit.count * 24)
        entries.count(audit.count)
        for entry in audit { encode(entry, into: &entries, strings: &strings) }
        body.count(strings.list.count)
        for string in strings.list { body.string(string) }
        body.append(entries.bytes)

        var file = ByteWriter(capacity: headerSize + body.bytes.count)
        file.append(magic)
        file.u32(version)
        file.u32(0)
        file.u64(UInt64(body.bytes.count))
        file.u64(Checksum.of(body.bytes[...]))
        file.append(body.bytes)
        return file.bytes
    }

    /// The contents of a snapshot file, or an error that says what is wrong with it.
    static func decode(_ bytes: [UInt8], path: String) throws(ShellError) -> Contents {
        func fail(_ message: String) -> ShellError { .file("cannot load \(path): \(message)") }
        guard bytes.count >= magic.count, Array(bytes.prefix(magic.count)) == magic else {
            throw fail("it is not an hwbsh snapshot")
        }
        guard bytes.count >= headerSize else { throw fail("it is truncated (\(bytes.count) bytes, not even a header)") }
        func u32(at offset: Int) -> UInt32 { bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) } }
        func u64(at offset: Int) -> UInt64 { bytes[offset..<offset + 8].reversed().reduce(0) { $0 << 8 | UInt64($1) } }
        let (version, flags, length, checksum) = (u32(at: 8), u32(at: 12), u64(at: 16), u64(at: 24))
        guard version <= Snapshot.version, version > 0 else {
            throw fail("it is a version \(version) snapshot; this hwbsh reads version \(Snapshot.version)")
        }
        guard flags == 0 else { throw fail("it uses features this hwbsh does not know (flags \(flags))") }
        guard length == UInt64(bytes.count - headerSize) else {
            throw fail(UInt64(bytes.count - headerSize) < length
                ? "it is truncated (\(bytes.count) of \(UInt64(headerSize) + length) bytes)"
                : "it has \(UInt64(bytes.count - headerSize) - length) bytes too many")
        }
        guard Checksum.of(bytes[headerSize...]) == checksum else {
            throw fail("it is corrupt (the checksum does not match its content)")
        }
        do {
            return try bytes.withUnsafeBytes { file in
                var reader = ByteReader(UnsafeRawBufferPointer(rebasing: file[headerSize...]))
                let contents = try decodeBody(&reader)
                guard reader.isAtEnd else { throw ByteReader.Malformed(what: "the data runs on after the audit log") }
                return contents
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
        guard let actor = try? Parser.actor(from: actorText) else {
            throw ByteReader.Malformed(what: "the actor \"\(actorText)\" is not one hwbsh knows")
        }
        var schools: [School] = []
        for _ in 0..<(try reader.count("school count")) {
            let number = try schoolNumber(reader.u32("school number"))
            let name = try reader.string("school name")
            let maintained = try reader.u8("maintained")
            guard maintained <= 1 else { throw ByteReader.Malformed(what: "school \(number) has a bad maintained flag") }
            schools.append(School(number: number, name: name, maintained: maintained == 1))
        }
        let accountCount = try reader.count("account count")
        var accounts: [Account] = []
        accounts.reserveCapacity(min(accountCount, 10_000_000))
        for _ in 0..<accountCount { accounts.append(try decodeAccount(&reader)) }
        var strings: [String] = []
        for _ in 0..<(try reader.count("string count")) { strings.append(try reader.string("string")) }
        var entries: [AuditEntry] = []
        let entryCount = try reader.count("audit count")
        entries.reserveCapacity(min(entryCount, 100_000_000))
        for _ in 0..<entryCount { entries.append(try decodeEntry(&reader, strings: strings)) }
        let store = try Store.restored(today: today, schools: schools, accounts: accounts, audit: entries)
        try store.checkLogin(actor)
        return Contents(store: store, actor: actor, journalSequence: sequence)
    }

    // MARK: Accounts

    private static func encode(_ account: Account, into body: inout ByteWriter) {
        body.string(account.id.value)
        body.string(account.name)
        body.u8(ordinal(account.kind))
        body.u32(UInt32(account.school.value))
        body.u8(ordinal(account.status))
        body.date(account.created)
        body.date(account.lastActivity)
        body.count(account.content)
        body.u8(account.role.map { ordinal($0) + 1 } ?? 0)
        body.date(account.leavingDate)
        body.u32(account.pendingSchool.map { UInt32($0.value) + 1 } ?? 0)
        body.u8(account.category.map { ordinal($0) + 1 } ?? 0)
        body.date(account.expires)
        body.u8(account.closeAtExpiry.map { $0 ? 2 : 1 } ?? 0)
        body.date(account.deactivatedOn)
        body.date(account.deletionDue)
        body.u8(account.reason.map { ordinal($0) + 1 } ?? 0)
    }

    private static func decodeAccount(_ reader: inout ByteReader) throws -> Account {
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
        return Account(
            id: id, name: name, kind: kind, school: school, status: status, created: created,
            lastActivity: lastActivity, content: content, role: role, leavingDate: leavingDate,
            pendingSchool: pendingSchool, category: category, expires: expires,
            closeAtExpiry: close == 0 ? nil : close == 2, deactivatedOn: deactivatedOn,
            deletionDue: deletionDue, reason: reason)
    }

    // MARK: Audit entries

    private static func encode(_ entry: AuditEntry, into body: inout ByteWriter, strings: inout StringTable) {
        body.date(entry.date)
        body.count(strings.index(entry.actor))
        body.count(strings.index(entry.command))
        body.u8(ordinal(entry.rule))
        body.count(strings.index(entry.action))
        body.count(entry.account.map { strings.index($0.value) + 1 } ?? 0)
        body.u32(entry.school.map { UInt32($0.value) + 1 } ?? 0)
        body.count(entry.changes.count)
        for change in entry.changes {
            body.u8(UInt8(change.field.ordinal))
            encode(change.before, into: &body, strings: &strings)
            encode(change.after, into: &body, strings: &strings)
        }
    }

    private static func encode(_ value: Account.FieldValue, into body: inout ByteWriter, strings: inout StringTable) {
        switch value {
        case .null: body.u8(0)
        case .string(let text):
            body.u8(1)
            body.count(strings.index(text))
        case .number(let number):
            body.u8(2)
            body.u64(UInt64(bitPattern: Int64(number)))
        case .bool(let flag): body.u8(flag ? 4 : 3)
        }
    }

    private static func decodeEntry(_ reader: inout ByteReader, strings: [String]) throws -> AuditEntry {
        func string(_ what: String) throws -> String {
            let index = try reader.count(what)
            guard index < strings.count else { throw ByteReader.Malformed(what: "\(what) names no string") }
            return strings[index]
        }
        let date = try reader.requiredDate("audit date")
        let actor = try string("audit actor")
        let command = try string("audit command")
        let rule = try value(reader.u8("audit rule"), rules, "audit rule")
        let action = try string("audit action")
        let accountIndex = try reader.count("audit account")
        var account: AccountID?
        if accountIndex > 0 {
            guard accountIndex <= strings.count, let id = AccountID(strings[accountIndex - 1]) else {
                throw ByteReader.Malformed(what: "an audit entry names no account")
            }
            account = id
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

    private static func fieldValue(_ reader: inout ByteReader, strings: [String]) throws -> Account.FieldValue {
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

    private static func schoolNumber(_ raw: UInt32) throws -> SchoolNumber {
        guard let number = SchoolNumber(value: Int(raw)) else { throw ByteReader.Malformed(what: "\(raw) is not a school number") }
        return number
    }

    private static func ordinal<T: CaseIterable & Equatable>(_ value: T) -> UInt8 {
        UInt8(T.allCases.firstIndex(of: value).map { T.allCases.distance(from: T.allCases.startIndex, to: $0) }!)
    }

    private static func value<T>(_ raw: UInt8, _ cases: [T], _ what: String) throws -> T {
        guard Int(raw) < cases.count else { throw ByteReader.Malformed(what: "\(what) has an unknown value \(raw)") }
        return cases[Int(raw)]
    }

    private static func optionalValue<T>(_ raw: UInt8, _ cases: [T], _ what: String) throws -> T? {
        raw == 0 ? nil : try value(raw - 1, cases, what)
    }

    // The cases of each enum, in the order their numbers are written.
    private static let kinds = Account.Kind.allCases
    private static let statuses = Account.Status.allCases
    private static let roles = Account.Role.allCases
    private static let categories = Account.Category.allCases
    private static let reasons = Account.Reason.allCases
    private static let rules = Rule.allCases
    private static let fields = Account.Field.allCases
}

/// Each distinct string of the audit log stored once: a sweep's thousands of entries
/// share one command and a handful of dates.
private struct StringTable {
    private(set) var list: [String] = []
    private var indexes: [String: Int] = [:]

    mutating func index(_ string: String) -> Int {
        if let index = indexes[string] { return index }
        indexes[string] = list.count
        list.append(string)
        return list.count - 1
    }
}
