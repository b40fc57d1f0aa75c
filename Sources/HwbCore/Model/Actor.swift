/// R11: who the shell acts as, and which schools that person can see.
public enum Actor: Sendable, Hashable {
    /// Every school; everything, including reactivating MIS accounts.
    case serviceDesk
    /// The schools of one local authority (its 3-digit code).
    case laAdmin(Int)
    /// One school.
    case champion(SchoolNumber)

    /// Whether this actor may see and change accounts at `school`.
    public func covers(_ school: SchoolNumber) -> Bool {
        switch self {
        case .serviceDesk: return true
        case .laAdmin(let code): return school.laCode == code
        case .champion(let number): return school == number
        }
    }

    public var isChampion: Bool {
        if case .champion = self { return true }
        return false
    }

    /// Whether every school is in scope.
    public var seesEverything: Bool { self == .serviceDesk }
}

extension Actor: CustomStringConvertible {
    /// The form `login` and `--as` take: `service-desk`, `la-admin 661`, `champion 6612001`.
    public var description: String {
        switch self {
        case .serviceDesk: return "service-desk"
        case .laAdmin(let code): return "la-admin \(code)"
        case .champion(let school): return "champion \(school)"
        }
    }
}
