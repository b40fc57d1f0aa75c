import FuzzSupport
import HwbLanguage
@testable import HwbShell

/// One input is one line of bytes, as a script or a pipe gives it: decoded as UTF-8
/// (`ScriptText.decode`, which refuses invalid UTF-8 and over-long lines), lexed and
/// parsed (`Parser.parse(line:)`), every error's message rendered.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let raw = Array(UnsafeBufferPointer(start: data, count: size))
    switch ScriptText.decode(raw) {
    case .failure(let error):
        _ = error.description
    case .success(let line):
        for result in Parser.parse(line: line, file: "fuzz", lineNumber: 1) {
            switch result {
            case .success(let parsed):
                _ = parsed.command.changesStore
            case .failure(let error):
                _ = ShellError.parse(error).description
            }
        }
        _ = try? Lexer.statements(in: line)
    }
    return 0
}

@main
enum Main {
    static func main() { Fuzzer.run(fuzzCommandLine) }
}
