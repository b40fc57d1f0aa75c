import FuzzSupport
import HwbCore
@testable import HwbShell
import HwbStorage

/// One input is an `import accounts` file. It is read three ways:
/// - the fast reader (`AccountCSVReader.batch`), in one block and in blocks of 7 bytes,
///   which must take or refuse the file alike and read the same rows (the block size is
///   no business of the result);
/// - the careful reader (`CSV.records`, `AccountRecord.decode`) on every row;
/// - the whole command on the fuzz store, with the file given in memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAccountImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    let whole = AccountCSVReader.batch(bytes)
    let inBlocks = AccountCSVReader.batch(bytes, blockSize: 7)
    guard (whole == nil) == (inBlocks == nil) else {
        fatalError("the fast reader \(whole == nil ? "refused" : "took") the file in one block but not in blocks of 7 bytes")
    }
    if let whole, let inBlocks {
        let rows = (0..<whole.count).map { AccountTable.Row($0) }
        guard inBlocks.count == whole.count, rows.allSatisfy({ inBlocks.fields(at: $0) == whole.fields(at: $0) }) else {
            fatalError("the fast reader read other rows in blocks of 7 bytes than in one block")
        }
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
