import Foundation
import HwbCore
import HwbLanguage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A source of raw script lines, without their line ends.
public protocol LineSource {
    mutating func nextLine() -> [UInt8]?
}

/// The lines of a file or a string already in memory.
public struct ScriptLines: LineSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public mutating func nextLine() -> [UInt8]? {
        guard position < bytes.count else { return nil }
        let end = bytes[position...].firstIndex(of: 10) ?? bytes.count
        defer { position = end + 1 }
        return Array(bytes[position..<end])
    }
}

/// Standard input read a line at a time, so that a program driving hwbsh through a pipe
/// gets each result before it sends the next command.
public struct StandardInputLines: LineSource {
    public init() {}

    public mutating func nextLine() -> [UInt8]? {
        var line: [UInt8] = []
        while true {
            let c = getchar()
            if c == EOF { return line.isEmpty ? nil : line }
            if c == 10 { return line }
            line.append(UInt8(c))
            if line.count > ScriptText.maximumLineLength * 4 {
                // Keep memory bounded; the line is refused as too long anyway.
                while true { let rest = getchar(); if rest == EOF || rest == 10 { break } }
                return line
            }
        }
    }
}

enum ScriptText {
    /// The longest line hwbsh reads, in bytes.
    static let maximumLineLength = 65_536

    /// The line as text, or the reason it cannot be read.
    static func decode(_ raw: [UInt8]) -> Result<String, ShellError> {
        var raw = raw
        if raw.last == 13 { raw.removeLast() }
        guard raw.count <= maximumLineLength else {
            return .failure(.input("this line is \(raw.count) bytes long; lines are at most \(maximumLineLength) bytes", column: 1))
        }
        if let text = String(validating: raw, as: UTF8.self) { return .success(text) }
        var iterator = raw.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        var column = 1
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) {
            offset += scalar.count
            column += 1
        }
        return .failure(.input("this line is not valid UTF-8 (byte \(offset + 1))", column: column))
    }
}

extension Shell {
    /// Runs every line of a script, reporting each failed command as `FILE:LINE:COL:`.
    /// Stops at the first failure unless `keepGoing`, and at `quit`.
    public func run(_ source: some LineSource, file: String) {
        var source = source
        var lineNumber = 0
        while !stopRequested, var raw = source.nextLine() {
            lineNumber += 1
            if lineNumber == 1, raw.starts(with: [0xEF, 0xBB, 0xBF]) { raw.removeFirst(3) }
            runLine(raw, file: file, line: lineNumber)
        }
    }

    /// Runs a transcript's commands as a script: its expected lines are ignored, and a
    /// refused command does not stop it (a transcript expects refusals).
    public func run(_ transcript: Transcript, file: String) {
        // A line that looks like a command but is not one is a mistake in the file: it is
        // said, and nothing runs, as for a script that cannot be read.
        guard transcript.problems.isEmpty else {
            for problem in transcript.problems {
                report(.file(problem.message), at: SourceLocation(file: file, line: problem.line, column: 1))
            }
            return noteFailure()
        }
        // Files named in a transcript are beside it, as when `hwbsh test` runs it.
        let previousFolder = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(URL(fileURLWithPath: file).deletingLastPathComponent().path)
        defer { FileManager.default.changeCurrentDirectoryPath(previousFolder) }
        // The options run quietly: a replay prints what the transcript expects, no more
        // (unless the session is being recorded: its transcript sets the scene too).
        let wasQuiet = renderer.isQuiet
        renderer.isQuiet = recorder == nil
        let problem = apply(options: transcript.options)
        renderer.isQuiet = wasQuiet
        if let problem {
            report(.file("#! hwbsh line: \(problem)"), at: SourceLocation(file: file, line: 1, column: 1))
            noteFailure()
        }
        let keepGoingBefore = keepGoing
        keepGoing = true
        defer { keepGoing = keepGoingBefore }
        for command in transcript.commands {
            runLine(Array(command.text.utf8), file: file, line: command.line)
        }
    }

    /// Runs the commands of one line.
    public func runLine(_ raw: [UInt8], file: String, line: Int) {
        if let recorder, session.runDepth == 0 {
            session.declinedOnThisLine = false
            recorder.begin()
            defer { recorder.record(String(decoding: raw, as: UTF8.self), cancelled: session.declinedOnThisLine) }
            runCommands(raw, file: file, line: line)
        } else {
            runCommands(raw, file: file, line: line)
        }
    }

    private func runCommands(_ raw: [UInt8], file: String, line: Int) {
        let location = SourceLocation(file: file, line: line, column: 1)
        let commands: [Result<ParsedCommand, ParseError>]
        var text: String?
        do throws(ShellError) {
            text = try ScriptText.decode(raw).get()
            commands = Parser.parse(line: text!, file: file, lineNumber: line)
        } catch {
            report(error, at: location, line: text)
            noteFailure()
            return
        }
        for command in commands {
            guard !stopRequested else { return }
            do throws(ShellError) {
                let parsed = try command.mapError { ShellError.parse($0) }.get()
                if let error = runWithOutput(parsed) {
                    report(error, at: parsed.location, line: text)
                    noteFailure()
                }
            } catch {
                report(error, at: location, line: text)
                noteFailure()
            }
            console.flush()
        }
    }
}
