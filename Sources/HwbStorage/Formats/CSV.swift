import HwbCore

/// RFC 4180 CSV: writing cells, and reading records with the line each starts on.
public enum CSV {
    /// The `export csv` document: a header of the JSON keys, then one row an account.
    public static func document(_ accounts: [Account], terminator: String = "\r\n", progress: (any ProgressListener)? = nil) -> [UInt8] {
        let end = Array(terminator.utf8)
        var out = Array(record(Account.Field.allCases.map(\.rawValue), terminator: terminator).utf8)
        out.reserveCapacity(out.count + accounts.count * 160)
        for (row, account) in accounts.enumerated() {
            if row % 10_000 == 9_999 { progress?.advance(by: 10_000) }
            for (index, field) in Account.Field.allCases.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                switch field {
                case .created: Interchange.appendDate(account.created, to: &out)
                case .lastActivity: Interchange.appendDate(account.lastActivity, to: &out)
                default: appendCell(account[field].text, to: &out)
                }
            }
            out += end
        }
        return out
    }

    /// One record; cells with a comma, quote, line break or edge blank are quoted.
    public static func record(_ cells: [String], terminator: String = "\r\n") -> String {
        var out: [UInt8] = []
        append(record: cells, terminator: Array(terminator.utf8), to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `record(cells)`, added to `out` as bytes (a listing of a million rows is written
    /// record by record).
    public static func append(record cells: [String], terminator: [UInt8], to out: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendCell(cell, to: &out)
        }
        out += terminator
    }

    static func appendCell(_ text: String, to out: inout [UInt8]) {
        // The delimiters are ASCII, so the bytes say.
        let utf8 = text.utf8
        let needsQuotes = utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
            || utf8.first == 32 || utf8.last == 32
        guard needsQuotes else { return out += utf8 }
        out.append(UInt8(ascii: "\""))
        for byte in utf8 {
            out.append(byte)
            if byte == 34 { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
    }

    public struct Record: Sendable {
        /// The 1-based line of the file on which the record starts.
        public var line: Int
        public var cells: [String]
    }

    public struct ReadError: Error {
        public var line: Int
        public var message: String
    }

    /// Parses CSV text (LF or CRLF line ends, an optional UTF-8 byte order mark). Blank
    /// lines are skipped. Works on the UTF-8 bytes: every delimiter is ASCII.
    public static func records(in text: String) throws(ReadError) -> [Record] {
        var text = text
        let result = text.withUTF8 { bytes in Result { () throws(ReadError) in try records(in: bytes) } }
        return try result.get()
    }

    private static func records(in bytes: UnsafeBufferPointer<UInt8>) throws(ReadError) -> [Record] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(13), lf = UInt8(10)
        var records: [Record] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0

        func endRecord() {
            if !(cells.count == 1 && cells[0].isEmpty) { records.append(Record(line: recordLine, cells: cells)) }
            cells = []
        }

        while index < bytes.count {
            // One cell, starting at `index`.
            cell.removeAll(keepingCapacity: true)
            if bytes[index] == quote {
                let quoteLine = line
                index += 1
                while true {
                    guard index < bytes.count else {
                        throw ReadError(line: quoteLine, message: "a quoted cell is never closed")
                    }
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < bytes.count, bytes[index + 1] == quote {
                            cell.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    if byte == lf { line += 1 }
                    cell.append(byte)
                    index += 1
                }
                if index < bytes.count, bytes[index] != comma, bytes[index] != cr, bytes[index] != lf {
                    throw ReadError(line: line, message: "text after the closing quote of a cell")
                }
            } else {
                while index < bytes.count, bytes[index] != comma, bytes[index] != cr, bytes[index] != lf {
                    if bytes[index] == quote {
                        throw ReadError(line: line, message: "a quote inside an unquoted cell; quote the whole cell and double the quote")
                    }
                    cell.append(bytes[index])
                    index += 1
                }
            }
            cells.append(String(decoding: cell, as: UTF8.self))
            guard index < bytes.count else { break }
            switch bytes[index] {
            case comma:
                index += 1
                if index == bytes.count { cells.append("") }
            case cr:
                guard index + 1 >= bytes.count || bytes[index + 1] == lf else {
                    throw ReadError(line: line, message: "a carriage return not followed by a line feed")
                }
                index += index + 1 < bytes.count ? 2 : 1
                endRecord()
                line += 1
                recordLine = line
            default:
                index += 1
                endRecord()
                line += 1
                recordLine = line
            }
        }
        if !cells.isEmpty { endRecord() }
        return records
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
