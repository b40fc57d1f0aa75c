import HwbCore

/// SplitMix64: a small seeded generator, so that a failing property test can be replayed
/// from its seed on any machine (the standard library's random number generator cannot be
/// seeded).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An integer in `range`. Our own reduction rather than `Int.random(in:using:)`, whose
    /// algorithm the standard library does not promise to keep.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// True `percent` times in a hundred.
    public mutating func chance(_ percent: Int) -> Bool {
        int(in: 0...99) < percent
    }

    public mutating func element<T>(_ items: [T]) -> T {
        items[int(in: 0...(items.count - 1))]
    }

    /// One of `choices`, each with its weight.
    public mutating func weighted<T>(_ choices: [(Int, T)]) -> T {
        var roll = int(in: 0...(choices.reduce(0) { $0 + $1.0 } - 1))
        for (weight, choice) in choices {
            if roll < weight { return choice }
            roll -= weight
        }
        return choices[choices.count - 1].1
    }
}

/// One step of a random scenario: a change to the store (or the actor) through the public
/// API of `HwbCore`. Printed in hwbsh's command language (LANGUAGE.md), so a failing
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

/// A start date and a list of commands, replayable from scratch.
public struct Scenario: Sendable, Equatable {
    /// The seed it was generated from, for the report (nil once shrunk by hand).
    public var seed: UInt64?
    public var start: CalendarDate
    public var commands: [ScenarioCommand]

    public init(seed: UInt64?, start: CalendarDate, commands: [ScenarioCommand]) {
        self.seed = seed
        self.start = start
        self.commands = commands
    }

    /// Runs the commands on a fresh runner, calling `step` after each with the command's
    /// index and the refusal, if it was refused. `step` returns false to stop early.
    @discardableResult
    public func replay(
        _ step: (Int, ScenarioCommand, RuleError?, ScenarioRunner) -> Bool = { _, _, _, _ in true }
    ) -> ScenarioRunner {
        var runner = ScenarioRunner(start: start)
        for (index, command) in commands.enumerated() {
            var refusal: RuleError?
            do throws(RuleError) {
                try runner.apply(command)
            } catch {
                refusal = error
            }
            if !step(index, command, refusal, runner) { break }
        }
        return runner
    }

    /// The scenario as an hwbsh script: the fixture's clock and schools, then one command
    /// a line, each followed by its position (`# 12`).
    public var script: String {
        var lines = ["# seed \(seed.map(String.init) ?? "none"), \(commands.count) commands"]
        lines.append("date set \(start)")
        let fixture = Fixtures.store(today: start.description)
        for school in fixture.schools.values.sorted(by: { $0.number < $1.number }) {
            lines.append(ScenarioCommand.addSchool(school).description)
        }
        for (index, command) in commands.enumerated() {
            lines.append("\(command)  # \(index)")
        }
        return lines.joined(separator: "\n")
    }

    /// A smaller scenario for which `fails` still holds, found by removing runs of
    /// commands (delta debugging: halves, quarters, ... single commands, until no single
    /// command can go). At most `budget` calls of `fails`.
    public func shrunk(budget: Int = 4000, while fails: (Scenario) -> Bool) -> Scenario {
        var current = self
        var calls = 0
        var chunk = max(1, current.commands.count / 2)
        while calls < budget {
            var removed = false
            var index = 0
            while index < current.commands.count, calls < budget {
                var candidate = current
                candidate.commands.removeSubrange(index..<min(index + chunk, current.commands.count))
                calls += 1
                if fails(candidate) {
                    current = candidate
                    removed = true
                } else {
                    index += chunk
                }
            }
            if chunk > 1 {
                chunk = max(1, chunk / 2)
            } else if !removed {
                break
            }
        }
        return current
    }
}

/// Random command sequences over the fixture's schools (two in LA 661, one in LA 662, an
/// independent one), a school not in the directory, a few schools to add, and twenty
/// ids, with the actor switching between the Service Desk, `la-admin 661` and
/// `champion 6612001` (and now and then a login that is refused).
///
/// Commands are drawn with the store in view (ids that exist, dates around today), so
/// most do something, and some are meant to be refused: learner and unknown categories,
/// expiries out of range, sign-ins in the future, the clock moved back...
public enum RandomScenario {
    public static let ids: [AccountID] = (1...20).map { Fixtures.id("u" + ($0 < 10 ? "0" : "") + String($0)) }

    public static let maintained = ["6612001", "6612002", "6622001"].map(Fixtures.school)
    public static let independent = Fixtures.school("6619001")
    /// A school that is never in the directory.
    public static let unknown = Fixtures.school("6649001")
    /// Schools that `school add` tries: a new LA, another 661 school, an independent one,
    /// a number outside the Welsh LAs, and one the fixture already has.
    public static let additions = [
        School(number: Fixtures.school("6632001"), name: "Ysgol Newydd", maintained: true),
        School(number: Fixtures.school("6612003"), name: "Ysgol Arall 661", maintained: true),
        School(number: Fixtures.school("6629002"), name: "Preifat", maintained: false),
        School(number: Fixtures.school("6501234"), name: "Over the border", maintained: true),
        School(number: Fixtures.school("6612001"), name: "Again", maintained: true),
    ]
    public static let actors: [(Int, Actor)] = [
        (40, .serviceDesk), (25, .laAdmin(661)), (20, .champion(Fixtures.school("6612001"))),
        (5, .laAdmin(662)), (4, .champion(Fixtures.school("6622001"))),
        (2, .laAdmin(700)), (2, .champion(Fixtures.school("6619001"))), (2, .champion(Fixtures.school("6649001"))),
    ]

    /// `length` commands from `seed`, on a start date drawn from the seed (2026 to 2029,
    /// often in July or August, just before an academic year ends).
    public static func generate(seed: UInt64, length: Int) -> Scenario {
        var random = SplitMix64(seed: seed)
        let start = startDate(&random)
        var runner = ScenarioRunner(start: start)
        var commands: [ScenarioCommand] = []
        for _ in 0..<length {
            let command = nextCommand(&random, runner)
            commands.append(command)
            try? runner.apply(command)
        }
        return Scenario(seed: seed, start: start, commands: commands)
    }

    public static func startDate(_ random: inout SplitMix64) -> CalendarDate {
        let year = random.int(in: 2026...2029)
        let month = random.chance(35) ? random.int(in: 7...8) : random.int(in: 1...12)
        let day = min(random.int(in: 1...31), CalendarDate.daysIn(month: month, year: year))
        return CalendarDate(year: year, month: month, day: day)!
    }

    /// One command for the state `runner` is in.
    public static func nextCommand(_ random: inout SplitMix64, _ runner: ScenarioRunner) -> ScenarioCommand {
        let store = runner.store
        let today = store.today
        func day(_ offset: ClosedRange<Int>) -> CalendarDate {
            today.addingDays(random.int(in: offset))!
        }
        /// Mostly an id of an account that `wanted` accepts, else any of the twenty.
        func id(_ percent: Int = 80, _ wanted: (Account) -> Bool) -> AccountID {
            let matching = store.accounts.values.filter(wanted).map(\.id).sorted()
            if !matching.isEmpty, random.chance(percent) { return random.element(matching) }
            return random.element(ids)
        }
        let nonMIS: (Account) -> Bool = { !$0.isMIS }
        let kind = random.weighted([
            (6, "login"), (2, "school"), (18, "create"), (8, "keep"), (7, "close"), (7, "reactivate"),
            (12, "join"), (8, "leave"), (10, "signin"), (4, "content"), (8, "sweep"), (8, "advance"), (2, "set"),
        ])
        switch kind {
        case "login":
            return .login(random.weighted(actors))
        case "school":
            return .addSchool(random.element(additions))
        case "create":
            let free = ids.filter { store.accounts[$0] == nil }
            let newID = !free.isEmpty && random.chance(85) ? random.element(free) : random.element(ids)
            let listed = random.element(Account.Category.allCases).rawValue
            let category = random.weighted([(90, listed), (6, "learner"), (4, "pupil")])
            let school = random.weighted([
                (40, maintained[0]), (20, maintained[1]), (25, maintained[2]),
                (5, independent), (5, unknown), (5, additions[0].number),
            ])
            let expiryDate = day(-10...420)
            let months = random.element([1, 3, 6])
            let expiry: ExpiryRequest? = random.weighted([
                (25, nil), (35, .date(expiryDate)), (25, .months(months)), (15, .endOfYear),
            ])
            return .create(NewAccount(id: newID, name: "Test \(newID)", category: category, school: school, expiry: expiry))
        case "keep":
            let target = id { !$0.isMIS && $0.isActive }
            return .keep(target, random.element(KeepPeriod.allCases))
        case "close":
            let target = id { !$0.isMIS && $0.isActive }
            return .close(target, random.chance(50) ? .now : .atExpiry)
        case "reactivate":
            let target = id { !$0.isActive }
            let until = day(-10...400)
            return .reactivate(target, until: random.chance(60) ? nil : until)
        case "join":
            let mis = id(100) { $0.isMIS }
            let other = id(100, nonMIS)
            let any = random.element(ids)
            let target = random.weighted([(45, mis), (10, other), (45, any)])
            let school = random.weighted([
                (25, maintained[0]), (20, maintained[1]), (20, maintained[2]),
                (15, independent), (5, unknown), (5, additions[0].number), (10, store.accounts[target]?.school ?? maintained[0]),
            ])
            let role: Account.Role? = random.weighted([(48, .learner), (47, .staff), (5, nil)])
            let name: String? = random.chance(95) ? "MIS \(target)" : nil
            return .join(JoinEvent(id: target, school: school, name: name, role: role))
        case "leave":
            let target = id { $0.isMIS && $0.isActive }
            let date = day(-120...120)
            return .leave(target, on: random.chance(40) ? nil : date)
        case "signin":
            let past = day(-200...0)
            let future = day(1...5)
            let date: CalendarDate? = random.weighted([(45, nil), (45, past), (10, future)])
            let target = id { $0.isActive }
            return .signIn(target, on: date)
        case "content":
            let target = id { _ in true }
            let count = random.int(in: 0...40)
            return .content(target, random.chance(5) ? -1 : count)
        case "sweep":
            return .sweep
        case "advance":
            let days = random.int(in: 1...45), weeks = random.int(in: 1...8), months = random.int(in: 1...6)
            return .advance(random.weighted([
                (50, Period(days, .days)), (25, Period(weeks, .weeks)), (20, Period(months, .months)), (5, Period(1, .years)),
            ]))
        default:
            let date = day(-20...200)
            return .setDate(date)
        }
    }
}
