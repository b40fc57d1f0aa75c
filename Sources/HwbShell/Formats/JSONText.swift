import HwbCore

/// Writes JSON text by hand: fast for a million accounts, and in exactly the layout of
/// LANGUAGE.md's interchange format.
enum JSONText {
    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func value(_ value: Account.FieldValue) -> String {
        switch value {
        case .null: return "null"
        case .string(let s): return quoted(s)
        case .number(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        }
    }

    /// One account as a JSON object, every key present, in interchange order.
    static func object(_ account: Account) -> String {
        var text = "{"
        for (index, field) in Account.Field.allCases.enumerated() {
            if index > 0 { text += ", " }
            text += "\"" + field.rawValue + "\": " + value(account[field])
        }
        return text + "}"
    }

    /// The `export json` document: `{"date": ..., "accounts": [...]}`, one account a line.
    static func document(date: CalendarDate, accounts: [Account]) -> String {
        var text = "{\"date\": \"\(date)\",\n \"accounts\": ["
        for (index, account) in accounts.enumerated() {
            text += index == 0 ? "\n  " : ",\n  "
            text += object(account)
        }
        return text + "]}\n"
    }
}
