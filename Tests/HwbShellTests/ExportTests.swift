import Foundation
import HwbCore
import HwbShell
import HwbTestSupport
import Testing

/// `export json|csv`: exactly the interchange formats of docs/language.md, read back with
/// Foundation's JSONSerialization and an independent RFC 4180 reader.
@Suite struct ExportTests {
    /// The accounts of `Scenarios.everyShape` on 2027-07-25: every non-null value. Keys
    /// not listed must be null (or missing).
    static let expected: [String: [String: String]] = [
        "al": ["id": "al", "name": "Al", "kind": "non-mis", "school": "6612001", "status": "deactivated",
               "created": "2027-07-01", "lastActivity": "2027-07-01", "content": "0", "category": "service",
               "expires": "2027-08-01", "closeAtExpiry": "false", "deactivatedOn": "2027-07-01",
               "deletionDue": "2028-07-01", "reason": "closed"],
        "ite": ["id": "ite", "name": "Ite", "kind": "non-mis", "school": "6612002", "status": "active",
                "created": "2027-07-01", "lastActivity": "2027-07-01", "content": "0", "category": "ite-student",
                "expires": "2027-08-01", "closeAtExpiry": "true"],
        "ln": ["id": "ln", "name": "Ln", "kind": "mis", "school": "6612001", "status": "active",
               "created": "2027-07-01", "lastActivity": "2027-07-01", "content": "0", "role": "learner",
               "leavingDate": "2027-12-01"],
        "other": ["id": "other", "name": "Other", "kind": "non-mis", "school": "6622001", "status": "active",
                  "created": "2027-07-01", "lastActivity": "2027-07-01", "content": "0", "category": "supply-teacher",
                  "expires": "2027-08-31", "closeAtExpiry": "false"],
        "st": ["id": "st", "name": "St", "kind": "mis", "school": "6612001", "status": "deactivated",
               "created": "2027-07-01", "lastActivity": "2027-07-01", "content": "0", "role": "staff",
               "leavingDate": "2027-07-15", "pendingSchool": "6612002", "deactivatedOn": "2027-07-15",
               "deletionDue": "2028-07-15", "reason": "left"],
        "st2": ["id": "st2", "name": "St2", "kind": "mis", "school": "6612002", "status": "deactivated",
                "created": "2027-07-01", "lastActivity": "2027-07-01", "content": "0", "role": "staff",
                "leavingDate": "2027-07-20", "deactivatedOn": "2027-07-20", "deletionDue": "2028-07-20", "reason": "left"],
        "zed": ["id": "zed", "name": #"Zed, "Z" Ü"#, "kind": "non-mis", "school": "6612001", "status": "active",
                "created": "2027-07-01", "lastActivity": "2027-07-25", "content": "7", "category": "governor",
                "expires": "2027-08-31", "closeAtExpiry": "false"],
    ]

    private func session(actor: String? = nil) -> ShellSession {
        let session = ShellSession(today: "2027-07-01")
        let result = session.run(Scenarios.everyShape + (actor.map { "\nlogin \($0)" } ?? ""), file: "setup.hwb")
        #expect(result.errors == "")
        return session
    }

    @Test func jsonFileHoldsTheDateAndEveryAccountSortedById() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = session()
        let result = session.run("export json \(folder.file("a.json"))")
        #expect(result.output == "exported 7 accounts to \(folder.file("a.json"))\n")
        #expect(result.errors == "")
        let document = try Interchange.parseJSON(try folder.read("a.json"))
        #expect(Set(document.root.keys) == ["date", "accounts"])
        #expect(document.date == "2027-07-25")
        #expect(document.ids == Scenarios.everyShapeIDs)
    }

    @Test func jsonValuesMatchTheStore() throws {
        let document = try Interchange.parseJSON(session().exportJSON())
        for account in document.accounts {
            let id = try #require(account["id"] as? String)
            let expected = try #require(Self.expected[id], "unexpected account \(id)")
            #expect(Set(account.keys).isSubset(of: Interchange.keys), "\(id) has keys outside the format")
            for key in Interchange.keys {
                let value = account[key]
                if let want = expected[key] {
                    #expect(Interchange.cellText(value) == want, "\(id).\(key)")
                } else {
                    #expect(Interchange.isNull(value), "\(id).\(key) should be null, is \(String(describing: value))")
                }
            }
        }
    }

    @Test func jsonTypesFollowTheFormat() throws {
        let document = try Interchange.parseJSON(session().exportJSON())
        for account in document.accounts {
            let id = account["id"] as? String ?? "?"
            for key in Interchange.dateKeys where !Interchange.isNull(account[key]) {
                let text = account[key] as? String
                #expect(text?.count == 10 && CalendarDate(text ?? "") != nil, "\(id).\(key) is not a YYYY-MM-DD string")
            }
            #expect(account["school"] is String, "\(id).school is not a string")
            #expect(Interchange.isNull(account["pendingSchool"]) || account["pendingSchool"] is String)
            #expect(account["content"] is NSNumber && !Interchange.isBool(account["content"]), "\(id).content is not a number")
            if account["kind"] as? String == "non-mis" {
                #expect(Interchange.isBool(account["closeAtExpiry"]), "\(id).closeAtExpiry is not true/false")
            }
        }
    }

    /// docs/language.md: keys that do not apply to the account's kind or status are null.
    @Test func keysThatDoNotApplyAreNull() throws {
        let document = try Interchange.parseJSON(session().exportJSON())
        for account in document.accounts {
            let id = account["id"] as? String ?? "?"
            let notApplying: [String]
            switch account["kind"] as? String {
            case "mis": notApplying = ["category", "expires", "closeAtExpiry"]
            default: notApplying = ["role", "leavingDate", "pendingSchool"]
            }
            let inactiveKeys = account["status"] as? String == "active" ? ["deactivatedOn", "deletionDue", "reason"] : []
            for key in notApplying + inactiveKeys {
                #expect(Interchange.isNull(account[key]), "\(id).\(key)")
            }
        }
    }

    @Test func jsonEscapesQuotesAndKeepsUnicode() throws {
        let text = session().run("export json - name~zed").output
        #expect(text.contains(#""name": "Zed, \"Z\" Ü""#))
    }

    @Test func csvFileHasTheJSONKeysAsHeaderAndRFC4180Rows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = session()
        let result = session.run("export csv \(folder.file("a.csv"))")
        #expect(result.output == "exported 7 accounts to \(folder.file("a.csv"))\n")
        let text = try folder.read("a.csv")
        let (header, rows) = try Interchange.csvRows(text)
        #expect(Set(header) == Set(Interchange.keys))
        #expect(header.count == Interchange.keys.count)
        #expect(rows.map { $0["id"] ?? "" } == Scenarios.everyShapeIDs)
        for row in rows {
            let id = row["id"] ?? "?"
            let expected = try #require(Self.expected[id])
            for key in Interchange.keys {
                #expect(row[key] == (expected[key] ?? ""), "\(id).\(key)")
            }
        }
    }

    @Test func csvQuotesCellsWithCommasAndQuotes() throws {
        let text = session().run("export csv - name~zed").output
        #expect(text.contains(#","Zed, ""Z"" Ü","#))
        #expect(!text.contains(#","Al","#), "plain cells are not quoted")
    }

    @Test func csvFileUsesCRLFLineEnds() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        session().run("export csv \(folder.file("a.csv"))")
        let text = try folder.read("a.csv")
        #expect(text.hasSuffix("\r\n"))
        #expect(text.split(separator: "\r\n").count == 8)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func csvAndJSONAgreeCellForCell() throws {
        let session = session()
        let document = try Interchange.parseJSON(session.exportJSON())
        let (_, rows) = try Interchange.csvRows(session.run("export csv -").output)
        #expect(rows.count == document.accounts.count)
        for (row, account) in zip(rows, document.accounts) {
            for key in Interchange.keys {
                #expect(row[key] == Interchange.cellText(account[key]), "\(row["id"] ?? "?").\(key)")
            }
        }
    }

    @Test func exportFiltersApply() throws {
        let session = session()
        let active = try Interchange.parseJSON(session.run("export json - status=active").output)
        #expect(active.ids == ["ite", "ln", "other", "zed"])
        let both = try Interchange.parseJSON(session.run("export json - kind=mis status=deactivated").output)
        #expect(both.ids == ["st", "st2"])
        let (_, rows) = try Interchange.csvRows(session.run("export csv - school=6612002").output)
        #expect(rows.map { $0["id"] ?? "" } == ["ite", "st2"])
    }

    @Test func exportCoversTheActorsScopeOnly() throws {
        let champion = try Interchange.parseJSON(session(actor: "champion 6622001").exportJSON())
        #expect(champion.ids == ["other"])
        let la = try Interchange.parseJSON(session(actor: "la-admin 661").exportJSON())
        #expect(la.ids == ["al", "ite", "ln", "st", "st2", "zed"])
    }

    @Test func emptyExportIsAValidDocument() throws {
        let session = ShellSession(today: "2027-07-01")
        let document = try Interchange.parseJSON(session.exportJSON())
        #expect(document.date == "2027-07-01")
        #expect(document.accounts.isEmpty)
        let csv = session.run("export csv -").output
        let records = try Interchange.parseCSV(csv)
        #expect(records.count == 1)
        #expect(Set(records[0]) == Set(Interchange.keys))
    }

    @Test func exportToStandardOutputIsExactlyTheFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = session()
        session.run("export json \(folder.file("a.json")); export csv \(folder.file("a.csv"))")
        #expect(session.run("export json -").output == (try folder.read("a.json")))
        #expect(session.run("export csv -").output == (try folder.read("a.csv")))
    }

    @Test func listingsInCSVAndJSONFormatPrintTheInterchangeFormats() throws {
        let session = session()
        let json = session.exportJSON()
        let csv = session.run("export csv -").output
        let listedJSON = session.run("format json; list").outputLines.dropFirst().joined(separator: "\n") + "\n"
        #expect(listedJSON == json)
        let listedCSV = session.run("format csv; list").outputLines.dropFirst()
        #expect(Array(listedCSV) == csv.split(separator: "\r\n").map(String.init))
    }

    @Test func exportToAMissingFolderIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = session().run("export json \(folder.file("no/such/folder/a.json"))", file: "x.hwb")
        #expect(result.output == "")
        #expect(result.errors.hasPrefix("x.hwb:1:1: error: cannot write"))
        #expect(result.errorLines.count == 1)
    }
}
