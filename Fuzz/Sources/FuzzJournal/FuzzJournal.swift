import FuzzSupport
import HwbLanguage
@testable import HwbShell
@testable import HwbStorage

/// One input is a `--store` journal file: decoded (`JournalRecord.decodeAll`) as it is
/// and with its records' checksums made right; the records of the second are replayed on
/// the fuzz store as opening the store would (`Shell.replay`), less those that would
/// touch the disk.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reading = JournalRecord.decodeAll(bytes)
    checkReading(reading, of: bytes)
    let repaired = ChecksumRepair.journal(bytes)
    let repairedReading = JournalRecord.decodeAll(repaired)
    checkReading(repairedReading, of: repaired)

    let records = repairedReading.records.filter { record in
        let commands = Parser.parse(line: record.command, file: "journal", lineNumber: 1).compactMap { try? $0.get().command }
        return commands.allSatisfy { command in
            switch command {
            case .save, .load, .run: false
            case .export(_, let path, _): path == "-"
            case .importAccounts(let path), .importSchools(let path): record.attachments[path] != nil
            default: true
            }
        }
    }
    let (shell, _) = FuzzStore.shell()
    try? shell.replay(records)
    return 0
}

/// What `decodeAll` says of a journal must hold together: the sound records end within
/// the file, and a journal read without a problem is sound to its last byte.
private func checkReading(_ reading: JournalReading, of bytes: [UInt8]) {
    guard reading.soundLength >= 0, reading.soundLength <= bytes.count else {
        fatalError("the journal's sound length \(reading.soundLength) is outside its \(bytes.count) bytes")
    }
    guard reading.problem != nil || reading.soundLength == bytes.count else {
        fatalError("a journal with unread bytes reads as sound")
    }
}

@main
enum Main {
    static func main() { Fuzzer.run(fuzzJournal) }
}
