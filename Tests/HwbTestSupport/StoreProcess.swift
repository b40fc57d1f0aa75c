import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// hwbsh (or a wrapper such as `/bin/sh -c 'ulimit ...; exec hwbsh ...'`) started with its
/// own pipes, for the durability tests: send lines, wait for what it prints on either
/// stream, and stop it with SIGKILL at any moment.
///
/// It is spawned with `posix_spawn` and reaped with `waitpid`, not with `Process`, whose
/// wait polls every 50 ms: the crash test starts and kills hundreds of these.
///
///     let session = try StoreProcess(["--store", path, "--date", "2027-07-01"])
///     try session.send("date advance 1d")
///     session.waitForOutput(bytes: 29, timeout: 10)
///     session.kill()                  // SIGKILL, then reads both pipes to their end
public final class StoreProcess: @unchecked Sendable {
    public let pid: pid_t
    private var input: Int32
    private let streams = Streams()
    private var status: Int32?

    /// What the reading threads collect (apart from the session, so that dropping the
    /// session kills the process even while they still read).
    private final class Streams: @unchecked Sendable {
        let condition = NSCondition()
        var out: [UInt8] = []
        var err: [UInt8] = []
        var open = 2
    }

    /// Starts `executable` (hwbsh by default) with `arguments`; `environment` is added to
    /// this process's environment; `directory` is its working folder.
    public init(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil,
                executable: String = Executable.path) throws {
        signal(SIGPIPE, SIG_IGN) // writing to a killed session must fail, not kill the tests
        var stdinPipe: [Int32] = [0, 0], stdoutPipe: [Int32] = [0, 0], stderrPipe: [Int32] = [0, 0]
        guard Self.pipe2(&stdinPipe, O_CLOEXEC) == 0, Self.pipe2(&stdoutPipe, O_CLOEXEC) == 0, Self.pipe2(&stderrPipe, O_CLOEXEC) == 0 else {
            throw StoreProcessError("pipe: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        if let directory {
            guard Self.addChdir(&actions, directory) == 0 else { throw StoreProcessError("cannot start in \(directory)") }
        }
        // Nothing else this process has open reaches the child: not another test's pipe
        // (its end would stay open), nor a store's lock.
        if let addCloseFrom = Self.addCloseFrom { _ = addCloseFrom(&actions, 3) }

        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, executable, &actions, nil, argv, envp)
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard spawned == 0 else {
            close(stdinPipe[1])
            close(stdoutPipe[0])
            close(stderrPipe[0])
            throw StoreProcessError("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        pid = child
        input = stdinPipe[1]
        startReading(stdoutPipe[0], isOutput: true)
        startReading(stderrPipe[0], isOutput: false)
    }

    // glibc has pipe2 and posix_spawn_file_actions_addchdir_np, but only under _GNU_SOURCE,
    // which the Glibc module does not define: look them up by name. The pipes must be
    // close-on-exec from the start, or a process spawned meanwhile by a test running in
    // parallel would hold their ends open, and a killed session's output would never end.
    nonisolated(unsafe) private static let library = dlopen(nil, RTLD_NOW)
    private static let pipe2 = unsafeBitCast(dlsym(library, "pipe2"), to: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32).self)
    private static let addChdir = unsafeBitCast(
        dlsym(library, "posix_spawn_file_actions_addchdir_np"),
        to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)

    /// glibc 2.34 and later.
    private static let addCloseFrom = dlsym(library, "posix_spawn_file_actions_addclosefrom_np").map {
        unsafeBitCast($0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }

    deinit {
        if status == nil { kill() }
        if input >= 0 { close(input) }
    }

    private func startReading(_ handle: Int32, isOutput: Bool) {
        let streams = self.streams
        let thread = Thread {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(handle, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                streams.condition.lock()
                if count > 0 {
                    if isOutput {
                        streams.out.append(contentsOf: chunk[0..<count])
                    } else {
                        streams.err.append(contentsOf: chunk[0..<count])
                    }
                } else {
                    streams.open -= 1
                }
                streams.condition.broadcast()
                streams.condition.unlock()
                if count <= 0 { break }
            }
            close(handle)
        }
        thread.start()
    }

    /// Sends `text` and a new line. False when hwbsh no longer reads (it has stopped).
    @discardableResult
    public func send(_ text: String) -> Bool {
        let bytes = Array((text + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    /// Standard output so far.
    public var output: String { snapshot().output }
    /// Standard error so far.
    public var errors: String { snapshot().errors }

    public func snapshot() -> (output: String, errors: String) {
        streams.condition.lock()
        defer { streams.condition.unlock() }
        return (String(decoding: streams.out, as: UTF8.self), String(decoding: streams.err, as: UTF8.self))
    }

    /// Waits until `done(stdout, stderr)` holds or both pipes are closed; false on timeout
    /// or when the pipes closed with `done` still false.
    @discardableResult
    public func wait(timeout: Double, until done: (_ output: [UInt8], _ errors: [UInt8]) -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        streams.condition.lock()
        defer { streams.condition.unlock() }
        while true {
            if done(streams.out, streams.err) { return true }
            if streams.open == 0 { return false }
            if !streams.condition.wait(until: deadline) { return done(streams.out, streams.err) }
        }
    }

    /// Waits until standard output holds at least `bytes` bytes (or anything arrives on
    /// standard error, which the caller then sees).
    @discardableResult
    public func waitForOutput(bytes: Int, timeout: Double = 20) -> Bool {
        wait(timeout: timeout) { out, err in out.count >= bytes || !err.isEmpty }
    }

    /// Waits until standard output ends with `suffix` (or something arrives on standard error).
    @discardableResult
    public func waitForOutput(endingWith suffix: String, timeout: Double = 20) -> Bool {
        let tail = Array(suffix.utf8)
        return wait(timeout: timeout) { out, err in out.count >= tail.count && Array(out.suffix(tail.count)) == tail || !err.isEmpty }
    }

    /// Stops the process with SIGKILL, reaps it and reads both pipes to their end.
    @discardableResult
    public func kill() -> Execution {
        if status == nil { _ = Glibc.kill(pid, SIGKILL) }
        return reap()
    }

    /// Closes standard input, waits for the exit and reads both pipes to their end.
    public func finish() -> Execution {
        closeInput()
        return reap()
    }

    public func closeInput() {
        if input >= 0 {
            close(input)
            input = -1
        }
    }

    private func reap() -> Execution {
        if status == nil {
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            // Like Process.terminationStatus: the exit status, or the signal that ended it.
            status = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : raw & 0x7F
        }
        _ = wait(timeout: 30) { _, _ in false } // to the end of both pipes
        let (output, errors) = snapshot()
        return Execution(status: status!, stdout: output, stderr: errors)
    }

    /// Runs hwbsh to its end with `stdin` (none by default) and returns what it printed.
    public static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                           directory: String? = nil) throws -> Execution {
        let process = try StoreProcess(arguments, environment: environment, directory: directory)
        if let stdin, !stdin.isEmpty { process.send(String(stdin.dropLast(stdin.hasSuffix("\n") ? 1 : 0))) }
        return process.finish()
    }
}

public struct StoreProcessError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
