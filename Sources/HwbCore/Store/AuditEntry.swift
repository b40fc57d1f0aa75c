/// One change recorded in the audit log: when, by whom, through which command and rule,
/// and the before/after of every field that changed.
public struct AuditEntry: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var field: Account.Field
        public var before: Account.FieldValue
        public var after: Account.FieldValue

        public init(field: Account.Field, before: Account.FieldValue, after: Account.FieldValue) {
            self.field = field
            self.before = before
            self.after = after
        }
    }

    /// The simulated date of the change.
    public var date: CalendarDate
    /// `service-desk`, `la-admin 661`, `champion 6612001`, or `system` for the feed, the
    /// sweep, imports and the directory (R11's simulation controls).
    public var actor: String
    /// The command as it was typed.
    public var command: String
    public var rule: Rule
    /// What happened: shown as `created`, `kept 6m`, `deactivated (expired)`...
    public var action: Action
    /// The account concerned, or nil for a change to the school directory.
    public var account: AccountID?
    /// The school the account belonged to (or the school added), for scoping the log.
    public var school: SchoolNumber?
    public var changes: [Change]

    public init(
        date: CalendarDate, actor: String, command: String, rule: Rule, action: Action,
        account: AccountID?, school: SchoolNumber?, changes: [Change]
    ) {
        self.date = date
        self.actor = actor
        self.command = command
        self.rule = rule
        self.action = action
        self.account = account
        self.school = school
        self.changes = changes
    }
}
