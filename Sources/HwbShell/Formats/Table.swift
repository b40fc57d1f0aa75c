/// A plain text table: a header row and aligned columns, two blanks apart. On a terminal
/// it can be fitted to the width (long cells cut with …) and colour its styled cells.
/// Each cell is shown `displayed` (control characters as `\u{..}`), so that a row stays
/// one line and only the table's own colours reach the terminal.
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
        rows.append(row.map(\.displayed))
        styles.append(row.indices.map { rowStyles[$0] })
    }

    /// The table as text, at most `width` columns wide when given, with colours if asked.
    func render(width: Int? = nil, colour: Bool = false) -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        if let width { fit(&widths, into: width) }
        func line(_ cells: [String], _ cellStyles: [Style?]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                let shown = cell.count > widths[index] ? String(cell.prefix(max(0, widths[index] - 1))) + "…" : cell
                let padding = index == cells.count - 1 ? "" : String(repeating: " ", count: widths[index] - shown.count + 2)
                if colour, let style = cellStyles[index] {
                    text += style.code + shown + "\u{1B}[0m" + padding
                } else {
                    text += shown + padding
                }
            }
            return text.trimmingTrailingSpaces() + "\n"
        }
        var text = line(headers, headers.map { _ in nil })
        for (row, rowStyles) in zip(rows, styles) { text += line(row, rowStyles) }
        return text
    }

    /// Narrows the widest columns, never below 8 characters, until the table fits.
    private func fit(_ widths: inout [Int], into width: Int) {
        var total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        while total > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 {
            widths[widest] -= 1
            total -= 1
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
