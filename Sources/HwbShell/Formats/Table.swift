/// A plain text table: a header row and aligned columns, two blanks apart.
struct Table {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: [String]) {
        self.headers = headers
    }

    mutating func add(_ row: [String]) {
        rows.append(row)
    }

    func render() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                if index == cells.count - 1 {
                    text += cell
                } else {
                    text += cell + String(repeating: " ", count: widths[index] - cell.count + 2)
                }
            }
            return text.trimmingTrailingSpaces() + "\n"
        }
        return ([headers] + rows).map(line).joined()
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
