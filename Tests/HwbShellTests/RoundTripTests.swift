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
        // (A line break is a control character, which a name may not hold; a tab it may.)
        let names = [" leading and trailing ", "tab\tinside", "comma, \"quote\"", "Siân Ŵyn 🙂", "=1+2", "back\\slash"]
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

    @Test func saveToAMissingFolderIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = original().run("save \(folder.file("no/such/s.hwbs"))")
        #expect(result.output == "")
        #expect(result.errors.contains("cannot write"))
    }
}
