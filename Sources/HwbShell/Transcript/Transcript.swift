/// A transcript (`.t`): a session written down, used as a test, a replayable script and
/// a training demo (docs/language.md).
///
///     # expiring accounts are listed until kept
///     #! hwbsh --date 2027-07-01
///     > create jo.bloggs name="Jo Bloggs" category=supply-teacher school=6612001
///     created jo.bloggs (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
///     > keep nobody 6m
///     ! error: no account nobody
///
/// `> ` starts a command and `>> ` continues it; the lines after it, up to the next
/// command or comment, are its expected output, `! ` marking standard error. `[..]`
/// matches any text within a line and a line `...` any number of lines.
public struct Transcript: Equatable, Sendable {
    /// One expected line.
    public enum Expected: Equatable, Sendable {
        case output(String)
        case error(String)
        /// `...`: any number of lines.
        case anyLines

        /// The line as written in the transcript.
        public var text: String {
            switch self {
            case .output(let line): return line
            case .error(let line): return "! " + line
            case .anyLines: return "..."
            }
        }
    }

    public enum Item: Equatable, Sendable {
        /// A comment or blank separator line, kept as it is.
        case text(String)
        /// A command and its expected lines. `source` holds the command's own lines
        /// (`> ` and `>> `) as written.
        case command(Command)
    }

    public struct Command: Equatable, Sendable {
        public var source: [String]
        /// The transcript line of the `> `.
        public var line: Int
        public var expected: [Expected]

        /// The command as the shell runs it: its lines joined by a blank.
        public var text: String {
            source.map { $0.hasPrefix(">> ") ? String($0.dropFirst(3)) : String($0.dropFirst(2)) }.joined(separator: " ")
        }
    }

    /// A line that looks like a command but is not written as one (`>x`, `>  x`, a tab
    /// after `>`, a `>> ` that follows no command): an error, never silently text.
    public struct Problem: Equatable, Sendable {
        public var line: Int
        public var message: String
    }

    /// `hwbsh` options from a line `#! hwbsh OPTIONS` (the first line, or among the
    /// comments before the first command).
    public var options: [String]
    public var items: [Item]
    public var problems: [Problem] = []

    public var commands: [Command] {
        items.compactMap { if case .command(let command) = $0 { return command } else { return nil } }
    }

    public init(options: [String] = [], items: [Item] = []) {
        self.options = options
        self.items = items
    }

    /// Reads transcript text. Blank lines at the end of a command's output separate it
    /// from what follows and are kept as text, not expected.
    public init(parsing text: String) {
        // Split on the scalar: Swift's "\r\n" is one Character, which "\n" does not match.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line))
        }
        if lines.last == "" { lines.removeLast() }
        options = []
        items = []
        var current: Command?

        func finish() {
            guard var command = current else { return }
            var trailing: [String] = []
            while case .output(let last)? = command.expected.last, last.allSatisfy(\.isWhitespace) {
                trailing.insert(last, at: 0)
                command.expected.removeLast()
            }
            items.append(.command(command))
            items += trailing.map { Item.text($0) }
            current = nil
        }

        for (index, line) in lines.enumerated() {
            if line.hasPrefix("#! hwbsh"), !items.contains(where: { if case .command = $0 { true } else { false } }), current == nil {
                options = line.dropFirst("#! hwbsh".count).split(separator: " ").map(String.init)
                items.append(.text(line))
            } else if line.hasPrefix(">") {
                switch Self.commandLine(line) {
                case .command:
                    finish()
                    current = Command(source: [line], line: index + 1, expected: [])
                case .continuation where current != nil && current!.expected.isEmpty:
                    // `> a \` then `>> b`, as at the terminal, is the same as `> a` then `>> b`.
                    if let last = current!.source.last, last.hasSuffix(" \\") {
                        current!.source[current!.source.count - 1] = String(last.dropLast(2))
                    }
                    current!.source.append(line)
                case .continuation:
                    // Kept as text, so that the transcript still reads back as it was.
                    finish()
                    items.append(.text(line))
                    problems.append(Problem(line: index + 1, message: "\">> \" continues a command, so it must follow the command's \"> \" line or another \">> \" line"))
                case .malformed(let message):
                    finish()
                    items.append(.text(line))
                    problems.append(Problem(line: index + 1, message: message))
                }
            } else if line.hasPrefix("#") {
                finish()
                items.append(.text(line))
            } else if current != nil {
                if line == "..." {
                    current!.expected.append(.anyLines)
                } else if line.hasPrefix("! ") || line == "!" {
                    current!.expected.append(.error(String(line.dropFirst(2))))
                } else {
                    current!.expected.append(.output(line))
                }
            } else {
                items.append(.text(line))
            }
        }
        finish()
    }

    private enum CommandLine {
        case command, continuation
        case malformed(String)
    }

    /// What a line starting with `>` is: `> COMMAND` (or a bare `>`), `>> MORE`, or a
    /// mistake, said in words.
    private static func commandLine(_ line: String) -> CommandLine {
        let isContinuation = line.hasPrefix(">>")
        let marker = isContinuation ? ">> " : "> "
        let rest = line.dropFirst(isContinuation ? 2 : 1)
        if !isContinuation && rest.isEmpty { return .command }
        let shown = line.count > 40 ? String(line.prefix(40)) + "…" : line
        guard rest.first == " " else {
            return .malformed("a command line starts with \"\(marker)\" (a space after \(marker.dropLast())), got \"\(shown.replacingOccurrences(of: "\t", with: "\\t"))\"")
        }
        if let second = rest.dropFirst().first, second == " " || second == "\t" {
            return .malformed("one space after \"\(marker.dropLast())\", then the command; got \"\(shown.replacingOccurrences(of: "\t", with: "\\t"))\"")
        }
        return isContinuation ? .continuation : .command
    }

    /// The transcript as text.
    public var text: String {
        var lines: [String] = []
        for item in items {
            switch item {
            case .text(let line): lines.append(line)
            case .command(let command): lines += command.source + command.expected.map(\.text)
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
