import FuzzSupport
import Foundation
@testable import HwbShell

/// One input is a script run line by line on the fuzz store by a shell that writes into a
/// buffer and goes on after failures, as `hwbsh --keep-going FILE` would. Lines whose
/// commands would touch the disk are skipped (`DiskGuard`); imports read sample files
/// from memory. The error style (located, caret, plain) follows the input's length.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShell(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    scratchFolder.enter()
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

/// An empty folder to run in, should anything still reach the disk.
private final class ScratchFolder: Sendable {
    private let path: String

    init() {
        var template = Array((NSTemporaryDirectory() + "/hwbsh-fuzz-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("cannot make a scratch folder") }
        path = String(cString: made)
    }

    func enter() {
        if FileManager.default.currentDirectoryPath != path {
            FileManager.default.changeCurrentDirectoryPath(path)
        }
    }
}

private let scratchFolder = ScratchFolder()

@main
enum Main {
    static func main() { Fuzzer.run(fuzzShell) }
}
