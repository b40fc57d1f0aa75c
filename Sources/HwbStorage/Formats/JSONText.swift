import HwbCore

/// Writes the interchange formats straight into bytes: fast for a million accounts, and in
/// exactly the layout of docs/language.md.
public enum JSONText {
    /// `"YYYY-MM-DD"`, for other writers of JSON.
    public static func appendQuotedDate(_ date: CalendarDate, to out: inout [UInt8]) {
        Interchange.appendQuotedDate(date, to: &out)
    }

    /// The `export json` document: `{"date": ..., "accounts": [...]}`, one account a line.
    public static func document(date: CalendarDate, accounts: [Account], progress: (any ProgressListener)? = nil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + accounts.count * 420)
        out += Array("{\"date\": ".utf8)
        Interchange.appendQuotedDate(date, to: &out)
        out += Array(",\n \"accounts\": [".utf8)
        for (index, account) in accounts.enumerated() {
            out += Array((index == 0 ? "\n  " : ",\n  ").utf8)
            appendObject(account, to: &out)
            if index % 10_000 == 9_999 { progress?.advance(by: 10_000) }
        }
        out += Array("]}\n".utf8)
        return out
    }

    /// One account as a JSON object, every key present, in interchange order.
    static func appendObject(_ account: Account, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (index, field) in Account.Field.allCases.enumerated() {
            if index > 0 { out += [UInt8(ascii: ","), UInt8(ascii: " ")] }
            out.append(UInt8(ascii: "\""))
            out += field.rawValue.utf8
            out += [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: " ")]
            appendValue(account, field, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private static func appendValue(_ account: Account, _ field: Account.Field, to out: inout [UInt8]) {
        func date(_ value: CalendarDate?) {
            if let value { Interchange.appendQuotedDate(value, to: &out) } else { out += Array("null".utf8) }
        }
        func text(_ value: String?) {
            if let value { appendQuoted(value, to: &out) } else { out += Array("null".utf8) }
        }
        switch field {
        case .created: date(account.created)
        case .lastActivity: date(account.lastActivity)
        case .expires: date(account.expires)
        case .leavingDate: date(account.leavingDate)
        case .deactivatedOn: date(account.deactivatedOn)
        case .deletionDue: date(account.deletionDue)
        case .id: text(account.id.value)
        case .name: text(account.name)
        default:
            switch account[field] {
            case .null: out += Array("null".utf8)
            case .string(let value): text(value)
            case .number(let number): out += String(number).utf8
            case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
            }
        }
    }

    /// A JSON string literal. Every control character is escaped, DEL and C1 (U+0080 to
    /// U+009F) too, which JSON allows raw: the text reads back the same, and none of it
    /// acts on a terminal that shows the document.
    public static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        func escape(_ code: UInt8) {
            func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10 }
            out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex(code >> 4), hex(code & 15)]
        }
        out.append(UInt8(ascii: "\""))
        var afterC2 = false
        for byte in text.utf8 {
            if afterC2 {
                afterC2 = false
                if byte < 0xA0 {
                    escape(byte)
                    continue
                }
                out.append(0xC2)
            }
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 10: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 13: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 9: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20, 0x7F: escape(byte)
            // The lead byte of U+0080 to U+00BF: written with the next unless that is C1.
            case 0xC2: afterC2 = true
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// Pieces the interchange writers share.
enum Interchange {
    /// `"YYYY-MM-DD"`, written digit by digit (a million accounts hold six million dates).
    static func appendQuotedDate(_ date: CalendarDate, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendDate(date, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    static func appendDate(_ date: CalendarDate, to out: inout [UInt8]) {
        let (year, month, day) = date.parts
        let zero = UInt8(ascii: "0")
        out += [zero + UInt8(year / 1000), zero + UInt8(year / 100 % 10), zero + UInt8(year / 10 % 10), zero + UInt8(year % 10),
                UInt8(ascii: "-"), zero + UInt8(month / 10), zero + UInt8(month % 10),
                UInt8(ascii: "-"), zero + UInt8(day / 10), zero + UInt8(day % 10)]
    }
}
