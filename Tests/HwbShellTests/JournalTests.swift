@testable import HwbShell
@testable import HwbStorage
import HwbTestSupport
import Testing

/// The journal's layout read from memory (`JournalRecord.decodeAll`): every damaged byte is
/// found, only a torn tail is ever dropped, and no input traps or allocates beyond itself.
/// The same rule on real files, through hwbsh, is in StoreDamageTests.
@Suite struct JournalTests {
    /// Twelve records, one with an attachment.
    private static let records: [JournalRecord] = (1...12).map { number in
        var record = JournalRecord(sequence: UInt64(number), actor: number % 3 == 0 ? "la-admin 661" : "service-desk",
                                   command: "content u\(number) \(number)")
        if number == 5 { record.attachments["rows.csv"] = Array("id,name\nu5,Siân\n".utf8) }
        return record
    }

    private static let version2 = JournalLayout.header + records.flatMap { $0.encoded() }
    private static let version1 = records.flatMap { $0.encodedVersion1() }

    @Test(arguments: [false, true])
    func aJournalReadsBackAsItWasWritten(_ earlier: Bool) {
        let reading = JournalRecord.decodeAll(earlier ? Self.version1 : Self.version2)
        #expect(reading.format == (earlier ? .version1 : .version2))
        #expect(reading.problem == nil)
        #expect(reading.records == Self.records)
        #expect(reading.soundLength == reading.size)
    }

    @Test func anEmptyJournalHasNoRecords() {
        let reading = JournalRecord.decodeAll([])
        #expect(reading.format == .empty)
        #expect(reading.records.isEmpty)
        #expect(reading.problem == nil)
    }

    /// Each bit of each byte changed in turn: the journal reads whole (never, but allowed),
    /// or is refused, or (only when the change is in the last record) loses that record as
    /// a torn tail. Never fewer records without a refusal.
    @Test(arguments: [false, true])
    func everyChangedBitIsFound(_ earlier: Bool) {
        let journal = earlier ? Self.version1 : Self.version2
        let lastStart = journal.count - (earlier ? Self.records.last!.encodedVersion1() : Self.records.last!.encoded()).count
        var failures: [String] = []
        for position in journal.indices {
            for bit in 0..<8 {
                var bad = journal
                bad[position] ^= 1 << bit
                let reading = JournalRecord.decodeAll(bad)
                let refused = reading.isDamaged || reading.problem.map { if case .newerVersion = $0 { true } else { false } } == true
                let whole = reading.problem == nil && reading.records == Self.records
                let lastDropped = position >= lastStart && reading.problem == .tornTail && reading.records == Array(Self.records.dropLast())
                if !(refused || whole || lastDropped) {
                    failures.append("byte \(position) bit \(bit): \(reading.records.count) records, \(String(describing: reading.problem))")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) changes mishandled: \(failures.prefix(5))")
    }

    /// A journal cut at every byte: the records before the cut, the rest a torn tail.
    @Test(arguments: [false, true])
    func aJournalCutAnywhereKeepsTheRecordsBeforeTheCut(_ earlier: Bool) {
        let journal = earlier ? Self.version1 : Self.version2
        var ends: [Int] = [earlier ? 0 : JournalLayout.header.count]
        for record in Self.records { ends.append(ends.last! + (earlier ? record.encodedVersion1() : record.encoded()).count) }
        for cut in 1..<journal.count {
            let reading = JournalRecord.decodeAll(Array(journal[..<cut]))
            guard let whole = ends.lastIndex(where: { $0 <= cut }) else {
                // Within the header of a version 2 journal: the first write cut short.
                #expect(reading.records.isEmpty && reading.problem == .tornTail && reading.soundLength == 0, "cut at \(cut)")
                continue
            }
            if earlier && whole == 0 {
                #expect(reading.problem == .notAJournal, "cut at \(cut)")
            } else {
                #expect(reading.records == Array(Self.records.prefix(whole)), "cut at \(cut)")
                #expect(reading.problem == (ends.contains(cut) ? nil : .tornTail), "cut at \(cut)")
                #expect(reading.soundLength == ends[whole], "cut at \(cut)")
            }
        }
    }

    /// An older hwbsh drops a bad last record as torn, and refuses a bad record with a sound
    /// record after it. The header is both: to it, a 4-byte record whose checksum fails,
    /// then a sound record; so it refuses a version 2 journal instead of cutting it.
    @Test func anOlderHwbshSeesTheHeaderAsDamageAndRefuses() {
        let header = JournalLayout.header
        let claimed = header[0..<4].reversed().reduce(0) { $0 << 8 | Int($1) }
        let checksum = header[4..<12].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(claimed == 4)
        #expect(Checksum.of(header[12..<16]) != checksum)
        let after = JournalRecord.decodeAll(Array(header[16...]))
        #expect(after.format == .version1)
        #expect(after.problem == nil)
        #expect(after.records.count == 1)
    }

    /// A claimed length far beyond the bytes there: nothing is read or allocated for it.
    @Test func aLengthBeyondTheEndIsATornTail() {
        let record = Self.records[0].encoded()
        var bad = JournalLayout.header + record
        bad[JournalLayout.header.count + 4..<JournalLayout.header.count + 8] = [0xFF, 0xFF, 0xFF, 0xFF]
        let reading = JournalRecord.decodeAll(bad)
        #expect(reading.records.isEmpty)
        #expect(reading.problem == .tornTail)
    }

    @Test func aHeaderWithAChangedByteIsDamage() {
        var bad = Self.version2
        bad[6] ^= 0x20
        let reading = JournalRecord.decodeAll(bad)
        #expect(reading.problem == .damagedHeader)
        #expect(reading.records == Self.records, "the records after it are read, for --recover to keep")
    }

    @Test func aLaterVersionIsNotReadAsDamage() {
        var later = Self.version2
        later[12] = 3
        later[20] ^= 0xFF
        later[30] ^= 0xFF
        later[40] ^= 0xFF
        later[50] ^= 0xFF
        #expect(JournalRecord.decodeAll(later).problem == .newerVersion(3))
    }

    /// Bytes that are no journal, of every kind a fuzzer might try: refused, never a trap.
    @Test func arbitraryBytesNeverTrap() {
        var rng = SplitMix64(seed: 20270701)
        for round in 0..<3_000 {
            let length = rng.int(in: 0...300)
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            switch round % 4 {
            case 1: bytes = JournalLayout.header + bytes
            case 2: bytes = Self.version2.prefix(rng.int(in: 0...Self.version2.count)) + JournalLayout.marker + bytes
            case 3: bytes = Array(Self.version1.prefix(rng.int(in: 0...Self.version1.count))) + bytes
            default: break
            }
            let reading = JournalRecord.decodeAll(bytes)
            #expect(reading.soundLength <= bytes.count)
            #expect(reading.size == bytes.count)
        }
    }
}
