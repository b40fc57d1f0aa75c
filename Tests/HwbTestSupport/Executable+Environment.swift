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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        signal(SIGPIPE, SIG_IGN) // hwbsh may exit before reading all of it
        let writer = input.fileHandleForWriting
        let fed = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? writer.write(contentsOf: Data(stdin.utf8))
            try? writer.close()
            fed.signal()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        fed.wait()
        process.waitUntilExit()
        return Execution(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}
