import Foundation
import HwbCore
import HwbLanguage
import HwbShell
import HwbTerminal
import HwbTestSupport
import Testing

/// Tab completion: what `Completer` offers for the text up to the cursor.
@Suite struct CompleterTests {
    /// The fixture schools, with jo.bloggs and jo.jones at 6612001 (LA 661) and gwen at
    /// 6622001 (LA 662).
    static let store: Store = {
        var store = Fixtures.store(today: "2027-07-20")
        for (id, school) in [("jo.bloggs", "6612001"), ("jo.jones", "6612001"), ("gwen", "6622001")] {
            do throws(RuleError) {
                _ = try store.create(Fixtures.newAccount(id, school: school), Fixtures.context)
            } catch {
                preconditionFailure("fixture account refused: \(error)")
            }
        }
        return store
    }()

    /// A `Completion` that tests can build.
    struct Offer: Equatable {
        var insertion: String
        var candidates: [String]
    }

    private func complete(_ line: String, as actor: Actor = .serviceDesk, in directory: String = "/nonexistent") -> Offer? {
        Completer(store: Self.store, actor: actor, directory: directory).complete(line).map {
            Offer(insertion: $0.insertion, candidates: $0.candidates)
        }
    }

    // MARK: Commands and subcommands

    @Test func uniqueCommandIsCompletedWithASpace() {
        #expect(complete("cre") == Offer(insertion: "ate ", candidates: []))
        #expect(complete("whoa") == Offer(insertion: "mi ", candidates: []))
    }

    @Test func severalCommandsAreListedAndNothingIsInserted() {
        #expect(complete("c") == Offer(insertion: "", candidates: ["close", "content", "count", "create"]))
    }

    @Test func commonPrefixOfTheCandidatesIsInserted() {
        #expect(complete("sc") == Offer(insertion: "hool", candidates: ["school", "schools"]))
        #expect(complete("exp") == Offer(insertion: "", candidates: ["expiring", "export"]))
        #expect(complete("expo") == Offer(insertion: "rt ", candidates: []))
    }

    @Test func emptyLineOffersEveryCommand() throws {
        let completion = try #require(complete(""))
        #expect(completion.insertion == "")
        #expect(completion.candidates.count == Set(CommandCatalog.commandWords).count)
        #expect(completion.candidates == completion.candidates.sorted())
        #expect(completion.candidates.contains("quit") && completion.candidates.contains("exit"))
    }

    @Test func unknownWordCompletesToNothing() {
        #expect(complete("zz") == nil)
        #expect(complete("keep jo.bloggs 7") == nil)
    }

    @Test(arguments: [
        ("date a", "dvance "),
        ("date s", "et "),
        ("school a", "dd "),
        ("mis j", "oin "),
        ("mis l", "eave "),
        ("import a", "ccounts "),
        ("import s", "chools "),
        ("sweep d", "ry-run "),
        ("help swe", "ep "),
        ("login la", "-admin "),
    ])
    func subcommandIsCompleted(line: String, insertion: String) {
        #expect(complete(line) == Offer(insertion: insertion, candidates: []))
    }

    @Test func subcommandsAreListed() {
        #expect(complete("date ")?.candidates.sorted() == ["advance", "set"])
        #expect(complete("login ")?.candidates.sorted() == ["champion", "la-admin", "service-desk"])
    }

    @Test func commandAfterASemicolonIsCompleted() {
        #expect(complete("date; cre") == Offer(insertion: "ate ", candidates: []))
    }

    // MARK: key= names

    @Test func keyNamesEndInEqualsWithoutASpace() {
        #expect(complete("create jo na") == Offer(insertion: "me=", candidates: []))
        #expect(complete("create jo name=Jo ca") == Offer(insertion: "tegory=", candidates: []))
        #expect(complete("reactivate jo.bloggs u") == Offer(insertion: "ntil=", candidates: []))
    }

    @Test func keyNamesAlreadyGivenAreNotOfferedAgain() {
        let completion = complete("create jo name=Jo category=governor ")
        #expect(completion?.candidates.sorted() == ["expires=", "for=", "school="])
    }

    @Test func listFiltersAreOffered() throws {
        let completion = try #require(complete("list "))
        #expect(completion.candidates.contains("status="))
        #expect(completion.candidates.contains("expiring="))
        #expect(completion.candidates.contains("name~"))
        #expect(complete("list na") == Offer(insertion: "me~", candidates: []))
    }

    // MARK: Keyword values

    @Test(arguments: [
        ("create jo name=Jo category=gov", "ernor "),
        ("create jo name=Jo category=ite", "-student "),
        ("list status=d", "eactivated "),
        ("list kind=n", "on-mis "),
        ("list reason=l", "eft "),
        ("mis join jo school=6612001 role=l", "earner "),
        ("create jo name=Jo for=e", "nd-of-year "),
        ("keep jo.bloggs e", "nd-of-next-year "),
        ("close jo.bloggs a", "t-expiry "),
        ("close jo.bloggs n", "ow "),
        ("format j", "son "),
        ("export c", "sv "),
        ("school add 6612009 name=X maintained=n", "o "),
        ("reactivate jo.bloggs until=", "2027-07-20 "),
    ])
    func keywordValueIsCompleted(line: String, insertion: String) {
        #expect(complete(line) == Offer(insertion: insertion, candidates: []))
    }

    @Test func keywordValuesAreListedWithTheirKey() {
        #expect(complete("create jo name=Jo category=s")?.candidates == ["category=service", "category=supply-teacher", "category=stakeholder"])
        #expect(complete("keep jo.bloggs ")?.candidates == ["end-of-next-year", "6m", "3m", "1m"])
    }

    /// `keep` is offered the periods the store's policy keeps.
    @Test func keepIsOfferedThePolicysPeriods() throws {
        var store = Self.store
        _ = try store.setPolicy([Policy.Setting(name: .keeps, value: "6m,1m")], Fixtures.context)
        let completer = Completer(store: store, actor: .serviceDesk, directory: "/nonexistent")
        #expect(completer.complete("keep jo.bloggs ")?.candidates == ["6m", "1m"])
        #expect(completer.complete("keep jo.bloggs e") == nil, "end-of-next-year is not kept")
    }

    // MARK: Account ids and school numbers

    @Test func accountIDIsCompletedFromTheStore() {
        #expect(complete("show gw") == Offer(insertion: "en ", candidates: []))
        #expect(complete("keep jo.b") == Offer(insertion: "loggs ", candidates: []))
        #expect(complete("keep jo") == Offer(insertion: ".", candidates: ["jo.bloggs", "jo.jones"]))
        #expect(complete("mis leave gw") == Offer(insertion: "en ", candidates: []))
    }

    @Test func accountIDsOutsideTheActorsScopeAreNotOffered() {
        let champion = Actor.champion(Fixtures.school("6612001"))
        #expect(complete("show ", as: champion)?.candidates == ["jo.bloggs", "jo.jones"])
        #expect(complete("show gw", as: champion) == nil)
        #expect(complete("show gw", as: .laAdmin(661)) == nil)
        #expect(complete("show gw", as: .laAdmin(662)) == Offer(insertion: "en ", candidates: []))
        #expect(complete("show ")?.candidates == ["gwen", "jo.bloggs", "jo.jones"])
    }

    @Test func schoolNumbersAreCompletedFromTheStore() {
        #expect(complete("list school=662") == Offer(insertion: "2001 ", candidates: []))
        #expect(complete("list school=661")?.candidates == ["school=6612001", "school=6612002", "school=6619001"])
        #expect(complete("list school=66122") == nil)
    }

    @Test func onlyMaintainedSchoolsAreOfferedWhereOnlyTheyWillDo() {
        // An independent school (6619001) can have neither champions nor created accounts.
        #expect(complete("login champion 661") == Offer(insertion: "200", candidates: ["6612001", "6612002"]))
        #expect(complete("create jo name=Jo school=661") == Offer(insertion: "200", candidates: ["school=6612001", "school=6612002"]))
    }

    @Test func schoolNumbersOutsideTheActorsScopeAreNotOffered() {
        #expect(complete("list school=66", as: .laAdmin(662)) == Offer(insertion: "22001 ", candidates: []))
        #expect(complete("login la-admin 66")?.candidates.contains("661") == true)
    }

    // MARK: File names

    @Test(arguments: ["load", "save", "run", "import accounts", "import schools", "export csv"])
    func fileNamesAreCompletedAfter(command: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("year-end.snap", "")
        #expect(complete("\(command) year", in: folder.path) == Offer(insertion: "-end.snap ", candidates: []))
    }

    @Test func fileNamesShareTheirCommonPrefixAndFoldersEndInASlash() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("year-end.snap", "")
        try folder.write("year-start.snap", "")
        try folder.write(".hidden.snap", "")
        try FileManager.default.createDirectory(atPath: folder.file("scenarios"), withIntermediateDirectories: false)
        try folder.write("scenarios/mis.hwb", "")
        #expect(complete("load y", in: folder.path) == Offer(insertion: "ear-", candidates: ["year-end.snap", "year-start.snap"]))
        #expect(complete("run sc", in: folder.path) == Offer(insertion: "enarios/", candidates: []))
        #expect(complete("run scenarios/", in: folder.path) == Offer(insertion: "mis.hwb ", candidates: []))
        #expect(complete("load ", in: folder.path)?.candidates == ["scenarios/", "year-end.snap", "year-start.snap"])
        #expect(complete("load .h", in: folder.path) == Offer(insertion: "idden.snap ", candidates: []))
    }

    @Test func absolutePathsAreCompleted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("year-end.snap", "")
        #expect(complete("load \(folder.path)/ye") == Offer(insertion: "ar-end.snap ", candidates: []))
    }

    @Test func nothingIsCompletedInsideQuotes() {
        #expect(complete(#"create jo name="Jo"#) == nil)
        // Still inside the name: not a category to complete.
        #expect(complete(#"create jo name="Jo category=gov"#) == nil)
    }
}
