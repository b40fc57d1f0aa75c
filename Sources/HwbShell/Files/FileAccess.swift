import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing whole files, with errors worded for the user.
enum FileAccess {
    /// The largest file hwbsh reads (a script, a CSV or a snapshot).
    static let maximumSize = 2 << 30

    static func read(_ path: String) throws(ShellError) -> [UInt8] {
        let handle = open(path, O_RDONLY)
        guard handle >= 0 else { throw .file("cannot read \(path): \(systemError())") }
        defer { close(handle) }
        var info = stat()
        guard fstat(handle, &info) == 0 else { throw .file("cannot read \(path): \(systemError())") }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw .file("cannot read \(path): it is a directory") }
        // A regular file is read straight into an array of its size (a CSV of a million
        // accounts is 100 MB); whatever else there is, or more, in chunks after.
        let size = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        guard size <= maximumSize else { throw .file("cannot read \(path): it is larger than 2 GiB") }
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
            filled = 0
            while filled < size {
                let count = Glibc.read(handle, buffer.baseAddress! + filled, size - filled)
                if count < 0 && errno == EINTR { continue }
                if count < 0 { failure = errno }
                if count <= 0 { break }
                filled += count
            }
        }
        if failure != 0 {
            errno = failure
            throw .file("cannot read \(path): \(systemError())")
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(handle, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .file("cannot read \(path): \(systemError())")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            guard bytes.count <= maximumSize else { throw .file("cannot read \(path): it is larger than 2 GiB") }
        }
        return bytes
    }

    /// The file as UTF-8 text, or an error naming the line of the first bad byte.
    static func readText(_ path: String) throws(ShellError) -> String {
        try text(read(path), path: path)
    }

    /// `bytes` read from `path` as UTF-8 text, or an error naming the line of the first bad byte.
    static func text(_ bytes: [UInt8], path: String) throws(ShellError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1
        for chunk in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            if String(validating: chunk, as: UTF8.self) == nil { break }
            line += 1
        }
        throw .file("\(path):\(line): not valid UTF-8 text")
    }

    /// Writes `text` to `path` atomically (see the bytes version).
    static func writeAtomically(_ text: String, to path: String, mode: mode_t = 0o600) throws(ShellError) {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(ShellError) in try writeAtomically(UnsafeRawBufferPointer(buffer), to: path, mode: mode) }
        }
        try result.get()
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(ShellError) {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(ShellError) in try writeAtomically(buffer, to: path) }
        }
        try result.get()
    }

    /// Writes `buffer` to `path` atomically: a temporary file in the same folder, flushed
    /// to disk and renamed over the target, then the folder flushed, so that a reader (or
    /// a crash) sees the old file or the new one, never a part. New files are readable
    /// by their owner only unless `mode` says otherwise: they hold personal data.
    static func writeAtomically(_ buffer: UnsafeRawBufferPointer, to path: String, mode: mode_t = 0o600) throws(ShellError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/.\(url.lastPathComponent).\(getpid()).tmp"
        let handle = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard handle >= 0 else { throw .file("cannot write \(path): \(systemError())") }
        var failure: String?
        var offset = 0
        while offset < buffer.count {
            let written = write(handle, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = systemError()
                break
            }
            offset += written
        }
        if failure == nil, fsync(handle) != 0 { failure = systemError() }
        close(handle)
        if failure == nil, rename(temporary, path) != 0 { failure = systemError() }
        guard failure == nil else {
            unlink(temporary)
            throw .file("cannot write \(path): \(failure!)")
        }
        syncFolder(of: path)
    }

    /// Flushes a folder's entries (a rename or a new file in it) to disk.
    static func syncFolder(of path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let handle = open(folder.isEmpty ? "." : folder, O_RDONLY)
        guard handle >= 0 else { return }
        fsync(handle)
        close(handle)
    }

    static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
