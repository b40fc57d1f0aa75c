import HwbCore

/// How listings print (`format auto|table|expanded|csv|json`).
public enum OutputFormat: String, Sendable, CaseIterable {
    /// A table when it fits the terminal, else one field a line.
    case auto
    case table
    /// One field a line, a block per row.
    case expanded
    case csv, json
}

/// The accounts a change applies to: ids as typed, or those in scope that pass filters
/// (`keep where category=governor 1m`).
public enum AccountSelection: Sendable, Equatable {
    case ids([AccountID])
    case matching([AccountFilter])
}

/// The interchange formats of `export`.
public enum ExportFormat: String, Sendable, CaseIterable {
    case json, csv
}

/// One command of the language (docs/language.md), its arguments checked and typed.
public enum Command: Sendable, Equatable {
    case help(topic: String?)
    case showDate
    case setDate(CalendarDate)
    case advanceDate(Period)
    case addSchool(School)
    case listSchools
    case login(Actor)
    /// Takes back the last change to the store (`undo`).
    case undo
    case whoami
    case create(NewAccount)
    case join(JoinEvent)
    case leave(AccountID, on: CalendarDate?)
    case signIn(AccountID, on: CalendarDate?)
    case setContent(AccountID, Int)
    case keep(AccountSelection, KeepPeriod)
    case close(AccountSelection, CloseMode)
    case reactivate(AccountID, until: CalendarDate?)
    case sweep(dryRun: Bool)
    /// `limit=N` shows the first N (by id) of those that pass.
    case list([AccountFilter], limit: Int? = nil)
    /// `limit=N` counts no further than N.
    case count([AccountFilter], limit: Int? = nil)
    case show(AccountID)
    case expiring
    case pending
    /// Counts in groups, and the expiring list by week (`report [FILTER...] [by=...]`).
    case report([AccountFilter], by: Report.Grouping?)
    /// What the sweep will do if nobody acts, up to `until` (`forecast [FILTER...] [until=DATE]`).
    case forecast([AccountFilter], until: CalendarDate?)
    /// One account's timeline and what would change it (`forecast ID`).
    case timeline(AccountID)
    /// The forecast under a changed policy beside the current one (`what-if NAME=VALUE...`).
    case whatIf([Policy.Setting], [AccountFilter], until: CalendarDate?)
    /// Shows the store's policy (`policy`).
    case showPolicy
    /// Changes the store's policy (`policy set NAME=VALUE...`).
    case setPolicy([Policy.Setting])
    /// `since=`/`until=` keep the entries of those days, `rule=` those of one rule;
    /// `last=N` the newest N of them.
    case audit(AccountID?, since: CalendarDate? = nil, until: CalendarDate? = nil, rule: Rule? = nil, last: Int? = nil)
    /// nil shows the current format.
    case format(OutputFormat?)
    /// `output FILE` sends what commands print to FILE; nil (`output` alone) back to the screen.
    case output(path: String?)
    /// `once FILE`: the next command's output goes to FILE.
    case once(path: String)
    case pager(Bool)
    case timer(Bool)
    case echo(Bool)
    case print(String)
    case settings
    case save(path: String)
    case load(path: String)
    case importAccounts(path: String)
    case importSchools(path: String)
    case export(ExportFormat, path: String, filters: [AccountFilter])
    case run(path: String)
    case quit

    /// Whether the command is `run FILE`.
    public var isRun: Bool {
        if case .run = self { return true }
        return false
    }

    /// Whether the command can change the store (the clock, the directory or accounts).
    public var changesStore: Bool {
        switch self {
        case .setDate, .advanceDate, .addSchool, .create, .join, .leave, .signIn, .setContent, .keep, .close,
             .reactivate, .load, .importAccounts, .importSchools, .setPolicy:
            return true
        case .sweep(let dryRun):
            return !dryRun
        case .undo:
            return true
        default:
            return false
        }
    }
}

/// A parsed command with the text it was written as and where.
public struct ParsedCommand: Sendable, Equatable {
    public var command: Command
    public var text: String
    public var location: SourceLocation

    public init(command: Command, text: String, location: SourceLocation) {
        self.command = command
        self.text = text
        self.location = location
    }
}
