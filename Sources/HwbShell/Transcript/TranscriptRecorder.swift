import Foundation
import HwbCore

/// `--record FILE.t`: writes a session down as a transcript as it goes, each command with
/// what it printed, so that `hwbsh test FILE.t` replays it to the same output.
final class TranscriptRecorder {
    private let handle: FileHandle
    private var failed = false
    /// Where a failure to write the transcript is reported.
    var warn: (String) -> Void = { _ in }
    private var printed: [PrintedLine] = []
    private var partial = ""

    /// Starts the transcript at `path` for a session beginning on `today`. A transcript
    /// holds what the session printed, personal data included, so like a snapshot it is
    /// readable by its owner only: made with mode 0600, and a file it replaces is made so.
    init(path: String, today: CalendarDate, actor: Actor, storeWasEmpty: Bool) throws(ShellError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .file("cannot write \(path): \(FileAccess.systemError())") }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_mode & 0o777 != 0o600 {
            guard fchmod(descriptor, 0o600) == 0 else {
                let reason = FileAccess.systemError()
                close(descriptor)
                throw .file("cannot make \(path) private: \(reason)")
            }
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var header = "# recorded by hwbsh\n#! hwbsh --date \(today)"
        if case .laAdmin = actor { header += " --as \"\(actor)\"" }
        header += "\n"
        if !storeWasEmpty {
            header += "# note: the session began on a store that was not empty; a replay starts from an empty one\n"
        }
        append(header)
    }

    /// Starts a line of commands: what was printed before it (a welcome, a banner) is
    /// not part of it.
    func begin() {
        printed = []
        partial = ""
    }

    /// Called with the standard output a command printed.
    func output(_ text: String) {
        partial += text
        var lines = partial.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line))
        }
        partial = lines.removeLast()
        printed += lines.map { PrintedLine($0, isError: false) }
    }

    /// Called with an error as a transcript shows it.
    func error(_ text: String) {
        flushPartial()
        printed += text.unicodeScalars.split(separator: "\n").map { PrintedLine(String(String.UnicodeScalarView($0)), isError: true) }
    }

    /// Writes down one line of commands and what it printed. A line on which a
    /// confirmation was declined is written as a comment: a replay would not ask.
    func record(_ line: String, cancelled: Bool) {
        flushPartial()
        defer { printed = [] }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return }
        if trimmed.hasPrefix("#") { return append(trimmed + "\n") }
        if cancelled { return append("# cancelled: \(line)\n") }
        append("> \(line)\n" + printed.map { $0.expected.text + "\n" }.joined())
    }

    private func flushPartial() {
        if !partial.isEmpty { printed.append(PrintedLine(partial, isError: false)) }
        partial = ""
    }

    /// Writes to the transcript; if that fails (a full disk), recording stops with one
    /// warning and the session goes on.
    private func append(_ text: String) {
        guard !failed else { return }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            failed = true
            warn("the transcript stopped recording: \(error.localizedDescription)")
        }
    }
}

/// Passes output through to the real console and shows it to the recorder.
final class RecordingConsole: Console {
    let inner: Console
    let recorder: TranscriptRecorder

    init(_ inner: Console, recorder: TranscriptRecorder) {
        self.inner = inner
        self.recorder = recorder
    }

    func write(_ text: String) {
        inner.write(text)
        recorder.output(text)
    }

    func writeError(_ text: String) { inner.writeError(text) }
    func flush() { inner.flush() }
}
