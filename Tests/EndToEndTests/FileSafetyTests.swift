import Foundation
import HwbTestSupport
import Testing

/// What hwbsh writes is made safely: every file is new (never written through a link or
/// into a file planted under a guessable name), private (0600 whatever the umask), never
/// one of the store's own files, and a write that fails is said and counted.
@Suite struct FileSafetyTests {
    private static func shell(_ script: String, stdin: String = "", in folder: TemporaryFolder) throws -> Execution {
        try Executable.runShell(script, stdin: stdin, directory: folder.path)
    }

    private static func permissions(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// A pid that no process has: one that has run and been waited for.
    private static func deadPid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test(arguments: ["save out.hwbsnap", "export csv out.hwbsnap", "export json out.hwbsnap"])
    func aLinkPlantedUnderTheTemporaryNameIsNotWrittenThrough(command: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("victim", "untouched\n")
        // The temporary name of the old writer, `.NAME.PID.tmp`, planted before hwbsh
        // starts under the pid it will have.
        let result = try Self.shell(
            "ln -s victim .out.hwbsnap.$$.tmp && exec \"$HWBSH\" --date 2027-07-01 -c 'school add 6612001 name=A; \(command)'",
            in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try folder.read("victim") == "untouched\n")
        #expect(!Self.isSymbolicLink(folder.file("out.hwbsnap")))
        #expect(try Self.permissions(folder.file("out.hwbsnap")) == 0o600)
    }

    @Test func filesAreMadePrivateWhateverTheUmask() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try Self.shell(
            "umask 000 && exec \"$HWBSH\" --date 2027-07-01 --record r.t",
            stdin: "school add 6612001 name=A\nsave s.hwbsnap\nexport csv a.csv\nexport json a.json\n", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["s.hwbsnap", "a.csv", "a.json", "r.t"] {
            #expect(try Self.permissions(folder.file(name)) == 0o600, "\(name)")
        }
    }

    @Test func temporariesLeftByAKilledWriteAreRemovedAndThoseOfARunningOneKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let dead = try folder.write(".out.hwbsnap.\(try Self.deadPid()).7f3a.tmp", "half a snapshot")
        let oldStyle = try folder.write(".out.hwbsnap.\(try Self.deadPid()).tmp", "half a snapshot")
        let running = try folder.write(".out.hwbsnap.\(getpid()).7f3a.tmp", "being written")
        let other = try folder.write(".other.hwbsnap.\(try Self.deadPid()).tmp", "another file's")
        let result = try Executable.run(["--date", "2027-07-01", "-c", "save out.hwbsnap"], directory: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(!FileManager.default.fileExists(atPath: oldStyle))
        #expect(FileManager.default.fileExists(atPath: running))
        #expect(FileManager.default.fileExists(atPath: other))
    }

    @Test(arguments: ["save f", "export csv f"])
    func aSpecialFileIsNotReplacedByAFile(command: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try #require(mkfifo(folder.file("f"), 0o600) == 0)
        let result = try Executable.run(["--date", "2027-07-01", "-c", command], directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write f: it is not a regular file"), "\(result.stderr)")
        var info = stat()
        #expect(lstat(folder.file("f"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test(arguments: ["s.hwbsnap", "s.hwbsnap.journal", "s.hwbsnap.lock", "link"])
    func recordOntoTheStoresOwnFilesIsRefused(name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let created = try Executable.run(["--date", "2027-07-01", "--store", "s.hwbsnap", "-c", "school add 6612001 name=A"], directory: folder.path)
        try #require(created.status == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.file("link"), withDestinationPath: "s.hwbsnap")
        let before = try folder.bytes("s.hwbsnap")

        let result = try Executable.run(
            ["--store", "s.hwbsnap", "--record", name], stdin: "school add 6612002 name=B\n", directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot record to \(name): it is the"), "\(result.stderr)")
        #expect(try folder.bytes("s.hwbsnap") == before)
        let reopened = try Executable.run(["--store", "s.hwbsnap", "-c", "schools"], directory: folder.path)
        #expect(reopened.status == 0, "\(reopened.stderr)")
        #expect(reopened.stdout.contains("6612001"))
        #expect(!reopened.stdout.contains("6612002"))
    }

    @Test func recordReplacesALinkInsteadOfWritingThroughIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("victim", "untouched\n")
        try FileManager.default.createSymbolicLink(atPath: folder.file("r.t"), withDestinationPath: "victim")
        let result = try Executable.run(["--date", "2027-07-01", "--record", "r.t"], stdin: "date\n", directory: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try folder.read("victim") == "untouched\n")
        #expect(!Self.isSymbolicLink(folder.file("r.t")))
        #expect(try folder.read("r.t").contains("> date\n2027-07-01"))
    }

    @Test func aTranscriptThatCannotBeWrittenIsReportedAndFailsTheRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A file size limit of one block: the transcript's header fits, the session's
        // output does not (hwbsh ignores SIGXFSZ, so the write fails instead).
        let commands = (1...40).map { "school add \(6612000 + $0) name=\"A school with a long name \($0)\"\n" }.joined() + "schools\n"
        let result = try Self.shell(
            "ulimit -f 1 && exec \"$HWBSH\" --date 2027-07-01 --record r.t", stdin: commands, in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write r.t:"), "\(result.stderr)")
        #expect(result.stderr.contains("transcript stopped recording"))
        #expect(result.stdout.contains("6612040"), "the session itself goes on")
    }

    /// `--record demo.t demo.t` once replaced the demo by an empty transcript before it ran.
    @Test func recordOntoAFileTheSessionRunsIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let demo = "#! hwbsh --date 2027-07-01\n> date\n2027-07-01\n"
        try folder.write("demo.t", demo)
        try FileManager.default.createSymbolicLink(atPath: folder.file("link.t"), withDestinationPath: "demo.t")
        for name in ["demo.t", "link.t"] {
            let result = try Executable.run(["--record", name, "demo.t"], directory: folder.path)
            #expect(result.status == 1)
            #expect(result.stderr.contains("cannot record to \(name): it is demo.t, which this session runs"), "\(result.stderr)")
            #expect(try folder.read("demo.t") == demo)
        }
    }

    /// Only hwbsh's own temporaries are taken for leftovers: `.NAME.PID.HEX.tmp`.
    @Test func otherFilesThatLookLikeTemporariesAreLeftAlone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let dead = try Self.deadPid()
        let others = [".out.2024.csv.\(dead).abc.tmp", ".out.\(dead).notes.tmp", ".out.\(dead).7f.x.tmp"]
        for name in others { _ = try folder.write(name, "someone else's") }
        let result = try Executable.run(["--date", "2027-07-01", "-c", "export csv out"], directory: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        for name in others { #expect(folder.exists(name), "\(name) was removed") }
    }

    /// A journal that is a link was read, and cut, through the link before the store
    /// refused to open it.
    @Test func aJournalThatIsALinkIsRefusedBeforeAnythingChanges() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let created = try Executable.run(["--date", "2027-07-01", "--store", "s.hwbs", "-c", "date"], directory: folder.path)
        try #require(created.status == 0)
        try folder.write("elsewhere", "not a journal at all, and not hwbsh's to cut")
        try? FileManager.default.removeItem(atPath: folder.file("s.hwbs.journal"))
        try FileManager.default.createSymbolicLink(atPath: folder.file("s.hwbs.journal"), withDestinationPath: "elsewhere")
        let result = try Executable.run(["--store", "s.hwbs", "-c", "date"], directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a symbolic link"), "\(result.stderr)")
        #expect(try folder.read("elsewhere") == "not a journal at all, and not hwbsh's to cut")
    }
}
