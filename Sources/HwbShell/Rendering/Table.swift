import HwbStorage
import HwbTerminal

/// A listing: named columns and rows of text, shown in any of the listing layouts.
///
///     var table = Table(["ID", "NAME"])
///     table.add(["eleri.gov", "Eleri Thomas"])
///     table.render(width: 80)          // aligned columns, long cells wrapped at spaces
///     table.renderExpanded(width: 80)  // one field a line, a block per row
///     table.csv(), table.json()        // the same rows as documents
///
/// Cells wrap only at spaces, so that an id or a date (which hold none) is never cut.
/// Each cell is shown `displayed` (control characters as `\u{..}`), so that a row stays
/// in its lines and only the table's own colours reach the terminal; the documents keep
/// the exact text.
struct Table {
    /// How a cell is coloured on a terminal.
    enum Style {
        case good, bad, warning

        var code: String {
            switch self {
            case .good: return "\u{1B}[32m"
            case .bad: return "\u{1B}[31m"
            case .warning: return "\u{1B}[33m"
            }
        }
    }

    var headers: [String]
    private var rows: [[String]] = []
    private var styles: [[Style?]] = []

    init(_ headers: [String]) {
        self.headers = headers
    }

    mutating func add(_ row: [String], styles rowStyles: [Int: Style] = [:]) {
        rows.append(row)
        styles.append(row.indices.map { rowStyles[$0] })
    }

    /// The names of the columns in CSV and JSON: the headers in lower case, `_` for a space.
    var keys: [String] {
        headers.map { $0.lowercased().replacingOccurrences(of: " ", with: "_") }
    }

    // MARK: - Aligned columns

    /// Whether the columns fit in `width` once long cells are wrapped at their spaces.
    func fits(width: Int) -> Bool {
        let minimum = widestWords()
        return minimum.reduce(0, +) + gaps <= width
    }

    /// The table as aligned columns two blanks apart. With a `width`, cells wrap at spaces
    /// until it fits; a table that cannot fit keeps its words whole and runs wider.
    func render(width: Int? = nil, colour: Bool = false) -> String {
        let shownRows = rows.map { $0.map(\.displayed) }
        var widths = headers.map(\.count)
        for row in shownRows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        if let width { narrow(&widths, to: width, minimum: widestWords()) }
        func lines(_ cells: [String], _ cellStyles: [Style?]) -> String {
            let wrapped = cells.enumerated().map { index, cell in cell.wrapped(to: widths[index]) }
            let height = wrapped.map(\.count).max() ?? 1
            var text = ""
            for lineIndex in 0..<height {
                var line = ""
                for (index, cellLines) in wrapped.enumerated() {
                    let shown = lineIndex < cellLines.count ? cellLines[lineIndex] : ""
                    let padding = index == cells.count - 1 ? "" : String(repeating: " ", count: max(0, widths[index] - shown.count) + 2)
                    if colour, let style = cellStyles[index], !shown.isEmpty {
                        line += style.code + shown + "\u{1B}[0m" + padding
                    } else {
                        line += shown + padding
                    }
                }
                text += line.trimmingTrailingSpaces() + "\n"
            }
            return text
        }
        var text = lines(headers, headers.map { _ in nil })
        for (row, rowStyles) in zip(shownRows, styles) { text += lines(row, rowStyles) }
        return text
    }

    private var gaps: Int { 2 * max(0, headers.count - 1) }

    /// Each column's longest word (a header counts whole): as narrow as it can wrap.
    private func widestWords() -> [Int] {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() {
                for word in cell.displayed.split(separator: " ") where word.count > widths[index] {
                    widths[index] = word.count
                }
            }
        }
        return widths
    }

    /// Narrows the widest columns that can still wrap, one character at a time, until the
    /// table fits or every column is down to its longest word.
    private func narrow(_ widths: inout [Int], to width: Int, minimum: [Int]) {
        var total = widths.reduce(0, +) + gaps
        while total > width {
            guard let widest = widths.indices.filter({ widths[$0] > minimum[$0] }).max(by: { widths[$0] < widths[$1] })
            else { return }
            widths[widest] -= 1
            total -= 1
        }
    }

    // MARK: - One field a line

    /// Each row as a block headed `-[ 1 of 3 ]---`, one `HEADER  value` line per field,
    /// values wrapped at spaces to the width.
    func renderExpanded(width: Int? = nil, colour: Bool = false) -> String {
        let labelWidth = headers.map(\.count).max() ?? 0
        let valueWidth = width.map { max(20, $0 - labelWidth - 2) }
        var text = ""
        for (number, (row, rowStyles)) in zip(rows, styles).enumerated() {
            let title = "-[ \(number + 1) of \(rows.count) ]"
            text += title + String(repeating: "-", count: max(3, min(width ?? 40, 40) - title.count)) + "\n"
            for (index, header) in headers.enumerated() {
                let cell = row[index].displayed
                let lines = valueWidth.map { cell.wrapped(to: $0) } ?? [cell]
                for (lineIndex, line) in lines.enumerated() {
                    let label = lineIndex == 0 ? header : ""
                    let shown = colour && !line.isEmpty ? rowStyles[index].map { $0.code + line + "\u{1B}[0m" } ?? line : line
                    text += (label.padded(to: labelWidth + 2) + shown).trimmingTrailingSpaces() + "\n"
                }
            }
        }
        return text
    }

    // MARK: - Documents

    /// A header of `keys`, then a record a row, the cells exactly as given.
    func csv() -> [UInt8] {
        let end = [UInt8(ascii: "\n")]
        var out: [UInt8] = []
        CSV.append(record: keys, terminator: end, to: &out)
        for row in rows { CSV.append(record: row, terminator: end, to: &out) }
        return out
    }

    /// An array of objects, one a line, each with every key; an empty cell is `null`.
    func json() -> [UInt8] {
        var out = Array("[".utf8)
        let names = keys
        for (number, row) in rows.enumerated() {
            out += Array((number == 0 ? "\n  {" : ",\n  {").utf8)
            for (index, cell) in row.enumerated() {
                if index > 0 { out += Array(", ".utf8) }
                JSONText.appendQuoted(names[index], to: &out)
                out += Array(": ".utf8)
                if cell.isEmpty { out += Array("null".utf8) } else { JSONText.appendQuoted(cell, to: &out) }
            }
            out += Array("}".utf8)
        }
        out += Array((rows.isEmpty ? "]\n" : "\n]\n").utf8)
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }

    /// The text in lines of at most `width` characters, broken at spaces; a word longer
    /// than the width keeps a line of its own, whole. Leading blanks indent every line.
    /// The blanks between words are kept within a line (`expired   a, b`); a line break
    /// takes their place.
    func wrapped(to width: Int) -> [String] {
        guard count > width else { return [self] }
        let indent = String(prefix { $0 == " " })
        var lines: [String] = []
        var line = indent
        var gap = ""
        var word = ""
        func place() {
            guard !word.isEmpty else { return }
            if line.count > indent.count, line.count + gap.count + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? gap : "") + word
            word = ""
            gap = ""
        }
        for character in dropFirst(indent.count) {
            if character == " " {
                place()
                gap.append(" ")
            } else {
                word.append(character)
            }
        }
        place()
        lines.append(line)
        return lines
    }
}
