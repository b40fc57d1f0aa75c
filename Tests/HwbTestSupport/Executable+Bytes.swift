import Foundation

extension Executable {
    /// Runs hwbsh with `arguments`, feeding raw `stdin` bytes (for input that is not valid
    /// UTF-8), in `directory`.
    public static func run(_ arguments: [String], stdinBytes: [UInt8], directory: String? = nil) throws -> Execution {
        try run(arguments, input: Data(stdinBytes), directory: directory)
    }
}
