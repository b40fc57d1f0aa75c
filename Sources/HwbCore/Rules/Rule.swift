/// The rule ids of docs/rules.md, cited by refusals and audit entries.
public enum Rule: String, Sendable, Hashable, CaseIterable {
    case r1 = "R1", r2 = "R2", r3 = "R3", r4 = "R4", r5 = "R5", r6 = "R6", r7 = "R7"
    case r8 = "R8", r9 = "R9", r10 = "R10", r11 = "R11", r12 = "R12", r13 = "R13", r14 = "R14"
}

/// A command refused by the rules. Nothing was changed.
///
/// The message says what was wrong in the user's terms; `rule`, when set, names the rule
/// that refused it and is printed after the message: `jo.bloggs is an MIS account: ... (R7)`.
public struct RuleError: Error, Equatable, Sendable {
    public var message: String
    public var rule: Rule?
    /// The id a `noAccount` refusal names, so that the shell can answer with what the
    /// actor may know instead (a deletion, the nearest ids).
    public var missingAccount: AccountID?
    /// The word an unknown-category refusal names, for "did you mean".
    public var unknownCategory: String?

    public init(_ message: String, rule: Rule?) {
        self.message = message
        self.rule = rule
    }

    /// R11: an account that does not exist, or is outside the actor's scope (whose
    /// existence is not revealed).
    public static func noAccount(_ id: AccountID) -> RuleError {
        var error = RuleError("no account \(id)", rule: nil)
        error.missingAccount = id
        return error
    }
}

extension RuleError: CustomStringConvertible {
    public var description: String {
        guard let rule else { return message }
        return "\(message) (\(rule.rawValue))"
    }
}
