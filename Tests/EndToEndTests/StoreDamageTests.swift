import Foundation
import HwbTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Damage

extension StoreDurabilityTests {
    /// A damaged journal never loses an acknowledged change quietly: only a torn tail after
    /// the last sound record is dropped (with a warning naming its bytes); damage with a
    /// sound record after it stops the opening and changes nothing on disk.
    @Suite struct Damage {
        /// Three acknowledged `school add`s, then a kill: the case of the issue.
        private static let schools = (1...3).map { #"school add 661200\#($0) name="Ysgol \#($0)""# }

        /// Twelve changing commands of every kind the journal records.
        private static let twelve = [
            schoolLine, createLine("u1"), createLine("u2"), "content u1 3", "keep u1 1m", "date advance 1d",
            createLine("u3"), "signin u2", "content u3 7", "date advance 1d", "login la-admin 661", "login service-desk",
        ]

        /// Every byte of each record's length field, and the journal's first byte, changed
        /// in three ways: all three schools come back, or the opening is refused with the
        /// files as they were, or (the last record only) that record is dropped with a warning.
        @Test func aChangedLengthByteLosesNoAcknowledgedRecord() throws {
            let (store, states) = try StoreFixture.killed(after: Self.schools, name: "s.hwbsnap")
            defer { store.remove() }
            let journal = try #require(StoreFiles.bytes(store.files.journal))
            let snapshot = try #require(StoreFiles.bytes(store.path))
            let records = store.files.journalRecords.records
            try #require(records.count == 3)
            var failures: [String] = []
            let positions = [0] + records.flatMap(\.lengthField)
            for position in positions {
                for change: UInt8 in [0x01, 0x80, 0xFF] {
                    var bad = journal
                    bad[position] ^= change
                    try StoreFiles.write(snapshot, to: store.path)
                    try StoreFiles.write(bad, to: store.files.journal)
                    if let failure = try judgeOpening(store, states: states, lastRecordDamaged: records[2].range.contains(position)) {
                        failures.append("byte \(position) ^ \(change): \(failure)")
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.count) of \(positions.count * 3) changes mishandled:\n\(failures.prefix(5).joined(separator: "\n"))")
        }

        /// Every byte of a journal of twelve records changed, one at a time (on two copies
        /// of the store at once, half the bytes each).
        @Test func everyChangedByteIsFoundAndNoRecordIsLostQuietly() throws {
            let (store, states) = try StoreFixture.killed(after: Self.twelve)
            let copy = try StoreFixture()
            defer {
                store.remove()
                copy.remove()
            }
            let journal = try #require(StoreFiles.bytes(store.files.journal))
            let snapshot = try #require(StoreFiles.bytes(store.path))
            let last = try #require(store.files.journalRecords.records.last)
            let changes: [UInt8] = [0xFF, 0x01, 0x80, 0x10, 0x5A]
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: 2) { lane in
                let fixture = lane == 0 ? store : copy
                for position in stride(from: lane, to: journal.count, by: 2) {
                    var bad = journal
                    let change = changes[position % changes.count]
                    bad[position] ^= change
                    let failure: String?
                    do {
                        try StoreFiles.write(snapshot, to: fixture.path)
                        try StoreFiles.write(bad, to: fixture.files.journal)
                        failure = try judgeOpening(fixture, states: states, lastRecordDamaged: last.range.contains(position))
                    } catch {
                        failure = "\(error)"
                    }
                    if let failure { failures.add("byte \(position) ^ \(change): \(failure)") }
                }
            }
            let found = failures.list
            #expect(found.isEmpty, "\(found.count) of \(journal.count) changed bytes mishandled:\n\(found.prefix(5).joined(separator: "\n"))")
        }

        /// A journal cut short, or followed by what a power cut can leave (zeros, or any
        /// bytes): dropped with a warning that names the bytes, the records before kept.
        @Test(arguments: [TornTail.cut, .zeros, .header])
        func aTornTailIsDroppedWithAWarningNamingItsBytes(_ tail: TornTail) throws {
            let (store, states) = try StoreFixture.killed(after: [schoolLine, createLine("u1"), "content u1 4"])
            defer { store.remove() }
            let journal = try #require(StoreFiles.bytes(store.files.journal))
            let records = store.files.journalRecords.records
            let (bytes, kept): ([UInt8], Int) = switch tail {
            case .cut: (Array(journal[..<(records[2].range.lowerBound + 9)]), 2)
            case .zeros: (journal + [UInt8](repeating: 0, count: 4096), 3)
            case .header: (Array(journal[..<10]), 0)
            }
            try StoreFiles.write(bytes, to: store.files.journal)
            let dropped = bytes.count - (kept == 0 ? 0 : records[kept - 1].range.upperBound)
            let reopened = try store.reopen()
            #expect(reopened.status == 0)
            #expect(reopened.stderr == "hwbsh: warning: \(store.files.journal): dropped a torn last record (\(dropped) bytes written when hwbsh stopped)\n")
            #expect(reopened.stdout == states[kept], "\(firstDifference(reopened.stdout, states[kept]))")
        }

        enum TornTail: String, Sendable, CaseIterable { case cut, zeros, header }

        /// Failures found by lanes running at once.
        private final class Failures: @unchecked Sendable {
            private let lock = NSLock()
            private var found: [String] = []
            var list: [String] { lock.withLock { found } }
            func add(_ failure: String) { lock.withLock { found.append(failure) } }
        }

        /// A journal of 2 GiB, mostly a hole: on its own it is not a journal and is refused;
        /// after sound records it is a torn tail and is dropped. Either in under 50 MB
        /// (measured by /usr/bin/time, which scripts/test installs), the journal never read whole.
        @Test(arguments: [false, true])
        func aTwoGiBSparseJournalIsDealtWithWithoutReadingItWhole(_ afterRecords: Bool) throws {
            let (store, states) = try StoreFixture.killed(after: [schoolLine, createLine("u1")])
            defer { store.remove() }
            let size = 2 << 30
            let good = afterRecords ? try #require(StoreFiles.bytes(store.files.journal)) : []
            try StoreFiles.write(good, to: store.files.journal)
            try #require(truncate(store.files.journal, off_t(size)) == 0)
            let snapshot = StoreFiles.bytes(store.path)

            // GNU time says how much memory hwbsh itself used (a process spawned from this
            // one starts its count with this one's memory).
            let measure = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
            let memory = store.folder.file("memory")
            let arguments = store.arguments(["--keep-going", "-c", "whoami; export json -; audit"])
            let process = measure
                ? try StoreProcess(["-f", "%M", "-o", memory, Executable.path] + arguments, executable: "/usr/bin/time")
                : try StoreProcess(arguments)
            let result = process.finish()
            if measure {
                let report = try String(contentsOfFile: memory, encoding: .utf8)
                try FileManager.default.removeItem(atPath: memory)
                let kilobytes = report.split(separator: "\n").last.flatMap { Int($0) }
                #expect(try #require(kilobytes, "\(report)") < 50_000, "it used \(kilobytes ?? 0) KB")
            }
            if afterRecords {
                #expect(result.status == 0)
                #expect(result.stderr == "hwbsh: warning: \(store.files.journal): dropped a torn last record (\(size - good.count) bytes written when hwbsh stopped)\n")
                #expect(result.stdout == states.last!)
            } else {
                #expect(result.status == 1)
                #expect(result.stdout == "")
                #expect(result.stderrLines.count == 1)
                #expect(result.stderr.contains("\(store.files.journal) is not an hwbsh journal"), "\(result.stderr)")
                var info = stat()
                #expect(stat(store.files.journal, &info) == 0 && Int(info.st_size) == size, "the journal is left as it was")
                #expect(StoreFiles.bytes(store.path) == snapshot)
            }
        }
    }
}

/// Opens `store` as its journal now is and says what is wrong with the outcome, or nil for
/// one the journal's rule allows: every record replayed (`states.last`); or a refusal in one
/// line with the files on disk as they were; or, when the last record is the damaged one,
/// that record dropped with a warning.
func judgeOpening(_ store: StoreFixture, states: [String], lastRecordDamaged: Bool) throws -> String? {
    let before = store.files.contents
    let reopened = try store.reopen()
    if reopened.status == 0, reopened.stderr == "", reopened.stdout == states.last! { return nil }
    if reopened.status == 1, reopened.stdout == "", reopened.stderrLines.count == 1 {
        return store.files.contents == before ? nil : "refused (\(reopened.stderr.debugDescription)) but the files changed"
    }
    if lastRecordDamaged, reopened.status == 0, reopened.stderrLines.count == 1,
       reopened.stderr.contains("dropped a torn last record"), reopened.stdout == states[states.count - 2] {
        return nil
    }
    return "status \(reopened.status), stderr \(reopened.stderr.debugDescription), against every record: \(firstDifference(reopened.stdout, states.last!))"
}

// MARK: - Recovery

extension StoreDurabilityTests {
    /// `--recover`: keeps the sound records before the damage and moves the damaged journal
    /// aside (never overwriting one moved before), then opens the store.
    @Suite struct Recover {
        private static let commands = [schoolLine, createLine("u1"), "content u1 3", "keep u1 1m", "date advance 1d", createLine("u2")]

        /// The store of `commands`, its fourth record's length changed.
        private func damagedStore() throws -> (StoreFixture, [String], damaged: [UInt8]) {
            let (store, states) = try StoreFixture.killed(after: Self.commands)
            var journal = try #require(StoreFiles.bytes(store.files.journal))
            let fourth = store.files.journalRecords.records[3]
            journal[fourth.lengthField.lowerBound] ^= 0x01
            try StoreFiles.write(journal, to: store.files.journal)
            return (store, states, journal)
        }

        @Test func recoverKeepsTheSoundRecordsAndMovesTheJournalAside() throws {
            let (store, states, damaged) = try damagedStore()
            defer { store.remove() }
            let snapshot = try #require(StoreFiles.bytes(store.path))
            let refused = try store.reopen()
            #expect(refused.status == 1)
            #expect(refused.stderrLines == ["hwbsh: error: \(store.files.journal): record 4 is damaged and sound records follow it; nothing was opened or changed. To keep the 3 records before it and move the journal aside, run hwbsh --store \(store.path) --recover"])

            let recovered = try store.reopen(options: ["--recover", "--yes"])
            let aside = store.files.journal + ".damaged-1"
            #expect(recovered.status == 0)
            #expect(recovered.stderrLines == ["hwbsh: warning: \(store.files.journal): kept its 3 sound records; the damaged journal is now \(aside)"])
            #expect(recovered.stdout == states[3], "\(firstDifference(recovered.stdout, states[3]))")
            #expect(StoreFiles.bytes(aside) == damaged, "the damaged journal is kept as it was")
            #expect(try store.reopen().stdout == states[3])

            // The same damage again: a second name, the first left alone.
            try StoreFiles.write(snapshot, to: store.path)
            try StoreFiles.write(damaged, to: store.files.journal)
            let again = try store.reopen(options: ["--recover", "--yes"])
            #expect(again.status == 0)
            #expect(again.stderr.contains("the damaged journal is now \(store.files.journal).damaged-2"), "\(again.stderr)")
            #expect(StoreFiles.bytes(aside) == damaged)
            #expect(StoreFiles.bytes(store.files.journal + ".damaged-2") == damaged)
            #expect(again.stdout == states[3])
        }

        @Test func withoutATerminalRecoverAsksForYes() throws {
            let (store, _, _) = try damagedStore()
            defer { store.remove() }
            let before = store.files.contents
            let result = try store.reopen(options: ["--recover"])
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(result.stderrLines == ["hwbsh: error: --recover asks before it moves \(store.files.journal) aside, and standard input is not a terminal: add --yes to go ahead"])
            #expect(store.files.contents == before, "nothing changed")
        }

        @Test func aSoundJournalIsLeftAsItIs() throws {
            let (store, states) = try StoreFixture.killed(after: Self.commands)
            defer { store.remove() }
            let result = try store.reopen(options: ["--recover", "--yes"])
            #expect(result.status == 0)
            #expect(result.stderrLines == ["hwbsh: warning: --recover: \(store.files.journal) is not damaged, so nothing was moved"])
            #expect(result.stdout == states.last!)
            #expect(!FileManager.default.fileExists(atPath: store.files.journal + ".damaged-1"))
        }

        @Test func recoverNeedsAStore() throws {
            let result = try StoreProcess.run(["--recover", "-c", "date"])
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("hwbsh: --recover needs --store FILE"), "\(result.stderr)")
        }
    }
}

// MARK: - Journals of an earlier hwbsh

extension StoreDurabilityTests {
    /// Tests/Fixtures/journal-v1 holds a store left by an hwbsh that wrote version 1
    /// journals (no header; records of length, checksum, payload): `make.hwb` was piped to
    /// `hwbsh --store store.hwbsnap --date 2027-07-01`, which was killed before it could fold
    /// its journal; `expected.txt` is what that hwbsh printed on reopening it
    /// (`whoami; export json -; audit`).
    @Suite struct EarlierJournal {
        static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/journal-v1").path

        private func copy() throws -> StoreFixture {
            let store = try StoreFixture(name: "store.hwbsnap")
            try FileManager.default.copyItem(atPath: Self.fixtures + "/store.hwbsnap", toPath: store.path)
            try FileManager.default.copyItem(atPath: Self.fixtures + "/store.hwbsnap.journal", toPath: store.files.journal)
            return store
        }

        @Test func aVersion1JournalOpensAsItWasWritten() throws {
            let store = try copy()
            defer { store.remove() }
            try #require(store.files.journalRecords.records.count > 3, "the fixture holds records to replay")
            let expected = try String(contentsOfFile: Self.fixtures + "/expected.txt", encoding: .utf8)
            let reopened = try store.reopen()
            #expect(reopened.status == 0)
            #expect(reopened.stderr == "")
            #expect(reopened.stdout == expected, "\(firstDifference(reopened.stdout, expected))")
        }

        /// A record written after opening a version 1 journal, then a kill: the journal the
        /// kill leaves reads back whole (the old records already folded, the new one in a
        /// version 2 journal).
        @Test func aRecordAddedToAVersion1JournalIsKept() throws {
            let store = try copy()
            defer { store.remove() }
            let session = try StoreProcess(store.arguments())
            session.send("date advance 1d")
            #expect(session.waitForOutput(endingWith: "\n"))
            #expect(session.errors == "")
            #expect(session.kill().status == SIGKILL)
            let journal = try #require(StoreFiles.bytes(store.files.journal))
            #expect(journal.starts(with: StoreFiles.journalMagic), "the new record starts a version 2 journal")

            // The same change made to another copy in one clean session.
            let other = try copy()
            defer { other.remove() }
            let clean = try other.run("date advance 1d; whoami; export json -; audit", options: ["--keep-going"])
            let expected = String(clean.stdout.drop { $0 != "\n" }.dropFirst())
            let reopened = try store.reopen()
            #expect(reopened.status == 0)
            #expect(reopened.stderr == "")
            #expect(reopened.stdout == expected, "\(firstDifference(reopened.stdout, expected))")
        }

        /// The damage of the issue in a version 1 journal: refused, the files as they were.
        @Test func aVersion1JournalWithAChangedLengthIsRefused() throws {
            let store = try copy()
            defer { store.remove() }
            let journal = try #require(StoreFiles.bytes(store.files.journal))
            let records = store.files.journalRecords.records
            for record in records.dropLast() {
                var bad = journal
                bad[record.lengthField.lowerBound] ^= 0x01
                try StoreFiles.write(bad, to: store.files.journal)
                let before = store.files.contents
                let reopened = try store.reopen()
                #expect(reopened.status == 1, "record at \(record.range): \(reopened.stderr)")
                #expect(reopened.stderrLines.count == 1)
                #expect(store.files.contents == before, "record at \(record.range): the files changed")
            }
        }

        /// Many records zeroed between two sound ones: the last sound record is found
        /// however many were lost before it (it once had to lie within the bytes after it).
        @Test func aVersion1JournalWithZeroedRecordsBeforeASoundOneIsRefused() throws {
            let store = try copy()
            defer { store.remove() }
            var journal = try #require(StoreFiles.bytes(store.files.journal))
            let records = store.files.journalRecords.records
            try #require(records.count >= 3)
            for index in records[1].range.lowerBound..<records[records.count - 2].range.upperBound { journal[index] = 0 }
            try StoreFiles.write(journal, to: store.files.journal)
            let before = store.files.contents
            let reopened = try store.reopen()
            #expect(reopened.status == 1, "\(reopened.stderr)")
            #expect(reopened.stderr.contains("is damaged"), "\(reopened.stderr)")
            #expect(store.files.contents == before)
        }
    }
}

// MARK: - Hard links

extension StoreDurabilityTests {
    /// A store named through a hard link is the same store: it shares the lock, and its
    /// files are known by what they are, not by their names.
    @Suite struct HardLinks {
        @Test func aSecondHwbshThroughAHardLinkIsRefused() throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let model = ReferenceShell()
            let first = try store.session(model)
            first.acknowledge([schoolLine, createLine("u1")])
            let link = store.folder.file("link.hwbs")
            try #require(Glibc.link(store.path, link) == 0)
            let refusal = "hwbsh: error: \(link) is in use by another hwbsh (pid \(first.process.pid)); close that session first"

            let second = try StoreProcess.run(["--store", link, "--date", StoreFixture.date, "-c", "whoami; export json -; audit"])
            #expect(second.status == 1, "a second hwbsh reached the store in use through a hard link; it saw \(second.stdout)")
            #expect(second.stderrLines == [refusal])

            // After a fold (a new snapshot file), a new link to it is refused too.
            first.acknowledge(["save \(store.path)", "keep u1 1m"])
            let later = store.folder.file("later.hwbs")
            try #require(Glibc.link(store.path, later) == 0)
            let third = try StoreProcess.run(["--store", later, "--date", StoreFixture.date, "-c", "date"])
            #expect(third.status == 1)
            #expect(third.stderrLines == [refusal.replacingOccurrences(of: link, with: later)])

            #expect(first.finish().status == 0)
            let reopened = try store.reopen()
            #expect(reopened.stdout == model.state, "\(firstDifference(reopened.stdout, model.state))")
        }

        /// `save` and `export` onto a hard link of the journal, the lock or the snapshot are
        /// refused as they are by the files' own names.
        @Test(arguments: ["save", "export json"], OwnFiles.Target.allCases)
        func theStoresFilesAreKnownThroughHardLinks(_ verb: String, _ target: OwnFiles.Target) throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let model = ReferenceShell()
            let session = try store.session(model, options: ["--keep-going"])
            session.acknowledge([schoolLine, createLine("u1")])
            let original = switch target {
            case .snapshot: store.path
            case .journal: store.files.journal
            case .lock: store.files.lock
            }
            let link = store.folder.file("other")
            try #require(Glibc.link(original, link) == 0)
            let attempt = session.attempt("\(verb) \(link)")
            #expect(attempt.output == "")
            #expect(attempt.errors.contains("cannot \(verb.split(separator: " ")[0]) to \(link): it is "), "\(attempt.errors)")
            #expect(attempt.errors.contains("\(target.rawValue) of the store opened with --store"), "\(attempt.errors)")
            session.acknowledge("keep u1 1m")
            #expect(session.finish().status == 1, "the refused command makes the exit status 1")
            let reopened = try store.reopen()
            #expect(reopened.stderr == "")
            #expect(reopened.stdout == model.state, "\(firstDifference(reopened.stdout, model.state))")
        }
    }
}

extension StoreFiles {
    /// Every file in the store's folder but the lock (which each hwbsh rewrites with its
    /// pid), by name: what a refused opening must leave as it was.
    var contents: [String: [UInt8]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var files: [String: [UInt8]] = [:]
        for name in names where !name.hasSuffix(".lock") {
            files[name] = StoreFiles.bytes(folder + "/" + name) ?? []
        }
        return files
    }
}
