import HwbCore
import HwbShell
import HwbTestSupport
import Testing

/// `import accounts` and `import schools`: CSV, all or nothing, bad rows listed by line.
@Suite struct ImportTests {
    private static let header = "id,name,kind,school,status,created,content,category,expires"

    private func session(_ setup: String = Scenarios.schools) -> ShellSession {
        let session = ShellSession(today: "2027-07-01")
        #expect(session.run(setup, file: "setup.hwb").errors == "")
        return session
    }

    // MARK: schools

    @Test func importSchoolsAddsEveryRow() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("s.csv", "number,name,maintained\r\n6612001,\"Ysgol y Môr, Aber\",yes\r\n6619001,Indy,no\r\n")
        let session = ShellSession()
        let result = session.run("import schools \(path)")
        #expect(result.output == "imported 2 schools from \(path)\n")
        #expect(result.errors == "")
        let schools = session.run("schools").outputLines
        #expect(schools.count == 4)
        #expect(schools[3] == "2 schools")
        #expect(schools[1].contains("Ysgol y Môr, Aber"))
        #expect(schools[2].hasPrefix("6619001"))
        #expect(schools[2].contains("no"))
    }

    @Test func importSchoolsColumnsMayComeInAnyOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("s.csv", "maintained,number,name\nno,6619001,Indy\n")
        let session = ShellSession()
        #expect(session.run("import schools \(path)").errors == "")
        #expect(session.run("schools").output.contains("6619001  Indy"))
    }

    @Test func importSchoolsRefusesEverythingAndListsEachBadRowByLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("s.csv", """
            number,name,maintained
            6612003,Fine,yes
            1234567,Not Welsh,yes
            6612001,Already there,yes
            6612003,Twice in the file,yes

            """)
        let session = session()
        let schoolsBefore = session.run("schools").output
        let result = session.run("import schools \(path)", file: "i.hwb")
        #expect(result.output == "")
        #expect(result.errorLines.first == "i.hwb:1:1: error: import refused, nothing imported: 3 bad rows in \(path)")
        #expect(result.errorLines.count == 4)
        for line in [3, 4, 5] {
            #expect(result.errors.contains("\(path):\(line): "), "line \(line) is not listed")
        }
        #expect(result.errors.contains("R3"))
        #expect(!result.errors.contains("\(path):2:"))
        #expect(session.run("schools").output == schoolsBefore)
    }

    @Test func importSchoolsListsUnreadableCellsByLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("s.csv", "number,name,maintained\n6612004,Good,perhaps\n661200,Short,yes\n6612005,Fine,no\n")
        let session = session()
        let result = session.run("import schools \(path)")
        #expect(result.errorLines.first?.hasSuffix("2 bad rows in \(path)") == true)
        #expect(result.errors.contains("\(path):2: ") && result.errors.contains("perhaps"))
        #expect(result.errors.contains("\(path):3: ") && result.errors.contains("661200"))
        #expect(!session.run("schools").output.contains("6612005"))
    }

    @Test func importSchoolsRefusesAWrongHeader() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("s.csv", "number,title,maintained\n6612001,A,yes\n")
        let result = ShellSession().run("import schools \(path)")
        #expect(result.errors.contains("number,name,maintained"))
    }

    // MARK: accounts

    @Test func importAccountsAddsRowsAsTheyAre() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("a.csv", """
            reason,deletionDue,deactivatedOn,status,closeAtExpiry,expires,category,content,lastActivity,created,school,kind,name,id,role,leavingDate,pendingSchool
            ,,,active,true,2027-08-31,governor,3,2027-06-20,2027-06-01,6612001,non-mis,"Bloggs, Jo",Jo.Bloggs,,,
            closed,2028-06-30,2027-06-30,deactivated,false,2027-08-31,service,0,2027-06-01,2027-06-01,6612002,non-mis,Printer,printer,,,
            ,,,active,,,,0,,2027-06-01,6612001,mis,Ln,ln,learner,2027-12-01,

            """)
        let session = session()
        let result = session.run("import accounts \(path)")
        #expect(result.errors == "")
        #expect(result.output == "imported 3 accounts from \(path)\n")
        let document = try Interchange.parseJSON(session.exportJSON())
        #expect(document.ids == ["jo.bloggs", "ln", "printer"])
        let jo = try #require(document.account("jo.bloggs"))
        #expect(jo["name"] as? String == "Bloggs, Jo")
        #expect(jo["closeAtExpiry"] as? Bool == true)
        #expect(jo["lastActivity"] as? String == "2027-06-20")
        #expect(jo["content"] as? Int == 3)
        let printer = try #require(document.account("printer"))
        #expect(printer["status"] as? String == "deactivated")
        #expect(printer["closeAtExpiry"] as? Bool == false)
        #expect(printer["reason"] as? String == "closed")
        #expect(printer["deletionDue"] as? String == "2028-06-30")
        let ln = try #require(document.account("ln"))
        // Empty cells are null.
        #expect(Interchange.isNull(ln["expires"]))
        #expect(Interchange.isNull(ln["category"]))
        #expect(Interchange.isNull(ln["pendingSchool"]))
        #expect(ln["leavingDate"] as? String == "2027-12-01")
    }

    @Test func importAccountsReadsQuotedCellsSpanningLines() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("a.csv", """
            \(Self.header)
            aa,"Two
            lines",non-mis,6612001,active,2027-06-01,0,governor,2027-08-31
            bb,"Say ""hi"" now",non-mis,6612001,active,2027-06-01,0,learner,2027-08-31

            """)
        let result = session().run("import accounts \(path)")
        // The second row starts on line 4, after the two-line cell of line 2 (a name with
        // a line break, itself refused).
        #expect(result.errors.contains("\(path):2: name holds the control character U+000A"))
        #expect(result.errors.contains("\(path):4: category: expected"))
        #expect(!result.errors.contains("\(path):3: "))
    }

    @Test func importAccountsIsAllOrNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("a.csv", """
            \(Self.header)
            good,Good,non-mis,6612001,active,2027-06-01,0,governor,2027-08-31
            kid,Kid,non-mis,6612001,active,2027-06-01,0,learner,2027-08-31

            """)
        let session = session()
        let auditBefore = session.run("audit").output
        let result = session.run("import accounts \(path)", file: "i.hwb")
        #expect(result.output == "")
        #expect(result.errorLines.first == "i.hwb:1:1: error: import refused, nothing imported: 1 bad row in \(path)")
        #expect(result.errorLines.count == 2)
        #expect(result.errorLines.last?.contains("\(path):3: ") == true)
        #expect(result.errorLines.last?.contains("learner") == true)
        #expect(session.run("count").output == "0\n")
        #expect(session.run("audit").output == auditBefore)
    }

    @Test func importAccountsListsRuleProblemsByLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("a.csv", """
            \(Self.header)
            ok,Ok,non-mis,6612001,active,2027-06-01,0,governor,2027-08-31
            mis1,No Role,mis,6612001,active,2027-06-01,0,,
            far,Far,non-mis,6612009,active,2027-06-01,0,governor,2027-08-31
            noexp,No Expiry,non-mis,6612001,active,2027-06-01,0,governor,
            indy,Indy,non-mis,6619001,active,2027-06-01,0,governor,2027-08-31

            """)
        let result = session().run("import accounts \(path)")
        #expect(result.errorLines.first?.hasSuffix("4 bad rows in \(path)") == true)
        #expect(result.errors.contains("\(path):3: ") && result.errors.contains("R4"))
        #expect(result.errors.contains("\(path):4: ") && result.errors.contains("R14.1"))
        #expect(result.errors.contains("\(path):5: ") && result.errors.contains("R14.2"))
        #expect(result.errors.contains("\(path):6: "))
        #expect(!result.errors.contains("\(path):2: "))
    }

    /// docs/language.md: "if any row is wrong, imports nothing and lists the bad rows by line
    /// number": all of them, whether a cell cannot be read or the row breaks a rule.
    @Test func importAccountsListsEveryBadRowWhateverIsWrong() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("a.csv", """
            \(Self.header)
            badcat,Bad Category,non-mis,6612001,active,2027-06-01,0,learner,2027-08-31
            far,Far,non-mis,6612009,active,2027-06-01,0,governor,2027-08-31

            """)
        let result = session().run("import accounts \(path)")
        #expect(result.errorLines.first?.hasSuffix("2 bad rows in \(path)") == true, "\(result.errorLines.first ?? "")")
        #expect(result.errors.contains("\(path):2: "))
        #expect(result.errors.contains("\(path):3: "), "the row at an unknown school is not listed")
    }

    @Test func importSchoolsListsEveryBadRowWhateverIsWrong() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("s.csv", "number,name,maintained\n6612009,A,maybe\n6612001,Again,yes\n")
        let result = session().run("import schools \(path)")
        #expect(result.errorLines.first?.hasSuffix("2 bad rows in \(path)") == true, "\(result.errorLines.first ?? "")")
        #expect(result.errors.contains("\(path):2: "))
        #expect(result.errors.contains("\(path):3: "), "the school already in the directory is not listed")
    }

    @Test func importAccountsRefusesAnIdAlreadyInTheStore() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("a.csv", "\(Self.header)\nJo,Jo,non-mis,6612001,active,2027-06-01,0,governor,2027-08-31\n")
        let session = session()
        session.run(#"create jo name="Jo" category=governor school=6612001"#)
        let result = session.run("import accounts \(path)")
        #expect(result.errors.contains("\(path):2: "))
        #expect(result.errors.contains("R14.1"))
    }

    /// A repeated id names the line of its first row, as every other message names lines.
    @Test func repeatedIdNamesTheLineOfTheFirstRow() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("a.csv", """
            \(Self.header)
            aa,A,non-mis,6612001,active,2027-06-01,0,governor,2027-08-31
            AA,B,non-mis,6612001,active,2027-06-01,0,governor,2027-08-31

            """)
        let result = session().run("import accounts \(path)")
        #expect(result.errors.contains("\(path):3: "))
        #expect(result.errors.contains("line 2"), "message: \(result.errors)")
    }

    @Test func importAccountsRefusesUnknownAndMissingColumns() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let unknown = try folder.write("u.csv", "\(Self.header),colour\naa,A,non-mis,6612001,active,2027-06-01,0,governor,2027-08-31,red\n")
        let missing = try folder.write("m.csv", "id,name,kind\naa,A,non-mis\n")
        let session = session()
        let first = session.run("import accounts \(unknown)")
        #expect(first.errors.contains("colour"))
        #expect(first.errorLines.count == 1)
        let second = session.run("import accounts \(missing)")
        #expect(second.errors.contains("missing"))
        #expect(session.run("count").output == "0\n")
    }

    @Test func importOfAMissingOrBrokenFileIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = session()
        let missing = session.run("import accounts \(folder.file("none.csv"))")
        #expect(missing.errors.contains("cannot read"))
        let empty = try folder.write("e.csv", "")
        #expect(session.run("import accounts \(empty)").errors.contains("empty"))
        let unclosed = try folder.write("q.csv", "\(Self.header)\naa,\"A,non-mis\n")
        let result = session.run("import accounts \(unclosed)")
        #expect(result.errors.contains("\(unclosed):2: "))
        #expect(result.errorLines.count == 1)
        let binary = try folder.write("b.csv", bytes: Array("\(Self.header)\n".utf8) + [0xFF, 0xFE, 10])
        #expect(session.run("import accounts \(binary)").errors.contains("UTF-8"))
        #expect(session.run("count").output == "0\n")
    }
}
