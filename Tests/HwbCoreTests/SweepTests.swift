import HwbCore
import HwbTestSupport
import Testing

/// R10: the sweep (nightly housekeeping), with R13's inactivity rule.
@Suite struct SweepTests {
    /// Expiry: an account is active on its `expires` day and deactivated from the day
    /// after, whenever the sweep runs.
    @Test(arguments: [
        // created (and last activity), expires, sweep day, deactivatedOn (nil: still active)
        ("2027-07-01", "2027-08-31", "2027-08-31", nil as String?),
        ("2027-07-01", "2027-08-31", "2027-09-01", "2027-09-01"),
        ("2027-07-01", "2027-08-31", "2027-09-20", "2027-09-01"),
        ("2027-07-01", "2027-07-01", "2027-07-01", nil),
        ("2027-07-01", "2027-07-01", "2027-07-02", "2027-07-02"),
        ("2027-07-01", "2027-07-20", "2027-12-01", "2027-07-21"),
        ("2027-12-01", "2027-12-31", "2028-01-01", "2028-01-01"),
        ("2028-01-01", "2028-02-28", "2028-02-29", "2028-02-29"),
        ("2028-01-01", "2028-02-29", "2028-03-01", "2028-03-01"),
    ])
    func deactivatesExpiredAccounts(_ created: String, _ expires: String, _ sweepDay: String, _ deactivatedOn: String?) throws {
        var store = Fixtures.store(today: created)
        try store.createNonMIS("jo.bloggs", expiry: .date(date(expires)))
        let report = try store.sweep(on: sweepDay)
        let account = try #require(store["jo.bloggs"])
        if let deactivatedOn {
            #expect(report.ids(.expired) == [Fixtures.id("jo.bloggs")])
            #expect(account.status == .deactivated)
            #expect(account.reason == .expired)
            #expect(account.deactivatedOn == date(deactivatedOn))
            #expect(account.deletionDue == date(deactivatedOn).addingMonths(12))
        } else {
            #expect(report.changesNothing)
            #expect(account.status == .active)
        }
    }

    /// Inactivity (R13): active through the 90th day without a sign-in, deactivated from
    /// the 91st (`lastActivity + 90 days < T`), on `lastActivity + 91 days`.
    @Test(arguments: [
        // created, sign-in (nil: none), sweep day, deactivatedOn (nil: still active)
        ("2027-09-01", nil as String?, "2027-11-30", nil as String?),
        ("2027-09-01", nil, "2027-12-01", "2027-12-01"),
        ("2027-09-01", nil, "2028-03-01", "2027-12-01"),
        ("2027-09-01", "2027-10-15", "2028-01-13", nil),
        ("2027-09-01", "2027-10-15", "2028-01-14", "2028-01-14"),
        ("2027-12-01", nil, "2028-02-29", nil),
        ("2027-12-01", nil, "2028-03-01", "2028-03-01"),
        ("2027-11-30", nil, "2028-02-28", nil),
        ("2027-11-30", nil, "2028-02-29", "2028-02-29"),
        ("2027-10-02", nil, "2027-12-31", nil),
        ("2027-10-02", nil, "2028-01-01", "2028-01-01"),
    ])
    func deactivatesIdleAccounts(_ created: String, _ signIn: String?, _ sweepDay: String, _ deactivatedOn: String?) throws {
        var store = Fixtures.store(today: created)
        try store.createNonMIS("jo.bloggs")
        if let signIn {
            try store.moveClock(to: signIn)
            try store.signIn("jo.bloggs")
        }
        let report = try store.sweep(on: sweepDay)
        let account = try #require(store["jo.bloggs"])
        if let deactivatedOn {
            #expect(report.ids(.inactive) == [Fixtures.id("jo.bloggs")])
            #expect(account.status == .deactivated)
            #expect(account.reason == .inactive)
            #expect(account.deactivatedOn == date(deactivatedOn))
            #expect(account.deletionDue == date(deactivatedOn).addingMonths(12))
        } else {
            #expect(report.changesNothing)
            #expect(account.status == .active)
        }
    }

    /// `deactivatedOn` is the earlier of `expires + 1` and `lastActivity + 91`; `expired`
    /// on a tie.
    @Test(arguments: [
        // created (= last activity), expires, sweep day, deactivatedOn, reason
        // Tie: 2027-06-02 + 91 days = 2027-09-01 = 2027-08-31 + 1.
        ("2027-06-02", "2027-08-31", "2027-09-01", "2027-09-01", Account.Reason.expired),
        ("2027-06-02", "2027-08-31", "2028-01-01", "2027-09-01", .expired),
        // Idle first: 2027-05-01 + 91 days = 2027-07-31.
        ("2027-05-01", "2027-08-31", "2027-09-15", "2027-07-31", .inactive),
        // One day either side of the tie.
        ("2027-06-01", "2027-08-31", "2027-09-15", "2027-08-31", .inactive),
        ("2027-06-03", "2027-08-31", "2027-09-15", "2027-09-01", .expired),
        // Expired first.
        ("2027-07-01", "2027-07-20", "2027-12-01", "2027-07-21", .expired),
    ])
    func usesTheEarlierDateAndExpiredOnATie(
        _ created: String, _ expires: String, _ sweepDay: String, _ deactivatedOn: String, _ reason: Account.Reason
    ) throws {
        var store = Fixtures.store(today: created)
        try store.createNonMIS("jo.bloggs", expiry: .date(date(expires)))
        let report = try store.sweep(on: sweepDay)
        let account = try #require(store["jo.bloggs"])
        #expect(report.ids(reason) == [Fixtures.id("jo.bloggs")])
        #expect(account.reason == reason)
        #expect(account.deactivatedOn == date(deactivatedOn))
        #expect(account.deletionDue == date(deactivatedOn).addingMonths(12))
    }

    /// MIS accounts are not subject to the inactivity rule, and have no expiry.
    @Test(arguments: [Account.Role.learner, .staff])
    func leavesIdleMISAccountsAlone(_ role: Account.Role) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("mis.person", role: role)
        #expect(try store.sweep(on: "2030-01-01").changesNothing)
        #expect(store["mis.person"]?.status == .active)
    }

    /// Deletion is due exactly 12 months after `deactivatedOn`: deleted on that day, not the
    /// day before.
    @Test(arguments: [
        // created, expires, deactivatedOn (by expiry), deletion due
        ("2027-07-01", "2027-08-31", "2027-09-01", "2028-09-01"),
        ("2028-01-01", "2028-02-28", "2028-02-29", "2029-02-28"),
        ("2027-07-01", "2027-07-30", "2027-07-31", "2028-07-31"),
        ("2027-12-01", "2027-12-30", "2027-12-31", "2028-12-31"),
    ])
    func deletesOnTheDueDayNotTheDayBefore(_ created: String, _ expires: String, _ deactivatedOn: String, _ due: String) throws {
        var store = Fixtures.store(today: created)
        try store.createNonMIS("jo.bloggs", expiry: .date(date(expires)))
        try store.setContent("jo.bloggs", 4)
        try store.sweep(on: deactivatedOn)
        #expect(store["jo.bloggs"]?.deletionDue == date(due))
        let dayBefore = try #require(date(due).addingDays(-1))
        #expect(try store.sweep(on: dayBefore.description).changesNothing)
        #expect(store["jo.bloggs"]?.status == .deactivated)
        let report = try store.sweep(on: due)
        #expect(report.deleted.map(\.id) == [Fixtures.id("jo.bloggs")])
        #expect(report.deleted.first?.content == 4)
        #expect(report.deactivated.isEmpty)
        #expect(store["jo.bloggs"] == nil)
    }

    /// When the effective date is far enough back, the sweep that deactivates an account
    /// also deletes it.
    @Test func deletesInTheSameSweepAsTheDeactivation() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("expired", expiry: .date(date("2027-07-01")))   // off on 2027-07-02
        try store.createNonMIS("expired.later", expiry: .date(date("2027-07-02"))) // off on 2027-07-03
        try store.joinNew("left", role: .learner)
        try store.leave("left", on: "2026-07-02")                              // off on 2026-07-02
        try store.moveClock(to: "2027-09-01")
        try store.createNonMIS("idle", expiry: .date(date("2028-08-31")))      // off on 2027-12-01
        try store.setContent("expired", 9)

        let report = try store.sweep(on: "2028-07-02")
        #expect(report.deactivated.map(\.id.value) == ["expired", "expired.later", "idle", "left"])
        #expect(report.deleted.map(\.id.value) == ["expired", "left"])
        #expect(report.deletedContent == 9)
        #expect(store["expired"] == nil)
        #expect(store["left"] == nil)
        #expect(store["expired.later"]?.deletionDue == date("2028-07-03"))
        #expect(store["idle"]?.reason == .inactive)
        #expect(store["idle"]?.deactivatedOn == date("2027-12-01"))

        let next = try store.sweep(on: "2028-07-03")
        #expect(next.deleted.map(\.id.value) == ["expired.later"])
        #expect(next.deactivated.isEmpty)
    }

    /// Deactivated staff waiting for the Service Desk are still deleted when due.
    @Test func deletesPendingStaffWhenDue() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.joinNew("sam.staff", role: .staff)
        try store.leave("sam.staff")
        store.sweep(Fixtures.context)
        try store.join("sam.staff", school: "6612002")
        #expect(store.pendingList(visibleTo: .serviceDesk).count == 1)
        try store.sweep(on: "2028-07-01")
        #expect(store["sam.staff"] == nil)
        #expect(store.pendingList(visibleTo: .serviceDesk).isEmpty)
    }

    /// A dry run reports what the sweep would do and changes nothing.
    @Test func dryRunChangesNothing() throws {
        var store = try Self.busyStore()
        try store.moveClock(to: "2028-09-15")
        let before = StoreState(store)
        let plan = store.planSweep()
        #expect(StoreState(store) == before)
        #expect(!plan.changesNothing)
        let report = store.sweep(Fixtures.context)
        #expect(report == plan)
    }

    /// A second sweep on the same day changes nothing.
    @Test(arguments: ["2027-07-20", "2027-09-01", "2027-12-01", "2028-09-15", "2029-09-15"])
    func aSecondSweepOnTheSameDayChangesNothing(_ day: String) throws {
        var store = try Self.busyStore()
        try store.sweep(on: day)
        let after = StoreState(store)
        #expect(store.sweep(Fixtures.context).changesNothing)
        #expect(StoreState(store) == after)
    }

    /// One sweep after a long jump leaves the same accounts as a sweep every day through it.
    @Test(arguments: ["2027-09-01", "2028-03-01", "2028-09-02", "2029-01-01"])
    func oneSweepAfterAJumpEqualsADailySweep(_ end: String) throws {
        var jumped = try Self.busyStore()
        var daily = jumped
        try jumped.sweep(on: end)
        var day = daily.today
        while day < date(end) {
            day = try #require(day.addingDays(1))
            try daily.sweep(on: day.description)
        }
        #expect(jumped.accounts == daily.accounts)
        #expect(jumped.today == daily.today)
    }

    /// R14.4: after a sweep as of T, nothing it should have acted on is left.
    @Test(arguments: ["2027-07-25", "2027-09-01", "2027-12-02", "2028-09-15", "2029-12-01"])
    func leavesNothingOverdue(_ day: String) throws {
        var store = try Self.busyStore()
        try store.sweep(on: day)
        let today = store.today
        for account in store.accounts.values {
            switch (account.status, account.kind) {
            case (.active, .nonMIS):
                #expect(try #require(account.expires) >= today, "\(account.id) expired")
                #expect(try #require(account.lastActivity.addingDays(90)) >= today, "\(account.id) idle")
            case (.active, .mis):
                #expect(account.leavingDate.map { $0 > today } ?? true, "\(account.id) has left")
            case (.deactivated, _):
                #expect(try #require(account.deletionDue) > today, "\(account.id) is due for deletion")
            }
            #expect(store.problems(with: Account.Fields(account)).isEmpty, "\(account.id): \(store.problems(with: Account.Fields(account)))")
        }
    }

    /// The report lists what changed, by id, with the reasons.
    @Test func reportsWhatChanged() throws {
        var store = try Self.busyStore()
        let report = try store.sweep(on: "2027-12-02")
        #expect(report.date == date("2027-12-02"))
        #expect(report.ids(.expired).map(\.value) == ["closing", "soon", "year.end"])
        #expect(report.ids(.left).map(\.value) == ["left.past", "left.soon"])
        #expect(report.ids(.inactive).map(\.value) == ["busy", "idle", "kept"])
        #expect(report.ids(.closed).isEmpty)
        #expect(report.deactivated.map(\.id) == report.deactivated.map(\.id).sorted())
        #expect(report.deleted.map(\.id.value) == ["left.past"])
    }

    /// Every change the sweep makes is audited as the system, on the sweep's date.
    @Test func sweepChangesAreAudited() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("expired", expiry: .date(date("2027-07-10")))
        try store.joinNew("left", role: .learner)
        try store.leave("left", on: "2027-07-05")
        try store.createNonMIS("idle")
        try store.keep("idle", .endOfNextYear)
        let before = store.audit.count
        try store.sweep(on: "2027-10-15")
        #expect(store.audit.count == before + 3)
        for (id, rules) in [("expired", [Rule.r10]), ("left", [.r10]), ("idle", [.r10, .r13])] {
            let entry = try #require(store.auditEntries(id).last)
            #expect(entry.date == date("2027-10-15"))
            #expect(entry.actor == "system")
            #expect(rules.contains(entry.rule), "\(id) audited under \(entry.rule)")
            #expect(entry.changes.contains { $0.field == .status && $0.after == .string("deactivated") })
        }
    }

    /// R10.4: a deletion leaves only the id, the date and the number of content items
    /// deleted; the account's earlier entries are gone.
    @Test func aDeletionLeavesOnlyTheIDDateAndContentCount() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs", category: "governor")
        try store.createNonMIS("other")
        try store.keep("jo.bloggs", .oneMonth)
        try store.signIn("jo.bloggs", on: "2027-07-01")
        try store.setContent("jo.bloggs", 42)
        try store.close("jo.bloggs", .now)
        let otherEntries = store.auditEntries("other")
        #expect(store.auditEntries("jo.bloggs").count >= 4)
        let countBefore = store.audit.count
        let removed = store.auditEntries("jo.bloggs").count

        try store.sweep(on: "2028-07-01")
        #expect(store["jo.bloggs"] == nil)
        let entries = store.auditEntries("jo.bloggs")
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.account == Fixtures.id("jo.bloggs"))
        #expect(entry.date == date("2028-07-01"))
        #expect(entry.changes.allSatisfy { $0.field == .content })
        #expect(entry.changes.first?.before == .number(42) && entry.action == .deleted(content: 42))
        // Nothing else in the whole log still names the account or holds its data.
        #expect(store.audit.all.filter { $0.account == Fixtures.id("jo.bloggs") }.count == 1)
        #expect(!store.audit.all.contains { entry in
            entry.changes.contains { $0.after == .string("Test jo.bloggs") || $0.before == .string("Test jo.bloggs") }
        })
        // Other accounts keep their history; the sweep also deactivated "other" (expired).
        #expect(store.auditEntries("other").prefix(otherEntries.count).elementsEqual(otherEntries))
        #expect(store.audit.count == countBefore - removed + 1 + 1)
    }

    /// A store with a bit of everything, on 2027-07-01.
    static func busyStore() throws -> Store {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("soon", expiry: .date(date("2027-07-10")))
        try store.createNonMIS("year.end")
        try store.createNonMIS("closing", school: "6612002", expiry: .months(1))
        try store.close("closing", .atExpiry)
        try store.createNonMIS("closed", school: "6622001")
        try store.close("closed", .now)
        try store.createNonMIS("kept", school: "6622001")
        try store.keep("kept", .endOfNextYear)
        try store.createNonMIS("idle")
        try store.keep("idle", .endOfNextYear)
        try store.createNonMIS("busy")
        try store.keep("busy", .endOfNextYear)
        try store.joinNew("learner", role: .learner)
        try store.joinNew("staff", role: .staff, school: "6622001")
        try store.joinNew("left.past", role: .learner)
        try store.leave("left.past", on: "2026-06-01")
        try store.joinNew("left.soon", role: .staff)
        try store.leave("left.soon", on: "2027-08-31")
        try store.joinNew("left.later", role: .learner, school: "6612002")
        try store.leave("left.later", on: "2028-03-15")
        try store.setContent("idle", 3)
        try store.setContent("left.soon", 8)
        try store.moveClock(to: "2027-07-20")
        try store.signIn("busy")
        try store.signIn("kept", on: "2027-07-15")
        return store
    }
}

/// Found by the differential test: deleting accounts whose content counts add up past
/// Int.max must not crash the sweep.
@Suite struct SweepContentTotalTests {
    @Test func contentTotalsPastIntMaxAreHeldAtIntMax() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.create(Fixtures.newAccount("a"), Fixtures.context)
        try store.create(Fixtures.newAccount("b"), Fixtures.context)
        try store.setContent(Fixtures.id("a"), to: Int.max, Fixtures.context)
        try store.setContent(Fixtures.id("b"), to: 1, Fixtures.context)
        try store.setDate(Fixtures.date("2029-07-01"))
        let report = store.sweep(Fixtures.context)
        #expect(report.deleted.map(\.id.value) == ["a", "b"])
        #expect(report.deletedContent == Int.max)
        #expect(store.accounts.isEmpty)
    }
}

/// The sweep changes the rows' columns on one thread while the other puts them in the
/// order of their ids: the two pieces are independent, so a sweep comes out the same in
/// whichever order they run.
@Suite struct SweepConcurrencyTests {
    @Test func theTwoPiecesOfASweepMayRunInEitherOrder() throws {
        var store = Fixtures.store(today: "2027-07-01")
        for index in 0..<40 {
            try store.createNonMIS("gov.\(index)", expiry: .date(date("2027-07-\(10 + index % 20)")))
        }
        for index in 0..<10 {
            _ = try store.joinNew("pupil.\(index)", role: .learner)
            try store.leave("pupil.\(index)", on: "2027-07-1\(index)")
        }
        try store.close("gov.3", .now)
        try store.moveClock(to: "2028-07-15")
        var reversed = store
        let inOrder = store.sweep(Fixtures.context)
        let backwards = reversed.sweep(Fixtures.context, concurrency: Concurrency { first, second in
            second()
            first()
        })
        #expect(inOrder == backwards)
        #expect(inOrder.deactivated.count == 49 && !inOrder.deleted.isEmpty)
        #expect(store.accounts == reversed.accounts)
        #expect(store.audit.all == reversed.audit.all)
        #expect(store.planSweep().changesNothing && reversed.planSweep().changesNothing)
    }
}
