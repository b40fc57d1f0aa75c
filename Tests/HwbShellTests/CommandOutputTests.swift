import HwbCore
import HwbShell
import HwbTestSupport
import Testing

/// What each command prints on standard output, and that refusals go to standard error
/// as `FILE:LINE:COL: error: ...` and print nothing on standard output.
@Suite struct CommandOutputTests {
    private func session(_ setup: String = Scenarios.schools, today: String = "2027-07-01") -> ShellSession {
        let session = ShellSession(today: today)
        let result = session.run(setup, file: "setup.hwb")
        #expect(result.errors == "", "setup refused")
        return session
    }

    @Test func datePrintsToday() {
        let result = ShellSession(today: "2027-07-01").run("date")
        #expect(result.output == "2027-07-01\n")
        #expect(result.errors == "")
    }

    @Test func dateSetAndAdvancePrintTheNewDayWithItsWeekday() {
        let session = session()
        #expect(session.run("date set 2027-09-01").output == "today is 2027-09-01 (Wednesday)\n")
        #expect(session.run("date advance 8w").output == "today is 2027-10-27 (Wednesday)\n")
        // R2: 2027-10-31 + 4m clamps to the end of February 2028.
        #expect(session.run("date set 2027-10-31; date advance 4m").output
            == "today is 2027-10-31 (Sunday)\ntoday is 2028-02-29 (Tuesday)\n")
        #expect(session.run("date advance 1y").output == "today is 2029-02-28 (Wednesday)\n")
    }

    @Test func clockNeverMovesBackOnAStoreWithSchools() {
        let session = session()
        let result = session.run("date set 2027-06-30", file: "back.hwb")
        #expect(result.output == "")
        #expect(result.errors.hasPrefix("back.hwb:1:1: error: cannot move the clock back"))
        #expect(session.run("date").output == "2027-07-01\n")
    }

    @Test func clockMayMoveBackOnAnEmptyStore() {
        let session = ShellSession(today: "2027-07-01")
        #expect(session.run("date set 2020-01-01; date").output == "today is 2020-01-01 (Wednesday)\n2020-01-01\n")
    }

    @Test func schoolAddAndSchools() {
        let session = ShellSession()
        let result = session.run("""
            school add 6612002 name="Ysgol Bryn"
            school add 6612001 name="Ysgol y Môr"
            school add 6619001 name="Independent" maintained=no
            schools
            """)
        #expect(result.errors == "")
        #expect(result.outputLines == [
            "added school 6612002 Ysgol Bryn",
            "added school 6612001 Ysgol y Môr",
            "added school 6619001 Independent (not maintained)",
            "NUMBER   NAME         LA   MAINTAINED  ACCOUNTS",
            "6612001  Ysgol y Môr  661  yes         0",
            "6612002  Ysgol Bryn   661  yes         0",
            "6619001  Independent  661  no          0",
            "3 schools",
        ])
    }

    @Test func schoolAddedTwiceIsRefusedWithTheRule() {
        let session = session()
        let result = session.run(#"school add 6612001 name="Again""#)
        #expect(result.output == "")
        #expect(result.errors.contains("R3"))
        #expect(session.run("schools").output.contains("Ysgol y Môr"))
    }

    @Test func loginAndWhoami() {
        let session = session()
        #expect(session.run("whoami").output == "service-desk (every school)\n")
        #expect(session.run("login la-admin 661").output == "acting as la-admin 661 (3 schools in LA 661)\n")
        #expect(session.run("whoami").output == "la-admin 661 (3 schools in LA 661)\n")
        #expect(session.run("login champion 6612001").output == "acting as champion 6612001 (Ysgol y Môr)\n")
        #expect(session.shell.actor == .champion(SchoolNumber("6612001")!))
    }

    @Test func refusedLoginKeepsTheActor() {
        let session = session()
        let result = session.run("login la-admin 661; login champion 6619001; login la-admin 682")
        #expect(result.errorLines.count == 2)
        #expect(result.errors.contains("R11"))
        #expect(session.shell.actor == .laAdmin(661))
    }

    @Test func loginShowsTheExpiringBanner() {
        let session = session()
        session.run(#"create jo name="Jo" category=governor school=6612001 for=1m"#)
        let result = session.run("login champion 6612001")
        #expect(result.outputLines == [
            "acting as champion 6612001 (Ysgol y Môr)",
            "1 non-MIS account expires in the next 8 weeks: type expiring to manage them",
        ])
        // Another school's champion has nothing to manage: no banner.
        #expect(session.run("login champion 6612002").outputLines == ["acting as champion 6612002 (Ysgol Bryn)"])
    }

    @Test func createPrintsIdCategorySchoolAndExpiry() {
        let session = session()
        let result = session.run(#"create Jo.Bloggs name="Jo Bloggs" category=supply-teacher school=6612001 for=1m"#)
        #expect(result.output == "created jo.bloggs (non-MIS, supply-teacher) at 6612001, expires 2027-08-01\n")
    }

    @Test func createITEStudentPrintsTheContentReminder() {
        let session = session()
        let result = session.run(#"create ite name="Ite" category=ite-student school=6612001 expires=2027-08-15"#)
        #expect(result.outputLines.count == 2)
        #expect(result.outputLines[0] == "created ite (non-MIS, ite-student) at 6612001, expires 2027-08-15")
        #expect(result.outputLines[1].contains("content"))
        #expect(result.outputLines[1].contains("2027-08-15"))
    }

    @Test func createLearnerIsRefusedNamingR5() {
        let session = session()
        let result = session.run(#"create kid name="Kid" category=learner school=6612001"#, file: "c.hwb")
        #expect(result.output == "")
        #expect(result.errors.hasPrefix("c.hwb:1:1: error: "))
        #expect(result.errors.contains("R5"))
        #expect(result.errorLines.count == 1)
        #expect(session.run("count").output == "0\n")
    }

    @Test func misFeedCommands() {
        let session = session()
        #expect(session.run(#"mis join ln school=6612001 name="Ln" role=learner"#).output == "joined ln (MIS learner) at 6612001\n")
        #expect(session.run("mis join ln school=6612002").output == "moved ln from 6612001 to 6612002\n")
        #expect(session.run("mis join ln school=6619001").output.hasPrefix("ignored: 6619001 (Independent) is not a maintained school"))
        #expect(session.run("mis leave ln on=2027-07-20").output == "ln leaves on 2027-07-20; the sweep deactivates it from then\n")
        #expect(session.run("signin ln").output == "ln signed in on 2027-07-01; last activity 2027-07-01\n")
        #expect(session.run("content ln 3").output == "ln holds 3 content items\n")
        #expect(session.run("content ln 1").output == "ln holds 1 content item\n")
    }

    @Test func keepCloseAndReactivate() {
        let session = session()
        session.run(#"create jo name="Jo" category=governor school=6612001 for=1m"#)
        // R7: base = max(2027-08-01, today) + 6m = 2028-02-01, under the cap 2028-08-31.
        #expect(session.run("keep jo 6m").output == "kept jo until 2028-02-01\n")
        #expect(session.run("keep jo end-of-next-year").output == "kept jo until 2028-08-31\n")
        #expect(session.run("close jo at-expiry").output == "jo will close at expiry on 2028-08-31; it leaves the expiring list\n")
        #expect(session.run("close jo now").output == "closed jo; deleted for good on 2028-07-01 unless reactivated\n")
        #expect(session.run("reactivate jo").output == "reactivated jo (non-MIS, governor), expires 2028-08-31\n")
        #expect(session.run("close jo now; reactivate jo until=2027-08-15").output
            == "closed jo; deleted for good on 2028-07-01 unless reactivated\nreactivated jo (non-MIS, governor), expires 2027-08-15\n")
    }

    @Test func unknownAccountIsNotFound() {
        let session = session()
        for command in ["show nobody", "keep nobody 6m", "close nobody now", "reactivate nobody", "audit nobody"] {
            let result = session.run(command)
            #expect(result.output == "", "\(command)")
            #expect(result.errors.contains("no account nobody"), "\(command)")
        }
    }

    @Test func accountOutsideTheActorsScopeIsReportedAsNotFound() {
        let session = session()
        session.run(#"create other name="Other" category=governor school=6622001"#)
        session.run("login la-admin 661")
        let shown = session.run("show other")
        let missing = session.run("show nobody")
        // R11: the same words as for an id that does not exist.
        #expect(shown.errors.replacingOccurrences(of: "other", with: "X") == missing.errors.replacingOccurrences(of: "nobody", with: "X"))
        #expect(session.run("count").output == "0\n")
        #expect(session.run("list").output == "no accounts match\n")
    }

    @Test func countWithFilters() {
        let session = session(Scenarios.everyShape)
        #expect(session.run("count").output == "7\n")
        #expect(session.run("count kind=mis").output == "3\n")
        #expect(session.run("count kind=non-mis status=active").output == "3\n")
        #expect(session.run("count status=deactivated reason=left").output == "2\n")
        #expect(session.run("count la=662").output == "1\n")
        #expect(session.run("count school=6612002").output == "2\n")
        #expect(session.run("count name~ZED").output == "1\n")
        #expect(session.run("count expiring=8w").output == "3\n")
        #expect(session.run("count category=ite-student").output == "1\n")
        #expect(session.run("count role=staff").output == "2\n")
    }

    @Test func listTableIsSortedByIdWithOneRowPerAccount() {
        let session = session(Scenarios.everyShape)
        let lines = session.run("list").outputLines
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.dropFirst().dropLast().map { String($0.prefix { $0 != " " }) } == Scenarios.everyShapeIDs)
        #expect(lines.last == "\(Scenarios.everyShapeIDs.count) accounts")
        let st = lines.first { $0.hasPrefix("st ") } ?? ""
        #expect(st.contains("deactivated (left)"))
        #expect(st.contains("pending 6612002"))
    }

    @Test func listWithNoMatchSaysSo() {
        let session = session(Scenarios.everyShape)
        #expect(session.run("list name~nobody").output == "no accounts match\n")
    }

    @Test func nameFilterIsACaseInsensitiveSubstring() {
        let session = session(Scenarios.everyShape)
        let ids = session.run(#"format csv; list name~"z\" ü""#).outputLines.dropFirst(2).map { $0.prefix { $0 != "," } }
        #expect(ids == ["zed"])
    }

    @Test func expiringListIsOrderedByExpiryThenIdAndMarksOverdue() {
        let session = session()
        session.run("""
            create b name="B" category=governor school=6612001 expires=2027-08-10
            create a name="A" category=governor school=6612001 expires=2027-08-10
            create c name="C" category=governor school=6612001 expires=2027-07-05
            create d name="D" category=governor school=6612001 expires=2027-08-10
            close d at-expiry
            create late name="Late" category=governor school=6612001
            """)
        let before = session.run("expiring").outputLines
        #expect(before.first?.hasPrefix("EXPIRES") == true)
        #expect(before.dropFirst().prefix(3).map { $0.split(separator: " ", omittingEmptySubsequences: true)[1] } == ["c", "a", "b"])
        // d closes at expiry and late expires on 2027-08-31: neither is in the list.
        #expect(!before.contains { $0.contains(" d ") || $0.contains("late") })
        session.run("date set 2027-07-08")
        let after = session.run("expiring").outputLines
        let c = after.first { $0.contains(" c ") } ?? ""
        #expect(c.contains("overdue"))
    }

    @Test func emptyExpiringAndPendingSayWhy() {
        let session = session()
        #expect(session.run("expiring").output == "no accounts expire in the next 8 weeks\n")
        #expect(session.run("pending").output == "no staff wait for the Service Desk\n")
    }

    @Test func pendingListsStaffWaitingForTheServiceDesk() {
        let session = session(Scenarios.everyShape)
        let lines = session.run("pending").outputLines
        #expect(lines.count == 3)
        #expect(lines[2] == "1 account")
        #expect(lines[0].hasPrefix("ID"))
        #expect(lines[1].hasPrefix("st "))
        #expect(lines[1].contains("6612001"))
        #expect(lines[1].contains("6612002"))
    }

    @Test func showPrintsTheAccountAndItsHistoryWithRules() {
        let session = session()
        session.run("""
            create jo name="Jo Bloggs" category=governor school=6612001 for=1m
            keep jo 3m
            content jo 4
            """)
        let lines = session.run("show jo").outputLines
        #expect(lines.first == "jo · Jo Bloggs")
        let text = lines.joined(separator: "\n")
        for expected in ["non-MIS, governor", "6612001 Ysgol y Môr", "active", "2027-11-01", "4 items", "history"] {
            #expect(text.contains(expected), "show lacks \(expected)")
        }
        let history = lines.drop { $0 != "history" }.dropFirst()
        #expect(history.count == 4)
        #expect(history.dropFirst().first?.contains("R5") == true)
        #expect(history.dropFirst().first?.contains("created") == true)
        #expect(history.dropFirst(2).first?.contains("R7") == true)
        #expect(history.dropFirst(2).first?.contains("2027-08-01→2027-11-01") == true)
        #expect(history.dropFirst(3).first?.contains("content 0→4") == true)
    }

    @Test func showOfADeactivatedAccountSaysWhenItIsDeleted() {
        let session = session(Scenarios.everyShape)
        let text = session.run("show al").output
        #expect(text.contains("deactivated"))
        #expect(text.contains("closed"))
        #expect(text.contains("2028-07-01"))
    }

    @Test func showInJSONFormatPrintsTheInterchangeObject() throws {
        let session = session(Scenarios.everyShape)
        let text = session.run("format json; show ln").outputLines.dropFirst().joined(separator: "\n")
        let document = try Interchange.parseJSON(text)
        #expect(document.ids == ["ln"])
        #expect(document.accounts[0]["leavingDate"] as? String == "2027-12-01")
    }

    @Test func auditListsEveryChangeWithDateActorAndRule() {
        let session = session()
        session.run("""
            create jo name="Jo" category=governor school=6612001 for=1m
            login champion 6612001
            keep jo 1m
            """)
        let lines = session.run("audit jo").outputLines
        #expect(lines.count == 4)
        #expect(lines.last == "2 entries")
        #expect(lines[0].hasPrefix("DATE"))
        #expect(lines[1].hasPrefix("2027-07-01  service-desk"))
        #expect(lines[1].contains("R5"))
        #expect(lines[2].hasPrefix("2027-07-01  champion 6612001"))
        #expect(lines[2].contains("R7"))
        let all = session.run("audit").outputLines
        // The champion sees the entries of their own school and its accounts only.
        #expect(all.count == 5)
        #expect(all.last == "3 entries")
        #expect(!all.contains { $0.contains("6612002") || $0.contains("6622001") })
    }

    @Test func emptyAuditLogSaysSo() {
        #expect(ShellSession().run("audit").output == "the audit log is empty\n")
    }

    @Test func helpListsEveryCommandAndExplainsOne() {
        let session = ShellSession()
        let all = session.run("help").output
        for word in ["list", "count", "show", "expiring", "pending", "audit", "schools", "whoami", "create", "keep", "close",
                     "reactivate", "login", "date", "sweep", "school add", "mis join", "signin", "content", "save", "load",
                     "import", "export", "run", "format", "help", "quit"] {
            #expect(all.contains(word), "help lacks \(word)")
        }
        let keep = session.run("help keep").outputLines
        #expect(keep.first == "usage: keep ID...|where FILTER... end-of-next-year|6m|3m|1m")
        #expect(keep.contains { $0.contains("R7") })
        #expect(keep.last?.hasPrefix("example: keep ") == true)
        let typo = session.run("help kep")
        #expect(typo.output == "")
        #expect(typo.errors.contains("did you mean keep?"))
    }

    @Test func formatCommandSaysHowListingsPrint() {
        let session = ShellSession()
        #expect(session.run("format csv").output == "listings print as csv\n")
        #expect(session.shell.format == .csv)
        #expect(session.run("format table").output == "listings print as table\n")
    }

    @Test func quitStopsTheRestOfTheLineAndTheScript() {
        let session = ShellSession(keepGoing: false)
        let result = session.run("date; quit; whoami\nwhoami")
        #expect(result.output == "2027-07-01\n")
        #expect(result.errors == "")
        #expect(session.shell.stopRequested)
        #expect(!session.shell.hasFailed)
    }

    @Test func exitIsQuit() {
        let session = ShellSession(keepGoing: false)
        #expect(session.run("exit\ndate").output == "")
        #expect(session.shell.stopRequested)
    }
}
