import Dispatch
import HwbCore

extension Concurrency {
    /// Both pieces of work at once, one on each core.
    public static let bothCores = Concurrency { first, second in
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 { first() } else { second() }
        }
    }
}
