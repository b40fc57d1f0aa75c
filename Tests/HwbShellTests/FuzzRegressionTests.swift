import Foundation
import HwbCore
import HwbLanguage
@testable import HwbShell
@testable import HwbStorage
import HwbTestSupport
import Testing

/// The fuzzers' inputs, replayed through the entry points the fuzz targets feed: the
/// seeds of `Fuzz/Corpus/TARGET/` and every input that once made a target fail,
/// `Fuzz/Regressions/TARGET/`. Each ends in a result or one clean error, never a trap.
/// docs/robustness.md describes the targets.
@Suite struct FuzzRegressionTests {
    private static let fuzz = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    /// The seeds and the regressions of `target`, by file name.
    private static func inputs(_ target: String) -> [(name: String, bytes: [UInt8])] {
        var inputs: [(String, [UInt8])] = []
        for folder in ["Corpus", "Regressions"] {
            let url = fuzz.appendingPathComponent(folder).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() {
                guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) else { continue }
                inputs.append(("\(folder)/\(target)/\(name)", Array(data)))
            }
        }
        return inputs
    }

    /// A shell with four schools that prints errors as transcripts show them.
    private static func session() -> ShellSession {
        let session = ShellSession(today: "2027-07-01")
        session.run(Scenarios.schools)
        session.shell.errorStyle = .plain
        return session
    }

    /// What a session printed since its console was last emptied: its errors hold only
    /// `error: ...` lines and their detail.
    @discardableResult
    private static func expectClean(_ session: ShellSession, _ name: String) -> (output: String, errors: String) {
        let (output, errors) = (session.console.output, session.console.errors)
        #expect(errors.isEmpty || errors.hasPrefix("error: "), "\(name): \(errors)")
        return (output, errors)
    }

    @Test func theSeedsAreThere() {
        for target in ["FuzzCommandLine", "FuzzShell", "FuzzAccountImport", "FuzzSchoolImport", "FuzzSnapshot",
                       "FuzzJournal", "FuzzTranscript"] {
            #expect(!Self.inputs(target).isEmpty, "no seeds for \(target)")
        }
    }

    /// Parsed only, as FuzzCommandLine does: a seed may be `save FILE`.
    @Test func commandLinesParseOrSayWhy() {
        for (name, bytes) in Self.inputs("FuzzCommandLine") {
            switch ScriptText.decode(bytes) {
            case .failure(let error):
                #expect(!error.description.isEmpty, "\(name)")
            case .success(let line):
                for case .failure(let error) in Parser.parse(line: line, file: "fuzz", lineNumber: 1) {
                    #expect(!ShellError.parse(error).description.isEmpty, "\(name)")
                }
            }
        }
    }

    @Test func accountFilesImportOrSayWhy() {
        for (name, bytes) in Self.inputs("FuzzAccountImport") {
            let session = Self.session()
            session.console.reset()
            session.shell.fileOverrides = ["a.csv": bytes]
            session.shell.runLine(Array("import accounts a.csv".utf8), file: "fuzz", line: 1)
            let (output, errors) = Self.expectClean(session, name)
            #expect(output.hasPrefix("imported") || errors.hasPrefix("error: "), "\(name)")
        }
    }

    @Test func schoolFilesImportOrSayWhy() {
        for (name, bytes) in Self.inputs("FuzzSchoolImport") {
            let session = ShellSession(today: "2027-07-01")
            session.shell.errorStyle = .plain
            session.shell.fileOverrides = ["s.csv": bytes]
            session.shell.runLine(Array("import schools s.csv".utf8), file: "fuzz", line: 1)
            let (output, errors) = Self.expectClean(session, name)
            #expect(output.hasPrefix("imported") || errors.hasPrefix("error: "), "\(name)")
        }
    }

    @Test func snapshotsLoadOrSayWhy() {
        for (name, bytes) in Self.inputs("FuzzSnapshot") {
            do throws(FileError) {
                _ = try Snapshot.decode(bytes, path: "s.hwbsnap")
            } catch {
                #expect(error.description.hasPrefix("cannot load s.hwbsnap: "), "\(name): \(error)")
            }
        }
    }

    @Test func journalsReadAsTornDamagedOrWhole() {
        for (name, bytes) in Self.inputs("FuzzJournal") {
            let reading = JournalRecord.decodeAll(bytes)
            #expect(reading.soundLength >= 0 && reading.soundLength <= bytes.count, "\(name)")
            #expect(reading.problem != nil || reading.soundLength == bytes.count, "\(name)")
        }
    }

    @Test func journalsReplayWithoutATrap() {
        for (name, bytes) in Self.inputs("FuzzJournal") {
            let session = Self.session()
            do throws(ShellError) {
                // Records that would read or write files other than those they carry
                // are left out, as in the fuzz target.
                let records = JournalRecord.decodeAll(bytes).records.filter { record in
                    !record.attachments.isEmpty || !Self.touchesFiles(ArraySlice(record.command.utf8))
                }
                try session.shell.replay(records)
            } catch {
                Issue.record("\(name): \(error)")
            }
        }
    }

    /// FuzzJournal: a record numbered past `Int.max` (a journal with right checksums that
    /// hwbsh did not write) trapped when it was replayed, turning its number into a line
    /// number; hwbsh then could not open the store at all. Fuzz/Regressions/FuzzJournal/
    /// huge-sequence.journal is such a journal.
    @Test(arguments: [UInt64(Int.max) + 1, UInt64.max])
    func aRecordNumberedPastIntMaxIsReplayed(sequence: UInt64) throws {
        let session = Self.session()
        let record = JournalRecord(sequence: sequence, actor: "service-desk", command: "date set 2027-07-02")
        try session.shell.replay([record])
        #expect(session.shell.store.today == Fixtures.date("2027-07-02"))
    }

    @Test func transcriptsReadAndReadTheSameAgain() {
        for (name, bytes) in Self.inputs("FuzzTranscript") {
            guard let text = try? FileAccess.text(bytes, path: name) else { continue }
            let transcript = Transcript(parsing: text)
            #expect(Transcript(parsing: transcript.text) == transcript, "\(name)")
        }
    }

    @Test func scriptsRunOrSayWhy() {
        for (name, bytes) in Self.inputs("FuzzShell") {
            // Lines that would read or write files (the seeds' save, export, import) are
            // left out, as in the fuzz target.
            let lines = bytes.split(separator: 10, omittingEmptySubsequences: false).filter { !Self.touchesFiles($0) }
            let session = ShellSession(today: "2027-07-01")
            session.shell.errorStyle = .plain
            for (index, line) in lines.enumerated() {
                session.console.reset()
                session.shell.runLine(Array(line), file: name, line: index + 1)
                Self.expectClean(session, name)
            }
        }
    }

    /// Whether a command on the line reads or writes a file.
    private static func touchesFiles(_ line: ArraySlice<UInt8>) -> Bool {
        guard case .success(let text) = ScriptText.decode(Array(line)) else { return false }
        return Parser.parse(line: text, file: "fuzz", lineNumber: 1).contains { result in
            switch try? result.get().command {
            case .save?, .load?, .run?, .importAccounts?, .importSchools?: true
            case .export(_, let path, _)?: path != "-"
            default: false
            }
        }
    }

    /// A store whose journal's last record is numbered 2^64 - 1 opened, then trapped on
    /// the next change (`sequence + 1`); the change is now refused with one error.
    @Test func aJournalWhoseNumbersAreUsedUpRefusesTheNextChange() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let created = try Executable.run(["--date", "2027-07-01", "--store", "s.hwbs", "-c", "date"], directory: folder.path)
        try #require(created.status == 0)
        let last = JournalRecord(sequence: .max, actor: "service-desk", command: "school add 6612001 name=A")
        _ = try folder.write("s.hwbs.journal", bytes: JournalLayout.header + last.encoded())
        let result = try Executable.run(["--store", "s.hwbs", "-c", "school add 6612002 name=B"], directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("its record numbers are used up"), "\(result.stderr)")
        let reopened = try Executable.run(["--store", "s.hwbs", "-c", "schools"], directory: folder.path)
        #expect(reopened.stdout.contains("6612001") && !reopened.stdout.contains("6612002"), "\(reopened.stdout)")
    }

    /// FuzzSnapshot: a head (with its checksum made right) claiming a block of nearly
    /// 2^64 bytes trapped on an overflow while the "truncated" message was worded.
    /// Fuzz/Regressions/FuzzSnapshot/block-length-overflow.hwbsnap is such a file; here
    /// its head's checksum is made right, as the fuzz target does.
    @Test func aBlockLengthPastAnyFileIsRefused() throws {
        var bytes = try #require(Self.inputs("FuzzSnapshot").first { $0.name.hasSuffix("block-length-overflow.hwbsnap") }?.bytes)
        let header = Snapshot.headerSize
        let headLength = Int(bytes[16..<24].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        try #require(header + headLength <= bytes.count)
        let sum = Checksum.of(bytes[header..<header + headLength])
        for index in 0..<8 { bytes[24 + index] = UInt8(truncatingIfNeeded: sum >> UInt64(8 * index)) }
        do throws(FileError) {
            _ = try Snapshot.decode(bytes, path: "s.hwbsnap")
            Issue.record("a forged head was loaded")
        } catch {
            #expect(error.description.hasPrefix("cannot load s.hwbsnap: "), "\(error)")
        }
    }
}
