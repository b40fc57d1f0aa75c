import HwbCore
import HwbLanguage
import HwbStorage
import HwbTerminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `hwbsh` was asked to do, after its options were parsed.
public struct ProgramOptions: Sendable {
    public var files: [String] = []
    public var commands: String?
    public var date: CalendarDate
    /// `--as`; nil keeps the actor of the store (service-desk for a new one).
    public var actor: Actor?
    /// `--store FILE`.
    public var storePath: String?
    public var keepGoing = false
    /// Never ask before destroying something (`--yes`).
    public var assumeYes = false
    public var environment: [String: String] = [:]
    /// `--pace`: present the files as a demo at the terminal.
    public var pace = false
    /// `--record FILE.t`.
    public var recordPath: String?
    /// `--recover`: keep the sound records of a damaged journal and move it aside.
    public var recover = false
    /// Whether a session at the terminal first runs `~/.hwbshrc` (not with `--no-rc`).
    public var readsStartupFile = true

    public init(date: CalendarDate) {
        self.date = date
    }
}

/// The program: runs scripts, `-c` commands, piped input or (on a terminal) a plain
/// interactive loop, and gives the exit status of docs/language.md.
public enum Program {
    /// Exit statuses: 0 every command succeeded, 1 a command failed, 2 a wrong option.
    public static func run(_ options: ProgramOptions, console: Console = StandardConsole()) -> Int32 {
        let shell = Shell(store: Store(today: options.date), console: console)
        // The process ends when this returns: freeing a national store object by object
        // would only delay the exit.
        _ = Unmanaged.passRetained(shell)
        if let storePath = options.storePath {
            do throws(ShellError) {
                try shell.open(storePath, today: options.date, environment: options.environment, recovery: recovery(options, console))
            } catch {
                shell.report(error, at: nil)
                return 1
            }
        }
        defer { shell.foldJournal() }
        if let actor = options.actor {
            do throws(RuleError) {
                try shell.store.checkLogin(actor)
                shell.actor = actor
            } catch {
                // R11: a champion needs a maintained school, and a new store has none yet.
                let hint = actor.isChampion && shell.store.schools.isEmpty
                    ? "; a new store has no schools: add the school, then login" : ""
                // Worded like the other option errors (`hwbsh: --date: ...`), with exit status 2.
                console.writeError("hwbsh: --as \(actor): \(error)\(hint)".displayed + "\n")
                return 2
            }
        }
        shell.keepGoing = options.keepGoing
        shell.scriptsKeepGoing = options.keepGoing
        if let recordPath = options.recordPath {
            do throws(ShellError) {
                if let role = shell.storeFile?.role(of: recordPath) {
                    throw .file("cannot record to \(recordPath): it is the \(role.rawValue) of the store opened with --store")
                }
                // The transcript is a new file from the start: it must not replace a file
                // that is about to be run.
                if let file = options.files.first(where: { FileAccess.isSameFile($0, recordPath) }) {
                    throw .file("cannot record to \(recordPath): it is \(file), which this session runs")
                }
                let recorder = try TranscriptRecorder(
                    path: recordPath, today: shell.store.today, actor: shell.actor, storeWasEmpty: shell.store.isEmpty)
                recorder.warn = { [unowned shell] in shell.warn($0) }
                shell.recorder = recorder
                shell.console = RecordingConsole(console, recorder: recorder)
                shell.errorRecorder = recorder.error
                // A transcript expects refusals: recording piped input goes on after one.
                shell.keepGoing = true
            } catch {
                shell.report(error, at: nil)
                return 1
            }
        }
        // A recorded session prints as its replay will: no colour, tables at full width.
        if isatty(1) == 1, options.recordPath == nil {
            shell.terminalWidth = terminalWidth
            shell.colours = (options.environment["NO_COLOR"] ?? "").isEmpty
        }
        if options.pace {
            return present(options, shell: shell, console: console)
        }
        if let commands = options.commands {
            shell.run(ScriptLines(commands), file: "-c")
        } else if !options.files.isEmpty {
            for file in options.files where !shell.stopRequested {
                do throws(ShellError) {
                    if file.hasSuffix(".t") {
                        shell.run(Transcript(parsing: try ShellError.catching(FileAccess.readText(file))), file: file)
                    } else {
                        shell.run(ScriptLines(bytes: try ShellError.catching(FileAccess.read(file))), file: file)
                    }
                } catch {
                    shell.report(error, at: nil)
                    shell.noteFailure()
                }
            }
        } else if isatty(0) == 1 {
            // A person at a terminal saw each error as it came; leaving is a success.
            let reader = lineReader(shell, options: options, console: console)
            shell.showsProgress = options.recordPath == nil && Progress.isWanted(
                interactive: true, standardErrorIsTerminal: isatty(2) == 1, environment: options.environment)
            // A recorded session prints as its replay will: all of it, not through a pager.
            if isatty(1) == 1, options.recordPath == nil {
                shell.renderer.terminalHeight = terminalHeight
                let pager = options.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? PagedOutput.defaultCommand
                if PagedOutput.canRun(pager, path: options.environment["PATH"]) {
                    shell.renderer.pagerCommand = pager
                } else {
                    shell.renderer.missingPager = pager
                }
            }
            InteractiveSession.run(shell, reader: reader, assumeYes: options.assumeYes,
                                   startupFile: options.readsStartupFile ? startupFile(options.environment) : nil)
            return finishRecording(shell) ? 0 : 1
        } else {
            shell.run(StandardInputLines(), file: "<stdin>")
        }
        console.flush()
        let recorded = finishRecording(shell)
        return shell.hasFailed || !recorded ? 1 : 0
    }

    /// `~/.hwbshrc`, when there is a home folder.
    private static func startupFile(_ environment: [String: String]) -> String? {
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.hwbshrc"
    }

    /// `--pace`: the files as a demo at the terminal, looking like the shell itself.
    private static func present(_ options: ProgramOptions, shell: Shell, console: Console) -> Int32 {
        let reader = lineReader(shell, options: options, console: console)
        InteractiveSession.prepare(shell, reader: reader, assumeYes: options.assumeYes)
        let delay = options.environment["HWBSH_TYPING_DELAY"].flatMap { Int($0) }.map { min(max(0, $0), 1000) } ?? 25
        do throws(ShellError) {
            try Presenter(shell: shell, reader: reader, files: options.files, typingDelay: delay).run()
            console.flush()
        } catch {
            shell.report(error, at: nil)
            _ = finishRecording(shell)
            console.flush()
            return 1
        }
        return finishRecording(shell) ? 0 : 1
    }

    /// libedit on the terminal, with history and completion; plain lines if it cannot start.
    private static func lineReader(_ shell: Shell, options: ProgramOptions, console: Console) -> LineReader {
        let completer = { [unowned shell] (line: String) in Completer(store: shell.store, actor: shell.actor).complete(line) }
        let history = History(path: History.defaultPath(environment: options.environment))
        return EditLineReader(history: history, completer: completer) ?? PlainLineReader(console: console, showsPrompt: true)
    }

    /// Closes the files of `output` and `once`, and flushes the transcript being recorded,
    /// if any; false when the transcript could not all be written.
    private static func finishRecording(_ shell: Shell) -> Bool {
        shell.closeOutputFiles()
        guard let recorder = shell.recorder else { return true }
        recorder.finish()
        shell.console.flush()
        return !recorder.failed
    }

    /// What `--recover` may do: with `--yes` go ahead, at a terminal ask, otherwise refuse.
    private static func recovery(_ options: ProgramOptions, _ console: Console) -> StoreFile.Recovery? {
        guard options.recover else { return nil }
        if options.assumeYes { return .proceed }
        guard isatty(0) == 1 else { return .refuse }
        return .ask { question in ask(question, console: console) }
    }

    /// Asks `question` on standard error and reads the answer, a line of the terminal:
    /// only y or yes goes ahead.
    private static func ask(_ question: String, console: Console) -> Bool {
        console.writeError(question.displayed + " [y/N] ")
        var answer: [UInt8] = []
        var byte: UInt8 = 0
        while read(0, &byte, 1) == 1, byte != 10 { answer.append(byte) }
        let word = String(decoding: answer, as: UTF8.self).lowercased().filter { !$0.isWhitespace }
        return word == "y" || word == "yes"
    }
}

