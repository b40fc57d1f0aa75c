import Foundation

/// Independent readers of docs/language.md's interchange formats, so that tests check what
/// hwbsh writes without going through hwbsh's own readers.
public enum Interchange {
    /// The JSON keys of an account, in the order docs/language.md shows them.
    public static let keys = [
        "id", "name", "kind", "school", "status", "created", "lastActivity", "content", "category", "expires",
        "closeAtExpiry", "role", "leavingDate", "pendingSchool", "deactivatedOn", "deletionDue", "reason",
    ]

    /// The keys that hold dates.
    public static let dateKeys: Set<String> = ["created", "lastActivity", "expires", "leavingDate", "deactivatedOn", "deletionDue"]

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// An `export json` document read with Foundation's JSONSerialization.
    public struct Document {
        /// The top-level object.
        public var root: [String: Any]
        public var date: String?
        /// The accounts in document order; a missing key reads as NSNull (docs/language.md: a
        /// reader treats a missing key and null alike).
        public var accounts: [[String: Any]]

        public var ids: [String] { accounts.compactMap { $0["id"] as? String } }

        /// The account with `id`, every interchange key filled in (missing keys as NSNull).
        public func account(_ id: String) -> [String: Any]? {
            accounts.first { $0["id"] as? String == id }
        }
    }

    public static func parseJSON(_ text: String) throws -> Document {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let root = object as? [String: Any] else { throw Failure("the document is not a JSON object") }
        guard let list = root["accounts"] as? [Any] else { throw Failure("no accounts array") }
        var accounts: [[String: Any]] = []
        for item in list {
            guard var account = item as? [String: Any] else { throw Failure("an account is not an object") }
            for key in keys where account[key] == nil { account[key] = NSNull() }
            accounts.append(account)
        }
        return Document(root: root, date: root["date"] as? String, accounts: accounts)
    }

    /// Whether a JSON value is null.
    public static func isNull(_ value: Any?) -> Bool {
        value == nil || value is NSNull
    }

    /// A JSON value as the CSV cell docs/language.md pairs with it: null is empty, booleans
    /// `true`/`false`, numbers in decimal, strings as they are.
    public static func cellText(_ value: Any?) -> String? {
        switch value {
        case nil, is NSNull: return ""
        case let string as String: return string
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            return number.stringValue
        default: return nil
        }
    }

    /// Whether a JSON value is a boolean (not a number that happens to be 0 or 1).
    public static func isBool(_ value: Any?) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    /// RFC 4180 records: CRLF (or LF) line ends, quoted cells with doubled quotes. Throws
    /// on anything RFC 4180 does not allow.
    public static func parseCSV(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false
        var afterQuote = false
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        cell.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard cell.isEmpty, !afterQuote else { throw Failure("a quote inside an unquoted cell") }
                quoted = true
            case ",":
                record.append(cell)
                cell = ""
                afterQuote = false
            case "\r":
                guard scalars.first == "\n" else { throw Failure("a CR without LF") }
            case "\n":
                record.append(cell)
                records.append(record)
                record = []
                cell = ""
                afterQuote = false
            default:
                guard !afterQuote else { throw Failure("text after a closing quote") }
                cell.unicodeScalars.append(scalar)
            }
        }
        guard !quoted else { throw Failure("an unclosed quote") }
        if !cell.isEmpty || !record.isEmpty || afterQuote {
            record.append(cell)
            records.append(record)
        }
        return records
    }

    /// CSV records as dictionaries keyed by the header row.
    public static func csvRows(_ text: String) throws -> (header: [String], rows: [[String: String]]) {
        let records = try parseCSV(text)
        guard let header = records.first else { throw Failure("no header row") }
        var rows: [[String: String]] = []
        for record in records.dropFirst() {
            guard record.count == header.count else { throw Failure("a row of \(record.count) cells under \(header.count) columns") }
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, record)))
        }
        return (header, rows)
    }
}
