import HwbCore
import HwbLanguage
import HwbTerminal

/// The changes `undo` can take back: the store as it was before each of the last
/// commands that changed it, newest last.
///
/// A step keeps the whole `Store` value from before its command. The store is made of
/// copy-on-write arrays, so keeping it costs nothing at first; the command then copies
/// only the arrays it writes to (a `keep` the expiry column, a few MB for a national
/// store), and the step holds those old arrays until it is let go. So the memory a step
/// holds is what its command changed, not the store; at most `limit` steps are kept.
///
/// What is kept must not depend on anything but the commands run, in order: with
/// `--store` a journal replay runs the same commands through `execute`, which rebuilds the
/// same steps, so that an `undo` in the journal takes back the same change on replay. A
/// fold empties the journal, so it lets every step go (`clear`), as does `load`.
struct UndoHistory {
    /// How many changes `undo` can take back.
    static let limit = 10

    struct Step {
        /// The store before the command.
        var store: Store
        /// The command as typed.
        var command: String
    }

    /// What lies before the oldest step: why `undo` cannot go further back.
    enum Boundary: Equatable {
        /// hwbsh started with this store (without `--store`).
        case start
        /// `--store`: the journal was folded into this snapshot, or the store opened.
        case folded(path: String, every: Int)
        /// `load FILE` replaced the store.
        case loaded(String)
        /// Older steps were let go: `undo` goes back `limit` changes at most.
        case limit
    }

    private(set) var steps: [Step] = []
    private(set) var boundary = Boundary.start
    /// Whether `undo` took back every step since the boundary (rather than there being none).
    private var undidAll = false

    /// Keeps `store`, the store before `command`, as the newest step.
    mutating func push(_ store: Store, command: String) {
        steps.append(Step(store: store, command: command))
        undidAll = false
        if steps.count > Self.limit {
            steps.removeFirst()
            boundary = .limit
        }
    }

    /// Takes the newest step off.
    mutating func pop() -> Step? {
        guard let step = steps.popLast() else { return nil }
        undidAll = steps.isEmpty
        return step
    }

    /// Lets every step go: nothing before `boundary` can be undone.
    mutating func clear(_ boundary: Boundary) {
        steps = []
        self.boundary = boundary
        undidAll = false
    }

    /// Why there is nothing to undo, said as an error.
    var nothingToUndo: String {
        switch boundary {
        case .start:
            return undidAll
                ? "nothing more to undo: every change since hwbsh started has been undone"
                : "nothing to undo: no command has changed the store since hwbsh started"
        case .folded(let path, let every):
            return "nothing to undo since the store was last folded into its snapshot \(path) (hwbsh folds the journal when a session ends, on save and every \(every.grouped) changes); undo does not go back past a fold"
        case .loaded(let path):
            return "nothing to undo since load \(path) replaced the store; undo does not go back past a load"
        case .limit:
            return "nothing more to undo: undo goes back \(Self.limit) changes at most"
        }
    }
}

extension Shell {
    /// The store before `command`, to keep for `undo` once the command has succeeded; nil
    /// for a command that cannot change the store, for `undo` itself and for `load` (which
    /// lets every step go).
    func storeBeforeChange(_ command: Command) -> Store? {
        switch command {
        case .undo, .load: return nil
        // A policy set that changes nothing is no step to take back.
        case .setPolicy(let settings) where settings.allSatisfy({ store.policy.value(of: $0.name) == $0.value }): return nil
        default: return command.changesStore ? store : nil
        }
    }

    /// `undo`: puts back the store as it was before the newest step's command.
    func undo() throws(ShellError) {
        guard let step = undoHistory.steps.last else { throw .file(undoHistory.nothingToUndo) }
        // Who the shell acts as stays (login is not a change): the store put back must let
        // them act (a champion whose school the undone command added could not).
        do throws(RuleError) {
            try step.store.checkLogin(actor)
        } catch {
            throw .file("cannot undo \(step.command): without it, \(actor) cannot act (\(error)); login service-desk first")
        }
        _ = undoHistory.pop()
        store = step.store
        print("undid \(step.command) (\(store.today))")
    }

    /// After a fold has emptied the journal: `undo` cannot reach back past it, since a
    /// replay would start from the new snapshot.
    func undoAfterFold() {
        guard let storeFile else { return }
        undoHistory.clear(.folded(path: Self.shown(storeFile.path), every: storeFile.recordLimit))
    }
}
