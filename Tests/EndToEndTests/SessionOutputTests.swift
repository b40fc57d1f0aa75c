import Foundation
import HwbTestSupport
import Testing

/// Output where it is wanted: `output FILE` and `once FILE` (files 0600, never through a
/// link, never the store's own), the echo of scripts, the timer, and the startup file
/// that scripts never read.
@Suite struct SessionOutputTests {
    static let school = #"school add 6612001 name="Ysgol y Môr"; create jo name="Jo Bloggs" category=governor school=6612001"#

    private func run(_ commands: String, in folder: String, options: [String] = []) throws -> Execution {
        try Executable.run(["--date", "2027-07-20"] + options + ["-c", commands], directory: folder)
    }

    private func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    private func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func outputSendsWhatCommandsPrintToAFileUntilOutputAlone() throws {
        let folder = try Executable.temporaryDirectory()
        let result = try run("\(Self.school); output out.txt; list; count; output; date", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        // The screen has the confirmations and what came after, not the listing.
        #expect(result.stdout.contains("output goes to out.txt until output alone\n"))
        #expect(result.stdout.contains("output goes to the screen again; out.txt is complete\n2027-07-20\n"))
        #expect(!result.stdout.contains("Jo Bloggs"))
        let file = try contents(folder + "/out.txt")
        #expect(file.hasPrefix("ID  NAME       KIND     TYPE      SCHOOL   STATUS  DATES\njo  Jo Bloggs  non-mis  governor"))
        #expect(file.hasSuffix("1 account\n1\n"))
        #expect(try mode(folder + "/out.txt") == 0o600)
    }

    @Test func outputToAnotherFileClosesTheFirst() throws {
        let folder = try Executable.temporaryDirectory()
        let result = try run("output a.txt; date; output b.txt; print in b; output", in: folder)
        #expect(result.stdout == """
            output goes to a.txt until output alone
            output goes to b.txt until output alone
            output goes to the screen again; b.txt is complete

            """)
        #expect(try contents(folder + "/a.txt") == "2027-07-20\n")
        #expect(try contents(folder + "/b.txt") == "in b\n")
    }

    @Test func onceSendsOnlyTheNextCommand() throws {
        let folder = try Executable.temporaryDirectory()
        let result = try run("\(Self.school); format csv; once jo.csv; list; date", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("the next command's output goes to jo.csv\n2027-07-20\n"))
        let file = try contents(folder + "/jo.csv")
        #expect(file.hasPrefix("id,name,kind,school,status"))
        #expect(file.contains("\njo,Jo Bloggs,non-mis,6612001,active"))
        #expect(try mode(folder + "/jo.csv") == 0o600)
    }

    @Test func anOutputFileReplacesALinkInsteadOfWritingThroughIt() throws {
        let folder = try Executable.temporaryDirectory()
        try "keep me\n".write(toFile: folder + "/target.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/out.txt", withDestinationPath: folder + "/target.txt")
        let result = try run("output out.txt; date; output", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try contents(folder + "/target.txt") == "keep me\n")
        #expect(try contents(folder + "/out.txt") == "2027-07-20\n")
    }

    @Test func outputIsRefusedOntoAFolderOrTheStoresOwnFiles() throws {
        let folder = try Executable.temporaryDirectory()
        let intoFolder = try run("output .; date", in: folder)
        #expect(intoFolder.status == 1)
        #expect(intoFolder.stderr == "-c:1:1: error: cannot write .: it is a directory\n")
        #expect(intoFolder.stdout == "")
        let store = try run("\(Self.school); output s.hwbs; once s.hwbs.journal", in: folder, options: ["--store", "s.hwbs", "--keep-going"])
        #expect(store.status == 1)
        #expect(store.stderr.contains("error: cannot write output to s.hwbs: it is the snapshot of the store opened with --store\n"), "\(store.stderr)")
        #expect(store.stderr.contains("error: cannot write output to s.hwbs.journal: it is the journal of the store opened with --store\n"), "\(store.stderr)")
        // The store is whole: it opens again with Jo in it.
        let reopened = try run("count", in: folder, options: ["--store", "s.hwbs"])
        #expect(reopened.stdout == "1\n", "\(reopened.stderr)")
    }

    @Test func onceInsideARunTakesTheNextCommandOfTheScript() throws {
        let folder = try Executable.temporaryDirectory()
        try "once inner.txt\ndate\nprint after\n".write(toFile: folder + "/s.hwb", atomically: true, encoding: .utf8)
        let result = try run("run s.hwb; print last", in: folder)
        #expect(result.stdout == "the next command's output goes to inner.txt\nafter\nlast\n", "\(result.stderr)")
        #expect(try contents(folder + "/inner.txt") == "2027-07-20\n")
    }

    @Test func outputCannotReplaceTheTranscriptBeingRecorded() throws {
        let folder = try Executable.temporaryDirectory()
        let result = try Executable.run(["--date", "2027-07-20", "--record", "s.t"], stdin: "date\noutput s.t\n", directory: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: cannot write output to s.t: it is the transcript being recorded"), "\(result.stderr)")
        #expect(try contents(folder + "/s.t").contains("> date\n2027-07-20\n"))
    }

    @Test func aRecordingWithTheEchoOnReplaysToItself() throws {
        let folder = try Executable.temporaryDirectory()
        let live = try Executable.run(["--date", "2027-07-20", "--record", "e.t"], stdin: "echo on\ndate\n", directory: folder)
        #expect(live.stdout.contains("date\n2027-07-20\n"), "the echo shows: \(live.stdout)")
        let check = try Executable.run(["test", "e.t"], directory: folder)
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func echoPrintsEachCommandOfAScriptBeforeItsOutput() throws {
        let folder = try Executable.temporaryDirectory()
        let result = try run(#"echo on; date; print "hello  world"; echo off; date"#, in: folder)
        #expect(result.stdout == """
            echo on: scripts print each command before its output
            date
            2027-07-20
            print "hello  world"
            hello  world
            echo off
            echo off
            2027-07-20

            """)
    }

    @Test func theTimerPrintsHowLongEachCommandTook() throws {
        let folder = try Executable.temporaryDirectory()
        let result = try run("timer on; date; timer off; date", in: folder)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(lines)")
        #expect(lines[0] == "timer on: the time each command takes is printed after it")
        #expect(lines[1] == "2027-07-20")
        #expect(lines[2].wholeMatch(of: #/time: \d+ ms/#) != nil, "\(lines[2])")
        // From `timer off` on, nothing is timed.
        #expect(lines[3] == "timer off")
        #expect(lines[4] == "2027-07-20")
    }

    @Test func scriptsNeverReadTheStartupFile() throws {
        let folder = try Executable.temporaryDirectory()
        try "format csv\n".write(toFile: folder + "/.hwbshrc", atomically: true, encoding: .utf8)
        let result = try Executable.run(
            ["--date", "2027-07-20", "-c", "settings"], stdin: "", environment: ["HOME": folder], directory: folder)
        #expect(result.stdout.contains("format   auto"), "\(result.stdout)")
    }
}
