/// One line a command printed, on standard output or standard error.
public struct PrintedLine: Equatable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool) {
        self.text = text
        self.isError = isError
    }

    /// As a transcript writes it.
    var expected: Transcript.Expected { isError ? .error(text) : .output(text) }
}

extension Transcript.Expected {
    /// Whether this expected line stands for `line` (`[..]` matching any text within it).
    func matches(_ line: PrintedLine) -> Bool {
        switch self {
        case .anyLines: return true
        case .output(let pattern): return !line.isError && Self.glob(pattern, line.text)
        case .error(let pattern): return line.isError && Self.glob(pattern, line.text)
        }
    }

    /// `[..]` matches any run of characters; everything else stands for itself.
    static func glob(_ pattern: String, _ text: String) -> Bool {
        let parts = pattern.components(separatedBy: "[..]")
        guard parts.count > 1 else { return pattern == text }
        guard text.hasPrefix(parts[0]), text.hasSuffix(parts.last!),
              text.count >= parts[0].count + parts.last!.count
        else { return false }
        var rest = Substring(text.dropFirst(parts[0].count).dropLast(parts.last!.count))
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}

extension Transcript.Command {
    /// Whether what the command printed matches its expected lines: `...` works like `*`
    /// in a file pattern, matched without recursion in time proportional to the lines.
    func matches(_ printed: [PrintedLine]) -> Bool {
        var (i, j) = (0, 0)
        var lastAnyLines: (expected: Int, printed: Int)?
        while j < printed.count {
            if i < expected.count, expected[i] == .anyLines {
                lastAnyLines = (i, j)
                i += 1
            } else if i < expected.count, expected[i].matches(printed[j]) {
                i += 1
                j += 1
            } else if let retry = lastAnyLines {
                // Let the last `...` stand for one more line, and try again after it.
                lastAnyLines = (retry.expected, retry.printed + 1)
                i = retry.expected + 1
                j = retry.printed + 1
            } else {
                return false
            }
        }
        while i < expected.count, expected[i] == .anyLines { i += 1 }
        return i == expected.count
    }

    /// The expected lines `--update` writes: the printed lines, each shown by the
    /// expected line that still matches it where there is one, so `[..]` lines and `...`
    /// lines that still stand for something are kept.
    func updated(with printed: [PrintedLine]) -> [Transcript.Expected] {
        if matches(printed) { return expected }
        let (m, n) = (expected.count, printed.count)
        // Past a few million cells the alignment costs more than it saves: write it out.
        guard (m + 1) * (n + 1) <= 4_000_000 else { return printed.map(\.expected) }
        // cost[i][j]: the fewest literal or dropped lines needed to turn expected[i...]
        // into a match for printed[j...]. A kept pattern line or `...` costs nothing.
        var cost = Array(repeating: Array(repeating: Int.max / 2, count: n + 1), count: m + 1)
        cost[m][n] = 0
        for i in stride(from: m, through: 0, by: -1) {
            for j in stride(from: n, through: 0, by: -1) where !(i == m && j == n) {
                var best = Int.max / 2
                if i < m { best = min(best, cost[i + 1][j] + (expected[i] == .anyLines ? 0 : 1)) }
                if j < n { best = min(best, cost[i][j + 1] + 1) }
                if i < m, j < n {
                    if expected[i] == .anyLines {
                        best = min(best, cost[i][j + 1])
                    } else if expected[i].matches(printed[j]) {
                        best = min(best, cost[i + 1][j + 1])
                    }
                }
                cost[i][j] = best
            }
        }
        var result: [Transcript.Expected] = []
        var i = 0, j = 0
        while i < m || j < n {
            if i < m, expected[i] == .anyLines {
                // A `...` always still matches (it may stand for no line); it stays, once.
                if j < n, cost[i][j] == cost[i][j + 1] {
                    j += 1
                } else {
                    result.append(.anyLines)
                    i += 1
                }
            } else if i < m, j < n, expected[i].matches(printed[j]), cost[i][j] == cost[i + 1][j + 1] {
                result.append(expected[i])
                i += 1
                j += 1
            } else if j < n, cost[i][j] == cost[i][j + 1] + 1 {
                result.append(printed[j].expected)
                j += 1
            } else {
                i += 1
            }
        }
        return result
    }
}
