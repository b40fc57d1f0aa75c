import Foundation

/// `--pace`: a trainer steps through a demo, pressing Enter before each command.
enum Pacer {
    /// Waits for Enter on the terminal (`/dev/tty`, so that it works while the script
    /// itself comes from a file); without a terminal, does not wait.
    static func waitForEnter(console: Console) -> (String) -> Void {
        guard let terminal = FileHandle(forReadingAtPath: "/dev/tty") else { return { _ in } }
        return { _ in
            console.write("  (Enter to run) ")
            console.flush()
            while let byte = try? terminal.read(upToCount: 1), let first = byte.first, first != 10 {}
        }
    }
}
