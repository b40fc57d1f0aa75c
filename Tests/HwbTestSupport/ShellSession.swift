import HwbCore
import HwbShell

/// An interpreter on a fresh store with a console that collects what it writes, for
/// tests that drive `Shell` with script text.
///
///     let session = ShellSession(today: "2027-07-01")
///     let result = session.run("school add 6612001 name=\"Ysgol\"")
///     #expect(result.output == "added school 6612001 Ysgol\n")
public final class ShellSession {
    public let console = BufferConsole()
    public let shell: Shell

    /// What one `run` printed.
    public struct Output: Sendable, Equatable {
        public var output: String
        public var errors: String

        /// The lines of standard error, without the final empty one.
        public var errorLines: [String] { errors.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
        /// The lines of standard output, without the final empty one.
        public var outputLines: [String] { output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    /// A shell on an empty store dated `today`. `keepGoing` is on by default so that one
    /// session can run several scripts even after a refused command.
    public init(today: String = "2027-07-01", actor: Actor = .serviceDesk, keepGoing: Bool = true) {
        shell = Shell(store: Store(today: Fixtures.date(today)), actor: actor, console: console)
        shell.keepGoing = keepGoing
        shell.scriptsKeepGoing = keepGoing
    }

    /// Runs `script` as the lines of a file called `file`; returns only what this call printed.
    @discardableResult
    public func run(_ script: String, file: String = "test.hwb") -> Output {
        console.reset()
        shell.run(ScriptLines(script), file: file)
        let result = Output(output: console.output, errors: console.errors)
        console.reset()
        return result
    }

    /// `export json -`: the store's accounts as the interchange document text.
    public func exportJSON() -> String {
        run("export json -").output
    }
}
