import Foundation
import HwbCore
import HwbTestSupport
import Testing

/// A property of a whole scenario: nil when it holds, else what went wrong.
typealias ScenarioProperty = (Scenario) -> String?

/// Checks `property` on `scenario`. When it fails, the scenario is shrunk to a smaller one
/// that still fails and the issue records the seed, the first failure, and the smaller
/// scenario as an hwbsh script that replays it.
func expectProperty(
    _ scenario: Scenario, _ property: ScenarioProperty, sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let failure = property(scenario) else { return }
    let minimal = scenario.shrunk { property($0) != nil }
    let minimalFailure = property(minimal) ?? failure
    Issue.record(
        Comment(rawValue: """
            seed \(scenario.seed.map(String.init) ?? "none"): \(failure)

            shrunk to \(minimal.commands.count) of \(scenario.commands.count) commands: \(minimalFailure)
            \(minimal.script)
            """),
        sourceLocation: sourceLocation)
}

/// `count` seeds, `salt * 65536 + 1` on, so that each suite draws scenarios of its own.
/// `HWB_PROPERTY_SCALE=N` in the environment multiplies the count, for a longer search
/// than the default run affords.
/// A property that checks the store after every command of a scenario: the first
/// mismatch found, with the command after which it appeared.
func afterEveryCommand(_ mismatch: @escaping (Store) -> String?) -> ScenarioProperty {
    { scenario in
        var failure: String?
        scenario.replay { index, command, _, runner in
            failure = mismatch(runner.store).map { "after command \(index) `\(command)` (today \(runner.store.today)): \($0)" }
            return failure == nil
        }
        return failure
    }
}

func seeds(_ count: Int, salt: UInt64) -> [UInt64] {
    let scale = ProcessInfo.processInfo.environment["HWB_PROPERTY_SCALE"].flatMap { Int($0) } ?? 1
    return (1...UInt64(count * max(1, scale))).map { salt &* 0x1_0000 &+ $0 }
}
