import Foundation

/// Runs the built `hwbsh` binary, for end-to-end tests.
public struct Execution: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum Executable {
    /// The binary under test: `$HWBSH_BIN`, else `.build/debug/hwbsh` beside the tests.
    public static var path: String {
        if let path = ProcessInfo.processInfo.environment["HWBSH_BIN"] { return path }
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return testBundle.appendingPathComponent("hwbsh").path
    }

    /// Runs hwbsh with `arguments`, feeding `stdin` (nil: no standard input), in `directory`.
    public static func run(_ arguments: [String], stdin: String? = nil, directory: String? = nil) throws -> Execution {
        try run(arguments, input: Data((stdin ?? "").utf8), directory: directory)
    }

    /// Runs hwbsh feeding `bytes`; `environment`, when given, replaces the inherited one.
    static func run(
        _ arguments: [String], input bytes: Data, directory: String?, environment: [String: String]? = nil
    ) throws -> Execution {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        // Feed stdin on its own thread, so that a large input cannot block while hwbsh
        // waits for its large output to be read.
        let writer = input.fileHandleForWriting
        let fed = DispatchSemaphore(value: 0)
        signal(SIGPIPE, SIG_IGN) // hwbsh may exit before reading all of it
        DispatchQueue.global().async {
            try? writer.write(contentsOf: bytes)
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

    /// A new empty folder for a test's files.
    public static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hwbsh-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}
