import Foundation
import HwbTestSupport
import Testing

/// Snapshots written by earlier versions of hwbsh keep loading. The version 1 fixture in
/// Tests/Fixtures/snapshot-v1 was saved by hwbsh before the columnar store, by
/// `make.hwb` (every kind, status, reason, a pending member of staff, deletions, an
/// import); `expected.txt` is what that hwbsh printed after loading it.
@Suite struct SnapshotVersionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/snapshot-v1").path
    static let commands = "load store.hwbsnap; export json -; audit; pending; show imported.gov; list"

    @Test func aVersion1SnapshotLoadsAsItWasSaved() throws {
        let folder = try Executable.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Self.fixtures + "/store.hwbsnap", toPath: folder + "/store.hwbsnap")
        let expected = try String(contentsOfFile: Self.fixtures + "/expected.txt", encoding: .utf8)
        let result = try Executable.run(["-c", Self.commands], directory: folder)
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout == expected)
    }

    @Test func aVersion1SnapshotIsSavedAgainAsTheCurrentVersion() throws {
        let folder = try Executable.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Self.fixtures + "/store.hwbsnap", toPath: folder + "/store.hwbsnap")
        let resave = try Executable.run(["-c", "load store.hwbsnap; save again.hwbsnap"], directory: folder)
        #expect(resave.status == 0, "\(resave.stderr)")
        let header = try Data(contentsOf: URL(fileURLWithPath: folder + "/again.hwbsnap")).prefix(12)
        #expect(Array(header.prefix(8)) == Array("HWBSNAP\n".utf8))
        #expect(header.dropFirst(8).first == 2, "save writes version 2")
        // What was loaded from version 1 reads back the same from version 2.
        let old = try Executable.run(["-c", "load store.hwbsnap; export json -; audit; pending; list"], directory: folder)
        let new = try Executable.run(["-c", "load again.hwbsnap; export json -; audit; pending; list"], directory: folder)
        #expect(new.stdout.replacingOccurrences(of: "again.hwbsnap", with: "store.hwbsnap") == old.stdout)
    }
}
