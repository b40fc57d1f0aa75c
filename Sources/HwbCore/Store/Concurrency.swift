/// How the core may run two independent pieces of work: side by side when its caller
/// lends it a second thread (the shell runs them on both cores), else one after the
/// other. The core itself starts no thread, as it reads no clock.
public struct Concurrency: Sendable {
    private let body: @Sendable (_ first: @Sendable () -> Void, _ second: @Sendable () -> Void) -> Void

    /// `body` must run both pieces of work and return when both are done.
    public init(_ body: @escaping @Sendable (_ first: @Sendable () -> Void, _ second: @Sendable () -> Void) -> Void) {
        self.body = body
    }

    /// One after the other, on the caller's thread.
    public static let sequential = Concurrency { first, second in
        first()
        second()
    }

    func run(_ first: @Sendable () -> Void, _ second: @Sendable () -> Void) {
        body(first, second)
    }
}

/// What two pieces of work run by `Concurrency` hand back; each sets only its own fields.
final class SharedResults<First, Second>: @unchecked Sendable {
    var first: First?
    var second: Second?
}
