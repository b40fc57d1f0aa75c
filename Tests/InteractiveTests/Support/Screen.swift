/// A small emulation of the xterm screen that hwbsh draws on: enough of the control
/// sequences libedit uses (cursor motion, erase, insert and delete characters, insert
/// mode) to show the lines as a person would read them, where the raw output of a line
/// redrawn after Tab or Backspace would read twice.
///
/// Every character is one column wide (true of the Welsh letters and the prompt's
/// `·`, `›` and `…`); colours and modes are ignored.
struct Screen {
    let rows: Int
    let columns: Int
    /// Lines scrolled off the top, oldest first.
    private(set) var scrolledOff: [String] = []
    private var cells: [[Character]]
    private(set) var row = 0
    private(set) var column = 0
    /// xterm's deferred wrap: a character in the last column moves on only when the next comes.
    private var wrapPending = false
    private var insertMode = false
    private var pending = String.UnicodeScalarView()

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    /// The visible lines, without trailing spaces.
    var lines: [String] {
        cells.map { String($0).replacingTrailingSpaces() }
    }

    /// The line the cursor is on, without trailing spaces.
    var cursorLine: String {
        lines[row]
    }

    /// The line the cursor is on, up to the cursor, spaces included: what has been typed
    /// so far when the cursor is at the end of the line.
    var beforeCursor: String {
        String(cells[row][..<column])
    }

    /// Everything shown so far: the scrolled-off lines, then the screen down to its last
    /// non-empty line.
    var text: String {
        var all = scrolledOff + lines
        while all.last == "" { all.removeLast() }
        return all.joined(separator: "\n")
    }

    /// Applies terminal output (an escape sequence may be split across calls).
    mutating func feed(_ text: String) {
        pending.append(contentsOf: text.unicodeScalars)
        var scalars = Array(pending)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}" {
                guard let length = Self.escapeLength(scalars, at: index) else { break } // incomplete
                apply(escape: Array(scalars[index..<(index + length)]))
                index += length
                continue
            }
            apply(scalar)
            index += 1
        }
        scalars.removeFirst(index)
        pending = String.UnicodeScalarView(scalars)
    }

    /// The length of the escape sequence at `start`, or nil when it is not complete yet.
    private static func escapeLength(_ scalars: [Unicode.Scalar], at start: Int) -> Int? {
        guard start + 1 < scalars.count else { return nil }
        switch scalars[start + 1] {
        case "[":
            var index = start + 2
            while index < scalars.count {
                if (0x40...0x7E).contains(scalars[index].value) { return index - start + 1 }
                index += 1
            }
            return nil
        case "]":
            var index = start + 2
            while index < scalars.count {
                if scalars[index] == "\u{07}" { return index - start + 1 }
                if scalars[index] == "\\" && scalars[index - 1] == "\u{1B}" { return index - start + 1 }
                index += 1
            }
            return nil
        case "(", ")", "#", "%":
            return start + 2 < scalars.count ? 3 : nil
        default:
            return 2
        }
    }

    private mutating func apply(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "\r":
            column = 0
            wrapPending = false
        case "\n":
            lineFeed()
        case "\u{08}":
            if wrapPending { wrapPending = false } else { column = max(0, column - 1) }
        case "\t":
            column = min(columns - 1, (column / 8 + 1) * 8)
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            break // bell and other controls
        case _ where scalar.properties.generalCategory == .nonspacingMark:
            break // (not drawn apart; none are expected)
        default:
            put(Character(scalar))
        }
    }

    private mutating func put(_ character: Character) {
        if wrapPending {
            wrapPending = false
            column = 0
            lineFeed()
        }
        if insertMode {
            cells[row].insert(character, at: column)
            cells[row].removeLast()
        } else {
            cells[row][column] = character
        }
        if column == columns - 1 {
            wrapPending = true
        } else {
            column += 1
        }
    }

    private mutating func lineFeed() {
        wrapPending = false
        if row == rows - 1 {
            scrolledOff.append(String(cells.removeFirst()).replacingTrailingSpaces())
            cells.append(Array(repeating: " ", count: columns))
        } else {
            row += 1
        }
    }

    private mutating func apply(escape: [Unicode.Scalar]) {
        guard escape.count >= 3, escape[1] == "[", let final = escape.last else { return }
        var body = String(String.UnicodeScalarView(escape[2..<(escape.count - 1)]))
        let isPrivate = body.hasPrefix("?")
        if isPrivate { body.removeFirst() }
        let numbers = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        func number(_ index: Int, default value: Int = 1) -> Int {
            index < numbers.count ? (numbers[index].flatMap { $0 == 0 ? nil : $0 } ?? value) : value
        }
        wrapPending = wrapPending && (final == "m")
        switch final {
        case "A": row = max(0, row - number(0))
        case "B": row = min(rows - 1, row + number(0))
        case "C": column = min(columns - 1, column + number(0))
        case "D": column = max(0, column - number(0))
        case "G": column = min(columns - 1, number(0) - 1)
        case "d": row = min(rows - 1, number(0) - 1)
        case "H", "f":
            row = min(rows - 1, number(0) - 1)
            column = min(columns - 1, number(1) - 1)
        case "K":
            let range: Range<Int>
            switch numbers.first.flatMap({ $0 }) ?? 0 {
            case 1: range = 0..<(column + 1)
            case 2: range = 0..<columns
            default: range = column..<columns
            }
            for index in range { cells[row][index] = " " }
        case "J":
            switch numbers.first.flatMap({ $0 }) ?? 0 {
            case 1:
                for line in 0..<row { cells[line] = Array(repeating: " ", count: columns) }
                for index in 0...column { cells[row][index] = " " }
            case 2, 3:
                cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
            default:
                for index in column..<columns { cells[row][index] = " " }
                for line in (row + 1)..<rows { cells[line] = Array(repeating: " ", count: columns) }
            }
        case "P":
            for _ in 0..<min(number(0), columns - column) {
                cells[row].remove(at: column)
                cells[row].append(" ")
            }
        case "@":
            for _ in 0..<min(number(0), columns - column) {
                cells[row].insert(" ", at: column)
                cells[row].removeLast()
            }
        case "h" where !isPrivate && body == "4": insertMode = true
        case "l" where !isPrivate && body == "4": insertMode = false
        default: break // colours, keypad and other modes
        }
    }
}

extension String {
    fileprivate func replacingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
