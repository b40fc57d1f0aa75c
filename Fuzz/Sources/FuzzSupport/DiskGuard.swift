import HwbLanguage
@testable import HwbShell

/// Keeps fuzzed commands off the disk: a fuzzer that types `save /some/file` must not
/// write it. Imports read files given in memory instead (`Shell.fileOverrides`);
/// `save`, `load`, `run`, `output`, `once` and `export` to a file are never run.
public enum DiskGuard {
    /// What an import reads in place of its file.
    public struct Files: Sendable {
        public var accounts: [UInt8]
        public var schools: [UInt8]

        public init(accounts: [UInt8], schools: [UInt8]) {
            self.accounts = accounts
            self.schools = schools
        }
    }

    /// A valid account file and a valid school file, for imports in a fuzzed script.
    public static let sampleFiles = Files(
        accounts: Array("""
            id,name,kind,school,status,created,lastActivity,content,category,expires,closeAtExpiry,role,leavingDate,deactivatedOn,deletionDue,reason
            cai.evans,Cai Evans,non-mis,6612001,active,2027-01-10,2027-02-01,4,governor,2027-08-31,false,,,,,
            nia.mis,"Nia ""Nini"" Huws",mis,6612002,active,2026-09-01,2026-09-01,0,,,,learner,,,,

            """.utf8),
        schools: Array("""
            number,name,maintained
            6612003,Ysgol Newydd,yes
            6639001,"Coleg, Preifat",no

            """.utf8))

    /// The file contents to give the shell for `commands`, or nil when one of them would
    /// touch the disk. An import must be alone on its line: the shell forgets the files
    /// it was given after each command.
    public static func overrides(for commands: [Command], files: Files = sampleFiles) -> [String: [UInt8]]? {
        var overrides: [String: [UInt8]] = [:]
        for command in commands {
            switch command {
            case .save, .load, .run, .output, .once:
                return nil
            case .export(_, let path, _):
                guard path == "-" else { return nil }
            case .importAccounts(let path):
                guard commands.count == 1 else { return nil }
                overrides[path] = files.accounts
            case .importSchools(let path):
                guard commands.count == 1 else { return nil }
                overrides[path] = files.schools
            // No default: a new command must be placed on one side or the other.
            case .help, .showDate, .setDate, .advanceDate, .addSchool, .listSchools, .login, .whoami, .create,
                 .join, .leave, .signIn, .setContent, .keep, .close, .reactivate, .sweep, .list, .count, .show,
                 .expiring, .pending, .report, .audit, .format, .quit, .undo, .pager, .timer, .echo, .print, .settings,
                 .forecast, .timeline, .whatIf, .showPolicy, .setPolicy:
                break
            }
        }
        return overrides
    }

    /// Runs one raw line on `shell` as `Shell.runLine` does, unless a command on it would
    /// touch the disk; then the line is skipped (false).
    @discardableResult
    public static func runLine(_ raw: [UInt8], on shell: Shell, file: String, line: Int) -> Bool {
        if case .success(let text) = ScriptText.decode(raw) {
            let commands = Parser.parse(line: text, file: file, lineNumber: line).compactMap { try? $0.get().command }
            guard let overrides = overrides(for: commands) else { return false }
            shell.fileOverrides = overrides
        }
        // A line that does not decode is refused by the shell before any command runs.
        shell.runLine(raw, file: file, line: line)
        shell.fileOverrides = [:]
        return true
    }
}
