import ArgumentParser
import Foundation
import HwbCore
import HwbLanguage
import HwbShell
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `hwbsh`: options only; everything else is in HwbShell.
struct Hwbsh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hwbsh",
        abstract: "A shell and scripting language for the lifecycle of Hwb school accounts.",
        usage: """
            hwbsh [options] [FILE...]
            hwbsh -c 'CMD; CMD' [options]
            hwbsh test [--update] FILE.t|FOLDER...
            """,
        discussion: """
            With no FILE and no -c, reads commands from standard input: interactively on a \
            terminal, without prompts from a pipe. A FILE ending in .t is a transcript, \
            replayed as a script. `hwbsh test` runs transcripts as tests. Exit status: 0 \
            when every command succeeded, 1 when one failed, 2 for a wrong option.
            """)

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these commands (separated by ; or new lines), then exit.", valueName: "commands"))
    var commands: String?

    @Option(help: ArgumentHelp("Today for a new, empty store (default: the real date).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Start as service-desk (default), 'la-admin LA' or 'champion SCHOOL'.", valueName: "actor"))
    var actor: String?

    @Option(help: ArgumentHelp("Work on this store file: load it (a new store if it does not exist) and keep every change in it.", valueName: "file"))
    var store: String?

    @Flag(help: "With --store: if its journal is damaged, keep the sound records before the damage and move the journal aside (asks first; --yes goes ahead without asking).")
    var recover = false

    @Flag(help: "In scripts, go on after a failed command (default: stop at the first).")
    var keepGoing = false

    @Flag(help: "Never ask before a command destroys something (only a terminal session asks).")
    var yes = false

    @Flag(help: "Present the files as a demo at the terminal: narration, each command typed out; Enter runs it, s skips, b goes back, q quits, other text runs as your own command.")
    var pace = false

    @Option(help: ArgumentHelp("Write the session (typed, piped, -c or script files) down as a transcript as it goes.", valueName: "file.t"))
    var record: String?

    @Flag(help: "At the terminal, do not run the startup file ~/.hwbshrc (scripts, -c and transcripts never run it).")
    var noRc = false

    @Argument(help: ArgumentHelp("Script files to run in turn.", valueName: "file"))
    var files: [String] = []

    func options() throws -> ProgramOptions {
        var options = ProgramOptions(date: try startDate())
        options.files = files
        options.commands = commands
        options.keepGoing = keepGoing
        options.assumeYes = yes
        options.storePath = store
        options.pace = pace
        options.recordPath = record
        options.recover = recover
        options.readsStartupFile = !noRc
        if recover && store == nil {
            throw ValidationError("--recover needs --store FILE: it mends the journal of that store")
        }
        options.environment = ProcessInfo.processInfo.environment
        if let actor {
            if actor == "la-admin" || actor == "champion" {
                throw ValidationError("--as \(actor) needs its \(actor == "la-admin" ? "LA code" : "school"), in the same argument: --as '\(actor) \(actor == "la-admin" ? "661" : "6612001")'")
            }
            do {
                options.actor = try Parser.actor(from: actor)
            } catch {
                throw ValidationError("--as: \(error.message)")
            }
        }
        if pace {
            guard commands == nil, !files.isEmpty else {
                throw ValidationError("--pace presents script or transcript files: hwbsh --pace demo.t")
            }
            guard isatty(0) == 1, isatty(1) == 1 else {
                throw ValidationError("--pace presents a demo at a terminal; without one, run the files without --pace")
            }
        }
        if commands != nil && !files.isEmpty {
            throw ValidationError("give either -c or script files, not both")
        }
        return options
    }

    private func startDate() throws -> CalendarDate {
        guard let date else { return Hwbsh.today() }
        guard let parsed = CalendarDate(date) else {
            throw ValidationError("--date: expected a date YYYY-MM-DD from 1900 to 9999, got \"\(date)\"")
        }
        return parsed
    }

    /// The real date, for a new store that is given no --date.
    static func today() -> CalendarDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}

/// `hwbsh test [--update] FILE.t...`: runs transcripts as tests.
struct TestTranscripts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hwbsh test",
        abstract: "Runs transcripts and reports N passed, N failed.",
        discussion: "Each transcript runs from an empty store; a failure shows a diff. Exit status 1 when any failed.")

    @Flag(help: "Rewrite each transcript's expected output with what happened, keeping comments and wildcard lines that still match.")
    var update = false

    @Argument(help: ArgumentHelp("Transcript files, and folders whose .t files (at any depth) are run in order.", valueName: "file.t|folder"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one transcript") }
    }
}

@main
enum Main {
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN) // a file size limit then fails the write instead of killing hwbsh
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "test" {
            let command = parse(TestTranscripts.self, Array(arguments.dropFirst()))
            let colours = isatty(1) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            exit(TranscriptTests.run(command.files, update: command.update, today: Hwbsh.today(), colours: colours))
        }
        let options: ProgramOptions
        do {
            options = try parse(Hwbsh.self, arguments).options()
        } catch {
            fail(Hwbsh.self, error)
        }
        exit(Program.run(options))
    }

    /// The parsed command, or the process ends: 0 for --help, 2 for a wrong option.
    static func parse<C: ParsableCommand>(_ type: C.Type, _ arguments: [String]) -> C {
        do {
            return try C.parse(arguments)
        } catch {
            fail(type, error)
        }
    }

    static func fail<C: ParsableCommand>(_ type: C.Type, _ error: Error) -> Never {
        if C.exitCode(for: error) == .success {
            print(C.fullMessage(for: error))
            exit(0)
        }
        StandardConsole().writeError("hwbsh: \(C.message(for: error))\nusage: \(C.usageString())\n")
        exit(2)
    }
}
