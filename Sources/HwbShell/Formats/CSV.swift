/// RFC 4180 CSV: writing cells, and reading records with the line each starts on.
enum CSV {
    /// One record; cells with a comma, quote, line break or edge blank are quoted.
    static func record(_ cells: [String], terminator: String = "\r\n") -> String {
        cells.map(cell).joined(separator: ",") + terminator
    }

    static func cell(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    struct Record {
        /// The 1-based line of the file on which the record starts.
        var line: Int
        var cells: [String]
    }

    struct ReadError: Error {
        var line: Int
        var message: String
    }

    /// Parses CSV text (LF or CRLF line ends, an optional UTF-8 byte order mark). Blank
    /// lines are skipped.
    static func records(in text: String) throws(ReadError) -> [Record] {
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedCell = false
        var atCellStart = true
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        if let first = iterator.next(), first != "\u{FEFF}" { pending = first }

        func endCell() {
            cells.append(cell)
            cell = ""
            quotedCell = false
            atCellStart = true
        }
        func endRecord() {
            endCell()
            if !(cells.count == 1 && cells[0].isEmpty) { records.append(Record(line: recordLine, cells: cells)) }
            cells = []
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        cell.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard atCellStart else {
                    throw ReadError(line: line, message: "a quote inside an unquoted cell; quote the whole cell and double the quote")
                }
                inQuotes = true
                quotedCell = true
                atCellStart = false
            case ",":
                endCell()
            case "\r":
                let next = iterator.next()
                guard next == "\n" || next == nil else {
                    throw ReadError(line: line, message: "a carriage return not followed by a line feed")
                }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                guard !quotedCell else {
                    throw ReadError(line: line, message: "text after the closing quote of a cell")
                }
                atCellStart = false
                cell.unicodeScalars.append(scalar)
            }
        }
        guard !inQuotes else { throw ReadError(line: recordLine, message: "a quoted cell is never closed") }
        if !cells.isEmpty || !cell.isEmpty || quotedCell { endRecord() }
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
