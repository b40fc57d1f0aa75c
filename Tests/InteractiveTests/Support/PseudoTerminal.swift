import CTestPTY
import Foundation
import HwbTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `hwbsh` on a pseudo-terminal, driven as a person at a terminal drives it:
/// type keys, wait for text to appear, leave. It runs through the real libedit path, with
/// `TERM=xterm`, a UTF-8 locale, a fixed window size, `HOME` and `HWBSH_HISTORY` in a
/// temporary folder that is also its working directory.
///
/// Text is matched with ANSI escape sequences and carriage returns stripped; each wait
/// gives up after `timeout` seconds with an error that shows what was seen. The child is
/// killed and the descriptor closed when the terminal is closed or deinitialised.
///
///     let terminal = try PseudoTerminal(["--date", "2027-07-20"])
///     defer { terminal.close() }
///     try terminal.expect(PseudoTerminal.prompt)
///     try terminal.type("date", .enter)
///     try terminal.expect("2027-07-20")
///     #expect(try terminal.leave() == 0)
final class PseudoTerminal {
    /// Keys as an xterm sends them.
    enum Key: String {
        case enter = "\r"
        case tab = "\t"
        case backspace = "\u{7F}"
        case up = "\u{1B}[A"
        case ctrlC = "\u{03}"
        case ctrlD = "\u{04}"
        case ctrlR = "\u{12}"
        case ctrlU = "\u{15}"
    }

    /// Something awaited did not happen in time; says what, and shows the end of the
    /// screen (and the line saying so, if hwbsh crashed).
    struct Failure: Error, CustomStringConvertible {
        var description: String

        init(_ awaited: String, screen: String) {
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            var shown = Array(lines.suffix(20))
            if let crash = lines.first(where: { $0.contains("crashed") }), !shown.contains(crash) {
                shown = [crash, "..."] + shown
            }
            description = "\(awaited). The screen showed:\n" + shown.map { "  | " + $0 }.joined(separator: "\n")
        }
    }

    /// The prompt of the Service Desk on 2027-07-20, the date most tests use.
    static let prompt = "service-desk · 2027-07-20 › "

    let folder: TemporaryFolder
    /// The history file (`$HWBSH_HISTORY` unless the environment given says otherwise).
    let historyPath: String
    let rows: Int
    let columns: Int
    private let ownsFolder: Bool
    private let master: Int32
    private let pid: pid_t
    private var bytes: [UInt8] = []
    /// How far (in UTF-8 bytes of `text`) the last `expect` matched.
    private var consumed = 0
    private var endOfOutput = false
    private var waitStatus: Int32?
    private var isClosed = false

    /// Starts hwbsh with `arguments` on a new `rows` x `columns` terminal. `environment`
    /// adds to or replaces the defaults; `folder` (a new one if nil) is its home and
    /// working directory, and is kept when given so that a second session can share it.
    init(
        _ arguments: [String], environment: [String: String] = [:], folder: TemporaryFolder? = nil,
        rows: Int = 30, columns: Int = 100
    ) throws {
        self.folder = try folder ?? TemporaryFolder()
        ownsFolder = folder == nil
        historyPath = self.folder.file("history")
        self.rows = rows
        self.columns = columns
        var variables = [
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            "HOME": self.folder.path,
            "HWBSH_HISTORY": historyPath,
            "PATH": "/usr/bin:/bin",
            // Output taller than the screen goes through the pager: `cat` shows it all at
            // once, as without one (the pager's own tests set another).
            "PAGER": "cat",
            // A crash prints its backtrace and ends, instead of waiting for a key.
            "SWIFT_BACKTRACE": "interactive=no",
        ]
        variables.merge(environment) { _, given in given }
        let argv = ([Executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = variables.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        master = hwb_pty_spawn(Executable.path, argv, envp, self.folder.path, UInt16(rows), UInt16(columns), &child)
        guard master >= 0 else {
            let reason = String(cString: strerror(errno))
            if ownsFolder { self.folder.remove() }
            throw Failure("cannot start \(Executable.path) on a pseudo-terminal: \(reason)", screen: "")
        }
        pid = child
    }

    deinit {
        close()
    }

    /// Everything the terminal received so far, escapes included (but not a character
    /// whose last bytes have not arrived yet).
    var rawOutput: String {
        var end = bytes.count
        if let lead = bytes.suffix(3).lastIndex(where: { $0 >= 0xC0 }) {
            let length = bytes[lead] >= 0xF0 ? 4 : bytes[lead] >= 0xE0 ? 3 : 2
            if bytes.count - lead < length { end = lead }
        }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// Everything the terminal received so far, with escape sequences and carriage
    /// returns stripped: what was written, in order (a line redrawn shows twice).
    var text: String {
        Self.strippingEscapes(rawOutput)
    }

    /// The screen as it looks now (at the size the terminal started with).
    var screen: Screen {
        var screen = Screen(rows: rows, columns: columns)
        screen.feed(rawOutput)
        return screen
    }

    /// Types `text`, then presses `keys`, once hwbsh is reading the terminal (libedit has
    /// left canonical mode; before that, the kernel would echo the keys itself, and Ctrl-C
    /// would throw away what was typed). Later waits look only at what comes after this.
    func type(_ text: String, _ keys: Key...) throws {
        try send(Array(text.utf8) + keys.flatMap { Array($0.rawValue.utf8) })
    }

    /// Presses `keys` in turn, as `type` does.
    func press(_ keys: Key...) throws {
        try send(keys.flatMap { Array($0.rawValue.utf8) })
    }

    /// Types `line` and Enter as an answer to a question asked before libedit starts (the
    /// terminal still in canonical mode, as hwbsh started it).
    func answer(_ line: String) throws {
        try send(Array((line + Key.enter.rawValue).utf8), editing: false)
    }

    /// Types `command` and Enter, waits for `prompt`, and returns what the command printed
    /// (the lines between its echo and the next prompt). For commands that fit on a line.
    @discardableResult
    func run(_ command: String, prompt: String = PseudoTerminal.prompt) throws -> String {
        try type(command, .enter)
        let shown = try expect("\n" + prompt).dropLast(prompt.count)
        guard let echoEnd = shown.firstIndex(of: "\n") else { return "" }
        return String(shown[shown.index(after: echoEnd)...])
    }

    /// Waits until `expected` appears in `text` after the previous match; returns the text
    /// from the previous match to the end of this one.
    @discardableResult
    func expect(_ expected: String, timeout: Double = 20) throws -> String {
        let deadline = Self.deadline(after: timeout)
        while true {
            let unread = String(decoding: text.utf8.dropFirst(consumed), as: UTF8.self)
            if let match = unread.range(of: expected) {
                let through = String(unread[..<match.upperBound])
                consumed += through.utf8.count
                return through
            }
            guard readMore(until: deadline) else {
                throw Failure("\"\(expected)\" did not appear" + (endOfOutput ? " (hwbsh closed the terminal)" : ""), screen: screen.text)
            }
        }
    }

    /// Waits until the line the cursor is on reads exactly `text` up to the cursor (a
    /// trailing space included): what has been typed, as the screen shows it.
    func expectTyped(_ text: String, timeout: Double = 20) throws {
        let deadline = Self.deadline(after: timeout)
        while screen.beforeCursor != text {
            guard readMore(until: deadline) else {
                throw Failure("the line being typed did not become \"\(text)\" (it is \"\(screen.beforeCursor)\")", screen: screen.text)
            }
        }
    }

    /// Waits until the line the cursor is on reads `line` (trailing spaces aside).
    func expectCursorLine(_ line: String, timeout: Double = 20) throws {
        let deadline = Self.deadline(after: timeout)
        var trimmed = line
        while trimmed.last == " " { trimmed.removeLast() }
        while screen.cursorLine != trimmed {
            guard readMore(until: deadline) else {
                throw Failure("the cursor's line did not become \"\(trimmed)\" (it is \"\(screen.cursorLine)\")", screen: screen.text)
            }
        }
    }

    /// Waits until some line of the screen contains `text`.
    func expectOnScreen(_ text: String, timeout: Double = 20) throws {
        let deadline = Self.deadline(after: timeout)
        while !screen.lines.contains(where: { $0.contains(text) }) {
            guard readMore(until: deadline) else {
                throw Failure("\"\(text)\" did not appear on the screen", screen: screen.text)
            }
        }
    }

    /// Reads whatever arrives within `seconds`, for checking that something does not appear.
    func settle(for seconds: Double = 0.3) {
        let deadline = Self.deadline(after: seconds)
        while readMore(until: deadline) {}
    }

    /// Resizes the terminal, as a person resizing the window does (hwbsh gets SIGWINCH).
    /// `screen` goes on emulating the first size.
    func resize(rows: Int, columns: Int) {
        _ = hwb_pty_resize(master, UInt16(rows), UInt16(columns))
    }

    /// Waits for hwbsh to exit (reading what it still writes) and returns its exit
    /// status; throws if it does not exit within `timeout` seconds or a signal ended it.
    func exitStatus(timeout: Double = 20) throws -> Int32 {
        let deadline = Self.deadline(after: timeout)
        while waitStatus == nil {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                waitStatus = status
                break
            }
            if reaped < 0 && errno != EINTR {
                throw Failure("waitpid failed: \(String(cString: strerror(errno)))", screen: screen.text)
            }
            guard ContinuousClock.now < deadline else { throw Failure("hwbsh did not exit", screen: screen.text) }
            if !readMore(until: min(deadline, Self.deadline(after: 0.01))) && endOfOutput { usleep(5_000) }
        }
        var signal: Int32 = 0
        let code = hwb_pty_exit_status(waitStatus!, &signal)
        if signal != 0 { throw Failure("hwbsh was ended by signal \(signal)", screen: screen.text) }
        return code
    }

    /// Ctrl-D on an empty line; waits for `bye` and returns the exit status.
    func leave() throws -> Int32 {
        try press(.ctrlD)
        try expect("bye")
        return try exitStatus()
    }

    /// Kills hwbsh if it still runs, reaps it, closes the terminal and removes the folder
    /// if this terminal made it. Safe to call twice.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        if waitStatus == nil {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) != pid {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            }
            waitStatus = status
        }
        #if canImport(Glibc)
        _ = Glibc.close(master)
        #else
        _ = Darwin.close(master)
        #endif
        if ownsFolder { folder.remove() }
    }

    /// Whether hwbsh has the terminal in libedit's editing mode (not canonical).
    private var isEditing: Bool {
        var settings = termios()
        guard tcgetattr(master, &settings) == 0 else { return false }
        return settings.c_lflag & tcflag_t(ICANON) == 0
    }

    private func waitForEditing(timeout: Double = 20) throws {
        let deadline = Self.deadline(after: timeout)
        while !isEditing {
            guard ContinuousClock.now < deadline, !endOfOutput else {
                throw Failure(endOfOutput
                    ? "hwbsh has closed the terminal" : "hwbsh is not reading the terminal with libedit (still in canonical mode)",
                    screen: screen.text)
            }
            _ = readMore(until: min(deadline, Self.deadline(after: 0.002)))
        }
    }

    private func send(_ data: [UInt8], editing: Bool = true) throws {
        if editing { try waitForEditing() }
        while readMore(until: ContinuousClock.now + .milliseconds(1)) {}
        consumed = text.utf8.count
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(master, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// Reads what is available, waiting at most until `deadline`; false when nothing came
    /// before the deadline or the output has ended.
    private func readMore(until deadline: ContinuousClock.Instant) -> Bool {
        guard !endOfOutput else { return false }
        let left = deadline - ContinuousClock.now
        guard left > .zero else { return false }
        let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(clamping: milliseconds))
        if ready < 0 { return errno == EINTR }
        if ready == 0 { return false }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count > 0 {
            bytes.append(contentsOf: chunk[0..<count])
            return true
        }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { return true }
        // EIO: the last holder of the terminal's other side (hwbsh) is gone.
        endOfOutput = true
        return false
    }

    private static func deadline(after seconds: Double) -> ContinuousClock.Instant {
        ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    }

    /// `text` without ANSI escape sequences (CSI, OSC, two- and three-byte escapes),
    /// carriage returns and bells.
    static func strippingEscapes(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\u{1B}":
                guard let kind = scalars.next() else { break }
                switch kind {
                case "[":
                    while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
                case "]":
                    var previous: Unicode.Scalar = " "
                    while let next = scalars.next(), next != "\u{07}", !(previous == "\u{1B}" && next == "\\") {
                        previous = next
                    }
                case "(", ")", "#", "%":
                    _ = scalars.next()
                default:
                    break
                }
            case "\r", "\u{07}":
                break
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}
