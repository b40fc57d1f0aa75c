import HwbCore
import HwbLanguage

/// Anything that stops a command, as the user should read it. Nothing was changed.
public enum ShellError: Error, Sendable {
    /// The line could not be read as a command.
    case parse(ParseError)
    /// The rules refused the command.
    case rule(RuleError)
    /// A file could not be read or written, or its content is wrong.
    case file(String)
    /// A refusal with extra lines (bad import rows), printed under the message.
    case detailed(String, details: [String])
    /// A script line that is not text hwbsh can read (invalid UTF-8, too long).
    case input(String, column: Int)

    /// The column to point at, when the error concerns one word.
    public var column: Int? {
        switch self {
        case .parse(let error): return error.column
        case .input(_, let column): return column
        default: return nil
        }
    }

    /// Lines printed under the one-line message.
    public var details: [String] {
        if case .detailed(_, let details) = self { return details }
        return []
    }
}

extension ShellError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .parse(let error): return error.message
        case .rule(let error): return error.description
        case .file(let message), .detailed(let message, _), .input(let message, _): return message
        }
    }
}
