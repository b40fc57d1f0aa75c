import HwbCore
import HwbShell
import HwbTestSupport
import Testing

/// R11 for an id used again after a deletion: the deletion entry of the earlier account
/// stays with the school it was deleted from, so `show` and `audit` of the new account
/// tell an actor of its school nothing about the old one, even when the new account was
/// created on the day of the deletion. The Service Desk still sees both.
@Suite struct ReusedIDScopeTests {
    /// A governor `reuse` at 6702001 (LA 670) closed with 99 content items and deleted by
    /// the sweep on 2028-07-01; then, `days` later, a new `reuse` at 6612001 (LA 661).
    private func session(createdDaysAfterDeletion days: Int) -> ShellSession {
        let session = ShellSession(today: "2027-07-01")
        let setup = session.run("""
            \(Scenarios.schools)
            school add 6702001 name="Ysgol Arall Eto"
            create reuse name="Old Governor" category=governor school=6702001
            content reuse 99
            close reuse now
            date set 2028-07-01
            sweep
            date advance \(days)d
            create reuse name="New Governor" category=governor school=6612001
            """, file: "setup.hwb")
        #expect(setup.errors == "", "setup refused")
        #expect(setup.output.contains("deleted 1 with 99 content items"))
        return session
    }

    private static let deletion = "deleted with 99 content items"

    @Test(arguments: [0, 1], [Actor.champion(Fixtures.school("6612001")), .laAdmin(661)])
    func showOfTheNewAccountHidesTheDeletionElsewhere(days: Int, actor: Actor) {
        let session = session(createdDaysAfterDeletion: days)
        session.run("login \(actor)")
        let shown = session.run("show reuse")
        #expect(shown.errors == "")
        #expect(shown.output.contains("reuse · New Governor"))
        #expect(shown.output.contains("created"))
        #expect(!shown.output.contains(Self.deletion))
        #expect(!shown.output.contains("6702001"))
    }

    @Test(arguments: [0, 1], [Actor.champion(Fixtures.school("6612001")), .laAdmin(661)])
    func auditOfTheNewAccountHidesTheDeletionElsewhere(days: Int, actor: Actor) {
        let session = session(createdDaysAfterDeletion: days)
        session.run("login \(actor)")
        let byID = session.run("audit reuse")
        #expect(byID.errors == "")
        #expect(byID.output.contains("created"))
        #expect(!byID.output.contains(Self.deletion))
        let whole = session.run("audit")
        #expect(whole.output.contains("reuse"))
        #expect(!whole.output.contains(Self.deletion))
    }

    /// The actors of the old account's school see its deletion, and nothing of the new one.
    @Test(arguments: [0, 1], [Actor.champion(Fixtures.school("6702001")), .laAdmin(670)])
    func theOldSchoolSeesTheDeletionOnly(days: Int, actor: Actor) {
        let session = session(createdDaysAfterDeletion: days)
        session.run("login \(actor)")
        let byID = session.run("audit reuse")
        #expect(byID.errors == "")
        #expect(byID.output.contains(Self.deletion))
        #expect(!byID.output.contains("created"))
        let whole = session.run("audit")
        #expect(whole.output.contains(Self.deletion))
        #expect(!whole.output.contains("New Governor"))
        #expect(whole.outputLines.filter { $0.contains(" reuse ") }.count == 1)
        #expect(session.run("show reuse").errors.contains("no account reuse"))
    }

    @Test(arguments: [0, 1])
    func theServiceDeskStillSeesBoth(days: Int) {
        let session = session(createdDaysAfterDeletion: days)
        let byID = session.run("audit reuse")
        #expect(byID.output.contains(Self.deletion))
        #expect(byID.output.contains("created"))
        let shown = session.run("show reuse")
        #expect(shown.output.contains(Self.deletion))
        #expect(shown.output.contains("reuse · New Governor"))
    }

    /// Completion offers the new account to its school's actors and nothing to the old
    /// school's, whose account is gone.
    @Test(arguments: [0, 1])
    func completionKeepsToTheScope(days: Int) {
        let session = session(createdDaysAfterDeletion: days)
        let store = session.shell.store
        let here = Completer(store: store, actor: .champion(Fixtures.school("6612001")), directory: "/")
        #expect(here.complete("show reu")?.insertion == "se ")
        #expect(here.complete("audit reu")?.insertion == "se ")
        let there = Completer(store: store, actor: .champion(Fixtures.school("6702001")), directory: "/")
        #expect(there.complete("show reu") == nil)
        #expect(there.complete("audit reu") == nil)
    }
}
