import HwbCore
import HwbTestSupport
import Testing

/// The generator and the checkers the properties rely on: if these fail, a green property
/// test proves little.
@Suite struct RandomScenarioTests {
    @Test func sameSeedSameScenario() {
        #expect(RandomScenario.generate(seed: 7, length: 120) == RandomScenario.generate(seed: 7, length: 120))
        #expect(RandomScenario.generate(seed: 7, length: 120) != RandomScenario.generate(seed: 8, length: 120))
    }

    @Test func splitMixMatchesItsReferenceOutput() {
        // The first outputs of SplitMix64 seeded with 0, as published with the algorithm.
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func scriptIsReadableHwbsh() {
        let scenario = Scenario(seed: 3, start: Fixtures.date("2027-08-30"), commands: [
            .login(.laAdmin(661)),
            .create(Fixtures.newAccount("u01", category: "ite-student", expiry: .months(1))),
            .join(JoinEvent(id: Fixtures.id("u02"), school: Fixtures.school("6612002"), name: "MIS u02", role: .staff)),
            .leave(Fixtures.id("u02"), on: Fixtures.date("2027-08-31")),
            .advance(Period(2, .weeks)),
            .sweep,
        ])
        #expect(scenario.script == """
            # seed 3, 6 commands
            date set 2027-08-30
            school add 6612001 name="Ysgol y Môr"
            school add 6612002 name="Ysgol Bryn"
            school add 6619001 name="Independent" maintained=no
            school add 6622001 name="Ysgol Arall"
            login la-admin 661  # 0
            create u01 name="Test u01" category=ite-student school=6612001 for=1m  # 1
            mis join u02 school=6612002 name="MIS u02" role=staff  # 2
            mis leave u02 on=2027-08-31  # 3
            date advance 2w  # 4
            sweep  # 5
            """)
    }

    @Test func shrinkingKeepsOnlyWhatTheFailureNeeds() {
        let scenario = RandomScenario.generate(seed: 11, length: 150)
        // Fails when some sweep deactivates an account: needs a creation or a join, time
        // passing, and a sweep.
        let fails: ScenarioProperty = { scenario in
            var deactivated = false
            scenario.replay { _, command, _, runner in
                if command.isSweep, runner.store.accounts.values.contains(where: { !$0.isActive }) { deactivated = true }
                return !deactivated
            }
            return deactivated ? "deactivated" : nil
        }
        #expect(fails(scenario) != nil)
        let minimal = scenario.shrunk { fails($0) != nil }
        #expect(fails(minimal) != nil)
        #expect(minimal.commands.count <= 4)
        #expect(minimal.commands.last == .sweep)
    }

    /// Across the seeds the property suites use, the scenarios reach every kind of
    /// refusal and every lifecycle transition the properties are about.
    @Test func scenariosReachEveryRuleOutcome() {
        var seen: Set<String> = []
        for seed in seeds(48, salt: 14) {
            var before = ScenarioRunner(start: RandomScenario.generate(seed: seed, length: 0).start)
            RandomScenario.generate(seed: seed, length: 200).replay { _, command, refusal, runner in
                let name = String(command.description.prefix { $0 != " " })
                seen.insert(refusal == nil ? "\(name) done" : "\(name) refused")
                if case .login = command, refusal == nil { seen.insert("as \(runner.actor)") }
                for (id, old) in before.store.accounts {
                    guard let new = runner.store.accounts[id] else {
                        seen.insert("deleted \(old.kind.rawValue)")
                        continue
                    }
                    if old.isActive, !new.isActive { seen.insert("deactivated \(new.reason!.rawValue)") }
                    if !old.isActive, new.isActive { seen.insert("reactivated \(new.kind.rawValue) by \(name)") }
                    if old.pendingSchool == nil, new.pendingSchool != nil { seen.insert("pending staff") }
                    if old.isActive, new.isActive, old.school != new.school { seen.insert("moved") }
                }
                if case .sweep = command,
                   runner.store.accounts.values.contains(where: { !$0.isActive && $0.deactivatedOn! < runner.store.today })
                {
                    seen.insert("deactivated before the sweep day")
                }
                before = runner
                return true
            }
        }
        let expected: [String] = [
            "login done", "login refused", "as service-desk", "as la-admin 661", "as champion 6612001",
            "school done", "school refused",
            "create done", "create refused", "keep done", "keep refused", "close done", "close refused",
            "reactivate done", "reactivate refused", "mis done", "mis refused", "signin done", "signin refused",
            "content done", "content refused", "sweep done", "date done", "date refused",
            "deactivated expired", "deactivated inactive", "deactivated closed", "deactivated left",
            "deleted mis", "deleted non-mis", "reactivated non-mis by reactivate", "reactivated mis by reactivate",
            "reactivated mis by mis", "pending staff", "moved", "deactivated before the sweep day",
        ]
        #expect(expected.filter { !seen.contains($0) } == [], "seen: \(seen.sorted())")
    }
}
