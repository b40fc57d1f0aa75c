import HwbCore

/// The audit block of a version 2 snapshot, written from the log as it is kept and read
/// back into it, without an `AuditEntry` per entry.
///
/// The block is a string table, then every slot of the log (1 byte: 0 for an entry
/// dropped with its account, 1 before an entry), then the file of each import entry. A
/// value is a byte for its type (0 null, 1 a string, 2 a number, 3 false, 4 true), then
/// the string's number or the number; dates are strings, `YYYY-MM-DD`.
extension Snapshot {
    static func encodeAudit(_ audit: AuditLog) -> [UInt8] {
        var strings = AuditStrings(audit)
        var entries = ByteWriter(capacity: audit.slotCount * 24)
        entries.count(audit.slotCount)
        for slot in 0..<audit.slotCount {
            guard let entry = audit.storedEntry(slot) else {
                entries.u8(0)
                continue
            }
            entries.u8(1)
            entries.date(entry.date)
            entries.count(strings.number(entry.actor))
            entries.count(strings.number(entry.command))
            entries.u8(ruleCodes[entry.rule]!)
            entries.count(strings.number(action: entry.action))
            if let account = entry.account {
                entries.u8(1)
                audit.withAccountID(account) { entries.string(utf8: $0) }
            } else {
                entries.u8(0)
            }
            entries.u32(entry.school.map { UInt32($0.value) + 1 } ?? 0)
            entries.count(entry.changes.count)
            for index in entry.changes {
                let change = audit.change(index)
                entries.u8(UInt8(change.field.ordinal))
                encode(change.before, into: &entries, strings: &strings)
                encode(change.after, into: &entries, strings: &strings)
            }
        }
        entries.count(audit.importFiles.count)
        for (index, file) in audit.importFiles.sorted(by: { $0.key < $1.key }) {
            entries.u32(UInt32(index))
            entries.count(strings.number(of: file))
        }
        var part = ByteWriter(capacity: entries.bytes.count + strings.list.count * 16)
        part.count(strings.list.count)
        for string in strings.list { part.string(string) }
        part.append(entries.bytes)
        return part.bytes
    }

    private static func encode(_ value: AuditLog.Value, into body: inout ByteWriter, strings: inout AuditStrings) {
        switch value.kind {
        case .null: body.u8(0)
        case .text:
            body.u8(1)
            body.count(strings.number(Int32(value.payload)))
        case .date:
            body.u8(1)
            body.count(strings.number(day: value.day!))
        case .number:
            body.u8(2)
            body.u64(UInt64(bitPattern: value.payload))
        case .bool: body.u8(value.payload == 0 ? 3 : 4)
        }
    }

    /// The audit log's slots, read straight into a log.
    static func decodeSlots(_ reader: inout ByteReader) throws -> AuditLog {
        var log = AuditLog()
        // The file's strings, each as a number in the log's pool.
        var strings: [Int32] = []
        for _ in 0..<(try reader.count("string count")) { strings.append(log.intern(try reader.string("string"))) }
        func string(_ what: String) throws -> Int32 {
            let index = try reader.count(what)
            guard index < strings.count else { throw ByteReader.Malformed(what: "\(what) names no string") }
            return strings[index]
        }
        // Each action's text is read once, and must be one that an action writes; the
        // log's number for it is kept.
        var actions: [Int32: Int32] = [:]
        func action() throws -> Int32 {
            let text = try string("audit action")
            if let known = actions[text] { return known }
            let number = log.action(try Snapshot.action(log.text(text)))
            actions[text] = number
            return number
        }
        func value(_ field: Account.Field) throws -> AuditLog.Value {
            switch try reader.u8("audit value") {
            case 0: return .null
            case 1: return log.storedValue(text: try string("audit value"), of: field)
            case 2: return .number(Int(Int64(bitPattern: try reader.u64("audit value"))))
            case 3: return .bool(false)
            case 4: return .bool(true)
            default: throw ByteReader.Malformed(what: "an audit value has an unknown type")
            }
        }
        for _ in 0..<(try reader.count("audit count")) {
            switch try reader.u8("audit slot") {
            case 0:
                log.appendDropped()
                continue
            case 1: break
            default: throw ByteReader.Malformed(what: "an audit slot is malformed")
            }
            let date = try reader.requiredDate("audit date")
            let actor = try string("audit actor")
            let command = try string("audit command")
            let rule = try Snapshot.value(reader.u8("audit rule"), rules, "audit rule")
            let action = try action()
            var account: UnsafeRawBufferPointer?
            switch try reader.u8("audit account") {
            case 0: break
            case 1:
                let id = try reader.take(try reader.count("audit account"), "audit account")
                guard (1...AccountID.maximumLength).contains(id.count), AccountTable.isLowerCaseID(id) else {
                    throw ByteReader.Malformed(what: "\"\(String(decoding: id, as: UTF8.self))\" is not an account id")
                }
                account = id
            default: throw ByteReader.Malformed(what: "an audit entry's account is malformed")
            }
            let schoolValue = try reader.u32("audit school")
            let school = schoolValue == 0 ? nil : try schoolNumber(schoolValue - 1)
            log.appendStored(date: date, actor: actor, command: command, rule: rule, action: action, account: account, school: school)
            for _ in 0..<(try reader.count("audit changes")) {
                let field = try Snapshot.value(reader.u8("audit field"), fields, "audit field")
                let before = try value(field)
                log.appendChange(field, before, try value(field))
            }
        }
        var files: [Int32: String] = [:]
        for _ in 0..<(try reader.count("import count")) {
            let index = try reader.u32("import entry")
            files[Int32(truncatingIfNeeded: index)] = log.text(try string("import file"))
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed(what: "the audit log runs on") }
        guard log.setImportFiles(files) else { throw ByteReader.Malformed(what: "an import file names no import entry") }
        return log
    }
}

/// The string table of an audit block: the log's texts that live entries use, numbered
/// afresh in the order they come (a dropped entry's texts are not saved, R10.4), and
/// dates written out once each.
private struct AuditStrings {
    let audit: AuditLog
    private(set) var list: [String] = []
    /// Each of the log's texts' number in `list`, or -1 while it is not in it.
    private var numbers: [Int]
    /// Each of the log's actions' number in `list`, or -1 while it is not in it.
    private var actionNumbers: [Int]
    private var days: [CalendarDate: Int] = [:]
    private var others: [String: Int] = [:]

    init(_ audit: AuditLog) {
        self.audit = audit
        numbers = [Int](repeating: -1, count: audit.textCount)
        actionNumbers = [Int](repeating: -1, count: audit.actionCount)
    }

    /// The number of the log's text numbered `text`.
    mutating func number(_ text: Int32) -> Int {
        if numbers[Int(text)] < 0 {
            numbers[Int(text)] = list.count
            list.append(audit.text(text))
        }
        return numbers[Int(text)]
    }

    /// The number of the text of the log's action numbered `action`.
    mutating func number(action: Int32) -> Int {
        if actionNumbers[Int(action)] < 0 {
            actionNumbers[Int(action)] = number(of: audit.action(at: action).description)
        }
        return actionNumbers[Int(action)]
    }

    /// The number of a day, as text.
    mutating func number(day: CalendarDate) -> Int {
        if let known = days[day] { return known }
        days[day] = list.count
        list.append(day.description)
        return list.count - 1
    }

    /// The number of a text the log does not keep in its pool (an import's file).
    mutating func number(of text: String) -> Int {
        if let known = others[text] { return known }
        others[text] = list.count
        list.append(text)
        return list.count - 1
    }
}
