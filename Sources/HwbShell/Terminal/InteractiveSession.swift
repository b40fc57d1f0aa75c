import Foundation
import HwbLanguage
import HwbStorage
import HwbTerminal

/// The shell as a person uses it at a terminal: a prompt showing who and when, history,
/// errors that keep the shell running, a question before anything is destroyed, and a
/// line ending in `\` continued on the next.
public enum InteractiveSession {
    public static func run(_ shell: Shell, reader: LineReader, assumeYes: Bool, startupFile: String? = nil) {
        prepare(shell, reader: reader, assumeYes: assumeYes)
        if let startupFile { runStartupFile(startupFile, shell) }
        shell.print("hwbsh · today is \(shell.store.today), acting as \(shell.actor). Type help for the commands, quit to leave.")
        shell.printBanner()
        while !shell.stopRequested {
            shell.console.flush()
            guard let line = readCommand(reader, prompt: prompt(for: shell)) else {
                if staysAfterCtrlD(shell, reader: reader) { continue }
                break
            }
            guard !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            reader.remember(line)
            shell.runLine(Array(line.utf8), file: "", line: 0)
            shell.console.flush()
        }
        shell.print("bye")
        shell.console.flush()
    }

    /// A shell for a person at the terminal: errors do not stop it and are shown with a
    /// caret, and anything destructive is asked about first (unless `--yes`).
    static func prepare(_ shell: Shell, reader: LineReader, assumeYes: Bool) {
        shell.keepGoing = true
        shell.errorStyle = .caret
        if !assumeYes {
            shell.confirm = { question in
                guard case .line(let answer) = reader.readLine(prompt: question + " [y/N] ") else { return false }
                return isYes(answer)
            }
        }
    }

    /// `~/.hwbshrc`: commands run before the first prompt (a format, `pager off`, a
    /// `login`), their errors shown with the file's line. A missing file is no error.
    static func runStartupFile(_ path: String, _ shell: Shell) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let style = shell.errorStyle
        shell.errorStyle = .located
        defer { shell.errorStyle = style }
        do throws(ShellError) {
            shell.run(ScriptLines(bytes: try ShellError.catching(FileAccess.read(path))), file: path)
        } catch {
            shell.report(error, at: SourceLocation(file: path, line: 1, column: 1))
        }
        shell.console.flush()
    }

    private static func isYes(_ answer: String) -> Bool {
        ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Ctrl-D with changes that would be lost asks first (as `quit` does); only yes leaves,
    /// or Ctrl-D again (also the end of input, when the terminal has gone: it cannot be
    /// asked again). True when the session goes on.
    private static func staysAfterCtrlD(_ shell: Shell, reader: LineReader) -> Bool {
        guard let question = shell.leavingQuestion else { return false }
        switch reader.readLine(prompt: question + " [y/N] ") {
        case .line(let answer) where isYes(answer):
            return false
        case .end:
            return false
        case .line, .interrupted:
            shell.print(Shell.stayingMessage)
            return true
        }
    }

    /// The prompt: who is acting, and today.
    static func prompt(for shell: Shell) -> String {
        "\(shell.actor) · \(shell.store.today) › "
    }

    /// One command, joining continuation lines; nil at the end of input. Ctrl-C drops
    /// what was typed and asks again.
    private static func readCommand(_ reader: LineReader, prompt: String) -> String? {
        var text = ""
        var currentPrompt = prompt
        while true {
            switch reader.readLine(prompt: currentPrompt) {
            case .end:
                // Ctrl-D leaves, also in the middle of a continued command, which then
                // does not run.
                return nil
            case .interrupted:
                text = ""
                currentPrompt = prompt
            case .line(let line):
                guard line.hasSuffix("\\") else { return text + line }
                text += line.dropLast().trimmingCharacters(in: .whitespaces) + " "
                currentPrompt = "… › "
            }
        }
    }
}
