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
        discussion: """
            With no FILE and no -c, reads commands from standard input: interactively on a \
            terminal, without prompts from a pipe. Exit status: 0 when every command \
            succeeded, 1 when one failed, 2 for a wrong option.
            """)

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these commands (separated by ; or new lines), then exit.", valueName: "commands"))
    var commands: String?

    @Option(help: ArgumentHelp("Today for a new, empty store (default: the real date).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Start as service-desk (default), 'la-admin LA' or 'champion SCHOOL'.", valueName: "actor"))
    var actor: String?

    @Option(help: ArgumentHelp("Work on this store file: load it (a new store if it does not exist) and keep every change in it.", valueName: "file"))
    var store: String?

    @Flag(help: "In scripts, go on after a failed command (default: stop at the first).")
    var keepGoing = false

    @Flag(help: "Never ask before a command destroys something (only a terminal session asks).")
    var yes = false

    @Argument(help: ArgumentHelp("Script files to run in turn.", valueName: "file"))
    var files: [String] = []

    func options() throws -> ProgramOptions {
        var options = ProgramOptions(date: try startDate())
        options.files = files
        options.commands = commands
        options.keepGoing = keepGoing
        options.assumeYes = yes
        options.storePath = store
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
        if commands != nil && !files.isEmpty {
            throw ValidationError("give either -c or script files, not both")
        }
        return options
    }

    private func startDate() throws -> CalendarDate {
        if let date {
            guard let parsed = CalendarDate(date) else {
                throw ValidationError("--date: expected a date YYYY-MM-DD from 1900 to 9999, got \"\(date)\"")
            }
            return parsed
        }
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}

@main
enum Main {
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN) // a file size limit then fails the write instead of killing hwbsh
        let options: ProgramOptions
        do {
            options = try Hwbsh.parse().options()
        } catch {
            if Hwbsh.exitCode(for: error) == .success {
                print(Hwbsh.fullMessage(for: error))
                exit(0)
            }
            StandardConsole().writeError("hwbsh: \(Hwbsh.message(for: error))\nusage: \(Hwbsh.usageString())\n")
            exit(2)
        }
        exit(Program.run(options))
    }
}
