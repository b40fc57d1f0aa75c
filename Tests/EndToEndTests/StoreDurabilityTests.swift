import Foundation
import HwbTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The durability of `--store` (the store issue): a change hwbsh has reported as done
/// survives a killed terminal, a full disk or a power cut; the snapshot is never left
/// corrupt; a second hwbsh is kept out. Everything runs the built binary on real files.
///
/// A `ReferenceShell` (an interpreter in memory, no files) is the model: it is fed exactly
/// the commands hwbsh acknowledged, and a reopened store must show what it shows.
/// The random crash test is in StoreCrashTests.swift.
///
/// A read-only folder: the tests run as root, for whom chmod does not make a folder
/// read-only, so `aReadOnlyFolderLosesNothingAndSaysWhy` runs hwbsh as nobody (setpriv).
@Suite(.serialized) struct StoreDurabilityTests {}

// MARK: - Helpers

/// One store in a folder of its own, and the ways the tests run hwbsh on it.
struct StoreFixture {
    static let date = "2027-07-01"
    let folder: TemporaryFolder
    let files: StoreFiles
    var path: String { files.path }

    init(name: String = "s.hwbs") throws {
        folder = try TemporaryFolder()
        files = StoreFiles(folder.file(name))
    }

    func arguments(_ more: [String] = []) -> [String] {
        ["--store", path, "--date", Self.date] + more
    }

    /// Runs `-c commands` on the store, to the end.
    func run(_ commands: String, options: [String] = [], environment: [String: String] = [:]) throws -> Execution {
        try StoreProcess.run(arguments(options + ["-c", commands]), environment: environment)
    }

    /// What the store holds, as a fresh process sees it: `whoami; export json -; audit`.
    func reopen(options: [String] = [], directory: String? = nil) throws -> Execution {
        try StoreProcess.run(arguments(options + ["--keep-going", "-c", "whoami; export json -; audit"]), directory: directory)
    }

    /// A session fed through a pipe, checked against `model`.
    func session(_ model: ReferenceShell, options: [String] = [], environment: [String: String] = [:],
                 directory: String? = nil, executable: String = Executable.path, prefix: [String] = []) throws -> DrivenSession {
        DrivenSession(
            try StoreProcess(prefix + arguments(options), environment: environment, directory: directory, executable: executable),
            model: model)
    }

    func remove() { folder.remove() }

    /// A store whose journal holds one record per command of `commands` (the session was
    /// killed, so nothing was folded into the snapshot), with the model's state before the
    /// first command and after each.
    static func killed(after commands: [String], name: String = "s.hwbs",
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> (StoreFixture, [String]) {
        let store = try StoreFixture(name: name)
        let model = ReferenceShell()
        var states = [model.state]
        let session = try store.session(model)
        for command in commands {
            session.acknowledge(command, sourceLocation: sourceLocation)
            states.append(model.state)
        }
        let killed = session.kill()
        #expect(killed.status == SIGKILL, sourceLocation: sourceLocation)
        #expect(store.files.journalRecords.records.map(\.sequence) == (1...UInt64(commands.count)).map { $0 },
                "the journal holds one record per changing command", sourceLocation: sourceLocation)
        return (store, states)
    }
}

/// A piped hwbsh session driven one command at a time, with the model fed the same
/// commands: each result must arrive, and be what the model printed, before the next is sent.
final class DrivenSession {
    let process: StoreProcess
    let model: ReferenceShell
    /// Everything the session should have printed so far, on each stream.
    private(set) var expected = ""
    private(set) var expectedErrors = ""

    init(_ process: StoreProcess, model: ReferenceShell) {
        self.process = process
        self.model = model
    }

    /// Sends `command`, which the model accepts, and waits for its result. False (with an
    /// issue recorded) when the result is not the model's.
    @discardableResult
    func acknowledge(_ command: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let result = model.run(command)
        #expect(result.errors == "", "the model refuses the test's own command `\(command)`", sourceLocation: sourceLocation)
        expected += result.output
        process.send(command)
        let (outputBytes, errorBytes) = (expected.utf8.count, expectedErrors.utf8.count)
        process.wait(timeout: 20) { out, err in out.count >= outputBytes || err.count > errorBytes }
        let (output, errors) = process.snapshot()
        #expect(errors == expectedErrors, "`\(command)`: unexpected standard error", sourceLocation: sourceLocation)
        #expect(output == expected, "`\(command)`: the output is not the model's", sourceLocation: sourceLocation)
        return errors == expectedErrors && output == expected
    }

    func acknowledge(_ commands: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for command in commands where !acknowledge(command, sourceLocation: sourceLocation) { return }
    }

    /// Sends a command hwbsh may refuse, without the model; returns what it printed on each
    /// stream (the output is then counted as expected). It waits for the command's end:
    /// its result (hwbsh prints it once the command, and any fold after it, is done) or its
    /// refusal. A warning alone (a failed fold, printed as it happens) is not the end.
    func attempt(_ command: String) -> (output: String, errors: String) {
        let before = process.snapshot()
        let (outputBytes, errorBytes) = (before.output.utf8.count, before.errors.utf8.count)
        process.send(command)
        process.wait(timeout: 20) { out, err in
            out.count > outputBytes
                || err.count > errorBytes && err.last == 10 && String(decoding: err[errorBytes...], as: UTF8.self).contains("error: ")
        }
        usleep(20_000) // anything else it prints for the same command
        let after = process.snapshot()
        let output = String(after.output.dropFirst(before.output.count))
        let errors = String(after.errors.dropFirst(before.errors.count))
        expected += output
        expectedErrors += errors
        return (output, errors)
    }

    /// The live session's own `whoami; export json -; audit`, checked against the model.
    func state(sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let start = expected.count
        acknowledge("whoami; export json -; audit", sourceLocation: sourceLocation)
        return String(expected.dropFirst(start))
    }

    func kill() -> Execution { process.kill() }
    func finish() -> Execution { process.finish() }
}

/// The first line where two texts differ, for failure messages.
func firstDifference(_ actual: String, _ expected: String) -> String {
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, e.count) {
        let left = index < a.count ? String(a[index]) : "<none>"
        let right = index < e.count ? String(e[index]) : "<none>"
        if left != right { return "line \(index + 1): got \(left)\n  expected \(right)" }
    }
    return "no difference"
}

/// The school every test store starts with.
let schoolLine = #"school add 6612001 name="Ysgol y Môr""#

func createLine(_ id: String, name: String? = nil) -> String {
    #"create \#(id) name="\#(name ?? "Name \(id)")" category=governor school=6612001"#
}

// MARK: - Journal

extension StoreDurabilityTests {
    /// The write-ahead journal: torn tails dropped with a warning, folded records never
    /// applied twice, every acknowledged record replayed after a kill.
    @Suite struct Journal {
        private let commands = [schoolLine, createLine("u1"), "content u1 3", "keep u1 1m", "date advance 1d"]

        @Test func everyAcknowledgedRecordIsReplayedAfterAKill() throws {
            let (store, states) = try StoreFixture.killed(after: commands)
            defer { store.remove() }
            let reopened = try store.reopen()
            #expect(reopened.status == 0)
            #expect(reopened.stderr == "")
            #expect(reopened.stdout == states.last!, "\(firstDifference(reopened.stdout, states.last!))")
        }

        /// Garbage after the last whole record (a write that had begun when the power went).
        @Test(arguments: [1, 7, 11, 12, 13, 64, 300])
        func garbageAfterTheLastRecordIsDroppedWithAWarning(_ length: Int) throws {
            let (store, states) = try StoreFixture.killed(after: commands)
            defer { store.remove() }
            var rng = SplitMix64(seed: UInt64(length))
            let good = try #require(StoreFiles.bytes(store.files.journal))
            var garbage = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if length >= 4 { garbage[0..<4] = [40, 0, 0, 0] } // a plausible length, so the checksum must catch it
            try StoreFiles.write(good + garbage, to: store.files.journal)

            let reopened = try store.reopen()
            #expect(reopened.status == 0)
            #expect(reopened.stderr == "hwbsh: warning: \(store.files.journal): dropped a torn last record (\(length) bytes written when hwbsh stopped)\n")
            #expect(reopened.stdout == states.last!, "\(firstDifference(reopened.stdout, states.last!))")
            let again = try store.reopen()
            #expect(again.stderr == "", "the torn tail is repaired once, not warned about again")
            #expect(again.stdout == states.last!)
        }

        /// A damaged record with sound records after it is not a torn write: dropping it
        /// would drop acknowledged changes, so the store is not opened and nothing changes.
        @Test func aDamagedRecordBeforeTheLastStopsTheOpening() throws {
            let (store, _) = try StoreFixture.killed(after: commands)
            defer { store.remove() }
            var journal = try #require(StoreFiles.bytes(store.files.journal))
            let first = try #require(store.files.journalRecords.records.first)
            journal[first.range.lowerBound + 20] ^= 0xFF // inside the first record's payload
            try StoreFiles.write(journal, to: store.files.journal)
            let snapshot = StoreFiles.bytes(store.path)

            let reopened = try store.reopen()
            #expect(reopened.status == 1)
            #expect(reopened.stdout == "")
            #expect(reopened.stderrLines.count == 1)
            #expect(reopened.stderr.contains("record 1 is damaged and sound records follow it"), "\(reopened.stderr)")
            #expect(StoreFiles.bytes(store.files.journal) == journal, "the journal is left as it was")
            #expect(StoreFiles.bytes(store.path) == snapshot)
        }

        /// The last record cut at every byte: it is dropped, with the records before it kept.
        @Test func lastRecordCutAnywhereIsDroppedAndTheRestKept() throws {
            let (store, states) = try StoreFixture.killed(after: commands)
            defer { store.remove() }
            let good = try #require(StoreFiles.bytes(store.files.journal))
            let last = try #require(store.files.journalRecords.records.last)
            let snapshot = try #require(StoreFiles.bytes(store.path))
            var failures: [String] = []
            for cut in last.range.lowerBound + 1..<last.range.upperBound {
                try StoreFiles.write(snapshot, to: store.path)
                try StoreFiles.write(Array(good[..<cut]), to: store.files.journal)
                let reopened = try store.reopen()
                let warning = "hwbsh: warning: \(store.files.journal): dropped a torn last record (\(cut - last.range.lowerBound) bytes written when hwbsh stopped)\n"
                if reopened.status != 0 || reopened.stderr != warning || reopened.stdout != states[states.count - 2] {
                    failures.append("cut at \(cut): status \(reopened.status), stderr \(reopened.stderr.debugDescription), \(firstDifference(reopened.stdout, states[states.count - 2]))")
                }
            }
            #expect(failures.isEmpty, "\(failures.count) cuts mishandled; first: \(failures.first ?? "")")
        }

        /// A changed byte in the last record (a sector half written): its checksum fails and
        /// it is dropped like a cut one.
        @Test func lastRecordWithABadByteIsDropped() throws {
            let (store, states) = try StoreFixture.killed(after: commands)
            defer { store.remove() }
            let good = try #require(StoreFiles.bytes(store.files.journal))
            let snapshot = try #require(StoreFiles.bytes(store.path))
            let last = try #require(store.files.journalRecords.records.last)
            var failures: [String] = []
            for position in stride(from: last.range.lowerBound + 4, to: last.range.upperBound, by: 3) {
                var bad = good
                bad[position] ^= 0x24
                try StoreFiles.write(snapshot, to: store.path)
                try StoreFiles.write(bad, to: store.files.journal)
                let reopened = try store.reopen()
                if reopened.status != 0 || !reopened.stderr.contains("dropped a torn last record") || reopened.stdout != states[states.count - 2] {
                    failures.append("byte \(position): status \(reopened.status), stderr \(reopened.stderr.debugDescription), \(firstDifference(reopened.stdout, states[states.count - 2]))")
                }
            }
            #expect(failures.isEmpty, "\(failures.count) bad bytes mishandled; first: \(failures.first ?? "")")
        }

        /// A crash between the snapshot's rename and the journal's truncation leaves records
        /// the snapshot already holds: they are not applied again, on this open or the next.
        @Test func recordsFoldedIntoTheSnapshotAreNotAppliedTwice() throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let model = ReferenceShell()
            let session = try store.session(model)
            // Every one of these would show if applied twice.
            session.acknowledge([schoolLine, createLine("u1"), "keep u1 1m", "date advance 1d", "content u1 4"])
            let journal = try #require(StoreFiles.bytes(store.files.journal))
            let finished = session.finish()
            #expect(finished.status == 0)
            #expect(store.files.snapshotSequence == 5, "the exit folded the five records into the snapshot")
            #expect(StoreFiles.bytes(store.files.journal) == [], "and emptied the journal")

            // The journal as it was before the exit: the state of a crash just after the rename.
            try StoreFiles.write(journal, to: store.files.journal)
            let reopened = try store.reopen()
            #expect(reopened.status == 0)
            #expect(reopened.stderr == "")
            #expect(reopened.stdout == model.state, "\(firstDifference(reopened.stdout, model.state))")

            // Again, and this time the next session adds records after the stale ones and is killed.
            try StoreFiles.write(journal, to: store.files.journal)
            let next = try store.session(model)
            next.acknowledge(["keep u1 1m", "date advance 1d", createLine("u2")])
            #expect(next.kill().status == SIGKILL)
            let afterKill = try store.reopen()
            #expect(afterKill.status == 0)
            #expect(afterKill.stderr == "")
            #expect(afterKill.stdout == model.state, "\(firstDifference(afterKill.stdout, model.state))")
        }

        /// A compaction by HWBSH_JOURNAL_LIMIT empties the journal: the journal never holds
        /// more records than the limit, and a kill after it loses nothing.
        @Test func compactionEveryFewRecordsKeepsEverything() throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let model = ReferenceShell()
            let session = try store.session(model, environment: ["HWBSH_JOURNAL_LIMIT": "3"])
            session.acknowledge(schoolLine)
            for index in 1...8 {
                session.acknowledge([createLine("u\(index)"), "content u\(index) \(index)"])
                #expect(store.files.journalRecords.records.count < 3)
            }
            #expect(store.files.snapshotSequence == 15)
            #expect(session.kill().status == SIGKILL)
            let reopened = try store.reopen()
            #expect(reopened.status == 0)
            #expect(reopened.stderr == "")
            #expect(reopened.stdout == model.state, "\(firstDifference(reopened.stdout, model.state))")
        }

        /// A hung-up terminal (SIGHUP) or a plain kill (SIGTERM) is no worse than SIGKILL.
        @Test(arguments: [SIGHUP, SIGTERM, SIGINT, SIGQUIT])
        func otherSignalsLoseNothing(_ signal: Int32) throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let model = ReferenceShell()
            let session = try store.session(model)
            session.acknowledge([schoolLine, createLine("u1"), "keep u1 1m", "date advance 1d"])
            Glibc.kill(session.process.pid, signal)
            _ = session.finish()
            let reopened = try store.reopen()
            #expect(reopened.status == 0)
            #expect(reopened.stdout == model.state, "\(firstDifference(reopened.stdout, model.state))")
        }
    }
}

// MARK: - Lock

extension StoreDurabilityTests {
    /// FILE.lock: one hwbsh at a time, and a clear message naming the holder.
    @Suite struct Lock {
        @Test func aSecondHwbshIsRefusedNamingThePid() throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let model = ReferenceShell()
            let first = try store.session(model)
            first.acknowledge([schoolLine, createLine("u1"), "content u1 2"])
            let snapshot = StoreFiles.bytes(store.path), journal = StoreFiles.bytes(store.files.journal)

            for second in [
                try store.run("date advance 1d; \(createLine("u2"))"),
                try StoreProcess.run(store.arguments(), stdin: "date advance 1d\n"),
                try store.run("whoami"),
            ] {
                #expect(second.status == 1)
                #expect(second.stdout == "", "the second hwbsh runs no command")
                #expect(second.stderrLines == ["hwbsh: error: \(store.path) is in use by another hwbsh (pid \(first.process.pid)); close that session first"])
            }
            #expect(StoreFiles.bytes(store.path) == snapshot, "the refused hwbsh left the snapshot alone")
            #expect(StoreFiles.bytes(store.files.journal) == journal, "and the journal")

            first.acknowledge(["keep u1 1m", "date advance 1d"])
            let finished = first.finish()
            #expect(finished.status == 0)
            #expect(finished.stderr == "")
            let reopened = try store.reopen()
            #expect(reopened.status == 0, "the store opens again once the first has exited")
            #expect(reopened.stdout == model.state, "\(firstDifference(reopened.stdout, model.state))")
        }

        /// The same store named through a symbolic link is still the same store: a second
        /// hwbsh is kept out. (Were the lock taken by the name given, the second would lock
        /// link.hwbs.lock, read the snapshot without the first session's journal, and its
        /// fold would replace the link with a store of its own.)
        @Test func aSecondHwbshThroughASymlinkIsRefused() throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let link = store.folder.file("link.hwbs")
            let model = ReferenceShell()
            let first = try store.session(model)
            first.acknowledge([schoolLine, createLine("u1")])
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: store.path)

            let second = try StoreProcess.run(["--store", link, "--date", StoreFixture.date, "-c", "whoami; export json -; audit"])
            #expect(second.status == 1, "a second hwbsh reached the store in use through a symlink; it saw \(second.stdout)")
            #expect(second.stderr.contains("(pid \(first.process.pid))"))
            first.acknowledge("keep u1 1m")
            #expect(first.finish().status == 0)
            let reopened = try store.reopen()
            #expect(reopened.stdout == model.state, "\(firstDifference(reopened.stdout, model.state))")
        }

        /// Changes made through a symbolic link land in the store itself: the fold must not
        /// replace the link with a file of its own.
        @Test func changesMadeThroughASymlinkLandInTheStore() throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let link = store.folder.file("link.hwbs")
            let model = ReferenceShell()
            let setup = try store.session(model)
            setup.acknowledge([schoolLine, createLine("u1")])
            #expect(setup.finish().status == 0)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: store.path)

            let throughLink = try StoreProcess.run(["--store", link, "-c", "keep u1 1m; date advance 1d"])
            #expect(throughLink.status == 0)
            model.run("keep u1 1m; date advance 1d")
            let reopened = try store.reopen()
            #expect(reopened.stdout == model.state, "changes made through the link: \(firstDifference(reopened.stdout, model.state))")
            let linkTarget = try? FileManager.default.destinationOfSymbolicLink(atPath: link)
            #expect(linkTarget == store.path, "the link is still a link to the store")
        }

        @Test func theStoreOpensAgainAfterTheHolderIsKilled() throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let model = ReferenceShell()
            let first = try store.session(model)
            first.acknowledge([schoolLine, createLine("u1")])
            #expect(try store.run("date").status == 1)
            #expect(first.kill().status == SIGKILL)
            let reopened = try store.reopen()
            #expect(reopened.status == 0)
            #expect(reopened.stderr == "")
            #expect(reopened.stdout == model.state)
            // And a session after that one is refused while the reopened one runs.
            let third = try store.session(model)
            third.acknowledge("whoami")
            let refused = try store.run("date")
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("(pid \(third.process.pid))"))
            #expect(third.finish().status == 0)
        }
    }
}

// MARK: - Errors

extension StoreDurabilityTests {
    /// A store that cannot be opened or written: a clear error, and the files on disk as they were.
    @Suite struct Errors {
        @Test(arguments: [
            ("/no/such/dir/s.hwbs", "cannot open /no/such/dir/s.hwbs: No such file or directory"),
            ("/etc/hostname/s.hwbs", "cannot open /etc/hostname/s.hwbs: Not a directory"),
        ])
        func aMissingFolderGivesOneClearLineAndExitOne(_ path: String, _ message: String) throws {
            for result in [
                try StoreProcess.run(["--store", path, "--date", StoreFixture.date, "-c", schoolLine]),
                try StoreProcess.run(["--store", path, "--date", StoreFixture.date], stdin: schoolLine + "\n"),
            ] {
                #expect(result.status == 1)
                #expect(result.stdout == "")
                #expect(result.stderrLines == ["hwbsh: error: \(message)"])
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }

        /// A read-only folder. Root writes into one anyway, so as root hwbsh is run as
        /// `nobody` through setpriv (util-linux), on a folder owned by nobody; otherwise as the
        /// tester. The journal is a file of its own and still takes each change; the fold into
        /// a new snapshot cannot be written: a clear warning, nothing lost, the old snapshot
        /// as it was. A new store cannot be made there: a clear one-line error.
        @Test(.enabled(if: geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                       "as root, needs setpriv to drop to nobody"))
        func aReadOnlyFolderLosesNothingAndSaysWhy() throws {
            let store = try StoreFixture()
            let tools = try TemporaryFolder()
            defer {
                chmod(store.folder.path, 0o700)
                store.remove()
                tools.remove()
            }
            var executable = Executable.path
            var prefix: [String] = []
            if geteuid() == 0 {
                // nobody may not reach the build folder: a copy it can run, and a folder it owns.
                let copy = tools.file("hwbsh")
                try FileManager.default.copyItem(atPath: Executable.path, toPath: copy)
                chmod(tools.path, 0o755)
                chmod(copy, 0o755)
                #expect(chown(store.folder.path, 65534, 65534) == 0)
                executable = "/usr/bin/setpriv"
                prefix = ["--reuid=65534", "--regid=65534", "--clear-groups", copy]
            }
            func run(_ arguments: [String]) throws -> Execution {
                let process = try StoreProcess(prefix + arguments, executable: executable)
                return process.finish()
            }
            let model = ReferenceShell()
            let setup = try store.session(model, executable: executable, prefix: prefix)
            setup.acknowledge([schoolLine, createLine("u1")])
            #expect(setup.finish().status == 0)
            let snapshot = StoreFiles.bytes(store.path)
            chmod(store.folder.path, 0o500)

            let changed = try run(store.arguments(["-c", "date advance 1d; keep u1 1m"]))
            model.run("date advance 1d; keep u1 1m")
            #expect(changed.status == 0)
            #expect(changed.stdout == "today is 2027-07-02 (Friday)\nkept u1 until 2027-09-30\n")
            #expect(changed.stderrLines == ["hwbsh: warning: cannot write \(store.path): Permission denied; the journal still holds every change"])
            #expect(StoreFiles.bytes(store.path) == snapshot, "the old snapshot is as it was")
            #expect(store.files.journalRecords.records.count == 2, "the journal holds both changes")
            #expect(store.files.temporaryFiles.isEmpty)

            let reopened = try run(store.arguments(["--keep-going", "-c", "whoami; export json -; audit"]))
            #expect(reopened.status == 0)
            #expect(reopened.stdout == model.state, "\(firstDifference(reopened.stdout, model.state))")

            let fresh = try run(["--store", store.folder.file("new.hwbs"), "--date", StoreFixture.date, "-c", "date"])
            #expect(fresh.status == 1)
            #expect(fresh.stdout == "")
            #expect(fresh.stderrLines == ["hwbsh: error: cannot open \(store.folder.file("new.hwbs")): cannot create its lock \(store.folder.file("new.hwbs.lock")): Permission denied"])

            chmod(store.folder.path, 0o700)
            let writable = try run(store.arguments(["--keep-going", "-c", "whoami; export json -; audit"]))
            #expect(writable.stderr == "")
            #expect(writable.stdout == model.state)
            #expect(StoreFiles.bytes(store.files.journal) == [], "once the folder is writable again the journal is folded")
        }

        /// The file size limit of `ulimit -f` makes writes fail with EFBIG, as a full disk
        /// makes them fail with ENOSPC. hwbsh ignores SIGXFSZ.
        private func limited(_ blocks: Int) -> [String] {
            ["-c", "ulimit -f \(blocks); exec \"$0\" \"$@\"", Executable.path]
        }

        /// The journal cannot grow: the command is refused, prints no result, and the store
        /// reopens without it, its snapshot and journal whole (no torn record).
        @Test(arguments: [false, true])
        func aFullDiskRefusesTheCommandAndKeepsTheStore(_ killed: Bool) throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let model = ReferenceShell()
            #expect(try store.run(schoolLine).status == 0)
            model.run(schoolLine)
            // Killed, it keeps going after the refusal, so that the kill cannot land in
            // the fold at exit (which would leave its temporary file behind).
            let session = try store.session(model, options: killed ? ["--keep-going"] : [], executable: "/bin/sh", prefix: limited(8))
            var failure: (command: String, output: String, errors: String)?
            for index in 1...400 {
                let command = createLine("u\(index)")
                let before = model.copy()
                let expected = before.run(command).output
                let attempt = session.attempt(command)
                if attempt.errors.isEmpty {
                    #expect(attempt.output == expected)
                    model.run(command)
                } else {
                    failure = (command, attempt.output, attempt.errors)
                    break
                }
            }
            let (command, output, errors) = try #require(failure, "400 creates never filled an 8-block file")
            #expect(output == "", "the refused command prints no result")
            let errorLines = errors.split(separator: "\n").map(String.init)
            #expect(errorLines.first?.hasSuffix("error: cannot write \(store.files.journal): File too large; nothing changed") == true, "\(errors)")

            let ended = killed ? session.kill() : session.finish()
            if !killed {
                #expect(ended.status == 1, "a piped session stops at the failed command")
                // The fold on exit does not fit either: a warning, nothing lost.
                for line in ended.stderrLines.dropFirst() {
                    #expect(line == "hwbsh: warning: cannot write \(store.path): File too large; the journal still holds every change")
                }
            }
            #expect(store.files.temporaryFiles.isEmpty, "a failed snapshot write leaves no temporary file")
            #expect(store.files.journalRecords.rest == 0, "the part of the refused record that was written was taken back")
            let reopened = try store.reopen()
            #expect(reopened.status == 0)
            #expect(reopened.stderr == "", "no torn record: the journal ends on a whole record")
            #expect(reopened.stdout == model.state, "\(firstDifference(reopened.stdout, model.state))")
            #expect(!reopened.stdout.contains("\"\(command.split(separator: " ")[1])\""), "the refused command is not there")
        }

        /// The snapshot cannot be rewritten (compaction every 2 records) before the journal
        /// fills: each failed fold is a warning, the commands still succeed, the old snapshot
        /// stays; then `save` elsewhere fails cleanly, and reading commands still work.
        @Test func aFailedFoldKeepsTheOldSnapshotAndLosesNothing() throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let model = ReferenceShell()
            #expect(try store.run(schoolLine).status == 0)
            model.run(schoolLine)
            let session = try store.session(model, options: ["--keep-going"], environment: ["HWBSH_JOURNAL_LIMIT": "2"],
                                            executable: "/bin/sh", prefix: limited(8))
            let foldWarning = "hwbsh: warning: cannot write \(store.path): File too large; the journal still holds every change\n"
            var warnings = 0
            var refused: String?
            for index in 1...400 {
                let command = createLine("u\(index)", name: "A rather long name for account number \(index)")
                let expected = model.copy().run(command).output
                let attempt = session.attempt(command)
                // Each line on standard error is a failed fold (after a result) or the refusal.
                let lines = attempt.errors.split(separator: "\n").map { String($0) + "\n" }
                warnings += lines.filter { $0 == foldWarning }.count
                #expect(lines.allSatisfy { $0 == foldWarning || $0.hasSuffix("nothing changed\n") }, "\(attempt.errors)")
                #expect(store.files.temporaryFiles.isEmpty)
                if let refusal = lines.first(where: { $0.hasSuffix("nothing changed\n") }) {
                    refused = refusal
                    #expect(attempt.output == "")
                    break
                }
                #expect(attempt.output == expected)
                model.run(command)
            }
            #expect(warnings > 0, "the snapshot outgrew the limit before the journal did")
            #expect(refused?.contains("cannot write \(store.files.journal): File too large; nothing changed") == true)

            let other = store.folder.file("other.hwbs")
            let save = session.attempt("save \(other)")
            #expect(save.output == "")
            #expect(save.errors.contains("cannot write \(other): File too large"))
            #expect(!FileManager.default.fileExists(atPath: other))
            #expect(store.files.temporaryFiles.isEmpty)
            let count = session.attempt("count")
            #expect(count.output == "\(model.accountCount)\n")

            #expect(session.kill().status == SIGKILL)
            let reopened = try store.reopen()
            #expect(reopened.status == 0)
            #expect(reopened.stderr == "")
            #expect(reopened.stdout == model.state, "\(firstDifference(reopened.stdout, model.state))")
        }
    }
}

// MARK: - Round trip

extension StoreDurabilityTests {
    /// A session's `export json -` and `audit` come back the same after reopening, after
    /// `save` and `load`, and after a kill.
    @Suite struct RoundTrip {
        private static let scripts = Scenarios.everyShape.split(separator: "\n").map(String.init)

        @Test(arguments: ["login service-desk", "login la-admin 661", "login champion 6612001"])
        func exportAndAuditAreTheSameAfterReopenSaveAndKill(_ login: String) throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let model = ReferenceShell()
            let session = try store.session(model)
            session.acknowledge(Self.scripts + ["keep zed 1m", "close zed at-expiry", login])
            let live = session.state()
            let other = store.folder.file("other.hwbs")
            session.acknowledge("save \(other)")
            #expect(session.state() == live, "save changes nothing")
            #expect(session.kill().status == SIGKILL)

            // After a kill.
            let afterKill = try store.reopen()
            #expect(afterKill.status == 0)
            #expect(afterKill.stderr == "")
            #expect(afterKill.stdout == live, "after a kill: \(firstDifference(afterKill.stdout, live))")
            // After reopening (the reopen above exited normally, folding the journal).
            let afterReopen = try store.reopen()
            #expect(afterReopen.stdout == live, "after reopening: \(firstDifference(afterReopen.stdout, live))")
            #expect(StoreFiles.bytes(store.files.journal) == [])

            // The saved file, loaded without a store and into another store.
            let loaded = try StoreProcess.run(["--keep-going", "-c", "load \(other); whoami; export json -; audit"])
            #expect(loaded.status == 0)
            let lines = loaded.stdout.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            #expect(lines.first?.hasPrefix("loaded \(other): ") == true)
            #expect(lines.count == 2 && String(lines[1]) == live, "after save and load: \(firstDifference(String(lines.last ?? ""), live))")
            let second = try StoreFixture()
            defer { second.remove() }
            #expect(try second.run("load \(other)").status == 0)
            let secondStore = try second.reopen()
            #expect(secondStore.stdout == live, "loaded into another store: \(firstDifference(secondStore.stdout, live))")
        }

        @Test func championOptionWorksWithAStoreThatHasTheSchool() throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let model = ReferenceShell()
            let setup = try store.session(model)
            setup.acknowledge(Self.scripts)
            #expect(setup.finish().status == 0)

            let champion = try store.run("whoami; export json -", options: ["--as", "champion 6612001"])
            #expect(champion.status == 0)
            #expect(champion.stderr == "")
            let view = model.copy()
            view.run("login champion 6612001")
            #expect(champion.stdout == view.run("whoami; export json -").output)

            // A champion's change is journaled as the champion's and survives a kill.
            let session = try store.session(model, options: ["--as", "champion 6612001"])
            model.run("login champion 6612001")
            session.acknowledge([createLine("ch1"), "keep zed 1m"])
            #expect(session.kill().status == SIGKILL)
            let reopened = try store.reopen()
            #expect(reopened.status == 0)
            #expect(reopened.stdout == model.state, "\(firstDifference(reopened.stdout, model.state))")
            #expect(reopened.stdout.contains("champion 6612001"))

            // A school the store lacks: refused with a clear message, the store untouched.
            let wrong = try store.run("whoami", options: ["--as", "champion 6612003"])
            #expect(wrong.status == 2)
            #expect(wrong.stdout == "")
            #expect(wrong.stderr.hasPrefix("hwbsh: --as champion 6612003: "))
            #expect(try store.reopen().stdout == model.state)
        }
    }
}

// MARK: - Replay

extension StoreDurabilityTests {
    /// A journal record replays to the same result whatever happened to the files it read.
    @Suite struct Replay {
        private static let schools = "number,name,maintained\n6612001,Ysgol y Môr,yes\n6612002,Ysgol Bryn,yes\n"
        private static let accounts = """
            id,name,kind,school,status,created,lastActivity,content,category,expires,closeAtExpiry
            im1,Imported One,non-mis,6612001,active,2027-07-01,2027-07-01,4,governor,2027-08-31,false
            im2,Imported Two,non-mis,6612002,active,2027-06-01,2027-06-20,0,service,2027-08-31,true
            im3,Siân Ŵyn,non-mis,6612001,active,2027-05-01,2027-06-30,12,governor,2027-08-31,false

            """

        enum Change: String, CaseIterable, Sendable { case deleted, rewritten, emptied }

        @Test(arguments: Change.allCases)
        func importedAccountsSurviveTheirFileChanging(_ change: Change) throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let schools = try store.folder.write("schools.csv", Self.schools)
            let accounts = try store.folder.write("accounts.csv", Self.accounts)
            let model = ReferenceShell()
            let session = try store.session(model)
            session.acknowledge(["import schools \(schools)", "import accounts \(accounts)", "content im1 5"])
            switch change {
            case .deleted:
                try FileManager.default.removeItem(atPath: accounts)
                try FileManager.default.removeItem(atPath: schools)
            case .rewritten:
                try store.folder.write("accounts.csv", Self.accounts.replacingOccurrences(of: "Imported", with: "Changed"))
                try store.folder.write("schools.csv", "number,name,maintained\n6612009,Other,yes\n")
            case .emptied:
                try store.folder.write("accounts.csv", "")
                try store.folder.write("schools.csv", "")
            }
            #expect(session.kill().status == SIGKILL)
            let reopened = try store.reopen()
            #expect(reopened.status == 0)
            #expect(reopened.stderr == "")
            #expect(reopened.stdout == model.state, "\(firstDifference(reopened.stdout, model.state))")
            #expect(reopened.stdout.contains("Imported Two"))
        }

        /// A relative path is replayed from the record, not from the folder hwbsh reopens in.
        @Test func aRelativeImportPathReplaysFromAnotherFolder() throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let first = try TemporaryFolder(), second = try TemporaryFolder()
            defer {
                first.remove()
                second.remove()
            }
            try first.write("rows.csv", Self.accounts)
            try second.write("rows.csv", Self.accounts.replacingOccurrences(of: "Imported", with: "Wrong"))
            let model = ReferenceShell()
            let session = try store.session(model, directory: first.path)
            model.run(schoolLine.replacingOccurrences(of: "Ysgol y Môr", with: "A"))
            model.run("school add 6612002 name=B")
            session.process.send(schoolLine.replacingOccurrences(of: "Ysgol y Môr", with: "A"))
            session.process.send("school add 6612002 name=B")
            session.process.send("import accounts rows.csv")
            #expect(session.process.waitForOutput(endingWith: "imported 3 accounts from rows.csv\n"))
            let live = session.process.snapshot()
            #expect(live.errors == "")
            // The live state, then `date` as an end mark (no line of a listing is a bare date).
            session.process.send("whoami; export json -; audit; date")
            #expect(session.process.waitForOutput(endingWith: "\n\(StoreFixture.date)\n"))
            let state = String(session.process.output.dropFirst(live.output.count).dropLast(StoreFixture.date.count + 1))
            #expect(session.kill().status == SIGKILL)
            let reopened = try store.reopen(directory: second.path)
            #expect(reopened.status == 0)
            #expect(reopened.stdout == state, "\(firstDifference(reopened.stdout, state))")
            #expect(reopened.stdout.contains("Imported One"))
        }

        /// `run` is not journaled; the commands of the script are, each once.
        @Test func aScriptRunUnderTheStoreIsReplayedOnceAfterItIsDeleted() throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let script = try store.folder.write("changes.hwb", """
                \(createLine("u1"))
                keep u1 1m
                date advance 1d
                content u1 9

                """)
            let model = ReferenceShell()
            let session = try store.session(model)
            session.acknowledge([schoolLine, "run \(script)", "signin u1"])
            try FileManager.default.removeItem(atPath: script)
            #expect(store.files.journalRecords.records.count == 6)
            #expect(session.kill().status == SIGKILL)
            let reopened = try store.reopen()
            #expect(reopened.status == 0)
            #expect(reopened.stderr == "")
            #expect(reopened.stdout == model.state, "\(firstDifference(reopened.stdout, model.state))")
        }
    }
}

// MARK: - The store's own files

extension StoreDurabilityTests {
    /// `save` and `export` pointed at the store's own files (FILE, FILE.journal, FILE.lock):
    /// hwbsh may refuse, or write, but a change it acknowledged is never lost, the store
    /// always reopens, and the lock still keeps a second hwbsh out.
    @Suite struct OwnFiles {
        enum Target: String, CaseIterable, Sendable { case snapshot, journal, lock }

        @Test(arguments: ["save", "export json", "export csv"], Target.allCases)
        func writingOverTheStoresOwnFilesLosesNothing(_ verb: String, _ target: Target) throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let path = switch target {
            case .snapshot: store.path
            case .journal: store.files.journal
            case .lock: store.files.lock
            }
            let model = ReferenceShell()
            let session = try store.session(model, options: ["--keep-going"])
            session.acknowledge([schoolLine, createLine("u1"), "date advance 1d"])
            _ = session.attempt("\(verb) \(path)")
            session.acknowledge(["keep u1 1m", "date advance 1d", createLine("u2")])

            let second = try store.run("date advance 1d")
            #expect(second.status == 1, "`\(verb) \(path)`: a second hwbsh still finds the store in use")
            if second.status == 0 { model.run("date advance 1d") } // so the check below is about the first session
            #expect(session.kill().status == SIGKILL)
            let reopened = try store.reopen()
            #expect(reopened.status == 0, "`\(verb) \(path)` then a kill: \(reopened.stderr)")
            #expect(reopened.stderr == "")
            #expect(reopened.stdout == model.state, "`\(verb) \(path)` then a kill: \(firstDifference(reopened.stdout, model.state))")
        }

        /// The same without a crash: the session writes over one of its files and exits with
        /// nothing left to fold. The store must open again, as it was, without a warning.
        /// (Were they allowed, `export json FILE` would leave a JSON file where the snapshot
        /// was, and `save FILE.journal` a snapshot where the journal was.)
        @Test(arguments: ["save", "export json", "export csv"], Target.allCases)
        func writingOverTheStoresOwnFilesThenExitingLeavesAGoodStore(_ verb: String, _ target: Target) throws {
            let store = try StoreFixture()
            defer { store.remove() }
            let path = switch target {
            case .snapshot: store.path
            case .journal: store.files.journal
            case .lock: store.files.lock
            }
            let model = ReferenceShell()
            let setup = try store.session(model)
            setup.acknowledge([schoolLine, createLine("u1"), "date advance 1d"])
            #expect(setup.finish().status == 0)
            let session = try store.session(model, options: ["--keep-going"])
            _ = session.attempt("\(verb) \(path)")
            _ = session.finish()
            let reopened = try store.reopen()
            #expect(reopened.status == 0, "`\(verb) \(path)`, then exit: \(reopened.stderr)")
            #expect(reopened.stderr == "", "`\(verb) \(path)`, then exit")
            #expect(reopened.stdout == model.state, "`\(verb) \(path)`, then exit: \(firstDifference(reopened.stdout, model.state))")
        }

        /// `save FILE` onto the store's own snapshot must fold the journal, not write a
        /// snapshot that holds every change but says it holds no journal record (a crash
        /// would then replay the journal over it). Killed at that moment, an acknowledged
        /// `date advance 1d` must still count once.
        @Test func savingOverTheSnapshotThenACrashAppliesNothingTwice() throws {
            let store = try StoreFixture()
            defer { store.remove() }
            // A large store, so that the fold after the save (which encodes it again) takes a while.
            var csv = "id,name,kind,school,status,created,lastActivity,content,category,expires,closeAtExpiry\n"
            for index in 0..<20_000 { csv += "b\(index),Bee \(index),non-mis,6612001,active,2027-07-01,2027-07-01,0,governor,2027-08-31,false\n" }
            let rows = try store.folder.write("rows.csv", csv)
            let setup = try store.run("\(schoolLine); import accounts \(rows); date advance 1d")
            #expect(setup.status == 0)
            #expect(store.files.snapshotSequence == 3)
            var today = "2027-07-02"

            // Three tries, each killed at the first new snapshot file the save makes (today
            // that is the save's own write, whose journal sequence is 0, and the fold after it
            // takes a while on a store this large).
            for attempt in 1...3 {
                let session = try StoreProcess(store.arguments())
                session.send("date advance 1d")
                #expect(session.waitForOutput(endingWith: "\n"))
                let advanced = session.output
                let inode = try inodeNumber(store.path)
                session.send("save \(store.path)")
                var sequenceAtKill: UInt64?
                let deadline = Date(timeIntervalSinceNow: 20)
                while Date() < deadline {
                    if let current = try? inodeNumber(store.path), current != inode {
                        sequenceAtKill = store.files.snapshotSequence
                        break
                    }
                    let (output, errors) = session.snapshot()
                    if output != advanced || !errors.isEmpty { break } // the save finished (or was refused)
                }
                #expect(session.kill().status == SIGKILL)
                let reopened = try store.run("date")
                #expect(reopened.status == 0)
                let expected = try #require(CalendarText.day(after: today))
                #expect(reopened.stdout == "\(expected)\n", """
                    try \(attempt): acknowledged one `date advance 1d` from \(today), then `save \(store.path)`, killed \
                    \(sequenceAtKill.map { "when the snapshot had been replaced by one with journal sequence \($0)" } ?? "after the save"); \
                    reopened on \(reopened.stdout.trimmingCharacters(in: .newlines))
                    """)
                if reopened.stdout != "\(expected)\n" { break }
                today = expected // on to the next try from where this one left the store
            }
        }

        private func inodeNumber(_ path: String) throws -> UInt64 {
            var info = stat()
            guard stat(path, &info) == 0 else { throw StoreProcessError("stat \(path): \(String(cString: strerror(errno)))") }
            return UInt64(info.st_ino)
        }
    }
}

/// Day arithmetic on `YYYY-MM-DD` without hwbsh's own calendar.
enum CalendarText {
    static func day(after text: String) -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        guard let date = formatter.date(from: text), let next = calendar.date(byAdding: .day, value: 1, to: date) else { return nil }
        return formatter.string(from: next)
    }
}
