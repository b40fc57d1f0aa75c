/// One blank-separated word of a command line, with its quotes and escapes resolved.
///
/// A word may be a named argument, `key=value` (or `name~TEXT` for the name filter): the
/// key is the unquoted text before the first `=` or `~`, so `name="Jo Bloggs"` has the key
/// `name` and the value `Jo Bloggs`, while `"a=b"` is a plain word.
public struct Word: Sendable, Equatable {
    /// The whole word, unescaped.
    public var text: String
    /// 1-based column of the word's first character.
    public var column: Int
    /// The key of a named argument, or nil for a plain word.
    public var key: String?
    /// `=` or `~` for a named argument.
    public var separator: Character?
    /// The value of a named argument (the whole text for a plain word).
    public var value: String
    /// 1-based column where the value starts.
    public var valueColumn: Int

    public init(text: String, column: Int, key: String? = nil, separator: Character? = nil, value: String? = nil, valueColumn: Int? = nil) {
        self.text = text
        self.column = column
        self.key = key
        self.separator = separator
        self.value = value ?? text
        self.valueColumn = valueColumn ?? column
    }
}

/// The words of one command, and the line it came from.
public struct Statement: Sendable, Equatable {
    public var words: [Word]
    /// The command's own text, as typed (for the audit log).
    public var text: String
    /// 1-based column of the command's first word.
    public var column: Int
    /// 1-based column just past the last word, where a missing argument is reported.
    public var endColumn: Int
}
