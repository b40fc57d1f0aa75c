import FuzzSupport
@testable import HwbShell

/// One input is a script run line by line on the fuzz store by a shell that writes into a
/// buffer and goes on after failures, as `hwbsh --keep-going FILE` would. Lines whose
/// commands would touch the disk are skipped (`DiskGuard`); imports read sample files
/// from memory. The error style (located, caret, plain) follows the input's length.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShell(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var lines = ScriptLines(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let (shell, _) = FuzzStore.shell()
    shell.errorStyle = [.located, .caret, .plain][size % 3]
    var number = 0
    while !shell.stopRequested, let raw = lines.nextLine() {
        number += 1
        DiskGuard.runLine(raw, on: shell, file: "fuzz.hwb", line: number)
    }
    return 0
}

@main
enum Main {
    static func main() { Fuzzer.run(fuzzShell) }
}
