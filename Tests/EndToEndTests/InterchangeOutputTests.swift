import Foundation
import HwbTestSupport
import Testing

/// `export json -` and `export csv -` from the binary: the interchange formats on stdout,
/// readable by other tools.
@Suite struct InterchangeOutputTests {
    private func run(_ commands: String) throws -> Execution {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("setup.hwb", Scenarios.everyShape + "\n")
        try folder.write("export.hwb", commands + "\n")
        return try Executable.run(["--date", "2027-07-01", "setup.hwb", "export.hwb"], directory: folder.path)
    }

    @Test func exportJSONToStandardOutputIsTheInterchangeDocument() throws {
        let result = try run("export json -")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        // The setup's own output comes first; the document is the rest.
        let start = try #require(result.stdout.range(of: "{\"date\""))
        let text = String(result.stdout[start.lowerBound...])
        let document = try Interchange.parseJSON(text)
        #expect(Set(document.root.keys) == ["date", "accounts"])
        #expect(document.date == "2027-07-25")
        #expect(document.ids == Scenarios.everyShapeIDs)
        for account in document.accounts {
            #expect(Set(account.keys) == Set(Interchange.keys))
            #expect(account["school"] is String)
            #expect(!(account["content"] is String))
        }
        let st = try #require(document.account("st"))
        #expect(st["pendingSchool"] as? String == "6612002")
        #expect(Interchange.isNull(st["expires"]))
        #expect(Interchange.isNull(st["category"]))
        #expect(Interchange.isNull(st["closeAtExpiry"]))
        let ite = try #require(document.account("ite"))
        #expect(ite["closeAtExpiry"] as? Bool == true)
        #expect(Interchange.isNull(ite["role"]))
        #expect(Interchange.isNull(ite["deactivatedOn"]))
    }

    @Test func exportJSONWithFiltersOnlyPrintsTheDocument() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("setup.hwb", Scenarios.everyShape + "\n")
        try folder.write("s.hwb", "save s.hwbs\n")
        #expect(try Executable.run(["--date", "2027-07-01", "setup.hwb", "s.hwb"], directory: folder.path).status == 0)
        let result = try Executable.run(["-c", "load s.hwbs; export json - kind=mis status=deactivated"], directory: folder.path)
        #expect(result.status == 0)
        let lines = result.stdoutLines
        #expect(lines.first?.hasPrefix("loaded ") == true)
        let document = try Interchange.parseJSON(lines.dropFirst().joined(separator: "\n"))
        #expect(document.ids == ["st", "st2"])
    }

    @Test func exportCSVToStandardOutputIsRFC4180() throws {
        let result = try run("export csv - status=active")
        #expect(result.status == 0)
        let start = try #require(result.stdout.range(of: "id,name,kind"))
        let text = String(result.stdout[start.lowerBound...])
        let (header, rows) = try Interchange.csvRows(text)
        #expect(Set(header) == Set(Interchange.keys) && header.count == Interchange.keys.count)
        #expect(rows.map { $0["id"] ?? "" } == ["ite", "ln", "other", "zed"])
        #expect(rows.first { $0["id"] == "zed" }?["name"] == #"Zed, "Z" Ü"#)
        #expect(rows.first { $0["id"] == "ite" }?["closeAtExpiry"] == "true")
        #expect(rows.first { $0["id"] == "zed" }?["closeAtExpiry"] == "false")
        #expect(rows.first { $0["id"] == "ln" }?["closeAtExpiry"] == "")
    }

    @Test func exportedCSVImportsIntoAFreshProgram() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("setup.hwb", Scenarios.everyShape + "\nexport csv accounts.csv\nexport json before.json\n")
        #expect(try Executable.run(["--date", "2027-07-01", "setup.hwb"], directory: folder.path).status == 0)
        try folder.write("again.hwb", Scenarios.schools + "\nimport accounts accounts.csv\nexport json after.json\n")
        let result = try Executable.run(["--date", "2027-07-25", "again.hwb"], directory: folder.path)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(try folder.read("after.json") == (try folder.read("before.json")))
    }
}
