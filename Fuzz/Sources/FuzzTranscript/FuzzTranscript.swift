import FuzzSupport
@testable import HwbShell
import HwbStorage

/// One input is a transcript file (`.t`), read as `hwbsh test` reads it: as UTF-8 text,
/// then `Transcript(parsing:)`; the transcript's own text is then written and parsed again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscript(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? FileAccess.text(bytes, path: "fuzz.t") else { return 0 }
    let transcript = Transcript(parsing: text)
    _ = transcript.commands.map(\.text)
    _ = Transcript(parsing: transcript.text)
    return 0
}

@main
enum Main {
    static func main() { Fuzzer.run(fuzzTranscript) }
}
