/// Where a piece of text came from: `script.hwb:7:14`.
public struct SourceLocation: Sendable, Equatable {
    /// The file name as given, `-c` for `hwbsh -c`, or `<stdin>` for piped input.
    public var file: String
    /// 1-based.
    public var line: Int
    /// 1-based, in characters.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

extension SourceLocation: CustomStringConvertible {
    public var description: String { "\(file):\(line):\(column)" }
}

/// A line that could not be read as a command, with the column of the offending word.
public struct ParseError: Error, Sendable, Equatable {
    public var message: String
    /// 1-based column in the line.
    public var column: Int

    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }
}

extension ParseError: CustomStringConvertible {
    public var description: String { message }
}
