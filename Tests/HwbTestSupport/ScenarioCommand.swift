import HwbCore

/// One step of a random scenario: a change to the store (or the actor) through the public
/// API of `HwbCore`. Printed in hwbsh's command language (docs/language.md), so a failing
/// scenario reads as a script that `hwbsh --keep-going` can replay.
public enum ScenarioCommand: Sendable, Equatable {
    case login(Actor)
    case addSchool(School)
    case create(NewAccount)
    case keep(AccountID, KeepPeriod)
    case close(AccountID, CloseMode)
    case reactivate(AccountID, until: CalendarDate?)
    case join(JoinEvent)
    case leave(AccountID, on: CalendarDate?)
    case signIn(AccountID, on: CalendarDate?)
    case content(AccountID, Int)
    case sweep
    case advance(Period)
    case setDate(CalendarDate)

    public var isSweep: Bool { self == .sweep }
}

extension ScenarioCommand: CustomStringConvertible {
    public var description: String {
        func quoted(_ text: String) -> String { "\"\(text)\"" }
        switch self {
        case .login(let actor):
            return "login \(actor)"
        case .addSchool(let school):
            return "school add \(school.number) name=\(quoted(school.name))" + (school.maintained ? "" : " maintained=no")
        case .create(let request):
            var line = "create \(request.id) name=\(quoted(request.name)) category=\(request.category) school=\(request.school)"
            switch request.expiry {
            case nil: break
            case .date(let date)?: line += " expires=\(date)"
            case .months(let n)?: line += " for=\(n)m"
            case .endOfYear?: line += " for=end-of-year"
            }
            return line
        case .keep(let id, let period):
            return "keep \(id) \(period.rawValue)"
        case .close(let id, let mode):
            return "close \(id) \(mode.rawValue)"
        case .reactivate(let id, let until):
            return "reactivate \(id)" + (until.map { " until=\($0)" } ?? "")
        case .join(let event):
            return "mis join \(event.id) school=\(event.school)"
                + (event.name.map { " name=\(quoted($0))" } ?? "")
                + (event.role.map { " role=\($0.rawValue)" } ?? "")
        case .leave(let id, let date):
            return "mis leave \(id)" + (date.map { " on=\($0)" } ?? "")
        case .signIn(let id, let date):
            return "signin \(id)" + (date.map { " on=\($0)" } ?? "")
        case .content(let id, let count):
            return "content \(id) \(count)"
        case .sweep:
            return "sweep"
        case .advance(let period):
            return "date advance \(period)"
        case .setDate(let date):
            return "date set \(date)"
        }
    }
}
