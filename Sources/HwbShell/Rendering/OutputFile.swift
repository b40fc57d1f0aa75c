import HwbStorage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `output FILE` and `once FILE`: a file that receives what commands print. It is made
/// like every file hwbsh writes (anew, mode 0600, never through a link) and written as
/// the commands run, so that it is whole at any moment between commands.
final class OutputFile {
    let path: String
    private let handle: Int32
    /// Why writing stopped, when it did.
    private(set) var failure: String?

    init(path: String) throws(ShellError) {
        handle = try ShellError.catching(FileAccess.createFile(path))
        self.path = path
    }

    func write(_ text: String) {
        write(bytes: Array(text.utf8))
    }

    /// Writes `bytes` as they are (a document of a listing, already UTF-8).
    func write(bytes: [UInt8]) {
        guard failure == nil else { return }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.write(handle, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                failure = FileAccess.systemError()
                return
            }
            offset += written
        }
    }

    /// Closes the file, flushed to disk; false (with `failure` set) if that failed.
    func close() -> Bool {
        if failure == nil, fsync(handle) != 0, errno != EINVAL { failure = FileAccess.systemError() }
        _ = Glibc.close(handle)
        return failure == nil
    }
}
