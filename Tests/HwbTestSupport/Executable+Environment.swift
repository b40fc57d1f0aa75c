import Foundation

extension Executable {
    /// Runs hwbsh with `arguments` and exactly the variables in `environment` (nothing
    /// inherited from the test run), feeding `stdin` through a pipe, in `directory`.
    ///
    ///     let result = try Executable.run(["--date", "2027-07-01"], stdin: "date\n",
    ///                                     environment: ["HOME": folder.path])
    public static func run(
        _ arguments: [String], stdin: String, environment: [String: String], directory: String? = nil
    ) throws -> Execution {
        try run(arguments, input: Data(stdin.utf8), directory: directory, environment: environment)
    }
}
