#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one command prints at the terminal, shown through a pager when it is taller than
/// the screen: the text is held until it passes the screen's height, then the pager
/// (`$PAGER`, `less -FRX` when unset) is started and given all of it. Shorter output goes
/// to the console as it would without a pager; if the pager cannot start, so does all.
final class PagedOutput {
    /// The pager when `PAGER` is unset: quits at once on one screen (-F), keeps colours
    /// (-R) and leaves the text on the screen (-X).
    static let defaultCommand = "less -FRX"

    private let command: String
    private let size: (width: Int, height: Int)
    private let console: Console
    private var held = ""
    private var heldLines = 0
    private var pipe: Int32 = -1
    private var process: pid_t = 0

    init(command: String, width: Int, height: Int, console: Console) {
        self.command = command
        self.size = (max(1, width), max(2, height))
        self.console = console
    }

    func write(_ text: String) {
        if pipe >= 0 { return send(text) }
        held += text
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            heldLines += max(1, (Self.visibleCount(line) + size.width - 1) / size.width)
        }
        // A screen keeps one line for the prompt that follows.
        guard heldLines >= size.height else { return }
        if start() {
            send(held)
        } else {
            console.write(held)
        }
        held = ""
    }

    /// The command is over: short output goes to the console; the pager gets the end of
    /// its input and is waited for. Returns what went wrong when the pager failed (it
    /// ended with a status other than 0, or by a signal other than Ctrl-C's), for a
    /// warning: what it was given may not have been shown.
    func finish() -> String? {
        guard pipe >= 0 else {
            if !held.isEmpty { console.write(held) }
            held = ""
            return nil
        }
        close(pipe)
        pipe = -1
        var status: Int32 = 0
        while waitpid(process, &status, 0) < 0, errno == EINTR {}
        let stoppedBy = status & 0x7f, code = (status >> 8) & 0xff
        // Ctrl-C stops a pager as the person at the terminal meant it to.
        guard stoppedBy != 0 || code != 0, stoppedBy != SIGINT else { return nil }
        let ending = stoppedBy == 0 ? "ended with status \(code)" : "was stopped by signal \(stoppedBy)"
        return "the pager, \(command), \(ending) and may not have shown it all; pager off prints output as it is"
    }

    /// The characters a line shows: colour codes (`ESC [ ... m`) take no room.
    private static func visibleCount(_ line: Substring) -> Int {
        var count = 0
        var inEscape = false
        for character in line {
            if inEscape {
                if character == "m" { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                count += 1
            }
        }
        return count
    }

    /// Whether the first word of `command` is a program that can be run: a path, or a
    /// name on `PATH`. A pager that is not there would take the output and show nothing.
    static func canRun(_ command: String, path: String?) -> Bool {
        guard let program = command.split(separator: " ").first.map(String.init) else { return false }
        if program.contains("/") { return access(program, X_OK) == 0 }
        return (path ?? "/usr/bin:/bin").split(separator: ":").contains { access("\($0)/\(program)", X_OK) == 0 }
    }

    /// Starts `/bin/sh -c COMMAND` reading from a pipe, after what the console holds.
    private func start() -> Bool {
        console.flush()
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        posix_spawn_file_actions_addclose(&actions, ends[1])
        let arguments = ["/bin/sh", "-c", command]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, "/bin/sh", &actions, nil, &argv, environ)
        close(ends[0])
        guard result == 0 else {
            close(ends[1])
            return false
        }
        process = child
        pipe = ends[1]
        return true
    }

    /// Writes to the pager; once it has quit (`q` in less) the rest is dropped.
    private func send(_ text: String) {
        guard pipe >= 0 else { return }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in Glibc.write(pipe, raw.baseAddress! + offset, raw.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return // the pager has quit
            }
            offset += written
        }
        bytes.removeAll()
    }
}
