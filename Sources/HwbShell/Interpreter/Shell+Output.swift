import HwbCore
import HwbLanguage
import HwbStorage
import HwbTerminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The session's output commands (`format`, `output`, `once`, `pager`, `settings`) and
/// what happens around each command: the echo, the pager, `once`'s file and the timer.
extension Shell {
    func setFormat(_ format: OutputFormat?) {
        guard let format else { return print("listings print as \(renderer.format.rawValue)") }
        renderer.format = format
        let how = switch format {
        case .auto: "auto: a table when it fits the screen, else one field a line"
        case .expanded: "expanded: one field a line"
        default: format.rawValue
        }
        print("listings print as \(how)")
    }

    /// `output FILE` / `output`: where what commands print goes from now on.
    func setOutput(_ path: String?) throws(ShellError) {
        // A demo going back replays its commands quietly: files made then would be empty.
        guard !renderer.isQuiet else { return }
        let previous = renderer.file
        guard let path else {
            guard let previous else { return print("output goes to the screen") }
            renderer.file = nil
            finishFile(previous)
            return print("output goes to the screen again; \(previous.path) is complete")
        }
        let file = try openOutput(path)
        if let previous {
            renderer.file = nil
            finishFile(previous)
        }
        // Said on the screen now, before the file takes over.
        console.write("output goes to \(path) until output alone".displayed + "\n")
        renderer.file = file
    }

    /// `once FILE`: the next command's output goes to FILE.
    func setOnce(_ path: String) throws(ShellError) {
        guard !renderer.isQuiet else { return }
        let file = try openOutput(path)
        if let waiting = renderer.onceWaiting { _ = waiting.close() }
        renderer.onceWaiting = file
        print("the next command's output goes to \(path)")
    }

    private func openOutput(_ path: String) throws(ShellError) -> OutputFile {
        if let role = storeFile?.role(of: path) {
            throw .file("cannot write output to \(path): it is the \(role.rawValue) of the store opened with --store")
        }
        if let recorder, FileAccess.isSameFile(path, recorder.path) {
            throw .file("cannot write output to \(path): it is the transcript being recorded")
        }
        return try OutputFile(path: path)
    }

    /// Closes a file of `output`/`once`, warning if any of it could not be written.
    private func finishFile(_ file: OutputFile) {
        if !file.close() {
            warn("cannot write \(file.path): \(file.failure ?? "unknown error"); it is incomplete")
            session.failureCount += 1
        }
    }

    func setPager(_ on: Bool) {
        renderer.pagerOn = on
        guard on else { return print("pager off") }
        if let missing = renderer.missingPager {
            return print("pager on, but \(missing) is not found: long output is printed as it is (set PAGER to a pager that is)")
        }
        guard let command = renderer.pagerCommand else {
            return print("pager on (it is used at an interactive terminal only)")
        }
        print("pager on: output taller than the screen goes through \(command)")
    }

    /// `count [FILTER...] [limit=N]`.
    func count(_ filters: [AccountFilter], limit: Int?) {
        let count = store.count(visibleTo: actor, matching: filters)
        print(String(limit.map { min($0, count) } ?? count))
    }

    /// `settings`: every setting of the session, as a listing.
    func settings() {
        var table = Table(["SETTING", "VALUE"])
        table.add(["format", renderer.format.rawValue])
        let pager: String
        if !renderer.pagerOn {
            pager = "off"
        } else if let missing = renderer.missingPager {
            pager = "on, but \(missing) is not found: long output is printed as it is"
        } else if let command = renderer.pagerCommand {
            pager = "on (\(command))"
        } else {
            pager = "on (used at an interactive terminal only)"
        }
        table.add(["pager", pager])
        table.add(["output", renderer.file.map(\.path) ?? "the screen"])
        table.add(["timer", renderer.timer ? "on" : "off"])
        table.add(["echo", renderer.echo ? "on" : "off"])
        table.add(["actor", describeActor()])
        table.add(["date", "\(store.today) (\(store.today.weekdayName))"])
        let store = storeFile.map { "\($0.path) (every change is journaled)" }
            ?? (hasUnsavedChanges ? "in memory, with changes not saved" : "in memory")
        table.add(["store", store])
        write(table)
    }

    /// Runs one parsed command with what surrounds it: the echo (scripts), `once`'s file,
    /// the pager (an interactive terminal, not inside `run`) and the timer. Returns the
    /// command's error.
    func runWithOutput(_ parsed: ParsedCommand) -> ShellError? {
        if renderer.echo, !renderer.isQuiet, echoes {
            screen.write(parsed.text.displayed + "\n")
        }
        // `once FILE` takes the next command, also one inside a `run`; the file before it
        // (an outer `once`) comes back after.
        let outerOnce = renderer.onceFile
        let once = renderer.onceWaiting
        if let once {
            renderer.onceFile = once
            renderer.onceWaiting = nil
        }
        // One command's output a screen at a time; a `run` shows each of its commands'
        // output as it comes, between their errors and echoes, so it is never paged.
        var paging: PagedOutput?
        if renderer.paging == nil, session.runDepth == 0, !parsed.command.isRun, renderer.destinationFile == nil,
           renderer.pagerOn, let command = renderer.pagerCommand, let height = renderer.terminalHeight() {
            paging = PagedOutput(command: command, width: renderer.terminalWidth() ?? 80, height: height, console: console)
            renderer.paging = paging
        }
        // Timed when the timer is on as the command starts (`timer on` itself is not).
        let started = renderer.timer && renderer.showsTimes ? Self.now() : nil
        var failure: ShellError?
        do throws(ShellError) {
            try execute(parsed)
        } catch {
            failure = error
        }
        let finished = Self.now()
        if let paging {
            renderer.paging = nil
            if let problem = paging.finish() { warn(problem) }
        }
        if let once {
            renderer.onceFile = outerOnce
            finishFile(once)
        }
        if let started, renderer.timer, !renderer.isQuiet {
            screen.write("time: \(Self.formatSeconds(Double(finished - started) / 1e9))\n")
        }
        return failure
    }

    /// Whether commands are echoed: those of scripts, `-c` and piped input, and of a `run`
    /// at the terminal; not those typed (they are on the screen already) nor a
    /// transcript's (it shows them as `> ` lines).
    private var echoes: Bool {
        switch errorStyle {
        case .located: true
        case .caret: session.runDepth > 0
        case .plain: false
        }
    }

    /// The screen, past any transcript being recorded: the echo and the timer are not
    /// part of what a command prints, and a replay prints neither the same way.
    var screen: Console {
        (console as? RecordingConsole)?.inner ?? console
    }

    /// Closes the files of `output` and of a `once` no command took, at the end of a
    /// session: a file that could not be written whole is a failure.
    public func closeOutputFiles() {
        if let file = renderer.file {
            renderer.file = nil
            finishFile(file)
        }
        if let waiting = renderer.onceWaiting {
            renderer.onceWaiting = nil
            finishFile(waiting)
        }
    }

    /// `0.012 s`, `1.50 s`: three significant places, at least to the millisecond.
    static func formatSeconds(_ seconds: Double) -> String {
        let milliseconds = (seconds * 1000).rounded()
        if milliseconds < 1000 { return "\(Int(milliseconds)) ms" }
        let hundredths = Int((seconds * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) s"
    }

    /// The monotonic clock in nanoseconds: the timer measures the shell, not the calendar.
    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// `a, b, c and 9 more`: a few of many ids, for a question.
    static func sample(_ ids: [String]) -> String {
        let shown = ids.prefix(3).joined(separator: ", ")
        return ids.count > 3 ? "\(shown) and \(ids.count - 3) more" : shown
    }
}
