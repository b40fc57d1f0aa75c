/// What reading a line from the user gave.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line being typed is dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the end of input.
    case end
}

/// Where an interactive session reads its lines: libedit on a terminal, or a plain reader.
public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> LineInput
    /// Remembers a line in the history (and its file, if any).
    func remember(_ line: String)
}
