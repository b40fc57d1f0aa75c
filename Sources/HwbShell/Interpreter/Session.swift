/// The session's run rules, apart from the commands themselves: when reading stops (a
/// failure, `quit`), how failures are counted, and how deep `run` has nested scripts.
struct Session {
    /// Go on after a failed command in scripts (`--keep-going`; always at the terminal).
    var keepGoing = false
    /// Whether scripts go on after a failure (`--keep-going`), also those started by `run`
    /// at the terminal, where the session itself always goes on.
    var scriptsKeepGoing = false
    /// Set by `quit`, or by a failure when not keeping going: the runner stops reading.
    var stopRequested = false
    /// Set by `quit`: it leaves hwbsh, even from a script started with `run`.
    var quitRequested = false
    /// How many commands have failed.
    var failureCount = 0
    /// Whether a confirmation was declined on the line being run.
    var declinedOnThisLine = false
    /// How deep `run` has nested scripts.
    var runDepth = 0
    static let maximumRunDepth = 16

    /// Records a failure; unless keeping going, the runner stops.
    mutating func noteFailure() {
        failureCount += 1
        if !keepGoing { stopRequested = true }
    }

    /// `quit`: stop reading, and leave any scripts `run` started.
    mutating func quit() {
        quitRequested = true
        stopRequested = true
    }
}
