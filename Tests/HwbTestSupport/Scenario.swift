import HwbCore

/// A start date and a list of commands, replayable from scratch.
public struct Scenario: Sendable, Equatable {
    /// The seed it was generated from, for the report (nil once shrunk by hand).
    public var seed: UInt64?
    public var start: CalendarDate
    public var commands: [ScenarioCommand]

    public init(seed: UInt64?, start: CalendarDate, commands: [ScenarioCommand]) {
        self.seed = seed
        self.start = start
        self.commands = commands
    }

    /// Runs the commands on a fresh runner, calling `step` after each with the command's
    /// index and the refusal, if it was refused. `step` returns false to stop early.
    @discardableResult
    public func replay(
        _ step: (Int, ScenarioCommand, RuleError?, ScenarioRunner) -> Bool = { _, _, _, _ in true }
    ) -> ScenarioRunner {
        var runner = ScenarioRunner(start: start)
        for (index, command) in commands.enumerated() {
            var refusal: RuleError?
            do throws(RuleError) {
                try runner.apply(command)
            } catch {
                refusal = error
            }
            if !step(index, command, refusal, runner) { break }
        }
        return runner
    }

    /// The scenario as an hwbsh script: the fixture's clock and schools, then one command
    /// a line, each followed by its position (`# 12`).
    public var script: String {
        var lines = ["# seed \(seed.map(String.init) ?? "none"), \(commands.count) commands"]
        lines.append("date set \(start)")
        let fixture = Fixtures.store(today: start.description)
        for school in fixture.schools.values.sorted(by: { $0.number < $1.number }) {
            lines.append(ScenarioCommand.addSchool(school).description)
        }
        for (index, command) in commands.enumerated() {
            lines.append("\(command)  # \(index)")
        }
        return lines.joined(separator: "\n")
    }

    /// A smaller scenario for which `fails` still holds, found by removing runs of
    /// commands (delta debugging: halves, quarters, ... single commands, until no single
    /// command can go). At most `budget` calls of `fails`.
    public func shrunk(budget: Int = 4000, while fails: (Scenario) -> Bool) -> Scenario {
        var current = self
        var calls = 0
        var chunk = max(1, current.commands.count / 2)
        while calls < budget {
            var removed = false
            var index = 0
            while index < current.commands.count, calls < budget {
                var candidate = current
                candidate.commands.removeSubrange(index..<min(index + chunk, current.commands.count))
                calls += 1
                if fails(candidate) {
                    current = candidate
                    removed = true
                } else {
                    index += chunk
                }
            }
            if chunk > 1 {
                chunk = max(1, chunk / 2)
            } else if !removed {
                break
            }
        }
        return current
    }
}
