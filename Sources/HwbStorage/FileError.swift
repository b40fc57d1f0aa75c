/// A file that could not be read or written, or whose content is wrong, in one line for
/// the user: `cannot read accounts.csv: No such file or directory`. The shell reports it
/// word for word.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
