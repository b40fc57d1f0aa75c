import HwbCore
import HwbLanguage
import HwbStorage
import HwbTerminal

/// `--store`: the write-ahead journal, its replay and its folding into the snapshot.
extension Shell {
    /// Commands the journal records: those that change the store, and `login`, since the
    /// store file also keeps who the shell acts as. `load` is not journaled: it replaces
    /// the snapshot itself.
    private func isJournaled(_ command: Command) -> Bool {
        switch command {
        case .load: return false
        case .login: return true
        default: return command.changesStore
        }
    }

    /// Opens the `--store` files: loads the snapshot (a new store if there is none),
    /// replays the journal and from then on journals every change. With `recovery`
    /// (`--recover`), a damaged journal's sound records are kept and it is moved aside.
    func open(
        _ path: String, today: CalendarDate, environment: [String: String], recovery: StoreFile.Recovery? = nil
    ) throws(ShellError) {
        let limit = environment["HWBSH_JOURNAL_LIMIT"].flatMap { Int($0) }.map { max(1, $0) } ?? StoreFile.defaultRecordLimit
        let (file, opening) = try ShellError.catching(StoreFile.open(path: path, today: today, recordLimit: limit, recovery: recovery))
        for warning in opening.warnings { warn(warning) }
        store = opening.contents.store
        actor = opening.contents.actor
        undoHistory.clear(.folded(path: Shell.shown(file.path), every: file.recordLimit))
        try replay(opening.records)
        storeFile = file
        hasUnsavedChanges = false
        // A journal an earlier hwbsh began is folded at once, so that the next record
        // starts a version 2 journal (if the fold fails, records follow in version 1).
        if file.journalFormat == .version1 { foldJournal() }
    }

    /// Writes the command to the journal, flushed to disk, before it runs: if that fails
    /// the command does not run. An import's file goes into the record, so that a replay
    /// reads the same rows.
    func journal(_ parsed: ParsedCommand) throws(ShellError) {
        guard let storeFile, isJournaled(parsed.command) else { return }
        var attachments: [String: [UInt8]] = [:]
        switch parsed.command {
        case .importAccounts(let path):
            attachments[path] = try ShellError.catching(FileAccess.read(path, limit: FileAccess.blockFileLimit))
        case .importSchools(let path):
            attachments[path] = try ShellError.catching(FileAccess.read(path))
        default:
            break
        }
        try ShellError.catching(storeFile.append(actor: actor.description, command: parsed.text, attachments: attachments))
        fileOverrides = attachments
    }

    /// Runs journal records again after a restart through the interpreter (`perform`),
    /// dropping what they show. A record that was refused when it was first run is
    /// refused again, and changes nothing again.
    func replay(_ records: [JournalRecord]) throws(ShellError) {
        for record in records {
            do throws(ActorTextError) {
                actor = try Actor(parsing: record.actor)
            } catch {
                throw .file("journal record \(record.sequence) names an unknown actor \"\(record.actor)\"; it was not written by this hwbsh, so nothing was opened")
            }
            // A record's number is any 64-bit number the file holds (a foreign or forged
            // journal with right checksums): a line number only as far as one can be.
            let lineNumber = Int(clamping: record.sequence)
            for parsed in Parser.parse(line: record.command, file: "journal", lineNumber: lineNumber) {
                switch parsed {
                case .success(let command):
                    fileOverrides = record.attachments
                    _ = try? perform(command)
                case .failure(let error):
                    // Written by an hwbsh that read it: only a newer or older hwbsh can fail here.
                    warn("journal record \(record.sequence), \"\(record.command)\", no longer reads as a command (\(error.message)); it was skipped")
                }
            }
        }
    }

    /// Folds the journal into the snapshot when it has grown large. A failure is only a
    /// warning: the journal still holds every change.
    func foldJournalIfLarge() {
        guard let storeFile, storeFile.needsCompaction else { return }
        foldJournal()
    }

    /// Folds the journal into the snapshot (on exit, and when it is large).
    public func foldJournal() {
        guard let storeFile, storeFile.needsFold else { return }
        do throws(ShellError) {
            try ShellError.catching(storeFile.compact(store, actor: actor))
            undoAfterFold()
        } catch {
            warn("\(error); the journal still holds every change")
        }
    }
}
