import Foundation
import HwbCore
import HwbLanguage
import HwbStorage

/// The questions before leaving with unsaved changes and before `load` over a `--store`.
extension Shell {
    /// The store's snapshot as a question or message shows it: relative to the working
    /// folder when it is inside it.
    static func shown(_ path: String) -> String {
        let folder = FileManager.default.currentDirectoryPath
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The question before `load` with `--store`, whose journal keeps every change (so
    /// nothing is ever unsaved): asked whenever the store it replaces is not empty.
    func loadOverStoreQuestion(_ path: String, storeFile: StoreFile) -> String? {
        guard !store.isEmpty else { return nil }
        let accounts = store.accounts.count, schools = store.schools.count
        return "Load \(path) over the store \(Self.shown(storeFile.path)) (\(accounts.grouped) account\(accounts == 1 ? "" : "s"), "
            + "\(schools.grouped) school\(schools == 1 ? "" : "s"), today \(store.today))? It replaces them, and undo cannot bring them back."
    }

    /// The question before leaving with changes that would be lost: only at a terminal
    /// (`confirm` is set), without `--store` (whose journal keeps every change), and when
    /// something changed since the store was loaded or saved; nil when nothing is asked.
    public var leavingQuestion: String? {
        guard confirm != nil, storeFile == nil, hasUnsavedChanges else { return nil }
        return "The store has changes that are not saved (save FILE keeps them). Quit anyway?"
    }

    /// What a declined question before leaving prints.
    static let stayingMessage = "cancelled; hwbsh goes on"
}

extension Int {
    /// With a comma every three digits: `1,204`.
    var grouped: String {
        let digits = String(magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (self < 0 ? "-" : "") + result
    }
}
