import FuzzSupport
import HwbCore
@testable import HwbShell

/// One input is an `import accounts` file. It is read three ways:
/// - the fast reader (`AccountCSVReader.batch`), in one block and in blocks of 7 bytes,
///   which must agree whenever both take the file (the block size is no business of the
///   result);
/// - the careful reader (`CSV.records`, `AccountRecord.decode`) on every row;
/// - the whole command on the fuzz store, with the file given in memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAccountImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    let whole = AccountCSVReader.batch(bytes)
    let inBlocks = AccountCSVReader.batch(bytes, blockSize: 7)
    if let whole, let inBlocks, whole != inBlocks {
        fatalError("the fast reader read \(whole.count) rows in one block but \(inBlocks.count) in blocks of 7 bytes")
    }

    if let text = String(validating: bytes, as: UTF8.self), let records = try? CSV.records(in: text),
       let header = records.first {
        let fields = header.cells.compactMap(Account.Field.init(rawValue:))
        for record in records.dropFirst() where record.cells.count == fields.count {
            _ = AccountRecord.decode(AccountRecord.Cells(fields: fields, cells: record.cells))
        }
    }

    let (shell, _) = FuzzStore.shell()
    shell.fileOverrides = ["accounts.csv": bytes]
    shell.runLine(Array("import accounts accounts.csv".utf8), file: "fuzz", line: 1)
    return 0
}

@main
enum Main {
    static func main() { Fuzzer.run(fuzzAccountImport) }
}
