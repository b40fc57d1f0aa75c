import Foundation
import HwbCore
import HwbLanguage
import HwbStorage
import HwbTerminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--pace`: a trainer presents a demo (transcripts or scripts) at the terminal. It looks
/// like the shell itself: each comment block is shown as narration, the command is typed
/// out after the prompt, and the presenter decides: Enter runs it, `s` skips it, `b` goes
/// back one step, `q` ends the demo, and anything else runs as the presenter's own
/// command before the demo goes on (on the store as that command left it).
final class Presenter {
    /// One command of the demo, with the comments before it; or a transcript's
    /// `#! hwbsh` options, applied without a word where its file begins.
    struct Step {
        var narration: [String] = []
        var command = ""
        var options: [String] = []
        /// The folder files named by the command are found in: the demo file's own.
        var folder: String
    }

    /// What the demo has run, in order, so that `b` can replay it up to a step; and
    /// whether a question the line asked was answered no, so the replay answers alike.
    private enum Done {
        case step(Int, declined: Bool)
        case own(String, declined: Bool)
    }

    private let shell: Shell
    private let reader: LineReader
    private let steps: [Step]
    /// The pause between the characters of a command being typed out, in milliseconds.
    private let typingDelay: Int
    private let start: (store: Store, actor: Actor)
    private var done: [Done] = []

    /// The demo files as steps: a transcript's commands, a script's lines, each with the
    /// comments just before it; a file's `#! hwbsh` options are a step of their own where
    /// the file begins (checked here, on a copy of the store).
    init(shell: Shell, reader: LineReader, files: [String], typingDelay: Int) throws(ShellError) {
        self.shell = shell
        self.reader = reader
        self.typingDelay = typingDelay
        var steps: [Step] = []
        for file in files {
            let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
            if file.hasSuffix(".t") {
                let transcript = Transcript(parsing: try ShellError.catching(FileAccess.readText(file)))
                if let problem = transcript.problems.first {
                    throw .file("\(file):\(problem.line): \(problem.message)")
                }
                if !transcript.options.isEmpty {
                    let trial = Shell(store: shell.store, actor: shell.actor, console: BufferConsole())
                    if let problem = trial.apply(options: transcript.options) { throw .file("\(file): #! hwbsh line: \(problem)") }
                    steps.append(Step(options: transcript.options, folder: folder))
                }
                var narration: [String] = []
                for item in transcript.items {
                    switch item {
                    case .text(let line):
                        if line.hasPrefix("#"), !line.hasPrefix("#!") { narration.append(line) }
                    case .command(let command):
                        steps.append(Step(narration: narration, command: command.text, folder: folder))
                        narration = []
                    }
                }
            } else {
                var lines = ScriptLines(bytes: try ShellError.catching(FileAccess.read(file)))
                var narration: [String] = []
                var first = true
                while var raw = lines.nextLine() {
                    // As a script is run: a byte order mark and CR LF line ends are allowed.
                    if first, raw.starts(with: [0xEF, 0xBB, 0xBF]) { raw.removeFirst(3) }
                    first = false
                    if raw.last == 13 { raw.removeLast() }
                    let trimmed = try ShellError.catching(FileAccess.text(raw, path: file)).trimmingCharacters(in: .whitespaces)
                    if trimmed.hasPrefix("#") {
                        if !trimmed.hasPrefix("#!") { narration.append(trimmed) }
                    } else if !trimmed.isEmpty {
                        steps.append(Step(narration: narration, command: trimmed, folder: folder))
                        narration = []
                    }
                }
            }
        }
        self.steps = steps
        start = (shell.store, shell.actor)
    }

    /// Presents every step in turn; returns when the demo ends or the presenter quits.
    func run() {
        var index = 0
        // The first file's options set the scene before the demo is introduced.
        while index < steps.count, !steps[index].options.isEmpty {
            perform(index)
            index += 1
        }
        let count = steps.filter { $0.options.isEmpty }.count
        say("hwbsh · presenting \(shell.plural(count, "step")) · today is \(shell.store.today), acting as \(shell.actor)")
        shell.printBanner()
        while index < steps.count {
            let step = steps[index]
            if !step.options.isEmpty {
                perform(index)
                index += 1
                continue
            }
            for line in step.narration { say(line) }
            showCommand(step.command, typed: true)
            while true {
                switch ask() {
                case .run:
                    perform(index)
                    index += 1
                    if shell.stopRequested { return }
                case .skip:
                    say("(skipped)")
                    index += 1
                case .back:
                    guard shell.storeFile == nil else {
                        say("(going back is not possible with --store, which keeps every change)")
                        showCommand(step.command, typed: false)
                        continue
                    }
                    guard let previous = goBack() else {
                        say("(this is the first step)")
                        showCommand(step.command, typed: false)
                        continue
                    }
                    index = previous
                case .quit:
                    say("(the demo ends here)")
                    return
                case .own(let line):
                    runOwn(line)
                    if shell.stopRequested { return }
                    showCommand(step.command, typed: false)
                    continue
                }
                break
            }
        }
        say("(end of the demo)")
        shell.console.flush()
    }

    private enum Answer {
        case run, skip, back, quit
        case own(String)
    }

    /// Waits for the presenter, on a line under the command, and clears that line again.
    private func ask() -> Answer {
        while true {
            // Plain: libedit measures its prompt, and colour codes would throw it out.
            let input = reader.readLine(prompt: "  Enter runs · s skip · b back · q quit · or your own command › ")
            switch input {
            case .end:
                return .quit
            case .interrupted:
                continue
            case .line(let line):
                let word = line.trimmingCharacters(in: .whitespaces)
                switch word {
                case "": eraseLine(); return .run
                case "s": eraseLine(); return .skip
                case "b": eraseLine(); return .back
                case "q": eraseLine(); return .quit
                default:
                    // Shown as the shell shows a typed command, in place of the hint.
                    reader.remember(word)
                    eraseLine()
                    shell.console.write((InteractiveSession.prompt(for: shell) + word).displayed + "\n")
                    return .own(word)
                }
            }
        }
    }

    /// The prompt and the command, typed out a character at a time or shown at once.
    private func showCommand(_ command: String, typed: Bool) {
        shell.console.write(InteractiveSession.prompt(for: shell).displayed)
        let command = command.displayed
        if typed, typingDelay > 0 {
            for character in command {
                shell.console.write(String(character))
                shell.console.flush()
                usleep(UInt32(typingDelay) * 1000)
            }
            shell.console.write("\n")
        } else {
            shell.console.write(command + "\n")
        }
        shell.console.flush()
    }

    /// Runs step `index` (a file's options without a word) and notes it as done.
    private func perform(_ index: Int) {
        let step = steps[index]
        shell.session.declinedOnThisLine = false
        if step.options.isEmpty {
            inFolder(step.folder) { shell.runLine(Array(step.command.utf8), file: "", line: 0) }
        } else if shell.recorder != nil {
            _ = shell.apply(options: step.options)
        } else {
            quietly { _ = shell.apply(options: step.options) }
        }
        done.append(.step(index, declined: shell.session.declinedOnThisLine))
        shell.console.flush()
    }

    private func runOwn(_ line: String) {
        shell.session.declinedOnThisLine = false
        shell.runLine(Array(line.utf8), file: "", line: 0)
        done.append(.own(line, declined: shell.session.declinedOnThisLine))
        let changes = Parser.parse(line: line, file: "", lineNumber: 0).contains { parsed in
            if case .success(let command) = parsed { return command.command.changesStore }
            return false
        }
        if changes { say("(the demo goes on from the store as your command left it)") }
        shell.console.flush()
    }

    /// Replays, without a word, everything before the step run last, on the store the
    /// demo started with; returns that step, or nil when no step has run.
    private func goBack() -> Int? {
        guard let last = done.lastIndex(where: { entry in
                  if case .step(let index, _) = entry { return steps[index].options.isEmpty }
                  return false
              }),
              case .step(let index, _) = done[last]
        else { return nil }
        let replay = done[..<last]
        let (confirm, recorder) = (shell.confirm, shell.recorder)
        shell.recorder = nil
        shell.store = start.store
        shell.actor = start.actor
        // The replay makes the undo steps again, as the demo made them the first time.
        shell.undoHistory = UndoHistory()
        quietly {
            for entry in replay {
                // A question is answered as it was the first time.
                switch entry {
                case .step(let index, let declined):
                    shell.confirm = { _ in !declined }
                    if steps[index].options.isEmpty {
                        inFolder(steps[index].folder) { shell.runLine(Array(steps[index].command.utf8), file: "", line: 0) }
                    } else {
                        _ = shell.apply(options: steps[index].options)
                    }
                case .own(let line, let declined):
                    shell.confirm = { _ in !declined }
                    shell.runLine(Array(line.utf8), file: "", line: 0)
                }
            }
        }
        (shell.confirm, shell.recorder) = (confirm, recorder)
        done.removeSubrange(last...)
        say("(back one step: the demo was replayed up to it)")
        return index
    }

    /// Runs `body` with what it prints thrown away.
    private func quietly(_ body: () -> Void) {
        let wasQuiet = shell.renderer.isQuiet
        shell.renderer.isQuiet = true
        defer { shell.renderer.isQuiet = wasQuiet }
        body()
    }

    private func inFolder(_ folder: String, _ body: () -> Void) {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(folder)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        body()
    }

    /// Moves up to the line just answered and clears it, so no hint is left behind.
    private func eraseLine() {
        shell.console.write("\u{1B}[1A\r\u{1B}[2K")
    }

    /// A line of the presenter's own (narration, a note), dimmed at a terminal; its text,
    /// from the demo's files, shown as all output is (control characters escaped).
    private func say(_ text: String) {
        shell.console.write(dim(text.displayed) + "\n")
    }

    private func dim(_ text: String) -> String {
        shell.colours ? "\u{1B}[2m\(text)\u{1B}[0m" : text
    }
}
