import HwbTerminal

/// Reads lines from standard input without editing: for pipes and for terminals where
/// libedit cannot start.
public final class PlainLineReader: LineReader {
    private var input: StandardInputLines
    private let console: Console
    private let showsPrompt: Bool

    public init(console: Console, showsPrompt: Bool) {
        input = StandardInputLines()
        self.console = console
        self.showsPrompt = showsPrompt
    }

    public func readLine(prompt: String) -> LineInput {
        if showsPrompt {
            console.write(prompt)
            console.flush()
        }
        guard var bytes = input.nextLine() else { return .end }
        if bytes.last == 13 { bytes.removeLast() }
        return .line(String(decoding: bytes, as: UTF8.self))
    }

    public func remember(_ line: String) {}
}
