@testable import HwbShell
import HwbTestSupport
import Testing

/// The progress bar of long work: what it draws, when, and for which sessions.
@Suite struct ProgressTests {
    /// A clock the test moves, and everything drawn.
    final class Screen: @unchecked Sendable {
        var now = 0.0
        var drawn: [String] = []
    }

    func bar(_ screen: Screen, total: Int = 1_000) -> Progress {
        Progress(label: "importing a.csv", total: total, unit: .bytes, width: 80,
                 draw: { screen.drawn.append($0) }, clock: { screen.now })
    }

    @Test func quickWorkDrawsNothing() {
        let screen = Screen()
        let progress = bar(screen)
        screen.now = 0.1
        progress.advance(by: 1_000)
        progress.finish()
        #expect(screen.drawn.isEmpty)
    }

    @Test func slowWorkIsDrawnAtIntervalsAndClearedAtTheEnd() throws {
        let screen = Screen()
        let progress = bar(screen)
        screen.now = 0.25
        progress.advance(by: 250)
        screen.now = 0.28
        progress.advance(by: 10) // too soon to draw again
        screen.now = 0.5
        progress.advance(by: 240)
        #expect(screen.drawn.count == 2)
        let last = try #require(screen.drawn.last)
        #expect(last.hasPrefix("\rimporting a.csv ["))
        #expect(last.contains(" 50% "))
        #expect(last.contains("0.5 s left"), "\(last)")
        progress.finish()
        #expect(screen.drawn.last == "\r\u{1B}[K")
    }

    @Test func theLineFitsTheWidth() {
        for width in [20, 40, 60, 80, 120] {
            let line = Progress.line(label: "loading national.hwbsnap", done: 30_000_000, total: 80_000_000,
                                     unit: .bytes, elapsed: 0.3, width: width)
            #expect(line.count < width, "\(width): \(line)")
        }
        let line = Progress.line(label: "sweeping", done: 40_000, total: 80_000, unit: .accounts, elapsed: 0.2, width: 80)
        #expect(line == "sweeping [=================>                ] 50%  200 k accounts/s  0.2 s left")
    }

    @Test(arguments: [
        (true, true, [:], true),
        (false, true, [:], false), // a script or a pipe
        (true, false, [:], false), // standard error redirected
        (true, true, ["NO_COLOR": "1"], false),
        (true, true, ["TERM": "dumb"], false),
        (true, true, ["TERM": "xterm-256color", "NO_COLOR": ""], true),
    ])
    func onlyAnInteractiveTerminalDrawsBars(
        interactive: Bool, terminal: Bool, environment: [String: String], wanted: Bool
    ) {
        #expect(Progress.isWanted(interactive: interactive, standardErrorIsTerminal: terminal, environment: environment) == wanted)
    }

    /// Below about 100,000 accounts (8 MB of file) there is no bar at all.
    @Test func smallWorkHasNoBar() {
        let session = ShellSession()
        session.shell.showsProgress = true
        #expect(session.shell.progress("saving", total: 1 << 20, unit: .bytes) == nil)
        #expect(session.shell.progress("sweeping", total: 99_999, unit: .accounts) == nil)
        #expect(session.shell.progress("sweeping", total: 100_000, unit: .accounts) != nil)
        session.shell.showsProgress = false
        #expect(session.shell.progress("sweeping", total: 1_000_000, unit: .accounts) == nil)
    }
}
