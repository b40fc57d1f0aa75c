import Foundation
import HwbCore
import HwbStorage

/// `--record FILE.t`: writes a session down as a transcript as it goes, each command with
/// what it printed, so that `hwbsh test FILE.t` replays it to the same output.
final class TranscriptRecorder {
    private let handle: Int32
    /// Whether a write failed: the transcript is incomplete, and hwbsh's exit status says so.
    private(set) var failed = false
    let path: String
    /// Where a failure to write the transcript is reported.
    var warn: (String) -> Void = { _ in }
    private var printed: [PrintedLine] = []
    private var partial = ""

    /// Starts the transcript at `path` for a session beginning on `today`. A transcript
    /// holds what the session printed, personal data included, so like a snapshot it is a
    /// new file readable by its owner only (mode 0600), replacing whatever had the name.
    init(path: String, today: CalendarDate, actor: Actor, storeWasEmpty: Bool) throws(ShellError) {
        handle = try ShellError.catching(FileAccess.createFile(path))
        self.path = path
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
    /// warning, the session goes on and its exit status will be 1.
    private func append(_ text: String) {
        guard !failed else { return }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(handle, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count == 0 { errno = EIO }
            guard count > 0 else { return stop() }
            offset += count
        }
    }

    /// Flushes the transcript to disk at the end of the session: a disk that takes writes
    /// but cannot keep them is a failure too.
    func finish() {
        guard !failed else { return }
        if fsync(handle) != 0 && errno != EINVAL { stop() }
    }

    private func stop() {
        failed = true
        warn("cannot write \(path): \(FileAccess.systemError()); the transcript stopped recording and is incomplete")
    }

    deinit { close(handle) }
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
