import HwbCore
import HwbTestSupport
import Testing

/// R14: the invariants hold after every command, refused or not.
@Suite struct InvariantTests {
    typealias Step = (String, @Sendable (inout Store) throws -> Void)

    /// A day in the life of a store: every kind of command, some of them refused.
    static let steps: [Step] = [
        ("create jo", { try $0.createNonMIS("jo", expiry: .date(date("2027-07-20"))) }),
        ("create governor", { try $0.createNonMIS("gov", category: "governor", school: "6622001") }),
        ("create ite", { try $0.createNonMIS("ite", category: "ite-student", expiry: .months(1)) }),
        ("create learner (refused)", { try $0.createNonMIS("learner", category: "learner") }),
        ("create at independent (refused)", { try $0.createNonMIS("indie", school: "6619001") }),
        ("join lee", { try $0.joinNew("lee", role: .learner) }),
        ("join sam", { try $0.joinNew("sam", role: .staff, school: "6612002") }),
        ("join kim", { try $0.joinNew("kim", role: .learner, school: "6622001") }),
        ("join jo (refused)", { try $0.join("jo", school: "6612002") }),
        ("join at independent (ignored)", { try $0.join("lee", school: "6619001") }),
        ("keep lee (refused)", { try $0.keep("lee", .sixMonths) }),
        ("close ite at expiry", { try $0.close("ite", .atExpiry) }),
        ("leave lee", { try $0.leave("lee", on: "2027-07-15") }),
        ("leave sam", { try $0.leave("sam", on: "2027-06-01") }),
        ("content jo", { try $0.setContent("jo", 3) }),
        ("date back (refused)", { try $0.setDate(date("2027-06-01")) }),
        ("date 2027-07-21", { try $0.moveClock(to: "2027-07-21") }),
        ("signin gov", { try $0.signIn("gov") }),
        ("signin in the future (refused)", { try $0.signIn("gov", on: "2027-07-22") }),
        ("sweep", { _ = $0.sweep(Fixtures.context) }),
        ("signin jo (refused)", { try $0.signIn("jo") }),
        ("join sam at 6622001 (pending)", { try $0.join("sam", school: "6622001") }),
        ("join lee at 6612002 (reactivated)", { try $0.join("lee", school: "6612002") }),
        ("reactivate sam as la-admin (refused)", { try $0.reactivate("sam", as: .laAdmin(661)) }),
        ("reactivate jo until", { try $0.reactivate("jo", until: "2027-08-15") }),
        ("close gov now", { try $0.close("gov", .now) }),
        ("keep jo", { try $0.keep("jo", .endOfNextYear) }),
        ("date 2027-09-01", { try $0.moveClock(to: "2027-09-01") }),
        ("sweep", { _ = $0.sweep(Fixtures.context) }),
        ("reactivate sam", { try $0.reactivate("sam") }),
        ("date 2028-02-29", { try $0.moveClock(to: "2028-02-29") }),
        ("sweep", { _ = $0.sweep(Fixtures.context) }),
        ("leave kim far back", { try $0.leave("kim", on: "2027-01-01") }),
        ("date 2028-09-01", { try $0.moveClock(to: "2028-09-01") }),
        ("sweep", { _ = $0.sweep(Fixtures.context) }),
        ("create jo while deactivated (refused)", { try $0.createNonMIS("jo") }),
        ("date 2029-09-01", { try $0.moveClock(to: "2029-09-01") }),
        ("sweep", { _ = $0.sweep(Fixtures.context) }),
        ("create jo once deleted", { try $0.createNonMIS("jo") }),
    ]

    @Test func invariantsHoldAfterEveryCommand() {
        var store = Fixtures.store(today: "2027-07-01")
        for (label, step) in Self.steps {
            let before = StoreState(store)
            var refused = false
            do { try step(&store) } catch { refused = true }
            if refused {
                // R14.5: a command that is refused changes nothing.
                #expect(StoreState(store) == before, "\(label) was refused but changed the store")
            }
            Self.checkInvariants(store, after: label)
            if label == "sweep" { Self.checkSwept(store, after: label) }
        }
        #expect(store.accounts.isEmpty == false)
    }

    /// R14.1-3.
    static func checkInvariants(_ store: Store, after label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (key, account) in store.accounts {
            #expect(key == account.id, "\(label): \(account.id) filed under \(key)", sourceLocation: sourceLocation)
            #expect(store.schools[account.school]?.maintained == true, "\(label): \(account.id) at \(account.school)", sourceLocation: sourceLocation)
            if account.kind == .nonMIS {
                #expect(account.category != nil && account.expires != nil, "\(label): \(account.id)", sourceLocation: sourceLocation)
            }
            let deactivationFields = account.deactivatedOn != nil && account.deletionDue != nil && account.reason != nil
            let noDeactivationFields = account.deactivatedOn == nil && account.deletionDue == nil && account.reason == nil
            #expect(account.status == .deactivated ? deactivationFields : noDeactivationFields, "\(label): \(account.id)", sourceLocation: sourceLocation)
            if let on = account.deactivatedOn {
                #expect(account.deletionDue == on.addingMonths(12), "\(label): \(account.id)", sourceLocation: sourceLocation)
                if account.kind == .mis { #expect(account.leavingDate == on, "\(label): \(account.id)", sourceLocation: sourceLocation) }
            }
            #expect(store.problems(with: Account.Fields(account)).isEmpty, "\(label): \(account.id): \(store.problems(with: Account.Fields(account)))", sourceLocation: sourceLocation)
        }
    }

    /// R14.4.
    static func checkSwept(_ store: Store, after label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let today = store.today
        for account in store.accounts.values {
            switch (account.status, account.kind) {
            case (.active, .nonMIS):
                #expect(account.expires.map { $0 >= today } == true, "\(label): \(account.id)", sourceLocation: sourceLocation)
                #expect(account.lastActivity.addingDays(90).map { $0 >= today } == true, "\(label): \(account.id)", sourceLocation: sourceLocation)
            case (.active, .mis):
                #expect(account.leavingDate.map { $0 > today } ?? true, "\(label): \(account.id)", sourceLocation: sourceLocation)
            case (.deactivated, _):
                #expect(account.deletionDue.map { $0 > today } == true, "\(label): \(account.id)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The scenario ends where the rules say it should.
    @Test func theScenarioEndsAsTheRulesSay() {
        var store = Fixtures.store(today: "2027-07-01")
        var outcomes: [String: Bool] = [:]
        for (label, step) in Self.steps {
            do { try step(&store); outcomes[label] = true } catch { outcomes[label] = false }
        }
        #expect(outcomes["create learner (refused)"] == false)
        #expect(outcomes["create at independent (refused)"] == false)
        #expect(outcomes["join jo (refused)"] == false)
        #expect(outcomes["keep lee (refused)"] == false)
        #expect(outcomes["date back (refused)"] == false)
        #expect(outcomes["signin in the future (refused)"] == false)
        #expect(outcomes["signin jo (refused)"] == false)
        #expect(outcomes["reactivate sam as la-admin (refused)"] == false)
        #expect(outcomes["reactivate sam"] == true)
        #expect(outcomes["create jo while deactivated (refused)"] == false)
        #expect(outcomes["create jo once deleted"] == true)
        // jo: expired on 2027-07-21, reactivated until 2027-08-15 and kept to 2028-08-31,
        // then idle from 2027-07-21: off on 2027-10-20, deleted on the first sweep from
        // 2028-10-20 on. gov closed on 2027-07-21, ite expired on 2027-08-02, kim left on
        // 2027-01-01: all deleted by the sweep of 2028-09-01. MIS accounts never go idle.
        #expect(store.accounts.keys.map(\.value).sorted() == ["jo", "lee", "sam"])
        #expect(store["lee"]?.status == .active)
        #expect(store["lee"]?.school == Fixtures.school("6612002"))
        #expect(store["sam"]?.status == .active)
        #expect(store["sam"]?.school == Fixtures.school("6622001"))
        #expect(store["sam"]?.pendingSchool == nil)
        #expect(store["jo"]?.status == .active)
        #expect(store["jo"]?.created == date("2029-09-01"))
        #expect(store["jo"]?.expires == date("2030-08-31"))
        #expect(store["jo"]?.content == 0)
    }
}
