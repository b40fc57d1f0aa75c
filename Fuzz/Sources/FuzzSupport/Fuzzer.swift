import CFuzzerDriver
#if canImport(Glibc)
import Glibc
#endif

/// Runs libFuzzer. SwiftPM gives each executable a `main` of its own (it renames the
/// entry point, so tests can link executables), so a target cannot use libFuzzer's `main`:
/// it calls this from its `@main` type instead.
///
///     @main enum Main {
///         static func main() { Fuzzer.run(fuzzSnapshot) }
///     }
public enum Fuzzer {
    /// Parses libFuzzer's options from the command line and runs `test` on each input.
    public static func run(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }
}
