import HwbCore

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
