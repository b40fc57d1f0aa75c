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

    /// Runs `script` with `sh`, where `$HWBSH` is the binary under test: for what must be
    /// set up in hwbsh's own process (`umask`, `ulimit`, a file named after its pid, `$$`,
    /// which `exec "$HWBSH"` keeps).
    ///
    ///     try Executable.runShell("umask 000 && exec \"$HWBSH\" -c date", stdin: "", directory: folder.path)
    public static func runShell(_ script: String, stdin: String, directory: String) throws -> Execution {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", script]
        shell.environment = ProcessInfo.processInfo.environment.merging(["HWBSH": path]) { $1 }
        shell.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), errors = Pipe(), input = Pipe()
        (shell.standardOutput, shell.standardError, shell.standardInput) = (output, errors, input)
        try shell.run()
        signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        shell.waitUntilExit()
        return Execution(
            status: shell.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}
