import Foundation

/// hwbsh driven through pipes one command at a time, as another program would drive it:
/// send a line, wait for its result, send the next.
///
///     let session = try PipedSession(["--date", "2027-07-01"])
///     try session.send("date")
///     let line = session.readLine(timeout: 5)   // "2027-07-01"
public final class PipedSession: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private let arrived = DispatchSemaphore(value: 0)

    public init(_ arguments: [String], directory: String? = nil) throws {
        process.executableURL = URL(fileURLWithPath: Executable.path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.buffer.append(contentsOf: data)
            self.lock.unlock()
            self.arrived.signal()
        }
        try process.run()
    }

    /// Sends one line of input.
    public func send(_ line: String) throws {
        try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    /// The next line of standard output, or nil if none arrives within `timeout` seconds.
    public func readLine(timeout: Double) -> String? {
        let deadline = DispatchTime.now() + timeout
        while true {
            lock.lock()
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                lock.unlock()
                return line
            }
            lock.unlock()
            if arrived.wait(timeout: deadline) == .timedOut { return nil }
        }
    }

    /// Closes standard input and waits for the exit status.
    public func finish() throws -> Int32 {
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
