import HwbCore
import HwbLanguage
import Testing

/// Shorthands for building expected commands.
enum Make {
    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }
    static func id(_ text: String) -> AccountID { AccountID(text)! }
    static func school(_ text: String) -> SchoolNumber { SchoolNumber(text)! }

    /// The one command of `line`, or the error it gives.
    static func parse(_ line: String) throws(ParseError) -> Command {
        let results = try Parser.parse(line: line, file: "t.hwb", lineNumber: 1)
        guard results.count == 1 else { throw ParseError("expected one command, got \(results.count)", column: 0) }
        return try results[0].get().command
    }

    /// The error `line` gives, or nil if it parses.
    static func error(_ line: String) -> ParseError? {
        do {
            _ = try parse(line)
            return nil
        } catch {
            return error
        }
    }
}

/// One line of the language and the command it means.
struct ParseCase: Sendable, CustomTestStringConvertible {
    var line: String
    var command: Command
    var testDescription: String { line }

    init(_ line: String, _ command: Command) {
        self.line = line
        self.command = command
    }
}

/// Every command of docs/language.md parses to the right `Command`.
@Suite struct ParserCommandTests {
    static let cases: [ParseCase] = [
        ParseCase("help", .help(topic: nil)),
        ParseCase("help keep", .help(topic: "keep")),
        ParseCase("date", .showDate),
        ParseCase("date set 2027-07-01", .setDate(Make.date("2027-07-01"))),
        ParseCase("date advance 8w", .advanceDate(Period(8, .weeks))),
        ParseCase("date advance 90d", .advanceDate(Period(90, .days))),
        ParseCase("date advance 6m", .advanceDate(Period(6, .months))),
        ParseCase("date advance 1y", .advanceDate(Period(1, .years))),
        ParseCase(#"school add 6612001 name="Ysgol y Môr""#,
                  .addSchool(School(number: Make.school("6612001"), name: "Ysgol y Môr", maintained: true))),
        ParseCase(#"school add 6619001 name="Indy" maintained=no"#,
                  .addSchool(School(number: Make.school("6619001"), name: "Indy", maintained: false))),
        ParseCase(#"school add 6619001 maintained=yes name=Indy"#,
                  .addSchool(School(number: Make.school("6619001"), name: "Indy", maintained: true))),
        ParseCase("schools", .listSchools),
        ParseCase("login service-desk", .login(.serviceDesk)),
        ParseCase("login la-admin 661", .login(.laAdmin(661))),
        ParseCase("login champion 6612001", .login(.champion(Make.school("6612001")))),
        ParseCase("whoami", .whoami),
        ParseCase(#"create Jo.Bloggs name="Jo Bloggs" category=supply-teacher school=6612001"#,
                  .create(NewAccount(id: Make.id("jo.bloggs"), name: "Jo Bloggs", category: "supply-teacher",
                                     school: Make.school("6612001"), expiry: nil))),
        ParseCase(#"create jo name=Jo category=ite-student school=6612001 expires=2027-08-01"#,
                  .create(NewAccount(id: Make.id("jo"), name: "Jo", category: "ite-student",
                                     school: Make.school("6612001"), expiry: .date(Make.date("2027-08-01"))))),
        ParseCase(#"create jo name=Jo category=governor school=6612001 for=1m"#,
                  .create(NewAccount(id: Make.id("jo"), name: "Jo", category: "governor",
                                     school: Make.school("6612001"), expiry: .months(1)))),
        ParseCase(#"create jo name=Jo category=governor school=6612001 for=3m"#,
                  .create(NewAccount(id: Make.id("jo"), name: "Jo", category: "governor",
                                     school: Make.school("6612001"), expiry: .months(3)))),
        ParseCase(#"create jo name=Jo category=governor school=6612001 for=6m"#,
                  .create(NewAccount(id: Make.id("jo"), name: "Jo", category: "governor",
                                     school: Make.school("6612001"), expiry: .months(6)))),
        ParseCase(#"create jo name=Jo category=governor school=6612001 for=end-of-year"#,
                  .create(NewAccount(id: Make.id("jo"), name: "Jo", category: "governor",
                                     school: Make.school("6612001"), expiry: .endOfYear))),
        // R5 refuses learner and unknown categories itself, so the parser passes them on.
        ParseCase(#"create jo name=Jo category=learner school=6612001"#,
                  .create(NewAccount(id: Make.id("jo"), name: "Jo", category: "learner",
                                     school: Make.school("6612001"), expiry: nil))),
        ParseCase(#"mis join sian school=6612001 name="Siân" role=learner"#,
                  .join(JoinEvent(id: Make.id("sian"), school: Make.school("6612001"), name: "Siân", role: .learner))),
        ParseCase(#"mis join sian role=staff school=6612002"#,
                  .join(JoinEvent(id: Make.id("sian"), school: Make.school("6612002"), name: nil, role: .staff))),
        ParseCase("mis join sian school=6612002",
                  .join(JoinEvent(id: Make.id("sian"), school: Make.school("6612002"), name: nil, role: nil))),
        ParseCase("mis leave sian", .leave(Make.id("sian"), on: nil)),
        ParseCase("mis leave sian on=2027-07-20", .leave(Make.id("sian"), on: Make.date("2027-07-20"))),
        ParseCase("signin jo", .signIn(Make.id("jo"), on: nil)),
        ParseCase("signin jo on=2027-06-30", .signIn(Make.id("jo"), on: Make.date("2027-06-30"))),
        ParseCase("content jo 42", .setContent(Make.id("jo"), 42)),
        ParseCase("content jo 0", .setContent(Make.id("jo"), 0)),
        ParseCase("keep jo end-of-next-year", .keep(.ids([Make.id("jo")]), .endOfNextYear)),
        ParseCase("keep jo 6m", .keep(.ids([Make.id("jo")]), .sixMonths)),
        ParseCase("keep jo 3m", .keep(.ids([Make.id("jo")]), .threeMonths)),
        ParseCase("keep jo 1m", .keep(.ids([Make.id("jo")]), .oneMonth)),
        ParseCase("close jo now", .close(.ids([Make.id("jo")]), .now)),
        ParseCase("close jo at-expiry", .close(.ids([Make.id("jo")]), .atExpiry)),
        ParseCase("keep jo huw jo 1m", .keep(.ids([Make.id("jo"), Make.id("huw")]), .oneMonth)),
        ParseCase("keep where category=governor expiring=8w end-of-next-year",
                  .keep(.matching([.category(.governor), .expiring(Period(8, .weeks))]), .endOfNextYear)),
        ParseCase("close where school=6612001 at-expiry", .close(.matching([.school(Make.school("6612001"))]), .atExpiry)),
        ParseCase("reactivate jo", .reactivate(Make.id("jo"), until: nil)),
        ParseCase("reactivate jo until=2028-03-31", .reactivate(Make.id("jo"), until: Make.date("2028-03-31"))),
        ParseCase("sweep", .sweep(dryRun: false)),
        ParseCase("sweep dry-run", .sweep(dryRun: true)),
        ParseCase("list", .list([])),
        ParseCase("list kind=mis status=deactivated role=staff",
                  .list([.kind(.mis), .status(.deactivated), .role(.staff)])),
        ParseCase("list kind=non-mis category=ite-student school=6612001 la=661",
                  .list([.kind(.nonMIS), .category(.iteStudent), .school(Make.school("6612001")), .la(661)])),
        ParseCase("list reason=left expiring=8w inactive=90d name~Blog",
                  .list([.reason(.left), .expiring(Period(8, .weeks)), .inactive(Period(90, .days)), .nameContains("Blog")])),
        ParseCase(#"list name~"jo bl""#, .list([.nameContains("jo bl")])),
        ParseCase("list limit=5 status=active", .list([.status(.active)], limit: 5)),
        ParseCase("count", .count([])),
        ParseCase("count status=active", .count([.status(.active)])),
        ParseCase("count status=active limit=10", .count([.status(.active)], limit: 10)),
        ParseCase("list deactivated=2027-09-01", .list([.deactivatedOn(Make.date("2027-09-01"))])),
        ParseCase("show Jo", .show(Make.id("jo"))),
        ParseCase("expiring", .expiring),
        ParseCase("pending", .pending),
        ParseCase("audit", .audit(nil)),
        ParseCase("audit jo", .audit(Make.id("jo"))),
        ParseCase("audit last=5 since=2027-07-01", .audit(nil, since: CalendarDate("2027-07-01"), last: 5)),
        ParseCase("format table", .format(.table)),
        ParseCase("format", .format(nil)),
        ParseCase("format auto", .format(.auto)),
        ParseCase("format expanded", .format(.expanded)),
        ParseCase("audit rule=r13 since=2027-07-01", .audit(nil, since: CalendarDate("2027-07-01"), rule: .r13)),
        ParseCase("output report.txt", .output(path: "report.txt")),
        ParseCase("output", .output(path: nil)),
        ParseCase("once a.csv", .once(path: "a.csv")),
        ParseCase("pager off", .pager(false)),
        ParseCase("timer on", .timer(true)),
        ParseCase("echo on", .echo(true)),
        ParseCase("print Now  the \"summer sweep\"", .print("Now the summer sweep")),
        ParseCase("settings", .settings),
        ParseCase("report", .report([], by: nil)),
        ParseCase("report la=661 by=school", .report([.la(661)], by: .school)),
        ParseCase("forecast", .forecast([], until: nil)),
        ParseCase("forecast la=661 until=2027-10-01", .forecast([.la(661)], until: Make.date("2027-10-01"))),
        ParseCase("forecast Jo.Bloggs", .timeline(Make.id("jo.bloggs"))),
        ParseCase("what-if deletion=9m inactivity=60d until=2028-09-01",
                  .whatIf([Self.setting(.deletion, "9m"), Self.setting(.inactivity, "60d")], [], until: Make.date("2028-09-01"))),
        ParseCase("what-if inactivity=8w kind=non-mis", .whatIf([Self.setting(.inactivity, "56d")], [.kind(.nonMIS)], until: nil)),
        ParseCase("policy", .showPolicy),
        ParseCase("policy set last-day=07-31 keeps=6m,end-of-next-year deletion=1y",
                  .setPolicy([Self.setting(.lastDay, "07-31"), Self.setting(.keeps, "end-of-next-year,6m"), Self.setting(.deletion, "12m")])),
        ParseCase("print Set until=2028 for the demo", .print("Set until=2028 for the demo")),
        ParseCase("format csv", .format(.csv)),
        ParseCase("format json", .format(.json)),
        ParseCase("save demo.hwbs", .save(path: "demo.hwbs")),
        ParseCase(#"save "my store.hwbs""#, .save(path: "my store.hwbs")),
        ParseCase("load demo.hwbs", .load(path: "demo.hwbs")),
        ParseCase("import accounts a.csv", .importAccounts(path: "a.csv")),
        ParseCase("import schools s.csv", .importSchools(path: "s.csv")),
        ParseCase("export json out.json", .export(.json, path: "out.json", filters: [])),
        ParseCase("export csv - status=active name~jo", .export(.csv, path: "-", filters: [.status(.active), .nameContains("jo")])),
        ParseCase("run examples/demo.hwb", .run(path: "examples/demo.hwb")),
        ParseCase("undo", .undo),
        ParseCase("quit", .quit),
        ParseCase("exit", .quit),
    ]

    static func setting(_ name: Policy.Name, _ value: String) -> Policy.Setting {
        try! Policy.Setting(name: name, value: value)
    }

    @Test(arguments: cases)
    func parses(_ example: ParseCase) throws {
        #expect(try Make.parse(example.line) == example.command)
    }

    /// Every command word of `help` has at least one case above.
    @Test func everyCatalogCommandIsCovered() {
        let covered = Set(Self.cases.map { String($0.line.prefix { $0 != " " }) })
        for entry in CommandCatalog.all {
            let word = String(entry.name.prefix { $0 != " " })
            #expect(covered.contains(word), "no parser case for \(word)")
        }
    }

    @Test func namedArgumentsMayComeInAnyOrder() throws {
        let orders = [
            #"create jo name="Jo B" category=governor school=6612001 for=1m"#,
            #"create jo for=1m school=6612001 category=governor name="Jo B""#,
            #"create jo category=governor for=1m name="Jo B" school=6612001"#,
        ]
        let commands = try orders.map { line throws(ParseError) in try Make.parse(line) }
        #expect(commands.allSatisfy { $0 == commands[0] })
        #expect(commands[0] == .create(NewAccount(id: Make.id("jo"), name: "Jo B", category: "governor",
                                                   school: Make.school("6612001"), expiry: .months(1))))
    }

    @Test func idsAreLowerCased() throws {
        #expect(try Make.parse("show JO.Bloggs@Example") == .show(Make.id("jo.bloggs@example")))
    }

    @Test func sixtyFourCharacterIdIsAccepted() throws {
        let id = String(repeating: "a", count: 64)
        #expect(try Make.parse("show \(id)") == .show(Make.id(id)))
    }

    @Test func eachCommandOfALineCarriesItsLocationAndText() throws {
        let results = try Parser.parse(line: "date;  keep jo 6m # why", file: "f.hwb", lineNumber: 7)
        let commands = try results.map { try $0.get() }
        #expect(commands.map(\.command) == [.showDate, .keep(.ids([Make.id("jo")]), .sixMonths)])
        #expect(commands.map(\.text) == ["date", "keep jo 6m"])
        #expect(commands.map(\.location) == [
            SourceLocation(file: "f.hwb", line: 7, column: 1), SourceLocation(file: "f.hwb", line: 7, column: 8),
        ])
        #expect(commands[1].location.description == "f.hwb:7:8")
    }

    @Test func aBadCommandDoesNotSpoilTheOthersOnItsLine() throws {
        let results = try Parser.parse(line: "date; bogus; whoami", file: "-c", lineNumber: 1)
        #expect(results.count == 3)
        #expect(try results[0].get().command == .showDate)
        #expect(throws: ParseError.self) { try results[1].get() }
        #expect(try results[2].get().command == .whoami)
    }

    /// An unclosed quote fails its own command; the commands before it on the line stand.
    @Test func lexingErrorFailsItsOwnCommandOnly() throws {
        let results = Parser.parse(line: #"date; create "x; whoami"#, file: "-c", lineNumber: 1)
        #expect(results.count == 2)
        #expect(try results[0].get().command == .showDate)
        #expect(throws: ParseError.self) { try results[1].get() }
    }

    @Test(arguments: [("service-desk", Actor.serviceDesk), ("la-admin 661", .laAdmin(661)),
                      ("champion 6612001", .champion(SchoolNumber("6612001")!))])
    func actorOptionText(_ text: String, _ actor: Actor) throws {
        #expect(try Parser.actor(from: text) == actor)
    }

    @Test(arguments: ["", "bob", "la-admin", "la-admin 66", "champion 12", "service-desk now", "la-admin 661; quit"])
    func badActorOptionText(_ text: String) {
        #expect(throws: ParseError.self) { try Parser.actor(from: text) }
    }
}
