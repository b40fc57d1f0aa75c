extension Execution {
    /// Standard output split into lines, without the final empty one.
    public var stdoutLines: [String] { Self.lines(stdout) }
    /// Standard error split into lines, without the final empty one.
    public var stderrLines: [String] { Self.lines(stderr) }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
