import Foundation
import HwbCore
import HwbStorage
import HwbTerminal

/// `hwbsh test [--update] FILE.t|FOLDER...`: runs each transcript, shows a diff for each
/// one that fails (in colour at a terminal), and ends with `N passed, N failed`.
public enum TranscriptTests {
    public static func run(
        _ paths: [String], update: Bool, today: CalendarDate, console: Console = StandardConsole(), colours: Bool = false
    ) -> Int32 {
        var passed = 0, failed = 0, updated = 0
        let (files, missing) = transcripts(in: paths)
        for problem in missing {
            console.writeError("FAIL \(problem)".displayed + "\n")
            failed += 1
        }
        for path in files {
            let text: String
            do throws(FileError) {
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
                do throws(FileError) {
                    // The transcript is the user's own file (often in a repository): it
                    // keeps its permissions.
                    try FileAccess.writeAtomically(outcome.updatedText, to: path, mode: FileAccess.permissions(of: path) ?? 0o600)
                    console.write("updated \(path)".displayed + "\n")
                    updated += 1
                } catch {
                    console.writeError("FAIL \(path): \(error)".displayed + "\n")
                    failed += 1
                }
            } else {
                // The diff quotes the transcript and what was printed: shown like any output.
                let diff = outcome.diff.displayedKeepingLineEnds
                console.write("FAIL \(path)".displayed + "\n" + (colours ? coloured(diff) : diff))
                failed += 1
            }
            console.flush()
        }
        console.write(update ? "\(passed) passed, \(updated) updated, \(failed) failed\n" : "\(passed) passed, \(failed) failed\n")
        console.flush()
        return failed == 0 ? 0 : 1
    }

    /// The transcripts named: a file as it is, a folder as every `.t` file below it, in
    /// the order of their paths; and a problem for each folder that holds none.
    static func transcripts(in paths: [String]) -> (files: [String], problems: [String]) {
        var files: [String] = [], problems: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                files.append(path)
                continue
            }
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
                .filter { $0.hasSuffix(".t") }
                .map { folder + "/" + $0 }
                .filter { FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue }
                .sorted()
            if found.isEmpty { problems.append("\(path): no transcript (.t file) in this folder") }
            files += found
        }
        return (files, problems)
    }

    /// A diff with what was expected in red and what happened in green.
    private static func coloured(_ diff: String) -> String {
        diff.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("---") || line.hasPrefix("+++") { return "\u{1B}[1m\(line)\u{1B}[0m" }
            if line.hasPrefix("-") { return "\u{1B}[31m\(line)\u{1B}[0m" }
            if line.hasPrefix("+") { return "\u{1B}[32m\(line)\u{1B}[0m" }
            if line.hasPrefix("@@") { return "\u{1B}[36m\(line)\u{1B}[0m" }
            return String(line)
        }.joined(separator: "\n")
    }
}
