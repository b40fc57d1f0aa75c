import Foundation
import HwbCore
import HwbShell
import HwbTestSupport
import Testing

/// export → import and save → load give back the same store; a bad snapshot is refused
/// and leaves the store as it was.
@Suite struct RoundTripTests {
    private func original() -> ShellSession {
        let session = ShellSession(today: "2027-07-01")
        #expect(session.run(Scenarios.everyShape, file: "setup.hwb").errors == "")
        return session
    }

    /// A fresh store on the original's date with the same schools.
    private func fresh(today: String = "2027-07-25") -> ShellSession {
        let session = ShellSession(today: today)
        #expect(session.run(Scenarios.schools, file: "setup.hwb").errors == "")
        return session
    }

    @Test func exportCSVThenImportGivesTheSameExport() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let source = original()
        let path = folder.file("a.csv")
        #expect(source.run("export csv \(path)").errors == "")
        let target = fresh()
        let result = target.run("import accounts \(path)")
        #expect(result.errors == "")
        #expect(result.output == "imported 7 accounts from \(path)\n")
        #expect(target.run("export csv -").output == source.run("export csv -").output)
        #expect(target.exportJSON() == source.exportJSON())
    }

    @Test func awkwardNamesSurviveTheCSVRoundTrip() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let names = [" leading and trailing ", "two\nlines", "comma, \"quote\"", "crlf\r\ninside", "Siân Ŵyn 🙂", "=1+2"]
        var csv = "id,name,kind,school,status,created,content,category,expires\r\n"
        for (index, name) in names.enumerated() {
            let cell = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            csv += "n\(index),\(cell),non-mis,6612001,active,2027-07-01,0,governor,2027-08-31\r\n"
        }
        let first = fresh(today: "2027-07-01")
        #expect(first.run("import accounts \(try folder.write("in.csv", csv))").errors == "")
        let json = try Interchange.parseJSON(first.exportJSON())
        #expect(json.accounts.map { $0["name"] as? String ?? "" } == names)
        let out = folder.file("out.csv")
        first.run("export csv \(out)")
        let (_, rows) = try Interchange.csvRows(try folder.read("out.csv"))
        #expect(rows.map { $0["name"] ?? "" } == names)
        let second = fresh(today: "2027-07-01")
        #expect(second.run("import accounts \(out)").errors == "")
        #expect(second.exportJSON() == first.exportJSON())
    }

    @Test func saveThenLoadGivesTheSameStoreAuditDateAndActor() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let source = original()
        source.run("login la-admin 661")
        let path = folder.file("s.hwbs")
        let saved = source.run("save \(path)")
        #expect(saved.errors == "")
        #expect(saved.output.contains(path))

        let target = ShellSession(today: "2030-01-01")
        let loaded = target.run("load \(path)")
        #expect(loaded.errors == "")
        #expect(loaded.output.contains("2027-07-25"))
        #expect(target.shell.actor == .laAdmin(661))
        #expect(target.run("date").output == "2027-07-25\n")
        for command in ["export json -", "export csv -", "audit", "schools", "whoami", "expiring", "pending", "show zed", "list"] {
            #expect(target.run(command).output == source.run(command).output, "\(command) differs after load")
        }
        source.run("login service-desk")
        target.run("login service-desk")
        #expect(target.run("audit").output == source.run("audit").output)
        #expect(target.exportJSON() == source.exportJSON())
    }

    @Test func aLoadedStoreGoesOnLikeTheOriginal() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let source = original()
        let path = folder.file("s.hwbs")
        source.run("save \(path)")
        let target = ShellSession(today: "2027-01-01")
        target.run("load \(path)")
        let next = """
            date set 2027-09-01
            sweep
            keep other 1m
            mis join st2 school=6612001
            reactivate st
            date advance 1y
            sweep
            expiring
            pending
            """
        #expect(target.run(next).output == source.run(next).output)
        #expect(target.exportJSON() == source.exportJSON())
        #expect(target.run("audit").output == source.run("audit").output)
    }

    @Test func saveTwiceGivesTheSameFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let source = original()
        source.run("save \(folder.file("a.hwbs")); save \(folder.file("b.hwbs"))")
        let target = ShellSession()
        target.run("load \(folder.file("a.hwbs")); save \(folder.file("c.hwbs"))")
        #expect(try folder.read("a.hwbs") == (try folder.read("b.hwbs")))
        #expect(try folder.read("a.hwbs") == (try folder.read("c.hwbs")))
    }

    /// LANGUAGE.md: a key whose value is null may be left out; a reader treats a missing
    /// key and null alike. The snapshot's accounts are interchange objects.
    @Test func snapshotWithNullKeysLeftOutLoadsTheSame() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let source = original()
        source.run("save \(folder.file("full.hwbs"))")
        var text = try folder.read("full.hwbs")
        for key in Interchange.keys { text = text.replacingOccurrences(of: ", \"\(key)\": null", with: "") }
        #expect(!text.contains("\"role\": null"))
        let path = try folder.write("short.hwbs", text)
        let target = ShellSession()
        #expect(target.run("load \(path)").errors == "")
        #expect(target.exportJSON() == source.exportJSON())
    }

    @Test func saveToAMissingFolderIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = original().run("save \(folder.file("no/such/s.hwbs"))")
        #expect(result.output == "")
        #expect(result.errors.contains("cannot write"))
    }

    // MARK: refused snapshots

    enum BadSnapshot: String, CaseIterable, Sendable {
        case truncated, notJSON, foreign, newerVersion, unknownSchool, badDate, emptyFile, missingFile, wrongTypes
    }

    /// The bytes of a bad snapshot made from a good one, or nil for no file at all.
    private func bytes(_ kind: BadSnapshot, good: String) -> [UInt8]? {
        switch kind {
        case .truncated: return Array(good.utf8.prefix(good.utf8.count / 2))
        case .notJSON: return Array("this is not a snapshot\n".utf8)
        case .foreign: return Array(#"{"format": "something-else", "version": 1, "accounts": []}"#.utf8)
        case .newerVersion: return Array(good.replacingOccurrences(of: #""version": 1"#, with: #""version": 99"#).utf8)
        case .unknownSchool:
            return Array(good.replacingOccurrences(of: #""school": "6622001", "status""#, with: #""school": "6629999", "status""#).utf8)
        case .badDate: return Array(good.replacingOccurrences(of: #""date": "2027-07-25""#, with: #""date": "2027-02-30""#).utf8)
        case .emptyFile: return []
        case .missingFile: return nil
        case .wrongTypes: return Array(good.replacingOccurrences(of: #""content": 7"#, with: #""content": "seven""#).utf8)
        }
    }

    @Test(arguments: BadSnapshot.allCases)
    func badSnapshotIsRefusedAndTheStoreIsUntouched(_ kind: BadSnapshot) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let good = original()
        good.run("save \(folder.file("good.hwbs"))")
        let text = try folder.read("good.hwbs")
        let path = folder.file("bad.hwbs")
        if let bytes = bytes(kind, good: text) {
            #expect(bytes != Array(text.utf8), "the test did not spoil the snapshot")
            try folder.write("bad.hwbs", bytes: bytes)
        }

        let session = ShellSession(today: "2026-01-01")
        session.run(Scenarios.schools + "\n" + #"create jo name="Jo" category=governor school=6612001"# + "\nlogin champion 6612001")
        let before = ["export json -", "audit", "schools", "whoami", "date"].map { session.run($0).output }
        let result = session.run("load \(path)", file: "l.hwb")
        #expect(result.output == "")
        #expect(result.errors.hasPrefix("l.hwb:1:1: error: "))
        #expect(result.errors.contains(path))
        #expect(result.errorLines.count == 1)
        let after = ["export json -", "audit", "schools", "whoami", "date"].map { session.run($0).output }
        #expect(after == before)
    }

    @Test func newerVersionIsNamedInTheMessage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let good = original()
        good.run("save \(folder.file("good.hwbs"))")
        let text = try folder.read("good.hwbs").replacingOccurrences(of: #""version": 1"#, with: #""version": 2"#)
        let path = try folder.write("new.hwbs", text)
        let result = ShellSession().run("load \(path)")
        #expect(result.errors.contains("version 2"))
    }
}
