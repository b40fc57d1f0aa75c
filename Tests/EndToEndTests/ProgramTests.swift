import HwbTestSupport
import Testing

@Suite struct ProgramTests {
    @Test func wrongOptionExitsWithTwo() throws {
        let result = try Executable.run(["--no-such-option"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--no-such-option"))
    }
}
