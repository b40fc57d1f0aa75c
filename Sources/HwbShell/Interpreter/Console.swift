#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the shell writes: results on standard output, errors on standard error.
public protocol Console: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
    /// Called after each command, so that a caller reading a pipe sees every result
    /// before the next command is read.
    func flush()
}

/// The process's standard output (buffered until `flush`) and standard error.
public final class StandardConsole: Console {
    private var buffer: [UInt8] = []

    public init() {}

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func writeError(_ text: String) {
        flush()
        Self.writeAll(Array(text.utf8), to: 2)
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        Self.writeAll(buffer, to: 1)
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return // a closed pipe: nothing more can be said
                }
                offset += written
            }
        }
    }
}

/// Collects what the shell writes, for tests and transcripts.
public final class BufferConsole: Console {
    public private(set) var output = ""
    public private(set) var errors = ""

    public init() {}

    public func write(_ text: String) { output += text }
    public func writeError(_ text: String) { errors += text }
    public func flush() {}

    /// Empties both buffers.
    public func reset() {
        output = ""
        errors = ""
    }
}
