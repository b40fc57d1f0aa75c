import HwbCore
import HwbTestSupport
import Testing

/// R10: "`sweep dry-run` reports the same and changes nothing". In any state of a random
/// scenario, `planSweep()` reports exactly what `sweep` then reports and does, and a
/// second sweep on the same day changes nothing.
@Suite struct SweepPlanPropertyTests {
    @Test(arguments: seeds(32, salt: 10_10))
    func dryRunReportsExactlyWhatTheSweepDoes(seed: UInt64) {
        expectProperty(RandomScenario.generate(seed: seed, length: 200), Self.planMatchesSweep)
    }

    static func planMatchesSweep(_ scenario: Scenario) -> String? {
        afterEveryCommand { mismatch(in: $0) }(scenario)
    }

    /// Sweeps a copy of `store` and says how the sweep differs from its plan, or nil.
    static func mismatch(in store: Store) -> String? {
        let plan = store.planSweep()
        var swept = store
        let report = swept.sweep(Context(actor: .serviceDesk, command: "sweep"))
        if report != plan {
            return "sweep reported \(Reference.plan(of: report)), dry run \(Reference.plan(of: plan))"
        }
        if swept.today != store.today || swept.schools != store.schools {
            return "the sweep moved the clock or changed the directory"
        }
        // R14: a sweep from any state leaves R14.1-4 holding.
        let problems = Reference.invariantViolations(accounts: swept.accounts.dictionary, schools: swept.schools)
            + Reference.afterSweepViolations(accounts: swept.accounts.dictionary, today: swept.today)
        if !problems.isEmpty {
            return "after a sweep: " + problems.joined(separator: "; ")
        }
        // What the plan says should happen, done by hand.
        var expected = store.accounts.dictionary
        for deactivation in plan.deactivated {
            guard var account = expected[deactivation.id], account.isActive else {
                return "the plan deactivates \(deactivation.id), which is not an active account"
            }
            account.state = .deactivated(on: deactivation.on, reason: deactivation.reason)
            expected[deactivation.id] = account
        }
        for deletion in plan.deleted {
            guard let account = expected.removeValue(forKey: deletion.id) else {
                return "the plan deletes \(deletion.id), which is not in the store"
            }
            if account.content != deletion.content {
                return "the plan deletes \(deletion.id) with \(deletion.content) items; it holds \(account.content)"
            }
        }
        if swept.accounts.dictionary != expected {
            return "the sweep did not do what its dry run said:\n"
                + Reference.differences(swept.accounts.dictionary, expected, names: ("swept  ", "planned"))
        }
        // R10.4: of a deleted account the log keeps only the deletion (id, date, content);
        // every other account gains one entry per deactivation.
        let deleted = Set(plan.deleted.map(\.id))
        for deletion in plan.deleted {
            let kept = swept.audit.entries(for: deletion.id)
            if kept.count != 1 || kept[0].date != store.today || kept[0].changes.first?.before != .number(deletion.content) {
                return "after deleting \(deletion.id) the audit log keeps \(kept.count) entries for it: \(kept.map(\.action.description))"
            }
        }
        let auditAdded = swept.audit.count - store.audit.count
        let forgotten = deleted.reduce(0) { $0 + store.audit.entries(for: $1).count }
        let deactivatedKept = plan.deactivated.filter { !deleted.contains($0.id) }.count
        if auditAdded != deactivatedKept + deleted.count - forgotten {
            return "the audit log grew by \(auditAdded) entries for \(deactivatedKept) deactivations kept and "
                + "\(deleted.count) deletions (\(forgotten) older entries of deleted accounts dropped)"
        }
        // R10: a second sweep on the same day changes nothing.
        let again = swept.planSweep()
        var twice = swept
        if !twice.sweep(Context(actor: .serviceDesk, command: "sweep")).changesNothing || !again.changesNothing
            || twice.accounts != swept.accounts
        {
            return "a second sweep on \(store.today) still does something: \(Reference.plan(of: again))"
        }
        return nil
    }
}
