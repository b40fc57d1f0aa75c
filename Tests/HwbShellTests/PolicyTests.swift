import HwbCore
import HwbShell
import HwbTestSupport
import Testing

/// `policy`, `policy set`, `what-if` and `forecast` through the interpreter: the rules
/// follow a changed policy, only the Service Desk changes it, each change is audited and
/// undoable, and a forecast prints exactly its documented JSON.
@Suite struct PolicyTests {
    static let setUp = """
        school add 6612001 name="Ysgol y Môr"
        create eleri.gov name="Eleri Jones" category=governor school=6612001 expires=2027-08-10
        create sam.supply name="Sam" category=supply-teacher school=6612001
        mis join ann.l school=6612001 name="Ann" role=learner
        mis leave ann.l on=2027-07-25
        content ann.l 40
        """

    @Test func onlyTheServiceDeskChangesThePolicyAndNothingChangesOtherwise() {
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp)
        let before = session.run("policy; audit").output
        let refused = session.run("login champion 6612001; policy set deletion=9m")
        #expect(refused.errors.contains("only the Service Desk may change the policy (champion 6612001 may not) (R11)"))
        #expect(session.run("login service-desk; policy; audit").output.hasSuffix(before))
        #expect(session.shell.store.policy == .guidance)
    }

    @Test func aNewDeletionDelayMovesEveryDeletionDayAndIsAuditedAndUndone() {
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp + "\nclose sam.supply now\ndate set 2027-08-01\nsweep")
        session.run("date set 2028-06-01")
        let exported = session.exportJSON()
        #expect(exported.contains(#""deletionDue": "2028-07-20""#))
        let set = session.run("policy set deletion=9m")
        #expect(set.errors == "")
        #expect(set.output.contains("policy: deletion=9m"))
        #expect(set.output.contains("2 deactivated accounts are now due for deletion: the next sweep deletes them for good (R10)"))
        #expect(session.exportJSON().contains(#""deletionDue": "2028-04-20""#), "closed on 2027-07-20, 9 months on")
        #expect(session.run("audit rule=R10").output.contains("policy deletion=9m (was 12m)"))
        #expect(session.run("undo").errors == "")
        #expect(session.exportJSON() == exported)
        #expect(session.run("policy set deletion=9m; sweep").output.contains("deactivated 1, deleted 3 with 40 content items"), "eleri.gov too: deactivated on 2027-08-11, due 9 months on")
    }

    @Test func keepAndCreateFollowThePolicy() {
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp + "\npolicy set keeps=3m,1m last-day=07-31")
        #expect(session.run("keep eleri.gov 6m").errors.contains("6m is not a keep period of this store's policy, which offers 3m, 1m (R7)"))
        #expect(session.run("keep eleri.gov 3m").errors == "")
        // The year now ends on 31 July: the next one is 2028's.
        #expect(session.run("create gwen name=Gwen category=governor school=6612001").output.contains("expires 2027-07-31"))
        #expect(session.run("create huw name=Huw category=governor school=6612001 expires=2027-08-31").errors
            .contains("the expiry 2027-08-31 is after the end of this academic year (2027-07-31)"))
    }

    @Test func whatIfWithTheCurrentValuesFindsNoDifferenceAndChangesNothing() {
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp)
        let before = session.exportJSON()
        #expect(session.run("what-if deletion=12m inactivity=90d").output.contains("no difference"))
        let changed = session.run("what-if deletion=9m inactivity=30d until=2028-09-01").output
        #expect(changed.contains("deleted earlier: 3 accounts with 40 content items"))
        #expect(changed.contains("sam.supply  6612001  0        deactivated 2027-09-01 (expired), deleted 2028-09-01  deactivated 2027-08-20 (inactive), deleted 2028-05-20"))
        #expect(session.exportJSON() == before)
        #expect(session.shell.store.policy == .guidance)
    }

    @Test func aForecastPrintsItsJSONExactly() {
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp)
        #expect(session.run("format json; forecast until=2028-08-11").output == """
            listings print as json
            {"from":"2027-07-21","until":"2028-08-11","events":[\
            {"date":"2027-07-25","id":"ann.l","event":"deactivated","reason":"left"},\
            {"date":"2027-08-11","id":"eleri.gov","event":"deactivated","reason":"expired"},\
            {"date":"2027-09-01","id":"sam.supply","event":"deactivated","reason":"expired"},\
            {"date":"2028-07-25","id":"ann.l","event":"deleted","reason":null},\
            {"date":"2028-08-11","id":"eleri.gov","event":"deleted","reason":null}]}

            """)
        #expect(session.run("forecast until=2027-07-19").errors.contains("until=2027-07-19 is before today (2027-07-20)"))
    }

    /// Help states the guidance's numbers; under another policy it says what this store has
    /// instead, for the rule asked about, and for every rule after `help rules`.
    @Test func helpNamesThePolicysOtherValues() {
        let session = ShellSession(today: "2027-07-20")
        #expect(!session.run("help R10; help sweep; help rules").output.contains("policy"))
        session.run("policy set deletion=9m inactivity=60d")
        let note = "this store's policy has deletion=9m (guidance: 12m); policy shows it\n"
        #expect(session.run("help R10").output.hasSuffix(note))
        #expect(session.run("help sweep").output.hasSuffix(note))
        #expect(session.run("help R13").output.hasSuffix("this store's policy has inactivity=60d (guidance: 90d); policy shows it\n"))
        #expect(session.run("help rules").output.hasSuffix("this store's policy has inactivity=60d (guidance: 90d), deletion=9m (guidance: 12m); policy shows it\n"))
        #expect(!session.run("help R7; help keep").output.contains("policy shows it"))
    }

    /// As CSV each change names the rule that makes it: R13 for a sign-in too long ago,
    /// the sweep's R10 for an expiry, a leaving date and a deletion.
    @Test func aForecastAsCSVGivesEachChangesRule() {
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp + "\nkeep sam.supply end-of-next-year\ndate set 2027-09-01\nsweep")
        #expect(session.run("format csv; forecast until=2028-08-11").output == """
            listings print as csv
            date,id,event,reason,rule
            2027-10-19,sam.supply,deactivated,inactive,R13
            2028-07-25,ann.l,deleted,,R10
            2028-08-11,eleri.gov,deleted,,R10

            """)
    }

    @Test func aForecastComesTrueWhenTheClockJumpsAndTheSweepRuns() {
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp + "\nformat csv")
        let forecast = session.run("forecast until=2028-07-25").outputLines.dropFirst()
        session.run("format auto; date set 2028-07-25; sweep")
        let deleted = forecast.filter { $0.contains(",deleted,") }.map { $0.split(separator: ",")[1] }
        let deactivated = forecast.filter { $0.contains(",deactivated,") }.map { $0.split(separator: ",")[1] }
        for id in deleted { #expect(session.run("show \(id)").errors.contains("deleted"), "\(id)") }
        for id in deactivated where !deleted.contains(id) {
            #expect(session.run("show \(id)").output.contains("deactivated"), "\(id)")
        }
        #expect(deleted == ["ann.l"])
    }
}

/// Accounts imported into a store whose policy has another deletion delay take that
/// delay: their deletion days, the sweep, `show`, exports and forecasts agree.
@Suite struct PolicyImportTests {
    @Test(arguments: [false, true])
    func importedAccountsTakeTheStoresDeletionDelay(intoAnEmptyStore: Bool) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("schools.csv", "number,name,maintained\n6612001,Ysgol,yes\n")
        try folder.write("a.csv", """
            id,name,kind,school,status,created,lastActivity,content,category,expires,closeAtExpiry,deactivatedOn,deletionDue,reason
            wyn.temp,Wyn,non-mis,6612001,deactivated,2027-01-01,2027-01-01,3,governor,2027-08-31,false,2027-09-01,2027-12-01,expired

            """)
        let session = ShellSession(today: "2027-09-02")
        session.run("import schools \(folder.file("schools.csv")); policy set deletion=3m")
        if !intoAnEmptyStore { session.run("create x name=X category=governor school=6612001") }
        #expect(session.run("import accounts \(folder.file("a.csv"))").errors == "")
        #expect(session.exportJSON().contains(#""deletionDue": "2027-12-01""#))
        #expect(session.run("format json; forecast until=2027-12-02; format auto").output.contains(#"{"date":"2027-12-01","id":"wyn.temp","event":"deleted","reason":null}"#))
        session.run("create y name=Y category=governor school=6612001; close y now")
        #expect(session.exportJSON().contains(#""deletionDue": "2027-12-02""#), "closed today, 3 months on")
        #expect(session.run("date set 2027-12-02; sweep").output.contains("deleted 2"))
    }
}
