import HwbCore
import HwbLanguage
import HwbStorage
import HwbTerminal

/// The interpreter: runs commands on a store as an actor and prints their results.
///
///     let shell = Shell(store: Store(today: date), console: StandardConsole())
///     try shell.execute(parsed)      // throws ShellError; the store is then unchanged
public final class Shell {
    public internal(set) var store: Store
    public internal(set) var actor: Actor
    /// How and where results are shown: format, width, colours, pager, output file.
    let renderer = Renderer()
    public var format: OutputFormat { renderer.format }
    /// Where the shell writes. Commands never write to it themselves: they go through
    /// `print`, `write(_:)` (a table), `write(document:)`, `report` and `warn`, which show
    /// every control character as `\u{..}` (`String.displayed`), so that no name from a
    /// file, the feed or a snapshot reaches the terminal as a command.
    var console: Console

    /// When reading stops, failures, nesting (`Session`).
    var session = Session()
    public var keepGoing: Bool {
        get { session.keepGoing }
        set { session.keepGoing = newValue }
    }
    public var scriptsKeepGoing: Bool {
        get { session.scriptsKeepGoing }
        set { session.scriptsKeepGoing = newValue }
    }
    public var stopRequested: Bool { session.stopRequested }
    public var quitRequested: Bool { session.quitRequested }
    public var failureCount: Int { session.failureCount }
    /// Whether any command has failed.
    public var hasFailed: Bool { session.failureCount > 0 }
    /// How errors are written.
    public enum ErrorStyle: Sendable {
        /// `FILE:LINE:COL: error: ...`, for scripts, `-c` and piped input.
        case located
        /// `error: ...` and a caret under the offending word, at the terminal.
        case caret
        /// `error: ...` alone, as transcripts expect.
        case plain
    }

    public var errorStyle = ErrorStyle.located
    /// Receives each error as a transcript shows it (`error: ...` and detail lines), when
    /// a session is being recorded.
    var errorRecorder: ((String) -> Void)?
    /// The terminal's width, when output goes to one: tables are fitted to it. Asked
    /// for each table, so that a resized window is followed.
    public var terminalWidth: () -> Int? {
        get { renderer.terminalWidth }
        set { renderer.terminalWidth = newValue }
    }
    /// Whether long work draws a progress bar on standard error (`Progress.isWanted`).
    public var showsProgress = false

    /// Whether tables colour account status (on a terminal, unless NO_COLOR is set).
    public var colours: Bool {
        get { renderer.colours }
        set { renderer.colours = newValue }
    }
    /// Asks the person at the terminal before something is destroyed; nil in scripts,
    /// piped input and with --yes, which never ask.
    public var confirm: ((String) -> Bool)?
    /// Whether the store has changed since it was loaded or saved.
    public internal(set) var hasUnsavedChanges = false
    /// Writes the session down, with `--record`.
    var recorder: TranscriptRecorder?
    /// The `--store` files, when the store is kept on disk.
    var storeFile: StoreFile?
    /// File contents to use instead of reading the disk: a journal record's attachments
    /// while it is replayed.
    var fileOverrides: [String: [UInt8]] = [:]
    /// The changes `undo` can take back.
    var undoHistory = UndoHistory()
    /// The outcome of the command being performed, as it grows.
    private var collecting: Outcome?

    public init(store: Store, actor: Actor = .serviceDesk, console: Console) {
        self.store = store
        self.actor = actor
        self.console = console
    }

    /// Runs one command and shows what it printed. On error nothing has changed and
    /// nothing was printed on standard output; the caller reports the error (see `report`).
    public func execute(_ parsed: ParsedCommand) throws(ShellError) {
        show(try perform(parsed))
    }

    /// Runs one command on the store as the actor: the change, and what it shows as an
    /// `Outcome`, rendered by the caller (or dropped, by a journal replay).
    func perform(_ parsed: ParsedCommand) throws(ShellError) -> Outcome {
        // A `run` collects its own outcome while the commands of its script show theirs.
        let outer = collecting
        collecting = Outcome()
        defer { collecting = outer }
        try change(parsed)
        return collecting ?? Outcome()
    }

    private func change(_ parsed: ParsedCommand) throws(ShellError) {
        let context = Context(actor: actor, command: parsed.text)
        guard confirmed(parsed.command) else {
            session.declinedOnThisLine = true
            return print(parsed.command == .quit ? Shell.stayingMessage : "cancelled; nothing changed")
        }
        try journal(parsed)
        let before = storeBeforeChange(parsed.command)
        defer { fileOverrides = [:] }
        do {
            switch parsed.command {
            case .help(let topic): try help(topic)
            case .showDate: print("\(store.today)")
            case .setDate(let date):
                try store.setDate(date)
                printToday()
            case .advanceDate(let period):
                try store.advance(by: period)
                printToday()
            case .addSchool(let school):
                try store.addSchool(school, context)
                print("added school \(school.number) \(school.name)\(school.maintained ? "" : " (not maintained)")")
            case .listSchools: listSchools()
            case .login(let actor): try login(actor)
            case .undo: try undo()
            case .whoami: print(describeActor())
            case .create(let request): created(try store.create(request, context))
            case .join(let event): joined(try store.join(event, context))
            case .leave(let id, let date):
                let account = try store.leave(id, on: date, context)
                guard case .mis(let mis) = account.lifecycle, let leaving = mis.leavingDate else { break }
                print("\(id) leaves on \(leaving); " + (leaving <= store.today
                    ? "the next sweep deactivates it" : "the sweep deactivates it from then"))
            case .signIn(let id, let date):
                let account = try store.signIn(id, on: date, context)
                print("\(id) signed in on \(date ?? store.today); last activity \(account.lastActivity)")
            case .setContent(let id, let count):
                try store.setContent(id, to: count, context)
                print("\(id) holds \(count) content item\(count == 1 ? "" : "s")")
            case .keep(let selection, let period): try keep(selection, period, context)
            case .close(let selection, let mode): try close(selection, mode, context)
            case .reactivate(let id, let until): reactivated(try store.reactivate(id, until: until, context))
            case .sweep(let dryRun): sweep(dryRun: dryRun, context)
            case .list(let filters, let limit): list(filters, limit: limit)
            case .count(let filters, let limit): count(filters, limit: limit)
            case .show(let id): try show(id)
            case .expiring: expiring()
            case .pending: pending()
            case .report(let filters, let grouping): report(filters, by: grouping)
            case .forecast(let filters, let until): try forecast(filters, until: until)
            case .timeline(let id): try timeline(id)
            case .whatIf(let settings, let filters, let until): try whatIf(settings, filters, until: until)
            case .showPolicy: showPolicy()
            case .setPolicy(let settings): try setPolicy(settings, context)
            case .audit(let id, let since, let until, let rule, let last):
                try audit(id, since: since, until: until, rule: rule, last: last)
            case .format(let format): setFormat(format)
            case .output(let path): try setOutput(path)
            case .once(let path): try setOnce(path)
            case .pager(let on): setPager(on)
            case .timer(let on):
                renderer.timer = on
                print("timer \(on ? "on: the time each command takes is printed after it" : "off")")
            case .echo(let on):
                renderer.echo = on
                print("echo \(on ? "on: scripts print each command before its output" : "off")")
            case .print(let text): print(text)
            case .settings: settings()
            case .save(let path): try save(to: path)
            case .load(let path): try load(from: path)
            case .importAccounts(let path): try importAccounts(from: path, context)
            case .importSchools(let path): try importSchools(from: path, context)
            case .export(let format, let path, let filters): try export(format, to: path, filters: filters)
            case .run(let path): try runScript(at: path)
            case .quit:
                session.quit()
            }
            switch parsed.command {
            case .save, .load: hasUnsavedChanges = false
            case let command where command.changesStore: hasUnsavedChanges = storeFile == nil
            default: break
            }
            if let before { undoHistory.push(before, command: parsed.text) }
            foldJournalIfLarge()
        } catch let error as RuleError {
            throw .rule(withAnswer(error))
        } catch let error as ShellError {
            throw error
        } catch {
            throw .file("\(error)")
        }
    }

    /// A progress bar for work of `total` units, when this session shows them and the work
    /// is large enough to wait for. It draws straight on standard error, so that nothing
    /// records it.
    func progress(_ label: String, total: Int, unit: Progress.Unit) -> Progress? {
        guard showsProgress, Progress.isLarge(total, unit) else { return nil }
        return Progress(label: label, total: total, unit: unit, width: terminalWidth() ?? 80)
    }

    /// `1 account`, `2 accounts`.
    func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// A listing, shown in the current format.
    func write(_ table: Table) {
        add(.table(table))
    }

    /// One line of output.
    func print(_ line: String) {
        add(.line(line))
    }

    /// Labelled values, one a line (`show`).
    func write(fields: [(label: String, value: String)]) {
        add(.fields(fields))
    }

    /// A document of several lines (a listing as CSV or JSON, `export ... -`).
    func write(document bytes: [UInt8]) {
        add(.document(bytes))
    }

    /// Part of the running command's outcome; outside a command (the welcome, the
    /// banner at start, "bye"), shown at once.
    private func add(_ part: Outcome.Part) {
        if collecting != nil { return collecting!.parts.append(part) }
        show(part)
    }

    /// An outcome, part by part, as the renderer lays it out.
    func show(_ outcome: Outcome) {
        for part in outcome.parts { show(part) }
    }

    /// One part: its control characters shown as `\u{..}` at a terminal (a document keeps
    /// its line ends; JSON escapes them its own way, a CSV cell cannot), wrapped at spaces
    /// to the terminal's width; a file keeps a document's text exactly.
    func show(_ part: Outcome.Part) {
        switch part {
        case .line(let line):
            let shown = line.displayed
            guard let width = renderer.width, shown.count > width else { return emit(shown + "\n") }
            emit(shown.wrapped(to: width).joined(separator: "\n") + "\n")
        case .fields(let fields):
            let labelWidth = max(15, (fields.map(\.label.count).max() ?? 0) + 1)
            let valueWidth = renderer.width.map { max(20, $0 - labelWidth - 2) }
            for (label, value) in fields {
                let lines = valueWidth.map { value.displayed.wrapped(to: $0) } ?? [value.displayed]
                for (index, line) in lines.enumerated() {
                    emit("  \((index == 0 ? label : "").padded(to: labelWidth))\(line)\n")
                }
            }
        case .table(let table):
            if let document = renderer.render(table) { return show(.document(document)) }
            emit(renderer.text(of: table))
        case .document(let bytes):
            // To a file the bytes go as they are: a national listing is tens of megabytes.
            if let file = renderer.destinationFile {
                if !renderer.isQuiet { file.write(bytes: bytes) }
                return
            }
            let text = String(decoding: bytes, as: UTF8.self)
            emit(renderer.destinationFile == nil ? text.displayedKeepingLineEnds : text)
        }
    }

    /// Text on its way out: to the file of `output`/`once`, the pager, or the console.
    func emit(_ text: String) {
        if renderer.isQuiet { return }
        if let file = renderer.destinationFile {
            file.write(text)
        } else if let paging = renderer.paging {
            paging.write(text)
        } else {
            console.write(text)
        }
    }

    /// Asks before a command that destroys something, when someone is there to ask:
    /// a sweep that deletes accounts, `close ID now`, `load` over unsaved changes (with
    /// `--store`, over a store that is not empty), leaving with unsaved changes.
    private func confirmed(_ command: Command) -> Bool {
        guard let confirm else { return true }
        switch command {
        case .sweep(dryRun: false):
            let plan = store.planSweep()
            guard !plan.deleted.isEmpty else { return true }
            return confirm("This sweep deletes \(plural(plan.deleted.count, "account")) for good, with \(plural(plan.deletedContent, "content item")). Continue?")
        case .close(let selection, .now):
            guard let ids = try? ids(of: selection) else { return true }
            // A change of several that would be refused is refused without a question.
            if ids.count > 1, !wouldChangeAll(command) { return true }
            let accounts = ids.compactMap { try? store.account($0, visibleTo: actor) }.filter { $0.isActive && !$0.isMIS }
            guard !accounts.isEmpty else { return true }
            let due = store.policy.deletionDue(after: store.today)
            let content = plural(accounts.map(\.content).contentTotal, "content item")
            guard accounts.count > 1 || ids.count > 1 else {
                return confirm("Close \(accounts[0].id) now? Deleted for good on \(due) with \(content).")
            }
            return confirm("Close \(plural(accounts.count, "account")) now (\(Self.sample(accounts.map(\.id.value))))? Deleted for good on \(due) with \(content).")
        case .close(let selection, .atExpiry):
            guard let ids = try? ids(of: selection), ids.count > 1, wouldChangeAll(command) else { return true }
            return confirm("Close \(plural(ids.count, "account")) at expiry (\(Self.sample(ids.map(\.value))))?")
        case .keep(let selection, let period):
            guard let ids = try? ids(of: selection), ids.count > 1, wouldChangeAll(command) else { return true }
            return confirm("Keep \(plural(ids.count, "account")) \(period.rawValue) (\(Self.sample(ids.map(\.value))))?")
        case .load(let path):
            if let storeFile {
                return loadOverStoreQuestion(path, storeFile: storeFile).map(confirm) ?? true
            }
            guard hasUnsavedChanges else { return true }
            return confirm("The store has changes that are not saved. Load \(path) over them?")
        case .quit:
            return leavingQuestion.map(confirm) ?? true
        default:
            return true
        }
    }

    private func printToday() {
        print("today is \(store.today) (\(store.today.weekdayName))")
    }

    private func login(_ newActor: Actor) throws(RuleError) {
        try store.checkLogin(newActor)
        actor = newActor
        print("acting as \(describeActor())")
        printBanner()
    }

    /// R6: the banner, when the actor has accounts to manage.
    public func printBanner() {
        let list = store.expiringList(visibleTo: actor)
        guard !list.isEmpty else { return printInactivityWarning() }
        let overdue = list.filter { account in
            guard case .nonMIS(let nonMIS) = account.lifecycle else { return false }
            return nonMIS.expires < store.today
        }.count
        let noun = list.count == 1 ? "account expires" : "accounts expire"
        print("\(list.count) non-MIS \(noun) in the next \(expiringWindowText)\(overdue > 0 ? " (\(overdue) overdue)" : ""): type expiring to manage them")
        printInactivityWarning()
    }

    /// R13: how many of the actor's accounts the next sweep deactivates as inactive.
    func printInactivityWarning() {
        let idle = store.inactivityDueCount(visibleTo: actor)
        guard idle > 0 else { return }
        let them = idle == 1 ? "1 non-MIS account has" : "\(idle) non-MIS accounts have"
        print("\(them) had no sign-in for \(store.policy.inactivityDays) days: the next sweep deactivates \(idle == 1 ? "it" : "them") as inactive (R13); list kind=non-mis status=active inactive=\(store.policy.inactivityDays)d shows \(idle == 1 ? "it" : "them")")
    }

    func describeActor() -> String {
        switch actor {
        case .serviceDesk:
            return "service-desk (every school)"
        case .laAdmin(let code):
            let count = store.schools(visibleTo: actor).count
            return "la-admin \(code) (\(count) school\(count == 1 ? "" : "s") in LA \(code))"
        case .champion(let number):
            return "champion \(number)\(store.schools[number].map { " (\($0.name))" } ?? "")"
        }
    }

    /// The message for a failed command, as `FILE:LINE:COL: error: ...` plus any detail
    /// lines. The one place errors become text.
    public func report(_ error: ShellError, at location: SourceLocation?, line: String? = nil) {
        if renderer.isQuiet { return }
        // Messages quote what they were given (a cell of a file, a school's name): each
        // line is shown `displayed`.
        let message = "error: \(error)".displayed
        var plain = message + "\n"
        for detail in error.details { plain += "  \(detail.displayed)\n" }
        errorRecorder?(plain)
        // Inside `run FILE` the file and line matter whatever the style.
        let style = session.runDepth > 0 ? .located : errorStyle
        switch style {
        case .located:
            let place = location.map { "\($0.file):\($0.line):\(error.column ?? $0.column): " } ?? "hwbsh: "
            console.writeError(place.displayed + plain)
        case .caret:
            var caret = ""
            if let line, let column = error.column {
                // Under the word as shown, after any `\u{..}` before it.
                let offset = String(line.prefix(max(0, column - 1))).displayed.count
                caret = "  \(line.displayed)\n  \(String(repeating: " ", count: offset))^\n"
            }
            console.writeError(message + "\n" + caret + plain.drop { $0 != "\n" }.dropFirst())
        case .plain:
            console.writeError(plain)
        }
    }

    /// Something went wrong that is not a command's failure (a torn journal record
    /// dropped, a fold that must wait): `hwbsh: warning: ...`. With `report`, the only
    /// place problems become text.
    public func warn(_ message: String) {
        console.writeError("hwbsh: warning: \(message)".displayed + "\n")
    }

    /// Records a failure; unless keeping going, the runner stops.
    func noteFailure() {
        session.noteFailure()
    }
}

extension CalendarDate {
    /// The English name of the day of the week.
    var weekdayName: String {
        // 1970-01-01 (day 0) was a Thursday.
        let names = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
        let index = Int(dayNumber) % 7
        return names[index < 0 ? index + 7 : index]
    }
}
