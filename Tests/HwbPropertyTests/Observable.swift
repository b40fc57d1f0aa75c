import HwbCore
import HwbTestSupport

/// Everything a refused command must leave as it was (R14.5).
struct Observable: Equatable {
    var accounts: [AccountID: Account]
    var schools: [SchoolNumber: School]
    var today: CalendarDate
    var auditCount: Int
    var actor: Actor

    init(_ runner: ScenarioRunner) {
        accounts = runner.store.accounts.dictionary
        schools = runner.store.schools
        today = runner.store.today
        auditCount = runner.store.audit.count
        actor = runner.actor
    }

    /// What differs from `other`, in words.
    func changes(since other: Observable) -> String {
        var lines: [String] = []
        if today != other.today { lines.append("today \(other.today) -> \(today)") }
        if actor != other.actor { lines.append("actor \(other.actor) -> \(actor)") }
        if auditCount != other.auditCount { lines.append("audit entries \(other.auditCount) -> \(auditCount)") }
        if schools != other.schools {
            lines.append("schools \(other.schools.keys.sorted()) -> \(schools.keys.sorted())")
        }
        if accounts != other.accounts {
            lines.append("accounts:\n" + Reference.differences(other.accounts, accounts, names: ("before", "after")))
        }
        return lines.joined(separator: "; ")
    }
}
