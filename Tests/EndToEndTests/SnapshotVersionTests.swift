import Foundation
import HwbTestSupport
import Testing

/// Snapshots written by earlier versions of hwbsh keep loading. Each fixture in
/// Tests/Fixtures/snapshot-vN was saved by the hwbsh that wrote version N, by the same
/// `make.hwb` (every kind, status, reason, a pending member of staff, deletions, an
/// import); `expected.txt` is what that hwbsh printed after loading it. Version 1 is from
/// before the columnar store, version 2 from before snapshots held the store's policy:
/// both load under the guidance's policy, so their deletion days stay 12 months after
/// deactivation.
@Suite struct SnapshotVersionTests {
    static func fixtures(_ version: Int) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/snapshot-v\(version)").path
    }

    static let commands = "load store.hwbsnap; export json -; audit; pending; show imported.gov; list"

    /// A folder holding a copy of the version's snapshot.
    static func folder(with version: Int) throws -> String {
        let folder = try Executable.temporaryDirectory()
        try FileManager.default.copyItem(atPath: fixtures(version) + "/store.hwbsnap", toPath: folder + "/store.hwbsnap")
        return folder
    }

    @Test(arguments: [1, 2])
    func anOlderSnapshotLoadsAsItWasSaved(_ version: Int) throws {
        let folder = try Self.folder(with: version)
        let saved = try Data(contentsOf: URL(fileURLWithPath: folder + "/store.hwbsnap"))
        #expect(saved.dropFirst(8).first == UInt8(version), "the fixture is a version \(version) file")
        let expected = try String(contentsOfFile: Self.fixtures(version) + "/expected.txt", encoding: .utf8)
        let result = try Executable.run(["-c", Self.commands], directory: folder)
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout == expected)
    }

    @Test(arguments: [1, 2])
    func anOlderSnapshotIsSavedAgainAsTheCurrentVersion(_ version: Int) throws {
        let folder = try Self.folder(with: version)
        let resave = try Executable.run(["-c", "load store.hwbsnap; save again.hwbsnap"], directory: folder)
        #expect(resave.status == 0, "\(resave.stderr)")
        let header = try Data(contentsOf: URL(fileURLWithPath: folder + "/again.hwbsnap")).prefix(12)
        #expect(Array(header.prefix(8)) == Array("HWBSNAP\n".utf8))
        #expect(header.dropFirst(8).first == 3, "save writes version 3")
        // What was loaded from the older version reads back the same from version 3.
        let old = try Executable.run(["-c", "load store.hwbsnap; export json -; audit; pending; list"], directory: folder)
        let new = try Executable.run(["-c", "load again.hwbsnap; export json -; audit; pending; list"], directory: folder)
        #expect(new.stdout.replacingOccurrences(of: "again.hwbsnap", with: "store.hwbsnap") == old.stdout)
    }
}
