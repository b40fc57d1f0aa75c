import Dispatch
import Foundation
import HwbTestSupport
import Testing

/// hwbsh reads only regular files. A FIFO (or another special file) named where a file is
/// expected is refused at once with one clear error, instead of waiting for a writer that
/// never comes.
@Suite struct SpecialFileTests {
    /// A folder holding the FIFO `f`, and a watchdog that opens it at both ends after a
    /// while: a reader or writer stuck waiting on it is let go, so that a failing test
    /// ends instead of hanging the suite.
    private static func withFIFO(_ body: (TemporaryFolder) throws -> Void) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fifo = folder.path + "/f"
        try #require(mkfifo(fifo, 0o600) == 0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            while done.wait(timeout: .now() + 10) == .timedOut {
                for path in [fifo, folder.path + "/s.hwbsnap.journal"] {
                    let reader = open(path, O_RDONLY | O_NONBLOCK)
                    let writer = open(path, O_WRONLY | O_NONBLOCK)
                    if writer >= 0 { close(writer) }
                    if reader >= 0 { close(reader) }
                }
            }
        }
        defer { done.signal() }
        try body(folder)
    }

    @Test(arguments: ["load f", "import accounts f", "import schools f", "run f"])
    func aFIFONamedByACommandIsRefused(command: String) throws {
        try Self.withFIFO { folder in
            let result = try Executable.run(["--date", "2027-07-01", "-c", command], directory: folder.path)
            #expect(result.status == 1)
            #expect(result.stderr.contains("f: it is not a regular file"), "\(command): \(result.stderr)")
        }
    }

    @Test func aFIFOGivenAsAScriptIsRefused() throws {
        try Self.withFIFO { folder in
            let result = try Executable.run(["--date", "2027-07-01", "f"], directory: folder.path)
            #expect(result.status == 1)
            #expect(result.stderr.contains("f: it is not a regular file"), "\(result.stderr)")
        }
    }

    @Test func aFIFOStoreIsRefused() throws {
        try Self.withFIFO { folder in
            let result = try Executable.run(["--date", "2027-07-01", "--store", "f", "-c", "date"], directory: folder.path)
            #expect(result.status != 0)
            #expect(result.stderr.contains("f: it is not a regular file"), "\(result.stderr)")
        }
    }

    @Test func aFIFOJournalStopsTheOpening() throws {
        try Self.withFIFO { folder in
            try #require(rename(folder.path + "/f", folder.path + "/s.hwbsnap.journal") == 0)
            let result = try Executable.run(["--date", "2027-07-01", "--store", "s.hwbsnap", "-c", "date"], directory: folder.path)
            #expect(result.status != 0)
            #expect(result.stderr.contains("s.hwbsnap.journal: it is not a regular file"), "\(result.stderr)")
        }
    }

    /// A folder holding `big`, a sparse file of 2 GiB (nothing but its size on disk).
    private static func withHugeFile(_ body: (TemporaryFolder) throws -> Void) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("big", "")
        try #require(truncate(folder.file("big"), 2 << 30) == 0)
        try body(folder)
    }

    /// A file far larger than any hwbsh reads is refused on its size, before a byte of it
    /// is read (reading it whole took seconds and gigabytes).
    @Test(arguments: ["load big", "import accounts big", "import schools big", "run big"])
    func aHugeFileNamedByACommandIsRefusedOnItsSize(command: String) throws {
        try Self.withHugeFile { folder in
            let result = try Executable.run(["--date", "2027-07-01", "-c", command], directory: folder.path)
            #expect(result.status == 1)
            #expect(result.stderr.contains("cannot read big: it is 2 GiB, more than the"), "\(command): \(result.stderr)")
        }
    }

    @Test(arguments: [["big"], ["--store", "big", "-c", "date"]])
    func aHugeScriptOrStoreIsRefusedOnItsSize(arguments: [String]) throws {
        try Self.withHugeFile { folder in
            let result = try Executable.run(["--date", "2027-07-01"] + arguments, directory: folder.path)
            #expect(result.status == 1)
            #expect(result.stderr.contains("big: it is 2 GiB, more than the"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func aHugeFileToImportIntoAStoreIsRefusedBeforeItIsJournaled() throws {
        try Self.withHugeFile { folder in
            let result = try Executable.run(["--date", "2027-07-01", "--store", "s.hwbsnap", "-c", "import accounts big"], directory: folder.path)
            #expect(result.status == 1)
            #expect(result.stderr.contains("cannot read big: it is 2 GiB, more than the"), "\(result.stderr)")
        }
    }
}
