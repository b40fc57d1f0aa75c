import HwbCore
import HwbShell
import HwbTestSupport
import Testing

/// R10 through the shell: `sweep` and `sweep dry-run` report counts and ids.
@Suite struct SweepOutputTests {
    /// On 2027-09-02: jo and al expired (al closes at expiry), idle went quiet after
    /// 2027-07-01 (inactive on 2027-09-30 only), st left on 2027-07-15, kept is fine.
    private func session() -> ShellSession {
        let session = ShellSession(today: "2027-07-01")
        let result = session.run(Scenarios.schools + "\n" + """
            create jo name="Jo" category=governor school=6612001
            create al name="Al" category=service school=6612001 for=1m
            close al at-expiry
            create kept name="Kept" category=governor school=6612002
            keep kept end-of-next-year
            mis join st name="St" role=staff school=6612001
            mis leave st on=2027-07-15
            content jo 5
            date set 2027-09-02
            signin kept
            """, file: "setup.hwb")
        #expect(result.errors == "")
        return session
    }

    @Test func dryRunReportsCountsAndIdsAndChangesNothing() {
        let session = session()
        let before = session.exportJSON()
        let auditBefore = session.run("audit").output
        let result = session.run("sweep dry-run")
        #expect(result.errors == "")
        #expect(result.outputLines == [
            "sweep dry-run as of 2027-09-02: would deactivate 3, would delete 0; nothing changed",
            "  expired   al, jo",
            "  left      st",
        ])
        #expect(session.exportJSON() == before)
        #expect(session.run("audit").output == auditBefore)
    }

    @Test func sweepReportsWhatTheDryRunPredicted() {
        let session = session()
        let planned = session.run("sweep dry-run").outputLines
        let done = session.run("sweep").outputLines
        #expect(done == [
            "sweep as of 2027-09-02: deactivated 3, deleted 0",
            "  expired   al, jo",
            "  left      st",
        ])
        #expect(Array(planned.dropFirst()) == Array(done.dropFirst()))
        #expect(session.run("count status=deactivated").output == "3\n")
        #expect(session.run("count status=active").output == "1\n")
    }

    @Test func secondSweepOnTheSameDayChangesNothing() {
        let session = session()
        session.run("sweep")
        let after = session.exportJSON()
        #expect(session.run("sweep").output == "sweep as of 2027-09-02: deactivated 0, deleted 0\n")
        #expect(session.exportJSON() == after)
    }

    @Test func sweepSetsTheEffectiveDatesFromTheRules() throws {
        let session = session()
        session.run("sweep")
        let document = try Interchange.parseJSON(session.exportJSON())
        let jo = try #require(document.account("jo"))
        #expect(jo["deactivatedOn"] as? String == "2027-09-01")
        #expect(jo["deletionDue"] as? String == "2028-09-01")
        #expect(jo["reason"] as? String == "expired")
        let st = try #require(document.account("st"))
        #expect(st["deactivatedOn"] as? String == "2027-07-15")
        #expect(st["deletionDue"] as? String == "2028-07-15")
        #expect(st["reason"] as? String == "left")
    }

    @Test func deletionReportsIdsAndContentCounts() {
        let session = session()
        session.run("sweep; date set 2028-09-01")
        let planned = session.run("sweep dry-run").outputLines
        #expect(planned.first?.hasPrefix("sweep dry-run as of 2028-09-01: would deactivate") == true)
        #expect(planned.first?.contains("would delete 3 with 5 content items") == true)
        #expect(planned.contains("  deleted   al (0), jo (5), st (0)"))
        let done = session.run("sweep").outputLines
        #expect(done.first?.contains("deleted 3 with 5 content items") == true)
        #expect(done.contains("  deleted   al (0), jo (5), st (0)"))
        #expect(session.run("show jo").errors.contains("no account jo"))
        // R10.4: the audit log keeps the id, the date and the number of content items.
        let audit = session.run("audit jo").output
        #expect(audit.contains("2028-09-01"))
        #expect(audit.contains("5"))
        #expect(!audit.contains("Jo "), "the deleted account's name is gone from the log")
    }

    @Test func inactiveAccountsAreReportedUnderInactive() {
        let session = ShellSession(today: "2027-07-01")
        session.run(Scenarios.schools + "\n" + """
            create idle name="Idle" category=governor school=6612001
            keep idle end-of-next-year
            date set 2027-10-01
            """)
        #expect(session.run("sweep").outputLines == [
            "sweep as of 2027-10-01: deactivated 1, deleted 0",
            "  inactive  idle",
        ])
    }

    @Test func longIdListsNameTheFirstTwentyAndCountTheRest() {
        let session = ShellSession(today: "2027-07-01")
        var script = Scenarios.schools
        for n in 1...25 {
            script += "\ncreate a\(n < 10 ? "0" : "")\(n) name=\"A\(n)\" category=governor school=6612001"
        }
        session.run(script + "\ndate set 2027-09-01")
        let lines = session.run("sweep").outputLines
        #expect(lines.first == "sweep as of 2027-09-01: deactivated 25, deleted 0")
        let expired = lines.dropFirst().first ?? ""
        #expect(expired.hasPrefix("  expired   a01, a02, "))
        // The rest are a list away, and the report says which.
        #expect(expired.hasSuffix("a20 and 5 more (audit since=2027-09-01 until=2027-09-01 rule=R10 shows them all)"))
    }
}
