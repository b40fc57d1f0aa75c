import HwbCore

/// `hwbsh test [--update] FILE.t...`: runs each transcript, shows a diff for each one that
/// fails, and ends with `N passed, N failed`.
public enum TranscriptTests {
    public static func run(_ paths: [String], update: Bool, today: CalendarDate, console: Console = StandardConsole()) -> Int32 {
        var passed = 0, failed = 0, updated = 0
        for path in paths {
            let text: String
            do throws(ShellError) {
                text = try FileAccess.readText(path)
            } catch {
                console.writeError("FAIL \(path): \(error)".displayed + "\n")
                failed += 1
                continue
            }
            let outcome = TranscriptRunner.run(path: path, text: text, today: today)
            if outcome.passed {
                console.write("ok   \(path) (\(outcome.commandCount) commands)".displayed + "\n")
                passed += 1
            } else if update, outcome.canUpdate {
                do throws(ShellError) {
                    try FileAccess.writeAtomically(outcome.updatedText, to: path, mode: 0o644)
                    console.write("updated \(path)".displayed + "\n")
                    updated += 1
                } catch {
                    console.writeError("FAIL \(path): \(error)".displayed + "\n")
                    failed += 1
                }
            } else {
                // The diff quotes the transcript and what was printed: shown like any output.
                console.write("FAIL \(path)".displayed + "\n" + outcome.diff.displayedKeepingLineEnds)
                failed += 1
            }
            console.flush()
        }
        console.write(update ? "\(passed) passed, \(updated) updated, \(failed) failed\n" : "\(passed) passed, \(failed) failed\n")
        console.flush()
        return failed == 0 ? 0 : 1
    }
}
