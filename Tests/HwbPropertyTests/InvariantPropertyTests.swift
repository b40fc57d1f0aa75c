import HwbCore
import HwbTestSupport
import Testing

/// R14: after every command of a random scenario the invariants R14.1-3 hold, after every
/// sweep R14.4 holds too, and a refused command changes nothing (R14.5).
@Suite struct InvariantPropertyTests {
    @Test(arguments: seeds(48, salt: 14))
    func invariantsHoldAfterEveryCommand(seed: UInt64) {
        expectProperty(RandomScenario.generate(seed: seed, length: 200), Self.invariantsHold)
    }

    /// The first command after which R14.1-5 do not hold, or nil.
    static func invariantsHold(_ scenario: Scenario) -> String? {
        var failure: String?
        var before = Observable(ScenarioRunner(start: scenario.start))
        if let problem = Reference.invariantViolations(accounts: before.accounts, schools: before.schools).first {
            return "the starting store breaks R14: \(problem)"
        }
        scenario.replay { index, command, refusal, runner in
            let after = Observable(runner)
            defer { before = after }
            let step = "after command \(index) `\(command)`"
            if let refusal, after != before {
                failure = "\(step), refused with \"\(refusal)\", the store changed (R14.5): \(after.changes(since: before))"
                return false
            }
            var problems = Reference.invariantViolations(accounts: after.accounts, schools: after.schools)
            if command.isSweep {
                problems += Reference.afterSweepViolations(accounts: after.accounts, today: after.today)
            }
            if !problems.isEmpty {
                failure = "\(step) (today \(after.today)): " + problems.joined(separator: "; ")
                return false
            }
            return true
        }
        return failure
    }
}
