/// Every command's usage, purpose, rule and example: the source of `help` and of
/// "did you mean" suggestions.
public struct CommandHelp: Sendable {
    public enum Group: String, Sendable, CaseIterable {
        case explore = "Explore"
        case manage = "Manage accounts"
        case simulate = "Simulate (the system itself)"
        case files = "Files"
        case shell = "Shell"
    }

    /// The command word (`keep`), or two words for families (`mis join`, `date set`).
    public var name: String
    public var group: Group
    public var usage: String
    public var summary: String
    /// The rule the command follows, if any (`R7`).
    public var rule: String?
    public var example: String
}

public enum CommandCatalog {
    public static let all: [CommandHelp] = [
        .init(name: "list", group: .explore, usage: "list [FILTER...] [limit=N]",
              summary: "Lists the accounts in your scope, sorted by id, and how many there are; limit=N shows the first N. Filters: kind= status= role= category= school= la= reason= expiring=PERIOD inactive=PERIOD name~TEXT; several all apply.",
              rule: "R11", example: "list status=active expiring=8w"),
        .init(name: "count", group: .explore, usage: "count [FILTER...]",
              summary: "Counts the accounts in your scope that pass the filters (as for list).",
              rule: "R11", example: "count kind=non-mis status=deactivated"),
        .init(name: "show", group: .explore, usage: "show ID",
              summary: "Shows one account, what happens to it next and why, and its history with rule ids.",
              rule: "R11", example: "show jo.bloggs"),
        .init(name: "expiring", group: .explore, usage: "expiring",
              summary: "The manage-expiring list: your active non-MIS accounts expiring in the next 8 weeks (56 days), not set to close, by expiry date; overdue ones are marked.",
              rule: "R6", example: "expiring"),
        .init(name: "pending", group: .explore, usage: "pending",
              summary: "Deactivated staff who joined another school and wait for the Service Desk to reactivate them.",
              rule: "R9", example: "pending"),
        .init(name: "audit", group: .explore, usage: "audit [ID] [since=DATE] [until=DATE] [last=N]",
              summary: "The audit log: every change with its date, actor, rule and before/after; since= and until= keep those days, last=N the newest N.",
              rule: nil, example: "audit jo.bloggs"),
        .init(name: "schools", group: .explore, usage: "schools",
              summary: "The whole school directory; accounts are counted at the schools in your scope.",
              rule: "R3", example: "schools"),
        .init(name: "whoami", group: .explore, usage: "whoami",
              summary: "Who the shell acts as, and its scope.",
              rule: "R11", example: "whoami"),
        .init(name: "create", group: .manage,
              usage: "create ID name=\"...\" category=CAT school=NUMBER [expires=DATE | for=1m|3m|6m|end-of-year]",
              summary: "Creates an active non-MIS account. Expiry: a date up to the end of this academic year, or a period; the end of the academic year by default. An ITE student needs an expiry.",
              rule: "R5", example: "create jo.bloggs name=\"Jo Bloggs\" category=supply-teacher school=6612001 for=3m"),
        .init(name: "keep", group: .manage, usage: "keep ID end-of-next-year|6m|3m|1m",
              summary: "Extends an active non-MIS account from its expiry (or today, if later), never past the end of next academic year; clears close-at-expiry.",
              rule: "R7", example: "keep jo.bloggs 6m"),
        .init(name: "close", group: .manage, usage: "close ID now|at-expiry",
              summary: "Closes a non-MIS account now (deactivated, deleted 12 months later) or at its expiry (taken off the expiring list).",
              rule: "R8", example: "close jo.bloggs at-expiry"),
        .init(name: "reactivate", group: .manage, usage: "reactivate ID [until=DATE]",
              summary: "Makes a deactivated account active again. Non-MIS: any actor, expiry until= or kept or the end of the year. MIS: the Service Desk only, at the pending school if any.",
              rule: "R12", example: "reactivate jo.bloggs until=2028-03-31"),
        .init(name: "login", group: .manage, usage: "login service-desk | login la-admin LA | login champion SCHOOL",
              summary: "Acts as someone else; shows the expiring banner when there is something to manage.",
              rule: "R11", example: "login champion 6612001"),
        .init(name: "undo", group: .manage, usage: "undo",
              summary: "Takes back the last command that changed the store, up to 10 of them, newest first: the accounts, the clock, the directory and the audit log are as they were before it. Not login (who you act as stays). With --store, back to the last fold of the journal only.",
              rule: nil, example: "undo"),
        .init(name: "date", group: .simulate, usage: "date | date set DATE | date advance PERIOD",
              summary: "Prints today, or moves the simulated clock forward (never back, except on an empty store). Moving the clock never sweeps.",
              rule: "R2", example: "date advance 6w"),
        .init(name: "sweep", group: .simulate, usage: "sweep [dry-run]",
              summary: "The nightly housekeeping: deactivates expired, idle and leaving accounts and deletes those whose deletion is due. dry-run reports without changing anything.",
              rule: "R10", example: "sweep dry-run"),
        .init(name: "school", group: .simulate, usage: "school add NUMBER name=\"...\" [maintained=yes|no]",
              summary: "Adds a school to the directory: 7 digits, the first three a Welsh LA code (660-681).",
              rule: "R3", example: "school add 6612001 name=\"Ysgol y Môr\""),
        .init(name: "mis", group: .simulate,
              usage: "mis join ID school=NUMBER [name=\"...\" role=learner|staff] | mis leave ID [on=DATE]",
              summary: "MIS feed events: a record created at a school (new account, move, learner reactivated, staff pending), or a leaving date entered.",
              rule: "R9", example: "mis join sian.ifans school=6612001 name=\"Siân Ifans\" role=learner"),
        .init(name: "signin", group: .simulate, usage: "signin ID [on=DATE]",
              summary: "Records a sign-in on an active account (not after today, not before it was created).",
              rule: "R13", example: "signin jo.bloggs on=2027-07-01"),
        .init(name: "content", group: .simulate, usage: "content ID N",
              summary: "Sets the number of stored content items of an account.",
              rule: "R13", example: "content jo.bloggs 42"),
        .init(name: "save", group: .files, usage: "save FILE",
              summary: "Writes the whole store (clock, directory, accounts, audit log, actor) to a snapshot file.",
              rule: nil, example: "save demo.hwbs"),
        .init(name: "load", group: .files, usage: "load FILE",
              summary: "Replaces the store with a snapshot file, after checking it completely.",
              rule: "R14", example: "load demo.hwbs"),
        .init(name: "import", group: .files, usage: "import accounts FILE | import schools FILE",
              summary: "Adds accounts (CSV with the export columns) or schools (number,name,maintained) from a CSV file; all or nothing, bad rows listed by line.",
              rule: "R14", example: "import schools schools.csv"),
        .init(name: "export", group: .files, usage: "export json|csv FILE [FILTER...]",
              summary: "Writes the accounts in your scope in the interchange formats; FILE - writes to standard output.",
              rule: nil, example: "export json accounts.json status=active"),
        .init(name: "run", group: .files, usage: "run FILE",
              summary: "Runs a script file.",
              rule: nil, example: "run examples/year-end.hwb"),
        .init(name: "format", group: .shell, usage: "format table|csv|json",
              summary: "How listings print.",
              rule: nil, example: "format csv"),
        .init(name: "help", group: .shell, usage: "help [COMMAND|TOPIC]",
              summary: "Lists the commands, or shows one command's usage and an example; topics: rules, R1-R14, filters, periods, actors, formats, files. Any other word is looked up in the commands and rules.",
              rule: nil, example: "help keep"),
        .init(name: "quit", group: .shell, usage: "quit | exit",
              summary: "Leaves hwbsh (also Ctrl-D).",
              rule: nil, example: "quit"),
    ]

    /// The help entry for a command word (`exit` is `quit`).
    public static func entry(for name: String) -> CommandHelp? {
        let name = name == "exit" ? "quit" : name
        return all.first { $0.name == name }
    }

    /// Every command word the parser accepts.
    public static var commandWords: [String] { all.map(\.name) + ["exit"] }

    /// The closest of `candidates` to a mistyped `word`, if it is close enough to be a typo.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(1, min(word.count, best.count) / 3) else { return nil }
        return best
    }

    /// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var distance = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { distance[i][0] = i }
        for j in 0...b.count { distance[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                distance[i][j] = min(distance[i - 1][j] + 1, distance[i][j - 1] + 1, distance[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    distance[i][j] = min(distance[i][j], distance[i - 2][j - 2] + 1)
                }
            }
        }
        return distance[a.count][b.count]
    }
}
