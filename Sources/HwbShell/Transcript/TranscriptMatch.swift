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
    /// lines that still stand for something are kept. An update never weakens a check:
    /// when an expected line no longer matches, every `...` of the command is written out
    /// as the lines it stood for, so that no line once checked hides behind a wildcard.
    func updated(with printed: [PrintedLine]) -> [Transcript.Expected] {
        if matches(printed) { return expected }
        let (m, n) = (expected.count, printed.count)
        // Past a few million cells the alignment costs more than it saves: write it out.
        guard (m + 1) * (n + 1) <= 4_000_000 else { return printed.map(\.expected) }
        // cost[i][j]: the cheapest way to turn expected[i...] into a match for
        // printed[j...]. Keeping a line that matches, or letting a `...` stand for a line,
        // costs nothing; writing a printed line out costs `written`; rewriting an expected
        // line that no longer matches to a printed one costs as much, and up to twice as
        // much more the less alike they are (so a line is rewritten to the printed line
        // most like it, writing out the others); dropping an expected line costs more than
        // any rewriting. So a changed line is rewritten to a printed one rather than
        // dropped while a `...` takes that.
        let written = 10, dropping = 30
        func rewriting(_ i: Int, _ j: Int) -> Int {
            let old = expected[i].text.utf8, new = printed[j].expected.text.utf8
            return written + 2 * (9 - min(9, zip(old, new).prefix { $0 == $1 }.count))
        }
        var cost = Array(repeating: Array(repeating: Int.max / 2, count: n + 1), count: m + 1)
        cost[m][n] = 0
        for i in stride(from: m, through: 0, by: -1) {
            for j in stride(from: n, through: 0, by: -1) where !(i == m && j == n) {
                var best = Int.max / 2
                if i < m { best = min(best, cost[i + 1][j] + (expected[i] == .anyLines ? 0 : dropping)) }
                if j < n { best = min(best, cost[i][j + 1] + written) }
                if i < m, j < n {
                    if expected[i] == .anyLines {
                        best = min(best, cost[i][j + 1])
                    } else if expected[i].matches(printed[j]) {
                        best = min(best, cost[i + 1][j + 1])
                    } else {
                        best = min(best, cost[i + 1][j + 1] + rewriting(i, j))
                    }
                }
                cost[i][j] = best
            }
        }
        // The alignment, step by step: an expected line kept for a printed one, a
        // printed line written out, a printed line a `...` stands for, the end of a `...`.
        enum Step { case kept(Transcript.Expected), written(PrintedLine), covered(PrintedLine), anyLines }
        var steps: [Step] = []
        var dropped = false
        var i = 0, j = 0
        while i < m || j < n {
            if i < m, expected[i] == .anyLines {
                // A `...` that still stands for lines (or for none) stays, once.
                if j < n, cost[i][j] == cost[i][j + 1] {
                    steps.append(.covered(printed[j]))
                    j += 1
                } else {
                    steps.append(.anyLines)
                    i += 1
                }
            } else if i < m, j < n, expected[i].matches(printed[j]), cost[i][j] == cost[i + 1][j + 1] {
                steps.append(.kept(expected[i]))
                i += 1
                j += 1
            } else if i < m, j < n, !expected[i].matches(printed[j]), cost[i][j] == cost[i + 1][j + 1] + rewriting(i, j) {
                steps.append(.written(printed[j]))
                i += 1
                j += 1
            } else if j < n, cost[i][j] == cost[i][j + 1] + written {
                steps.append(.written(printed[j]))
                j += 1
            } else {
                // A line that is no longer printed: dropped. Every `...` is then written
                // out, so that it cannot stand for what that line checked.
                dropped = true
                i += 1
            }
        }
        return steps.compactMap { step in
            switch step {
            case .kept(let line): return line
            case .written(let line): return line.expected
            case .covered(let line): return dropped ? line.expected : nil
            case .anyLines: return dropped ? nil : .anyLines
            }
        }
    }
}
