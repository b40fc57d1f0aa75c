import Foundation
import HwbCore
import HwbLanguage

/// Collects what a command prints, line by line, in the order it was printed.
final class TranscriptConsole: Console {
    private(set) var lines: [PrintedLine] = []
    private var partial: (text: String, isError: Bool)?

    func write(_ text: String) { add(text, isError: false) }
    func writeError(_ text: String) { add(text, isError: true) }
    func flush() {}

    private func add(_ text: String, isError: Bool) {
        var pending = partial?.isError == isError ? partial!.text : ""
        if let partial, partial.isError != isError { lines.append(PrintedLine(partial.text, isError: partial.isError)) }
        pending += text
        var pieces = pending.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line))
        }
        let rest = pieces.removeLast()
        lines += pieces.map { PrintedLine($0, isError: isError) }
        partial = rest.isEmpty ? nil : (rest, isError)
    }

    /// The lines printed since the last call.
    func take() -> [PrintedLine] {
        if let partial { lines.append(PrintedLine(partial.text, isError: partial.isError)) }
        partial = nil
        defer { lines = [] }
        return lines
    }
}

/// What running a transcript showed.
public struct TranscriptOutcome: Sendable {
    public var path: String
    public var passed: Bool
    /// The transcript as `--update` would write it.
    public var updatedText: String
    /// A unified diff from the file to what happened; empty when it passed.
    public var diff: String
    public var commandCount: Int
    /// False when the transcript's own options are wrong: re-recording it would record
    /// the wrong session.
    public var canUpdate = true
}

/// Runs transcripts: each from an empty store as the Service Desk, in the transcript's
/// folder, with the options of its `#! hwbsh` line.
public enum TranscriptRunner {
    public static func run(path: String, text: String, today: CalendarDate) -> TranscriptOutcome {
        var transcript = Transcript(parsing: text)
        // A transcript that cannot say what it tests fails as it is, before anything runs.
        var mistakes = transcript.problems.map { "\(path):\($0.line): error: \($0.message)" }
        if mistakes.isEmpty, transcript.commands.isEmpty {
            mistakes.append("\(path): error: no command in it (a command line is \"> COMMAND\"), so it tests nothing")
        }
        guard mistakes.isEmpty else {
            return TranscriptOutcome(
                path: path, passed: false, updatedText: text, diff: mistakes.map { $0 + "\n" }.joined(),
                commandCount: transcript.commands.count, canUpdate: false)
        }
        let console = TranscriptConsole()
        let shell = Shell(store: Store(today: today), console: console)
        shell.keepGoing = true
        shell.errorStyle = .plain
        shell.renderer.showsTimes = false
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let previousFolder = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(folder)
        defer { FileManager.default.changeCurrentDirectoryPath(previousFolder) }

        var setupErrors: [PrintedLine] = []
        if let problem = shell.apply(options: transcript.options) {
            setupErrors.append(PrintedLine("error: #! hwbsh \(transcript.options.joined(separator: " ")): \(problem)", isError: true))
        }
        _ = console.take() // what the options printed ("today is ...") is not a command's output
        var passed = setupErrors.isEmpty
        for index in transcript.items.indices {
            guard case .command(var command) = transcript.items[index] else { continue }
            let printed: [PrintedLine]
            if shell.stopRequested {
                printed = []
            } else {
                shell.runLine(Array(command.text.utf8), file: path, line: command.line)
                printed = console.take()
            }
            if !command.matches(printed) {
                passed = false
                command.expected = command.updated(with: printed)
                transcript.items[index] = .command(command)
            }
        }
        let updatedText = transcript.text
        var diff = passed ? "" : LineDiff.unified(
            lines(text), lines(updatedText), oldName: "\(path) (expected)", newName: "\(path) (actual)")
        if let problem = setupErrors.first { diff = problem.text + "\n" + diff }
        return TranscriptOutcome(
            path: path, passed: passed, updatedText: updatedText, diff: diff,
            commandCount: transcript.commands.count, canUpdate: setupErrors.isEmpty)
    }

    private static func lines(_ text: String) -> [String] {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            String(String.UnicodeScalarView($0))
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

extension Shell {
    /// Applies a transcript's `#! hwbsh` options (`--date D`, `--as ACTOR`) by running the
    /// commands they stand for, `date set D` and `login ACTOR`, so that with `--store`
    /// they are journaled like any change. Returns the problem in words, or nil. While a
    /// session is recorded they run as lines of it, so that its transcript sets the same
    /// scene.
    func apply(options: [String]) -> String? {
        guard !options.isEmpty else { return nil }
        guard let statement = try? Lexer.statements(in: options.joined(separator: " ")).first else {
            return "cannot read the options"
        }
        var words = statement.words.map(\.text)[...]
        var commands: [(option: String, command: String)] = []
        while let option = words.popFirst() {
            guard let value = words.popFirst() else { return "\(option) needs a value" }
            switch option {
            case "--date":
                guard CalendarDate(value) != nil else { return "--date: expected YYYY-MM-DD, got \"\(value)\"" }
                commands.append((option, "date set \(value)"))
            case "--as":
                guard let actor = try? Parser.actor(from: value) else { return "--as: \"\(value)\" is not an actor" }
                commands.append((option, "login \(actor)"))
            default:
                return "unknown option \(option); a transcript takes --date and --as"
            }
        }
        for (option, text) in commands {
            if recorder != nil, session.runDepth == 0 {
                let failures = failureCount
                runLine(Array(text.utf8), file: "#! hwbsh", line: 1)
                if failureCount > failures { return "\(option): cannot run \(text)" }
                continue
            }
            guard case .success(let parsed)? = Parser.parse(line: text, file: "#! hwbsh", lineNumber: 1).first else {
                return "\(option): cannot run \(text)"
            }
            do throws(ShellError) {
                try execute(parsed)
            } catch {
                return "\(option): \(error)"
            }
        }
        return nil
    }
}
