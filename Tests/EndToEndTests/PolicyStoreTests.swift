import Foundation
import HwbTestSupport
import Testing

/// `policy set` under `--store`: journaled, so the policy is there when the store is
/// opened again (from the journal, and from the snapshot after a fold).
@Suite struct PolicyStoreTests {
    @Test func aPolicySetIsThereWhenTheStoreIsOpenedAgain() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let set = try Executable.run(
            ["--date", "2027-07-20", "--store", "s.hwbs", "-c", "policy set deletion=9m inactivity=8w"], directory: folder.path)
        #expect(set.status == 0, "\(set.stderr)")
        let reopened = try Executable.run(["--store", "s.hwbs", "-c", "policy; save folded.hwbsnap"], directory: folder.path)
        #expect(reopened.status == 0, "\(reopened.stderr)")
        #expect(reopened.stdout.contains("deletion    9m "), "\(reopened.stdout)")
        #expect(reopened.stdout.contains("inactivity  56d"), "\(reopened.stdout)")
        let loaded = try Executable.run(["-c", "load folded.hwbsnap; policy"], directory: folder.path)
        #expect(loaded.stdout.contains("deletion    9m "), "\(loaded.stdout)")
    }
}
