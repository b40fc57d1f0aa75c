import HwbCore

/// A store (`Fixtures.store`) on a start date and the actor, driven one command at a time.
public struct ScenarioRunner: Sendable {
    public var store: Store
    public var actor: Actor = .serviceDesk

    public init(start: CalendarDate) {
        store = Fixtures.store(today: start.description)
    }

    /// Applies `command` as the current actor; a refusal is thrown as the core threw it.
    public mutating func apply(_ command: ScenarioCommand) throws(RuleError) {
        let context = Context(actor: actor, command: command.description)
        switch command {
        case .login(let actor):
            try store.checkLogin(actor)
            self.actor = actor
        case .addSchool(let school):
            try store.addSchool(school, context)
        case .create(let request):
            try store.create(request, context)
        case .keep(let id, let period):
            try store.keep(id, period, context)
        case .close(let id, let mode):
            try store.close(id, mode, context)
        case .reactivate(let id, let until):
            try store.reactivate(id, until: until, context)
        case .join(let event):
            try store.join(event, context)
        case .leave(let id, let date):
            try store.leave(id, on: date, context)
        case .signIn(let id, let date):
            try store.signIn(id, on: date, context)
        case .content(let id, let count):
            try store.setContent(id, to: count, context)
        case .sweep:
            store.sweep(context)
        case .advance(let period):
            try store.advance(by: period)
        case .setDate(let date):
            try store.setDate(date)
        }
    }
}
