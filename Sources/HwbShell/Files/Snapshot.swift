import Foundation
import HwbCore
import HwbLanguage

/// The snapshot file of `save` and `load`: the whole store as one JSON document.
///
///     {"format": "hwbsh-snapshot", "version": 1, "date": "2027-09-01",
///      "actor": "champion 6612001",
///      "schools": [{"number": "6612001", "name": "Ysgol y Môr", "maintained": true}],
///      "accounts": [ ...interchange objects... ],
///      "audit": [{"date": ..., "actor": ..., "command": ..., "rule": "R5",
///                 "action": "created", "account": "jo.bloggs", "school": "6612001",
///                 "changes": [["expires", null, "2027-08-31"]]}]}
///
/// Loading checks the format name, the version and every invariant of R14 before it
/// replaces anything. docs/snapshot-format.md describes the format.
enum Snapshot {
    static let formatName = "hwbsh-snapshot"
    static let version = 1

    static func encode(_ store: Store, actor: Actor) -> String {
        var text = "{\"format\": \"\(formatName)\", \"version\": \(version), \"date\": \"\(store.today)\",\n"
        text += " \"actor\": \(JSONText.quoted(actor.description)),\n \"schools\": ["
        for (index, school) in store.schools.values.sorted(by: { $0.number < $1.number }).enumerated() {
            text += index == 0 ? "\n  " : ",\n  "
            text += "{\"number\": \"\(school.number)\", \"name\": \(JSONText.quoted(school.name)), \"maintained\": \(school.maintained)}"
        }
        text += "],\n \"accounts\": ["
        for (index, account) in store.accounts.values.sorted(by: { $0.id < $1.id }).enumerated() {
            text += index == 0 ? "\n  " : ",\n  "
            text += JSONText.object(account)
        }
        text += "],\n \"audit\": ["
        for (index, entry) in store.audit.all.enumerated() {
            text += index == 0 ? "\n  " : ",\n  "
            text += auditObject(entry)
        }
        return text + "]}\n"
    }

    private static func auditObject(_ entry: AuditEntry) -> String {
        let changes = entry.changes.map { change in
            "[\"\(change.field.rawValue)\", \(JSONText.value(change.before)), \(JSONText.value(change.after))]"
        }
        return "{\"date\": \"\(entry.date)\", \"actor\": \(JSONText.quoted(entry.actor)), "
            + "\"command\": \(JSONText.quoted(entry.command)), \"rule\": \"\(entry.rule.rawValue)\", "
            + "\"action\": \(JSONText.quoted(entry.action)), "
            + "\"account\": \(entry.account.map { JSONText.quoted($0.value) } ?? "null"), "
            + "\"school\": \(entry.school.map { "\"\($0)\"" } ?? "null"), "
            + "\"changes\": [\(changes.joined(separator: ", "))]}"
    }

    /// The store and actor saved in `bytes`, or an error that says what is wrong.
    static func decode(_ bytes: [UInt8], path: String) throws(ShellError) -> (Store, Actor) {
        func fail(_ message: String) -> ShellError { .file("cannot load \(path): \(message)") }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw fail("it is not an hwbsh snapshot (not JSON)")
        }
        guard let document = root as? [String: Any], document["format"] as? String == formatName else {
            throw fail("it is not an hwbsh snapshot")
        }
        guard let version = (document["version"] as? NSNumber)?.intValue else { throw fail("it has no version number") }
        guard version <= Snapshot.version else {
            throw fail("it is a version \(version) snapshot; this hwbsh reads version \(Snapshot.version) and older")
        }
        guard let dateText = document["date"] as? String, let today = CalendarDate(dateText) else {
            throw fail("its date is missing or not YYYY-MM-DD")
        }
        guard let actorText = document["actor"] as? String, let actor = try? Parser.actor(from: actorText) else {
            throw fail("its actor is missing or not one hwbsh knows")
        }
        guard let schoolList = document["schools"] as? [Any], let accountList = document["accounts"] as? [Any],
              let auditList = document["audit"] as? [Any]
        else { throw fail("it lacks schools, accounts or audit") }

        var schools: [School] = []
        for (index, item) in schoolList.enumerated() {
            guard let object = item as? [String: Any], let numberText = object["number"] as? String,
                  let number = SchoolNumber(numberText), let name = object["name"] as? String,
                  let maintained = object["maintained"].flatMap(InterchangeJSON.fieldValue), case .bool(let maintained) = maintained
            else { throw fail("school \(index + 1) is malformed") }
            schools.append(School(number: number, name: name, maintained: maintained))
        }
        var accounts: [Account] = []
        accounts.reserveCapacity(accountList.count)
        for (index, item) in accountList.enumerated() {
            guard let object = item as? [String: Any] else { throw fail("account \(index + 1) is not an object") }
            switch InterchangeJSON.account(from: object) {
            case .success(let account): accounts.append(account)
            case .failure(let problems): throw fail("account \(index + 1): \(problems)")
            }
        }
        var entries: [AuditEntry] = []
        entries.reserveCapacity(auditList.count)
        for (index, item) in auditList.enumerated() {
            guard let entry = auditEntry(item) else { throw fail("audit entry \(index + 1) is malformed") }
            entries.append(entry)
        }
        do {
            let store = try Store.restored(today: today, schools: schools, accounts: accounts, audit: entries)
            try store.checkLogin(actor)
            return (store, actor)
        } catch {
            throw fail(error.description)
        }
    }

    private static func auditEntry(_ item: Any) -> AuditEntry? {
        guard let object = item as? [String: Any],
              let date = (object["date"] as? String).flatMap({ CalendarDate($0) }),
              let actor = object["actor"] as? String, let command = object["command"] as? String,
              let rule = (object["rule"] as? String).flatMap(Rule.init(rawValue:)),
              let action = object["action"] as? String, let changeList = object["changes"] as? [Any]
        else { return nil }
        var account: AccountID?
        if let text = object["account"] as? String {
            guard let id = AccountID(text) else { return nil }
            account = id
        }
        var school: SchoolNumber?
        if let text = object["school"] as? String {
            guard let number = SchoolNumber(text) else { return nil }
            school = number
        }
        var changes: [AuditEntry.Change] = []
        for item in changeList {
            guard let triple = item as? [Any], triple.count == 3,
                  let field = (triple[0] as? String).flatMap(Account.Field.init(rawValue:)),
                  let before = InterchangeJSON.fieldValue(triple[1]), let after = InterchangeJSON.fieldValue(triple[2])
            else { return nil }
            changes.append(.init(field: field, before: before, after: after))
        }
        return AuditEntry(date: date, actor: actor, command: command, rule: rule, action: action,
                          account: account, school: school, changes: changes)
    }
}

/// Reading interchange JSON values produced by JSONSerialization.
enum InterchangeJSON {
    /// An account from a JSON object with the interchange keys (a missing key is null).
    static func account(from object: [String: Any]) -> Result<Account, RowProblems> {
        var cells = AccountRecord.Cells()
        var problems: [String] = []
        for (key, value) in object {
            guard let field = Account.Field(rawValue: key) else {
                problems.append("unknown key \(key)")
                continue
            }
            guard let fieldValue = fieldValue(value) else {
                problems.append("\(key) has a value of the wrong type")
                continue
            }
            cells[field] = fieldValue.text
        }
        guard problems.isEmpty else { return .failure(RowProblems(messages: problems)) }
        return AccountRecord.decode(cells)
    }

    /// A scalar JSON value, or nil for arrays and objects.
    static func fieldValue(_ value: Any) -> Account.FieldValue? {
        switch value {
        case is NSNull: return .null
        case let string as String: return .string(string)
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c": return .bool(number.boolValue)
            case "d", "f": return nil
            default: return .number(number.intValue)
            }
        default: return nil
        }
    }
}
