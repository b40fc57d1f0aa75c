import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing whole files, with errors worded for the user.
public enum FileAccess {
    /// The largest file read whole: a script, a transcript, a school file.
    public static let wholeFileLimit = 256 << 20
    /// The largest file read block by block, or kept in a journal record: a snapshot, an
    /// account file. A national store (a million accounts) takes about 100 MB of either.
    public static let blockFileLimit = 1 << 30

    /// The whole of the regular file at `path`, of at most `limit` bytes. Anything else (a
    /// directory, a FIFO, a device, a larger file) is refused before a byte is read: it is
    /// opened without waiting (`O_NONBLOCK`, which a regular file ignores) and checked on
    /// the open descriptor.
    public static func read(_ path: String, limit: Int = wholeFileLimit) throws(FileError) -> [UInt8] {
        let handle = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard handle >= 0 else { throw FileError("cannot read \(path): \(systemError())") }
        defer { close(handle) }
        var info = stat()
        guard fstat(handle, &info) == 0 else { throw FileError("cannot read \(path): \(systemError())") }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw FileError("cannot read \(path): it is a directory") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw FileError("cannot read \(path): it is not a regular file") }
        // Read straight into an array of the file's size (a CSV of a million accounts is
        // 100 MB); anything written since, in chunks after.
        let size = Int(info.st_size)
        try checkSize(size, of: path, limit: limit)
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
            throw FileError("cannot read \(path): \(systemError())")
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(handle, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError("cannot read \(path): \(systemError())")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            try checkSize(bytes.count, of: path, limit: limit)
        }
        return bytes
    }

    /// Refuses a file of `size` bytes when that is more than `limit`.
    private static func checkSize(_ size: Int, of path: String, limit: Int) throws(FileError) {
        guard size > limit else { return }
        throw FileError("cannot read \(path): it is \(describe(bytes: size)), more than the \(describe(bytes: limit)) hwbsh reads from such a file")
    }

    /// A size for people: `256 MiB`, `2.0 GiB`, `10 bytes`.
    static func describe(bytes: Int) -> String {
        let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (unit, name) in units where bytes >= unit {
            let whole = bytes % unit == 0
            let value = Double(bytes) / Double(unit)
            return whole ? "\(bytes / unit) \(name)" : "\((value * 10).rounded() / 10) \(name)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    /// The file as UTF-8 text, or an error naming the line of the first bad byte.
    public static func readText(_ path: String) throws(FileError) -> String {
        try text(read(path), path: path)
    }

    /// `bytes` read from `path` as UTF-8 text, or an error naming the line of the first bad byte.
    public static func text(_ bytes: [UInt8], path: String) throws(FileError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1
        for chunk in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            if String(validating: chunk, as: UTF8.self) == nil { break }
            line += 1
        }
        throw FileError("\(path):\(line): not valid UTF-8 text")
    }

    /// Writes `text` to `path` atomically (see the bytes version).
    public static func writeAtomically(_ text: String, to path: String, mode: mode_t = 0o600) throws(FileError) {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(FileError) in try writeAtomically(UnsafeRawBufferPointer(buffer), to: path, mode: mode) }
        }
        try result.get()
    }

    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FileError) {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(FileError) in try writeAtomically(buffer, to: path) }
        }
        try result.get()
    }

    /// Writes `buffer` to `path` atomically (see the streaming version).
    static func writeAtomically(_ buffer: UnsafeRawBufferPointer, to path: String, mode: mode_t = 0o600) throws(FileError) {
        try writeAtomically(to: path, mode: mode) { (file: inout FileSink) throws(FileError) in try file.write(buffer) }
    }

    /// Writes what `body` gives to `path` atomically: a new temporary file in the same
    /// folder (`newTemporary`), flushed to disk and renamed over the target, then the folder
    /// flushed, so that a reader (or a crash) sees the old file or the new one, never a
    /// part. A link at `path` is replaced, never written through.
    static func writeAtomically(
        to path: String, mode: mode_t = 0o600, _ body: (inout FileSink) throws(FileError) -> Void
    ) throws(FileError) {
        let (handle, temporary) = try newTemporary(for: path, mode: mode)
        var file = FileSink(handle: handle, path: path)
        var failure: FileError?
        defer { file.bar?.finish() }
        do throws(FileError) {
            try body(&file)
            try file.flush()
            if fsync(handle) != 0 { throw FileError("cannot write \(path): \(systemError())") }
        } catch {
            failure = error
        }
        close(handle)
        if failure == nil, rename(temporary, path) != 0 { failure = FileError("cannot write \(path): \(systemError())") }
        if let failure {
            unlink(temporary)
            throw failure
        }
        syncFolder(of: path)
    }

    /// Creates `path` anew and keeps it open for appending (a transcript being recorded):
    /// made as a temporary file and renamed into place at once, so that whatever was at
    /// `path` (an older file, a link) is replaced, never written through.
    public static func createFile(_ path: String, mode: mode_t = 0o600) throws(FileError) -> Int32 {
        let (handle, temporary) = try newTemporary(for: path, mode: mode)
        guard fsync(handle) == 0, rename(temporary, path) == 0 else {
            let reason = systemError()
            close(handle)
            unlink(temporary)
            throw FileError("cannot write \(path): \(reason)")
        }
        syncFolder(of: path)
        return handle
    }

    /// The one way hwbsh makes a file: a temporary `.NAME.PID.RANDOM.tmp` in the folder of
    /// `path`, created only if nothing has that name (`O_EXCL`) and never through a link
    /// (`O_NOFOLLOW`), with `mode` exactly (0600 unless said otherwise: what hwbsh writes
    /// holds personal data). Temporaries of `path` that a process killed mid-write left
    /// behind are removed first.
    static func newTemporary(for path: String, mode: mode_t) throws(FileError) -> (handle: Int32, path: String) {
        // A name that is taken by something other than a file (a folder, a device, a pipe,
        // or a link to one) is not replaced: `export csv /dev/stdout` is refused rather
        // than putting a file where the device was.
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw FileError((info.st_mode & S_IFMT) == S_IFDIR ? "cannot write \(path): it is a directory"
                                                           : "cannot write \(path): it is not a regular file")
        }
        let (folder, name) = split(path)
        removeDeadTemporaries(in: folder, of: name)
        var random = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let suffix = String(random.next() as UInt64, radix: 16)
            let temporary = "\(folder)/.\(name).\(getpid()).\(suffix).tmp"
            let handle = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if handle < 0 {
                if errno == EEXIST || errno == EINTR { continue }
                throw FileError("cannot write \(path): \(systemError())")
            }
            // The umask may have taken bits away; the mode asked for is the mode given.
            guard fchmod(handle, mode) == 0 else {
                let reason = systemError()
                close(handle)
                unlink(temporary)
                throw FileError("cannot write \(path): \(reason)")
            }
            return (handle, temporary)
        }
        throw FileError("cannot write \(path): no free temporary name in \(folder)")
    }

    /// Removes the temporaries of `name` in `folder` (`.NAME.PID.….tmp`) whose process no
    /// longer runs: what a write cut short by a kill or a crash left behind. Those of
    /// running processes (another hwbsh saving the same name) are left alone.
    static func removeDeadTemporaries(in folder: String, of name: String) {
        let prefix = ".\(name)."
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        var dead: [String] = []
        while let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard entryName.hasPrefix(prefix), entryName.hasSuffix(".tmp") else { continue }
            // Exactly `.NAME.PID.HEX.tmp` (or `.NAME.PID.tmp`, as older hwbsh named them):
            // nothing else is taken for one of ours.
            let parts = entryName.dropFirst(prefix.count).dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 1 || (parts.count == 2 && !parts[1].isEmpty && parts[1].allSatisfy(\.isHexDigit)),
                  let pid = pid_t(parts[0]), pid > 0
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { dead.append(entryName) }
        }
        for entryName in dead { unlink(folder + "/" + entryName) }
    }

    /// The folder (`.` for a bare name) and the last component of `path`.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Writes to an open file through a buffer; large pieces go straight through.
    struct FileSink: SnapshotSink {
        let handle: Int32
        let path: String
        /// Gives a listener for the bytes to come, if one is wanted (`expect`).
        var progress: (Int) -> (any ProgressListener)? = { _ in nil }
        private(set) var bar: (any ProgressListener)?
        private var buffer: [UInt8] = []
        private static let capacity = 1 << 20

        init(handle: Int32, path: String) {
            self.handle = handle
            self.path = path
            buffer.reserveCapacity(Self.capacity)
        }

        mutating func expect(_ total: Int) {
            bar = progress(total)
        }

        mutating func write(_ bytes: UnsafeRawBufferPointer) throws(FileError) {
            bar?.advance(by: bytes.count)
            if buffer.count + bytes.count <= Self.capacity {
                buffer.append(contentsOf: bytes)
                return
            }
            try flush()
            if bytes.count >= Self.capacity / 2 {
                try writeAll(bytes)
            } else {
                buffer.append(contentsOf: bytes)
            }
        }

        mutating func flush() throws(FileError) {
            let result = buffer.withUnsafeBytes { raw in Result { () throws(FileError) in try writeAll(raw) } }
            try result.get()
            buffer.removeAll(keepingCapacity: true)
        }

        private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(FileError) {
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(handle, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileError("cannot write \(path): \(systemError())")
                }
                offset += written
            }
        }
    }

    /// A regular file open for reading block by block (`pread`), never read whole: a
    /// snapshot being loaded, an account file being imported.
    public struct BlockFile: SnapshotSource {
        let handle: Int32
        public let size: Int
        let path: String

        /// Opens `path`, which must be a regular file of at most `largest` bytes.
        public init(_ path: String, largest: Int = blockFileLimit) throws(FileError) {
            let handle = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard handle >= 0 else { throw FileError("cannot read \(path): \(systemError())") }
            var info = stat()
            guard fstat(handle, &info) == 0 else {
                let message = systemError()
                Glibc.close(handle)
                throw FileError("cannot read \(path): \(message)")
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                Glibc.close(handle)
                throw FileError((info.st_mode & S_IFMT) == S_IFDIR ? "cannot read \(path): it is a directory"
                                                              : "cannot read \(path): it is not a regular file")
            }
            do throws(FileError) {
                try checkSize(Int(info.st_size), of: path, limit: largest)
            } catch {
                Glibc.close(handle)
                throw error
            }
            self.handle = handle
            size = Int(info.st_size)
            self.path = path
        }

        public func close() { _ = Glibc.close(handle) }

        func dataStart(from offset: Int) -> Int {
            guard offset < size else { return size }
            let found = lseek(handle, off_t(offset), BlockFile.seekData)
            if found >= 0 { return min(Int(found), size) }
            return errno == ENXIO ? size : offset
        }

        /// `lseek`'s SEEK_DATA, which the system module does not export.
        #if os(Linux)
        private static let seekData: Int32 = 3
        #else
        private static let seekData: Int32 = 4
        #endif

        func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
            var done = 0
            while done < buffer.count {
                let count = pread(handle, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if count < 0 && errno == EINTR { continue }
                if count < 0 { throw FileError("cannot read \(path): \(systemError())") }
                if count == 0 { throw FileError("cannot load \(path): it changed while it was read") }
                done += count
            }
        }
    }

    /// Whether two paths name one existing file (any links followed).
    public static func isSameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        return stat(a, &first) == 0 && stat(b, &second) == 0
            && first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// The permission bits of the file at `path`, if there is one.
    public static func permissions(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// Flushes a folder's entries (a rename or a new file in it) to disk.
    static func syncFolder(of path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let handle = open(folder.isEmpty ? "." : folder, O_RDONLY)
        guard handle >= 0 else { return }
        fsync(handle)
        close(handle)
    }

    public static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
