import FuzzSupport
@testable import HwbShell
import HwbStorage

/// One input is an `import schools` file: read by `CSV.records`, then imported by the
/// whole command on the fuzz store, with the file given in memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchoolImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? CSV.records(in: String(decoding: bytes, as: UTF8.self))

    let (shell, _) = FuzzStore.shell()
    shell.fileOverrides = ["schools.csv": bytes]
    shell.runLine(Array("import schools schools.csv".utf8), file: "fuzz", line: 1)
    return 0
}

@main
enum Main {
    static func main() { Fuzzer.run(fuzzSchoolImport) }
}
