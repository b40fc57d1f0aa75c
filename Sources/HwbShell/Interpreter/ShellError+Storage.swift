import HwbStorage

/// Where the files' errors become the shell's: their one line, word for word.
extension ShellError {
    init(_ error: FileError) {
        self = .file(error.message)
    }

    /// The value of `work`; a file's failure in it is reported as the shell's.
    ///
    ///     let bytes = try ShellError.catching(FileAccess.read(path))
    static func catching<T>(_ work: @autoclosure () throws(FileError) -> T) throws(ShellError) -> T {
        do {
            return try work()
        } catch {
            throw ShellError(error)
        }
    }
}
